/* record.c — recording a visit: the form (on a card the reader may change),
 * and the save, which moves the card's last visit, next visit due and last
 * progress in the visit's transaction (Q_VISIT_MOVE_CARD). */
#include "visits.h"
#include "sql.h"
#include "clients/access.h"
#include "clients/clients.h"
#include "core/form.h"
#include <string.h>

static const char *const kinds[] = { "onsite", "phone", "mail", "meeting", "service", NULL };
static const char *const scores[] = { "1", "2", "3", "4", "5", NULL };

enum { VF_ON, VF_KIND, VF_ATTENDEES, VF_CONTACT, VF_SUMMARY, VF_FEEDBACK, VF_SATISFACTION, VF_PROBLEMS, VF_NEXT, VF__N };
static const struct form_field visit_fields[VF__N] = {
	[VF_ON] = { .name = "visited_on", .type = FT_DATE, .flags = FORM_REQUIRED },
	[VF_KIND] = { .name = "kind", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = kinds },
	[VF_ATTENDEES] = { .name = "attendees", .type = FT_TEXT, .max = 200 },
	[VF_CONTACT] = { .name = "contact", .type = FT_TEXT, .max = 100 },
	[VF_SUMMARY] = { .name = "summary", .type = FT_LONGTEXT, .max = 2000, .flags = FORM_REQUIRED },
	[VF_FEEDBACK] = { .name = "feedback", .type = FT_LONGTEXT, .max = 1000 },
	[VF_SATISFACTION] = { .name = "satisfaction", .type = FT_CHOICE, .choices = scores },
	[VF_PROBLEMS] = { .name = "problems", .type = FT_LONGTEXT, .max = 1000 },
	[VF_NEXT] = { .name = "next_follow_up", .type = FT_DATE },
};

/* The card of /clients/{id}/visits…, its view logged; the reader must be
 * allowed to change it. 0, -1 when a page was rendered, or an HTTP status. */
static int visit_card(struct req *r, struct dbres *card)
{
	enum via via;
	int st = card_open(r, card, &via, "visit");
	if (st != 0)
		return st;
	if (!card_may_edit(via))
		return 403;
	return 0;
}

static int form_page(struct req *r, int status, const struct dbres *card)
{
	view_set(r, "Card.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Card.owner_name", dbres_get(card, 0, CARD_OWNER_NAME));
	view_set(r, "Card.last_visit_on", dbres_get(card, 0, CARD_LAST_VISIT));
	view_set(r, "Card.next_visit_due", dbres_get(card, 0, CARD_NEXT_VISIT));
	view_set(r, "Page.today", day_text(r, 0));
	view_set(r, "Page.title", lang_text(r, "visit.new"));
	return render(r, status, "visits/visit_form.cs");
}

int visits_form(struct req *r)
{
	struct dbres card;
	int st = visit_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	view_set(r, "Form.values.visited_on", day_text(r, 0));
	view_set(r, "Form.values.kind", "onsite");
	return form_page(r, 200, &card);
}

struct record_ctx {
	struct req *r;
	long long client;
	const struct form_value *v;
	long long id;
};

static int record_txn(void *arg)
{
	struct record_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	const char *on = v[VF_ON].text, *next = *v[VF_NEXT].text ? v[VF_NEXT].text : NULL;
	const char *score = *v[VF_SATISFACTION].text ? v[VF_SATISFACTION].text : NULL;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_VISIT_INSERT, &res, "isssssssssis", c->client, on, v[VF_KIND].text,
			 v[VF_ATTENDEES].text, v[VF_CONTACT].text, v[VF_SUMMARY].text, v[VF_FEEDBACK].text, score,
			 v[VF_PROBLEMS].text, next, r->user->id, r->now_text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	rc = db_exec(r->db, r->a, Q_VISIT_MOVE_CARD, &res, "sssssssi", on, on, next, on, on, on, on, c->client);
	if (rc != DB_OK)
		return rc;                           /* (an older visit may change nothing on the card) */
	return audit(r, "visit.recorded", "client", c->client, arena_printf(r->a, "%s %s", on, v[VF_KIND].text));
}

int visits_record(struct req *r)
{
	struct dbres card;
	int st = visit_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct form_value v[VF__N];
	int ok = FORM_READ(r, visit_fields, v);
	const char *today = day_text(r, 0);
	if (v[VF_ON].text != NULL && *v[VF_ON].text && strcmp(v[VF_ON].text, today) > 0) {
		form_error(r, "visited_on", "visit.in_future");
		ok = 0;
	}
	if (ok && *v[VF_NEXT].text && strcmp(v[VF_NEXT].text, v[VF_ON].text) <= 0) {
		form_error(r, "next_follow_up", "visit.next_before");
		ok = 0;
	}
	if (!ok)
		return form_page(r, 422, &card);
	struct record_ctx c = { r, dbres_int(&card, 0, CARD_ID), v, 0 };
	int rc = db_txn(r->db, record_txn, &c);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "visit_saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld#visits", c.client));
}
