/* test_http_backup.c — `dossier backup` and `dossier restore` against the
 * test stack: a failed backup is recorded and shown, a good one is checked,
 * listed and clears the admin's warning, --if-due takes the month's backup
 * once, retention deletes an archive and marks its row, the warning comes
 * back after eight days, and restore refuses a live database and a changed
 * archive. (The restore into a fresh instance is the drill in scripts/test.) */
#include "test_http.h"
#include "core/config.h"
#include "core/crypto.h"
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static struct config bcfg;
static char out_path[1024];

/* Runs `env ENV dossier -c CONF ARGS` with its output in out_path; the exit status. */
static int run_dossier(const char *env, const char *args)
{
	CU_ASSERT_FATAL(getenv("DOSSIER_TEST_BIN") != NULL);
	snprintf(out_path, sizeof out_path, "%s/backup-test.out", getenv("DOSSIER_TEST_VAR"));
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "env %s '%s' -c '%s' %s >'%s' 2>&1", env, getenv("DOSSIER_TEST_BIN"),
		 getenv("DOSSIER_TEST_CONF"), args, out_path);
	int st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* 1 when the last command's output contains s. */
static int output_has(const char *s)
{
	FILE *f = fopen(out_path, "r");
	if (f == NULL)
		return 0;
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, s) != NULL;
}

static const char *archive_path(const char *file)
{
	static char p[1024];
	snprintf(p, sizeof p, "%s/%s", bcfg.backup_dir, file);
	return p;
}

static void test_failed_backup_is_recorded_and_shown(void)
{
	long long before = db_value("SELECT COUNT(*) FROM backups");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups WHERE ok = 1"), 0);   /* none yet in this stack */
	/* the dump's account cannot sign in: mariadb-dump fails */
	CU_ASSERT_NOT_EQUAL(run_dossier("DOSSIER_DB_ADMIN_USER=no_such_account", "backup"), 0);
	CU_ASSERT(output_has("FAILED"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups"), before + 1);
	long long id = db_value("SELECT MAX(id) FROM backups");
	CU_ASSERT_EQUAL(db_value("SELECT ok FROM backups WHERE id = %lld", id), 0);
	CU_ASSERT_EQUAL(db_value("SELECT size FROM backups WHERE id = %lld", id), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups WHERE id = %lld AND error LIKE '%%Access denied%%'", id), 1);
	char file[256];
	snprintf(file, sizeof file, "%s", db_text("SELECT file FROM backups WHERE id = %lld", id));
	CU_ASSERT(access(archive_path(file), F_OK) != 0);                 /* nothing half-written left */

	struct client admin, staff;
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/backups"), 200);
	CU_ASSERT(body_has(&admin, "backup-failed"));
	CU_ASSERT(body_has(&admin, "Access denied for user"));
	CU_ASSERT(!body_has(&admin, file));                               /* no file to show */
	CU_ASSERT(body_has(&admin, "id=\"backup-warning\""));            /* no good backup at all */
	CU_ASSERT_EQUAL(client_get(&admin, "/"), 200);
	CU_ASSERT(body_has(&admin, "id=\"backup-warning\""));
	CU_ASSERT(body_has(&admin, "href=\"/admin/backups\""));
	sign_in(&staff, "staff1");
	CU_ASSERT_EQUAL(client_get(&staff, "/admin/backups"), 403);
	CU_ASSERT_EQUAL(client_get(&staff, "/"), 200);
	CU_ASSERT(!body_has(&staff, "backup-warning"));
	CU_ASSERT(!body_has(&staff, "/admin/backups"));
	client_free(&admin);
	client_free(&staff);
}

/* n home pages of admin (each to whichever worker takes it): how many warn */
static int homes_warning(struct client *admin, int n)
{
	int warned = 0;
	for (int i = 0; i < n; i++) {
		CU_ASSERT_EQUAL(client_get(admin, "/"), 200);
		warned += body_has(admin, "id=\"backup-warning\"");
	}
	return warned;
}

static void test_backup_is_checked_listed_and_clears_the_warning(void)
{
	/* every worker has read "no good backup" (each keeps the last good one's date) */
	struct client before;
	sign_in(&before, "admin");
	CU_ASSERT_EQUAL(homes_warning(&before, 16), 16);
	clock_advance(120);
	CU_ASSERT_EQUAL_FATAL(run_dossier("", "backup weekly"), 0);
	CU_ASSERT_EQUAL(homes_warning(&before, 16), 0);                 /* no worker shows its old copy */
	client_free(&before);
	long long id = db_value("SELECT MAX(id) FROM backups");
	CU_ASSERT_EQUAL(db_value("SELECT ok FROM backups WHERE id = %lld", id), 1);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT kind FROM backups WHERE id = %lld", id), "weekly");
	char file[256], sha[65];
	snprintf(file, sizeof file, "%s", db_text("SELECT file FROM backups WHERE id = %lld", id));
	snprintf(sha, sizeof sha, "%s", db_text("SELECT sha256 FROM backups WHERE id = %lld", id));
	/* the archive, its size and checksum as recorded, and the manifest beside it */
	struct stat st;
	CU_ASSERT_FATAL(stat(archive_path(file), &st) == 0);
	CU_ASSERT_EQUAL(db_value("SELECT size FROM backups WHERE id = %lld", id), (long long)st.st_size);
	CU_ASSERT_EQUAL(st.st_mode & 077, 0);                             /* the owner's only */
	char got[65];
	CU_ASSERT_FATAL(crypto_sha256_file(archive_path(file), got, NULL) == 0);
	CU_ASSERT_STRING_EQUAL(got, sha);
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "cd '%s' && sha256sum --status -c '%s.sha256'", bcfg.backup_dir, file);
	CU_ASSERT_EQUAL(system(cmd), 0);
	/* the dump and the file store are in it */
	snprintf(cmd, sizeof cmd, "tar -tzf '%s' >'%s/backup-list.txt' && grep -qx dossier.sql '%s/backup-list.txt' && "
		 "grep -qx files/ '%s/backup-list.txt'", archive_path(file), getenv("DOSSIER_TEST_VAR"),
		 getenv("DOSSIER_TEST_VAR"), getenv("DOSSIER_TEST_VAR"));
	CU_ASSERT_EQUAL(system(cmd), 0);

	struct client admin;
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/backups"), 200);
	CU_ASSERT(body_has(&admin, file));
	CU_ASSERT(body_has(&admin, "backup-ok"));
	CU_ASSERT(!body_has(&admin, "id=\"backup-warning\""));
	CU_ASSERT_EQUAL(client_get(&admin, "/"), 200);
	CU_ASSERT(!body_has(&admin, "id=\"backup-warning\""));

	/* --if-due: this month has no monthly backup yet, so one is taken; then nothing is due */
	clock_advance(60);
	CU_ASSERT_EQUAL(run_dossier("", "backup --if-due"), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups WHERE ok = 1 AND kind = 'monthly'"), 1);
	long long n = db_value("SELECT COUNT(*) FROM backups");
	clock_advance(60);
	CU_ASSERT_EQUAL(run_dossier("", "backup --if-due"), 0);
	CU_ASSERT(output_has("not due"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups"), n);

	/* nine days later the admin is warned, with the date of the last good one */
	clock_advance(9 * 86400);
	client_free(&admin);
	sign_in(&admin, "admin");                                          /* the session ended meanwhile */
	CU_ASSERT_EQUAL(client_get(&admin, "/"), 200);
	CU_ASSERT(body_has(&admin, "id=\"backup-warning\""));
	CU_ASSERT(body_has(&admin, db_text("SELECT MAX(started_at) FROM backups WHERE ok = 1")));

	/* a weekly backup in a later week, keeping one week: the first weekly
	 * archive is deleted with its manifest, and its row says so */
	CU_ASSERT_EQUAL(run_dossier("DOSSIER_BACKUP_KEEP_WEEKLY=1", "backup weekly"), 0);
	CU_ASSERT(output_has("retention: deleted"));
	CU_ASSERT(access(archive_path(file), F_OK) != 0);
	char manifest[1100];
	snprintf(manifest, sizeof manifest, "%s.sha256", archive_path(file));
	CU_ASSERT(access(manifest, F_OK) != 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups WHERE id = %lld AND removed_at IS NOT NULL", id), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM backups WHERE ok = 1 AND kind = 'monthly' AND removed_at IS NULL"), 1);
	CU_ASSERT_EQUAL(client_get(&admin, "/"), 200);
	CU_ASSERT(!body_has(&admin, "id=\"backup-warning\""));
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/backups"), 200);
	CU_ASSERT(body_has(&admin, "deleted by retention") || body_has(&admin, "已按保留规则删除"));
	client_free(&admin);
}

static void test_restore_refuses_a_live_database_and_a_changed_archive(void)
{
	char file[256];
	snprintf(file, sizeof file, "%s",
		 db_text("SELECT file FROM backups WHERE ok = 1 AND removed_at IS NULL ORDER BY id DESC LIMIT 1"));
	CU_ASSERT_FATAL(file[0] != '\0');
	long long users = db_value("SELECT COUNT(*) FROM users");
	char args[1200];
	/* the stack's own database has tables: refused, nothing touched */
	snprintf(args, sizeof args, "restore '%s'", archive_path(file));
	CU_ASSERT_NOT_EQUAL(run_dossier("DOSSIER_FILES_DIR=/nonexistent/dossier-files", args), 0);
	CU_ASSERT(output_has("restore wants a fresh instance"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM users"), users);
	/* a copy changed by one byte does not match its manifest */
	char copy[1100], cmd[8192];
	snprintf(copy, sizeof copy, "%s/changed.tar.gz", getenv("DOSSIER_TEST_VAR"));
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s.sha256' '%s.sha256' && printf x | dd of='%s' bs=1 seek=200 "
		 "conv=notrunc 2>/dev/null", archive_path(file), copy, archive_path(file), copy, copy);
	CU_ASSERT_FATAL(system(cmd) == 0);
	snprintf(args, sizeof args, "restore '%s'", copy);
	CU_ASSERT_NOT_EQUAL(run_dossier("", args), 0);
	CU_ASSERT(output_has("does not match its checksum"));
	/* without a manifest: refused unless asked */
	snprintf(cmd, sizeof cmd, "rm -f '%s.sha256'", copy);
	CU_ASSERT(system(cmd) == 0);
	CU_ASSERT_NOT_EQUAL(run_dossier("", args), 0);
	CU_ASSERT(output_has("--no-checksum"));
	unlink(copy);
}

#define T(f) CU_add_test(s, #f, f)

void add_backup_suite(void)
{
	char err[300];
	if (config_load(&bcfg, getenv("DOSSIER_TEST_CONF"), err, sizeof err) != 0)
		fprintf(stderr, "backup suite: %s\n", err);
	CU_pSuite s = CU_add_suite("backup", NULL, NULL);
	T(test_failed_backup_is_recorded_and_shown);
	T(test_backup_is_checked_listed_and_clears_the_warning);
	T(test_restore_refuses_a_live_database_and_a_changed_archive);
}
