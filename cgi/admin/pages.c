/* pages_admin.c — users, departments and the audit log (role admin).
 * Users are disabled, never deleted; every change is audited with what it was
 * and what it became. Edits carry the record's version: a stale form is
 * refused with 409 and a message, never saved over someone else's change. */
#include "pages.h"
#include "core/domain.h"
#include "core/crypto.h"
#include "core/form.h"
#include "core/people.h"
#include "core/log.h"
#include "core/session.h"
#include <string.h>

#define PAGE_SIZE 50

static const char *user_cols[] = {
	"id", "username", "display_name", "email", "dept_id", "dept_name", "lang",
	"disabled", "must_change_password", "roles", "version", NULL,
};

/* Departments as a tree in display order: Depts.N.{id,name,code,kind,
 * disabled,users,depth,label}. Returns the row count or -1. */
static int view_departments(struct req *r, struct dbres *out)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DEPT_ALL, &res, "") != DB_OK)
		return -1;
	size_t n = res.nrows, done = 0;
	size_t *order = arena_alloc(r->a, (n + 1) * sizeof *order);
	int *depth = arena_alloc(r->a, (n + 1) * sizeof *depth);
	char *placed = arena_alloc(r->a, n + 1);
	/* depth-first: a stack of (row) to visit; roots first */
	size_t *stack = arena_alloc(r->a, (n + 1) * sizeof *stack);
	int *sdepth = arena_alloc(r->a, (n + 1) * sizeof *sdepth);
	size_t sp = 0;
	for (size_t i = n; i-- > 0;)
		if (res.rows[i][DP_PARENT] == NULL) {
			stack[sp] = i;
			sdepth[sp++] = 0;
		}
	while (sp > 0 || done < n) {
		if (sp == 0) {                       /* orphans (should not exist) */
			for (size_t i = 0; i < n; i++)
				if (!placed[i]) {
					stack[sp] = i;
					sdepth[sp++] = 0;
					break;
				}
		}
		size_t i = stack[--sp];
		int d = sdepth[sp];
		if (placed[i])
			continue;
		placed[i] = 1;
		order[done] = i;
		depth[done++] = d;
		const char *id = dbres_get(&res, i, DP_ID);
		for (size_t j = n; j-- > 0;)
			if (!placed[j] && res.rows[j][DP_PARENT] != NULL && strcmp(res.rows[j][DP_PARENT], id) == 0 && sp < n) {
				stack[sp] = j;
				sdepth[sp++] = d + 1;
			}
	}
	static const char *cols[] = { "id", "parent_id", "name", "code", "kind", "disabled", "users", NULL };
	for (size_t k = 0; k < n; k++) {
		const char *prefix = arena_printf(r->a, "Depts.%zu", k);
		view_row(r, prefix, cols, &res, order[k]);
		view_set_int(r, arena_printf(r->a, "%s.depth", prefix), depth[k] > 5 ? 5 : depth[k]);
		struct buf label;
		buf_init(&label);
		for (int d = 0; d < depth[k]; d++)
			buf_puts(&label, "\u3000");
		buf_puts(&label, dbres_get(&res, order[k], DP_NAME));
		view_set(r, arena_printf(r->a, "%s.label", prefix), buf_cstr(&label));
		buf_free(&label);
	}
	if (out != NULL)
		*out = res;
	return (int)n;
}

static void view_role_choices(struct req *r, unsigned chosen)
{
	for (int i = 0; i < ROLE_COUNT; i++) {
		const char *p = arena_printf(r->a, "Roles.%d", i);
		view_set(r, arena_printf(r->a, "%s.name", p), role_names[i]);
		view_set(r, arena_printf(r->a, "%s.label", p),
			 lang_text(r, arena_printf(r->a, "role.%s", role_names[i])));
		if (chosen & (1u << i))
			view_set(r, arena_printf(r->a, "%s.checked", p), "1");
	}
}

/* ---- user list ---------------------------------------------------------- */

int admin_users(struct req *r)
{
	const char *q = req_query(r, "q");
	const char *after = req_query(r, "after");
	int show_disabled = req_query(r, "disabled") != NULL;
	long long dept_id = req_query_id(r, "dept");
	if (q == NULL)
		q = "";
	if (utf8_len(q) > 100)
		return 400;
	view_set(r, "Filter.q", q);
	view_set_int(r, "Filter.dept", dept_id);
	if (show_disabled)
		view_set(r, "Filter.disabled", "1");
	const char *like = arena_printf(r->a, "%%%s%%", q);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_USER_LIST, &res, "iisssisi", dept_id, dept_id, q, like, like,
		    (long long)show_disabled, after ? after : "", (long long)PAGE_SIZE + 1) != DB_OK)
		return db_fail(r);
	size_t shown = res.nrows > PAGE_SIZE ? PAGE_SIZE : res.nrows;
	for (size_t i = 0; i < shown; i++) {
		const char *prefix = arena_printf(r->a, "Users.%zu", i);
		view_row(r, prefix, user_cols, &res, i);
		unsigned roles = roles_parse(dbres_get(&res, i, UC_ROLES));
		for (int k = 0; k < ROLE_COUNT; k++)
			if (roles & (1u << k))
				view_set(r, arena_printf(r->a, "%s.role_labels.%d", prefix, k),
					 lang_text(r, arena_printf(r->a, "role.%s", role_names[k])));
	}
	if (res.nrows > PAGE_SIZE)
		view_set(r, "Page.next_after", dbres_get(&res, PAGE_SIZE - 1, UC_USERNAME));
	if (after != NULL)
		view_set(r, "Page.paged", "1");
	if (view_departments(r, NULL) < 0)
		return db_fail(r);
	view_set(r, "Page.title", lang_text(r, "admin.users.title"));
	return render(r, 200, "admin/admin_users.cs");
}

/* ---- create and edit ------------------------------------------------------ */

struct user_form {
	struct req *r;
	long long id, version, dept_id, disabled;
	const char *username, *display_name, *email, *password;
	unsigned roles;
	struct buf detail;         /* what changed, for the audit log */
	long long new_id;
};

/* The fields of the new-user and edit-user forms. */
enum { UF_DISPLAY_NAME, UF_EMAIL, UF_DEPT, UF_DISABLED, UF_ROLES, UF__N };
static const struct form_field user_fields[UF__N] = {
	[UF_DISPLAY_NAME] = { .name = "display_name", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	[UF_EMAIL] = { .name = "email", .type = FT_EMAIL, .max = 190 },
	[UF_DEPT] = { .name = "dept_id", .type = FT_ID, .flags = FORM_REQUIRED },
	[UF_DISABLED] = { .name = "disabled", .type = FT_BOOL },
	/* role_names[i] is the role of bit i, so the chosen bits are the roles */
	[UF_ROLES] = { .name = "roles", .type = FT_CHOICE, .flags = FORM_MULTI, .choices = role_names },
};

/* ... and those of the new-user form alone. */
enum { UN_USERNAME, UN_PASSWORD, UN__N };
static const struct form_field new_user_fields[UN__N] = {
	[UN_USERNAME] = { .name = "username", .type = FT_TEXT, .max = 64, .flags = FORM_REQUIRED, .min = 2,
			  .chars = "abcdefghijklmnopqrstuvwxyz0123456789._-", .error = "admin.users.username_rule" },
	[UN_PASSWORD] = { .name = "password", .type = FT_PASSWORD, .max = 1024 },
};

/* The version an edit form was opened at (users, departments). */
enum { VF_VERSION, VF__N };
static const struct form_field version_fields[VF__N] = {
	[VF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
};

/* Reads and checks the fields shared by create and edit (and, creating, the
 * username and password); 1 when valid. */
static int read_user_form(struct req *r, struct user_form *f, int creating)
{
	memset(f, 0, sizeof *f);
	f->r = r;
	buf_init(&f->detail);
	struct form_value v[UF__N];
	int ok = FORM_READ(r, user_fields, v);
	if (creating) {
		struct form_value nv[UN__N];
		ok &= FORM_READ(r, new_user_fields, nv);
		f->username = nv[UN_USERNAME].text;
		f->password = nv[UN_PASSWORD].text;
		if (f->password != NULL && !password_acceptable(r, "password", f->password, f->username))
			ok = 0;
	}
	f->display_name = v[UF_DISPLAY_NAME].text;
	f->email = v[UF_EMAIL].text;
	f->dept_id = v[UF_DEPT].n;
	struct dbres dept;
	if (v[UF_DEPT].text != NULL &&
	    (db_exec(r->db, r->a, Q_DEPT_GET, &dept, "i", f->dept_id) != DB_OK || dept.nrows != 1)) {
		form_error(r, "dept_id", "form.bad_choice");
		ok = 0;
	}
	f->disabled = v[UF_DISABLED].n;
	f->roles = (unsigned)v[UF_ROLES].n;
	if (v[UF_ROLES].text != NULL && f->roles == 0) {
		form_error(r, "roles", "admin.users.roles_required");
		ok = 0;
	}
	return ok;
}

static int insert_roles(struct req *r, long long uid, unsigned roles)
{
	int rc = db_exec(r->db, r->a, Q_USER_ROLES_CLEAR, NULL, "i", uid);
	for (int i = 0; i < ROLE_COUNT && rc == DB_OK; i++)
		if (roles & (1u << i))
			rc = db_exec(r->db, r->a, Q_USER_ROLE_ADD, NULL, "is", uid, role_names[i]);
	return rc;
}

static int create_txn(void *ctx)
{
	struct user_form *f = ctx;
	struct req *r = f->r;
	char hash[PASSWORD_HASH_MAX], now[20];
	if (password_hash(f->password, hash, sizeof hash) != 0)
		return DB_ERROR;
	clock_format(r->now, now);
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_USER_INSERT, &res, "sssisss", f->username, f->display_name,
			 f->email, f->dept_id, hash, now, now);
	if (rc != DB_OK)
		return rc;
	f->new_id = (long long)res.insert_id;
	if ((rc = insert_roles(r, f->new_id, f->roles)) != DB_OK)
		return rc;
	return audit(r, "user.created", "user", f->new_id,
		     arena_printf(r->a, "%s (%s)", f->username, f->display_name));
}

static int user_form_page(struct req *r, int status, const char *tpl, unsigned roles)
{
	if (view_departments(r, NULL) < 0)
		return db_fail(r);
	view_role_choices(r, roles);
	view_set(r, "Page.title", lang_text(r, "admin.users.title"));
	return render(r, status, tpl);
}

int admin_user_new(struct req *r)
{
	return user_form_page(r, 200, "admin/admin_user_new.cs", ROLE_STAFF);
}

int admin_user_create(struct req *r)
{
	struct user_form f;
	if (!read_user_form(r, &f, 1))
		return user_form_page(r, 422, "admin/admin_user_new.cs", f.roles);
	int rc = db_txn(r->db, create_txn, &f);
	buf_free(&f.detail);
	if (rc == DB_DUPLICATE) {
		form_error(r, "username", "admin.users.username_taken");
		return user_form_page(r, 409, "admin/admin_user_new.cs", f.roles);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "user_created");
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld", f.new_id));
}

static int load_user(struct req *r, long long id, struct dbres *res)
{
	if (db_exec(r->db, r->a, Q_USER_GET, res, "i", id) != DB_OK)
		return db_fail(r);
	return res->nrows == 1 ? 0 : 404;
}

int admin_user_edit(struct req *r)
{
	struct dbres res;
	int st = load_user(r, r->ids[0], &res);
	if (st != 0)
		return st;
	view_row(r, "Form.values", user_cols, &res, 0);
	view_row(r, "Subject", user_cols, &res, 0);
	return user_form_page(r, 200, "admin/admin_user_edit.cs", roles_parse(dbres_get(&res, 0, UC_ROLES)));
}

static void diff(struct req *r, struct buf *b, const char *field, const char *before, const char *after)
{
	if (strcmp(before, after) == 0)
		return;
	buf_printf(b, "%s%s: %s → %s", b->len ? "; " : "", field, before, after);
	(void)r;
}

static const char *roles_text(struct req *r, unsigned roles)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles & (1u << i))
			buf_printf(&b, "%s%s", b.len ? "," : "", role_names[i]);
	const char *s = arena_strdup(r->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

struct update_ctx {
	struct user_form *f;
	struct dbres before;
	int conflict, last_admin;
};

static int update_txn(void *ctx)
{
	struct update_ctx *u = ctx;
	struct user_form *f = u->f;
	struct req *r = f->r;
	/* the last active admin cannot lose the role or be disabled */
	unsigned was = roles_parse(dbres_get(&u->before, 0, UC_ROLES));
	if ((was & ROLE_ADMIN) && (!(f->roles & ROLE_ADMIN) || f->disabled)) {
		struct dbres cnt;
		int rc = db_exec(r->db, r->a, Q_USER_COUNT_ACTIVE_ADMINS, &cnt, "i", f->id);
		if (rc != DB_OK)
			return rc;
		if (dbres_int(&cnt, 0, 0) == 0) {
			u->last_admin = 1;
			return DB_CONFLICT;
		}
	}
	const char *now = r->now_text;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_USER_UPDATE, &res, "ssiisii", f->display_name, f->email,
			 f->dept_id, f->disabled, now, f->id, f->version);
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0) {
		u->conflict = 1;
		return DB_CONFLICT;
	}
	if ((rc = insert_roles(r, f->id, f->roles)) != DB_OK)
		return rc;
	if (f->disabled && (rc = db_exec(r->db, r->a, Q_SESSION_DELETE_USER, NULL, "i", f->id)) != DB_OK)
		return rc;
	buf_reset(&f->detail);
	diff(r, &f->detail, "display_name", dbres_get(&u->before, 0, UC_NAME), f->display_name);
	diff(r, &f->detail, "email", dbres_get(&u->before, 0, UC_EMAIL), f->email);
	diff(r, &f->detail, "dept_id", dbres_get(&u->before, 0, UC_DEPT_ID), arena_printf(r->a, "%lld", f->dept_id));
	diff(r, &f->detail, "disabled", dbres_get(&u->before, 0, UC_DISABLED), f->disabled ? "1" : "0");
	diff(r, &f->detail, "roles", dbres_get(&u->before, 0, UC_ROLES), roles_text(r, f->roles));
	return audit(r, f->disabled && strcmp(dbres_get(&u->before, 0, UC_DISABLED), "0") == 0 ? "user.disabled"
		     : "user.updated", "user", f->id, buf_cstr(&f->detail));
}

int admin_user_update(struct req *r)
{
	long long id = r->ids[0];
	struct update_ctx u;
	memset(&u, 0, sizeof u);
	int st = load_user(r, id, &u.before);
	if (st != 0)
		return st;
	view_row(r, "Subject", user_cols, &u.before, 0);
	view_set(r, "Form.values.username", dbres_get(&u.before, 0, UC_USERNAME));
	view_set(r, "Form.values.id", dbres_get(&u.before, 0, UC_ID));
	struct user_form f;
	int ok = read_user_form(r, &f, 0);
	f.id = id;
	struct form_value vv[VF__N];
	if (!FORM_READ(r, version_fields, vv))
		return 400;
	f.version = vv[VF_VERSION].n;
	if (!ok)
		return user_form_page(r, 422, "admin/admin_user_edit.cs", f.roles);
	u.f = &f;
	int rc = db_txn(r->db, update_txn, &u);
	buf_free(&f.detail);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message",
			 lang_text(r, u.last_admin ? "admin.users.last_admin" : "form.stale"));
		if (u.conflict) {
			/* show the current record, keep what the user typed in Form.values */
			struct dbres now;
			if (load_user(r, id, &now) == 0)
				view_set(r, "Form.values.version", dbres_get(&now, 0, UC_VERSION));
		}
		return user_form_page(r, 409, "admin/admin_user_edit.cs", f.roles);
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld", id));
}

struct reset_ctx {
	struct req *r;
	long long id;
	const char *password;
};

static int reset_txn(void *ctx)
{
	struct reset_ctx *c = ctx;
	struct req *r = c->r;
	char hash[PASSWORD_HASH_MAX], now[20];
	if (password_hash(c->password, hash, sizeof hash) != 0)
		return DB_ERROR;
	clock_format(r->now, now);
	int rc = db_exec(r->db, r->a, Q_USER_SET_PASSWORD, NULL, "sisi", hash, 1LL, now, c->id);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_SESSION_DELETE_USER, NULL, "i", c->id);
	if (rc == DB_OK)
		rc = audit(r, "user.password_reset", "user", c->id, NULL);
	return rc;
}

int admin_user_reset(struct req *r)
{
	long long id = r->ids[0];
	struct dbres res;
	int st = load_user(r, id, &res);
	if (st != 0)
		return st;
	static const struct form_field reset_fields[] = {
		{ .name = "new_password", .type = FT_PASSWORD, .max = 1024 },
	};
	struct form_value v[1];
	int ok = FORM_READ(r, reset_fields, v);
	struct reset_ctx c = { r, id, v[0].text };
	if (!ok || !password_acceptable(r, "new_password", c.password, dbres_get(&res, 0, UC_USERNAME))) {
		view_row(r, "Form.values", user_cols, &res, 0);
		view_row(r, "Subject", user_cols, &res, 0);
		return user_form_page(r, 422, "admin/admin_user_edit.cs", roles_parse(dbres_get(&res, 0, UC_ROLES)));
	}
	if (db_txn(r->db, reset_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "password_reset");
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld", id));
}

/* ---- handover of a leaving employee's clients and open requests ---------- */

struct handover_ctx {
	struct req *r;
	struct handover h;
};

/* Every domain moves what the leaving employee holds, in one transaction. */
static int handover_txn(void *arg)
{
	struct handover_ctx *c = arg;
	struct req *r = c->r;
	c->h.summary = "";
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->handover != NULL) {
			int rc = (*d)->handover(r, &c->h);
			if (rc != DB_OK)
				return rc;
		}
	return audit(r, "user.handover", "user", c->h.from,
		     arena_printf(r->a, "to %s: %s; %s", c->h.to_name, c->h.summary, c->h.reason));
}

int admin_user_handover(struct req *r)
{
	long long id = r->ids[0];
	struct dbres from, to;
	int st = load_user(r, id, &from);
	if (st != 0)
		return st;
	enum { HF_REASON, HF__N };
	static const struct form_field handover_fields[HF__N] = {
		[HF_REASON] = { .name = "handover_reason", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
	};
	struct form_value v[HF__N];
	int ok = FORM_READ(r, handover_fields, v);
	const char *reason = v[HF_REASON].text;
	long long to_id;
	int chosen = person_choose(r, "to", PERSON_REQUIRED, &to_id);
	if (chosen < 0)
		return db_fail(r);
	if (to_id == id) {
		form_error(r, "to_q", "admin.users.handover_bad_target");
		chosen = 0;
	}
	if (!ok || !chosen) {
		view_row(r, "Form.values", user_cols, &from, 0);    /* the edit form beside it */
		view_row(r, "Subject", user_cols, &from, 0);
		return user_form_page(r, ok ? form_status(r) : 422, "admin/admin_user_edit.cs",
				      roles_parse(dbres_get(&from, 0, UC_ROLES)));
	}
	if ((st = load_user(r, to_id, &to)) != 0)
		return st;
	struct handover_ctx h = { r, { id, dbres_int(&to, 0, UC_ID), dbres_int(&to, 0, UC_DEPT_ID),
				       dbres_get(&from, 0, UC_NAME), dbres_get(&to, 0, UC_NAME), reason, "" } };
	int rc = db_txn(r->db, handover_txn, &h);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "handover_done");
	return resp_redirect(r, arena_printf(r->a, "/admin/users/%lld", id));
}

/* ---- departments --------------------------------------------------------- */

static const char *const dept_kinds[] = { "company", "department", "team", NULL };

enum { DF_NAME, DF_CODE, DF_KIND, DF_PARENT, DF_DISABLED, DF__N };
static const struct form_field dept_fields[DF__N] = {
	[DF_NAME] = { .name = "name", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	[DF_CODE] = { .name = "code", .type = FT_TEXT, .max = 32, .flags = FORM_REQUIRED,
		      .chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
		      .error = "admin.depts.code_rule" },
	[DF_KIND] = { .name = "kind", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = dept_kinds },
	[DF_PARENT] = { .name = "parent_id", .type = FT_ID },          /* empty: a top department */
	[DF_DISABLED] = { .name = "disabled", .type = FT_BOOL },
};

struct dept_form {
	struct req *r;
	long long id, version, parent_id, disabled;
	const char *name, *code, *kind;
	struct dbres before;
	long long new_id;
	int cycle, conflict;
};

static int read_dept_form(struct req *r, struct dept_form *f)
{
	struct form_value v[DF__N];
	int ok = FORM_READ(r, dept_fields, v);
	f->r = r;
	f->name = v[DF_NAME].text;
	f->code = v[DF_CODE].text;
	f->kind = v[DF_KIND].text;
	f->parent_id = v[DF_PARENT].n;
	f->disabled = v[DF_DISABLED].n;
	return ok;
}

static int dept_page(struct req *r, int status, const char *tpl)
{
	if (view_departments(r, NULL) < 0)
		return db_fail(r);
	for (int i = 0; dept_kinds[i]; i++) {
		view_set(r, arena_printf(r->a, "Kinds.%d.name", i), dept_kinds[i]);
		view_set(r, arena_printf(r->a, "Kinds.%d.label", i),
			 lang_text(r, arena_printf(r->a, "admin.depts.kind_%s", dept_kinds[i])));
	}
	view_set(r, "Page.title", lang_text(r, "admin.depts.title"));
	return render(r, status, tpl);
}

int admin_departments(struct req *r)
{
	view_set(r, "Form.values.kind", "department");
	return dept_page(r, 200, "admin/admin_departments.cs");
}

static int dept_create_txn(void *ctx)
{
	struct dept_form *f = ctx;
	struct req *r = f->r;
	const char *now = r->now_text;
	const char *parent = f->parent_id ? arena_printf(r->a, "%lld", f->parent_id) : NULL;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DEPT_INSERT, &res, "sssss", parent, f->name, f->code, f->kind, now);
	if (rc != DB_OK)
		return rc;
	f->new_id = (long long)res.insert_id;
	return audit(r, "department.created", "department", f->new_id,
		     arena_printf(r->a, "%s (%s)", f->name, f->code));
}

int admin_department_create(struct req *r)
{
	struct dept_form f;
	memset(&f, 0, sizeof f);
	if (!read_dept_form(r, &f))
		return dept_page(r, 422, "admin/admin_departments.cs");
	int rc = db_txn(r->db, dept_create_txn, &f);
	if (rc == DB_DUPLICATE) {
		form_error(r, "code", "admin.depts.code_taken");
		return dept_page(r, 409, "admin/admin_departments.cs");
	}
	if (rc == DB_ERROR) {                 /* the parent does not exist (foreign key) */
		form_error(r, "parent_id", "form.bad_choice");
		return dept_page(r, 422, "admin/admin_departments.cs");
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/departments");
}

static const char *dept_cols[] = { "id", "parent_id", "name", "code", "kind", "disabled", "version", NULL };

int admin_department_edit(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DEPT_GET, &res, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (res.nrows != 1)
		return 404;
	view_row(r, "Form.values", dept_cols, &res, 0);
	view_row(r, "Subject", dept_cols, &res, 0);
	return dept_page(r, 200, "admin/admin_department_edit.cs");
}

static int dept_update_txn(void *ctx)
{
	struct dept_form *f = ctx;
	struct req *r = f->r;
	/* the new parent must not be the department itself or one below it */
	long long p = f->parent_id;
	for (int hops = 0; p != 0 && hops < 100; hops++) {
		if (p == f->id) {
			f->cycle = 1;
			return DB_CONFLICT;
		}
		struct dbres res;
		int rc = db_exec(r->db, r->a, Q_DEPT_GET, &res, "i", p);
		if (rc != DB_OK)
			return rc;
		if (res.nrows == 0)
			return DB_ERROR;
		p = dbres_int(&res, 0, DP_PARENT);
	}
	const char *parent = f->parent_id ? arena_printf(r->a, "%lld", f->parent_id) : NULL;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_DEPT_UPDATE, &res, "ssssiii", parent, f->name, f->code, f->kind,
			 f->disabled, f->id, f->version);
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0) {
		f->conflict = 1;
		return DB_CONFLICT;
	}
	struct buf d;
	buf_init(&d);
	diff(r, &d, "parent_id", dbres_get(&f->before, 0, DP_PARENT), parent ? parent : "");
	diff(r, &d, "name", dbres_get(&f->before, 0, DP_NAME), f->name);
	diff(r, &d, "code", dbres_get(&f->before, 0, DP_CODE), f->code);
	diff(r, &d, "kind", dbres_get(&f->before, 0, DP_KIND), f->kind);
	diff(r, &d, "disabled", dbres_get(&f->before, 0, DP_DISABLED), f->disabled ? "1" : "0");
	rc = audit(r, "department.updated", "department", f->id, buf_cstr(&d));
	buf_free(&d);
	return rc;
}

int admin_department_update(struct req *r)
{
	struct dept_form f;
	memset(&f, 0, sizeof f);
	f.id = r->ids[0];
	if (db_exec(r->db, r->a, Q_DEPT_GET, &f.before, "i", f.id) != DB_OK)
		return db_fail(r);
	if (f.before.nrows != 1)
		return 404;
	view_row(r, "Subject", dept_cols, &f.before, 0);
	view_set(r, "Form.values.id", dbres_get(&f.before, 0, DP_ID));
	int ok = read_dept_form(r, &f);
	struct form_value vv[VF__N];
	if (!FORM_READ(r, version_fields, vv))
		return 400;
	f.version = vv[VF_VERSION].n;
	if (!ok)
		return dept_page(r, 422, "admin/admin_department_edit.cs");
	int rc = db_txn(r->db, dept_update_txn, &f);
	if (rc == DB_CONFLICT || rc == DB_DUPLICATE || rc == DB_ERROR) {
		if (f.cycle || rc == DB_ERROR)
			form_error(r, "parent_id", f.cycle ? "admin.depts.cycle" : "form.bad_choice");
		else if (rc == DB_DUPLICATE)
			form_error(r, "code", "admin.depts.code_taken");
		else
			view_set(r, "Page.error_message", lang_text(r, "form.stale"));
		return dept_page(r, f.conflict || rc == DB_DUPLICATE ? 409 : 422, "admin/admin_department_edit.cs");
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/departments");
}

/* ---- audit log ----------------------------------------------------------- */

int admin_audit(struct req *r)
{
	const char *action = req_query(r, "action");
	const char *actor = req_query(r, "actor");
	long long before_id = req_query_id(r, "before");
	if (before_id == 0)
		before_id = 1LL << 62;
	if (action == NULL)
		action = "";
	if (actor == NULL)
		actor = "";
	if (strlen(action) > 64 || strlen(actor) > 64)
		return 400;
	view_set(r, "Filter.action", action);
	view_set(r, "Filter.actor", actor);
	struct dbres res;
	if (db_exec(r->db, r->a, Q_AUDIT_PAGE, &res, "issssi", before_id, action,
		    arena_printf(r->a, "%s%%", action), actor, actor, (long long)PAGE_SIZE + 1) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "at", "actor", "action", "object_type", "object_id", "detail", "addr", NULL };
	size_t shown = res.nrows > PAGE_SIZE ? PAGE_SIZE : res.nrows;
	for (size_t i = 0; i < shown; i++)
		view_row(r, arena_printf(r->a, "Audit.%zu", i), cols, &res, i);
	if (res.nrows > PAGE_SIZE)
		view_set(r, "Page.next_before", dbres_get(&res, PAGE_SIZE - 1, 0));
	view_set(r, "Page.title", lang_text(r, "admin.audit.title"));
	return render(r, 200, "admin/admin_audit.cs");
}
