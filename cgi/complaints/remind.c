/* remind.c — overdue complaints (seed 003 篇二): the day after its deadline
 * an open complaint reminds the person handling it (its registrant while
 * nobody is assigned) and is escalated to the managers of the client's
 * department; once per recipient and deadline (the outbox's key), dropped
 * when it is answered or its deadline moved before the message goes out.
 * The daily digest lists one's open complaints due within two days. */
#include "complaints.h"
#include "sql.h"
#include "core/domain.h"
#include "mail/outbox.h"
#include <stdio.h>
#include <string.h>

#define REMIND_BATCH 500

int complaints_digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_COMPLAINTS_DUE_FOR, &res, "iisi", user, user, day_text(r, 2),
			 (long long)DIGEST_ROWS + 1);
	if (rc != DB_OK)
		return rc;
	const char *today = day_text(r, 0);
	out[0].title = "digest.complaints_due";
	for (size_t i = 0; i < res.nrows && out[0].n < DIGEST_ROWS; i++) {
		const char *due = dbres_get(&res, i, KD_DUE);
		out[0].rows[out[0].n].text = lang_key(r, strcmp(due, today) < 0 ? "digest.complaint_overdue_row"
										  : "digest.complaint_due_row", 2,
						       dbres_get(&res, i, KD_CLIENT_NAME), due);
		out[0].rows[out[0].n++].link = arena_printf(r->a, "/complaints/%s", dbres_get(&res, i, KD_ID));
	}
	out[0].more = res.nrows > DIGEST_ROWS;
	(void)since;
	return DB_OK;
}

/* A reminder or an escalation is needed while the complaint is open and past the deadline it was about. */
int complaints_overdue_needed(struct req *r, const char *subject_ref, long long recipient)
{
	long long id = 0;
	if (sscanf(subject_ref, "complaint:%lld", &id) != 1)
		return 0;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_COMPLAINT_STILL_OVERDUE, &res, "is", id, day_text(r, 0));
	(void)recipient;
	return rc != DB_OK ? rc : dbres_int(&res, 0, 0) > 0;
}

static int queue(struct req *r, const char *kind, const char *tpl, long long to, const struct dbres *k, size_t i)
{
	HDF *data;
	if (hdf_init(&data) != STATUS_OK)
		return DB_ERROR;
	hdf_set_value(data, "Mail.client", dbres_get(k, i, KD_CLIENT_NAME));
	hdf_set_value(data, "Mail.due", dbres_get(k, i, KD_DUE));
	hdf_set_value(data, "Mail.content", dbres_get(k, i, KD_CONTENT));
	hdf_set_value(data, "Mail.handler", dbres_get(k, i, KD_HANDLER_NAME));
	hdf_set_value(data, "Mail.urgent", dbres_int(k, i, KD_URGENT) ? "1" : "");
	hdf_set_value(data, "Mail.link", arena_printf(r->a, "/complaints/%s", dbres_get(k, i, KD_ID)));
	struct message m = { .kind = kind, .subject_ref = arena_printf(r->a, "complaint:%s", dbres_get(k, i, KD_ID)),
			     .recipient = to, .day = dbres_get(k, i, KD_DUE) };
	int rc = mail_render(r, mail_user_lang(r, to), tpl, data, &m) == 0 ? outbox_put(r, &m) : DB_ERROR;
	hdf_destroy(&data);
	return rc;
}

struct remind_ctx {
	struct req *r;
	const struct dbres *k;
	size_t i;
	long long queued;
};

static int remind_txn(void *arg)
{
	struct remind_ctx *c = arg;
	struct req *r = c->r;
	long long handler = dbres_int(c->k, c->i, KD_HANDLER);
	int rc = queue(r, "complaint.overdue", "complaint_overdue", handler, c->k, c->i);
	struct dbres managers;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_DEPT_MANAGERS, &managers, "ii", dbres_int(c->k, c->i, KD_DEPT), handler);
	for (size_t m = 0; rc == DB_OK && m < managers.nrows; m++)
		rc = queue(r, "complaint.escalation", "complaint_escalation", dbres_int(&managers, m, 0), c->k, c->i);
	if (rc == DB_OK)
		c->queued += 1 + (long long)managers.nrows;
	return rc;
}

int complaints_remind_due(struct req *r, long long *n)
{
	*n = 0;
	struct dbres k;
	int rc = db_exec(r->db, r->a, Q_COMPLAINTS_OVERDUE, &k, "si", day_text(r, 0), (long long)REMIND_BATCH);
	for (size_t i = 0; rc == DB_OK && i < k.nrows; i++) {
		struct remind_ctx c = { r, &k, i, 0 };
		rc = db_txn(r->db, remind_txn, &c);
		*n += c.queued;
	}
	return rc;
}
