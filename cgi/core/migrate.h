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

/* The name of the newest sql/NNN_*.sql into out (the version it is recorded
 * under once applied); 0, or -1 when there is none or the folder cannot be
 * read. */
int migrate_latest(const struct config *cfg, char *out, size_t outlen);

#endif
