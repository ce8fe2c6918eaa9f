/*
 * format.c — number formatting shared by all outputs.
 */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

static const char *format_with_decimals(double value, int decimals)
{
	if (!isfinite(value))
		return "n/a";
	char buf[64];
	if (fabs(value) >= 1e15) {
		snprintf(buf, sizeof buf, "%.6g", value);
		return mem_strdup(buf);
	}
	snprintf(buf, sizeof buf, "%.*f", decimals, value);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *end = buf + strlen(buf) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		return "0";
	return mem_strdup(buf);
}

const char *format_number(double value)
{
	return format_with_decimals(value, 2);
}

const char *format_number_plain(double value)
{
	return format_with_decimals(value, 6);
}

const char *format_percent(double fraction)
{
	return mem_printf("%s%%", format_with_decimals(fraction * 100.0, 1));
}
