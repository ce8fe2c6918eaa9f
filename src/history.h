/*
 * history.h — what a plan's past says about it now: how long each of its
 * gaps has been open, from the versions of the plan in git (W712).
 */
#ifndef CARENET_HISTORY_H
#define CARENET_HISTORY_H

#include "model.h"

/*
 * For each gap of `now`, the day it opened: the earliest of the versions in
 * `past` (oldest first, each evaluated on its commit date `days[i]`) from
 * which on it has been a gap without a break.  A gap open longer than
 * `months` is W712 at the need's area in `now`.
 */
void history_gap_ages(World *now, const World *const *past, const long *days, size_t n, int months);

#endif
