/*
 * coverage.c — is each need addressed in each of its areas? (spec 5.1)
 *
 * One pass records, for every action that is not stopped, the places it
 * runs in as (action, place) pairs; a need's area is covered when one of
 * the need's own actions has a pair with the area or a place containing
 * it.  The work is the sum over needs of (areas x their own actions x
 * nesting depth): linear in the plan, with no need-by-action product.
 */
#include "analysis.h"

#include "eval.h"
#include "mem.h"
#include "names.h"

/* Where an action runs: its `in`, else the areas of the needs it addresses. */
static Vec places_of_action(const Action *a)
{
	if (a->places.len)
		return a->places;
	Vec areas = { 0 };
	for (size_t i = 0; i < a->addresses.len; i++) {
		Need *n = a->addresses.items[i];
		for (size_t k = 0; k < n->areas.len; k++)
			vec_push(&areas, VEC_AT(n->areas, Coverage, k)->area);
	}
	return areas;
}

static bool action_covers(const PairSet *running, const Action *a, const Place *area)
{
	for (const Place *p = area; p; p = p->parent)
		if (pairset_has(running, a, p))
			return true;
	return false;
}

/* Does an actor serving the area (or a place around it) provide the capability? */
static bool provided_locally(const PairSet *provided, const Capability *cap, const Place *area)
{
	for (const Place *p = area; p; p = p->parent)
		if (pairset_has(provided, cap, p))
			return true;
	return false;
}

/*
 * The line a hint proposes goes on its own after the need's declaration:
 * an insertion at the start of the next line (or at the end of the file).
 */
static void fix_add_line(Diagnostic *d, const Need *n, const char *line)
{
	const Decl *decl = n->base.decl;
	const Source *src = decl->loc.src;
	uint32_t at = decl->loc.end;
	while (at < src->len && src->text[at] != '\n')
		at++;
	const char *text = at < src->len ? mem_printf("\n%s\n", line) : mem_printf("\n\n%s\n", line);
	if (at < src->len)
		at++;
	diag_fix(d, (SrcLoc){ src, at, at }, text, mem_printf("Add '%s'", line));
}

/* The hint of spec 5.1: the signal that would address a gap, and its fix.
   A need with several areas signals this one (`in AREA`), so the line
   changes nothing elsewhere. */
static void hint_signal(World *w, Diagnostic *d, const PairSet *provided, Need *n, Coverage *c)
{
	/* a signal for this area exists already: its own error says why it does not count */
	for (size_t i = 0; i < n->signals.len; i++) {
		const Signal *s = n->signals.items[i];
		for (size_t k = 0; k < s->areas.len; k++)
			if (s->areas.items[k] == c->area)
				return;
	}
	for (size_t i = 0; i < n->requires.len; i++) {
		Capability *cap = n->requires.items[i];
		if (provided_locally(provided, cap, c->area) || !cap->handled_by)
			continue;
		int count;
		Kind *kind = cap->handled_by;
		Body *b = escalate_find(kind, c->area->municipality, &count);
		const char *line = n->areas.len > 1
			? mem_printf("signal %s in %s to %s", entity_name(&n->base), entity_name(&c->area->base),
				     entity_name(&kind->base))
			: mem_printf("signal %s to %s", entity_name(&n->base), entity_name(&kind->base));
		if (!b) {
			diag_note(d, (SrcLoc){ 0 },
				  "hint: no actor serving %s provides %s, and no body of kind '%s' has %s among its members to signal it to",
				  entity_name(&c->area->base), entity_name(&cap->base), entity_name(&kind->base),
				  c->area->municipality ? entity_name(&c->area->municipality->base) : entity_name(&c->area->base));
			return;
		}
		diag_note(d, (SrcLoc){ 0 }, "hint: no actor serving %s provides %s; signal it: %s (reaches %s)",
			  entity_name(&c->area->base), entity_name(&cap->base), line, entity_title(&b->base));
		/* the kind must be the one this file sees under that name */
		if (names_find(w, n->base.module, NS_KIND, entity_name(&kind->base)) == &kind->base)
			fix_add_line(d, n, line);
		return;
	}
}

static void report_gap(World *w, const PairSet *provided, Need *n, Coverage *c)
{
	Diagnostic *d = diag_report(w->diags, DIAG_E701, c->loc,
				    "need '%s' is not addressed in %s '%s': no action runs there and no signal covers it",
				    entity_name(&n->base), entity_noun(&c->area->base), entity_name(&c->area->base));
	for (size_t i = 0; i < n->actions.len && i < 3; i++) {
		Action *a = n->actions.items[i];
		diag_note(d, a->base.decl->id.loc, a->status == STATUS_STOPPED
			  ? "action '%s' addresses it but is stopped"
			  : "action '%s' addresses it but does not run in %s",
			  entity_name(&a->base), entity_name(&c->area->base));
	}
	hint_signal(w, d, provided, n, c);
}

static void classify(World *w, const PairSet *running, const PairSet *provided, Need *n, Coverage *c)
{
	for (size_t i = 0; i < n->actions.len; i++) {
		Action *a = n->actions.items[i];
		if (a->status != STATUS_STOPPED && action_covers(running, a, c->area))
			vec_push(&c->actions, a);
	}
	if (c->actions.len) {
		c->status = COVER_COVERED;
		return;
	}
	for (size_t i = 0; i < n->signals.len; i++) {
		Signal *s = n->signals.items[i];
		for (size_t r = 0; r < s->routes.len; r++) {
			Route *route = s->routes.items[r];
			if (route->area == c->area && route->body) {
				c->status = COVER_SIGNALLED;
				c->signal = s;
				c->body = route->body;
				return;
			}
		}
	}
	c->status = COVER_GAP;
	report_gap(w, provided, n, c);
}

void coverage_compute(World *w)
{
	PairSet running = { 0 }, provided = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			a->runs_in = places_of_action(a);
			for (size_t p = 0; p < a->runs_in.len; p++)
				pairset_add(&running, a, a->runs_in.items[p]);
		}
		for (size_t k = 0; k < m->actors.len; k++) {
			Actor *actor = VEC_AT(m->actors, Actor, k);
			for (size_t c = 0; c < actor->provides.len; c++)
				for (size_t p = 0; p < actor->serves.len; p++)
					pairset_add(&provided, actor->provides.items[c], actor->serves.items[p]);
		}
	}
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->needs.len; k++) {
			Need *n = VEC_AT(m->needs, Need, k);
			for (size_t c = 0; c < n->areas.len; c++)
				classify(w, &running, &provided, n, VEC_AT(n->areas, Coverage, c));
		}
	}
}
