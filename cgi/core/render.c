/* render.c — ClearSilver: the one render path. Output is HTML-escaped by
 * default (Config.VarEscapeMode = html, read when a template is parsed).
 *
 * Each worker parses a template once and renders it against each request's
 * dataset; the language strings are reached through the parse's global HDF
 * (a fallback for lookups), never copied into a request. With
 * templates_reload = 1 a worker re-parses when a file under templates_dir
 * changed (checked at most once a second); with 0 never (production). */
#include "domain.h"
#include "log.h"
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const lang_codes[2] = { "zh_CN", "en" };

static void log_nerr(const char *what, const char *name, NEOERR **err)
{
	STRING s;
	string_init(&s);
	nerr_error_traceback(*err, &s);
	log_msg("%s %s: %s", what, name, s.buf ? s.buf : "");
	string_clear(&s);
	nerr_ignore(err);
}

int lang_load(struct worker *w)
{
	for (int i = 0; i < 2; i++) {
		NEOERR *err = hdf_init(&w->lang_root[i]);
		if (err == STATUS_OK)
			err = hdf_set_value(w->lang_root[i], "Lang", "");
		if (err != STATUS_OK) {
			log_nerr("lang:", lang_codes[i], &err);
			return -1;
		}
		w->lang[i] = hdf_get_obj(w->lang_root[i], "Lang");
		for (const struct domain *const *d = domains; *d != NULL; d++) {
			if ((*d)->lang == NULL)
				continue;
			char path[512];
			snprintf(path, sizeof path, "%s/lang/%s/%s.hdf", w->cfg->templates_dir, lang_codes[i], (*d)->lang);
			err = hdf_read_file(w->lang[i], path);
			if (err != STATUS_OK) {
				log_nerr("lang:", path, &err);
				return -1;
			}
		}
	}
	return 0;
}

void lang_free(struct worker *w)
{
	for (int i = 0; i < 2; i++) {
		if (w->lang_root[i] != NULL)
			hdf_destroy(&w->lang_root[i]);
		w->lang[i] = NULL;
	}
}

int lang_cron_begin(struct req *r, struct worker *own)
{
	memset(own, 0, sizeof *own);
	if (r->w != NULL)
		return 0;
	own->cfg = r->cfg;
	if (lang_load(own) != 0) {
		lang_free(own);
		return -1;
	}
	r->w = own;
	return 0;
}

void lang_cron_end(struct req *r, struct worker *own)
{
	if (r->w != own)
		return;
	lang_free(own);
	r->w = NULL;
}

static int lang_index(const struct req *r)
{
	return strcmp(r->lang, "en") == 0 ? 1 : 0;
}

static HDF *lang_tree(struct req *r)
{
	return r->w->lang[lang_index(r)];
}

const char *lang_text(struct req *r, const char *key)
{
	return hdf_get_value(lang_tree(r), key, key);
}

#define LANG_KEY_PREFIX "lang:"
#define LANG_KEY_SEP '\x1f'

const char *lang_key(struct req *r, const char *key, int nparams, ...)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s", LANG_KEY_PREFIX, key);
	va_list ap;
	va_start(ap, nparams);
	for (int i = 0; i < nparams && i < 9; i++) {
		const char *p = va_arg(ap, const char *);
		buf_printf(&b, "%c%s", LANG_KEY_SEP, p ? p : "");
	}
	va_end(ap);
	const char *out = arena_strdup(r->a, b.failed ? LANG_KEY_PREFIX : buf_cstr(&b));
	buf_free(&b);
	return out;
}

const char *lang_stored(struct req *r, const char *stored)
{
	if (stored == NULL || strncmp(stored, LANG_KEY_PREFIX, strlen(LANG_KEY_PREFIX)) != 0)
		return stored ? stored : "";
	const char *p = stored + strlen(LANG_KEY_PREFIX);
	const char *params[9];
	int n = 0;
	size_t klen = strcspn(p, "\x1f");
	const char *key = arena_strndup(r->a, p, klen);
	for (const char *q = p + klen; *q == LANG_KEY_SEP && n < 9;) {
		q++;
		size_t l = strcspn(q, "\x1f");
		params[n++] = arena_strndup(r->a, q, l);
		q += l;
	}
	const char *text = lang_text(r, key);
	struct buf b;
	buf_init(&b);
	for (const char *t = text; *t; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			int i = t[1] - '1';
			buf_puts(&b, i < n ? params[i] : "");
			t++;
		} else {
			buf_append(&b, t, 1);
		}
	}
	const char *out = arena_strdup(r->a, b.failed ? text : buf_cstr(&b));
	buf_free(&b);
	return out;
}

void form_error(struct req *r, const char *field, const char *key)
{
	view_set(r, arena_printf(r->a, "Form.errors.%s", field), lang_text(r, key));
	view_set(r, "Form.invalid", "1");
}

/* ---- parsed templates ------------------------------------------------------------ */

#define TEMPLATES_MAX 128

struct template_cache {
	HDF *config;             /* Config.VarEscapeMode and the load path, for parsing */
	time_t newest;           /* the newest file's mtime when the cache was filled */
	time_t checked;          /* when the files were last looked at */
	size_t n;
	struct {
		char *name;
		CSPARSE *cs;
	} t[TEMPLATES_MAX];
};

/* The newest mtime of a .cs file in dir and the directories below it. */
static time_t newest_file(const char *dir, int depth)
{
	time_t newest = 0;
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[768];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth < 3) {
			time_t t = newest_file(path, depth + 1);
			if (t > newest)
				newest = t;
		} else if (st.st_mtime > newest) {
			newest = st.st_mtime;
		}
	}
	closedir(dp);
	return newest;
}

static void cache_clear(struct template_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		/* cs_destroy reads cs->hdf: point it at the parse config */
		c->t[i].cs->hdf = c->config;
		c->t[i].cs->global_hdf = NULL;
		cs_destroy(&c->t[i].cs);
		free(c->t[i].name);
	}
	c->n = 0;
}

void templates_free(struct worker *w)
{
	struct template_cache *c = w->templates;
	if (c == NULL)
		return;
	cache_clear(c);
	if (c->config != NULL)
		hdf_destroy(&c->config);
	free(c);
	w->templates = NULL;
}

static struct template_cache *cache_of(struct req *r)
{
	struct worker *w = r->w;
	if (w->templates == NULL) {
		struct template_cache *c = calloc(1, sizeof *c);
		if (c == NULL)
			return NULL;
		NEOERR *err = hdf_init(&c->config);
		if (err == STATUS_OK)
			err = hdf_set_value(c->config, "Config.VarEscapeMode", "html");
		if (err == STATUS_OK)
			err = hdf_set_value(c->config, "hdf.loadpaths.0", r->cfg->templates_dir);
		if (err != STATUS_OK) {
			log_nerr("render:", "config", &err);
			if (c->config != NULL)
				hdf_destroy(&c->config);
			free(c);
			return NULL;
		}
		w->templates = c;
	}
	struct template_cache *c = w->templates;
	if (r->cfg->templates_reload && r->now != c->checked) {
		c->checked = r->now;
		time_t newest = newest_file(r->cfg->templates_dir, 0);
		if (newest != c->newest) {
			cache_clear(c);
			pages_clear(w);
			c->newest = newest;
		}
	}
	return c;
}

/* The parsed template name, parsing it the first time. NULL on an error (logged). */
static CSPARSE *template_get(struct req *r, const char *name)
{
	struct template_cache *c = cache_of(r);
	if (c == NULL)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->t[i].name, name) == 0)
			return c->t[i].cs;
	CSPARSE *cs = NULL;
	NEOERR *err = cs_init(&cs, c->config);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	if (err == STATUS_OK) {
		cs->global_hdf = r->w->lang_root[lang_index(r)];   /* the strings, for includes parsed now */
		err = cs_parse_file(cs, name);
	}
	if (err != STATUS_OK) {
		log_nerr("render: parse", name, &err);
		if (cs != NULL) {
			cs->global_hdf = NULL;
			cs_destroy(&cs);
		}
		return NULL;
	}
	if (c->n == TEMPLATES_MAX) {
		/* more templates than slots: render this one and forget it */
		log_msg("render: more than %d templates, %s not kept", TEMPLATES_MAX, name);
		cache_clear(c);
	}
	c->t[c->n].name = strdup(name);
	if (c->t[c->n].name == NULL) {
		cs->global_hdf = NULL;
		cs_destroy(&cs);
		return NULL;
	}
	c->t[c->n++].cs = cs;
	return cs;
}

static NEOERR *append_out(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

/* The navigation of every domain that the user's roles reach, in order, with badges. */
static void view_nav(struct req *r)
{
	const struct nav *shown[64];
	size_t n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct nav *e = (*d)->nav; e != NULL && e->path != NULL && n < 64; e++) {
			if (e->roles != 0 && !req_has_role(r, e->roles))
				continue;
			size_t k = n++;
			for (; k > 0 && shown[k - 1]->order > e->order; k--)
				shown[k] = shown[k - 1];
			shown[k] = e;
		}
	/* the current entry: the one whose path or prefix matches the longest */
	size_t best = n, best_len = 0;
	for (size_t i = 0; i < n; i++) {
		const struct nav *e = shown[i];
		size_t len = strcmp(r->path, e->path) == 0 ? strlen(e->path) + 1 : 0;   /* exact beats a prefix */
		for (int k = 0; k < 3 && e->match[k] != NULL; k++) {
			size_t m = strlen(e->match[k]);
			if (m > len && strncmp(r->path, e->match[k], m) == 0)
				len = m;
		}
		if (len > best_len) {
			best = i;
			best_len = len;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct nav *e = shown[i];
		const char *p = arena_printf(r->a, "Nav.items.%zu", i);
		view_set(r, arena_printf(r->a, "%s.href", p), e->path);
		view_set(r, arena_printf(r->a, "%s.label", p), lang_text(r, e->label));
		if (i == best)
			view_set(r, arena_printf(r->a, "%s.current", p), "1");
		if (e->badge != NULL) {
			long long count = e->badge(r);
			if (count > 0) {
				char *id = arena_strdup(r->a, e->badge_name);
				for (char *c = id; *c; c++)
					if (*c == '_')
						*c = '-';
				view_set_int(r, arena_printf(r->a, "%s.count", p), count);
				view_set(r, arena_printf(r->a, "%s.count_id", p), id);
				view_set_int(r, arena_printf(r->a, "Nav.%s", e->badge_name), count);
			}
		}
	}
}

/* What every page shows: the user, the navigation by role, the CSRF token. */
void view_common(struct req *r)
{
	if (r->common_set)
		return;
	r->common_set = 1;
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
		view_nav(r);
}

int render(struct req *r, int status, const char *name)
{
	view_common(r);
	CSPARSE *cs = template_get(r, name);
	buf_reset(&r->body);
	NEOERR *err = STATUS_OK;
	if (cs != NULL) {
		cs->hdf = r->hdf;
		cs->global_hdf = r->w->lang_root[lang_index(r)];
		err = cs_render(cs, &r->body, append_out);
		cs->hdf = r->w->templates->config;
	}
	if (cs == NULL || err != STATUS_OK || r->body.failed) {
		if (err != STATUS_OK)
			log_nerr("render", name, &err);
		else
			log_msg("rid=%s render %s failed", r->rid, name);
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
/* A POST the database could not take: the page carries what was sent (but
 * files and passwords) in a form that sends it again, and the way back. */
static void view_resend(struct req *r)
{
	if (r->referer != NULL)
		view_set(r, "Page.back", r->referer);
	if (r->method != M_POST || r->form.n == 0)
		return;
	view_set(r, "Page.resend_path", r->path);
	for (size_t i = 0, k = 0; i < r->form.n; i++) {
		const struct param *f = &r->form.v[i];
		if (f->filename != NULL || strstr(f->name, "password") != NULL)
			continue;
		view_set(r, arena_printf(r->a, "Resend.%zu.name", k), f->name);
		view_set(r, arena_printf(r->a, "Resend.%zu.value", k++), f->value);
	}
}

void render_error(struct req *r, int status)
{
	HDF *lang = lang_tree(r);
	int known = hdf_get_obj(lang, arena_printf(r->a, "error.e%d", status)) != NULL;
	const char *key = known ? arena_printf(r->a, "error.e%d", status) : "error.e500";
	if (status == 503) {
		/* refused writes say so: saving is off, reading may work (a page
		 * whose reading is logged excepted) */
		if (db_last(r->db) == DB_REFUSED)
			key = r->method == M_POST ? "error.e503_refused" : "error.e503_logged";
		view_resend(r);
	}
	view_set_int(r, "Page.status", status);
	view_set(r, "Page.error_title", hdf_get_value(lang, arena_printf(r->a, "%s.title", key), ""));
	view_set(r, "Page.error_text", hdf_get_value(lang, arena_printf(r->a, "%s.text", key), ""));
	if (render(r, status, "error.cs") != 0)
		resp_text(r, status, "error\n");
}
