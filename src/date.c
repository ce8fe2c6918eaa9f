/*
 * date.c — proleptic Gregorian calendar arithmetic on day numbers.
 * days_from_civil follows the well-known era-based formula (H. Hinnant).
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

bool date_is_valid(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12)
		return false;
	return day == 0 || (day >= 1 && day <= date_days_in_month(year, month));
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse(const char *text, Date *out, const char **why)
{
	size_t len = strlen(text);
	if ((len != 7 && len != 10) || text[4] != '-' || (len == 10 && text[7] != '-')) {
		*why = _("a date is written YYYY-MM or YYYY-MM-DD");
		return false;
	}
	Date d = { digits(text, 4), digits(text + 5, 2), len == 10 ? digits(text + 8, 2) : 0 };
	if (d.year < 0 || d.month < 0 || d.day < 0) {
		*why = _("a date is written YYYY-MM or YYYY-MM-DD");
		return false;
	}
	if (d.month < 1 || d.month > 12) {
		*why = _("months run from 01 to 12");
		return false;
	}
	if (d.year < 1) {
		*why = _("years start at 0001");
		return false;
	}
	if (len == 10 && (d.day == 0 || !date_is_valid(d.year, d.month, d.day))) {
		*why = d.day == 0 ? _("days start at 01") : _("that month has fewer days");
		return false;
	}
	*out = d;
	return true;
}

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

Date date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	Date r = { (int)(y + (m <= 2)), m, d };
	return r;
}

long date_first_day(Date d)
{
	return days_from_civil(d.year, d.month, d.day ? d.day : 1);
}

long date_last_day(Date d)
{
	return days_from_civil(d.year, d.month, d.day ? d.day : date_days_in_month(d.year, d.month));
}

const char *date_format(Date d)
{
	if (d.day)
		return mem_printf("%04d-%02d-%02d", d.year, d.month, d.day);
	return mem_printf("%04d-%02d", d.year, d.month);
}

const char *date_format_days(long days)
{
	return date_format(date_from_days(days));
}
