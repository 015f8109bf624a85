/* parse.h — request data parsers with declared limits. Pure functions over
 * bytes: no I/O, everything allocated in the request's arena. */
#ifndef DOSSIER_PARSE_H
#define DOSSIER_PARSE_H
#include <stddef.h>
#include "arena.h"

struct param {
	const char *name;
	const char *value;        /* NUL-terminated copy */
	size_t len;               /* bytes in value (file parts may hold NULs) */
	const char *filename;     /* multipart file parts only, else NULL */
	const char *ctype;        /* multipart part Content-Type, else NULL */
};

struct params {
	struct param *v;
	size_t n, cap;
};

struct limits {
	size_t max_fields;        /* pairs in one list */
	size_t max_name;          /* bytes in a name */
	size_t max_value;         /* bytes in a text value */
	size_t max_file;          /* bytes in a file part */
};

enum parse_rc {
	PARSE_OK = 0,
	PARSE_MALFORMED = -1,     /* → 400 */
	PARSE_TOO_MANY = -2,      /* → 413 */
	PARSE_TOO_LONG = -3,      /* → 413 */
};

/* a=1&b=%20x+y: '+' is a space; bad %-escapes, NUL, control characters other
 * than TAB/CR/LF and invalid UTF-8 are malformed. Empty segments are skipped. */
int parse_urlencoded(arena *a, const char *s, size_t n, struct params *out, const struct limits *lim);
/* Cookie header: name=value pairs split on ';'. Values are taken as they are. */
int parse_cookies(arena *a, const char *s, struct params *out, const struct limits *lim);
/* multipart/form-data per RFC 7578. Text parts are checked like urlencoded
 * values; file parts (with a filename) are kept as bytes. A part's header
 * lines must be UTF-8 without control characters but TAB (so no NUL cuts a
 * name short and the part's Content-Type is text). */
int parse_multipart(arena *a, const char *content_type, const char *body, size_t n,
		    struct params *out, const struct limits *lim);

/* 1 when s[0..n) is valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t n);
/* Characters (code points) in a valid UTF-8 string. */
size_t utf8_len(const char *s);

/* First value for name, or NULL. */
const char *params_get(const struct params *p, const char *name);
const struct param *params_find(const struct params *p, const char *name);
void params_add(arena *a, struct params *p, const char *name, const char *value, size_t len);

#endif
