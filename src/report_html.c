/*
 * report_html.c — the evaluated plan as one self-contained HTML page (no
 * scripts, no network) for a council or a steering group.  All plan text
 * is escaped.
 */
#include "report.h"

#include <math.h>

#include "format.h"
#include "i18n.h"
#include "mem.h"

const char report_html_style[] =
	"body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
	"table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
	"td.covered{background:#c8e6c9}td.signalled{background:#ffe0b2}td.gap{background:#ffcdd2;font-weight:bold}"
	"td.accepted{background:#eceff1;font-style:italic}"
	"td.none{background:#f5f5f5}.bar{position:relative;width:20em;height:1em;background:#eee;border:1px solid #999}"
	".bar .done{position:absolute;left:0;top:0;bottom:0;background:#4caf50}"
	".bar .expected{position:absolute;top:-3px;bottom:-3px;width:2px;background:#000}"
	".behind{color:#b71c1c}.achieved{color:#1b5e20}li.error{color:#b71c1c}li.warning{color:#e65100}"
	".answered{color:#1b5e20}"
	"figure.chart{display:inline-block;margin:.5em 1em 1em 0;max-width:440px;vertical-align:top}"
	"figure.chart figcaption{font-size:.8em;color:#444}"
	".chart text{font-size:11px;font-family:sans-serif;fill:#222}.chart .axis{stroke:#444}"
	".chart .target{stroke:#1b5e20;stroke-dasharray:6 4}.chart .expected{stroke:#777;stroke-dasharray:2 3}"
	".chart .measured{fill:none;stroke:#0d47a1;stroke-width:2}.chart .point{fill:#0d47a1}"
	".chart .baseline{fill:#fff;stroke:#0d47a1}"
	"@media print{figure.chart{break-inside:avoid}}";

/* A matrix larger than this (areas x needs) is shown as a list: the page
   stays proportional to the plan (docs/limits.md). */
#define HTML_MATRIX_MAX_CELLS 40000

static void html_cell(StrBuf *out, const Coverage *c)
{
	const char *word = report_cover_word(c->status);
	buf_printf(out, "<td class=\"%s\">%s", word, _(word)); /* the class stays English: the style sheet's */
	if (c->body) {
		buf_puts(out, ": ");
		report_html_text(out, entity_title(&c->body->base));
	}
	if (c->status == COVER_ACCEPTED)
		buf_printf(out, _(" until %s"), date_format(c->acceptance->until));
	buf_puts(out, "</td>");
}

/* One row per need and area, for a plan too large for a matrix. */
static void html_coverage_list(const Module *m, StrBuf *out)
{
	buf_printf(out, "<h2>%s</h2>\n<table class=\"coverage\"><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", _("Coverage"),
		   _("Need"), _("Area"), _("Status"));
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			buf_puts(out, "<tr><td>");
			report_html_text(out, entity_title(&n->base));
			buf_puts(out, "</td><td>");
			report_html_text(out, entity_title(&cov->area->base));
			buf_puts(out, "</td>");
			html_cell(out, cov);
			buf_puts(out, "</tr>\n");
		}
	}
	buf_puts(out, "</table>\n");
}

/* The coverage matrix of one module: a row per area, a column per need. */
static void html_matrix(const Module *m, StrBuf *out)
{
	Vec places = report_need_places(m);
	if (places.len == 0)
		return; /* no need in any area: no table to show */
	if (places.len && m->needs.len > HTML_MATRIX_MAX_CELLS / places.len) {
		html_coverage_list(m, out);
		return;
	}
	PairMap cells = { 0 }; /* (need, place) -> its first coverage */
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			if (!pairset_map_get(&cells, n, cov->area))
				pairset_map_put(&cells, n, cov->area, (void *)cov);
		}
	}
	buf_printf(out, "<h2>%s</h2>\n<table class=\"matrix\"><tr><th>%s</th>", _("Coverage"), _("Area"));
	for (size_t i = 0; i < m->needs.len; i++) {
		buf_puts(out, "<th>");
		report_html_text(out, entity_title(&VEC_AT(m->needs, Need, i)->base));
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr>\n");
	for (size_t p = 0; p < places.len; p++) {
		const Place *place = places.items[p];
		buf_puts(out, "<tr><th>");
		report_html_text(out, entity_title(&place->base));
		buf_puts(out, "</th>");
		for (size_t i = 0; i < m->needs.len; i++) {
			const Coverage *found = pairset_map_get(&cells, m->needs.items[i], place);
			if (found)
				html_cell(out, found);
			else
				buf_puts(out, "<td class=\"none\"></td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</table>\n");
}

static void html_indicators(const Module *m, StrBuf *out)
{
	if (m->actions.len == 0)
		return;
	buf_printf(out, "<h2>%s</h2>\n<table class=\"indicators\">"
		   "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", _("Actions and indicators"),
		   _("Action"), _("Indicator"), _("Target"), _("Progress"), _("Status"));
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		for (size_t k = 0; k < a->indicators.len; k++) {
			const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
			double done = isnan(ind->progress) ? 0 : ind->progress < 0 ? 0 : ind->progress > 1 ? 1 : ind->progress;
			buf_puts(out, "<tr><td>");
			report_html_text(out, entity_title(&a->base));
			buf_puts(out, "</td><td>");
			report_html_text(out, ind->title);
			buf_printf(out, "</td><td>%s</td><td><div class=\"bar\" title=\"%s\">"
				   "<div class=\"done\" style=\"width:%.1f%%\"></div>",
				   ind->ok ? (ind->target_percent ? format_percent(ind->target) : format_number(ind->target)) : "",
				   mem_printf(_("progress %s"), isnan(ind->progress) ? _("n/a") : format_percent(ind->progress)),
				   done * 100);
			if (!isnan(ind->expected))
				buf_printf(out, "<div class=\"expected\" style=\"left:%.1f%%\" title=\"%s\"></div>",
					   ind->expected * 100, mem_printf(_("expected %s"), format_percent(ind->expected)));
			buf_printf(out, "</div></td><td class=\"%s\">%s</td></tr>\n",
				   ind->status == IND_BEHIND || ind->status == IND_ACHIEVED ? report_indicator_word(ind->status) : "",
				   _(report_indicator_word(ind->status)));
		}
	}
	buf_puts(out, "</table>\n");
}

/* Every indicator over time: the needs' (outcomes), then the actions'. */
static void html_charts(const Module *m, StrBuf *out)
{
	bool any = false;
	for (size_t i = 0; i < m->needs.len && !any; i++)
		any = VEC_AT(m->needs, Need, i)->indicators.len > 0;
	for (size_t i = 0; i < m->actions.len && !any; i++)
		any = VEC_AT(m->actions, Action, i)->indicators.len > 0;
	if (!any)
		return;
	buf_printf(out, "<h2>%s</h2>\n", _("Indicators over time"));
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		if (n->indicators.len == 0)
			continue;
		buf_puts(out, "<h3>");
		report_html_text(out, entity_title(&n->base));
		buf_puts(out, "</h3>\n");
		for (size_t k = 0; k < n->indicators.len; k++)
			report_chart_svg(VEC_AT(n->indicators, Indicator, k), out);
	}
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		if (a->indicators.len == 0)
			continue;
		buf_puts(out, "<h3>");
		report_html_text(out, entity_title(&a->base));
		buf_puts(out, "</h3>\n");
		for (size_t k = 0; k < a->indicators.len; k++)
			report_chart_svg(VEC_AT(a->indicators, Indicator, k), out);
	}
}

static void html_signals(const Module *m, StrBuf *out)
{
	if (m->signals.len == 0)
		return;
	buf_printf(out, "<h2>%s</h2>\n<ul class=\"signals\">\n", _("Signals"));
	for (size_t i = 0; i < m->signals.len; i++) {
		const Signal *s = VEC_AT(m->signals, Signal, i);
		for (size_t r = 0; s->need && r < s->routes.len; r++) {
			const Route *route = VEC_AT(s->routes, Route, r);
			buf_puts(out, "<li>");
			report_html_text(out, entity_title(&s->need->base));
			buf_puts(out, " (");
			report_html_text(out, entity_title(&route->area->base));
			buf_puts(out, ") &rarr; ");
			report_html_text(out, route->body ? entity_title(&route->body->base) : _("unresolved"));
			for (size_t k = 0; k < route->path.len; k++) {
				buf_puts(out, " &rarr; ");
				report_html_text(out, entity_title(&VEC_AT(route->path, Body, k)->base));
			}
			if (s->message) {
				buf_puts(out, ": <q>");
				report_html_text(out, s->message);
				buf_puts(out, "</q>");
			}
			if (route->answered) {
				buf_printf(out, " <span class=\"answered\">%s ", _("answered by"));
				report_html_text(out, entity_title(&s->answered_by->base));
				buf_puts(out, "</span>");
			}
			if (route->reach) {
				buf_printf(out, "<br><small>%s ", _("through:"));
				report_html_text(out, report_membership_text(route->reach));
				buf_puts(out, "</small>");
			}
			buf_puts(out, "</li>\n");
		}
	}
	buf_puts(out, "</ul>\n");
}

static void html_findings(const World *w, StrBuf *out)
{
	buf_printf(out, "<h2>%s</h2>\n<ul class=\"findings\">\n", _("Findings"));
	for (size_t i = 0; i < w->diags->diags.len; i++) {
		const Diagnostic *d = VEC_AT(w->diags->diags, Diagnostic, i);
		int line = 0, col = 0;
		if (d->loc.src)
			source_position(d->loc.src, d->loc.start, &line, &col);
		buf_printf(out, "<li class=\"%s\">", d->severity == SEV_ERROR ? "error" : "warning");
		report_html_text(out, mem_printf("%s:%d: %s [%s]", d->loc.src ? d->loc.src->path : "carenet", line,
					  d->message, diag_code_name(d->code)));
		buf_puts(out, "</li>\n");
	}
	if (w->diags->diags.len == 0)
		buf_printf(out, "<li>%s</li>\n", _("none"));
	buf_puts(out, "</ul>\n");
}

/* The plans' titles, "Zorgzaam Olen" or "Zorgzaam Olen, Zorgzaam Lille": what a browser tab shows. */
static const char *page_title(const World *w)
{
	StrBuf b = { 0 };
	buf_init(&b);
	FOR_USER_MODULES(w, m)
		if (m->plan)
			buf_printf(&b, "%s%s", b.len ? ", " : "", entity_title(&m->plan->base));
	return b.len ? b.data : "carenet";
}

/* What the plan accepts, why, and until when. */
static void html_acceptances(const Module *m, StrBuf *out)
{
	if (m->acceptances.len == 0)
		return;
	buf_printf(out, "<h2>%s</h2>\n<ul class=\"accepted\">\n", _("Accepted"));
	for (size_t i = 0; i < m->acceptances.len; i++) {
		const Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
		buf_puts(out, "<li>");
		report_html_text(out, report_acceptance_subject(a));
		buf_puts(out, ": <q>");
		report_html_text(out, a->reason);
		buf_printf(out, "</q> (%s)</li>\n", report_acceptance_state(a));
	}
	buf_puts(out, "</ul>\n");
}

void report_html_eval(const World *w, StrBuf *out)
{
	/* the language of the labels; a plan's own text is the coordinators' */
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>", i18n_code());
	report_html_text(out, page_title(w));
	buf_printf(out, "</title><style>%s</style></head><body>\n", report_html_style);
	FOR_USER_MODULES(w, m) {
		buf_puts(out, "<section class=\"plan\"><h1>");
		report_html_text(out, m->plan ? entity_title(&m->plan->base) : m->src->path);
		buf_puts(out, "</h1>\n");
		if (m->plan && m->plan->phase)
			buf_printf(out, _("<p>Phase: %s; evaluated on %s</p>\n"), _(report_phase_word(m->plan->phase)),
				   date_format_days(m->eval_day));
		else if (m->plan)
			buf_printf(out, _("<p>Evaluated on %s</p>\n"), date_format_days(m->eval_day));
		html_matrix(m, out);
		html_indicators(m, out);
		html_charts(m, out);
		html_signals(m, out);
		html_acceptances(m, out);
		buf_puts(out, "</section>\n");
	}
	html_findings(w, out);
	buf_puts(out, "</body></html>\n");
}
