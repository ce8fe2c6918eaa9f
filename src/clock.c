/*
 * clock.c — the evaluation date (see clock.h).
 */
#include "clock.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "i18n.h"
#include "model.h"

/* 9999-12-31T23:59:59Z: dates are written with four digits. */
#define CLOCK_MAX_EPOCH 253402300799LL

bool clock_today(long *day, const char **why)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (!epoch || !*epoch) {
		*day = (long)(time(NULL) / 86400);
		return true;
	}
	char *end;
	errno = 0;
	long long seconds = strtoll(epoch, &end, 10);
	if (*end != '\0' || errno == ERANGE || seconds < 0 || seconds > CLOCK_MAX_EPOCH) {
		*why = _("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, before the year 10000");
		return false;
	}
	*day = (long)(seconds / 86400);
	return true;
}

static long module_day(const Clock *clock, const Module *m)
{
	if (clock->has_override)
		return clock->override_day;
	if (m->plan && m->plan->has_as_of)
		return date_last_day(m->plan->as_of);
	return clock->today;
}

void clock_resolve(struct World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		m->eval_day = module_day(&w->clock, m);
	}
}
