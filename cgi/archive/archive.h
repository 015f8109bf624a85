/* archive.h — the archive domain (DESIGN.md §6): items filed for a client
 * into yearly volumes, their numbers, the filing and borrowing approvals, and
 * the archivist's check-out desk with its register. */
#ifndef DOSSIER_ARCHIVE_H
#define DOSSIER_ARCHIVE_H
#include "core/app.h"
#include <stddef.h>

/* What an archive number is made of (number.c). */
struct archive_number {
	long long client;            /* the client's number: {client} = C%06lld */
	int year;                    /* {year} */
	const char *type;            /* the type's code: {type} */
	long long seq;               /* {seq} = %03lld, {seq4} = %04lld */
	const char *fonds;           /* {fonds} */
	const char *retention;       /* permanent, 30, 10, 3: {retention} = Y, D30, D10, D3 */
	const char *org;             /* the filer's department code: {org} */
};
/* Writes pattern with its {fields} replaced into out (size bytes). 0, or -1
 * when an unknown field is named or out is too small. Pure. */
int archive_number_format(const char *pattern, const struct archive_number *n, char *out, size_t size);

/* The loan a secrecy level allows (DESIGN.md §6): seconds out (0: never
 * taken out), whether it is read in the reading room, and whether it may be
 * asked at all. Pure. */
struct secrecy_rule {
	const char *level;           /* ordinary, secret, confidential, top_secret */
	long loan_secs;              /* ordinary 7 days, secret 4 hours, else 0 */
	int reading_only;            /* confidential */
	int refused;                 /* top secret: no request at all */
};
const struct secrecy_rule *archive_secrecy(const char *level);

/* items.c */
int archive_submit_form(struct req *r);   /* GET  /clients/{id}/archive/new */
int archive_submit(struct req *r);        /* POST /clients/{id}/archive */
int archive_item_show(struct req *r);     /* GET  /archive/items/{id} */
int archive_waiting(struct req *r);       /* GET  /archive/placing */
int archive_place(struct req *r);         /* POST /archive/items/{id}/place */
int archive_volume(struct req *r);        /* GET  /archive/volumes/{id} */
int archive_card_panel(struct req *r, long long client, unsigned flags, const char *prefix, const struct dbres *items);
/* A volume's number: the client's code and the year, "C000123-2026". */
const char *archive_volume_no(struct req *r, long long client, const char *year);
/* 1 when the signed-in user sees item's client card (or is the archivist); -1 on a db error. */
int archive_may_see(struct req *r, long long client);
/* Loads item id into *it; 0, 404 or 503. */
int archive_item_load(struct req *r, long long id, struct dbres *it);
void archive_view_item(struct req *r, const char *prefix, const struct dbres *it, size_t i);

/* files.c: electronic copies */
int archive_file_upload(struct req *r);   /* POST /archive/items/{id}/files */
int archive_file_download(struct req *r); /* GET  /archive/files/{id} */
int archive_file_view(struct req *r);     /* GET  /archive/files/{id}/view (the reading-room view) */
int archive_file_inline(struct req *r);   /* GET  /archive/files/{id}/inline */
int archive_files_panel(struct req *r, const struct dbres *it);
/* The Office type (DOCX, XLSX MIME) a ZIP's central directory makes, or NULL
 * (also when malformed or declaring too much: *bomb = 1). Pure. */
const char *archive_zip_office(const unsigned char *b, size_t n, int *bomb);
/* The display name of an uploaded file name: no path, no control characters. */
const char *archive_safe_name(arena *a, const char *in);

/* borrow.c */
int archive_borrow_form(struct req *r);   /* GET  /archive/items/{id}/borrow */
int archive_borrow(struct req *r);        /* POST /archive/items/{id}/borrow */

/* desk.c */
int archive_desk(struct req *r);          /* GET  /archive/desk?no= */
int archive_checkout(struct req *r);      /* POST /archive/desk/checkout */
int archive_return(struct req *r);        /* POST /archive/desk/return */
int archive_out(struct req *r);           /* GET  /archive/out */
int archive_overdue(struct req *r);       /* GET  /archive/overdue (the desk; a manager: their borrowers') */
long long archive_loans_root(struct req *r);
struct dashboard_scope;
int archive_dashboard(struct req *r, const struct dashboard_scope *s, const char *prefix);
int archive_register(struct req *r);      /* GET  /archive/register */
int archive_mark_overdue(struct req *r, long long *n);     /* dossier cron */
/* remind.c: overdue loans remind the borrower, then their managers; the digest's section */
int archive_remind_overdue(struct req *r, long long *n);   /* dossier cron */
int archive_loan_still_out(struct req *r, const char *subject_ref, long long recipient);
struct digest_section;
int archive_digest(struct req *r, long long user, const char *since, struct digest_section *out);
/* destroy.c: retention, destruction batches (approval "archive_destroy"), the register, the legal hold */
int archive_retention(struct req *r);     /* GET  /archive/retention */
int archive_batch_create(struct req *r);  /* POST /archive/retention */
int archive_batch_show(struct req *r);    /* GET  /archive/destruction/{id} */
int archive_batch_record(struct req *r);  /* POST /archive/destruction/{id}/record */
int archive_batch_confirm(struct req *r); /* POST /archive/destruction/{id}/confirm */
int archive_destruction_register(struct req *r);   /* GET /archive/destruction */
int archive_hold_form(struct req *r);     /* GET  /clients/{id}/legal-hold */
int archive_hold(struct req *r);          /* POST /clients/{id}/legal-hold */
int archive_retention_count(struct req *r, long long *n);   /* dossier cron */
struct request_row;
int archive_apply_destroy(struct req *r, const struct request_row *rq, long long decider, const char **why);
int archive_batch_detail(struct req *r, const struct request_row *rq);
const char *archive_batch_value_text(struct req *r, const char *field, const char *value);
int archive_close_reading(struct req *r, long long *n);    /* dossier cron */
void archive_view_loan(struct req *r, const char *prefix, const struct dbres *res, size_t i);

/* labels.c */
int archive_labels(struct req *r);        /* GET  /archive/labels?items=1,2 | volume= | box= */
/* What an item's barcode encodes: no when it is printable ASCII, else "#id". Pure. */
const char *archive_barcode_text(arena *a, const char *no, long long id);

/* periods.c: the filing periods (seed 000 五.1) */
struct archive_period {
	char start[24];              /* its first day, YYYY-MM-DD */
	char end[24];                /* the next period's first day */
	const char *kind;            /* "quarterly" or "annual" */
	int year;                    /* the year of its first day */
	int filing_year;             /* the year it collects: the year before in January and February */
};
/* The period day (YYYY-MM-DD) falls in; 0, or -1 for a malformed day. Pure. */
int archive_period_of(const char *day, struct archive_period *p);
/* The period just before p into out (out may be p); 0 or -1. Pure. */
int archive_period_before(const struct archive_period *p, struct archive_period *out);
int archive_periods(struct req *r);       /* GET  /archive/periods?start=&dept= */
int archive_period_remind(struct req *r, long long *n);    /* dossier cron */
int archive_period_needed(struct req *r, const char *subject_ref, long long recipient);

/* admin.c */
int archive_admin(struct req *r);         /* GET  /admin/archive */
int archive_admin_type(struct req *r);    /* POST /admin/archive/types */
int archive_admin_location(struct req *r);   /* POST /admin/archive/locations */

#endif
