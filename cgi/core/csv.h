/* csv.h — CSV as Excel reads and writes it (RFC 4180), for client import and
 * export: encoding detection (UTF-8 with or without BOM, GBK/GB18030), a
 * parser with limits, and a writer that neutralises formula injection. */
#ifndef DOSSIER_CSV_H
#define DOSSIER_CSV_H
#include <stddef.h>
#include "arena.h"
#include "buf.h"

enum csv_rc {
	CSV_OK = 0,
	CSV_MALFORMED = -1,        /* unbalanced quote, quote inside an unquoted field */
	CSV_BAD_ENCODING = -2,     /* neither UTF-8 nor GB18030, or NUL/control bytes */
	CSV_UTF16 = -3,            /* a UTF-16 file (Excel's "Unicode text") */
	CSV_TOO_MANY_ROWS = -4,
	CSV_TOO_MANY_COLUMNS = -5,
	CSV_FIELD_TOO_LONG = -6,
};

/* Decodes an uploaded file to UTF-8: a UTF-8 BOM is dropped; valid UTF-8 is
 * taken as it is; otherwise the bytes are decoded as GB18030 (a superset of
 * GBK, which Chinese Excel writes) and *encoding is "GBK", else "UTF-8".
 * Text with NUL or control characters other than TAB, CR, LF is refused. */
int csv_to_utf8(arena *a, const char *data, size_t n, const char **out, size_t *outlen, const char **encoding);

struct csv_limits {
	size_t max_rows, max_columns, max_field;   /* field: bytes */
};

struct csv_row {
	size_t ncols;
	const char **cols;
	size_t line;               /* 1-based line where the record starts */
};

struct csv_table {
	size_t nrows;
	struct csv_row *rows;
};

/* Parses UTF-8 CSV: fields separated by ',' (or ';' when the first record has
 * semicolons and no commas outside quotes), optionally quoted with '"' ('""' inside quotes
 * is a quote; quoted fields may hold separators and line breaks), records
 * ending in CRLF or LF, empty lines skipped. Fields are kept exactly. On an
 * error *err_line is the line of the problem. */
int csv_parse(arena *a, const char *text, size_t n, const struct csv_limits *lim, struct csv_table *out,
	      size_t *err_line);

/* The UTF-8 byte order mark, so that Excel opens the file as UTF-8. */
void csv_write_bom(struct buf *b);
/* One record, CRLF-terminated. A field is quoted when it holds a comma,
 * semicolon, quote, CR, LF or leading/trailing space, and a record of one empty field is
 * written "" (an empty line is no record). A field starting with = + - @ TAB or CR
 * is prefixed with ' so a spreadsheet shows it as text, never as a formula
 * (so a negative number written this way is prefixed too: see _typed). */
void csv_write_row(struct buf *b, const char *const *cols, size_t n);
/* The same, but columns flagged numeric are written as they are when they
 * are plain numbers (-?digits(.digits)?), and neutralised like text otherwise. */
void csv_write_row_typed(struct buf *b, const char *const *cols, const int *numeric, size_t n);

#endif
