/* number.c — the archive number (档号) from the pattern in the settings
 * (archive_number_pattern), and the loan each secrecy level allows. Pure. */
#include "archive.h"
#include <stdio.h>
#include <string.h>

static const char *retention_code(const char *r)
{
	if (r == NULL)
		return "";
	if (strcmp(r, "permanent") == 0)
		return "Y";
	if (strcmp(r, "30") == 0)
		return "D30";
	if (strcmp(r, "10") == 0)
		return "D10";
	if (strcmp(r, "3") == 0)
		return "D3";
	return "";
}

int archive_number_format(const char *pattern, const struct archive_number *n, char *out, size_t size)
{
	size_t o = 0;
	for (const char *p = pattern; *p; ) {
		char piece[96];
		const char *add = piece;
		if (*p == '{') {
			const char *end = strchr(p, '}');
			if (end == NULL)
				return -1;
			size_t len = (size_t)(end - p - 1);
			const char *name = p + 1;
#define IS(s) (len == strlen(s) && strncmp(name, s, len) == 0)
			if (IS("client"))
				snprintf(piece, sizeof piece, "C%06lld", n->client);
			else if (IS("year"))
				snprintf(piece, sizeof piece, "%04d", n->year);
			else if (IS("type"))
				add = n->type ? n->type : "";
			else if (IS("seq"))
				snprintf(piece, sizeof piece, "%03lld", n->seq);
			else if (IS("seq4"))
				snprintf(piece, sizeof piece, "%04lld", n->seq);
			else if (IS("fonds"))
				add = n->fonds ? n->fonds : "";
			else if (IS("retention"))
				add = retention_code(n->retention);
			else if (IS("org"))
				add = n->org ? n->org : "";
			else
				return -1;
#undef IS
			p = end + 1;
		} else {
			piece[0] = *p++;
			piece[1] = '\0';
		}
		size_t l = strlen(add);
		if (o + l + 1 > size)
			return -1;
		memcpy(out + o, add, l);
		o += l;
	}
	if (o == 0 || o + 1 > size)
		return -1;
	out[o] = '\0';
	return 0;
}

static const struct secrecy_rule rules[] = {
	{ "ordinary", 7L * 86400, 0, 0 },
	{ "secret", 4L * 3600, 0, 0 },
	{ "confidential", 0, 1, 0 },
	{ "top_secret", 0, 0, 1 },
};

const struct secrecy_rule *archive_secrecy(const char *level)
{
	for (size_t i = 0; level && i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].level, level) == 0)
			return &rules[i];
	return &rules[3];            /* unknown: as strict as it gets */
}
