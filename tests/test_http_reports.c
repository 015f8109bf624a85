/* test_http_reports.c — the reports through the real stack. A fixture of
 * its own (a department with a team below it, another department, their
 * people, cards, visits, loans, views) is written straight into the
 * database, so every figure the tests expect is counted by hand here:
 * follow-up compliance, client structure and quotas, circulation and the
 * access audit, each read back as CSV; who may open what (staff none, a
 * manager their own departments only, the auditor the access audit only);
 * bad filters; the XLSX read back with openpyxl; the summary tables equal
 * to a recount after a random series of changes. */
#include "test_http.h"
#include "core/workdays.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char run[16];
static int made;
/* the fixture: departments D (with team T below it) and X; their people */
static long long dept_d, dept_t, dept_x, mgr, own_a, own_b, own_c, own_e, c1, c2, c4, c5, c3, c6;
static char name_a[64], name_b[64], name_c[64], name_e[64], name_d[64], card1[64];
static int year;                 /* last year: the period of the dated figures */
static char today[11], now_sql[20];

static long long make_dept(const char *label, long long parent, char *name_out)
{
	return test_dept("RPT", "报表", label, run, parent, name_out);
}

/* A person who signs in with the demo password (staff1's hash), with a role. */
static long long make_person(const char *label, long long dept, const char *role, char *name_out)
{
	char login[32];
	snprintf(login, sizeof login, "rpt%s%s", label, run);
	snprintf(name_out, 64, "报表人%s%s", label, run);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO users (username, display_name, dept_id, password_hash, "
					    "created_at, updated_at) SELECT '%s', '%s', %lld, password_hash, NOW(), NOW() "
					    "FROM users WHERE username = 'staff1'", login, name_out, dept), 0);
	long long id = user_id(login);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO user_roles (user_id, role) VALUES (%lld, '%s')", id, role), 0);
	return id;
}

static long long make_card(const char *name, long long owner, long long dept, const char *grade, const char *lifecycle,
			   const char *due)
{
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, grade_id, "
					    "lifecycle, registered_at, registered_by, updated_at, next_visit_due) VALUES "
					    "('end', '%s', '%s', %lld, %lld, (SELECT id FROM grades WHERE code = '%s'), "
					    "'%s', NOW(), %lld, NOW(), %s)", name, name, owner, dept, grade, lifecycle, owner,
					    due), 0);
	return db_value("SELECT MAX(id) FROM clients WHERE owner_id = %lld", owner);
}

/* The summary tables: `dossier cron` sums the logs up to the highest id the previous run saw, so twice. */
static void rollup(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
}

static void visit(long long card, long long by, int month, int day, const char *follow_up)
{
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO visits (client_id, visited_on, kind, summary, next_follow_up, "
				      "recorded_by, recorded_at) VALUES (%lld, '%d-%02d-%02d', 'phone', '报表测试', %s, %lld, "
				      "NOW())", card, year, month, day, follow_up, by), 0);
}

static void fixture(void)
{
	if (made)
		return;
	made = 1;
	char t[20];
	test_time_text(0, t);
	snprintf(today, sizeof today, "%.10s", t);
	snprintf(now_sql, sizeof now_sql, "%.10s %.5s:00", t, t + 11);
	year = atoi(today) - 1;
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	dept_d = make_dept("D", company, name_d);
	dept_t = make_dept("T", dept_d, NULL);
	dept_x = make_dept("X", company, NULL);
	char name_m[64];
	mgr = make_person("m", dept_d, "dept_manager", name_m);
	own_a = make_person("a", dept_d, "staff", name_a);
	own_b = make_person("b", dept_d, "staff", name_b);
	own_e = make_person("e", dept_t, "staff", name_e);
	own_c = make_person("c", dept_x, "staff", name_c);
	/* cards: in D c1 (qualified, overdue), c2 (VIP), c4 (preferred prospect), c5 (no grade); in T c6; in X c3 */
	snprintf(card1, sizeof card1, "=1+2报表%s", run);
	c1 = make_card(card1, own_a, dept_d, "qualified", "established", "'2000-01-01'");
	c2 = make_card("报表乙", own_b, dept_d, "vip", "new", "'2999-01-01'");
	c4 = make_card("报表丙", own_a, dept_d, "preferred", "prospect", "NULL");
	c5 = make_card("报表丁", own_b, dept_d, "", "established", "NULL");
	c6 = make_card("报表戊", own_e, dept_t, "qualified", "established", "'2000-01-01'");
	c3 = make_card("报表己", own_c, dept_x, "vip", "established", "NULL");
	/* visits last year: c1 (qualified: 180 days) on 01-10 (first: on time), 03-01 (on time), 11-05 (late);
	 * c2 (VIP: 30 days) on 10-01 asking for a follow-up by 10-05, then 10-20 (late); c3 one in X */
	visit(c1, own_a, 1, 10, "NULL");
	visit(c1, own_a, 3, 1, "NULL");
	visit(c1, own_a, 11, 5, "NULL");
	char follow[16];
	snprintf(follow, sizeof follow, "'%d-10-05'", year);
	visit(c2, own_b, 10, 1, follow);
	visit(c2, own_b, 10, 20, "NULL");
	visit(c3, own_c, 6, 1, "NULL");
	visit(c6, own_e, 6, 1, "NULL");
	rollup();
}

/* GETs path as c and returns the status; the body stays in c->res. */
static long get(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static long get(struct client *c, const char *fmt, ...)
{
	char path[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	return client_get(c, path);
}

/* 1 when the CSV in c has the record line (without its CRLF). */
static int csv_has(struct client *c, const char *line)
{
	char want[512];
	snprintf(want, sizeof want, "\r\n%s\r\n", line);
	return client_has(c, want);
}

static void test_reports_follow_up_compliance(void)
{
	fixture();
	struct client gm;
	sign_in(&gm, "gm");
	char line[256];
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	CU_ASSERT(client_has(&gm, "\xEF\xBB\xBF"));
	/* A: 3 visits, 2 on time, 1 late; B: 2, 1, 1; E (team below D): 1 first visit; C (X) is not in D */
	snprintf(line, sizeof line, "%s,3,2,1,0.6667", name_a);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,2,1,1,0.5000", name_b);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,1,1,0,1.0000", name_e);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(!client_has(&gm, name_c));
	/* a period of whole months and edges (03-01 … 11-05): A's visits of 03-01 (on time) and 11-05 (late) */
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-03-01&to=%d-11-05", dept_d, year, year), 200);
	snprintf(line, sizeof line, "%s,2,1,1,0.5000", name_a);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,2,1,1,0.5000", name_b);   /* B: 10-01 on time, 10-20 late */
	CU_ASSERT(csv_has(&gm, line));
	/* edges only: 01-10 … 03-01 (no whole month), and one day */
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-01-10&to=%d-03-01", dept_d, year, year), 200);
	snprintf(line, sizeof line, "%s,2,2,0,1.0000", name_a);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-11-05&to=%d-11-05", dept_d, year, year), 200);
	snprintf(line, sizeof line, "%s,1,0,1,0.0000", name_a);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	/* overdue now (rollup): A has c1 overdue of 2 cards, B none of 2 */
	snprintf(line, sizeof line, "%s,2,1,0.5000", name_a);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,2,0,0.0000", name_b);
	CU_ASSERT(csv_has(&gm, line));
	/* the page: the same figures, the drill-down to A's overdue cards in D, the freshness */
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	snprintf(line, sizeof line, "/clients?due=overdue&amp;owner=%lld&amp;dept=%lld", own_a, dept_d);
	CU_ASSERT(client_has(&gm, line));
	CU_ASSERT(client_has(&gm, "<svg"));
	CU_ASSERT(client_has(&gm, "class=\"as-of\""));
	/* the drill-down lists A's overdue card in D */
	snprintf(line, sizeof line, "/clients?due=overdue&owner=%lld&dept=%lld", own_a, dept_d);
	CU_ASSERT_EQUAL(client_get(&gm, line), 200);
	CU_ASSERT(client_has(&gm, "=1+2报表"));
	CU_ASSERT(!client_has(&gm, "报表丙"));
	/* the other department alone: only C */
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_x, year, year), 200);
	snprintf(line, sizeof line, "%s,1,1,0,1.0000", name_c);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(!client_has(&gm, name_a));
	client_free(&gm);
}

static void test_reports_client_structure_and_quota(void)
{
	fixture();
	struct client gm;
	sign_in(&gm, "gm");
	char line[256];
	CU_ASSERT_EQUAL(get(&gm, "/reports/clients.csv?dept=%lld", dept_d), 200);
	/* D with its team: 5 cards; by grade 2 qualified (c1, c6), 1 VIP, 1 preferred, 1 none */
	CU_ASSERT(csv_has(&gm, "合格客户,2"));
	CU_ASSERT(csv_has(&gm, "VIP客户,1"));
	CU_ASSERT(csv_has(&gm, "优选客户,1"));
	CU_ASSERT(csv_has(&gm, "—,1"));
	CU_ASSERT(csv_has(&gm, "长期客户,3"));
	CU_ASSERT(csv_has(&gm, "潜在客户,1"));
	snprintf(line, sizeof line, "%s,2,0", name_a);
	CU_ASSERT(csv_has(&gm, line));
	/* quota: D itself has 4 cards, 1 VIP (25 %), 1 preferred (25 %); T 1 card, no VIP */
	snprintf(line, sizeof line, "%s,4,1,0.2500,1,0.2500", name_d);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(!client_has(&gm, "报表X部"));
	/* the page links each grade to the list with the department */
	CU_ASSERT_EQUAL(get(&gm, "/reports/clients?dept=%lld", dept_d), 200);
	snprintf(line, sizeof line, "/clients?grade=%lld&amp;dept=%lld", db_value("SELECT id FROM grades WHERE code = 'vip'"),
		 dept_d);
	CU_ASSERT(client_has(&gm, line));
	CU_ASSERT(client_has(&gm, "class=\"ref\""));
	/* a card added later counts only once the rollup ran again; the page says how fresh it is */
	make_card("报表庚", own_a, dept_d, "vip", "new", "NULL");
	CU_ASSERT_EQUAL(get(&gm, "/reports/clients.csv?dept=%lld", dept_d), 200);
	CU_ASSERT(csv_has(&gm, "VIP客户,1"));
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(get(&gm, "/reports/clients.csv?dept=%lld", dept_d), 200);
	CU_ASSERT(csv_has(&gm, "VIP客户,2"));
	client_free(&gm);
}

static void test_reports_circulation(void)
{
	fixture();
	/* items of D: i1 secret out and overdue, i2 ordinary out in time, i3 ordinary lent and lost last year */
	const char *secrecy[3] = { "secret", "ordinary", "ordinary" };
	long long item[3];
	for (int i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, "
					      "title, doc_date, secrecy, status, dept_id, filed_by, filed_at) VALUES "
					      "('RPT-%s-%d', %lld, 0, 1, %d, '报表档案%d', '%d-01-01', '%s', 'on_shelf', %lld, "
					      "%lld, NOW())", run, i, c1, i + 1, i, year, secrecy[i], dept_d, own_a), 0);
		item[i] = db_value("SELECT id FROM archive_items WHERE archive_no = 'RPT-%s-%d'", run, i);
	}
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, "
				      "out_by, open_item) VALUES (%lld, 0, 'loan', %lld, 'r', '%d-06-01 09:00:00', "
				      "'2000-01-01 00:00:00', %lld, %lld), (%lld, 0, 'loan', %lld, 'r', '%d-06-02 09:00:00', "
				      "'2999-01-01 00:00:00', %lld, %lld)", item[0], own_a, year, mgr, item[0], item[1], own_a,
				      year, mgr, item[1]), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, "
				      "out_by, returned_at, cond) VALUES (%lld, 0, 'loan', %lld, 'r', '%d-06-15 09:00:00', "
				      "'%d-06-22 09:00:00', %lld, '%d-07-01 10:00:00', 'lost')", item[2], own_b, year, year,
				      mgr, year), 0);
	long long loan3 = db_value("SELECT id FROM archive_loans WHERE item_id = %lld", item[2]);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_incidents (item_id, loan_id, kind, noted_by, noted_at) VALUES "
				      "(%lld, %lld, 'lost', %lld, '%d-07-01 10:00:00')", item[2], loan3, mgr, year), 0);
	rollup();   /* rpt_loans_open and rpt_loans */
	struct client gm;
	sign_in(&gm, "gm");
	char line[256];
	CU_ASSERT_EQUAL(get(&gm, "/reports/circulation.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	/* by secrecy: ordinary 1 out, in time, 2 lent; secret 1 out, overdue, 1 lent */
	CU_ASSERT(csv_has(&gm, "普通,1,1,0,2"));
	CU_ASSERT(csv_has(&gm, "秘密,1,0,1,1"));
	/* per borrower: A has 2 out, 1 overdue */
	snprintf(line, sizeof line, "%s,2,1", name_a);
	CU_ASSERT(csv_has(&gm, line));
	/* lost: i3 on 07-01, lent to B */
	snprintf(line, sizeof line, "RPT-%s-2,报表档案2,%d-07-01,%s", run, year, name_b);
	CU_ASSERT(csv_has(&gm, line));
	/* another year: nothing lent, nothing lost (the loans out still count) */
	CU_ASSERT_EQUAL(get(&gm, "/reports/circulation.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year - 5,
			    year - 5), 200);
	CU_ASSERT(csv_has(&gm, "秘密,1,0,1,0"));
	CU_ASSERT(!client_has(&gm, "报表档案2"));
	client_free(&gm);
}

static void test_reports_access_audit(void)
{
	fixture();
	/* today: A views c1 three times, B is refused c1 twice and views c2 once by a grant; E views c6 once */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO client_views (client_id, user_id, at, via) VALUES "
				      "(%lld, %lld, '%s', 'owner'), (%lld, %lld, '%s', 'owner'), (%lld, %lld, '%s', 'owner'), "
				      "(%lld, %lld, '%s', 'denied'), (%lld, %lld, '%s', 'denied'), (%lld, %lld, '%s', 'grant'), "
				      "(%lld, %lld, '%s', 'owner')", c1, own_a, now_sql, c1, own_a, now_sql, c1, own_a, now_sql,
				      c1, own_b, now_sql, c1, own_b, now_sql, c2, own_b, now_sql, c6, own_e, now_sql), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, client_id, requester_id, reason, status, created_at, "
				      "decided_at, expires_at) VALUES ('view', %lld, %lld, 'r', 'approved', '%s', '%s', '%s')",
				      c2, own_b, now_sql, now_sql, now_sql), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_file_log (file_id, item_id, user_id, at, outcome) VALUES "
				      "(1, 1, %lld, '%s', 'download'), (1, 1, %lld, '%s', 'download'), "
				      "(1, 1, %lld, '%s', 'refused')", own_a, now_sql, own_a, now_sql, own_a, now_sql), 0);
	rollup();
	struct client aud;
	sign_in(&aud, "auditor");
	char line[256];
	CU_ASSERT_EQUAL(get(&aud, "/reports/access.csv?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	snprintf(line, sizeof line, "%s,3,0,0", name_a);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "%s,1,2,1", name_b);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "%s,1,0,0", name_e);
	CU_ASSERT(csv_has(&aud, line));
	/* per card, formula neutralised: c1 viewed 3 times, refused twice */
	snprintf(line, sizeof line, "\"'%s\",3,2", card1);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "%s,1", name_b);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "%s,2,0,1", name_a);
	CU_ASSERT(csv_has(&aud, line));
	/* the page: a viewer links to their view log for the period (the auditor reads it); a card to its
	 * view log only for those who may read it (not the auditor) */
	CU_ASSERT_EQUAL(get(&aud, "/reports/access?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	snprintf(line, sizeof line, "/admin/views?user=%lld&amp;from=%s&amp;to=%s", own_a, today, today);
	CU_ASSERT(client_has(&aud, line));
	snprintf(line, sizeof line, "/clients/%lld/views", c1);
	CU_ASSERT(!client_has(&aud, line));
	snprintf(line, sizeof line, "/admin/views?user=%lld&from=%s&to=%s", own_a, today, today);
	CU_ASSERT_EQUAL(client_get(&aud, line), 200);
	struct client gm, m;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(get(&gm, "/reports/access?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	snprintf(line, sizeof line, "/clients/%lld/views?from=%s&amp;to=%s", c1, today, today);
	CU_ASSERT(client_has(&gm, line));
	char login[32];
	snprintf(login, sizeof login, "rptm%s", run);
	sign_in(&m, login);
	CU_ASSERT_EQUAL(get(&m, "/reports/access?from=%s&to=%s", today, today), 200);
	CU_ASSERT(client_has(&m, name_a));
	CU_ASSERT(!client_has(&m, "/admin/views?user="));
	client_free(&gm);
	client_free(&m);
	/* yesterday: nothing of these */
	char day_before[32];
	snprintf(day_before, sizeof day_before, "%d-01-01", year - 3);
	CU_ASSERT_EQUAL(get(&aud, "/reports/access.csv?dept=%lld&from=%s&to=%s", dept_d, day_before, day_before), 200);
	CU_ASSERT(!client_has(&aud, name_a));
	client_free(&aud);
}

/* A section that lists more than RPT_ROWS (500) people shows the first 500 on
 * the page and says so; the CSV holds up to RPT_EXPORT_ROWS (20,000) and says
 * so beyond; a smaller one says nothing. */
static void test_reports_say_when_a_section_is_cut(void)
{
	fixture();
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	long long big = make_dept("L", company, NULL);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO users (username, display_name, dept_id, password_hash, created_at, "
					    "updated_at) SELECT CONCAT('rptl%s-', s.seq), CONCAT('报表多人%s-', s.seq), %lld, "
					    "p.password_hash, NOW(), NOW() FROM seq_1_to_20001 s JOIN users p ON p.username = 'staff1'",
					    run, run, big), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM users WHERE dept_id = %lld", big), 20001);
	/* each of them views c1 once today */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO client_views (client_id, user_id, at, via) SELECT %lld, id, '%s', 'owner' "
				      "FROM users WHERE dept_id = %lld", c1, now_sql, big), 0);
	rollup();
	struct client aud;
	sign_in(&aud, "auditor");
	char line[256];
	/* by views, then name (as text: "-1", "-10", "-100", … "-9999" last) */
	CU_ASSERT_EQUAL(get(&aud, "/reports/access?dept=%lld&from=%s&to=%s", big, today, today), 200);
	CU_ASSERT(client_has(&aud, "class=\"hint rows-limit\""));
	CU_ASSERT(client_has(&aud, "只列出前 500 行"));
	snprintf(line, sizeof line, ">报表多人%s-10447<", run);   /* the 500th */
	CU_ASSERT(client_has(&aud, line));
	snprintf(line, sizeof line, ">报表多人%s-10448<", run);   /* the 501st */
	CU_ASSERT(!client_has(&aud, line));
	CU_ASSERT_EQUAL(get(&aud, "/reports/access.csv?dept=%lld&from=%s&to=%s", big, today, today), 200);
	CU_ASSERT(client_has(&aud, "只列出前 20,000 行"));
	snprintf(line, sizeof line, "报表多人%s-10448,1,0,0", run);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "报表多人%s-9998,1,0,0", run);
	CU_ASSERT(csv_has(&aud, line));
	snprintf(line, sizeof line, "报表多人%s-9999,1,0,0", run);
	CU_ASSERT(!csv_has(&aud, line));
	/* the fixture's department lists three people: no such note */
	CU_ASSERT_EQUAL(get(&aud, "/reports/access?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	CU_ASSERT(!client_has(&aud, "class=\"hint rows-limit\""));
	CU_ASSERT_EQUAL(get(&aud, "/reports/access.csv?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	CU_ASSERT(!client_has(&aud, "只列出前"));
	/* the people leave the company's figures of the other tests */
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM client_views WHERE user_id IN (SELECT id FROM users WHERE dept_id = %lld)",
				      big), 0);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_views WHERE dept_id = %lld", big), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE users SET disabled = 1 WHERE dept_id = %lld", big), 0);
	client_free(&aud);
}

/* A department's name with markup is text on the report page: in its table
 * and in its chart (the SVG is written by chart.c and put in unescaped). */
static void test_reports_escape_names_in_tables_and_charts(void)
{
	fixture();
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	char name[64], raw[64];
	test_dept("RPTH", "<i>", "H", run, company, name);
	CU_ASSERT_EQUAL(run_cron(), 0);          /* the summaries know the department */
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/clients"), 200);
	snprintf(raw, sizeof raw, "<i>H部%s", run);
	CU_ASSERT(!client_has(&gm, raw));
	CU_ASSERT(client_has(&gm, "&lt;i&gt;H部"));
	CU_ASSERT(client_has(&gm, "<svg"));
	client_free(&gm);
}

static void test_reports_scope_by_role(void)
{
	fixture();
	struct client staff, m, aud, gm;
	char login[32], line[256];
	snprintf(login, sizeof login, "rpta%s", run);
	sign_in(&staff, login);
	/* staff: no report, no index, no export, no nav entry */
	CU_ASSERT_EQUAL(client_get(&staff, "/reports"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/reports/clients"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/reports/access.csv"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/reports/follow-up.xlsx"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/"), 200);
	CU_ASSERT(!client_has(&staff, "href=\"/reports\""));
	/* the manager of D: D and its team by default, never X */
	snprintf(login, sizeof login, "rptm%s", run);
	sign_in(&m, login);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(client_has(&m, "href=\"/reports\""));
	CU_ASSERT_EQUAL(get(&m, "/reports/follow-up.csv?from=%d-01-01&to=%d-12-31", year, year), 200);
	snprintf(line, sizeof line, "%s,3,2,1,0.6667", name_a);
	CU_ASSERT(csv_has(&m, line));
	snprintf(line, sizeof line, "%s,1,1,0,1.0000", name_e);
	CU_ASSERT(csv_has(&m, line));
	CU_ASSERT(!client_has(&m, name_c));
	CU_ASSERT_EQUAL(get(&m, "/reports/follow-up?dept=%lld&from=%d-01-01&to=%d-12-31", dept_t, year, year), 200);
	CU_ASSERT(client_has(&m, name_e));
	CU_ASSERT(!client_has(&m, name_a));
	CU_ASSERT_EQUAL(get(&m, "/reports/follow-up?dept=%lld", dept_x), 403);
	CU_ASSERT_EQUAL(get(&m, "/reports/clients.csv?dept=%lld", dept_x), 403);
	CU_ASSERT_EQUAL(client_get(&m, "/reports/clients"), 200);
	CU_ASSERT(!client_has(&m, "报表X部"));
	CU_ASSERT(!client_has(&m, name_c));
	/* the auditor: the access audit only, every department */
	sign_in(&aud, "auditor");
	CU_ASSERT_EQUAL(client_get(&aud, "/reports"), 200);
	CU_ASSERT(client_has(&aud, "/reports/access"));
	CU_ASSERT(!client_has(&aud, "/reports/clients\""));
	CU_ASSERT_EQUAL(client_get(&aud, "/reports/clients"), 403);
	CU_ASSERT_EQUAL(client_get(&aud, "/reports/follow-up.csv"), 403);
	CU_ASSERT_EQUAL(get(&aud, "/reports/access?dept=%lld", dept_x), 200);
	/* the GM: every report, every department */
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/reports"), 200);
	CU_ASSERT(client_has(&gm, "/reports/clients"));
	CU_ASSERT(client_has(&gm, "/reports/circulation"));
	CU_ASSERT_EQUAL(get(&gm, "/reports/clients?dept=%lld", dept_x), 200);
	/* the exports of every department: the page's links open */
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/clients?period=year"), 200);
	char href[160];
	snprintf(href, sizeof href, "href=\"/reports/clients.xlsx?from=%d-01-01&amp;to=%d-12-31\"", year + 1, year + 1);
	CU_ASSERT(client_has(&gm, href));
	snprintf(href, sizeof href, "/reports/clients.csv?from=%d-01-01&to=%d-12-31", year + 1, year + 1);
	CU_ASSERT_EQUAL(client_get(&gm, href), 200);
	CU_ASSERT(client_has(&gm, "全部部门"));
	/* a manager's links keep their department */
	CU_ASSERT_EQUAL(client_get(&m, "/reports/clients"), 200);
	snprintf(href, sizeof href, "/reports/clients.csv?dept=%lld&amp;from=", dept_d);
	CU_ASSERT(client_has(&m, href));
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/nosuch"), 404);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/clients.pdf"), 404);
	client_free(&staff);
	client_free(&m);
	client_free(&aud);
	client_free(&gm);
}

static void test_reports_bad_filters(void)
{
	fixture();
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?from=2026-02-30&to=2026-03-01"), 400);
	CU_ASSERT(client_has(&gm, "YYYY-MM-DD"));
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?from=2026-03-01"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?from=2026-03-02&to=2026-03-01"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?from=2010-01-01&to=2026-03-01"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?period=decade"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?dept=abc"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/follow-up?dept=999999999"), 400);
	CU_ASSERT_EQUAL(client_get(&gm, "/reports/clients.csv?dept=abc"), 400);
	/* the presets: this week, this month, last month, this year */
	const char *presets[] = { "week", "month", "last_month", "year" };
	for (int i = 0; i < 4; i++) {
		char path[64];
		snprintf(path, sizeof path, "/reports/follow-up?period=%s", presets[i]);
		CU_ASSERT_EQUAL(client_get(&gm, path), 200);
	}
	char from[48];
	snprintf(from, sizeof from, "value=\"%d-01-01\"", year + 1);
	CU_ASSERT(client_has(&gm, from));
	client_free(&gm);
}

/* Runs the python3 script (openpyxl; the workbook's path is sys.argv[1]) on the XLSX in c; asserts it
 * prints "OK" (else its complaint goes to stderr). */
static void xlsx_check(struct client *c, const char *script)
{
	char path[128];
	snprintf(path, sizeof path, "%s/reports-%s.xlsx", getenv("DOSSIER_TEST_VAR"), run);
	FILE *f = fopen(path, "wb");
	CU_ASSERT_FATAL(f != NULL);
	fwrite(c->res.body.data, 1, c->res.body.len, f);
	fclose(f);
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 - '%s' <<'EOF'\nimport sys, openpyxl, datetime\n"
		 "wb = openpyxl.load_workbook(sys.argv[1])\n%s\nEOF", path, script);
	FILE *p = popen(cmd, "r");
	CU_ASSERT_FATAL(p != NULL);
	char out[512] = "";
	if (fgets(out, sizeof out, p) == NULL)
		out[0] = '\0';
	pclose(p);
	if (strncmp(out, "OK", 2) != 0)
		fprintf(stderr, "xlsx: %s\n", out);
	CU_ASSERT(strncmp(out, "OK", 2) == 0);
	unlink(path);
}

/* The workbook read back with openpyxl: typed cells, bold frozen header, autofilter, the name kept as text. */
static void test_reports_xlsx(void)
{
	fixture();
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(get(&gm, "/reports/access.xlsx?dept=%lld&from=%s&to=%s", dept_d, today, today), 200);
	char v[256];
	CU_ASSERT(client_header(&gm, "Content-Type", v, sizeof v) == 0 &&
		  strcmp(v, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == 0);
	CU_ASSERT(client_header(&gm, "Content-Disposition", v, sizeof v) == 0 && strstr(v, "attachment") &&
		  strstr(v, ".xlsx"));
	char script[2048];
	snprintf(script, sizeof script,
		 "card, name_b = '%s', '%s'\n"
		 "errs = []\n"
		 "about = wb.worksheets[0]\n"
		 "if not isinstance(about['B3'].value, datetime.datetime): errs.append('from is not a date')\n"
		 "views, cards = wb.worksheets[1], wb.worksheets[2]\n"
		 "if not views['A1'].font.b: errs.append('header not bold')\n"
		 "if views.freeze_panes != 'A2': errs.append('panes %%s' %% views.freeze_panes)\n"
		 "if not views.auto_filter.ref: errs.append('no autofilter')\n"
		 "rows = {r[0].value: r for r in views.iter_rows(min_row=2)}\n"
		 "b = rows.get(name_b)\n"
		 "if b is None or b[1].value != 1 or b[2].value != 2 or b[1].data_type != 'n': "
		 "errs.append('B row %%r' %% ([c.value for c in b] if b else None))\n"
		 "c = [r for r in cards.iter_rows(min_row=2) if str(r[0].value).endswith(card[4:])]\n"
		 "if not c or c[0][0].value != card or c[0][0].data_type != 's' or c[0][1].value != 3: "
		 "errs.append('card row %%r' %% ([x.value for x in c[0]] if c else None))\n"
		 "if views.column_dimensions['A'].width < 10: errs.append('narrow column')\n"
		 "print('OK' if not errs else '; '.join(errs))",
		 card1, name_b);
	xlsx_check(&gm, script);
	/* a percent column is a number formatted as a percent; a date column a date */
	CU_ASSERT_EQUAL(get(&gm, "/reports/follow-up.xlsx?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	snprintf(script, sizeof script,
		 "ws = wb.worksheets[1]\n"
		 "r = [r for r in ws.iter_rows(min_row=2) if r[0].value == '%s'][0]\n"
		 "print('OK' if r[4].data_type == 'n' and abs(r[4].value - 2/3) < 0.001 and '%%' in r[4].number_format "
		 "else 'bad %%r %%r' %% (r[4].value, r[4].number_format))", name_a);
	xlsx_check(&gm, script);
	CU_ASSERT_EQUAL(get(&gm, "/reports/circulation.xlsx?dept=%lld&from=%d-01-01&to=%d-12-31", dept_d, year, year), 200);
	snprintf(script, sizeof script,
		 "ws = wb.worksheets[3]\n"
		 "r = [r for r in ws.iter_rows(min_row=2)][0]\n"
		 "print('OK' if r[2].is_date and r[2].value == datetime.datetime(%d, 7, 1) else 'bad %%r' %% r[2].value)",
		 year);
	xlsx_check(&gm, script);
	/* its parts deflated at level 1 (export.c: the zip entries say "super fast", flag bits 1 and 2) */
	xlsx_check(&gm, "import zipfile\n"
			"parts = zipfile.ZipFile(sys.argv[1]).infolist()\n"
			"slow = [i.filename for i in parts if i.compress_type != zipfile.ZIP_DEFLATED or i.flag_bits & 6 != 6]\n"
			"print('OK' if parts and not slow else 'not at level 1: %r' % slow)");
	client_free(&gm);
}

/* After a random series of changes to cards, the rollup equals a recount. */
static void test_reports_rollup_equals_recount(void)
{
	fixture();
	srand((unsigned)getpid());
	const char *grades[] = { "vip", "preferred", "qualified", "" };
	const char *lifecycles[] = { "prospect", "new", "established", "problem", "former" };
	long long owners[] = { own_a, own_b, own_e, own_c };
	long long depts[] = { dept_d, dept_d, dept_t, dept_x };
	for (int i = 0; i < 40; i++) {
		int o = rand() % 4;
		switch (rand() % 5) {
		case 0:
		case 1:
			make_card(rand() % 2 ? "报表随机甲" : "报表随机乙", owners[o], depts[o], grades[rand() % 4],
				  lifecycles[rand() % 5], rand() % 2 ? "'2000-01-01'" : "NULL");
			break;
		case 2:
			db_exec_admin("UPDATE clients SET grade_id = (SELECT id FROM grades WHERE code = '%s'), lifecycle = '%s' "
				      "WHERE name LIKE '报表随机%%' AND deleted_at IS NULL ORDER BY RAND() LIMIT 1",
				      grades[rand() % 4], lifecycles[rand() % 5]);
			break;
		case 3:
			/* deleted now by the app's clock (the purge keeps it for its days) */
			db_exec_admin("UPDATE clients SET deleted_at = '%s' WHERE name LIKE '报表随机%%' AND deleted_at IS NULL "
				      "ORDER BY RAND() LIMIT 1", now_sql);
			break;
		case 4:
			db_exec_admin("UPDATE clients SET owner_id = %lld, dept_id = %lld, in_pool = %d WHERE name LIKE '报表随机%%' "
				      "ORDER BY RAND() LIMIT 1", owners[o], depts[o], rand() % 2);
			break;
		}
		if (i % 4 == 0) {   /* an electronic copy opened, shown or refused */
			static const char *const outcomes[] = { "download", "inline", "refused" };
			db_exec_admin("INSERT INTO archive_file_log (file_id, item_id, user_id, at, outcome) VALUES (1, 1, %lld, "
				      "'%s', '%s')", owners[o], now_sql, outcomes[rand() % 3]);
		}
		if (i % 13 == 0)
			CU_ASSERT_EQUAL(run_cron(), 0);
	}
	rollup();
	char recount[1024];
	snprintf(recount, sizeof recount, "SELECT dept_id, owner_id, COALESCE(grade_id, 0) g, COALESCE(nature_id, 0) k, "
		 "COALESCE(region_id, 0) rg, lifecycle, COUNT(*) n, SUM(in_pool) p, SUM(in_pool = 0 AND "
		 "next_visit_due < '%s') o FROM clients WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6", today);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (%s) x LEFT JOIN rpt_clients r ON r.dept_id = x.dept_id AND "
				 "r.owner_id = x.owner_id AND r.grade_id = x.g AND r.nature_id = x.k AND r.region_id = x.rg "
				 "AND r.lifecycle = x.lifecycle WHERE r.n IS NULL OR r.n <> x.n OR r.pool <> x.p OR r.overdue <> x.o",
				 recount), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_clients"), db_value("SELECT COUNT(*) FROM (%s) x", recount));
	CU_ASSERT_EQUAL(db_value("SELECT SUM(n) FROM rpt_clients"),
			db_value("SELECT COUNT(*) FROM clients WHERE deleted_at IS NULL"));
	/* the logs summed once a day and once a month, each row once: the rows of this test's people (the
	 * other suites' purge deletes cards of their own, which stay counted as registered) */
	char people[128];
	snprintf(people, sizeof people, "(%lld, %lld, %lld, %lld)", own_a, own_b, own_c, own_e);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_views WHERE grain = 'd' AND user_id IN %s", people),
			db_value("SELECT COUNT(*) FROM (SELECT DATE(at), user_id, via FROM client_views WHERE user_id IN %s "
				 "GROUP BY 1, 2, 3) x", people));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_views WHERE grain = 'm' AND user_id IN %s", people),
			db_value("SELECT COUNT(*) FROM (SELECT DATE_FORMAT(at, '%%Y-%%m'), user_id, via FROM client_views "
				 "WHERE user_id IN %s GROUP BY 1, 2, 3) x", people));
	for (int g = 0; g < 2; g++) {
		const char *grain = g ? "m" : "d";
		CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(n), 0) FROM rpt_views WHERE grain = '%s' AND user_id IN %s", grain, people),
				db_value("SELECT COUNT(*) FROM client_views WHERE user_id IN %s", people));
		CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(n), 0) FROM rpt_files WHERE grain = '%s' AND user_id IN %s", grain, people),
				db_value("SELECT COUNT(*) FROM archive_file_log WHERE user_id IN %s", people));
		CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(visits), 0) FROM rpt_visits WHERE grain = '%s' AND owner_id IN %s", grain,
					 people),
				db_value("SELECT COUNT(*) FROM visits v JOIN clients c ON c.id = v.client_id "
					 "WHERE c.owner_id IN %s", people));
		CU_ASSERT_EQUAL(db_value("SELECT SUM(n) FROM rpt_new WHERE grain = '%s' AND registered_by IN %s", grain,
					 people),
				db_value("SELECT COUNT(*) FROM clients WHERE registered_by IN %s", people));
		CU_ASSERT(db_value("SELECT SUM(n) FROM rpt_new WHERE grain = '%s'", grain) >=
			  db_value("SELECT COUNT(*) FROM clients"));
	}
	/* a month's figures equal the sum of its days */
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (SELECT DATE_FORMAT(day, '%%Y-%%m-01') m, owner_id, dept_id, SUM(visits) v, "
				 "SUM(on_time) o FROM rpt_visits WHERE grain = 'd' GROUP BY 1, 2, 3) d LEFT JOIN rpt_visits r "
				 "ON r.grain = 'm' AND r.day = d.m AND r.owner_id = d.owner_id AND r.dept_id = d.dept_id "
				 "WHERE r.visits IS NULL OR r.visits <> d.v OR r.on_time <> d.o"), 0);
}

/* After a random series of loans out, back and items moved, the archive's summaries equal a recount. */
static void test_reports_archive_rollups_equal_recount(void)
{
	fixture();
	srand((unsigned)getpid() + 1);
	/* two departments of their own (the circulation test counts D's loans) */
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	long long dept_r = make_dept("R", company, NULL), dept_s = make_dept("S", company, NULL);
	const char *secrecy[] = { "ordinary", "secret", "confidential" };
	const char *retention[] = { "3", "10", "30", "permanent" };
	const char *statuses[] = { "on_shelf", "on_shelf", "checked_out" };
	long long item[6], people[] = { own_a, own_b };
	for (int i = 0; i < 6; i++) {
		CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, "
						    "title, doc_date, secrecy, retention, status, dept_id, filed_by, filed_at) "
						    "VALUES ('RPTR-%s-%d', %lld, 0, 1, %d, '报表随机档案', '%d-%02d-%02d', '%s', "
						    "'%s', 'on_shelf', %lld, %lld, NOW())", run, i, c1, 10 + i,
						    year - rand() % 40, 1 + rand() % 12, 1 + rand() % 28, secrecy[rand() % 3],
						    retention[rand() % 4], i % 2 ? dept_r : dept_s, own_a), 0);
		item[i] = db_value("SELECT id FROM archive_items WHERE archive_no = 'RPTR-%s-%d'", run, i);
	}
	for (int i = 0; i < 40; i++) {
		long long it = item[rand() % 6];
		switch (rand() % 4) {
		case 0:
		case 1:   /* out (if not out), due long ago or far ahead */
			db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, "
				      "out_by, open_item) SELECT %lld, 0, 'loan', %lld, 'r', '%d-%02d-01 09:00:00', '%s', %lld, "
				      "%lld FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM archive_loans WHERE open_item = %lld)", it,
				      people[rand() % 2], year, 1 + rand() % 12, rand() % 2 ? "2000-01-01" : "2999-01-01", mgr, it,
				      it);
			break;
		case 2:   /* back */
			db_exec_admin("UPDATE archive_loans SET returned_at = '%s', open_item = NULL WHERE open_item = %lld",
				      now_sql, it);
			break;
		case 3:   /* moved to another department, or another status */
			db_exec_admin("UPDATE archive_items SET dept_id = %lld, status = '%s' WHERE id = %lld",
				      rand() % 2 ? dept_r : dept_s, statuses[rand() % 3], it);
			break;
		}
		if (i % 13 == 0)
			CU_ASSERT_EQUAL(run_cron(), 0);
	}
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_rollups WHERE name = 'retention'"), 0);
	rollup();
	/* the loans out: every group, its count, and (due 2000 or 2999: either side of any clock) its overdue */
	const char *open = "SELECT i.dept_id, i.secrecy, l.borrower_id, COUNT(*) n, SUM(l.due_at < '2500-01-01') o "
			   "FROM archive_loans l JOIN archive_items i ON i.id = l.item_id WHERE l.open_item IS NOT NULL "
			   "GROUP BY 1, 2, 3";
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (%s) x LEFT JOIN rpt_loans_open r ON r.dept_id = x.dept_id AND "
				 "r.secrecy = x.secrecy AND r.borrower_id = x.borrower_id WHERE r.n IS NULL OR r.n <> x.n", open), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_loans_open"), db_value("SELECT COUNT(*) FROM (%s) x", open));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (%s) x JOIN rpt_loans_open r ON r.dept_id = x.dept_id AND "
				 "r.secrecy = x.secrecy AND r.borrower_id = x.borrower_id WHERE x.borrower_id IN (%lld, %lld) "
				 "AND r.overdue <> x.o", open, own_a, own_b), 0);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM rpt_loans_open WHERE borrower_id IN (%lld, %lld)", own_a, own_b) > 0);
	/* the items on the shelf by the end of their term: the whole table, by day and by month */
	for (int g = 0; g < 2; g++) {
		char shelf[512];
		snprintf(shelf, sizeof shelf, "SELECT dept_id, retention, DATE_FORMAT(DATE_ADD(doc_date, INTERVAL "
			 "CAST(CAST(retention AS CHAR) AS UNSIGNED) YEAR), '%s') e, COUNT(*) n FROM archive_items "
			 "WHERE status = 'on_shelf' AND retention <> 'permanent' GROUP BY 1, 2, 3", g ? "%Y-%m-01" : "%Y-%m-%d");
		const char *grain = g ? "m" : "d";
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (%s) x LEFT JOIN rpt_retention r ON r.grain = '%s' AND "
					 "r.dept_id = x.dept_id AND r.retention = x.retention AND r.day = x.e "
					 "WHERE r.n IS NULL OR r.n <> x.n", shelf, grain), 0);
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_retention WHERE grain = '%s'", grain),
				db_value("SELECT COUNT(*) FROM (%s) x", shelf));
	}
	/* the register lines, each once a day and once a month (by the department the item had when summed:
	 * the items of this test moved between R and S, so the two together) */
	for (int g = 0; g < 2; g++)
		CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(n), 0) FROM rpt_loans WHERE grain = '%s' AND dept_id IN "
					 "(%lld, %lld)", g ? "m" : "d", dept_r, dept_s),
				db_value("SELECT COUNT(*) FROM archive_loans l JOIN archive_items i ON i.id = l.item_id "
					 "WHERE i.dept_id IN (%lld, %lld)", dept_r, dept_s));
	/* the test's loans leave the other tests' figures */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_loans SET returned_at = '%s', open_item = NULL WHERE item_id IN "
				      "(SELECT id FROM archive_items WHERE archive_no LIKE 'RPTR-%s-%%')", now_sql, run), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_items SET status = 'destroyed' WHERE archive_no LIKE 'RPTR-%s-%%'",
				      run), 0);
}

/* Decided requests are summed per day once the day has ended: after a random series of decisions on
 * past days (summed by a rebuild, as after an import) and today (not yet), the summary's days equal a
 * recount, each month the sum of its days, and the summary plus the decisions since its state (what a
 * page adds from the requests) every decision. */
static void test_reports_decisions_equal_recount(void)
{
	fixture();
	srand((unsigned)getpid() + 2);
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	long long dept_q = make_dept("Q", company, NULL);
	char name[64];
	long long people[2] = { make_person("q1", dept_q, "staff", name), make_person("q2", dept_q, "staff", name) };
	const char *kinds[] = { "view", "change", "transfer" };
	const char *outcomes[] = { "approved", "rejected", "pending", "withdrawn" };
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 30; i++) {
			char created[20], decided[20];
			/* the first round on the last 70 days, the second today (after the summary was built) */
			long back = round == 0 ? (long)(rand() % 70) * 86400 + rand() % 86400 : rand() % 600;
			test_time_text(-back - 3600L * (1 + rand() % 48), created);
			test_time_text(-back, decided);
			const char *outcome = outcomes[rand() % 4];
			char at[32];
			if (strcmp(outcome, "pending") == 0)
				snprintf(at, sizeof at, "NULL");
			else
				snprintf(at, sizeof at, "'%.10s %s'", decided, decided + 11);
			CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, requester_id, reason, status, created_at, "
						      "decided_at, expires_at) VALUES ('%s', %lld, 'r', '%s', '%.10s %s', %s, "
						      "'2999-01-01 00:00:00')", kinds[rand() % 3], people[rand() % 2], outcome,
						      created, created + 11, at), 0);
		}
		if (round == 0) {   /* back-dated: a rebuild sums them */
			CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_decisions"), 0);
			CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_rollups WHERE name = 'decisions'"), 0);
		}
		rollup();
		char since[32];
		snprintf(since, sizeof since, "%s", db_text("SELECT seen_at FROM rpt_rollups WHERE name = 'decisions'"));
		CU_ASSERT_EQUAL(strlen(since), 19);
		for (int p = 0; p < 2; p++) {
			char recount[512];
			snprintf(recount, sizeof recount, "SELECT DATE(decided_at) d, req_type, status, COUNT(*) n, "
				 "SUM(TIMESTAMPDIFF(MINUTE, created_at, decided_at)) m FROM requests WHERE requester_id = %lld "
				 "AND status IN ('approved', 'rejected') AND decided_at < '%s' GROUP BY 1, 2, 3", people[p], since);
			CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (%s) x LEFT JOIN rpt_decisions r ON r.grain = 'd' AND "
						 "r.day = x.d AND r.requester_id = %lld AND r.req_type = x.req_type AND "
						 "r.status = x.status WHERE r.n IS NULL OR r.n <> x.n OR r.minutes <> x.m", recount,
						 people[p]), 0);
			CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM rpt_decisions WHERE grain = 'd' AND requester_id = %lld",
						 people[p]),
					db_value("SELECT COUNT(*) FROM (%s) x", recount));
			/* the summary and the decisions since: every decision */
			CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(n), 0) FROM rpt_decisions WHERE grain = 'm' AND "
						 "requester_id = %lld", people[p]) +
						db_value("SELECT COUNT(*) FROM requests WHERE requester_id = %lld AND "
							 "status IN ('approved', 'rejected') AND decided_at >= '%s'", people[p], since),
					db_value("SELECT COUNT(*) FROM requests WHERE requester_id = %lld AND "
						 "status IN ('approved', 'rejected')", people[p]));
		}
		/* a month's figures equal the sum of its days */
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM (SELECT DATE_FORMAT(day, '%%Y-%%m-01') m, requester_id, req_type, "
					 "status, SUM(n) n, SUM(minutes) mi FROM rpt_decisions WHERE grain = 'd' GROUP BY 1, 2, 3, 4) d "
					 "LEFT JOIN rpt_decisions r ON r.grain = 'm' AND r.day = d.m AND r.requester_id = d.requester_id "
					 "AND r.req_type = d.req_type AND r.status = d.status WHERE r.n IS NULL OR r.n <> d.n "
					 "OR r.minutes <> d.mi"), 0);
	}
	CU_ASSERT(db_value("SELECT COUNT(*) FROM rpt_decisions WHERE requester_id IN (%lld, %lld)", people[0], people[1]) > 0);
}

/* The rollup reads without locking: with a card and a loan held by an open
 * transaction (a person saving them), `dossier cron` rebuilds the summaries
 * at once instead of waiting for it (and holding every row it reads). */
static void test_reports_rollup_does_not_wait_for_writers(void)
{
	fixture();
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE clients SET updated_at = updated_at WHERE id = %lld", c2);
	struct db_hold *card = db_hold_begin(sql);
	CU_ASSERT_PTR_NOT_NULL_FATAL(card);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE rpt_rollups SET built_at = '2000-01-02' WHERE name = 'clients'"), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);   /* in REPEATABLE READ: a lock wait timeout, and a failed run */
	CU_ASSERT(db_value("SELECT COUNT(*) FROM rpt_rollups WHERE name = 'clients' AND built_at > '2000-01-02'") == 1);
	db_hold_end(card);
}

/* ---- the other five reports, on a department N of their own ---------------------------------- */

static long long dept_n, own_n, mgr_n;
static char name_n[64], name_dept_n[64];

static void fixture_n(void)
{
	fixture();
	if (dept_n)
		return;
	long long company = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	dept_n = make_dept("N", company, name_dept_n);
	own_n = make_person("n", dept_n, "staff", name_n);
	char name_m[64];
	mgr_n = make_person("nm", dept_n, "dept_manager", name_m);
}

/* "YYYY-MM-DD" of the test's today + days into out[11]. */
static void day_after(int days, char *out)
{
	int y, m, d;
	sscanf(today, "%d-%d-%d", &y, &m, &d);
	day_from_number(day_number(y, m, d) + days, out);
}

static long long card_registered(const char *name, const char *at, int late, const char *extra_cols, const char *extra_vals)
{
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, lifecycle, "
					    "registered_at, registered_by, updated_at, filed_late%s) VALUES ('end', '%s', '%s', "
					    "%lld, %lld, 'prospect', '%s', %lld, NOW(), %d%s)", extra_cols, name, name, own_n,
					    dept_n, at, own_n, late, extra_vals), 0);
	return db_value("SELECT MAX(id) FROM clients WHERE owner_id = %lld", own_n);
}

static void test_reports_new_clients_and_filing(void)
{
	fixture_n();
	char at[32], line[256];
	snprintf(at, sizeof at, "%d-03-10 09:00:00", year);
	card_registered("报表新甲", at, 0, "", "");
	snprintf(at, sizeof at, "%d-03-20 09:00:00", year);
	card_registered("报表新乙", at, 1, "", "");
	snprintf(at, sizeof at, "%d-05-02 09:00:00", year);
	long long card = card_registered("报表新丙", at, 0, "", "");
	/* changes reported by n: two fields at once in time (one change), one late, one without an event day */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO client_history (client_id, field, old_value, new_value, actor_id, at, reason, "
				      "event_on, late) VALUES (%lld, 'phone', '1', '2', %lld, '%d-06-01 10:00:00', '', '%d-05-30', 0), "
				      "(%lld, 'fax', '1', '2', %lld, '%d-06-01 10:00:00', '', '%d-05-30', 0), "
				      "(%lld, 'email', 'a', 'b', %lld, '%d-06-02 10:00:00', '', '%d-05-01', 1), "
				      "(%lld, 'tags', 'a', 'b', %lld, '%d-06-03 10:00:00', '', NULL, 0)", card, own_n, year, year,
				      card, own_n, year, year, card, own_n, year, year, card, own_n, year), 0);
	rollup();
	struct client gm;
	sign_in(&gm, "gm");
	/* a year: by month, the months without cards as zeros */
	CU_ASSERT_EQUAL(get(&gm, "/reports/new-clients.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year, year), 200);
	snprintf(line, sizeof line, "%d-03,2,1,0.5000", year);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%d-04,0,0,", year);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%d-05,1,0,0.0000", year);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%d-12,0,0,", year);
	CU_ASSERT(csv_has(&gm, line));
	/* per person: 3 new, 2 in time, 1 late; 2 changes reported, 1 in time, 1 late */
	snprintf(line, sizeof line, "%s,3,2,1,0.3333", name_n);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,2,1,1,0.5000", name_n);
	CU_ASSERT(csv_has(&gm, line));
	/* March alone: by week, each week by its Monday */
	CU_ASSERT_EQUAL(get(&gm, "/reports/new-clients.csv?dept=%lld&from=%d-03-01&to=%d-03-31", dept_n, year, year), 200);
	long d10 = day_number(year, 3, 10), d20 = day_number(year, 3, 20);
	char mon[11];
	day_from_number(d10 - weekday_of(d10), mon);
	snprintf(line, sizeof line, "%s,1,0,0.0000", mon);
	CU_ASSERT(csv_has(&gm, line));
	day_from_number(d20 - weekday_of(d20), mon);
	snprintf(line, sizeof line, "%s,1,1,1.0000", mon);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(!client_has(&gm, "-05,"));
	/* the page draws the line */
	CU_ASSERT_EQUAL(get(&gm, "/reports/new-clients?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year, year), 200);
	CU_ASSERT(client_has(&gm, "<polyline class=\"line\""));
	client_free(&gm);
}

static void test_reports_pool(void)
{
	fixture_n();
	char soon[11], later[11], vals[128], at[32], line[256];
	day_after(5, soon);
	day_after(30, later);
	snprintf(at, sizeof at, "%s 09:00:00", today);
	/* n's protected prospects: one ending in 5 days, one in 30; two cards in the pool, one returned last year */
	snprintf(vals, sizeof vals, ", '%s'", soon);
	card_registered("报表保护甲", at, 0, ", protected_until", vals);
	snprintf(vals, sizeof vals, ", '%s'", later);
	card_registered("报表保护乙", at, 0, ", protected_until", vals);
	snprintf(vals, sizeof vals, ", 1, '%d-06-01 08:00:00'", year);
	card_registered("报表公池甲", at, 0, ", in_pool, pool_since", vals);
	snprintf(vals, sizeof vals, ", 1, '%d-06-01 08:00:00'", year - 2);
	card_registered("报表公池乙", at, 0, ", in_pool, pool_since", vals);
	struct client m;
	char login[32];
	snprintf(login, sizeof login, "rptnm%s", run);
	sign_in(&m, login);
	CU_ASSERT_EQUAL(get(&m, "/reports/pool.csv?from=%d-01-01&to=%d-12-31", year, year), 200);
	snprintf(line, sizeof line, "%s,2,1", name_n);
	CU_ASSERT(csv_has(&m, line));
	snprintf(line, sizeof line, "%s,2,1", name_dept_n);
	CU_ASSERT(csv_has(&m, line));
	CU_ASSERT(!client_has(&m, name_a));
	CU_ASSERT_EQUAL(get(&m, "/reports/pool?dept=%lld", dept_d), 403);
	client_free(&m);
}

static void test_reports_approvals(void)
{
	fixture_n();
	char five[32], one[32], line[256];
	/* two open for the manager of N: one waiting 5 days, one 1 day */
	char t[20];
	test_time_text(-5 * 86400, t);
	snprintf(five, sizeof five, "%.10s %.5s:00", t, t + 11);
	test_time_text(-1 * 86400, t);
	snprintf(one, sizeof one, "%.10s %.5s:00", t, t + 11);
	const char *created[2] = { five, one };
	for (int i = 0; i < 2; i++) {
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, client_id, requester_id, reason, status, cur_step, "
					      "created_at, expires_at) VALUES ('view', 0, %lld, 'r%s', 'pending', 1, '%s', "
					      "'2999-01-01 00:00:00')", own_n, run, created[i]), 0);
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO request_approvers (request_id, step_no, user_id, open) VALUES "
					      "(LAST_INSERT_ID(), 1, %lld, 1)", mgr_n), 0);
	}
	/* decided last year: a change approved after 3 hours, one rejected after 24 */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, requester_id, reason, status, created_at, decided_at, "
				      "expires_at) VALUES ('change', %lld, 'r', 'approved', '%d-04-01 10:00:00', "
				      "'%d-04-01 13:00:00', '2999-01-01 00:00:00'), ('change', %lld, 'r', 'rejected', "
				      "'%d-04-02 10:00:00', '%d-04-03 10:00:00', '2999-01-01 00:00:00')", own_n, year, year,
				      own_n, year, year), 0);
	/* decisions written back-dated (not as the app does): the summary of decided requests is rebuilt */
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_decisions"), 0);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_rollups WHERE name = 'decisions'"), 0);
	rollup();
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(get(&gm, "/reports/approvals.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year, year), 200);
	char name_m[64];
	snprintf(name_m, sizeof name_m, "报表人nm%s", run);
	snprintf(line, sizeof line, "%s,2,1,1,%.10s", name_m, five);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(csv_has(&gm, "变更,2,1,1,13.5"));
	client_free(&gm);
}

static void test_reports_complaints_and_satisfaction(void)
{
	fixture_n();
	char at[32], line[256];
	snprintf(at, sizeof at, "%s 09:00:00", today);
	long long card = card_registered("报表投诉", at, 0, "", "");
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO complaints (client_id, received_at, channel, urgent, content, status, due_on, "
				      "answered_at, reopened, registered_by, registered_at, updated_at) VALUES "
				      "(%lld, '%d-02-01 09:00:00', 'phone', 1, 'c', 'answered', '%d-02-04', '%d-02-03 10:00:00', 1, "
				      "%lld, NOW(), NOW()), (%lld, '%d-02-10 09:00:00', 'mail', 0, 'c', 'open', '%d-02-25', NULL, 0, "
				      "%lld, NOW(), NOW())", card, year, year, year, own_n, card, year, year, own_n), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO survey_stats (year, dept_id, grade_id, owner_id, n, service, price, overall) "
				      "VALUES (%d, %lld, (SELECT id FROM grades WHERE code = 'vip'), %lld, 2, 9, 8, 10)", year,
				      dept_n, own_n), 0);
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(get(&gm, "/reports/complaints.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year, year), 200);
	/* 2 received, 1 urgent, 1 answered in time, 1 unanswered past its deadline, 1 reopened */
	snprintf(line, sizeof line, "%s,2,1,1,1,1", name_dept_n);
	CU_ASSERT(csv_has(&gm, line));
	snprintf(line, sizeof line, "%s,2,4.50,4.00,5.00", name_dept_n);
	CU_ASSERT(csv_has(&gm, line));
	CU_ASSERT(csv_has(&gm, "VIP客户,2,4.50,4.00,5.00"));
	/* another year: nothing */
	CU_ASSERT_EQUAL(get(&gm, "/reports/complaints.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year - 4, year - 4),
			200);
	snprintf(line, sizeof line, "\r\n%s,", name_dept_n);
	CU_ASSERT(!client_has(&gm, line));
	client_free(&gm);
}

static void test_reports_retention_and_destruction(void)
{
	fixture_n();
	char at[32], line[256];
	snprintf(at, sizeof at, "%s 09:00:00", today);
	long long card = card_registered("报表保管", at, 0, "", "");
	/* on the shelf: 3 years from Y-5 (ended), 10 years from Y-8 mid-year (ends after today), permanent */
	const char *ret[3] = { "3", "10", "permanent" };
	int from_year[3] = { year - 5, year - 8, year - 20 };
	for (int i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, title, "
					      "doc_date, secrecy, retention, status, dept_id, filed_by, filed_at) VALUES "
					      "('RPTN-%s-%d', %lld, 0, 1, %d, '保管%d', '%d-06-01', 'ordinary', '%s', 'on_shelf', %lld, "
					      "%lld, NOW())", run, i, card, i + 1, i, from_year[i], ret[i], dept_n, own_n), 0);
	long long gone = db_value("SELECT id FROM archive_items WHERE archive_no = 'RPTN-%s-0'", run);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, title, "
				      "doc_date, secrecy, retention, status, dept_id, filed_by, filed_at) VALUES "
				      "('RPTN-%s-9', %lld, 0, 1, 9, '已销毁', '%d-01-01', 'ordinary', '3', 'destroyed', %lld, "
				      "%lld, NOW())", run, card, year - 6, dept_n, own_n), 0);
	gone = db_value("SELECT id FROM archive_items WHERE archive_no = 'RPTN-%s-9'", run);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO destruction_register (batch_id, item_id, dept_id, archive_no, title, "
				      "client_name, doc_date, retention, secrecy, place, destroyed_on, executor, supervisor_id, "
				      "confirmed_at, recorded_by) VALUES (0, %lld, %lld, 'RPTN-%s-9', '已销毁', '报表保管', "
				      "'%d-01-01', '3', 'ordinary', 'p', '%d-08-01', 'e', %lld, NOW(), %lld)", gone, dept_n, run,
				      year - 6, year, mgr_n, mgr_n), 0);
	/* rpt_retention is rebuilt once a day: a state row gone is a rollup never built */
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM rpt_rollups WHERE name = 'retention'"), 0);
	rollup();
	struct client gm;
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(get(&gm, "/reports/retention.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year + 2, year + 2),
			200);
	CU_ASSERT(csv_has(&gm, "3 年,1,1"));
	CU_ASSERT(csv_has(&gm, "10 年,1,0"));
	CU_ASSERT(!client_has(&gm, "permanent"));
	CU_ASSERT(!client_has(&gm, "RPTN-"));   /* nothing destroyed that year */
	CU_ASSERT_EQUAL(get(&gm, "/reports/retention.csv?dept=%lld&from=%d-01-01&to=%d-12-31", dept_n, year, year), 200);
	CU_ASSERT(csv_has(&gm, "3 年,1,1"));
	CU_ASSERT(csv_has(&gm, "10 年,0,0"));
	snprintf(line, sizeof line, "RPTN-%s-9,已销毁,报表保管,%d-01-01,%d-08-01", run, year - 6, year);
	CU_ASSERT(csv_has(&gm, line));
	client_free(&gm);
}

/* A report page runs few statements, whatever the data. */
static void test_reports_statement_counts(void)
{
	fixture();
	struct client gm;
	sign_in(&gm, "gm");
	const char *pages[] = { "/reports/follow-up", "/reports/clients", "/reports/circulation", "/reports/access",
				"/reports/new-clients", "/reports/pool", "/reports/approvals", "/reports/complaints",
				"/reports/retention" };
	for (int i = 0; i < 9; i++) {
		CU_ASSERT_EQUAL(client_get(&gm, pages[i]), 200);
		char v[32] = "";
		CU_ASSERT(client_header(&gm, "X-Statements", v, sizeof v) == 0);
		CU_ASSERT(atoi(v) > 0 && atoi(v) <= 12);
	}
	client_free(&gm);
}

#define T(f) CU_add_test(s, #f, f)
void add_report_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("reports", NULL, NULL);
	T(test_reports_follow_up_compliance);
	T(test_reports_client_structure_and_quota);
	T(test_reports_circulation);
	T(test_reports_access_audit);
	T(test_reports_new_clients_and_filing);
	T(test_reports_pool);
	T(test_reports_approvals);
	T(test_reports_complaints_and_satisfaction);
	T(test_reports_retention_and_destruction);
	T(test_reports_scope_by_role);
	T(test_reports_escape_names_in_tables_and_charts);
	T(test_reports_bad_filters);
	T(test_reports_xlsx);
	T(test_reports_say_when_a_section_is_cut);
	T(test_reports_rollup_equals_recount);
	T(test_reports_archive_rollups_equal_recount);
	T(test_reports_decisions_equal_recount);
	T(test_reports_rollup_does_not_wait_for_writers);
	T(test_reports_statement_counts);
}
