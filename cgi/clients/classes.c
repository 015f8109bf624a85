/* pages_classes.c — the classification lists the admin keeps: natures (with
 * subtypes), industries, regions (province → city), product lines, and the
 * grades with their quota and visit cadence. Items are disabled, never
 * deleted (cards refer to them); every change is audited. */
#include "pages.h"
#include "sql.h"
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = { "nature", "industry", "region", "product_line", NULL };

static const char *kind_of(const char *k)
{
	for (int i = 0; k && kinds[i]; i++)
		if (strcmp(k, kinds[i]) == 0)
			return kinds[i];
	return NULL;
}

static const char *class_cols[] = { "id", "parent_id", "code", "name_zh", "name_en", "sort", "disabled",
				     "parent_name", "version", NULL };

static int classes_page(struct req *r, int status, const char *kind)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_CLASS_OF_KIND, &res, "s", kind) != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Items.%zu", i), class_cols, &res, i);
	for (int i = 0; kinds[i]; i++) {
		view_set(r, arena_printf(r->a, "Kinds.%d.name", i), kinds[i]);
		view_set(r, arena_printf(r->a, "Kinds.%d.label", i),
			 lang_text(r, arena_printf(r->a, "classes.kind.%s", kinds[i])));
	}
	view_set(r, "Filter.kind", kind);
	view_set(r, "Page.title", lang_text(r, "classes.title"));
	return render(r, status, "clients/admin_classes.cs");
}

int admin_classes(struct req *r)
{
	const char *kind = kind_of(req_query(r, "kind"));
	return classes_page(r, 200, kind ? kind : "nature");
}

struct class_form {
	struct req *r;
	const char *kind, *code, *name_zh, *name_en;
	long long id, parent, sort, disabled, version;
	struct dbres before;
	long long new_id;
	int conflict;
};

static int read_class_form(struct req *r, struct class_form *f)
{
	int ok = 1;
	f->r = r;
	f->code = form_text(r, "code", 32, 1);
	f->name_zh = form_text(r, "name_zh", 100, 1);
	f->name_en = form_text(r, "name_en", 100, 1);
	if (!f->code || !f->name_zh || !f->name_en)
		ok = 0;
	if (f->code && strspn(f->code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen(f->code)) {
		form_error(r, "code", "admin.depts.code_rule");
		ok = 0;
	}
	const char *p = req_form(r, "parent_id");
	f->parent = 0;
	if (p && *p && form_int(r, "parent_id", 1, 1LL << 31, &f->parent) != 0)
		ok = 0;
	const char *s = req_form(r, "sort");
	f->sort = 0;
	if (s && *s && form_int(r, "sort", -100000, 100000, &f->sort) != 0)
		ok = 0;
	f->disabled = req_form(r, "disabled") != NULL;
	return ok;
}

/* The parent must be a top-level item of the same kind (two levels only). */
static int parent_ok(struct req *r, struct class_form *f)
{
	if (f->parent == 0)
		return 1;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_CLASS_GET, &res, "i", f->parent) != DB_OK || res.nrows != 1)
		return 0;
	return strcmp(dbres_get(&res, 0, 1), f->kind) == 0 && res.rows[0][2] == NULL && f->parent != f->id;
}

static int class_create_txn(void *ctx)
{
	struct class_form *f = ctx;
	struct req *r = f->r;
	struct dbres res;
	const char *parent = f->parent ? arena_printf(r->a, "%lld", f->parent) : NULL;
	int rc = db_exec(r->db, r->a, Q_CLASS_INSERT, &res, "sssssi", f->kind, parent, f->code, f->name_zh,
			 f->name_en, f->sort);
	if (rc != DB_OK)
		return rc;
	f->new_id = (long long)res.insert_id;
	if ((rc = data_version_bump(r, "classes")) != DB_OK)
		return rc;
	return audit(r, "class.created", f->kind, f->new_id, arena_printf(r->a, "%s %s / %s", f->code, f->name_zh, f->name_en));
}

int admin_class_create(struct req *r)
{
	struct class_form f;
	memset(&f, 0, sizeof f);
	f.kind = kind_of(req_form(r, "kind"));
	if (f.kind == NULL)
		return 400;
	int ok = read_class_form(r, &f);
	if (ok && !parent_ok(r, &f)) {
		form_error(r, "parent_id", "form.bad_choice");
		ok = 0;
	}
	if (!ok)
		return classes_page(r, 422, f.kind);
	int rc = db_txn(r->db, class_create_txn, &f);
	if (rc == DB_DUPLICATE) {
		form_error(r, "code", "admin.depts.code_taken");
		return classes_page(r, 409, f.kind);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/admin/classes?kind=%s", f.kind));
}

static int class_edit_page(struct req *r, int status, const struct dbres *item)
{
	static const char *cols[] = { "id", "kind", "parent_id", "code", "name_zh", "name_en", "sort", "disabled", "version", NULL };
	view_row(r, "Subject", cols, item, 0);
	struct dbres parents;
	if (db_exec(r->db, r->a, Q_CLASS_OF_KIND, &parents, "s", dbres_get(item, 0, 1)) != DB_OK)
		return db_fail(r);
	size_t k = 0;
	for (size_t i = 0; i < parents.nrows; i++)
		if (parents.rows[i][1] == NULL && dbres_int(&parents, i, 0) != dbres_int(item, 0, 0))
			view_row(r, arena_printf(r->a, "Parents.%zu", k++), class_cols, &parents, i);
	view_set(r, "Page.title", lang_text(r, "classes.title"));
	return render(r, status, "clients/admin_class_edit.cs");
}

int admin_class_edit(struct req *r)
{
	struct dbres item;
	if (db_exec(r->db, r->a, Q_CLASS_GET, &item, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (item.nrows != 1)
		return 404;
	static const char *cols[] = { "id", "kind", "parent_id", "code", "name_zh", "name_en", "sort", "disabled", "version", NULL };
	view_row(r, "Form.values", cols, &item, 0);
	return class_edit_page(r, 200, &item);
}

static int class_update_txn(void *ctx)
{
	struct class_form *f = ctx;
	struct req *r = f->r;
	struct dbres res;
	const char *parent = f->parent ? arena_printf(r->a, "%lld", f->parent) : NULL;
	int rc = db_exec(r->db, r->a, Q_CLASS_UPDATE, &res, "ssssiiii", parent, f->code, f->name_zh, f->name_en,
			 f->sort, f->disabled, f->id, f->version);
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0) {
		f->conflict = 1;
		return DB_CONFLICT;
	}
	if ((rc = data_version_bump(r, "classes")) != DB_OK)
		return rc;
	return audit(r, "class.updated", f->kind, f->id,
		     arena_printf(r->a, "%s %s / %s%s", f->code, f->name_zh, f->name_en, f->disabled ? " (disabled)" : ""));
}

int admin_class_update(struct req *r)
{
	struct class_form f;
	memset(&f, 0, sizeof f);
	f.id = r->ids[0];
	if (db_exec(r->db, r->a, Q_CLASS_GET, &f.before, "i", f.id) != DB_OK)
		return db_fail(r);
	if (f.before.nrows != 1)
		return 404;
	f.kind = kind_of(dbres_get(&f.before, 0, 1));
	int ok = read_class_form(r, &f);
	if (form_int(r, "version", 1, 1LL << 40, &f.version) != 0)
		return 400;
	view_set(r, "Form.values.disabled", f.disabled ? "1" : "0");
	if (ok && !parent_ok(r, &f)) {
		form_error(r, "parent_id", "form.bad_choice");
		ok = 0;
	}
	if (!ok)
		return class_edit_page(r, 422, &f.before);
	int rc = db_txn(r->db, class_update_txn, &f);
	if (rc == DB_DUPLICATE) {
		form_error(r, "code", "admin.depts.code_taken");
		return class_edit_page(r, 409, &f.before);
	}
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return class_edit_page(r, 409, &f.before);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/admin/classes?kind=%s", f.kind));
}

/* ---- grades ---------------------------------------------------------------- */

static const char *grade_cols[] = { "id", "code", "name_zh", "name_en", "quota_pct", "visit_days", "version", NULL };

static int grades_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_GRADES_LIST, &res, "") != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Grades.%zu", i), grade_cols, &res, i);
	view_set(r, "Page.title", lang_text(r, "classes.grades_title"));
	return render(r, status, "clients/admin_grades.cs");
}

int admin_grades(struct req *r)
{
	return grades_page(r, 200);
}

struct grade_form {
	struct req *r;
	long long id, version, visit_days;
	const char *name_zh, *name_en, *quota;
	struct dbres before;
	int conflict;
};

static int grade_txn(void *ctx)
{
	struct grade_form *g = ctx;
	struct req *r = g->r;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_GRADE_UPDATE, &res, "sssiii", g->name_zh, g->name_en, g->quota,
			 g->visit_days, g->id, g->version);
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0) {
		g->conflict = 1;
		return DB_CONFLICT;
	}
	if ((rc = data_version_bump(r, "classes")) != DB_OK)
		return rc;
	return audit(r, "grade.updated", "grade", g->id,
		     arena_printf(r->a, "%s: quota %s → %s %%, visit every %s → %lld days",
				  dbres_get(&g->before, 0, 1), *dbres_get(&g->before, 0, 4) ? dbres_get(&g->before, 0, 4) : "—",
				  g->quota ? g->quota : "—", dbres_get(&g->before, 0, 5), g->visit_days));
}

int admin_grade_update(struct req *r)
{
	struct grade_form g;
	memset(&g, 0, sizeof g);
	g.r = r;
	g.id = r->ids[0];
	if (db_exec(r->db, r->a, Q_GRADE_GET, &g.before, "i", g.id) != DB_OK)
		return db_fail(r);
	if (g.before.nrows != 1)
		return 404;
	int ok = 1;
	g.name_zh = form_text(r, "name_zh", 50, 1);
	g.name_en = form_text(r, "name_en", 50, 1);
	if (!g.name_zh || !g.name_en)
		ok = 0;
	/* quota: empty = none; else a percentage 0 < q ≤ 100 with up to 2 decimals */
	const char *q = req_form(r, "quota_pct");
	view_set(r, "Form.values.quota_pct", q ? q : "");
	g.quota = NULL;
	if (q && *q) {
		char *end;
		double v = strtod(q, &end);
		size_t dot = strcspn(q, ".");
		if (*end != '\0' || v <= 0 || v > 100 || strspn(q, "0123456789.") != strlen(q) ||
		    (q[dot] == '.' && strlen(q + dot + 1) > 2)) {
			form_error(r, "quota_pct", "classes.bad_quota");
			ok = 0;
		} else {
			g.quota = q;
		}
	}
	/* "every client is visited at least once a year" (seed 000): at most 365 days */
	if (form_int(r, "visit_days", 1, 365, &g.visit_days) != 0)
		ok = 0;
	if (form_int(r, "version", 1, 1LL << 40, &g.version) != 0)
		return 400;
	if (!ok) {
		view_set(r, "Page.grade_id", r->args[0]);
		return grades_page(r, 422);
	}
	int rc = db_txn(r->db, grade_txn, &g);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return grades_page(r, 409);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/grades");
}
