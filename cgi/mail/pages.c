/* pages.c — a person's notification settings (/me/notifications), and the
 * administrator's pages: the outbox with resend, the mail settings with a
 * test mail, the departments' chat robots. */
#include "mail.h"
#include "sql.h"
#include "core/domain.h"
#include "core/form.h"
#include <stdio.h>
#include <string.h>

static const char *const robot_kinds[] = { "", "wecom", "dingtalk", "json", NULL };
static const char *const robot_kinds_set[] = { "wecom", "dingtalk", "json", NULL };

/* A key is one line of printable ASCII; a JSON webhook's is its http(s) address. */
static int robot_key_ok(const char *kind, const char *key)
{
	for (const char *p = key; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7F)
			return 0;
	if (strcmp(kind, "json") == 0)
		return strncmp(key, "http://", 7) == 0 || strncmp(key, "https://", 8) == 0;
	return 1;
}

/* ---- /me/notifications -------------------------------------------------------------------- */

/* The POST field of a kind's switch. */
static const char *optout_field(struct req *r, const struct message_kind *k)
{
	return arena_printf(r->a, "notify_%s", k->kind);
}

/* Optouts.N.{field, label, on}: a switch per kind a domain lets people switch off;
 * on as saved (status 200) or as posted. */
static int view_optouts(struct req *r, int status)
{
	struct dbres o;
	if (status == 200 && db_exec(r->db, r->a, Q_OPTOUTS_GET, &o, "i", r->user->id) != DB_OK)
		return -1;
	size_t n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct message_kind *k = (*d)->messages; k != NULL && k->kind != NULL; k++) {
			if (k->optout == NULL)
				continue;
			int on = 1;
			if (status == 200) {
				for (size_t i = 0; i < o.nrows; i++)
					if (strcmp(dbres_get(&o, i, 0), k->kind) == 0)
						on = 0;
			} else {
				const char *v = req_form(r, optout_field(r, k));
				on = v != NULL && strcmp(v, "1") == 0;
			}
			const char *p = arena_printf(r->a, "Optouts.%zu", n++);
			view_set(r, arena_printf(r->a, "%s.field", p), optout_field(r, k));
			view_set(r, arena_printf(r->a, "%s.label", p), lang_text(r, k->optout));
			view_set(r, arena_printf(r->a, "%s.on", p), on ? "1" : "0");
		}
	return 0;
}

/* Saves each switch as posted (a kind switched off is a row of mail_optouts). */
static int save_optouts(struct req *r, struct buf *said)
{
	int rc = DB_OK;
	for (const struct domain *const *d = domains; rc == DB_OK && *d != NULL; d++)
		for (const struct message_kind *k = (*d)->messages; rc == DB_OK && k != NULL && k->kind != NULL; k++) {
			if (k->optout == NULL)
				continue;
			const char *v = req_form(r, optout_field(r, k));
			int on = v != NULL && strcmp(v, "1") == 0;
			rc = on ? db_exec(r->db, r->a, Q_OPTOUT_CLEAR, NULL, "is", r->user->id, k->kind)
				: db_exec(r->db, r->a, Q_OPTOUT_SET, NULL, "iss", r->user->id, k->kind, r->now_text);
			buf_printf(said, ", %s %d", k->kind, on);
		}
	return rc;
}

static int prefs_page(struct req *r, int status)
{
	struct dbres p;
	if (db_exec(r->db, r->a, Q_PREFS_GET, &p, "i", r->user->id) != DB_OK)
		return db_fail(r);
	if (status == 200) {
		view_set(r, "Form.values.by_mail", p.nrows ? dbres_get(&p, 0, PF_BY_MAIL) : "1");
		view_set(r, "Form.values.by_chat", p.nrows ? dbres_get(&p, 0, PF_BY_CHAT) : "0");
		view_set(r, "Form.values.digest", p.nrows ? dbres_get(&p, 0, PF_DIGEST) : "1");
		view_set(r, "Form.values.robot_kind", p.nrows ? dbres_get(&p, 0, PF_KIND) : "");
	}
	if (p.nrows) {
		view_set(r, "Prefs.has_key", dbres_get(&p, 0, PF_HAS_KEY));
		view_set(r, "Prefs.has_secret", dbres_get(&p, 0, PF_HAS_SECRET));
	}
	if (view_optouts(r, status) != 0)
		return db_fail(r);
	view_set(r, "Prefs.email", r->user->email ? r->user->email : "");
	view_set(r, "Page.title", lang_text(r, "mail.prefs.title"));
	return render(r, status, "mail/prefs.cs");
}

int mail_prefs_page(struct req *r)
{
	return prefs_page(r, 200);
}

enum { NF_MAIL, NF_CHAT, NF_DIGEST, NF_KIND, NF_KEY, NF_SECRET, NF_CLEAR, NF__N };
static const struct form_field prefs_fields[NF__N] = {
	[NF_MAIL] = { .name = "by_mail", .type = FT_BOOL },
	[NF_CHAT] = { .name = "by_chat", .type = FT_BOOL },
	[NF_DIGEST] = { .name = "digest", .type = FT_BOOL },
	[NF_KIND] = { .name = "robot_kind", .type = FT_CHOICE, .choices = robot_kinds },
	[NF_KEY] = { .name = "robot_key", .type = FT_TEXT, .max = 500 },
	[NF_SECRET] = { .name = "robot_secret", .type = FT_PASSWORD, .max = 200 },
	[NF_CLEAR] = { .name = "clear_robot", .type = FT_BOOL },
};

struct prefs_ctx {
	struct req *r;
	struct form_value *v;
	const char *kind;
};

static int prefs_txn(void *arg)
{
	struct prefs_ctx *c = arg;
	struct req *r = c->r;
	struct form_value *v = c->v;
	int rc = db_exec(r->db, r->a, Q_PREFS_SET, NULL, "iiiisss", r->user->id, v[NF_MAIL].n, v[NF_CHAT].n,
			 v[NF_DIGEST].n, c->kind, v[NF_KEY].text, r->now_text);
	if (rc == DB_OK && *v[NF_SECRET].text)
		rc = db_exec(r->db, r->a, Q_PREFS_SECRET, NULL, "si", v[NF_SECRET].text, r->user->id);
	if (rc == DB_OK && v[NF_CLEAR].n)
		rc = db_exec(r->db, r->a, Q_PREFS_CLEAR_ROBOT, NULL, "i", r->user->id);
	struct buf said;
	buf_init(&said);
	if (rc == DB_OK)
		rc = save_optouts(r, &said);
	if (rc == DB_OK)
		rc = audit(r, "mail.prefs_changed", "user", r->user->id,
			   arena_printf(r->a, "mail %lld, chat %lld, digest %lld, robot %s%s", v[NF_MAIL].n, v[NF_CHAT].n,
					v[NF_DIGEST].n, v[NF_CLEAR].n ? "removed" : *c->kind ? c->kind : "-",
					said.failed ? "" : buf_cstr(&said)));
	buf_free(&said);
	return rc;
}

int mail_prefs_save(struct req *r)
{
	struct form_value v[NF__N];
	int ok = FORM_READ(r, prefs_fields, v);
	const char *kind = ok && v[NF_KIND].n > 0 ? robot_kinds[v[NF_KIND].n] : "";
	if (ok && !v[NF_MAIL].n && !v[NF_CHAT].n) {
		form_error(r, "by_mail", "mail.prefs.need_one");
		ok = 0;
	}
	if (ok && *v[NF_KEY].text && !robot_key_ok(kind, v[NF_KEY].text)) {
		form_error(r, "robot_key", "mail.robot.bad_key");
		ok = 0;
	}
	if (ok && *kind && !*v[NF_KEY].text && !v[NF_CLEAR].n) {
		struct dbres p;
		if (db_exec(r->db, r->a, Q_PREFS_GET, &p, "i", r->user->id) != DB_OK)
			return db_fail(r);
		if (p.nrows == 0 || !dbres_int(&p, 0, PF_HAS_KEY) || strcmp(dbres_get(&p, 0, PF_KIND), kind) != 0) {
			form_error(r, "robot_key", "mail.robot.need_key");
			ok = 0;
		}
	}
	if (!ok)
		return prefs_page(r, 422);
	struct prefs_ctx c = { r, v, v[NF_CLEAR].n ? "" : kind };
	if (db_txn(r->db, prefs_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "mail_prefs_saved");
	return resp_redirect(r, "/me/notifications");
}

/* ---- /admin/outbox ------------------------------------------------------------------------- */

static const char *const outbox_states[] = { "queued", "sending", "sent", "failed", "dropped", NULL };
#define OUTBOX_PAGE 50

int mail_outbox_page(struct req *r)
{
	const char *state = req_query(r, "state");
	if (state == NULL || form_choice_index(outbox_states, state) < 0)
		state = "";
	long long before = req_query_id(r, "before");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_OUTBOX_LIST, &res, "ssii", state, state, before ? before : 999999999999999999LL,
		    (long long)OUTBOX_PAGE + 1) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "kind", "subject", "recipient", "channel", "state", "attempts", "next_at",
				      "error", "created_at", "sent_at", "title", "address", NULL };
	size_t shown = res.nrows > OUTBOX_PAGE ? OUTBOX_PAGE : res.nrows;
	for (size_t i = 0; i < shown; i++) {
		const char *p = arena_printf(r->a, "Outbox.%zu", i);
		view_row(r, p, cols, &res, i);
		const char *st = dbres_get(&res, i, OL_STATE);
		if (strcmp(st, "failed") == 0 || strcmp(st, "dropped") == 0 || strcmp(st, "sent") == 0)
			view_set(r, arena_printf(r->a, "%s.can_resend", p), "1");
	}
	if (res.nrows > OUTBOX_PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, shown - 1, OL_ID));
	view_set(r, "Page.state", state);
	for (size_t i = 0; outbox_states[i]; i++)
		view_set(r, arena_printf(r->a, "Page.states.%zu", i), outbox_states[i]);
	view_set(r, "Page.title", lang_text(r, "mail.outbox.title"));
	return render(r, 200, "mail/outbox.cs");
}

struct resend_ctx {
	struct req *r;
	long long id;
	int done;
};

static int resend_txn(void *arg)
{
	struct resend_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_OUTBOX_RESEND, &res, "si", c->r->now_text, c->id);
	c->done = rc == DB_OK && res.affected == 1;
	if (rc == DB_OK && c->done)
		rc = audit(c->r, "mail.resent", "outbox", c->id, NULL);
	return rc;
}

int mail_outbox_resend(struct req *r)
{
	struct resend_ctx c = { r, r->ids[0], 0 };
	if (db_txn(r->db, resend_txn, &c) != DB_OK)
		return db_fail(r);
	if (!c.done)
		return 409;
	resp_flash(r, "mail_resent");
	return resp_redirect(r, "/admin/outbox");
}

/* ---- /admin/mail: the settings and a test mail ----------------------------------------------- */

static int settings_page(struct req *r, int status)
{
	const struct config *c = r->cfg;
	view_set(r, "Settings.smtp_url", c->smtp_url);
	view_set(r, "Settings.mail_from", c->mail_from);
	view_set(r, "Settings.smtp_user", c->smtp_user);
	view_set_int(r, "Settings.smtp_starttls", c->smtp_starttls);
	view_set(r, "Settings.smtp_ca_file", c->smtp_ca_file);
	view_set_int(r, "Settings.smtp_connect_timeout", c->smtp_connect_timeout);
	view_set_int(r, "Settings.smtp_timeout", c->smtp_timeout);
	view_set_int(r, "Settings.mail_max_attempts", c->mail_max_attempts);
	view_set_int(r, "Settings.mail_backoff_max", c->mail_backoff_max);
	view_set_int(r, "Settings.digest_hour", c->digest_hour);
	view_set(r, "Settings.base_url", c->base_url);
	view_set(r, "Settings.mail_sink_dir", c->mail_sink_dir);
	view_set(r, "Page.title", lang_text(r, "mail.settings.title"));
	return render(r, status, "mail/settings.cs");
}

int mail_settings_page(struct req *r)
{
	return settings_page(r, 200);
}

enum { TF_TO, TF__N };
static const struct form_field test_fields[TF__N] = {
	[TF_TO] = { .name = "to", .type = FT_EMAIL, .max = 190, .flags = FORM_REQUIRED },
};

struct test_audit_ctx {
	struct req *r;
	const char *detail;
};

static int test_audit_txn(void *arg)
{
	struct test_audit_ctx *c = arg;
	return audit(c->r, "mail.test_sent", NULL, 0, c->detail);
}

int mail_test_send(struct req *r)
{
	struct form_value v[TF__N];
	if (!FORM_READ(r, test_fields, v))
		return settings_page(r, 422);
	const char *title = lang_text(r, "mail.test.subject");
	const char *text = lang_text(r, "mail.test.text");
	const char *html = arena_printf(r->a, "<p>%s</p>", text);   /* a language string: no user input */
	const char *msg = mail_compose(r, 0, v[TF_TO].text, title, text, html, NULL, NULL, NULL);
	char err[400] = "";
	int fatal = 0, rc = -1;
	struct smtp *s = msg ? smtp_new(r->cfg) : NULL;
	if (s != NULL) {
		rc = smtp_send(s, v[TF_TO].text, msg, err, sizeof err, &fatal);
		smtp_free(s);
	} else {
		snprintf(err, sizeof err, "%s", msg ? "libcurl: no handle" : "mail_from cannot be used");
	}
	struct test_audit_ctx c = { r, arena_printf(r->a, "to %s: %s", v[TF_TO].text, rc == 0 ? "sent" : err) };
	db_txn(r->db, test_audit_txn, &c);   /* an event of its own, in its own transaction (logged if refused) */
	if (rc == 0)
		view_set(r, "Test.sent", v[TF_TO].text);
	else
		view_set(r, "Test.error", err);
	return settings_page(r, rc == 0 ? 200 : 502);
}

/* ---- /admin/mail/robots: the departments' chat robots ------------------------------------ */

static int robots_page(struct req *r, int status)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_DEPT_ROBOTS, &res, "") != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "name", "code", "kind", "has_key", "has_secret", NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Robots.%zu", i), cols, &res, i);
	view_set(r, "Page.title", lang_text(r, "mail.robots.title"));
	return render(r, status, "mail/robots.cs");
}

int mail_robots_page(struct req *r)
{
	return robots_page(r, 200);
}

enum { RF_KIND, RF_KEY, RF_SECRET, RF_REMOVE, RF__N };
static const struct form_field robot_fields[RF__N] = {
	[RF_KIND] = { .name = "robot_kind", .type = FT_CHOICE, .choices = robot_kinds_set, .flags = FORM_REQUIRED },
	[RF_KEY] = { .name = "robot_key", .type = FT_TEXT, .max = 500 },
	[RF_SECRET] = { .name = "robot_secret", .type = FT_PASSWORD, .max = 200 },
	[RF_REMOVE] = { .name = "remove", .type = FT_BOOL },
};

struct robot_ctx {
	struct req *r;
	long long dept;
	struct form_value *v;
};

static int robot_txn(void *arg)
{
	struct robot_ctx *c = arg;
	struct req *r = c->r;
	struct form_value *v = c->v;
	int rc;
	if (v[RF_REMOVE].n)
		rc = db_exec(r->db, r->a, Q_DEPT_ROBOT_DELETE, NULL, "i", c->dept);
	else
		rc = db_exec(r->db, r->a, Q_DEPT_ROBOT_SET, NULL, "issss", c->dept, robot_kinds_set[v[RF_KIND].n],
			     v[RF_KEY].text, v[RF_SECRET].text, r->now_text);
	if (rc == DB_OK)
		rc = audit(r, "mail.dept_robot_changed", "department", c->dept,
			   v[RF_REMOVE].n ? "removed" : robot_kinds_set[v[RF_KIND].n]);
	return rc;
}

int mail_robot_save(struct req *r)
{
	struct dbres d;
	if (db_exec(r->db, r->a, Q_DEPT_EXISTS, &d, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (d.nrows != 1)
		return 404;
	struct form_value v[RF__N];
	int ok = FORM_READ(r, robot_fields, v);
	if (ok && !v[RF_REMOVE].n && *v[RF_KEY].text && !robot_key_ok(robot_kinds_set[v[RF_KIND].n], v[RF_KEY].text)) {
		form_error(r, "robot_key", "mail.robot.bad_key");
		ok = 0;
	}
	if (ok && !v[RF_REMOVE].n && !*v[RF_KEY].text) {
		/* a new robot needs its key; a changed kind too (the old key was another robot's) */
		struct dbres all;
		if (db_exec(r->db, r->a, Q_DEPT_ROBOTS, &all, "") != DB_OK)
			return db_fail(r);
		int kept = 0;
		for (size_t i = 0; i < all.nrows; i++)
			if (dbres_int(&all, i, DR_ID) == r->ids[0] && dbres_int(&all, i, DR_HAS_KEY) &&
			    strcmp(dbres_get(&all, i, DR_KIND), robot_kinds_set[v[RF_KIND].n]) == 0)
				kept = 1;
		if (!kept) {
			form_error(r, "robot_key", "mail.robot.need_key");
			ok = 0;
		}
	}
	if (!ok) {
		view_set_int(r, "Form.dept", r->ids[0]);
		return robots_page(r, 422);
	}
	struct robot_ctx c = { r, r->ids[0], v };
	if (db_txn(r->db, robot_txn, &c) != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/mail/robots");
}

/* ---- test mode only: queue a message as a domain would (outbox_put) ------------------------ */

enum { XF_KIND, XF_SUBJECT, XF_RECIPIENT, XF_DAY, XF_TITLE, XF_TEXT, XF__N };
static const struct form_field put_fields[XF__N] = {
	[XF_KIND] = { .name = "kind", .type = FT_TEXT, .max = 64, .flags = FORM_REQUIRED },
	[XF_SUBJECT] = { .name = "subject", .type = FT_TEXT, .max = 64, .flags = FORM_REQUIRED },
	[XF_RECIPIENT] = { .name = "recipient", .type = FT_ID, .flags = FORM_REQUIRED },
	[XF_DAY] = { .name = "day", .type = FT_DATE },
	[XF_TITLE] = { .name = "title", .type = FT_TEXT, .max = 200, .flags = FORM_REQUIRED },
	[XF_TEXT] = { .name = "text", .type = FT_LONGTEXT, .max = 10000, .flags = FORM_REQUIRED },
};

struct put_ctx {
	struct req *r;
	struct message m;
};

static int put_txn(void *arg)
{
	struct put_ctx *c = arg;
	return outbox_put(c->r, &c->m);
}

int mail_test_put(struct req *r)
{
	struct form_value v[XF__N];
	if (!FORM_READ(r, put_fields, v))
		return 422;
	/* the HTML part: the text escaped, in a paragraph */
	struct buf h;
	buf_init(&h);
	buf_puts(&h, "<p>");
	for (const char *p = v[XF_TEXT].text; *p; p++)
		switch (*p) {
		case '<': buf_puts(&h, "&lt;"); break;
		case '>': buf_puts(&h, "&gt;"); break;
		case '&': buf_puts(&h, "&amp;"); break;
		case '"': buf_puts(&h, "&quot;"); break;
		default: buf_append(&h, p, 1);
		}
	buf_puts(&h, "</p>");
	struct put_ctx c = { r, { .kind = v[XF_KIND].text, .subject_ref = v[XF_SUBJECT].text,
				  .recipient = v[XF_RECIPIENT].n, .day = *v[XF_DAY].text ? v[XF_DAY].text : NULL,
				  .title = v[XF_TITLE].text, .text = v[XF_TEXT].text,
				  .html = arena_strdup(r->a, buf_cstr(&h)) } };
	buf_free(&h);
	int rc = db_txn(r->db, put_txn, &c);
	if (rc == DB_ERROR)
		return 400;
	if (rc != DB_OK)
		return db_fail(r);
	resp_text(r, 200, "queued\n");
	return 0;
}
