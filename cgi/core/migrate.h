/* migrate.h — numbered SQL files applied once, in order, as the admin user. */
#ifndef DOSSIER_MIGRATE_H
#define DOSSIER_MIGRATE_H
#include "config.h"

/* demo = 0: sql/NNN_*.sql, then every table checked (InnoDB, primary key)
 * and the application user's grants set: SELECT, INSERT, UPDATE, DELETE on
 * each table, but only SELECT, INSERT on tables commented 'append-only'.
 * demo = 1: sql/demo/NNN_*.sql. Each file is recorded in schema_migrations
 * and never applied twice. Returns 0 or 1 (with a message on stderr). */
int migrate_run(const struct config *cfg, int demo);

#endif
