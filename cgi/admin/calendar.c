/* calendar.c — the working-day calendar (core/workdays.h): the public
 * holidays and make-up working days (调休) of a year, which the admin enters
 * each year from the State Council's notice. */
#include "pages.h"
#include "core/form.h"
#include "core/workdays.h"
#include <stdio.h>
#include <string.h>

static const char *const kinds[] = { "holiday", "workday", NULL };

static int calendar_page(struct req *r, int status, int year)
{
	struct dbres res;
	char from[24], to[24];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", year + 1);
	if (db_exec(r->db, r->a, Q_CALENDAR_YEAR, &res, "ss", from, to) != DB_OK)
		return db_fail(r);
	static const char *cols[] = { "day", "kind", "name", NULL };
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Days.%zu", i);
		view_row(r, p, cols, &res, i);
		int y, m, d;
		if (sscanf(dbres_get(&res, i, 0), "%d-%d-%d", &y, &m, &d) == 3)
			view_set_int(r, arena_printf(r->a, "%s.weekday", p), weekday_of(day_number(y, m, d)));
	}
	view_set_int(r, "Page.year", year);
	view_set_int(r, "Page.prev", year - 1);
	view_set_int(r, "Page.next", year + 1);
	view_set(r, "Page.title", lang_text(r, "admin.calendar.title"));
	return render(r, status, "admin/admin_calendar.cs");
}

static int year_of(struct req *r, const char *day)
{
	int y = 0;
	if (day == NULL || sscanf(day, "%4d", &y) != 1 || y < 1900 || y > 2100)
		sscanf(r->now_text, "%4d", &y);
	return y;
}

int admin_calendar(struct req *r)
{
	long long y = req_query_id(r, "year");
	return calendar_page(r, 200, y >= 1900 && y <= 2100 ? (int)y : year_of(r, NULL));
}

enum { CF_DAY, CF_KIND, CF_NAME, CF__N };
static const struct form_field calendar_fields[CF__N] = {
	[CF_DAY] = { .name = "day", .type = FT_DATE, .flags = FORM_REQUIRED },
	[CF_KIND] = { .name = "kind", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = kinds },
	[CF_NAME] = { .name = "name", .type = FT_TEXT, .max = 50, .flags = FORM_REQUIRED },
};

struct set_ctx {
	struct req *r;
	const struct form_value *v;
	int remove;
};

static int set_txn(void *arg)
{
	struct set_ctx *c = arg;
	struct req *r = c->r;
	const char *day = c->v[CF_DAY].text;
	struct dbres res;
	int rc = c->remove ? db_exec(r->db, r->a, Q_CALENDAR_DELETE, &res, "s", day)
			   : db_exec(r->db, r->a, Q_CALENDAR_SET, &res, "ssss", day, c->v[CF_KIND].text,
				     c->v[CF_NAME].text, r->now_text);
	if (rc != DB_OK)
		return rc;
	return audit(r, c->remove ? "calendar.removed" : "calendar.set", "calendar", 0,
		     c->remove ? day : arena_printf(r->a, "%s %s %s", day, c->v[CF_KIND].text, c->v[CF_NAME].text));
}

int admin_calendar_set(struct req *r)
{
	struct form_value v[CF__N];
	int ok = FORM_READ(r, calendar_fields, v);
	int year = year_of(r, v[CF_DAY].text);
	if (ok) {
		/* a holiday on a weekend or a working day on a weekday changes nothing: said, not stored */
		int weekday = workday_is(v[CF_DAY].text, NULL, 0);
		if (weekday == (v[CF_KIND].n == 1)) {
			form_error(r, "kind", v[CF_KIND].n == 1 ? "admin.calendar.already_working" : "admin.calendar.already_off");
			ok = 0;
		}
	}
	if (!ok)
		return calendar_page(r, 422, year);
	struct set_ctx c = { r, v, 0 };
	int rc = db_txn(r->db, set_txn, &c);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/admin/calendar?year=%d", year));
}

int admin_calendar_delete(struct req *r)
{
	static const struct form_field day_field[] = { { .name = "day", .type = FT_DATE, .flags = FORM_REQUIRED } };
	struct form_value v[CF__N];
	memset(v, 0, sizeof v);
	if (!FORM_READ(r, day_field, v))
		return 400;
	struct set_ctx c = { r, v, 1 };
	int rc = db_txn(r->db, set_txn, &c);
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/admin/calendar?year=%d", year_of(r, v[CF_DAY].text)));
}
