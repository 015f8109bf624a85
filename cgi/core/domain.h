/* domain.h — what a domain hands the core: the only coupling there is.
 *
 * A domain is one folder of cgi/ that exports one `const struct domain`.
 * cgi/domains.c lists them; the router, the navigation, the approval engine,
 * `dossier cron`, the language loader and the SQL preparer iterate that list.
 * The core never includes a domain's header. */
#ifndef DOSSIER_DOMAIN_H
#define DOSSIER_DOMAIN_H
#include "app.h"
#include "router.h"
#include "sql.h"
#include <sys/types.h>

/* A navigation entry in the page header. */
struct nav {
	int order;                   /* place in the header, across domains (lower first) */
	const char *path;            /* where it links */
	const char *label;           /* language key of its text */
	unsigned roles;              /* 0: every signed-in user; else any of these roles */
	const char *match[3];        /* path prefixes for which it is the current entry (NULL: path alone) */
	/* An optional count shown beside it (0 shows nothing); -1 on a database error. */
	long long (*badge)(struct req *r);
	const char *badge_name;      /* the count is also Nav.<badge_name>; its element's id the same with '-' for '_' */
};

/* A scheduled task of `dossier cron`. It is idempotent and runs under a lease
 * row (cron_leases), so two schedulers at once do no harm — unless it is
 * TASK_CONCURRENT: then every scheduler runs it at once, and the task claims
 * its own rows (the mail sender's per-message claims). */
enum task_flags { TASK_CONCURRENT = 1 };
struct task {
	const char *name;            /* the lease's name, e.g. "clients.purge" */
	int (*run)(struct req *r, long long *n);   /* DB_OK or a db_rc; *n = how much it did */
	const char *done;            /* for the log: "%lld <done>" */
	unsigned flags;              /* enum task_flags */
};

/* A kind of message a domain queues in the outbox (the mail domain's
 * outbox_put): the sender asks still_needed just before delivering it and
 * drops the message when it says 0 (a loan returned meanwhile). */
struct message_kind {
	const char *kind;            /* "digest", "loan.overdue", … (the outbox key's first part) */
	/* 1: deliver, 0: drop it, or a db_rc (< 0: ask again at the next attempt).
	 * NULL: always needed. */
	int (*still_needed)(struct req *r, const char *subject_ref, long long recipient);
	/* non-NULL: a person may switch this kind off on /me/notifications; the
	 * language key of the switch's label (in the declaring domain's strings) */
	const char *optout;
};

/* A domain's part of a person's daily digest. Row texts are lang_key()
 * texts (or plain text), resolved in the recipient's language when the
 * digest is written; links are paths of the app ("/requests/12"). */
#define DIGEST_ROWS 20
struct digest_row {
	const char *text;
	const char *link;            /* may be NULL */
};
struct digest_section {
	const char *title;           /* language key of the section's heading */
	size_t n;                    /* rows filled (at most DIGEST_ROWS) */
	struct digest_row rows[DIGEST_ROWS];
	long long more;              /* rows left out beyond those */
};
/* Fills out[0 .. DIGEST_SECTIONS) (zeroed by the caller; a section with
 * n = 0 says nothing) for user; since is the time of their previous digest
 * ("YYYY-MM-DD HH:MM:SS"). A db_rc. */
#define DIGEST_SECTIONS 4
typedef int (*digest_fn)(struct req *r, long long user, const char *since, struct digest_section *out);

/* A panel a domain adds to the signed-in home page (fills Home.*). A db_rc. */
typedef int (*home_fn)(struct req *r);

/* A leaving employee's things moved to a successor (the admin's handover):
 * each domain moves its own, inside the handover's transaction, and appends
 * what it moved to *summary ("3 clients"). A db_rc. */
struct handover {
	long long from, to, to_dept;
	const char *from_name, *to_name, *reason;
	const char *summary;         /* ", "-separated, in the request's arena */
};
typedef int (*handover_fn)(struct req *r, struct handover *h);

/* A process a domain runs beside the workers: the supervisor calls init
 * before it forks anything, spawns it before the workers, restarts it when it
 * dies, and stops it after the workers are gone. */
struct service {
	const char *name;
	void (*init)(const struct config *cfg);                  /* may be NULL */
	pid_t (*spawn)(const struct config *cfg, int listen_fd); /* the child closes listen_fd; -1 on failure */
	void (*stop)(pid_t pid);                                 /* ends it, waiting for it */
};

/* A section a domain adds to another domain's page, e.g. the visits on a
 * client's card: the page calls panels_fill(r, "client.card", id, flags) and
 * its template draws them with macros.cs panels(). fill sets, under prefix,
 * title, id (the element's), cols.K (headers), rows.R.K (cells; rows.R.K.href
 * links one), actions.A.{href,label}, more.{href,label} and empty (the text
 * when there are no rows); 0, or an HTTP status. The page's own dataset is
 * filled before, so a panel may read what the page states (on "client.card":
 * Card.*, e.g. Card.last_visit_on). */
enum panel_flag { PANEL_MAY_EDIT = 1 };   /* the reader may change the page's record */
/* A part of the rows a panel draws: `select` (beginning "SELECT ", without
 * ORDER BY or LIMIT) of ncols columns, whose every ? is the page's id, in
 * the given order, up to limit rows. panels_fill reads the parts of every
 * panel of a page in one statement (a UNION ALL built at start-up: a page
 * with three panels costs one statement, not three). */
struct panel_rows {
	const char *select;
	int ncols;                   /* the same for every part of one panel */
	const char *order;           /* "v.visited_on DESC, v.id DESC" */
	int limit;
};
struct panel {
	const char *page;
	/* rows: the panel's parts' rows, part after part, each in its order
	 * (ncols columns, as in its select); empty when it declares none */
	int (*fill)(struct req *r, long long id, unsigned flags, const char *prefix, const struct dbres *rows);
	struct panel_rows parts[2];  /* { 0 }: no more */
};

/* The managers' dashboard on the home page (README "Managers' dashboard"):
 * figures about the departments the signed-in person manages. The core
 * decides who has one and which departments it covers (dashboard_fill); each
 * domain fills its own group of figures from its own folder, and
 * templates/auth/home.cs draws every group with macros.cs dashboard_group().
 * A group costs one statement (or one per DASHBOARD_SLOTS departments), reads
 * through indexes, and counts at most DASHBOARD_CAP rows per figure (more is
 * shown as "1000+", see dashboard_count_text) or reads summary rows (then it
 * says how fresh they are in note). */
#define DASHBOARD_CAP 1000
/* A figure per department (a GM has them for every department) counts at
 * most this many: reading 1,001 index entries for each of 30 departments is
 * what a home page cannot afford. */
#define DASHBOARD_DEPT_CAP 100
#define DASHBOARD_SLOTS 24
struct dashboard_scope {
	long long root;              /* the managed department (and all below it); 0: the whole company */
	int company;                 /* director, deputy GM or GM: every card's scope counts */
	size_t n;                    /* the departments covered, by name */
	const long long *depts;
};
/* fill sets, under prefix: title (the group's heading), rows.R.{label (what
 * or where: a department's name), value (the figure as text), href (the list
 * showing what it counts), id (the element's, for tests and links), detail
 * (a short text beside it), warn (1: stands out), bar.share and bar.quota
 * (percentages 0–100 with one decimal: an inline bar with a line at the
 * quota; the numbers belong in value and detail too)}, empty (the text
 * when no rows), note (e.g. how fresh summary rows are). A db_rc. */
typedef int (*dashboard_fn)(struct req *r, const struct dashboard_scope *s, const char *prefix);
/* "3", or "1000+" when n is past cap (DASHBOARD_CAP, DASHBOARD_DEPT_CAP; in r's arena). */
const char *dashboard_count_text(struct req *r, long long n, long long cap);
/* A group's heading: prefix.{id, title, empty}, the last two from language keys. */
void dashboard_head(struct req *r, const char *prefix, const char *id, const char *title_key, const char *empty_key);
/* Row n of the group at prefix: {id, label, value, href, detail (NULL: none),
 * warn}; returns the row's prefix (for bar.*). */
const char *dashboard_row(struct req *r, const char *prefix, size_t n, const char *id, const char *label,
			  const char *value, const char *href, const char *detail, int warn);

/* An operator command of the `dossier` binary (`dossier NAME ARGS…`), run
 * once from a shell or a timer, outside any request. main.c finds it by name
 * in the domains' tables; the configuration is loaded, the time zone set and
 * the MariaDB library initialised before run is called. */
struct command {
	const char *name;            /* e.g. "backup" */
	const char *usage;           /* one line for `dossier` without arguments: "ARGS  what it does" */
	int (*run)(const struct config *cfg, int argc, char **argv);   /* argv[0] is the name; the exit status */
};

/* A value a domain reads with the signed-in user's session, so that no page
 * pays a statement of its own for it (the inbox's badge, the delegations
 * one holds, one's recent sign-ins). Two kinds (core_sql.h):
 *   plain (join NULL): expr is a column of the user's own row `u` (users),
 *         read by the session's statement on every request;
 *   joined: join is a LEFT JOIN on the user's id `u.id` (aliases of its
 *         own) and expr an aggregate over it (COUNT(DISTINCT …),
 *         GROUP_CONCAT(DISTINCT …): every join multiplies the rows). It is
 *         read by Q_USER_STATE, which each worker runs again only when the
 *         user's state version (user_state) moved or the day changed: the
 *         joined table must bump it by triggers (sql/073). Each `?` of the
 *         join is the start of the day; a value that depends on the time
 *         within the day carries its times, and the reader compares them
 *         with r->now_text.
 * session_value() gives its text. */
struct session_field {
	const char *expr;
	const char *join;
};

/* The value of c read with this request's session ("" for SQL NULL); NULL
 * when nobody is signed in, or in a request without a session (`dossier cron`). */
const char *session_value(const struct req *r, const struct session_field *c);
/* For session.c: how many session fields are joined ones, and the fields of
 * a request in the domains' order from the session's plain columns and the
 * user's state's joined ones. */
size_t session_joined_fields(void);
char *const *session_fields_of(arena *a, char *const *plain, char *const *joined);

struct approval_kind;            /* approvals/approvals.h: the engine knows its layout */

struct domain {
	const char *name;            /* the folder's name */
	const struct route *routes;  /* { 0 }-terminated */
	const struct nav *nav;       /* { 0 }-terminated, in display order; may be NULL */
	const struct approval_kind *kinds;   /* { 0 }-terminated; may be NULL */
	const struct task *tasks;    /* { 0 }-terminated; may be NULL */
	struct sql *const *sql;      /* NULL-terminated: every statement it runs */
	const char *lang;            /* templates/lang/<lang>/<this>.hdf; NULL: none */
	home_fn home;                /* may be NULL */
	handover_fn handover;        /* may be NULL */
	const struct service *service;       /* may be NULL */
	const struct panel *panels;  /* { 0 }-terminated; may be NULL */
	const struct command *commands;      /* { 0 }-terminated; may be NULL */
	const struct message_kind *messages; /* { 0 }-terminated: the kinds it queues; may be NULL */
	digest_fn digest;            /* its section of the daily digest; may be NULL */
	const struct session_field *session_fields;   /* { 0 }-terminated; may be NULL */
	dashboard_fn dashboard;      /* its figures on a manager's home page; may be NULL */
};

/* cgi/domains.c: every domain, NULL-terminated, in navigation order. */
extern const struct domain *const domains[];

/* Registers every domain's statements with the database layer. 0 or -1. Once
 * per process, before anything connects. */
int domains_register(void);

/* Fills Panels.N from every domain's panels of page (struct panel), in the
 * order of the domains, after reading their rows in one statement. 0, or an
 * HTTP status. */
int panels_fill(struct req *r, const char *page, long long id, unsigned flags);

/* The dashboard of the signed-in person when they manage something
 * (dept_manager: their department and those below it; director, deputy GM,
 * GM: the company): Dashboard.on, Dashboard.groups.N from every domain's
 * dashboard function in the order of the domains. Nothing for anyone else.
 * A db_rc. */
int dashboard_fill(struct req *r);

/* The core's own routes (health, test hooks) and statements. */
extern const struct domain core_domain;

#endif
