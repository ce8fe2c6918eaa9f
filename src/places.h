/*
 * places.h — containment: which municipality each area lies in.
 *
 * An area lies in the place its `in` names, which lies in another, up to a
 * municipality.  places_prepare walks each chain once, without recursion,
 * and breaks a chain that comes back to itself (E706), so everything after
 * it may follow parents and children without checking for cycles.
 */
#ifndef CARENET_PLACES_H
#define CARENET_PLACES_H

#include "model.h"

void places_prepare(World *w);
/* Is `inner` the same place as `outer` or inside it? */
bool places_within(const Place *inner, const Place *outer);

#endif
