/* workdays.h — working days: Monday to Friday, except the public holidays of
 * the calendar (calendar_days), plus its make-up working days (调休). One
 * function answers "N working days after day D" for every deadline. */
#ifndef DOSSIER_WORKDAYS_H
#define DOSSIER_WORKDAYS_H
#include "app.h"

struct calday {
	char day[11];       /* YYYY-MM-DD */
	int workday;        /* 1: a make-up working day; 0: a holiday */
};

/* The n-th working day after day (n >= 1; n = 0: day itself) into out
 * (11 bytes), given the calendar's exceptions cal[0..ncal) (any order).
 * 0, or -1 when day is not a date. */
int workdays_add(const char *day, int n, const struct calday *cal, size_t ncal, char *out);

/* 1 when day is a working day by the calendar. */
int workday_is(const char *day, const struct calday *cal, size_t ncal);

/* The same, reading the exceptions it needs from calendar_days. DB_OK or an error. */
int workdays_after(struct req *r, const char *day, int n, char *out);

/* Days since 1970-01-01 of YYYY-MM-DD (proleptic Gregorian), and back. */
long day_number(int y, int m, int d);
void day_from_number(long n, char *out);
/* The weekday of day number n: 0 = Monday … 6 = Sunday. */
int weekday_of(long n);

#endif
