#include "migrate.h"
#include <dirent.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int fail(MYSQL *m, const char *what)
{
	fprintf(stderr, "dossier migrate: %s: %s\n", what, m ? mysql_error(m) : "");
	return 1;
}

static int safe_name(const char *s)
{
	return *s != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == strlen(s);
}

/* Runs a script of several statements, draining every result. */
static int run_script(MYSQL *m, const char *sql, size_t n)
{
	if (mysql_real_query(m, sql, (unsigned long)n) != 0)
		return -1;
	for (;;) {
		MYSQL_RES *res = mysql_store_result(m);
		if (res != NULL)
			mysql_free_result(res);
		int more = mysql_next_result(m);
		if (more > 0)
			return -1;
		if (more < 0)
			return 0;
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_migration(const char *name)
{
	size_t n = strlen(name);
	return n > 8 && strspn(name, "0123456789") == 3 && name[3] == '_' &&
	       strcmp(name + n - 4, ".sql") == 0;
}

int migrate_latest(const struct config *c, char *out, size_t outlen)
{
	DIR *d = opendir(c->sql_dir);
	if (d == NULL)
		return -1;
	int found = 0;
	struct dirent *e;
	out[0] = '\0';
	while ((e = readdir(d)) != NULL)
		if (is_migration(e->d_name) && strlen(e->d_name) < outlen && strcmp(e->d_name, out) > 0) {
			snprintf(out, outlen, "%s", e->d_name);
			found = 1;
		}
	closedir(d);
	return found ? 0 : -1;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (p != NULL && fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		p = NULL;
	}
	fclose(f);
	if (p != NULL) {
		p[n] = '\0';
		*len = (size_t)n;
	}
	return p;
}

static int applied(MYSQL *m, const char *version)
{
	MYSQL_STMT *s = mysql_stmt_init(m);
	const char *q = "SELECT 1 FROM schema_migrations WHERE version = ?";
	MYSQL_BIND b;
	memset(&b, 0, sizeof b);
	unsigned long len = strlen(version);
	b.buffer_type = MYSQL_TYPE_STRING;
	b.buffer = (void *)version;
	b.buffer_length = len;
	b.length = &len;
	int found = -1;
	if (s && !mysql_stmt_prepare(s, q, strlen(q)) && !mysql_stmt_bind_param(s, &b) &&
	    !mysql_stmt_execute(s) && !mysql_stmt_store_result(s))
		found = mysql_stmt_num_rows(s) > 0;
	if (s)
		mysql_stmt_close(s);
	return found;
}

static int record(MYSQL *m, const char *version)
{
	MYSQL_STMT *s = mysql_stmt_init(m);
	const char *q = "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)";
	char now[20];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S", &tm);
	MYSQL_BIND b[2];
	memset(b, 0, sizeof b);
	unsigned long l0 = strlen(version), l1 = strlen(now);
	b[0].buffer_type = MYSQL_TYPE_STRING;
	b[0].buffer = (void *)version;
	b[0].buffer_length = l0;
	b[0].length = &l0;
	b[1].buffer_type = MYSQL_TYPE_STRING;
	b[1].buffer = now;
	b[1].buffer_length = l1;
	b[1].length = &l1;
	int rc = s && !mysql_stmt_prepare(s, q, strlen(q)) && !mysql_stmt_bind_param(s, b) &&
		 !mysql_stmt_execute(s) ? 0 : -1;
	if (s)
		mysql_stmt_close(s);
	return rc;
}

static int apply_dir(MYSQL *m, const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "dossier migrate: cannot open %s\n", dir);
		return 1;
	}
	char *names[1000];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 1000)
		if (is_migration(e->d_name))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], cmp);
	int rc = 0, count = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		char version[300], path[1024];
		snprintf(version, sizeof version, "%s%s", prefix, names[i]);
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		int a = applied(m, version);
		if (a < 0) {
			rc = fail(m, "reading schema_migrations");
			break;
		}
		if (a)
			continue;
		size_t len;
		char *sql = slurp(path, &len);
		if (sql == NULL) {
			fprintf(stderr, "dossier migrate: cannot read %s\n", path);
			rc = 1;
			break;
		}
		if (run_script(m, sql, len) != 0 || record(m, version) != 0)
			rc = fail(m, path);
		else
			printf("applied %s\n", version), count++;
		free(sql);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	if (rc == 0 && count == 0)
		printf("%s: nothing to apply\n", *prefix ? "demo data" : "schema");
	return rc;
}


/* Runs a one-parameter SELECT of two text columns as a prepared statement and
 * calls fn for every row. Returns 0, or -1 on error, or what fn returned. */
static int select_rows(MYSQL *m, const char *sql, const char *arg,
		       int (*fn)(MYSQL *m, const char *a, const char *b, void *ctx), void *ctx)
{
	MYSQL_STMT *s = mysql_stmt_init(m);
	MYSQL_BIND p, r[2];
	memset(&p, 0, sizeof p);
	memset(r, 0, sizeof r);
	unsigned long plen = strlen(arg), len[2];
	char col[2][256];
	my_bool null[2];
	p.buffer_type = MYSQL_TYPE_STRING;
	p.buffer = (void *)arg;
	p.buffer_length = plen;
	p.length = &plen;
	for (int i = 0; i < 2; i++) {
		r[i].buffer_type = MYSQL_TYPE_STRING;
		r[i].buffer = col[i];
		r[i].buffer_length = sizeof col[i] - 1;
		r[i].length = &len[i];
		r[i].is_null = &null[i];
	}
	int rc = -1;
	if (s && !mysql_stmt_prepare(s, sql, strlen(sql)) && !mysql_stmt_bind_param(s, &p) &&
	    !mysql_stmt_execute(s) && !mysql_stmt_store_result(s) && !mysql_stmt_bind_result(s, r)) {
		rc = 0;
		int f;
		while (rc == 0 && ((f = mysql_stmt_fetch(s)) == 0 || f == MYSQL_DATA_TRUNCATED)) {
			for (int i = 0; i < 2; i++)
				col[i][null[i] ? 0 : (len[i] < sizeof col[i] ? len[i] : sizeof col[i] - 1)] = '\0';
			rc = fn(m, col[0], col[1], ctx);
		}
	}
	if (rc == -1)
		fprintf(stderr, "dossier migrate: %s\n", s ? mysql_stmt_error(s) : mysql_error(m));
	if (s)
		mysql_stmt_close(s);
	return rc;
}

static int report_bad_table(MYSQL *m, const char *name, const char *engine, void *ctx)
{
	(void)m;
	(void)ctx;
	fprintf(stderr, "dossier migrate: table %s (%s) must be InnoDB with a primary key\n", name,
		*engine ? engine : "?");
	return 1;
}

/* Every table InnoDB with a primary key (DESIGN.md §2). */
static int check_tables(MYSQL *m, const char *db)
{
	return select_rows(m,
		"SELECT t.table_name, t.engine FROM information_schema.tables t "
		"WHERE t.table_schema = ? AND (t.engine <> 'InnoDB' OR NOT EXISTS ("
		"SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = t.table_schema "
		"AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'))",
		db, report_bad_table, NULL) != 0;
}

static int grant_table(MYSQL *m, const char *table, const char *comment, void *ctx)
{
	const struct config *c = ctx;
	char q[1024];
	if (!safe_name(table))
		return 0;
	int append_only = strstr(comment, "append-only") != NULL;
	snprintf(q, sizeof q, "GRANT %s ON `%s`.`%s` TO '%s'@'localhost'",
		 append_only ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE",
		 c->db_name, table, c->db_user);
	if (mysql_query(m, q) != 0)
		return fail(m, q);
	if (append_only) {
		snprintf(q, sizeof q, "REVOKE UPDATE, DELETE ON `%s`.`%s` FROM '%s'@'localhost'",
			 c->db_name, table, c->db_user);
		if (mysql_query(m, q) != 0 && mysql_errno(m) != 1147)   /* no such grant */
			return fail(m, q);
	}
	return 0;
}

static int grants(MYSQL *m, const struct config *c)
{
	char pw[2 * CONFIG_STR + 1], q[1024];
	mysql_real_escape_string(m, pw, c->db_password, (unsigned long)strlen(c->db_password));
	snprintf(q, sizeof q, "CREATE USER IF NOT EXISTS '%s'@'localhost' IDENTIFIED BY '%s'", c->db_user, pw);
	if (mysql_query(m, q) != 0)
		return fail(m, "creating the application user");
	snprintf(q, sizeof q, "ALTER USER '%s'@'localhost' IDENTIFIED BY '%s'", c->db_user, pw);
	if (mysql_query(m, q) != 0)
		return fail(m, "setting the application user's password");
	return select_rows(m, "SELECT table_name, table_comment FROM information_schema.tables "
			   "WHERE table_schema = ?", c->db_name, grant_table, (void *)c) != 0;
}

int migrate_run(const struct config *c, int demo)
{
	if (!safe_name(c->db_name) || !safe_name(c->db_user)) {
		fprintf(stderr, "dossier migrate: db_name and db_user may hold only letters, digits and _\n");
		return 1;
	}
	MYSQL *m = mysql_init(NULL);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	const char *sock = c->db_socket[0] ? c->db_socket : NULL;
	if (mysql_real_connect(m, c->db_host, c->db_admin_user, c->db_admin_password, NULL,
			       (unsigned int)c->db_port, sock, CLIENT_MULTI_STATEMENTS) == NULL) {
		int rc = fail(m, "connecting as the admin user");
		mysql_close(m);
		return rc;
	}
	char q[512];
	snprintf(q, sizeof q, "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 "
		 "COLLATE utf8mb4_unicode_ci", c->db_name);
	int rc = 0;
	if (mysql_query(m, q) != 0 || mysql_select_db(m, c->db_name) != 0 ||
	    mysql_query(m, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
			   "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'") != 0 ||
	    mysql_query(m, "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(190) NOT NULL "
			   "PRIMARY KEY, applied_at DATETIME NOT NULL) ENGINE=InnoDB") != 0)
		rc = fail(m, "preparing the database");
	char dir[CONFIG_STR + 8];
	snprintf(dir, sizeof dir, "%s%s", c->sql_dir, demo ? "/demo" : "");
	if (rc == 0)
		rc = apply_dir(m, dir, demo ? "demo/" : "");
	if (rc == 0 && !demo)
		rc = check_tables(m, c->db_name);
	if (rc == 0 && !demo)
		rc = grants(m, c);
	mysql_close(m);
	return rc;
}
