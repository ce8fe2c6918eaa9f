/*
 * places.h — containment: which municipality each area lies in.
 *
 * An area lies in the place its `in` names, which lies in another, up to a
 * municipality.  places_prepare walks each chain once, without recursion,
 * breaks a chain that comes back to itself (E706) and one deeper than
 * PLACES_MAX_DEPTH (E108), so everything after it may follow parents and
 * children without checking for cycles, in a bounded number of steps.
 */
#ifndef CARENET_PLACES_H
#define CARENET_PLACES_H

#include "model.h"

/* Areas lie inside one another at most this deep (E108): every later step
   may follow an area's parents, at most this many (docs/limits.md). */
#define PLACES_MAX_DEPTH 64

void places_prepare(World *w);
/* Is `inner` the same place as `outer` or inside it? */
bool places_within(const Place *inner, const Place *outer);

#endif
