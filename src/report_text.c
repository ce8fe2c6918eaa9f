/*
 * report_text.c — the evaluated plan as text, the signals grouped by the
 * body they reach, and the one-line summary of `check`.
 */
#include "report.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"

static void text_plan_header(const Module *m, StrBuf *out)
{
	const Plan *p = m->plan;
	if (!p) {
		buf_printf(out, "%s\n", m->src->path);
		return;
	}
	buf_printf(out, "%s (%s)\n", entity_title(&p->base), entity_name(&p->base));
	if (p->municipality)
		buf_printf(out, _("  municipality: %s\n"), entity_title(&p->municipality->base));
	if (p->body)
		buf_printf(out, _("  body: %s\n"), entity_title(&p->body->base));
	if (p->has_period)
		buf_printf(out, _("  period: %s .. %s\n"), date_format(p->period_start), date_format(p->period_end));
	if (p->phase)
		buf_printf(out, _("  phase: %s\n"), _(report_phase_word(p->phase)));
	buf_printf(out, _("  evaluated on: %s\n"), date_format_days(m->eval_day));
	if (p->owner)
		buf_printf(out, _("  owner: %s\n"), p->owner);
}

/* Per area, the needs of this file that lie in it (source order) and their status. */
static void text_areas(const Module *m, StrBuf *out)
{
	Vec places = report_need_places(m);
	if (places.len)
		buf_puts(out, _("\nNeeds by area\n"));
	for (size_t i = 0; i < places.len; i++) {
		const Place *p = places.items[i];
		buf_printf(out, "  %s (%s)\n", entity_title(&p->base), entity_name(&p->base));
		for (size_t c = 0; c < p->coverages.len; c++) {
			const Coverage *cov = VEC_AT(p->coverages, Coverage, c);
			const Need *n = cov->need;
			if (n->base.module != m)
				continue; /* a stdlib municipality carries the needs of every plan */
			size_t start = out->len;
			buf_printf(out, "    %s", entity_name(&n->base));
			if (n->priority)
				buf_printf(out, " [%s]", _(report_priority_word(n->priority)));
			buf_pad(out, start, 34);
			buf_printf(out, " %s\n", report_coverage_text(cov));
		}
	}
}

/* Each indicator: what it aims at, its measurements with their change, its progress. */
static void text_indicators(const Vec *indicators, StrBuf *out)
{
	for (size_t k = 0; k < indicators->len; k++) {
		const Indicator *ind = VEC_AT(*indicators, Indicator, k);
		buf_printf(out, _("    indicator %s \"%s\": %s\n"), ind->id.text, ind->title, report_indicator_line(ind));
		const char *series = ind->ok ? report_series_text(ind) : NULL;
		if (series)
			buf_printf(out, _("      measured: %s\n"), series);
		buf_printf(out, "      %s\n", report_progress_line(ind));
	}
}

static void text_actions(const Module *m, StrBuf *out)
{
	if (m->actions.len)
		buf_puts(out, _("\nActions\n"));
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		buf_printf(out, "  %s \"%s\": %s", entity_name(&a->base), entity_title(&a->base), _(report_status_word(a->status)));
		if (a->has_from || a->has_to)
			buf_printf(out, ", %s .. %s", a->has_from ? date_format(a->from) : "?",
				   a->has_to ? date_format(a->to) : "?");
		buf_putc(out, '\n');
		if (a->lead)
			buf_printf(out, _("    lead: %s\n"), entity_title(&a->lead->base));
		for (size_t k = 0; k < a->adjustments.len; k++) {
			const Adjustment *adj = VEC_AT(a->adjustments, Adjustment, k);
			buf_printf(out, _("    adjusted %s: %s\n"), date_format(adj->date), adj->text);
		}
		text_indicators(&a->indicators, out);
	}
}

/* Needs measured by indicators of their own (outcomes), with those indicators. */
static void text_outcomes(const Module *m, StrBuf *out)
{
	bool any = false;
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		if (n->indicators.len == 0)
			continue;
		if (!any)
			buf_puts(out, _("\nOutcomes\n"));
		any = true;
		buf_printf(out, "  %s \"%s\"\n", entity_name(&n->base), entity_title(&n->base));
		text_indicators(&n->indicators, out);
	}
}

static void text_module_signals(const Module *m, StrBuf *out)
{
	if (m->signals.len)
		buf_puts(out, _("\nSignals\n"));
	for (size_t i = 0; i < m->signals.len; i++) {
		const Signal *s = VEC_AT(m->signals, Signal, i);
		if (!s->need)
			continue;
		for (size_t r = 0; r < s->routes.len; r++) {
			const Route *route = VEC_AT(s->routes, Route, r);
			buf_printf(out, "  %s\n", report_route_text(s, route));
			if (route->reach)
				buf_printf(out, _("    through: %s\n"), report_membership_text(route->reach));
		}
	}
}

/* What the plan accepts, for how long, and why: visible in every report. */
static void text_acceptances(const Module *m, StrBuf *out)
{
	if (m->acceptances.len)
		buf_puts(out, _("\nAccepted\n"));
	for (size_t i = 0; i < m->acceptances.len; i++) {
		const Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
		buf_printf(out, "  %s: \"%s\" (%s)\n", report_acceptance_subject(a), a->reason ? a->reason : "",
			   report_acceptance_state(a));
	}
}

/* ", 2 accepted" when some gaps are accepted. */
static void text_accepted_count(const ReportTotals *t, StrBuf *out)
{
	if (t->accepted)
		buf_printf(out, _(", %zu accepted"), t->accepted);
}

static void text_summary(const World *w, StrBuf *out)
{
	ReportTotals t = report_totals(w);
	buf_puts(out, _("\nSummary\n"));
	buf_printf(out, i18n_plural("  needs: %zu in %zu need-area", "  needs: %zu in %zu need-areas", t.pairs), t.needs,
		   t.pairs);
	buf_printf(out, _(": %zu covered, %zu signalled, "), t.covered, t.signalled);
	buf_printf(out, i18n_plural("%zu gap", "%zu gaps", t.gaps), t.gaps);
	text_accepted_count(&t, out);
	buf_putc(out, '\n');
	buf_printf(out, _("  actions: %zu, indicators: %zu: %zu achieved, %zu on track, %zu behind, %zu no data"),
		   t.actions, t.indicators, t.by_status[IND_ACHIEVED], t.by_status[IND_ON_TRACK],
		   t.by_status[IND_BEHIND], t.by_status[IND_NO_DATA]);
	if (t.by_status[IND_STOPPED])
		buf_printf(out, _(", %zu stopped"), t.by_status[IND_STOPPED]);
	buf_putc(out, '\n');
	buf_puts(out, _("  findings: "));
	diag_summary(w->diags, out);
	buf_putc(out, '\n');
}

void report_text_eval(const World *w, StrBuf *out)
{
	bool first = true;
	FOR_USER_MODULES(w, m) {
		if (!first)
			buf_puts(out, "\n");
		first = false;
		text_plan_header(m, out);
		text_areas(m, out);
		text_outcomes(m, out);
		text_actions(m, out);
		text_module_signals(m, out);
		text_acceptances(m, out);
	}
	text_summary(w, out);
}


void report_text_check_summary(const World *w, StrBuf *out)
{
	ReportTotals t = report_totals(w);
	buf_puts(out, "carenet: ");
	buf_printf(out, i18n_plural("%zu need", "%zu needs", t.needs), t.needs);
	buf_printf(out, i18n_plural(" in %zu need-area", " in %zu need-areas", t.pairs), t.pairs);
	buf_printf(out, _(": %zu covered, %zu signalled, "), t.covered, t.signalled);
	buf_printf(out, i18n_plural("%zu gap", "%zu gaps", t.gaps), t.gaps);
	text_accepted_count(&t, out);
	buf_puts(out, "; ");
	diag_summary(w->diags, out);
	buf_putc(out, '\n');
}
