/* admin.c — the administrator's lists of the archive: the item types with
 * their codes (the {type} of the archive number) and the places (rooms,
 * cabinets, shelves, boxes, each inside its parent). Codes are never edited:
 * they are part of numbers already given. */
#include "archive.h"
#include "sql.h"
#include "core/form.h"
#include <string.h>

static const char *const kinds[] = { "room", "cabinet", "shelf", "box", NULL };

static int admin_page(struct req *r, int status)
{
	struct dbres t, l;
	if (db_exec(r->db, r->a, Q_TYPES, &t, "") != DB_OK || db_exec(r->db, r->a, Q_LOCATIONS, &l, "") != DB_OK)
		return db_fail(r);
	for (size_t i = 0; i < t.nrows; i++) {
		static const char *cols[] = { "id", "code", "name_zh", "name_en", "sort", NULL };
		view_row(r, arena_printf(r->a, "Types.%zu", i), cols, &t, i);
	}
	for (size_t i = 0; i < l.nrows; i++) {
		static const char *cols[] = { "id", "kind", "parent_id", "name", "path", NULL };
		view_row(r, arena_printf(r->a, "Locations.%zu", i), cols, &l, i);
	}
	view_set(r, "Page.title", lang_text(r, "archive.admin"));
	return render(r, status, "archive/admin.cs");
}

int archive_admin(struct req *r)
{
	return admin_page(r, 200);
}

struct add_ctx {
	struct req *r;
	const struct form_value *v;
	int type;
};

static int add_txn(void *arg)
{
	struct add_ctx *c = arg;
	struct req *r = c->r;
	const struct form_value *v = c->v;
	struct dbres res;
	int rc = c->type ? db_exec(r->db, r->a, Q_TYPE_INSERT, &res, "sssi", v[0].text, v[1].text, v[2].text, v[3].n)
			 : db_exec(r->db, r->a, Q_LOCATION_INSERT, &res, "sis", v[0].text, v[1].n, v[2].text);
	if (rc != DB_OK)
		return rc;
	return audit(r, c->type ? "archive.type_added" : "archive.location_added",
		     c->type ? "archive_type" : "archive_location", (long long)res.insert_id, v[c->type ? 0 : 2].text);
}

static int add(struct req *r, const struct form_field *fields, size_t n, int type)
{
	struct form_value v[4];
	if (!form_read(r, fields, n, v))
		return admin_page(r, 422);
	if (!type && v[1].n > 0) {
		struct dbres k;
		if (db_exec(r->db, r->a, Q_LOCATION_KIND, &k, "i", v[1].n) != DB_OK)
			return db_fail(r);
		if (k.nrows != 1) {
			form_error(r, "parent_id", "form.bad_choice");
			return admin_page(r, 422);
		}
	}
	struct add_ctx c = { r, v, type };
	int rc = db_txn(r->db, add_txn, &c);
	if (rc == DB_DUPLICATE) {
		form_error(r, type ? "code" : "name", "archive.duplicate");
		return admin_page(r, 409);
	}
	if (rc != DB_OK)
		return db_status(rc);
	resp_flash(r, "saved");
	return resp_redirect(r, "/admin/archive");
}

int archive_admin_type(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "code", .type = FT_TEXT, .max = 8, .flags = FORM_REQUIRED,
		  .chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", .error = "archive.code_chars" },
		{ .name = "name_zh", .type = FT_TEXT, .max = 40, .flags = FORM_REQUIRED },
		{ .name = "name_en", .type = FT_TEXT, .max = 60, .flags = FORM_REQUIRED },
		{ .name = "sort", .type = FT_NUMBER, .min = 0, .max_value = 100000 },
	};
	return add(r, fields, 4, 1);
}

int archive_admin_location(struct req *r)
{
	static const struct form_field fields[] = {
		{ .name = "kind", .type = FT_CHOICE, .choices = kinds, .flags = FORM_REQUIRED },
		{ .name = "parent_id", .type = FT_ID },
		{ .name = "name", .type = FT_TEXT, .max = 60, .flags = FORM_REQUIRED },
	};
	return add(r, fields, 3, 0);
}
