/*
 * metric.c — shared indicator definitions (see metric.h).
 *
 * A metric is declared once, usually in a shared module (stdlib/indicators.care),
 * and named by the indicators of many plans; `compare` puts those side by
 * side.  So that they are comparable, an indicator may not say another unit
 * than its metric (E511), and its figures must lie on the metric's scale.
 */
#include "metric.h"

#include <string.h>

#include "format.h"
#include "mem.h"
#include "names.h"

void metric_bind(World *w, Module *m, Indicator *ind)
{
	if (!ind->metric_ref)
		return;
	ind->metric = (Metric *)names_resolve(w, m, ind->metric_ref, NS_BIT(NS_METRIC), "the metric of an indicator");
	const Metric *metric = ind->metric;
	if (!metric || !metric->unit)
		return;
	if (!ind->unit) {
		ind->unit = metric->unit;
		return;
	}
	if (strcmp(ind->unit, metric->unit) == 0)
		return;
	Diagnostic *d = diag_report(w->diags, DIAG_E511, ind->unit_loc,
				    "indicator '%s' counts in '%s', but its metric '%s' in '%s'", ind->id.text,
				    ind->unit, entity_name(&metric->base), metric->unit);
	diag_note(d, metric->base.decl->id.loc, "metric '%s' is declared here", entity_name(&metric->base));
	diag_note(d, (SrcLoc){ 0 },
		  "measure on the metric's scale, or leave the metric out: an indicator in other units is not comparable");
}

static bool outside(const Metric *metric, double v)
{
	return v < metric->scale_low - 1e-9 || v > metric->scale_high + 1e-9;
}

static void report_outside(World *w, const Indicator *ind, SrcLoc loc, const char *what, double v)
{
	const Metric *metric = ind->metric;
	Diagnostic *d = diag_report(w->diags, DIAG_W805, loc, "%s %s of indicator '%s' lies outside the scale of metric '%s' (%s .. %s)",
				    what, format_number(v), ind->id.text, entity_name(&metric->base),
				    format_number(metric->scale_low), format_number(metric->scale_high));
	diag_note(d, metric->base.decl->id.loc, "metric '%s' is declared here", entity_name(&metric->base));
}

static void check_scale(World *w, const Indicator *ind)
{
	if (!ind->metric->has_scale || !ind->ok)
		return;
	if (ind->baseline_expr && outside(ind->metric, ind->baseline))
		report_outside(w, ind, ind->baseline_expr->loc, "baseline", ind->baseline);
	if (ind->target_expr && outside(ind->metric, ind->target))
		report_outside(w, ind, ind->target_expr->loc, "target", ind->target);
	for (size_t i = 0; i < ind->measures.len; i++) {
		const Measure *ms = ind->measures.items[i];
		if (ms->ok && outside(ind->metric, ms->value))
			report_outside(w, ind, ms->loc, "measurement", ms->value);
	}
}

/* W806: a lower_is_better metric with a target above the baseline, or the other way round. */
static void check_direction(World *w, const Indicator *ind)
{
	const Metric *metric = ind->metric;
	if (!ind->ok || !ind->target_expr || !ind->baseline_expr || metric->direction == DIRECTION_NONE || ind->target == ind->baseline)
		return;
	bool rises = ind->target > ind->baseline;
	if (rises == (metric->direction == DIRECTION_HIGHER))
		return;
	const char *target = format_number(ind->target), *baseline = format_number(ind->baseline);
	Diagnostic *d = rises ? diag_report(w->diags, DIAG_W806, ind->target_expr->loc,
					    "target %s of indicator '%s' is higher than its baseline %s, but for metric '%s' "
					    "lower is better",
					    target, ind->id.text, baseline, entity_name(&metric->base))
			      : diag_report(w->diags, DIAG_W806, ind->target_expr->loc,
					    "target %s of indicator '%s' is lower than its baseline %s, but for metric '%s' "
					    "higher is better",
					    target, ind->id.text, baseline, entity_name(&metric->base));
	diag_note(d, metric->base.decl->id.loc, "metric '%s' is declared here", entity_name(&metric->base));
}

static void check_list(World *w, const Vec *indicators)
{
	for (size_t i = 0; i < indicators->len; i++) {
		const Indicator *ind = indicators->items[i];
		if (!ind->metric)
			continue;
		check_scale(w, ind);
		check_direction(w, ind);
	}
}

void metric_check(World *w)
{
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++)
			check_list(w, &VEC_AT(m->needs, Need, i)->indicators);
		for (size_t i = 0; i < m->actions.len; i++)
			check_list(w, &VEC_AT(m->actions, Action, i)->indicators);
	}
}
