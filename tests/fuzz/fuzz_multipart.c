/* fuzz_multipart.c — parse_multipart (multipart/form-data bodies). The input
 * is the Content-Type header's value, a '\n', then the body (given with its
 * length and no NUL after it). Checked beyond "no crash": every part's value
 * is a run of the body's bytes, NUL-terminated at len; a name or file name is
 * one sent in the headers, whole (="name" or =name); names, file names and
 * part types are valid UTF-8 without control characters; a text value holds
 * no NUL; and the declared limits hold. */
#include "fuzz.h"
#include "core/arena.h"
#include "core/parse.h"

static const struct limits LIM = { 8, 32, 256, 2048 };

/* 1 when the body holds ="s" or =s then ';', ' ' or CR: a header parameter's
 * value as it was sent, so a name was not cut short at a NUL */
static int sent_as_is(const char *body, size_t n, const char *s)
{
	size_t sn = strlen(s);
	for (size_t i = 0; i + 1 + sn < n; i++) {
		if (body[i] != '=')
			continue;
		if (body[i + 1] == '"' && i + 2 + sn < n && memcmp(body + i + 2, s, sn) == 0 &&
		    body[i + 2 + sn] == '"')
			return 1;
		if (memcmp(body + i + 1, s, sn) == 0 && strchr("; \r", body[i + 1 + sn]) != NULL &&
		    body[i + 1 + sn] != '\0')
			return 1;
	}
	return 0;
}

static int text_ok(const char *s)
{
	return s == NULL || (utf8_valid(s, strlen(s)) && fuzz_text_chars_ok(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t clen = nl ? (size_t)(nl - data) : size;
	char *ctype = fuzz_cstr(data, clen);
	size_t n = nl ? size - clen - 1 : 0;
	char *body = fuzz_copy(nl ? nl + 1 : data, n);
	arena *a = arena_new();
	struct params p = { 0 };
	int rc = parse_multipart(a, ctype, body, n, &p, &LIM);
	CHECK(rc == PARSE_OK || rc == PARSE_MALFORMED || rc == PARSE_TOO_MANY || rc == PARSE_TOO_LONG);
	CHECK(p.n <= LIM.max_fields);
	const char *from = body;   /* parts come in body order, each after the last */
	for (size_t i = 0; i < p.n; i++) {
		const struct param *e = &p.v[i];
		CHECK(e->name != NULL && e->name[0] != '\0' && strlen(e->name) <= LIM.max_name);
		CHECK(text_ok(e->name) && text_ok(e->filename) && text_ok(e->ctype));
		CHECK(sent_as_is(body, n, e->name));
		CHECK(e->filename == NULL || sent_as_is(body, n, e->filename));
		CHECK(e->value != NULL && e->value[e->len] == '\0' && e->len <= n);
		if (e->filename == NULL) {
			CHECK(e->len <= LIM.max_value && strlen(e->value) == e->len);
			CHECK(utf8_valid(e->value, e->len) && fuzz_text_chars_ok(e->value, e->len));
		} else {
			CHECK(e->len <= LIM.max_file);
		}
		const char *at = NULL;
		for (const char *q = from; e->len > 0 && q + e->len <= body + n; q++)
			if (memcmp(q, e->value, e->len) == 0) {
				at = q;
				break;
			}
		CHECK(e->len == 0 || at != NULL);
		if (at != NULL)
			from = at + e->len;
	}
	arena_free(a);
	free(body);
	free(ctype);
	return 0;
}
