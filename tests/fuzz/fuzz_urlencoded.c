/* fuzz_urlencoded.c — parse_urlencoded (query strings and form bodies).
 * The input is the raw string, given with its length and no NUL after it.
 * Checked beyond "no crash": an accepted pair is what a plain re-decoding of
 * its segment gives, its value is NUL-terminated at len with no NUL inside,
 * names and values are valid UTF-8 without control characters, and the
 * declared limits hold. */
#include "fuzz.h"
#include "core/arena.h"
#include "core/parse.h"

static const struct limits LIM = { 16, 32, 256, 0 };

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* the reference decoding of s[0..n): '+' is a space, %XX a byte; -1 when a
 * %-escape is cut short or not hex */
static long decode(const char *s, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (n - i < 3 || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
				return -1;
			out[o++] = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
			i += 2;
		} else {
			out[o++] = s[i] == '+' ? ' ' : s[i];
		}
	}
	return (long)o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size);
	arena *a = arena_new();
	struct params p = { 0 };
	int rc = parse_urlencoded(a, s, size, &p, &LIM);
	CHECK(rc == PARSE_OK || rc == PARSE_MALFORMED || rc == PARSE_TOO_MANY || rc == PARSE_TOO_LONG);
	CHECK(p.n <= LIM.max_fields);
	char *want = malloc(size + 1);
	size_t seg_start = 0, k = 0;
	/* every pair parsed (also before an error) matches its segment in order */
	for (size_t i = 0; i <= size && k < p.n; i++) {
		if (i < size && s[i] != '&')
			continue;
		size_t seg = i - seg_start;
		const char *sp = s + seg_start;
		seg_start = i + 1;
		if (seg == 0)
			continue;
		const struct param *e = &p.v[k++];
		const char *eq = memchr(sp, '=', seg);
		size_t nlen = eq ? (size_t)(eq - sp) : seg;
		long dn = decode(sp, nlen, want);
		CHECK(dn > 0);
		CHECK(strlen(e->name) == (size_t)dn && memcmp(e->name, want, (size_t)dn) == 0);
		long dv = eq ? decode(eq + 1, seg - nlen - 1, want) : 0;
		CHECK(dv >= 0);
		CHECK(e->len == (size_t)dv && memcmp(e->value, want, (size_t)dv) == 0);
		CHECK(e->value[e->len] == '\0' && strlen(e->value) == e->len);
		CHECK(e->len <= size && e->len <= LIM.max_value && (size_t)dn <= LIM.max_name);
		CHECK(utf8_valid(e->name, (size_t)dn) && fuzz_text_chars_ok(e->name, (size_t)dn));
		CHECK(utf8_valid(e->value, e->len) && fuzz_text_chars_ok(e->value, e->len));
		CHECK(e->filename == NULL && e->ctype == NULL);
	}
	CHECK(k == p.n);
	free(want);
	arena_free(a);
	free(s);
	return 0;
}
