/* workdays.c — working days by the calendar (workdays.h). */
#include "workdays.h"
#include "core_sql.h"
#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil and civil_from_days. */
long day_number(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void day_from_number(long z, char *out)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp + (mp < 10 ? 3 : -9);
	char text[64];
	snprintf(text, sizeof text, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
	memcpy(out, text, 10);
	out[10] = '\0';
}

int weekday_of(long n)
{
	return (int)(((n % 7) + 7 + 3) % 7);     /* 1970-01-01 was a Thursday */
}

static int parse_day(const char *s, long *n)
{
	int y, m, d;
	if (s == NULL || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return -1;
	*n = day_number(y, m, d);
	return 0;
}

static int working(long n, const char *text, const struct calday *cal, size_t ncal)
{
	for (size_t i = 0; i < ncal; i++)
		if (memcmp(cal[i].day, text, 10) == 0)
			return cal[i].workday;
	return weekday_of(n) < 5;
}

int workday_is(const char *day, const struct calday *cal, size_t ncal)
{
	long n;
	return parse_day(day, &n) == 0 && working(n, day, cal, ncal);
}

int workdays_add(const char *day, int n, const struct calday *cal, size_t ncal, char *out)
{
	long at;
	if (parse_day(day, &at) != 0)
		return -1;
	char text[11];
	day_from_number(at, text);
	for (int left = n; left > 0;) {
		day_from_number(++at, text);
		if (working(at, text, cal, ncal))
			left--;
	}
	memcpy(out, text, 11);
	return 0;
}

int workdays_after(struct req *r, const char *day, int n, char *out)
{
	long at;
	if (parse_day(day, &at) != 0 || n < 0 || n > 366)
		return DB_ERROR;
	/* n working days lie within 2n + 40 calendar days, however long the holidays */
	char to[11];
	day_from_number(at + 2L * n + 40, to);
	struct dbres res;
	int rc = db_exec(r->db, r->a, Q_CALENDAR_RANGE, &res, "ss", day, to);
	if (rc != DB_OK)
		return rc;
	struct calday *cal = arena_alloc(r->a, (res.nrows + 1) * sizeof *cal);
	for (size_t i = 0; i < res.nrows; i++) {
		snprintf(cal[i].day, sizeof cal[i].day, "%s", dbres_get(&res, i, 0));
		cal[i].workday = strcmp(dbres_get(&res, i, 1), "workday") == 0;
	}
	return workdays_add(day, n, cal, res.nrows, out) == 0 ? DB_OK : DB_ERROR;
}
