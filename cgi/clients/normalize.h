/* normalize.h — the keys the duplicate check (查重) compares, and the
 * unified social credit code check (GB 32100-2015). Pure functions. */
#ifndef DOSSIER_NORMALIZE_H
#define DOSSIER_NORMALIZE_H
#include <stddef.h>

/* 1 when code is 18 characters of the GB 32100 set whose last is the right
 * check character. Lower-case letters are not accepted (the code is printed
 * in upper case); callers may upper-case input first. */
int credit_code_valid(const char *code);
/* The check character for the first 17 characters, or 0 if one is invalid. */
char credit_code_check_char(const char *first17);

/* A company name reduced for comparison: full-width → half-width, ASCII
 * lower case, spaces and punctuation (ASCII and CJK) removed, then the usual
 * company suffixes (股份有限公司, 有限责任公司, 有限公司, 公司, Co., Ltd.,
 * Inc., Corp., Limited, Company) dropped from the end. out has room for
 * strlen(name) + 1 bytes; returns out. name must be valid UTF-8. */
char *name_normalize(const char *name, char *out);

/* The digits of a phone number, without a leading +86 / 0086 / 86 country
 * prefix on a number that is longer than 11 digits with it. out >= strlen + 1. */
char *phone_digits(const char *phone, char *out);

/* An amount as people type it: ASCII or full-width digits, point and minus;
 * thousands grouped by ',', '，', ' ' or U+3000 (a first group of 1–3 digits,
 * then groups of 3, in the whole part only); at most 14 whole digits and 2
 * decimals; a minus only when negative_ok. Writes the plain number with two
 * decimals ("-1234567.50") into out; 1 when valid, else 0. */
int money_parse(const char *in, int negative_ok, char *out, size_t outlen);

#endif
