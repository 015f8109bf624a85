/* prospects.c — prospect protection (私海/公海, DESIGN.md §4): protection
 * dates when a prospect is registered or taken over, progress notes that keep
 * it protected, the department pool, and the scheduled return to the pool.
 * Taking a prospect over from the pool is a request to the department
 * manager (approvals_clients.c, kind "takeover"). */
#include "prospects.h"
#include "pages.h"
#include "sql.h"
#include "core/domain.h"
#include "core/form.h"
#include <stdlib.h>
#include <string.h>

int prospect_protect(struct req *r, long long id)
{
	return db_exec(r->db, r->a, Q_CLIENT_PROTECT, NULL, "ssi", day_text(r, r->cfg->prospect_protect_days),
		       day_text(r, 0), id);
}

int prospect_limit_reached(struct req *r, long long user)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_PROSPECTS_HELD, &res, "is", user, day_text(r, 0)) != DB_OK)
		return -1;
	return dbres_int(&res, 0, 0) >= r->cfg->prospect_limit;
}

const char *prospect_drops_on(struct req *r, const char *until, const char *progress)
{
	/* the earlier of the end of protection and prospect_progress_days without progress */
	time_t p;
	if (clock_parse(arena_printf(r->a, "%s 00:00:00", progress), &p) != 0)
		return NULL;
	char *due = arena_alloc(r->a, 20);
	clock_format(p + (time_t)r->cfg->prospect_progress_days * 86400, due);
	due[10] = '\0';
	return strcmp(due, until) < 0 ? due : until;
}

int view_dropping_prospects(struct req *r)
{
	struct dbres drop;
	long warn = r->cfg->prospect_warn_days;
	int rc = db_exec(r->db, r->a, Q_PROSPECTS_WARN, &drop, "iss", r->user->id, day_text(r, warn),
			 day_text(r, warn - r->cfg->prospect_progress_days));
	for (size_t i = 0; rc == DB_OK && i < drop.nrows; i++) {
		const char *p = arena_printf(r->a, "Home.dropping.%zu", i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&drop, i, 0));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&drop, i, PW_NAME));
		const char *drops = prospect_drops_on(r, dbres_get(&drop, i, PW_UNTIL), dbres_get(&drop, i, PW_PROGRESS));
		if (drops != NULL)
			view_set(r, arena_printf(r->a, "%s.drops_on", p), drops);
	}
	return rc;
}

int prospects_digest(struct req *r, long long user, const char *since, struct digest_section *out)
{
	struct dbres drop;
	long warn = r->cfg->prospect_warn_days;
	int rc = db_exec(r->db, r->a, Q_PROSPECTS_WARN, &drop, "iss", user, day_text(r, warn),
			 day_text(r, warn - r->cfg->prospect_progress_days));
	out[0].title = "digest.prospects_dropping";
	for (size_t i = 0; rc == DB_OK && i < drop.nrows && i < DIGEST_ROWS; i++) {
		const char *drops = prospect_drops_on(r, dbres_get(&drop, i, PW_UNTIL), dbres_get(&drop, i, PW_PROGRESS));
		out[0].rows[out[0].n].text = lang_key(r, "digest.prospect_row", 2, dbres_get(&drop, i, PW_NAME),
						      drops ? drops : "");
		out[0].rows[out[0].n++].link = arena_printf(r->a, "/clients/%s", dbres_get(&drop, i, PW_ID));
	}
	return rc;
}

void view_protection(struct req *r, const struct dbres *card)
{
	const char *until = card->rows[0][CARD_PROTECTED_UNTIL], *progress = card->rows[0][CARD_LAST_PROGRESS];
	const char *life = card->rows[0][1 + CF_lifecycle];
	if (dbres_int(card, 0, CARD_IN_POOL)) {
		view_set(r, "Card.in_pool", "1");
		return;
	}
	if (until == NULL || progress == NULL || life == NULL || strcmp(life, "prospect") != 0)
		return;
	const char *drops = prospect_drops_on(r, until, progress);
	if (drops == NULL)
		return;
	view_set(r, "Card.protected_until", until);
	view_set(r, "Card.last_progress_on", progress);
	view_set(r, "Card.drops_on", drops);
	/* the rule, with this card's dates: intent before the end, progress every N days */
	const char *next = prospect_drops_on(r, "9999-12-31", progress);
	view_set(r, "Card.progress_rule", lang_stored(r, lang_key(r, "pool.rule_progress", 2,
				arena_printf(r->a, "%ld", r->cfg->prospect_progress_days), next ? next : "")));
	if (strcmp(drops, day_text(r, r->cfg->prospect_warn_days)) <= 0)
		view_set(r, "Card.drops_soon", "1");
}

struct progress_ctx {
	struct req *r;
	long long id;
	const char *last, *note;
	int intent, converted;
};

/* A progress note; with the client's intent recorded, a prospect becomes a
 * new client (seed 000 七: protection ends without an intent), in one
 * transaction with its history rows. */
static int progress_txn(void *arg)
{
	struct progress_ctx *c = arg;
	struct req *r = c->r;
	const char *today = day_text(r, 0);
	int rc = db_exec(r->db, r->a, Q_CLIENT_PROGRESS, NULL, "ssi", today, r->now_text, c->id);
	if (rc == DB_OK)
		rc = client_history_add(r, c->id, 0, "progress", c->last, today, r->user->id, c->note);
	c->converted = 0;
	if (rc == DB_OK && c->intent) {
		struct dbres res;
		rc = db_exec(r->db, r->a, Q_CLIENT_INTENT, &res, "si", r->now_text, c->id);
		if (rc == DB_OK && res.affected == 1) {
			c->converted = 1;
			rc = client_history_add(r, c->id, 0, "lifecycle", "prospect", "new", r->user->id,
						lang_key(r, "client.history.intent", 0));
		}
	}
	return rc;
}

int clients_progress(struct req *r)
{
	struct dbres card;
	int st = card_load(r, r->ids[0], &card);
	if (st != 0)
		return st;
	struct card_ref ref = card_ref_of(&card);
	if (!card_may_edit(card_access(r, &ref))) {
		audit_event(r, "access.denied", "client", ref.id, "progress");
		return 403;
	}
	static const struct form_field progress_fields[] = {
		{ .name = "note", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
		{ .name = "intent", .type = FT_BOOL },
	};
	struct form_value v[2];
	const char *note = FORM_READ(r, progress_fields, v) ? v[0].text : NULL;
	if (note == NULL) {
		resp_flash(r, "progress_empty");
		return resp_redirect(r, arena_printf(r->a, "/clients/%lld#progress", ref.id));
	}
	struct progress_ctx c = { r, ref.id, card.rows[0][CARD_LAST_PROGRESS], note, v[1].n != 0, 0 };
	int rc = db_txn(r->db, progress_txn, &c);
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, c.converted ? "intent_saved" : "progress_saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld", ref.id));
}

int clients_pool(struct req *r)
{
	long long before = req_query_id(r, "before");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_POOL_OF_DEPT, &res, "iii", r->user->dept_id, before > 0 ? before : (1LL << 62),
		    51LL) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "id", "name", "pool_since", "owner", "registered_at", NULL };
	for (size_t i = 0; i < res.nrows && i < 50; i++)
		view_row(r, arena_printf(r->a, "Pool.%zu", i), cols, &res, i);
	if (res.nrows > 50)
		view_set(r, "Page.next_before", dbres_get(&res, 49, 0));
	int full = prospect_limit_reached(r, r->user->id);
	if (full > 0)
		view_set(r, "Page.limit_reached", "1");
	view_set_int(r, "Page.limit", r->cfg->prospect_limit);
	view_set(r, "Page.title", lang_text(r, "pool.title"));
	return render(r, 200, "clients/clients_pool.cs");
}

/* ---- the scheduled job ----------------------------------------------------------------- */

struct drop_ctx {
	struct req *r;
	long long id;
	const char *today, *stale;
	int done;
};

static int drop_txn(void *arg)
{
	struct drop_ctx *c = arg;
	struct req *r = c->r;
	const char *now = r->now_text;
	struct dbres res;
	c->done = 0;
	int rc = db_exec(r->db, r->a, Q_CLIENT_TO_POOL, &res, "siss", now, c->id, c->today, c->stale);
	if (rc != DB_OK || res.affected != 1)
		return rc;                       /* progress recorded meanwhile */
	c->done = 1;
	rc = client_history_add(r, c->id, 0, "in_pool", "0", "1", 0, lang_key(r, "client.history.returned_to_pool", 0));
	return rc == DB_OK ? audit(r, "client.to_pool", "client", c->id, NULL) : rc;
}

int prospects_return_due(struct req *r, long long *n)
{
	*n = 0;
	const char *today = day_text(r, 0), *stale = day_text(r, -r->cfg->prospect_progress_days);
	struct dbres due;
	int rc = db_exec(r->db, r->a, Q_PROSPECTS_DROPPING, &due, "ss", today, stale);
	for (size_t i = 0; rc == DB_OK && i < due.nrows; i++) {
		struct drop_ctx c = { r, dbres_int(&due, i, 0), today, stale, 0 };
		rc = db_txn(r->db, drop_txn, &c);
		*n += c.done;
	}
	return rc;
}
