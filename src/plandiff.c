/*
 * plandiff.c — comparing two evaluated plans (see plandiff.h).
 *
 * Declarations are matched by name, so a plan can be reordered or
 * reformatted without showing changes.  Each side is indexed once in hash
 * tables; the comparison is linear in the size of the two plans.
 */
#include "plandiff.h"

#include <stdarg.h>
#include <math.h>
#include <string.h>

#include "format.h"
#include "mem.h"
#include "report.h"

typedef struct {
	StrBuf *out;
	const char *section;     /* printed before the first line of a section */
	bool opened_gap;
	size_t changes, new_gaps, closed_gaps;
} Diff;

static void line(Diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(Diff *d, const char *fmt, ...)
{
	if (d->section) {
		buf_printf(d->out, "%s\n", d->section);
		d->section = NULL;
	}
	va_list ap;
	va_start(ap, fmt);
	buf_puts(d->out, "  ");
	buf_vprintf(d->out, fmt, ap);
	va_end(ap);
	buf_putc(d->out, '\n');
	d->changes++;
}

/* Index the user files' needs and actions by name, in source order. */
static void index_world(const World *w, Table *needs, Vec *need_list, Table *actions, Vec *action_list)
{
	FOR_USER_MODULES(w, m) {
		for (size_t k = 0; k < m->needs.len; k++) {
			Need *n = VEC_AT(m->needs, Need, k);
			if (!table_get(needs, entity_name(&n->base))) {
				table_put(needs, entity_name(&n->base), n);
				vec_push(need_list, n);
			}
		}
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			if (!table_get(actions, entity_name(&a->base))) {
				table_put(actions, entity_name(&a->base), a);
				vec_push(action_list, a);
			}
		}
	}
}

static const Coverage *coverage_of(const Need *n, const char *area)
{
	for (size_t i = 0; i < n->areas.len; i++) {
		const Coverage *c = VEC_AT(n->areas, Coverage, i);
		if (strcmp(entity_name(&c->area->base), area) == 0)
			return c;
	}
	return NULL;
}

static void diff_needs(Diff *d, const Vec *old_list, const Table *old_needs, const Vec *new_list,
		       const Table *new_needs)
{
	d->section = "needs";
	for (size_t i = 0; i < new_list->len; i++) {
		const Need *n = new_list->items[i];
		if (!table_get(old_needs, entity_name(&n->base)))
			line(d, "+ %s \"%s\"", entity_name(&n->base), entity_title(&n->base));
	}
	for (size_t i = 0; i < old_list->len; i++) {
		const Need *n = old_list->items[i];
		if (!table_get(new_needs, entity_name(&n->base)))
			line(d, "- %s \"%s\"", entity_name(&n->base), entity_title(&n->base));
	}
}

static void diff_coverage(Diff *d, const Vec *new_list, const Table *old_needs)
{
	d->section = "coverage";
	for (size_t i = 0; i < new_list->len; i++) {
		const Need *n = new_list->items[i];
		const Need *before = table_get(old_needs, entity_name(&n->base));
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *now = VEC_AT(n->areas, Coverage, c);
			const char *area = entity_name(&now->area->base);
			const Coverage *was = before ? coverage_of(before, area) : NULL;
			bool new_gap = now->status == COVER_GAP && (!was || was->status != COVER_GAP);
			if (was && was->status != COVER_GAP && now->status == COVER_GAP)
				line(d, "! %s in %s: %s -> gap (a new gap)", entity_name(&n->base), area, report_coverage_text(was));
			else if (!was && new_gap)
				line(d, "! %s in %s: gap (a new gap)", entity_name(&n->base), area);
			else if (was && was->status == COVER_GAP && now->status != COVER_GAP)
				line(d, "%s in %s: gap -> %s", entity_name(&n->base), area, report_coverage_text(now));
			else if (!was && before)
				line(d, "+ %s now also in %s: %s", entity_name(&n->base), area, report_coverage_text(now));
			else if (was && strcmp(report_coverage_text(was), report_coverage_text(now)) != 0)
				line(d, "%s in %s: %s -> %s", entity_name(&n->base), area, report_coverage_text(was),
				     report_coverage_text(now));
			if (new_gap) {
				d->opened_gap = true;
				d->new_gaps++;
			}
			if (was && was->status == COVER_GAP && now->status != COVER_GAP)
				d->closed_gaps++;
		}
	}
}

/* "psychologist -> ELZ Kempenland" for each signal and body it reaches. */
static void signal_keys(const World *w, Table *keys, Vec *order)
{
	FOR_USER_MODULES(w, m) {
		for (size_t k = 0; k < m->signals.len; k++) {
			const Signal *s = VEC_AT(m->signals, Signal, k);
			for (size_t r = 0; s->need && r < s->routes.len; r++) {
				const Route *route = VEC_AT(s->routes, Route, r);
				const char *key = mem_printf("%s (%s) -> %s", entity_name(&s->need->base),
							     entity_title(&route->area->base),
							     route->body ? entity_title(&route->body->base) : "(unresolved)");
				if (!table_get(keys, key)) {
					table_put(keys, key, (void *)key);
					vec_push(order, (void *)key);
				}
			}
		}
	}
}

static void diff_signals(Diff *d, const World *old_world, const World *new_world)
{
	Table old_keys = { 0 }, new_keys = { 0 };
	Vec old_order = { 0 }, new_order = { 0 };
	signal_keys(old_world, &old_keys, &old_order);
	signal_keys(new_world, &new_keys, &new_order);
	d->section = "signals";
	for (size_t i = 0; i < new_order.len; i++)
		if (!table_get(&old_keys, new_order.items[i]))
			line(d, "+ %s", (char *)new_order.items[i]);
	for (size_t i = 0; i < old_order.len; i++)
		if (!table_get(&new_keys, old_order.items[i]))
			line(d, "- %s (withdrawn)", (char *)old_order.items[i]);
}

static const Indicator *indicator_of(const Action *a, const char *id)
{
	for (size_t i = 0; i < a->indicators.len; i++)
		if (strcmp(VEC_AT(a->indicators, Indicator, i)->id.text, id) == 0)
			return VEC_AT(a->indicators, Indicator, i);
	return NULL;
}

static const char *value_text(const Indicator *ind, double v)
{
	return ind->target_percent ? format_percent(v) : format_number(v);
}

static void diff_measures(Diff *d, const char *where, const Indicator *was, const Indicator *now)
{
	for (size_t i = 0; i < now->measures.len; i++) {
		const Measure *m = VEC_AT(now->measures, Measure, i);
		const Measure *old = NULL;
		for (size_t k = 0; k < was->measures.len && !old; k++) {
			const Measure *cand = VEC_AT(was->measures, Measure, k);
			if (date_first_day(cand->date) == date_first_day(m->date) && cand->date.day == m->date.day)
				old = cand;
		}
		if (!old)
			line(d, "%s: + measurement %s: %s", where, date_format(m->date), value_text(now, m->value));
		else if (old->value != m->value)
			line(d, "%s: measurement %s: %s -> %s", where, date_format(m->date), value_text(was, old->value),
			     value_text(now, m->value));
	}
}

static void diff_indicators(Diff *d, const Vec *new_actions, const Table *old_actions)
{
	d->section = "indicators";
	for (size_t i = 0; i < new_actions->len; i++) {
		const Action *a = new_actions->items[i];
		const Action *before = table_get(old_actions, entity_name(&a->base));
		for (size_t k = 0; k < a->indicators.len; k++) {
			const Indicator *now = VEC_AT(a->indicators, Indicator, k);
			const char *where = mem_printf("%s.%s", entity_name(&a->base), now->id.text);
			const Indicator *was = before ? indicator_of(before, now->id.text) : NULL;
			if (!was) {
				line(d, "+ %s \"%s\"", where, now->title);
				continue;
			}
			if (was->ok && now->ok && was->target != now->target)
				line(d, "%s: target %s -> %s", where, value_text(was, was->target), value_text(now, now->target));
			if (was->status != now->status)
				line(d, "%s: %s -> %s", where, report_indicator_word(was->status),
				     report_indicator_word(now->status));
			diff_measures(d, where, was, now);
		}
	}
}

bool plandiff_write(const World *old_world, const World *new_world, StrBuf *out)
{
	Diff d = { out, NULL, false, 0, 0, 0 };
	Table old_needs = { 0 }, new_needs = { 0 }, old_actions = { 0 }, new_actions = { 0 };
	Vec old_need_list = { 0 }, new_need_list = { 0 }, old_action_list = { 0 }, new_action_list = { 0 };
	index_world(old_world, &old_needs, &old_need_list, &old_actions, &old_action_list);
	index_world(new_world, &new_needs, &new_need_list, &new_actions, &new_action_list);
	diff_needs(&d, &old_need_list, &old_needs, &new_need_list, &new_needs);
	diff_coverage(&d, &new_need_list, &old_needs);
	diff_signals(&d, old_world, new_world);
	diff_indicators(&d, &new_action_list, &old_actions);
	if (d.changes == 0)
		buf_puts(out, "no changes in the plan's terms\n");
	else
		buf_printf(out, "summary: %zu change%s, %zu new gap%s, %zu gap%s closed\n", d.changes,
			   d.changes == 1 ? "" : "s", d.new_gaps, d.new_gaps == 1 ? "" : "s", d.closed_gaps,
			   d.closed_gaps == 1 ? "" : "s");
	return d.opened_gap;
}
