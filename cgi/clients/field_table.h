/* client_fields.h — the fields of a client card, declared once: the SQL
 * column lists (queries.h), validation, history, forms, the card page, print
 * and CSV all follow this table. Form field names are the column names. */
#ifndef DOSSIER_CLIENT_FIELDS_H
#define DOSSIER_CLIENT_FIELDS_H
#include <stddef.h>

enum ftype {
	F_TEXT,        /* one line, max characters */
	F_LONGTEXT,    /* several lines */
	F_ENUM,        /* one of choices */
	F_DATE,        /* YYYY-MM-DD */
	F_MONEY,       /* up to 14 digits and 2 decimals, not negative */
	F_AMOUNT,      /* like money, may be negative (receivables) */
	F_INT,         /* whole number 0 … 1e9 */
	F_CLASS,       /* id of a class_items row of kind `kind` */
	F_GRADE,       /* id of a grade */
	F_EMAIL,
	F_PHONE,
	F_URL,
	F_CREDIT,      /* unified social credit code, GB 32100 */
	F_POSTCODE,    /* six digits */
	F_CLIENT,      /* id of another client (referrer) */
};

enum fflag {
	FF_REQUIRED = 1,
	FF_CONTROLLED = 2,   /* changes only through an approval request */
	FF_CREATE_ONLY = 4,  /* set when registering, read-only afterwards */
};

/* X(column, type, max characters, section, flags, kind or choices): F_CLASS
 * names its kind ("industry"), F_ENUM lists its stored values, CHOICES(…). */
#define CHOICES(...) .choices = (const char *const[]){ __VA_ARGS__, NULL }
#define CLIENT_FIELDS(X) \
	X(card_type, F_ENUM, 0, 1, FF_REQUIRED, CHOICES("dealer", "end")) \
	X(name, F_TEXT, 200, 1, FF_REQUIRED, NULL) \
	X(short_name, F_TEXT, 100, 1, 0, NULL) \
	X(credit_code, F_CREDIT, 18, 1, 0, NULL) \
	X(legal_rep, F_TEXT, 100, 1, 0, NULL) \
	X(org_form, F_ENUM, 0, 1, 0, CHOICES("state", "private", "foreign", "individual", "government", "other")) \
	X(industry_id, F_CLASS, 0, 1, 0, "industry") \
	X(registered_capital, F_MONEY, 0, 1, 0, NULL) \
	X(founded_on, F_DATE, 0, 1, 0, NULL) \
	X(first_trade_on, F_DATE, 0, 1, 0, NULL) \
	X(address, F_TEXT, 300, 1, 0, NULL) \
	X(postcode, F_POSTCODE, 6, 1, 0, NULL) \
	X(region_id, F_CLASS, 0, 1, 0, "region") \
	X(phone, F_PHONE, 50, 1, 0, NULL) \
	X(fax, F_PHONE, 50, 1, 0, NULL) \
	X(email, F_EMAIL, 190, 1, 0, NULL) \
	X(website, F_URL, 300, 1, 0, NULL) \
	X(employees, F_INT, 0, 1, 0, NULL) \
	X(annual_sales, F_MONEY, 0, 1, 0, NULL) \
	X(source, F_ENUM, 0, 1, 0, CHOICES("visit", "referral", "exhibition", "web", "phone", "other")) \
	X(referrer_id, F_CLIENT, 0, 1, 0, NULL) \
	X(service_area, F_LONGTEXT, 5000, 3, 0, NULL) \
	X(sales_capacity, F_LONGTEXT, 5000, 3, 0, NULL) \
	X(potential, F_LONGTEXT, 5000, 3, 0, NULL) \
	X(philosophy, F_LONGTEXT, 5000, 3, 0, NULL) \
	X(management, F_LONGTEXT, 5000, 3, 0, NULL) \
	X(sales_results, F_LONGTEXT, 5000, 4, 0, NULL) \
	X(staff_quality, F_LONGTEXT, 5000, 4, 0, NULL) \
	X(competitor_relations, F_LONGTEXT, 5000, 4, 0, NULL) \
	X(cooperation_attitude, F_LONGTEXT, 5000, 4, 0, NULL) \
	X(sales_activity, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(problems, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(strengths, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(strategy, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(reputation, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(credit_status, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(credit_rating, F_TEXT, 16, 5, 0, NULL) \
	X(credit_limit, F_MONEY, 0, 5, 0, NULL) \
	X(payment_terms, F_TEXT, 200, 5, 0, NULL) \
	X(receivables, F_AMOUNT, 0, 5, 0, NULL) \
	X(credit_problems, F_LONGTEXT, 5000, 5, 0, NULL) \
	X(nature_id, F_CLASS, 0, 6, 0, "nature") \
	X(lifecycle, F_ENUM, 0, 6, FF_REQUIRED, CHOICES("prospect", "new", "established", "problem", "former")) \
	X(size, F_ENUM, 0, 6, 0, CHOICES("large", "medium", "small")) \
	X(profitability, F_ENUM, 0, 6, 0, CHOICES("high", "reasonable", "micro", "loss")) \
	X(grade_id, F_GRADE, 0, 6, FF_CONTROLLED | FF_CREATE_ONLY, NULL) \
	X(tags, F_TEXT, 300, 6, 0, NULL) \
	X(first_contact_on, F_DATE, 0, 7, 0, NULL)

enum client_field_id {
#define X(col, type, max, section, flags, extra) CF_##col,
	CLIENT_FIELDS(X)
#undef X
	CF__COUNT
};

struct client_field {
	const char *col;
	enum ftype type;
	size_t max;
	int section;
	unsigned flags;
	const char *kind;              /* F_CLASS: the classification kind */
	const char *const *choices;    /* F_ENUM: the stored values, NULL-terminated */
};

extern const struct client_field client_fields[CF__COUNT];

/* "card_type, name, …" — the columns in table order, for SELECT lists. */
#define X_COL(col, type, max, section, flags, extra) #col ", "
#define CLIENT_COLS CLIENT_FIELDS(X_COL)
/* The same, each of table c ("c.card_type, …"), for a SELECT that joins others. */
#define X_CCOL(col, type, max, section, flags, extra) "c." #col ", "
/* "card_type = ?, …" for UPDATE; "?, " × count for INSERT. */
#define X_SET(col, type, max, section, flags, extra) #col " = ?, "
#define X_Q(col, type, max, section, flags, extra) "?, "

#endif
