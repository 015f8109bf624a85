/* test_sql.c — the declared statements and the wiring, without a server:
 * every domain's statements declare as many parameters as their text has
 * placeholders, the database layer refuses a call whose types differ from
 * the declaration (before it reaches any server) and a declaration with an
 * unknown type, and every domain's routes pass router_check. */
#include <CUnit/Basic.h>
#include <string.h>
#include "core/db.h"
#include "core/domain.h"

/* The ? placeholders of a statement, outside quoted strings. */
static size_t placeholders(const char *sql)
{
	size_t n = 0;
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"' || *p == '`') {
			quote = *p;
		} else if (*p == '?') {
			n++;
		}
	}
	return n;
}

static void t_declared_counts(void)
{
	int statements = 0, wrong = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (struct sql *const *q = (*d)->sql; q != NULL && *q != NULL; q++) {
			statements++;
			if (placeholders((*q)->text) != strlen((*q)->types)) {
				fprintf(stderr, "\n%s (%s): %zu placeholders, declared \"%s\"\n", (*q)->name, (*d)->name,
					placeholders((*q)->text), (*q)->types);
				wrong++;
			}
		}
	CU_ASSERT(statements > 150);
	CU_ASSERT_EQUAL(wrong, 0);
}

static void t_placeholder_counter(void)
{
	CU_ASSERT_EQUAL(placeholders("SELECT ? FROM t WHERE a = '?' AND b = \"?\" AND c = ?"), 2);
	CU_ASSERT_EQUAL(placeholders("SELECT 'it''s ?' , ?"), 1);
}

static struct config cfg;

static struct db *offline_db(void)
{
	config_defaults(&cfg);
	/* nothing listens there: a call that got past the checks would answer DB_UNAVAILABLE */
	snprintf(cfg.db_socket, sizeof cfg.db_socket, "/nonexistent/dossier-test.sock");
	snprintf(cfg.db_host, sizeof cfg.db_host, "localhost");
	return db_new(&cfg);
}

static void t_types_checked_at_call(void)
{
	struct db *d = offline_db();
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	arena *a = arena_new();
	/* Q_USER_GET is declared "i" */
	CU_ASSERT_EQUAL(db_exec(d, a, Q_USER_GET, NULL, "s", "7"), DB_ERROR);
	CU_ASSERT_EQUAL(db_exec(d, a, Q_USER_GET, NULL, "ii", 7LL, 8LL), DB_ERROR);
	CU_ASSERT_EQUAL(db_exec(d, a, Q_USER_GET, NULL, "i", 7LL), DB_UNAVAILABLE);
	struct dbparams *p = arena_alloc(a, sizeof *p);
	dbp_str(p, "7");
	CU_ASSERT_EQUAL(db_execv(d, a, Q_USER_GET, NULL, p), DB_ERROR);
	arena_free(a);
	db_free(d);
}

/* An autocommit write whose answer is lost may have been committed: a write
 * runs only in a transaction (db_txn, db_write), never retried on its own. */
static int write_in_txn(void *ctx)
{
	arena *a = ctx;
	(void)a;
	return DB_OK;
}

static void t_write_outside_a_transaction_refused(void)
{
	struct db *d = offline_db();
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	arena *a = arena_new();
	CU_ASSERT(Q_AUDIT_INSERT->writes && Q_SESSION_TOUCH->writes && Q_VERSION_BUMP->writes);
	CU_ASSERT(!Q_USER_GET->writes && !Q_SESSION_GET->writes);
	/* refused before any server is asked; a read goes on (and finds none) */
	CU_ASSERT_EQUAL(db_exec(d, a, Q_SESSION_TOUCH, NULL, "ss", "2026-01-01 00:00:00", "x"), DB_ERROR);
	CU_ASSERT_EQUAL(db_exec(d, a, Q_USER_GET, NULL, "i", 7LL), DB_UNAVAILABLE);
	/* as a transaction of its own it is let through (and finds no server) */
	CU_ASSERT_EQUAL(db_write(d, a, Q_SESSION_TOUCH, NULL, "ss", "2026-01-01 00:00:00", "x"), DB_UNAVAILABLE);
	CU_ASSERT_EQUAL(db_txn(d, write_in_txn, a), DB_UNAVAILABLE);
	CU_ASSERT(!db_in_txn(d));
	/* a server that refuses writes and one that does not answer: both 503 */
	CU_ASSERT_EQUAL(db_status(DB_REFUSED), 503);
	CU_ASSERT_EQUAL(db_status(DB_UNAVAILABLE), 503);
	CU_ASSERT_EQUAL(db_status(DB_ERROR), 500);
	arena_free(a);
	db_free(d);
}

static void t_bad_declaration_refused(void)
{
	static struct sql bad[1] = { { "Q_BAD", "ix", "SELECT ?, ?", -1, 0 } };
	struct sql *const list[] = { bad, NULL };
	CU_ASSERT_EQUAL(db_register(list), -1);
	CU_ASSERT_EQUAL(bad[0].slot, -1);
}

static void t_routes_check(void)
{
	CU_ASSERT_EQUAL(router_check(), 0);
}

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	if (domains_register() != 0)
		return 1;
	CU_pSuite s = CU_add_suite("sql", NULL, NULL);
	CU_add_test(s, "placeholder counter", t_placeholder_counter);
	CU_add_test(s, "every statement declares its placeholders", t_declared_counts);
	CU_add_test(s, "a call with other types than declared is refused", t_types_checked_at_call);
	CU_add_test(s, "a declaration with an unknown type is refused", t_bad_declaration_refused);
	CU_add_test(s, "a write outside a transaction is refused", t_write_outside_a_transaction_refused);
	CU_add_test(s, "every domain's routes pass router_check", t_routes_check);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned failures = CU_get_number_of_failures();
	CU_cleanup_registry();
	return failures ? 1 : 0;
}
