/*
 * report.c — what every format of the evaluated plan shares: the words of
 * statuses, totals, and the phrases for coverage, routes and indicators.
 */
#include "report.h"

#include <limits.h>
#include <stdlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "mem.h"

const char *report_cover_word(CoverStatus s)
{
	return vocab_word(VOCAB_COVER_STATUS, (int)s);
}

const char *report_indicator_word(IndicatorStatus s)
{
	return vocab_word(VOCAB_INDICATOR_STATUS, (int)s);
}

const char *report_status_word(ActionStatus s)
{
	return vocab_word(VOCAB_ACTION_STATUS, (int)s);
}

const char *report_priority_word(Priority p)
{
	return vocab_word(VOCAB_PRIORITY, (int)p);
}

const char *report_phase_word(Phase p)
{
	return vocab_word(VOCAB_PHASE, p);
}

ReportTotals report_totals(const World *w)
{
	ReportTotals t = { 0 };
	FOR_USER_MODULES(w, m) {
		t.needs += m->needs.len;
		for (size_t i = 0; i < m->needs.len; i++) {
			Need *n = VEC_AT(m->needs, Need, i);
			for (size_t c = 0; c < n->areas.len; c++) {
				CoverStatus s = VEC_AT(n->areas, Coverage, c)->status;
				t.pairs++;
				t.covered += s == COVER_COVERED;
				t.signalled += s == COVER_SIGNALLED;
				t.gaps += s == COVER_GAP;
				t.accepted += s == COVER_ACCEPTED;
			}
		}
		t.actions += m->actions.len;
		for (size_t i = 0; i < m->needs.len; i++) {
			Need *n = VEC_AT(m->needs, Need, i);
			for (size_t k = 0; k < n->indicators.len; k++) {
				t.indicators++;
				t.by_status[VEC_AT(n->indicators, Indicator, k)->status]++;
			}
		}
		for (size_t i = 0; i < m->actions.len; i++) {
			Action *a = VEC_AT(m->actions, Action, i);
			for (size_t k = 0; k < a->indicators.len; k++) {
				t.indicators++;
				t.by_status[VEC_AT(a->indicators, Indicator, k)->status]++;
			}
		}
	}
	return t;
}

/* "psychologist (Meer) -> ELZ Kempenland -> Provincie Antwerpen" */
const char *report_route_text(const Signal *s, const Route *r)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, "%s (%s) -> %s", entity_name(&s->need->base), entity_title(&r->area->base),
		   r->body ? entity_title(&r->body->base) : _("(unresolved)"));
	for (size_t i = 0; i < r->path.len; i++)
		buf_printf(&b, " -> %s", entity_title(&VEC_AT(r->path, Body, i)->base));
	if (r->answered)
		buf_printf(&b, _(" (answered by %s)"), entity_name(&s->answered_by->base));
	return b.data;
}

const char *report_indicator_line(const Indicator *ind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (!ind->ok)
		return _("not evaluated (see the errors)");
	const char *(*fmt)(double) = ind->target_percent ? format_percent : format_number;
	buf_printf(&b, _("baseline %s"), fmt(ind->baseline));
	if (ind->has_baseline_date)
		buf_printf(&b, " (%s%s)", date_format(ind->baseline_date),
			   ind->has_baseline_sample ? mem_printf(", n=%s", format_number(ind->baseline_sample)) : "");
	buf_printf(&b, _(", target %s"), fmt(ind->target));
	if (ind->unit && !ind->target_percent)
		buf_printf(&b, " %s", ind->unit);
	if (ind->due.year)
		buf_printf(&b, _(" by %s"), date_format(ind->due)); /* as written, like the action's dates */
	return b.data;
}

const char *report_progress_line(const Indicator *ind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (ind->latest) {
		const char *(*fmt)(double) = ind->target_percent ? format_percent : format_number;
		buf_printf(&b, _("latest %s (%s), progress %s"), fmt(ind->latest->value),
			   date_format(ind->latest->date), format_percent(ind->progress));
	} else {
		buf_puts(&b, _("no measurement yet"));
	}
	if (!isnan(ind->expected))
		buf_printf(&b, _(", expected %s"), format_percent(ind->expected));
	buf_printf(&b, ": %s", _(report_indicator_word(ind->status)));
	return b.data;
}

const char *report_coverage_text(const Coverage *c)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (c->status == COVER_COVERED) {
		buf_puts(&b, _("covered by "));
		size_t shown = c->actions.len < REPORT_LISTED_ACTIONS ? c->actions.len : REPORT_LISTED_ACTIONS;
		for (size_t i = 0; i < shown; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", entity_name(&VEC_AT(c->actions, Action, i)->base));
		if (c->action_count > shown)
			buf_printf(&b, _(" and %zu more"), c->action_count - shown);
	} else if (c->status == COVER_SIGNALLED) {
		buf_printf(&b, _("signalled to %s"), entity_title(&c->body->base));
	} else if (c->status == COVER_ACCEPTED) {
		buf_printf(&b, _("accepted until %s: %s"), date_format(c->acceptance->until), c->acceptance->reason);
	} else if (c->need->base.module->plan && c->need->base.module->plan->phase == PHASE_ANALYSIS) {
		buf_puts(&b, _("GAP: not addressed yet (analysis phase)"));
	} else {
		buf_puts(&b, _("GAP: not addressed"));
	}
	return b.data;
}

const char *report_acceptance_subject(const Acceptance *a)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (a->is_code)
		buf_printf(&b, _("%s on %s"), diag_code_name(a->code), entity_name(a->on));
	else
		buf_puts(&b, entity_name(&a->need->base));
	for (size_t i = 0; i < a->areas.len; i++)
		buf_printf(&b, "%s%s", i ? ", " : _(" in "), entity_name(&((const Place *)a->areas.items[i])->base));
	buf_printf(&b, _(" until %s"), date_format(a->until));
	return b.data;
}

const char *report_acceptance_state(const Acceptance *a)
{
	size_t n = a->is_code ? a->suppression->uses : a->gaps;
	if (!a->in_force && a->is_code)
		return n ? _("expired: the warning is back") : _("expired");
	if (!a->in_force)
		return a->expired_gaps == 1 ? _("expired: a gap again") : a->expired_gaps ? _("expired: gaps again") : _("expired");
	if (n == 0)
		return _("accepts nothing");
	return a->is_code ? mem_printf(i18n_plural("%zu warning accepted", "%zu warnings accepted", n), n)
			  : mem_printf(i18n_plural("%zu gap accepted", "%zu gaps accepted", n), n);
}

/* The places a module's needs lie in: its own places in source order, then
   places of other files (a municipality from the stdlib) as first named. */
static bool names_a_need_of(const Place *p, const Module *m)
{
	for (size_t c = 0; c < p->coverages.len; c++)
		if (VEC_AT(p->coverages, Coverage, c)->need->base.module == m)
			return true;
	return false;
}

Vec report_need_places(const Module *m)
{
	Vec places = { 0 };
	PairSet listed = { 0 };
	for (size_t i = 0; i < m->places.len; i++) {
		Place *p = m->places.items[i];
		if (names_a_need_of(p, m) && pairset_add(&listed, p, NULL))
			vec_push(&places, p);
	}
	for (size_t k = 0; k < m->needs.len; k++) {
		const Need *n = VEC_AT(m->needs, Need, k);
		for (size_t c = 0; c < n->areas.len; c++) {
			Place *p = VEC_AT(n->areas, Coverage, c)->area;
			if (pairset_add(&listed, p, NULL))
				vec_push(&places, p);
		}
	}
	return places;
}

static int by_rank(const void *a, const void *b)
{
	const SignalReach *x = *(const SignalReach *const *)a, *y = *(const SignalReach *const *)b;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

SignalIndex report_signal_index(const World *w)
{
	SignalIndex ix = { 0 };
	PairMap bodies = { 0 }, reaches = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->signals.len; i++) {
			const Signal *s = VEC_AT(m->signals, Signal, i);
			for (size_t r = 0; r < s->routes.len; r++) {
				Route *route = VEC_AT(s->routes, Route, r);
				if (!route->body)
					continue;
				BodyReach *br = pairset_map_get(&bodies, route->body, NULL);
				if (!br) {
					br = NEW(BodyReach);
					br->body = route->body;
					pairset_map_put(&bodies, route->body, NULL, br);
					vec_push(&ix.bodies, br);
				}
				SignalReach *sr = pairset_map_get(&reaches, s, route->body);
				if (!sr) {
					sr = NEW(SignalReach);
					*sr = (SignalReach){ s, route->body, 0, { 0 } };
					pairset_map_put(&reaches, s, route->body, sr);
					vec_push(&br->reaches, sr);
					vec_push(&ix.by_signal, sr);
				}
				vec_push(&sr->routes, route);
			}
		}
	}
	for (size_t b = 0; b < ix.bodies.len; b++) {
		const BodyReach *br = ix.bodies.items[b];
		for (size_t k = 0; k < br->reaches.len; k++)
			VEC_AT(br->reaches, SignalReach, k)->rank = b;
	}
	/* each signal's bodies in the order of the report's bodies */
	for (size_t i = 0; i < ix.by_signal.len;) {
		size_t end = i + 1;
		while (end < ix.by_signal.len &&
		       VEC_AT(ix.by_signal, SignalReach, end)->signal == VEC_AT(ix.by_signal, SignalReach, i)->signal)
			end++;
		if (end - i > 1)
			qsort(ix.by_signal.items + i, end - i, sizeof(void *), by_rank);
		i = end;
	}
	return ix;
}

/* "Meer, Minderhout", or with titles "Meer (Hoogstraten), ..." */
const char *report_areas_text(const SignalReach *r, bool titles)
{
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t i = 0; i < r->routes.len; i++) {
		const Place *area = VEC_AT(r->routes, Route, i)->area;
		buf_printf(&list, "%s%s", list.len ? ", " : "",
			   titles ? entity_title(&area->base) : entity_name(&area->base));
		/* a zone reads signals of many municipalities: say whose area it is */
		if (titles && area->municipality && area->municipality != area)
			buf_printf(&list, " (%s)", entity_title(&area->municipality->base));
	}
	return list.data;
}

const char *report_signal_origin(const Signal *s)
{
	const Plan *p = s->base.module->plan;
	return p ? entity_name(&p->base) : s->base.module->src->path;
}

/* "hoogstraten in ELZ Kempenland, as of 2021-06-12 (source: ...)" */
const char *report_membership_text(const Reach *r)
{
	const Membership *m = r->leaf;
	const Provenance *p = m->provenance;
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, _("%s in %s"), entity_name(m->member), entity_title(&m->body->base));
	if (r->body != m->body)
		buf_printf(&b, _(", so in %s"), entity_title(&r->body->base));
	if (m->has_from && m->has_to)
		buf_printf(&b, ", %s .. %s", date_format(m->from), date_format(m->to));
	else if (m->has_from)
		buf_printf(&b, _(", from %s"), date_format(m->from));
	else if (m->has_to)
		buf_printf(&b, _(", until %s"), date_format(m->to));
	if (p && p->has_as_of)
		buf_printf(&b, _(", as of %s"), date_format(p->as_of));
	if (p && p->source) /* a source often has brackets of its own: none around it */
		buf_printf(&b, _("; source: %s"), p->source);
	if (r->unconfirmed)
		buf_printf(&b, _("; UNCONFIRMED: %s"), r->unconfirmed);
	return b.data;
}

/* The distinct memberships through which signal s reached body b. */
Vec report_memberships_reaching(const Signal *s, const Body *b)
{
	Vec reaches = { 0 };
	PairSet seen = { 0 };
	for (size_t i = 0; i < s->routes.len; i++) {
		const Route *route = VEC_AT(s->routes, Route, i);
		if (route->body == b && route->reach && pairset_add(&seen, route->reach->leaf, NULL))
			vec_push(&reaches, (void *)route->reach);
	}
	return reaches;
}

static int compare_measures(const void *pa, const void *pb)
{
	const Measure *a = *(const Measure *const *)pa, *b = *(const Measure *const *)pb;
	long da = date_last_day(a->date), db = date_last_day(b->date);
	return da < db ? -1 : da > db;
}

Vec report_series(const Indicator *ind)
{
	Vec series = { 0 };
	for (size_t i = 0; i < ind->measures.len; i++)
		if (VEC_AT(ind->measures, Measure, i)->ok && VEC_AT(ind->measures, Measure, i)->counted)
			vec_push(&series, ind->measures.items[i]);
	if (series.len > 1)
		qsort(series.items, series.len, sizeof(void *), compare_measures);
	return series;
}

const char *report_value(const Indicator *ind, double v)
{
	return ind->target_percent ? format_percent(v) : format_number(v);
}

/* "+31", "-4 points" (for a percentage), "0" */
const char *report_change(const Indicator *ind, double from, double to)
{
	double d = to - from;
	const char *sign = d > 0 ? "+" : "";
	if (!ind->target_percent)
		return mem_printf("%s%s", sign, format_number(d));
	const char *n = format_number(d * 100);
	bool one = strcmp(n, "1") == 0 || strcmp(n, "-1") == 0;
	return mem_printf("%s%s %s", sign, n, one ? _("point") : _("points"));
}

/* "2025-06: 40 (+40), 2025-12: 71 (+31, n=180)": the measurements up to the
   evaluation date, each with its change from the one before (the first from
   the baseline); NULL without measurements */
const char *report_series_text(const Indicator *ind)
{
	Vec series = report_series(ind);
	if (series.len == 0)
		return NULL;
	StrBuf b = { 0 };
	buf_init(&b);
	double before = ind->baseline;
	for (size_t i = 0; i < series.len; i++) {
		const Measure *m = series.items[i];
		buf_printf(&b, "%s%s: %s (%s", i ? ", " : "", date_format(m->date), report_value(ind, m->value),
			   report_change(ind, before, m->value));
		if (m->has_sample)
			buf_printf(&b, ", n=%s", format_number(m->sample));
		buf_putc(&b, ')');
		before = m->value;
	}
	return b.data;
}

/* ---- escaping plan text for a format ------------------------------------------------- */

void report_html_text(StrBuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '&': buf_puts(out, "&amp;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s);
		}
	}
}

const char *report_markdown_cell(const char *s)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (; *s; s++) {
		switch (*s) {
		case '|': buf_puts(&b, "\\|"); break;
		case '[': buf_puts(&b, "\\["); break;
		case ']': buf_puts(&b, "\\]"); break;
		case '<': buf_puts(&b, "&lt;"); break;
		case '&': buf_puts(&b, "&amp;"); break;
		case '\n': buf_putc(&b, ' '); break;
		default: buf_putc(&b, *s);
		}
	}
	return b.data;
}
