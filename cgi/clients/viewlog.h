/* viewlog.h — the card view log written with one commit for many views.
 *
 * Every view of a card is a client_views row, and a card is shown only once
 * its row is committed (DESIGN.md §5). Committing each row on its own costs
 * one fsync per view on the request's path. Instead the supervisor runs a
 * committer process with its own database connection; a worker sends its
 * row over a unix SOCK_SEQPACKET socket and waits. The committer takes every
 * row that has arrived from all workers (no waiting for more), writes them
 * with one multi-row INSERT in one transaction, commits, and only then
 * answers each sender. A worker that dies after the answer loses nothing:
 * its row is committed. When no committer answers, or it says it wrote
 * nothing, the worker writes the row itself (access.c), as before. The
 * core's supervisor runs it as the clients domain's service (domain.c). */
#ifndef DOSSIER_VIEWLOG_H
#define DOSSIER_VIEWLOG_H
#include "core/config.h"
#include <sys/types.h>

enum viewlog_rc {
	VIEWLOG_OK = 0,           /* the row is committed */
	VIEWLOG_FAILED = -1,      /* the committer wrote nothing (database down, read-only…) */
	VIEWLOG_UNKNOWN = -2,     /* the connection was lost during COMMIT: it may or may not be */
	VIEWLOG_UNREACHABLE = -3, /* no committer (none configured, not running, no answer) */
};

/* Supervisor, before forking anything: names the committer's socket (after
 * the supervisor's pid) for the processes it forks. */
void viewlog_init(const struct config *cfg);
/* Forks the committer; the child closes close_fd (the FastCGI socket).
 * Returns its pid, or -1. */
pid_t viewlog_spawn(const struct config *cfg, int close_fd);
/* SIGTERM to the committer (it commits and answers what has arrived, then
 * exits), waits for it (SIGKILL after 10 s). */
void viewlog_stop(pid_t pid);

/* Worker: one row through the committer, waiting for its commit. at is
 * "YYYY-MM-DD HH:MM:SS"; via and page are the column values. */
int viewlog_write(long long client_id, long long user_id, const char *at, const char *via, const char *page);

#endif
