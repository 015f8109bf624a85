/* views.c — who looked at a card, and what a person looked at: the view log
 * (client_views) read per card (/clients/{id}/views: the managers over the
 * card's department, the marketing director, deputy GM, GM) and per user
 * (/admin/views: the auditor, the marketing director, the GM), each filtered
 * by a period, paged by key (id) and exported as CSV (one audit event each).
 * Nothing here counts the table: a page reads one row past its end. */
#include "access.h"
#include "clients.h"
#include "pages.h"
#include "sql.h"
#include "core/csv.h"
#include "core/form.h"
#include <string.h>

#define VIEWS_PAGE 50
#define VIEWS_EXPORT_MAX 20000
#define VIEWS_BATCH 1000

static const char *const kinds[] = { "grant", "denied", NULL };

enum { VF_FROM, VF_TO, VF_KIND, VF_USER, VF__N };
static const struct form_field filter_form[VF__N] = {
	[VF_FROM] = { .name = "from", .type = FT_DATE },
	[VF_TO] = { .name = "to", .type = FT_DATE },
	[VF_KIND] = { .name = "kind", .type = FT_CHOICE, .choices = kinds },
	[VF_USER] = { .name = "user", .type = FT_ID },
};

struct filter {
	const char *from, *to, *kind;   /* the period's days (open ends far away), "" or a kind */
	long long user, before;
	const char *query;              /* the filter as a query string, for the pager and export links */
	int invalid;
};

/* Reads the first n fields of filter_form from the query: every value is
 * echoed into Form.values, a refused one gets Form.errors (f->invalid). */
static void filter_read(struct req *r, struct filter *f, int n)
{
	memset(f, 0, sizeof *f);
	f->from = "1000-01-01";
	f->to = "2999-12-31";
	f->kind = "";
	struct buf q;
	buf_init(&q);
	for (int i = 0; i < n; i++) {
		const char *v = req_query(r, filter_form[i].name);
		struct form_value fv;
		view_set(r, arena_printf(r->a, "Form.values.%s", filter_form[i].name), v ? v : "");
		const char *msg = form_check(r, &filter_form[i], v, &fv);
		if (msg != NULL) {
			form_refuse(r, filter_form[i].name, msg);
			f->invalid = 1;
			continue;
		}
		if (*fv.text == '\0')
			continue;
		/* checked values: dates, a choice, a number: nothing to escape */
		buf_printf(&q, "%s%s=%s", q.len ? "&" : "", filter_form[i].name, fv.text);
		if (i == VF_FROM)
			f->from = fv.text;
		else if (i == VF_TO)
			f->to = fv.text;
		else if (i == VF_KIND)
			f->kind = fv.text;
		else
			f->user = fv.n;
	}
	if (!f->invalid && strcmp(f->from, f->to) > 0) {
		form_refuse(r, "to", lang_text(r, "views.period_reversed"));
		f->invalid = 1;
	}
	f->query = arena_strdup(r->a, q.len ? q.data : "");
	buf_free(&q);
	view_set(r, "Filter.query", f->query);
	f->before = req_query_id(r, "before");
	if (f->before == 0)
		f->before = 1LL << 62;
}

/* The language string at prefix.name, or name itself when there is none. */
static const char *label(struct req *r, const char *prefix, const char *name)
{
	const char *key = arena_printf(r->a, "%s.%s", prefix, name);
	const char *t = lang_text(r, key);
	return strcmp(t, key) == 0 ? name : t;
}

static const char *via_label(struct req *r, const char *via)
{
	return label(r, "client.via", via);
}

static const char *page_label(struct req *r, const char *page)
{
	return label(r, "views.page", page);
}

/* The rows of one page (or export batch) of a card's or a user's log. */
static int fetch(struct req *r, int of_card, long long id, const struct filter *f, long long before, int limit,
		 struct dbres *res)
{
	if (of_card)
		return db_exec(r->db, r->a, Q_VIEWS_OF_CARD, res, "iissi", id, before, f->from, f->to, (long long)limit);
	return db_exec(r->db, r->a, Q_VIEWS_OF_USER, res, "iissssi", id, before, f->from, f->to, f->kind, f->kind,
		       (long long)limit);
}

static void view_rows(struct req *r, int of_card, const struct dbres *res, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(r->a, "Views.%zu", i);
		int via = of_card ? CV_VIA : UV_VIA, page = of_card ? CV_PAGE : UV_PAGE;
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(res, i, of_card ? CV_ID : UV_ID));
		view_set(r, arena_printf(r->a, "%s.at", p), dbres_get(res, i, of_card ? CV_AT : UV_AT));
		view_set(r, arena_printf(r->a, "%s.via", p), dbres_get(res, i, via));
		view_set(r, arena_printf(r->a, "%s.via_label", p), via_label(r, dbres_get(res, i, via)));
		view_set(r, arena_printf(r->a, "%s.page_label", p), page_label(r, dbres_get(res, i, page)));
		if (of_card) {
			view_set(r, arena_printf(r->a, "%s.user_name", p), dbres_get(res, i, CV_USER_NAME));
			view_set(r, arena_printf(r->a, "%s.user_dept", p), dbres_get(res, i, CV_USER_DEPT));
		} else {
			view_set(r, arena_printf(r->a, "%s.client_id", p), dbres_get(res, i, UV_CLIENT_ID));
			view_setf(r, arena_printf(r->a, "%s.client_code", p), "C%06lld", dbres_int(res, i, UV_CLIENT_ID));
			view_set(r, arena_printf(r->a, "%s.client_name", p), dbres_get(res, i, UV_CLIENT_NAME));
		}
	}
}

/* One page of the log, newest first, and the key of the next. */
static int page_rows(struct req *r, int of_card, long long id, const struct filter *f)
{
	struct dbres res;
	if (fetch(r, of_card, id, f, f->before, VIEWS_PAGE + 1, &res) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > VIEWS_PAGE ? VIEWS_PAGE : res.nrows;
	view_rows(r, of_card, &res, n);
	if (res.nrows > VIEWS_PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, n - 1, of_card ? CV_ID : UV_ID));
	return 0;
}

/* The whole filtered log as CSV (UTF-8 with BOM, formulas neutralised), at
 * most VIEWS_EXPORT_MAX rows (413 beyond); one audit event. */
static int export_rows(struct req *r, int of_card, long long id, const struct filter *f, const char *filename)
{
	struct buf *b = &r->body;
	buf_reset(b);
	csv_write_bom(b);
	const char *head[6];
	head[0] = lang_text(r, "views.id");
	head[1] = lang_text(r, "views.at");
	if (of_card) {
		head[2] = lang_text(r, "views.who");
		head[3] = lang_text(r, "views.dept");
	} else {
		head[2] = lang_text(r, "client.code");
		head[3] = lang_text(r, "views.client");
	}
	head[4] = lang_text(r, "views.via");
	head[5] = lang_text(r, "views.page_col");
	csv_write_row(b, head, 6);
	static const int numeric[6] = { 1, 0, 0, 0, 0, 0 };
	size_t total = 0;
	long long before = f->before;
	for (;;) {
		struct dbres res;
		if (fetch(r, of_card, id, f, before, VIEWS_BATCH, &res) != DB_OK)
			return db_fail(r);
		if (total + res.nrows > VIEWS_EXPORT_MAX) {
			buf_reset(b);
			view_set(r, "Page.error_message",
				 arena_printf(r->a, "%s %d", lang_text(r, "views.export_too_many"), VIEWS_EXPORT_MAX));
			render_error(r, 413);
			return 0;
		}
		for (size_t i = 0; i < res.nrows; i++) {
			const char *cells[6];
			if (of_card) {
				cells[0] = dbres_get(&res, i, CV_ID);
				cells[1] = dbres_get(&res, i, CV_AT);
				cells[2] = dbres_get(&res, i, CV_USER_NAME);
				cells[3] = dbres_get(&res, i, CV_USER_DEPT);
				cells[4] = via_label(r, dbres_get(&res, i, CV_VIA));
				cells[5] = page_label(r, dbres_get(&res, i, CV_PAGE));
			} else {
				cells[0] = dbres_get(&res, i, UV_ID);
				cells[1] = dbres_get(&res, i, UV_AT);
				cells[2] = arena_printf(r->a, "C%06lld", dbres_int(&res, i, UV_CLIENT_ID));
				cells[3] = dbres_get(&res, i, UV_CLIENT_NAME);
				cells[4] = via_label(r, dbres_get(&res, i, UV_VIA));
				cells[5] = page_label(r, dbres_get(&res, i, UV_PAGE));
			}
			csv_write_row_typed(b, cells, numeric, 6);
		}
		total += res.nrows;
		if (res.nrows < VIEWS_BATCH)
			break;
		before = dbres_int(&res, res.nrows - 1, of_card ? CV_ID : UV_ID);
	}
	if (b->failed)
		return 500;
	/* an export that cannot be logged is not handed out */
	if (audit_event(r, of_card ? "views.card_exported" : "views.user_exported", of_card ? "client" : "user", id,
			arena_printf(r->a, "%zu rows; from=%s to=%s kind=%s", total, f->from, f->to, f->kind)) != DB_OK)
		return db_fail(r);
	resp_attachment(r, "text/csv; charset=utf-8", filename);
	return 0;
}

/* ---- per card ---------------------------------------------------------------------- */

static int card_views(struct req *r, int csv)
{
	struct dbres card;
	int st = card_load(r, r->ids[0], &card);
	if (st != 0)
		return st;
	long long id = dbres_int(&card, 0, CARD_ID);
	/* the managers over the card's department and the company's management; nobody else */
	int allowed = access_over_dept(r, dbres_int(&card, 0, CARD_DEPT_ID));
	enum via via = !allowed ? VIA_NONE : access_sees_all(r) ? VIA_COMPANY : VIA_MANAGER;
	if (card_log_view(r, id, via, csv ? "views.csv" : "views") != 0 && allowed)
		return 503;
	if (!allowed)
		return 403;
	struct filter f;
	filter_read(r, &f, VF_KIND);
	view_set(r, "Card.id", dbres_get(&card, 0, CARD_ID));
	view_setf(r, "Card.code", "C%06lld", id);
	view_set(r, "Card.name", dbres_get(&card, 0, 1 + CF_name));
	view_set(r, "Page.title", arena_printf(r->a, "%s: %s", lang_text(r, "views.card_title"),
						 dbres_get(&card, 0, 1 + CF_name)));
	if (f.invalid)
		return render(r, 422, "clients/client_views.cs");
	if (csv)
		return export_rows(r, 1, id, &f, arena_printf(r->a, "views-C%06lld.csv", id));
	if ((st = page_rows(r, 1, id, &f)) != 0)
		return st;
	return render(r, 200, "clients/client_views.cs");
}

int clients_views(struct req *r)
{
	return card_views(r, 0);
}

int clients_views_csv(struct req *r)
{
	return card_views(r, 1);
}

/* ---- per user ---------------------------------------------------------------------- */

static int user_views(struct req *r, int csv)
{
	struct filter f;
	filter_read(r, &f, VF__N);
	struct dbres users;
	if (db_exec(r->db, r->a, Q_VIEW_LOG_USERS, &users, "") != DB_OK)
		return db_fail(r);
	const char *name = NULL;
	for (size_t i = 0; i < users.nrows; i++) {
		const char *p = arena_printf(r->a, "Users.%zu", i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&users, i, LU_ID));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&users, i, LU_NAME));
		view_set(r, arena_printf(r->a, "%s.dept", p), dbres_get(&users, i, LU_DEPT));
		if (f.user != 0 && dbres_int(&users, i, LU_ID) == f.user)
			name = dbres_get(&users, i, LU_NAME);
	}
	view_set(r, "Page.title", lang_text(r, "views.user_title"));
	if (!f.invalid && f.user != 0 && name == NULL) {
		form_refuse(r, "user", lang_text(r, "views.no_such_user"));
		f.invalid = 1;
	}
	if (!f.invalid && csv && f.user == 0) {
		form_refuse(r, "user", lang_text(r, "views.choose_user"));
		f.invalid = 1;
	}
	if (f.invalid)
		return render(r, 422, "clients/views_user.cs");
	if (f.user == 0)
		return render(r, 200, "clients/views_user.cs");
	view_set(r, "Person.name", name);
	view_set_int(r, "Person.id", f.user);
	if (csv)
		return export_rows(r, 0, f.user, &f, arena_printf(r->a, "views-user-%lld.csv", f.user));
	int st = page_rows(r, 0, f.user, &f);
	if (st != 0)
		return st;
	return render(r, 200, "clients/views_user.cs");
}

int clients_user_views(struct req *r)
{
	return user_views(r, 0);
}

int clients_user_views_csv(struct req *r)
{
	return user_views(r, 1);
}
