/* form.h — declared input: every form is a table of its fields (name, type,
 * limits, required or not, choices), read in one call. A handler never sees a
 * value that did not pass; a refused form is shown again with what was typed
 * (Form.values.<name>) and one message per field (Form.errors.<name>).
 *
 *	enum { PF_NOTE, PF_VERSION, PF__N };
 *	static const struct form_field progress_form[PF__N] = {
 *		[PF_NOTE] = { .name = "note", .type = FT_TEXT, .max = 500, .flags = FORM_REQUIRED },
 *		[PF_VERSION] = { .name = "version", .type = FT_ID, .flags = FORM_REQUIRED },
 *	};
 *	struct form_value v[PF__N];
 *	if (!FORM_READ(r, progress_form, v))
 *		return render(r, 422, …);
 *	… v[PF_NOTE].text, v[PF_VERSION].n …
 *
 * The checks are also offered one value at a time (form_check) and as plain
 * rules (form_email_ok, form_choice_index, …) for records that are not forms:
 * the card's fields, import rows. There is one rule of each in the program. */
#ifndef DOSSIER_FORM_H
#define DOSSIER_FORM_H
#include "app.h"

enum form_type {
	FT_TEXT,        /* one line: no CR, LF or TAB */
	FT_LONGTEXT,    /* several lines */
	FT_NUMBER,      /* a whole number in [min, max_value]: optional '-', up to 18 digits */
	FT_ID,          /* a row id: 1 … 10^18 − 1 (text_id) */
	FT_CHOICE,      /* one of choices (NULL-terminated) */
	FT_EMAIL,       /* name@host.domain (form_email_ok) */
	FT_BOOL,        /* a checkbox: absent or "0" is 0, "1" or "on" is 1 */
	FT_DATE,        /* YYYY-MM-DD, a day that exists, years 1900–2100 */
	FT_DATETIME,    /* YYYY-MM-DD HH:MM (a 'T' may stand for the space; ":SS" may follow) */
	FT_PASSWORD,    /* taken as typed: neither trimmed nor echoed */
};

enum form_flag {
	FORM_REQUIRED = 1,   /* empty, or only spaces, is refused */
	FORM_MULTI = 2,      /* the field repeats (checkboxes, a multiple select): every value is checked */
};

struct form_field {
	const char *name;
	enum form_type type;
	size_t max;                   /* characters (not bytes) at most; 0: only the request's limit */
	unsigned flags;               /* enum form_flag */
	long long min, max_value;     /* FT_NUMBER: the range; FT_TEXT: min is the fewest characters */
	const char *const *choices;   /* FT_CHOICE: the values allowed, NULL-terminated */
	const char *chars;            /* FT_TEXT: the only (ASCII) characters allowed; NULL: any */
	const char *error;            /* language key for a value of the wrong form (instead of the type's) */
};

/* One field as read. Refused: text is NULL (and the message is set). */
struct form_value {
	const char *text;      /* the value, "" when empty; FT_DATETIME as "YYYY-MM-DD HH:MM:SS" */
	long long n;           /* FT_NUMBER, FT_ID: the number (0 when empty); FT_BOOL: 0 or 1;
	                        * FT_CHOICE: the index in choices (-1 when empty), with
	                        * FORM_MULTI the chosen indexes as bits (1 << index) */
	const char **all;      /* FORM_MULTI: every value sent, in order */
	size_t count;
};

/* Reads the POSTed form against fields[0..n) into out[0..n): echoes every
 * value into Form.values.<name> (passwords excepted; repeated fields as
 * Form.values.<name>.<k>), and for each value refused sets
 * Form.errors.<name> to the message in the request's language and
 * Form.invalid. File parts of a multipart form are not values. Returns 1
 * when every field passed, else 0. */
int form_read(struct req *r, const struct form_field *fields, size_t n, struct form_value *out);
#define FORM_READ(r, fields, out) form_read((r), (fields), sizeof(fields) / sizeof((fields)[0]), (out))

/* Checks one value v (NULL: absent) against f into *out, setting nothing in
 * the dataset. Returns NULL when it passes, else the message to show (in r's
 * language). FORM_MULTI is the caller's business. */
const char *form_check(struct req *r, const struct form_field *f, const char *v, struct form_value *out);

/* Form.errors.<name> = message (in the request's language already) and
 * Form.invalid: a refusal form_check gave for a value read otherwise. */
void form_refuse(struct req *r, const char *name, const char *message);

/* Every text value of the repeated POST field name, in order ("count" of them;
 * file parts are left out). For groups of fields that repeat together (the
 * key persons of a registration), each then checked with form_check. */
const char **form_all(struct req *r, const char *name, size_t *count);

/* ---- the rules, one of each ---- */
/* 1 when v is an e-mail address: one '@' with something before it, a dot in
 * the host, which does not end in a dot; no spaces, quotes, <>(),;: */
int form_email_ok(const char *v);
/* The index of v in the NULL-terminated choices, or -1. */
int form_choice_index(const char *const *choices, const char *v);
/* 1 when v is YYYY-MM-DD, a day that exists, in the years 1900–2100. */
int form_date_ok(const char *v);
/* "YYYY-MM-DD HH:MM[:SS]" or with 'T' for the space → "YYYY-MM-DD HH:MM:SS"
 * in out (20 bytes). 0, or -1 when v is not such a time. */
int form_datetime(const char *v, char *out);
/* v as a whole number in [min, max] (optional '-', 1 to 18 digits, nothing
 * else) into *out. 0, or -1. */
int form_number(const char *v, long long min, long long max, long long *out);

#endif
