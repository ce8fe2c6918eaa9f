/*
 * format.h — how numbers and dates are written for people.
 *
 * "Printed values round to what a person would write": 96, not 96.000000;
 * 12.5; 60%.  Used by every output format so they agree.
 */
#ifndef CARENET_FORMAT_H
#define CARENET_FORMAT_H

/* Up to 2 decimals, trailing zeros dropped, no exponent for ordinary sizes. */
const char *format_number(double value);
/* Like format_number but with up to 6 decimals: for JSON, where tools read it. */
const char *format_number_plain(double value);
/* 0.6 -> "60%" */
const char *format_percent(double fraction);

#endif
