/*
 * escalate.c — where signals go (spec 5.2).
 *
 * A signal's target is a body, or a kind resolved per signalled area to the
 * one body of that kind whose members (transitively, through member bodies)
 * include the area's municipality.  Each municipality keeps the list of
 * bodies that contain it, so resolution is a short scan, not a search.
 * When the body reached has a supra-local plan loaded that does not answer
 * the signal, the signal travels on along escalates_to.
 */
#include "analysis.h"

#include "mem.h"
#include "names.h"

#define MAX_ESCALATION_STEPS 16

/* Collect the municipalities of a body, following member bodies. */
static void body_municipalities(World *w, Body *b)
{
	if (b->membership == VISIT_DONE)
		return;
	if (b->membership == VISIT_ACTIVE) {
		diag_report(w->diags, DIAG_E706, b->base.decl->id.loc,
			    "body '%s' is, through its members, a member of itself", entity_name(&b->base));
		return;
	}
	b->membership = VISIT_ACTIVE;
	PairSet seen = { 0 };
	for (size_t i = 0; i < b->members.len; i++) {
		Entity *e = b->members.items[i];
		if (e->ns == NS_PLACE) {
			Place *muni = ((Place *)e)->municipality;
			if (muni && pairset_add(&seen, b, muni))
				vec_push(&b->municipalities, muni);
			continue;
		}
		Body *member = (Body *)e;
		body_municipalities(w, member);
		for (size_t k = 0; k < member->municipalities.len; k++) {
			Place *muni = member->municipalities.items[k];
			if (pairset_add(&seen, b, muni))
				vec_push(&b->municipalities, muni);
		}
	}
	b->membership = VISIT_DONE;
}

void escalate_prepare(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->bodies.len; k++) {
			Body *b = VEC_AT(m->bodies, Body, k);
			body_municipalities(w, b);
			for (size_t j = 0; j < b->municipalities.len; j++)
				vec_push(&VEC_AT(b->municipalities, Place, j)->bodies, b);
		}
	}
}

Body *escalate_find(Kind *kind, Place *muni, int *count)
{
	Body *found = NULL;
	*count = 0;
	if (!muni)
		return NULL;
	for (size_t i = 0; i < muni->bodies.len; i++) {
		Body *b = VEC_AT(muni->bodies, Body, i);
		if (b->kind == kind) {
			if (!found)
				found = b;
			(*count)++;
		}
	}
	return *count == 1 ? found : NULL;
}

/* Resolve a kind for one area, reporting none (E703) or several (E704). */
static Body *resolve_kind(World *w, const Signal *s, Kind *kind, Place *area, SrcLoc loc)
{
	Place *muni = area->municipality;
	int count;
	Body *b = escalate_find(kind, muni, &count);
	if (b || !muni)
		return b; /* no municipality: the broken containment is reported already */
	if (count == 0) {
		Diagnostic *d = diag_report(w->diags, DIAG_E703, loc,
					    "signal '%s' to %s does not resolve for %s: no body of kind '%s' has "
					    "'%s' among its members",
					    entity_name(&s->need->base), entity_name(&kind->base),
					    entity_name(&area->base), entity_name(&kind->base),
					    entity_name(&muni->base));
		diag_note(d, (SrcLoc){ 0 }, "name the body itself (to BODY), or add %s to the members of "
			  "the right %s", entity_name(&muni->base), entity_title(&kind->base));
		return NULL;
	}
	Diagnostic *d = diag_report(w->diags, DIAG_E704, loc,
				    "signal '%s' to %s is ambiguous for %s: %d bodies of that kind have '%s' as a member",
				    entity_name(&s->need->base), entity_name(&kind->base), entity_name(&area->base),
				    count, entity_name(&muni->base));
	for (size_t i = 0; i < muni->bodies.len; i++) {
		Body *cand = VEC_AT(muni->bodies, Body, i);
		if (cand->kind == kind)
			diag_note(d, cand->base.decl->id.loc, "candidate: %s (%s)", entity_name(&cand->base),
				  entity_title(&cand->base));
	}
	diag_note(d, (SrcLoc){ 0 }, "name the body you mean: to BODY");
	return NULL;
}

/* Where a body sends what it cannot answer: its own escalates_to, else its kind's. */
static Body *next_body(Body *b, Place *area)
{
	Entity *next = b->escalates_to;
	if (!next && b->kind)
		next = b->kind->escalates_to;
	if (!next)
		return NULL;
	if (next->ns == NS_BODY)
		return (Body *)next;
	int count;
	return escalate_find((Kind *)next, area->municipality, &count);
}

static bool answered_by_plan(const Signal *s, const Plan *plan)
{
	return s->answered_by && plan && s->answered_by->base.module == plan->base.module;
}

static void route_one(World *w, Signal *s, Place *area, SrcLoc loc, PairSet *reported)
{
	Route *r = NEW(Route);
	r->area = area;
	if (s->target->ns == NS_BODY) {
		r->body = (Body *)s->target;
	} else if (pairset_add(reported, s, area->municipality)) {
		r->body = resolve_kind(w, s, (Kind *)s->target, area, loc);
	} else {
		int count;
		r->body = escalate_find((Kind *)s->target, area->municipality, &count);
	}
	vec_push(&s->routes, r);
	if (!r->body)
		return;
	Body *at = r->body;
	r->answered = answered_by_plan(s, at->plan);
	for (int step = 0; step < MAX_ESCALATION_STEPS && at->plan && !r->answered; step++) {
		Body *next = next_body(at, area);
		if (!next || next == at)
			break;
		vec_push(&r->path, next);
		at = next;
		r->answered = answered_by_plan(s, at->plan);
	}
}

void escalate_route_signals(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->signals.len; k++) {
			Signal *s = VEC_AT(m->signals, Signal, k);
			if (!s->need || !s->target)
				continue;
			PairSet reported = { 0 };
			for (size_t a = 0; a < s->areas.len; a++)
				route_one(w, s, VEC_AT(s->areas, Place, a), s->base.decl->target->loc, &reported);
			Route *first = s->routes.len ? VEC_AT(s->routes, Route, 0) : NULL;
			if (first && first->body && first->body->plan && !first->answered && !s->answered_by) {
				Diagnostic *d = diag_report(w->diags, DIAG_W702, s->base.decl->loc,
							    "signal '%s' reaches %s, whose plan does not answer it",
							    entity_name(&s->need->base), entity_title(&first->body->base));
				diag_note(d, first->body->plan->base.decl->id.loc,
					  "answer it there with: answer %s.%s with ACTION",
					  m->plan ? entity_name(&m->plan->base) : "PLAN", entity_name(&s->need->base));
			}
		}
	}
}
