/* fuzz_csv.c — the CSV reader of client import: csv_to_utf8 (UTF-8 with or
 * without BOM, else GB18030/GBK, decoded with iconv) and csv_parse on what it
 * gives (passed with its length and no NUL after it). Checked beyond "no
 * crash":
 *   - decoding: the text is valid UTF-8 with no NUL or control characters
 *     but TAB/CR/LF; "UTF-8" input comes back byte for byte (BOM dropped);
 *     "GBK" input encodes back to the same GB18030 bytes;
 *   - parsing: the limits hold, every record has a field, records start on
 *     increasing lines that exist in the text;
 *   - round trip: the table written with csv_write_row (as the rejected-rows
 *     download does) parses back to the same cells, the neutralised ones
 *     (starting with = + - @ TAB CR) with the ' the writer puts before them. */
#include "fuzz.h"
#include <iconv.h>
#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/parse.h"

static const struct csv_limits LIM = { 32, 12, 96 };
static const struct csv_limits BIG = { 32, 12, 96 + 1 };   /* room for the ' */

static iconv_t to_gb;

static void check_gbk_round_trip(const char *in, size_t n, const char *utf8, size_t len)
{
	if (to_gb == NULL)
		to_gb = iconv_open("GB18030", "UTF-8");
	CHECK(to_gb != (iconv_t)-1);
	iconv(to_gb, NULL, NULL, NULL, NULL);
	size_t cap = len * 4 + 16, outleft = cap, inleft = len;
	char *back = malloc(cap), *o = back, *src = (char *)utf8;
	CHECK(iconv(to_gb, &src, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0);
	CHECK((size_t)(o - back) == n && memcmp(back, in, n) == 0);
	free(back);
}

static void check_table(const struct csv_table *t, const char *text, size_t len)
{
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	CHECK(t->nrows <= LIM.max_rows);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct csv_row *row = &t->rows[r];
		CHECK(row->ncols >= 1 && row->ncols <= LIM.max_columns);
		CHECK(row->line >= 1 && row->line <= lines);
		CHECK(r == 0 || row->line > t->rows[r - 1].line);
		for (size_t c = 0; c < row->ncols; c++)
			CHECK(row->cols[c] != NULL && strlen(row->cols[c]) <= LIM.max_field);
	}
}

static int neutralised(const char *v)
{
	return v[0] != '\0' && strchr("=+-@\t\r", v[0]) != NULL;
}

static void check_round_trip(arena *a, const struct csv_table *t)
{
	struct buf b;
	buf_init(&b);
	for (size_t r = 0; r < t->nrows; r++)
		csv_write_row(&b, t->rows[r].cols, t->rows[r].ncols);
	CHECK(!b.failed);
	char *w = malloc(b.len ? b.len : 1);
	if (b.len)
		memcpy(w, b.data, b.len);
	struct csv_table back;
	size_t line = 0;
	int rc = csv_parse(a, w, b.len, &BIG, &back, &line);
	CHECK(rc == CSV_OK);
	CHECK(back.nrows == t->nrows);
	for (size_t r = 0; r < t->nrows; r++) {
		CHECK(back.rows[r].ncols == t->rows[r].ncols);
		for (size_t c = 0; c < t->rows[r].ncols; c++) {
			const char *want = t->rows[r].cols[c], *got = back.rows[r].cols[c];
			if (neutralised(want))
				CHECK(got[0] == '\'' && strcmp(got + 1, want) == 0);
			else
				CHECK(strcmp(got, want) == 0);
		}
	}
	free(w);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_copy(data, size);
	arena *a = arena_new();
	const char *out = NULL, *enc = NULL;
	size_t len = 0;
	int rc = csv_to_utf8(a, in, size, &out, &len, &enc);
	CHECK(rc == CSV_OK || rc == CSV_BAD_ENCODING || rc == CSV_UTF16);
	if (rc == CSV_OK) {
		CHECK(out != NULL && out[len] == '\0' && strlen(out) == len);
		CHECK(utf8_valid(out, len) && fuzz_text_chars_ok(out, len));
		size_t skip = size >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		if (strcmp(enc, "UTF-8") == 0)
			CHECK(len == size - skip && memcmp(out, in + skip, len) == 0);
		else {
			CHECK(strcmp(enc, "GBK") == 0);
			check_gbk_round_trip(in + skip, size - skip, out, len);
		}
		char *text = fuzz_copy((const uint8_t *)out, len);
		struct csv_table t;
		size_t line = 0;
		int prc = csv_parse(a, text, len, &LIM, &t, &line);
		CHECK(prc == CSV_OK || prc == CSV_MALFORMED || prc == CSV_TOO_MANY_ROWS ||
		      prc == CSV_TOO_MANY_COLUMNS || prc == CSV_FIELD_TOO_LONG);
		if (prc == CSV_OK) {
			check_table(&t, text, len);
			check_round_trip(a, &t);
		} else {
			CHECK(line >= 1);
		}
		free(text);
	}
	arena_free(a);
	free(in);
	return 0;
}
