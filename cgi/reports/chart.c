/* chart.c — SVG charts of a report's section (chart.h). Values are read
 * from the section's cells: whole numbers, or ratios for percent columns. */
#include "chart.h"
#include <stdlib.h>
#include <string.h>

#define WIDTH 640
#define LABEL_W 170
#define PLOT_W 380
/* a stacked bar is followed by both its values ("49,954 + 50,046"): a shorter plot leaves them room */
#define STACKED_PLOT_W 290
#define ROW_H 22
#define TOP_H 34
#define MAX_ROWS 30

const char *xml_escape(arena *a, const char *s)
{
	struct buf b;
	buf_init(&b);
	for (; *s; s++)
		switch (*s) {
		case '&': buf_puts(&b, "&amp;"); break;
		case '<': buf_puts(&b, "&lt;"); break;
		case '>': buf_puts(&b, "&gt;"); break;
		case '"': buf_puts(&b, "&quot;"); break;
		case '\'': buf_puts(&b, "&#39;"); break;
		default: buf_append(&b, s, 1);
		}
	const char *out = arena_strndup(a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

/* The first max characters of UTF-8 s, with "…" when cut. */
static const char *shorten(arena *a, const char *s, size_t max)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
			return arena_printf(a, "%.*s…", (int)i, s);
	return s;
}

static double value_of(const struct rsection *s, size_t row, int col)
{
	if (col <= 0 || (size_t)col >= s->def->ncols)
		return 0;
	return strtod(s->cells[row][col], NULL);
}

static const char *value_text(struct req *r, const struct rsection *s, int col, double v)
{
	if (s->def->cols[col].type == COL_PERCENT)
		return arena_printf(r->a, "%.1f %%", v * 100.0);
	return text_thousands(r, (long long)(v + 0.5));
}

/* The hatching of the second series and the legend. */
static void defs_and_legend(struct buf *b, arena *a, const char *const *names, const int *cols, int nseries)
{
	buf_puts(b, "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
		    "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
		    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333\" stroke-width=\"3\"/></pattern></defs>");
	for (int k = 0; k < nseries; k++) {
		int x = LABEL_W + k * 190;
		buf_printf(b, "<rect class=\"legend\" x=\"%d\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#000\"/>"
			      "<text x=\"%d\" y=\"18\" font-size=\"12\">%s</text>", x, k ? "url(#hatch)" : "#555", x + 20,
			   xml_escape(a, names[cols[k]]));
	}
}

static void open_svg(struct buf *b, arena *a, int height, const char *title, const char *key)
{
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
		      "aria-labelledby=\"chart-%s-title\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		      "font-family=\"sans-serif\"><title id=\"chart-%s-title\">%s</title>",
		   key, WIDTH, height, WIDTH, height, key, xml_escape(a, title));
}

/* Horizontal bars: one series, two side by side (quota), or two stacked. */
static const char *bars(struct req *r, const struct rsection *s, const char *title, const char *const *names)
{
	const struct rsection_def *d = s->def;
	size_t n = s->nrows < MAX_ROWS ? s->nrows : MAX_ROWS;
	int grouped = d->chart == CHART_QUOTA, stacked = d->chart == CHART_STACKED;
	int nseries = (grouped || stacked) ? 2 : 1;
	int row_h = grouped ? 2 * ROW_H - 6 : ROW_H;
	double max = grouped ? 0.35 : 0;
	for (size_t i = 0; i < n; i++) {
		double a = value_of(s, i, d->values[0]), b2 = nseries > 1 ? value_of(s, i, d->values[1]) : 0;
		double m = stacked ? a + b2 : (a > b2 ? a : b2);
		if (m > max)
			max = m;
	}
	if (max <= 0)
		max = 1;
	int plot_w = stacked ? STACKED_PLOT_W : PLOT_W;
	int more = s->nrows > n;   /* the rows beyond the chart's are in its table: "… +N" says how many */
	int height = TOP_H + (int)n * row_h + (grouped ? 26 : 10) + (more ? 16 : 0);
	struct buf b;
	buf_init(&b);
	open_svg(&b, r->a, height, title, d->key);
	defs_and_legend(&b, r->a, names, d->values, nseries);
	for (size_t i = 0; i < n; i++) {
		int y = TOP_H + (int)i * row_h;
		buf_printf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>", LABEL_W - 6,
			   y + 15, xml_escape(r->a, shorten(r->a, s->cells[i][0], 14)));
		double x = LABEL_W;
		for (int k = 0; k < nseries; k++) {
			int col = d->values[k];
			double v = value_of(s, i, col);
			double w = v / max * plot_w;
			int by = grouped ? y + k * (ROW_H - 4) : y;
			int bh = grouped ? ROW_H - 6 : ROW_H - 4;
			buf_printf(&b, "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
				      "stroke=\"#000\" stroke-width=\"0.5\"><title>%s: %s</title></rect>",
				   x, by, w, bh, k ? "url(#hatch)" : "#555", xml_escape(r->a, names[col]),
				   xml_escape(r->a, value_text(r, s, col, v)));
			if (!stacked)
				buf_printf(&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", x + w + 4, by + bh - 3,
					   xml_escape(r->a, value_text(r, s, col, v)));
			if (stacked)
				x += w;
		}
		if (stacked)
			buf_printf(&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s + %s</text>", x + 4, y + 15,
				   xml_escape(r->a, value_text(r, s, d->values[0], value_of(s, i, d->values[0]))),
				   xml_escape(r->a, value_text(r, s, d->values[1], value_of(s, i, d->values[1]))));
	}
	if (more)
		buf_printf(&b, "<text class=\"more\" x=\"%d\" y=\"%d\" font-size=\"11\">… +%zu</text>", LABEL_W,
			   height - (grouped ? 26 : 6), s->nrows - n);
	if (grouped) {
		static const double lines[] = { 0.15, 0.30 };
		for (int k = 0; k < 2; k++) {
			double x = LABEL_W + lines[k] / max * plot_w;
			buf_printf(&b, "<line class=\"ref\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
				      "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
				      "text-anchor=\"middle\">%d %%</text>", x, TOP_H - 4, x, height - 18, x, height - 6,
				   (int)(lines[k] * 100));
		}
	}
	buf_puts(&b, "</svg>");
	const char *out = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

/* A line over the rows in order (weeks, months), each point labelled. */
static const char *line(struct req *r, const struct rsection *s, const char *title, const char *const *names)
{
	const struct rsection_def *d = s->def;
	size_t n = s->nrows < 60 ? s->nrows : 60;
	double max = 0;
	for (size_t i = 0; i < n; i++)
		if (value_of(s, i, d->values[0]) > max)
			max = value_of(s, i, d->values[0]);
	if (max <= 0)
		max = 1;
	const int left = 40, plot_w = WIDTH - left - 20, top = TOP_H, plot_h = 180;
	int height = top + plot_h + 50;
	struct buf b;
	buf_init(&b);
	open_svg(&b, r->a, height, title, d->key);
	defs_and_legend(&b, r->a, names, d->values, 1);
	buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", left, top + plot_h,
		   left + plot_w, top + plot_h);
	buf_puts(&b, "<polyline class=\"line\" fill=\"none\" stroke=\"#333\" stroke-width=\"2\" points=\"");
	double step = n > 1 ? (double)plot_w / (double)(n - 1) : 0;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%.1f,%.1f ", left + step * (double)i,
			   top + plot_h - value_of(s, i, d->values[0]) / max * plot_h);
	buf_puts(&b, "\"/>");
	size_t every = n > 12 ? (n + 11) / 12 : 1;
	for (size_t i = 0; i < n; i++) {
		double x = left + step * (double)i, v = value_of(s, i, d->values[0]);
		double y = top + plot_h - v / max * plot_h;
		buf_printf(&b, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#000\"><title>%s: %s</title>"
			      "</circle><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>", x, y,
			   xml_escape(r->a, s->cells[i][0]), xml_escape(r->a, value_text(r, s, d->values[0], v)), x, y - 6,
			   xml_escape(r->a, value_text(r, s, d->values[0], v)));
		if (i % every == 0)
			buf_printf(&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>", x,
				   top + plot_h + 16, xml_escape(r->a, s->cells[i][0]));
	}
	buf_puts(&b, "</svg>");
	const char *out = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return out;
}

const char *chart_svg(struct req *r, const struct rsection *s, const char *title, const char *const *names)
{
	if (s->nrows == 0)
		return NULL;
	switch (s->def->chart) {
	case CHART_NONE:
		return NULL;
	case CHART_LINE:
		return line(r, s, title, names);
	case CHART_BARS:
	case CHART_QUOTA:
	case CHART_STACKED:
		return bars(r, s, title, names);
	}
	return NULL;
}
