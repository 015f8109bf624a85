/* run.c — `dossier backup` and `dossier restore FILE`.
 *
 * A backup is one archive in backup_dir, dossier-YYYYMMDD-HHMMSS-KIND.tar.gz,
 * holding dossier.sql (mariadb-dump --single-transaction of the database: a
 * consistent snapshot taken without locking the running instance) and files/
 * (the file store of scans, files_dir), with NAME.sha256 beside it in
 * sha256sum's format. After writing, the archive is read back whole (tar
 * --list through gzip's checks) and hashed again against its manifest. Every
 * run, good or failed, is a row of the backups table; then retention deletes
 * the archives it no longer keeps (retention.c).
 *
 * The client tools get the admin account's settings from a 0600 option file
 * in a private temporary directory, never on a command line. */
#include "backup.h"
#include "sql.h"
#include "core/clock.h"
#include "core/core_sql.h"
#include "core/crypto.h"
#include "core/db.h"
#include "core/migrate.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PATH_LEN 1024
#define ERR_LEN 1000

/* ---- small helpers ------------------------------------------------------------ */

/* snprintf without the compiler's truncation guesses: paths are checked by
 * the calls that use them (a truncated one names no file of ours). */
static int fmt(char *out, size_t len, const char *f, ...) __attribute__((format(printf, 3, 4)));
static int fmt(char *out, size_t len, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(out, len, f, ap);
	va_end(ap);
	return n;
}

static void seterr(char *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void seterr(char *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, ERR_LEN, fmt, ap);
	va_end(ap);
}

/* mkdir -p path with mode for the directories it makes; 0 or -1. */
static int mkdirs(const char *path, mode_t mode)
{
	char p[PATH_LEN];
	if (fmt(p, sizeof p, "%s", path) >= (int)sizeof p)
		return -1;
	for (char *s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, mode) != 0 && errno != EEXIST)
				return -1;
			*s = '/';
		}
	return mkdir(p, mode) != 0 && errno != EEXIST ? -1 : 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) != 0 && errno != ENOENT ? -1 : 0;
}

/* rm -rf of a directory this program made. */
static void rm_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* 1 when dir does not exist or holds nothing; 0 when it holds something; -1 error. */
static int dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return errno == ENOENT ? 1 : -1;
	struct dirent *e;
	int empty = 1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* The last non-empty line of a (small) text file, for an error message. */
static void last_line(const char *path, char *out, size_t len)
{
	out[0] = '\0';
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return;
	char line[ERR_LEN];
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0')
			fmt(out, len, "%s", line);
	}
	fclose(f);
}

/* 1 when the end of the file at path contains s (a dump's completion line). */
static int tail_has(const char *path, const char *s)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	char buf[512];
	size_t n = 0;
	if (fseek(f, -(long)(sizeof buf - 1), SEEK_END) != 0)
		rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++)   /* a NUL byte must not hide the rest */
		if (buf[i] == '\0')
			buf[i] = ' ';
	return strstr(buf, s) != NULL;
}

/* Runs argv[0] (looked up in PATH) with stdin, stdout and stderr from/to the
 * given files (NULL: /dev/null); returns its exit status, or -1 when it could
 * not run or died of a signal. */
static int run_prog(char *const argv[], const char *in, const char *out, const char *errf)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fi = open(in ? in : "/dev/null", O_RDONLY);
		int fo = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int fe = open(errf ? errf : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fi < 0 || fo < 0 || fe < 0 || dup2(fi, 0) < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
			_exit(126);
		execvp(argv[0], argv);
		dprintf(2, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* An option value for a MariaDB option file: quoted, with \ and " escaped. */
static void cnf_value(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s=\"", key);
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			fputc('\\', f);
		fputc(*v, f);
	}
	fputs("\"\n", f);
}

/* The admin account's connection settings as a [client] option file (0600). */
static int write_client_cnf(const struct config *cfg, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (f == NULL) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	fputs("[client]\n", f);
	cnf_value(f, "user", cfg->db_admin_user);
	if (cfg->db_admin_password[0] != '\0')
		cnf_value(f, "password", cfg->db_admin_password);
	if (cfg->db_socket[0] != '\0') {
		cnf_value(f, "socket", cfg->db_socket);
	} else {
		cnf_value(f, "host", cfg->db_host);
		fprintf(f, "port=%ld\nprotocol=tcp\n", cfg->db_port);
	}
	return fclose(f) == 0 ? 0 : -1;
}

static int fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* The sha256 written in a manifest "HEX  NAME\n" (out >= 65); 0 or -1. */
static int read_manifest(const char *path, char *out)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	char line[PATH_LEN];
	int rc = fgets(line, sizeof line, f) != NULL && strspn(line, "0123456789abcdef") == 64 ? 0 : -1;
	fclose(f);
	if (rc == 0)
		fmt(out, 65, "%.64s", line);
	return rc;
}

/* ---- dossier backup ---------------------------------------------------------------- */

struct outcome {
	char file[BACKUP_NAME_MAX];
	char sha256[65];
	long long size;
	char err[ERR_LEN];
};

/* Writes, checks and names one archive; 0, or -1 with o->err set. tmp is a
 * private directory for the dump and the tools' option file. */
static int write_archive(const struct config *cfg, const char *tmp, struct outcome *o)
{
	char cnf[PATH_LEN], dump[PATH_LEN], dump_err[PATH_LEN], tar_err[PATH_LEN], list[PATH_LEN];
	char partial[PATH_LEN], final[PATH_LEN], manifest[PATH_LEN], manifest_tmp[PATH_LEN], files[PATH_LEN];
	fmt(cnf, sizeof cnf, "%s/client.cnf", tmp);
	fmt(dump, sizeof dump, "%s/dossier.sql", tmp);
	fmt(dump_err, sizeof dump_err, "%s/dump.err", tmp);
	fmt(tar_err, sizeof tar_err, "%s/tar.err", tmp);
	fmt(list, sizeof list, "%s/list.txt", tmp);
	fmt(partial, sizeof partial, "%s/.%s.partial", cfg->backup_dir, o->file);
	fmt(final, sizeof final, "%s/%s", cfg->backup_dir, o->file);
	fmt(manifest, sizeof manifest, "%s.sha256", final);
	fmt(manifest_tmp, sizeof manifest_tmp, "%s/.%s.sha256.partial", cfg->backup_dir, o->file);

	if (access(final, F_OK) == 0) {
		seterr(o->err, "%s exists already", final);
		return -1;
	}
	if (write_client_cnf(cfg, cnf) != 0) {
		seterr(o->err, "cannot write %s: %s", cnf, strerror(errno));
		return -1;
	}
	/* 1. the database: one consistent snapshot (InnoDB), no table locked */
	char defaults[PATH_LEN + 20];
	fmt(defaults, sizeof defaults, "--defaults-file=%s", cnf);
	char db_name[sizeof cfg->db_name];
	fmt(db_name, sizeof db_name, "%s", cfg->db_name);
	char *dump_argv[] = { "mariadb-dump", defaults, "--single-transaction", "--routines", "--events", "--triggers",
			      "--hex-blob", "--default-character-set=utf8mb4", db_name, NULL };
	int st = run_prog(dump_argv, NULL, dump, dump_err);
	if (st != 0) {
		char why[ERR_LEN / 2];
		last_line(dump_err, why, sizeof why);
		seterr(o->err, "mariadb-dump failed (exit status %d): %s", st, why[0] ? why : "no message");
		return -1;
	}
	if (!tail_has(dump, "-- Dump completed")) {
		seterr(o->err, "mariadb-dump wrote an incomplete dump (no completion line)");
		return -1;
	}
	/* 2. the file store: files/ in the archive, even when empty or not made yet */
	const char *files_src = cfg->files_dir;
	if (access(files_src, F_OK) != 0) {
		fmt(files, sizeof files, "%s/files", tmp);
		if (mkdir(files, 0700) != 0) {
			seterr(o->err, "cannot make %s: %s", files, strerror(errno));
			return -1;
		}
		files_src = files;
	}
	char *tar_argv[] = { "tar", "--create", "--gzip", "--file", partial, "--sort=name", "--transform=s,^\\.,files,",
			     "-C", (char *)tmp, "dossier.sql", "-C", (char *)files_src, ".", NULL };
	st = run_prog(tar_argv, NULL, NULL, tar_err);
	if (st != 0) {
		char why[ERR_LEN / 2];
		last_line(tar_err, why, sizeof why);
		seterr(o->err, "tar failed (exit status %d): %s", st, why[0] ? why : "no message");
		unlink(partial);
		return -1;
	}
	if (fsync_path(partial, 0) != 0 || rename(partial, final) != 0) {
		seterr(o->err, "cannot write %s: %s", final, strerror(errno));
		unlink(partial);
		return -1;
	}
	fsync_path(cfg->backup_dir, 1);
	/* 3. checked: read back whole through gzip's checks, the dump and the files inside */
	char *list_argv[] = { "tar", "--list", "--gzip", "--file", final, NULL };
	st = run_prog(list_argv, NULL, list, tar_err);
	int has_dump = 0, has_files = 0;
	FILE *lf = st == 0 ? fopen(list, "r") : NULL;
	if (lf != NULL) {
		char line[PATH_LEN];
		while (fgets(line, sizeof line, lf) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			has_dump |= strcmp(line, "dossier.sql") == 0;
			has_files |= strcmp(line, "files/") == 0 || strcmp(line, "files") == 0;
		}
		fclose(lf);
	}
	if (!has_dump || !has_files) {
		char why[ERR_LEN / 2];
		last_line(tar_err, why, sizeof why);
		seterr(o->err, "the archive does not read back (%s)", st != 0 && why[0] ? why :
		       !has_dump ? "no dossier.sql in it" : "no files/ in it");
		return -1;
	}
	/* 4. size and checksum, in a manifest beside it; then hashed again against it */
	if (crypto_sha256_file(final, o->sha256, &o->size) != 0) {
		seterr(o->err, "cannot read %s: %s", final, strerror(errno));
		return -1;
	}
	FILE *mf = fopen(manifest_tmp, "w");
	int ok = mf != NULL && fprintf(mf, "%s  %s\n", o->sha256, o->file) > 0;
	if (mf != NULL && fclose(mf) != 0)
		ok = 0;
	if (!ok || fsync_path(manifest_tmp, 0) != 0 || rename(manifest_tmp, manifest) != 0) {
		seterr(o->err, "cannot write %s: %s", manifest, strerror(errno));
		unlink(manifest_tmp);
		return -1;
	}
	fsync_path(cfg->backup_dir, 1);
	char written[65], again[65];
	long long size2 = -1;
	if (read_manifest(manifest, written) != 0 || crypto_sha256_file(final, again, &size2) != 0 ||
	    strcmp(written, o->sha256) != 0 || strcmp(again, o->sha256) != 0 || size2 != o->size) {
		seterr(o->err, "the archive does not match its manifest %s", manifest);
		return -1;
	}
	if (o->size <= 0) {
		seterr(o->err, "the archive is empty");
		return -1;
	}
	return 0;
}

/* Deletes the archives retention no longer keeps (and their manifests), and
 * marks their rows. Returns how many were deleted. */
static int prune(const struct config *cfg, struct db *db, arena *a, const char *now_text)
{
	struct entry {
		struct backup_stamp stamp;
		char name[BACKUP_NAME_MAX];
	} *v = NULL;
	size_t n = 0, cap = 0;
	DIR *d = opendir(cfg->backup_dir);
	if (d == NULL)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		struct backup_stamp s;
		if (backup_name_parse(e->d_name, &s) != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			struct entry *nv = realloc(v, cap * sizeof *v);
			if (nv == NULL)
				break;
			v = nv;
		}
		v[n].stamp = s;
		fmt(v[n].name, sizeof v[n].name, "%s", e->d_name);
		n++;
	}
	closedir(d);
	struct backup_stamp *stamps = n ? calloc(n, sizeof *stamps) : NULL;
	int *keep = n ? calloc(n, sizeof *keep) : NULL;
	int removed = 0;
	if (stamps != NULL && keep != NULL) {
		for (size_t i = 0; i < n; i++)
			stamps[i] = v[i].stamp;
		backup_retention(stamps, n, cfg->backup_keep_weekly, cfg->backup_keep_monthly, keep);
		for (size_t i = 0; i < n; i++) {
			if (keep[i])
				continue;
			char p[PATH_LEN];
			fmt(p, sizeof p, "%s/%s", cfg->backup_dir, v[i].name);
			if (unlink(p) != 0) {
				fprintf(stderr, "dossier backup: cannot delete %s: %s\n", p, strerror(errno));
				continue;
			}
			fmt(p, sizeof p, "%s/%s.sha256", cfg->backup_dir, v[i].name);
			unlink(p);
			db_write(db, a, Q_BACKUP_REMOVED, NULL, "ss", now_text, v[i].name);
			printf("retention: deleted %s\n", v[i].name);
			removed++;
		}
	}
	free(keep);
	free(stamps);
	free(v);
	return removed;
}

/* Removes what a killed run left in backup_dir (its .tmp-* directory and
 * .*.partial files); called under the lock, so no other run is using them. */
static void sweep(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char p[PATH_LEN];
		fmt(p, sizeof p, "%s/%s", dir, e->d_name);
		if (strncmp(e->d_name, ".tmp-", 5) == 0)
			rm_tree(p);
		else if (e->d_name[0] == '.' && n > 8 && strcmp(e->d_name + n - 8, ".partial") == 0)
			unlink(p);
	}
	closedir(d);
}

/* The kind of this run and whether one is due, from the table. Monthly when
 * this month has no good monthly backup yet (so a timer that missed the 1st
 * catches up with the month's backup), else weekly. Due (for --if-due) when
 * the month's backup is missing or the last good backup is 7 days old; a
 * failed attempt is retried after an hour. Returns 1 when due, else 0 with
 * the reason in why. */
static int due_kind(const struct dbres *st, time_t now, enum backup_kind *kind, char *why, size_t len)
{
	const char *last_ok = st->nrows ? st->rows[0][BS_LAST_OK] : NULL;
	const char *last_monthly = st->nrows ? st->rows[0][BS_LAST_MONTHLY] : NULL;
	const char *last_try = st->nrows ? st->rows[0][BS_LAST_TRY] : NULL;
	const char *last_try_ok = st->nrows ? st->rows[0][BS_LAST_TRY_OK] : NULL;
	char hour_ago[20], week_ago[20], month_start[20];
	clock_format(now - 3600, hour_ago);
	clock_format(now - 7 * 86400 + 60, week_ago);   /* a minute early: timers drift */
	clock_format(now, month_start);
	memcpy(month_start + 8, "01 00:00:00", 12);
	int month_missing = last_monthly == NULL || strcmp(last_monthly, month_start) < 0;
	*kind = month_missing ? BACKUP_MONTHLY : BACKUP_WEEKLY;
	if (!month_missing && last_ok != NULL && strcmp(last_ok, week_ago) > 0) {
		fmt(why, len, "the last good backup is from %s", last_ok);
		return 0;
	}
	if (last_try != NULL && last_try_ok != NULL && strcmp(last_try_ok, "0") == 0 && strcmp(last_try, hour_ago) > 0) {
		fmt(why, len, "due, but the last attempt (%s) failed less than an hour ago", last_try);
		return 0;
	}
	return 1;
}

/* The backup's row, and a bump of the data version "backups" with it: each
 * worker keeps the last good backup's date for the admin's home page while
 * the version holds (pages.c). */
struct record_ctx {
	struct db *db;
	arena *a;
	const char *started, *finished;
	enum backup_kind kind;
	const struct outcome *o;
	int ok;
};

static int record_txn(void *arg)
{
	const struct record_ctx *c = arg;
	int rc = db_exec(c->db, c->a, Q_BACKUP_RECORD, NULL, "ssssisis", c->started, c->finished,
			 backup_kind_name(c->kind), c->o->file, c->ok ? c->o->size : 0LL, c->ok ? c->o->sha256 : NULL,
			 (long long)c->ok, c->ok ? NULL : c->o->err);
	return rc == DB_OK ? db_exec(c->db, c->a, Q_VERSION_BUMP, NULL, "s", "backups") : rc;
}

int backup_command(const struct config *cfg, int argc, char **argv)
{
	int if_due = 0, kind_set = 0;
	enum backup_kind kind = BACKUP_WEEKLY;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--if-due") == 0) {
			if_due = 1;
		} else if (strcmp(argv[i], "weekly") == 0 || strcmp(argv[i], "monthly") == 0) {
			kind = argv[i][0] == 'm' ? BACKUP_MONTHLY : BACKUP_WEEKLY;
			kind_set = 1;
		} else {
			fprintf(stderr, "usage: dossier backup [weekly|monthly] [--if-due]\n");
			return 2;
		}
	}
	umask(077);   /* the archive holds every record and password hash: the owner only */
	if (mkdirs(cfg->backup_dir, 0700) != 0) {
		fprintf(stderr, "dossier backup: cannot make %s: %s\n", cfg->backup_dir, strerror(errno));
		return 1;
	}
	/* one backup at a time on this host (a timer and a hand-run one) */
	char lock[PATH_LEN];
	fmt(lock, sizeof lock, "%s/.lock", cfg->backup_dir);
	int lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lock_fd < 0 || flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
		fprintf(stderr, "dossier backup: %s\n", lock_fd < 0 ? strerror(errno) : "another backup is running");
		if (lock_fd >= 0)
			close(lock_fd);
		return if_due ? 0 : 1;
	}
	sweep(cfg->backup_dir);
	struct db *db = db_new(cfg);
	arena *a = arena_new();
	int rc = 1;
	if (db == NULL || a == NULL || db_connect(db) != DB_OK) {
		/* nothing can be recorded either: the exit status and stderr say it */
		fprintf(stderr, "dossier backup: the database is unavailable (as the application's account)\n");
		goto out;
	}
	time_t now = clock_now();
	struct tm tm;
	localtime_r(&now, &tm);
	char started[20];
	clock_format(now, started);
	struct dbres st;
	char why[200];
	enum backup_kind auto_kind;
	if (db_exec(db, a, Q_BACKUP_STATE, &st, "") != DB_OK) {
		fprintf(stderr, "dossier backup: cannot read the backups table\n");
		goto out;
	}
	int due = due_kind(&st, now, &auto_kind, why, sizeof why);
	if (if_due && !due) {
		printf("dossier backup: not due: %s\n", why);
		rc = 0;
		goto out;
	}
	if (!kind_set)
		kind = auto_kind;

	struct outcome o;
	memset(&o, 0, sizeof o);
	backup_name_make(&tm, kind, o.file);
	char tmp[PATH_LEN];
	fmt(tmp, sizeof tmp, "%s/.tmp-XXXXXX", cfg->backup_dir);
	int ok;
	if (mkdtemp(tmp) == NULL) {
		seterr(o.err, "cannot make a directory in %s: %s", cfg->backup_dir, strerror(errno));
		ok = 0;
	} else {
		ok = write_archive(cfg, tmp, &o) == 0;
		rm_tree(tmp);
	}
	if (!ok) {
		char p[PATH_LEN];
		fmt(p, sizeof p, "%s/%s", cfg->backup_dir, o.file);
		if (strstr(o.err, "exists already") == NULL) {   /* never someone else's archive */
			unlink(p);
			fmt(p, sizeof p, "%s/%s.sha256", cfg->backup_dir, o.file);
			unlink(p);
		}
	}
	char finished[20];
	clock_format(clock_now(), finished);
	struct record_ctx record = { db, a, started, finished, kind, &o, ok };
	int rec = db_txn(db, record_txn, &record);
	if (rec != DB_OK)
		fprintf(stderr, "dossier backup: could not record the backup in the backups table\n");
	if (!ok) {
		fprintf(stderr, "dossier backup: FAILED: %s\n", o.err);
		goto out;
	}
	printf("dossier backup: %s backup %s/%s, %lld bytes, sha256 %s (checked)\n", backup_kind_name(kind),
	       cfg->backup_dir, o.file, o.size, o.sha256);
	prune(cfg, db, a, finished);
	rc = rec == DB_OK ? 0 : 1;
out:
	arena_free(a);
	db_free(db);
	close(lock_fd);   /* releases the lock */
	return rc;
}

/* ---- dossier restore FILE -------------------------------------------------------- */

/* The number of tables in the database (0 when it does not exist); -1 error. */
static long long count_tables(MYSQL *m, const char *db)
{
	MYSQL_STMT *s = mysql_stmt_init(m);
	const char *q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?";
	MYSQL_BIND p, r;
	memset(&p, 0, sizeof p);
	memset(&r, 0, sizeof r);
	unsigned long plen = strlen(db);
	long long n = -1, v = 0;
	p.buffer_type = MYSQL_TYPE_STRING;
	p.buffer = (void *)db;
	p.buffer_length = plen;
	p.length = &plen;
	r.buffer_type = MYSQL_TYPE_LONGLONG;
	r.buffer = &v;
	if (s && !mysql_stmt_prepare(s, q, strlen(q)) && !mysql_stmt_bind_param(s, &p) && !mysql_stmt_execute(s) &&
	    !mysql_stmt_bind_result(s, &r) && mysql_stmt_fetch(s) == 0)
		n = v;
	if (s)
		mysql_stmt_close(s);
	return n;
}

static int restore_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int restore_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("dossier restore: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 1;
}

int restore_command(const struct config *cfg, int argc, char **argv)
{
	int check = 1;
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--no-checksum") == 0)
			check = 0;
		else if (file == NULL && argv[i][0] != '-')
			file = argv[i];
		else
			file = NULL, i = argc;
	}
	if (file == NULL) {
		fprintf(stderr, "usage: dossier restore [--no-checksum] FILE\n");
		return 2;
	}
	if (strspn(cfg->db_name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen(cfg->db_name) ||
	    cfg->db_name[0] == '\0')
		return restore_fail("db_name may hold only letters, digits and _");
	/* 1. the archive is the one its manifest describes */
	char manifest[PATH_LEN], want[65], got[65];
	fmt(manifest, sizeof manifest, "%s.sha256", file);
	if (check) {
		if (read_manifest(manifest, want) != 0)
			return restore_fail("no readable %s beside the archive (--no-checksum restores without it)",
					    manifest);
		if (crypto_sha256_file(file, got, NULL) != 0)
			return restore_fail("cannot read %s: %s", file, strerror(errno));
		if (strcmp(want, got) != 0)
			return restore_fail("%s does not match its checksum in %s: refused", file, manifest);
		printf("checksum: %s matches %s\n", file, manifest);
	}
	/* 2. a fresh instance: no tables in the database, nothing in the file store */
	int empty = dir_empty(cfg->files_dir);
	if (empty != 1)
		return restore_fail(empty == 0 ? "files_dir %s is not empty: restore wants a fresh instance"
					       : "cannot read files_dir %s", cfg->files_dir);
	MYSQL *m = mysql_init(NULL);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, cfg->db_host, cfg->db_admin_user, cfg->db_admin_password, NULL,
			       (unsigned int)cfg->db_port, cfg->db_socket[0] ? cfg->db_socket : NULL, 0) == NULL) {
		restore_fail("connecting as the admin account: %s", mysql_error(m));
		mysql_close(m);
		return 1;
	}
	long long tables = count_tables(m, cfg->db_name);
	if (tables != 0) {
		restore_fail(tables < 0 ? "cannot read the server's tables: %s"
					: "database %s has tables: restore wants a fresh instance",
			     tables < 0 ? mysql_error(m) : cfg->db_name);
		mysql_close(m);
		return 1;
	}
	/* 3. unpacked beside the file store (the same file system: files/ is moved, not copied) */
	char parent[PATH_LEN], tmp[PATH_LEN];
	fmt(parent, sizeof parent, "%s", cfg->files_dir);
	char *slash = strrchr(parent, '/');
	if (slash != NULL && slash != parent)
		*slash = '\0';
	else
		fmt(parent, sizeof parent, "%s", slash == parent ? "/" : ".");
	int rc = 1;
	if (mkdirs(parent, 0750) != 0) {
		restore_fail("cannot make %s: %s", parent, strerror(errno));
		mysql_close(m);
		return 1;
	}
	fmt(tmp, sizeof tmp, "%s/.dossier-restore-XXXXXX", parent);
	if (mkdtemp(tmp) == NULL) {
		restore_fail("cannot make a directory in %s: %s", parent, strerror(errno));
		mysql_close(m);
		return 1;
	}
	char cnf[PATH_LEN], dump[PATH_LEN], errf[PATH_LEN], files[PATH_LEN], why[ERR_LEN / 2];
	fmt(cnf, sizeof cnf, "%s/client.cnf", tmp);
	fmt(dump, sizeof dump, "%s/dossier.sql", tmp);
	fmt(errf, sizeof errf, "%s/restore.err", tmp);
	fmt(files, sizeof files, "%s/files", tmp);
	char *tar_argv[] = { "tar", "--extract", "--gzip", "--no-same-owner", "--file", (char *)file, "-C", tmp, NULL };
	int st = run_prog(tar_argv, NULL, NULL, errf);
	if (st != 0) {
		last_line(errf, why, sizeof why);
		restore_fail("tar could not unpack %s (exit status %d): %s", file, st, why);
		goto out;
	}
	if (!tail_has(dump, "-- Dump completed")) {
		restore_fail("%s holds no complete dossier.sql", file);
		goto out;
	}
	/* 4. schema and data, as the admin account */
	char q[300];
	fmt(q, sizeof q, "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
		 cfg->db_name);
	if (mysql_query(m, q) != 0) {
		restore_fail("creating the database: %s", mysql_error(m));
		goto out;
	}
	if (write_client_cnf(cfg, cnf) != 0) {
		restore_fail("cannot write %s: %s", cnf, strerror(errno));
		goto out;
	}
	char defaults[PATH_LEN + 20], db_name[sizeof cfg->db_name];
	fmt(defaults, sizeof defaults, "--defaults-file=%s", cnf);
	fmt(db_name, sizeof db_name, "%s", cfg->db_name);
	char *load_argv[] = { "mariadb", defaults, "--default-character-set=utf8mb4", db_name, NULL };
	st = run_prog(load_argv, dump, NULL, errf);
	if (st != 0) {
		last_line(errf, why, sizeof why);
		restore_fail("loading the dump failed (exit status %d): %s", st, why);
		goto out;
	}
	printf("database: %s loaded (%lld tables)\n", cfg->db_name, count_tables(m, cfg->db_name));
	/* 5. the application's account and its grants; migrations newer than the backup */
	if (migrate_run(cfg, 0) != 0) {
		restore_fail("dossier migrate failed after loading (see above)");
		goto out;
	}
	/* 6. the file store */
	if (access(files, F_OK) != 0 && mkdir(files, 0750) != 0) {
		restore_fail("cannot make %s: %s", files, strerror(errno));
		goto out;
	}
	rmdir(cfg->files_dir);   /* empty (checked above) or absent */
	if (rename(files, cfg->files_dir) != 0) {
		restore_fail("cannot move the files into %s: %s", cfg->files_dir, strerror(errno));
		goto out;
	}
	printf("files: %s restored\n", cfg->files_dir);
	printf("dossier restore: %s restored into database %s and %s\n", file, cfg->db_name, cfg->files_dir);
	rc = 0;
out:
	rm_tree(tmp);
	mysql_close(m);
	return rc;
}
