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

static Vec places_of_action(const Action *a);

void coverage_prepare(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			a->runs_in = places_of_action(a);
		}
	}
}

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
		Kind *kind = cap->handled_by;
		Body *b = escalate_resolve(kind, c->area, n->base.module->eval_day).body;
		const char *line = n->areas.len > 1
			? mem_printf("signal %s in %s to %s", entity_name(&n->base), entity_name(&c->area->base),
				     entity_name(&kind->base))
			: mem_printf("signal %s to %s", entity_name(&n->base), entity_name(&kind->base));
		if (!b) { /* a signal to the kind would not resolve: do not suggest it */
			diag_note(d, (SrcLoc){ 0 },
				  "hint: no actor serving %s provides %s, and no body of kind '%s' has %s among its "
				  "members; signal it to a body you know: signal %s to BODY",
				  entity_name(&c->area->base), entity_name(&cap->base), entity_name(&kind->base),
				  entity_name(&c->area->base), entity_name(&n->base));
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

/*
 * Why an action cannot cover anything, or NULL when it can (spec 5.1, as
 * amended): it must not be stopped, and it must say who does it and when,
 * with a lead and a start.  A placeholder ("to be decided") is a plan to
 * make a plan, and must not turn a gap into "covered".
 */
static const char *not_counted(const Action *a)
{
	if (a->status == STATUS_STOPPED)
		return "is stopped";
	if (!a->lead && !a->has_from)
		return "has no lead and no start (from): it counts once it says who does it and when";
	if (!a->lead)
		return "has no lead: it counts once it says who does it";
	if (!a->has_from)
		return "has no start (from): it counts once it says when it starts";
	return NULL;
}

/*
 * A gap is an error, except in a plan that says it is still in its analysis
 * phase: there a need without an action is a finding to plan, shown but not
 * failing CI (issue 17).
 */
static Diagnostic *report_gap_finding(World *w, Need *n, Coverage *c)
{
	const Plan *plan = n->base.module->plan;
	if (plan && plan->phase == PHASE_ANALYSIS)
		return diag_report(w->diags, DIAG_W713, c->loc,
				   "need '%s' is not yet addressed in %s '%s': a finding to plan (the plan is in "
				   "its analysis phase; from 'phase implementation' on this is an error)",
				   entity_name(&n->base), entity_noun(&c->area->base), entity_name(&c->area->base));
	return diag_report(w->diags, DIAG_E701, c->loc,
			   "need '%s' is not addressed in %s '%s': no action runs there and no signal covers it",
			   entity_name(&n->base), entity_noun(&c->area->base), entity_name(&c->area->base));
}

static void report_gap(World *w, const PairSet *running, const PairSet *provided, Need *n, Coverage *c)
{
	Diagnostic *d = report_gap_finding(w, n, c);
	for (size_t i = 0; i < n->actions.len && i < 3; i++) {
		Action *a = n->actions.items[i];
		const char *why = not_counted(a);
		if (why && action_covers(running, a, c->area))
			diag_note(d, a->base.decl->id.loc, "action '%s' addresses it but %s", entity_name(&a->base), why);
		else
			diag_note(d, a->base.decl->id.loc, "action '%s' addresses it but does not run in %s",
				  entity_name(&a->base), entity_name(&c->area->base));
	}
	for (size_t i = 0; i < n->signals.len; i++) {
		const Signal *s = n->signals.items[i];
		const char *reply = s->record && s->record->reply ? s->record->reply : s->reply;
		if (s->status == SIG_REFUSED)
			diag_note(d, s->base.decl->loc, "its signal was refused%s%s%s: find another way",
				  reply ? " (\"" : "", reply ? reply : "", reply ? "\")" : "");
	}
	if (c->acceptance) /* expired, or it would not be a gap */
		diag_note(d, c->acceptance->base.decl->loc,
			  "it was accepted until %s (\"%s\"); that acceptance has expired: plan an action, send a "
			  "signal, or accept it again with a new date and reason",
			  date_format(c->acceptance->until), c->acceptance->reason);
	hint_signal(w, d, provided, n, c);
}

static void classify(World *w, const PairSet *running, const PairSet *provided, Need *n, Coverage *c)
{
	for (size_t i = 0; i < n->actions.len; i++) {
		Action *a = n->actions.items[i];
		if (!not_counted(a) && action_covers(running, a, c->area))
			vec_push(&c->actions, a);
	}
	if (c->actions.len) {
		c->status = COVER_COVERED;
		return;
	}
	for (size_t i = 0; i < n->signals.len; i++) {
		Signal *s = n->signals.items[i];
		if (s->status == SIG_REFUSED)
			continue; /* the body said no: the need is not addressed there */
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
	if (c->acceptance && c->acceptance->in_force) {
		c->status = COVER_ACCEPTED; /* visibly, until its date (accept.c) */
		c->acceptance->gaps++;
		return;
	}
	c->status = COVER_GAP;
	if (c->acceptance)
		c->acceptance->expired_gaps++;
	report_gap(w, running, provided, n, c);
}

void coverage_compute(World *w)
{
	PairSet running = { 0 }, provided = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
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
