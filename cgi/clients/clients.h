/* clients.h — shared pieces of the client pages (clients*.c). */
#ifndef DOSSIER_CLIENTS_H
#define DOSSIER_CLIENTS_H
#include "access.h"
#include "field_table.h"
#include "sql.h"
#include "core/app.h"

/* Column indexes of CARD_SELECT (sql.h): id, the fields, then these. */
enum {
	CARD_ID = 0,
	CARD_BLACKLIST = 1 + CF__COUNT,
	CARD_BLACKLIST_REASON, CARD_OWNER_ID, CARD_DEPT_ID, CARD_SCOPE, CARD_REGISTERED_AT,
	CARD_UPDATED_AT, CARD_LAST_VISIT, CARD_NEXT_VISIT, CARD_VERSION, CARD_DELETED_AT,
	CARD_OWNER_NAME, CARD_DEPT_NAME, CARD_IN_POOL, CARD_PROTECTED_UNTIL, CARD_LAST_PROGRESS,
	CARD_PRODUCT_LINES,      /* the product line ids, comma-separated */
	CARD_LAST_SERVICE,       /* registered, visited or progress noted: the latest (unserved.c) */
	CARD_FILING_DUE, CARD_FILED_LATE,   /* the registration's deadline (filing.c) */
	CARD_SHOWN_VER, CARD_PARTS_VER, CARD_REFS_VER,   /* what a kept page is checked against (sql/079) */
};

/* A client to register (form or import row). */
#define PERSON_COLS 7   /* name, title, phone, mobile, email, purchase_role, personal_notes */
struct new_client {
	const char **values;                       /* CF__COUNT, from card_check */
	const char *scope;                         /* personal or department */
	const char *const (*persons)[PERSON_COLS];
	size_t npersons;
	const char **lines;                        /* product line ids */
	size_t nlines;
	long long import_id;                       /* 0 when registered by hand */
	const char *reason;                        /* for the history's first row */
};
/* Inserts the client, its persons, lines, search grams and first history row,
 * owned by the signed-in user, inside the caller's transaction. DB_CONFLICT
 * when an earlier registration has the same name, phone or credit code. */
int client_insert(struct req *r, const struct new_client *n, long long *id);

/* What the duplicate check compares: normalised name, phone digits, credit code. */
struct dup_keys {
	const char *norm, *digits, *code;
};
/* The keys of a card's values (CF__COUNT, from card_check). */
void dup_keys_of(struct req *r, const char *const *v, struct dup_keys *k);
/* Locks the rows of k's name and phone buckets (client_dup_locks) in the
 * caller's transaction, before its first read: a registration or rename of
 * the same name or phone at once waits for this one, or on a cluster fails
 * certification and is retried, and its duplicate check then sees it. */
int dup_lock(struct req *r, const struct dup_keys *k);
/* The earlier registrations matching k other than self (Q_CLIENT_DUPES rows). */
int dupes_of(struct req *r, long long self, const struct dup_keys *k, struct dbres *res);

/* 1 when two values (NULL = "") are the same text. */
int text_same(const char *a, const char *b);

/* Grade quotas (share of a department's clients, DESIGN.md §4): 1 when n of
 * total stays within pct (NULL: no quota); the sentence naming a broken quota,
 * its count labelled by the language string count_key. */
int quota_fits(const char *pct, long long n, long long total);
const char *quota_sentence(struct req *r, long long grade, const char *pct, const char *count_key, long long n,
			   long long total);

/* Appends a row to the card's history (never edited): field, old and new
 * value, who (actor: a user id, 0 for the scheduled job), now, why. person is
 * the key person's id or 0. */
int client_history_add(struct req *r, long long client, long long person, const char *field, const char *old,
		       const char *new, long long actor, const char *reason);

/* Column indexes of LIST_COLS. */
enum {
	L_ID, L_NAME, L_SHORT, L_TYPE, L_GRADE, L_NATURE, L_LIFECYCLE, L_REGION, L_BLACKLIST, L_SCOPE,
	L_NEXT_VISIT, L_REGISTERED, L_OWNER_ID, L_OWNER_NAME, L_DEPT_ID, L_DEPT_NAME, L_PHONE, L_NAME_NORM, L_IN_POOL,
};

/* Column indexes of Q_CLIENT_BLACKLIST. */
enum {
	BL_ID, BL_NAME, BL_LIST, BL_REASON, BL_DEPT_ID, BL_DEPT_NAME, BL_SINCE, BL_OWNER_ID, BL_SCOPE, BL_IN_POOL,
};

/* Classification lists, loaded once per request. */
const char *class_label(struct req *r, long long id);   /* localized name or "" */
const char *grade_label(struct req *r, long long id);

/* quotas.c: the summary rows of the quota shares (a cron task) and the dashboard's group */
struct dashboard_scope;
int clients_quota_count(struct req *r, long long *n);
int clients_dashboard(struct req *r, const struct dashboard_scope *s, const char *prefix);
/* The id of the item (or grade) whose code, Chinese or English name is name; 0 if none. */
long long class_by_name(struct req *r, const char *kind, const char *name);
long long grade_by_name(struct req *r, const char *name);
/* 1 when id (text) is an enabled-or-not item of that kind. */
int class_valid(struct req *r, const char *kind, const char *id);
/* Sets Choices.<kind>.N.{id,label} for a select of kind ("industry", … "grade"). */
void view_class_choices(struct req *r, const char *kind);

/* Loads card id into *card; 0, 404 (missing or deleted) or 503. */
int card_load(struct req *r, long long id, struct dbres *card);
struct card_ref card_ref_of(const struct dbres *card);
/* The card of /clients/{id}… (r->ids[0]) with the reader's right, its view of
 * page logged first (DESIGN.md §5); a refusal is answered with the stub page.
 * 0; -1 when a page was rendered; or an HTTP status. */
int card_open(struct req *r, struct dbres *card, enum via *via, const char *page);

/* Field errors of one record that is not a form (an import row). */
struct card_errors {
	size_t n;
	const char *col[CF__COUNT + 8];
	const char *msg[CF__COUNT + 8];
};
/* Checks every field, reading them through get(ctx, column); errors go into
 * *errors, or into the page's form when errors is NULL (see card_validate). */
int card_check(struct req *r, const char *(*get)(void *ctx, const char *col), void *ctx,
	       const char **values, const struct dbres *old, struct card_errors *errors);
/* Checks every field of the form; values[i] gets the value to store
 * (NULL for empty); keeps what was typed in Form.values; on error sets
 * Form.errors. With old != NULL, FF_CREATE_ONLY fields keep the old value. */
int card_validate(struct req *r, const char **values, const struct dbres *old);

/* The referring client, chosen by name or number (chooser.c; the form sends
 * <name>_q and <name> as core/people.h describes). 1 when resolved (*id the
 * client, or 0 when the field was left empty), 0 when nobody or several match
 * or "find" was pressed (a message, candidates in Form.pick.<name>), -1 on a
 * database failure. */
int client_choose(struct req *r, const char *name, long long *id);
/* The client id in the field as chosen (a form's first display). 0, or -1. */
int client_show(struct req *r, const char *name, long long id);
/* The bigram of a normalised name that the fewest cards have (list.c): it
 * drives a lookup by name (Q_CLIENT_SEARCH_GRAM). DB_OK or an error. */
int name_rarest_gram(struct req *r, const char *norm, const char **best);
/* The first day served within unserved_months (unserved.c): a card last served
 * before it is unserved ("YYYY-MM-DD"). */
const char *unserved_cutoff(struct req *r);

/* Filing deadlines (filing.c): in the registration's transaction, the card's
 * deadline from its first contact and whether it was missed; whether a change
 * that happened on event_on is reported late today (*late). db_rc. */
int filing_registered(struct req *r, long long id, const char *first_contact);
int filing_change_late(struct req *r, const char *event_on, int *late);
/* Late registrations and late changes of user since a day. db_rc. */
int filing_late_counts(struct req *r, long long user, const char *since, long long *registered, long long *changes);
/* Fields.N.* for the form and the card page, from values (or the card row);
 * with form = 1 also the choices of every list (a read-only page needs none). */
/* Fields.N (N: the field's index in client_fields) with its label, type,
 * section, value and display text; for a form also its column, rules and
 * choices (and the class lists); on the card page only the filled fields. */
enum fields_view { FIELDS_FORM, FIELDS_ALL, FIELDS_FILLED };
void view_card_fields(struct req *r, const char **values, enum fields_view how);
const char *card_display(struct req *r, int field, const char *value);
/* 0 when the card type and nature disagree (a dealer card of an individual
 * consumer); card_check refuses the pair. */
int card_type_fits_nature(struct req *r, const char *card_type, const char *nature_id);
/* 1 when v is a value of field that only an approval request sets (lifecycle
 * "former"): the forms do not offer it and a save keeps it. */
int card_choice_by_approval(int field, const char *v);

/* ---- approvals about cards (kinds.c) ---- */
struct new_request;
/* What a user asks about a card: kind is view, transfer, takeover, delete,
 * grade, scope, owner (value: a username), former or blacklist (value: none,
 * department, company). Fills *n; 0, -1 with the reason to show in *why, or
 * -2 when the user may not ask this about the card. */
int client_request_prepare(struct req *r, const struct dbres *card, enum via via, const char *kind,
			   const char *value, struct new_request *n, const char **why);
/* The text a person reads for a requested value of a card's field. */
const char *client_value_text(struct req *r, const char *field, const char *value);

/* The scheduled job: clients whose deletion hold is over are purged (purge.c). */
int clients_purge_due(struct req *r, long long *n);

#endif
