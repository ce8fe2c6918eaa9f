/*
 * date.h — calendar dates as the plan language writes them.
 *
 * A literal is a day (2025-03-14) or a month (2025-03).  A month means its
 * first day where something starts (`from`, the start of a `period`) and its
 * last day everywhere else (`to`, `by`, `as_of`, `measure`, a period's end):
 * the caller says which with date_first_day / date_last_day.
 */
#ifndef CARENET_DATE_H
#define CARENET_DATE_H

#include <stdbool.h>

typedef struct {
	int year;
	int month;
	int day;        /* 0 for a month literal */
} Date;

/* Parse "YYYY-MM" or "YYYY-MM-DD"; false (with *why) when not a real date. */
bool date_parse(const char *text, Date *out, const char **why);
bool date_is_valid(int year, int month, int day);
int date_days_in_month(int year, int month);

/* Days since 1970-01-01 of the first or the last day the literal stands for. */
long date_first_day(Date d);
long date_last_day(Date d);
/* Back from a day number. */
Date date_from_days(long days);
/* "2025-03" or "2025-03-14" as written. */
const char *date_format(Date d);
/* A day number as "YYYY-MM-DD". */
const char *date_format_days(long days);

#endif
