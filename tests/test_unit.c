/* test_unit.c — pure functions: parsers, config, crypto, clock, roles, buffers,
 * the declared form reader. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/app.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/form.h"
#include "core/parse.h"
#include "clients/normalize.h"
#include "core/csv.h"
#include "core/workdays.h"
#include "archive/archive.h"
#include "backup/backup.h"
#include "mail/mail.h"
#include "reports/chart.h"

static arena *A;
static const struct limits LIM = { 10, 32, 64, 1024 };

static int setup(void) { A = arena_new(); return 0; }
static int teardown(void) { arena_free(A); return 0; }

static int urlenc(const char *s, struct params *p)
{
	memset(p, 0, sizeof *p);
	return parse_urlencoded(A, s, strlen(s), p, &LIM);
}

/* ---- urlencoded ---- */
static void t_url_basic(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("a=1&b=x+y%21&c=", &p), PARSE_OK);
	CU_ASSERT_EQUAL(p.n, 3);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "a"), "1");
	CU_ASSERT_STRING_EQUAL(params_get(&p, "b"), "x y!");
	CU_ASSERT_STRING_EQUAL(params_get(&p, "c"), "");
	CU_ASSERT_PTR_NULL(params_get(&p, "d"));
}
static void t_url_utf8(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("name=%E5%8D%8E%E4%BF%A1", &p), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "name"), "华信");
}
static void t_url_empty_segments_skipped(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("&&a=1&&", &p), PARSE_OK);
	CU_ASSERT_EQUAL(p.n, 1);
}
static void t_url_name_without_value(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("flag", &p), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "flag"), "");
}
static void t_url_malformed(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("a=%zz", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("a=%4", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("a=%", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("=1", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("a=%00", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("a=%01", &p), PARSE_MALFORMED);
	CU_ASSERT_EQUAL(urlenc("a=%ff%fe", &p), PARSE_MALFORMED);      /* not UTF-8 */
	CU_ASSERT_EQUAL(urlenc("a=%C0%AF", &p), PARSE_MALFORMED);      /* overlong */
	CU_ASSERT_EQUAL(urlenc("a=%ED%A0%80", &p), PARSE_MALFORMED);   /* surrogate */
}
static void t_url_keeps_tab_newline(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("a=x%0D%0Ay%09z", &p), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "a"), "x\r\ny\tz");
}
static void t_url_limits(void)
{
	struct params p;
	CU_ASSERT_EQUAL(urlenc("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10", &p), PARSE_OK);
	CU_ASSERT_EQUAL(urlenc("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11", &p), PARSE_TOO_MANY);
	char big[200];
	memset(big, 'x', sizeof big);
	memcpy(big, "v=", 2);
	big[2 + 65] = '\0';                      /* 65 bytes > max_value 64 */
	CU_ASSERT_EQUAL(urlenc(big, &p), PARSE_TOO_LONG);
	big[2 + 64] = '\0';
	CU_ASSERT_EQUAL(urlenc(big, &p), PARSE_OK);
	/* the limit counts decoded bytes: 64 × %41 is 64 bytes */
	char enc[400] = "v=";
	for (int i = 0; i < 64; i++)
		strcat(enc, "%41");
	CU_ASSERT_EQUAL(urlenc(enc, &p), PARSE_OK);
}

/* ---- cookies ---- */
static void t_cookies(void)
{
	struct params p;
	memset(&p, 0, sizeof p);
	CU_ASSERT_EQUAL(parse_cookies(A, "sid=abc; lang=en;junk; x=", &p, &LIM), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "sid"), "abc");
	CU_ASSERT_STRING_EQUAL(params_get(&p, "lang"), "en");
	CU_ASSERT_STRING_EQUAL(params_get(&p, "x"), "");
	CU_ASSERT_PTR_NULL(params_get(&p, "junk"));
	memset(&p, 0, sizeof p);
	CU_ASSERT_EQUAL(parse_cookies(A, "a=\x01", &p, &LIM), PARSE_MALFORMED);
}

/* ---- multipart ---- */
static int mp(const char *ctype, const char *body, size_t n, struct params *p)
{
	memset(p, 0, sizeof *p);
	return parse_multipart(A, ctype, body, n, p, &LIM);
}
static void t_multipart_fields_and_file(void)
{
	static const char body[] =
		"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n合同\r\n"
		"--XyZ\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"a b.pdf\"\r\n"
		"Content-Type: application/pdf\r\n\r\n%PDF\0\xff\r\n--XyZ--\r\n";
	struct params p;
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=XyZ", body, sizeof body - 1, &p), PARSE_OK);
	CU_ASSERT_EQUAL(p.n, 2);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "title"), "合同");
	const struct param *f = params_find(&p, "scan");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->filename, "a b.pdf");
	CU_ASSERT_STRING_EQUAL(f->ctype, "application/pdf");
	CU_ASSERT_EQUAL(f->len, 6);
	CU_ASSERT(memcmp(f->value, "%PDF\0\xff", 6) == 0);
}
static void t_multipart_quoted_boundary(void)
{
	static const char body[] = "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b--";
	struct params p;
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=\"a b\"", body, sizeof body - 1, &p), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(params_get(&p, "x"), "1");
}
static void t_multipart_malformed(void)
{
	struct params p;
	static const char ok[] = "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data", ok, sizeof ok - 1, &p), PARSE_MALFORMED);       /* no boundary */
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=C", ok, sizeof ok - 1, &p), PARSE_MALFORMED);
	static const char unterminated[] = "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", unterminated, sizeof unterminated - 1, &p),
			PARSE_MALFORMED);
	static const char noname[] = "--B\r\nContent-Disposition: form-data\r\n\r\n1\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", noname, sizeof noname - 1, &p), PARSE_MALFORMED);
	static const char badtext[] = "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\xff\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", badtext, sizeof badtext - 1, &p), PARSE_MALFORMED);
}
/* found by tests/fuzz/fuzz_multipart.c: a part's Content-Type was kept
 * unchecked (any bytes, not UTF-8), and a NUL in a quoted name cut it short */
static void t_multipart_header_lines_checked(void)
{
	struct params p;
	static const char ctype[] = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n"
				    "Content-Type: \x88" "ext/csv\r\n\r\nx\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", ctype, sizeof ctype - 1, &p), PARSE_MALFORMED);
	static const char nul[] = "--B\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n\r\n1\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", nul, sizeof nul - 1, &p), PARSE_MALFORMED);
	static const char ctl[] = "--B\r\nContent-Disposition: form-data; name=\"x\"; filename=\"a\x01\"\r\n\r\n1\r\n--B--";
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", ctl, sizeof ctl - 1, &p), PARSE_MALFORMED);
	static const char utf8[] = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"客户.csv\"\r\n"
				   "Content-Type:\ttext/csv\r\n\r\nx\r\n--B--";
	CU_ASSERT_EQUAL_FATAL(mp("multipart/form-data; boundary=B", utf8, sizeof utf8 - 1, &p), PARSE_OK);
	CU_ASSERT_STRING_EQUAL(p.v[0].filename, "客户.csv");
}
/* a ';' inside a quoted file name starts no parameter of its own */
static void t_multipart_quoted_semicolon(void)
{
	struct params p;
	static const char body[] = "--B\r\nContent-Disposition: form-data; filename=\"a; name=csrf\\\"; name=x.csv\"; "
				   "name=\"file\"\r\n\r\nz\r\n--B--";
	CU_ASSERT_EQUAL_FATAL(mp("multipart/form-data; boundary=B", body, sizeof body - 1, &p), PARSE_OK);
	CU_ASSERT_EQUAL_FATAL(p.n, 1);
	CU_ASSERT_STRING_EQUAL(p.v[0].name, "file");
	CU_ASSERT_STRING_EQUAL(p.v[0].filename, "a; name=csrf\\\"; name=x.csv");
}
static void t_multipart_file_limit(void)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n");
	for (int i = 0; i < 1025; i++)
		buf_puts(&b, "z");
	buf_puts(&b, "\r\n--B--");
	struct params p;
	CU_ASSERT_EQUAL(mp("multipart/form-data; boundary=B", b.data, b.len, &p), PARSE_TOO_LONG);
	buf_free(&b);
}

/* ---- utf8 ---- */
static void t_utf8(void)
{
	CU_ASSERT_TRUE(utf8_valid("abc 华信 😀", strlen("abc 华信 😀")));
	CU_ASSERT_FALSE(utf8_valid("\xe5\x8d", 2));              /* truncated */
	CU_ASSERT_FALSE(utf8_valid("\xf4\x90\x80\x80", 4));      /* > U+10FFFF */
	CU_ASSERT_FALSE(utf8_valid("\xe0\x80\xaf", 3));          /* overlong */
	CU_ASSERT_EQUAL(utf8_len("华信ab"), 4);
}

/* ---- config ---- */
static const char *write_tmp(const char *text)
{
	static char path[64];
	strcpy(path, "/tmp/dossier-test-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	ssize_t w = write(fd, text, strlen(text));
	(void)w;
	close(fd);
	return path;
}
static void t_config_file_and_env(void)
{
	const char *p = write_tmp("# comment\nworkers = 3\ndb_password = a#b  # trailing\n\nlang_default = en\n");
	struct config c;
	char err[300];
	unsetenv("DOSSIER_WORKERS");
	CU_ASSERT_EQUAL_FATAL(config_load(&c, p, err, sizeof err), 0);
	CU_ASSERT_EQUAL(c.workers, 3);
	CU_ASSERT_STRING_EQUAL(c.db_password, "a#b");
	CU_ASSERT_STRING_EQUAL(c.lang_default, "en");
	CU_ASSERT_EQUAL(c.session_idle, 1800);              /* default kept */
	setenv("DOSSIER_WORKERS", "7", 1);
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), 0);
	CU_ASSERT_EQUAL(c.workers, 7);
	unsetenv("DOSSIER_WORKERS");
	unlink(p);
}
static void t_config_errors(void)
{
	struct config c;
	char err[300];
	const char *p = write_tmp("wrokers = 3\n");
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown setting"));
	unlink(p);
	p = write_tmp("workers = many\n");
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), -1);
	unlink(p);
	p = write_tmp("workers = 100000\n");
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), -1);
	unlink(p);
	p = write_tmp("request_timeout = 5\nlogin_slow_delay_ms = 2500\n");   /* the watchdog would kill the worker */
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "login_slow_delay_ms"));
	unlink(p);
	p = write_tmp("just words\n");
	CU_ASSERT_EQUAL(config_load(&c, p, err, sizeof err), -1);
	unlink(p);
	CU_ASSERT_EQUAL(config_load(&c, "/nonexistent/dossier.conf", err, sizeof err), -1);
}

/* ---- crypto ---- */
static void t_sha256(void)
{
	char out[65];
	crypto_sha256_hex("abc", 3, out);
	CU_ASSERT_STRING_EQUAL(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
static void t_tokens(void)
{
	char a[65], b[65];
	CU_ASSERT_EQUAL(crypto_token(a), 0);
	CU_ASSERT_EQUAL(crypto_token(b), 0);
	CU_ASSERT_EQUAL(strlen(a), 64);
	CU_ASSERT_EQUAL(strspn(a, "0123456789abcdef"), 64);
	CU_ASSERT_STRING_NOT_EQUAL(a, b);
}
static void t_equal(void)
{
	CU_ASSERT_TRUE(crypto_equal("abc", "abc"));
	CU_ASSERT_FALSE(crypto_equal("abc", "abd"));
	CU_ASSERT_FALSE(crypto_equal("abc", "abcd"));
	CU_ASSERT_FALSE(crypto_equal(NULL, "abc"));
	CU_ASSERT_FALSE(crypto_equal("", NULL));
}
static void t_password(void)
{
	char h[PASSWORD_HASH_MAX];
	CU_ASSERT_EQUAL_FATAL(password_hash("correct horse", h, sizeof h), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "$argon2id$v=19$m=19456,t=2,p=1$"));
	CU_ASSERT_TRUE(password_verify(h, "correct horse"));
	CU_ASSERT_FALSE(password_verify(h, "correct horse "));
	CU_ASSERT_FALSE(password_verify("not a hash", "x"));
	CU_ASSERT_FALSE(password_verify("$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aaaa", "x"));
	char h2[PASSWORD_HASH_MAX];
	CU_ASSERT_EQUAL(password_hash("correct horse", h2, sizeof h2), 0);
	CU_ASSERT_STRING_NOT_EQUAL(h, h2);                  /* salted */
}

/* ---- clock ---- */
static void t_clock_format_parse(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	char s[20];
	clock_format(0, s);
	CU_ASSERT_STRING_EQUAL(s, "1970-01-01 08:00:00");
	time_t t;
	CU_ASSERT_EQUAL(clock_parse("2026-11-22 10:30:00", &t), 0);
	clock_format(t, s);
	CU_ASSERT_STRING_EQUAL(s, "2026-11-22 10:30:00");
	CU_ASSERT_EQUAL(clock_parse("yesterday", &t), -1);
}
static void t_clock_test_file(void)
{
	const char *p = write_tmp("1700000000\n");
	clock_configure(0, p);
	CU_ASSERT_NOT_EQUAL(clock_now(), 1700000000);        /* ignored outside test mode */
	clock_configure(1, p);
	CU_ASSERT_EQUAL(clock_now(), 1700000000);
	unlink(p);
	CU_ASSERT_NOT_EQUAL(clock_now(), 1700000000);        /* no file: real time */
	clock_configure(0, "");
}

/* ---- roles, buffers, arena ---- */
static void t_roles(void)
{
	CU_ASSERT_EQUAL(roles_parse("staff"), ROLE_STAFF);
	CU_ASSERT_EQUAL(roles_parse("admin,dept_manager"), ROLE_ADMIN | ROLE_DEPT_MANAGER);
	CU_ASSERT_EQUAL(roles_parse("root,staf,staffx"), 0);
	CU_ASSERT_EQUAL(roles_parse(""), 0);
	CU_ASSERT_EQUAL(roles_parse(NULL), 0);
}
static void t_buf(void)
{
	struct buf b;
	buf_init(&b);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CU_ASSERT_EQUAL(b.failed, 0);
	CU_ASSERT_EQUAL(strncmp(b.data, "0,1,2,", 6), 0);
	CU_ASSERT_EQUAL(b.len, strlen(b.data));
	buf_free(&b);
}
static void t_arena(void)
{
	arena *a = arena_new();
	char *big = arena_alloc(a, 100000);
	big[99999] = 'x';
	char *s = arena_printf(a, "%s-%d", "ab", 42);
	CU_ASSERT_STRING_EQUAL(s, "ab-42");
	CU_ASSERT_PTR_NULL(arena_strdup(a, NULL));
	CU_ASSERT_STRING_EQUAL(arena_strndup(a, "abcdef", 3), "abc");
	arena_free(a);
}

/* ---- duplicate-check keys ---- */
static void t_credit_code(void)
{
	CU_ASSERT_TRUE(credit_code_valid("91350100M000100Y43"));      /* the GB 32100 example */
	CU_ASSERT_TRUE(credit_code_valid("91110000802100433B"));
	CU_ASSERT_TRUE(credit_code_valid("9144030071526726XG"));
	CU_ASSERT_FALSE(credit_code_valid("91350100M000100Y44"));     /* wrong check character */
	CU_ASSERT_FALSE(credit_code_valid("91350100M000100Y4"));      /* 17 characters */
	CU_ASSERT_FALSE(credit_code_valid("91350100M000100Y433"));
	CU_ASSERT_FALSE(credit_code_valid("91350100I000100Y43"));     /* I is not in the set */
	CU_ASSERT_FALSE(credit_code_valid("91350100m000100y43"));     /* lower case */
	CU_ASSERT_FALSE(credit_code_valid(""));
	CU_ASSERT_FALSE(credit_code_valid(NULL));
	CU_ASSERT_EQUAL(credit_code_check_char("91350100M000100Y4"), '3');
	CU_ASSERT_EQUAL(credit_code_check_char("91350100O000100Y4"), 0);  /* O is not in the set */
}
/* Amounts as people type them (issue 8.9): separators between groups of
 * three, full-width digits, point and comma; the plain number out. */
static void t_money_parse(void)
{
	char o[40];
#define OK(in, neg, want) do { CU_ASSERT_TRUE(money_parse(in, neg, o, sizeof o)); CU_ASSERT_STRING_EQUAL(o, want); } while (0)
#define NO(in, neg) CU_ASSERT_FALSE(money_parse(in, neg, o, sizeof o))
	OK("12000", 0, "12000.00");
	OK("12000.5", 0, "12000.50");
	OK("0.25", 0, "0.25");
	OK("1,000,000", 0, "1000000.00");
	OK("1,000,000.50", 0, "1000000.50");
	OK("1,234,567.50", 0, "1234567.50");
	OK("999", 0, "999.00");
	OK("12,345", 0, "12345.00");
	OK("1 000 000", 0, "1000000.00");
	OK("1\xe3\x80\x80" "000", 0, "1000.00");                   /* ideographic space */
	OK("１０００", 0, "1000.00");
	OK("１，０００，０００．５", 0, "1000000.50");
	OK("1，000", 0, "1000.00");
	OK(" 1,000 ", 0, "1000.00");
	OK("-1,234.5", 1, "-1234.50");
	OK("－３００", 1, "-300.00");
	OK("99,999,999,999,999.99", 0, "99999999999999.99");
	NO("-1", 0);
	NO("－1", 0);
	NO("", 0);
	NO(",", 0);
	NO("1,00", 0);                 /* not a group of three: a decimal comma? refused */
	NO("1,0000", 0);
	NO("1000,000", 0);             /* first group longer than three */
	NO(",100", 0);
	NO("100,", 0);
	NO("1,,000", 0);
	NO("1.000,50", 0);
	NO("1.5.0", 0);
	NO("1.", 0);
	NO(".5", 0);
	NO("1.505", 0);
	NO("1,000.5,0", 0);
	NO("12a", 0);
	NO("1e5", 0);
	NO("¥100", 0);
	NO("100,000,000,000,000", 0);  /* 15 whole digits */
	NO("\xef\xbc", 0);            /* a cut UTF-8 sequence */
	CU_ASSERT_FALSE(money_parse("1000000", 0, o, 8));             /* no room for 1000000.00 */
#undef OK
#undef NO
}
static void t_name_normalize(void)
{
	char o[256], o2[256];
	CU_ASSERT_STRING_EQUAL(name_normalize("华信实业有限公司", o), "华信实业");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信实业（北京）股份有限公司", o), "华信实业北京");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信实业(北京)有限责任公司", o), "华信实业北京");
	CU_ASSERT_STRING_EQUAL(name_normalize("上海·华信 有限责任公司", o), "上海华信");
	CU_ASSERT_STRING_EQUAL(name_normalize("ＨＵＡＸＩＮ　Ｔｒａｄｉｎｇ Co., Ltd.", o), "huaxintrading");
	CU_ASSERT_STRING_EQUAL(name_normalize("Huaxin Trading Co.,Ltd", o), "huaxintrading");
	CU_ASSERT_STRING_EQUAL(name_normalize("Acme Inc.", o), "acme");
	CU_ASSERT_STRING_EQUAL(name_normalize("公司", o), "公司");            /* never empties a name */
	/* bracketed and trailing legal forms (issue 8.6) */
	CU_ASSERT_STRING_EQUAL(name_normalize("苏州华信商贸（股份）有限责任公司", o),
			       name_normalize("苏州华信商贸股份有限公司", o2));
	CU_ASSERT_STRING_EQUAL(name_normalize("苏州华信商贸股份有限公司", o), "苏州华信商贸");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信(集团)有限公司", o), "华信");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信集团有限公司", o), "华信");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信（集团）实业有限公司", o), "华信实业");
	CU_ASSERT_STRING_EQUAL(name_normalize("华信（控股）集团股份有限公司", o), "华信");
	CU_ASSERT_STRING_EQUAL(name_normalize("Huaxin Holdings Group Co., Ltd.", o), "huaxin");
	/* a bracket that is no legal form stays, and so does a name that is only one */
	CU_ASSERT_STRING_EQUAL(name_normalize("华信（苏州）有限公司", o), "华信苏州");
	CU_ASSERT_STRING_EQUAL(name_normalize("（集团）", o), "集团");
	CU_ASSERT_STRING_EQUAL(name_normalize("张三", o), "张三");
	CU_ASSERT_STRING_EQUAL(name_normalize("“华信”商贸公司", o), "华信商贸");
}
static void t_phone_digits(void)
{
	char o[64];
	CU_ASSERT_STRING_EQUAL(phone_digits("+86 138-0013-8000", o), "13800138000");
	CU_ASSERT_STRING_EQUAL(phone_digits("0086 13800138000", o), "13800138000");
	CU_ASSERT_STRING_EQUAL(phone_digits("8613800138000", o), "13800138000");
	CU_ASSERT_STRING_EQUAL(phone_digits("13800138000", o), "13800138000");
	CU_ASSERT_STRING_EQUAL(phone_digits("010-6552 1234", o), "01065521234");
	CU_ASSERT_STRING_EQUAL(phone_digits("(0755) 8601 3388", o), "075586013388");
	CU_ASSERT_STRING_EQUAL(phone_digits("n/a", o), "");
}

/* ---- csv ---- */
static const struct csv_limits CSVLIM = { 100, 20, 100 };

static void t_csv_encodings(void)
{
	const char *out, *enc;
	size_t n;
	CU_ASSERT_EQUAL(csv_to_utf8(A, "\xEF\xBB\xBF\xE5\x8D\x8E,a", 8, &out, &n, &enc), CSV_OK);
	CU_ASSERT_STRING_EQUAL(out, "华,a");
	CU_ASSERT_STRING_EQUAL(enc, "UTF-8");
	CU_ASSERT_EQUAL(csv_to_utf8(A, "\xbb\xaa\xd0\xc5,b", 6, &out, &n, &enc), CSV_OK);  /* 华信 in GBK */
	CU_ASSERT_STRING_EQUAL(out, "华信,b");
	CU_ASSERT_STRING_EQUAL(enc, "GBK");
	CU_ASSERT_EQUAL(csv_to_utf8(A, "\xa2\xe3", 2, &out, &n, &enc), CSV_OK);   /* € in GB18030 */
	CU_ASSERT_STRING_EQUAL(out, "€");
	CU_ASSERT_EQUAL(csv_to_utf8(A, "\xff\xfe" "a\x00", 4, &out, &n, &enc), CSV_UTF16);
	CU_ASSERT_EQUAL(csv_to_utf8(A, "a\x00b", 3, &out, &n, &enc), CSV_BAD_ENCODING);
	CU_ASSERT_EQUAL(csv_to_utf8(A, "\x81\x20", 2, &out, &n, &enc), CSV_BAD_ENCODING);  /* half a GBK pair */
}

static void t_csv_parse(void)
{
	static const char text[] = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,end";
	struct csv_table t;
	size_t line = 0;
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, text, sizeof text - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 3);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[0], "x, y");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[1], "say \"hi\"");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[2], "two\nlines");
	CU_ASSERT_EQUAL(t.rows[1].line, 2);
	CU_ASSERT_EQUAL(t.rows[2].line, 5);             /* after the embedded newline and an empty line */
	CU_ASSERT_EQUAL(t.rows[2].ncols, 3);
	CU_ASSERT_STRING_EQUAL(t.rows[2].cols[1], "");
	static const char semi[] = "名称;电话\n华信;123\n";
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, semi, sizeof semi - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[1], "123");
}

static void t_csv_parse_errors(void)
{
	struct csv_table t;
	size_t line = 0;
	static const char unterminated[] = "a\n\"b,c\n";
	CU_ASSERT_EQUAL(csv_parse(A, unterminated, sizeof unterminated - 1, &CSVLIM, &t, &line), CSV_MALFORMED);
	CU_ASSERT_EQUAL(line, 2);
	static const char stray[] = "a\nb\"c,12\" screen,x\"\n";   /* a quote inside an unquoted cell is text (Excel) */
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, stray, sizeof stray - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 2);
	CU_ASSERT_EQUAL(t.rows[1].ncols, 3);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[0], "b\"c");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[1], "12\" screen");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[2], "x\"");
	static const char after[] = "\"a\"b\n";
	CU_ASSERT_EQUAL(csv_parse(A, after, sizeof after - 1, &CSVLIM, &t, &line), CSV_MALFORMED);
	const struct csv_limits tiny = { 2, 2, 3 };
	CU_ASSERT_EQUAL(csv_parse(A, "a\nb\nc\n", 6, &tiny, &t, &line), CSV_TOO_MANY_ROWS);
	CU_ASSERT_EQUAL(line, 3);
	CU_ASSERT_EQUAL(csv_parse(A, "a,b,c\n", 6, &tiny, &t, &line), CSV_TOO_MANY_COLUMNS);
	CU_ASSERT_EQUAL(csv_parse(A, "abcd\n", 5, &tiny, &t, &line), CSV_FIELD_TOO_LONG);
}

/* found by tests/fuzz/fuzz_csv.c: the separator was looked for up to a NUL,
 * past the n bytes given (an empty text read a byte it did not own) */
static void t_csv_parse_reads_only_n(void)
{
	struct csv_table t;
	size_t line = 0;
	char *text = malloc(3);                  /* "a;b" with no NUL after it */
	memcpy(text, "a;b", 3);
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, text, 3, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 1);
	CU_ASSERT_EQUAL(t.rows[0].ncols, 2);
	CU_ASSERT_EQUAL(csv_parse(A, text, 0, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL(t.nrows, 0);
	free(text);
}

/* found by tests/fuzz/fuzz_csv.c: a CR ending the text was read as a record
 * of one empty field, and such a record was written as an empty line, which
 * reads back as no record */
static void t_csv_empty_record_round_trip(void)
{
	struct csv_table t;
	size_t line = 0;
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, "a\n\r", 3, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL(t.nrows, 1);
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, "a\n\"\"\nb", 6, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 3);
	CU_ASSERT_EQUAL(t.rows[1].ncols, 1);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[0], "");
	struct buf b;
	buf_init(&b);
	for (size_t r = 0; r < t.nrows; r++)
		csv_write_row(&b, t.rows[r].cols, t.rows[r].ncols);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "a\r\n\"\"\r\nb\r\n");
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, b.data, b.len, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL(t.nrows, 3);
	buf_free(&b);
}

/* found by tests/fuzz/fuzz_csv.c: a CR after a closing quote ended the record
 * even with no LF after it, so the next record started on the same line */
static void t_csv_cr_after_quote(void)
{
	struct csv_table t;
	size_t line = 0;
	CU_ASSERT_EQUAL(csv_parse(A, "x\n\"a\"\rb", 7, &CSVLIM, &t, &line), CSV_MALFORMED);
	CU_ASSERT_EQUAL(line, 2);
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, "\"a\"\r\nb", 6, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL(t.nrows, 2);
	CU_ASSERT_EQUAL(t.rows[1].line, 2);
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, "\"a\"\r", 4, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL(t.nrows, 1);
	CU_ASSERT_STRING_EQUAL(t.rows[0].cols[0], "a");
}

/* found by tests/fuzz/fuzz_csv.c: a one-column file whose cell held ';' was
 * written bare and read back as two cells (';' taken for the separator) */
static void t_csv_write_quotes_semicolon(void)
{
	struct buf b;
	buf_init(&b);
	const char *row[] = { "a;b" };
	csv_write_row(&b, row, 1);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "\"a;b\"\r\n");
	struct csv_table t;
	size_t line = 0;
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, b.data, b.len, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 1);
	CU_ASSERT_EQUAL(t.rows[0].ncols, 1);
	CU_ASSERT_STRING_EQUAL(t.rows[0].cols[0], "a;b");
	buf_free(&b);
}

/* found by tests/fuzz/fuzz_csv.c: the separator was chosen from the first
 * line as bytes, so a ';' or ',' inside a quoted cell (or an empty first
 * line) chose the wrong one and a file read back as malformed */
static void t_csv_separator_outside_quotes(void)
{
	struct csv_table t;
	size_t line = 0;
	static const char comma[] = "\"a;\nb\",c\r\nd,e\r\n";
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, comma, sizeof comma - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 2);
	CU_ASSERT_EQUAL(t.rows[0].ncols, 2);
	CU_ASSERT_STRING_EQUAL(t.rows[0].cols[0], "a;\nb");
	static const char semi[] = "\"x,y\";z\n1;2\n";
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, semi, sizeof semi - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 2);
	CU_ASSERT_STRING_EQUAL(t.rows[0].cols[0], "x,y");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cols[1], "2");
	static const char empty_first[] = "\r\n\na;b\n";
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, empty_first, sizeof empty_first - 1, &CSVLIM, &t, &line), CSV_OK);
	CU_ASSERT_EQUAL_FATAL(t.nrows, 1);
	CU_ASSERT_EQUAL(t.rows[0].ncols, 2);
	CU_ASSERT_EQUAL(t.rows[0].line, 3);
}

static void t_csv_write(void)
{
	struct buf b;
	buf_init(&b);
	const char *row[] = { "=1+2", "+x", "-y", "@SUM(A1)", "\tz", "a=b", "x,y", "say \"hi\"", "华信", "-12.50" };
	csv_write_row(&b, row, 10);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "\"'=1+2\",\"'+x\",\"'-y\",\"'@SUM(A1)\",\"'\tz\",a=b,\"x,y\",\"say \"\"hi\"\"\",华信,\"'-12.50\"\r\n");
	buf_reset(&b);
	const char *nums[] = { "-12.50", "=1", "-1+2", "3" };
	const int numeric[] = { 1, 1, 1, 1 };
	csv_write_row_typed(&b, nums, numeric, 4);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "-12.50,\"'=1\",\"'-1+2\",3\r\n");
	/* what is written parses back to the same cells (neutralised ones keep their ') */
	buf_reset(&b);
	const char *rt[] = { "两行\n文本", "x,y", "q\"q", " padded " };
	csv_write_row(&b, rt, 4);
	struct csv_table t;
	size_t line;
	CU_ASSERT_EQUAL_FATAL(csv_parse(A, b.data, b.len, &CSVLIM, &t, &line), CSV_OK);
	for (int i = 0; i < 4; i++)
		CU_ASSERT_STRING_EQUAL(t.rows[0].cols[i], rt[i]);
	buf_free(&b);
}

/* ---- declared forms (core/form.c) ---- */

/* The language tree is empty, so a message reads as its key ("form.required"). */
static struct worker FW;
static struct req FR;

static int form_setup(void)
{
	A = arena_new();
	if (hdf_init(&FW.lang_root[1]) != STATUS_OK)
		return 1;
	FW.lang[0] = FW.lang[1] = FW.lang_root[1];
	return 0;
}

static int form_teardown(void)
{
	if (FR.hdf != NULL)
		hdf_destroy(&FR.hdf);
	hdf_destroy(&FW.lang_root[1]);
	arena_free(A);
	return 0;
}

/* A fresh request whose POSTed form is body (urlencoded). */
static struct req *posted(const char *body)
{
	static const struct limits lim = { 50, 32, 20000, 1024 };
	if (FR.hdf != NULL)
		hdf_destroy(&FR.hdf);
	memset(&FR, 0, sizeof FR);
	FR.a = A;
	FR.w = &FW;
	FR.lang = "en";
	if (hdf_init(&FR.hdf) != STATUS_OK)
		CU_FAIL_FATAL("hdf_init");
	CU_ASSERT_FATAL(parse_urlencoded(A, body, strlen(body), &FR.form, &lim) == PARSE_OK);
	return &FR;
}

static const char *form_node(struct req *r, const char *what, const char *name)
{
	return hdf_get_value(r->hdf, arena_printf(A, "Form.%s.%s", what, name), NULL);
}
#define ERROR_OF(r, name) form_node((r), "errors", (name))
/* A missing string fails the comparison rather than the program. */
#define STR_EQ(actual, expected) CU_ASSERT_STRING_EQUAL((actual) ? (actual) : "(null)", (expected))
#define VALUE_OF(r, name) form_node((r), "values", (name))

/* Reads body against the one field f; 1 when it passed. */
static int read_one(const char *body, const struct form_field *f, struct form_value *v)
{
	return form_read(posted(body), f, 1, v);
}

static void t_form_text(void)
{
	const struct form_field name = { .name = "name", .type = FT_TEXT, .max = 3, .flags = FORM_REQUIRED };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("name=abc", &name, &v), 1);
	STR_EQ(v.text, "abc");
	CU_ASSERT_PTR_NULL(ERROR_OF(&FR, "name"));
	CU_ASSERT_PTR_NULL(hdf_get_value(FR.hdf, "Form.invalid", NULL));
	/* required: absent, empty, or only spaces */
	CU_ASSERT_EQUAL(read_one("other=1", &name, &v), 0);
	CU_ASSERT_PTR_NULL(v.text);
	STR_EQ(ERROR_OF(&FR, "name"), "form.required");
	STR_EQ(hdf_get_value(FR.hdf, "Form.invalid", ""), "1");
	CU_ASSERT_EQUAL(read_one("name=", &name, &v), 0);
	CU_ASSERT_EQUAL(read_one("name=+%09+", &name, &v), 0);
	STR_EQ(ERROR_OF(&FR, "name"), "form.required");
	/* one line */
	CU_ASSERT_EQUAL(read_one("name=a%0Ab", &name, &v), 0);
	STR_EQ(ERROR_OF(&FR, "name"), "form.one_line");
	/* optional and empty: "" */
	const struct form_field note = { .name = "note", .type = FT_TEXT, .max = 3 };
	CU_ASSERT_EQUAL(read_one("x=1", &note, &v), 1);
	STR_EQ(v.text, "");
	STR_EQ(VALUE_OF(&FR, "note"), "");
	/* long text takes several lines */
	const struct form_field body = { .name = "body", .type = FT_LONGTEXT, .max = 10 };
	CU_ASSERT_EQUAL(read_one("body=a%0D%0Ab%09c", &body, &v), 1);
	STR_EQ(v.text, "a\r\nb\tc");
	/* allowed characters and the fewest, with the field's own message */
	const struct form_field code = { .name = "code", .type = FT_TEXT, .max = 8, .min = 2, .chars = "abc-",
					 .error = "x.code_rule" };
	CU_ASSERT_EQUAL(read_one("code=ab-c", &code, &v), 1);
	CU_ASSERT_EQUAL(read_one("code=abd", &code, &v), 0);
	STR_EQ(ERROR_OF(&FR, "code"), "x.code_rule");
	CU_ASSERT_EQUAL(read_one("code=a", &code, &v), 0);
	STR_EQ(ERROR_OF(&FR, "code"), "x.code_rule");
	CU_ASSERT_EQUAL(read_one("code=", &code, &v), 1);          /* not required */
}

static void t_form_too_long_in_characters(void)
{
	const struct form_field name = { .name = "name", .type = FT_TEXT, .max = 3 };
	struct form_value v;
	/* 华信公: 3 characters, 9 bytes */
	CU_ASSERT_EQUAL(read_one("name=%E5%8D%8E%E4%BF%A1%E5%85%AC", &name, &v), 1);
	STR_EQ(v.text, "华信公");
	/* 华信公司: 4 characters */
	CU_ASSERT_EQUAL(read_one("name=%E5%8D%8E%E4%BF%A1%E5%85%AC%E5%8F%B8", &name, &v), 0);
	STR_EQ(ERROR_OF(&FR, "name"), "form.too_long 3");
	STR_EQ(VALUE_OF(&FR, "name"), "华信公司");     /* echoed as typed */
	CU_ASSERT_EQUAL(read_one("name=abcd", &name, &v), 0);
}

static void t_form_number_and_id(void)
{
	const struct form_field n = { .name = "n", .type = FT_NUMBER, .flags = FORM_REQUIRED, .min = -10,
				      .max_value = 100 };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("n=100", &n, &v), 1);
	CU_ASSERT_EQUAL(v.n, 100);
	CU_ASSERT_EQUAL(read_one("n=-10", &n, &v), 1);
	CU_ASSERT_EQUAL(v.n, -10);
	const char *bad[] = { "n=101", "n=-11", "n=1x", "n=%2B5", "n=+5", "n=1.5", "n=-", "n=9999999999999999999", NULL };
	for (int i = 0; bad[i]; i++) {
		CU_ASSERT_EQUAL(read_one(bad[i], &n, &v), 0);
		STR_EQ(ERROR_OF(&FR, "n"), "form.bad_number");
		CU_ASSERT_PTR_NULL(v.text);
	}
	CU_ASSERT_EQUAL(read_one("n=", &n, &v), 0);
	STR_EQ(ERROR_OF(&FR, "n"), "form.required");
	long long x = 0;
	CU_ASSERT_EQUAL(form_number("-0", -1, 1, &x), 0);
	CU_ASSERT_EQUAL(form_number("123456789012345678", 0, 1LL << 62, &x), 0);
	CU_ASSERT_EQUAL(x, 123456789012345678LL);

	const struct form_field id = { .name = "id", .type = FT_ID };
	CU_ASSERT_EQUAL(read_one("id=42", &id, &v), 1);
	CU_ASSERT_EQUAL(v.n, 42);
	CU_ASSERT_EQUAL(read_one("id=", &id, &v), 1);             /* optional: none */
	CU_ASSERT_EQUAL(v.n, 0);
	CU_ASSERT_EQUAL(read_one("id=0", &id, &v), 0);
	STR_EQ(ERROR_OF(&FR, "id"), "form.bad_choice");
	CU_ASSERT_EQUAL(read_one("id=-3", &id, &v), 0);
	CU_ASSERT_EQUAL(read_one("id=1234567890123456789", &id, &v), 0);
}

static void t_form_choice(void)
{
	static const char *const colours[] = { "red", "green", "blue", NULL };
	const struct form_field c = { .name = "c", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = colours };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("c=green", &c, &v), 1);
	CU_ASSERT_EQUAL(v.n, 1);
	STR_EQ(v.text, "green");
	CU_ASSERT_EQUAL(read_one("c=Green", &c, &v), 0);
	STR_EQ(ERROR_OF(&FR, "c"), "form.bad_choice");
	STR_EQ(VALUE_OF(&FR, "c"), "Green");
	CU_ASSERT_EQUAL(read_one("c=", &c, &v), 0);
	STR_EQ(ERROR_OF(&FR, "c"), "form.required");
	const struct form_field opt = { .name = "c", .type = FT_CHOICE, .choices = colours };
	CU_ASSERT_EQUAL(read_one("c=", &opt, &v), 1);
	CU_ASSERT_EQUAL(v.n, -1);
	CU_ASSERT_EQUAL(form_choice_index(colours, "blue"), 2);
	CU_ASSERT_EQUAL(form_choice_index(colours, NULL), -1);
	/* repeated: every value checked; the chosen ones as bits */
	const struct form_field many = { .name = "c", .type = FT_CHOICE, .flags = FORM_MULTI, .choices = colours };
	CU_ASSERT_EQUAL(read_one("c=red&x=1&c=blue", &many, &v), 1);
	CU_ASSERT_EQUAL(v.count, 2);
	CU_ASSERT_EQUAL(v.n, (1 << 0) | (1 << 2));
	STR_EQ(v.all[1], "blue");
	STR_EQ(VALUE_OF(&FR, "c.1"), "blue");
	CU_ASSERT_EQUAL(read_one("c=red&c=pink", &many, &v), 0);
	STR_EQ(ERROR_OF(&FR, "c"), "form.bad_choice");
	CU_ASSERT_EQUAL(read_one("x=1", &many, &v), 1);
	CU_ASSERT_EQUAL(v.count, 0);
}

static void t_form_email(void)
{
	const struct form_field e = { .name = "e", .type = FT_EMAIL, .max = 190 };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("e=li.ming%40huaxin.example.cn", &e, &v), 1);
	STR_EQ(v.text, "li.ming@huaxin.example.cn");
	CU_ASSERT_EQUAL(read_one("e=", &e, &v), 1);
	const char *bad[] = { "x@", "@huaxin.cn", "li@huaxin", "li@huaxin.cn.", "li@@huaxin.cn", "li@hua@xin.cn",
			      "li ming@huaxin.cn", "<li@huaxin.cn>", "li@huaxin.cn;x@y.z", "not-an-email", NULL };
	for (int i = 0; bad[i]; i++) {
		CU_ASSERT_FALSE(form_email_ok(bad[i]));
		char body[64];
		snprintf(body, sizeof body, "e=%s", bad[i]);
		for (char *p = body; *p; p++)          /* urlencoded: '+' for a space, %40 for '@' unneeded */
			if (*p == ' ')
				*p = '+';
		CU_ASSERT_EQUAL(read_one(body, &e, &v), 0);
		STR_EQ(ERROR_OF(&FR, "e"), "form.bad_email");
	}
}

static void t_form_bool(void)
{
	const struct form_field b = { .name = "b", .type = FT_BOOL };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("x=1", &b, &v), 1);
	CU_ASSERT_EQUAL(v.n, 0);
	STR_EQ(VALUE_OF(&FR, "b"), "0");
	CU_ASSERT_EQUAL(read_one("b=1", &b, &v), 1);
	CU_ASSERT_EQUAL(v.n, 1);
	STR_EQ(VALUE_OF(&FR, "b"), "1");
	CU_ASSERT_EQUAL(read_one("b=on", &b, &v), 1);
	CU_ASSERT_EQUAL(v.n, 1);
	CU_ASSERT_EQUAL(read_one("b=0", &b, &v), 1);
	CU_ASSERT_EQUAL(v.n, 0);
	CU_ASSERT_EQUAL(read_one("b=yes", &b, &v), 0);
	CU_ASSERT_EQUAL(v.n, 0);
	STR_EQ(ERROR_OF(&FR, "b"), "form.bad_choice");
	STR_EQ(VALUE_OF(&FR, "b"), "yes");
}

static void t_form_dates(void)
{
	const struct form_field d = { .name = "d", .type = FT_DATE };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("d=2024-02-29", &d, &v), 1);
	STR_EQ(v.text, "2024-02-29");
	const char *bad[] = { "d=2023-02-29", "d=2026-02-30", "d=2026-04-31", "d=2026-13-01", "d=2026-1-01",
			      "d=1899-12-31", "d=2026%2F01%2F01", "d=2026-01-01x", "d=20260101", NULL };
	for (int i = 0; bad[i]; i++) {
		CU_ASSERT_EQUAL(read_one(bad[i], &d, &v), 0);
		STR_EQ(ERROR_OF(&FR, "d"), "form.bad_date");
	}
	CU_ASSERT_TRUE(form_date_ok("2000-02-29"));
	CU_ASSERT_FALSE(form_date_ok("2100-02-29"));

	const struct form_field t = { .name = "t", .type = FT_DATETIME, .flags = FORM_REQUIRED };
	CU_ASSERT_EQUAL(read_one("t=2026-03-01T09:30", &t, &v), 1);
	STR_EQ(v.text, "2026-03-01 09:30:00");
	STR_EQ(VALUE_OF(&FR, "t"), "2026-03-01T09:30");      /* echoed as typed */
	CU_ASSERT_EQUAL(read_one("t=2026-03-01+23%3A59%3A59", &t, &v), 1);
	STR_EQ(v.text, "2026-03-01 23:59:59");
	const char *badt[] = { "t=2026-02-30T10:00", "t=2026-03-01T24:00", "t=2026-03-01T10:60", "t=2026-03-01",
			       "t=2026-03-01T9:30", "t=2026-03-01X09:30", NULL };
	for (int i = 0; badt[i]; i++) {
		CU_ASSERT_EQUAL(read_one(badt[i], &t, &v), 0);
		STR_EQ(ERROR_OF(&FR, "t"), "form.bad_datetime");
	}
}

static void t_form_password(void)
{
	const struct form_field pw = { .name = "pw", .type = FT_PASSWORD, .max = 8 };
	struct form_value v;
	CU_ASSERT_EQUAL(read_one("pw=+a%09b+", &pw, &v), 1);
	STR_EQ(v.text, " a\tb ");                  /* as typed */
	CU_ASSERT_PTR_NULL(VALUE_OF(&FR, "pw"));                  /* never echoed */
	CU_ASSERT_EQUAL(read_one("pw=123456789", &pw, &v), 0);
	STR_EQ(ERROR_OF(&FR, "pw"), "form.too_long 8");
	CU_ASSERT_PTR_NULL(VALUE_OF(&FR, "pw"));
}

static void t_form_whole_form_echoes(void)
{
	static const char *const kinds[] = { "a", "b", NULL };
	enum { F_NAME, F_AGE, F_KIND, F_MAIL, F__N };
	static const struct form_field fields[F__N] = {
		[F_NAME] = { .name = "name", .type = FT_TEXT, .max = 5, .flags = FORM_REQUIRED },
		[F_AGE] = { .name = "age", .type = FT_NUMBER, .min = 0, .max_value = 150 },
		[F_KIND] = { .name = "kind", .type = FT_CHOICE, .choices = kinds },
		[F_MAIL] = { .name = "mail", .type = FT_EMAIL },
	};
	struct form_value v[F__N];
	/* every value is echoed, the good ones pass, each bad one has its message */
	struct req *r = posted("name=%3Cb%3E&age=200&kind=b&mail=x%40");
	CU_ASSERT_EQUAL(form_read(r, fields, F__N, v), 0);
	STR_EQ(VALUE_OF(r, "name"), "<b>");
	STR_EQ(VALUE_OF(r, "age"), "200");
	STR_EQ(VALUE_OF(r, "kind"), "b");
	STR_EQ(VALUE_OF(r, "mail"), "x@");
	STR_EQ(v[F_NAME].text, "<b>");
	CU_ASSERT_PTR_NULL(ERROR_OF(r, "name"));
	STR_EQ(ERROR_OF(r, "age"), "form.bad_number");
	CU_ASSERT_PTR_NULL(v[F_AGE].text);
	CU_ASSERT_EQUAL(v[F_KIND].n, 1);
	STR_EQ(ERROR_OF(r, "mail"), "form.bad_email");
	STR_EQ(hdf_get_value(r->hdf, "Form.invalid", ""), "1");
	/* a file part is not a value */
	r = posted("age=3");
	params_add(A, &r->form, "name", "evil", 4);
	r->form.v[r->form.n - 1].filename = "name.txt";
	CU_ASSERT_EQUAL(form_read(r, fields, F__N, v), 0);
	STR_EQ(ERROR_OF(r, "name"), "form.required");
	CU_ASSERT_EQUAL(v[F_AGE].n, 3);
}

/* ---- working days ---------------------------------------------------------------- */

static void t_day_numbers(void)
{
	CU_ASSERT_EQUAL(day_number(1970, 1, 1), 0);
	CU_ASSERT_EQUAL(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);     /* 2000 was a leap year */
	CU_ASSERT_EQUAL(day_number(2100, 3, 1) - day_number(2100, 2, 28), 1);     /* 2100 is not */
	char d[11];
	for (long n = day_number(1999, 12, 25); n < day_number(2030, 1, 10); n += 17) {
		int y, m, dd;
		day_from_number(n, d);
		CU_ASSERT(sscanf(d, "%d-%d-%d", &y, &m, &dd) == 3 && day_number(y, m, dd) == n);
	}
	day_from_number(day_number(2026, 12, 31) + 1, d);
	CU_ASSERT_STRING_EQUAL(d, "2027-01-01");
}

static void t_workdays(void)
{
	/* 2026: National Day 10-01…10-07 off, Saturday 10-10 worked; Spring Festival 02-15…02-23 off,
	 * Saturdays 02-14 and 02-28 worked (the State Council's notice) */
	static const struct calday cal[] = {
		{ "2026-10-01", 0 }, { "2026-10-02", 0 }, { "2026-10-05", 0 }, { "2026-10-06", 0 }, { "2026-10-07", 0 },
		{ "2026-10-10", 1 }, { "2026-02-16", 0 }, { "2026-02-17", 0 }, { "2026-02-18", 0 }, { "2026-02-19", 0 },
		{ "2026-02-20", 0 }, { "2026-02-23", 0 }, { "2026-02-14", 1 }, { "2026-02-28", 1 },
	};
	size_t n = sizeof cal / sizeof cal[0];
	char out[11];
	/* an urgent complaint on Wednesday 09-30: 3 working days are 10-08, 10-09 and Saturday 10-10 */
	CU_ASSERT(workdays_add("2026-09-30", 3, cal, n, out) == 0 && strcmp(out, "2026-10-10") == 0);
	CU_ASSERT(workdays_add("2026-09-30", 1, cal, n, out) == 0 && strcmp(out, "2026-10-08") == 0);
	/* Friday 02-13: the next working day is the make-up Saturday 02-14, then 02-24 after the festival */
	CU_ASSERT(workdays_add("2026-02-13", 1, cal, n, out) == 0 && strcmp(out, "2026-02-14") == 0);
	CU_ASSERT(workdays_add("2026-02-13", 2, cal, n, out) == 0 && strcmp(out, "2026-02-24") == 0);
	/* an ordinary week: Friday + 1 is Monday; weekends without an exception are off */
	CU_ASSERT(workdays_add("2026-11-27", 1, cal, n, out) == 0 && strcmp(out, "2026-11-30") == 0);
	CU_ASSERT(workdays_add("2026-11-27", 5, cal, n, out) == 0 && strcmp(out, "2026-12-04") == 0);
	CU_ASSERT(workdays_add("2026-11-27", 0, cal, n, out) == 0 && strcmp(out, "2026-11-27") == 0);
	CU_ASSERT(workday_is("2026-10-10", cal, n));
	CU_ASSERT(!workday_is("2026-10-01", cal, n));
	CU_ASSERT(!workday_is("2026-11-29", cal, n));      /* a Sunday */
	CU_ASSERT_EQUAL(workdays_add("2026-13-01", 1, cal, n, out), -1);
	CU_ASSERT_EQUAL(workdays_add("x", 1, cal, n, out), -1);
}

/* ---- backups: names and retention -------------------------------------------------- */

static void t_backup_names(void)
{
	struct backup_stamp s;
	CU_ASSERT_EQUAL(backup_name_parse("dossier-20261130-101308-monthly.tar.gz", &s), 0);
	CU_ASSERT(s.year == 2026 && s.month == 11 && s.day == 30 && s.hour == 10 && s.min == 13 && s.sec == 8);
	CU_ASSERT_EQUAL(s.kind, BACKUP_MONTHLY);
	CU_ASSERT_EQUAL(backup_name_parse("dossier-20280229-000000-weekly.tar.gz", &s), 0);   /* a leap day */
	CU_ASSERT_EQUAL(s.kind, BACKUP_WEEKLY);
	const char *not_ours[] = { "notes.txt", "dossier-20261130-101308-daily.tar.gz", "dossier-20261330-101308-weekly.tar.gz",
				   "dossier-20260229-101308-weekly.tar.gz", "dossier-20261130-251308-weekly.tar.gz",
				   "dossier-20261130-101308-weekly.tar.gz.sha256", ".dossier-20261130-101308-weekly.tar.gz.partial",
				   "dossier-2026113-101308-weekly.tar.gz", "" };
	for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++)
		CU_ASSERT_EQUAL(backup_name_parse(not_ours[i], &s), -1);
	struct tm tm = { .tm_year = 126, .tm_mon = 0, .tm_mday = 1, .tm_hour = 2, .tm_min = 30, .tm_sec = 5 };
	char name[BACKUP_NAME_MAX];
	backup_name_make(&tm, BACKUP_MONTHLY, name);
	CU_ASSERT_STRING_EQUAL(name, "dossier-20260101-023005-monthly.tar.gz");
	CU_ASSERT_EQUAL(backup_name_parse(name, &s), 0);
}

/* Which of names retention deletes, as "a b c" in the order given. */
static const char *pruned(const char *const *names, size_t n, long weekly, long monthly)
{
	static char out[4096];
	struct backup_stamp v[64];
	int keep[64];
	CU_ASSERT_FATAL(n <= 64);
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_FATAL(backup_name_parse(names[i], &v[i]) == 0);
	backup_retention(v, n, weekly, monthly, keep);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (!keep[i])
			snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.15s", out[0] ? " " : "", names[i] + 8);
	return out;
}

static void t_backup_retention(void)
{
	/* thirteen Monday backups, a retried one on the Wednesday of the week of
	 * 23 November, fourteen of the 1st and an extra monthly one on 15 November */
	static const char *const names[] = {
		"dossier-20260907-023000-weekly.tar.gz", "dossier-20260914-023000-weekly.tar.gz",
		"dossier-20260921-023000-weekly.tar.gz", "dossier-20260928-023000-weekly.tar.gz",
		"dossier-20261005-023000-weekly.tar.gz", "dossier-20261012-023000-weekly.tar.gz",
		"dossier-20261019-023000-weekly.tar.gz", "dossier-20261026-023000-weekly.tar.gz",
		"dossier-20261102-023000-weekly.tar.gz", "dossier-20261109-023000-weekly.tar.gz",
		"dossier-20261116-023000-weekly.tar.gz", "dossier-20261123-023000-weekly.tar.gz",
		"dossier-20261125-140000-weekly.tar.gz", "dossier-20261130-023000-weekly.tar.gz",
		"dossier-20251001-023000-monthly.tar.gz", "dossier-20251101-023000-monthly.tar.gz",
		"dossier-20251201-023000-monthly.tar.gz", "dossier-20260101-023000-monthly.tar.gz",
		"dossier-20260201-023000-monthly.tar.gz", "dossier-20260301-023000-monthly.tar.gz",
		"dossier-20260401-023000-monthly.tar.gz", "dossier-20260501-023000-monthly.tar.gz",
		"dossier-20260601-023000-monthly.tar.gz", "dossier-20260701-023000-monthly.tar.gz",
		"dossier-20260801-023000-monthly.tar.gz", "dossier-20260901-023000-monthly.tar.gz",
		"dossier-20261001-023000-monthly.tar.gz", "dossier-20261101-023000-monthly.tar.gz",
		"dossier-20261115-090000-monthly.tar.gz",
	};
	size_t n = sizeof names / sizeof names[0];
	/* the defaults, 8 weekly and 12 monthly: the 8 newest weeks (the retried
	 * one stands for its week) and the 12 newest months (15 November for its month) */
	CU_ASSERT_STRING_EQUAL(pruned(names, n, 8, 12),
			       "20260907-023000 20260914-023000 20260921-023000 20260928-023000 20261005-023000 "
			       "20261123-023000 20251001-023000 20251101-023000 20261101-023000");
	/* fewer kept */
	CU_ASSERT_STRING_EQUAL(pruned(names + 11, 3, 1, 12), "20261123-023000 20261125-140000");
	/* nothing to prune when there are fewer than the limits */
	CU_ASSERT_STRING_EQUAL(pruned(names + 8, 6, 8, 12), "20261123-023000");
	/* the newest backup of all is kept whatever the settings */
	static const char *const monthly_only[] = { "dossier-20261001-023000-monthly.tar.gz",
						    "dossier-20261101-023000-monthly.tar.gz" };
	CU_ASSERT_STRING_EQUAL(pruned(monthly_only, 2, 8, 0), "20261001-023000");
	/* weeks run Monday to Sunday: Sunday night and Monday morning are two weeks */
	static const char *const edge[] = { "dossier-20261129-235959-weekly.tar.gz",
					    "dossier-20261130-000000-weekly.tar.gz",
					    "dossier-20261123-000000-weekly.tar.gz" };
	CU_ASSERT_STRING_EQUAL(pruned(edge, 3, 2, 12), "20261123-000000");
	/* across a year's end */
	static const char *const year[] = { "dossier-20251229-010000-weekly.tar.gz",
					    "dossier-20260102-010000-weekly.tar.gz",
					    "dossier-20251222-010000-weekly.tar.gz" };
	CU_ASSERT_STRING_EQUAL(pruned(year, 3, 1, 12), "20251229-010000 20251222-010000");
	/* none */
	int keep[1] = { 7 };
	backup_retention(NULL, 0, 8, 12, keep);
	CU_ASSERT_EQUAL(keep[0], 7);
}

/* ---- mail: the message text and the robots' signature ---- */

static struct req *mail_req(struct config *cfg)
{
	static struct req r;
	memset(&r, 0, sizeof r);
	config_defaults(cfg);
	r.a = A;
	r.cfg = cfg;
	r.now = 1796000000;
	r.lang = "zh_CN";
	return &r;
}

static void t_mail_base64(void)
{
	struct buf b;
	buf_init(&b);
	mail_base64(&b, (const unsigned char *)"客户档案", strlen("客户档案"), 0);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "5a6i5oi35qGj5qGI");
	buf_reset(&b);
	mail_base64(&b, (const unsigned char *)"ab", 2, 0);
	CU_ASSERT_STRING_EQUAL(buf_cstr(&b), "YWI=");
	buf_free(&b);
}

static void t_mail_header_words(void)
{
	struct config cfg;
	struct req *r = mail_req(&cfg);
	CU_ASSERT_STRING_EQUAL(mail_encode_header(r, "Daily digest"), "Daily digest");
	/* 40 three-byte characters: encoded words of whole characters, each line short */
	char title[200] = "";
	for (int i = 0; i < 40; i++)
		strcat(title, "档");
	const char *h = mail_encode_header(r, title);
	int words = 0;
	for (const char *p = h; *p;) {
		size_t len = strcspn(p, "\r");
		CU_ASSERT(len <= 76);
		CU_ASSERT(strncmp(p + (*p == ' '), "=?UTF-8?B?", 10) == 0);
		CU_ASSERT(strncmp(p + len - 2, "?=", 2) == 0);
		/* 45 bytes at most, cut between characters: 60 base64 characters, no padding */
		CU_ASSERT(len - (*p == ' ') - 12 <= 60);
		words++;
		p += len;
		if (*p == '\r') {
			CU_ASSERT(strncmp(p, "\r\n ", 3) == 0);
			p += 2;
		}
	}
	CU_ASSERT_EQUAL(words, 3);
	/* a line break someone typed never reaches the header as one */
	h = mail_encode_header(r, "a\r\nBcc: x@y.z");
	CU_ASSERT(strstr(h, "Bcc") == NULL && strncmp(h, "=?UTF-8?B?", 10) == 0);
}

static void t_mail_compose(void)
{
	struct config cfg;
	struct req *r = mail_req(&cfg);
	const char *m = mail_compose(r, 7, "staff1@huaxin.example", "每日摘要", "正文", "<p>正文</p>", NULL, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT(strstr(m, "\r\nTo: staff1@huaxin.example\r\n") != NULL);
	CU_ASSERT(strstr(m, "From: dossier@localhost\r\n") != NULL);
	CU_ASSERT(strstr(m, "Subject: =?UTF-8?B?5q+P5pel5pGY6KaB?=\r\n") != NULL);
	CU_ASSERT(strstr(m, "Message-ID: <dossier.7.") != NULL);
	CU_ASSERT(strstr(m, "Content-Type: multipart/alternative; boundary=\"=_dossier_7_") != NULL);
	CU_ASSERT(strstr(m, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n5q2j5paH\r\n") != NULL);
	CU_ASSERT(strstr(m, "Content-Type: text/html; charset=UTF-8") != NULL);
	CU_ASSERT(strncmp(m, "Date: ", 6) == 0 && strstr(m, " +0") != NULL);
	/* an address that would smuggle a header is refused */
	CU_ASSERT_PTR_NULL(mail_compose(r, 7, "a@b.c\r\nBcc: x@y.z", "t", "t", "t", NULL, NULL, NULL));
	CU_ASSERT_PTR_NULL(mail_compose(r, 7, "not an address", "t", "t", "t", NULL, NULL, NULL));
	/* an attachment: multipart/mixed around the alternative, the file after it */
	const char *a = mail_compose(r, 8, "staff1@huaxin.example", "t", "x", "<p>x</p>", "周报.xlsx",
				     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "UEsDBA==\r\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	const char *mixed = strstr(a, "Content-Type: multipart/mixed; boundary=\"=_dossier_mixed_8_");
	const char *alt = strstr(a, "Content-Type: multipart/alternative; boundary=\"=_dossier_8_");
	const char *file = strstr(a, "Content-Disposition: attachment; filename*=UTF-8''%E5%91%A8%E6%8A%A5.xlsx\r\n\r\nUEsDBA==\r\n--=_dossier_mixed_8_");
	CU_ASSERT(mixed != NULL && alt != NULL && file != NULL && mixed < alt && alt < file);
	CU_ASSERT(strstr(a, "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n") != NULL);
	/* a type that would break the header is not used */
	const char *bad = mail_compose(r, 9, "staff1@huaxin.example", "t", "x", "x", "a.bin", "text/x\r\nBcc: y", "AA==\r\n");
	CU_ASSERT(bad != NULL && strstr(bad, "Bcc") == NULL && strstr(bad, "application/octet-stream") != NULL);
}

static void t_dingtalk_sign(void)
{
	struct config cfg;
	struct req *r = mail_req(&cfg);
	/* the value DingTalk's documented rule gives (computed with Python's hmac) */
	CU_ASSERT_STRING_EQUAL(robot_dingtalk_sign(r, 1700000000000LL, "SECabc"),
			       "jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D");
}

/* A ZIP of the named members (stored, no data), each declaring usize bytes; its length. */
static size_t zip_of(unsigned char *b, const char *const *names, unsigned usize, unsigned csize)
{
	unsigned char *p = b;
	int count = 0;
	for (int i = 0; names[i]; i++, count++) {
		size_t nl = strlen(names[i]);
		memset(p, 0, 46);
		p[0] = 0x50; p[1] = 0x4b; p[2] = 0x01; p[3] = 0x02;
		p[20] = csize & 0xff; p[21] = (csize >> 8) & 0xff; p[22] = (csize >> 16) & 0xff; p[23] = (unsigned char)(csize >> 24);
		p[24] = usize & 0xff; p[25] = (usize >> 8) & 0xff; p[26] = (usize >> 16) & 0xff; p[27] = (unsigned char)(usize >> 24);
		p[28] = (unsigned char)nl;
		memcpy(p + 46, names[i], nl);
		p += 46 + nl;
	}
	size_t cd = (size_t)(p - b);
	memset(p, 0, 22);
	p[0] = 0x50; p[1] = 0x4b; p[2] = 0x05; p[3] = 0x06;
	p[8] = p[10] = (unsigned char)count;
	p[12] = cd & 0xff; p[13] = (cd >> 8) & 0xff;
	return cd + 22;
}

/* Office files by their ZIP members, bombs by their declared sizes; safe display names. */
static void t_archive_files(void)
{
	unsigned char b[2048];
	int bomb;
	static const char *const docx[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml", NULL };
	static const char *const xlsx[] = { "[Content_Types].xml", "xl/workbook.xml", NULL };
	static const char *const both[] = { "[Content_Types].xml", "xl/workbook.xml", "word/document.xml", NULL };
	static const char *const plain[] = { "readme.txt", NULL };
	size_t n = zip_of(b, docx, 100, 50);
	CU_ASSERT_STRING_EQUAL(archive_zip_office(b, n, &bomb), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	n = zip_of(b, xlsx, 100, 50);
	CU_ASSERT_STRING_EQUAL(archive_zip_office(b, n, &bomb), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	CU_ASSERT_PTR_NULL(archive_zip_office(b, zip_of(b, both, 10, 5), &bomb));
	CU_ASSERT_PTR_NULL(archive_zip_office(b, zip_of(b, plain, 10, 5), &bomb));
	CU_ASSERT_EQUAL(bomb, 0);
	/* 3 × 100 MB declared in a few hundred bytes */
	CU_ASSERT_PTR_NULL(archive_zip_office(b, zip_of(b, docx, 100u << 20, 100), &bomb));
	CU_ASSERT_EQUAL(bomb, 1);
	/* cut short: the end record is gone, or points outside */
	n = zip_of(b, docx, 100, 50);
	CU_ASSERT_PTR_NULL(archive_zip_office(b, n - 1, &bomb));
	b[n - 22 + 16] = 0xff;
	CU_ASSERT_PTR_NULL(archive_zip_office(b, n, &bomb));
	CU_ASSERT_PTR_NULL(archive_zip_office(b, 10, &bomb));
	CU_ASSERT_STRING_EQUAL(archive_safe_name(A, "../../etc/passwd"), "passwd");
	CU_ASSERT_STRING_EQUAL(archive_safe_name(A, "C:\\Users\\x\\..\\合同.pdf"), "合同.pdf");
	CU_ASSERT_STRING_EQUAL(archive_safe_name(A, "..."), "file");
	CU_ASSERT_STRING_EQUAL(archive_safe_name(A, "a\tb\x01\"c\".pdf"), "abc.pdf");
	char longname[400];
	memset(longname, 'x', 300);
	strcpy(longname + 300, ".pdf");
	CU_ASSERT_EQUAL(strlen(archive_safe_name(A, longname)), 100);
}

/* The archive number from the settings' pattern: the default, DA/T 22-2015, and refusals. */
static void t_archive_number(void)
{
	struct archive_number n = { 123, 2026, "HT", 3, "Q001", "10", "S1" };
	char out[65];
	CU_ASSERT_EQUAL(archive_number_format("{client}-{year}-{type}-{seq}", &n, out, sizeof out), 0);
	CU_ASSERT_STRING_EQUAL(out, "C000123-2026-HT-003");
	CU_ASSERT_EQUAL(archive_number_format("{fonds}-{type}\xc2\xb7{year}-{retention}-{org}-{seq4}", &n, out, sizeof out), 0);
	CU_ASSERT_STRING_EQUAL(out, "Q001-HT\xc2\xb7" "2026-D10-S1-0003");
	n.retention = "permanent";
	n.seq = 1234;
	CU_ASSERT_EQUAL(archive_number_format("{retention}/{seq}", &n, out, sizeof out), 0);
	CU_ASSERT_STRING_EQUAL(out, "Y/1234");
	CU_ASSERT_EQUAL(archive_number_format("{nope}-{seq}", &n, out, sizeof out), -1);
	CU_ASSERT_EQUAL(archive_number_format("{seq", &n, out, sizeof out), -1);
	CU_ASSERT_EQUAL(archive_number_format("{client}{client}{client}", &n, out, 10), -1);
	CU_ASSERT_EQUAL(archive_number_format("", &n, out, sizeof out), -1);
}

/* What a label's barcode encodes: the number when it is printable ASCII, else "#id". */
static void t_archive_barcode_text(void)
{
	arena *a = arena_new();
	CU_ASSERT_STRING_EQUAL(archive_barcode_text(a, "C000123-2026-HT-003", 7), "C000123-2026-HT-003");
	CU_ASSERT_STRING_EQUAL(archive_barcode_text(a, "Q001-HT\xc2\xb7" "2026-D10-S1-0003", 42), "#42");
	CU_ASSERT_STRING_EQUAL(archive_barcode_text(a, "A\tB", 5), "#5");
	CU_ASSERT_STRING_EQUAL(archive_barcode_text(a, "", 9), "#9");
	arena_free(a);
}

/* The filing periods: 1 Jan, 1 Feb (annual), 1 Apr, 1 Jul, 1 Oct; the year each collects. */
static void t_archive_periods(void)
{
	struct archive_period p;
	CU_ASSERT_EQUAL(archive_period_of("2026-01-15", &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-01-01");
	CU_ASSERT_STRING_EQUAL(p.end, "2026-02-01");
	CU_ASSERT_STRING_EQUAL(p.kind, "quarterly");
	CU_ASSERT_EQUAL(p.filing_year, 2025);
	CU_ASSERT_EQUAL(archive_period_of("2026-03-31", &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-02-01");
	CU_ASSERT_STRING_EQUAL(p.end, "2026-04-01");
	CU_ASSERT_STRING_EQUAL(p.kind, "annual");
	CU_ASSERT_EQUAL(p.filing_year, 2025);
	CU_ASSERT_EQUAL(archive_period_of("2026-04-01", &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-04-01");
	CU_ASSERT_EQUAL(p.filing_year, 2026);
	CU_ASSERT_EQUAL(archive_period_of("2026-09-30", &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-07-01");
	CU_ASSERT_EQUAL(archive_period_of("2026-12-31", &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-10-01");
	CU_ASSERT_STRING_EQUAL(p.end, "2027-01-01");
	CU_ASSERT_EQUAL(archive_period_before(&p, &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2026-07-01");
	CU_ASSERT_EQUAL(archive_period_of("2026-01-01", &p), 0);
	CU_ASSERT_EQUAL(archive_period_before(&p, &p), 0);
	CU_ASSERT_STRING_EQUAL(p.start, "2025-10-01");
	CU_ASSERT_STRING_EQUAL(p.end, "2026-01-01");
	CU_ASSERT_EQUAL(archive_period_of("2026-1-1", &p), -1);
	CU_ASSERT_EQUAL(archive_period_of("2026-13-01", &p), -1);
	CU_ASSERT_EQUAL(archive_period_of("2026-01-01x", &p), -1);
	CU_ASSERT_EQUAL(archive_period_of(NULL, &p), -1);
}

/* The secrecy table (DESIGN.md §6): 7 days, 4 hours, the reading room, refused. */
static void t_archive_secrecy(void)
{
	CU_ASSERT_EQUAL(archive_secrecy("ordinary")->loan_secs, 7 * 86400);
	CU_ASSERT_EQUAL(archive_secrecy("secret")->loan_secs, 4 * 3600);
	CU_ASSERT(archive_secrecy("confidential")->reading_only);
	CU_ASSERT(archive_secrecy("top_secret")->refused);
	CU_ASSERT(archive_secrecy("unheard-of")->refused);
}

/* ---- reports: the SVG charts ---- */

static const struct rsection_def chart_bars_def = {
	.key = "t", .cols = { { "label", COL_TEXT }, { "n", COL_INT } }, .ncols = 2, .chart = CHART_BARS, .values = { 1 },
};
static const struct rsection_def chart_quota_def = {
	.key = "q", .cols = { { "dept", COL_TEXT }, { "vip", COL_PERCENT }, { "pref", COL_PERCENT } }, .ncols = 3,
	.chart = CHART_QUOTA, .values = { 1, 2 },
};

/* A section of rows "label,value[,value]" for a chart. */
static struct rsection chart_section(struct req *r, const struct rsection_def *d, const char *const *rows, size_t n)
{
	struct rsection s = { .def = d };
	for (size_t i = 0; i < n; i++) {
		const char **row = rsection_row(r, &s, NULL);
		char *copy = arena_strdup(r->a, rows[i]);
		size_t j = 0;
		for (char *tok = strtok(copy, ","); tok && j < d->ncols; tok = strtok(NULL, ","))
			row[j++] = tok;
	}
	return s;
}

/* The width="…" of the k-th <rect class="bar"> in svg, or -1. */
static double bar_width(const char *svg, int k)
{
	const char *p = svg;
	for (int i = 0; i <= k; i++) {
		p = strstr(p, "<rect class=\"bar\"");
		if (p == NULL)
			return -1;
		p++;
	}
	const char *w = strstr(p, "width=\"");
	return w ? strtod(w + 7, NULL) : -1;
}

static void t_chart_bars(void)
{
	struct req r = { .a = A };
	const char *rows[] = { "<VIP>&\"Co\",200", "Qualified,100", "None,0" };
	struct rsection s = chart_section(&r, &chart_bars_def, rows, 3);
	const char *names[] = { "Grade", "Cards" };
	const char *svg = chart_svg(&r, &s, "Cards <by> grade", names);
	CU_ASSERT_FATAL(svg != NULL);
	CU_ASSERT(strstr(svg, "<title id=\"chart-t-title\">Cards &lt;by&gt; grade</title>") != NULL);
	CU_ASSERT(strstr(svg, "&lt;VIP&gt;&amp;&quot;Co&quot;") != NULL);
	CU_ASSERT(strstr(svg, "<VIP>") == NULL);
	/* the longest bar spans the plot, the others in proportion, a zero has no width; values as text */
	CU_ASSERT_DOUBLE_EQUAL(bar_width(svg, 0), 380.0, 0.01);
	CU_ASSERT_DOUBLE_EQUAL(bar_width(svg, 1), 190.0, 0.01);
	CU_ASSERT_DOUBLE_EQUAL(bar_width(svg, 2), 0.0, 0.01);
	CU_ASSERT(strstr(svg, ">200</text>") != NULL);
	CU_ASSERT(strstr(svg, "<script") == NULL);
	/* more rows than the chart draws: the rest counted */
	const char *many[40];
	for (int i = 0; i < 40; i++)
		many[i] = arena_printf(A, "p%d,%d", i, i + 1);
	struct rsection big = chart_section(&r, &chart_bars_def, many, 40);
	const char *svg2 = chart_svg(&r, &big, "many", names);
	CU_ASSERT(svg2 != NULL && strstr(svg2, "… +10</text>") != NULL && bar_width(svg2, 30) < 0);
	/* nothing to draw: no chart */
	struct rsection empty = { .def = &chart_bars_def };
	CU_ASSERT(chart_svg(&r, &empty, "x", names) == NULL);
}

static const struct rsection_def chart_stacked_def = {
	.key = "s", .cols = { { "kind", COL_TEXT }, { "in_time", COL_INT }, { "late", COL_INT } }, .ncols = 3,
	.chart = CHART_STACKED, .values = { 1, 2 },
};

/* A stacked bar is followed by both its values: the longest bar and its text fit in the chart's width. */
static void t_chart_stacked_values_fit(void)
{
	struct req r = { .a = A };
	const char *rows[] = { "Ordinary,49954,50046", "Secret,10,0" };
	struct rsection s = chart_section(&r, &chart_stacked_def, rows, 2);
	const char *names[] = { "Kind", "In time", "Late" };
	const char *svg = chart_svg(&r, &s, "Out", names);
	CU_ASSERT_FATAL(svg != NULL);
	double plot = bar_width(svg, 0) + bar_width(svg, 1);
	CU_ASSERT(plot > 200);
	const char *label = strstr(svg, ">49,954 + 50,046</text>");
	CU_ASSERT_FATAL(label != NULL);
	const char *x = label;
	while (x > svg && strncmp(x, "<text x=\"", 9) != 0)
		x--;
	CU_ASSERT_FATAL(x > svg);
	/* 15 characters of an 11 px font: at most 7 px each */
	CU_ASSERT(strtod(x + 9, NULL) + 15 * 7 <= 640);
}

static void t_chart_quota_lines(void)
{
	struct req r = { .a = A };
	const char *rows[] = { "Sales,0.1000,0.2000" };
	struct rsection s = chart_section(&r, &chart_quota_def, rows, 1);
	const char *names[] = { "Department", "VIP share", "Preferred share" };
	const char *svg = chart_svg(&r, &s, "Quota", names);
	CU_ASSERT_FATAL(svg != NULL);
	/* two reference lines, labelled; the hatched second series in the legend; percents as text */
	const char *l1 = strstr(svg, "<line class=\"ref\"");
	CU_ASSERT(l1 != NULL && strstr(l1 + 1, "<line class=\"ref\"") != NULL);
	CU_ASSERT(strstr(svg, ">15 %</text>") != NULL && strstr(svg, ">30 %</text>") != NULL);
	CU_ASSERT(strstr(svg, "url(#hatch)") != NULL);
	CU_ASSERT(strstr(svg, "10.0 %") != NULL && strstr(svg, "20.0 %") != NULL);
	/* the scale reaches at least 35 %: 20 % is 20/35 of the plot */
	CU_ASSERT_DOUBLE_EQUAL(bar_width(svg, 1), 380.0 * 0.2 / 0.35, 0.1);
}

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	CU_pSuite s = CU_add_suite("parse", setup, teardown);
	CU_add_test(s, "urlencoded basic", t_url_basic);
	CU_add_test(s, "urlencoded utf-8", t_url_utf8);
	CU_add_test(s, "urlencoded empty segments", t_url_empty_segments_skipped);
	CU_add_test(s, "urlencoded name without value", t_url_name_without_value);
	CU_add_test(s, "urlencoded malformed", t_url_malformed);
	CU_add_test(s, "urlencoded keeps tab/newline", t_url_keeps_tab_newline);
	CU_add_test(s, "urlencoded limits", t_url_limits);
	CU_add_test(s, "cookies", t_cookies);
	CU_add_test(s, "multipart fields and file", t_multipart_fields_and_file);
	CU_add_test(s, "multipart quoted boundary", t_multipart_quoted_boundary);
	CU_add_test(s, "multipart malformed", t_multipart_malformed);
	CU_add_test(s, "multipart file limit", t_multipart_file_limit);
	CU_add_test(s, "multipart header lines checked", t_multipart_header_lines_checked);
	CU_add_test(s, "multipart ';' in a quoted parameter", t_multipart_quoted_semicolon);
	CU_add_test(s, "utf-8", t_utf8);
	s = CU_add_suite("config", NULL, NULL);
	CU_add_test(s, "file and environment", t_config_file_and_env);
	CU_add_test(s, "errors", t_config_errors);
	s = CU_add_suite("crypto", NULL, NULL);
	CU_add_test(s, "sha256", t_sha256);
	CU_add_test(s, "tokens", t_tokens);
	CU_add_test(s, "constant-time equal", t_equal);
	CU_add_test(s, "argon2id", t_password);
	s = CU_add_suite("clock", NULL, NULL);
	CU_add_test(s, "format and parse", t_clock_format_parse);
	CU_add_test(s, "test clock file", t_clock_test_file);
	s = CU_add_suite("core", NULL, NULL);
	CU_add_test(s, "roles", t_roles);
	CU_add_test(s, "buf", t_buf);
	CU_add_test(s, "arena", t_arena);
	s = CU_add_suite("duplicate keys", NULL, NULL);
	CU_add_test(s, "credit code (GB 32100)", t_credit_code);
	CU_add_test(s, "name normalisation", t_name_normalize);
	CU_add_test(s, "money as typed", t_money_parse);
	CU_add_test(s, "phone digits", t_phone_digits);
	s = CU_add_suite("working days", NULL, NULL);
	CU_add_test(s, "day numbers", t_day_numbers);
	CU_add_test(s, "across a holiday and a make-up day", t_workdays);
	s = CU_add_suite("csv", setup, teardown);
	CU_add_test(s, "encodings (UTF-8, BOM, GBK, UTF-16, bad)", t_csv_encodings);
	CU_add_test(s, "parse quoting, lines, separators", t_csv_parse);
	CU_add_test(s, "parse errors and limits", t_csv_parse_errors);
	CU_add_test(s, "parse reads only the n bytes given", t_csv_parse_reads_only_n);
	CU_add_test(s, "a record of one empty field reads and writes back", t_csv_empty_record_round_trip);
	CU_add_test(s, "a CR after a closing quote ends a record only with LF", t_csv_cr_after_quote);
	CU_add_test(s, "write quotes a semicolon", t_csv_write_quotes_semicolon);
	CU_add_test(s, "the separator is read outside quotes", t_csv_separator_outside_quotes);
	CU_add_test(s, "write, neutralise, round trip", t_csv_write);
	s = CU_add_suite("form", form_setup, form_teardown);
	CU_add_test(s, "text: required, one line, characters", t_form_text);
	CU_add_test(s, "too long in characters, not bytes", t_form_too_long_in_characters);
	CU_add_test(s, "whole numbers and ids in range", t_form_number_and_id);
	CU_add_test(s, "choices, one and repeated", t_form_choice);
	CU_add_test(s, "e-mail", t_form_email);
	CU_add_test(s, "checkbox", t_form_bool);
	CU_add_test(s, "date and datetime", t_form_dates);
	CU_add_test(s, "password: as typed, never echoed", t_form_password);
	CU_add_test(s, "a whole form: echoed, one message per field", t_form_whole_form_echoes);
	s = CU_add_suite("backup", NULL, NULL);
	CU_add_test(s, "archive names", t_backup_names);
	CU_add_test(s, "retention: which archives are deleted", t_backup_retention);
	s = CU_add_suite("mail", setup, teardown);
	CU_add_test(s, "base64", t_mail_base64);
	CU_add_test(s, "RFC 2047 subject words", t_mail_header_words);
	CU_add_test(s, "the RFC 5322 message", t_mail_compose);
	CU_add_test(s, "DingTalk signature", t_dingtalk_sign);
	s = CU_add_suite("archive", setup, teardown);
	CU_add_test(s, "electronic copies: Office ZIPs, bombs, names", t_archive_files);
	CU_add_test(s, "archive numbers from the pattern", t_archive_number);
	CU_add_test(s, "what a label's barcode encodes", t_archive_barcode_text);
	CU_add_test(s, "filing periods", t_archive_periods);
	CU_add_test(s, "the secrecy table", t_archive_secrecy);
	s = CU_add_suite("reports", setup, teardown);
	CU_add_test(s, "bar charts: scale, values, escaped text", t_chart_bars);
	CU_add_test(s, "quota chart: the 15 % and 30 % lines", t_chart_quota_lines);
	CU_add_test(s, "stacked chart: both values fit", t_chart_stacked_values_fit);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned failures = CU_get_number_of_failures();
	CU_cleanup_registry();
	return failures ? 1 : 0;
}
