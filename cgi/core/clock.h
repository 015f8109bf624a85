/* clock.h — "now" comes from here and nowhere else, so tests can set it. */
#ifndef DOSSIER_CLOCK_H
#define DOSSIER_CLOCK_H
#include <time.h>

/* In test mode, a file may hold the epoch seconds to use as now. */
void clock_configure(int test_mode, const char *test_clock_file);
time_t clock_now(void);
/* "YYYY-MM-DD HH:MM:SS" in the company's time zone (the process TZ). out >= 20 bytes. */
void clock_format(time_t t, char *out);
/* Parses the format above; returns 0 and sets *t, or -1. */
int clock_parse(const char *s, time_t *t);

#endif
