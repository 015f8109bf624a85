/* fuzz_normalize.c — the duplicate check's keys (clients/normalize.c): the
 * company name normaliser, phone digits, amounts and the credit code check.
 * The input is a C string (a NUL ends it); name_normalize is only given
 * valid UTF-8, as its contract asks (every caller's text went through the
 * request parsers or csv_to_utf8). Checked beyond "no crash":
 *   - name_normalize fits in strlen(name) + 1 bytes (the buffer is exactly
 *     that), gives valid UTF-8 with no ASCII upper case, space or punctuation,
 *     empties no name that has a letter or digit, and is idempotent:
 *     norm(norm(x)) == norm(x);
 *   - phone_digits gives only digits, no longer than its input;
 *   - money_parse accepts a plain -?digits.dd no longer than its buffer, and
 *     accepts its own output unchanged;
 *   - a credit code completed with credit_code_check_char is valid. */
#include "fuzz.h"
#include "clients/normalize.h"
#include "core/parse.h"

static void check_name(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	name_normalize(s, out);
	size_t on = strlen(out);
	CHECK(on <= n);
	CHECK(utf8_valid(out, on));
	int kept = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		kept |= (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
	CHECK(!kept || on > 0);
	for (size_t i = 0; i < on; i++) {
		unsigned char c = (unsigned char)out[i];
		CHECK(c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
	}
	char *again = malloc(on + 1);
	name_normalize(out, again);
	CHECK(strcmp(again, out) == 0);
	free(again);
	free(out);
}

static void check_phone(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	phone_digits(s, out);
	size_t on = strlen(out);
	CHECK(on <= n && strspn(out, "0123456789") == on);
	free(out);
}

static void check_money(const char *s)
{
	char out[24], again[24];
	for (int neg = 0; neg <= 1; neg++) {
		if (!money_parse(s, neg, out, sizeof out))
			continue;
		const char *p = out + (out[0] == '-');
		CHECK(neg || out[0] != '-');
		size_t w = strspn(p, "0123456789");
		CHECK(w >= 1 && w <= 14 && p[w] == '.' && strspn(p + w + 1, "0123456789") == 2 && p[w + 3] == '\0');
		CHECK(money_parse(out, neg, again, sizeof again) && strcmp(again, out) == 0);
	}
}

static void check_credit_code(const char *s, size_t n)
{
	(void)credit_code_valid(s);
	if (n < 17)
		return;
	char code[19];
	memcpy(code, s, 17);
	code[17] = credit_code_check_char(s);
	code[18] = '\0';
	if (code[17] != '\0')
		CHECK(credit_code_valid(code));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);
	if (utf8_valid(s, n))
		check_name(s, n);
	check_phone(s, n);
	check_money(s);
	check_credit_code(s, n);
	free(s);
	return 0;
}
