/*
 * init.h — carenet init MUNICIPALITY [FILE]: a first plan to fill in, for
 * any municipality the standard library knows (catalog.h).
 */
#ifndef CARENET_INIT_H
#define CARENET_INIT_H

#include "driver.h"

/* The policy period of the Flemish local legislature that `day` falls in:
   elected in October 2018, 2024, ..., in office from January 2019, 2025,
   ..., its multi-year plan running from the next January for six years
   (2026-01 .. 2031-12 for the legislature of 2025-2030). */
void init_policy_period(long day, int *first_year, int *last_year);

/* opts->files: the municipality, then FILE (absent or "-": standard output).
   Exit status 0, or 2 for a usage error or a file that exists. */
int init_run(const Options *opts);

#endif
