/* send.c — the scheduled task mail.send: delivers the outbox exactly once.
 *
 * Every `dossier cron` runs it at once with the others (TASK_CONCURRENT): a
 * message is never held by a task lease but by its own claim. For each due
 * message a sender
 *   1. claims it: UPDATE … SET state 'sending', claimed_by = <this run>,
 *      claimed_until = now + mail_claim_seconds WHERE state 'queued' and no
 *      live claim — in its own transaction, committed before anything is
 *      sent. Of two senders one changes the row; the other skips it.
 *   2. asks the kind's still_needed: 0 marks it dropped;
 *   3. transfers it (SMTP, or the chat robot);
 *   4. marks it sent — or queued again with a backoff of 1, 2, 4 …
 *      minutes (at most mail_backoff_max), or failed after mail_max_attempts.
 * A sender that dies between 1 and 4 leaves the row 'sending'. When its claim
 * has run out, the next run marks it failed ("interrupted"), never sends it
 * again: delivery is at most once, and the admin page shows the few rows
 * whose fate is unknown (README, "Mail and chat"). */
#include "mail.h"
#include "sql.h"
#include "core/crypto.h"
#include "core/domain.h"
#include "core/log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Due messages read at a time, and at most this many per run. */
#define BATCH 200
#define RUN_MAX 100000

struct sender {
	struct req *r;
	char who[33];              /* this run's claim name */
	struct smtp *smtp;         /* opened at the first mail */
	int smtp_down;             /* the server could not be used: mail waits for the next run */
	long long sent, failed, dropped;
};

struct claim_ctx {
	struct req *r;
	struct sql *q;
	const char *types;
	long long id;
	const char *a, *b, *c;
	int changed;
};

/* One conditional update of row id in its own transaction; changed = rows changed. */
static int row_txn(void *arg)
{
	struct claim_ctx *c = arg;
	struct dbres res;
	int rc;
	if (c->q == Q_OUTBOX_CLAIM)
		rc = db_exec(c->r->db, c->r->a, c->q, &res, "ssiss", c->a, c->b, c->id, c->c, c->c);
	else if (c->q == Q_OUTBOX_SENT || c->q == Q_OUTBOX_ABANDON)
		rc = db_exec(c->r->db, c->r->a, c->q, &res, "sis", c->a, c->id, c->b);
	else   /* Q_OUTBOX_RETRY, Q_OUTBOX_END: two texts, the id, the claim */
		rc = db_exec(c->r->db, c->r->a, c->q, &res, "ssis", c->a, c->b, c->id, c->c);
	c->changed = rc == DB_OK && res.affected == 1;
	return rc;
}

static int row_update(struct req *r, struct sql *q, long long id, const char *a, const char *b, const char *c3,
		      int *changed)
{
	struct claim_ctx c = { r, q, NULL, id, a, b, c3, 0 };
	int rc = db_txn(r->db, row_txn, &c);
	if (changed != NULL)
		*changed = c.changed;
	return rc;
}

/* Minutes to wait after the attempt-th failure: 1, 2, 4 … at most mail_backoff_max. */
static long backoff_minutes(const struct config *cfg, long attempt)
{
	long m = 1;
	for (long i = 1; i < attempt && m < cfg->mail_backoff_max; i++)
		m *= 2;
	return m < cfg->mail_backoff_max ? m : cfg->mail_backoff_max;
}

static const struct message_kind *kind_find(const char *kind)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct message_kind *k = (*d)->messages; k != NULL && k->kind != NULL; k++)
			if (strcmp(k->kind, kind) == 0)
				return k;
	return NULL;
}

/* The chat robot of a row: the recipient's own ("user") or a department's ("dept:N"). */
static int robot_of(struct req *r, const char *address, long long recipient, struct dbres *res)
{
	if (strncmp(address, "dept:", 5) == 0)
		return db_exec(r->db, r->a, Q_ROBOT_DEPT, res, "i", strtoll(address + 5, NULL, 10));
	return db_exec(r->db, r->a, Q_ROBOT_USER, res, "i", recipient);
}

/* The transfer of a claimed row. 0 sent; -1 failed (err); *fatal: the SMTP server is unusable. */
static int transfer(struct sender *s, const struct dbres *m, char *err, size_t errlen, int *fatal)
{
	struct req *r = s->r;
	const char *channel = dbres_get(m, 0, OB_CHANNEL);
	*fatal = 0;
	if (strcmp(channel, "mail") == 0) {
		if (s->smtp == NULL && (s->smtp = smtp_new(r->cfg)) == NULL) {
			snprintf(err, errlen, "libcurl: no handle");
			return -1;
		}
		const char *msg = mail_compose(r, dbres_int(m, 0, OB_ID), dbres_get(m, 0, OB_ADDRESS),
					       dbres_get(m, 0, OB_TITLE), dbres_get(m, 0, OB_TEXT),
					       dbres_get(m, 0, OB_HTML));
		if (msg == NULL) {
			snprintf(err, errlen, "the address \"%.100s\" or mail_from cannot be used", dbres_get(m, 0, OB_ADDRESS));
			return -1;
		}
		return smtp_send(s->smtp, dbres_get(m, 0, OB_ADDRESS), msg, err, errlen, fatal);
	}
	struct dbres robot;
	if (robot_of(r, dbres_get(m, 0, OB_ADDRESS), dbres_int(m, 0, OB_RECIPIENT), &robot) != DB_OK) {
		snprintf(err, errlen, "database: the robot could not be read");
		return -1;
	}
	if (robot.nrows != 1 || strcmp(dbres_get(&robot, 0, RB_KIND), channel) != 0) {
		snprintf(err, errlen, "the %s robot is no longer set", channel);
		return -1;
	}
	return robot_send(r, robot_kind_of(channel), dbres_get(&robot, 0, RB_KEY), dbres_get(&robot, 0, RB_SECRET),
			  dbres_get(m, 0, OB_TITLE), dbres_get(m, 0, OB_TEXT), dbres_get(m, 0, OB_KIND),
			  dbres_get(m, 0, OB_SUBJECT), err, errlen);
}

/* Claims, checks, transfers and marks one message. A db_rc. */
static int deliver(struct sender *s, long long id)
{
	struct req *r = s->r;
	int mine = 0;
	const char *until = time_text(r, r->cfg->mail_claim_seconds);
	int rc = row_update(r, Q_OUTBOX_CLAIM, id, s->who, until, r->now_text, &mine);
	if (rc != DB_OK || !mine)
		return rc;                     /* another sender has it */
	struct dbres m;
	if ((rc = db_exec(r->db, r->a, Q_OUTBOX_GET, &m, "i", id)) != DB_OK || m.nrows != 1)
		return rc;
	const struct message_kind *k = kind_find(dbres_get(&m, 0, OB_KIND));
	int needed = k && k->still_needed ? k->still_needed(r, dbres_get(&m, 0, OB_SUBJECT), dbres_int(&m, 0, OB_RECIPIENT))
					  : 1;
	if (needed == 0) {
		s->dropped++;
		return row_update(r, Q_OUTBOX_END, id, "dropped", "no longer needed", s->who, NULL);
	}
	char err[400] = "";
	int fatal = 0;
	int sent = needed < 0 ? -1 : transfer(s, &m, err, sizeof err, &fatal);
	if (needed < 0)
		snprintf(err, sizeof err, "database: could not ask whether it is still needed");
	if (sent == 0) {
		/* test hook: die between the transfer and the mark (README: the window) */
		if (r->cfg->test_mode && getenv("DOSSIER_TEST_MAIL_CRASH") != NULL)
			_exit(70);
		s->sent++;
		return row_update(r, Q_OUTBOX_SENT, id, r->now_text, s->who, NULL, NULL);
	}
	if (fatal)
		s->smtp_down = 1;
	long attempts = (long)dbres_int(&m, 0, OB_ATTEMPTS);
	log_msg("rid=%s mail: outbox %lld attempt %ld: %s", r->rid, id, attempts, err);
	if (attempts >= r->cfg->mail_max_attempts) {
		s->failed++;
		return row_update(r, Q_OUTBOX_END, id, "failed", err, s->who, NULL);
	}
	return row_update(r, Q_OUTBOX_RETRY, id, time_text(r, backoff_minutes(r->cfg, attempts) * 60), err, s->who,
			  NULL);
}

int mail_send_due(struct req *r, long long *n)
{
	struct sender s;
	memset(&s, 0, sizeof s);
	s.r = r;
	char tok[65];
	if (crypto_token(tok) != 0)
		return DB_ERROR;
	snprintf(s.who, sizeof s.who, "%.32s", tok);
	/* rows a dead sender left in the middle of a transfer: failed, not sent again */
	struct dbres stale;
	int rc = db_exec(r->db, r->a, Q_OUTBOX_STALE, &stale, "s", r->now_text);
	for (size_t i = 0; rc == DB_OK && i < stale.nrows; i++) {
		int changed = 0;
		rc = row_update(r, Q_OUTBOX_ABANDON, dbres_int(&stale, i, 0),
				"interrupted during delivery: whether it arrived is unknown, so it is not sent again",
				r->now_text, NULL, &changed);
		if (changed)
			log_msg("rid=%s mail: outbox %lld was interrupted during delivery: marked failed", r->rid,
				dbres_int(&stale, i, 0));
	}
	long long done = 0;
	while (rc == DB_OK && done < RUN_MAX) {
		struct dbres due;
		if ((rc = db_exec(r->db, r->a, Q_OUTBOX_DUE, &due, "si", r->now_text, (long long)BATCH)) != DB_OK)
			break;
		size_t tried = 0;
		for (size_t i = 0; rc == DB_OK && i < due.nrows; i++) {
			if (s.smtp_down && strcmp(dbres_get(&due, i, 1), "mail") == 0)
				continue;
			tried++;
			/* each message's memory apart: a run may send thousands */
			arena *outer = r->a;
			r->a = arena_new();
			rc = deliver(&s, dbres_int(&due, i, 0));
			arena_free(r->a);
			r->a = outer;
		}
		done += (long long)tried;
		if (due.nrows < BATCH || tried == 0)
			break;
	}
	smtp_free(s.smtp);
	*n = s.sent;
	if (s.failed || s.dropped)
		log_msg("rid=%s mail: %lld failed for good, %lld dropped", r->rid, s.failed, s.dropped);
	return rc;
}
