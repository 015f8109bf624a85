/* buf.h — a growing byte buffer with a sticky error flag, checked once. */
#ifndef DOSSIER_BUF_H
#define DOSSIER_BUF_H
#include <stddef.h>

struct buf {
	char *data;      /* always NUL-terminated when len > 0 or after buf_cstr */
	size_t len, cap;
	int failed;      /* set when an allocation failed; further appends do nothing */
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *b);   /* "" for an empty buffer */

#endif
