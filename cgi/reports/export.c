/* export.c — a report as CSV (core/csv.h: UTF-8 with BOM, formula cells
 * neutralised, numbers typed) and as XLSX (libxlsxwriter: a sheet per
 * section with typed numbers, percents and dates, a bold frozen header row,
 * an autofilter and columns as wide as their text; a first sheet says what
 * the report is, its filter and how fresh each section is). libxlsxwriter
 * 1.1.4 writes only to a file name: the workbook goes to a memfd through
 * /proc/self/fd/N and is read back into the response. */
#include "reports.h"
#include "sql.h"
#include "core/csv.h"
#include "core/log.h"
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

static const char *filename(struct req *r, const struct report *rep, const struct rfilter *f, const char *ext)
{
	return arena_printf(r->a, "report-%s-%s-%s.%s", rep->name, f->from, f->to, ext);
}

static const char *dept_label(struct req *r, const struct rfilter *f)
{
	if (f->dept == 0)
		return lang_text(r, "report.all_depts");
	struct dbres res;
	if (db_exec(r->db, r->a, Q_RPT_DEPT_NAME, &res, "i", f->dept) != DB_OK || res.nrows == 0)
		return arena_printf(r->a, "%lld", f->dept);
	return dbres_get(&res, 0, 0);
}

static const char *section_title(struct req *r, const struct rsection *s)
{
	return lang_text(r, arena_printf(r->a, "report.sec.%s", s->def->key));
}

/* ---- CSV ---------------------------------------------------------------------------------- */

int reports_csv(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs)
{
	struct buf *b = &r->body;
	csv_write_bom(b);
	const char *head[] = { lang_text(r, arena_printf(r->a, "report.title.%s", rep->title)) };
	csv_write_row(b, head, 1);
	const char *filter[] = { lang_text(r, "report.dept"), dept_label(r, f), lang_text(r, "report.from"), f->from,
				 lang_text(r, "report.to"), f->to };
	csv_write_row(b, filter, 6);
	for (size_t i = 0; i < rep->nsections; i++) {
		const struct rsection *s = &secs[i];
		const struct rsection_def *d = s->def;
		const char *empty[] = { "" };
		csv_write_row(b, empty, 1);
		const char *title[] = { section_title(r, s), lang_text(r, "report.as_of"), s->as_of,
					lang_text(r, "report.rows_limit_export") };
		csv_write_row(b, title, s->more ? 4 : 3);
		const char *cols[RCOLS_MAX];
		int numeric[RCOLS_MAX];
		for (size_t j = 0; j < d->ncols; j++) {
			cols[j] = lang_text(r, arena_printf(r->a, "report.col.%s", d->cols[j].key));
			numeric[j] = d->cols[j].type == COL_INT || d->cols[j].type == COL_PERCENT ||
				     d->cols[j].type == COL_NUMBER;
		}
		csv_write_row(b, cols, d->ncols);
		for (size_t k = 0; k < s->nrows; k++)
			csv_write_row_typed(b, s->cells[k], numeric, d->ncols);
	}
	resp_attachment(r, "text/csv; charset=utf-8", filename(r, rep, f, "csv"));
	return 0;
}

/* ---- XLSX --------------------------------------------------------------------------------- */

/* The compression of the workbook's parts. libxlsxwriter 1.1.4 zips them with
 * minizip at zlib's default level (6), fixed in the library, and deflate is
 * half of its time: a sheet of 20,000 rows of five columns took 210 ms, 150
 * at level 1 (the file 10 % larger). The library calls this function of
 * libminizip through the dynamic linker, so the program's own definition is
 * the one it reaches (the linker exports it, as a shared library refers to
 * it); it calls minizip's with level 1 and everything else as given. Where
 * the library is built with minizip inside (no dynamic reference), this is
 * never called and the files are zipped at level 6. */
#define ZIP_LEVEL 1
int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extra_local,
			    unsigned size_local, const void *extra_global, unsigned size_global, const char *comment,
			    int method, int level, int raw, int window_bits, int mem_level, int strategy,
			    const char *password, unsigned long crc, unsigned long version_made_by,
			    unsigned long flag_base, int zip64);
int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extra_local,
			    unsigned size_local, const void *extra_global, unsigned size_global, const char *comment,
			    int method, int level, int raw, int window_bits, int mem_level, int strategy,
			    const char *password, unsigned long crc, unsigned long version_made_by,
			    unsigned long flag_base, int zip64)
{
	static __typeof__(zipOpenNewFileInZip4_64) *next;
	if (next == NULL)
		*(void **)&next = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
	if (next == NULL)
		return -104;   /* minizip's ZIP_INTERNALERROR: workbook_close reports it */
	return next(file, filename, zipfi, extra_local, size_local, extra_global, size_global, comment, method,
		    level == 0 ? 0 : ZIP_LEVEL, raw, window_bits, mem_level, strategy, password, crc, version_made_by,
		    flag_base, zip64);
}

/* Display width of UTF-8 s: two for a character beyond U+1100 (CJK), else one. */
static size_t text_width(const char *s)
{
	size_t w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		w += *p >= 0xE1 ? 2 : 1;
	}
	return w;
}

/* A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique by its number. */
static const char *sheet_name(struct req *r, size_t i, const char *title)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%zu ", i + 1);
	size_t chars = 2;
	for (const char *p = title; *p && chars < 31; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (chars >= 30)
				break;
			chars++;
		}
		buf_append(&b, strchr("[]:*?/\\'", *p) ? " " : p, 1);
	}
	const char *out = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

static lxw_datetime datetime_of(const char *day)
{
	lxw_datetime t = { 0 };
	sscanf(day, "%d-%d-%d", &t.year, &t.month, &t.day);
	return t;
}

static void write_section(struct req *r, lxw_workbook *wb, lxw_format *bold, lxw_format *date, lxw_format *pct,
			  const struct rsection *s, size_t i)
{
	const struct rsection_def *d = s->def;
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheet_name(r, i, section_title(r, s)));
	if (ws == NULL)
		return;   /* workbook_close reports it */
	size_t width[RCOLS_MAX];
	for (size_t j = 0; j < d->ncols; j++) {
		const char *h = lang_text(r, arena_printf(r->a, "report.col.%s", d->cols[j].key));
		worksheet_write_string(ws, 0, (lxw_col_t)j, h, bold);
		width[j] = text_width(h);
	}
	for (size_t k = 0; k < s->nrows; k++) {
		lxw_row_t row = (lxw_row_t)(k + 1);
		for (size_t j = 0; j < d->ncols; j++) {
			const char *v = s->cells[k][j];
			lxw_col_t col = (lxw_col_t)j;
			size_t w = text_width(cell_display(r, d->cols[j].type, v));
			if (v[0] == '\0')
				continue;
			switch (d->cols[j].type) {
			case COL_INT:
			case COL_NUMBER:
				worksheet_write_number(ws, row, col, strtod(v, NULL), NULL);
				break;
			case COL_PERCENT:
				worksheet_write_number(ws, row, col, strtod(v, NULL), pct);
				break;
			case COL_DATE: {
				lxw_datetime t = datetime_of(v);
				worksheet_write_datetime(ws, row, col, &t, date);
				w = 10;
				break;
			}
			case COL_TEXT:
				worksheet_write_string(ws, row, col, v, NULL);
				break;
			}
			if (w > width[j])
				width[j] = w;
		}
	}
	for (size_t j = 0; j < d->ncols; j++)
		worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, (double)(width[j] < 60 ? width[j] : 60) + 2, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)s->nrows, (lxw_col_t)(d->ncols - 1));
}

int reports_workbook(struct req *r, const char *title, const struct rfilter *f, const struct report *const *reps,
		     struct rsection (*secs)[RSECTIONS_MAX], size_t n, struct buf *out)
{
	int fd = memfd_create("report.xlsx", MFD_CLOEXEC);
	if (fd < 0) {
		log_msg("rid=%s reports: memfd_create failed", r->rid);
		return 500;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	/* rows written in order and freed as they go, strings inline (no shared-string table to search), and
	 * the library's temporary files in memory where /dev/shm is (not on a disk's /tmp): a sheet of 20,000
	 * rows in 150 ms instead of 330 */
	static char shm[] = "/dev/shm";
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = access(shm, W_OK) == 0 ? shm : NULL };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (wb == NULL) {
		close(fd);
		log_msg("rid=%s reports: workbook_new failed", r->rid);
		return 500;
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	lxw_format *pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.0%");

	lxw_worksheet *about = workbook_add_worksheet(wb, lang_text(r, "report.sheet_about"));
	if (about != NULL) {
		worksheet_write_string(about, 0, 0, title, bold);
		worksheet_write_string(about, 1, 0, lang_text(r, "report.dept"), NULL);
		worksheet_write_string(about, 1, 1, dept_label(r, f), NULL);
		lxw_datetime t1 = datetime_of(f->from), t2 = datetime_of(f->to);
		worksheet_write_string(about, 2, 0, lang_text(r, "report.from"), NULL);
		worksheet_write_datetime(about, 2, 1, &t1, date);
		worksheet_write_string(about, 3, 0, lang_text(r, "report.to"), NULL);
		worksheet_write_datetime(about, 3, 1, &t2, date);
		lxw_row_t row = 5;
		for (size_t k = 0; k < n; k++)
			for (size_t i = 0; i < reps[k]->nsections; i++, row++) {
				worksheet_write_string(about, row, 0, section_title(r, &secs[k][i]), NULL);
				worksheet_write_string(about, row, 1,
						       arena_printf(r->a, "%s %s", lang_text(r, "report.as_of"), secs[k][i].as_of),
						       NULL);
				if (secs[k][i].more)
					worksheet_write_string(about, row, 2, lang_text(r, "report.rows_limit_export"), NULL);
			}
		worksheet_set_column(about, 0, 1, 28, NULL);
	}
	size_t sheet = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < reps[k]->nsections; i++)
			write_section(r, wb, bold, date, pct, &secs[k][i], sheet++);
	lxw_error err = workbook_close(wb);
	if (err != LXW_NO_ERROR) {
		log_msg("rid=%s reports: workbook_close: %s", r->rid, lxw_strerror(err));
		close(fd);
		return 500;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size <= 0) {
		close(fd);
		return 500;
	}
	void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return 500;
	buf_append(out, map, (size_t)st.st_size);
	munmap(map, (size_t)st.st_size);
	return out->failed ? 500 : 0;
}

int reports_xlsx(struct req *r, const struct report *rep, const struct rfilter *f, struct rsection *secs)
{
	struct rsection (*all)[RSECTIONS_MAX] = arena_alloc(r->a, sizeof *all);
	memcpy(all[0], secs, sizeof all[0]);
	const struct report *reps[] = { rep };
	int st = reports_workbook(r, lang_text(r, arena_printf(r->a, "report.title.%s", rep->title)), f, reps, all, 1,
				  &r->body);
	if (st != 0)
		return st;
	resp_attachment(r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			filename(r, rep, f, "xlsx"));
	return 0;
}
