/* outbox.h — what other domains call to send a message (DESIGN.md §9).
 *
 * A domain declares the kinds it queues in its descriptor
 * (`.messages = { { "loan.overdue", still_needed }, { 0 } }`), renders the
 * message in the recipient's language and queues it inside its own
 * transaction:
 *
 *	HDF *data;
 *	hdf_init(&data);
 *	hdf_set_value(data, "Mail.client", name);            // what the template shows
 *	struct message m = { .kind = "loan.overdue", .subject_ref = "loan:42",
 *			     .recipient = user, .day = NULL };   // NULL: today
 *	int rc = mail_render(r, mail_user_lang(r, user), "loan_overdue", data, &m);
 *	hdf_destroy(&data);
 *	if (rc == 0)
 *		rc = outbox_put(r, &m);                       // in the caller's db_txn
 *
 * The scheduled job (`dossier cron`, task mail.send) delivers it by mail
 * and/or to a chat robot, as the recipient chose, exactly once per key
 * (kind, subject_ref, recipient, day) and channel; a second outbox_put of the
 * same key does nothing. Just before delivering, the sender asks the kind's
 * still_needed and drops the message when it answers 0. */
#ifndef DOSSIER_MAIL_OUTBOX_H
#define DOSSIER_MAIL_OUTBOX_H
#include "core/app.h"

struct message {
	const char *kind;            /* declared by a domain's .messages, e.g. "digest" */
	const char *subject_ref;     /* what it is about, e.g. "client:123" (at most 64 bytes) */
	long long recipient;         /* users.id */
	const char *day;             /* "YYYY-MM-DD" of the key; NULL: today (the app's clock) */
	const char *title;           /* in the recipient's language (mail_render fills these three) */
	const char *text;            /* the plain-text body */
	const char *html;            /* the HTML body (a whole fragment, escaped when rendered) */
	/* an optional attachment (mail only; a chat robot gets the text): its file
	 * name, MIME type and bytes; NULL attach_name: none */
	const char *attach_name, *attach_type;
	const void *attach_data;
	size_t attach_len;
};

/* Queues m for its recipient's channels (mail when chosen and the user has an
 * address; their chat robot, or else their department's, when chosen), inside
 * the caller's transaction. A key already queued is left as it is (no error).
 * DB_OK (also when the recipient gets nothing: disabled, no channel), DB_ERROR
 * for an undeclared kind or a missing part (logged), or a db_rc. */
int outbox_put(struct req *r, const struct message *m);

/* Renders templates/mail/<name>.txt.cs — its first line is the title, the
 * rest (after one blank line) the text — and templates/mail/<name>.cs, the
 * HTML (output escaped by default), with data as the dataset (the caller's
 * HDF, e.g. Mail.*), the strings of lang as Lang.* and Mail.base_url set.
 * Fills m->title, m->text, m->html in r's arena. 0, or -1 (logged). */
int mail_render(struct req *r, const char *lang, const char *name, HDF *data, struct message *m);

/* The language user reads in ("zh_CN" or "en"; the default when unset). */
const char *mail_user_lang(struct req *r, long long user);

#endif
