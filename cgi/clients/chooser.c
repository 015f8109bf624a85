/* chooser.c — choosing a client by name or number in a form (the referring
 * client), also without JavaScript: the same field as a person's
 * (core/people.h, templates/macros.cs chooser_field). Names are shown as in
 * a search hit's stub: name, number and owner (DESIGN.md §5). */
#include "clients.h"
#include "normalize.h"
#include "sql.h"
#include <string.h>

#define CHOOSER_SHOWN 10

static void chosen(struct req *r, const char *name, long long id, const char *client_name)
{
	view_set_int(r, arena_printf(r->a, "Form.values.%s", name), id);
	view_set(r, arena_printf(r->a, "Form.values.%s_q", name), client_name);
	view_setf(r, arena_printf(r->a, "Form.chosen.%s", name), "#%lld", id);
}

int client_show(struct req *r, const char *name, long long id)
{
	struct dbres res;
	if (id <= 0)
		return 0;
	if (db_exec(r->db, r->a, Q_CLIENT_EXISTS, &res, "i", id) != DB_OK)
		return -1;
	if (res.nrows == 1)
		chosen(r, name, id, dbres_get(&res, 0, 1));
	return 0;
}

/* q as a client number ("123" or "#123"), else 0. */
static long long number_of(const char *q)
{
	return text_id(*q == '#' ? q + 1 : q);
}

int client_choose(struct req *r, const char *name, long long *id)
{
	const char *typed = req_form(r, arena_printf(r->a, "%s_q", name));
	long long given = text_id(req_form(r, name));
	int finding = req_form(r, "_find") != NULL;
	const char *field = arena_printf(r->a, "%s_q", name);
	struct dbres res;
	*id = 0;
	const char *q = typed ? typed : "";
	q += strspn(q, " ");
	size_t len = strlen(q);
	while (len > 0 && q[len - 1] == ' ')
		len--;
	q = arena_strndup(r->a, q, len);
	view_set(r, arena_printf(r->a, "Form.values.%s_q", name), q);
	if (*q == '\0')
		return !finding;                   /* none: the field is optional */
	long long n = number_of(q);
	if (n == 0 && given > 0)
		n = given;                         /* chosen before: kept while the field shows its name */
	if (n > 0) {
		if (db_exec(r->db, r->a, Q_CLIENT_EXISTS, &res, "i", n) != DB_OK)
			return -1;
		if (res.nrows == 1 && (number_of(q) == n || strcmp(q, dbres_get(&res, 0, 1)) == 0)) {
			chosen(r, name, n, dbres_get(&res, 0, 1));
			*id = n;
			return !finding;
		}
		if (number_of(q) > 0) {
			form_error(r, field, "client.bad_referrer");
			return 0;
		}
	}
	char *norm = arena_alloc(r->a, strlen(q) + 1);
	name_normalize(q, norm);
	if (utf8_len(norm) < 2) {
		form_error(r, field, "client.search_two_chars");
		return 0;
	}
	const char *best, *ln = db_like(r->a, norm), *lq = db_like(r->a, q);
	if (name_rarest_gram(r, norm, &best) != DB_OK ||
	    db_exec(r->db, r->a, Q_CLIENT_SEARCH_GRAM, &res, "sisssi", best, 1LL << 62, ln, lq, lq,
		    (long long)CHOOSER_SHOWN + 1) != DB_OK)
		return -1;
	size_t pick = res.nrows == 1 ? 0 : res.nrows;    /* the only match, or the candidate picked */
	for (size_t i = 0; i < res.nrows && given > 0; i++)
		if (dbres_int(&res, i, L_ID) == given)
			pick = i;
	if (pick < res.nrows) {
		chosen(r, name, dbres_int(&res, pick, L_ID), dbres_get(&res, pick, L_NAME));
		*id = dbres_int(&res, pick, L_ID);
		return !finding;
	}
	if (res.nrows == 0) {
		form_error(r, field, "client.referrer_none");
		return 0;
	}
	for (size_t i = 0; i < res.nrows && i < CHOOSER_SHOWN; i++) {
		const char *p = arena_printf(r->a, "Form.pick.%s.%zu", name, i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&res, i, L_ID));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&res, i, L_NAME));
		view_setf(r, arena_printf(r->a, "%s.dept", p), "#%s · %s", dbres_get(&res, i, L_ID),
			  dbres_get(&res, i, L_OWNER_NAME));
	}
	form_error(r, field, res.nrows > CHOOSER_SHOWN ? "client.referrer_too_many" : "client.referrer_several");
	return 0;
}
