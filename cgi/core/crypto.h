/* crypto.h — random tokens, SHA-256, constant-time comparison, Argon2id. */
#ifndef DOSSIER_CRYPTO_H
#define DOSSIER_CRYPTO_H
#include <stddef.h>

/* Fills out with n random bytes from the kernel; 0 or -1. */
int crypto_random(void *out, size_t n);
/* A 256-bit random token as 64 lowercase hex characters + NUL (out >= 65). */
int crypto_token(char *out);
/* SHA-256 of data as 64 hex characters + NUL (out >= 65). */
void crypto_sha256_hex(const void *data, size_t n, char *out);
/* SHA-256 of the file at path, read to its end, as 64 hex characters + NUL
 * (out >= 65); *size (may be NULL) gets the bytes read. 0 or -1 (errno). */
int crypto_sha256_file(const char *path, char *out, long long *size);
/* 1 when a and b are equal strings; time depends only on the lengths. */
int crypto_equal(const char *a, const char *b);

#define PASSWORD_HASH_MAX 128
/* Argon2id, 19 MiB, t=2, p=1, 16-byte salt; encoded string in out. 0 or -1. */
int password_hash(const char *password, char *out, size_t outlen);
/* 1 when password matches the encoded hash, 0 otherwise (also for a bad hash). */
int password_verify(const char *encoded, const char *password);

#endif
