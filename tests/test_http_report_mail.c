/* test_http_report_mail.c — the scheduled report mails (reports.mail)
 * through the real stack: a fixture of its own written into the database
 * (department D with team T below it, departments X with nothing and O,
 * their managers, a director, cards and last week's visits), the test clock
 * moved to a Monday and then to a 1st, `dossier cron` run, and every mail read
 * back from the SMTP sink's Maildir with Python's email parser and openpyxl
 * (tests/report_mail_check.py): one weekly mail per manager with figures,
 * none for the manager with nothing or the one who switched it off, none
 * twice; the monthly one to the director on the 1st only. */
#include "test_http.h"
#include "core/config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct config rcfg;
static char run[16];
static long long dept_d, dept_t, dept_x, dept_o, mgr_d, mgr_x, mgr_o, director, own_a, own_e, own_o;
static char name_a[64], name_e[64], name_t[64], login_o[32];
static char week[32];            /* the ISO week mailed on the Monday, "2026-W48" */
static time_t monday;            /* the Monday at 00:00, local time */

static time_t clock_time(void)
{
	char t[20];
	test_time_text(0, t);
	struct tm tm = { 0 };
	sscanf(t, "%d-%d-%dT%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Moves the clock to day (local midnight) + hour:min. */
static void clock_to(time_t day, int hour, int min)
{
	time_t now = clock_time(), want = day + hour * 3600 + min * 60;
	CU_ASSERT_FATAL(want > now);
	clock_advance((long)(want - now));
}

static time_t midnight_plus_days(time_t t, int days)
{
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static const char *day_of(time_t t, char out[11])
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return out;
}

static long long make_dept(const char *label, long long parent, char *name_out)
{
	return test_dept("RM", "邮报", label, run, parent, name_out);
}

/* A person with an address (rm<label><run>@huaxin.example), a language and a role. */
static long long make_person(const char *label, long long dept, const char *role, const char *lang, char *name_out)
{
	char login[32], name[64];
	snprintf(login, sizeof login, "rm%s%s", label, run);
	snprintf(name, sizeof name, "邮报人%s%s", label, run);
	if (name_out)
		strcpy(name_out, name);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO users (username, display_name, dept_id, email, lang, password_hash, "
					    "created_at, updated_at) SELECT '%s', '%s', %lld, '%s@huaxin.example', '%s', "
					    "password_hash, NOW(), NOW() FROM users WHERE username = 'staff1'", login, name,
					    dept, login, lang), 0);
	long long id = user_id(login);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO user_roles (user_id, role) VALUES (%lld, '%s')", id, role), 0);
	/* no daily digest: the sink holds only the report mails for these addresses */
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO mail_prefs (user_id, by_mail, by_chat, digest, updated_at) "
					    "VALUES (%lld, 1, 0, 0, NOW())", id), 0);
	return id;
}

static long long make_card(const char *label, long long owner, long long dept, const char *grade, const char *due)
{
	char name[64];
	snprintf(name, sizeof name, "邮报客户%s%s", label, run);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, grade_id, "
					    "lifecycle, registered_at, registered_by, updated_at, next_visit_due) VALUES "
					    "('end', '%s', '%s', %lld, %lld, (SELECT id FROM grades WHERE code = '%s'), "
					    "'established', NOW(), %lld, NOW(), %s)", name, name, owner, dept, grade, owner, due),
			      0);
	return db_value("SELECT MAX(id) FROM clients WHERE owner_id = %lld", owner);
}

static void visit(long long card, long long by, time_t day)
{
	char d[11];
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO visits (client_id, visited_on, kind, summary, next_follow_up, "
				      "recorded_by, recorded_at) VALUES (%lld, '%s', 'phone', '邮报测试', NULL, %lld, NOW())",
				      card, day_of(day, d), by), 0);
}

/* report_mail_check.py over the sink's Maildir: the mails to rm<label><run> whose subject holds only
 * (the report mails; the archive's filing reminders reach the same managers); args: its other options. */
static int mail_check(const char *label, const char *only, int count, const char *args)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s/tests/report_mail_check.py' '%s/mail' --to 'rm%s%s@huaxin.example' "
		 "--only '%s' --count %d %s", getenv("DOSSIER_SRCDIR"), getenv("DOSSIER_TEST_VAR"), label, run, only, count,
		 args);
	return system(cmd) == 0;
}

static long long outbox_count(const char *kind, long long user)
{
	return db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = '%s' AND recipient_id = %lld", kind, user);
}

static void fixture(void)
{
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	dept_d = make_dept("D", company, NULL);
	dept_t = make_dept("T", dept_d, name_t);
	dept_x = make_dept("X", company, NULL);
	dept_o = make_dept("O", company, NULL);
	mgr_d = make_person("md", dept_d, "dept_manager", "zh_CN", NULL);
	mgr_x = make_person("mx", dept_x, "dept_manager", "en", NULL);
	mgr_o = make_person("mo", dept_o, "dept_manager", "en", NULL);
	snprintf(login_o, sizeof login_o, "rmmo%s", run);
	director = make_person("dir", company, "director", "en", NULL);
	own_a = make_person("a", dept_d, "staff", "zh_CN", name_a);
	own_e = make_person("e", dept_t, "staff", "zh_CN", name_e);
	own_o = make_person("o", dept_o, "staff", "zh_CN", NULL);
	/* D: c1 qualified, overdue for a visit; T: c2 VIP (the quota: 1 of 1); O: c3 */
	long long c1 = make_card("1", own_a, dept_d, "qualified", "'2000-01-01'");
	long long c2 = make_card("2", own_e, dept_t, "vip", "'2999-01-01'");
	long long c3 = make_card("3", own_o, dept_o, "qualified", "'2999-01-01'");
	/* the next Monday at least a day ahead that is not a 1st (the monthly mail is tested on its own day) */
	time_t d = midnight_plus_days(clock_time(), 1);
	for (;;) {
		struct tm tm;
		localtime_r(&d, &tm);
		if (tm.tm_wday == 1 && tm.tm_mday != 1)
			break;
		d = midnight_plus_days(d, 1);
	}
	monday = d;
	/* W: a department of 501 people under its manager, each with a card visited last week (a list
	 * longer than a mail's body shows) */
	long long dept_w = make_dept("W", company, NULL);
	make_person("mw", dept_w, "dept_manager", "zh_CN", NULL);
	char w_day[11];
	day_of(midnight_plus_days(monday, -2), w_day);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO users (username, display_name, dept_id, password_hash, created_at, "
					    "updated_at) SELECT CONCAT('rmw%s-', s.seq), CONCAT('邮报多人%s-', s.seq), %lld, "
					    "p.password_hash, NOW(), NOW() FROM seq_1_to_501 s JOIN users p ON p.username = 'staff1'",
					    run, run, dept_w), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, lifecycle, "
				      "registered_at, registered_by, updated_at) SELECT 'end', CONCAT('邮报多卡', u.id), "
				      "CONCAT('邮报多卡', u.id), u.id, %lld, 'established', NOW(), u.id, NOW() FROM users u "
				      "WHERE u.dept_id = %lld AND u.username LIKE 'rmw%s-%%'", dept_w, dept_w, run), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO visits (client_id, visited_on, kind, summary, recorded_by, recorded_at) "
				      "SELECT c.id, '%s', 'phone', '邮报测试', c.owner_id, NOW() FROM clients c WHERE c.dept_id = %lld",
				      w_day, dept_w), 0);
	/* last week's visits (each the card's first: on time) */
	visit(c1, own_a, midnight_plus_days(monday, -5));
	visit(c2, own_e, midnight_plus_days(monday, -3));
	visit(c3, own_o, midnight_plus_days(monday, -4));
	/* the ISO week of last Monday: its Thursday's year, and that Thursday's day of the year / 7 */
	time_t thu = midnight_plus_days(monday, -4);
	struct tm tt;
	localtime_r(&thu, &tt);
	snprintf(week, sizeof week, "%04d-W%02d", tt.tm_year + 1900, tt.tm_yday / 7 + 1);
}

static void test_report_mail_weekly_to_managers_once(void)
{
	fixture();
	/* the manager of O switches the weekly mail off (the monthly one stays on) */
	struct client c;
	sign_in(&c, login_o);
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&c, "/me/notifications"));
	CU_ASSERT(body_has(&c, "name=\"notify_reports.weekly\" value=\"1\" checked>"));
	long st = client_post(&c, "/me/notifications", "_csrf", tok, "by_mail", "1", "by_chat", "0", "digest", "0",
			      "robot_kind", "", "robot_key", "", "robot_secret", "", "notify_reports.monthly", "1", NULL);
	CU_ASSERT(st == 302 || st == 303);
	CU_ASSERT_EQUAL(client_get(&c, "/me/notifications"), 200);
	CU_ASSERT(body_has(&c, "name=\"notify_reports.weekly\" value=\"1\">"));
	CU_ASSERT(body_has(&c, "name=\"notify_reports.monthly\" value=\"1\" checked>"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_optouts WHERE user_id = %lld AND kind = 'reports.weekly'", mgr_o),
			1);
	client_free(&c);

	/* Monday before the hour: the summaries are built, nothing is mailed yet */
	clock_to(monday, rcfg.digest_hour - 1, 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", mgr_d), 0);
	/* 08:05: queued by one run, delivered by the next */
	clock_to(monday, rcfg.digest_hour, 5);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'reports.weekly' AND recipient_id = %lld "
				 "AND subject_ref = '%s' AND state = 'sent'", mgr_d, week), 1);
	char args[2048];
	/* D and T: a's visit on time, c1 overdue; e's visit; T's quota 1 VIP of 1 card */
	snprintf(args, sizeof args,
		 "--subject '每周报表 %s' --text '%s' "
		 "--html-row 'follow_visits|%s|1|1|0|100.0 %%' --html-row 'follow_visits|%s|1|1|0|100.0 %%' "
		 "--html-row 'follow_overdue|%s|1|1|100.0 %%' --html-row 'quota|%s|1|1|100.0 %%' "
		 "--xlsx-row '%s|1|1|0|1' --xlsx-row '%s|1|1|0|1' --xlsx-row '%s|1|1|1'",
		 week, name_a, name_a, name_e, name_a, name_t, name_a, name_e, name_t);
	CU_ASSERT(mail_check("md", "每周报表", 1, args));
	/* W: the body lists the first 500 owners by name ("-1", "-10", "-100", … "-98" the 500th, "-99" the
	 * 501st) and says so; the workbook all 501 */
	snprintf(args, sizeof args,
		 "--html-row 'follow_visits|邮报多人%s-98|1|1|0' --html-no-row 'follow_visits|邮报多人%s-99' "
		 "--text '此处只列出前 500 行；附件中的工作簿列出全部。' --xlsx-row '邮报多人%s-99|1|1|0'", run, run, run);
	CU_ASSERT(mail_check("mw", "每周报表", 1, args));
	CU_ASSERT(mail_check("mx", "Weekly reports", 0, ""));                 /* X has nothing */
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", mgr_x), 0);
	CU_ASSERT(mail_check("mo", "Weekly reports", 0, ""));                 /* switched off */
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", mgr_o), 0);
	CU_ASSERT_EQUAL(outbox_count("reports.monthly", director), 0);   /* not a 1st */
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", director), 0);    /* not a manager */
	/* later runs of the day send nothing more */
	clock_to(monday, rcfg.digest_hour + 2, 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", mgr_d), 1);
	CU_ASSERT(mail_check("md", "每周报表", 1, ""));
	/* Tuesday: no weekly mail */
	clock_to(midnight_plus_days(monday, 1), rcfg.digest_hour, 5);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(outbox_count("reports.weekly", mgr_d), 1);
}

static void test_report_mail_monthly_to_the_director_on_the_1st(void)
{
	if (monday == 0)
		fixture();
	/* the next 1st */
	time_t d = midnight_plus_days(clock_time(), 1);
	for (;;) {
		struct tm tm;
		localtime_r(&d, &tm);
		if (tm.tm_mday == 1)
			break;
		d = midnight_plus_days(d, 1);
	}
	/* the day before: nothing */
	clock_to(midnight_plus_days(d, -1), rcfg.digest_hour, 5);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(outbox_count("reports.monthly", director), 0);
	clock_to(d, rcfg.digest_hour, 5);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	time_t prev = midnight_plus_days(d, -1);
	char month[11], args[1024];
	day_of(prev, month);
	month[7] = '\0';
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'reports.monthly' AND recipient_id = %lld "
				 "AND subject_ref = '%s' AND state = 'sent'", director, month), 1);
	/* the company: T's quota among every department's (in English) */
	snprintf(args, sizeof args, "--subject 'Monthly reports %s' --html-row 'quota|%s|1|1|100.0 %%' "
		 "--xlsx-row '%s|1|1|1'", month, name_t, name_t);
	CU_ASSERT(mail_check("dir", "Monthly reports", 1, args));
	CU_ASSERT_EQUAL(outbox_count("reports.monthly", mgr_d), 0);   /* managers get the weekly one */
	/* the 2nd: nothing more */
	clock_to(midnight_plus_days(d, 1), rcfg.digest_hour, 5);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(mail_check("dir", "Monthly reports", 1, ""));
	CU_ASSERT(mail_check("dir", "Weekly reports", 0, ""));
}

#define T(f) CU_add_test(s, #f, f)
void add_report_mail_suite(void)
{
	char err[300];
	if (config_load(&rcfg, getenv("DOSSIER_TEST_CONF"), err, sizeof err) != 0)
		fprintf(stderr, "test_http_report_mail: %s\n", err);
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("report-mail", NULL, NULL);
	T(test_report_mail_weekly_to_managers_once);
	T(test_report_mail_monthly_to_the_director_on_the_1st);
}
