/*
 * report_compare_json.c — `compare --format json`: the comparison as one
 * JSON object (docs/json.md, "compare --format json"), versioned with the
 * other JSON outputs.  Every per-plan array is in the order of `plans`.
 */
#include "report_compare.h"

#include <limits.h>
#include <math.h>

#include "json.h"
#include "mem.h"

static void number_or_null(JsonWriter *j, const char *key, double v)
{
	json_key(j, key);
	if (isnan(v))
		json_write_null(j);
	else
		json_number(j, v);
}

static void counts(JsonWriter *j, const CompareCounts *k)
{
	json_object_begin(j);
	json_kv_int(j, "needs", (long long)k->needs);
	json_kv_int(j, "need_areas", (long long)k->pairs);
	json_kv_int(j, "covered", (long long)k->covered);
	json_kv_int(j, "signalled", (long long)k->signalled);
	json_kv_int(j, "gaps", (long long)k->gaps);
	json_kv_int(j, "accepted", (long long)k->accepted);
	json_kv_int(j, "signals", (long long)k->signals);
	number_or_null(j, "addressed", compare_rate(k));
	json_object_end(j);
}

/* "on track" -> "on_track": a key a script can write as .indicators.on_track */
static const char *key_of(const char *word)
{
	char *key = mem_strdup(word);
	for (char *p = key; *p; p++)
		if (*p == ' ')
			*p = '_';
	return key;
}

static void plan(JsonWriter *j, const CompareColumn *col)
{
	json_object_begin(j);
	json_kv_string(j, "label", col->label);
	json_kv_string(j, "plan", col->plan ? entity_name(&col->plan->base) : NULL);
	json_kv_string(j, "file", col->module->src->path);
	json_kv_string(j, "municipality", col->plan && col->plan->municipality
						  ? entity_name(&col->plan->municipality->base) : NULL);
	json_kv_string(j, "phase", col->plan ? report_phase_word(col->plan->phase) : NULL);
	json_kv_string(j, "evaluated_on", date_format_days(col->module->eval_day));
	json_key(j, "coverage");
	counts(j, &col->counts);
	json_key(j, "actions");
	json_object_begin(j);
	json_kv_int(j, "total", (long long)col->actions.len);
	for (int s = 0; s < 4; s++)
		json_kv_int(j, report_status_word((ActionStatus)s), (long long)col->by_action_status[s]);
	json_object_end(j);
	json_key(j, "indicators");
	json_object_begin(j);
	json_kv_int(j, "total", (long long)col->indicators);
	for (int s = 0; s < 5; s++)
		json_kv_int(j, key_of(report_indicator_word((IndicatorStatus)s)), (long long)col->by_indicator_status[s]);
	json_object_end(j);
	json_object_end(j);
}

static void blocks(JsonWriter *j, const Comparison *cmp)
{
	json_key(j, "blocks");
	json_array_begin(j);
	for (size_t r = 0; r < cmp->blocks.len; r++) {
		const CompareBlockRow *row = cmp->blocks.items[r];
		json_object_begin(j);
		json_kv_string(j, "id", row->block ? entity_name(&row->block->base) : NULL);
		json_kv_string(j, "title", row->block ? entity_title(&row->block->base) : NULL);
		json_kv_string(j, "top", row->top ? entity_name(&row->top->base) : NULL);
		json_key(j, "plans");
		json_array_begin(j);
		for (size_t c = 0; c < cmp->count; c++) {
			json_object_begin(j);
			report_json_names(j, "needs", &row->needs[c]);
			report_json_names(j, "actions", &row->actions[c]);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void topics(JsonWriter *j, const char *key, const Vec *rows, size_t columns)
{
	json_key(j, key);
	json_array_begin(j);
	for (size_t r = 0; r < rows->len; r++) {
		const CompareTopicRow *row = rows->items[r];
		json_object_begin(j);
		json_kv_string(j, "id", entity_name(row->topic));
		json_kv_string(j, "title", entity_title(row->topic));
		json_key(j, "plans");
		json_array_begin(j);
		for (size_t c = 0; c < columns; c++)
			counts(j, &row->counts[c]);
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void indicator(JsonWriter *j, const Indicator *ind)
{
	json_object_begin(j);
	json_kv_string(j, "id", ind->id.text);
	json_kv_string(j, ind->action ? "action" : "need",
		       entity_name(ind->action ? &ind->action->base : &ind->need->base));
	json_kv_string(j, "name", ind->title);
	number_or_null(j, "baseline", ind->ok ? ind->baseline : NAN);
	json_kv_string(j, "baseline_date", ind->has_baseline_date ? date_format(ind->baseline_date) : NULL);
	number_or_null(j, "target", ind->ok ? ind->target : NAN);
	json_kv_string(j, "by", ind->deadline != LONG_MIN ? date_format_days(ind->deadline) : NULL);
	report_json_latest(j, ind);
	number_or_null(j, "progress", ind->progress);
	json_kv_string(j, "status", report_indicator_word(ind->status));
	json_object_end(j);
}

static void metric(JsonWriter *j, const CompareMetricRow *row, size_t columns)
{
	const Metric *m = row->metric;
	json_object_begin(j);
	json_kv_string(j, "id", entity_name(&m->base));
	json_kv_string(j, "title", entity_title(&m->base));
	json_kv_string(j, "unit", m->unit);
	json_key(j, "scale");
	if (m->has_scale) {
		json_array_begin(j);
		json_number(j, m->scale_low);
		json_number(j, m->scale_high);
		json_array_end(j);
	} else {
		json_write_null(j);
	}
	json_kv_string(j, "direction", vocab_word(VOCAB_DIRECTION, m->direction));
	json_kv_string(j, "source", m->base.provenance ? m->base.provenance->source : NULL);
	json_kv_int(j, "plans_measuring", (long long)row->columns);
	json_key(j, "plans");
	json_array_begin(j);
	for (size_t c = 0; c < columns; c++) {
		json_array_begin(j);
		for (size_t i = 0; i < row->indicators[c].len; i++)
			indicator(j, row->indicators[c].items[i]);
		json_array_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

void report_compare_json_write(const World *w, StrBuf *out)
{
	Comparison cmp = compare_build(w);
	JsonWriter j;
	report_json_begin(&j, out);
	json_key(&j, "plans");
	json_array_begin(&j);
	for (size_t c = 0; c < cmp.count; c++)
		plan(&j, &cmp.columns[c]);
	json_array_end(&j);
	blocks(&j, &cmp);
	topics(&j, "groups", &cmp.groups, cmp.count);
	topics(&j, "capabilities", &cmp.capabilities, cmp.count);
	json_key(&j, "metrics");
	json_array_begin(&j);
	for (size_t r = 0; r < cmp.metrics.len; r++)
		metric(&j, cmp.metrics.items[r], cmp.count);
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}
