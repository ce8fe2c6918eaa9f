/*
 * analysis.h — what carenet computes about a loaded, resolved world.
 *
 *   escalate.c  containment, body membership, signal routes (spec 5.2)
 *   coverage.c  covered / signalled / gap per need and area (5.1)
 *   impact.c    indicators: progress, expected progress, status (5.3)
 *   checks.c    the other warnings (5.4)
 *
 * Each pass is linear in the size of the plan: lookups go through hash
 * tables and per-entity lists, never through all pairs.
 */
#ifndef CARENET_ANALYSIS_H
#define CARENET_ANALYSIS_H

#include "model.h"

/* Run every analysis in order. */
void analysis_run(World *w);

void escalate_prepare(World *w);       /* municipalities of places, members of bodies */
void escalate_route_signals(World *w);
/* The one body of `kind` whose members contain `muni`; NULL (not reported) if none or several. */
Body *escalate_find(Kind *kind, Place *muni, int *count);
void coverage_compute(World *w);
void impact_compute(World *w);
void checks_run(World *w);

/* Is `inner` the same place as `outer` or inside it? */
bool place_within(const Place *inner, const Place *outer);
/* The places an action runs in: its `in`, else the areas of its needs. */
Vec action_places(const Action *a);

#endif
