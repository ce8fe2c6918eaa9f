/*
 * report_markdown.c — the evaluated plan as markdown, for a wiki or a
 * pull request.
 */
#include "report.h"

#include "mem.h"

/* Table cells: no pipes or newlines from plan text. */
static const char *md(const char *s)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (; *s; s++)
		if (*s == '|')
			buf_puts(&b, "\\|");
		else
			buf_putc(&b, *s == '\n' ? ' ' : *s);
	return b.data;
}

void report_markdown_eval(const World *w, StrBuf *out)
{
	FOR_USER_MODULES(w, m) {
		const Plan *p = m->plan;
		buf_printf(out, "# %s\n\n", p ? md(entity_title(&p->base)) : md(m->src->path));
		if (p) {
			if (p->municipality)
				buf_printf(out, "- Municipality: %s\n", md(entity_title(&p->municipality->base)));
			if (p->has_period)
				buf_printf(out, "- Period: %s .. %s\n", date_format(p->period_start), date_format(p->period_end));
			buf_printf(out, "- Evaluated on: %s\n", date_format_days(m->eval_day));
			if (p->owner)
				buf_printf(out, "- Owner: %s\n", md(p->owner));
			buf_putc(out, '\n');
		}
		if (m->needs.len) {
			buf_puts(out, "## Needs\n\n| Need | Area | Status | By |\n|---|---|---|---|\n");
			for (size_t i = 0; i < m->needs.len; i++) {
				const Need *n = VEC_AT(m->needs, Need, i);
				for (size_t c = 0; c < n->areas.len; c++) {
					const Coverage *cov = VEC_AT(n->areas, Coverage, c);
					buf_printf(out, "| %s | %s | %s | %s |\n", md(entity_title(&n->base)),
						   md(entity_title(&cov->area->base)),
						   cov->status == COVER_GAP ? "**gap**" : report_cover_word(cov->status),
						   md(report_coverage_text(cov)));
				}
			}
			buf_putc(out, '\n');
		}
		if (m->actions.len) {
			buf_puts(out, "## Actions\n\n");
			for (size_t i = 0; i < m->actions.len; i++) {
				const Action *a = VEC_AT(m->actions, Action, i);
				buf_printf(out, "### %s (%s)\n\n", md(entity_title(&a->base)), report_status_word(a->status));
				for (size_t k = 0; k < a->indicators.len; k++) {
					const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
					buf_printf(out, "- **%s**: %s; %s\n", md(ind->title), report_indicator_line(ind), report_progress_line(ind));
				}
				buf_putc(out, '\n');
			}
		}
		if (m->signals.len) {
			buf_puts(out, "## Signals\n\n");
			for (size_t i = 0; i < m->signals.len; i++) {
				const Signal *s = VEC_AT(m->signals, Signal, i);
				for (size_t r = 0; s->need && r < s->routes.len; r++)
					buf_printf(out, "- %s\n", md(report_route_text(s, VEC_AT(s->routes, Route, r))));
			}
			buf_putc(out, '\n');
		}
	}
	ReportTotals t = report_totals(w);
	buf_printf(out, "## Summary\n\n- Needs: %zu (covered %zu, signalled %zu, gaps %zu)\n- Indicators: %zu "
		   "(%zu achieved, %zu on track, %zu behind, %zu no data",
		   t.needs, t.covered, t.signalled, t.gaps, t.indicators, t.by_status[IND_ACHIEVED],
		   t.by_status[IND_ON_TRACK], t.by_status[IND_BEHIND], t.by_status[IND_NO_DATA]);
	if (t.by_status[IND_STOPPED])
		buf_printf(out, ", %zu stopped", t.by_status[IND_STOPPED]);
	buf_puts(out, ")\n");
}
