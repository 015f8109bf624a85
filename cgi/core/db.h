/* db.h — MariaDB through Connector/C: prepared statements only.
 * One connection per worker process. A lost connection is re-made and every
 * statement prepared again. Every write runs in an explicit transaction
 * (db_txn, or db_write for a change of one statement): a write outside one is
 * refused as a programming error, because an autocommit write whose answer
 * was lost may have been committed and must not run again. A transaction
 * that had not committed is retried whole; a read outside one is retried
 * once; a COMMIT whose answer was lost is never repeated (DB_UNAVAILABLE). */
#ifndef DOSSIER_DB_H
#define DOSSIER_DB_H
#include <stddef.h>
#include "arena.h"
#include "config.h"
#include "core_sql.h"
#include "sql.h"

struct db;

enum db_rc {
	DB_OK = 0,
	DB_ERROR = -1,         /* a programming error (bad SQL, wrong types): logged, 500 */
	DB_RETRY = -2,         /* deadlock, lock wait timeout or lost connection in a transaction */
	DB_DUPLICATE = -3,     /* unique key violation (1062) */
	DB_UNAVAILABLE = -4,   /* no connection, or a COMMIT whose outcome is unknown → 503 */
	DB_CONFLICT = -5,      /* used by callers: a stale version, nothing changed */
	DB_REFUSED = -6,       /* the server refuses writes (read-only, a full table or disk) → 503 */
};

struct dbres {
	size_t nrows, ncols;
	char ***rows;                /* rows[i][j]; NULL for SQL NULL */
	unsigned long long affected; /* for INSERT/UPDATE/DELETE */
	unsigned long long insert_id;
};

/* Adds a domain's statements (NULL-terminated) to those every connection
 * prepares. Once per process, before the first db_connect. 0 or -1 (logged). */
int db_register(struct sql *const *list);

/* The HTTP status for a db_rc that is not DB_OK: 503 when the database is
 * unavailable or refuses writes, 409 for a conflict or duplicate, else 500. */
int db_status(int rc);

/* The outcome of the last call on d that failed in this request (DB_OK: none). */
int db_last(const struct db *d);

/* A connection in the program's session settings (utf8mb4, strict mode,
 * timeouts) for a process that runs statements of its own (the view-log
 * committer); NULL when none could be made (logged). Tries db_socket (or
 * db_host:db_port), then each server of db_failover in order; with
 * db_failover set, a Galera node that is not ready (wsrep_ready OFF) is
 * skipped. Every connection of the app is made here, so a worker whose
 * server died connects to the next one at its next request. */
struct st_mysql *db_session_open(const struct config *cfg);
/* 1 when the server error e means the connection is gone. */
int db_error_lost(unsigned int e);

struct db *db_new(const struct config *cfg);
void db_free(struct db *d);
/* Connects (and prepares every registered statement) if not connected.
 * 0, DB_UNAVAILABLE, or DB_ERROR when a declaration does not match its text. */
int db_connect(struct db *d);

/* Executes statement q with parameters described by types, one character each:
 *   'i' long long, 's' const char * (NULL → SQL NULL); they must be the
 *   declared ones (core/sql.h), else DB_ERROR.
 * Rows (all columns as text) go into *res allocated in a; res may be NULL.
 * Returns a db_rc. */
int db_exec(struct db *d, arena *a, struct sql *q, struct dbres *res, const char *types, ...);

/* The same with the parameters in an array, for statements with many. */
struct dbparam {
	char type;              /* 'i' or 's' */
	long long i;
	const char *s;
};
struct dbparams {
	struct dbparam v[256];
	size_t n;
	int overflow;           /* more than fit: db_execv refuses */
};
void dbp_int(struct dbparams *p, long long v);
void dbp_str(struct dbparams *p, const char *v);
int db_execv(struct db *d, arena *a, struct sql *q, struct dbres *res, const struct dbparams *p);

/* Runs fn(ctx) inside a transaction; commits when it returns 0, rolls back
 * otherwise. DB_RETRY from fn or from COMMIT retries the whole transaction
 * (up to 5 times), so fn must have no effect outside the database. Called
 * while one is open, fn runs as part of it. */
int db_txn(struct db *d, int (*fn)(void *ctx), void *ctx);
/* A change of one statement: db_exec inside a transaction of its own (or
 * inside the caller's, when one is open), so it is retried only while it
 * cannot have committed. */
int db_write(struct db *d, arena *a, struct sql *q, struct dbres *res, const char *types, ...);
/* 1 while a db_txn function runs. */
int db_in_txn(const struct db *d);

/* Test mode only (the app calls it for a request's X-Test-Fault header): the
 * next execution of the statement named name succeeds on the server, then
 * the connection is dropped as if its answer had been lost. Cleared by
 * db_count_reset. */
void db_test_lose_after(struct db *d, const char *name);

/* Statements executed on this connection since the last reset (the app
 * reports it per request in test mode; scripts/bench prints it). */
unsigned long db_count(const struct db *d);
void db_count_reset(struct db *d);

/* Cell helpers: "" for NULL / out of range. */
const char *dbres_get(const struct dbres *r, size_t row, size_t col);
/* "%s%" for LIKE ? with s's own % _ \ taken literally (a copy in a). */
const char *db_like(arena *a, const char *s);
long long dbres_int(const struct dbres *r, size_t row, size_t col);

#endif
