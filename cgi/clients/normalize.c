#include "normalize.h"
#include <stdio.h>
#include <string.h>

static const char USCC_SET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int USCC_WEIGHTS[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int uscc_value(char c)
{
	const char *p = c ? strchr(USCC_SET, c) : NULL;
	return p ? (int)(p - USCC_SET) : -1;
}

char credit_code_check_char(const char *s)
{
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		int v = uscc_value(s[i]);
		if (v < 0)
			return 0;
		sum += v * USCC_WEIGHTS[i];
	}
	int c = 31 - sum % 31;
	return USCC_SET[c == 31 ? 0 : c];
}

int credit_code_valid(const char *code)
{
	if (code == NULL || strlen(code) != 18)
		return 0;
	char want = credit_code_check_char(code);
	return want != 0 && code[17] == want;
}

/* Decodes one UTF-8 code point at s (valid input assumed); sets *len. */
static unsigned decode(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*len = 2;
		return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
	}
	if (s[0] < 0xF0) {
		*len = 3;
		return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	}
	*len = 4;
	return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

static size_t encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Punctuation and spacing to drop: ASCII non-alphanumerics, the CJK
 * symbols block, general punctuation, and the full-width forms' punctuation
 * (after mapping to half-width these are ASCII anyway). */
static int dropped(unsigned cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x2000 && cp <= 0x206F) ||      /* general punctuation: — ‘ ’ “ ” … */
	       (cp >= 0x3000 && cp <= 0x303F) ||      /* CJK symbols: 、。〈〉《》「」【】 */
	       cp == 0x00B7 || cp == 0x30FB ||        /* middle dots · ・ */
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||      /* CJK compatibility forms */
	       cp == 0x00A0;
}

/* The legal-form words the duplicate check ignores, the longest first: as a
 * name's ending (repeatedly: 华信商贸股份有限责任公司 → 华信商贸股份 → 华信商贸)
 * and, in brackets, anywhere (华信（集团）实业 → 华信实业). */
static const char *const LEGAL_FORMS[] = {
	"股份有限公司", "有限责任公司", "有限公司", "股份", "集团", "控股", "公司",
	"corporation", "company", "limited", "holdings", "group", "coltd", "corp", "ltd", "inc", "co",
	NULL,
};

static int legal_form(const char *s, size_t n)
{
	for (int i = 0; LEGAL_FORMS[i]; i++)
		if (strlen(LEGAL_FORMS[i]) == n && memcmp(s, LEGAL_FORMS[i], n) == 0)
			return 1;
	return 0;
}

char *name_normalize(const char *name, char *out)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0, open = (size_t)-1;
	while (*s) {
		size_t len;
		unsigned cp = decode(s, &len);
		s += len;
		if (cp >= 0xFF01 && cp <= 0xFF5E)       /* full-width ASCII variants */
			cp -= 0xFEE0;
		else if (cp == 0x3000)                   /* ideographic space */
			cp = ' ';
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp == '(') {
			open = o;
		} else if (cp == ')' && open != (size_t)-1) {
			if (legal_form(out + open, o - open) && open > 0)
				o = open;                /* a bracketed legal form: （股份）, (集团) */
			open = (size_t)-1;
		}
		if (dropped(cp))
			continue;
		o += encode(cp, out + o);
	}
	out[o] = '\0';
	/* strip suffixes from the end, repeatedly ("Acme Co., Ltd." → acmecoltd → acme),
	 * but never the whole name */
	for (int again = 1; again;) {
		again = 0;
		for (int i = 0; LEGAL_FORMS[i]; i++) {
			size_t n = strlen(LEGAL_FORMS[i]);
			if (o > n && strcmp(out + o - n, LEGAL_FORMS[i]) == 0) {
				o -= n;
				out[o] = '\0';
				again = 1;
				break;
			}
		}
	}
	return out;
}

char *phone_digits(const char *phone, char *out)
{
	size_t o = 0;
	for (const char *p = phone; *p; p++)
		if (*p >= '0' && *p <= '9')
			out[o++] = *p;
	out[o] = '\0';
	const char *prefixes[] = { "0086", "86", NULL };
	for (int i = 0; prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);
		if (o > 11 && strncmp(out, prefixes[i], n) == 0 && o - n >= 10) {
			memmove(out, out + n, o - n + 1);
			break;
		}
	}
	return out;
}

/* ---- money as people type it ------------------------------------------------- */

/* The next character of a money text as ASCII: a full-width digit, point or
 * minus as its ASCII form, a grouping mark (',', '，', ' ', U+3000) as ','.
 * Advances *p; returns 0 for anything else. */
static char money_char(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {   /* ０–９ */
		*p += 3;
		return (char)('0' + (s[2] - 0x90));
	}
	if (s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x8E || s[2] == 0x8C || s[2] == 0x8D)) {   /* ． ， － */
		*p += 3;
		return s[2] == 0x8E ? '.' : s[2] == 0x8C ? ',' : '-';
	}
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {                   /* ideographic space */
		*p += 3;
		return ',';
	}
	if (s[0] == '\0' || s[0] >= 0x80)
		return 0;
	*p += 1;
	return s[0] == ' ' ? ',' : (char)s[0];
}

int money_parse(const char *in, int negative_ok, char *out, size_t outlen)
{
	char ascii[64];
	size_t n = 0;
	const char *p = in;
	const char *end = in + strlen(in);
	while (*p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;                                     /* spaces around the number */
	for (char c; p < end;) {
		if ((c = money_char(&p)) == 0 || n + 1 >= sizeof ascii)
			return 0;
		ascii[n++] = c;
	}
	ascii[n] = '\0';
	const char *s = ascii;
	int neg = 0;
	if (*s == '-') {
		if (!negative_ok)
			return 0;
		neg = 1;
		s++;
	}
	/* the whole part: digits, or groups of three after a first group of 1–3 */
	char whole[32];
	size_t w = 0, group = 0, groups = 0;
	for (; *s != '\0' && *s != '.'; s++) {
		if (*s == ',') {
			if (group == 0 || (groups == 0 ? group > 3 : group != 3))
				return 0;
			groups++;
			group = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || w + 1 >= sizeof whole)
			return 0;
		whole[w++] = *s;
		group++;
	}
	if (w == 0 || group == 0 || (groups > 0 && group != 3) || w > 14)
		return 0;
	whole[w] = '\0';
	size_t fp = 0;
	const char *frac = "";
	if (*s == '.') {
		frac = ++s;
		fp = strspn(frac, "0123456789");
		if (fp == 0 || fp > 2 || frac[fp] != '\0')
			return 0;
	}
	int len = snprintf(out, outlen, "%s%s.%.*s%s", neg ? "-" : "", whole, (int)fp, frac,
			   fp == 0 ? "00" : fp == 1 ? "0" : "");
	return len > 0 && (size_t)len < outlen;
}
