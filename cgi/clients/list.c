/* clients_list.c — the client list (filters, sort, keyset pages), search
 * (name fragments through the bigram index, phone, credit code) and the
 * blacklist. Lists show only cards the user may see; search also shows
 * restricted hits, as a stub: name, owner, registration date. */
#include "clients.h"
#include "core/csv.h"
#include "core/form.h"
#include "core/people.h"
#include "core/workdays.h"
#include "normalize.h"
#include "pages.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 50

/* A query value from a fixed set, else "". */
static const char *qchoice(struct req *r, const char *name, const char *const *choices)
{
	int i = form_choice_index(choices, req_query(r, name));
	return i < 0 ? "" : choices[i];
}

static void view_list_row(struct req *r, const char *p, const struct dbres *res, size_t i, int stub)
{
	view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(res, i, L_ID));
	view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(res, i, L_NAME));
	view_set(r, arena_printf(r->a, "%s.owner", p), dbres_get(res, i, L_OWNER_NAME));
	view_set(r, arena_printf(r->a, "%s.registered", p), arena_strndup(r->a, dbres_get(res, i, L_REGISTERED), 10));
	if (stub) {
		view_set(r, arena_printf(r->a, "%s.stub", p), "1");
		return;
	}
	view_set(r, arena_printf(r->a, "%s.short", p), dbres_get(res, i, L_SHORT));
	view_set(r, arena_printf(r->a, "%s.type", p),
		 lang_text(r, arena_printf(r->a, "client.opt.card_type.%s", dbres_get(res, i, L_TYPE))));
	view_set(r, arena_printf(r->a, "%s.grade", p), grade_label(r, dbres_int(res, i, L_GRADE)));
	view_set(r, arena_printf(r->a, "%s.nature", p), class_label(r, dbres_int(res, i, L_NATURE)));
	view_set(r, arena_printf(r->a, "%s.lifecycle", p),
		 lang_text(r, arena_printf(r->a, "client.opt.lifecycle.%s", dbres_get(res, i, L_LIFECYCLE))));
	view_set(r, arena_printf(r->a, "%s.region", p), class_label(r, dbres_int(res, i, L_REGION)));
	view_set(r, arena_printf(r->a, "%s.blacklist", p), dbres_get(res, i, L_BLACKLIST));
	view_set(r, arena_printf(r->a, "%s.dept", p), dbres_get(res, i, L_DEPT_NAME));
	view_set(r, arena_printf(r->a, "%s.phone", p), dbres_get(res, i, L_PHONE));
	const char *due = dbres_get(res, i, L_NEXT_VISIT);
	view_set(r, arena_printf(r->a, "%s.next_visit", p), due);
	char today[20];
	clock_format(r->now, today);
	today[10] = '\0';
	if (*due && strcmp(due, today) < 0)
		view_set(r, arena_printf(r->a, "%s.overdue", p), "1");
}

int name_rarest_gram(struct req *r, const char *norm, const char **best)
{
	long long best_n = -1;
	const char *s = norm;
	*best = "";
	while (*s) {
		size_t a = 1;
		while (s[a] && ((unsigned char)s[a] & 0xC0) == 0x80)
			a++;
		if (s[a] == '\0')
			break;
		size_t b = a + 1;
		while (s[b] && ((unsigned char)s[b] & 0xC0) == 0x80)
			b++;
		const char *gram = arena_strndup(r->a, s, b);
		if (s == norm && s[b] == '\0') {
			*best = gram;   /* the only one: nothing to choose */
			break;
		}
		struct dbres cnt;
		int rc = db_exec(r->db, r->a, Q_CLIENT_GRAM_COUNT, &cnt, "s", gram);
		if (rc != DB_OK)
			return rc;
		long long n = dbres_int(&cnt, 0, 0);
		if (best_n < 0 || n < best_n) {
			*best = gram;
			best_n = n;
		}
		if (n == 0)
			break;
		s += a;
	}
	return DB_OK;
}

/* A search's hits are counted up to SEARCH_CAP + 1: past 200, narrowing the
 * search is what helps, and each hit counted is a card read (its name, its
 * persons, whether it is deleted), 2.5 rows a hit. */
#define SEARCH_CAP 200

/* Search: returns 0 after filling Clients.*, or an HTTP status. */
static int search(struct req *r, const char *q)
{
	long long before = req_query_id(r, "before"), after = req_query_id(r, "after");
	int back = before == 0 && after > 0;    /* the previous page: read backwards, shown reversed */
	if (before == 0)
		before = 1LL << 62;
	long long from = req_query_id(r, "from");
	if (from < 1 || (before == (1LL << 62) && !back))
		from = 1;
	struct dbres res, counted;
	long long total = 0;
	int rc;
	char *code = arena_strdup(r->a, q);
	for (char *p = code; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	char *digits = arena_alloc(r->a, strlen(q) + 1);
	phone_digits(q, digits);
	int phone_like = strlen(digits) >= 5 && strspn(q, "0123456789 +-()") == strlen(q);
	if (credit_code_valid(code)) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SEARCH_CODE, &res, "s", code);
		total = rc == DB_OK ? (long long)res.nrows : 0;
	} else if (phone_like) {
		rc = back ? db_exec(r->db, r->a, Q_CLIENT_SEARCH_PHONE_BACK, &res, "sii", digits, after, (long long)PAGE + 1)
			  : db_exec(r->db, r->a, Q_CLIENT_SEARCH_PHONE, &res, "sii", digits, before, (long long)PAGE + 1);
		if (rc == DB_OK)
			rc = db_exec(r->db, r->a, Q_CLIENT_SEARCH_PHONE_COUNT, &counted, "sii", digits, 1LL << 62,
				     (long long)SEARCH_CAP + 1);
		if (rc == DB_OK)
			total = dbres_int(&counted, 0, 0);
	} else {
		char *norm = arena_alloc(r->a, strlen(q) + 1);
		name_normalize(q, norm);
		if (utf8_len(norm) < 2) {
			view_set(r, "Page.search_hint", lang_text(r, "client.search_two_chars"));
			return 0;
		}
		const char *best;
		if (name_rarest_gram(r, norm, &best) != DB_OK)
			return db_fail(r);
		const char *ln = db_like(r->a, norm), *lq = db_like(r->a, q);
		rc = db_exec(r->db, r->a, back ? Q_CLIENT_SEARCH_GRAM_BACK : Q_CLIENT_SEARCH_GRAM, &res, "sisssi", best,
			     back ? after : before, ln, lq, lq, (long long)PAGE + 1);
		if (rc == DB_OK)
			rc = db_exec(r->db, r->a, Q_CLIENT_SEARCH_GRAM_COUNT, &counted, "sisssi", best, 1LL << 62, ln, lq, lq,
				     (long long)SEARCH_CAP + 1);
		if (rc == DB_OK)
			total = dbres_int(&counted, 0, 0);
	}
	if (rc != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	int more = res.nrows > PAGE;
	for (size_t k = 0; k < n; k++) {
		size_t i = back ? n - 1 - k : k;
		struct card_ref ref = { dbres_int(&res, i, L_ID), dbres_int(&res, i, L_OWNER_ID),
					dbres_int(&res, i, L_DEPT_ID), dbres_get(&res, i, L_SCOPE),
					(int)dbres_int(&res, i, L_IN_POOL) };
		view_list_row(r, arena_printf(r->a, "Clients.%zu", k), &res, i, card_access(r, &ref) == VIA_NONE);
	}
	if (back)
		from = more && from > PAGE ? from - PAGE : 1;
	if (n > 0) {
		size_t first = back ? n - 1 : 0, last = back ? 0 : n - 1;
		if (back || more)
			view_set(r, "Page.next", arena_printf(r->a, "before=%s&from=%lld", dbres_get(&res, last, L_ID),
							      from + (long long)n));
		if (back ? more : before != (1LL << 62))
			view_set(r, "Page.prev", arena_printf(r->a, "after=%s&from=%lld", dbres_get(&res, first, L_ID), from));
	}
	view_set(r, "Page.hits", "1");
	view_count(r, from, n, total, SEARCH_CAP);
	return 0;
}

/* The filters and the keyset of one list query. */
struct list_args {
	long long owner, dept, grade, nature, region, overdue;
	const char *due;         /* "overdue", "week" (due before next Monday) or "" */
	char due_before[11];
	const char *lifecycle, *blacklist, *tag, *sort;
	char now[20], today[11];
	long long after;
	const char *after_key;
	int by_name, by_due;
	int keyed;               /* sorted by a key (name, due) rather than by id */
	int plain;               /* no filter: the branches take no filter parameters (_PLAIN counts) */
	int back;                /* the page before the keyset (before, before_key) */
	long long from;          /* the place of the page's first row (shown only) */
	long long limit;
};

/* CARD_FILTERS (none for a plain count), the keyset and the limit: what every branch takes. */
static void list_branch_params(struct dbparams *p, const struct list_args *a)
{
	if (!a->plain) {
		const long long ints[] = { a->owner, a->dept, a->grade, a->nature };
		for (int i = 0; i < 4; i++) {
			dbp_int(p, ints[i]);
			dbp_int(p, ints[i]);
		}
		dbp_str(p, a->lifecycle);
		dbp_str(p, a->lifecycle);
		dbp_int(p, a->region);
		dbp_int(p, a->region);
		dbp_str(p, a->blacklist);
		dbp_str(p, a->blacklist);
		dbp_str(p, a->tag);
		dbp_str(p, a->tag);
		dbp_int(p, a->overdue);
		dbp_str(p, a->due_before);
	}
	if (a->keyed) {
		dbp_str(p, a->after_key);
		dbp_str(p, a->after_key);
		dbp_int(p, a->after);
	} else {
		dbp_int(p, a->after ? a->after : (1LL << 62));
	}
	dbp_int(p, a->limit);
}

static const char *const blacklists[] = { "none", "department", "company", NULL };
static const char *const sorts[] = { "new", "name", "due", NULL };

/* Reads the list's filters, sort and keyset from the query string, and shows
 * them back in Filter.*. */
static void list_args_read(struct req *r, struct list_args *la)
{
	memset(la, 0, sizeof *la);
	la->owner = req_query_id(r, "owner");
	la->dept = req_query_id(r, "dept");
	la->grade = req_query_id(r, "grade");
	la->nature = req_query_id(r, "nature");
	la->region = req_query_id(r, "region");
	la->lifecycle = qchoice(r, "lifecycle", client_fields[CF_lifecycle].choices);
	la->blacklist = qchoice(r, "blacklist", blacklists);
	la->sort = qchoice(r, "sort", sorts);
	la->tag = req_query(r, "tag");
	if (la->tag == NULL || utf8_len(la->tag) > 30 || strchr(la->tag, ','))
		la->tag = "";
	static const char *const dues[] = { "overdue", "week", NULL };
	la->due = req_query(r, "overdue") != NULL ? "overdue" : qchoice(r, "due", dues);
	la->overdue = *la->due != '\0';
	if (*la->sort == '\0')
		la->sort = "new";
	static const char *filters[] = { "owner", "dept", "grade", "nature", "region", NULL };
	long long fvals[] = { la->owner, la->dept, la->grade, la->nature, la->region };
	for (int i = 0; filters[i]; i++)
		if (fvals[i])
			view_set_int(r, arena_printf(r->a, "Filter.%s", filters[i]), fvals[i]);
	view_set(r, "Filter.lifecycle", la->lifecycle);
	view_set(r, "Filter.blacklist", la->blacklist);
	view_set(r, "Filter.tag", la->tag);
	view_set(r, "Filter.sort", la->sort);
	view_set(r, "Filter.due", la->due);
	clock_format(r->now, la->now);
	memcpy(la->today, la->now, 10);
	la->today[10] = '\0';
	memcpy(la->due_before, la->today, 11);
	if (strcmp(la->due, "week") == 0) {      /* due this week: before next Monday */
		int y, m, d;
		sscanf(la->today, "%d-%d-%d", &y, &m, &d);
		long n = day_number(y, m, d);
		day_from_number(n + 7 - weekday_of(n), la->due_before);
	}
	la->after = req_query_id(r, "after");
	la->after_key = req_query(r, "after_key");
	long long before = req_query_id(r, "before");
	if (before > 0) {       /* the previous page: the same keyset, read backwards */
		la->back = 1;
		la->after = before;
		la->after_key = req_query(r, "before_key");
	}
	if (la->after_key == NULL || utf8_len(la->after_key) > 200)
		la->after_key = "";
	la->by_name = strcmp(la->sort, "name") == 0;
	la->by_due = strcmp(la->sort, "due") == 0;
	la->keyed = la->by_name || la->by_due;
	if (la->by_due && *la->after_key == '\0')
		la->after_key = la->back ? "9999-12-31" : "1000-01-01";
	la->from = req_query_id(r, "from");
	if (la->from < 1 || (!la->after && !la->back))
		la->from = 1;
}

/* list statements by who reads (sees all, a manager's listed departments, a
 * deep subtree), sort (new, name, due) and direction (forward, back). */
static struct sql *const list_q[3][3][2] = {
	{ { Q_CLIENT_ALL_NEW, Q_CLIENT_ALL_NEW_BACK }, { Q_CLIENT_ALL_NAME, Q_CLIENT_ALL_NAME_BACK },
	  { Q_CLIENT_ALL_DUE, Q_CLIENT_ALL_DUE_BACK } },
	{ { Q_CLIENT_MINE_NEW, Q_CLIENT_MINE_NEW_BACK }, { Q_CLIENT_MINE_NAME, Q_CLIENT_MINE_NAME_BACK },
	  { Q_CLIENT_MINE_DUE, Q_CLIENT_MINE_DUE_BACK } },
	{ { Q_CLIENT_TREE_NEW, Q_CLIENT_TREE_NEW_BACK }, { Q_CLIENT_TREE_NAME, Q_CLIENT_TREE_NAME_BACK },
	  { Q_CLIENT_TREE_DUE, Q_CLIENT_TREE_DUE_BACK } },
};
static struct sql *const count_q[3] = { Q_CLIENT_ALL_COUNT, Q_CLIENT_MINE_COUNT, Q_CLIENT_TREE_COUNT };
static struct sql *const count_plain_q[3] = { NULL, Q_CLIENT_MINE_COUNT_PLAIN, Q_CLIENT_TREE_COUNT_PLAIN };

/* The parameters of the list's visibility branches, filters and keyset (each
 * branch cut at limit) into p; returns which reader (0 all, 1 listed
 * departments, 2 deep subtree). */
static int list_params(struct req *r, struct list_args *la, long long limit, struct dbparams *p)
{
	la->limit = limit;
	if (access_sees_all(r)) {
		list_branch_params(p, la);
		return 0;
	}
	/* the managed departments: the root and everything below it */
	long long root = access_managed_root(r), depts[DEPT_SLOTS];
	size_t nd = root ? dept_subtree(r, root, depts, DEPT_SLOTS) : 0;
	int tree = nd > DEPT_SLOTS;
	/* one's own department's cards are among the managed ones' when it is managed: read them once */
	int own_managed = root != 0 && root == r->user->dept_id;
	for (size_t k = 0; !tree && k < nd; k++)
		own_managed |= depts[k] == r->user->dept_id;
	dbp_int(p, r->user->id);
	list_branch_params(p, la);
	dbp_int(p, own_managed ? 0 : r->user->dept_id);
	list_branch_params(p, la);
	for (int b = 0; b < 2; b++) {
		if (tree)
			dbp_int(p, root);
		else
			for (size_t k = 0; k < DEPT_SLOTS; k++)
				dbp_int(p, nd ? depts[k < nd ? k : 0] : 0);
		list_branch_params(p, la);
	}
	dbp_int(p, r->user->id);
	dbp_str(p, la->now);
	list_branch_params(p, la);
	return tree ? 2 : 1;
}

/* One page of the list (limit rows from la's keyset on, or before it when
 * la->back, nearest first) of the cards the user may see. Returns a db_rc. */
static int list_fetch(struct req *r, struct list_args *la, long long limit, struct dbres *res)
{
	struct dbparams *p = arena_alloc(r->a, sizeof *p);
	int who = list_params(r, la, limit, p);
	if (who != 0)
		dbp_int(p, limit);
	return db_execv(r->db, r->a, list_q[who][la->by_name ? 1 : la->by_due ? 2 : 0][la->back], res, p);
}

/* How many cards the list has with la's filters, counted up to LIST_CAP + 1
 * (through the same visibility branches); into *n. Returns a db_rc. */
static int list_count(struct req *r, const struct list_args *la, long long *n)
{
	struct list_args c = *la;
	c.keyed = 0;
	c.after = 0;
	c.back = 0;
	/* no filter, and the reader's branches (who sees all has one, filtered or not) */
	c.plain = !c.owner && !c.dept && !c.grade && !c.nature && !c.region && !c.overdue && !*c.lifecycle &&
		  !*c.blacklist && !*c.tag && !access_sees_all(r);
	struct dbparams *p = arena_alloc(r->a, sizeof *p);
	int who = list_params(r, &c, c.plain ? LIST_CAP : LIST_CAP + 1, p);
	if (c.plain) {                 /* the branches' probes first, then the answer past the cap, then the union */
		dbp_int(p, LIST_CAP + 1);
		list_params(r, &c, LIST_CAP + 1, p);
	}
	struct dbres res;
	int rc = db_execv(r->db, r->a, c.plain ? count_plain_q[who] : count_q[who], &res, p);
	if (rc == DB_OK)
		*n = dbres_int(&res, 0, 0);
	return rc;
}

int clients_list(struct req *r)
{
	const char *q = req_query(r, "q");
	if (q != NULL && utf8_len(q) > 100)
		return 400;
	view_set(r, "Filter.q", q ? q : "");
	view_class_choices(r, "nature");
	view_class_choices(r, "region");
	view_class_choices(r, "grade");
	view_set(r, "Page.title", lang_text(r, "client.list_title"));
	if (q != NULL && q[strspn(q, " ")] != '\0') {
		view_set(r, "Page.searching", "1");
		int st = search(r, q);
		return st ? st : render(r, 200, "clients/clients_list.cs");
	}

	struct list_args la;
	list_args_read(r, &la);
	long long owner;               /* the owner filter: a person chosen by name (or the id of "mine") */
	int chosen = person_choose(r, "owner", PERSON_QUERY, &owner);
	if (chosen < 0)
		return db_fail(r);
	la.owner = chosen ? owner : form_status(r) == 422 ? -1 : 0;   /* typed, but nobody chosen: no rows */
	view_set(r, "Form.invalid", "");        /* a filter saves nothing: no "nothing was saved" banner */
	view_set(r, "Filter.owner", la.owner > 0 ? arena_printf(r->a, "%lld", la.owner) : "");
	struct dbres res;
	if (list_fetch(r, &la, PAGE + 1, &res) != DB_OK)
		return db_fail(r);
	long long total = 0;
	if (list_count(r, &la, &total) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	int more = res.nrows > PAGE;                 /* beyond the page, in the direction read */
	/* read backwards, the rows came nearest first: shown reversed */
	for (size_t i = 0; i < n; i++)
		view_list_row(r, arena_printf(r->a, "Clients.%zu", i), &res, la.back ? n - 1 - i : i, 0);
	if (la.back && !more)
		la.from = 1;                             /* back at the start */
	else if (la.back)
		la.from = la.from > PAGE ? la.from - PAGE : 1;
	if (n > 0) {
		size_t first = la.back ? n - 1 : 0, last = la.back ? 0 : n - 1;
		const char *first_key = la.by_name ? dbres_get(&res, first, L_NAME_NORM)
					: la.by_due ? dbres_get(&res, first, L_NEXT_VISIT) : "";
		const char *last_key = la.by_name ? dbres_get(&res, last, L_NAME_NORM)
				       : la.by_due ? dbres_get(&res, last, L_NEXT_VISIT) : "";
		if (la.back || more) {
			view_set(r, "Page.next_after", dbres_get(&res, last, L_ID));
			view_set(r, "Page.next_key", last_key);
			view_set_int(r, "Page.next_from", la.from + (long long)n);
		}
		if (la.back ? more : la.after != 0) {
			view_set(r, "Page.prev_before", dbres_get(&res, first, L_ID));
			view_set(r, "Page.prev_key", first_key);
			view_set_int(r, "Page.prev_from", la.from);
		}
	}
	if (la.after && (la.back ? more : 1))
		view_set(r, "Page.paged", "1");
	view_count(r, la.from, n, total, LIST_CAP);
	return render(r, 200, "clients/clients_list.cs");
}

int clients_blacklist(struct req *r)
{
	const char *kind = qchoice(r, "list", (const char *const[]){ "company", "department", NULL });
	if (*kind == '\0')
		kind = "company";
	view_set(r, "Filter.list", kind);
	long long before = req_query_id(r, "before");
	/* the department lists: one's own department's; every department's for those who see
	 * every card (GM, deputy GM, marketing director) */
	int all_depts = access_sees_all(r);
	int dept_only = strcmp(kind, "department") == 0 && !all_depts;
	if (all_depts)
		view_set(r, "Filter.all_depts", "1");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_CLIENT_BLACKLIST, &res, "siiii", kind, (long long)dept_only, r->user->dept_id,
		    before ? before : (1LL << 62), (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(r->a, "Black.%zu", i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&res, i, BL_ID));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&res, i, BL_NAME));
		view_set(r, arena_printf(r->a, "%s.reason", p), dbres_get(&res, i, BL_REASON));
		view_set(r, arena_printf(r->a, "%s.dept", p), dbres_get(&res, i, BL_DEPT_NAME));
		view_set(r, arena_printf(r->a, "%s.since", p), dbres_get(&res, i, BL_SINCE));
		/* a link only to the cards the reader may open */
		struct card_ref ref = { dbres_int(&res, i, BL_ID), dbres_int(&res, i, BL_OWNER_ID),
					dbres_int(&res, i, BL_DEPT_ID), dbres_get(&res, i, BL_SCOPE),
					(int)dbres_int(&res, i, BL_IN_POOL) };
		if (card_access(r, &ref) != VIA_NONE)
			view_set(r, arena_printf(r->a, "%s.may_open", p), "1");
	}
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, PAGE - 1, 0));
	view_set(r, "Page.title", lang_text(r, "client.blacklist_title"));
	return render(r, 200, "clients/blacklist.cs");
}

/* ---- export ----------------------------------------------------------------- */

#define EXPORT_MAX 20000
#define EXPORT_BATCH 100

/* GET /clients/export.csv with the list's filters and sort: every card of the
 * list the user may see, whole, as UTF-8 CSV with a BOM (Excel opens it
 * directly), labels in the user's language, cells that would start a formula
 * neutralised. More than EXPORT_MAX cards is refused (413) with a message
 * asking for narrower filters: an export is never cut silently. The export
 * is audited as one event (who, how many, which filters). */
int clients_export(struct req *r)
{
	struct list_args la;
	list_args_read(r, &la);
	long long *ids = arena_alloc(r->a, (EXPORT_MAX + 1) * sizeof *ids);
	size_t n = 0;
	for (;;) {
		struct dbres res;
		if (list_fetch(r, &la, 1000, &res) != DB_OK)
			return db_fail(r);
		for (size_t i = 0; i < res.nrows && n <= EXPORT_MAX; i++)
			ids[n++] = dbres_int(&res, i, L_ID);
		if (n > EXPORT_MAX) {
			view_set(r, "Page.error_message", arena_printf(r->a, "%s %d", lang_text(r, "client.export_too_many"), EXPORT_MAX));
			render_error(r, 413);
			return 0;
		}
		if (res.nrows < 1000)
			break;
		size_t last = res.nrows - 1;
		la.after = dbres_int(&res, last, L_ID);
		la.after_key = la.by_name ? dbres_get(&res, last, L_NAME_NORM)
			       : la.by_due ? dbres_get(&res, last, L_NEXT_VISIT) : "";
	}

	struct buf *b = &r->body;
	buf_reset(b);
	csv_write_bom(b);
	/* header: code, the fields, then the bookkeeping */
	size_t ncols = 1 + CF__COUNT + 6;
	const char **cells = arena_alloc(r->a, ncols * sizeof *cells);
	int *numeric = arena_alloc(r->a, ncols * sizeof *numeric);
	cells[0] = lang_text(r, "client.code");
	for (int i = 0; i < CF__COUNT; i++) {
		cells[1 + i] = lang_text(r, arena_printf(r->a, "client.f.%s", client_fields[i].col));
		enum ftype t = client_fields[i].type;
		numeric[1 + i] = t == F_MONEY || t == F_AMOUNT || t == F_INT;
	}
	static const char *tail[] = { "owner", "department", "scope", "registered_at", "next_visit", "blacklist" };
	for (int k = 0; k < 6; k++)
		cells[1 + CF__COUNT + k] = lang_text(r, arena_printf(r->a, "client.%s", tail[k]));
	csv_write_row(b, cells, ncols);

	for (size_t from = 0; from < n; from += EXPORT_BATCH) {
		struct dbparams *p = arena_alloc(r->a, sizeof *p);
		/* the ids twice: the IN list, then FIELD() to keep the list's order */
		for (int twice = 0; twice < 2; twice++)
			for (size_t k = 0; k < EXPORT_BATCH; k++)
				dbp_int(p, ids[from + k < n ? from + k : from]);
		struct dbres cards;
		if (db_execv(r->db, r->a, Q_CLIENT_EXPORT, &cards, p) != DB_OK)
			return db_fail(r);
		for (size_t i = 0; i < cards.nrows; i++) {
			cells[0] = arena_printf(r->a, "C%06lld", dbres_int(&cards, i, CARD_ID));
			for (int f = 0; f < CF__COUNT; f++) {
				const char *v = cards.rows[i][1 + f];
				/* numbers stay numbers; everything else as a person reads it */
				cells[1 + f] = numeric[1 + f] ? (v ? v : "") : card_display(r, f, v);
			}
			cells[1 + CF__COUNT] = dbres_get(&cards, i, CARD_OWNER_NAME);
			cells[2 + CF__COUNT] = dbres_get(&cards, i, CARD_DEPT_NAME);
			cells[3 + CF__COUNT] = lang_text(r, arena_printf(r->a, "client.opt.scope.%s", dbres_get(&cards, i, CARD_SCOPE)));
			cells[4 + CF__COUNT] = dbres_get(&cards, i, CARD_REGISTERED_AT);
			cells[5 + CF__COUNT] = dbres_get(&cards, i, CARD_NEXT_VISIT);
			cells[6 + CF__COUNT] = lang_text(r, arena_printf(r->a, "client.opt.blacklist.%s", dbres_get(&cards, i, CARD_BLACKLIST)));
			csv_write_row_typed(b, cells, numeric, ncols);
		}
	}
	if (b->failed)
		return 500;
	/* an export that cannot be logged is not handed out */
	if (audit_event(r, "clients.exported", "client", 0,
			arena_printf(r->a, "%zu cards; sort=%s grade=%lld nature=%lld region=%lld lifecycle=%s blacklist=%s "
				     "tag=%s due=%s owner=%lld dept=%lld", n, la.sort, la.grade, la.nature, la.region,
				     la.lifecycle, la.blacklist, la.tag, la.due, la.owner, la.dept)) != DB_OK)
		return db_fail(r);
	resp_attachment(r, "text/csv; charset=utf-8", arena_printf(r->a, "clients-%s.csv", day_text(r, 0)));
	return 0;
}
