/* pages.c — the admin's list of backups (/admin/backups) and the home page's
 * warning when the last good backup is older than backup_warn_days. */
#include "backup.h"
#include "sql.h"
#include "core/clock.h"
#include "core/db.h"
#include <stdio.h>
#include <string.h>

#define LIST_MAX 200

/* "12.3 MiB" */
static const char *size_text(struct req *r, long long n)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	int u = 0;
	while (v >= 1024 && u < 4)
		v /= 1024, u++;
	return u == 0 ? arena_printf(r->a, "%lld B", n) : arena_printf(r->a, "%.1f %s", v, units[u]);
}

/* The start of the last good backup into *last (NULL: none). The worker
 * keeps it while the data version holds: each backup's row bumps it
 * (run.c), so the admin's home page reads nothing for it. A db_rc. */
static int last_good(struct req *r, const char **last)
{
	static long long kept_version = -1;
	static char kept[20];
	static int kept_none;
	long long version = data_version(r, "backups");
	if (version >= 0 && version == kept_version) {
		*last = kept_none ? NULL : kept;
		return DB_OK;
	}
	struct dbres st;
	int rc = db_exec(r->db, r->a, Q_BACKUP_STATE, &st, "");
	if (rc != DB_OK)
		return rc;
	*last = st.nrows ? st.rows[0][BS_LAST_OK] : NULL;
	if (version >= 0) {
		kept_version = version;
		kept_none = *last == NULL;
		snprintf(kept, sizeof kept, "%s", *last ? *last : "");
	}
	return DB_OK;
}

/* Home.backup.*: the last good backup and whether it is too old. A db_rc. */
static int view_state(struct req *r, const char *prefix)
{
	const char *last;
	int rc = last_good(r, &last);
	if (rc != DB_OK)
		return rc;
	char limit[20];
	clock_format(r->now - (time_t)r->cfg->backup_warn_days * 86400, limit);
	if (last != NULL)
		view_set(r, arena_printf(r->a, "%s.last_ok", prefix), last);
	if (last == NULL || strcmp(last, limit) < 0) {
		const char *days = arena_printf(r->a, "%ld", r->cfg->backup_warn_days);
		view_set(r, arena_printf(r->a, "%s.warn", prefix), "1");
		view_set(r, arena_printf(r->a, "%s.text", prefix),
			 last ? lang_stored(r, lang_key(r, "backup.warn_old", 2, last, days))
			      : lang_text(r, "backup.warn_none"));
	}
	return DB_OK;
}

int backup_home(struct req *r)
{
	if (!req_has_role(r, ROLE_ADMIN))
		return DB_OK;
	return view_state(r, "Home.backup");
}

int backup_page(struct req *r)
{
	struct dbres res;
	if (view_state(r, "Backups.state") != DB_OK ||
	    db_exec(r->db, r->a, Q_BACKUP_LIST, &res, "si", r->now_text, (long long)LIST_MAX) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "started_at", "kind", "file", "size", "sha256", "ok", "error", "removed_at",
				      "age_days", NULL };
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Backups.list.%zu", i);
		view_row(r, p, cols, &res, i);
		view_set(r, arena_printf(r->a, "%s.size_text", p), size_text(r, dbres_int(&res, i, BK_SIZE)));
		view_set(r, arena_printf(r->a, "%s.age_text", p),
			 lang_stored(r, lang_key(r, "backup.age", 1, dbres_get(&res, i, BK_AGE_DAYS))));
	}
	view_set(r, "Backups.dir", r->cfg->backup_dir);
	view_set(r, "Backups.kept_text", lang_stored(r, lang_key(r, "backup.kept_text", 2,
		 arena_printf(r->a, "%ld", r->cfg->backup_keep_weekly), arena_printf(r->a, "%ld", r->cfg->backup_keep_monthly))));
	view_set(r, "Page.title", lang_text(r, "backup.title"));
	return render(r, 200, "backup/admin_backups.cs");
}
