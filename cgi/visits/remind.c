/* remind.c — what the visits domain tells people (DESIGN.md §9): each
 * person's digest section (their visits overdue and due this week), and the
 * escalation to the managers of a department when follow-ups of its cards
 * are overdue by visit_escalate_days (7), or at once for a VIP card (whose
 * cadence is its 30 days). Each run makes one batch per department of every
 * card that has become overdue since the last: one transaction marks them
 * (clients.escalated_due, escalated_in) and queues one message to each
 * manager listing the first ESCALATE_SHOWN and counting the rest, so a
 * department with thousands of overdue cards costs its managers one mail,
 * and the run a few statements per department, whatever the number of cards
 * (README "Mail and chat").
 * A card is escalated once per due day; the message is dropped when every
 * card of its batch has been visited before it goes out (still_needed). */
#include "visits.h"
#include "sql.h"
#include "core/domain.h"
#include "mail/outbox.h"
#include <stdio.h>
#include <string.h>

#define ESCALATE_SHOWN 50      /* cards a message lists; it counts the rest */
#define ESCALATE_WINDOW 90      /* days: older dues were escalated before, or never will be */

int visits_digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	char week_end[11];
	visits_week_end(day_text(r, 0), 0, week_end);
	struct dbres res;
	/* the agenda's cards due this week, the overdue ones first */
	int rc = db_exec(r->db, r->a, Q_AGENDA, &res, "issi", user, "1000-01-01", week_end,
			 (long long)DIGEST_ROWS + 1);
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

/* A batch's message is needed while one of its cards is still overdue. */
int visits_escalation_needed(struct req *r, const char *subject_ref, long long recipient)
{
	long long dept = 0, batch = 0;
	if (sscanf(subject_ref, "dept:%lld:%lld", &dept, &batch) != 2)
		return 0;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_ESCALATION_OPEN, &res, "iis", dept, batch, day_text(r, 0));
	(void)recipient;
	return rc != DB_OK ? rc : res.nrows > 0;
}

struct escalate_ctx {
	struct req *r;
	long long dept;
	const char *dept_name, *today, *window, *late;
	long long vip;               /* the VIP grade's id (0: none) */
	long long cards;             /* escalated in the batch */
	int sent;
};

static HDF *escalation_data(struct req *r, const struct escalate_ctx *c, const struct dbres *k)
{
	HDF *data;
	if (hdf_init(&data) != STATUS_OK)
		return NULL;
	hdf_set_value(data, "Mail.dept", c->dept_name);
	hdf_set_int_value(data, "Mail.count", (int)c->cards);
	hdf_set_int_value(data, "Mail.more", (int)(c->cards - (long long)k->nrows));
	hdf_set_value(data, "Mail.list", arena_printf(r->a, "/clients?dept=%lld&due=overdue", c->dept));
	for (size_t i = 0; i < k->nrows; i++) {
		const char *p = arena_printf(r->a, "Mail.cards.%zu", i);
		hdf_set_value(data, arena_printf(r->a, "%s.client", p), dbres_get(k, i, EC_NAME));
		hdf_set_value(data, arena_printf(r->a, "%s.owner", p), dbres_get(k, i, EC_OWNER_NAME));
		hdf_set_value(data, arena_printf(r->a, "%s.due", p), dbres_get(k, i, EC_DUE));
		hdf_set_value(data, arena_printf(r->a, "%s.last", p), dbres_get(k, i, EC_LAST));
		hdf_set_value(data, arena_printf(r->a, "%s.vip", p), dbres_int(k, i, EC_VIP) ? "1" : "");
		hdf_set_value(data, arena_printf(r->a, "%s.link", p), arena_printf(r->a, "/clients/%s",
										     dbres_get(k, i, EC_ID)));
	}
	return data;
}

static int escalate_txn(void *arg)
{
	struct escalate_ctx *c = arg;
	struct req *r = c->r;
	struct dbres k, mark, managers;
	c->cards = 0;
	c->sent = 0;
	/* the first cards, locked: a second scheduler waits, then finds them escalated */
	int rc = db_exec(r->db, r->a, Q_ESCALATE_DUE, &k, "isssii", c->dept, c->today, c->window, c->late, c->vip,
			 (long long)ESCALATE_SHOWN);
	if (rc != DB_OK || k.nrows == 0)
		return rc;
	long long batch = dbres_int(&k, 0, EC_ID);
	rc = db_exec(r->db, r->a, Q_ESCALATED, &mark, "iisssi", batch, c->dept, c->today, c->window, c->late, c->vip);
	if (rc != DB_OK)
		return rc;
	c->cards = (long long)mark.affected;
	rc = db_exec(r->db, r->a, Q_DEPT_MANAGERS, &managers, "ii", c->dept, 0LL);
	for (size_t m = 0; rc == DB_OK && m < managers.nrows; m++) {
		long long to = dbres_int(&managers, m, 0);
		HDF *data = escalation_data(r, c, &k);
		if (data == NULL)
			return DB_ERROR;
		struct message msg = { .kind = "visit.escalation",
				       .subject_ref = arena_printf(r->a, "dept:%lld:%lld", c->dept, batch),
				       .recipient = to, .day = c->today };
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
	struct escalate_ctx c = { .r = r, .today = day_text(r, 0), .late = day_text(r, -r->cfg->visit_escalate_days),
				  .window = day_text(r, -r->cfg->visit_escalate_days - ESCALATE_WINDOW) };
	struct dbres vip, depts;
	int rc = db_exec(r->db, r->a, Q_VIP_GRADE, &vip, "");
	if (rc != DB_OK)
		return rc;
	c.vip = dbres_int(&vip, 0, 0);
	rc = db_exec(r->db, r->a, Q_ESCALATE_DEPTS, &depts, "");
	for (size_t i = 0; rc == DB_OK && i < depts.nrows; i++) {
		c.dept = dbres_int(&depts, i, 0);
		c.dept_name = dbres_get(&depts, i, 1);
		rc = db_txn(r->db, escalate_txn, &c);
		*n += c.sent;
	}
	return rc;
}
