#include "crypto.h"
#include <argon2.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

int crypto_random(void *out, size_t n)
{
	unsigned char *p = out;
	while (n > 0) {
		ssize_t r = getrandom(p, n, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static void hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

int crypto_token(char *out)
{
	unsigned char raw[32];
	if (crypto_random(raw, sizeof raw) != 0)
		return -1;
	hex(raw, sizeof raw, out);
	return 0;
}

void crypto_sha256_hex(const void *data, size_t n, char *out)
{
	unsigned char md[32];
	unsigned int len = 0;
	EVP_Digest(data, n, md, &len, EVP_sha256(), NULL);
	hex(md, 32, out);
}

int crypto_sha256_file(const char *path, char *out, long long *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int rc = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1 ? 0 : -1;
	unsigned char buf[65536];
	long long total = 0;
	size_t n;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, f)) > 0) {
		total += (long long)n;
		if (EVP_DigestUpdate(ctx, buf, n) != 1)
			rc = -1;
	}
	if (ferror(f))
		rc = -1;
	unsigned char md[32];
	unsigned int len = 0;
	if (rc == 0 && EVP_DigestFinal_ex(ctx, md, &len) == 1 && len == 32) {
		hex(md, 32, out);
		if (size != NULL)
			*size = total;
	} else {
		rc = -1;
	}
	EVP_MD_CTX_free(ctx);
	fclose(f);
	return rc;
}

int crypto_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	size_t na = strlen(a), nb = strlen(b);
	if (na != nb)
		return 0;
	unsigned char diff = 0;
	for (size_t i = 0; i < na; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

#define PW_T 2
#define PW_M 19456
#define PW_P 1

int password_hash(const char *password, char *out, size_t outlen)
{
	unsigned char salt[16];
	if (crypto_random(salt, sizeof salt) != 0)
		return -1;
	int rc = argon2id_hash_encoded(PW_T, PW_M, PW_P, password, strlen(password), salt,
				       sizeof salt, 32, out, outlen);
	return rc == ARGON2_OK ? 0 : -1;
}

int password_verify(const char *encoded, const char *password)
{
	if (encoded == NULL || strncmp(encoded, "$argon2id$", 10) != 0)
		return 0;
	return argon2id_verify(encoded, password, strlen(password)) == ARGON2_OK;
}
