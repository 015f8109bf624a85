/* clients_list.c — the client list (filters, sort, keyset pages), search
 * (name fragments through the bigram index, phone, credit code) and the
 * blacklist. Lists show only cards the user may see; search also shows
 * restricted hits, as a stub: name, owner, registration date. */
#include "clients.h"
#include "normalize.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>

#define PAGE 50

static long long qint(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	if (v == NULL || *v == '\0' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 18)
		return 0;
	return strtoll(v, NULL, 10);
}

/* A query value from a fixed set, else "". */
static const char *qchoice(struct req *r, const char *name, const char *const *choices)
{
	const char *v = req_query(r, name);
	for (int i = 0; v && choices[i]; i++)
		if (strcmp(v, choices[i]) == 0)
			return v;
	return "";
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

static const char *like_escape(struct req *r, const char *s)
{
	char *out = arena_alloc(r->a, strlen(s) * 2 + 3), *o = out;
	*o++ = '%';
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return out;
}

/* Search: returns 0 after filling Clients.*, or an HTTP status. */
static int search(struct req *r, const char *q)
{
	long long before = qint(r, "before");
	if (before == 0)
		before = 1LL << 62;
	struct dbres res;
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
	} else if (phone_like) {
		rc = db_exec(r->db, r->a, Q_CLIENT_SEARCH_PHONE, &res, "sii", digits, before, (long long)PAGE + 1);
	} else {
		char *norm = arena_alloc(r->a, strlen(q) + 1);
		name_normalize(q, norm);
		if (utf8_len(norm) < 2) {
			view_set(r, "Page.search_hint", lang_text(r, "client.search_two_chars"));
			return 0;
		}
		/* the rarest bigram of the query drives the lookup */
		const char *best = NULL;
		long long best_n = -1;
		const char *s = norm;
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
			struct dbres cnt;
			if (db_exec(r->db, r->a, Q_CLIENT_GRAM_COUNT, &cnt, "s", gram) != DB_OK)
				return 503;
			long long n = dbres_int(&cnt, 0, 0);
			if (best_n < 0 || n < best_n) {
				best = gram;
				best_n = n;
			}
			if (n == 0)
				break;
			s += a;
		}
		rc = db_exec(r->db, r->a, Q_CLIENT_SEARCH_GRAM, &res, "sisssi", best, before, like_escape(r, norm),
			     like_escape(r, q), like_escape(r, q), (long long)PAGE + 1);
	}
	if (rc != DB_OK)
		return 503;
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++) {
		struct card_ref ref = { dbres_int(&res, i, L_ID), dbres_int(&res, i, L_OWNER_ID),
					dbres_int(&res, i, L_DEPT_ID), dbres_get(&res, i, L_SCOPE) };
		view_list_row(r, arena_printf(r->a, "Clients.%zu", i), &res, i, card_access(r, &ref) == VIA_NONE);
	}
	if (res.nrows > PAGE)
		view_set(r, "Page.next", arena_printf(r->a, "before=%s", dbres_get(&res, PAGE - 1, L_ID)));
	return 0;
}

/* The filters and the keyset of one list query. */
struct list_args {
	long long owner, dept, grade, nature, region, overdue;
	const char *lifecycle, *blacklist, *tag, *today;
	long long after;
	const char *after_key;
	int keyed;               /* sorted by a key (name, due) rather than by id */
};

/* CARD_FILTERS, the keyset and the limit: what every branch takes. */
static void list_branch_params(struct dbparams *p, const struct list_args *a)
{
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
	dbp_str(p, a->today);
	if (a->keyed) {
		dbp_str(p, a->after_key);
		dbp_str(p, a->after_key);
		dbp_int(p, a->after);
	} else {
		dbp_int(p, a->after ? a->after : (1LL << 62));
	}
	dbp_int(p, (long long)PAGE + 1);
}

static const char *const lifecycles[] = { "prospect", "new", "established", "problem", "former", NULL };
static const char *const blacklists[] = { "none", "department", "company", NULL };
static const char *const sorts[] = { "new", "name", "due", NULL };

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
		return st ? st : render(r, 200, "clients_list.cs");
	}

	long long owner = qint(r, "owner"), dept = qint(r, "dept"), grade = qint(r, "grade");
	long long nature = qint(r, "nature"), region = qint(r, "region");
	const char *lifecycle = qchoice(r, "lifecycle", lifecycles);
	const char *blacklist = qchoice(r, "blacklist", blacklists);
	const char *sort = qchoice(r, "sort", sorts);
	const char *tag = req_query(r, "tag");
	if (tag == NULL || utf8_len(tag) > 30 || strchr(tag, ','))
		tag = "";
	long long overdue = req_query(r, "overdue") != NULL;
	if (*sort == '\0')
		sort = "new";
	static const char *filters[] = { "owner", "dept", "grade", "nature", "region", NULL };
	long long fvals[] = { owner, dept, grade, nature, region };
	for (int i = 0; filters[i]; i++)
		if (fvals[i])
			view_set_int(r, arena_printf(r->a, "Filter.%s", filters[i]), fvals[i]);
	view_set(r, "Filter.lifecycle", lifecycle);
	view_set(r, "Filter.blacklist", blacklist);
	view_set(r, "Filter.tag", tag);
	view_set(r, "Filter.sort", sort);
	if (overdue)
		view_set(r, "Filter.overdue", "1");

	char now[20], today[11];
	clock_format(r->now, now);
	memcpy(today, now, 10);
	today[10] = '\0';
	long long after = qint(r, "after");
	const char *after_key = req_query(r, "after_key");
	if (after_key == NULL || utf8_len(after_key) > 200)
		after_key = "";
	int by_name = strcmp(sort, "name") == 0, by_due = strcmp(sort, "due") == 0;
	if (by_due && *after_key == '\0')
		after_key = "1000-01-01";
	struct list_args la = { owner, dept, grade, nature, region, overdue, lifecycle, blacklist, tag, today,
				after, after_key, by_name || by_due };
	struct dbparams *p = arena_alloc(r->a, sizeof *p);
	enum query lq;
	if (access_sees_all(r)) {
		list_branch_params(p, &la);
		lq = by_name ? Q_CLIENT_ALL_NAME : by_due ? Q_CLIENT_ALL_DUE : Q_CLIENT_ALL_NEW;
	} else {
		/* the managed departments: the root and everything below it */
		long long root = access_managed_root(r), depts[DEPT_SLOTS];
		size_t nd = root ? dept_subtree(r, root, depts, DEPT_SLOTS) : 0;
		int tree = nd > DEPT_SLOTS;
		dbp_int(p, r->user->id);
		list_branch_params(p, &la);
		dbp_int(p, r->user->dept_id);
		list_branch_params(p, &la);
		for (int b = 0; b < 2; b++) {
			if (tree)
				dbp_int(p, root);
			else
				for (size_t k = 0; k < DEPT_SLOTS; k++)
					dbp_int(p, nd ? depts[k < nd ? k : 0] : 0);
			list_branch_params(p, &la);
		}
		dbp_int(p, r->user->id);
		dbp_str(p, now);
		list_branch_params(p, &la);
		dbp_int(p, (long long)PAGE + 1);
		if (tree)
			lq = by_name ? Q_CLIENT_TREE_NAME : by_due ? Q_CLIENT_TREE_DUE : Q_CLIENT_TREE_NEW;
		else
			lq = by_name ? Q_CLIENT_MINE_NAME : by_due ? Q_CLIENT_MINE_DUE : Q_CLIENT_MINE_NEW;
	}
	struct dbres res;
	if (db_execv(r->db, r->a, lq, &res, p) != DB_OK)
		return 503;
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_list_row(r, arena_printf(r->a, "Clients.%zu", i), &res, i, 0);
	if (res.nrows > PAGE) {
		size_t last = PAGE - 1;
		const char *key = strcmp(sort, "name") == 0 ? dbres_get(&res, last, L_NAME_NORM)
				  : strcmp(sort, "due") == 0 ? dbres_get(&res, last, L_NEXT_VISIT) : "";
		view_set(r, "Page.next_after", dbres_get(&res, last, L_ID));
		view_set(r, "Page.next_key", key);
	}
	if (after)
		view_set(r, "Page.paged", "1");
	return render(r, 200, "clients_list.cs");
}

int clients_blacklist(struct req *r)
{
	const char *kind = qchoice(r, "list", (const char *const[]){ "company", "department", NULL });
	if (*kind == '\0')
		kind = "company";
	view_set(r, "Filter.list", kind);
	long long before = qint(r, "before");
	int dept_only = strcmp(kind, "department") == 0;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_CLIENT_BLACKLIST, &res, "siiii", kind, (long long)dept_only, r->user->dept_id,
		    before ? before : (1LL << 62), (long long)PAGE + 1) != DB_OK)
		return 503;
	static const char *cols[] = { "id", "name", "list", "reason", "dept_id", "dept", "since", NULL };
	size_t n = res.nrows > PAGE ? PAGE : res.nrows;
	for (size_t i = 0; i < n; i++)
		view_row(r, arena_printf(r->a, "Black.%zu", i), cols, &res, i);
	if (res.nrows > PAGE)
		view_set(r, "Page.next_before", dbres_get(&res, PAGE - 1, 0));
	view_set(r, "Page.title", lang_text(r, "client.blacklist_title"));
	return render(r, 200, "blacklist.cs");
}
