/*
 * coverage.c — is each need addressed in each of its areas? (spec 5.1)
 *
 * An action that is not stopped covers a need's area when it addresses the
 * need and runs there: its `in` names the area or a place around it, or it
 * has no `in` and so runs wherever its needs are.  The second kind covers
 * every area of its needs, so it is counted once per need, never listed
 * per area: one need in N areas with N such actions costs N, not N x N.
 *
 * For each need, each action with an `in` puts itself on the places of its
 * `in` that lie around the need's areas (an `in` reduced to its outermost
 * places, so no area counts an action twice); each area then reads the
 * lists of the at most PLACES_MAX_DEPTH places around it.  A coverage keeps
 * how many actions cover it and the first COVERAGE_LISTED_ACTIONS of them
 * in source order.  An action is put on a need's places by walking the
 * shorter of its `in` and the places around the need's areas.
 *
 * An action counts only when it says who does it and when (a lead and a
 * start) and is not stopped; a gap that an acceptance holds for is
 * accepted; in a plan in its analysis phase a gap is a finding to plan
 * (W713), not an error.
 */
#include "analysis.h"

#include "accept.h"
#include "eval.h"
#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "places.h"
#include "spelling.h"

typedef struct {
	PairSet running;       /* (action, place): its `in` names the place, outermost places only */
	PairMap outermost;     /* (action, NULL) -> Vec of those places */
	PairSet provided;      /* (capability, place): an actor serving the place provides it */
	PairMap routed;        /* (need, area) -> Routed: the first route of its signals to a body */
	PairSet signalled;     /* (need, area): a signal of the need names the area */
} Index;

typedef struct {
	Signal *signal;
	Route *route;
} Routed;

/* The places of an action's `in` that no other place of its `in` contains. */
static void index_action(Index *ix, Action *a)
{
	PairSet listed = { 0 };
	for (size_t i = 0; i < a->places.len; i++)
		pairset_add(&listed, a->places.items[i], NULL);
	Vec *outer = NEW(Vec);
	for (size_t i = 0; i < a->places.len; i++) {
		Place *p = a->places.items[i];
		bool inside = false;
		for (Place *up = p->parent; up && !inside; up = up->parent)
			inside = pairset_has(&listed, up, NULL);
		if (!inside && pairset_add(&ix->running, a, p))
			vec_push(outer, p);
	}
	pairset_map_put(&ix->outermost, a, NULL, outer);
}

static void index_world(World *w, Index *ix)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			if (a->places.len)
				index_action(ix, a);
		}
		for (size_t k = 0; k < m->actors.len; k++) {
			Actor *actor = VEC_AT(m->actors, Actor, k);
			for (size_t c = 0; c < actor->provides.len; c++)
				for (size_t p = 0; p < actor->serves.len; p++)
					pairset_add(&ix->provided, actor->provides.items[c], actor->serves.items[p]);
		}
		for (size_t k = 0; k < m->signals.len; k++) {
			Signal *s = VEC_AT(m->signals, Signal, k);
			if (!s->need)
				continue;
			for (size_t a = 0; a < s->areas.len; a++)
				pairset_add(&ix->signalled, s->need, s->areas.items[a]);
			if (s->status == SIG_REFUSED)
				continue; /* the body said no: the need is not addressed there */
			for (size_t r = 0; r < s->routes.len; r++) {
				Route *route = s->routes.items[r];
				if (route->body && !pairset_map_get(&ix->routed, s->need, route->area)) {
					Routed *found = NEW(Routed);
					*found = (Routed){ s, route };
					pairset_map_put(&ix->routed, s->need, route->area, found);
				}
			}
		}
	}
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

/* "signal N in" (a need with several areas names the one the hint is
   about): the words in the spelling of the need's file (spelling.h). */
static const char *signal_start(const Need *n)
{
	Spelling s = spelling_of_module(n->base.module);
	return mem_printf(n->areas.len > 1 ? "%s %s %s" : "%s %s", spelling_keyword(DECL_SIGNAL, s),
			  entity_name(&n->base), spelling_join("in", "in:", s));
}

/* "signal N to TARGET", spelt as the need's file is. */
static const char *signal_line(const Need *n, const char *target)
{
	Spelling s = spelling_of_module(n->base.module);
	return mem_printf("%s %s %s %s", spelling_keyword(DECL_SIGNAL, s), entity_name(&n->base),
			  spelling_join("to", "to: the target", s), target);
}

/* The kind a hint names: in a file with Dutch keywords its first alias
   (`provincie`: the stdlib's Dutch name), when the file sees the kind under it. */
static const char *kind_word(World *w, const Need *n, const Kind *kind)
{
	const Decl *d = kind->base.decl;
	if (spelling_of_module(n->base.module) == SPELLING_DUTCH && d->alias_count &&
	    names_find(w, n->base.module, NS_KIND, d->aliases[0].text) == &kind->base)
		return d->aliases[0].text;
	return entity_name(&kind->base);
}

/* The hint of spec 5.1: the signal that would address a gap, and its fix.
   A need with several areas signals this one (`in AREA`), so the line
   changes nothing elsewhere. */
static void hint_signal(World *w, Diagnostic *d, const Index *ix, Need *n, Coverage *c)
{
	/* a signal for this area exists already: its own error says why it does not count */
	if (pairset_has(&ix->signalled, n, c->area))
		return;
	for (size_t i = 0; i < n->requires.len; i++) {
		Capability *cap = n->requires.items[i];
		if (provided_locally(&ix->provided, cap, c->area) || !cap->handled_by)
			continue;
		Kind *kind = cap->handled_by;
		Body *b = escalate_resolve(kind, c->area, n->base.module->eval_day).body;
		const char *kind_name = kind_word(w, n, kind);
		const char *line = n->areas.len > 1
			? mem_printf("%s %s %s %s", signal_start(n), entity_name(&c->area->base),
				     spelling_join("to", "to: the target", spelling_of_module(n->base.module)), kind_name)
			: signal_line(n, kind_name);
		if (!b) { /* a signal to the kind would not resolve: do not suggest it */
			diag_note(d, (SrcLoc){ 0 },
				  "hint: no actor serving %s provides %s, and no body of kind '%s' has %s among its "
				  "members; signal it to a body you know: %s",
				  entity_name(&c->area->base), entity_name(&cap->base), entity_name(&kind->base),
				  entity_name(&c->area->base), signal_line(n, _("BODY")));
			return;
		}
		diag_note(d, (SrcLoc){ 0 }, "hint: no actor serving %s provides %s; signal it: %s (reaches %s)",
			  entity_name(&c->area->base), entity_name(&cap->base), line, entity_title(&b->base));
		/* the kind must be the one this file sees under that name */
		if (names_find(w, n->base.module, NS_KIND, kind_name) == &kind->base)
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
		return _("is stopped");
	if (!a->lead && !a->has_from)
		return _("has no lead and no start (from): it counts once it says who does it and when");
	if (!a->lead)
		return _("has no lead: it counts once it says who does it");
	if (!a->has_from)
		return _("has no start (from): it counts once it says when it starts");
	return NULL;
}

/* Whether an action runs in the area (its `in` names it or a place around it,
   or it has no `in`), counted or not. */
static bool runs_in(const Index *ix, const Action *a, const Place *area)
{
	if (a->places.len == 0)
		return true;
	for (const Place *p = area; p; p = p->parent)
		if (pairset_has(&ix->running, a, p))
			return true;
	return false;
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
				   entity_name(&n->base), entity_word(&c->area->base), entity_name(&c->area->base));
	return diag_report(w->diags, DIAG_E701, c->loc,
			   "need '%s' is not addressed in %s '%s': no action runs there and no signal covers it",
			   entity_name(&n->base), entity_word(&c->area->base), entity_name(&c->area->base));
}

static void report_gap(World *w, const Index *ix, Need *n, Coverage *c)
{
	Diagnostic *d = report_gap_finding(w, n, c);
	if (!d)
		return;
	for (size_t i = 0; i < n->actions.len && i < 3; i++) {
		Action *a = n->actions.items[i];
		const char *why = not_counted(a);
		if (why && runs_in(ix, a, c->area))
			diag_note(d, a->base.decl->id.loc, "action '%s' addresses it but %s", entity_name(&a->base), why);
		else
			diag_note(d, a->base.decl->id.loc, "action '%s' addresses it but does not run in %s",
				  entity_name(&a->base), entity_name(&c->area->base));
	}
	for (size_t i = 0; i < n->signals.len && i < 3; i++) {
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
	hint_signal(w, d, ix, n, c);
}

/*
 * Where the actions of one need run, by the places around its areas.  What
 * is per need lives in the places and actions themselves, marked with the
 * need (Place.cover_need, Action.cover_need), so classifying a need
 * allocates no table of its own; the two lists are reused from need to need.
 */
typedef struct {
	const Need *need;
	Vec everywhere;        /* its actions without `in` (not stopped), in order */
	Vec around;            /* the places around its areas, each once */
} NeedRuns;

static bool is_around(const NeedRuns *r, const Place *p)
{
	return p->cover_need == r->need;
}

static void put_on(Place *p, Action *a)
{
	if (!p->cover_actions)
		p->cover_actions = NEW(Vec);
	vec_push(p->cover_actions, a);
}

static void need_runs(const Index *ix, Need *n, NeedRuns *r)
{
	r->need = n;
	r->everywhere.len = r->around.len = 0;
	for (size_t i = 0; i < n->areas.len; i++)
		for (Place *p = VEC_AT(n->areas, Coverage, i)->area; p && !is_around(r, p); p = p->parent) {
			p->cover_need = n;
			if (p->cover_actions)
				p->cover_actions->len = 0;
			vec_push(&r->around, p);
		}
	for (size_t i = 0; i < n->actions.len; i++) {
		Action *a = n->actions.items[i];
		a->cover_need = n;
		a->cover_position = i;
		if (not_counted(a))
			continue;
		if (a->places.len == 0) {
			vec_push(&r->everywhere, a);
			continue;
		}
		const Vec *outer = pairset_map_get(&ix->outermost, a, NULL);
		if (outer->len <= r->around.len) {
			for (size_t k = 0; k < outer->len; k++)
				if (is_around(r, outer->items[k]))
					put_on(outer->items[k], a);
		} else {
			for (size_t k = 0; k < r->around.len; k++)
				if (pairset_has(&ix->running, a, r->around.items[k]))
					put_on(r->around.items[k], a);
		}
	}
}

static size_t position(const Action *a)
{
	return a->cover_position;
}

/* The actions covering c: counted, and the first few kept in source order
   (a merge of the need-wide list and the lists of the places around c). */
static void covering_actions(const NeedRuns *r, Coverage *c)
{
	const Vec *lists[PLACES_MAX_DEPTH + 2];
	size_t next[PLACES_MAX_DEPTH + 2] = { 0 };
	size_t count = 0;
	lists[count++] = &r->everywhere;
	c->action_count = r->everywhere.len;
	for (Place *p = c->area; p && count < PLACES_MAX_DEPTH + 2; p = p->parent) {
		const Vec *list = p->cover_actions;
		if (list && list->len) {
			lists[count++] = list;
			c->action_count += list->len;
		}
	}
	while (c->actions.len < COVERAGE_LISTED_ACTIONS) {
		size_t best = count;
		for (size_t i = 0; i < count; i++)
			if (next[i] < lists[i]->len &&
			    (best == count || position(lists[i]->items[next[i]]) <
					      position(lists[best]->items[next[best]])))
				best = i;
		if (best == count)
			break;
		vec_push(&c->actions, lists[best]->items[next[best]++]);
	}
}

static void classify(World *w, const Index *ix, const NeedRuns *r, Need *n, Coverage *c)
{
	covering_actions(r, c);
	if (c->action_count) {
		c->status = COVER_COVERED;
		return;
	}
	const Routed *routed = pairset_map_get(&ix->routed, n, c->area);
	if (routed) {
		c->status = COVER_SIGNALLED;
		c->signal = routed->signal;
		c->body = routed->route->body;
		return;
	}
	if (c->acceptance && c->acceptance->in_force) {
		c->status = COVER_ACCEPTED; /* visibly, until its date (accept.c) */
		c->acceptance->gaps++;
		return;
	}
	c->status = COVER_GAP;
	if (c->acceptance)
		c->acceptance->expired_gaps++;
	report_gap(w, ix, n, c);
}

void coverage_compute(World *w)
{
	Index ix = { 0 };
	index_world(w, &ix);
	NeedRuns runs = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->needs.len; k++) {
			Need *n = VEC_AT(m->needs, Need, k);
			need_runs(&ix, n, &runs);
			for (size_t c = 0; c < n->areas.len; c++)
				classify(w, &ix, &runs, n, VEC_AT(n->areas, Coverage, c));
		}
	}
}
