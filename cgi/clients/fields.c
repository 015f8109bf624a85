/* fields.c — validation and display of card fields, driven by the
 * table in client_fields.h; the classification lists they refer to. */
#include "clients.h"
#include "sql.h"
#include "core/form.h"
#include "core/people.h"
#include "core/log.h"
#include "normalize.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct class_item {
	long long id, parent;
	const char *kind, *code, *name_zh, *name_en;
	int disabled;
};

struct class_lists {
	size_t n, ngrades;
	struct class_item *items;
	struct class_item *grades;       /* kind = NULL; code; parent unused */
	const char **grade_quota;
	arena *mem;                      /* where the lists live */
	long long version;               /* data_version("classes") they were read at */
};

/* The lists this worker read last, kept across requests while their version
 * holds (an admin edit bumps it: classes.c). */
static struct class_lists *cached;
static const char classes_key;

/* The lists read into a (a worker's own arena, or the request's). */
static struct class_lists *classes_read(struct req *r, arena *a, long long version)
{
	struct class_lists *c = arena_alloc(a, sizeof *c);
	c->mem = a;
	c->version = version;
	struct dbres res;
	int ok = db_exec(r->db, r->a, Q_CLASS_ALL, &res, "") == DB_OK;
	if (ok) {
		c->n = res.nrows;
		c->items = arena_alloc(a, (c->n + 1) * sizeof *c->items);
		for (size_t i = 0; i < res.nrows; i++) {
			struct class_item *it = &c->items[i];
			it->id = dbres_int(&res, i, 0);
			it->kind = arena_strdup(a, dbres_get(&res, i, CA_KIND));
			it->parent = dbres_int(&res, i, CA_PARENT);
			it->code = arena_strdup(a, dbres_get(&res, i, CA_CODE));
			it->name_zh = arena_strdup(a, dbres_get(&res, i, CA_NAME_ZH));
			it->name_en = arena_strdup(a, dbres_get(&res, i, CA_NAME_EN));
			it->disabled = (int)dbres_int(&res, i, CA_DISABLED);
		}
	}
	if (ok && (ok = db_exec(r->db, r->a, Q_GRADES_ALL, &res, "") == DB_OK)) {
		c->ngrades = res.nrows;
		c->grades = arena_alloc(a, (c->ngrades + 1) * sizeof *c->grades);
		c->grade_quota = arena_alloc(a, (c->ngrades + 1) * sizeof *c->grade_quota);
		for (size_t i = 0; i < res.nrows; i++) {
			c->grades[i].id = dbres_int(&res, i, 0);
			c->grades[i].code = arena_strdup(a, dbres_get(&res, i, GR_CODE));
			c->grades[i].name_zh = arena_strdup(a, dbres_get(&res, i, GR_NAME_ZH));
			c->grades[i].name_en = arena_strdup(a, dbres_get(&res, i, GR_NAME_EN));
			c->grade_quota[i] = res.rows[i][GR_QUOTA] ? arena_strdup(a, res.rows[i][GR_QUOTA]) : NULL;
		}
	}
	if (!ok)
		c->version = -1;             /* read again next time */
	return c;
}

/* The classification lists and grades: the worker's copy when its version is
 * current, else read again (and kept unless the version is unknown). One
 * answer per request, so a page never mixes two versions. */
static struct class_lists *classes(struct req *r)
{
	struct class_lists *c = req_cache_get(r, &classes_key);
	if (c != NULL)
		return c;
	long long version = data_version(r, "classes");
	if (cached != NULL && version >= 0 && cached->version == version) {
		c = cached;
	} else if (version < 0) {
		c = classes_read(r, r->a, version);          /* not signed in: for this request only */
	} else {
		c = classes_read(r, arena_new(), version);
		if (c->version < 0) {                         /* a read failed: not kept */
			arena *mem = c->mem;
			c = classes_read(r, r->a, -1);
			arena_free(mem);
		} else {
			if (cached != NULL)
				arena_free(cached->mem);
			cached = c;
		}
	}
	req_cache_put(r, &classes_key, c);
	return c;
}

static const char *localized(struct req *r, const struct class_item *it)
{
	return strcmp(r->lang, "en") == 0 ? it->name_en : it->name_zh;
}

const char *class_label(struct req *r, long long id)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].id == id)
			return localized(r, &c->items[i]);
	return "";
}

int quota_fits(const char *pct, long long n, long long total)
{
	return pct == NULL || (double)n * 100.0 <= atof(pct) * (double)total;
}

const char *quota_sentence(struct req *r, long long grade, const char *pct, const char *count_key, long long n,
			   long long total)
{
	return arena_printf(r->a, "%s %s (%s %s%%, %s %lld / %lld)", lang_text(r, "request.quota_broken"),
			    grade_label(r, grade), lang_text(r, "request.quota"), pct, lang_text(r, count_key), n, total);
}

const char *grade_label(struct req *r, long long id)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->ngrades; i++)
		if (c->grades[i].id == id)
			return localized(r, &c->grades[i]);
	return "";
}

static const struct class_item *class_find(struct req *r, const char *kind, long long id)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].id == id && strcmp(c->items[i].kind, kind) == 0)
			return &c->items[i];
	return NULL;
}

long long class_by_name(struct req *r, const char *kind, const char *name)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->n; i++) {
		const struct class_item *it = &c->items[i];
		if (strcmp(it->kind, kind) == 0 && (strcasecmp(name, it->code) == 0 || strcmp(name, it->name_zh) == 0 ||
						    strcasecmp(name, it->name_en) == 0))
			return it->id;
	}
	return 0;
}

long long grade_by_name(struct req *r, const char *name)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->ngrades; i++)
		if (strcasecmp(name, c->grades[i].code) == 0 || strcmp(name, c->grades[i].name_zh) == 0 ||
		    strcasecmp(name, c->grades[i].name_en) == 0)
			return c->grades[i].id;
	return 0;
}

int class_valid(struct req *r, const char *kind, const char *id)
{
	return class_find(r, kind, text_id(id)) != NULL;
}

/* Grades that may be given when registering: those without a quota. */
static int grade_open(struct req *r, long long id)
{
	struct class_lists *c = classes(r);
	for (size_t i = 0; i < c->ngrades; i++)
		if (c->grades[i].id == id)
			return c->grade_quota[i] == NULL;
	return 0;
}

void view_class_choices(struct req *r, const char *kind)
{
	struct class_lists *c = classes(r);
	size_t k = 0;
	if (strcmp(kind, "grade") == 0) {
		for (size_t i = 0; i < c->ngrades; i++, k++) {
			const char *p = arena_printf(r->a, "Choices.grade.%zu", k);
			view_set_int(r, arena_printf(r->a, "%s.id", p), c->grades[i].id);
			view_set(r, arena_printf(r->a, "%s.label", p), localized(r, &c->grades[i]));
			if (c->grade_quota[i] == NULL)
				view_set(r, arena_printf(r->a, "%s.open", p), "1");
		}
		return;
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct class_item *it = &c->items[i];
		if (strcmp(it->kind, kind) != 0 || it->disabled)
			continue;
		const char *p = arena_printf(r->a, "Choices.%s.%zu", kind, k++);
		view_set_int(r, arena_printf(r->a, "%s.id", p), it->id);
		/* a sub-item (city, nature subtype) shows under its parent */
		const char *label = localized(r, it);
		if (it->parent) {
			const struct class_item *up = class_find(r, kind, it->parent);
			if (up != NULL)
				label = arena_printf(r->a, "%s / %s", localized(r, up), label);
		}
		view_set(r, arena_printf(r->a, "%s.label", p), label);
	}
}

/* ---- validation ------------------------------------------------------------ */

/* Money as people type it (normalize.c); returns the plain value with two decimals. */
static const char *money(struct req *r, const char *v, int negative_ok)
{
	char out[40];
	return money_parse(v, negative_ok, out, sizeof out) ? arena_strdup(r->a, out) : NULL;
}

static int phone_valid(const char *v)
{
	size_t digits = 0;
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!strchr(" +-()/转extEXT", *p) && (unsigned char)*p < 0x80)
			return 0;
	}
	return digits >= 5;
}

/* Reports a field error: into the page's form (Form.errors) or into an
 * error list (import rows). */
struct field_sink {
	struct req *r;
	struct card_errors *list;     /* NULL: the page's form */
};

static void sink_error(struct field_sink *k, const char *col, const char *msg)
{
	struct req *r = k->r;
	if (k->list == NULL) {
		form_refuse(r, col, msg);
		return;
	}
	struct card_errors *e = k->list;
	if (e->n < sizeof e->col / sizeof e->col[0]) {
		e->col[e->n] = col;
		e->msg[e->n] = msg;
		e->n++;
	}
}

/* A card field as a declared form field: text, long text, choice, date,
 * whole number and e-mail are core/form.c's types; the card's own (money,
 * phone, URL, credit code, postcode, ids) are one-line text there and then
 * checked by their rule in card_check. */
static struct form_field as_form_field(const struct client_field *f)
{
	struct form_field ff = { .name = f->col, .type = FT_TEXT, .max = f->max,
				 .flags = (f->flags & FF_REQUIRED) ? FORM_REQUIRED : 0 };
	switch (f->type) {
	case F_LONGTEXT:
		ff.type = FT_LONGTEXT;
		break;
	case F_ENUM:
		ff.type = FT_CHOICE;
		ff.choices = f->choices;
		break;
	case F_DATE:
		ff.type = FT_DATE;
		break;
	case F_INT:
		ff.type = FT_NUMBER;
		ff.max_value = 1000000000;
		break;
	case F_EMAIL:
		ff.type = FT_EMAIL;
		break;
	default:
		break;
	}
	return ff;
}

int card_check(struct req *r, const char *(*get)(void *ctx, const char *col), void *ctx,
	       const char **values, const struct dbres *old, struct card_errors *errors)
{
	struct field_sink sink = { r, errors };
	int ok = 1;
	for (int i = 0; i < CF__COUNT; i++) {
		const struct client_field *f = &client_fields[i];
		/* an edit keeps what the form did not show (and what only approvals change) */
		if (old != NULL && ((f->flags & FF_CREATE_ONLY) || get(ctx, f->col) == NULL ||
				    card_choice_by_approval(i, old->rows[0][1 + i]))) {
			const char *v = old->rows[0][1 + i];
			values[i] = v;
			if (errors == NULL)
				view_set(r, arena_printf(r->a, "Form.values.%s", f->col), v ? v : "");
			continue;
		}
		const char *v = get(ctx, f->col);
		if (v == NULL)
			v = "";
		if (errors == NULL)
			view_set(r, arena_printf(r->a, "Form.values.%s", f->col), v);
		/* empty: "" for the text columns (NOT NULL), NULL for dates, numbers, choices */
		int texty = f->type == F_TEXT || f->type == F_LONGTEXT || f->type == F_PHONE ||
			    f->type == F_EMAIL || f->type == F_URL || f->type == F_POSTCODE;
		values[i] = texty ? "" : NULL;
		/* required, length, one line and the declared types: core/form.c's rules */
		struct form_field ff = as_form_field(f);
		struct form_value fv;
		const char *message = form_check(r, &ff, v, &fv);
		if (message != NULL) {
			sink_error(&sink, f->col, message);
			ok = 0;
			continue;
		}
		if (*v == '\0')
			continue;
		/* the card's own types */
		const char *store = v, *err = NULL;
		long long n;
		switch (f->type) {
		case F_MONEY:
		case F_AMOUNT:
			if ((store = money(r, v, f->type == F_AMOUNT)) == NULL)
				err = "form.bad_money";
			break;
		case F_CLASS:
			if (class_find(r, f->kind, text_id(v)) == NULL)
				err = "form.bad_choice";
			break;
		case F_GRADE:
			n = text_id(v);
			if (n == 0 || *grade_label(r, n) == '\0')
				err = "form.bad_choice";
			else if (!grade_open(r, n))
				err = "client.grade_needs_approval";
			break;
		case F_PHONE:
			if (!phone_valid(v))
				err = "form.bad_phone";
			break;
		case F_URL:
			if ((strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0) || strpbrk(v, " \"<>") != NULL)
				err = "form.bad_url";
			break;
		case F_CREDIT: {
			char *up = arena_strdup(r->a, v);
			for (char *p = up; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			if (!credit_code_valid(up))
				err = "client.bad_credit_code";
			store = up;
			break;
		}
		case F_POSTCODE:
			if (strlen(v) != 6 || strspn(v, "0123456789") != 6)
				err = "form.bad_postcode";
			break;
		case F_CLIENT: {
			n = text_id(v);
			struct dbres res;
			if (n == 0 || db_exec(r->db, r->a, Q_CLIENT_EXISTS, &res, "i", n) != DB_OK || res.nrows == 0)
				err = "client.bad_referrer";
			break;
		}
		case F_TEXT:
		case F_LONGTEXT:
		case F_ENUM:
		case F_DATE:
		case F_INT:
		case F_EMAIL:
			break;                       /* checked by form_check */
		}
		if (err != NULL) {
			sink_error(&sink, f->col, lang_text(r, err));
			ok = 0;
			continue;
		}
		values[i] = store;
	}
	if (ok && !card_type_fits_nature(r, values[CF_card_type], values[CF_nature_id])) {
		const char *msg = arena_printf(r->a, "%s: %s, %s: %s — %s", lang_text(r, "client.f.card_type"),
					       card_display(r, CF_card_type, values[CF_card_type]),
					       lang_text(r, "client.f.nature_id"),
					       card_display(r, CF_nature_id, values[CF_nature_id]),
					       lang_text(r, "client.type_nature_disagree"));
		sink_error(&sink, client_fields[CF_card_type].col, msg);
		if (errors == NULL)                  /* the page marks both fields */
			sink_error(&sink, client_fields[CF_nature_id].col, msg);
		ok = 0;
	}
	return ok;
}

/* Individual consumers (nature "individual" and its subtypes) are end
 * customers (seed 000): a dealer card cannot have that nature. */
int card_type_fits_nature(struct req *r, const char *card_type, const char *nature_id)
{
	if (card_type == NULL || strcmp(card_type, "dealer") != 0 || nature_id == NULL || *nature_id == '\0')
		return 1;
	for (const struct class_item *it = class_find(r, "nature", text_id(nature_id)); it != NULL;
	     it = it->parent ? class_find(r, "nature", it->parent) : NULL)
		if (strcmp(it->code, "individual") == 0)
			return 0;
	return 1;
}

/* A value of a choice that only an approval request sets (lifecycle
 * "former"): not offered in the forms, and kept by a save once it is set. */
int card_choice_by_approval(int field, const char *v)
{
	return field == CF_lifecycle && v != NULL && strcmp(v, "former") == 0;
}

/* A card form: the referring client as chosen by name, the rest as POSTed. */
struct form_src {
	struct req *r;
	const char *referrer;    /* NULL: the form did not show it */
};

/* The value of a card field (the first sent, never a file part), or NULL. */
static const char *form_get(void *ctx, const char *col)
{
	struct form_src *src = ctx;
	if (src->referrer != NULL && strcmp(col, client_fields[CF_referrer_id].col) == 0)
		return src->referrer;
	size_t n;
	const char **sent = form_all(src->r, col, &n);
	return n > 0 ? sent[0] : NULL;
}

int card_validate(struct req *r, const char **values, const struct dbres *old)
{
	struct form_src src = { r, NULL };
	int chosen = 1;
	if (req_form(r, "referrer_id_q") != NULL) {      /* shown: chosen by name or number */
		long long id;
		chosen = client_choose(r, client_fields[CF_referrer_id].col, &id);
		if (chosen < 0)
			form_error(r, "referrer_id_q", "client.lookup_failed");
		src.referrer = chosen > 0 && id > 0 ? arena_printf(r->a, "%lld", id) : "";
	}
	int ok = card_check(r, form_get, &src, values, old, NULL) && chosen > 0;
	form_find_only(r);                /* "find" saves nothing: only the chooser's message */
	return ok;
}

/* The text a person reads for a stored value. */
const char *card_display(struct req *r, int i, const char *v)
{
	const struct client_field *f = &client_fields[i];
	if (v == NULL || *v == '\0')
		return "";
	switch (f->type) {
	case F_ENUM:
		return lang_text(r, arena_printf(r->a, "client.opt.%s.%s", f->col, v));
	case F_CLASS:
	case F_GRADE: {
		/* an id is shown by its label; a stored text (older history rows) as it is */
		char *end;
		long long id = strtoll(v, &end, 10);
		const char *label = *end == '\0' ? (f->type == F_GRADE ? grade_label(r, id) : class_label(r, id)) : "";
		return *label ? label : v;
	}
	case F_CLIENT: {                     /* the referring client by its name (a stub's: §5) */
		struct dbres res;
		if (db_exec(r->db, r->a, Q_CLIENT_EXISTS, &res, "i", text_id(v)) != DB_OK || res.nrows != 1)
			return arena_printf(r->a, "#%s", v);
		return arena_printf(r->a, "%s (#%s)", dbres_get(&res, 0, 1), v);
	}
	case F_MONEY:
	case F_AMOUNT: {
		/* 1234567.50 → 1,234,567.50 */
		const char *dot = strchr(v, '.');
		size_t ilen = dot ? (size_t)(dot - v) : strlen(v), neg = v[0] == '-';
		struct buf b;
		buf_init(&b);
		for (size_t k = 0; k < ilen; k++) {
			buf_append(&b, v + k, 1);
			size_t left = ilen - k - 1;
			if (k >= neg && left > 0 && left % 3 == 0)
				buf_puts(&b, ",");
		}
		if (dot)
			buf_puts(&b, dot);
		const char *out = arena_strdup(r->a, buf_cstr(&b));
		buf_free(&b);
		return out;
	}
	default:
		return v;
	}
}

static const char *const type_names[] = {
	"text", "longtext", "enum", "date", "money", "money", "int", "class", "grade", "email",
	"phone", "url", "credit", "postcode", "client",
};

void view_card_fields(struct req *r, const char **values, enum fields_view how)
{
	int filled[8] = { 0 };
	char num[24];
	for (int i = 0; i < CF__COUNT; i++) {
		const struct client_field *f = &client_fields[i];
		const char *shown = values != NULL ? card_display(r, i, values[i]) : "";
		if (*shown)
			filled[f->section]++;
		if (how == FIELDS_FILLED && *shown == '\0')
			continue;                    /* the card page shows the filled fields only */
		HDF *node = view_node(r, arena_printf(r->a, "Fields.%d", i));
		view_put(r, node, "label", lang_text(r, arena_printf(r->a, "client.f.%s", f->col)));
		view_put(r, node, "type", type_names[f->type]);
		snprintf(num, sizeof num, "%d", f->section);
		view_put(r, node, "section", num);
		if (values != NULL) {
			view_put(r, node, "value", values[i] ? values[i] : "");
			view_put(r, node, "display", shown);
		}
		if (how != FIELDS_FORM)
			continue;                    /* a page without a form needs neither rules nor choices */
		view_put(r, node, "col", f->col);
		if (f->flags & FF_REQUIRED)
			view_put(r, node, "required", "1");
		if (f->flags & FF_CONTROLLED)
			view_put(r, node, "controlled", "1");
		if (f->max) {
			snprintf(num, sizeof num, "%zu", (size_t)f->max);
			view_put(r, node, "max", num);
		}
		if (f->type == F_ENUM) {
			for (int k = 0, n = 0; f->choices[k] != NULL; k++) {
				if (card_choice_by_approval(i, f->choices[k]))
					continue;        /* asked for, never typed */
				HDF *c = view_node(r, arena_printf(r->a, "Fields.%d.choices.%d", i, n++));
				view_put(r, c, "id", f->choices[k]);
				view_put(r, c, "label", lang_text(r, arena_printf(r->a, "client.opt.%s.%s", f->col, f->choices[k])));
			}
		} else if (f->type == F_CLASS || f->type == F_GRADE) {
			view_put(r, node, "kind", f->type == F_GRADE ? "grade" : f->kind);
		}
	}
	for (int s = 1; s < 8; s++)
		view_set_int(r, arena_printf(r->a, "Sections.s%d", s), filled[s]);
	if (how != FIELDS_FORM)
		return;
	view_class_choices(r, "industry");
	view_class_choices(r, "region");
	view_class_choices(r, "nature");
	view_class_choices(r, "grade");
}

int card_load(struct req *r, long long id, struct dbres *card)
{
	if (db_exec(r->db, r->a, Q_CLIENT_GET, card, "i", id) != DB_OK)
		return db_fail(r);
	if (card->nrows != 1 || card->rows[0][CARD_DELETED_AT] != NULL)
		return 404;
	return 0;
}

struct card_ref card_ref_of(const struct dbres *card)
{
	struct card_ref c = {
		dbres_int(card, 0, CARD_ID), dbres_int(card, 0, CARD_OWNER_ID),
		dbres_int(card, 0, CARD_DEPT_ID), dbres_get(card, 0, CARD_SCOPE),
		(int)dbres_int(card, 0, CARD_IN_POOL),
	};
	return c;
}
