/*
 * report.c — writing the evaluated plan.
 */
#include "report.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "eval.h"
#include "format.h"
#include "json.h"
#include "mem.h"
#include "names.h"

static const char *cover_word(CoverStatus s)
{
	return s == COVER_COVERED ? "covered" : s == COVER_SIGNALLED ? "signalled" : "gap";
}

static const char *indicator_word(IndicatorStatus s)
{
	static const char *words[] = { "no data", "behind", "on track", "achieved" };
	return words[s];
}

static const char *status_word(ActionStatus s)
{
	static const char *words[] = { "planned", "running", "done", "stopped" };
	return words[s];
}

static const char *priority_word(Priority p)
{
	static const char *words[] = { NULL, "low", "medium", "high" };
	return words[p];
}

typedef struct {
	size_t needs, pairs, covered, signalled, gaps;
	size_t actions, indicators, by_status[4];
} Totals;

static Totals count_totals(const World *w)
{
	Totals t = { 0 };
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
			}
		}
		t.actions += m->actions.len;
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
static const char *route_text(const Signal *s, const Route *r)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, "%s (%s) -> %s", entity_name(&s->need->base), entity_title(&r->area->base),
		   r->body ? entity_title(&r->body->base) : "(unresolved)");
	for (size_t i = 0; i < r->path.len; i++)
		buf_printf(&b, " -> %s", entity_title(&VEC_AT(r->path, Body, i)->base));
	if (s->answered_by)
		buf_printf(&b, " (answered by %s)", entity_name(&s->answered_by->base));
	return b.data;
}

static const char *indicator_line(const Indicator *ind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (!ind->ok)
		return "not evaluated (see the errors)";
	const char *(*fmt)(double) = ind->target_percent ? format_percent : format_number;
	buf_printf(&b, "baseline %s, target %s", fmt(ind->baseline), fmt(ind->target));
	if (ind->unit && !ind->target_percent)
		buf_printf(&b, " %s", ind->unit);
	if (ind->has_by)
		buf_printf(&b, " by %s", date_format(ind->by));
	else if (ind->deadline != LONG_MIN)
		buf_printf(&b, " by %s", date_format_days(ind->deadline));
	return b.data;
}

static const char *progress_line(const Indicator *ind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (ind->latest) {
		const char *(*fmt)(double) = ind->target_percent ? format_percent : format_number;
		buf_printf(&b, "latest %s (%s), progress %s", fmt(ind->latest->value),
			   date_format(ind->latest->date), format_percent(ind->progress));
	} else {
		buf_puts(&b, "no measurement yet");
	}
	if (!isnan(ind->expected))
		buf_printf(&b, ", expected %s", format_percent(ind->expected));
	buf_printf(&b, ": %s", indicator_word(ind->status));
	return b.data;
}

/* ---- text ------------------------------------------------------------------- */

static void text_plan_header(const Module *m, StrBuf *out)
{
	const Plan *p = m->plan;
	if (!p) {
		buf_printf(out, "%s\n", m->src->path);
		return;
	}
	buf_printf(out, "%s (%s)\n", entity_title(&p->base), entity_name(&p->base));
	if (p->municipality)
		buf_printf(out, "  municipality: %s\n", entity_title(&p->municipality->base));
	if (p->body)
		buf_printf(out, "  body: %s\n", entity_title(&p->body->base));
	if (p->has_period)
		buf_printf(out, "  period: %s .. %s\n", date_format(p->period_start), date_format(p->period_end));
	buf_printf(out, "  evaluated on: %s\n", date_format_days(p->eval_day));
	if (p->owner)
		buf_printf(out, "  owner: %s\n", p->owner);
}

const char *report_coverage_text(const Coverage *c)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (c->status == COVER_COVERED) {
		buf_puts(&b, "covered by ");
		for (size_t i = 0; i < c->actions.len; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", entity_name(&VEC_AT(c->actions, Action, i)->base));
	} else if (c->status == COVER_SIGNALLED) {
		buf_printf(&b, "signalled to %s", entity_title(&c->body->base));
	} else {
		buf_puts(&b, "GAP: not addressed");
	}
	return b.data;
}

/* The places a module's needs lie in: its own places in source order, then
   places of other files (a municipality from the stdlib) as first named. */
static bool names_a_need_of(const Place *p, const Module *m)
{
	for (size_t c = 0; c < p->coverages.len; c++)
		if (VEC_AT(p->coverages, Coverage, c)->need->module == m)
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

/* Per area, the needs of this file that lie in it (source order) and their status. */
static void text_areas(const Module *m, StrBuf *out)
{
	Vec places = report_need_places(m);
	if (places.len)
		buf_puts(out, "\nNeeds by area\n");
	for (size_t i = 0; i < places.len; i++) {
		const Place *p = places.items[i];
		buf_printf(out, "  %s (%s)\n", entity_title(&p->base), entity_name(&p->base));
		for (size_t c = 0; c < p->coverages.len; c++) {
			const Coverage *cov = VEC_AT(p->coverages, Coverage, c);
			const Need *n = cov->need;
			if (n->module != m)
				continue; /* a stdlib municipality carries the needs of every plan */
			size_t start = out->len;
			buf_printf(out, "    %s", entity_name(&n->base));
			if (n->priority)
				buf_printf(out, " [%s]", priority_word(n->priority));
			buf_pad(out, start, 34);
			buf_printf(out, " %s\n", report_coverage_text(cov));
		}
	}
}

static void text_actions(const Module *m, StrBuf *out)
{
	if (m->actions.len)
		buf_puts(out, "\nActions\n");
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		buf_printf(out, "  %s \"%s\": %s", entity_name(&a->base), entity_title(&a->base), status_word(a->status));
		if (a->has_from || a->has_to)
			buf_printf(out, ", %s .. %s", a->has_from ? date_format(a->from) : "?",
				   a->has_to ? date_format(a->to) : "?");
		buf_putc(out, '\n');
		if (a->lead)
			buf_printf(out, "    lead: %s\n", entity_title(&a->lead->base));
		for (size_t k = 0; k < a->indicators.len; k++) {
			const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
			buf_printf(out, "    indicator %s \"%s\": %s\n", ind->id.text, ind->title, indicator_line(ind));
			buf_printf(out, "      %s\n", progress_line(ind));
		}
	}
}

static void text_module_signals(const Module *m, StrBuf *out)
{
	if (m->signals.len)
		buf_puts(out, "\nSignals\n");
	for (size_t i = 0; i < m->signals.len; i++) {
		const Signal *s = VEC_AT(m->signals, Signal, i);
		if (!s->need)
			continue;
		for (size_t r = 0; r < s->routes.len; r++)
			buf_printf(out, "  %s\n", route_text(s, VEC_AT(s->routes, Route, r)));
	}
}

static void text_summary(const World *w, StrBuf *out)
{
	Totals t = count_totals(w);
	buf_puts(out, "\nSummary\n");
	buf_printf(out, "  needs: %zu in %zu need-area%s: %zu covered, %zu signalled, %zu gap%s\n", t.needs,
		   t.pairs, t.pairs == 1 ? "" : "s", t.covered, t.signalled, t.gaps, t.gaps == 1 ? "" : "s");
	buf_printf(out, "  actions: %zu, indicators: %zu: %zu achieved, %zu on track, %zu behind, %zu no data\n",
		   t.actions, t.indicators, t.by_status[IND_ACHIEVED], t.by_status[IND_ON_TRACK],
		   t.by_status[IND_BEHIND], t.by_status[IND_NO_DATA]);
	buf_puts(out, "  findings: ");
	diag_summary(w->diags, out);
	buf_putc(out, '\n');
}

void report_eval_text(const World *w, StrBuf *out)
{
	bool first = true;
	FOR_USER_MODULES(w, m) {
		if (!first)
			buf_puts(out, "\n");
		first = false;
		text_plan_header(m, out);
		text_areas(m, out);
		text_actions(m, out);
		text_module_signals(m, out);
	}
	text_summary(w, out);
}

/* ---- signals grouped by body -------------------------------------------------- */

/* Bodies in the order signals first reach them. */
static Vec bodies_reached(const World *w)
{
	Vec bodies = { 0 };
	PairSet seen = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->signals.len; i++) {
			const Signal *s = VEC_AT(m->signals, Signal, i);
			for (size_t r = 0; r < s->routes.len; r++) {
				Body *b = VEC_AT(s->routes, Route, r)->body;
				if (b && pairset_add(&seen, b, b))
					vec_push(&bodies, b);
			}
		}
	}
	return bodies;
}

/* The areas of signal s that reach body b, as "Meer, Minderhout". */
static const char *areas_reaching(const Signal *s, const Body *b, bool titles)
{
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t r = 0; r < s->routes.len; r++) {
		const Route *route = VEC_AT(s->routes, Route, r);
		if (route->body != b)
			continue;
		const Place *area = route->area;
		buf_printf(&list, "%s%s", list.len ? ", " : "",
			   titles ? entity_title(&area->base) : entity_name(&area->base));
		/* a zone reads signals of many municipalities: say whose area it is */
		if (titles && area->municipality && area->municipality != area)
			buf_printf(&list, " (%s)", entity_title(&area->municipality->base));
	}
	return list.len ? list.data : NULL;
}

static const char *signal_origin(const Signal *s)
{
	const Plan *p = s->module->plan;
	return p ? entity_name(&p->base) : s->module->src->path;
}

void report_signals_text(const World *w, StrBuf *out)
{
	Vec bodies = bodies_reached(w);
	if (bodies.len == 0)
		buf_puts(out, "No signals.\n");
	for (size_t i = 0; i < bodies.len; i++) {
		const Body *b = bodies.items[i];
		buf_printf(out, "%s%s (%s)\n", i ? "\n" : "", entity_title(&b->base), entity_name(&b->base));
		Table per_capability = { 0 };
		Vec capabilities = { 0 };
		FOR_USER_MODULES(w, m) {
			for (size_t k = 0; k < m->signals.len; k++) {
				const Signal *s = VEC_AT(m->signals, Signal, k);
				const char *areas = areas_reaching(s, b, true);
				if (!areas)
					continue;
				buf_printf(out, "  %s: %s \"%s\" in %s\n", signal_origin(s), entity_name(&s->need->base),
					   entity_title(&s->need->base), areas);
				if (s->message)
					buf_printf(out, "    message: %s\n", s->message);
				if (s->answered_by)
					buf_printf(out, "    answered by: %s\n", entity_name(&s->answered_by->base));
				for (size_t r = 0; r < s->routes.len; r++) {
					const Route *route = VEC_AT(s->routes, Route, r);
					if (route->body == b && route->path.len) {
						buf_printf(out, "    not answered here: travels on to %s\n",
							   entity_title(&VEC_AT(route->path, Body, route->path.len - 1)->base));
						break;
					}
				}
				for (size_t c = 0; c < s->need->requires.len; c++) {
					const char *cap = entity_title(&VEC_AT(s->need->requires, Capability, c)->base);
					StrBuf *who = table_get(&per_capability, cap);
					if (!who) {
						who = NEW(StrBuf);
						buf_init(who);
						table_put(&per_capability, cap, who);
						vec_push(&capabilities, (void *)cap);
					}
					buf_printf(who, "%s%s", who->len ? ", " : "", signal_origin(s));
				}
			}
		}
		for (size_t c = 0; c < capabilities.len; c++) {
			StrBuf *who = table_get(&per_capability, capabilities.items[c]);
			if (strchr(who->data, ','))
				buf_printf(out, "  shared need for %s: %s\n", (char *)capabilities.items[c], who->data);
		}
	}
}

/* ---- JSON ------------------------------------------------------------------- */

static void json_coverage(JsonWriter *j, const World *w)
{
	json_key(j, "coverage");
	json_array_begin(j);
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *n = VEC_AT(m->needs, Need, i);
			for (size_t c = 0; c < n->areas.len; c++) {
				const Coverage *cov = VEC_AT(n->areas, Coverage, c);
				json_object_begin(j);
				json_kv_string(j, "need", entity_name(&n->base));
				json_kv_string(j, "area", entity_name(&cov->area->base));
				json_kv_string(j, "status", cover_word(cov->status));
				json_key(j, "actions");
				json_array_begin(j);
				for (size_t a = 0; a < cov->actions.len; a++)
					json_string(j, entity_name(&VEC_AT(cov->actions, Action, a)->base));
				json_array_end(j);
				json_key(j, "signal");
				if (cov->status == COVER_SIGNALLED) {
					json_object_begin(j);
					json_kv_string(j, "body", entity_name(&cov->body->base));
					json_kv_string(j, "body_name", entity_title(&cov->body->base));
					json_object_end(j);
				} else {
					json_null(j);
				}
				json_kv_string(j, "file", m->src->path);
				json_object_end(j);
			}
		}
	}
	json_array_end(j);
}

static void json_signals(JsonWriter *j, const World *w)
{
	Vec bodies = bodies_reached(w);
	json_key(j, "signals");
	json_array_begin(j);
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->signals.len; i++) {
			const Signal *s = VEC_AT(m->signals, Signal, i);
			if (!s->need)
				continue;
			for (size_t b = 0; b < bodies.len; b++) {
				const Body *body = bodies.items[b];
				if (!areas_reaching(s, body, false))
					continue;
				json_object_begin(j);
				json_kv_string(j, "need", entity_name(&s->need->base));
				json_key(j, "areas");
				json_array_begin(j);
				for (size_t r = 0; r < s->routes.len; r++) {
					const Route *route = VEC_AT(s->routes, Route, r);
					if (route->body == body)
						json_string(j, entity_name(&route->area->base));
				}
				json_array_end(j);
				json_kv_string(j, "body", entity_name(&body->base));
				json_kv_string(j, "body_name", entity_title(&body->base));
				json_kv_string(j, "message", s->message);
				json_kv_string(j, "plan", s->module->plan ? entity_name(&s->module->plan->base) : NULL);
				json_kv_string(j, "answered_by", s->answered_by ? entity_name(&s->answered_by->base) : NULL);
				json_object_end(j);
			}
		}
	}
	json_array_end(j);
}

static void json_diagnostics(JsonWriter *j, const World *w)
{
	json_key(j, "diagnostics");
	StrBuf diags = { 0 };
	buf_init(&diags);
	diag_render_json(w->diags, &diags);
	/* splice the rendered array in as the value */
	j->after_key = false;
	buf_puts(j->out, diags.data);
}

static void json_summary(JsonWriter *j, const World *w)
{
	Totals t = count_totals(w);
	json_key(j, "summary");
	json_object_begin(j);
	json_kv_int(j, "errors", (long long)w->diags->errors);
	json_kv_int(j, "warnings", (long long)w->diags->warnings);
	json_kv_int(j, "needs", (long long)t.needs);
	json_kv_int(j, "covered", (long long)t.covered);
	json_kv_int(j, "signalled", (long long)t.signalled);
	json_kv_int(j, "gaps", (long long)t.gaps);
	json_kv_int(j, "actions", (long long)t.actions);
	json_kv_int(j, "indicators", (long long)t.indicators);
	json_object_end(j);
}

void report_check_json(const World *w, StrBuf *out)
{
	JsonWriter j;
	json_init(&j, out);
	json_object_begin(&j);
	json_diagnostics(&j, w);
	json_coverage(&j, w);
	json_signals(&j, w);
	json_summary(&j, w);
	json_object_end(&j);
	buf_putc(out, '\n');
}

static void json_number_or_null(JsonWriter *j, const char *key, double v)
{
	json_key(j, key);
	if (isnan(v))
		json_null(j);
	else
		json_number(j, v);
}

static void json_indicator(JsonWriter *j, const Indicator *ind)
{
	json_object_begin(j);
	json_kv_string(j, "id", ind->id.text);
	json_kv_string(j, "name", ind->title);
	json_kv_string(j, "unit", ind->unit);
	json_number_or_null(j, "baseline", ind->ok ? ind->baseline : NAN);
	json_number_or_null(j, "target", ind->ok ? ind->target : NAN);
	json_key(j, "target_is_percentage");
	json_bool(j, ind->target_percent);
	json_kv_string(j, "by", ind->deadline != LONG_MIN ? date_format_days(ind->deadline) : NULL);
	json_key(j, "latest");
	if (ind->latest) {
		json_object_begin(j);
		json_kv_string(j, "date", date_format(ind->latest->date));
		json_kv_number(j, "value", ind->latest->value);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_number_or_null(j, "progress", ind->progress);
	json_number_or_null(j, "expected", ind->expected);
	json_kv_string(j, "status", indicator_word(ind->status));
	json_key(j, "measurements");
	json_array_begin(j);
	for (size_t i = 0; i < ind->measures.len; i++) {
		const Measure *ms = VEC_AT(ind->measures, Measure, i);
		json_object_begin(j);
		json_kv_string(j, "date", date_format(ms->date));
		json_number_or_null(j, "value", ms->ok ? ms->value : NAN);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static void json_names(JsonWriter *j, const char *key, const Vec *entities)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < entities->len; i++)
		json_string(j, entity_name(entities->items[i]));
	json_array_end(j);
}

static void json_actions(JsonWriter *j, const Module *m)
{
	json_key(j, "actions");
	json_array_begin(j);
	for (size_t i = 0; i < m->actions.len; i++) {
		const Action *a = VEC_AT(m->actions, Action, i);
		json_object_begin(j);
		json_kv_string(j, "id", entity_name(&a->base));
		json_kv_string(j, "title", entity_title(&a->base));
		json_kv_string(j, "status", status_word(a->status));
		json_names(j, "addresses", &a->addresses);
		Vec places = action_places(a);
		json_names(j, "in", &places);
		json_kv_string(j, "lead", a->lead ? entity_name(&a->lead->base) : NULL);
		json_names(j, "partners", &a->partners);
		json_kv_string(j, "from", a->has_from ? date_format(a->from) : NULL);
		json_kv_string(j, "to", a->has_to ? date_format(a->to) : NULL);
		json_key(j, "indicators");
		json_array_begin(j);
		for (size_t k = 0; k < a->indicators.len; k++)
			json_indicator(j, VEC_AT(a->indicators, Indicator, k));
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_needs(JsonWriter *j, const Module *m)
{
	json_key(j, "needs");
	json_array_begin(j);
	for (size_t i = 0; i < m->needs.len; i++) {
		const Need *n = VEC_AT(m->needs, Need, i);
		json_object_begin(j);
		json_kv_string(j, "id", entity_name(&n->base));
		json_kv_string(j, "title", entity_title(&n->base));
		json_kv_string(j, "priority", n->priority ? priority_word(n->priority) : NULL);
		json_kv_string(j, "group", n->group ? entity_name(&n->group->base) : NULL);
		json_kv_string(j, "block", n->block ? entity_name(&n->block->base) : NULL);
		json_names(j, "requires", &n->requires);
		json_kv_string(j, "evidence", n->evidence);
		json_key(j, "areas");
		json_array_begin(j);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			json_object_begin(j);
			json_kv_string(j, "area", entity_name(&cov->area->base));
			json_kv_string(j, "status", cover_word(cov->status));
			json_names(j, "actions", &cov->actions);
			json_kv_string(j, "body", cov->body ? entity_name(&cov->body->base) : NULL);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_areas(JsonWriter *j, const World *w, const Module *m)
{
	json_key(j, "areas");
	json_array_begin(j);
	for (size_t i = 0; i < m->places.len; i++) {
		Place *p = VEC_AT(m->places, Place, i);
		json_object_begin(j);
		json_kv_string(j, "id", entity_name(&p->base));
		json_kv_string(j, "name", entity_title(&p->base));
		json_kv_string(j, "kind", entity_noun(&p->base));
		json_kv_string(j, "in", p->parent ? entity_name(&p->parent->base) : NULL);
		double pop;
		json_number_or_null(j, "population", eval_group_size((World *)w, p, NULL, &pop) ? pop : NAN);
		json_object_end(j);
	}
	json_array_end(j);
}

void report_eval_json(const World *w, StrBuf *out)
{
	JsonWriter j;
	json_init(&j, out);
	json_object_begin(&j);
	json_key(&j, "files");
	json_array_begin(&j);
	FOR_USER_MODULES(w, m) {
		json_object_begin(&j);
		json_kv_string(&j, "file", m->src->path);
		json_key(&j, "plan");
		if (m->plan) {
			const Plan *p = m->plan;
			json_object_begin(&j);
			json_kv_string(&j, "id", entity_name(&p->base));
			json_kv_string(&j, "title", entity_title(&p->base));
			json_kv_string(&j, "municipality", p->municipality ? entity_name(&p->municipality->base) : NULL);
			json_kv_string(&j, "body", p->body ? entity_name(&p->body->base) : NULL);
			json_kv_string(&j, "period_start", p->has_period ? date_format(p->period_start) : NULL);
			json_kv_string(&j, "period_end", p->has_period ? date_format(p->period_end) : NULL);
			json_kv_string(&j, "as_of", date_format_days(p->eval_day));
			json_kv_string(&j, "owner", p->owner);
			json_object_end(&j);
		} else {
			json_null(&j);
		}
		json_areas(&j, w, m);
		json_needs(&j, m);
		json_actions(&j, m);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_coverage(&j, w);
	json_signals(&j, w);
	json_diagnostics(&j, w);
	json_summary(&j, w);
	json_object_end(&j);
	buf_putc(out, '\n');
}

/* ---- markdown -------------------------------------------------------------------- */

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

void report_eval_markdown(const World *w, StrBuf *out)
{
	FOR_USER_MODULES(w, m) {
		const Plan *p = m->plan;
		buf_printf(out, "# %s\n\n", p ? md(entity_title(&p->base)) : md(m->src->path));
		if (p) {
			if (p->municipality)
				buf_printf(out, "- Municipality: %s\n", md(entity_title(&p->municipality->base)));
			if (p->has_period)
				buf_printf(out, "- Period: %s .. %s\n", date_format(p->period_start), date_format(p->period_end));
			buf_printf(out, "- Evaluated on: %s\n", date_format_days(p->eval_day));
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
						   cov->status == COVER_GAP ? "**gap**" : cover_word(cov->status),
						   md(report_coverage_text(cov)));
				}
			}
			buf_putc(out, '\n');
		}
		if (m->actions.len) {
			buf_puts(out, "## Actions\n\n");
			for (size_t i = 0; i < m->actions.len; i++) {
				const Action *a = VEC_AT(m->actions, Action, i);
				buf_printf(out, "### %s (%s)\n\n", md(entity_title(&a->base)), status_word(a->status));
				for (size_t k = 0; k < a->indicators.len; k++) {
					const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
					buf_printf(out, "- **%s**: %s; %s\n", md(ind->title), indicator_line(ind), progress_line(ind));
				}
				buf_putc(out, '\n');
			}
		}
		if (m->signals.len) {
			buf_puts(out, "## Signals\n\n");
			for (size_t i = 0; i < m->signals.len; i++) {
				const Signal *s = VEC_AT(m->signals, Signal, i);
				for (size_t r = 0; s->need && r < s->routes.len; r++)
					buf_printf(out, "- %s\n", md(route_text(s, VEC_AT(s->routes, Route, r))));
			}
			buf_putc(out, '\n');
		}
	}
	Totals t = count_totals(w);
	buf_printf(out, "## Summary\n\n- Needs: %zu (covered %zu, signalled %zu, gaps %zu)\n- Indicators: %zu "
		   "(%zu achieved, %zu on track, %zu behind, %zu no data)\n",
		   t.needs, t.covered, t.signalled, t.gaps, t.indicators, t.by_status[IND_ACHIEVED],
		   t.by_status[IND_ON_TRACK], t.by_status[IND_BEHIND], t.by_status[IND_NO_DATA]);
}

void report_check_summary(const World *w, StrBuf *out)
{
	Totals t = count_totals(w);
	buf_printf(out, "carenet: %zu need%s in %zu need-area%s: %zu covered, %zu signalled, %zu gap%s; ",
		   t.needs, t.needs == 1 ? "" : "s", t.pairs, t.pairs == 1 ? "" : "s", t.covered, t.signalled,
		   t.gaps, t.gaps == 1 ? "" : "s");
	diag_summary(w->diags, out);
	buf_putc(out, '\n');
}
