/*
 * report_trend.c — a plan followed over time: `trend` evaluates it at a
 * series of dates, `history` at each of its commits in git.  Both print
 * how coverage and every indicator evolved, so a steering group sees
 * whether the plan is working; `history` also names the gaps each commit
 * opened and closed.
 */
#include "report.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "json.h"
#include "i18n.h"
#include "mem.h"

/* Every indicator of the user's plans, needs' then actions', in source order. */
static Vec indicators_of(const World *w)
{
	Vec all = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *n = VEC_AT(m->needs, Need, i);
			for (size_t k = 0; k < n->indicators.len; k++)
				vec_push(&all, n->indicators.items[k]);
		}
		for (size_t i = 0; i < m->actions.len; i++) {
			const Action *a = VEC_AT(m->actions, Action, i);
			for (size_t k = 0; k < a->indicators.len; k++)
				vec_push(&all, a->indicators.items[k]);
		}
	}
	return all;
}

/* "bezoeken.bereikt", "eenzaamheid.vaak_eenzaam": stable across evaluations. */
static const char *indicator_key(const Indicator *ind)
{
	const Entity *owner = ind->action ? &ind->action->base : &ind->need->base;
	return mem_printf("%s.%s", entity_name(owner), ind->id.text);
}

/* Each point's indicators by key, built once: lookups stay linear overall. */
static Table *index_points(const ReportPoint *points, size_t n)
{
	Table *index = NEW_ARRAY(Table, n ? n : 1);
	for (size_t p = 0; p < n; p++) {
		Vec inds = indicators_of(points[p].world);
		for (size_t i = 0; i < inds.len; i++)
			table_put(&index[p], indicator_key(inds.items[i]), inds.items[i]);
	}
	return index;
}

/* The indicators of every point, each once, in the order first seen. */
static Vec all_keys(const ReportPoint *points, size_t n, Vec *titles)
{
	Vec keys = { 0 };
	Table seen = { 0 };
	for (size_t p = 0; p < n; p++) {
		Vec inds = indicators_of(points[p].world);
		for (size_t i = 0; i < inds.len; i++) {
			const char *key = indicator_key(inds.items[i]);
			if (table_get(&seen, key))
				continue;
			table_put(&seen, key, (void *)key);
			vec_push(&keys, (void *)key);
			vec_push(titles, (void *)VEC_AT(inds, Indicator, i)->title);
		}
	}
	return keys;
}

/* "latest 41 (2026-09), progress 31.8%, expected 34.5%: on track" or "not yet in the plan" */
static const char *indicator_state(const Indicator *ind)
{
	return ind ? report_progress_line(ind) : _("not in the plan then");
}

/* ---- the gaps of a version ------------------------------------------------------------ */

/* "need in area" for each gap, in source order. */
static Vec gaps_of(const World *w)
{
	Vec gaps = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *n = VEC_AT(m->needs, Need, i);
			for (size_t c = 0; c < n->areas.len; c++) {
				const Coverage *cov = VEC_AT(n->areas, Coverage, c);
				if (cov->status == COVER_GAP)
					vec_push(&gaps, mem_printf("%s in %s", entity_name(&n->base), entity_name(&cov->area->base)));
			}
		}
	}
	return gaps;
}

/* The entries of `a` that are not in `b`, as "x, y". */
static const char *missing_from(const Vec *a, const Vec *b)
{
	Table in_b = { 0 };
	for (size_t i = 0; i < b->len; i++)
		table_put(&in_b, b->items[i], b->items[i]);
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t i = 0; i < a->len; i++)
		if (!table_get(&in_b, a->items[i]))
			buf_printf(&list, "%s%s", list.len ? ", " : "", (const char *)a->items[i]);
	return list.len ? list.data : NULL;
}

/* ---- text -------------------------------------------------------------------------------- */

static void text_coverage(const ReportPoint *points, size_t n, StrBuf *out)
{
	/* the columns' widths are the format's below: a translation keeps them */
	/* need-areas = covered + signalled + gaps + accepted, at every point */
	buf_puts(out, _("Coverage\n  date          needs  need-areas  covered  signalled  gaps  accepted\n"));
	for (size_t p = 0; p < n; p++) {
		ReportTotals t = report_totals(points[p].world);
		buf_printf(out, "  %-12s %6zu %11zu %8zu %10zu %5zu %9zu\n", points[p].label, t.needs, t.pairs, t.covered,
			   t.signalled, t.gaps, t.accepted);
	}
}

static void text_indicators(const ReportPoint *points, size_t n, StrBuf *out)
{
	Vec titles = { 0 };
	Vec keys = all_keys(points, n, &titles);
	Table *index = index_points(points, n);
	if (keys.len)
		buf_puts(out, _("\nIndicators\n"));
	for (size_t k = 0; k < keys.len; k++) {
		buf_printf(out, "  %s \"%s\"\n", (const char *)keys.items[k], (const char *)titles.items[k]);
		for (size_t p = 0; p < n; p++)
			buf_printf(out, "    %-12s %s\n", points[p].label, indicator_state(table_get(&index[p], keys.items[k])));
	}
}

void report_trend_text(const ReportPoint *points, size_t n, StrBuf *out)
{
	text_coverage(points, n, out);
	text_indicators(points, n, out);
}

void report_trend_history_text(const ReportPoint *points, size_t n, StrBuf *out)
{
	text_coverage(points, n, out);
	buf_puts(out, _("\nChanges\n"));
	Vec before = { 0 };
	for (size_t p = 0; p < n; p++) {
		Vec gaps = gaps_of(points[p].world);
		const char *opened = missing_from(&gaps, &before), *closed = missing_from(&before, &gaps);
		buf_printf(out, "  %s %s\n", points[p].label, points[p].detail ? points[p].detail : "");
		if (opened)
			buf_printf(out, _("    new gaps: %s\n"), opened);
		if (closed)
			buf_printf(out, _("    closed gaps: %s\n"), closed);
		if (!opened && !closed)
			buf_puts(out, _("    no gap opened or closed\n"));
		before = gaps;
	}
	text_indicators(points, n, out);
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void json_indicator_state(JsonWriter *j, const Indicator *ind)
{
	json_object_begin(j);
	json_kv_string(j, "status", ind ? report_indicator_word(ind->status) : NULL);
	json_key(j, "latest");
	if (ind && ind->latest)
		json_number(j, ind->latest->value);
	else
		json_write_null(j);
	json_key(j, "progress");
	if (ind && !isnan(ind->progress))
		json_number(j, ind->progress);
	else
		json_write_null(j);
	json_object_end(j);
}

void report_trend_json(const ReportPoint *points, size_t n, StrBuf *out)
{
	JsonWriter j;
	report_json_begin(&j, out);
	json_key(&j, "points");
	json_array_begin(&j);
	Vec titles = { 0 };
	Vec keys = all_keys(points, n, &titles);
	Table *index = index_points(points, n);
	Vec before = { 0 };
	for (size_t p = 0; p < n; p++) {
		ReportTotals t = report_totals(points[p].world);
		Vec gaps = gaps_of(points[p].world);
		json_object_begin(&j);
		json_kv_string(&j, "date", points[p].label);
		json_kv_string(&j, "commit", points[p].detail);
		json_kv_int(&j, "needs", (long long)t.needs);
		json_kv_int(&j, "covered", (long long)t.covered);
		json_kv_int(&j, "signalled", (long long)t.signalled);
		json_kv_int(&j, "gaps", (long long)t.gaps);
		json_kv_int(&j, "accepted", (long long)t.accepted);
		json_kv_int(&j, "need_areas", (long long)t.pairs);
		json_kv_string(&j, "new_gaps", missing_from(&gaps, &before));
		json_kv_string(&j, "closed_gaps", missing_from(&before, &gaps));
		json_key(&j, "indicators");
		json_object_begin(&j);
		for (size_t k = 0; k < keys.len; k++) {
			json_key(&j, keys.items[k]);
			json_indicator_state(&j, table_get(&index[p], keys.items[k]));
		}
		json_object_end(&j);
		json_object_end(&j);
		before = gaps;
	}
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}
