/* items.c — archive items (DESIGN.md §6): submitted from the client's card
 * by those who may change it, numbered in the filing transaction (a counter
 * row per client, year and type), signed off by the filer's department
 * manager (approval "archive_file"), then placed by the archivist; the item's
 * page, the archivist's list of items waiting to be placed, a volume's
 * catalogue (卷内目录) and reference sheet (备考表), and the card's panel. */
#include "archive.h"
#include "sql.h"
#include "approvals/approvals.h"
#include "clients/access.h"
#include "clients/clients.h"
#include "core/domain.h"
#include "core/form.h"
#include <stdio.h>
#include <string.h>

static const char *const secrecies[] = { "ordinary", "secret", "confidential", "top_secret", NULL };
static const char *const retentions[] = { "permanent", "30", "10", "3", NULL };
static const char *const media[] = { "paper", "electronic", "both", NULL };

int archive_may_see(struct req *r, long long client)
{
	if (req_has_role(r, ROLE_ARCHIVIST))
		return 1;
	struct dbres card;
	int st = card_load(r, client, &card);
	if (st == 404)
		return 0;
	if (st != 0)
		return -1;
	struct card_ref ref = card_ref_of(&card);
	return card_access(r, &ref) != VIA_NONE;
}

int archive_item_load(struct req *r, long long id, struct dbres *it)
{
	if (db_exec(r->db, r->a, Q_ITEM_GET, it, "i", id) != DB_OK)
		return db_fail(r);
	return it->nrows == 1 ? 0 : 404;
}

void archive_view_item(struct req *r, const char *p, const struct dbres *it, size_t i)
{
	static const char *cols[IT__COUNT + 1] = {
		"id", "no", "client_id", "client", "volume_id", "type_id", "type_code", "type_zh", "type_en", "title",
		"author", "doc_date", "pages", "copies", "secrecy", "retention", "medium", "other_no", "other_location",
		"remarks", "location_id", "place", "status", "dept_id", "dept", "request_id", "filed_by", "filed_at",
		"approved_by", "approved_at", "placed_by", "placed_at", "client_dept", "year", NULL,
	};
	view_row(r, p, cols, it, i);
	view_set(r, arena_printf(r->a, "%s.type", p),
		 dbres_get(it, i, strcmp(r->lang, "en") == 0 ? IT_TYPE_EN : IT_TYPE_ZH));
}

static int view_types(struct req *r)
{
	struct dbres t;
	if (db_exec(r->db, r->a, Q_TYPES, &t, "") != DB_OK)
		return -1;
	for (size_t i = 0; i < t.nrows; i++) {
		const char *p = arena_printf(r->a, "Types.%zu", i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&t, i, TY_ID));
		view_set(r, arena_printf(r->a, "%s.code", p), dbres_get(&t, i, TY_CODE));
		view_set(r, arena_printf(r->a, "%s.name", p),
			 dbres_get(&t, i, strcmp(r->lang, "en") == 0 ? TY_EN : TY_ZH));
	}
	return 0;
}

/* ---- submitting ------------------------------------------------------------------------------ */

enum { SF_TITLE, SF_TYPE, SF_DATE, SF_PAGES, SF_COPIES, SF_SECRECY, SF_RETENTION, SF_MEDIUM, SF_OTHER_NO,
       SF_OTHER_LOCATION, SF_AUTHOR, SF_REMARKS, SF__N };
static const struct form_field submit_fields[SF__N] = {
	[SF_TITLE] = { .name = "title", .type = FT_TEXT, .max = 200, .flags = FORM_REQUIRED },
	[SF_TYPE] = { .name = "type_id", .type = FT_ID, .flags = FORM_REQUIRED },
	[SF_DATE] = { .name = "doc_date", .type = FT_DATE, .flags = FORM_REQUIRED },
	[SF_PAGES] = { .name = "pages", .type = FT_NUMBER, .min = 1, .max_value = 100000, .flags = FORM_REQUIRED },
	[SF_COPIES] = { .name = "copies", .type = FT_NUMBER, .min = 1, .max_value = 100, .flags = FORM_REQUIRED },
	[SF_SECRECY] = { .name = "secrecy", .type = FT_CHOICE, .choices = secrecies, .flags = FORM_REQUIRED },
	[SF_RETENTION] = { .name = "retention", .type = FT_CHOICE, .choices = retentions, .flags = FORM_REQUIRED },
	[SF_MEDIUM] = { .name = "medium", .type = FT_CHOICE, .choices = media, .flags = FORM_REQUIRED },
	[SF_OTHER_NO] = { .name = "other_no", .type = FT_TEXT, .max = 64 },
	[SF_OTHER_LOCATION] = { .name = "other_location", .type = FT_TEXT, .max = 200 },
	[SF_AUTHOR] = { .name = "author", .type = FT_TEXT, .max = 100 },
	[SF_REMARKS] = { .name = "remarks", .type = FT_TEXT, .max = 500 },
};

/* The card of /clients/{id}/archive…: those who may change it file for it.
 * 0; -1 when a page was rendered; or an HTTP status. */
static int submit_card(struct req *r, struct dbres *card)
{
	enum via via;
	int st = card_open(r, card, &via, "archive");
	if (st != 0)
		return st;
	return card_may_edit(via) ? 0 : 403;
}

static int submit_page(struct req *r, int status, const struct dbres *card)
{
	view_set(r, "Card.id", dbres_get(card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(card, 0, 1 + CF_name));
	if (view_types(r) != 0)
		return db_fail(r);
	view_set(r, "Page.title", lang_text(r, "archive.submit"));
	return render(r, status, "archive/submit.cs");
}

int archive_submit_form(struct req *r)
{
	struct dbres card;
	int st = submit_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	view_set(r, "Form.values.pages", "1");
	view_set(r, "Form.values.copies", "1");
	view_set(r, "Form.values.secrecy", "ordinary");
	view_set(r, "Form.values.retention", "10");
	view_set(r, "Form.values.medium", "paper");
	view_set(r, "Form.values.doc_date", day_text(r, 0));
	return submit_page(r, 200, &card);
}

struct submit_ctx {
	struct req *r;
	long long client, id, request;
	const struct form_value *v;
	const char *type_code, *no;
	int bad_pattern;
};

static int submit_txn(void *arg)
{
	struct submit_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	struct dbres res;
	int year = 0;
	sscanf(v[SF_DATE].text, "%d", &year);
	/* the sequence: the counter row raised under its lock, then read */
	int rc = db_exec(r->db, r->a, Q_COUNTER_NEXT, NULL, "iii", c->client, (long long)year, v[SF_TYPE].n);
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_COUNTER_GET, &res, "iii", c->client, (long long)year, v[SF_TYPE].n);
	if (rc != DB_OK)
		return rc;
	long long seq = dbres_int(&res, 0, 0);
	if ((rc = db_exec(r->db, r->a, Q_DEPT_CODE, &res, "i", r->user->dept_id)) != DB_OK)
		return rc;
	struct archive_number n = { c->client, year, c->type_code, seq, r->cfg->archive_fonds_code,
				    v[SF_RETENTION].text, res.nrows ? dbres_get(&res, 0, 0) : "" };
	char no[128];
	if (archive_number_format(r->cfg->archive_number_pattern, &n, no, 65) != 0) {
		c->bad_pattern = 1;
		return DB_ERROR;
	}
	c->no = arena_strdup(r->a, no);
	if ((rc = db_exec(r->db, r->a, Q_VOLUME_ENSURE, NULL, "iis", c->client, (long long)year, r->now_text)) != DB_OK ||
	    (rc = db_exec(r->db, r->a, Q_VOLUME_OF, &res, "ii", c->client, (long long)year)) != DB_OK)
		return rc;
	if (res.nrows != 1)
		return DB_ERROR;
	long long volume = dbres_int(&res, 0, 0);
	rc = db_exec(r->db, r->a, Q_ITEM_INSERT, &res, "siiiisssiisssssiiss", c->no, c->client, volume, v[SF_TYPE].n,
		     seq, v[SF_TITLE].text, v[SF_AUTHOR].text, v[SF_DATE].text, v[SF_PAGES].n, v[SF_COPIES].n,
		     v[SF_SECRECY].text, v[SF_RETENTION].text, v[SF_MEDIUM].text, v[SF_OTHER_NO].text,
		     v[SF_OTHER_LOCATION].text, r->user->dept_id, r->user->id, r->now_text, v[SF_REMARKS].text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	struct new_request nr = { 0 };
	nr.type = "archive_file";
	nr.client_id = c->client;
	nr.subject_dept = r->user->dept_id;
	nr.reason = arena_printf(r->a, "%s %s", c->no, v[SF_TITLE].text);
	nr.field = "item";
	nr.new_value = arena_printf(r->a, "%lld", c->id);
	if ((rc = approval_create(r, &nr, &c->request)) != DB_OK)
		return rc;
	if ((rc = db_exec(r->db, r->a, Q_ITEM_SET_REQUEST, NULL, "ii", c->request, c->id)) != DB_OK)
		return rc;
	return audit(r, "archive.submitted", "archive_item", c->id, c->no);
}

int archive_submit(struct req *r)
{
	struct dbres card;
	int st = submit_card(r, &card);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct form_value v[SF__N];
	int ok = FORM_READ(r, submit_fields, v);
	struct dbres t;
	if (db_exec(r->db, r->a, Q_TYPES, &t, "") != DB_OK)
		return db_fail(r);
	const char *code = NULL;
	for (size_t i = 0; ok && i < t.nrows; i++)
		if (dbres_int(&t, i, TY_ID) == v[SF_TYPE].n)
			code = dbres_get(&t, i, TY_CODE);
	if (ok && code == NULL) {
		form_error(r, "type_id", "form.bad_choice");
		ok = 0;
	}
	if (ok && strcmp(v[SF_MEDIUM].text, "both") == 0 && (*v[SF_OTHER_NO].text == '\0' ||
							    *v[SF_OTHER_LOCATION].text == '\0')) {
		form_error(r, "other_no", "archive.other_required");
		ok = 0;
	}
	if (!ok)
		return submit_page(r, 422, &card);
	struct submit_ctx c = { r, dbres_int(&card, 0, CARD_ID), 0, 0, v, code, NULL, 0 };
	int rc = db_txn(r->db, submit_txn, &c);
	if (rc == APPROVAL_NOBODY) {
		view_set(r, "Page.error_message", lang_text(r, "request.nobody"));
		return submit_page(r, 422, &card);
	}
	if (rc == DB_DUPLICATE) {    /* a pattern that does not tell items apart */
		view_set(r, "Page.error_message", lang_text(r, "archive.number_taken"));
		return submit_page(r, 409, &card);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_submitted");
	return resp_redirect(r, arena_printf(r->a, "/archive/items/%lld", c.id));
}

/* ---- an item ------------------------------------------------------------------------------- */

int archive_item_show(struct req *r)
{
	struct dbres it, loans;
	int st = archive_item_load(r, r->ids[0], &it);
	if (st != 0)
		return st;
	int may = archive_may_see(r, dbres_int(&it, 0, IT_CLIENT));
	if (may < 0)
		return db_fail(r);
	if (!may) {
		audit_event(r, "access.denied", "archive_item", r->ids[0], NULL);
		return 403;
	}
	archive_view_item(r, "Item", &it, 0);
	if (db_exec(r->db, r->a, Q_LOANS_OF_ITEM, &loans, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < loans.nrows; i++)
		archive_view_loan(r, arena_printf(r->a, "Loans.%zu", i), &loans, i);
	if (archive_files_panel(r, &it) != 0)
		return db_fail(r);
	if (req_has_role(r, ROLE_ARCHIVIST))
		view_set(r, "Can.desk", "1");
	view_set(r, "Page.title", dbres_get(&it, 0, IT_NO));
	return render(r, 200, "archive/item.cs");
}

/* ---- placing ------------------------------------------------------------------------------- */

static int view_locations(struct req *r)
{
	struct dbres l;
	if (db_exec(r->db, r->a, Q_LOCATIONS, &l, "") != DB_OK)
		return -1;
	for (size_t i = 0; i < l.nrows; i++) {
		static const char *cols[] = { "id", "kind", "parent_id", "name", "path", NULL };
		view_row(r, arena_printf(r->a, "Locations.%zu", i), cols, &l, i);
	}
	return 0;
}

static int waiting_page(struct req *r, int status)
{
	struct dbres it;
	if (db_exec(r->db, r->a, Q_ITEMS_WAITING, &it, "") != DB_OK || view_locations(r) != 0)
		return db_fail(r);
	for (size_t i = 0; i < it.nrows; i++)
		archive_view_item(r, arena_printf(r->a, "Items.%zu", i), &it, i);
	view_set(r, "Page.title", lang_text(r, "archive.placing"));
	return render(r, status, "archive/placing.cs");
}

int archive_waiting(struct req *r)
{
	return waiting_page(r, 200);
}

struct place_ctx {
	struct req *r;
	long long id, location;
};

static int place_txn(void *arg)
{
	struct place_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_ITEM_PLACE, &res, "iisi", c->location, c->r->user->id, c->r->now_text,
			 c->id);
	if (rc != DB_OK)
		return rc;
	if (res.affected != 1)
		return DB_CONFLICT;
	return audit(c->r, "archive.placed", "archive_item", c->id, arena_printf(c->r->a, "location %lld", c->location));
}

int archive_place(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "location_id", .type = FT_ID, .flags = FORM_REQUIRED },
	};
	struct form_value v[1];
	if (!FORM_READ(r, fields, v))
		return waiting_page(r, 422);
	struct dbres k;
	if (db_exec(r->db, r->a, Q_LOCATION_KIND, &k, "i", v[0].n) != DB_OK)
		return db_fail(r);
	if (k.nrows != 1) {
		view_set(r, "Page.error_message", lang_text(r, "form.bad_choice"));
		return waiting_page(r, 422);
	}
	struct place_ctx c = { r, r->ids[0], v[0].n };
	int rc = db_txn(r->db, place_txn, &c);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "archive.not_waiting"));
		return waiting_page(r, 409);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "archive_placed");
	return resp_redirect(r, "/archive/placing");
}

/* ---- a volume: catalogue and reference sheet ---------------------------------------------------- */

int archive_volume(struct req *r)
{
	struct dbres vol, it;
	if (db_exec(r->db, r->a, Q_VOLUME_GET, &vol, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (vol.nrows != 1)
		return 404;
	int may = archive_may_see(r, dbres_int(&vol, 0, 1));
	if (may < 0)
		return db_fail(r);
	if (!may) {
		audit_event(r, "access.denied", "archive_volume", r->ids[0], NULL);
		return 403;
	}
	static const char *vcols[] = { "id", "client_id", "client", "year", "created_at", NULL };
	view_row(r, "Volume", vcols, &vol, 0);
	view_set(r, "Volume.no", archive_volume_no(r, dbres_int(&vol, 0, 1), dbres_get(&vol, 0, 3)));
	if (db_exec(r->db, r->a, Q_ITEMS_OF_VOLUME, &it, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	long long pages = 0;
	for (size_t i = 0; i < it.nrows; i++) {
		archive_view_item(r, arena_printf(r->a, "Items.%zu", i), &it, i);
		view_set_int(r, arena_printf(r->a, "Items.%zu.n", i), (long long)i + 1);
		pages += dbres_int(&it, i, IT_PAGES);
	}
	view_set_int(r, "Volume.items", (long long)it.nrows);
	view_set_int(r, "Volume.pages", pages);
	view_set(r, "Volume.printed_on", day_text(r, 0));
	view_set(r, "Volume.printed_by", r->user->display_name);
	view_set(r, "Page.title", lang_text(r, "archive.catalogue"));
	return render(r, 200, "archive/volume.cs");
}

/* ---- the card's panel ---------------------------------------------------------------------- */

const char *archive_volume_no(struct req *r, long long client, const char *year)
{
	return arena_printf(r->a, "C%06lld-%s", client, year);
}

/* Panels.N.notes: one line per volume that holds paper, with the places its
 * paper is kept in (the card's print view lists them, README "Archive"). */
static void card_panel_volumes(struct req *r, long long client, const char *p, const struct dbres *res)
{
	int n = 0;
	for (size_t i = 0; i < res->nrows; i++) {
		if (strcmp(dbres_get(res, i, PI_MEDIUM), "electronic") == 0)
			continue;
		size_t first = i;         /* the volume's first paper item: the line is written once */
		for (size_t j = 0; j < i; j++)
			if (dbres_int(res, j, PI_VOLUME) == dbres_int(res, i, PI_VOLUME) &&
			    strcmp(dbres_get(res, j, PI_MEDIUM), "electronic") != 0) {
				first = j;
				break;
			}
		if (first != i)
			continue;
		struct buf places;
		buf_init(&places);
		int items = 0, unplaced = 0;
		for (size_t j = i; j < res->nrows; j++) {
			if (dbres_int(res, j, PI_VOLUME) != dbres_int(res, i, PI_VOLUME) ||
			    strcmp(dbres_get(res, j, PI_MEDIUM), "electronic") == 0)
				continue;
			items++;
			const char *place = dbres_get(res, j, PI_PLACE);
			if (place == NULL || *place == '\0') {
				unplaced++;
				continue;
			}
			int seen = 0;     /* the same place once */
			for (size_t k = i; k < j && !seen; k++) {
				const char *other = dbres_get(res, k, PI_PLACE);
				seen = dbres_int(res, k, PI_VOLUME) == dbres_int(res, i, PI_VOLUME) &&
				       strcmp(dbres_get(res, k, PI_MEDIUM), "electronic") != 0 && other != NULL &&
				       strcmp(other, place) == 0;
			}
			if (!seen)
				buf_printf(&places, "%s%s", places.len ? "; " : "", place);
		}
		if (unplaced)
			buf_printf(&places, "%s%s: %d", places.len ? "; " : "", lang_text(r, "archive.volume_unplaced"),
				   unplaced);
		const char *v = arena_printf(r->a, "%s.notes.%d", p, n++);
		view_set(r, arena_printf(r->a, "%s.label", v), arena_printf(r->a, "%s %s",
			 lang_text(r, "archive.paper_volume"), archive_volume_no(r, client, dbres_get(res, i, PI_YEAR))));
		view_setf(r, arena_printf(r->a, "%s.href", v), "/archive/volumes/%lld", dbres_int(res, i, PI_VOLUME));
		view_set(r, arena_printf(r->a, "%s.text", v), arena_printf(r->a, "%s · %d %s", buf_cstr(&places), items,
			 lang_text(r, "archive.volume_items")));
		buf_free(&places);
	}
}

int archive_card_panel(struct req *r, long long client, unsigned flags, const char *p, const struct dbres *items)
{
	const struct dbres res = *items;      /* PANEL_ITEMS */
	view_set(r, arena_printf(r->a, "%s.id", p), "archive");
	view_set(r, arena_printf(r->a, "%s.title", p), lang_text(r, "archive.panel"));
	view_set(r, arena_printf(r->a, "%s.empty", p), lang_text(r, "archive.panel_none"));
	static const char *heads[] = { "f.no", "f.title", "f.volume", "f.place", "f.secrecy", "f.status", "panel_borrow",
				       NULL };
	for (int k = 0; heads[k]; k++)
		view_set(r, arena_printf(r->a, "%s.cols.%d", p, k), lang_text(r, arena_printf(r->a, "archive.%s", heads[k])));
	for (size_t i = 0; i < res.nrows; i++) {
		const char *row = arena_printf(r->a, "%s.rows.%zu", p, i);
		const char *id = dbres_get(&res, i, PI_ID), *secrecy = dbres_get(&res, i, PI_SECRECY);
		const char *status = dbres_get(&res, i, PI_STATUS), *place = dbres_get(&res, i, PI_PLACE);
		view_set(r, arena_printf(r->a, "%s.0", row), dbres_get(&res, i, PI_NO));
		view_setf(r, arena_printf(r->a, "%s.0.href", row), "/archive/items/%s", id);
		view_set(r, arena_printf(r->a, "%s.1", row), dbres_get(&res, i, PI_TITLE));
		view_set(r, arena_printf(r->a, "%s.2", row), archive_volume_no(r, client, dbres_get(&res, i, PI_YEAR)));
		view_setf(r, arena_printf(r->a, "%s.2.href", row), "/archive/volumes/%lld", dbres_int(&res, i, PI_VOLUME));
		view_set(r, arena_printf(r->a, "%s.3", row),
			 strcmp(dbres_get(&res, i, PI_MEDIUM), "electronic") == 0 ? lang_text(r, "archive.medium.electronic") :
			 place != NULL && *place ? place : lang_text(r, "archive.not_placed"));
		view_set(r, arena_printf(r->a, "%s.4", row), lang_text(r, arena_printf(r->a, "archive.secrecy.%s", secrecy)));
		const char *st = strcmp(status, "submitted") == 0 && dbres_get(&res, i, PI_APPROVED) ? "approved" : status;
		view_set(r, arena_printf(r->a, "%s.5", row), lang_text(r, arena_printf(r->a, "archive.status.%s", st)));
		if (archive_secrecy(secrecy)->refused) {
			view_set(r, arena_printf(r->a, "%s.6", row), lang_text(r, "archive.not_available"));
		} else if (strcmp(status, "on_shelf") == 0 || strcmp(status, "checked_out") == 0 ||
			   strcmp(status, "reading_room") == 0) {
			view_set(r, arena_printf(r->a, "%s.6", row), lang_text(r, "archive.borrow_link"));
			view_setf(r, arena_printf(r->a, "%s.6.href", row), "/archive/items/%s/borrow", id);
		} else {
			view_set(r, arena_printf(r->a, "%s.6", row), "");
		}
	}
	card_panel_volumes(r, client, p, &res);
	int a = 0;
	if (flags & PANEL_MAY_EDIT) {
		view_setf(r, arena_printf(r->a, "%s.actions.%d.href", p, a), "/clients/%lld/archive/new", client);
		view_set(r, arena_printf(r->a, "%s.actions.%d.label", p, a++), lang_text(r, "archive.submit"));
	}
	if (req_has_role(r, ROLE_ARCHIVIST | ROLE_DIRECTOR)) {
		view_setf(r, arena_printf(r->a, "%s.actions.%d.href", p, a), "/clients/%lld/legal-hold", client);
		view_set(r, arena_printf(r->a, "%s.actions.%d.label", p, a), lang_text(r, "archive.legal_hold"));
	}
	return 0;
}
