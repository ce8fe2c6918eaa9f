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

void escalate_prepare(World *w);       /* which bodies hold each place, and when */
void escalate_route_signals(World *w);

/* Where a signal of `kind` from `area` goes on `day`. */
typedef struct {
	Body *body;                  /* NULL: none, or several (count) */
	const Reach *reach;          /* the membership that decided */
	int count;                   /* bodies of that kind holding `at` */
	Place *at;                   /* the place, up from the area, where it was decided */
} Resolution;

/* Not reported: the caller decides what a missing or ambiguous body means. */
Resolution escalate_resolve(const Kind *kind, Place *area, long day);
/* A coverage lists at most this many of the actions covering it, and counts all. */
#define COVERAGE_LISTED_ACTIONS 20
void coverage_compute(World *w);
void impact_compute(World *w);
void checks_run(World *w);

#endif
