/*
 * report_markdown.c — the evaluated plan as markdown, for a wiki or a
 * pull request.
 */
#include "report.h"

#include "format.h"
#include "i18n.h"
#include "mem.h"

static void md_header(const Module *m, StrBuf *out)
{
	const Plan *p = m->plan;
	buf_printf(out, "# %s\n\n", p ? report_markdown_cell(entity_title(&p->base)) : report_markdown_cell(m->src->path));
	if (!p)
		return;
	if (p->municipality)
		buf_printf(out, _("- Municipality: %s\n"), report_markdown_cell(entity_title(&p->municipality->base)));
	if (p->has_period)
		buf_printf(out, _("- Period: %s .. %s\n"), date_format(p->period_start), date_format(p->period_end));
	if (p->phase)
		buf_printf(out, _("- Phase: %s\n"), _(report_phase_word(p->phase)));
	buf_printf(out, _("- Evaluated on: %s\n"), date_format_days(m->eval_day));
	if (p->owner)
		buf_printf(out, _("- Owner: %s\n"), report_markdown_cell(p->owner));
	buf_putc(out, '\n');
}

static void md_needs(const Module *m, StrBuf *out)
{
	if (m->needs.len == 0)
		return;
	buf_puts(out, _("## Needs\n\n| Need | Area | Status | By |\n|---|---|---|---|\n"));
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			buf_printf(out, "| %s | %s | %s | %s |\n", report_markdown_cell(entity_title(&n->base)), report_markdown_cell(entity_title(&cov->area->base)),
				   cov->status == COVER_GAP ? _("**gap**") : _(report_cover_word(cov->status)),
				   report_markdown_cell(report_coverage_text(cov)));
		}
	}
	buf_putc(out, '\n');
}

/* An indicator, and the table of its measurements with their change. */
static void md_indicator(const Indicator *ind, StrBuf *out)
{
	buf_printf(out, "- **%s**: %s; %s\n", report_markdown_cell(ind->title), report_indicator_line(ind), report_progress_line(ind));
	Vec series = ind->ok ? report_series(ind) : (Vec){ 0 };
	if (series.len == 0)
		return;
	buf_puts(out, _("\n  | Date | Value | Change | Sample |\n  |---|---|---|---|\n"));
	if (ind->has_baseline_date)
		buf_printf(out, _("  | %s (baseline) | %s | | %s |\n"), date_format(ind->baseline_date),
			   report_value(ind, ind->baseline),
			   ind->has_baseline_sample ? format_number(ind->baseline_sample) : "");
	double before = ind->baseline;
	for (size_t i = 0; i < series.len; i++) {
		const Measure *ms = series.items[i];
		buf_printf(out, "  | %s | %s | %s | %s |\n", date_format(ms->date), report_value(ind, ms->value),
			   report_change(ind, before, ms->value), ms->has_sample ? format_number(ms->sample) : "");
		before = ms->value;
	}
	buf_putc(out, '\n');
}

static void md_outcomes(const Module *m, StrBuf *out)
{
	bool any = false;
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		if (n->indicators.len == 0)
			continue;
		if (!any)
			buf_puts(out, _("## Outcomes\n\n"));
		any = true;
		buf_printf(out, "### %s\n\n", report_markdown_cell(entity_title(&n->base)));
		for (size_t k = 0; k < n->indicators.len; k++)
			md_indicator(VEC_AT(n->indicators, Indicator, k), out);
		buf_putc(out, '\n');
	}
}

static void md_actions(const Module *m, StrBuf *out)
{
	if (m->actions.len == 0)
		return;
	buf_puts(out, _("## Actions\n\n"));
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		buf_printf(out, "### %s (%s)\n\n", report_markdown_cell(entity_title(&a->base)), _(report_status_word(a->status)));
		for (size_t k = 0; k < a->adjustments.len; k++) {
			const Adjustment *adj = VEC_AT(a->adjustments, Adjustment, k);
			buf_printf(out, _("- Adjusted %s: %s\n"), date_format(adj->date), report_markdown_cell(adj->text));
		}
		for (size_t k = 0; k < a->indicators.len; k++)
			md_indicator(VEC_AT(a->indicators, Indicator, k), out);
		buf_putc(out, '\n');
	}
}

static void md_signals(const Module *m, StrBuf *out)
{
	if (m->signals.len == 0)
		return;
	buf_puts(out, _("## Signals\n\n"));
	for (size_t i = 0; i < m->signals.len; i++) {
		const Signal *s = VEC_AT(m->signals, Signal, i);
		for (size_t r = 0; s->need && r < s->routes.len; r++)
			buf_printf(out, "- %s\n", report_markdown_cell(report_route_text(s, VEC_AT(s->routes, Route, r))));
	}
	buf_putc(out, '\n');
}

static void md_acceptances(const Module *m, StrBuf *out)
{
	if (m->acceptances.len == 0)
		return;
	buf_puts(out, _("## Accepted\n\n| Accepted | Reason | Now |\n|---|---|---|\n"));
	for (size_t i = 0; i < m->acceptances.len; i++) {
		const Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
		buf_printf(out, "| %s | %s | %s |\n", report_markdown_cell(report_acceptance_subject(a)), report_markdown_cell(a->reason),
			   report_acceptance_state(a));
	}
	buf_putc(out, '\n');
}

void report_markdown_eval(const World *w, StrBuf *out)
{
	FOR_USER_MODULES(w, m) {
		md_header(m, out);
		md_needs(m, out);
		md_outcomes(m, out);
		md_actions(m, out);
		md_signals(m, out);
		md_acceptances(m, out);
	}
	ReportTotals t = report_totals(w);
	buf_printf(out, _("## Summary\n\n- Needs: %zu (covered %zu, signalled %zu, gaps %zu"), t.needs, t.covered,
		   t.signalled, t.gaps);
	if (t.accepted)
		buf_printf(out, _(", accepted %zu"), t.accepted);
	buf_printf(out, _(")\n- Indicators: %zu (%zu achieved, %zu on track, %zu behind, %zu no data"), t.indicators, t.by_status[IND_ACHIEVED],
		   t.by_status[IND_ON_TRACK], t.by_status[IND_BEHIND], t.by_status[IND_NO_DATA]);
	if (t.by_status[IND_STOPPED])
		buf_printf(out, _(", %zu stopped"), t.by_status[IND_STOPPED]);
	buf_puts(out, ")\n");
}
