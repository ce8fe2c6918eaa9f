/*
 * plandiff.h — what changed between two versions of a plan, in the plan's
 * terms: needs added or removed, coverage that changed status, signals
 * added or withdrawn, targets and measurements changed.
 */
#ifndef CARENET_PLANDIFF_H
#define CARENET_PLANDIFF_H

#include "buf.h"
#include "model.h"

/* Writes the changes; returns true when a change opens a new gap. */
bool plandiff_write(const World *old_world, const World *new_world, StrBuf *out);

#endif
