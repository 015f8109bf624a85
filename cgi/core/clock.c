#include "clock.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int clock_test_mode;
static char clock_file[256];

void clock_configure(int test_mode, const char *test_clock_file)
{
	clock_test_mode = test_mode;
	snprintf(clock_file, sizeof clock_file, "%s", test_clock_file ? test_clock_file : "");
}

time_t clock_now(void)
{
	if (clock_test_mode && clock_file[0] != '\0') {
		FILE *f = fopen(clock_file, "r");
		if (f != NULL) {
			long long v;
			int ok = fscanf(f, "%lld", &v) == 1;
			fclose(f);
			if (ok)
				return (time_t)v;
		}
	}
	return time(NULL);
}

void clock_format(time_t t, char *out)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

int clock_parse(const char *s, time_t *t)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (s == NULL || sscanf(s, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
				&tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	*t = mktime(&tm);
	return *t == (time_t)-1 ? -1 : 0;
}
