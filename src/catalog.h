/*
 * catalog.h — what the standard library knows about a municipality, for
 * `carenet init`: the municipality named by its ID or its Dutch display
 * name, its province module, its areas, and the framework's building
 * blocks.  Read from the stdlib itself through the core (carenet.h), so
 * there is no second list to keep up to date.
 */
#ifndef CARENET_CATALOG_H
#define CARENET_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "carenet.h"

typedef struct {
	const CarenetEntry *entries;
	size_t count;
} Catalog;

/* Load the standard library (every province) as it stands on `day`; false
   with *why when it cannot be read or has errors. */
bool catalog_load(long day, Catalog *cat, const char **why);

/* The municipality whose ID is `word`, or whose display name is `word` up
   to case; NULL with *suggestion the closest ID (or NULL) when none is. */
const CarenetEntry *catalog_municipality(const Catalog *cat, const char *word, const char **suggestion);

/* The areas the stdlib knows in municipality `m`: its areas, the
   municipalities merged into it and their areas, in source order; *out
   holds `count` pointers into the catalogue. */
size_t catalog_areas(const Catalog *cat, const CarenetEntry *m, const CarenetEntry ***out);

/* For the shell completions (carenet __complete init): "operand ID" for
   each municipality of today that init writes a plan for. */
void catalog_complete(void);

#endif
