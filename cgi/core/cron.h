/* cron.h — `dossier cron`: the scheduled tasks (run every few minutes). */
#ifndef DOSSIER_CRON_H
#define DOSSIER_CRON_H
#include "config.h"

/* Runs every due task once; each is idempotent and holds a named database
 * lock while it runs, so two copies at once do no harm. 0, or 1 when a task
 * failed (logged). */
int cron_run(const struct config *cfg);

#endif
