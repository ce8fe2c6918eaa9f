/*
 * checks.c — the other warnings of spec 5.4 and the lead check of 5.1.
 */
#include "analysis.h"

#include <string.h>

#include "mem.h"
#include "names.h"
#include "places.h"

/* W701: the lead should serve (a place around) each place the action runs in. */
static void check_lead(World *w, Action *a)
{
	if (!a->lead)
		return;
	const Vec places = a->runs_in;
	StrBuf missing = { 0 };   /* built only when a place is missing: most leads serve */
	PairSet listed = { 0 };
	size_t count = 0;
	for (size_t i = 0; i < places.len; i++) {
		Place *p = places.items[i];
		bool served = false;
		for (size_t s = 0; s < a->lead->serves.len && !served; s++)
			served = places_within(p, a->lead->serves.items[s]);
		if (!served && pairset_add(&listed, p, NULL)) {
			if (!missing.data)
				buf_init(&missing);
			buf_printf(&missing, "%s'%s'", count ? ", " : "", entity_name(&p->base));
			count++;
		}
	}
	if (count == 0)
		return;
	Diagnostic *d = diag_report(w->diags, DIAG_W701, a->base.decl->id.loc,
				    "the lead of action '%s', %s, does not serve %s", entity_name(&a->base),
				    entity_name(&a->lead->base), missing.data);
	diag_note(d, a->lead->base.decl->id.loc, "add the area%s to 'serves' of '%s' if it does",
		  count == 1 ? "" : "s", entity_name(&a->lead->base));
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

static bool on_meer_net(const Need *n)
{
	int depth = 0;
	for (const FrameworkBlock *b = n->block; b && depth < 32; b = b->part_of, depth++)
		if (strcmp(entity_name(&b->base), "meer_net") == 0)
			return true;
	return false;
}

/* W904: the plan only mends holes when no action works on a 'meer net' need.
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
	diag_note(d, (SrcLoc){ 0 }, "name the municipality it is part of now: municipality %s",
		  entity_name(&muni->merged_into->base));
}

static void check_module(World *w, Module *m)
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
		check_lead(w, a);
		check_period(w, m->plan, a);
		check_status_dates(w, a, m->eval_day);
	}
	check_meer_net(w, m);
}

void checks_run(World *w)
{
	FOR_USER_MODULES(w, m)
		check_module(w, m);
}
