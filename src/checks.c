/*
 * checks.c — the other warnings of spec 5.4 and the lead check of 5.1.
 */
#include "analysis.h"

#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "places.h"
#include "spelling.h"

/*
 * W701: the lead should serve (a place around) each place the action runs
 * in.  For an action without `in` those are the areas of its needs: how
 * many of a need's areas a lead does not serve is worked out once per lead
 * and need, by the shorter way: area by area (walking up, at most
 * PLACES_MAX_DEPTH places), or by the lead's outermost served places and
 * how many of the need's areas lie in each.  The places are named only for
 * a warning that is kept.
 */
typedef struct {
	PairSet serves;          /* (actor, place) */
	PairMap outer_served;    /* (actor, NULL) -> Vec of its served places that no other contains */
	PairMap areas_within;    /* (need, place) -> how many of its areas lie in the place, plus one */
	PairSet counted;         /* (need, NULL): areas_within is filled in */
	PairMap unserved;        /* (actor, need) -> how many of its areas the actor does not serve, plus one */
} LeadIndex;

static bool serves_place(const LeadIndex *ix, const Actor *lead, const Place *p)
{
	for (; p; p = p->parent)
		if (pairset_has(&ix->serves, lead, p))
			return true;
	return false;
}

static const Vec *outer_served(LeadIndex *ix, const Actor *lead)
{
	Vec *outer = pairset_map_get(&ix->outer_served, lead, NULL);
	if (outer)
		return outer;
	outer = NEW(Vec);
	PairSet once = { 0 };
	for (size_t i = 0; i < lead->serves.len; i++) {
		Place *p = lead->serves.items[i];
		if (!serves_place(ix, lead, p->parent) && pairset_add(&once, p, NULL))
			vec_push(outer, p);
	}
	pairset_map_put(&ix->outer_served, lead, NULL, outer);
	return outer;
}

static size_t areas_within(LeadIndex *ix, Need *n, Place *p)
{
	if (pairset_add(&ix->counted, n, NULL))
		for (size_t i = 0; i < n->areas.len; i++)
			for (Place *up = VEC_AT(n->areas, Coverage, i)->area; up; up = up->parent) {
				uintptr_t k = (uintptr_t)pairset_map_get(&ix->areas_within, n, up);
				pairset_map_put(&ix->areas_within, n, up, (void *)(k ? k + 1 : 2));
			}
	uintptr_t k = (uintptr_t)pairset_map_get(&ix->areas_within, n, p);
	return k ? (size_t)k - 1 : 0;
}

static size_t unserved_areas(LeadIndex *ix, Actor *lead, Need *n)
{
	uintptr_t known = (uintptr_t)pairset_map_get(&ix->unserved, lead, n);
	if (known)
		return (size_t)known - 1;
	size_t missing = 0;
	const Vec *outer = outer_served(ix, lead);
	if (n->areas.len <= outer->len) {
		for (size_t i = 0; i < n->areas.len; i++)
			missing += !serves_place(ix, lead, VEC_AT(n->areas, Coverage, i)->area);
	} else {
		size_t served = 0;
		for (size_t i = 0; i < outer->len; i++)
			served += areas_within(ix, n, outer->items[i]);
		missing = n->areas.len - served;
	}
	pairset_map_put(&ix->unserved, lead, n, (void *)(uintptr_t)(missing + 1));
	return missing;
}

/* "'a', 'b'": the places of `places` the lead does not serve, at most 10 named. */
static void name_missing(const LeadIndex *ix, const Actor *lead, Place *p, PairSet *listed, size_t *count,
			 StrBuf *missing)
{
	if (serves_place(ix, lead, p) || !pairset_add(listed, p, NULL))
		return;
	if (*count < 10)
		buf_printf(missing, "%s'%s'", *count ? ", " : "", entity_name(&p->base));
	(*count)++;
}

static void check_lead(World *w, LeadIndex *ix, Action *a)
{
	if (!a->lead)
		return;
	bool any = false;
	for (size_t i = 0; i < a->places.len && !any; i++)
		any = !serves_place(ix, a->lead, a->places.items[i]);
	for (size_t i = 0; a->places.len == 0 && i < a->addresses.len && !any; i++)
		any = unserved_areas(ix, a->lead, a->addresses.items[i]) > 0;
	if (!any)
		return;
	SrcLoc loc = a->base.decl->id.loc;
	if (!diag_keeps(w->diags, DIAG_W701, loc)) {
		diag_report(w->diags, DIAG_W701, loc, "the lead of action '%s' does not serve it", entity_name(&a->base));
		return;
	}
	StrBuf missing = { 0 };
	buf_init(&missing);
	PairSet listed = { 0 };
	size_t count = 0;
	for (size_t i = 0; i < a->places.len; i++)
		name_missing(ix, a->lead, a->places.items[i], &listed, &count, &missing);
	for (size_t i = 0; a->places.len == 0 && i < a->addresses.len; i++) {
		Need *n = a->addresses.items[i];
		for (size_t k = 0; k < n->areas.len; k++)
			name_missing(ix, a->lead, VEC_AT(n->areas, Coverage, k)->area, &listed, &count, &missing);
	}
	if (count > 10)
		buf_printf(&missing, _(" and %zu more"), count - 10);
	Diagnostic *d = diag_report(w->diags, DIAG_W701, loc, "the lead of action '%s', %s, does not serve %s",
				    entity_name(&a->base), entity_name(&a->lead->base), missing.data);
	diag_note(d, a->lead->base.decl->id.loc, "%s",
		  mem_printf(i18n_plural("add the area to 'serves' of '%s' if it does",
					 "add the areas to 'serves' of '%s' if it does", count),
			     entity_name(&a->lead->base)));
}

/* W903: an action that starts before or ends after the plan's period. */
static void check_period(World *w, const Plan *plan, Action *a)
{
	if (!plan || !plan->has_period)
		return;
	long start = date_first_day(plan->period_start), end = date_last_day(plan->period_end);
	if (a->has_from && date_first_day(a->from) < start)
		diag_report(w->diags, DIAG_W903, a->from_loc, "action '%s' starts before the plan's period (%s .. %s)",
			    entity_name(&a->base), date_format(plan->period_start), date_format(plan->period_end));
	else if (a->has_to && date_last_day(a->to) > end)
		diag_report(w->diags, DIAG_W903, a->to_loc, "action '%s' ends after the plan's period (%s .. %s)",
			    entity_name(&a->base), date_format(plan->period_start), date_format(plan->period_end));
}

/* W906-W908: an action's status and its dates must agree on the evaluation date. */
static void check_status_dates(World *w, const Action *a, long today)
{
	const char *name = entity_name(&a->base);
	const char *on = date_format_days(today);
	if (a->status == STATUS_RUNNING && a->has_to && a->to.year && date_last_day(a->to) < today)
		diag_report(w->diags, DIAG_W906, a->to_loc,
			    "action '%s' is running, but it ended on %s (evaluated on %s): is it done, or does it run longer?",
			    name, date_format_days(date_last_day(a->to)), on);
	else if (a->status == STATUS_PLANNED && a->has_from && a->from.year && date_first_day(a->from) < today)
		diag_report(w->diags, DIAG_W907, a->from_loc,
			    "action '%s' is planned, but it started on %s (evaluated on %s): is it running, or does it start later?",
			    name, date_format_days(date_first_day(a->from)), on);
	else if (a->status == STATUS_DONE && a->has_to && a->to.year && date_last_day(a->to) > today)
		diag_report(w->diags, DIAG_W908, a->to_loc,
			    "action '%s' is done, but it runs until %s (evaluated on %s): did it end early?",
			    name, date_format_days(date_last_day(a->to)), on);
}

static bool block_on_meer_net(const FrameworkBlock *block)
{
	int depth = 0;
	for (const FrameworkBlock *b = block; b && depth < 32; b = b->part_of, depth++)
		if (strcmp(entity_name(&b->base), "meer_net") == 0)
			return true;
	return false;
}

static bool on_meer_net(const Need *n)
{
	return block_on_meer_net(n->block);
}

/* W904: the plan only mends holes when no action works on a 'meer net' need
   or names a 'meer net' block itself.
   A plan without actions yet (an analysis, a plan that only signals) mends
   nothing either: it is not told so. */
static void check_meer_net(World *w, Module *m)
{
	if (!m->plan || m->needs.len == 0 || m->actions.len == 0)
		return;
	for (size_t i = 0; i < m->actions.len; i++) {
		Action *a = VEC_AT(m->actions, Action, i);
		for (size_t k = 0; k < a->addresses.len; k++)
			if (on_meer_net(VEC_AT(a->addresses, Need, k)))
				return;
		for (size_t k = 0; k < a->blocks.len; k++)
			if (block_on_meer_net(VEC_AT(a->blocks, FrameworkBlock, k)))
				return;
	}
	diag_report(w->diags, DIAG_W904, m->plan->base.decl->id.loc,
		    "no action of plan '%s' addresses a need on a 'meer net' building block "
		    "(social networks, inclusive roles, ...): the plan only mends holes",
		    entity_name(&m->plan->base));
}

/* W905: the plan's municipality had merged into another by the evaluation date. */
static void check_merged(World *w, const Module *m)
{
	const Plan *plan = m->plan;
	const Place *muni = plan ? plan->municipality : NULL;
	if (!muni || !muni->merged_into || !muni->merged_on.year || m->eval_day < date_first_day(muni->merged_on))
		return;
	Diagnostic *d = diag_report(w->diags, DIAG_W905, plan->base.decl->id.loc,
				    "municipality '%s' no longer exists on %s: on %s it became part of %s (%s)",
				    entity_name(&muni->base), date_format_days(m->eval_day), date_format(muni->merged_on),
				    entity_title(&muni->merged_into->base), entity_name(&muni->merged_into->base));
	diag_note(d, (SrcLoc){ 0 }, "name the municipality it is part of now: %s %s",
		  spelling_keyword(DECL_MUNICIPALITY, spelling_of_module((Module *)m)), /* caches the spelling */
		  entity_name(&muni->merged_into->base));
}

static void check_module(World *w, LeadIndex *ix, Module *m)
{
	check_merged(w, m);
	for (size_t i = 0; i < m->places.len; i++) {
		Place *p = VEC_AT(m->places, Place, i);
		if (p->has_need)
			for (Place *up = p->parent; up && !up->has_need; up = up->parent)
				up->has_need = true;
	}
	for (size_t i = 0; i < m->places.len; i++) {
		Place *p = VEC_AT(m->places, Place, i);
		if (!p->is_municipality && !p->has_need)
			diag_report(w->diags, DIAG_W902, p->base.decl->id.loc,
				    "area '%s' has no need: was it left out of the analysis?", entity_name(&p->base));
	}
	for (size_t i = 0; i < m->actors.len; i++) {
		Actor *a = VEC_AT(m->actors, Actor, i);
		if (a->serves.len == 0 && !a->leads)
			diag_report(w->diags, DIAG_W901, a->base.decl->id.loc,
				    "actor '%s' serves no area and leads no action", entity_name(&a->base));
	}
	for (size_t i = 0; i < m->actions.len; i++) {
		Action *a = VEC_AT(m->actions, Action, i);
		check_lead(w, ix, a);
		check_period(w, m->plan, a);
		check_status_dates(w, a, m->eval_day);
	}
	check_meer_net(w, m);
}

void checks_run(World *w)
{
	LeadIndex ix = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->actors.len; k++) {
			Actor *actor = VEC_AT(m->actors, Actor, k);
			for (size_t p = 0; p < actor->serves.len; p++)
				pairset_add(&ix.serves, actor, actor->serves.items[p]);
		}
	}
	FOR_USER_MODULES(w, m)
		check_module(w, &ix, m);
}
