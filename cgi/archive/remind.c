/* remind.c — overdue loans (DESIGN.md §6, issue 11 point 6): a loan out
 * past its due time reminds its borrower; after archive_escalate_days (3),
 * or at once for a secret loan past its 4 hours, the borrower's department
 * managers are told too. Once per loan, kind and recipient (the outbox's key:
 * kind, "loan:ID", recipient, the due day); a loan returned before the
 * message goes out drops it (still_needed). Reading-room sessions are not
 * reminded (the job closes them at the day's end). The daily digest lists
 * the borrower's loans overdue, the archivists' destruction batches whose
 * hold has ended, and a supervisor's batches recorded for them to confirm. */
#include "archive.h"
#include "sql.h"
#include "core/domain.h"
#include "mail/outbox.h"
#include <stdio.h>
#include <string.h>

#define REMIND_BATCH 500

int archive_digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_LOANS_OVERDUE_OF, &res, "isi", user, r->now_text, (long long)DIGEST_ROWS + 1);
	if (rc != DB_OK)
		return rc;
	out[0].title = "digest.loans_overdue";
	for (size_t i = 0; i < res.nrows && out[0].n < DIGEST_ROWS; i++) {
		out[0].rows[out[0].n].text = lang_key(r, "digest.loan_overdue_row", 3, dbres_get(&res, i, 1),
						       dbres_get(&res, i, 2), dbres_get(&res, i, 3));
		out[0].rows[out[0].n++].link = arena_printf(r->a, "/archive/items/%s", dbres_get(&res, i, 0));
	}
	out[0].more = res.nrows > DIGEST_ROWS;
	(void)since;
	/* the destruction batches waiting for this person: to record (the archivists), to confirm (the supervisor) */
	rc = db_exec(r->db, r->a, Q_DIGEST_BATCHES, &res, "siii", r->now_text, user, user, (long long)DIGEST_ROWS + 1);
	if (rc != DB_OK)
		return rc;
	out[1].title = "digest.destruction_due";
	out[2].title = "digest.destruction_confirm";
	for (size_t i = 0; i < res.nrows; i++) {
		struct digest_section *s = &out[dbres_int(&res, i, 0) == 1 ? 1 : 2];
		if (s->n == DIGEST_ROWS) {
			s->more = 1;
			continue;
		}
		s->rows[s->n].text = lang_key(r, s == &out[1] ? "digest.destruction_due_row" : "digest.destruction_confirm_row",
					      3, dbres_get(&res, i, 1), dbres_get(&res, i, 3), dbres_get(&res, i, 2));
		s->rows[s->n++].link = arena_printf(r->a, "/archive/destruction/%s", dbres_get(&res, i, 1));
	}
	return DB_OK;
}

/* A reminder or an escalation is needed while the loan is still out past its due time. */
int archive_loan_still_out(struct req *r, const char *subject_ref, long long recipient)
{
	long long id = 0;
	if (sscanf(subject_ref, "loan:%lld", &id) != 1)
		return 0;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_LOAN_STILL_OUT, &res, "is", id, r->now_text);
	(void)recipient;
	return rc != DB_OK ? rc : dbres_int(&res, 0, 0) > 0;
}

static int queue(struct req *r, const char *kind, const char *tpl, long long to, const struct dbres *k, size_t i)
{
	HDF *data;
	if (hdf_init(&data) != STATUS_OK)
		return DB_ERROR;
	hdf_set_value(data, "Mail.no", dbres_get(k, i, RM_NO));
	hdf_set_value(data, "Mail.title", dbres_get(k, i, RM_TITLE));
	hdf_set_value(data, "Mail.borrower", dbres_get(k, i, RM_BORROWER_NAME));
	hdf_set_value(data, "Mail.out", dbres_get(k, i, RM_OUT));
	hdf_set_value(data, "Mail.due", dbres_get(k, i, RM_DUE));
	hdf_set_value(data, "Mail.secret", strcmp(dbres_get(k, i, RM_SECRECY), "secret") == 0 ? "1" : "");
	hdf_set_value(data, "Mail.link", arena_printf(r->a, "/archive/items/%s", dbres_get(k, i, RM_ITEM)));
	struct message m = { .kind = kind, .subject_ref = arena_printf(r->a, "loan:%s", dbres_get(k, i, RM_ID)),
			     .recipient = to, .day = dbres_get(k, i, RM_DUE_DAY) };
	int rc = mail_render(r, mail_user_lang(r, to), tpl, data, &m) == 0 ? outbox_put(r, &m) : DB_ERROR;
	hdf_destroy(&data);
	return rc;
}

struct remind_ctx {
	struct req *r;
	const struct dbres *k;
	size_t i;
	const char *late;        /* due before this: escalated */
	long long queued;
};

static int remind_txn(void *arg)
{
	struct remind_ctx *c = arg;
	struct req *r = c->r;
	const struct dbres *k = c->k;
	long long borrower = dbres_int(k, c->i, RM_BORROWER);
	int rc = queue(r, "loan.overdue", "loan_overdue", borrower, k, c->i);
	int escalate = strcmp(dbres_get(k, c->i, RM_SECRECY), "secret") == 0
		|| strcmp(dbres_get(k, c->i, RM_DUE), c->late) < 0;
	struct dbres managers = { 0 };
	if (rc == DB_OK && escalate)
		rc = db_exec(r->db, r->a, Q_DEPT_MANAGERS, &managers, "ii", dbres_int(k, c->i, RM_DEPT), borrower);
	for (size_t m = 0; rc == DB_OK && escalate && m < managers.nrows; m++)
		rc = queue(r, "loan.escalation", "loan_escalation", dbres_int(&managers, m, 0), k, c->i);
	struct dbres next;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_LOAN_REMIND_NEXT, &next, "iii", (long long)escalate,
			     (long long)r->cfg->archive_escalate_days, dbres_int(k, c->i, RM_ID));
	if (rc == DB_OK)
		c->queued += 1 + (escalate ? (long long)managers.nrows : 0);
	return rc;
}

int archive_remind_overdue(struct req *r, long long *n)
{
	*n = 0;
	struct dbres k;
	const char *late = arena_printf(r->a, "%s %s", day_text(r, -r->cfg->archive_escalate_days), r->now_text + 11);
	int rc = db_exec(r->db, r->a, Q_LOANS_TO_REMIND, &k, "si", r->now_text, (long long)REMIND_BATCH);
	for (size_t i = 0; rc == DB_OK && i < k.nrows; i++) {
		struct remind_ctx c = { r, &k, i, late, 0 };
		rc = db_txn(r->db, remind_txn, &c);
		*n += c.queued;
	}
	return rc;
}
