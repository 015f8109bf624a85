/* unserved.c — clients nobody served for unserved_months (seed 004 篇2
 * 顾客服务 2.2, DESIGN.md §4): the list for the managers over them, oldest
 * service first. Anyone may ask to reassign such a card (the approval
 * "reassign", kinds.c); it goes to the manager over the card's department. */
#include "clients.h"
#include "access.h"
#include "pages.h"
#include "sql.h"
#include "core/form.h"
#include <stdio.h>
#include <string.h>

#define UNSERVED_PAGE 50

const char *unserved_cutoff(struct req *r)
{
	int y, m, d;
	if (sscanf(r->now_text, "%d-%d-%d", &y, &m, &d) != 3)
		return "1000-01-01";
	m -= (int)r->cfg->unserved_months;
	while (m < 1) {
		m += 12;
		y--;
	}
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int last = days[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
	return arena_printf(r->a, "%04d-%02d-%02d", y, m, d < last ? d : last);
}

int clients_unserved(struct req *r)
{
	const char *cutoff = unserved_cutoff(r);
	struct keyset k = keyset_read(r, form_date_ok, "1000-01-01");
	const char *key = k.key;
	long long after = k.after, total = 0;
	struct dbres res, counted;
	long long limit = UNSERVED_PAGE + 1, cap = LIST_CAP + 1;
	int rc;
	if (access_sees_all(r)) {
		rc = db_exec(r->db, r->a, Q_UNSERVED_ALL, &res, "sssii", cutoff, key, key, after, limit);
		if (rc == DB_OK)
			rc = db_exec(r->db, r->a, Q_UNSERVED_ALL_COUNT, &counted, "si", cutoff, cap);
	} else {
		long long root = access_managed_root(r);
		if (root == 0)
			return 403;
		rc = db_exec(r->db, r->a, Q_UNSERVED_TREE, &res, "sissii", cutoff, root, key, key, after, limit);
		if (rc == DB_OK)
			rc = db_exec(r->db, r->a, Q_UNSERVED_TREE_COUNT, &counted, "sii", cutoff, root, cap);
	}
	if (rc != DB_OK)
		return db_fail(r);
	total = dbres_int(&counted, 0, 0);
	static const char *cols[] = { "id", "name", "owner", "dept", "since", "lifecycle", "pending", NULL };
	size_t n = res.nrows > UNSERVED_PAGE ? UNSERVED_PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_row(r, arena_printf(r->a, "Unserved.%zu", i), cols, &res, i);
	view_keyset(r, &k, n, res.nrows > UNSERVED_PAGE, n ? dbres_get(&res, n - 1, UN_ID) : "",
		    n ? dbres_get(&res, n - 1, UN_SINCE) : "", total, LIST_CAP);
	view_set(r, "Page.hint", lang_stored(r, lang_key(r, "unserved.hint", 2, cutoff,
							      arena_printf(r->a, "%ld", r->cfg->unserved_months))));
	view_set(r, "Page.title", lang_text(r, "unserved.title"));
	return render(r, 200, "clients/clients_unserved.cs");
}
