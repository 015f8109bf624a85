/* retention.c — backup names and which archives retention keeps. Pure
 * functions: no clock, no files (tests/test_unit.c). */
#include "backup.h"
#include <stdio.h>
#include <string.h>

const char *backup_kind_name(enum backup_kind kind)
{
	return kind == BACKUP_MONTHLY ? "monthly" : "weekly";
}

void backup_name_make(const struct tm *tm, enum backup_kind kind, char *out)
{
	snprintf(out, BACKUP_NAME_MAX, "dossier-%04d%02d%02d-%02d%02d%02d-%s.tar.gz", tm->tm_year + 1900,
		 tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, backup_kind_name(kind));
}

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int backup_name_parse(const char *name, struct backup_stamp *out)
{
	/* dossier-YYYYMMDD-HHMMSS-KIND.tar.gz */
	static const char head[] = "dossier-";
	if (strncmp(name, head, sizeof head - 1) != 0)
		return -1;
	const char *p = name + sizeof head - 1;
	struct backup_stamp s;
	if (digits(p, 4, &s.year) || digits(p + 4, 2, &s.month) || digits(p + 6, 2, &s.day) || p[8] != '-' ||
	    digits(p + 9, 2, &s.hour) || digits(p + 11, 2, &s.min) || digits(p + 13, 2, &s.sec) || p[15] != '-')
		return -1;
	p += 16;
	if (strcmp(p, "weekly.tar.gz") == 0)
		s.kind = BACKUP_WEEKLY;
	else if (strcmp(p, "monthly.tar.gz") == 0)
		s.kind = BACKUP_MONTHLY;
	else
		return -1;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (s.year < 1970 || s.month < 1 || s.month > 12 || s.day < 1 ||
	    s.day > mdays[s.month - 1] + (s.month == 2 && leap(s.year)) || s.hour > 23 || s.min > 59 || s.sec > 60)
		return -1;
	*out = s;
	return 0;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The Monday-to-Sunday week of a date: 1970-01-01 was a Thursday. */
static long week_of(const struct backup_stamp *s)
{
	long d = days_from_civil(s->year, s->month, s->day) + 3;
	return d >= 0 ? d / 7 : -((-d + 6) / 7);
}

static long month_of(const struct backup_stamp *s)
{
	return (long)s->year * 12 + s->month - 1;
}

/* Seconds-resolution order key. */
static long long when(const struct backup_stamp *s)
{
	return (long long)days_from_civil(s->year, s->month, s->day) * 86400 + s->hour * 3600 + s->min * 60 + s->sec;
}

/* Keeps, for each of the `keep` most recent periods that hold a backup of
 * kind, the newest backup of that kind in it. */
static void keep_periods(const struct backup_stamp *v, size_t n, enum backup_kind kind, long keep,
			 long (*period)(const struct backup_stamp *), int *out)
{
	long last = 0;
	int have_last = 0;
	for (long k = 0; k < keep; k++) {
		/* the most recent period before `last` that holds one of this kind */
		long best = 0;
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			if (v[i].kind != kind)
				continue;
			long p = period(&v[i]);
			if ((!have_last || p < last) && (!found || p > best)) {
				best = p;
				found = 1;
			}
		}
		if (!found)
			return;
		size_t newest = n;
		for (size_t i = 0; i < n; i++)
			if (v[i].kind == kind && period(&v[i]) == best && (newest == n || when(&v[i]) > when(&v[newest])))
				newest = i;
		out[newest] = 1;
		last = best;
		have_last = 1;
	}
}

void backup_retention(const struct backup_stamp *v, size_t n, long keep_weekly, long keep_monthly, int *keep)
{
	size_t newest = n;
	for (size_t i = 0; i < n; i++) {
		keep[i] = 0;
		if (newest == n || when(&v[i]) > when(&v[newest]))
			newest = i;
	}
	if (newest < n)
		keep[newest] = 1;
	keep_periods(v, n, BACKUP_WEEKLY, keep_weekly, week_of, keep);
	keep_periods(v, n, BACKUP_MONTHLY, keep_monthly, month_of, keep);
}
