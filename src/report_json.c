/*
 * report_json.c — the check report and the evaluated plan as JSON, keys in
 * English whatever the language, values in source order.
 */
#include "report.h"

#include <limits.h>
#include <math.h>

#include "json.h"
#include "i18n.h"
#include "mem.h"


/* "acceptance": the acceptance naming a need-area (in force: accepted; expired: a gap), or null. */
static void json_acceptance_of(JsonWriter *j, const Coverage *cov)
{
	json_key(j, "acceptance");
	if (!cov->acceptance) {
		json_write_null(j);
		return;
	}
	json_object_begin(j);
	json_kv_string(j, "until", date_format(cov->acceptance->until));
	json_kv_string(j, "reason", cov->acceptance->reason);
	json_kv_bool(j, "in_force", cov->acceptance->in_force);
	json_object_end(j);
}

/* Every acceptance of a file, as written, with what it accepts now. */
static void json_acceptances(JsonWriter *j, const Module *m)
{
	json_key(j, "acceptances");
	json_array_begin(j);
	for (size_t i = 0; i < m->acceptances.len; i++) {
		const Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
		json_object_begin(j);
		json_kv_string(j, "need", a->need ? entity_name(&a->need->base) : NULL);
		json_key(j, "areas");
		json_array_begin(j);
		for (size_t k = 0; k < a->areas.len; k++)
			json_write_string(j, entity_name(&((const Place *)a->areas.items[k])->base));
		json_array_end(j);
		json_kv_string(j, "code", a->is_code ? diag_code_name(a->code) : NULL);
		json_kv_string(j, "on", a->is_code ? entity_name(a->on) : NULL);
		json_kv_string(j, "until", date_format(a->until));
		json_kv_string(j, "reason", a->reason);
		json_kv_bool(j, "in_force", a->in_force);
		json_kv_int(j, "accepted", (long long)(a->is_code ? a->suppression->uses : a->gaps));
		json_object_end(j);
	}
	json_array_end(j);
}

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
				json_kv_string(j, "status", report_cover_word(cov->status));
				json_key(j, "actions");
				json_array_begin(j);
				for (size_t a = 0; a < cov->actions.len; a++)
					json_write_string(j, entity_name(&VEC_AT(cov->actions, Action, a)->base));
				json_array_end(j);
				json_kv_int(j, "action_count", (long long)cov->action_count);
				json_key(j, "signal");
				if (cov->status == COVER_SIGNALLED) {
					json_object_begin(j);
					json_kv_string(j, "body", entity_name(&cov->body->base));
					json_kv_string(j, "body_name", entity_title(&cov->body->base));
					json_object_end(j);
				} else {
					json_write_null(j);
				}
				json_acceptance_of(j, cov);
				json_kv_string(j, "file", m->src->path);
				json_object_end(j);
			}
		}
	}
	json_array_end(j);
}

/* Which memberships sent a signal to its body: member, body, period, source,
   as_of, and why it is unconfirmed (null when a source confirms it). */
void report_json_memberships(JsonWriter *j, const char *key, Vec reaches)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < reaches.len; i++) {
		const Reach *r = reaches.items[i];
		const Membership *m = r->leaf;
		const Provenance *p = m->provenance;
		json_object_begin(j);
		json_kv_string(j, "member", entity_name(m->member));
		json_kv_string(j, "of", entity_name(&m->body->base));
		json_kv_string(j, "from", m->has_from ? date_format(m->from) : NULL);
		json_kv_string(j, "to", m->has_to ? date_format(m->to) : NULL);
		json_kv_string(j, "source", p ? p->source : NULL);
		json_kv_string(j, "as_of", p && p->has_as_of ? date_format(p->as_of) : NULL);
		json_kv_string(j, "unconfirmed", r->unconfirmed);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_signals(JsonWriter *j, const World *w)
{
	SignalIndex ix = report_signal_index(w);
	json_key(j, "signals");
	json_array_begin(j);
	for (size_t i = 0; i < ix.by_signal.len; i++) {
		const SignalReach *reach = ix.by_signal.items[i];
		const Signal *s = reach->signal;
		json_object_begin(j);
		json_kv_string(j, "need", entity_name(&s->need->base));
		json_key(j, "areas");
		json_array_begin(j);
		for (size_t r = 0; r < reach->routes.len; r++)
			json_write_string(j, entity_name(&VEC_AT(reach->routes, Route, r)->area->base));
		json_array_end(j);
		json_kv_string(j, "body", entity_name(&reach->body->base));
		json_kv_string(j, "body_name", entity_title(&reach->body->base));
		json_kv_string(j, "message", s->message);
		json_kv_string(j, "plan", s->base.module->plan ? entity_name(&s->base.module->plan->base) : NULL);
		json_kv_string(j, "answered_by", s->answered_by ? entity_name(&s->answered_by->base) : NULL);
		report_json_memberships(j, "memberships", report_memberships_reaching(s, reach->body));
		json_object_end(j);
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
	ReportTotals t = report_totals(w);
	json_key(j, "summary");
	json_object_begin(j);
	json_kv_int(j, "errors", (long long)w->diags->errors);
	json_kv_int(j, "warnings", (long long)w->diags->warnings);
	json_kv_int(j, "suppressed", (long long)w->diags->suppressed_count);
	json_kv_int(j, "baselined", (long long)w->diags->baselined);
	json_kv_int(j, "baseline_gone", (long long)diag_baseline_gone(w->diags));
	json_kv_int(j, "needs", (long long)t.needs);
	json_kv_int(j, "covered", (long long)t.covered);
	json_kv_int(j, "signalled", (long long)t.signalled);
	json_kv_int(j, "gaps", (long long)t.gaps);
	json_kv_int(j, "accepted", (long long)t.accepted);
	json_kv_int(j, "actions", (long long)t.actions);
	json_kv_int(j, "indicators", (long long)t.indicators);
	json_object_end(j);
}

void report_json_check(const World *w, StrBuf *out)
{
	JsonWriter j;
	report_json_begin(&j, out);
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
		json_write_null(j);
	else
		json_number(j, v);
}

static void json_series(JsonWriter *j, const Indicator *ind);
static void json_indicators(JsonWriter *j, const Vec *indicators);

static void json_indicator(JsonWriter *j, const Indicator *ind)
{
	json_object_begin(j);
	json_kv_string(j, "id", ind->id.text);
	json_kv_string(j, "name", ind->title);
	json_kv_string(j, "unit", ind->unit);
	json_kv_string(j, "metric", ind->metric ? entity_name(&ind->metric->base) : NULL);
	json_number_or_null(j, "baseline", ind->ok ? ind->baseline : NAN);
	json_kv_string(j, "baseline_date", ind->has_baseline_date ? date_format(ind->baseline_date) : NULL);
	json_number_or_null(j, "baseline_sample", ind->has_baseline_sample ? ind->baseline_sample : NAN);
	json_number_or_null(j, "target", ind->ok ? ind->target : NAN);
	json_key(j, "target_is_percentage");
	json_bool(j, ind->target_percent);
	json_kv_string(j, "by", ind->deadline != LONG_MIN ? date_format_days(ind->deadline) : NULL);
	report_json_latest(j, ind);
	json_number_or_null(j, "progress", ind->progress);
	json_number_or_null(j, "expected", ind->expected);
	json_kv_string(j, "status", report_indicator_word(ind->status));
	json_key(j, "measurements");
	json_array_begin(j);
	for (size_t i = 0; i < ind->measures.len; i++) {
		const Measure *ms = VEC_AT(ind->measures, Measure, i);
		json_object_begin(j);
		json_kv_string(j, "date", date_format(ms->date));
		json_number_or_null(j, "value", ms->ok ? ms->value : NAN);
		json_number_or_null(j, "sample", ms->has_sample ? ms->sample : NAN);
		json_key(j, "counted");
		json_bool(j, ms->counted);
		json_object_end(j);
	}
	json_array_end(j);
	json_series(j, ind);
	json_object_end(j);
}

/* The series as it is read: counted measurements in date order, each with
   its change from the one before (the first from the baseline). */
static void json_series(JsonWriter *j, const Indicator *ind)
{
	json_key(j, "series");
	json_array_begin(j);
	Vec series = ind->ok ? report_series(ind) : (Vec){ 0 };
	double before = ind->baseline;
	for (size_t i = 0; i < series.len; i++) {
		const Measure *ms = series.items[i];
		json_object_begin(j);
		json_kv_string(j, "date", date_format(ms->date));
		json_kv_number(j, "value", ms->value);
		json_kv_number(j, "change", ms->value - before);
		json_object_end(j);
		before = ms->value;
	}
	json_array_end(j);
}

void report_json_begin(JsonWriter *j, StrBuf *out)
{
	json_init(j, out);
	json_object_begin(j);
	json_kv_string(j, "format_version", REPORT_JSON_VERSION);
	json_kv_string(j, "language", i18n_code()); /* of the messages and labels; keys and enum values are English */
}

void report_json_latest(JsonWriter *j, const Indicator *ind)
{
	json_key(j, "latest");
	if (!ind->latest) {
		json_write_null(j);
		return;
	}
	json_object_begin(j);
	json_kv_string(j, "date", date_format(ind->latest->date));
	json_kv_number(j, "value", ind->latest->value);
	json_object_end(j);
}

void report_json_names(JsonWriter *j, const char *key, const Vec *entities)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t i = 0; i < entities->len; i++)
		json_write_string(j, entity_name(entities->items[i]));
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
		json_kv_string(j, "status", report_status_word(a->status));
		report_json_names(j, "addresses", &a->addresses);
		report_json_names(j, "in", &a->places);
		json_kv_string(j, "lead", a->lead ? entity_name(&a->lead->base) : NULL);
		report_json_names(j, "partners", &a->partners);
		json_kv_string(j, "from", a->has_from ? date_format(a->from) : NULL);
		json_kv_string(j, "to", a->has_to ? date_format(a->to) : NULL);
		json_key(j, "adjustments");
		json_array_begin(j);
		for (size_t k = 0; k < a->adjustments.len; k++) {
			const Adjustment *adj = VEC_AT(a->adjustments, Adjustment, k);
			json_object_begin(j);
			json_kv_string(j, "date", date_format(adj->date));
			json_kv_string(j, "what", adj->text);
			json_object_end(j);
		}
		json_array_end(j);
		report_json_names(j, "blocks", &a->blocks);
		json_indicators(j, &a->indicators);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_indicators(JsonWriter *j, const Vec *indicators)
{
	json_key(j, "indicators");
	json_array_begin(j);
	for (size_t k = 0; k < indicators->len; k++)
		json_indicator(j, VEC_AT(*indicators, Indicator, k));
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
		json_kv_string(j, "priority", n->priority ? report_priority_word(n->priority) : NULL);
		json_kv_string(j, "group", n->group ? entity_name(&n->group->base) : NULL);
		json_kv_string(j, "block", n->block ? entity_name(&n->block->base) : NULL);
		report_json_names(j, "requires", &n->requires);
		json_kv_string(j, "evidence", n->evidence);
		json_key(j, "areas");
		json_array_begin(j);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			json_object_begin(j);
			json_kv_string(j, "area", entity_name(&cov->area->base));
			json_kv_string(j, "status", report_cover_word(cov->status));
			report_json_names(j, "actions", &cov->actions);
			json_kv_int(j, "action_count", (long long)cov->action_count);
			json_kv_string(j, "body", cov->body ? entity_name(&cov->body->base) : NULL);
			json_acceptance_of(j, cov);
			json_object_end(j);
		}
		json_array_end(j);
		json_indicators(j, &n->indicators);
		json_object_end(j);
	}
	json_array_end(j);
}

static void json_areas(JsonWriter *j, const Module *m)
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
		json_number_or_null(j, "population", p->population_state == VALUE_OK ? p->population : NAN);
		json_object_end(j);
	}
	json_array_end(j);
}

void report_json_eval(const World *w, StrBuf *out)
{
	JsonWriter j;
	report_json_begin(&j, out);
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
			json_kv_string(&j, "as_of", date_format_days(m->eval_day));
			json_kv_string(&j, "phase", report_phase_word(p->phase));
			json_kv_string(&j, "owner", p->owner);
			json_object_end(&j);
		} else {
			json_write_null(&j);
		}
		json_areas(&j, m);
		json_needs(&j, m);
		json_actions(&j, m);
		json_acceptances(&j, m);
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
