/*
 * clock.h — the evaluation date: one owner, resolved before evaluation.
 *
 * A plan is evaluated on the date given with `--as-of`, else on its own
 * `as_of`, else today (the day of SOURCE_DATE_EPOCH when it is set, so that
 * builds and CI runs can be reproduced).  clock_resolve runs once the
 * plans are read and before any value is computed; from then on every
 * analysis and report reads the module's `eval_day`, and nothing else
 * decides what "now" is.
 */
#ifndef CARENET_CLOCK_H
#define CARENET_CLOCK_H

#include <stdbool.h>

typedef struct {
	long today;          /* day number (days since 1970-01-01) */
	bool has_override;   /* --as-of */
	long override_day;
} Clock;

/* Today's day number, or SOURCE_DATE_EPOCH's; false with *why when the
   variable is set but not a number of seconds between 1970 and 9999. */
bool clock_today(long *day, const char **why);

struct World;
/* Give every module its evaluation date. */
void clock_resolve(struct World *w);

#endif
