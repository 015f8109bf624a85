/* test_http_mail.c — the outbox through the real stack: the daily digest in
 * the recipient's language read back by Python's email parser from the
 * stack's SMTP sink, the idempotency key, exactly once under a re-run, two
 * schedulers at once and a crash between the transfer and the mark, retries
 * while the sink is down, STARTTLS required (and refused when the server does
 * not offer it) against a sink with a certificate made here, the chat robots
 * (WeCom, DingTalk's signature, JSON) against a local receiver, a message
 * dropped when its kind says it is no longer needed, and the admin pages. */
#include "test_http.h"
#include "core/config.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct config mcfg;
static int n_users;

static const char *var_dir(void)
{
	return getenv("DOSSIER_TEST_VAR");
}

/* The Python checker over a Maildir: count messages to `to`, each with subject/text/html (NULL: any). */
static int mail_check_dir(const char *maildir, const char *to, int count, const char *subject, const char *text,
			  const char *html)
{
	char cmd[4096];
	int n = snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s/tests/mail_check.py' '%s' --to '%s' --count %d",
			 getenv("DOSSIER_SRCDIR"), maildir, to, count);
	if (subject)
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " --subject '%s'", subject);
	if (text)
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " --text '%s'", text);
	if (html)
		snprintf(cmd + n, sizeof cmd - (size_t)n, " --html '%s'", html);
	return system(cmd) == 0;
}

static int mail_check(const char *to, int count, const char *subject, const char *text, const char *html)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/mail", var_dir());
	return mail_check_dir(dir, to, count, subject, text, html);
}

/* A new staff user of department code with an address of its own; its id. */
static long long fresh_user(const char *dept_code, char *name_out, char *email_out)
{
	struct client admin;
	sign_in(&admin, "admin");
	snprintf(name_out, 40, "ml%ld_%d", (long)getpid() % 100000, ++n_users);
	long long id = make_user(&admin, name_out, name_out, dept_code, "staff");
	client_free(&admin);
	sprintf(email_out, "%s@mail.test", name_out);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE users SET email = '%s' WHERE id = %lld", email_out, id), 0);
	return id;
}

/* Queues a message through outbox_put (the test-mode route), as a domain would; the answer's status. */
static long put(const char *kind, const char *subject, long long recipient, const char *title, const char *text)
{
	struct client admin;
	sign_in(&admin, "admin");
	char rid[24];
	snprintf(rid, sizeof rid, "%lld", recipient);
	long st = client_post(&admin, "/_test/mail/put", "_csrf", csrf_of(&admin, "/admin/mail"), "kind", kind,
			      "subject", subject, "recipient", rid, "title", title, "text", text, NULL);
	client_free(&admin);
	return st;
}

static const char *state_of(long long user, const char *subject)
{
	static char s[32];
	snprintf(s, sizeof s, "%s", db_text("SELECT state FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = '%s' "
					     "AND channel = 'mail'", user, subject));
	return s;
}


static void today(char out[11])
{
	char now[20];
	test_time_text(0, now);
	snprintf(out, 11, "%.10s", now);
}

/* Starts a helper script in the background; waits for its ready file; returns its pid (port in *port). */
static pid_t helper(const char *args, const char *ready, int *port)
{
	unlink(ready);
	pid_t pid = fork();
	if (pid == 0) {
		char cmd[2048];
		snprintf(cmd, sizeof cmd, "exec %s >>'%s/log/helpers.log' 2>&1", args, var_dir());
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		FILE *f = fopen(ready, "r");
		if (f != NULL) {
			int ok = fscanf(f, "%d", port) == 1;
			fclose(f);
			if (ok)
				return pid;
		}
		usleep(100000);
	}
	CU_FAIL("a helper did not start");
	kill(pid, SIGTERM);
	return -1;
}

static void helper_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return strdup("");
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strdup(buf);
}

/* ---- the tests ------------------------------------------------------------------------- */

static void test_mail_pages_by_role(void)
{
	struct client staff, admin;
	sign_in(&staff, "staff1");
	CU_ASSERT_EQUAL(client_get(&staff, "/me/notifications"), 200);
	CU_ASSERT(client_has(&staff, "name=\"by_mail\""));
	CU_ASSERT_EQUAL(client_get(&staff, "/admin/outbox"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/admin/mail/sink"), 403);
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/mail"), 200);
	CU_ASSERT(client_has(&admin, "smtp_url"));
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/mail/robots"), 200);
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/outbox?state=failed"), 200);
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/outbox?state=nonsense"), 200);
	client_free(&staff);
	client_free(&admin);
}

/* A prospect of owner about to return to the pool (the clients domain's digest section). */
static long long dropping_prospect(const char *owner, const char *name)
{
	struct client c;
	sign_in_first_time(&c, owner);
	long long card = new_card(&c, name, "personal", NULL);
	client_free(&c);
	char day[11];
	today(day);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET lifecycle = 'prospect', in_pool = 0, "
				      "protected_until = DATE_ADD('%s', INTERVAL 3 DAY), last_progress_on = '%s' "
				      "WHERE id = %lld", day, day, card), 0);
	return card;
}

static void test_digest_in_the_recipients_language(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);                       /* whatever is due now, out of the way */
	clock_next_morning();
	char zh[40], zh_mail[80], en[40], en_mail[80], quiet[40], quiet_mail[80];
	long long zh_id = fresh_user("S1", zh, zh_mail), en_id = fresh_user("S1", en, en_mail);
	long long quiet_id = fresh_user("S1", quiet, quiet_mail);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE users SET lang = 'en' WHERE id = %lld", en_id), 0);
	char zh_name[64], en_name[64];
	snprintf(zh_name, sizeof zh_name, "摘要潜客%s", zh);
	snprintf(en_name, sizeof en_name, "Digest prospect %s", en);
	dropping_prospect(zh, zh_name);
	dropping_prospect(en, en_name);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(zh_mail, 1, "Dossier 每日摘要", zh_name, zh_name));
	CU_ASSERT(mail_check(zh_mail, 1, NULL, "即将退回公海的潜在客户", NULL));
	CU_ASSERT(mail_check(en_mail, 1, "Dossier daily digest", en_name, en_name));
	CU_ASSERT(mail_check(en_mail, 1, NULL, "Prospects about to return to the pool", "/clients/"));
	/* nothing to say: nothing queued, but the day is recorded */
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld", quiet_id), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_digests WHERE user_id = %lld", quiet_id), 1);
	/* a re-run (and one an hour later) sends nothing twice */
	CU_ASSERT_EQUAL(run_cron(), 0);
	clock_advance(3600);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(zh_mail, 1, NULL, NULL, NULL));
	CU_ASSERT(mail_check(en_mail, 1, NULL, NULL, NULL));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND state = 'sent'", zh_id), 1);
}

static void test_digest_lists_requests_waiting_and_decided(void)
{
	/* staff2 asks to view a card of a colleague; manager1 decides it */
	CU_ASSERT_EQUAL(run_cron(), 0);
	clock_next_morning();
	struct client owner, asker;
	sign_in(&owner, "staff1");
	char name[64];
	snprintf(name, sizeof name, "待审客户%ld", (long)getpid());
	long long card = new_card(&owner, name, "personal", NULL);
	sign_in(&asker, "staff2");
	char path[96], tok[80];
	snprintf(path, sizeof path, "/clients/%lld/request?kind=view", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(&asker, path));
	CU_ASSERT_EQUAL(client_post(&asker, card_path(card, "/request"), "_csrf", tok, "kind", "view", "value", "",
				    "_reason", "摘要测试", NULL), 303);
	long long req = db_value("SELECT MAX(id) FROM requests WHERE requester_id = %lld", user_id("staff2"));
	CU_ASSERT_EQUAL(run_cron(), 0);                       /* today's digests, before the request is a day old */
	clock_next_morning();                                   /* a day later it waits for manager1 */
	clock_advance(60);
	CU_ASSERT_EQUAL(run_cron(), 0);
	char marker[32];
	snprintf(marker, sizeof marker, "#%lld", req);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND kind = 'digest' "
			   "AND day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s %%'",
			   user_id("manager1"), marker) == 1);
	/* decided: in the requester's next digest */
	clock_advance(60);
	struct client mgr;
	sign_in(&mgr, "manager1");
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(&mgr, path));
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	CU_ASSERT_EQUAL(client_post(&mgr, path, "_csrf", tok, "step", "1", "decision", "approve", "comment", "", NULL), 303);
	clock_next_morning();
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND kind = 'digest' "
				 "AND day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s %%'",
				 user_id("staff2"), marker), 1);
	client_free(&owner);
	client_free(&asker);
	client_free(&mgr);
}

static void test_outbox_key_is_idempotent(void)
{
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "key:1", id, "一次", "只发一次"), 200);
	CU_ASSERT_EQUAL(put("digest", "key:1", id, "两次", "第二次排队被忽略"), 200);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld", id), 1);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT title FROM mail_outbox WHERE recipient_id = %lld", id), "一次");
	/* a kind no domain declared is refused */
	CU_ASSERT_EQUAL(put("no.such.kind", "key:1", id, "x", "x"), 400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(mail, 1, "一次", "只发一次", "只发一次"));
}

static void test_two_schedulers_send_each_once(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	for (int i = 0; i < 40; i++) {
		char subject[32], title[64];
		snprintf(subject, sizeof subject, "twice:%d", i);
		snprintf(title, sizeof title, "并发 %d", i);
		CU_ASSERT_EQUAL(put("digest", subject, id, title, "两个调度器同时运行"), 200);
	}
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "'%s' -c '%s' cron 2>>'%s/log/cron-mail.log' & '%s' -c '%s' cron 2>>'%s/log/cron-mail.log' & wait",
		 getenv("DOSSIER_TEST_BIN"), getenv("DOSSIER_TEST_CONF"), var_dir(), getenv("DOSSIER_TEST_BIN"),
		 getenv("DOSSIER_TEST_CONF"), var_dir());
	CU_ASSERT_EQUAL(system(cmd), 0);
	CU_ASSERT(mail_check(mail, 40, "并发", "两个调度器同时运行", NULL));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND state = 'sent' "
				 "AND attempts = 1", id), 40);
}

static void test_crash_between_send_and_mark_never_sends_twice(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "crash:1", id, "崩溃之前", "发送之后、标记之前崩溃"), 200);
	CU_ASSERT_EQUAL(run_cron_env("DOSSIER_TEST_MAIL_CRASH=1"), 70);      /* died after the transfer */
	CU_ASSERT(mail_check(mail, 1, "崩溃之前", NULL, NULL));
	CU_ASSERT_STRING_EQUAL(state_of(id, "crash:1"), "sending");
	/* a re-run while the claim holds leaves it alone */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "crash:1"), "sending");
	/* after the claim: failed (fate unknown), never sent again */
	clock_advance(mcfg.mail_claim_seconds + 1);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "crash:1"), "failed");
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND last_error LIKE 'interrupted%%'",
			   id) == 1);
	CU_ASSERT(mail_check(mail, 1, NULL, NULL, NULL));
	/* the administrator sees it and sends it again on purpose */
	long long row = db_value("SELECT id FROM mail_outbox WHERE recipient_id = %lld", id);
	struct client admin;
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/outbox?state=failed"), 200);
	char anchor[48], path[64];
	snprintf(anchor, sizeof anchor, "id=\"outbox-%lld\"", row);
	CU_ASSERT(client_has(&admin, anchor));
	CU_ASSERT(client_has(&admin, "interrupted"));
	snprintf(path, sizeof path, "/admin/outbox/%lld/resend", row);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", "wrong", NULL), 403);
	CU_ASSERT_STRING_EQUAL(state_of(id, "crash:1"), "failed");
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", csrf_of(&admin, "/admin/outbox"), NULL), 303);
	CU_ASSERT_EQUAL(audit_count("mail.resent", "admin", 0) > 0, 1);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(mail, 2, "崩溃之前", NULL, NULL));
	CU_ASSERT_STRING_EQUAL(state_of(id, "crash:1"), "sent");
	client_free(&admin);
}

static int smtpctl(const char *what)
{
	char cmd[1024], port[16];
	const char *p = strrchr(mcfg.smtp_url, ':');
	snprintf(port, sizeof port, "%s", p ? p + 1 : "");
	snprintf(cmd, sizeof cmd, "'%s/tests/smtpctl.sh' %s '%s' '%s'", getenv("DOSSIER_SRCDIR"), what, var_dir(), port);
	return system(cmd);
}

static void test_mail_waits_while_the_server_is_down(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "down:1", id, "服务器停机", "恢复后送达"), 200);
	CU_ASSERT_EQUAL_FATAL(smtpctl("stop"), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);                       /* a mail server outage only delays mail */
	CU_ASSERT_STRING_EQUAL(state_of(id, "down:1"), "queued");
	CU_ASSERT_EQUAL(db_value("SELECT attempts FROM mail_outbox WHERE recipient_id = %lld", id), 1);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND last_error LIKE '%%curl 7%%'",
			   id) == 1);
	CU_ASSERT_EQUAL(db_value("SELECT TIMESTAMPDIFF(SECOND, claimed_until, next_attempt_at) + %ld FROM mail_outbox "
				 "WHERE recipient_id = %lld", mcfg.mail_claim_seconds, id), 60);
	CU_ASSERT_EQUAL(run_cron(), 0);                       /* not due yet: no attempt */
	CU_ASSERT_EQUAL(db_value("SELECT attempts FROM mail_outbox WHERE recipient_id = %lld", id), 1);
	clock_advance(61);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT attempts FROM mail_outbox WHERE recipient_id = %lld", id), 2);
	CU_ASSERT_EQUAL(db_value("SELECT TIMESTAMPDIFF(SECOND, claimed_until, next_attempt_at) + %ld FROM mail_outbox "
				 "WHERE recipient_id = %lld", mcfg.mail_claim_seconds, id), 120);   /* backoff doubles */
	CU_ASSERT_EQUAL_FATAL(smtpctl("start"), 0);
	clock_advance(121);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "down:1"), "sent");
	CU_ASSERT(mail_check(mail, 1, "服务器停机", "恢复后送达", NULL));
}

static void test_gives_up_after_max_attempts(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "max:1", id, "放弃", "x"), 200);
	/* a server that refuses: nothing listens on port 1 */
	CU_ASSERT_EQUAL(run_cron_env("DOSSIER_SMTP_URL=smtp://127.0.0.1:1 DOSSIER_MAIL_MAX_ATTEMPTS=2"), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "max:1"), "queued");
	clock_advance(61);
	CU_ASSERT_EQUAL(run_cron_env("DOSSIER_SMTP_URL=smtp://127.0.0.1:1 DOSSIER_MAIL_MAX_ATTEMPTS=2"), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "max:1"), "failed");
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(mail, 0, NULL, NULL, NULL));
}

static void test_starttls_required_and_refused_without_it(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char cmd[4096], dir[256], ready[300], args[4096];
	snprintf(dir, sizeof dir, "%s/tls", var_dir());
	mkdir(dir, 0700);
	snprintf(cmd, sizeof cmd, "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
		 "-addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' -keyout '%s/key.pem' -out '%s/cert.pem' "
		 ">/dev/null 2>&1", dir, dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	int port = 0, plain_port = 0;
	snprintf(ready, sizeof ready, "%s/tls.port", dir);
	snprintf(args, sizeof args, "/usr/bin/python3 '%s/tests/smtp_tls.py' '%s/maildir' '%s' --cert '%s/cert.pem' "
		 "--key '%s/key.pem' --user dossier --password 'tls-secret'", getenv("DOSSIER_SRCDIR"), dir, ready, dir, dir);
	pid_t tls = helper(args, ready, &port);
	snprintf(ready, sizeof ready, "%s/plain.port", dir);
	snprintf(args, sizeof args, "/usr/bin/python3 '%s/tests/smtp_tls.py' '%s/plain' '%s' --no-tls",
		 getenv("DOSSIER_SRCDIR"), dir, ready);
	pid_t plain = helper(args, ready, &plain_port);
	char u[40], mail[80], env[1024], maildir[600];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "tls:1", id, "加密传输", "STARTTLS 之后发送"), 200);
	snprintf(env, sizeof env, "DOSSIER_SMTP_URL=smtp://127.0.0.1:%d DOSSIER_SMTP_STARTTLS=1 "
		 "DOSSIER_SMTP_CA_FILE='%s/cert.pem' DOSSIER_SMTP_USER=dossier DOSSIER_SMTP_PASSWORD=tls-secret", port, dir);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "tls:1"), "sent");
	snprintf(maildir, sizeof maildir, "%s/maildir", dir);
	CU_ASSERT(mail_check_dir(maildir, mail, 1, "加密传输", "STARTTLS 之后发送", NULL));
	/* TLS required, the server offers none: refused, never sent in clear (curl 64) */
	CU_ASSERT_EQUAL(put("digest", "tls:2", id, "不得明文", "x"), 200);
	snprintf(env, sizeof env, "DOSSIER_SMTP_URL=smtp://127.0.0.1:%d DOSSIER_SMTP_STARTTLS=1", plain_port);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "tls:2"), "queued");
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = 'tls:2' "
			   "AND last_error LIKE '%%curl 64%%'", id) == 1);
	snprintf(maildir, sizeof maildir, "%s/plain", dir);
	CU_ASSERT(mail_check_dir(maildir, mail, 0, NULL, NULL, NULL));
	/* a wrong password is refused too (curl 67) */
	CU_ASSERT_EQUAL(put("digest", "tls:3", id, "密码错误", "x"), 200);
	snprintf(env, sizeof env, "DOSSIER_SMTP_URL=smtp://127.0.0.1:%d DOSSIER_SMTP_STARTTLS=1 "
		 "DOSSIER_SMTP_CA_FILE='%s/cert.pem' DOSSIER_SMTP_USER=dossier DOSSIER_SMTP_PASSWORD=wrong", port, dir);
	clock_advance(61);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = 'tls:3' "
			   "AND state = 'queued' AND last_error LIKE '%%curl 67%%'", id) == 1);
	/* credentials set, the server offers no sign-in: refused rather than sent unauthenticated */
	CU_ASSERT_EQUAL(put("digest", "tls:4", id, "未登录", "x"), 200);
	snprintf(env, sizeof env, "DOSSIER_SMTP_URL=smtp://127.0.0.1:%d DOSSIER_SMTP_USER=dossier "
		 "DOSSIER_SMTP_PASSWORD=tls-secret", plain_port);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	/* (tls:2, due again, goes first and stops the run's mail; tls:4 waits untried) */
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref IN ('tls:2', 'tls:4') "
			   "AND state = 'queued'", id) == 2);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND last_error LIKE '%%no sign-in%%'",
			   id) == 1);
	snprintf(maildir, sizeof maildir, "%s/plain", dir);
	CU_ASSERT(mail_check_dir(maildir, mail, 0, NULL, NULL, NULL));
	helper_stop(tls);
	helper_stop(plain);
	/* the refused ones reach the stack's own sink later */
	clock_advance(300);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check(mail, 3, NULL, NULL, NULL));
}

/* POSTs the notification settings of a user signed in as c. */
static long set_prefs(struct client *c, const char *by_mail, const char *by_chat, const char *digest, const char *kind,
		      const char *key, const char *secret)
{
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(c, "/me/notifications"));
	return client_post(c, "/me/notifications", "_csrf", tok, "by_mail", by_mail, "by_chat", by_chat, "digest", digest,
			   "robot_kind", kind, "robot_key", key, "robot_secret", secret, NULL);
}

static void test_chat_robots(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char dir[256], ready[300], log[300], args[4096];
	snprintf(dir, sizeof dir, "%s/hooks", var_dir());
	mkdir(dir, 0700);
	snprintf(ready, sizeof ready, "%s/port", dir);
	snprintf(log, sizeof log, "%s/requests.jsonl", dir);
	unlink(log);
	snprintf(args, sizeof args, "/usr/bin/python3 '%s/tests/webhook_sink.py' '%s' '%s' --dingtalk-secret 'SEC机密'",
		 getenv("DOSSIER_SRCDIR"), log, ready);
	int port = 0;
	pid_t hooks = helper(args, ready, &port);
	/* a department of its own with a DingTalk robot, set by the administrator */
	char code[32];
	snprintf(code, sizeof code, "RB%ld", (long)getpid() % 100000);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO departments (parent_id, name, code, kind, created_at) "
				      "SELECT id, '机器人部%s', '%s', 'team', NOW() FROM departments WHERE code = 'S1'", code, code), 0);
	long long dept = db_value("SELECT id FROM departments WHERE code = '%s'", code);
	struct client admin;
	sign_in(&admin, "admin");
	char path[64], tok[80];
	snprintf(path, sizeof path, "/admin/mail/robots/%lld", dept);
	snprintf(tok, sizeof tok, "%s", csrf_of(&admin, "/admin/mail/robots"));
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "robot_kind", "dingtalk", "robot_key", "", NULL), 422);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "robot_kind", "dingtalk", "robot_key", "tok-D",
				    "robot_secret", "SEC机密", NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_dept_robots WHERE dept_id = %lld AND robot_secret = 'SEC机密'",
				 dept), 1);
	/* A: own WeCom robot only; B: mail and the department's robot; C: a JSON webhook; E: one that fails */
	char a[40], am[80], b[40], bm[80], cc[40], cm[80], e[40], em[80];
	long long a_id = fresh_user("S1", a, am), b_id = fresh_user(code, b, bm), c_id = fresh_user("S1", cc, cm);
	long long e_id = fresh_user("S1", e, em);
	struct client ca, cb, ccl, ce;
	sign_in_first_time(&ca, a);
	sign_in_first_time(&cb, b);
	sign_in_first_time(&ccl, cc);
	sign_in_first_time(&ce, e);
	CU_ASSERT_EQUAL(set_prefs(&ca, "0", "0", "1", "", "", ""), 422);           /* one channel at least */
	CU_ASSERT_EQUAL(set_prefs(&ca, "0", "1", "1", "wecom", "k-A", ""), 303);
	CU_ASSERT_EQUAL(set_prefs(&cb, "1", "1", "1", "", "", ""), 303);
	char hook[128];
	snprintf(hook, sizeof hook, "http://127.0.0.1:%d/json-hook", port);
	CU_ASSERT_EQUAL(set_prefs(&ccl, "0", "1", "1", "json", "ftp://x", ""), 422);
	CU_ASSERT_EQUAL(set_prefs(&ccl, "0", "1", "1", "json", hook, ""), 303);
	snprintf(hook, sizeof hook, "http://127.0.0.1:%d/fail500", port);
	CU_ASSERT_EQUAL(set_prefs(&ce, "0", "1", "1", "json", hook, ""), 303);
	/* the key is never shown back */
	CU_ASSERT_EQUAL(client_get(&ca, "/me/notifications"), 200);
	CU_ASSERT(!client_has(&ca, "k-A"));
	CU_ASSERT_EQUAL(put("digest", "chat:1", a_id, "企业微信提醒", "群机器人正文"), 200);
	CU_ASSERT_EQUAL(put("digest", "chat:1", b_id, "钉钉提醒", "部门机器人正文"), 200);
	CU_ASSERT_EQUAL(put("digest", "chat:1", c_id, "JSON 提醒", "webhook 正文"), 200);
	CU_ASSERT_EQUAL(put("digest", "chat:1", e_id, "失败提醒", "x"), 200);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld", a_id), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld", b_id), 2);
	char env[512];
	snprintf(env, sizeof env, "DOSSIER_ROBOT_WECOM_URL=http://127.0.0.1:%d/wecom "
		 "DOSSIER_ROBOT_DINGTALK_URL=http://127.0.0.1:%d/dingtalk", port, port);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	char *got = slurp(log);
	CU_ASSERT(strstr(got, "\"path\": \"/wecom\", \"query\": {\"key\": \"k-A\"}") != NULL);
	CU_ASSERT(strstr(got, "\"msgtype\": \"markdown\", \"markdown\": {\"content\": \"### 企业微信提醒\\n\\n群机器人正文") != NULL);
	CU_ASSERT(strstr(got, "\"access_token\": \"tok-D\"") != NULL);
	char dtitle[128];                                 /* the department's group reads whom it is for */
	snprintf(dtitle, sizeof dtitle, "\"title\": \"%s · 钉钉提醒\"", b);
	CU_ASSERT(strstr(got, dtitle) != NULL);
	CU_ASSERT(strstr(got, "\"sign_ok\": true") != NULL);
	CU_ASSERT(strstr(got, "\"sign_ok\": false") == NULL);
	CU_ASSERT(strstr(got, "\"path\": \"/json-hook\"") != NULL);
	CU_ASSERT(strstr(got, "\"title\": \"JSON 提醒\", \"text\": \"webhook 正文\"") != NULL);
	free(got);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id IN (%lld, %lld, %lld) "
				 "AND state = 'sent'", a_id, b_id, c_id), 4);
	CU_ASSERT(mail_check(bm, 1, "钉钉提醒", "部门机器人正文", NULL));
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND state = 'queued' "
			   "AND last_error LIKE '%%HTTP 500%%'", e_id) == 1);
	/* a wrong DingTalk secret: the robot answers errcode 310000 in a 200, which is a failure */
	snprintf(tok, sizeof tok, "%s", csrf_of(&admin, "/admin/mail/robots"));
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "robot_kind", "dingtalk", "robot_key", "",
				    "robot_secret", "wrong", NULL), 303);
	CU_ASSERT_EQUAL(put("digest", "chat:2", b_id, "签名错误", "x"), 200);
	CU_ASSERT_EQUAL(run_cron_env(env), 0);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = 'chat:2' "
			   "AND channel = 'dingtalk' AND state = 'queued' AND last_error LIKE '%%errcode 310000%%'", b_id) == 1);
	helper_stop(hooks);
	client_free(&admin);
	client_free(&ca);
	client_free(&cb);
	client_free(&ccl);
	client_free(&ce);
}

static void test_dropped_when_no_longer_needed(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	struct client c;
	sign_in_first_time(&c, u);
	CU_ASSERT_EQUAL(put("digest", "drop:1", id, "不再需要", "x"), 200);
	/* the person opts out of the digest before it is sent: the kind says no */
	CU_ASSERT_EQUAL(set_prefs(&c, "1", "0", "0", "", "", ""), 303);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(state_of(id, "drop:1"), "dropped");
	CU_ASSERT(mail_check(mail, 0, NULL, NULL, NULL));
	/* and no digest is written for them any more */
	clock_next_morning();
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_digests WHERE user_id = %lld", id), 0);
	client_free(&c);
}

static void test_admin_test_mail_and_sink_page(void)
{
	struct client admin;
	sign_in(&admin, "admin");
	char to[80];
	snprintf(to, sizeof to, "probe%ld@mail.test", (long)getpid());
	CU_ASSERT_EQUAL(client_post(&admin, "/admin/mail/test", "_csrf", csrf_of(&admin, "/admin/mail"), "to", to, NULL),
			200);
	CU_ASSERT(client_has(&admin, "id=\"test-sent\""));
	CU_ASSERT(audit_count("mail.test_sent", "admin", 0) > 0);
	CU_ASSERT(mail_check(to, 1, "测试邮件", "Dossier 的测试邮件", NULL));
	CU_ASSERT_EQUAL(client_post(&admin, "/admin/mail/test", "_csrf", csrf_of(&admin, "/admin/mail"), "to",
				    "not an address", NULL), 422);
	/* the sink page reads the mail back, decoded, the HTML only in a sandboxed frame */
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "sink:1", id, "接收器页面", "<script>alert(1)</script> 正文"), 200);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/mail/sink"), 200);
	CU_ASSERT(client_has(&admin, "接收器页面"));
	CU_ASSERT(client_has(&admin, to));
	CU_ASSERT(client_has(&admin, "sandbox=\"\" srcdoc="));
	CU_ASSERT(!client_has(&admin, "<script>alert(1)"));
	CU_ASSERT(client_has(&admin, "&lt;script&gt;alert(1)"));
	client_free(&admin);
}

static void test_old_messages_are_purged(void)
{
	char u[40], mail[80];
	long long id = fresh_user("S1", u, mail);
	CU_ASSERT_EQUAL(put("digest", "old:sent", id, "旧消息", "x"), 200);
	CU_ASSERT_EQUAL(put("digest", "old:failed", id, "旧的失败", "x"), 200);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE mail_outbox SET state = 'failed' WHERE recipient_id = %lld "
				      "AND subject_ref = 'old:failed'", id), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE mail_outbox SET created_at = DATE_SUB(created_at, INTERVAL %ld DAY) "
				      "WHERE recipient_id = %lld", mcfg.mail_keep_days + 1, id), 0);
	clock_advance(1);                                 /* past the leases of the last run */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = 'old:sent'",
				 id), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND subject_ref = 'old:failed'",
				 id), 1);
}

#define T(f) CU_add_test(s, #f, f)

void add_mail_suite(void)
{
	char err[300];
	if (config_load(&mcfg, getenv("DOSSIER_TEST_CONF"), err, sizeof err) != 0)
		fprintf(stderr, "test_http_mail: %s\n", err);
	CU_pSuite s = CU_add_suite("mail", NULL, NULL);
	T(test_mail_pages_by_role);
	T(test_digest_in_the_recipients_language);
	T(test_digest_lists_requests_waiting_and_decided);
	T(test_outbox_key_is_idempotent);
	T(test_two_schedulers_send_each_once);
	T(test_crash_between_send_and_mark_never_sends_twice);
	T(test_mail_waits_while_the_server_is_down);
	T(test_gives_up_after_max_attempts);
	T(test_starttls_required_and_refused_without_it);
	T(test_chat_robots);
	T(test_dropped_when_no_longer_needed);
	T(test_admin_test_mail_and_sink_page);
	T(test_old_messages_are_purged);
}
