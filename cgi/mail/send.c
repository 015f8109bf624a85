/* send.c — the scheduled task mail.send: delivers the outbox, never twice.
 *
 * Every `dossier cron` runs it at once with the others (TASK_CONCURRENT): a
 * message is held not by a task lease but by its own claim. A sender
 *   1. claims a batch of due messages (mail_batch, default 20): one UPDATE …
 *      SET state 'sending', claimed_by = <this run>, claimed_until = now +
 *      mail_claim_seconds … WHERE state 'queued' … LIMIT n, committed on its
 *      own before anything is sent. Two senders never claim the same row
 *      (the row lock, then state 'queued' no longer holds for the second);
 *   2. for each: asks the kind's still_needed (0: dropped), transfers it
 *      (one SMTP connection for the whole run, or the chat robot), and on a
 *      failure puts it back at once — queued with a backoff of 1, 2, 4 …
 *      minutes (at most mail_backoff_max), or failed after mail_max_attempts;
 *   3. marks what is left of the batch — the messages transferred — sent,
 *      in one transaction.
 * A sender that dies between 1 and 3 leaves its batch 'sending'. Once the
 * claim has run out, the next run marks those failed ("interrupted"): their
 * fate is unknown, so they are never sent again, and the admin's outbox page
 * shows them (README, "Mail and chat"). Delivery is at most once; a crash
 * costs the certainty about at most one batch. */
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
#include <time.h>
#include <unistd.h>

/* At most this many messages per run (the next run takes the rest). */
#define RUN_MAX 100000

struct sender {
	struct req *r;
	char who[33];              /* this run's claim name */
	struct smtp *smtp;         /* opened at the first mail */
	int smtp_down;             /* the server cannot be used now: mail waits for the next run */
	long long sent, failed, dropped;
	double transfer_secs;      /* of the run's time, in transfers (logged) */
};

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct row_ctx {
	struct req *r;
	struct sql *q;
	long long id;
	const char *a, *b, *c;
	long long n;
	unsigned long long changed;
};

/* One statement in its own transaction; changed = rows changed. */
static int row_txn(void *arg)
{
	struct row_ctx *c = arg;
	struct req *r = c->r;
	struct dbres res;
	int rc;
	if (c->q == Q_OUTBOX_CLAIM)   /* id: the SMTP server is down; n: the batch */
		rc = db_exec(r->db, r->a, c->q, &res, "sssii", c->a, c->b, c->c, c->id, c->n);
	else if (c->q == Q_OUTBOX_SENT_BATCH)
		rc = db_exec(r->db, r->a, c->q, &res, "ss", c->a, c->b);
	else if (c->q == Q_OUTBOX_UNCLAIM)
		rc = db_exec(r->db, r->a, c->q, &res, "is", c->id, c->a);
	else if (c->q == Q_OUTBOX_ABANDON)
		rc = db_exec(r->db, r->a, c->q, &res, "sis", c->a, c->id, c->b);
	else   /* Q_OUTBOX_RETRY, Q_OUTBOX_END: two texts, the id, the claim */
		rc = db_exec(r->db, r->a, c->q, &res, "ssis", c->a, c->b, c->id, c->c);
	c->changed = rc == DB_OK ? res.affected : 0;
	return rc;
}

static int row_update(struct req *r, struct sql *q, long long id, const char *a, const char *b, const char *c3,
		      long long n, unsigned long long *changed)
{
	struct row_ctx c = { r, q, id, a, b, c3, n, 0 };
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

/* The transfer of row i. 0 sent; -1 failed (err); *fatal: the SMTP server is unusable now. */
static int transfer(struct sender *s, const struct dbres *m, size_t i, char *err, size_t errlen, int *fatal)
{
	struct req *r = s->r;
	const char *channel = dbres_get(m, i, OB_CHANNEL);
	*fatal = 0;
	if (strcmp(channel, "mail") == 0) {
		if (s->smtp == NULL && (s->smtp = smtp_new(r->cfg)) == NULL) {
			snprintf(err, errlen, "libcurl: no handle");
			return -1;
		}
		const char *msg = mail_compose(r, dbres_int(m, i, OB_ID), dbres_get(m, i, OB_ADDRESS),
					       dbres_get(m, i, OB_TITLE), dbres_get(m, i, OB_TEXT),
					       dbres_get(m, i, OB_HTML), dbres_get(m, i, OB_ATTACH_NAME),
					       dbres_get(m, i, OB_ATTACH_TYPE), dbres_get(m, i, OB_ATTACH));
		if (msg == NULL) {
			snprintf(err, errlen, "the address \"%.100s\" or mail_from cannot be used", dbres_get(m, i, OB_ADDRESS));
			return -1;
		}
		return smtp_send(s->smtp, dbres_get(m, i, OB_ADDRESS), msg, err, errlen, fatal);
	}
	struct dbres robot;
	if (robot_of(r, dbres_get(m, i, OB_ADDRESS), dbres_int(m, i, OB_RECIPIENT), &robot) != DB_OK) {
		snprintf(err, errlen, "database: the robot could not be read");
		return -1;
	}
	if (robot.nrows != 1 || strcmp(dbres_get(&robot, 0, RB_KIND), channel) != 0) {
		snprintf(err, errlen, "the %s robot is no longer set", channel);
		return -1;
	}
	/* a department's group reads whom a message is for */
	const char *title = dbres_get(m, i, OB_TITLE);
	if (strncmp(dbres_get(m, i, OB_ADDRESS), "dept:", 5) == 0)
		title = arena_printf(r->a, "%s · %s", user_name(r, dbres_int(m, i, OB_RECIPIENT)), title);
	return robot_send(r, robot_kind_of(channel), dbres_get(&robot, 0, RB_KEY), dbres_get(&robot, 0, RB_SECRET),
			  title, dbres_get(m, i, OB_TEXT), dbres_get(m, i, OB_KIND), dbres_get(m, i, OB_SUBJECT), err,
			  errlen);
}

/* Checks and transfers claimed row i; a message not delivered is put back
 * (or ended) at once, a delivered one stays 'sending' until the batch is
 * marked. A db_rc. */
static int deliver(struct sender *s, const struct dbres *m, size_t i)
{
	struct req *r = s->r;
	long long id = dbres_int(m, i, OB_ID);
	if (s->smtp_down && strcmp(dbres_get(m, i, OB_CHANNEL), "mail") == 0)
		return row_update(r, Q_OUTBOX_UNCLAIM, id, s->who, NULL, NULL, 0, NULL);
	const struct message_kind *k = kind_find(dbres_get(m, i, OB_KIND));
	int needed = k && k->still_needed ? k->still_needed(r, dbres_get(m, i, OB_SUBJECT), dbres_int(m, i, OB_RECIPIENT))
					  : 1;
	if (needed == 0) {
		s->dropped++;
		return row_update(r, Q_OUTBOX_END, id, "dropped", "no longer needed", s->who, 0, NULL);
	}
	char err[400] = "";
	int fatal = 0;
	if (needed < 0)
		snprintf(err, sizeof err, "database: could not ask whether it is still needed");
	else if (s->transfer_secs -= seconds_now(), transfer(s, m, i, err, sizeof err, &fatal) == 0) {
		s->transfer_secs += seconds_now();
		/* test hook: die between the transfer and the mark (README: the window) */
		if (r->cfg->test_mode && getenv("DOSSIER_TEST_MAIL_CRASH") != NULL)
			_exit(70);
		s->sent++;
		return DB_OK;
	}
	if (needed > 0)
		s->transfer_secs += seconds_now();
	if (fatal)
		s->smtp_down = 1;
	long attempts = (long)dbres_int(m, i, OB_ATTEMPTS);
	log_msg("rid=%s mail: outbox %lld attempt %ld: %s", r->rid, id, attempts, err);
	if (attempts >= r->cfg->mail_max_attempts) {
		s->failed++;
		return row_update(r, Q_OUTBOX_END, id, "failed", err, s->who, 0, NULL);
	}
	return row_update(r, Q_OUTBOX_RETRY, id, time_text(r, backoff_minutes(r->cfg, attempts) * 60), err, s->who,
			  0, NULL);
}

/* One batch: claim, deliver each, mark the delivered sent. *claimed = how many it claimed. */
static int batch(struct sender *s, unsigned long long *claimed)
{
	struct req *r = s->r;
	/* the app's clock, read again: a long run claims with the time of each batch */
	r->now = clock_now();
	clock_format(r->now, r->now_text);
	int rc = row_update(r, Q_OUTBOX_CLAIM, s->smtp_down, s->who, time_text(r, r->cfg->mail_claim_seconds),
			    r->now_text, r->cfg->mail_batch, claimed);
	if (rc != DB_OK || *claimed == 0)
		return rc;
	time_t claimed_at = time(NULL);
	struct dbres m;
	if ((rc = db_exec(r->db, r->a, Q_OUTBOX_CLAIMED, &m, "s", s->who)) != DB_OK)
		return rc;
	for (size_t i = 0; rc == DB_OK && i < m.nrows; i++) {
		/* no transfer may outlast the claim: what is left waits for the next batch */
		if (time(NULL) - claimed_at > r->cfg->mail_claim_seconds - r->cfg->smtp_timeout) {
			rc = row_update(r, Q_OUTBOX_UNCLAIM, dbres_int(&m, i, OB_ID), s->who, NULL, NULL, 0, NULL);
			continue;
		}
		rc = deliver(s, &m, i);
	}
	if (rc == DB_OK)
		rc = row_update(r, Q_OUTBOX_SENT_BATCH, 0, r->now_text, s->who, NULL, 0, NULL);
	return rc;
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
	/* batches a dead sender left in the middle: failed, not sent again */
	struct dbres stale;
	int rc = db_exec(r->db, r->a, Q_OUTBOX_STALE, &stale, "s", r->now_text);
	for (size_t i = 0; rc == DB_OK && i < stale.nrows; i++) {
		unsigned long long changed = 0;
		rc = row_update(r, Q_OUTBOX_ABANDON, dbres_int(&stale, i, 0),
				"interrupted during delivery: whether it arrived is unknown, so it is not sent again",
				r->now_text, NULL, 0, &changed);
		if (changed)
			log_msg("rid=%s mail: outbox %lld was interrupted during delivery: marked failed", r->rid,
				dbres_int(&stale, i, 0));
	}
	long long done = 0;
	double started = seconds_now();
	while (rc == DB_OK && done < RUN_MAX) {
		unsigned long long claimed = 0;
		/* each batch's memory apart: a run may send thousands */
		arena *outer = r->a;
		r->a = arena_new();
		rc = batch(&s, &claimed);
		arena_free(r->a);
		r->a = outer;
		if (claimed == 0)
			break;
		done += (long long)claimed;
	}
	smtp_free(s.smtp);
	*n = s.sent;
	if (done > 0)
		log_msg("rid=%s mail: %lld claimed, %lld delivered in %.1f s (%.1f s in transfers)", r->rid, done, s.sent,
			seconds_now() - started, s.transfer_secs);
	if (s.failed || s.dropped)
		log_msg("rid=%s mail: %lld failed for good, %lld dropped", r->rid, s.failed, s.dropped);
	return rc;
}
