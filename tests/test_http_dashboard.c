/* test_http_dashboard.c — the managers' dashboard on the home page through
 * the real stack: a fixture of two departments (A with a team A1 below it,
 * and B) whose figures are counted here by hand; each figure's link leads to
 * a list showing exactly the rows it counted; a department manager sees their
 * departments only, the GM every one, staff no dashboard. */
#include "test_http.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define T(f) CU_add_test(s, #f, f)
/* session, the sign-ins on the page, the inbox badge, the department tree, and one statement per group */
#define DASH_MAX_STATEMENTS 12

static char run[16];
static long long dept_a, dept_a1, dept_b, vip, preferred;
static long long card_a1, card_a2, card_a3, card_a4, card_t1, card_b1;
static char name_a1[96], name_a2[96], name_a3[96], name_a4[96], name_b1[96];
static char manager_a[32];

static long long new_dept(const char *label, long long parent)
{
	char code[32];
	snprintf(code, sizeof code, "DASH%s%s", label, run);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO departments (parent_id, name, code, created_at) "
					    "VALUES (%lld, '看板%s部%s', '%s', NOW())", parent, label, run, code), 0);
	return db_value("SELECT id FROM departments WHERE code = '%s'", code);
}

/* A card registered by staff1, then placed by hand: its department, scope,
 * grade (0: none) and next visit due. */
static long long placed_card(struct client *c, char *name, size_t len, const char *label, long long dept,
			     const char *scope, long long grade, const char *due)
{
	snprintf(name, len, "看板%s%s有限公司", label, run);
	long long id = new_card(c, name, "personal", NULL);
	char g[24] = "NULL";
	if (grade)
		snprintf(g, sizeof g, "%lld", grade);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET dept_id = %lld, scope = '%s', grade_id = %s, "
				      "next_visit_due = '%s' WHERE id = %lld", dept, scope, g, due, id), 0);
	return id;
}

/* The fixture, once: A has four cards (two overdue it sees, one overdue company card only the company's
 * heads see, one not due), its team A1 one overdue card, B one overdue card. Grades in A: one VIP (25 %
 * of 4: over the 15 % quota), one preferred (25 %: within 30 %). */
static void fixture(void)
{
	static int done;
	if (done++)
		return;
	long long root = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	dept_a = new_dept("A", root);
	dept_a1 = new_dept("A1", dept_a);
	dept_b = new_dept("B", root);
	vip = db_value("SELECT id FROM grades WHERE code = 'vip'");
	preferred = db_value("SELECT id FROM grades WHERE code = 'preferred'");
	struct client staff, admin;
	sign_in(&staff, "staff1");
	card_a1 = placed_card(&staff, name_a1, sizeof name_a1, "甲一", dept_a, "personal", vip, "2001-01-01");
	card_a2 = placed_card(&staff, name_a2, sizeof name_a2, "甲二", dept_a, "department", preferred, "2001-02-01");
	card_a3 = placed_card(&staff, name_a3, sizeof name_a3, "甲三", dept_a, "personal", 0, "2999-01-01");
	card_a4 = placed_card(&staff, name_a4, sizeof name_a4, "甲四", dept_a, "company", 0, "2001-03-01");
	char t1[96];
	card_t1 = placed_card(&staff, t1, sizeof t1, "甲组", dept_a1, "personal", 0, "2001-04-01");
	card_b1 = placed_card(&staff, name_b1, sizeof name_b1, "乙一", dept_b, "personal", 0, "2001-05-01");
	client_free(&staff);
	sign_in(&admin, "admin");
	snprintf(manager_a, sizeof manager_a, "dasha%s", run);
	char code[32];
	snprintf(code, sizeof code, "DASHA%s", run);
	make_user(&admin, manager_a, "看板经理甲", code, "dept_manager");
	client_free(&admin);
	struct client m;
	sign_in_first_time(&m, manager_a);
	client_free(&m);
}

static void sign_in_manager_a(struct client *c)
{
	client_init(c, test_base);
	CU_ASSERT_EQUAL_FATAL(client_sign_in(c, manager_a, NEW_PASSWORD), 303);
}

/* The figure of the dashboard row with element id rowid: its link (into href,
 * &amp; decoded) and its text; 0 when the page has no such row. */
static int figure(struct client *c, const char *rowid, char *href, size_t hlen, char *value, size_t vlen)
{
	char needle[96];
	snprintf(needle, sizeof needle, "<tr id=\"%s\"", rowid);
	const char *row = c->res.body.data ? strstr(c->res.body.data, needle) : NULL;
	if (row == NULL)
		return 0;
	const char *end = strstr(row, "</tr>");
	const char *a = strstr(row, "<a href=\"");
	if (a == NULL || end == NULL || a > end)
		return 0;
	a += strlen("<a href=\"");
	size_t k = 0;
	for (const char *s = a; *s && *s != '"' && k + 1 < hlen; s++) {
		if (strncmp(s, "&amp;", 5) == 0) {
			href[k++] = '&';
			s += 4;
			continue;
		}
		href[k++] = *s;
	}
	href[k] = '\0';
	const char *v = strchr(a, '>') + 1, *ve = strstr(v, "</a>");
	snprintf(value, vlen, "%.*s", (int)(ve - v), v);
	return 1;
}

/* The page's text from start up to the next end_tag, into out; "" when none. */
static const char *html_between(struct client *c, const char *start, const char *end_tag, char *out, size_t len)
{
	const char *from = c->res.body.data ? strstr(c->res.body.data, start) : NULL;
	const char *end = from ? strstr(from, end_tag) : NULL;
	snprintf(out, len, "%.*s", from && end ? (int)(end - from) : 0, from ? from : "");
	return out;
}

/* The row's whole text (between <tr id="rowid" and </tr>), static; "" when none. */
static const char *row_html(struct client *c, const char *rowid)
{
	static char out[2048];
	char needle[96];
	snprintf(needle, sizeof needle, "<tr id=\"%s\"", rowid);
	return html_between(c, needle, "</tr>", out, sizeof out);
}

/* The dashboard group with element id gid (its <section>), static; "" when none. */
static const char *group_html(struct client *c, const char *gid)
{
	static char out[16384];
	char needle[96];
	snprintf(needle, sizeof needle, "id=\"%s\"", gid);
	return html_between(c, needle, "</section>", out, sizeof out);
}

/* Follows the figure's link and checks the list shows n rows, with names
 * yes[] (NULL-ended) and without names no[]. */
static void list_shows(struct client *c, const char *href, int n, const char *const *yes, const char *const *no)
{
	CU_ASSERT_EQUAL(client_get(c, href), 200);
	/* the list's count, "1–2 共 2" or "1–2 of 2" by the reader's language */
	const char *at = c->res.body.data ? strstr(c->res.body.data, "id=\"list-count\">") : NULL;
	const char *end = at ? strstr(at, "</p>") : NULL;
	char count[24];
	snprintf(count, sizeof count, " %d", n);
	int ok = end != NULL && (size_t)(end - at) > strlen(count) && strncmp(end - strlen(count), count, strlen(count)) == 0;
	CU_ASSERT(ok);
	if (!ok)
		fprintf(stderr, "\n%s: not %d rows\n", href, n);
	for (int i = 0; yes && yes[i]; i++)
		CU_ASSERT(client_has(c, yes[i]));
	for (int i = 0; no && no[i]; i++)
		CU_ASSERT(!client_has(c, no[i]));
}

/* The element ids of a department's overdue figure and of a grade's share in it (static). */
static const char *overdue_id(long long dept)
{
	static char s[64];
	snprintf(s, sizeof s, "dash-overdue-%lld", dept);
	return s;
}

static const char *quota_id(long long dept, long long grade)
{
	static char s[64];
	snprintf(s, sizeof s, "dash-quota-%lld-%lld", dept, grade);
	return s;
}

/* Overdue visits: the manager of A counts A's two and the team's one, never
 * B's or the company card; the GM counts the company card too and B's; each
 * link lists exactly those cards. */
static void test_overdue_visits_per_department(void)
{
	fixture();
	struct client m, gm;
	char href[256], value[32];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(client_has(&m, "id=\"dashboard\""));
	CU_ASSERT_FATAL(figure(&m, overdue_id(dept_a), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	char a1[256], v1[32];
	CU_ASSERT(figure(&m, overdue_id(dept_a1), a1, sizeof a1, v1, sizeof v1));
	CU_ASSERT_STRING_EQUAL(v1, "1");
	CU_ASSERT(!figure(&m, overdue_id(dept_b), a1, sizeof a1, v1, sizeof v1));
	CU_ASSERT(!client_has(&m, "看板B部"));
	const char *a_yes[] = { name_a1, name_a2, NULL }, *a_no[] = { name_a3, name_a4, name_b1, NULL };
	list_shows(&m, href, 2, a_yes, a_no);

	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT_FATAL(figure(&gm, overdue_id(dept_a), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "3");
	CU_ASSERT(figure(&gm, overdue_id(dept_a1), a1, sizeof a1, v1, sizeof v1));
	CU_ASSERT_STRING_EQUAL(v1, "1");
	char hb[256], vb[32];
	CU_ASSERT_FATAL(figure(&gm, overdue_id(dept_b), hb, sizeof hb, vb, sizeof vb));
	CU_ASSERT_STRING_EQUAL(vb, "1");
	const char *g_yes[] = { name_a1, name_a2, name_a4, NULL }, *g_no[] = { name_a3, name_b1, NULL };
	list_shows(&gm, href, 3, g_yes, g_no);
	const char *b_yes[] = { name_b1, NULL }, *b_no[] = { name_a1, NULL };
	list_shows(&gm, hb, 1, b_yes, b_no);
	/* a visit recorded today takes a card off the figure */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = '2999-01-01' WHERE id = %lld", card_b1), 0);
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(!figure(&gm, overdue_id(dept_b), hb, sizeof hb, vb, sizeof vb));
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = '2001-05-01' WHERE id = %lld", card_b1), 0);
	client_free(&m);
	client_free(&gm);
}

/* Staff have no dashboard; another department's manager does not see A. */
static void test_staff_and_other_managers(void)
{
	fixture();
	struct client s, m2;
	sign_in(&s, "staff1");
	CU_ASSERT_EQUAL(client_get(&s, "/"), 200);
	CU_ASSERT(!client_has(&s, "id=\"dashboard\""));
	CU_ASSERT(!client_has(&s, "dash-group"));
	sign_in(&m2, "manager2");
	CU_ASSERT_EQUAL(client_get(&m2, "/"), 200);
	CU_ASSERT(client_has(&m2, "id=\"dashboard\""));
	CU_ASSERT(!client_has(&m2, overdue_id(dept_a)));
	CU_ASSERT(!client_has(&m2, quota_id(dept_a, vip)));
	client_free(&s);
	client_free(&m2);
}

/* Quota shares come from the summary rows counted by `dossier cron`, say
 * when they were counted, draw a bar with the quota line, mark a share over
 * its quota, and link to the cards of that grade in that department. */
static void test_quota_shares(void)
{
	fixture();
	struct client m;
	char href[256], value[32];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM dept_grade_counts WHERE dept_id = %lld", dept_a), 0);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(!figure(&m, quota_id(dept_a, vip), href, sizeof href, value, sizeof value));
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT SUM(n) FROM dept_grade_counts WHERE dept_id = %lld", dept_a), 4);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, quota_id(dept_a, vip), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "25.0 %");
	const char *row = row_html(&m, quota_id(dept_a, vip));
	CU_ASSERT(strstr(row, "class=\"warn\"") != NULL);
	CU_ASSERT(strstr(row, "1 / 4") != NULL);
	CU_ASSERT(strstr(row, "<svg") != NULL);
	CU_ASSERT(strstr(row, "x1=\"15.0\"") != NULL);        /* the quota line */
	CU_ASSERT(strstr(row, "width=\"25.0\"") != NULL);     /* the share */
	CU_ASSERT(client_has(&m, "计划任务统计于"));
	const char *v_yes[] = { name_a1, NULL }, *v_no[] = { name_a2, name_a3, name_a4, NULL };
	list_shows(&m, href, 1, v_yes, v_no);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, quota_id(dept_a, preferred), href, sizeof href, value,
			       sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "25.0 %");
	row = row_html(&m, quota_id(dept_a, preferred));
	CU_ASSERT(strstr(row, "class=\"warn\"") == NULL);
	CU_ASSERT(strstr(row, "x1=\"30.0\"") != NULL);
	const char *p_yes[] = { name_a2, NULL }, *p_no[] = { name_a1, NULL };
	list_shows(&m, href, 1, p_yes, p_no);
	/* the team below A is counted on its own */
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(figure(&m, quota_id(dept_a1, vip), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "0.0 %");
	client_free(&m);
}

/* The manager's home page stays a handful of statements (the app counts them
 * in test mode): session, audit rows, the department tree, one per group. */
static void test_dashboard_statements(void)
{
	fixture();
	struct client m;
	sign_in_manager_a(&m);
	int fewest = 1000;
	char n[16];
	for (int i = 0; i < 8; i++) {
		CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
		CU_ASSERT_EQUAL(client_header(&m, "X-Statements", n, sizeof n), 0);
		if (atoi(n) < fewest)
			fewest = atoi(n);
	}
	fprintf(stderr, "\nmanager's home: %d statements\n", fewest);
	CU_ASSERT(fewest >= 4 && fewest <= DASH_MAX_STATEMENTS);
	client_free(&m);
}

/* A complaint on card, registered by staff1 (fixture); its id. */
static long long complaint(long long card, const char *status, const char *due, const char *content)
{
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO complaints (client_id, received_at, channel, content, status, due_on, "
				      "registered_by, registered_at, updated_at) VALUES (%lld, NOW(), 'phone', '%s', "
				      "'%s', '%s', %lld, NOW(), NOW())", card, content, status, due, user_id("staff1")), 0);
	return db_value("SELECT MAX(id) FROM complaints WHERE client_id = %lld", card);
}

/* How many complaint rows the list shows. */
static int complaint_rows(struct client *c)
{
	int n = 0;
	for (const char *s = c->res.body.data; s && (s = strstr(s, "<tr><td><a href=\"/complaints/")) != NULL; s++)
		n++;
	return n;
}

/* Complaints near their deadline: the open ones of A and its team due within three days or overdue (not
 * answered ones, not later ones, not B's); the link lists exactly those. */
static void test_complaints_near_deadline(void)
{
	fixture();
	char soon[20];
	test_time_text(86400, soon);
	soon[10] = '\0';
	long long late = complaint(card_a1, "open", "2001-01-01", "看板投诉逾期");
	long long near = complaint(card_t1, "open", soon, "看板投诉临近");
	long long answered = complaint(card_a2, "answered", "2001-01-01", "看板投诉已答复");
	long long later = complaint(card_a3, "open", "2999-01-01", "看板投诉尚早");
	long long other = complaint(card_b1, "open", "2001-01-01", "看板投诉乙部");
	struct client m;
	char href[256], value[32], path[64];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, "dash-complaints-near", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	CU_ASSERT(strstr(row_html(&m, "dash-complaints-near"), "已逾期 1") != NULL);
	CU_ASSERT_EQUAL(client_get(&m, href), 200);
	CU_ASSERT_EQUAL(complaint_rows(&m), 2);
	const long long shown[] = { late, near }, hidden[] = { answered, later, other };
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "href=\"/complaints/%lld\"", shown[i]);
		CU_ASSERT(client_has(&m, path));
	}
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "href=\"/complaints/%lld\"", hidden[i]);
		CU_ASSERT(!client_has(&m, path));
	}
	/* the whole open list still has the later one */
	CU_ASSERT_EQUAL(client_get(&m, "/complaints"), 200);
	snprintf(path, sizeof path, "href=\"/complaints/%lld\"", later);
	CU_ASSERT(client_has(&m, path));
	client_free(&m);
}

/* Requests waiting: the approvals open in the manager's inbox (the header's badge), linking to the
 * inbox, which lists exactly them. */
static void test_requests_waiting(void)
{
	fixture();
	long long mgr = user_id(manager_a), staff = user_id("staff1");
	long long ids[2];
	for (int i = 0; i < 2; i++) {
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, client_id, requester_id, reason, status, "
					      "cur_step, created_at, expires_at) VALUES ('view', %lld, %lld, '看板申请%d', "
					      "'pending', 1, NOW(), '2999-01-01 00:00:00')", card_a3, staff, i), 0);
		ids[i] = db_value("SELECT MAX(id) FROM requests WHERE requester_id = %lld", staff);
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO request_steps (request_id, step_no, role, dept_id, state) "
					      "VALUES (%lld, 1, 'dept_manager', %lld, 'open')", ids[i], dept_a), 0);
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO request_approvers (request_id, step_no, user_id, open) "
					      "VALUES (%lld, 1, %lld, 1)", ids[i], mgr), 0);
	}
	struct client m;
	char href[256], value[32], path[64];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, "dash-requests-inbox", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	CU_ASSERT_STRING_EQUAL(href, "/requests/inbox");
	CU_ASSERT_EQUAL(client_get(&m, href), 200);
	CU_ASSERT(client_has(&m, " 2</p>") && client_has(&m, "id=\"list-count\""));
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "href=\"/requests/%lld\"", ids[i]);
		CU_ASSERT(client_has(&m, path));
	}
	/* one decided elsewhere leaves the figure */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE request_approvers SET open = 0 WHERE request_id = %lld", ids[1]), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE requests SET status = 'withdrawn' WHERE id = %lld", ids[1]), 0);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(figure(&m, "dash-requests-inbox", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "1");
	client_free(&m);
}

/* A loan of an item not out, to borrower, due on due; its id. */
static long long loan(long long borrower, const char *due)
{
	long long item = db_value("SELECT i.id FROM archive_items i WHERE NOT EXISTS (SELECT 1 FROM archive_loans l "
				  "WHERE l.open_item = i.id) ORDER BY i.id LIMIT 1");
	CU_ASSERT_FATAL(item > 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, "
				      "due_at, out_by, open_item) VALUES (%lld, 0, 'loan', %lld, '看板借阅', "
				      "'2001-01-01 09:00:00', '%s', %lld, %lld)", item, borrower, due,
				      user_id("archivist"), item), 0);
	return db_value("SELECT id FROM archive_loans WHERE open_item = %lld", item);
}

/* How many loan rows a list shows. */
static int loan_rows(struct client *c)
{
	int n = 0;
	for (const char *s = c->res.body.data; s && (s = strstr(s, "<tr id=\"loan-")) != NULL; s++)
		n++;
	return n;
}

/* Archive items out: the open loans of borrowers in A and below, of them the overdue ones; the manager
 * reaches the two lists (the desk's, scoped to their borrowers) and they show exactly those loans. */
static void test_loans_out_and_overdue(void)
{
	fixture();
	long long mgr = user_id(manager_a);
	long long before = db_value("SELECT COUNT(*) FROM archive_loans WHERE open_item IS NOT NULL");
	long long late = loan(mgr, "2001-01-02 09:00:00"), ok = loan(mgr, "2999-01-01 09:00:00");
	long long other = loan(user_id("staff1"), "2001-01-02 09:00:00");
	struct client m, arc;
	char href[256], value[32], path[32];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, "dash-loans-out", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	CU_ASSERT_EQUAL(client_get(&m, href), 200);
	CU_ASSERT_EQUAL(loan_rows(&m), 2);
	snprintf(path, sizeof path, "id=\"loan-%lld\"", other);
	CU_ASSERT(!client_has(&m, path));
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT_FATAL(figure(&m, "dash-loans-overdue", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "1");
	CU_ASSERT(strstr(row_html(&m, "dash-loans-overdue"), "class=\"warn\"") != NULL);
	CU_ASSERT_EQUAL(client_get(&m, href), 200);
	CU_ASSERT_EQUAL(loan_rows(&m), 1);
	snprintf(path, sizeof path, "id=\"loan-%lld\"", late);
	CU_ASSERT(client_has(&m, path));
	snprintf(path, sizeof path, "id=\"loan-%lld\"", ok);
	CU_ASSERT(!client_has(&m, path));
	/* the desk still lists everyone's; staff reach neither list */
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/out"), 200);
	CU_ASSERT_EQUAL(loan_rows(&arc), before + 3);
	client_free(&arc);
	struct client s;
	sign_in(&s, "staff1");
	CU_ASSERT_EQUAL(client_get(&s, "/archive/out"), 403);
	client_free(&s);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_loans SET open_item = NULL, returned_at = '2001-01-03 09:00:00', "
				      "cond = 'intact' WHERE id IN (%lld, %lld, %lld)", late, ok, other), 0);
	client_free(&m);
}

/* The overdue figure is counted on its own, up to the cap: past 1,000 loans
 * out it is not the overdue among the first 1,001 read (those were the
 * manager's 1,001 not due, read before their 3 overdue). The loans name items
 * past any real one (no foreign key), and are removed afterwards. */
static void test_loans_overdue_counted_past_the_cap(void)
{
	fixture();
	long long mgr = user_id(manager_a);
	struct client m;
	char href[256], value[32];
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	long long late_before = figure(&m, "dash-loans-overdue", href, sizeof href, value, sizeof value) ?
		strtoll(value, NULL, 10) : 0;
#define CAP_LOANS "INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, " \
	"out_by, open_item) SELECT 2000000000 + seq, 0, 'loan', %lld, '看板上限', '2001-01-01 09:00:00', " \
	"'%s', %lld, 2000000000 + seq FROM seq_%d_to_%d"
	CU_ASSERT_EQUAL(db_exec_admin(CAP_LOANS, mgr, "2999-01-01 09:00:00", user_id("archivist"), 1, 1001), 0);
	CU_ASSERT_EQUAL(db_exec_admin(CAP_LOANS, mgr, "2001-01-02 09:00:00", user_id("archivist"), 1002, 1004), 0);
#undef CAP_LOANS
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(figure(&m, "dash-loans-out", href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "1000+");
	CU_ASSERT(figure(&m, "dash-loans-overdue", href, sizeof href, value, sizeof value));
	CU_ASSERT_EQUAL(strtoll(value, NULL, 10), late_before + 3);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM archive_loans WHERE item_id > 2000000000"), 0);
	client_free(&m);
}

/* The GM's overdue figures per department: up to 100 counted, past it "100+"
 * (the index holds a 101st); more departments than one statement takes
 * (32) each get their own figure, the right one. Cards and departments are
 * removed afterwards. */
static void test_overdue_capped_per_department(void)
{
	fixture();
	long long root = db_value("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
	long long staff = user_id("staff1"), depts[33];
#define OVERDUE_CARDS "INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, registered_at, " \
	"registered_by, updated_at, next_visit_due) SELECT 'end', CONCAT('看板逾期', seq), CONCAT('看板逾期', seq), " \
	"%lld, %lld, NOW(), %lld, NOW(), '2001-06-01' FROM seq_1_to_%d"
	for (int i = 0; i < 33; i++) {
		char label[16];
		snprintf(label, sizeof label, "N%d", i);
		depts[i] = new_dept(label, root);
		CU_ASSERT_EQUAL(db_exec_admin(OVERDUE_CARDS, staff, depts[i], staff, 1 + i % 3), 0);
	}
	CU_ASSERT_EQUAL(db_exec_admin(OVERDUE_CARDS, staff, depts[0], staff, 98), 0);     /* 1 + 98 + 1 = 100 */
	CU_ASSERT_EQUAL(db_exec_admin(OVERDUE_CARDS, staff, depts[0], staff, 1), 0);
#undef OVERDUE_CARDS
	struct client gm;
	char href[256], value[32];
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT_FATAL(figure(&gm, overdue_id(depts[0]), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "100");
	for (int i = 1; i < 33; i++) {
		char want[8];
		snprintf(want, sizeof want, "%d", 1 + i % 3);
		CU_ASSERT(figure(&gm, overdue_id(depts[i]), href, sizeof href, value, sizeof value) &&
			  strcmp(value, want) == 0);
	}
	CU_ASSERT(figure(&gm, overdue_id(dept_a), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "3");                                  /* the fixture's, as before */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, "
				      "registered_at, registered_by, updated_at, next_visit_due) VALUES ('end', "
				      "'看板逾期x', '看板逾期x', %lld, %lld, NOW(), %lld, NOW(), '2001-06-01')",
				      staff, depts[0], staff), 0);
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(depts[0]), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "100+");
	char want_href[96];
	snprintf(want_href, sizeof want_href, "/clients?dept=%lld&due=overdue&sort=due", depts[0]);
	CU_ASSERT_STRING_EQUAL(href, want_href);
	for (int i = 0; i < 33; i++) {
		CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM clients WHERE dept_id = %lld", depts[i]), 0);
		CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM departments WHERE id = %lld", depts[i]), 0);
	}
	client_free(&gm);
}

/* The company's heads read the overdue figures `dossier cron` counted
 * (visits.overdue_counts) while they are fresh and say when they were
 * counted; a stale count, or one of another day, is counted again at the
 * view; a department manager's are always counted at the view. */
static void test_overdue_company_counted_by_the_scheduler(void)
{
	fixture();
	struct client gm, m;
	char href[256], value[32];
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT n FROM dept_overdue_counts WHERE dept_id = %lld", dept_a), 3);
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(dept_b), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "1");
	CU_ASSERT(strstr(group_html(&gm, "dash-visits"), "计划任务统计于") != NULL);
	/* a card overdue since the count: the GM's figure is the count's until the next run */
	char name[96];
	long long extra = placed_card(&gm, name, sizeof name, "乙二", dept_b, "personal", 0, "2001-05-02");
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(dept_b), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "1");
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(dept_b), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	/* stale (the scheduler stopped): counted at the view, no "counted at" */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE dept_overdue_counts SET n = 7, counted_at = counted_at - INTERVAL 16 MINUTE "
				      "WHERE dept_id = %lld", dept_b), 0);
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(dept_b), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	CU_ASSERT(strstr(group_html(&gm, "dash-visits"), "计划任务统计于") == NULL);
	/* counted for another day: the same */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE dept_overdue_counts SET n = 7, day = day - INTERVAL 1 DAY "
				      "WHERE dept_id = %lld", dept_b), 0);
	CU_ASSERT_EQUAL(client_get(&gm, "/"), 200);
	CU_ASSERT(figure(&gm, overdue_id(dept_b), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	/* a department manager's figures are counted at the view, fresh count or not */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE dept_overdue_counts SET n = 9 WHERE dept_id = %lld", dept_a), 0);
	sign_in_manager_a(&m);
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	CU_ASSERT(figure(&m, overdue_id(dept_a), href, sizeof href, value, sizeof value));
	CU_ASSERT_STRING_EQUAL(value, "2");
	CU_ASSERT(strstr(group_html(&m, "dash-visits"), "计划任务统计于") == NULL);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET deleted_at = NOW() WHERE id = %lld", extra), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	client_free(&m);
	client_free(&gm);
}

void add_dashboard_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("dashboard", NULL, NULL);
	T(test_overdue_visits_per_department);
	T(test_staff_and_other_managers);
	T(test_quota_shares);
	T(test_complaints_near_deadline);
	T(test_requests_waiting);
	T(test_loans_out_and_overdue);
	T(test_loans_overdue_counted_past_the_cap);
	T(test_dashboard_statements);
	T(test_overdue_capped_per_department);
	T(test_overdue_company_counted_by_the_scheduler);
}
