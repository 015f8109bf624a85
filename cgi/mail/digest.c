/* digest.c — the scheduled task mail.digest: once a day, at or after
 * digest_hour (company time, the app's clock), one digest per person made of
 * every domain's section (core/domain.h, .digest), in the person's
 * language. Nothing is queued when no domain has anything to say; the day is
 * recorded either way (mail_digests), so a re-run does nothing. */
#include "mail.h"
#include "sql.h"
#include "core/domain.h"
#include "core/log.h"
#include <stdio.h>
#include <string.h>

#define USERS_BATCH 100

int mail_digest_needed(struct req *r, const char *subject_ref, long long recipient)
{
	struct dbres u;
	int rc = db_exec(r->db, r->a, Q_DIGEST_WANTED, &u, "i", recipient);
	if (rc != DB_OK)
		return rc;
	return u.nrows == 1 && dbres_int(&u, 0, 0) == 0 && dbres_int(&u, 0, 1) == 1;
}

struct digest_ctx {
	struct req *r;
	long long user;
	const char *day;
	long long sections;
	struct message *m;         /* NULL: nothing to send */
};

static int digest_txn(void *arg)
{
	struct digest_ctx *c = arg;
	int rc = db_exec(c->r->db, c->r->a, Q_DIGEST_MARK, NULL, "issi", c->user, c->day, c->r->now_text, c->sections);
	if (rc == DB_OK && c->m != NULL)
		rc = outbox_put(c->r, c->m);
	return rc;
}

/* The digest of one person. *queued = 1 when one was queued. A db_rc. */
static int digest_one(struct req *r, const struct dbres *u, size_t i, const char *day, int *queued)
{
	long long user = dbres_int(u, i, DU_ID);
	const char *lang = strcmp(dbres_get(u, i, DU_LANG), "en") == 0      ? "en"
			   : strcmp(dbres_get(u, i, DU_LANG), "zh_CN") == 0 ? "zh_CN"
									      : r->cfg->lang_default;
	const char *since = *dbres_get(u, i, DU_LAST) ? dbres_get(u, i, DU_LAST) : time_text(r, -86400);
	HDF *data = NULL;
	if (hdf_init(&data) != STATUS_OK)
		return DB_ERROR;
	int rc = DB_OK;
	long long shown = 0, rows = 0;
	for (const struct domain *const *d = domains; rc == DB_OK && *d != NULL; d++) {
		if ((*d)->digest == NULL)
			continue;
		struct digest_section sec[DIGEST_SECTIONS];
		memset(sec, 0, sizeof sec);
		if ((rc = (*d)->digest(r, user, since, sec)) != DB_OK)
			break;
		for (int k = 0; k < DIGEST_SECTIONS; k++) {
			if (sec[k].n == 0 || sec[k].title == NULL)
				continue;
			const char *p = arena_printf(r->a, "Mail.sections.%lld", shown++);
			hdf_set_value(data, arena_printf(r->a, "%s.title", p),
				      mail_lang_text(r, lang, arena_printf(r->a, "lang:%s", sec[k].title)));
			for (size_t j = 0; j < sec[k].n && j < DIGEST_ROWS; j++) {
				const char *q = arena_printf(r->a, "%s.rows.%zu", p, j);
				hdf_set_value(data, arena_printf(r->a, "%s.text", q),
					      mail_lang_text(r, lang, sec[k].rows[j].text ? sec[k].rows[j].text : ""));
				if (sec[k].rows[j].link != NULL)
					hdf_set_value(data, arena_printf(r->a, "%s.link", q),
						      arena_printf(r->a, "%s%s", r->cfg->base_url, sec[k].rows[j].link));
				rows++;
			}
			if (sec[k].more > 0)
				hdf_set_int_value(data, arena_printf(r->a, "%s.more", p), (int)sec[k].more);
		}
	}
	struct message m = { .kind = "digest", .subject_ref = arena_printf(r->a, "user:%lld", user),
			     .recipient = user, .day = day };
	struct digest_ctx c = { r, user, day, shown, NULL };
	if (rc == DB_OK && rows > 0) {
		hdf_set_value(data, "Mail.name", dbres_get(u, i, DU_NAME));
		hdf_set_value(data, "Mail.day", day);
		if (mail_render(r, lang, "digest", data, &m) != 0)
			rc = DB_ERROR;
		c.m = &m;
	}
	hdf_destroy(&data);
	if (rc == DB_OK) {
		rc = db_txn(r->db, digest_txn, &c);
		if (rc == DB_DUPLICATE)
			rc = DB_OK;        /* another run wrote it */
		else if (rc == DB_OK && c.m != NULL)
			*queued = 1;
	}
	return rc;
}

int mail_digest_due(struct req *r, long long *n)
{
	struct tm tm;
	localtime_r(&r->now, &tm);
	if (tm.tm_hour < r->cfg->digest_hour)
		return DB_OK;
	/* the strings of both languages, for the whole run (`dossier cron` has no worker) */
	struct worker own;
	if (lang_cron_begin(r, &own) != 0)
		return DB_ERROR;
	const char *day = day_text(r, 0);
	long long after = 0;
	int rc = DB_OK;
	for (;;) {
		struct dbres u;
		if ((rc = db_exec(r->db, r->a, Q_DIGEST_USERS, &u, "isi", after, day, (long long)USERS_BATCH)) != DB_OK)
			break;
		for (size_t i = 0; rc == DB_OK && i < u.nrows; i++) {
			int queued = 0;
			arena *outer = r->a;
			r->a = arena_new();
			rc = digest_one(r, &u, i, day, &queued);
			arena_free(r->a);
			r->a = outer;
			*n += queued;
			after = dbres_int(&u, i, DU_ID);
		}
		if (rc != DB_OK || u.nrows < USERS_BATCH)
			break;
	}
	lang_cron_end(r, &own);
	return rc;
}
