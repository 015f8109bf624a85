/* clients_import.c — import of client cards from CSV (UTF-8 with or without
 * BOM, or GBK as Chinese Excel writes it) and export of the current list.
 *
 * Import: upload → the file is checked row by row and shown as a preview
 * (nothing registered yet; the text is kept with the import) → commit
 * registers the valid rows, in small transactions, each row checked again
 * and through the same duplicate check as the form → the rejected rows can be
 * downloaded as CSV with the reason in a last column → the whole import can
 * be undone (its cards are hidden, with a history row each).
 *
 * Columns are matched by the database column name (name, phone, …) or by the
 * field's label in either language (客户名称, Name, …); choices may be given by
 * code or label; classification items by code or name. Optional columns
 * person_name, person_title, person_mobile, person_email add a key person. */
#include "clients.h"
#include "core/csv.h"
#include "core/log.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define IMPORT_MAX_ROWS 5000
#define IMPORT_BATCH 100
#define EXPORT_MAX 20000

static const char *const person_import_cols[] = { "person_name", "person_title", "person_mobile", "person_email" };
#define NPCOLS 4

/* ---- header mapping ------------------------------------------------------------ */

struct mapping {
	int field[128];          /* column → client field index, or -1 */
	int person[128];         /* column → person column index, or -1 */
	size_t ncols;
	const char *ignored;     /* comma-separated headers that matched nothing */
};

static int header_matches(struct req *r, const char *h, const char *col, const char *key)
{
	if (strcasecmp(h, col) == 0)
		return 1;
	for (int l = 0; l < 2; l++) {
		const char *label = hdf_get_value(r->w->lang[l], key, NULL);
		if (label != NULL && strcmp(h, label) == 0)
			return 1;
	}
	return 0;
}

static void map_header(struct req *r, const struct csv_row *head, struct mapping *m)
{
	struct buf ign;
	buf_init(&ign);
	m->ncols = head->ncols < 128 ? head->ncols : 128;
	for (size_t c = 0; c < m->ncols; c++) {
		char *h = arena_strdup(r->a, head->cols[c]);
		/* trim spaces and a BOM Excel may leave on the first header */
		if (strncmp(h, "\xEF\xBB\xBF", 3) == 0)
			h += 3;
		while (*h == ' ')
			h++;
		for (size_t n = strlen(h); n > 0 && h[n - 1] == ' '; n--)
			h[n - 1] = '\0';
		m->field[c] = m->person[c] = -1;
		for (int i = 0; i < CF__COUNT && m->field[c] < 0; i++)
			if (header_matches(r, h, client_fields[i].col,
					   arena_printf(r->a, "client.f.%s", client_fields[i].col)))
				m->field[c] = i;
		for (int k = 0; k < NPCOLS && m->field[c] < 0 && m->person[c] < 0; k++)
			if (header_matches(r, h, person_import_cols[k],
					   arena_printf(r->a, "client.import.%s", person_import_cols[k])))
				m->person[c] = k;
		if (m->field[c] < 0 && m->person[c] < 0 && *h)
			buf_printf(&ign, "%s%s", ign.len ? ", " : "", h);
	}
	m->ignored = arena_strdup(r->a, buf_cstr(&ign));
	buf_free(&ign);
}

/* ---- cell values → stored values ---------------------------------------------------- */

struct row_ctx {
	struct req *r;
	const struct mapping *m;
	const struct csv_row *row;
};

/* A choice or classification item given by its label becomes its code/id. */
static const char *canonical(struct req *r, int fi, const char *cell)
{
	const struct client_field *f = &client_fields[fi];
	if (*cell == '\0')
		return cell;
	if (f->type == F_ENUM) {
		for (int k = 0; f->choices[k] != NULL; k++)
			if (header_matches(r, cell, f->choices[k],
					   arena_printf(r->a, "client.opt.%s.%s", f->col, f->choices[k])))
				return f->choices[k];
	} else if (f->type == F_CLASS || f->type == F_GRADE) {
		long long id = f->type == F_GRADE ? grade_by_name(r, cell) : class_by_name(r, f->kind, cell);
		if (id > 0)
			return arena_printf(r->a, "%lld", id);
	}
	return cell;
}

static const char *row_get(void *ctx, const char *col)
{
	struct row_ctx *x = ctx;
	const char *v = "";
	for (size_t c = 0; c < x->m->ncols && c < x->row->ncols; c++) {
		int fi = x->m->field[c];
		if (fi >= 0 && strcmp(client_fields[fi].col, col) == 0)
			v = canonical(x->r, fi, x->row->cols[c]);
	}
	/* an absent or empty cell takes the form's default */
	if (*v == '\0' && strcmp(col, "card_type") == 0)
		return "dealer";
	if (*v == '\0' && strcmp(col, "lifecycle") == 0)
		return "prospect";
	return v;
}

/* One checked row: the values to store, its key person, or why it is refused. */
struct checked {
	const char **values;
	const char *person[PERSON_COLS];
	int has_person;
	const char *error;        /* NULL when the row can be registered */
	const char *dupe_owner, *dupe_date;
};

struct seen {
	const char **keys;
	size_t n, cap;
};

static int seen_add(struct req *r, struct seen *s, const char *key)
{
	if (*key == '\0')
		return 0;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->keys[i], key) == 0)
			return 1;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		const char **k = arena_alloc(r->a, s->cap * sizeof *k);
		if (s->n)
			memcpy(k, s->keys, s->n * sizeof *k);
		s->keys = k;
	}
	s->keys[s->n++] = key;
	return 0;
}

/* Checks one row: fields, key person, duplicates in the archive and earlier
 * in the same file. */
static void check_row(struct req *r, const struct mapping *m, const struct csv_row *row, struct seen *seen,
		      struct checked *out)
{
	memset(out, 0, sizeof *out);
	out->values = arena_alloc(r->a, CF__COUNT * sizeof *out->values);
	struct row_ctx ctx = { r, m, row };
	struct card_errors errs;
	memset(&errs, 0, sizeof errs);
	if (!card_check(r, row_get, &ctx, out->values, NULL, &errs)) {
		struct buf b;
		buf_init(&b);
		for (size_t i = 0; i < errs.n; i++)
			buf_printf(&b, "%s%s: %s", i ? "; " : "",
				   lang_text(r, arena_printf(r->a, "client.f.%s", errs.col[i])), errs.msg[i]);
		out->error = arena_strdup(r->a, buf_cstr(&b));
		buf_free(&b);
		return;
	}
	if (out->values[CF_lifecycle] && strcmp(out->values[CF_lifecycle], "former") == 0) {
		out->error = lang_text(r, "client.former_needs_approval");
		return;
	}
	static const size_t pmax[] = { 100, 100, 50, 190 };
	for (size_t c = 0; c < m->ncols && c < row->ncols; c++)
		if (m->person[c] >= 0 && *row->cols[c]) {
			int k = m->person[c];
			if (utf8_len(row->cols[c]) > pmax[k] || strpbrk(row->cols[c], "\r\n")) {
				out->error = lang_text(r, "client.person_field_invalid");
				return;
			}
			/* import columns name, title, mobile, email → person columns 0, 1, 3, 4 */
			static const int to_person[] = { 0, 1, 3, 4 };
			out->person[to_person[k]] = row->cols[c];
			out->has_person = 1;
		}
	if (out->has_person) {
		for (int k = 0; k < PERSON_COLS; k++)
			if (out->person[k] == NULL)
				out->person[k] = "";
		if (*out->person[0] == '\0') {
			out->error = lang_text(r, "client.person_name_required");
			return;
		}
	}
	/* duplicates: the archive first (earliest registration wins), then the file */
	const char **v = out->values;
	struct dup_keys k;
	dup_keys_of(r, v, &k);
	struct dbres d;
	if (dupes_of(r, 0, &k, &d) == DB_OK && d.nrows > 0) {
		out->error = lang_text(r, "client.import.dupe_archive");
		out->dupe_owner = dbres_get(&d, 0, 2);
		out->dupe_date = dbres_get(&d, 0, 3);
		return;
	}
	int again = seen_add(r, seen, arena_printf(r->a, "n:%s", k.norm));
	again |= seen_add(r, seen, *k.digits ? arena_printf(r->a, "p:%s", k.digits) : "");
	again |= seen_add(r, seen, v[CF_credit_code] ? arena_printf(r->a, "c:%s", v[CF_credit_code]) : "");
	if (again)
		out->error = lang_text(r, "client.import.dupe_file");
}

/* ---- parse an upload or a stored import ------------------------------------------------ */

static int parse_text(struct req *r, const char *text, size_t len, struct csv_table *t, const char **why)
{
	struct csv_limits lim = { IMPORT_MAX_ROWS + 1, 128, 10000 };
	size_t line = 0;
	int rc = csv_parse(r->a, text, len, &lim, t, &line);
	if (rc == CSV_OK && t->nrows < 2)
		rc = CSV_MALFORMED, line = 1;
	if (rc != CSV_OK) {
		*why = arena_printf(r->a, "%s (%s %zu)", lang_text(r, arena_printf(r->a, "client.import.err%d", -rc)),
				    lang_text(r, "client.import.line"), line);
		return -1;
	}
	return 0;
}

static void view_imports(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_IMPORT_MINE, &res, "i", r->user->id) != DB_OK)
		return;
	static const char *cols[] = { "id", "at", "status", "filename", "encoding", "rows_total", "rows_added",
				      "rows_rejected", "committed_at", "undone_at", NULL };
	for (size_t i = 0; i < res.nrows; i++)
		view_row(r, arena_printf(r->a, "Imports.%zu", i), cols, &res, i);
}

static int import_page(struct req *r, int status)
{
	view_imports(r);
	static const char *cols[] = { "name", "card_type", "short_name", "credit_code", "phone", "address", "lifecycle", NULL };
	for (int i = 0; cols[i]; i++) {
		view_set(r, arena_printf(r->a, "Columns.%d.col", i), cols[i]);
		view_set(r, arena_printf(r->a, "Columns.%d.label", i), lang_text(r, arena_printf(r->a, "client.f.%s", cols[i])));
	}
	view_set(r, "Page.title", lang_text(r, "client.import.title"));
	return render(r, status, "clients/client_import.cs");
}

int clients_import_form(struct req *r)
{
	return import_page(r, 200);
}

/* 1 when one of the columns is the client's name (without it nothing can be registered). */
static int has_name_column(const struct mapping *m)
{
	for (size_t c = 0; c < m->ncols; c++)
		if (m->field[c] == CF_name)
			return 1;
	return 0;
}

/* Checks the rows of an import and shows what would happen to each; the counts are kept
 * with the preview, so the list of imports shows them before the commit. */
static void preview_rows(struct req *r, const struct csv_table *t, const struct mapping *m, size_t *okp, size_t *badp)
{
	struct seen seen = { 0 };
	size_t ok = 0, bad = 0;
	for (size_t i = 1; i < t->nrows; i++) {
		struct checked c;
		check_row(r, m, &t->rows[i], &seen, &c);
		const char *p = arena_printf(r->a, "Rows.%zu", i - 1);
		view_set_int(r, arena_printf(r->a, "%s.line", p), (long long)t->rows[i].line);
		view_set(r, arena_printf(r->a, "%s.name", p), c.values[CF_name] ? c.values[CF_name] : "");
		if (c.error) {
			bad++;
			view_set(r, arena_printf(r->a, "%s.error", p), c.error);
			if (c.dupe_owner) {
				view_set(r, arena_printf(r->a, "%s.dupe_owner", p), c.dupe_owner);
				view_set(r, arena_printf(r->a, "%s.dupe_date", p), c.dupe_date);
			}
		} else {
			ok++;
		}
	}
	*okp = ok;
	*badp = bad;
}

int clients_import_upload(struct req *r)
{
	const struct param *file = params_find(&r->form, "file");
	if (file == NULL || file->filename == NULL || file->len == 0) {
		form_error(r, "file", "client.import.no_file");
		return import_page(r, 422);
	}
	const char *text, *enc;
	size_t len;
	int rc = csv_to_utf8(r->a, file->value, file->len, &text, &len, &enc);
	if (rc != CSV_OK) {
		form_error(r, "file", rc == CSV_UTF16 ? "client.import.utf16" : "client.import.encoding");
		return import_page(r, 422);
	}
	struct csv_table t;
	const char *why;
	if (parse_text(r, text, len, &t, &why) != 0) {
		view_set(r, "Page.error_message", why);
		return import_page(r, 422);
	}
	struct mapping *m = arena_alloc(r->a, sizeof *m);
	map_header(r, &t.rows[0], m);
	if (!has_name_column(m)) {
		view_set(r, "Page.error_message", lang_text(r, "client.import.no_name_column"));
		return import_page(r, 422);
	}
	if (t.nrows - 1 > IMPORT_MAX_ROWS) {
		view_set(r, "Page.error_message", arena_printf(r->a, "%s %d", lang_text(r, "client.import.too_many"), IMPORT_MAX_ROWS));
		return import_page(r, 413);
	}
	const char *now = r->now_text;
	const char *fname = utf8_len(file->filename) > 200 ? "upload.csv" : file->filename;
	size_t ok, bad;
	preview_rows(r, &t, m, &ok, &bad);
	struct dbres res;
	if (db_write(r->db, r->a, Q_IMPORT_INSERT, &res, "isssiiis", r->user->id, now, fname, enc,
		    (long long)(t.nrows - 1), (long long)ok, (long long)bad, text) != DB_OK)
		return db_fail(r);
	view_set_int(r, "Preview.id", (long long)res.insert_id);
	view_set_int(r, "Preview.ok", (long long)ok);
	view_set_int(r, "Preview.bad", (long long)bad);
	view_set_int(r, "Preview.total", (long long)(t.nrows - 1));
	view_set(r, "Preview.ignored", m->ignored);
	return import_page(r, 200);
}

/* Loads an import of the signed-in user; 0 or an HTTP status. */
static int own_import(struct req *r, struct dbres *imp)
{
	if (db_exec(r->db, r->a, Q_IMPORT_GET, imp, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (imp->nrows != 1)
		return 404;
	if (dbres_int(imp, 0, 1) != r->user->id)
		return 403;
	return 0;
}

/* An import is committed in batches of IMPORT_BATCH rows, one transaction
 * each: the first also claims the import (a second click finds it no longer
 * a preview), the last also writes its counts, its rejected rows and its
 * audit row. An import of one batch is thus all or nothing. */
struct commit_ctx {
	struct req *r;
	long long import_id;
	const struct csv_table *t;
	struct checked *rows;
	size_t n;                 /* rows in the file */
	size_t from, to;
	size_t added;             /* by the batches before this one */
	size_t batch_added;
	int *conflict;            /* per row: refused at insert time */
};

/* The rejected rows with the header and a last column saying why, into out;
 * returns how many. */
static size_t rejected_rows(struct commit_ctx *c, struct buf *out)
{
	struct req *r = c->r;
	const struct csv_table *t = c->t;
	csv_write_bom(out);
	const char **cells = arena_alloc(r->a, (t->rows[0].ncols + 2) * sizeof *cells);
	for (size_t k = 0; k < t->rows[0].ncols; k++)
		cells[k] = t->rows[0].cols[k];
	cells[t->rows[0].ncols] = lang_text(r, "client.import.why");
	csv_write_row(out, cells, t->rows[0].ncols + 1);
	size_t rejected = 0;
	for (size_t i = 0; i < c->n; i++) {
		const char *error = c->conflict[i] ? lang_text(r, "client.import.dupe_archive") : c->rows[i].error;
		if (error == NULL)
			continue;
		rejected++;
		const struct csv_row *row = &t->rows[i + 1];
		const char **rc = arena_alloc(r->a, (t->rows[0].ncols + 2) * sizeof *rc);
		for (size_t k = 0; k < t->rows[0].ncols; k++)
			rc[k] = k < row->ncols ? row->cols[k] : "";
		rc[t->rows[0].ncols] = c->rows[i].dupe_owner && !c->conflict[i]
			? arena_printf(r->a, "%s (%s, %s)", error, c->rows[i].dupe_owner, c->rows[i].dupe_date)
			: error;
		csv_write_row(out, rc, t->rows[0].ncols + 1);
	}
	return rejected;
}

static int commit_batch(void *arg)
{
	struct commit_ctx *c = arg;
	struct req *r = c->r;
	int rc;
	if (c->from == 0) {
		struct dbres claim;
		if ((rc = db_exec(r->db, r->a, Q_IMPORT_CLAIM, &claim, "si", r->now_text, c->import_id)) != DB_OK)
			return rc;
		if (claim.affected == 0)
			return DB_CONFLICT;
	}
	c->batch_added = 0;
	for (size_t i = c->from; i < c->to; i++) {
		struct checked *k = &c->rows[i];
		c->conflict[i] = 0;
		if (k->error)
			continue;
		const char *const (*persons)[PERSON_COLS] = (const char *const (*)[PERSON_COLS])&k->person;
		struct new_client n = { k->values, "personal", persons, (size_t)k->has_person, NULL, 0,
					c->import_id, lang_key(r, "client.history.imported", 1, arena_printf(r->a, "%lld", c->import_id)) };
		long long id;
		rc = client_insert(r, &n, &id);
		if (rc == DB_CONFLICT || rc == DB_DUPLICATE) {
			c->conflict[i] = 1;     /* registered meanwhile by someone else */
			continue;
		}
		if (rc != DB_OK)
			return rc;
		c->batch_added++;
	}
	if (c->to < c->n)
		return DB_OK;
	struct buf out;
	buf_init(&out);
	size_t added = c->added + c->batch_added, rejected = rejected_rows(c, &out);
	rc = out.failed ? DB_ERROR
			: db_exec(r->db, r->a, Q_IMPORT_FINISH, NULL, "iisi", (long long)added, (long long)rejected,
				  rejected ? buf_cstr(&out) : NULL, c->import_id);
	buf_free(&out);
	if (rc == DB_OK)
		rc = audit(r, "clients.imported", "import", c->import_id,
			   arena_printf(r->a, "%zu added, %zu rejected", added, rejected));
	return rc;
}

int clients_import_commit(struct req *r)
{
	struct dbres imp;
	int st = own_import(r, &imp);
	if (st != 0)
		return st;
	if (strcmp(dbres_get(&imp, 0, IM_STATUS), "preview") != 0) {
		resp_flash(r, "import_already");
		return resp_redirect(r, "/clients/import");
	}
	const char *text = dbres_get(&imp, 0, IM_CONTENT);
	struct csv_table t;
	const char *why;
	if (parse_text(r, text, strlen(text), &t, &why) != 0)
		return 500;                   /* it parsed at upload */
	struct mapping *m = arena_alloc(r->a, sizeof *m);
	map_header(r, &t.rows[0], m);
	size_t n = t.nrows - 1;
	struct checked *rows = arena_alloc(r->a, (n + 1) * sizeof *rows);
	struct seen seen = { 0 };
	for (size_t i = 0; i < n; i++)
		check_row(r, m, &t.rows[i + 1], &seen, &rows[i]);
	struct commit_ctx c = { r, dbres_int(&imp, 0, 0), &t, rows, n, 0, 0, 0, 0,
				arena_alloc(r->a, (n + 1) * sizeof(int)) };
	size_t from = 0;
	do {
		c.from = from;
		c.to = from + IMPORT_BATCH < n ? from + IMPORT_BATCH : n;
		int rc = db_txn(r->db, commit_batch, &c);
		if (rc == DB_CONFLICT) {              /* claimed meanwhile by a second click */
			resp_flash(r, "import_already");
			return resp_redirect(r, "/clients/import");
		}
		if (rc != DB_OK) {
			log_msg("rid=%s import %lld stopped at row %zu", r->rid, c.import_id, from);
			return db_fail(r);
		}
		c.added += c.batch_added;
		from = c.to;
	} while (from < n);
	resp_flash(r, "import_done");
	return resp_redirect(r, "/clients/import");
}

int clients_import_rejected(struct req *r)
{
	struct dbres res;
	if (db_exec(r->db, r->a, Q_IMPORT_REJECTED, &res, "ii", r->ids[0], r->user->id) != DB_OK)
		return db_fail(r);
	if (res.nrows != 1 || res.rows[0][0] == NULL)
		return 404;
	buf_reset(&r->body);
	buf_puts(&r->body, dbres_get(&res, 0, 0));
	resp_attachment(r, "text/csv; charset=utf-8", arena_printf(r->a, "rejected-%s.csv", r->args[0]));
	return 0;
}

struct undo_ctx {
	struct req *r;
	long long id;
	size_t hidden;
};

static int undo_txn(void *arg)
{
	struct undo_ctx *u = arg;
	struct req *r = u->r;
	const char *now = r->now_text;
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_IMPORT_UNDO, &res, "sii", now, r->user->id, u->id);
	if (rc != DB_OK)
		return rc;
	if (res.affected == 0)
		return DB_CONFLICT;
	struct dbres clients;
	if ((rc = db_exec(r->db, r->a, Q_IMPORT_CLIENTS, &clients, "i", u->id)) != DB_OK)
		return rc;
	u->hidden = 0;
	const char *reason = lang_key(r, "client.history.import_undone", 1, arena_printf(r->a, "%lld", u->id));
	for (size_t i = 0; i < clients.nrows && rc == DB_OK; i++) {
		long long cid = dbres_int(&clients, i, 0);
		rc = db_exec(r->db, r->a, Q_CLIENT_HIDE, NULL, "si", now, cid);
		if (rc == DB_OK)
			rc = client_history_add(r, cid, 0, "deleted", NULL, now, r->user->id, reason);
		u->hidden++;
	}
	if (rc == DB_OK)
		rc = audit(r, "clients.import_undone", "import", u->id, arena_printf(r->a, "%zu hidden", u->hidden));
	return rc;
}

int clients_import_undo(struct req *r)
{
	struct dbres imp;
	int st = own_import(r, &imp);
	if (st != 0)
		return st;
	struct undo_ctx u = { r, dbres_int(&imp, 0, 0), 0 };
	int rc = db_txn(r->db, undo_txn, &u);
	if (rc == DB_CONFLICT) {
		resp_flash(r, "import_not_undoable");
		return resp_redirect(r, "/clients/import");
	}
	if (rc != DB_OK)
		return db_fail(r);
	resp_flash(r, "import_undone");
	return resp_redirect(r, "/clients/import");
}
