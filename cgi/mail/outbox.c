/* outbox.c — queuing a message for its recipient's channels, and writing
 * it in their language from a template (outbox.h). */
#include "mail.h"
#include "sql.h"
#include "core/domain.h"
#include "core/log.h"
#include <string.h>

/* The kind declared by some domain, or NULL. */
static const struct message_kind *kind_find(const char *kind)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct message_kind *k = (*d)->messages; k != NULL && k->kind != NULL; k++)
			if (strcmp(k->kind, kind) == 0)
				return k;
	return NULL;
}

/* s cut to at most max bytes, not inside a UTF-8 character. */
static const char *utf8_cut(struct req *r, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return s;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return arena_strndup(r->a, s, max);
}

static int put_one(struct req *r, const struct message *m, const char *day, const char *channel, const char *lang,
		   const char *address, const char *attach_b64)
{
	/* the attachment goes by mail only */
	int mail = strcmp(channel, "mail") == 0 && m->attach_name != NULL;
	return db_exec(r->db, r->a, Q_OUTBOX_PUT, NULL, "ssissssssssssss", m->kind, m->subject_ref, m->recipient, day,
		       channel, r->now_text, r->now_text, lang, address, utf8_cut(r, m->title, 255), m->text, m->html,
		       mail ? utf8_cut(r, m->attach_name, 200) : "", mail ? m->attach_type : "", mail ? attach_b64 : "");
}

/* The attachment of m base64-encoded in lines of 76 ("" when none), in r's arena; NULL out of memory. */
static const char *attach_text(struct req *r, const struct message *m)
{
	if (m->attach_name == NULL)
		return "";
	struct buf b;
	buf_init(&b);
	mail_base64(&b, m->attach_data, m->attach_len, 1);
	const char *out = b.failed ? NULL : arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

int outbox_put(struct req *r, const struct message *m)
{
	if (m->kind == NULL || kind_find(m->kind) == NULL) {
		log_msg("rid=%s outbox: the message kind \"%s\" is declared by no domain", r->rid,
			m->kind ? m->kind : "(null)");
		return DB_ERROR;
	}
	const struct message_kind *k = kind_find(m->kind);
	if (m->subject_ref == NULL || strlen(m->subject_ref) > 64 || m->title == NULL || m->text == NULL ||
	    m->html == NULL || m->recipient <= 0 ||
	    (m->attach_name != NULL && (m->attach_type == NULL || m->attach_data == NULL || m->attach_len == 0))) {
		log_msg("rid=%s outbox: a %s message without its subject, recipient or parts", r->rid, m->kind);
		return DB_ERROR;
	}
	struct dbres u;
	int rc = db_exec(r->db, r->a, Q_MAIL_RECIPIENT, &u, "i", m->recipient);
	if (rc != DB_OK || u.nrows != 1 || dbres_int(&u, 0, RC_DISABLED))
		return rc;
	if (k->optout != NULL) {
		struct dbres o;
		rc = db_exec(r->db, r->a, Q_MAIL_OPTED_OUT, &o, "is", m->recipient, m->kind);
		if (rc != DB_OK || o.nrows > 0)
			return rc;
	}
	const char *att = attach_text(r, m);
	if (att == NULL)
		return DB_ERROR;
	const char *day = m->day ? m->day : day_text(r, 0);
	const char *lang = *dbres_get(&u, 0, RC_LANG) ? dbres_get(&u, 0, RC_LANG) : r->cfg->lang_default;
	const char *email = dbres_get(&u, 0, RC_EMAIL);
	int queued = 0;
	if (dbres_int(&u, 0, RC_BY_MAIL) && *email) {
		rc = put_one(r, m, day, "mail", lang, email, att);
		queued++;
	}
	if (rc == DB_OK && dbres_int(&u, 0, RC_BY_CHAT)) {
		const char *own = dbres_get(&u, 0, RC_OWN_ROBOT), *dept = dbres_get(&u, 0, RC_DEPT_ROBOT);
		if (*own) {
			rc = put_one(r, m, day, own, lang, "user", att);
			queued++;
		} else if (*dept) {
			rc = put_one(r, m, day, dept, lang,
				     arena_printf(r->a, "dept:%lld", dbres_int(&u, 0, RC_DEPT)), att);
			queued++;
		}
	}
	/* chat chosen but no robot anywhere: mail rather than nothing */
	if (rc == DB_OK && queued == 0 && *email)
		rc = put_one(r, m, day, "mail", lang, email, att);
	return rc;
}

const char *mail_user_lang(struct req *r, long long user)
{
	struct dbres u;
	if (db_exec(r->db, r->a, Q_MAIL_RECIPIENT, &u, "i", user) != DB_OK || u.nrows != 1)
		return r->cfg->lang_default;
	const char *l = dbres_get(&u, 0, RC_LANG);
	return strcmp(l, "en") == 0 || strcmp(l, "zh_CN") == 0 ? l : r->cfg->lang_default;
}

const char *mail_lang_text(struct req *r, const char *lang, const char *stored)
{
	if (r->w == NULL)
		return stored;
	const char *saved = r->lang;
	r->lang = lang;
	const char *out = lang_stored(r, stored);
	r->lang = saved;
	return out;
}

/* ---- templates ---------------------------------------------------------------------------- */

static NEOERR *append_out(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

static void log_nerr(const char *what, NEOERR **err)
{
	STRING s;
	string_init(&s);
	nerr_error_traceback(*err, &s);
	log_msg("mail: %s: %s", what, s.buf ? s.buf : "");
	string_clear(&s);
	nerr_ignore(err);
}

/* Renders the template file name (relative to templates_dir) into out. */
static int render_file(struct req *r, HDF *strings, const char *name, HDF *data, int html, struct buf *out)
{
	HDF *conf = NULL;
	CSPARSE *cs = NULL;
	NEOERR *err = hdf_init(&conf);
	if (err == STATUS_OK && html)
		err = hdf_set_value(conf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(conf, "hdf.loadpaths.0", r->cfg->templates_dir);
	if (err == STATUS_OK)
		err = cs_init(&cs, conf);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	if (err == STATUS_OK) {
		cs->global_hdf = strings;
		err = cs_parse_file(cs, name);
	}
	if (err == STATUS_OK) {
		cs->hdf = data;
		err = cs_render(cs, out, append_out);
		cs->hdf = conf;
	}
	int rc = 0;
	if (err != STATUS_OK) {
		log_nerr(name, &err);
		rc = -1;
	}
	if (cs != NULL) {
		cs->global_hdf = NULL;
		cs_destroy(&cs);
	}
	if (conf != NULL)
		hdf_destroy(&conf);
	return rc == 0 && !out->failed ? 0 : -1;
}

int mail_render(struct req *r, const char *lang, const char *name, HDF *data, struct message *m)
{
	/* the strings: the worker's, or (in `dossier cron`) loaded for this call */
	struct worker own;
	struct worker *w = r->w;
	memset(&own, 0, sizeof own);
	if (w == NULL) {
		own.cfg = r->cfg;
		if (lang_load(&own) != 0) {
			lang_free(&own);
			return -1;
		}
		w = &own;
	}
	HDF *strings = w->lang_root[strcmp(lang, "en") == 0 ? 1 : 0];
	struct buf text, html;
	buf_init(&text);
	buf_init(&html);
	int rc = -1;
	if (hdf_set_value(data, "Mail.base_url", r->cfg->base_url) == STATUS_OK &&
	    render_file(r, strings, arena_printf(r->a, "mail/%s.txt.cs", name), data, 0, &text) == 0 &&
	    render_file(r, strings, arena_printf(r->a, "mail/%s.cs", name), data, 1, &html) == 0) {
		/* the text's first non-blank line is the title */
		const char *t = buf_cstr(&text);
		t += strspn(t, " \t\r\n");
		size_t tl = strcspn(t, "\r\n");
		m->title = arena_strndup(r->a, t, tl);
		const char *body = t + tl;
		body += strspn(body, "\r\n");
		m->text = arena_strdup(r->a, body);
		const char *h = buf_cstr(&html);
		m->html = arena_strdup(r->a, h + strspn(h, " \t\r\n"));
		rc = *m->title ? 0 : -1;
		if (rc != 0)
			log_msg("mail: template mail/%s.txt.cs gave no title", name);
	}
	buf_free(&text);
	buf_free(&html);
	if (w == &own)
		lang_free(&own);
	return rc;
}
