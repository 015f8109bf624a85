/* render.c — ClearSilver: the one render path. Output is HTML-escaped by
 * default (Config.VarEscapeMode = html, set here for every render). */
#include "app.h"
#include "approvals.h"
#include "log.h"
#include <stdio.h>
#include <string.h>

static const char *const lang_codes[2] = { "zh_CN", "en" };

int lang_load(struct worker *w)
{
	for (int i = 0; i < 2; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/lang/%s.hdf", w->cfg->templates_dir, lang_codes[i]);
		NEOERR *err = hdf_init(&w->lang[i]);
		if (err == STATUS_OK)
			err = hdf_read_file(w->lang[i], path);
		if (err != STATUS_OK) {
			STRING s;
			string_init(&s);
			nerr_error_traceback(err, &s);
			log_msg("lang: %s: %s", path, s.buf ? s.buf : "");
			string_clear(&s);
			nerr_ignore(&err);
			return -1;
		}
	}
	return 0;
}

void lang_free(struct worker *w)
{
	for (int i = 0; i < 2; i++)
		if (w->lang[i] != NULL)
			hdf_destroy(&w->lang[i]);
}

static HDF *lang_tree(struct req *r)
{
	return r->w->lang[strcmp(r->lang, "en") == 0 ? 1 : 0];
}

const char *lang_text(struct req *r, const char *key)
{
	return hdf_get_value(lang_tree(r), key, key);
}

void form_error(struct req *r, const char *field, const char *key)
{
	view_set(r, arena_printf(r->a, "Form.errors.%s", field), lang_text(r, key));
	view_set(r, "Form.invalid", "1");
}

static NEOERR *append_out(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

/* What every page shows: the user, the navigation by role, the CSRF token. */
static void view_common(struct req *r)
{
	view_set(r, "Page.lang", r->lang);
	view_set(r, "Page.html_lang", strcmp(r->lang, "en") == 0 ? "en" : "zh-CN");
	view_set(r, "Page.path", r->path);
	view_set(r, "CSRF", r->csrf);
	const char *flash = req_cookie(r, "flash");
	if (flash != NULL && strspn(flash, "abcdefghijklmnopqrstuvwxyz_") == strlen(flash)) {
		const char *msg = hdf_get_value(lang_tree(r), arena_printf(r->a, "flash.%s", flash), NULL);
		if (msg != NULL)
			view_set(r, "Page.flash", msg);
		r->flash_shown = 1;
	}
	if (r->user == NULL)
		return;
	struct user *u = r->user;
	view_set(r, "User.signed_in", "1");
	view_set_int(r, "User.id", u->id);
	view_set(r, "User.username", u->username);
	view_set(r, "User.name", u->display_name);
	view_set(r, "User.dept", u->dept_name);
	for (int i = 0; i < ROLE_COUNT; i++)
		if (u->roles & (1u << i))
			view_set(r, arena_printf(r->a, "User.roles.%s", role_names[i]), "1");
	view_set(r, "Can.admin", (u->roles & ROLE_ADMIN) ? "1" : "0");
	if (!u->must_change_password)
		view_set_int(r, "Nav.inbox_count", approval_inbox_count(r));
}

int render(struct req *r, int status, const char *name)
{
	view_common(r);
	NEOERR *err = hdf_copy(r->hdf, "Lang", lang_tree(r));
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "hdf.loadpaths.0", r->cfg->templates_dir);
	CSPARSE *cs = NULL;
	if (err == STATUS_OK)
		err = cs_init(&cs, r->hdf);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, name);
	buf_reset(&r->body);
	if (err == STATUS_OK)
		err = cs_render(cs, &r->body, append_out);
	if (cs != NULL)
		cs_destroy(&cs);
	if (err != STATUS_OK || r->body.failed) {
		STRING s;
		string_init(&s);
		if (err != STATUS_OK)
			nerr_error_traceback(err, &s);
		log_msg("rid=%s render %s failed: %s", r->rid, name, s.buf ? s.buf : "out of memory");
		string_clear(&s);
		nerr_ignore(&err);
		buf_reset(&r->body);
		return 500;
	}
	/* macros.cs and the includes leave blank lines before <!DOCTYPE> */
	size_t lead = strspn(buf_cstr(&r->body), " \t\r\n");
	if (lead > 0) {
		memmove(r->body.data, r->body.data + lead, r->body.len - lead + 1);
		r->body.len -= lead;
	}
	r->status = status;
	r->ctype = "text/html; charset=utf-8";
	return 0;
}

/* The error page; if even that fails to render, a plain text line. */
void render_error(struct req *r, int status)
{
	HDF *lang = lang_tree(r);
	int known = hdf_get_obj(lang, arena_printf(r->a, "error.e%d", status)) != NULL;
	const char *key = known ? arena_printf(r->a, "error.e%d", status) : "error.e500";
	view_set_int(r, "Page.status", status);
	view_set(r, "Page.error_title", hdf_get_value(lang, arena_printf(r->a, "%s.title", key), ""));
	view_set(r, "Page.error_text", hdf_get_value(lang, arena_printf(r->a, "%s.text", key), ""));
	if (render(r, status, "error.cs") != 0)
		resp_text(r, status, "error\n");
}
