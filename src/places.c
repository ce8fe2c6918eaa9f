/*
 * places.c — containment (see places.h).
 */
#include "places.h"

#include <limits.h>

#include "mem.h"

/* Cut the link from `p` up: the link that closes a cycle, or one too deep.
   Its parent's list of areas is mended once all are cut (drop_detached). */
static void detach(Place *p)
{
	p->parent = NULL;
}

/* Take the places cut loose out of their former parents' areas. */
static void drop_detached(Place *p)
{
	size_t kept = 0;
	for (size_t i = 0; i < p->children.len; i++)
		if (VEC_AT(p->children, Place, i)->parent == p)
			p->children.items[kept++] = p->children.items[i];
	p->children.len = kept;
}

/* A place cut loose (a cycle, too deep): no municipality, and nothing
   below it can be too deep again. */
#define DETACHED_DEPTH (INT_MIN / 2)

/*
 * Follow p's parents up to a place whose municipality is known, then give
 * every place on the way that municipality and its depth.  Meeting a place
 * of this very walk again is a containment cycle: E706 at that place, whose
 * link up is cut, and the places of the cycle lie in no municipality.  A
 * place deeper than PLACES_MAX_DEPTH is cut loose too (E108).
 */
static void find_municipality(World *w, Place *p)
{
	Vec chain = { 0 };
	Place *at = p;
	Place *found = NULL;
	int depth = DETACHED_DEPTH;
	while (at && at->containment != VISIT_DONE) {
		if (at->containment == VISIT_ACTIVE) {
			diag_report(w->diags, DIAG_E706, at->base.decl->id.loc,
				    "area '%s' lies, through its parents, inside itself", entity_name(&at->base));
			detach(at);
			at = NULL;
			break;
		}
		if (at->is_municipality) {
			found = at;
			depth = 0;
			break;
		}
		at->containment = VISIT_ACTIVE;
		vec_push(&chain, at);
		at = at->parent;
	}
	if (at && at->containment == VISIT_DONE) {
		found = at->municipality;
		depth = at->depth;
	}
	for (size_t i = chain.len; i-- > 0;) {
		Place *q = chain.items[i];
		q->depth = ++depth;
		if (depth > PLACES_MAX_DEPTH) {
			diag_report(w->diags, DIAG_E108, q->base.decl->id.loc,
				    "area '%s' lies inside more than %d other areas; it is left out of its place",
				    entity_name(&q->base), PLACES_MAX_DEPTH);
			detach(q);
			found = NULL;
			q->depth = depth = DETACHED_DEPTH;
		}
		q->municipality = found;
		q->containment = VISIT_DONE;
	}
}

void places_prepare(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->places.len; k++) {
			Place *p = VEC_AT(m->places, Place, k);
			if (p->is_municipality)
				p->containment = VISIT_DONE;
			else if (p->containment == VISIT_NEW)
				find_municipality(w, p);
		}
	}
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->places.len; k++)
			drop_detached(VEC_AT(m->places, Place, k));
	}
}

bool places_within(const Place *inner, const Place *outer)
{
	for (; inner; inner = inner->parent)
		if (inner == outer)
			return true;
	return false;
}
