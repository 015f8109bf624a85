#include "parse.h"
#include <string.h>
#include <strings.h>

void params_add(arena *a, struct params *p, const char *name, const char *value, size_t len)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct param *v = arena_alloc(a, cap * sizeof *v);
		if (p->n)
			memcpy(v, p->v, p->n * sizeof *v);
		p->v = v;
		p->cap = cap;
	}
	struct param *e = &p->v[p->n++];
	e->name = name;
	e->value = value;
	e->len = len;
	e->filename = NULL;
	e->ctype = NULL;
}

const struct param *params_find(const struct params *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return &p->v[i];
	return NULL;
}

const char *params_get(const struct params *p, const char *name)
{
	const struct param *e = params_find(p, name);
	return e ? e->value : NULL;
}

int utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		unsigned int cp;
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (n - i < need + 1)
			return 0;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += need + 1;
	}
	return 1;
}

size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Checks decoded text: UTF-8, no NUL, no control characters but TAB/CR/LF. */
static int text_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
			return 0;
	}
	return utf8_valid(s, n);
}

/* Decodes s[0..n) into a new string; returns NULL when malformed. */
static char *url_decode(arena *a, const char *s, size_t n, size_t *outlen)
{
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			if (i + 2 >= n)
				return NULL;
			int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	*outlen = o;
	return text_ok(out, o) ? out : NULL;
}

int parse_urlencoded(arena *a, const char *s, size_t n, struct params *out, const struct limits *lim)
{
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		while (i < n && s[i] != '&')
			i++;
		size_t seg = i - start;
		i++;                       /* skip '&' */
		if (seg == 0)
			continue;
		const char *p = s + start;
		const char *eq = memchr(p, '=', seg);
		size_t nlen = eq ? (size_t)(eq - p) : seg;
		size_t vlen = eq ? seg - nlen - 1 : 0;
		if (nlen == 0)
			return PARSE_MALFORMED;
		if (out->n >= lim->max_fields)
			return PARSE_TOO_MANY;
		if (nlen > lim->max_name * 3 || vlen > lim->max_value * 3)
			return PARSE_TOO_LONG;
		size_t dn, dv;
		char *name = url_decode(a, p, nlen, &dn);
		char *value = url_decode(a, eq ? eq + 1 : "", vlen, &dv);
		if (name == NULL || value == NULL)
			return PARSE_MALFORMED;
		if (dn > lim->max_name || dv > lim->max_value)
			return PARSE_TOO_LONG;
		params_add(a, out, name, value, dv);
	}
	return PARSE_OK;
}

int parse_cookies(arena *a, const char *s, struct params *out, const struct limits *lim)
{
	while (*s) {
		while (*s == ' ' || *s == ';')
			s++;
		if (*s == '\0')
			break;
		const char *end = strchr(s, ';');
		size_t seg = end ? (size_t)(end - s) : strlen(s);
		const char *eq = memchr(s, '=', seg);
		if (eq != NULL && eq > s) {
			size_t nlen = (size_t)(eq - s);
			size_t vlen = seg - nlen - 1;
			while (nlen > 0 && s[nlen - 1] == ' ')
				nlen--;
			if (out->n >= lim->max_fields)
				return PARSE_TOO_MANY;
			if (nlen > lim->max_name || vlen > lim->max_value)
				return PARSE_TOO_LONG;
			char *name = arena_strndup(a, s, nlen);
			char *value = arena_strndup(a, eq + 1, vlen);
			if (!text_ok(name, nlen) || !text_ok(value, vlen))
				return PARSE_MALFORMED;
			params_add(a, out, name, value, vlen);
		}
		s += seg;
	}
	return PARSE_OK;
}

/* ---- multipart ------------------------------------------------------------ */

/* A part's header line: UTF-8 without control characters but TAB. A NUL
 * would cut a name or file name short unseen; a bare CR or LF has no place
 * in a header; a Content-Type is text like the rest. */
static int header_line_ok(const char *s, size_t n)
{
	return text_ok(s, n) && memchr(s, '\r', n) == NULL && memchr(s, '\n', n) == NULL;
}

static const char *memmem_s(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0 || hn < nn)
		return NULL;
	const char *end = h + hn - nn;
	for (const char *p = h; p <= end; p++) {
		p = memchr(p, n[0], (size_t)(end - p) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, n, nn) == 0)
			return p;
	}
	return NULL;
}

/* Extracts parameter key (e.g. boundary, name) from a header value like
 * `form-data; name="x"; filename="a b.pdf"`. Returns NULL when absent. */
static char *header_param(arena *a, const char *h, size_t hn, const char *key)
{
	size_t kn = strlen(key);
	size_t i = 0;
	while (i < hn) {
		/* the next ';' outside a quoted string: filename="a; name=b" names no field */
		for (int quoted = 0; i < hn && (quoted || h[i] != ';'); i++) {
			if (h[i] == '"')
				quoted = !quoted;
			else if (quoted && h[i] == '\\' && i + 1 < hn)
				i++;
		}
		if (i >= hn)
			break;
		i++;
		while (i < hn && (h[i] == ' ' || h[i] == '\t'))
			i++;
		if (hn - i > kn && strncasecmp(h + i, key, kn) == 0 && h[i + kn] == '=') {
			i += kn + 1;
			if (i < hn && h[i] == '"') {
				i++;
				size_t start = i;
				while (i < hn && h[i] != '"') {
					if (h[i] == '\\' && i + 1 < hn)
						i++;
					i++;
				}
				if (i >= hn)
					return NULL;
				return arena_strndup(a, h + start, i - start);
			}
			size_t start = i;
			while (i < hn && h[i] != ';' && h[i] != ' ')
				i++;
			return arena_strndup(a, h + start, i - start);
		}
	}
	return NULL;
}

int parse_multipart(arena *a, const char *content_type, const char *body, size_t n,
		    struct params *out, const struct limits *lim)
{
	if (content_type == NULL || strncasecmp(content_type, "multipart/form-data", 19) != 0)
		return PARSE_MALFORMED;
	char *boundary = header_param(a, content_type, strlen(content_type), "boundary");
	if (boundary == NULL || *boundary == '\0' || strlen(boundary) > 200)
		return PARSE_MALFORMED;
	char *delim = arena_printf(a, "\r\n--%s", boundary);
	size_t dn = strlen(delim);
	/* the body starts with the delimiter without its leading CRLF */
	if (n < dn - 2 || memcmp(body, delim + 2, dn - 2) != 0)
		return PARSE_MALFORMED;
	const char *p = body + dn - 2;
	const char *end = body + n;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return PARSE_OK;             /* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return PARSE_MALFORMED;
		p += 2;
		const char *hend = memmem_s(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (hend == NULL)
			return PARSE_MALFORMED;
		char *name = NULL, *filename = NULL, *ctype = NULL;
		const char *line = p;
		while (line < hend) {
			const char *eol = memmem_s(line, (size_t)(hend + 2 - line), "\r\n", 2);
			if (eol == NULL)
				eol = hend;
			size_t ln = (size_t)(eol - line);
			if (ln > 1000 || !header_line_ok(line, ln))
				return PARSE_MALFORMED;
			if (ln > 20 && strncasecmp(line, "Content-Disposition:", 20) == 0) {
				name = header_param(a, line, ln, "name");
				filename = header_param(a, line, ln, "filename");
			} else if (ln > 13 && strncasecmp(line, "Content-Type:", 13) == 0) {
				const char *v = line + 13;
				while (*v == ' ')
					v++;
				ctype = arena_strndup(a, v, (size_t)(eol - v));
			}
			line = eol + 2;
		}
		const char *data = hend + 4;
		const char *next = memmem_s(data, (size_t)(end - data), delim, dn);
		if (next == NULL)
			return PARSE_MALFORMED;
		size_t len = (size_t)(next - data);
		if (name == NULL || *name == '\0' || !text_ok(name, strlen(name)))
			return PARSE_MALFORMED;
		if (out->n >= lim->max_fields)
			return PARSE_TOO_MANY;
		if (strlen(name) > lim->max_name)
			return PARSE_TOO_LONG;
		if (filename != NULL) {
			if (len > lim->max_file)
				return PARSE_TOO_LONG;
			if (!text_ok(filename, strlen(filename)))
				return PARSE_MALFORMED;
		} else {
			if (len > lim->max_value)
				return PARSE_TOO_LONG;
			if (!text_ok(data, len))
				return PARSE_MALFORMED;
		}
		params_add(a, out, name, arena_strndup(a, data, len), len);
		out->v[out->n - 1].filename = filename;
		out->v[out->n - 1].ctype = ctype;
		p = next + dn;
	}
}
