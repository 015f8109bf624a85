/* backup.h — the backup domain: `dossier backup`, `dossier restore FILE`,
 * retention, the admin's list of backups and the home page's warning. */
#ifndef DOSSIER_BACKUP_H
#define DOSSIER_BACKUP_H
#include "core/app.h"
#include "core/config.h"
#include <stddef.h>

/* ---- names and retention (retention.c: pure, unit-tested) ---- */

enum backup_kind { BACKUP_WEEKLY, BACKUP_MONTHLY };

/* A backup archive's name: dossier-YYYYMMDD-HHMMSS-<weekly|monthly>.tar.gz. */
#define BACKUP_NAME_MAX 64
struct backup_stamp {
	int year, month, day, hour, min, sec;
	enum backup_kind kind;
};

/* Parses an archive's name; 0, or -1 when the name is not a backup's (such
 * files are never touched). Checks the date is a real one. */
int backup_name_parse(const char *name, struct backup_stamp *out);
/* The archive's name for a time (in the company's zone) and kind, in out
 * (>= BACKUP_NAME_MAX bytes). */
void backup_name_make(const struct tm *tm, enum backup_kind kind, char *out);
const char *backup_kind_name(enum backup_kind kind);

/* Which archives retention keeps. keep[i] is set to 1 for every stamp kept,
 * 0 for every one to delete:
 *   - the newest archive of all is always kept;
 *   - of the weekly ones, the newest of each of the keep_weekly most recent
 *     calendar weeks (Monday to Sunday) that have one;
 *   - of the monthly ones, the newest of each of the keep_monthly most
 *     recent calendar months that have one.
 * So a retried or extra backup in a week does not push an older week out. */
void backup_retention(const struct backup_stamp *v, size_t n, long keep_weekly, long keep_monthly, int *keep);

/* ---- commands (run.c) ---- */

/* `dossier backup [weekly|monthly] [--if-due]`: the exit status. */
int backup_command(const struct config *cfg, int argc, char **argv);
/* `dossier restore [--no-checksum] FILE`: the exit status. */
int restore_command(const struct config *cfg, int argc, char **argv);

/* ---- pages (pages.c) ---- */
int backup_page(struct req *r);
int backup_home(struct req *r);

#endif
