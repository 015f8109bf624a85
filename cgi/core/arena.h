/* arena.h — per-request memory: everything allocated here is freed at once. */
#ifndef DOSSIER_ARENA_H
#define DOSSIER_ARENA_H
#include <stddef.h>
#include <stdarg.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
/* Returns zeroed memory; aborts the process on out-of-memory (the supervisor
 * restarts the worker), so callers never check for NULL. */
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);          /* NULL stays NULL */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* nonnull: else UBSan's check of vsnprintf's format leaves a path with fmt NULL
 * that -Wformat-truncation reports in the sanitizer build (make asan, -Werror) */
char *arena_vprintf(arena *a, const char *fmt, va_list ap) __attribute__((nonnull(2)));

#endif
