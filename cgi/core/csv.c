#include "csv.h"
#include "parse.h"
#include <errno.h>
#include <iconv.h>
#include <string.h>

/* ---- encoding ------------------------------------------------------------------ */

static int controls_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
			return 0;
	}
	return 1;
}

int csv_to_utf8(arena *a, const char *data, size_t n, const char **out, size_t *outlen, const char **encoding)
{
	if (n >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
		       ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
		return CSV_UTF16;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		n -= 3;
	}
	if (utf8_valid(data, n)) {
		if (!controls_ok(data, n))
			return CSV_BAD_ENCODING;
		*out = arena_strndup(a, data, n);
		*outlen = n;
		*encoding = "UTF-8";
		return CSV_OK;
	}
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return CSV_BAD_ENCODING;
	size_t cap = n * 2 + 16;                 /* a GB18030 character never grows beyond 2x in UTF-8 */
	char *buf = arena_alloc(a, cap);
	char *in = (char *)data, *o = buf;
	size_t inleft = n, outleft = cap - 1;
	size_t r = iconv(cd, &in, &inleft, &o, &outleft);
	int bad = r == (size_t)-1 || inleft != 0;
	if (!bad && iconv(cd, NULL, NULL, &o, &outleft) == (size_t)-1)
		bad = 1;
	iconv_close(cd);
	if (bad)
		return CSV_BAD_ENCODING;
	*o = '\0';
	size_t len = (size_t)(o - buf);
	if (!utf8_valid(buf, len) || !controls_ok(buf, len))
		return CSV_BAD_ENCODING;
	*out = buf;
	*outlen = len;
	*encoding = "GBK";
	return CSV_OK;
}

/* ---- parser ------------------------------------------------------------------------ */

struct growing {
	const char **v;
	size_t n, cap;
};

static void push(arena *a, struct growing *g, const char *s)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		const char **v = arena_alloc(a, g->cap * sizeof *v);
		if (g->n)
			memcpy(v, g->v, g->n * sizeof *v);
		g->v = v;
	}
	g->v[g->n++] = s;
}

/* The separator: ';' when the first record has semicolons and no comma
 * outside quoted fields (Excel writes ';' where the decimal mark is a comma),
 * else ','. The empty lines the parser skips are skipped here too, and a
 * field is quoted when it starts with '"' after either separator. Reads
 * s[0..n) only. */
static char separator(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		if (i < n && s[i] == '\n')
			i++;
		else if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
			i += 2;
		else
			break;
	}
	int comma = 0, semicolon = 0, quoted = 0, field_start = 1;
	for (; i < n; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '"' && i + 1 < n && s[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = 0;
			continue;
		}
		if (c == '\n')
			break;
		if (c == '"' && field_start) {
			quoted = 1;
			field_start = 0;
			continue;
		}
		field_start = c == ',' || c == ';';
		comma |= c == ',';
		semicolon |= c == ';';
	}
	return semicolon && !comma ? ';' : ',';
}

int csv_parse(arena *a, const char *s, size_t n, const struct csv_limits *lim, struct csv_table *out,
	      size_t *err_line)
{
	memset(out, 0, sizeof *out);
	char sep = separator(s, n);
	size_t rows_cap = 0, line = 1, i = 0;
	struct buf field;
	buf_init(&field);
	int rc = CSV_OK;
	while (i < n && rc == CSV_OK) {
		/* skip empty lines, and a CR that ends the text (no record of one empty field) */
		if (s[i] == '\n' || (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) {
			i += s[i] == '\r' ? 2 : 1;
			line++;
			continue;
		}
		if (s[i] == '\r' && i + 1 == n)
			break;
		struct growing cols = { 0 };
		size_t start_line = line;
		for (;;) {                     /* one field */
			buf_reset(&field);
			if (i < n && s[i] == '"') {
				i++;
				for (;;) {
					if (i >= n) {
						rc = CSV_MALFORMED;
						*err_line = start_line;
						break;
					}
					if (s[i] == '"') {
						if (i + 1 < n && s[i + 1] == '"') {
							buf_append(&field, "\"", 1);
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (s[i] == '\n')
						line++;
					buf_append(&field, s + i, 1);
					i++;
				}
				if (rc != CSV_OK)
					break;
				/* after the closing quote: a separator, a line end or the end
				 * ("ab"c is refused; so is a CR that is no line end, "ab"\rc,
				 * which would end a record in the middle of a line) */
				if (i < n && s[i] != sep && s[i] != '\n' &&
				    !(s[i] == '\r' && (i + 1 == n || s[i + 1] == '\n'))) {
					rc = CSV_MALFORMED;
					*err_line = line;
					break;
				}
			} else {
				size_t st = i;
				/* a quote inside an unquoted cell (a"b, 12" screen) is text, as Excel reads it */
				while (i < n && s[i] != sep && s[i] != '\n' && !(s[i] == '\r' && (i + 1 >= n || s[i + 1] == '\n')))
					i++;
				buf_append(&field, s + st, i - st);
			}
			if (field.len > lim->max_field) {
				rc = CSV_FIELD_TOO_LONG;
				*err_line = start_line;
				break;
			}
			if (cols.n >= lim->max_columns) {
				rc = CSV_TOO_MANY_COLUMNS;
				*err_line = start_line;
				break;
			}
			push(a, &cols, arena_strndup(a, buf_cstr(&field), field.len));
			if (i < n && s[i] == sep) {
				i++;
				continue;
			}
			/* end of record */
			if (i < n && s[i] == '\r')
				i++;
			if (i < n && s[i] == '\n') {
				i++;
				line++;
			}
			break;
		}
		if (rc != CSV_OK)
			break;
		if (out->nrows >= lim->max_rows) {
			rc = CSV_TOO_MANY_ROWS;
			*err_line = start_line;
			break;
		}
		if (out->nrows == rows_cap) {
			rows_cap = rows_cap ? rows_cap * 2 : 64;
			struct csv_row *rows = arena_alloc(a, rows_cap * sizeof *rows);
			if (out->nrows)
				memcpy(rows, out->rows, out->nrows * sizeof *rows);
			out->rows = rows;
		}
		struct csv_row *row = &out->rows[out->nrows++];
		row->ncols = cols.n;
		row->cols = cols.v;
		row->line = start_line;
	}
	buf_free(&field);
	return rc;
}

/* ---- writer ---------------------------------------------------------------------------- */

void csv_write_bom(struct buf *b)
{
	buf_append(b, "\xEF\xBB\xBF", 3);
}

static int plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	size_t d = strspn(p, "0123456789");
	if (d == 0)
		return 0;
	p += d;
	if (*p == '.') {
		size_t f = strspn(p + 1, "0123456789");
		if (f == 0)
			return 0;
		p += 1 + f;
	}
	return *p == '\0';
}

static void write_cell(struct buf *b, const char *v, int numeric)
{
	if (v == NULL)
		v = "";
	int formula = strchr("=+-@\t\r", v[0]) != NULL && v[0] != '\0';
	if (numeric && plain_number(v))
		formula = 0;
	size_t n = strlen(v);
	/* ';' too: a reader (this one, Excel in a decimal-comma locale) may take it for the separator */
	int quote = formula || strpbrk(v, ",;\"\r\n") != NULL || (n > 0 && (v[0] == ' ' || v[n - 1] == ' '));
	if (quote)
		buf_append(b, "\"", 1);
	if (formula)
		buf_append(b, "'", 1);
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			buf_append(b, "\"", 1);
		buf_append(b, p, 1);
	}
	if (quote)
		buf_append(b, "\"", 1);
}

void csv_write_row_typed(struct buf *b, const char *const *cols, const int *numeric, size_t n)
{
	if (n == 1 && (cols[0] == NULL || cols[0][0] == '\0')) {
		buf_append(b, "\"\"\r\n", 4);     /* an empty line would be read as no record */
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_append(b, ",", 1);
		write_cell(b, cols[i], numeric ? numeric[i] : 0);
	}
	buf_append(b, "\r\n", 2);
}

void csv_write_row(struct buf *b, const char *const *cols, size_t n)
{
	csv_write_row_typed(b, cols, NULL, n);
}
