/* form.c — declared input (form.h): a form's fields read against their
 * table, and the rules every value of the program is checked by. */
#include "form.h"
#include <stdio.h>
#include <string.h>

/* ---- the rules ---------------------------------------------------------------- */

int form_email_ok(const char *v)
{
	const char *at = strchr(v, '@');
	return at != NULL && at > v && strchr(at + 1, '@') == NULL && strchr(at + 1, '.') != NULL &&
	       strpbrk(v, " \t<>\"(),;:") == NULL && at[strlen(at) - 1] != '.';
}

int form_choice_index(const char *const *choices, const char *v)
{
	for (int i = 0; v != NULL && choices != NULL && choices[i] != NULL; i++)
		if (strcmp(v, choices[i]) == 0)
			return i;
	return -1;
}

/* n digits at p as a number, or -1 when one of them is not a digit. */
static int digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

int form_date_ok(const char *v)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	int y = digits(v, 4), m = digits(v + 5, 2), d = digits(v + 8, 2);
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int form_datetime(const char *v, char *out)
{
	size_t n = strlen(v);
	if ((n != 16 && n != 19) || (v[10] != ' ' && v[10] != 'T') || v[13] != ':' || (n == 19 && v[16] != ':'))
		return -1;
	char day[11];
	memcpy(day, v, 10);
	day[10] = '\0';
	int h = digits(v + 11, 2), m = digits(v + 14, 2), s = n == 19 ? digits(v + 17, 2) : 0;
	if (!form_date_ok(day) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
		return -1;
	snprintf(out, 20, "%s %02d:%02d:%02d", day, h, m, s);
	return 0;
}

int form_number(const char *v, long long min, long long max, long long *out)
{
	const char *p = v + (*v == '-');
	size_t n = strlen(p);
	if (n == 0 || n > 18 || strspn(p, "0123456789") != n)
		return -1;
	long long x = 0;
	for (; *p; p++)
		x = x * 10 + (*p - '0');
	if (*v == '-')
		x = -x;
	if (x < min || x > max)
		return -1;
	*out = x;
	return 0;
}

/* ---- one value -------------------------------------------------------------------- */

static const char *type_error(enum form_type t)
{
	switch (t) {
	case FT_NUMBER: return "form.bad_number";
	case FT_ID:
	case FT_CHOICE:
	case FT_BOOL: return "form.bad_choice";
	case FT_EMAIL: return "form.bad_email";
	case FT_DATE: return "form.bad_date";
	case FT_DATETIME: return "form.bad_datetime";
	case FT_TEXT:
	case FT_LONGTEXT:
	case FT_PASSWORD: break;
	}
	return "form.bad_chars";
}

const char *form_check(struct req *r, const struct form_field *f, const char *v, struct form_value *out)
{
	out->text = NULL;
	out->n = f->type == FT_CHOICE ? -1 : 0;
	const char *wrong = f->error ? f->error : type_error(f->type);
	if (f->type == FT_BOOL) {
		if (v == NULL || strcmp(v, "0") == 0) {
			out->text = "0";
		} else if (strcmp(v, "1") == 0 || strcmp(v, "on") == 0) {
			out->text = "1";
			out->n = 1;
		} else {
			return lang_text(r, wrong);
		}
		return NULL;
	}
	if (v == NULL)
		v = "";
	if ((f->flags & FORM_REQUIRED) && v[strspn(v, " \t\r\n")] == '\0')
		return lang_text(r, "form.required");
	if (*v == '\0') {
		out->text = "";                 /* empty: no number, no choice, no date */
		return NULL;
	}
	if (f->max != 0 && utf8_len(v) > f->max)
		return arena_printf(r->a, "%s %zu", lang_text(r, "form.too_long"), f->max);
	if (f->type != FT_LONGTEXT && f->type != FT_PASSWORD && strpbrk(v, "\r\n\t") != NULL)
		return lang_text(r, "form.one_line");
	int ok = 1;
	char when[20];
	switch (f->type) {
	case FT_TEXT:
		ok = (f->chars == NULL || strspn(v, f->chars) == strlen(v)) &&
		     (f->min <= 0 || utf8_len(v) >= (size_t)f->min);
		break;
	case FT_LONGTEXT:
	case FT_PASSWORD:
		break;
	case FT_NUMBER:
		ok = form_number(v, f->min, f->max_value, &out->n) == 0;
		break;
	case FT_ID:
		ok = (out->n = text_id(v)) > 0;
		break;
	case FT_CHOICE:
		ok = (out->n = form_choice_index(f->choices, v)) >= 0;
		break;
	case FT_EMAIL:
		ok = form_email_ok(v);
		break;
	case FT_DATE:
		ok = form_date_ok(v);
		break;
	case FT_DATETIME:
		if ((ok = form_datetime(v, when) == 0))
			v = arena_strdup(r->a, when);
		break;
	case FT_BOOL:
		break;
	}
	if (!ok) {
		out->n = f->type == FT_CHOICE ? -1 : 0;
		return lang_text(r, wrong);
	}
	out->text = v;
	return NULL;
}

/* ---- a whole form ------------------------------------------------------------------- */

const char **form_all(struct req *r, const char *name, size_t *count)
{
	const char **all = arena_alloc(r->a, (r->form.n + 1) * sizeof *all);
	size_t k = 0;
	for (size_t i = 0; i < r->form.n; i++)
		if (r->form.v[i].filename == NULL && strcmp(r->form.v[i].name, name) == 0)
			all[k++] = r->form.v[i].value;
	*count = k;
	return all;
}

void form_refuse(struct req *r, const char *name, const char *message)
{
	view_set(r, arena_printf(r->a, "Form.errors.%s", name), message);
	view_set(r, "Form.invalid", "1");
}

/* A repeated field: each value echoed and checked; the non-empty ones kept. */
static int read_multi(struct req *r, const struct form_field *f, struct form_value *out)
{
	size_t n;
	const char **sent = form_all(r, f->name, &n);
	memset(out, 0, sizeof *out);
	out->all = arena_alloc(r->a, (n + 1) * sizeof *out->all);
	const char *message = NULL;
	long long bits = 0;
	for (size_t k = 0; k < n; k++) {
		view_set(r, arena_printf(r->a, "Form.values.%s.%zu", f->name, k), sent[k]);
		struct form_value one;
		struct form_field each = *f;
		each.flags &= ~(unsigned)FORM_REQUIRED;
		const char *m = form_check(r, &each, sent[k], &one);
		if (m != NULL) {
			if (message == NULL)
				message = m;
			continue;
		}
		if (*one.text == '\0')
			continue;
		out->all[out->count++] = one.text;
		if (f->type == FT_CHOICE && one.n < 63)
			bits |= 1LL << one.n;
	}
	out->n = f->type == FT_CHOICE ? bits : 0;        /* the values that passed, even when refused */
	if (message == NULL && out->count == 0 && (f->flags & FORM_REQUIRED))
		message = lang_text(r, "form.required");
	if (message != NULL) {
		form_refuse(r, f->name, message);
		return 0;
	}
	out->text = out->count > 0 ? out->all[0] : "";
	return 1;
}

int form_read(struct req *r, const struct form_field *fields, size_t n, struct form_value *out)
{
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		const struct form_field *f = &fields[i];
		if (f->flags & FORM_MULTI) {
			ok &= read_multi(r, f, &out[i]);
			continue;
		}
		const struct param *p = params_find(&r->form, f->name);
		const char *v = p != NULL && p->filename == NULL ? p->value : NULL;
		memset(&out[i], 0, sizeof out[i]);
		const char *message = form_check(r, f, v, &out[i]);
		if (f->type != FT_PASSWORD)
			view_set(r, arena_printf(r->a, "Form.values.%s", f->name),
				 f->type == FT_BOOL && out[i].text != NULL ? out[i].text : v ? v : "");
		if (message != NULL) {
			form_refuse(r, f->name, message);
			ok = 0;
		}
	}
	return ok;
}
