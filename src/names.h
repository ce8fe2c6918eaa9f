/*
 * names.h — name tables, lookup by kind, and "did you mean".
 *
 * A name resolves in its file first, then among what the file's imports
 * see (an import brings everything the imported file sees at its top level),
 * then in the prelude.  Each namespace is separate, so an actor and a kind
 * may share a name.  Two different declarations reachable through imports
 * under one name are ambiguous: an error naming both, at the use.
 */
#ifndef CARENET_NAMES_H
#define CARENET_NAMES_H

#include "model.h"

/* Register an entity in its module; reports E402 for a duplicate. */
void names_define(World *w, Module *m, Entity *e);

/*
 * Resolve a reference to one of the namespaces in `allowed` (NS_BIT mask),
 * reporting E401/E403/E404 with `what` naming the position ("the lead of an
 * action").  A dotted plan.name looks in that plan's file.  NULL on error.
 */
Entity *names_resolve(World *w, Module *m, const Ref *ref, unsigned allowed, const char *what);

/* Look up without reporting; NULL when absent or ambiguous. */
Entity *names_find(World *w, Module *m, Namespace ns, const char *name);

/* Every entity visible from `m` under a name in the allowed namespaces
   (its own, its imports', the prelude's; an ambiguous name is left out),
   appended to `out` sorted by name; for completion in editors. */
void names_visible(World *w, Module *m, unsigned allowed, Vec *out);

/* Edit distance (optimal string alignment), capped at `limit` + 1. */
int names_distance(const char *a, const char *b, int limit);
/* The closest of `count` candidates within a sensible distance, or NULL. */
const char *names_closest(const char *word, const char *const *candidates, size_t count);

#endif
