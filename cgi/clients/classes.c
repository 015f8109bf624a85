/* pages_classes.c — the classification lists the admin keeps: natures (with
 * subtypes), industries, regions (province → city), product lines, and the
 * grades with their quota and visit cadence. Items are disabled, never
 * deleted (cards refer to them); every change is audited. */
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include <string.h>

static const char *const kinds[] = { "nature", "industry", "region", "product_line", NULL };

static const char *kind_of(const char *k)
{
	int i = form_choice_index(kinds, k);
	return i < 0 ? NULL : kinds[i];
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

/* An item of a list: the new-item form has the kind, the edit form the
 * version (both refused with 400 when wrong: they are not typed). */
enum { KF_CODE, KF_NAME_ZH, KF_NAME_EN, KF_PARENT, KF_SORT, KF_DISABLED, KF_KIND, KF_VERSION, KF__N };
static const struct form_field class_fields[KF__N] = {
	[KF_CODE] = { .name = "code", .type = FT_TEXT, .max = 32, .flags = FORM_REQUIRED,
		      .chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
		      .error = "admin.depts.code_rule" },
	[KF_NAME_ZH] = { .name = "name_zh", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	[KF_NAME_EN] = { .name = "name_en", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	[KF_PARENT] = { .name = "parent_id", .type = FT_ID },                 /* empty: top level */
	[KF_SORT] = { .name = "sort", .type = FT_NUMBER, .min = -100000, .max_value = 100000 },
	[KF_DISABLED] = { .name = "disabled", .type = FT_BOOL },
	[KF_KIND] = { .name = "kind", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = kinds },
	[KF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
};

/* Reads the item's fields and the one of kind and version named by which;
 * 1 when the item's fields are valid, 0 when not, -1 when which is wrong. */
static int read_class_form(struct req *r, struct class_form *f, int which)
{
	struct form_value v[KF__N];
	int ok = form_read(r, class_fields, KF_KIND, v);
	if (!form_read(r, &class_fields[which], 1, &v[which]))
		return -1;
	f->r = r;
	f->code = v[KF_CODE].text;
	f->name_zh = v[KF_NAME_ZH].text;
	f->name_en = v[KF_NAME_EN].text;
	f->parent = v[KF_PARENT].n;
	f->sort = v[KF_SORT].n;
	f->disabled = v[KF_DISABLED].n;
	if (which == KF_KIND)
		f->kind = kinds[v[KF_KIND].n];
	else
		f->version = v[KF_VERSION].n;
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
	return strcmp(dbres_get(&res, 0, CI_KIND), f->kind) == 0 && res.rows[0][CI_PARENT] == NULL && f->parent != f->id;
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
	int ok = read_class_form(r, &f, KF_KIND);
	if (ok < 0)
		return 400;
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
	if (db_exec(r->db, r->a, Q_CLASS_OF_KIND, &parents, "s", dbres_get(item, 0, CI_KIND)) != DB_OK)
		return db_fail(r);
	size_t k = 0;
	for (size_t i = 0; i < parents.nrows; i++)
		if (parents.rows[i][CK_PARENT] == NULL && dbres_int(&parents, i, CK_ID) != dbres_int(item, 0, CI_ID))
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
	f.kind = kind_of(dbres_get(&f.before, 0, CI_KIND));
	int ok = read_class_form(r, &f, KF_VERSION);
	if (ok < 0)
		return 400;
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
				  dbres_get(&g->before, 0, GR_CODE), *dbres_get(&g->before, 0, GR_QUOTA) ? dbres_get(&g->before, 0, GR_QUOTA) : "—",
				  g->quota ? g->quota : "—", dbres_get(&g->before, 0, GR_VISIT_DAYS), g->visit_days));
}

/* A quota: empty = none; else a percentage 0 < q ≤ 100 with up to 2 decimals. */
enum { QF_NAME_ZH, QF_NAME_EN, QF_QUOTA, QF_VISIT_DAYS, QF_VERSION, QF__N };
static const struct form_field grade_fields[QF__N] = {
	[QF_NAME_ZH] = { .name = "name_zh", .type = FT_TEXT, .max = 50, .flags = FORM_REQUIRED },
	[QF_NAME_EN] = { .name = "name_en", .type = FT_TEXT, .max = 50, .flags = FORM_REQUIRED },
	[QF_QUOTA] = { .name = "quota_pct", .type = FT_TEXT, .max = 6, .chars = "0123456789.",
		       .error = "classes.bad_quota" },
	/* "every client is visited at least once a year" (seed 000): at most 365 days */
	[QF_VISIT_DAYS] = { .name = "visit_days", .type = FT_NUMBER, .flags = FORM_REQUIRED, .min = 1,
			    .max_value = 365 },
	[QF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
};

/* 1 when q (digits and dots) is a share 0 < q ≤ 100 with at most 2 decimals. */
static int quota_ok(const char *q)
{
	size_t ip = strcspn(q, ".");
	const char *frac = q[ip] == '.' ? q + ip + 1 : "";
	long long whole = 0, cents = 0;
	char digits[8];
	if (ip >= sizeof digits || strlen(frac) > 2 || strchr(frac, '.') != NULL || (ip == 0 && *frac == '\0'))
		return 0;
	memcpy(digits, q, ip);
	digits[ip] = '\0';
	if (ip > 0 && form_number(digits, 0, 100, &whole) != 0)
		return 0;
	if (*frac && form_number(frac, 0, 99, &cents) != 0)
		return 0;
	cents *= strlen(frac) == 1 ? 10 : 1;
	return whole * 100 + cents > 0 && whole * 100 + cents <= 10000;
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
	struct form_value v[QF__N];
	int ok = form_read(r, grade_fields, QF_VERSION, v);
	if (!form_read(r, &grade_fields[QF_VERSION], 1, &v[QF_VERSION]))
		return 400;
	g.name_zh = v[QF_NAME_ZH].text;
	g.name_en = v[QF_NAME_EN].text;
	g.visit_days = v[QF_VISIT_DAYS].n;
	g.version = v[QF_VERSION].n;
	const char *q = v[QF_QUOTA].text;
	g.quota = q != NULL && *q ? q : NULL;
	if (g.quota != NULL && !quota_ok(g.quota)) {
		form_error(r, "quota_pct", "classes.bad_quota");
		ok = 0;
	}
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
