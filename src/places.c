/*
 * places.c — containment (see places.h).
 */
#include "places.h"

#include "mem.h"

/* Take `p` out of its parent's areas: the link that closes a cycle. */
static void detach(Place *p)
{
	Vec *siblings = &p->parent->children;
	size_t kept = 0;
	for (size_t i = 0; i < siblings->len; i++)
		if (siblings->items[i] != p)
			siblings->items[kept++] = siblings->items[i];
	siblings->len = kept;
	p->parent = NULL;
}

/*
 * Follow p's parents up to a place whose municipality is known, then give
 * every place on the way that municipality.  Meeting a place of this very
 * walk again is a containment cycle: E706 at that place, whose link up is
 * cut, and the places of the cycle lie in no municipality.
 */
static void find_municipality(World *w, Place *p)
{
	Vec chain = { 0 };
	Place *at = p;
	Place *found = NULL;
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
			break;
		}
		at->containment = VISIT_ACTIVE;
		vec_push(&chain, at);
		at = at->parent;
	}
	if (at && at->containment == VISIT_DONE)
		found = at->municipality;
	for (size_t i = 0; i < chain.len; i++) {
		Place *q = chain.items[i];
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
}

bool places_within(const Place *inner, const Place *outer)
{
	for (; inner; inner = inner->parent)
		if (inner == outer)
			return true;
	return false;
}
