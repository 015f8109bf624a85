/* fuzz.h — what the libFuzzer harnesses share: an exact-size copy of the
 * input (so ASan sees a read one byte past the end) and an invariant check
 * that aborts with the broken rule (libFuzzer then saves the input). */
#ifndef DOSSIER_FUZZ_H
#define DOSSIER_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CHECK(cond): an invariant of the code under test; a failure is a finding. */
#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                     \
		}                                                                    \
	} while (0)

/* A heap copy of exactly n bytes: no NUL after them (n == 0 gives a 1-byte
 * block, never read). Free with free(). */
static inline char *fuzz_copy(const uint8_t *data, size_t n)
{
	char *p = malloc(n ? n : 1);
	if (p == NULL)
		abort();
	if (n)
		memcpy(p, data, n);
	return p;
}

/* A heap copy with a NUL after the n bytes (for the functions that take a
 * C string: a NUL inside the input ends the string there, as it would in a
 * FastCGI parameter). */
static inline char *fuzz_cstr(const uint8_t *data, size_t n)
{
	char *p = malloc(n + 1);
	if (p == NULL)
		abort();
	if (n)
		memcpy(p, data, n);
	p[n] = '\0';
	return p;
}

/* 1 when s[0..n) holds no control character but TAB, CR, LF (and no DEL):
 * the rule the parsers apply to every text they accept. */
static inline int fuzz_text_chars_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
			return 0;
	}
	return 1;
}

#endif
