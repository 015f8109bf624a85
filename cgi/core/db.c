#include "db.h"
#include "log.h"
#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Every statement of every domain, in the order registered (db_register). */
#define SQL_MAX 1024
static struct sql *registry[SQL_MAX];
static int nregistered;

struct db {
	const struct config *cfg;
	MYSQL *conn;
	MYSQL_STMT *stmt[SQL_MAX];
	int in_txn;
	int doomed;                 /* the open transaction hit a deadlock or lost its connection */
	unsigned long statements;   /* executed since db_count_reset */
	int last_rc;                /* the outcome of the last call that failed */
	char lose_after[64];        /* test mode: drop the connection after this statement runs */
};

int db_last(const struct db *d)
{
	return d->last_rc;
}

/* 1 when the statement text changes rows (its first word). */
static int is_write(const char *text)
{
	text += strspn(text, " \t\n(");
	static const char *const verbs[] = { "INSERT", "UPDATE", "DELETE", "REPLACE", NULL };
	for (int i = 0; verbs[i]; i++)
		if (strncasecmp(text, verbs[i], strlen(verbs[i])) == 0)
			return 1;
	return 0;
}

int db_register(struct sql *const *list)
{
	for (; *list != NULL; list++) {
		struct sql *q = *list;
		if (q->slot >= 0)
			continue;                       /* listed twice */
		if (nregistered == SQL_MAX) {
			log_msg("db: more than %d statements", SQL_MAX);
			return -1;
		}
		for (const char *t = q->types; *t; t++)
			if (*t != 'i' && *t != 's') {
				log_msg("db: %s declares the parameter type '%c'", q->name, *t);
				return -1;
			}
		q->slot = nregistered;
		q->writes = is_write(q->text);
		registry[nregistered++] = q;
	}
	return 0;
}

unsigned long db_count(const struct db *d)
{
	return d->statements;
}

void db_count_reset(struct db *d)
{
	d->statements = 0;
	d->last_rc = DB_OK;
	d->lose_after[0] = '\0';
}

void db_test_lose_after(struct db *d, const char *name)
{
	snprintf(d->lose_after, sizeof d->lose_after, "%s", name ? name : "");
}

int db_in_txn(const struct db *d)
{
	return d->in_txn;
}

struct db *db_new(const struct config *cfg)
{
	struct db *d = calloc(1, sizeof *d);
	if (d != NULL)
		d->cfg = cfg;
	return d;
}

static void db_disconnect(struct db *d)
{
	for (int i = 0; i < nregistered; i++) {
		if (d->stmt[i] != NULL)
			mysql_stmt_close(d->stmt[i]);
		d->stmt[i] = NULL;
	}
	if (d->conn != NULL)
		mysql_close(d->conn);
	d->conn = NULL;
}

void db_free(struct db *d)
{
	if (d == NULL)
		return;
	db_disconnect(d);
	free(d);
}

int db_status(int rc)
{
	switch (rc) {
	case DB_UNAVAILABLE:
	case DB_REFUSED:
	case DB_RETRY:
		return 503;
	case DB_CONFLICT:
	case DB_DUPLICATE:
		return 409;
	default:
		return 500;
	}
}

/* The server refuses to write: read-only, a full table or disk. */
static int is_refusal(unsigned int e)
{
	return e == ER_OPTION_PREVENTS_STATEMENT || e == ER_RECORD_FILE_FULL || e == ER_DISK_FULL ||
	       e == ER_READ_ONLY_MODE;
}

int db_error_lost(unsigned int e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == ER_CONNECTION_KILLED ||
	       e == CR_CONNECTION_ERROR || e == ER_SERVER_SHUTDOWN;
}

/* A session on one server (sock, or host:port when sock is NULL); NULL when
 * it does not answer, or, with check_ready, when it is a cluster node that
 * takes no queries (wsrep_ready OFF: not in the primary component). */
static MYSQL *session_on(const struct config *c, const char *host, unsigned int port, const char *sock,
			 int check_ready)
{
	MYSQL *m = mysql_init(NULL);
	if (m == NULL)
		return NULL;
	unsigned int timeout = 3, rw = 60;
	my_bool off = 0;
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	mysql_optionsv(m, MYSQL_REPORT_DATA_TRUNCATION, &off);
	if (mysql_real_connect(m, host, c->db_user, c->db_password, c->db_name, port, sock, 0) == NULL) {
		log_msg("db: connect to %s failed: %s", sock ? sock : host, mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	/* Strict mode: data that does not fit is an error, never a silent truncation. */
	if (mysql_query(m, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
			   "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'") != 0) {
		log_msg("db: set sql_mode failed: %s", mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	/* On a Galera node: a read first waits until the node has applied what
	 * the cluster committed before it, so the next page of someone who just
	 * saved (or signed in) on another node sees it. No effect elsewhere; a
	 * server built without wsrep does not know the variable (1193). */
	if (c->db_sync_wait > 0) {
		char q[64];
		snprintf(q, sizeof q, "SET SESSION wsrep_sync_wait = %ld", c->db_sync_wait);
		if (mysql_query(m, q) != 0 && mysql_errno(m) != ER_UNKNOWN_SYSTEM_VARIABLE) {
			log_msg("db: %s failed: %s", q, mysql_error(m));
			mysql_close(m);
			return NULL;
		}
	}
	if (check_ready) {
		int ready = 1;              /* a server without wsrep has no such variable */
		if (mysql_query(m, "SHOW STATUS LIKE 'wsrep_ready'") != 0) {
			ready = 0;
		} else {
			MYSQL_RES *res = mysql_store_result(m);
			MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
			if (row != NULL && row[1] != NULL && strcmp(row[1], "ON") != 0)
				ready = 0;
			if (res != NULL)
				mysql_free_result(res);
		}
		if (!ready) {
			log_msg("db: %s is a cluster node not ready for queries, skipped", sock ? sock : host);
			mysql_close(m);
			return NULL;
		}
	}
	return m;
}

MYSQL *db_session_open(const struct config *c)
{
	int failover = c->db_failover[0] != '\0';
	MYSQL *m = session_on(c, c->db_host, (unsigned int)c->db_port, c->db_socket[0] ? c->db_socket : NULL,
			      failover);
	/* then the others of db_failover in their order: "/socket" or "host:port" */
	const char *p = c->db_failover;
	while (m == NULL && *p) {
		p += strspn(p, " ,");
		size_t n = strcspn(p, ",");
		char one[CONFIG_STR];
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		p += n;
		for (size_t e = strlen(one); e > 0 && one[e - 1] == ' '; e--)
			one[e - 1] = '\0';
		if (one[0] == '\0')
			continue;
		if (one[0] == '/') {
			m = session_on(c, "localhost", 0, one, 1);
		} else {
			char *colon = strrchr(one, ':');
			unsigned int port = 3306;
			if (colon != NULL) {
				*colon = '\0';
				port = (unsigned int)strtoul(colon + 1, NULL, 10);
			}
			m = session_on(c, one, port, NULL, 1);
		}
		if (m != NULL)
			log_msg("db: connected to %s (db_failover)", one);
	}
	return m;
}

int db_connect(struct db *d)
{
	if (d->conn != NULL)
		return DB_OK;
	MYSQL *m = db_session_open(d->cfg);
	if (m == NULL)
		return DB_UNAVAILABLE;
	d->conn = m;
	for (int i = 0; i < nregistered; i++) {
		const struct sql *q = registry[i];
		MYSQL_STMT *s = mysql_stmt_init(m);
		if (s == NULL || mysql_stmt_prepare(s, q->text, strlen(q->text)) != 0) {
			log_msg("db: prepare %s failed: %s", q->name, s ? mysql_stmt_error(s) : "no memory");
			if (s != NULL)
				mysql_stmt_close(s);
			db_disconnect(d);
			return DB_UNAVAILABLE;
		}
		d->stmt[i] = s;
		if (mysql_stmt_param_count(s) != strlen(q->types)) {
			/* a programming error: the declaration does not match the text */
			log_msg("db: %s declares %zu parameters, the server counts %lu", q->name, strlen(q->types),
				mysql_stmt_param_count(s));
			db_disconnect(d);
			return DB_ERROR;
		}
	}
	return DB_OK;
}

#define CELL 256

void dbp_int(struct dbparams *p, long long v)
{
	if (p->n >= sizeof p->v / sizeof p->v[0]) {
		p->overflow = 1;
		return;
	}
	p->v[p->n].type = 'i';
	p->v[p->n++].i = v;
}

void dbp_str(struct dbparams *p, const char *v)
{
	if (p->n >= sizeof p->v / sizeof p->v[0]) {
		p->overflow = 1;
		return;
	}
	p->v[p->n].type = 's';
	p->v[p->n++].s = v;
}

/* One attempt at executing q. Sets *err to the server's error number. */
static int exec_once(struct db *d, arena *a, const struct sql *q, struct dbres *res, const struct dbparams *pp,
		     unsigned int *err)
{
	*err = 0;
	MYSQL_STMT *s = d->stmt[q->slot];
	size_t np = pp->n;
	d->statements++;
	MYSQL_BIND *pb = np ? arena_alloc(a, np * sizeof *pb) : NULL;
	long long *ints = np ? arena_alloc(a, np * sizeof *ints) : NULL;
	unsigned long *plen = np ? arena_alloc(a, np * sizeof *plen) : NULL;
	my_bool *pnull = np ? arena_alloc(a, np * sizeof *pnull) : NULL;
	for (size_t i = 0; i < np; i++) {
		if (pp->v[i].type == 'i') {
			ints[i] = pp->v[i].i;
			pb[i].buffer_type = MYSQL_TYPE_LONGLONG;
			pb[i].buffer = &ints[i];
		} else {
			const char *v = pp->v[i].s;
			pb[i].buffer_type = MYSQL_TYPE_STRING;
			if (v == NULL) {
				pnull[i] = 1;
				pb[i].is_null = &pnull[i];
			} else {
				plen[i] = (unsigned long)strlen(v);
				pb[i].buffer = (void *)v;
				pb[i].buffer_length = plen[i];
				pb[i].length = &plen[i];
			}
		}
	}
	if ((np && mysql_stmt_bind_param(s, pb)) || mysql_stmt_execute(s)) {
		*err = mysql_stmt_errno(s);
		if (*err != ER_DUP_ENTRY && *err != ER_LOCK_DEADLOCK && !db_error_lost(*err))
			log_msg("db: %s failed: %u %s", q->name, *err, mysql_stmt_error(s));
		return DB_ERROR;
	}
	struct dbres tmp;
	if (res == NULL)
		res = &tmp;
	memset(res, 0, sizeof *res);
	unsigned int nc = mysql_stmt_field_count(s);
	if (nc == 0) {
		res->affected = mysql_stmt_affected_rows(s);
		res->insert_id = mysql_stmt_insert_id(s);
		return DB_OK;
	}
	MYSQL_BIND *rb = arena_alloc(a, nc * sizeof *rb);
	unsigned long *rlen = arena_alloc(a, nc * sizeof *rlen);
	my_bool *rnull = arena_alloc(a, nc * sizeof *rnull);
	my_bool *rerr = arena_alloc(a, nc * sizeof *rerr);
	char *cells = arena_alloc(a, (size_t)nc * CELL);
	for (unsigned int j = 0; j < nc; j++) {
		rb[j].buffer_type = MYSQL_TYPE_STRING;
		rb[j].buffer = cells + (size_t)j * CELL;
		rb[j].buffer_length = CELL;
		rb[j].length = &rlen[j];
		rb[j].is_null = &rnull[j];
		rb[j].error = &rerr[j];
	}
	int rc = DB_OK;
	if (mysql_stmt_bind_result(s, rb)) {
		*err = mysql_stmt_errno(s);
		log_msg("db: %s bind result: %s", q->name, mysql_stmt_error(s));
		mysql_stmt_free_result(s);
		return DB_ERROR;
	}
	size_t cap = 0;
	res->ncols = nc;
	for (;;) {
		int f = mysql_stmt_fetch(s);
		if (f == MYSQL_NO_DATA)
			break;
		if (f == 1) {
			/* an error the server sends in the middle of the rows (on Galera
			 * a transaction aborted by another node's commit: 1213) may be
			 * set on the connection only */
			*err = mysql_stmt_errno(s) ? mysql_stmt_errno(s) : mysql_errno(d->conn);
			if (*err != ER_LOCK_DEADLOCK && !db_error_lost(*err))
				log_msg("db: %s fetch: %u %s", q->name, *err,
					mysql_stmt_errno(s) ? mysql_stmt_error(s) : mysql_error(d->conn));
			rc = DB_ERROR;
			break;
		}
		if (res->nrows == cap) {
			cap = cap ? cap * 2 : 16;
			char ***rows = arena_alloc(a, cap * sizeof *rows);
			if (res->nrows)
				memcpy(rows, res->rows, res->nrows * sizeof *rows);
			res->rows = rows;
		}
		char **row = arena_alloc(a, nc * sizeof *row);
		for (unsigned int j = 0; j < nc; j++) {
			if (rnull[j]) {
				row[j] = NULL;
			} else if (rlen[j] <= CELL && !(f == MYSQL_DATA_TRUNCATED && rerr[j])) {
				row[j] = arena_strndup(a, rb[j].buffer, rlen[j]);
			} else {
				/* a long value: fetch it whole into a buffer of its size */
				char *big = arena_alloc(a, rlen[j] + 1);
				MYSQL_BIND one;
				unsigned long got = 0;
				memset(&one, 0, sizeof one);
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = big;
				one.buffer_length = rlen[j] + 1;
				one.length = &got;
				if (mysql_stmt_fetch_column(s, &one, j, 0) != 0) {
					log_msg("db: %s fetch column %u: %s", q->name, j, mysql_stmt_error(s));
					rc = DB_ERROR;
				}
				big[rlen[j]] = '\0';
				row[j] = big;
			}
		}
		res->rows[res->nrows++] = row;
	}
	mysql_stmt_free_result(s);
	return rc;
}

/* The parameters of a db_exec call, checked against q's declaration; NULL
 * (logged) when types differ from it. */
static struct dbparams *params_of(arena *a, const struct sql *q, const char *types, va_list ap)
{
	if (strcmp(types, q->types) != 0) {
		log_msg("db: %s called with parameters \"%s\", declared \"%s\"", q->name, types, q->types);
		return NULL;
	}
	struct dbparams *p = arena_alloc(a, sizeof *p);
	for (const char *t = types; *t; t++) {
		if (*t == 'i')
			dbp_int(p, va_arg(ap, long long));
		else
			dbp_str(p, va_arg(ap, const char *));
	}
	return p;
}

int db_exec(struct db *d, arena *a, struct sql *q, struct dbres *res, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	struct dbparams *p = params_of(a, q, types, ap);
	va_end(ap);
	if (p == NULL)
		return DB_ERROR;
	return db_execv(d, a, q, res, p);
}

static int execv_(struct db *d, arena *a, struct sql *q, struct dbres *res, const struct dbparams *p)
{
	if (p->overflow) {
		log_msg("db: %s: too many parameters", q->name);
		return DB_ERROR;
	}
	if (q->slot < 0) {
		log_msg("db: %s was never registered", q->name);
		return DB_ERROR;
	}
	int same = p->n == strlen(q->types);
	for (size_t i = 0; same && i < p->n; i++)
		same = p->v[i].type == q->types[i];
	if (!same) {
		log_msg("db: %s called with %zu parameters of other types than declared \"%s\"", q->name, p->n,
			q->types);
		return DB_ERROR;
	}
	if (d->in_txn && d->doomed) {
		/* the server rolled this transaction back (a deadlock; on Galera a
		 * commit of another node aborted it): a statement now would run in
		 * autocommit, so nothing more runs until db_txn starts it again,
		 * whatever the caller made of the error */
		log_msg("db: %s refused: its transaction was rolled back", q->name);
		return DB_RETRY;
	}
	if (q->writes && !d->in_txn) {
		/* in autocommit a lost answer leaves it unknown whether it was written */
		log_msg("db: %s writes outside a transaction", q->name);
		return DB_ERROR;
	}
	/* a read is retried once after a lost connection; in a transaction the
	 * caller (db_txn) retries the whole transaction, which the server has
	 * rolled back with the connection */
	for (int attempt = 0; attempt < 2; attempt++) {
		if (db_connect(d) != DB_OK)
			return d->in_txn ? DB_RETRY : DB_UNAVAILABLE;
		unsigned int err;
		int rc = exec_once(d, a, q, res, p, &err);
		if (rc == DB_OK && d->lose_after[0] != '\0' && strcmp(d->lose_after, q->name) == 0) {
			d->lose_after[0] = '\0';           /* test mode: done on the server, the answer lost */
			log_msg("db: test fault: the connection is dropped after %s", q->name);
			db_disconnect(d);
			rc = DB_ERROR;
			err = CR_SERVER_LOST;
		}
		if (rc == DB_OK)
			return DB_OK;
		if (err == ER_DUP_ENTRY)
			return DB_DUPLICATE;
		if (is_refusal(err))
			return DB_REFUSED;
		if (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT) {
			d->doomed = d->in_txn;
			return d->in_txn ? DB_RETRY : DB_ERROR;
		}
		if (!db_error_lost(err))
			return DB_ERROR;
		log_msg("db: connection lost (%u), reconnecting", err);
		db_disconnect(d);
		if (d->in_txn) {
			d->doomed = 1;
			return DB_RETRY;
		}
	}
	return DB_UNAVAILABLE;
}

static int plain(struct db *d, const char *sql, unsigned int *err)
{
	*err = 0;
	if (d->conn == NULL)
		return DB_RETRY;
	if (mysql_query(d->conn, sql) != 0) {
		*err = mysql_errno(d->conn);
		if (db_error_lost(*err)) {
			db_disconnect(d);
			return DB_RETRY;
		}
		if (*err == ER_LOCK_DEADLOCK || *err == ER_LOCK_WAIT_TIMEOUT)
			return DB_RETRY;
		if (is_refusal(*err))
			return DB_REFUSED;
		log_msg("db: %s: %s", sql, mysql_error(d->conn));
		return DB_ERROR;
	}
	return DB_OK;
}

static int txn_(struct db *d, int (*fn)(void *ctx), void *ctx)
{
	unsigned int err;
	for (int attempt = 0; attempt < 5; attempt++) {
		if (attempt > 0) {
			struct timespec ts = { 0, (long)(10 + rand() % 40) * 1000000L * attempt };
			nanosleep(&ts, NULL);
		}
		if (db_connect(d) != DB_OK)
			continue;
		int rc = plain(d, "START TRANSACTION", &err);
		if (rc == DB_RETRY)
			continue;
		if (rc != DB_OK)
			return rc;
		d->in_txn = 1;
		d->doomed = 0;
		rc = fn(ctx);
		d->in_txn = 0;
		if (d->doomed && rc != DB_RETRY) {
			/* the caller took a failed statement for an answer (no row,
			 * a conflict): the transaction is gone all the same, run it again */
			log_msg("db: a transaction went on after a deadlock or a lost connection: retried");
			rc = DB_RETRY;
		}
		if (rc == DB_OK) {
			rc = plain(d, "COMMIT", &err);
			if (rc == DB_OK)
				return DB_OK;
			if (rc == DB_RETRY) {
				/* a lost COMMIT may or may not have committed; only a
				 * deadlock is known to be rolled back, so retry that */
				if (d->conn != NULL)
					continue;
				log_msg("db: connection lost during COMMIT");
				return DB_UNAVAILABLE;
			}
			return rc;
		}
		if (d->conn != NULL)
			plain(d, "ROLLBACK", &err);
		if (rc != DB_RETRY)
			return rc;
	}
	log_msg("db: transaction gave up after retries");
	return DB_UNAVAILABLE;
}

const char *dbres_get(const struct dbres *r, size_t row, size_t col)
{
	if (r == NULL || row >= r->nrows || col >= r->ncols || r->rows[row][col] == NULL)
		return "";
	return r->rows[row][col];
}

long long dbres_int(const struct dbres *r, size_t row, size_t col)
{
	return strtoll(dbres_get(r, row, col), NULL, 10);
}

int db_execv(struct db *d, arena *a, struct sql *q, struct dbres *res, const struct dbparams *p)
{
	int rc = execv_(d, a, q, res, p);
	if (rc != DB_OK)
		d->last_rc = rc;
	return rc;
}

int db_txn(struct db *d, int (*fn)(void *ctx), void *ctx)
{
	if (d->in_txn)
		return fn(ctx);              /* part of the transaction already open: never a second START */
	int rc = txn_(d, fn, ctx);
	if (rc != DB_OK)
		d->last_rc = rc;
	return rc;
}

const char *db_like(arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) * 2 + 3), *o = out;
	*o++ = '%';
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return out;
}

struct write_ctx {
	struct db *d;
	arena *a;
	struct sql *q;
	struct dbres *res;
	const struct dbparams *p;
};

static int write_txn(void *arg)
{
	struct write_ctx *w = arg;
	return execv_(w->d, w->a, w->q, w->res, w->p);
}

int db_write(struct db *d, arena *a, struct sql *q, struct dbres *res, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	struct dbparams *p = params_of(a, q, types, ap);
	va_end(ap);
	if (p == NULL)
		return DB_ERROR;
	if (d->in_txn)
		return db_execv(d, a, q, res, p);
	struct write_ctx w = { d, a, q, res, p };
	return db_txn(d, write_txn, &w);
}
