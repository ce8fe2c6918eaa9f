/*
 * impact.c — indicators: latest measurement, progress, expected progress
 * and status (spec 5.3), from the figures eval.c computed.
 *
 * progress = (latest - baseline) / (target - baseline), so falling targets
 * (fewer lonely people) work as rising ones do.  Expected progress runs on a
 * straight line from the action's start to the deadline; more than 10
 * percentage points under it is "behind".
 */
#include "analysis.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "eval.h"
#include "format.h"
#include "i18n.h"
#include "mem.h"

#define BEHIND_MARGIN 0.10

static bool is_count_of_persons(const char *unit)
{
	return unit && (strcmp(unit, "persons") == 0 || strcmp(unit, "people") == 0 ||
			strcmp(unit, "personen") == 0);
}

/*
 * The persons of `group` (NULL: residents) where the action runs, summed
 * over its places, each once: its `in`, else the areas of its needs.  For
 * an action without `in` that addresses one need (the usual shape) the sum
 * is kept per need and group, so N such actions on a need in N areas cost
 * N, not N x N.  False when a figure is unknown.
 */
typedef struct {
	double value;
	bool known;
} Possible;

/* Add the group's size in p to *total, once per place (seen); false when unknown. */
static bool add_place(Place *p, const Group *group, PairSet *seen, double *total)
{
	double size;
	if (!pairset_add(seen, p, NULL))
		return true;
	if (!eval_group_total(p, group, &size))
		return false;
	*total += size;
	return true;
}

static bool sum_places(const Vec *places, const Group *group, PairSet *seen, double *total)
{
	for (size_t i = 0; i < places->len; i++)
		if (!add_place(places->items[i], group, seen, total))
			return false;
	return true;
}

static bool sum_need_areas(const Need *n, const Group *group, PairSet *seen, double *total)
{
	for (size_t i = 0; i < n->areas.len; i++)
		if (!add_place(VEC_AT(n->areas, Coverage, i)->area, group, seen, total))
			return false;
	return true;
}

static bool possible_for(PairMap *per_need, const Action *a, const Group *group, double *out)
{
	PairSet seen = { 0 };
	*out = 0;
	if (a->places.len)
		return sum_places(&a->places, group, &seen, out);
	if (a->addresses.len != 1) {
		for (size_t i = 0; i < a->addresses.len; i++)
			if (!sum_need_areas(a->addresses.items[i], group, &seen, out))
				return false;
		return true;
	}
	Need *n = a->addresses.items[0];
	Possible *known = pairset_map_get(per_need, n, group);
	if (!known) {
		known = NEW(Possible);
		known->known = sum_need_areas(n, group, &seen, &known->value);
		pairset_map_put(per_need, n, group, known);
	}
	*out = known->value;
	return known->known;
}

static bool runs_anywhere(const Action *a)
{
	if (a->places.len)
		return true;
	for (size_t i = 0; i < a->addresses.len; i++)
		if (VEC_AT(a->addresses, Need, i)->areas.len)
			return true;
	return false;
}

/* W802: more persons than the target group (or population) of the action's places. */
static void check_possible(World *w, PairMap *per_need, Indicator *ind)
{
	Action *a = ind->action;
	if (ind->target_percent) {
		if (ind->target > 1.0 + 1e-9)
			diag_report(w->diags, DIAG_W802, ind->target_expr->loc,
				    "target %s of indicator '%s' is more than 100%%", format_percent(ind->target),
				    ind->id.text);
		return;
	}
	if (!a || !is_count_of_persons(ind->unit) || !runs_anywhere(a))
		return; /* a need's indicator has no places of its own to compare with */
	Group *group = NULL;
	for (size_t i = 0; i < a->addresses.len && !group; i++)
		group = VEC_AT(a->addresses, Need, i)->group;
	double possible;
	if (!possible_for(per_need, a, group, &possible))
		return; /* unknown: nothing to compare with */
	if (ind->target > possible + 1e-9)
		diag_report(w->diags, DIAG_W802, ind->target_expr->loc,
			    "target %s of indicator '%s' is more than the %s %s in the places of action '%s'",
			    format_number(ind->target), ind->id.text, format_number(possible),
			    group ? entity_name(&group->base) : _("residents"), entity_name(&a->base));
}

/* The latest measurement at or before the evaluation date; W803, W804. */
static void find_latest(World *w, Indicator *ind, long today)
{
	for (size_t i = 0; i < ind->measures.len; i++) {
		Measure *ms = ind->measures.items[i];
		long day = date_last_day(ms->date);
		if (day > today) {
			diag_report(w->diags, DIAG_W803, ms->loc,
				    "measurement of %s is after the evaluation date %s and is ignored",
				    date_format(ms->date), date_format_days(today));
			continue;
		}
		ms->counted = true;
		if (ind->start != LONG_MIN && day < ind->start && ind->action)
			diag_report(w->diags, DIAG_W804, ms->loc,
				    "measurement of %s is before action '%s' starts (%s)", date_format(ms->date),
				    entity_name(&ind->action->base), date_format_days(ind->start));
		else if (ind->start != LONG_MIN && day < ind->start)
			diag_report(w->diags, DIAG_W804, ms->loc,
				    "measurement of %s is before the baseline of indicator '%s' (%s)",
				    date_format(ms->date), ind->id.text, date_format_days(ind->start));
		if (ms->ok && (!ind->latest || day >= date_last_day(ind->latest->date)))
			ind->latest = ms;
	}
}

static void compute_status(Indicator *ind, long today)
{
	ind->expected = NAN;
	if (ind->start != LONG_MIN && ind->deadline != LONG_MIN && ind->deadline > ind->start) {
		double t = (double)(today - ind->start) / (double)(ind->deadline - ind->start);
		ind->expected = t < 0 ? 0 : t > 1 ? 1 : t;
	}
	if (!ind->latest) {
		ind->status = IND_NO_DATA;
		ind->progress = NAN;
		return;
	}
	double span = ind->target - ind->baseline;
	if (span == 0)
		ind->progress = ind->latest->value == ind->target ? 1 : 0;
	else
		ind->progress = (ind->latest->value - ind->baseline) / span;
	if (ind->progress >= 1 - 1e-9)
		ind->status = IND_ACHIEVED;
	else if (!isnan(ind->expected) && ind->progress < ind->expected - BEHIND_MARGIN)
		ind->status = IND_BEHIND;
	else
		ind->status = IND_ON_TRACK;
}

/*
 * Where the straight line of expected progress starts: an action's
 * indicator at the action's start (spec 5.3), a need's at its dated
 * baseline; either, failing that, at the start of the plan's period.
 * The date as written goes to *begins (year 0: none), for the reports.
 */
static long start_of(const Indicator *ind, const Plan *plan, Date *begins)
{
	*begins = (Date){ 0 };
	if (ind->action && ind->action->has_from) {
		*begins = ind->action->from;
		return date_first_day(ind->action->from);
	}
	if (!ind->action && ind->has_baseline_date && ind->baseline_date.year) {
		*begins = ind->baseline_date;
		return date_last_day(ind->baseline_date);
	}
	if (!plan || !plan->has_period)
		return LONG_MIN;
	*begins = plan->period_start;
	return date_first_day(plan->period_start);
}

static void compute_indicator(World *w, PairMap *per_need, Module *m, Indicator *ind)
{
	Action *a = ind->action;
	Plan *plan = m->plan;
	long today = m->eval_day;
	ind->start = start_of(ind, plan, &ind->begins);
	/* the deadline: its own `by`, else the action's end, else the plan's; kept as written too */
	ind->due = ind->has_by ? ind->by : a && a->has_to ? a->to : plan && plan->has_period ? plan->period_end : (Date){ 0 };
	ind->deadline = ind->due.year ? date_last_day(ind->due) : LONG_MIN;
	find_latest(w, ind, today);
	if (!ind->ok) {
		ind->status = IND_NO_DATA;
		ind->progress = ind->expected = NAN;
		return;
	}
	compute_status(ind, today);
	/* a stopped action's indicator is not behind: nobody is still trying */
	if (a && a->status == STATUS_STOPPED)
		ind->status = IND_STOPPED;
	check_possible(w, per_need, ind);
}

void impact_compute(World *w)
{
	PairMap per_need = { 0 }; /* (need, group) -> Possible */
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->needs.len; k++) {
			Need *n = VEC_AT(m->needs, Need, k);
			for (size_t j = 0; j < n->indicators.len; j++)
				compute_indicator(w, &per_need, m, VEC_AT(n->indicators, Indicator, j));
		}
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			if (a->indicators.len == 0 && !m->is_stdlib)
				diag_report(w->diags, DIAG_W801, a->base.decl->id.loc,
					    "action '%s' has no indicator: how will you know it works?",
					    entity_name(&a->base));
			for (size_t n = 0; n < a->indicators.len; n++)
				compute_indicator(w, &per_need, m, VEC_AT(a->indicators, Indicator, n));
		}
	}
}
