/*
 * import_hint.h — the import a plan forgot.  A coordinator who writes
 * `municipality mechelen` without importing its province's module gets
 * E401; when the name is a municipality of the standard library, the
 * error says which module to import, and proposes the line.
 */
#ifndef CARENET_IMPORT_HINT_H
#define CARENET_IMPORT_HINT_H

#include "model.h"

/* Remember an unknown place name (names.c, for E401 without "did you mean"). */
void import_hint_note_unknown(World *w, const Name *name, Diagnostic *d);

/* Add the note and fix to each remembered E401 whose name a province module
   of the standard library declares.  Loads the standard library (flanders)
   into a world of its own, only when there is such an error. */
void import_hint_add(World *w);

#endif
