/* remind.c — what the visits domain tells people (DESIGN.md §9): each
 * person's digest section (their visits overdue and due this week), and the
 * escalation to the managers of a card's department when its follow-up is
 * overdue by visit_escalate_days (7), or at once for a VIP card (whose
 * cadence is its 30 days). A card is escalated once per due day
 * (clients.escalated_due), in the transaction that queues the messages;
 * a visit recorded before the message goes out drops it (still_needed). */
#include "visits.h"
#include "sql.h"
#include "core/domain.h"
#include "mail/outbox.h"
#include <stdio.h>
#include <string.h>

#define ESCALATE_BATCH 500
#define ESCALATE_WINDOW 90      /* days: older dues were escalated before, or never will be */

int visits_digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	char week_end[11];
	visits_week_end(day_text(r, 0), 0, week_end);
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_AGENDA, &res, "isi", user, week_end, (long long)DIGEST_ROWS + 1);
	if (rc != DB_OK)
		return rc;
	const char *today = day_text(r, 0);
	out[0].title = "digest.visits_due";
	for (size_t i = 0; i < res.nrows && out[0].n < DIGEST_ROWS; i++) {
		const char *due = dbres_get(&res, i, AG_DUE);
		out[0].rows[out[0].n].text = lang_key(r, strcmp(due, today) < 0 ? "digest.visit_overdue_row"
										  : "digest.visit_due_row", 2,
						       dbres_get(&res, i, AG_NAME), due);
		out[0].rows[out[0].n++].link = arena_printf(r->a, "/clients/%s", dbres_get(&res, i, AG_ID));
	}
	if (res.nrows > DIGEST_ROWS)
		out[0].more = 1;     /* at least one more: the agenda has them all */
	(void)since;
	return DB_OK;
}

/* A card's escalation is needed while its follow-up is still overdue. */
int visits_escalation_needed(struct req *r, const char *subject_ref, long long recipient)
{
	long long id = 0;
	if (sscanf(subject_ref, "client:%lld", &id) != 1)
		return 0;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_STILL_OVERDUE, &res, "is", id, day_text(r, 0));
	(void)recipient;
	return rc != DB_OK ? rc : dbres_int(&res, 0, 0) > 0;
}

struct escalate_ctx {
	struct req *r;
	const struct dbres *cards;
	size_t i;
	int sent;
};

static int escalate_txn(void *arg)
{
	struct escalate_ctx *c = arg;
	struct req *r = c->r;
	const struct dbres *k = c->cards;
	size_t i = c->i;
	const char *id = dbres_get(k, i, EC_ID), *due = dbres_get(k, i, EC_DUE);
	struct dbres mark, managers;
	/* claimed for this due day first: a second scheduler finds it taken */
	int rc = db_exec(r->db, r->a, Q_ESCALATED, &mark, "sis", due, dbres_int(k, i, EC_ID), due);
	if (rc != DB_OK || mark.affected != 1)
		return rc;
	rc = db_exec(r->db, r->a, Q_DEPT_MANAGERS, &managers, "ii", dbres_int(k, i, EC_DEPT), dbres_int(k, i, EC_OWNER));
	for (size_t m = 0; rc == DB_OK && m < managers.nrows; m++) {
		long long to = dbres_int(&managers, m, 0);
		HDF *data;
		if (hdf_init(&data) != STATUS_OK)
			return DB_ERROR;
		hdf_set_value(data, "Mail.client", dbres_get(k, i, EC_NAME));
		hdf_set_value(data, "Mail.owner", dbres_get(k, i, EC_OWNER_NAME));
		hdf_set_value(data, "Mail.due", due);
		hdf_set_value(data, "Mail.last", dbres_get(k, i, EC_LAST));
		hdf_set_value(data, "Mail.vip", dbres_int(k, i, EC_VIP) ? "1" : "");
		hdf_set_value(data, "Mail.link", arena_printf(r->a, "/clients/%s", id));
		struct message msg = { .kind = "visit.escalation", .subject_ref = arena_printf(r->a, "client:%s", id),
				       .recipient = to, .day = due };
		rc = mail_render(r, mail_user_lang(r, to), "visit_escalation", data, &msg) == 0 ? outbox_put(r, &msg)
												 : DB_ERROR;
		hdf_destroy(&data);
		c->sent++;
	}
	return rc;
}

int visits_escalate_due(struct req *r, long long *n)
{
	*n = 0;
	const char *today = day_text(r, 0), *late = day_text(r, -r->cfg->visit_escalate_days);
	const char *window = day_text(r, -r->cfg->visit_escalate_days - ESCALATE_WINDOW);
	struct dbres cards;
	int rc = db_exec(r->db, r->a, Q_ESCALATE_DUE, &cards, "sssi", today, window, late, (long long)ESCALATE_BATCH);
	for (size_t i = 0; rc == DB_OK && i < cards.nrows; i++) {
		struct escalate_ctx c = { r, &cards, i, 0 };
		rc = db_txn(r->db, escalate_txn, &c);
		*n += c.sent;
	}
	return rc;
}
