/* clients.c — the client card pages: list and search, register, the card,
 * edit with reasons, history, print, key persons, the blacklist. */
#include "clients.h"
#include "prospects.h"
#include "core/domain.h"
#include "core/form.h"
#include "core/log.h"
#include "normalize.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>

#define PAGE 50
#define HISTORY_ON_CARD 10
#define TXN_NO_CHANGES 1      /* update_txn: nothing differed, rolled back */

/* ---- grams (search index) ------------------------------------------------- */

/* Adds every 2-character window of s (or s itself when it has 1 character). */
static void grams_of(struct req *r, const char *s, const char ***out, size_t *n, size_t *cap)
{
	size_t starts[256], k = 0;
	for (size_t i = 0; s[i] && k < 256; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			starts[k++] = i;
	for (size_t i = 0; i < k; i++) {
		if (k > 1 && i + 1 >= k)
			break;
		size_t end = i + 2 < k ? starts[i + 2] : strlen(s);
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			const char **grown = arena_alloc(r->a, *cap * sizeof *grown);
			if (*n)
				memcpy(grown, *out, *n * sizeof *grown);
			*out = grown;
		}
		(*out)[(*n)++] = arena_strndup(r->a, s + starts[i], end - starts[i]);
	}
}

static int gram_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts the n grams of g and drops repeats; returns how many are left. */
static size_t grams_unique(const char **g, size_t n)
{
	if (n == 0)
		return 0;
	qsort(g, n, sizeof *g, gram_cmp);
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		if (strcmp(g[i], g[k - 1]) != 0)
			g[k++] = g[i];
	return k;
}

/* Brings the search grams of a client in line with its names and key
 * persons: deletes the grams it no longer has and adds the new ones, each
 * row by its whole primary key. A client just inserted (fresh) has none:
 * nothing is read or deleted. A delete by client_id alone would lock the
 * gap after the client's last index entry — for the newest client the end
 * of the index, where every other registration inserts its grams — and
 * concurrent registrations would deadlock on it. */
static int grams_sync(struct req *r, long long id, int fresh, const char *name, const char *short_name)
{
	int rc = DB_OK;
	const char **g = NULL;
	size_t n = 0, cap = 0;
	char *norm = arena_alloc(r->a, strlen(name) + 1);
	grams_of(r, name_normalize(name, norm), &g, &n, &cap);
	if (short_name && *short_name) {
		char *s = arena_alloc(r->a, strlen(short_name) + 1);
		grams_of(r, name_normalize(short_name, s), &g, &n, &cap);
	}
	struct dbres persons;
	if ((rc = db_exec(r->db, r->a, Q_PERSONS_OF, &persons, "i", id)) != DB_OK)
		return rc;
	for (size_t i = 0; i < persons.nrows; i++) {
		const char *pn = dbres_get(&persons, i, 1);
		char *s = arena_alloc(r->a, strlen(pn) + 1);
		grams_of(r, name_normalize(pn, s), &g, &n, &cap);
	}
	n = grams_unique(g, n);
	/* what the client has now (a plain read: the card's own rows, no lock) */
	const char **had = NULL;
	size_t nhad = 0;
	if (!fresh) {
		struct dbres old;
		if ((rc = db_exec(r->db, r->a, Q_GRAMS_OF, &old, "i", id)) != DB_OK)
			return rc;
		had = arena_alloc(r->a, (old.nrows + 1) * sizeof *had);
		for (size_t i = 0; i < old.nrows; i++)
			had[nhad++] = dbres_get(&old, i, 0);
		nhad = grams_unique(had, nhad);
	}
	/* both lists sorted: walk them together */
	size_t i = 0, k = 0;
	while (rc == DB_OK && (i < n || k < nhad)) {
		int c = i == n ? 1 : k == nhad ? -1 : strcmp(g[i], had[k]);
		if (c < 0)
			rc = db_exec(r->db, r->a, Q_GRAM_INSERT, NULL, "si", g[i++], id);
		else if (c > 0)
			rc = db_exec(r->db, r->a, Q_GRAM_DELETE, NULL, "si", had[k++], id);
		else
			i++, k++;
	}
	return rc;
}

int client_history_add(struct req *r, long long client, long long person, const char *field, const char *old,
		       const char *new, long long actor, const char *reason)
{
	const char *now = r->now_text;
	const char *pid = person ? arena_printf(r->a, "%lld", person) : NULL;
	return db_exec(r->db, r->a, Q_HISTORY_INSERT, NULL, "isssssss", client, pid, field, old, new,
		       arena_printf(r->a, "%lld", actor), now, reason);
}

/* A change made by the signed-in user. */
static int history(struct req *r, long long id, long long person, const char *field, const char *old,
		   const char *new, const char *reason)
{
	return client_history_add(r, id, person, field, old, new, r->user->id, reason);
}

/* ---- duplicate check -------------------------------------------------------- */

void dup_keys_of(struct req *r, const char *const *v, struct dup_keys *k)
{
	const char *phone = v[CF_phone] ? v[CF_phone] : "";
	char *norm = arena_alloc(r->a, strlen(v[CF_name]) + 1), *digits = arena_alloc(r->a, strlen(phone) + 1);
	name_normalize(v[CF_name], norm);
	phone_digits(phone, digits);
	k->norm = norm;
	k->digits = digits;
	k->code = v[CF_credit_code] ? v[CF_credit_code] : "";
}

int dupes_of(struct req *r, long long self, const struct dup_keys *k, struct dbres *res)
{
	return db_exec(r->db, r->a, Q_CLIENT_DUPES, res, "issss", self, k->norm, k->digits, k->digits, k->code);
}

/* The bucket (0..4095) of a duplicate key's text: FNV-1a. */
static long long dup_bucket(const char *s)
{
	unsigned long h = 2166136261u;
	for (; *s; s++)
		h = ((h ^ (unsigned char)*s) * 16777619u) & 0xffffffffu;
	return (long long)(h % 4096);
}

int dup_lock(struct req *r, const struct dup_keys *k)
{
	/* one statement, so both rows are locked in key order (no deadlock
	 * between two registrations); an empty phone locks the name's twice */
	long long name = dup_bucket(k->norm), phone = *k->digits ? dup_bucket(k->digits) : name;
	return db_exec(r->db, r->a, Q_CLIENT_DUP_LOCK, NULL, "ii", name, phone);
}

/* The earlier registrations matching k, shown (name, owner, date only) in
 * Dupes.*; returns the number found or a negative db_rc. */
static int find_dupes(struct req *r, long long self, const struct dup_keys *k)
{
	struct dbres res;
	int rc = dupes_of(r, self, k, &res);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < res.nrows; i++) {
		const char *p = arena_printf(r->a, "Dupes.%zu", i);
		view_set(r, arena_printf(r->a, "%s.id", p), dbres_get(&res, i, 0));
		view_set(r, arena_printf(r->a, "%s.name", p), dbres_get(&res, i, DU_NAME));
		view_set(r, arena_printf(r->a, "%s.owner", p), dbres_get(&res, i, DU_OWNER));
		view_set(r, arena_printf(r->a, "%s.registered_at", p), dbres_get(&res, i, DU_REGISTERED));
		view_set(r, arena_printf(r->a, "%s.blacklist", p), dbres_get(&res, i, DU_BLACKLIST));
		const char *why = strcmp(dbres_get(&res, i, DU_NORM), k->norm) == 0 ? "name"
				  : (*k->digits && strcmp(dbres_get(&res, i, DU_DIGITS), k->digits) == 0) ? "phone" : "credit_code";
		view_set(r, arena_printf(r->a, "%s.why", p), lang_text(r, arena_printf(r->a, "client.dupe_%s", why)));
	}
	return (int)res.nrows;
}

/* ---- register ------------------------------------------------------------------ */

#define MAX_NEW_PERSONS 3
/* A key person's fields, in the order of PERSON_COLS (client_persons'
 * columns): the person form, and each person of a registration. */
static const struct form_field person_fields[PERSON_COLS] = {
	{ .name = "name", .type = FT_TEXT, .max = 100, .flags = FORM_REQUIRED },
	{ .name = "title", .type = FT_TEXT, .max = 100 },
	{ .name = "phone", .type = FT_TEXT, .max = 50 },
	{ .name = "mobile", .type = FT_TEXT, .max = 50 },
	{ .name = "email", .type = FT_EMAIL, .max = 190 },
	{ .name = "purchase_role", .type = FT_TEXT, .max = 100 },
	{ .name = "personal_notes", .type = FT_LONGTEXT, .max = 5000 },
};
#define PERSON_NOTES 6

/* Reads key person i of the registration form (the fields person_<column>,
 * repeated once per person); 1 when any of them is filled in. */
static int new_person(struct req *r, size_t i, const char **v)
{
	int any = 0;
	for (int c = 0; c < PERSON_COLS; c++) {
		size_t n;
		const char **sent = form_all(r, arena_printf(r->a, "person_%s", person_fields[c].name), &n);
		v[c] = i < n ? sent[i] : "";
		view_set(r, arena_printf(r->a, "NewPersons.%zu.%s", i, person_fields[c].name), v[c]);
		if (*v[c])
			any = 1;
	}
	return any;
}

/* Checks a registration's key person against person_fields; the first
 * refusal, with its field's label, goes to Form.errors.<err_field>. */
static int person_check(struct req *r, const char **v, const char *err_field)
{
	for (int c = 0; c < PERSON_COLS; c++) {
		struct form_value fv;
		const char *why = form_check(r, &person_fields[c], v[c], &fv);
		if (why != NULL) {
			form_refuse(r, err_field, arena_printf(r->a, "%s: %s", lang_text(r, arena_printf(r->a,
					"client.pf.%s", person_fields[c].name)), why));
			return 0;
		}
	}
	return 1;
}

int client_insert(struct req *r, const struct new_client *n, long long *id)
{
	const char **v = n->values;
	/* inside the caller's transaction, after the lock rows of the name and
	 * phone (dup_lock), so two people registering the same client at once
	 * cannot both pass: the second waits (or, on a Galera cluster, fails
	 * certification and is retried) and its check then sees the first card */
	struct dup_keys keys;
	dup_keys_of(r, v, &keys);
	int d = dup_lock(r, &keys);
	if (d != DB_OK)
		return d;
	d = find_dupes(r, 0, &keys);
	if (d < 0)
		return d;
	if (d > 0)
		return DB_CONFLICT;
	const char *now = r->now_text;
	/* the fields as strings, then the bookkeeping */
	char types[CF__COUNT + 9];
	memset(types, 's', CF__COUNT + 8);
	types[CF__COUNT + 8] = '\0';
	const char *uid = arena_printf(r->a, "%lld", r->user->id);
	const char *dept = arena_printf(r->a, "%lld", r->user->dept_id);
	struct dbres res;
#define V(i) v[i]
	int rc = db_exec(r->db, r->a, Q_CLIENT_INSERT, &res, types,
#define X(col, type, max, section, flags, extra) V(CF_##col),
		CLIENT_FIELDS(X)
#undef X
		keys.norm, keys.digits, uid, dept, n->scope, now, uid, now);
#undef V
	if (rc != DB_OK)
		return rc;
	*id = (long long)res.insert_id;
	if (n->import_id)
		rc = db_exec(r->db, r->a, Q_CLIENT_SET_IMPORT, NULL, "ii", n->import_id, *id);
	for (size_t i = 0; i < n->npersons && rc == DB_OK; i++) {
		const char *const *p = n->persons[i];
		rc = db_exec(r->db, r->a, Q_PERSON_INSERT, NULL, "isssssss", *id, p[0], p[1], p[2], p[3],
			     p[4], p[5], p[6]);
	}
	for (size_t k = 0; k < n->nlines && rc == DB_OK; k++)
		rc = db_exec(r->db, r->a, Q_PRODUCT_LINE_ADD, NULL, "is", *id, n->lines[k]);
	if (rc == DB_OK)
		rc = grams_sync(r, *id, 1, v[CF_name], v[CF_short_name]);
	if (rc == DB_OK)
		rc = history(r, *id, 0, "created", NULL, v[CF_name], n->reason);
	if (rc == DB_OK && !n->import_id)        /* an import files old records: no deadline */
		rc = filing_registered(r, *id, v[CF_first_contact_on]);
	if (rc == DB_OK && v[CF_lifecycle] && strcmp(v[CF_lifecycle], "prospect") == 0)
		rc = prospect_protect(r, *id);
	return rc;
}

struct create_ctx {
	struct req *r;
	struct new_client n;
	const char *persons[MAX_NEW_PERSONS][PERSON_COLS];
	long long id;
};

static int create_txn(void *arg)
{
	struct create_ctx *c = arg;
	return client_insert(c->r, &c->n, &c->id);
}

/* What the registration form has besides the card's fields and key persons. */
enum { NF_SCOPE, NF_LINES, NF__N };
static const char *const new_scopes[] = { "personal", "department", NULL };
static const struct form_field new_fields[NF__N] = {
	[NF_SCOPE] = { .name = "scope", .type = FT_CHOICE, .flags = FORM_REQUIRED, .choices = new_scopes,
		       .error = "client.scope_on_create" },
	[NF_LINES] = { .name = "product_lines", .type = FT_ID, .flags = FORM_MULTI },
};

static void view_product_lines(struct req *r, const struct dbres *chosen)
{
	view_class_choices(r, "product_line");
	for (size_t i = 0; chosen && i < chosen->nrows; i++)
		view_set(r, arena_printf(r->a, "Chosen.product_line.%s", dbres_get(chosen, i, 0)), "1");
}

/* Shows the ticked product lines (the ids of a form's product_lines) again;
 * 0 when one of them is not a product line. */
static int view_form_chosen_lines(struct req *r, const struct form_value *lines)
{
	int ok = 1;
	view_class_choices(r, "product_line");
	for (size_t k = 0; k < lines->count; k++) {
		if (!class_valid(r, "product_line", lines->all[k])) {
			form_error(r, "product_lines", "form.bad_choice");
			ok = 0;
			continue;
		}
		view_set(r, arena_printf(r->a, "Chosen.product_line.%s", lines->all[k]), "1");
	}
	return ok;
}

static int new_page(struct req *r, int status, const char **values)
{
	view_card_fields(r, values, FIELDS_FORM);
	for (size_t i = 0; i < MAX_NEW_PERSONS; i++)
		view_set_int(r, arena_printf(r->a, "PersonSlots.%zu", i), (long long)i);
	view_set(r, "Page.title", lang_text(r, "client.new_title"));
	return render(r, status, "clients/client_new.cs");
}

int clients_new(struct req *r)
{
	view_set(r, "Form.values.card_type", "dealer");
	view_set(r, "Form.values.lifecycle", "prospect");
	view_set(r, "Form.values.scope", "personal");
	view_product_lines(r, NULL);
	return new_page(r, 200, NULL);
}

int clients_create(struct req *r)
{
	struct create_ctx *c = arena_alloc(r->a, sizeof *c);
	c->r = r;
	const char **values = arena_alloc(r->a, CF__COUNT * sizeof *values);
	c->n.values = values;
	c->n.reason = lang_key(r, "client.history.created", 0);
	int ok = card_validate(r, values, NULL);
	struct form_value v[NF__N];
	ok &= FORM_READ(r, new_fields, v);
	c->n.scope = v[NF_SCOPE].text;
	if (values[CF_lifecycle] && strcmp(values[CF_lifecycle], "former") == 0) {
		form_error(r, "lifecycle", "client.former_needs_approval");
		ok = 0;
	}
	for (size_t i = 0; i < MAX_NEW_PERSONS; i++)
		if (new_person(r, i, c->persons[c->n.npersons])) {
			if (!person_check(r, c->persons[c->n.npersons], arena_printf(r->a, "person_%zu", i)))
				ok = 0;
			c->n.npersons++;
		}
	c->n.persons = (const char *const (*)[PERSON_COLS])c->persons;
	c->n.lines = v[NF_LINES].all;
	c->n.nlines = v[NF_LINES].count;
	if (!view_form_chosen_lines(r, &v[NF_LINES]))
		ok = 0;
	if (!ok)
		return new_page(r, 422, values);
	int rc = db_txn(r->db, create_txn, c);
	if (rc == DB_CONFLICT) {
		/* the registrations that came first are in Dupes.* already (client_insert) */
		view_set(r, "Page.error_message", lang_text(r, "client.duplicate"));
		return new_page(r, 409, values);
	}
	if (rc == DB_DUPLICATE) {                /* credit code taken by a racing insert */
		form_error(r, "credit_code", "client.duplicate_code");
		return new_page(r, 409, values);
	}
	if (rc == DB_ERROR)
		return 500;
	if (rc != DB_OK && db_status(rc) == 503)         /* read-only, full or not answering: the typing kept */
		return new_page(r, form_unsaved(r, rc), values);
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "client_created");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld", c->id));
}

/* ---- the card --------------------------------------------------------------- */

static const char **card_values(struct req *r, const struct dbres *card)
{
	const char **v = arena_alloc(r->a, CF__COUNT * sizeof *v);
	for (int i = 0; i < CF__COUNT; i++)
		v[i] = card->rows[0][1 + i];
	return v;
}

/* Loads the card and checks the right; on refusal logs it and renders the 403
 * page with the stub. Returns 0 with *via set, or an HTTP status. */
int card_open(struct req *r, struct dbres *card, enum via *via, const char *page)
{
	int st = card_load(r, r->ids[0], card);
	if (st != 0)
		return st;
	struct card_ref ref = card_ref_of(card);
	*via = card_access(r, &ref);
	/* a card is shown only once its view is logged; a refusal is answered either way */
	if (card_log_view(r, ref.id, *via, page) != 0 && *via != VIA_NONE)
		return 503;
	if (*via == VIA_NONE) {
		view_set(r, "Stub.id", dbres_get(card, 0, CARD_ID));
		view_set(r, "Stub.name", dbres_get(card, 0, 1 + CF_name));
		view_set(r, "Stub.owner", dbres_get(card, 0, CARD_OWNER_NAME));
		view_set(r, "Stub.registered_at", dbres_get(card, 0, CARD_REGISTERED_AT));
		view_set(r, "Page.title", lang_text(r, "client.denied_title"));
		st = render(r, 403, "clients/client_denied.cs");
		return st ? st : -1;
	}
	return 0;
}

static void view_bookkeeping(struct req *r, const struct dbres *card, enum via via)
{
	static const struct { int col; const char *name; } cols[] = {
		{ CARD_ID, "id" }, { CARD_BLACKLIST, "blacklist" }, { CARD_BLACKLIST_REASON, "blacklist_reason" },
		{ CARD_OWNER_ID, "owner_id" }, { CARD_DEPT_ID, "dept_id" }, { CARD_SCOPE, "scope" },
		{ CARD_REGISTERED_AT, "registered_at" }, { CARD_UPDATED_AT, "updated_at" },
		{ CARD_LAST_VISIT, "last_visit_on" }, { CARD_NEXT_VISIT, "next_visit_due" },
		{ CARD_VERSION, "version" }, { CARD_OWNER_NAME, "owner_name" }, { CARD_DEPT_NAME, "dept_name" },
		{ CARD_FILING_DUE, "filing_due" },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		view_set(r, arena_printf(r->a, "Card.%s", cols[i].name), dbres_get(card, 0, cols[i].col));
	view_setf(r, "Card.code", "C%06lld", dbres_int(card, 0, CARD_ID));
	view_set(r, "Card.name", dbres_get(card, 0, 1 + CF_name));
	view_set(r, "Card.scope_label",
		 lang_text(r, arena_printf(r->a, "client.opt.scope.%s", dbres_get(card, 0, CARD_SCOPE))));
	view_set(r, "Card.via", lang_text(r, arena_printf(r->a, "client.via.%s", via_names[via])));
	if (via == VIA_GRANT) {
		const char *until = card_grant_until(r, dbres_int(card, 0, CARD_ID));
		if (until != NULL)
			view_set(r, "Card.grant_until", arena_strndup(r->a, until, 16));   /* to the minute */
	}
	view_protection(r, card);
	if (dbres_int(card, 0, CARD_FILED_LATE))
		view_set(r, "Card.filed_late", "1");
	view_set(r, "Card.first_contact_on", dbres_get(card, 0, 1 + CF_first_contact_on));
	const char *served = dbres_get(card, 0, CARD_LAST_SERVICE);
	if (!dbres_int(card, 0, CARD_IN_POOL) && strcmp(dbres_get(card, 0, 1 + CF_lifecycle), "former") != 0 &&
	    *served && strcmp(served, unserved_cutoff(r)) < 0)         /* nobody served it: it may be reassigned */
		view_set(r, "Card.unserved_since", served);
	if (card_may_edit(via))
		view_set(r, "Can.edit", "1");
	char today[20];
	clock_format(r->now, today);
	today[10] = '\0';
	const char *due = dbres_get(card, 0, CARD_NEXT_VISIT);
	if (*due && strcmp(due, today) < 0)
		view_set(r, "Card.overdue", "1");
}

/* The rows of Q_CARD_PARTS of one kind, as a result with their own columns. */
static void card_parts(struct req *r, const struct dbres *all, const char *kind, struct dbres *out)
{
	memset(out, 0, sizeof *out);
	out->rows = arena_alloc(r->a, (all->nrows + 1) * sizeof *out->rows);
	out->ncols = all->ncols > CP__COLS ? all->ncols - CP__COLS : 0;
	for (size_t i = 0; i < all->nrows; i++)
		if (strcmp(dbres_get(all, i, CP_KIND), kind) == 0)
			out->rows[out->nrows++] = all->rows[i] + CP__COLS;
}

/* The card's persons (the rows of Q_PERSONS_OF) into Persons.N. */
static void view_persons(struct req *r, const struct dbres *persons, enum via via)
{
	const struct dbres res = *persons;
	static const char *cols[] = { "id", "name", "title", "phone", "mobile", "email", "purchase_role",
				      "personal_notes", NULL };
	static const char *no_notes[] = { "id", "name", "title", "phone", "mobile", "email", "purchase_role",
					  "", NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Persons.%zu", i), card_sees_notes(via) ? cols : no_notes, &res, i);
	if (card_sees_notes(via))
		view_set(r, "Can.notes", "1");
}

static const char *history_field_label(struct req *r, const char *field)
{
	if (strncmp(field, "person.", 7) == 0)
		return arena_printf(r->a, "%s · %s", lang_text(r, "client.person"),
				    lang_text(r, arena_printf(r->a, "client.pf.%s", field + 7)));
	return lang_text(r, arena_printf(r->a, "client.f.%s", field));
}

/* History rows (of Q_HISTORY_OF, newest first, up to limit + 1) into
 * History.N with readable labels; returns the last id shown. */
static long long view_history(struct req *r, const struct dbres *history, int limit, int *more)
{
	const struct dbres res = *history;
	size_t n = res.nrows > (size_t)limit ? (size_t)limit : res.nrows;
	*more = res.nrows > (size_t)limit;
	long long last = 0;
	for (size_t i = 0; i < n; i++) {
		const char *p = arena_printf(r->a, "History.%zu", i);
		const char *field = dbres_get(&res, i, HI_FIELD);
		view_set(r, arena_printf(r->a, "%s.at", p), dbres_get(&res, i, HI_AT));
		view_set(r, arena_printf(r->a, "%s.field", p), history_field_label(r, field));
		/* enum and class values are shown by their label */
		const char *old = dbres_get(&res, i, HI_OLD), *new = dbres_get(&res, i, HI_NEW);
		for (int f = 0; f < CF__COUNT; f++)
			if (strcmp(client_fields[f].col, field) == 0) {
				old = card_display(r, f, old);
				new = card_display(r, f, new);
			}
		if (strcmp(field, "in_pool") == 0) {             /* 0/1 → who holds it */
			old = *old ? lang_text(r, arena_printf(r->a, "client.opt.in_pool.%s", old)) : old;
			new = *new ? lang_text(r, arena_printf(r->a, "client.opt.in_pool.%s", new)) : new;
		}
		view_set(r, arena_printf(r->a, "%s.old", p), old);
		view_set(r, arena_printf(r->a, "%s.new", p), new);
		view_set(r, arena_printf(r->a, "%s.reason", p), lang_stored(r, dbres_get(&res, i, HI_REASON)));
		view_set(r, arena_printf(r->a, "%s.event_on", p), dbres_get(&res, i, HI_EVENT));
		if (dbres_int(&res, i, HI_LATE))
			view_set(r, arena_printf(r->a, "%s.late", p), "1");
		/* a row without a person was written by the scheduled job */
		const char *actor = dbres_get(&res, i, HI_ACTOR);
		view_set(r, arena_printf(r->a, "%s.actor", p), *actor ? actor : lang_text(r, "client.h_system"));
		last = dbres_int(&res, i, 0);
	}
	return last;
}

/* The card's three versions (sql/079) as one text, from the row of a card
 * (CARD_SHOWN_VER on) or of its check (CC_SHOWN_VER on): the same three
 * columns in the same order. */
_Static_assert(CARD_REFS_VER == CARD_SHOWN_VER + 2 && CARD_PARTS_VER == CARD_SHOWN_VER + 1,
	       "the card's versions are three columns in a row");
_Static_assert(CC_REFS_VER == CC_SHOWN_VER + 2 && CC_PARTS_VER == CC_SHOWN_VER + 1,
	       "the check's versions are three columns in a row");
static const char *versions_at(struct req *r, const struct dbres *res, int first)
{
	return arena_printf(r->a, "%s %s %s", dbres_get(res, 0, first), dbres_get(res, 0, first + 1),
			    dbres_get(res, 0, first + 2));
}

/* The key of a card's page (card or print) that a worker keeps: the card's
 * three versions (sql/079) and the minute, as what the card says of today
 * and of the time must not stay; the reader's right and, by a grant, until
 * when (page_key adds the reader and the layout). */
static const char *card_key(struct req *r, const char *page, long long id, const char *versions, enum via via)
{
	const char *until = via == VIA_GRANT ? card_grant_until(r, id) : NULL;
	return page_key(r, arena_printf(r->a, "%s %.16s", versions, r->now_text),
			arena_printf(r->a, "%s %lld %s %s", page, id, via_names[via], until ? until : "-"));
}

/* The page of a card (read whole by card_load) drawn for a reader with the right via. */
static int card_draw(struct req *r, const char *tpl, const char *page, const struct dbres *card, enum via via)
{
	long long id = dbres_int(card, 0, CARD_ID);
	/* the card shows its filled fields; the paper form all of them */
	view_card_fields(r, card_values(r, card), strcmp(page, "print") == 0 ? FIELDS_ALL : FIELDS_FILLED);
	view_bookkeeping(r, card, via);
	/* the view log is the owner's managers' and the company's management's */
	if (access_over_dept(r, dbres_int(card, 0, CARD_DEPT_ID)))
		view_set(r, "Can.view_log", "1");
	struct dbres parts, persons, history;
	if (db_exec(r->db, r->a, Q_CARD_PARTS, &parts, "iii", id, id, (long long)HISTORY_ON_CARD + 1) != DB_OK)
		return db_fail(r);
	card_parts(r, &parts, "p", &persons);
	card_parts(r, &parts, "h", &history);
	view_persons(r, &persons, via);
	/* the product lines came with the card */
	size_t nl = 0;
	for (const char *p = dbres_get(card, 0, CARD_PRODUCT_LINES); *p; nl++) {
		view_set(r, arena_printf(r->a, "ProductLines.%zu", nl), class_label(r, strtoll(p, NULL, 10)));
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	int more;
	view_history(r, &history, HISTORY_ON_CARD, &more);
	if (more)
		view_set(r, "Page.more_history", "1");
	/* what other domains show on the card (the visits, …) */
	int st = panels_fill(r, "client.card", id, card_may_edit(via) ? PANEL_MAY_EDIT : 0);
	if (st != 0)
		return st;
	view_set(r, "Page.title", dbres_get(card, 0, 1 + CF_name));
	return render(r, 200, tpl);
}

/* Test mode: a kept page just served (checked against versions) is drawn
 * afresh and compared, so that every test that looks at a card again also
 * checks that nothing it shows was left out of its key. 1 when they differ
 * while the versions stayed (logged); a change that another request
 * committed meanwhile is no fault of the key. The statements of the check
 * are not the page's. */
static int card_kept_differs(struct req *r, const char *tpl, const char *page, const char *versions)
{
	unsigned long counted = db_count(r->db);
	size_t len = r->body.len;
	char *kept = arena_alloc(r->a, len + 1);
	memcpy(kept, r->body.data, len);
	struct dbres card;
	int differs = 1;
	if (card_load(r, r->ids[0], &card) == 0) {
		struct card_ref ref = card_ref_of(&card);
		if (card_draw(r, tpl, page, &card, card_access(r, &ref)) == 0)
			differs = r->body.len != len || memcmp(r->body.data, kept, len) != 0;
	}
	struct dbres c;
	if (differs && db_exec(r->db, r->a, Q_CARD_CHECK, &c, "i", r->ids[0]) == DB_OK && c.nrows == 1 &&
	    strcmp(versions_at(r, &c, CC_SHOWN_VER), versions) != 0)
		differs = 0;
	if (differs)
		log_msg("rid=%s pagecache: the kept %s of card %lld differs from the card drawn now", r->rid, page,
			r->ids[0]);
	r->statements_unseen += db_count(r->db) - counted;
	buf_reset(&r->body);
	buf_append(&r->body, kept, len);
	r->status = 200;
	return differs;
}

/* The page of a card this worker drew before, shown again when its key
 * still holds (nothing it shows changed), once the view is logged: -1 when
 * shown, 0 when it must be drawn (changed, refused, gone), or an HTTP status. */
static int card_again(struct req *r, const char *tpl, const char *page)
{
	struct dbres c;
	if (db_exec(r->db, r->a, Q_CARD_CHECK, &c, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (c.nrows != 1)
		return 0;
	struct card_ref ref = {
		dbres_int(&c, 0, CC_ID), dbres_int(&c, 0, CC_OWNER_ID), dbres_int(&c, 0, CC_DEPT_ID),
		dbres_get(&c, 0, CC_SCOPE), (int)dbres_int(&c, 0, CC_IN_POOL),
	};
	enum via via = card_access(r, &ref);
	if (via == VIA_NONE)     /* drawn as a refusal, logged as one */
		return 0;
	const char *versions = versions_at(r, &c, CC_SHOWN_VER);
	if (!page_serve(r, card_key(r, page, ref.id, versions, via)))
		return 0;
	/* a card is shown only once its view is logged: the error page replaces it */
	if (card_log_view(r, ref.id, via, page) != 0)
		return 503;
	if (r->cfg->test_mode && card_kept_differs(r, tpl, page, versions))
		return 500;
	return -1;
}

static int card_page(struct req *r, const char *tpl, const char *page)
{
	if (page_kept(r, page, r->ids[0])) {
		int again = card_again(r, tpl, page);
		if (again != 0)
			return again < 0 ? 0 : again;
	}
	struct dbres card;
	enum via via;
	int st = card_open(r, &card, &via, page);
	if (st != 0)
		return st < 0 ? 0 : st;
	long long id = dbres_int(&card, 0, CARD_ID);
	const char *key = card_key(r, page, id, versions_at(r, &card, CARD_SHOWN_VER), via);
	if ((st = card_draw(r, tpl, page, &card, via)) == 0)
		page_keep(r, key, page, id);
	return st;
}

int clients_show(struct req *r)
{
	return card_page(r, "clients/client_show.cs", "card");
}

int clients_print(struct req *r)
{
	return card_page(r, "clients/client_print.cs", "print");
}

int clients_history(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = card_open(r, &card, &via, "history");
	if (st != 0)
		return st < 0 ? 0 : st;
	long long b = req_query_id(r, "before");
	if (b == 0)
		b = 1LL << 62;
	struct dbres res;
	if (db_exec(r->db, r->a, Q_HISTORY_OF, &res, "iii", dbres_int(&card, 0, CARD_ID), b, (long long)PAGE + 1) != DB_OK)
		return db_fail(r);
	int more;
	long long last = view_history(r, &res, PAGE, &more);
	if (more)
		view_set_int(r, "Page.next_before", last);
	view_bookkeeping(r, &card, via);
	view_set(r, "Page.title", dbres_get(&card, 0, 1 + CF_name));
	return render(r, 200, "clients/client_history.cs");
}

/* ---- edit ------------------------------------------------------------------------ */

static int edit_open(struct req *r, struct dbres *card, enum via *via)
{
	int st = card_open(r, card, via, "edit");
	if (st != 0)
		return st;
	if (!card_may_edit(*via)) {
		card_log_view(r, dbres_int(card, 0, CARD_ID), VIA_NONE, "edit");
		return 403;
	}
	return 0;
}

static int edit_page(struct req *r, int status, const struct dbres *card, enum via via, const char **values)
{
	view_card_fields(r, values, FIELDS_FORM);
	view_bookkeeping(r, card, via);
	/* a value only an approval sets (former) is shown, not offered */
	for (int i = 0; i < CF__COUNT; i++)
		if (card_choice_by_approval(i, card->rows[0][1 + i]))
			view_set(r, arena_printf(r->a, "Fields.%d.fixed", i), "1");
	view_set(r, "Page.title", dbres_get(card, 0, 1 + CF_name));
	return render(r, status, "clients/client_edit.cs");
}

int clients_edit(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = edit_open(r, &card, &via);
	if (st != 0)
		return st < 0 ? 0 : st;
	const char **v = card_values(r, &card);
	for (int i = 0; i < CF__COUNT; i++) {
		/* amounts as people read them (1,234,567.50); the save reads them back */
		int money = client_fields[i].type == F_MONEY || client_fields[i].type == F_AMOUNT;
		view_set(r, arena_printf(r->a, "Form.values.%s", client_fields[i].col),
			 money ? card_display(r, i, v[i]) : v[i] ? v[i] : "");
	}
	view_set(r, "Form.values.version", dbres_get(&card, 0, CARD_VERSION));
	if (client_show(r, client_fields[CF_referrer_id].col, text_id(v[CF_referrer_id])) != 0)
		return db_fail(r);
	struct dbres lines;
	if (db_exec(r->db, r->a, Q_PRODUCT_LINES_OF, &lines, "i", dbres_int(&card, 0, CARD_ID)) != DB_OK)
		return db_fail(r);
	view_product_lines(r, &lines);
	return edit_page(r, 200, &card, via, v);
}

struct update_ctx {
	struct req *r;
	const struct dbres *card;
	const char **values;
	const struct form_value *lines;      /* the product lines ticked */
	const char *reason;
	const char *event_on;                /* the day the change happened (filing deadline) */
	int late;                            /* reported after the deadline */
	long long id, version;
	int changes, dupes;
};

int text_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A change of this save in the history, with the day it happened and whether it is reported late. */
static int change(struct update_ctx *u, const char *field, const char *old, const char *new)
{
	struct req *r = u->r;
	return db_exec(r->db, r->a, Q_HISTORY_INSERT_EVENT, NULL, "issssssssi", u->id, NULL, field, old, new,
		       arena_printf(r->a, "%lld", r->user->id), r->now_text, u->reason, u->event_on, (long long)u->late);
}

static int update_txn(void *arg)
{
	struct update_ctx *u = arg;
	struct req *r = u->r;
	const char **v = u->values;
	const char **old = card_values(r, u->card);
	u->changes = 0;
	struct dup_keys keys;
	dup_keys_of(r, v, &keys);
	int keys_change = !text_same(old[CF_name], v[CF_name]) || !text_same(old[CF_phone], v[CF_phone]) ||
			  !text_same(old[CF_credit_code], v[CF_credit_code]);
	/* the lock rows first, before this transaction's first read (its snapshot) */
	int rcl = keys_change ? dup_lock(r, &keys) : DB_OK;
	if (rcl == DB_OK)
		rcl = filing_change_late(r, u->event_on, &u->late);     /* each change says when it happened */
	if (rcl != DB_OK)
		return rcl;
	if (keys_change) {
		int d = find_dupes(r, u->id, &keys);
		if (d < 0)
			return d;
		if (d > 0) {
			u->dupes = d;
			return DB_CONFLICT;
		}
	}
	const char *now = r->now_text;
	char types[CF__COUNT + 6];
	memset(types, 's', CF__COUNT + 3);
	memcpy(types + CF__COUNT + 3, "ii", 3);
	struct dbres res;
#define V(i) v[i]
	int rc = db_exec(r->db, r->a, Q_CLIENT_UPDATE, &res, types,
#define X(col, type, max, section, flags, extra) V(CF_##col),
		CLIENT_FIELDS(X)
#undef X
		keys.norm, keys.digits, now, u->id, u->version);
#undef V
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0)
		return DB_CONFLICT;                 /* someone saved in between */
	for (int i = 0; i < CF__COUNT && rc == DB_OK; i++)
		if (!text_same(old[i], v[i])) {
			rc = change(u, client_fields[i].col, old[i], v[i]);
			u->changes++;
		}
	/* product lines: what was ticked against what was stored */
	struct dbres lines;
	if (rc == DB_OK)
		rc = db_exec(r->db, r->a, Q_PRODUCT_LINES_OF, &lines, "i", u->id);
	for (size_t i = 0; rc == DB_OK && i < lines.nrows; i++) {
		int kept = 0;
		for (size_t k = 0; k < u->lines->count; k++)
			if (strcmp(u->lines->all[k], dbres_get(&lines, i, 0)) == 0)
				kept = 1;
		if (!kept) {
			rc = db_exec(r->db, r->a, Q_PRODUCT_LINE_DELETE, NULL, "is", u->id, dbres_get(&lines, i, 0));
			if (rc == DB_OK)
				rc = change(u, "product_lines",
					     class_label(r, dbres_int(&lines, i, 0)), NULL);
			u->changes++;
		}
	}
	for (size_t k = 0; rc == DB_OK && k < u->lines->count; k++) {
		const char *line = u->lines->all[k];
		int had = 0;
		for (size_t i = 0; i < lines.nrows; i++)
			if (strcmp(line, dbres_get(&lines, i, 0)) == 0)
				had = 1;
		if (!had) {
			rc = db_exec(r->db, r->a, Q_PRODUCT_LINE_ADD, NULL, "is", u->id, line);
			if (rc == DB_OK)
				rc = change(u, "product_lines", NULL, class_label(r, text_id(line)));
			u->changes++;
		}
	}
	if (rc == DB_OK && (!text_same(old[CF_name], v[CF_name]) || !text_same(old[CF_short_name], v[CF_short_name])))
		rc = grams_sync(r, u->id, 0, v[CF_name], v[CF_short_name]);
	if (rc == DB_OK && u->changes == 0)
		return TXN_NO_CHANGES;           /* nothing changed: roll back the version bump */
	return rc;
}

/* Someone saved the card after this form was opened: the page shows, for
 * every field where the card now differs from what this user sends, their
 * value and this user's, keeps the typing, and carries the card's new
 * version, so saving again puts this user's version on top of theirs. */
static int edit_conflict(struct req *r, struct update_ctx *u, enum via via)
{
	struct dbres *fresh = arena_alloc(r->a, sizeof *fresh);
	int st = card_load(r, u->id, fresh);
	if (st != 0)
		return st;
	/* what the form did not send is now the card's current value */
	const char **mine = arena_alloc(r->a, CF__COUNT * sizeof *mine);
	card_validate(r, mine, fresh);
	size_t k = 0;
	for (int i = 0; i < CF__COUNT; i++) {
		const char *theirs = fresh->rows[0][1 + i];
		if (text_same(theirs, mine[i]))
			continue;
		const char *p = arena_printf(r->a, "Conflict.%zu", k++);
		view_set(r, arena_printf(r->a, "%s.field", p),
			 lang_text(r, arena_printf(r->a, "client.f.%s", client_fields[i].col)));
		view_set(r, arena_printf(r->a, "%s.theirs", p), card_display(r, i, theirs));
		view_set(r, arena_printf(r->a, "%s.yours", p), card_display(r, i, mine[i]));
	}
	view_set(r, "Form.values.version", dbres_get(fresh, 0, CARD_VERSION));
	view_set(r, "Page.error_message", lang_text(r, "client.stale_merge"));
	return edit_page(r, 409, fresh, via, mine);
}

int clients_update(struct req *r)
{
	struct dbres card;
	enum via via;
	int st = edit_open(r, &card, &via);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct update_ctx u;
	memset(&u, 0, sizeof u);
	u.r = r;
	u.card = &card;
	u.id = dbres_int(&card, 0, CARD_ID);
	u.values = arena_alloc(r->a, CF__COUNT * sizeof *u.values);
	int ok = card_validate(r, u.values, &card);
	if (u.values[CF_lifecycle] && strcmp(u.values[CF_lifecycle], "former") == 0 &&
	    !text_same(card.rows[0][1 + CF_lifecycle], "former")) {
		form_error(r, "lifecycle", "client.former_needs_approval");
		ok = 0;
	}
	enum { EF_REASON, EF_EVENT, EF_VERSION, EF_LINES, EF__N };
	static const struct form_field edit_fields[EF__N] = {
		[EF_REASON] = { .name = "_reason", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
		[EF_EVENT] = { .name = "_event_on", .type = FT_DATE },
		[EF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
		[EF_LINES] = { .name = "product_lines", .type = FT_ID, .flags = FORM_MULTI },
	};
	struct form_value v[EF__N];
	ok &= FORM_READ(r, edit_fields, v);
	if (v[EF_VERSION].text == NULL)
		return 400;
	u.reason = v[EF_REASON].text;
	u.event_on = v[EF_EVENT].text != NULL && *v[EF_EVENT].text ? v[EF_EVENT].text : day_text(r, 0);
	if (strcmp(u.event_on, day_text(r, 0)) > 0) {
		form_error(r, "_event_on", "client.event_in_future");
		ok = 0;
	}
	u.version = v[EF_VERSION].n;
	u.lines = &v[EF_LINES];
	if (!view_form_chosen_lines(r, u.lines))
		ok = 0;
	if (!ok)
		return edit_page(r, 422, &card, via, u.values);
	int rc = db_txn(r->db, update_txn, &u);
	if (rc == TXN_NO_CHANGES) {
		resp_flash(r, "no_changes");
		return resp_redirect(r, arena_printf(r->a, "/clients/%lld", u.id));
	}
	if (rc == DB_CONFLICT && !u.dupes)
		return edit_conflict(r, &u, via);
	if (rc == DB_CONFLICT) {
		view_set(r, "Page.error_message", lang_text(r, "client.duplicate"));
		return edit_page(r, 409, &card, via, u.values);
	}
	if (rc == DB_DUPLICATE) {
		form_error(r, "credit_code", "client.duplicate_code");
		return edit_page(r, 409, &card, via, u.values);
	}
	if (rc != DB_OK && db_status(rc) == 503)         /* read-only, full or not answering: the typing kept */
		return edit_page(r, form_unsaved(r, rc), &card, via, u.values);
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld", u.id));
}

/* ---- key persons -------------------------------------------------------------- */

static int person_page(struct req *r, int status, const struct dbres *card, enum via via)
{
	view_bookkeeping(r, card, via);
	if (card_sees_notes(via))
		view_set(r, "Can.notes", "1");
	view_set(r, "Page.title", dbres_get(card, 0, 1 + CF_name));
	return render(r, status, "clients/client_person.cs");
}

/* Reads the person form (column names as field names) into v; 1 when valid.
 * Notes are kept as they were when the editor may not read them. */
static int person_form(struct req *r, const char **v, enum via via, const struct dbres *old)
{
	struct form_value fv[PERSON_COLS];
	int sees_notes = card_sees_notes(via);
	int ok = form_read(r, person_fields, sees_notes ? PERSON_COLS : PERSON_NOTES, fv);
	for (int c = 0; c < PERSON_NOTES; c++)
		v[c] = fv[c].text;
	v[PERSON_NOTES] = sees_notes ? fv[PERSON_NOTES].text : old ? dbres_get(old, 0, 1 + PERSON_NOTES) : "";
	return ok;
}

struct person_ctx {
	struct req *r;
	long long client_id, person_id;
	const char **v;
	const struct dbres *old;
	const char *reason;
	int remove;
	const char *name, *short_name;
};

static int person_txn(void *arg)
{
	struct person_ctx *p = arg;
	struct req *r = p->r;
	int rc;
	if (p->remove) {
		rc = db_exec(r->db, r->a, Q_PERSON_REMOVE, NULL, "ii", p->person_id, p->client_id);
		if (rc == DB_OK)
			rc = history(r, p->client_id, p->person_id, "person.removed", dbres_get(p->old, 0, 1), NULL,
				     p->reason);
	} else if (p->old == NULL) {
		struct dbres res;
		const char **v = p->v;
		rc = db_exec(r->db, r->a, Q_PERSON_INSERT, &res, "isssssss", p->client_id, v[0], v[1], v[2], v[3],
			     v[4], v[5], v[6]);
		p->person_id = (long long)res.insert_id;
		if (rc == DB_OK)
			rc = history(r, p->client_id, p->person_id, "person.added", NULL, v[0], p->reason);
	} else {
		const char **v = p->v;
		rc = db_exec(r->db, r->a, Q_PERSON_UPDATE, NULL, "sssssssii", v[0], v[1], v[2], v[3], v[4], v[5],
			     v[6], p->person_id, p->client_id);
		for (int c = 0; c < PERSON_COLS && rc == DB_OK; c++)
			if (!text_same(dbres_get(p->old, 0, 1 + c), v[c]))
				rc = history(r, p->client_id, p->person_id,
					     arena_printf(r->a, "person.%s", person_fields[c].name),
					     dbres_get(p->old, 0, 1 + c), v[c], p->reason);
	}
	if (rc == DB_OK)
		rc = grams_sync(r, p->client_id, 0, p->name, p->short_name);
	return rc;
}

/* GET/POST /clients/{id}/persons/new and /clients/{id}/persons/{pid} */
static int person_handle(struct req *r, int posting)
{
	struct dbres card, old;
	enum via via;
	int st = edit_open(r, &card, &via);
	if (st != 0)
		return st < 0 ? 0 : st;
	struct person_ctx p;
	memset(&p, 0, sizeof p);
	p.r = r;
	p.client_id = dbres_int(&card, 0, CARD_ID);
	p.name = dbres_get(&card, 0, 1 + CF_name);
	p.short_name = dbres_get(&card, 0, 1 + CF_short_name);
	if (r->args[1] != NULL) {
		p.person_id = r->ids[1];
		if (db_exec(r->db, r->a, Q_PERSON_GET, &old, "ii", p.person_id, p.client_id) != DB_OK)
			return db_fail(r);
		if (old.nrows != 1)
			return 404;
		p.old = &old;
		view_set_int(r, "Person.id", p.person_id);
	}
	if (!posting) {
		if (p.old != NULL) {
			for (int c = 0; c < PERSON_COLS; c++)
				if (c < PERSON_COLS - 1 || card_sees_notes(via))
					view_set(r, arena_printf(r->a, "Form.values.%s", person_fields[c].name),
						 dbres_get(&old, 0, 1 + c));
		}
		return person_page(r, 200, &card, via);
	}
	enum { PF_REASON, PF_REMOVE, PF__N };
	static const struct form_field change_fields[PF__N] = {
		[PF_REASON] = { .name = "_reason", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
		[PF_REMOVE] = { .name = "remove", .type = FT_BOOL },        /* the button of an existing person */
	};
	struct form_value v[PF__N];
	int ok = FORM_READ(r, change_fields, v);
	p.v = arena_alloc(r->a, PERSON_COLS * sizeof *p.v);
	p.remove = p.old != NULL && v[PF_REMOVE].n;
	if (!p.remove && !person_form(r, p.v, via, p.old))
		ok = 0;
	p.reason = v[PF_REASON].text;
	if (!ok)
		return person_page(r, 422, &card, via);
	int rc = db_txn(r->db, person_txn, &p);
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "saved");
	return resp_redirect(r, arena_printf(r->a, "/clients/%lld", p.client_id));
}

int clients_person_form(struct req *r) { return person_handle(r, 0); }
int clients_person_save(struct req *r) { return person_handle(r, 1); }
