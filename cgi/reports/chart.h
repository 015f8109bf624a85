/* chart.h — SVG charts drawn on the server (no JavaScript): horizontal bars,
 * bars against the quota lines at 15 % and 30 %, a line over weeks or months,
 * stacked bars of two parts. Readable in greyscale: the second series is
 * hatched, every bar carries its value as text, and a legend names them. */
#ifndef DOSSIER_REPORTS_CHART_H
#define DOSSIER_REPORTS_CHART_H
#include "reports.h"

/* The chart of section s (its def's kind and value columns) as an SVG
 * element with a <title> (title, escaped), in r's arena; NULL when the
 * section has no chart or no rows. Column headers come from names[col]. */
const char *chart_svg(struct req *r, const struct rsection *s, const char *title, const char *const *names);

/* s with & < > " ' escaped for XML text and attributes, in a. */
const char *xml_escape(arena *a, const char *s);

#endif
