/* labels.c — printable labels (issue 11 point 5): items, volumes and boxes,
 * each with its number and a Code 128 barcode drawn by libzint in memory
 * (ZBarcode_Encode_and_Buffer_Vector; zint 2.11 writes no SVG to memory, so
 * the bars reach the template as numbers and the template draws the <rect>s,
 * escaped like every other value: no raw HTML). The page is a sheet of 3 × 8
 * labels of 70 × 37 mm on A4 (the common "24 per sheet" label paper).
 *
 * What a barcode encodes (Code 128 carries ASCII only):
 *   an item  — its archive number when it is printable ASCII (the default
 *              pattern), else "#" and the item's id (the DA/T 22 pattern has
 *              '·'); the desk accepts both;
 *   a volume — C + the client's number in 6 digits, "-", the year (C000123-2026);
 *   a box    — B + the place's id in 6 digits (B000012). */
#include "archive.h"
#include "sql.h"
#include "core/log.h"
#include <stdio.h>
#include <string.h>
#include <zint.h>

#define LABELS_MAX 24            /* one sheet */

const char *archive_barcode_text(arena *a, const char *no, long long id)
{
	for (const unsigned char *p = (const unsigned char *)no; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return arena_printf(a, "#%lld", id);
	return *no ? no : arena_printf(a, "#%lld", id);
}

/* Encodes text as Code 128 and puts its drawing under prefix: .w, .h (the
 * symbol's size in module units), .bars.N.{x,y,w,h}, .hrt (zint's
 * human-readable text, which is what the bars encode), .code. 0 or -1. */
static int barcode_view(struct req *r, const char *prefix, const char *text)
{
	struct zint_symbol *s = ZBarcode_Create();
	if (s == NULL)
		return -1;
	s->symbology = BARCODE_CODE128;
	s->height = 30.0f;
	s->whitespace_width = 10;    /* the quiet zone, 10 modules each side */
	int rc = ZBarcode_Encode_and_Buffer_Vector(s, (const unsigned char *)text, (int)strlen(text), 0);
	if (rc >= ZINT_ERROR || s->vector == NULL) {
		log_msg("archive: zint %d: %s (%s)", rc, s->errtxt, text);
		ZBarcode_Delete(s);
		return -1;
	}
	view_set(r, arena_printf(r->a, "%s.code", prefix), text);
	view_set(r, arena_printf(r->a, "%s.w", prefix), arena_printf(r->a, "%.2f", s->vector->width));
	view_set(r, arena_printf(r->a, "%s.h", prefix), arena_printf(r->a, "%.2f", s->vector->height));
	size_t n = 0;
	for (struct zint_vector_rect *b = s->vector->rectangles; b != NULL; b = b->next, n++) {
		const char *p = arena_printf(r->a, "%s.bars.%zu", prefix, n);
		view_set(r, arena_printf(r->a, "%s.x", p), arena_printf(r->a, "%.2f", b->x));
		view_set(r, arena_printf(r->a, "%s.y", p), arena_printf(r->a, "%.2f", b->y));
		view_set(r, arena_printf(r->a, "%s.w", p), arena_printf(r->a, "%.2f", b->width));
		view_set(r, arena_printf(r->a, "%s.h", p), arena_printf(r->a, "%.2f", b->height));
	}
	struct zint_vector_string *t = s->vector->strings;
	if (t != NULL) {
		view_set(r, arena_printf(r->a, "%s.hrt", prefix), (const char *)t->text);
		view_set(r, arena_printf(r->a, "%s.tx", prefix), arena_printf(r->a, "%.2f", t->x));
		view_set(r, arena_printf(r->a, "%s.ty", prefix), arena_printf(r->a, "%.2f", t->y));
		view_set(r, arena_printf(r->a, "%s.fs", prefix), arena_printf(r->a, "%.2f", t->fsize));
	}
	ZBarcode_Delete(s);
	return 0;
}

/* One label: its number (what is printed large), a second line, the barcode's text. */
static int label(struct req *r, size_t i, const char *kind, const char *no, const char *line, const char *code)
{
	const char *p = arena_printf(r->a, "Labels.%zu", i);
	view_set(r, arena_printf(r->a, "%s.kind", p), kind);
	view_set(r, arena_printf(r->a, "%s.no", p), no);
	view_set(r, arena_printf(r->a, "%s.line", p), line);
	return barcode_view(r, arena_printf(r->a, "%s.bar", p), code);
}

/* items=1,2,3: ids in decimal, comma-separated, at most a sheet. Returns the
 * count, or -1 when the list is malformed. */
static int parse_ids(const char *s, long long *ids)
{
	int n = 0;
	while (*s) {
		long long v = 0;
		int digits = 0;
		for (; *s >= '0' && *s <= '9'; s++, digits++) {
			if (digits >= 15)
				return -1;
			v = v * 10 + (*s - '0');
		}
		if (digits == 0 || v <= 0 || n == LABELS_MAX)
			return -1;
		ids[n++] = v;
		if (*s == ',')
			s++;
		else if (*s)
			return -1;
	}
	return n;
}

static int item_labels(struct req *r, const char *list)
{
	long long ids[LABELS_MAX];
	int n = parse_ids(list, ids);
	if (n <= 0)
		return 400;
	for (int k = 0; k < n; k++) {
		struct dbres it;
		int st = archive_item_load(r, ids[k], &it);
		if (st != 0)
			return st;
		int may = archive_may_see(r, dbres_int(&it, 0, IT_CLIENT));
		if (may < 0)
			return db_fail(r);
		if (!may) {
			audit_event(r, "access.denied", "archive_item", ids[k], NULL);
			return 403;
		}
		const char *no = dbres_get(&it, 0, IT_NO);
		const char *line = arena_printf(r->a, "%s · %s", dbres_get(&it, 0, IT_CLIENT_NAME), dbres_get(&it, 0, IT_TITLE));
		if (label(r, (size_t)k, "item", no, line, archive_barcode_text(r->a, no, ids[k])) != 0)
			return 500;
	}
	return 0;
}

static int volume_label(struct req *r, long long id)
{
	struct dbres vol;
	if (db_exec(r->db, r->a, Q_VOLUME_GET, &vol, "i", id) != DB_OK)
		return db_fail(r);
	if (vol.nrows != 1)
		return 404;
	int may = archive_may_see(r, dbres_int(&vol, 0, 1));
	if (may < 0)
		return db_fail(r);
	if (!may) {
		audit_event(r, "access.denied", "archive_volume", id, NULL);
		return 403;
	}
	const char *no = archive_volume_no(r, dbres_int(&vol, 0, 1), dbres_get(&vol, 0, 3));
	return label(r, 0, "volume", no, dbres_get(&vol, 0, 2), no) != 0 ? 500 : 0;
}

static int box_label(struct req *r, long long id)
{
	if (!req_has_role(r, ROLE_ARCHIVIST | ROLE_ADMIN))
		return 403;
	struct dbres l;
	if (db_exec(r->db, r->a, Q_LOCATION_GET, &l, "i", id) != DB_OK)
		return db_fail(r);
	if (l.nrows != 1 || strcmp(dbres_get(&l, 0, LC_KIND), "box") != 0)
		return 404;
	const char *no = arena_printf(r->a, "B%06lld", id);
	return label(r, 0, "box", no, dbres_get(&l, 0, LC_PATH), no) != 0 ? 500 : 0;
}

int archive_labels(struct req *r)
{
	const char *items = req_query(r, "items");
	int st;
	if (items != NULL)
		st = item_labels(r, items);
	else if (req_query(r, "volume") != NULL)
		st = volume_label(r, req_query_id(r, "volume"));
	else if (req_query(r, "box") != NULL)
		st = box_label(r, req_query_id(r, "box"));
	else
		st = 400;
	if (st != 0)
		return st;
	view_set(r, "Page.title", lang_text(r, "archive.labels"));
	return render(r, 200, "archive/labels.cs");
}
