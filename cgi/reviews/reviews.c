/* reviews.c — the semi-annual grade review (DESIGN.md §4): `dossier cron`
 * opens a cycle per department each half-year; the department's manager
 * proposes up- and downgrades with the quotas recomputed on every save; the
 * cycle goes to approval as one request and is applied at once. */
#include "reviews.h"
#include "approvals/approvals.h"
#include "clients/clients.h"
#include "core/domain.h"
#include "core/form.h"
#include <stdlib.h>
#include <string.h>

#define PAGE 100
#define MAX_GRADES 16

/* Columns of Q_REVIEW_GET. */
enum { RV_ID, RV_DEPT, RV_DEPT_NAME, RV_PERIOD, RV_OPENED, RV_STATUS, RV_REQUEST, RV_REQUEST_STATUS };

struct projection {
	size_t n;
	long long id[MAX_GRADES], now[MAX_GRADES], after[MAX_GRADES];
	const char *quota[MAX_GRADES];       /* NULL: no quota */
	long long total;
};

static size_t grade_slot(struct projection *p, long long id)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->id[i] == id)
			return i;
	return MAX_GRADES;
}

/* The department's clients by grade now and after the cycle's proposals. */
static int project(struct req *r, long long cycle, long long dept, struct projection *p)
{
	memset(p, 0, sizeof *p);
	struct dbres g, c, l;
	if (db_exec(r->db, r->a, Q_GRADES_ALL, &g, "") != DB_OK || db_exec(r->db, r->a, Q_DEPT_GRADES, &c, "i", dept) != DB_OK ||
	    db_exec(r->db, r->a, Q_REVIEW_LINES, &l, "i", cycle) != DB_OK)
		return DB_ERROR;
	for (size_t i = 0; i < g.nrows && p->n < MAX_GRADES; i++, p->n++) {
		p->id[p->n] = dbres_int(&g, i, GR_ID);
		p->quota[p->n] = g.rows[i][GR_QUOTA];
	}
	for (size_t i = 0; i < c.nrows; i++) {
		long long n = dbres_int(&c, i, DG_COUNT);
		p->total += n;
		size_t k = c.rows[i][DG_GRADE] ? grade_slot(p, dbres_int(&c, i, DG_GRADE)) : MAX_GRADES;
		if (k < MAX_GRADES)
			p->now[k] = p->after[k] = n;
	}
	for (size_t i = 0; i < l.nrows; i++) {
		if (l.rows[i][LN_DELETED] != NULL)        /* deleted meanwhile */
			continue;
		size_t from = l.rows[i][LN_CUR_GRADE] ? grade_slot(p, dbres_int(&l, i, LN_CUR_GRADE)) : MAX_GRADES;
		size_t to = l.rows[i][LN_NEW_GRADE] ? grade_slot(p, dbres_int(&l, i, LN_NEW_GRADE)) : MAX_GRADES;
		if (from < MAX_GRADES)
			p->after[from]--;
		if (to < MAX_GRADES)
			p->after[to]++;
	}
	return DB_OK;
}

/* The first quota the proposals would break, as a sentence, or NULL. */
static const char *quota_broken(struct req *r, const struct projection *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (!quota_fits(p->quota[i], p->after[i], p->total))
			return quota_sentence(r, p->id[i], p->quota[i], "review.after", p->after[i], p->total);
	return NULL;
}

static int may_propose(struct req *r, long long dept)
{
	return dept_within(r, dept, access_managed_root(r));
}

int review_open_due(struct req *r, long long *n)
{
	struct tm tm;
	localtime_r(&r->now, &tm);
	char period[24], now[20];
	snprintf(period, sizeof period, "%04dH%d", tm.tm_year + 1900, tm.tm_mon < 6 ? 1 : 2);
	clock_format(r->now, now);
	struct dbres res;
	int rc = db_write(r->db, r->a, Q_REVIEWS_OPEN_DUE, &res, "ss", period, now);
	*n = rc == DB_OK ? (long long)res.affected : 0;
	return rc;
}

int reviews_list(struct req *r)
{
	if (!access_sees_all(r) && access_managed_root(r) == 0)
		return 403;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_REVIEWS_ALL, &res, "") != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "dept_id", "dept", "period", "opened_at", "status", "request_id",
				      "request_status", NULL };
	for (size_t i = 0, n = 0; i < res.nrows; i++)
		if (access_over_dept(r, dbres_int(&res, i, RV_DEPT)))
			view_row(r, arena_printf(r->a, "Reviews.%zu", n++), cols, &res, i);
	view_set(r, "Page.title", lang_text(r, "review.title"));
	return render(r, 200, "reviews/reviews.cs");
}

/* Loads cycle {id}; 0 or an HTTP status (403 logged). */
static int load_cycle(struct req *r, struct dbres *cy)
{
	long long id = r->ids[0];
	if (db_exec(r->db, r->a, Q_REVIEW_GET, cy, "i", id) != DB_OK)
		return db_fail(r);
	if (cy->nrows != 1)
		return 404;
	if (!access_over_dept(r, dbres_int(cy, 0, RV_DEPT))) {
		audit_event(r, "access.denied", "review", id, NULL);
		return 403;
	}
	return 0;
}

/* Open for proposals: not approved, and no request waiting or approved. */
static int editable(const struct dbres *cy)
{
	const char *rs = cy->rows[0][RV_REQUEST_STATUS];
	return strcmp(dbres_get(cy, 0, RV_STATUS), "open") == 0 && (rs == NULL || (strcmp(rs, "pending") != 0 &&
										    strcmp(rs, "approved") != 0));
}

static int review_page(struct req *r, int status, const struct dbres *cy)
{
	long long id = dbres_int(cy, 0, RV_ID), dept = dbres_int(cy, 0, RV_DEPT);
	static const char *cols[] = { "id", "dept_id", "dept", "period", "opened_at", "status", "request_id",
				      "request_status", NULL };
	view_row(r, "Review", cols, cy, 0);
	if (editable(cy) && may_propose(r, dept))
		view_set(r, "Can.propose", "1");
	struct projection p;
	if (project(r, id, dept, &p) != DB_OK)
		return db_fail(r);
	view_set_int(r, "Quota.total", p.total);
	for (size_t i = 0; i < p.n; i++) {
		const char *q = arena_printf(r->a, "Quota.grades.%zu", i);
		view_set(r, arena_printf(r->a, "%s.label", q), grade_label(r, p.id[i]));
		view_set_int(r, arena_printf(r->a, "%s.now", q), p.now[i]);
		view_set_int(r, arena_printf(r->a, "%s.after", q), p.after[i]);
		if (p.quota[i]) {
			view_set(r, arena_printf(r->a, "%s.quota", q), p.quota[i]);
			view_set(r, arena_printf(r->a, "%s.allowed", q),
				 arena_printf(r->a, "%lld", (long long)(atof(p.quota[i]) * (double)p.total / 100.0)));
			if (!quota_fits(p.quota[i], p.after[i], p.total))
				view_set(r, arena_printf(r->a, "%s.over", q), "1");
		}
	}
	long long after = req_query_id(r, "after");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_REVIEW_CLIENTS, &res, "iiii", id, dept, after, (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	static const char *ccols[] = { "id", "name", "grade_id", "proposed", "lifecycle", NULL };
	for (size_t i = 0; i < res.nrows && i < PAGE; i++) {
		const char *p2 = arena_printf(r->a, "Clients.%zu", i);
		view_row(r, p2, ccols, &res, i);
		view_set(r, arena_printf(r->a, "%s.grade", p2), grade_label(r, dbres_int(&res, i, 2)));
	}
	if (res.nrows > PAGE)
		view_set(r, "Page.next_after", dbres_get(&res, PAGE - 1, 0));
	if (after)
		view_set_int(r, "Page.after", after);
	view_class_choices(r, "grade");
	view_set(r, "Page.title", arena_printf(r->a, "%s · %s %s", lang_text(r, "review.title"),
					       dbres_get(cy, 0, RV_DEPT_NAME), dbres_get(cy, 0, RV_PERIOD)));
	return render(r, status, "reviews/review_show.cs");
}

int reviews_show(struct req *r)
{
	struct dbres cy;
	int st = load_cycle(r, &cy);
	return st ? st : review_page(r, 200, &cy);
}

/* The proposals form: grade_<client id> = a grade's id ("" = no grade), one
 * per client of the page (field names carry the client, so each is checked
 * with form_check against grade_field), and the page to return to. */
static const struct form_field grade_field = { .name = "grade", .type = FT_ID };
enum { SF_AFTER, SF__N };
static const struct form_field save_fields[SF__N] = {
	[SF_AFTER] = { .name = "after", .type = FT_ID },
};

#define TXN_BAD_LINE 1          /* save_txn: a line refused, nothing saved */

struct save_ctx {
	struct req *r;
	long long cycle, dept;
};

/* Every proposal of the page, in one transaction: a refused line saves none. */
static int save_txn(void *arg)
{
	struct save_ctx *s = arg;
	struct req *r = s->r;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct param *f = &r->form.v[i];
		if (strncmp(f->name, "grade_", 6) != 0)
			continue;
		long long client = text_id(f->name + 6);
		struct form_value grade;
		if (client == 0 || f->filename != NULL || form_check(r, &grade_field, f->value, &grade) != NULL)
			return TXN_BAD_LINE;
		if (grade.n != 0 && *grade_label(r, grade.n) == '\0')
			return TXN_BAD_LINE;
		struct dbres c;
		int rc = db_exec(r->db, r->a, Q_REVIEW_CLIENT, &c, "ii", client, s->dept);
		if (rc != DB_OK)
			return rc;
		if (c.nrows != 1)
			return TXN_BAD_LINE;                 /* not a client of this department */
		const char *cur = c.rows[0][RC_GRADE] ? c.rows[0][RC_GRADE] : "";
		rc = strcmp(cur, grade.text) == 0
			? db_exec(r->db, r->a, Q_REVIEW_LINE_DELETE, NULL, "ii", s->cycle, client)
			: db_exec(r->db, r->a, Q_REVIEW_LINE_SET, NULL, "iiss", s->cycle, client, c.rows[0][RC_GRADE],
				  *grade.text ? grade.text : NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int reviews_save(struct req *r)
{
	struct dbres cy;
	int st = load_cycle(r, &cy);
	if (st != 0)
		return st;
	long long id = dbres_int(&cy, 0, RV_ID), dept = dbres_int(&cy, 0, RV_DEPT);
	if (!may_propose(r, dept) || !editable(&cy))
		return 403;
	struct form_value v[SF__N];
	FORM_READ(r, save_fields, v);                /* a wrong page to return to: the first */
	struct save_ctx s = { r, id, dept };
	int rc = db_txn(r->db, save_txn, &s);
	if (rc == TXN_BAD_LINE)
		return 400;
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	long long after = v[SF_AFTER].n;
	return resp_redirect(r, after ? arena_printf(r->a, "/reviews/%lld?after=%lld", id, after)
				      : arena_printf(r->a, "/reviews/%lld", id));
}

struct submit_ctx {
	struct req *r;
	long long cycle, dept, request;
	const char *reason, *why;
	int outcome;
};

static int submit_txn(void *arg)
{
	struct submit_ctx *c = arg;
	struct req *r = c->r;
	struct dbres lock;
	int rc = db_exec(r->db, r->a, Q_REVIEW_LOCK, &lock, "i", c->cycle);
	if (rc != DB_OK)
		return rc;
	struct projection p;
	if ((rc = project(r, c->cycle, c->dept, &p)) != DB_OK)
		return rc;
	if ((c->why = quota_broken(r, &p)) != NULL) {
		c->outcome = 422;
		return DB_CONFLICT;
	}
	struct new_request n = { "review", 0, NULL, NULL, c->dept, c->reason, "review", NULL,
				 arena_printf(r->a, "%lld", c->cycle), NULL, { 0 } };
	rc = approval_create(r, &n, &c->request);
	if (rc == APPROVAL_NOBODY) {
		c->why = lang_text(r, "request.nobody");
		c->outcome = 422;
		return DB_CONFLICT;
	}
	return rc == DB_OK ? db_exec(r->db, r->a, Q_REVIEW_SUBMITTED, NULL, "ii", c->request, c->cycle) : rc;
}

int reviews_submit(struct req *r)
{
	struct dbres cy;
	int st = load_cycle(r, &cy);
	if (st != 0)
		return st;
	long long dept = dbres_int(&cy, 0, RV_DEPT);
	if (!may_propose(r, dept) || !editable(&cy))
		return 403;
	static const struct form_field submit_fields[] = {
		{ .name = "_reason", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
	};
	struct form_value v[1];
	const char *reason = FORM_READ(r, submit_fields, v) ? v[0].text : NULL;
	if (reason == NULL)
		return review_page(r, 422, &cy);
	struct submit_ctx c = { r, dbres_int(&cy, 0, RV_ID), dept, 0, reason, NULL, 0 };
	int rc = db_txn(r->db, submit_txn, &c);
	if (rc == DB_CONFLICT && c.outcome) {
		view_set(r, "Page.error_message", c.why);
		return review_page(r, c.outcome, &cy);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "request_sent");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", c.request));
}

/* The effect of an approved review: every line at once, or nothing. */
int review_apply(struct req *r, long long cycle, long long requester, const char *reason, const char **why)
{
	struct dbres lock, lines;
	int rc = db_exec(r->db, r->a, Q_REVIEW_LOCK, &lock, "i", cycle);
	if (rc != DB_OK)
		return rc;
	if (lock.nrows != 1 || strcmp(dbres_get(&lock, 0, LK_STATUS), "open") != 0) {
		*why = lang_text(r, "review.not_open");
		return APPROVAL_REFUSED;
	}
	long long dept = dbres_int(&lock, 0, LK_DEPT);
	struct projection p;
	if ((rc = project(r, cycle, dept, &p)) != DB_OK)
		return rc;
	if ((*why = quota_broken(r, &p)) != NULL)
		return APPROVAL_REFUSED;
	if ((rc = db_exec(r->db, r->a, Q_REVIEW_LINES, &lines, "i", cycle)) != DB_OK)
		return rc;
	const char *now = r->now_text;
	for (size_t i = 0; i < lines.nrows && rc == DB_OK; i++) {
		if (lines.rows[i][LN_DELETED] != NULL)
			continue;                                 /* deleted meanwhile: nothing to grade */
		const char *was = lines.rows[i][LN_OLD_GRADE], *cur = lines.rows[i][LN_CUR_GRADE];
		const char *to = lines.rows[i][LN_NEW_GRADE];
		if (!text_same(was, cur)) {
			*why = lang_text(r, "request.subject_changed");
			return APPROVAL_REFUSED;
		}
		long long client = dbres_int(&lines, i, LN_CLIENT);
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_GRADE, NULL, "sssi", to, to, now, client);
		if (rc == DB_OK)
			rc = client_history_add(r, client, 0, "grade_id", was, to, requester, reason);   /* the ids: shown by label */
	}
	return rc == DB_OK ? db_exec(r->db, r->a, Q_REVIEW_APPROVED, NULL, "i", cycle) : rc;
}

/* Detail.tables.<name>.cell k of row i. */
static void detail_cell(struct req *r, const char *table, size_t i, int k, const char *text, const char *href,
			const char *cls)
{
	const char *p = arena_printf(r->a, "Detail.tables.%s.rows.%zu.cells.%d", table, i, k);
	view_set(r, arena_printf(r->a, "%s.text", p), text);
	if (href != NULL)
		view_set(r, arena_printf(r->a, "%s.href", p), href);
	if (cls != NULL)
		view_set(r, arena_printf(r->a, "%s.class", p), cls);
}

int review_detail(struct req *r, long long cycle)
{
	struct dbres cy, lines;
	int rc = db_exec(r->db, r->a, Q_REVIEW_GET, &cy, "i", cycle);
	if (rc != DB_OK || cy.nrows != 1)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_REVIEW_LINES, &lines, "i", cycle)) != DB_OK)
		return rc;
	struct projection p;
	if ((rc = project(r, cycle, dbres_int(&cy, 0, RV_DEPT), &p)) != DB_OK)
		return rc;
	/* every card: its grade now → the proposed one */
	view_set(r, "Detail.tables.cards.title", arena_printf(r->a, "%s · %s", dbres_get(&cy, 0, RV_DEPT_NAME),
							       lang_text(r, "review.detail_cards")));
	const char *head[] = { "review.col_client", "review.now", "review.proposed" };
	for (int k = 0; k < 3; k++)
		view_set(r, arena_printf(r->a, "Detail.tables.cards.head.%d", k), lang_text(r, head[k]));
	size_t n = 0;
	for (size_t i = 0; i < lines.nrows; i++) {
		if (lines.rows[i][LN_DELETED] != NULL)
			continue;                                 /* deleted meanwhile: nothing to grade */
		const char *cur = lines.rows[i][LN_CUR_GRADE], *to = lines.rows[i][LN_NEW_GRADE];
		detail_cell(r, "cards", n, 0, dbres_get(&lines, i, LN_NAME),
			    arena_printf(r->a, "/clients/%lld", dbres_int(&lines, i, LN_CLIENT)), NULL);
		detail_cell(r, "cards", n, 1, cur ? grade_label(r, strtoll(cur, NULL, 10)) : "—", NULL, "old");
		detail_cell(r, "cards", n, 2, to ? grade_label(r, strtoll(to, NULL, 10)) : "—", NULL, "new");
		n++;
	}
	/* the department's quotas now and after */
	view_set(r, "Detail.tables.quota.title", lang_text(r, "review.quota_title"));
	const char *qhead[] = { "review.col_grade", "review.now", "review.after", "review.allowed" };
	for (int k = 0; k < 4; k++)
		view_set(r, arena_printf(r->a, "Detail.tables.quota.head.%d", k), lang_text(r, qhead[k]));
	for (size_t i = 0; i < p.n; i++) {
		int fits = quota_fits(p.quota[i], p.after[i], p.total);
		detail_cell(r, "quota", i, 0, grade_label(r, p.id[i]), NULL, NULL);
		detail_cell(r, "quota", i, 1, arena_printf(r->a, "%lld / %lld", p.now[i], p.total), NULL, NULL);
		detail_cell(r, "quota", i, 2, arena_printf(r->a, "%lld / %lld", p.after[i], p.total), NULL,
			    fits ? NULL : "over");
		detail_cell(r, "quota", i, 3, p.quota[i] ? arena_printf(r->a, "%s %%", p.quota[i]) : "—", NULL, NULL);
	}
	return DB_OK;
}
