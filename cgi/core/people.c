/* people.c — choosing a person by name (people.h). */
#include "people.h"
#include "core_sql.h"
#include <string.h>

/* The field's value, or NULL when the form did not send it. */
static const char *field_value(struct req *r, const char *name, unsigned flags)
{
	return (flags & PERSON_QUERY) ? req_query(r, name) : req_form(r, name);
}

/* s with surrounding spaces removed (arena copy). */
static const char *trimmed(struct req *r, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(r->a, s, n);
}

static void chosen(struct req *r, const char *name, const struct dbres *res, size_t row)
{
	view_set(r, arena_printf(r->a, "Form.values.%s", name), dbres_get(res, row, PC_ID));
	view_set(r, arena_printf(r->a, "Form.values.%s_q", name), dbres_get(res, row, PC_NAME));
	view_set(r, arena_printf(r->a, "Form.chosen.%s", name), dbres_get(res, row, PC_DEPT));
}

int person_show(struct req *r, const char *name, long long id)
{
	struct dbres res;
	if (id <= 0)
		return 0;
	if (db_exec(r->db, r->a, Q_PEOPLE_GET, &res, "i", id) != DB_OK)
		return -1;
	if (res.nrows == 1)
		chosen(r, name, &res, 0);
	return 0;
}

static int choose(struct req *r, const char *name, unsigned flags, long long *id)
{
	const char *typed = field_value(r, arena_printf(r->a, "%s_q", name), flags);
	const char *q = trimmed(r, typed != NULL ? typed : "");
	long long given = text_id(field_value(r, name, flags));
	int finding = !(flags & PERSON_QUERY) && req_form(r, "_find") != NULL;
	struct dbres res;
	*id = 0;
	view_set(r, arena_printf(r->a, "Form.values.%s_q", name), q);
	if (given > 0) {             /* chosen before: kept while the field still shows that person */
		if (db_exec(r->db, r->a, Q_PEOPLE_GET, &res, "i", given) != DB_OK)
			return -1;
		/* a link sends the id alone; a form, the id with the name it still shows */
		if (res.nrows == 1 && (typed == NULL || strcmp(q, dbres_get(&res, 0, PC_NAME)) == 0 ||
				       strcmp(q, dbres_get(&res, 0, PC_USERNAME)) == 0)) {
			chosen(r, name, &res, 0);
			*id = given;
			return !finding;
		}
	}
	if (*q == '\0') {
		if (flags & PERSON_REQUIRED)
			form_error(r, arena_printf(r->a, "%s_q", name), "people.required");
		return 0;
	}
	const char *like = db_like(r->a, q);
	if (db_exec(r->db, r->a, Q_PEOPLE_FIND, &res, "sssss", q, q, like, q, like) != DB_OK)
		return -1;
	size_t pick = res.nrows;     /* the one chosen: the only match, the only exact one, or a candidate picked */
	if (res.nrows == 1 || (res.nrows > 1 && dbres_int(&res, 0, PC_EXACT) == 1 && dbres_int(&res, 1, PC_EXACT) == 0))
		pick = 0;
	for (size_t i = 0; i < res.nrows && given > 0; i++)
		if (dbres_int(&res, i, PC_ID) == given)
			pick = i;
	if (pick < res.nrows) {
		chosen(r, name, &res, pick);
		*id = dbres_int(&res, pick, PC_ID);
		return !finding;
	}
	if (res.nrows == 0) {
		form_error(r, arena_printf(r->a, "%s_q", name), "people.none");
		return 0;
	}
	for (size_t i = 0; i < res.nrows && i < PEOPLE_SHOWN; i++) {
		const char *p = arena_printf(r->a, "Form.pick.%s.%zu", name, i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&res, i, PC_ID));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&res, i, PC_NAME));
		view_set(r, arena_printf(r->a, "%s.dept", p), dbres_get(&res, i, PC_DEPT));
	}
	form_error(r, arena_printf(r->a, "%s_q", name), res.nrows > PEOPLE_SHOWN ? "people.too_many" : "people.several");
	return 0;
}

int person_choose(struct req *r, const char *name, unsigned flags, long long *id)
{
	int rc = choose(r, name, flags, id);
	if (!(flags & PERSON_QUERY))
		form_find_only(r);
	return rc;
}

int form_find_only(struct req *r)
{
	const char *field = req_form(r, "_find");
	if (field == NULL)
		return 0;
	const char *keep = arena_printf(r->a, "%s_q", field);
	HDF *errors = hdf_get_obj(r->hdf, "Form.errors");
	int left = 0;
	for (HDF *e = errors ? hdf_obj_child(errors) : NULL; e != NULL;) {
		HDF *next = hdf_obj_next(e);
		if (strcmp(hdf_obj_name(e), keep) == 0)
			left = 1;
		else
			hdf_remove_tree(errors, hdf_obj_name(e));
		e = next;
	}
	if (!left)
		hdf_remove_tree(r->hdf, "Form.invalid");
	return 1;
}

int form_status(struct req *r)
{
	return hdf_get_value(r->hdf, "Form.invalid", NULL) != NULL ? 422 : 200;
}
