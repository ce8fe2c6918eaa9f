/*
 * analysis.h — what carenet computes about a loaded, resolved, evaluated
 * world, in the order analysis_run runs it:
 *
 *   escalate.c  body membership and signal routes (spec 5.2)
 *   coverage.c  where each action runs; covered / signalled / gap per need
 *               and area (5.1)
 *   impact.c    indicators: progress, expected progress, status (5.3)
 *   checks.c    the other warnings (5.4)
 *
 * Analyses read values (eval.h) and never compute one.  Each pass is
 * linear in the size of the plan: lookups go through hash tables and
 * per-entity lists, never through all pairs.
 */
#ifndef CARENET_ANALYSIS_H
#define CARENET_ANALYSIS_H

#include "model.h"

/* Run every analysis in order. */
void analysis_run(World *w);

void escalate_prepare(World *w);       /* the municipalities of every body */
void escalate_route_signals(World *w);
/* The one body of `kind` whose members contain `muni`; NULL (not reported) if none or several. */
Body *escalate_find(Kind *kind, Place *muni, int *count);
void coverage_compute(World *w);
void impact_compute(World *w);
void checks_run(World *w);

#endif
