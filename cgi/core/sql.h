/* sql.h — how a statement is declared.
 *
 * Each domain declares its statements in its own sql.h as an X-macro list:
 *
 *     #define CLIENTS_SQL(X) \
 *             X(Q_CLIENT_GET, "i", "SELECT … WHERE id = ?") \
 *             …
 *     SQL_DECLARE(CLIENTS_SQL)
 *
 * and defines them once in a .c file with SQL_DEFINE(CLIENTS_SQL, clients_sql),
 * which also makes the NULL-terminated list its descriptor hands the core.
 * The second argument of X gives the parameters, one character each:
 * 'i' a whole number, 's' a string (or NULL). db_connect prepares every
 * statement of every domain and refuses to start when the server counts
 * other parameters than declared; db_exec refuses a call whose types differ
 * from the declaration. A statement is used by its name, which is a pointer:
 *
 *     db_exec(r->db, r->a, Q_CLIENT_GET, &res, "i", id);
 */
#ifndef DOSSIER_SQL_H
#define DOSSIER_SQL_H

struct sql {
	const char *name;            /* "Q_CLIENT_GET", for the log */
	const char *types;           /* "is…": the declared parameters */
	const char *text;            /* the statement, with ? for each parameter */
	int slot;                    /* its index in a connection's statements (set by db_register) */
	int writes;                  /* INSERT, UPDATE, DELETE or REPLACE: runs only in a transaction (db_register) */
};

#define SQL_X_DECLARE(name, types, text) extern struct sql name[1];
#define SQL_X_DEFINE(name, types, text) struct sql name[1] = { { #name, types, text, -1, 0 } };
#define SQL_X_LIST(name, types, text) name,

#define SQL_DECLARE(LIST) LIST(SQL_X_DECLARE)
#define SQL_DEFINE(LIST, listname) \
	LIST(SQL_X_DEFINE) \
	struct sql *const listname[] = { LIST(SQL_X_LIST) NULL };

/* A department and every one below it, as an IN list (one parameter: the root). */
#define SQL_DEPT_SUBTREE "(WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = ? UNION ALL " \
	"SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub)"

#endif
