/* test_http.h — what the integration suites share: the stack's address, the
 * test clock and small sign-in helpers. */
#ifndef DOSSIER_TEST_HTTP_H
#define DOSSIER_TEST_HTTP_H
#include "http_client.h"
#include <CUnit/CUnit.h>

extern const char *test_base;

/* Moves the application's clock (the test clock file) forward by secs. */
void clock_advance(long secs);
/* The app's clock moved to 09:00 of the next day (company time): a fresh digest day. */
void clock_next_morning(void);
/* The application's time now + offset seconds as "YYYY-MM-DDTHH:MM" (a datetime-local field). */
void test_time_text(long offset, char out[20]);
/* The id of a user by name (-1 when none). */
long long user_id(const char *username);
/* A fresh client signed in as username with the demo password; asserts success. */
void sign_in(struct client *c, const char *username);
/* sign_in for an account an admin just made: chooses NEW_PASSWORD first. */
void sign_in_first_time(struct client *c, const char *username);
/* GETs path and returns the _csrf token of the page (static buffer). */
const char *csrf_of(struct client *c, const char *path);
/* 1 when the last response contains raw (unescaped) s. */
int body_has(struct client *c, const char *s);
/* The audit rows of an action since id, for a user name (NULL = anyone). */
long long audit_count(const char *action, const char *actor, long long since_id);
long long audit_max_id(void);

/* Two POSTs of path, fields[i] from c[i], sent at the same moment (two people
 * clicking at once); status[i] is each answer. */
void post_at_once(struct client *c[2], const char *path, const char *const *fields[2], long status[2]);
/* Creates a user through the admin pages (password DEMO_PASSWORD, to be changed); returns its id. */
long long make_user(struct client *admin, const char *username, const char *display, const char *dept_code,
		    const char *role);
/* make_user with the username <prefix><run>, then signed in with c for the
 * first time (its password chosen); returns its id. */
long long make_user_signed_in(struct client *admin, struct client *c, const char *prefix, const char *run,
			      const char *display, const char *dept_code, const char *role);
/* A department made for a test, under parent, straight in the database: the
 * code <prefix><label><run>, the name <name_prefix><label>部<run> (into
 * name_out, 64 bytes, when not NULL); returns its id. */
long long test_dept(const char *prefix, const char *name_prefix, const char *label, const char *run,
		    long long parent, char *name_out);
/* Registers a card through the form (extra: NULL-terminated name, value pairs); asserts success. */
long long new_card(struct client *c, const char *name, const char *scope, const char *const *extra);
/* "/clients/<id><suffix>" (static buffer). */
const char *card_path(long long id, const char *suffix);
/* tests/dbctl.sh stop|start on the test stack's MariaDB; 0 on success. */
int dbctl(const char *what);
/* `dossier cron` once against the test stack (with extra environment, may be ""),
 * its output appended to var-test/log/cron-tests.log; its exit status. */
int run_cron_env(const char *env);
int run_cron(void);

void add_client_suite(void);
void add_request_suite(void);
void add_visit_suite(void);
void add_complaint_suite(void);
void add_archive_suite(void);
void add_archive_files_suite(void);
void add_backup_suite(void);
void add_mail_suite(void);
void add_report_suite(void);
void add_dashboard_suite(void);
void add_report_mail_suite(void);

#define DEMO_PASSWORD "dossier-demo"
#define NEW_PASSWORD "chosen-by-me-42"
#endif
