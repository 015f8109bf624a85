/* fuzz_cookies.c — parse_cookies (the Cookie header). The input is the
 * header's value as a C string (a NUL in the input ends it, as in a FastCGI
 * parameter). Checked beyond "no crash": every pair is its ';'-separated
 * segment of the header in order (name up to the first '=', spaces around it
 * dropped, value as it is), no name is empty or holds ';' or '=', no value
 * holds ';', values are NUL-terminated at len, all is valid UTF-8 without
 * control characters, and the declared limits hold. */
#include "fuzz.h"
#include "core/arena.h"
#include "core/parse.h"

static const struct limits LIM = { 8, 16, 64, 0 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);
	arena *a = arena_new();
	struct params p = { 0 };
	int rc = parse_cookies(a, s, &p, &LIM);
	CHECK(rc == PARSE_OK || rc == PARSE_MALFORMED || rc == PARSE_TOO_MANY || rc == PARSE_TOO_LONG);
	CHECK(p.n <= LIM.max_fields);
	/* the segments with a name and '=', in order, against the pairs parsed */
	size_t k = 0, i = 0;
	while (i < n && k < p.n) {
		while (i < n && (s[i] == ' ' || s[i] == ';'))
			i++;
		size_t start = i;
		while (i < n && s[i] != ';')
			i++;
		const char *eq = memchr(s + start, '=', i - start);
		if (eq == NULL || eq == s + start)
			continue;
		size_t nlen = (size_t)(eq - (s + start));
		while (nlen > 0 && s[start + nlen - 1] == ' ')
			nlen--;
		const struct param *e = &p.v[k++];
		size_t vlen = (size_t)(s + i - (eq + 1));
		CHECK(strlen(e->name) == nlen && memcmp(e->name, s + start, nlen) == 0);
		CHECK(e->len == vlen && memcmp(e->value, eq + 1, vlen) == 0);
		CHECK(e->value[e->len] == '\0' && strlen(e->value) == e->len);
		CHECK(nlen > 0 && nlen <= LIM.max_name && e->len <= LIM.max_value && e->len <= n);
		CHECK(e->name[0] != ' ' && e->name[nlen - 1] != ' ');
		CHECK(strpbrk(e->name, ";=") == NULL && strchr(e->value, ';') == NULL);
		CHECK(utf8_valid(e->name, nlen) && fuzz_text_chars_ok(e->name, nlen));
		CHECK(utf8_valid(e->value, e->len) && fuzz_text_chars_ok(e->value, e->len));
	}
	CHECK(k == p.n);
	arena_free(a);
	free(s);
	return 0;
}
