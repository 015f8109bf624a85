/* app.h — the request every handler sees, and the helpers it answers with.
 *
 * Return convention for handlers: 0 when the handler has answered (rendered a
 * page or redirected); otherwise an HTTP status (400, 403, 404, 409, 500, 503)
 * and the core renders the error page in the layout. */
#ifndef DOSSIER_APP_H
#define DOSSIER_APP_H
#include <ClearSilver.h>
#include <time.h>
#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "parse.h"
#include "clock.h"

enum method { M_GET = 1, M_POST = 2, M_HEAD = 4 };

enum role {
	ROLE_STAFF = 1 << 0,
	ROLE_DEPT_MANAGER = 1 << 1,
	ROLE_DIRECTOR = 1 << 2,
	ROLE_DEPUTY_GM = 1 << 3,
	ROLE_GM = 1 << 4,
	ROLE_ARCHIVIST = 1 << 5,
	ROLE_ADMIN = 1 << 6,
	ROLE_AUDITOR = 1 << 7,   /* HR: reads the view logs, changes nothing */
};
#define ROLE_COUNT 8
extern const char *const role_names[ROLE_COUNT + 1];   /* "staff", "dept_manager", … by bit; NULL */
/* Bit mask of a comma-separated role list (unknown names are ignored). */
unsigned roles_parse(const char *list);

struct user {
	long long id;
	const char *username, *display_name, *email, *dept_name, *lang;
	long long dept_id;
	unsigned roles;
	int must_change_password;
};

struct template_cache;

/* Process-wide state of a worker: set up once, read-only while serving. */
struct worker {
	const struct config *cfg;
	struct db *db;
	HDF *lang_root[2];       /* 0 = zh_CN, 1 = en: trees with every string under "Lang" */
	HDF *lang[2];            /* their "Lang" nodes */
	struct template_cache *templates;   /* parsed templates (render.c) */
	struct page_cache *pages;           /* rendered pages kept (pagecache.c) */
};

struct dept_map;

/* A value a domain loads once per request and keeps for the rest of it,
 * found by the address of a static object of the domain's (req_cache_*). */
#define REQ_CACHE_SLOTS 8
struct req_cache {
	const void *key;
	void *value;
};

struct req {
	arena *a;
	struct worker *w;
	const struct config *cfg;
	struct db *db;
	char rid[17];            /* request id for logs and the audit trail */
	time_t now;
	char now_text[20];       /* "YYYY-MM-DD HH:MM:SS" of now, formatted once */
	/* request */
	enum method method;
	const char *method_name, *path, *remote_addr, *user_agent;
	const char *referer;     /* the local path (and query) of the Referer, or NULL: the error page's way back */
	const char *test_fault;  /* test mode: the X-Test-Fault header ("crash:<point>", "lost:<statement>") */
	int https;
	struct params query, form, cookies;
	const char *args[4];     /* {id}-style path parameters of the matched route, as text */
	long long ids[4];        /* the same as numbers (1 … 10^18 − 1) */
	/* identity */
	struct user *user;       /* NULL when not signed in */
	char session_hash[65];   /* sha256 of the session token */
	const char *csrf;        /* the token forms must carry */
	const char *lang;        /* "zh_CN" or "en" */
	const char *versions;    /* data_versions '*', the count of every bump, read with the session ("" never bumped; NULL: not signed in) */
	char *const *session_fields;   /* the domains' session columns (session_value), read with it; or NULL */
	/* response */
	int status;
	const char *ctype;        /* Content-Type of the body */
	struct buf headers;
	struct buf body;
	HDF *hdf;                /* the page's dataset */
	const char *flash_out;   /* message for the next page */
	int flash_shown;         /* the incoming message was shown */
	int common_set;          /* view_common has filled the layout's part of the dataset */
	unsigned long statements_unseen;   /* run by a test-mode check, not by the page (X-Statements) */
	/* loaded once per request when needed */
	struct dept_map *depts;
	struct req_cache cache[REQ_CACHE_SLOTS];
};

/* The value stored under key in this request, or NULL. */
void *req_cache_get(struct req *r, const void *key);
/* Stores value under key for the rest of the request (ignored when full). */
void req_cache_put(struct req *r, const void *key, void *value);

/* ---- input ---- */
const char *req_form(struct req *r, const char *name);     /* POST field or NULL */
const char *req_query(struct req *r, const char *name);    /* query field or NULL */
const char *req_cookie(struct req *r, const char *name);
/* v as a whole number of up to 18 digits (an id, a page key), else 0. */
long long text_id(const char *v);
/* text_id of a query field. */
long long req_query_id(struct req *r, const char *name);
int req_has_role(const struct req *r, unsigned roles);     /* any of the bits */

/* ---- output ---- */
/* Adds a header; a value with CR or LF is refused (logged, not sent). */
void resp_header(struct req *r, const char *name, const char *value);
/* max_age < 0: session cookie; 0: delete. Always HttpOnly, SameSite=Lax, Path=/. */
void resp_cookie(struct req *r, const char *name, const char *value, long max_age);
/* 303 See Other to a local path (anything else becomes "/"). Returns 0. */
int resp_redirect(struct req *r, const char *path);
/* Sets a one-shot message shown on the next page (key of Lang.flash.*). */
void resp_flash(struct req *r, const char *key);
void resp_text(struct req *r, int status, const char *text);
/* The body (already written) is a file to download as filename: 200, ctype,
 * Content-Disposition: attachment. */
void resp_attachment(struct req *r, const char *ctype, const char *filename);

/* ---- the page dataset (HDF) ---- */
void view_set(struct req *r, const char *name, const char *value);
void view_setf(struct req *r, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void view_set_int(struct req *r, const char *name, long long v);
/* A node of the dataset (made if missing), under which view_put sets many
 * values without walking from the root for each; NULL when it cannot be made. */
HDF *view_node(struct req *r, const char *name);
void view_put(struct req *r, HDF *node, const char *name, const char *value);
/* Copies every column of row i of res into prefix.N.col_name. */
void view_row(struct req *r, const char *prefix, const char **cols, const struct dbres *res, size_t row);
/* Renders templates/<name> in the layout into the body with status. 0 or 500. */
int render(struct req *r, int status, const char *name);
/* What the layout shows (the user, the navigation by role with its badges,
 * the language, the path, the CSRF token, a one-shot message) into the
 * dataset; render does it when nobody did before. */
void view_common(struct req *r);
/* Renders the error page for status. */
void render_error(struct req *r, int status);

/* Form input is declared per form and read against its table: form.h. */

/* ---- lang and templates ---- */
/* Loads templates/lang/<lang>/<file>.hdf of every domain into w->lang. 0 or -1 (logged). */
int lang_load(struct worker *w);
void lang_free(struct worker *w);
/* For a task of `dossier cron` (no worker): the strings of both languages loaded
 * into own and r->w set to it (a request's own worker is kept). 0 or -1.
 * lang_cron_end frees them again. */
int lang_cron_begin(struct req *r, struct worker *own);
void lang_cron_end(struct req *r, struct worker *own);
/* Frees the worker's parsed templates. */
void templates_free(struct worker *w);
/* The string at key in the request's language, or the key itself. */
const char *lang_text(struct req *r, const char *key);
/* A text stored for readers of either language (a history reason the
 * program writes): "lang:KEY" and up to 9 parameters; what people typed is
 * stored as typed instead. */
const char *lang_key(struct req *r, const char *key, int nparams, ...);
/* A stored text in the reader's language: a lang_key() text is the string at
 * its key with %1 … %9 replaced by its parameters; anything else as typed. */
const char *lang_stored(struct req *r, const char *stored);
/* Form.errors.<field> = the language string at key, and Form.invalid = 1. */
void form_error(struct req *r, const char *field, const char *key);

/* "YYYY-MM-DD HH:MM:SS" of now + offset seconds (the app's one clock), in r's
 * arena. r->now_text is the same for offset 0. */
const char *time_text(struct req *r, long long offset);
/* "YYYY-MM-DD" of today + days. */
const char *day_text(struct req *r, long days);
/* The display name of user id, or "" when there is none. */
const char *user_name(struct req *r, long long id);

/* 2314 → "2,314" (negative → "0"). */
const char *text_thousands(struct req *r, long long n);
/* Page.count_{first,last,total}: "first–last of total" for a page of shown
 * rows starting at from, total counted up to cap + 1 (Page.count_more and
 * Page.count_cap past the cap). */
void view_count(struct req *r, long long from, size_t shown, long long total, long long cap);
/* A list read forward after a key (key, id), a page at a time, never by
 * OFFSET: the query's after (the last row's id), after_key (its key) and
 * from (the place of the page's first row, shown only). No id, or a key
 * that is not one (key_ok gives 0), starts the list at start. */
struct keyset {
	const char *key;
	long long after, from;
};
struct keyset keyset_read(struct req *r, int (*key_ok)(const char *), const char *start);
/* After a page of shown rows, the last with last_id and last_key (more:
 * rows beyond it): Page.next_after, Page.next_key and Page.next_from, the
 * next page's link; Page.first past the first page; the count (view_count). */
void view_keyset(struct req *r, const struct keyset *k, size_t shown, int more, const char *last_id,
		 const char *last_key, long long total, long long cap);

/* The HTTP status after a database call failed: db_status of the last
 * failure (503 unavailable or refusing writes, 409 conflict, 500 a
 * programming error); 500 when nothing failed. Handlers `return db_fail(r);`. */
int db_fail(struct req *r);
/* For a form shown again because its save failed with rc, which db_status
 * maps to 503: Page.error_message says that saving is unavailable (or the
 * database is not answering) and that what was typed is kept. Returns 503. */
int form_unsaved(struct req *r, int rc);

/* ---- data a worker caches across requests ---- */
/* The version of the cached data name (admin edits bump it with
 * data_version_bump), as read with this request's session; -1 when unknown
 * (not signed in): then the caller must not use its cache. It is the count
 * of every bump of every name: an edit of any cached data renews every
 * worker's copy of all of them (edits are rare; the session reads one row). */
long long data_version(struct req *r, const char *name);
/* In an edit's transaction: the data name changed. A db_rc. */
int data_version_bump(struct req *r, const char *name);

/* ---- rendered pages a worker keeps (pagecache.c) ---- */
/* A page can be kept only under a key that names everything it shows. The
 * key made here is versions (numbers the database moves with every change
 * of what the page shows, in the changing transaction), parts (what else the
 * page depends on: which page of what, the reader's right), data_versions
 * '*', the path and query, and the dataset as view_common leaves it (the
 * reader, the navigation with its badges, the language, the CSRF token).
 * Calls view_common. NULL when nothing may be kept: the cache is off
 * (page_cache = 0) or a one-shot message is shown. */
const char *page_key(struct req *r, const char *versions, const char *parts);
/* 1 when the worker keeps a page of tag (a short name of the page) and id
 * drawn for the signed-in reader, under any key: worth asking for the
 * versions to check it against. */
int page_kept(struct req *r, const char *tag, long long id);
/* The page kept under key as the response (200, HTML): 1, or 0 when none. */
int page_serve(struct req *r, const char *key);
/* Keeps the response (if 200) under key, tag and id, in place of the same
 * page under older versions; the least recently served goes when full. */
void page_keep(struct req *r, const char *key, const char *tag, long long id);
/* Forgets every kept page (the templates changed); frees them at exit. */
void pages_clear(struct worker *w);
void pages_free(struct worker *w);

/* ---- departments (the organisation tree every domain reads) ---- */
/* 1 when dept is root or below it. */
int dept_within(struct req *r, long long dept, long long root);
/* Up to max ids of root and the departments below it (root DEPT_ALL: every
 * department) into out, by name; returns how many there are (may exceed max). */
#define DEPT_ALL (-1LL)
size_t dept_subtree(struct req *r, long long root, long long *out, size_t max);
/* A department's name ("" when unknown). */
const char *dept_name(struct req *r, long long id);

/* ---- audit (append-only table; failures are logged, never ignored) ---- */
/* The audit row of a change, written inside the change's transaction (a
 * db_txn function): the change and its row commit together or not at all.
 * Outside a transaction it is refused (DB_ERROR, logged). */
int audit(struct req *r, const char *action, const char *object_type, long long object_id,
	  const char *detail);
/* The audit row of an event that changes nothing else (a refusal, a
 * download): a transaction of its own. */
int audit_event(struct req *r, const char *action, const char *object_type, long long object_id,
		const char *detail);
/* Test mode only: ends the worker at once (_exit) when the request's
 * X-Test-Fault header is "crash:<point>"; the tests kill a request between
 * two steps this way. Does nothing otherwise. */
void test_crash_point(struct req *r, const char *point);

#endif
