/* ask.c — asking for an approval about a card (/clients/{id}/request): a
 * view, a transfer of a duplicate, a takeover from the pool, or a change of a
 * controlled field. What may be asked is client_request_prepare (kinds.c);
 * the request goes to the engine (approvals/approvals.h). */
#include "clients.h"
#include "pages.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "core/form.h"
#include "core/people.h"
#include <string.h>

static const char *const kinds[] = { "view", "transfer", "takeover", "grade", "scope", "owner", "former",
				     "blacklist", "delete", "reassign", NULL };

/* The kinds that ask for a new value (the others: the reason alone). */
static int kind_has_value(const char *k)
{
	return strcmp(k, "grade") == 0 || strcmp(k, "scope") == 0 || strcmp(k, "owner") == 0 ||
	       strcmp(k, "blacklist") == 0 || strcmp(k, "reassign") == 0;
}

static int kind_valid(const char *k)
{
	return form_choice_index(kinds, k) >= 0;
}

/* The request form; the value's meaning is the kind's (kinds.c checks it). */
enum { AF_KIND, AF_VALUE, AF_REASON, AF__N };
static const struct form_field ask_fields[AF__N] = {
	[AF_KIND] = { .name = "kind", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = kinds },
	[AF_VALUE] = { .name = "value", .type = FT_TEXT, .max = 64 },
	[AF_REASON] = { .name = "_reason", .type = FT_LONGTEXT, .max = 500, .flags = FORM_REQUIRED },
};

/* ---- asking ---------------------------------------------------------------------- */

/* Loads the card of /clients/{id}/request with the user's right (no view is
 * logged: asking is not looking). 0 or an HTTP status. */
static int request_card(struct req *r, struct dbres *card, enum via *via)
{
	int st = card_load(r, r->ids[0], card);
	if (st != 0)
		return st;
	struct card_ref ref = card_ref_of(card);
	*via = card_access(r, &ref);
	return 0;
}

static int request_form_page(struct req *r, int status, const struct dbres *card, enum via via, const char *kind)
{
	view_set(r, "Subject.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Subject.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Subject.owner", dbres_get(card, 0, CARD_OWNER_NAME));
	view_set(r, "Subject.registered_at", dbres_get(card, 0, CARD_REGISTERED_AT));
	if (via != VIA_NONE)         /* a stub shows name, owner and date only (DESIGN.md §5) */
		view_set(r, "Subject.dept", dbres_get(card, 0, CARD_DEPT_NAME));
	view_set(r, "Subject.visible", via != VIA_NONE ? "1" : "0");
	view_set(r, "Form.values.kind", kind);
	if (kind_has_value(kind))
		view_set(r, "Page.has_value", "1");
	static const struct { const char *kind, *field; int col; } current[] = {
		{ "grade", "grade_id", 1 + CF_grade_id }, { "scope", "scope", CARD_SCOPE },
		{ "owner", "owner_id", CARD_OWNER_ID }, { "reassign", "owner_id", CARD_OWNER_ID },
		{ "former", "lifecycle", 1 + CF_lifecycle },
		{ "blacklist", "blacklist", CARD_BLACKLIST },
	};
	for (size_t i = 0; i < sizeof current / sizeof current[0]; i++)
		if (strcmp(kind, current[i].kind) == 0 && via != VIA_NONE)
			view_set(r, "Subject.current", client_value_text(r, current[i].field, card->rows[0][current[i].col]));
	if (strcmp(kind, "grade") == 0)
		view_class_choices(r, "grade");
	view_set(r, "Page.title", lang_text(r, arena_printf(r->a, "request.kind.%s", kind)));
	return render(r, status, "clients/client_request.cs");
}

int clients_ask_form(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = request_card(r, &card, &via);
	if (st != 0)
		return st;
	const char *kind = req_query(r, "kind");
	if (!kind_valid(kind))
		return 404;
	return request_form_page(r, 200, &card, via, kind);
}

struct create_ctx {
	struct req *r;
	struct new_request n;
	long long id, pending;
};

static int create_txn(void *arg)
{
	struct create_ctx *c = arg;
	int rc = approval_pending_same(c->r, &c->n, &c->pending);
	if (rc != DB_OK)
		return rc;
	if (c->pending != 0)
		return DB_CONFLICT;
	return approval_create(c->r, &c->n, &c->id);
}

int clients_ask(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = request_card(r, &card, &via);
	if (st != 0)
		return st;
	struct form_value v[AF__N];
	FORM_READ(r, ask_fields, v);
	const char *kind = v[AF_KIND].text, *value = v[AF_VALUE].text, *reason = v[AF_REASON].text;
	if (kind == NULL)
		return 400;
	struct create_ctx c;
	memset(&c, 0, sizeof c);
	c.r = r;
	int person = strcmp(kind, "owner") == 0 || strcmp(kind, "reassign") == 0;   /* a new owner, chosen by name */
	if (person) {
		long long to;
		int chosen = person_choose(r, "value", PERSON_REQUIRED, &to);
		if (chosen < 0)
			return db_fail(r);
		if (!chosen)
			return request_form_page(r, form_status(r), &card, via, kind);
		value = arena_printf(r->a, "%lld", to);
	}
	const char *why;
	int prep = client_request_prepare(r, &card, via, kind, value, &c.n, &why);
	if (prep == -2) {
		audit_event(r, "access.denied", "client", dbres_int(&card, 0, CARD_ID), kind);
		return 403;
	}
	if (prep != 0) {
		/* beside the value when there is one to choose, else at the top */
		if (kind_has_value(kind)) {
			form_refuse(r, person ? "value_q" : "value", why);
		} else {
			view_set(r, "Page.error_message", why);
		}
		return request_form_page(r, 422, &card, via, kind);
	}
	if (reason == NULL)
		return request_form_page(r, 422, &card, via, kind);
	c.n.reason = reason;
	int rc = db_txn(r->db, create_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "request.already_pending"));
		view_set_int(r, "Page.pending_id", c.pending);
		return request_form_page(r, 409, &card, via, kind);
	}
	if (rc == APPROVAL_NOBODY) {
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return request_form_page(r, 422, &card, via, kind);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "request_sent");
	return resp_redirect(r, arena_printf(r->a, "/requests/%lld", c.id));
}

