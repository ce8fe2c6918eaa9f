/*
 * carenet.c — the core's pipeline (see carenet.h):
 *
 *   source -> tokens -> declarations    parse.c, lex.c, syntax.c (loader.c per file)
 *          -> recorded blocks           record.c, against schema.c
 *          -> names                     bind.c, names.c
 *          -> containment, dates        places.c, clock.c
 *          -> values                    eval.c
 *          -> analyses                  analysis.c and the passes it runs
 *          -> reports                   report*.c, plandiff.c, diag.c
 */
#include "carenet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accept.h"
#include "analysis.h"
#include "bind.h"
#include "clock.h"
#include "eval.h"
#include "fmt.h"
#include "gitlog.h"
#include "history.h"
#include "loader.h"
#include "mem.h"
#include "parse.h"
#include "places.h"
#include "plandiff.h"
#include "report.h"

struct Carenet {
	DiagSink sink;
	World world;
	bool evaluated;
};

/*
 * CARENET_TIMES=1 prints how long each phase took to standard error: the
 * first thing to look at when a large plan is slow (docs/performance.md).
 * A NULL phase starts the clock.
 */
static void phase_done(const char *phase)
{
	static double last;
	static int enabled = -1;
	if (enabled < 0) {
		const char *env = getenv("CARENET_TIMES");
		enabled = env && *env && strcmp(env, "0") != 0;
	}
	if (!enabled)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	double now = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	if (phase)
		fprintf(stderr, "carenet: %-10s %7.3f s  allocated %6zu MB  heap %6zu MB  collections %zu\n",
			phase, now - last, mem_allocated_bytes() >> 20, mem_heap_bytes() >> 20,
			mem_collections());
	last = now;
}

bool carenet_today(long *day, const char **why)
{
	return clock_today(day, why);
}

Carenet *carenet_new(const CarenetOptions *options)
{
	Carenet *c = NEW(Carenet);
	diag_sink_init(&c->sink);
	c->sink.werror = options->werror;
	loader_init(&c->world, &c->sink);
	c->world.clock = (Clock){ options->today, options->has_as_of, options->as_of_day };
	phase_done(NULL);
	return c;
}

bool carenet_load_prelude(Carenet *c)
{
	loader_load_prelude(&c->world);
	return c->world.prelude != NULL;
}

bool carenet_load_file(Carenet *c, const char *path)
{
	return loader_load_root(&c->world, path);
}

bool carenet_load_file_as(Carenet *c, const char *path, const char *as_path)
{
	const char *why;
	Source *src = source_load(path, &why);
	if (!src) {
		diag_report(&c->sink, DIAG_E001, (SrcLoc){ 0 }, "cannot read %s: %s", path, why);
		return false;
	}
	src->path = mem_strdup(as_path);
	loader_load_root_source(&c->world, src);
	return true;
}

void carenet_load_text(Carenet *c, const char *path, const char *text, size_t len)
{
	loader_load_root_source(&c->world, source_from_text(path, text, len));
}

void carenet_evaluate(Carenet *c)
{
	World *w = &c->world;
	phase_done("parse");
	/* Inside the heap reserved for a large plan (mem_reserve) the collector
	   seldom runs by itself.  Collect where the garbage of a phase is known
	   to be done with (the scanner's copy, the grown vectors, the names
	   resolved), so the next phases reuse it instead of touching fresh
	   memory: a few tens of milliseconds on a region plan, and the peak
	   drops by a seventh. */
	mem_collect();
	bind_world(w);
	places_prepare(w);
	clock_resolve(w);
	accept_prepare(w);
	phase_done("schema");
	eval_all(w);
	phase_done("eval");
	mem_collect();
	analysis_run(w);
	phase_done("analysis");
	accept_report_unused(w);
	diag_report_unused_suppressions(&c->sink);
	diag_sort(&c->sink);
	c->evaluated = true;
}

CarenetCounts carenet_counts(const Carenet *c)
{
	return (CarenetCounts){ c->sink.errors, c->sink.warnings, c->sink.findings };
}

void carenet_write_diagnostics(const Carenet *c, Format format, bool color, StrBuf *out)
{
	if (!c->evaluated)
		diag_sort((DiagSink *)&c->sink); /* the prelude was missing: nothing else ran */
	if (format == FORMAT_GITHUB)
		diag_render_github(&c->sink, out);
	else
		diag_render_text(&c->sink, out, (RenderOptions){ color });
}

static void write_eval(const World *w, Format format, StrBuf *out)
{
	switch (format) {
	case FORMAT_JSON: report_json_eval(w, out); break;
	case FORMAT_MARKDOWN: report_markdown_eval(w, out); break;
	case FORMAT_HTML: report_html_eval(w, out); break;
	case FORMAT_DOT: report_dot_eval(w, out); break;
	case FORMAT_TEXT: case FORMAT_GITHUB: case FORMAT_SARIF: report_text_eval(w, out); break;
	}
	phase_done("report");
}

void carenet_write_report(const Carenet *c, ReportKind kind, Format format, StrBuf *out)
{
	const World *w = &c->world;
	switch (kind) {
	case REPORT_CHECK:
		if (format == FORMAT_JSON)
			report_json_check(w, out);
		else if (format == FORMAT_SARIF)
			report_sarif_check(w, out);
		else if (format == FORMAT_TEXT)
			report_text_check_summary(w, out);
		break;
	case REPORT_EVAL:
		write_eval(w, format, out);
		return;
	case REPORT_SIGNALS:
		if (format == FORMAT_JSON)
			report_signals_json(w, out);
		else if (format == FORMAT_MARKDOWN)
			report_signals_markdown(w, out);
		else if (format == FORMAT_HTML)
			report_signals_html(w, out);
		else
			report_signals_text(w, out);
		break;
	}
	phase_done("report");
}

bool carenet_diff(const Carenet *old, const Carenet *new, StrBuf *out)
{
	return plandiff_write(&old->world, &new->world, out);
}

FormatResult carenet_format_file(const char *path, bool color, StrBuf *original, StrBuf *out,
				 StrBuf *errors)
{
	DiagSink sink;
	diag_sink_init(&sink);
	const char *why;
	Source *src = source_load(path, &why);
	FormatResult result = FORMATTED;
	if (!src) {
		diag_report(&sink, DIAG_E001, (SrcLoc){ 0 }, "cannot read %s: %s", path, why);
		result = FORMAT_UNREADABLE;
	} else {
		*original = (StrBuf){ (char *)src->text, src->len, src->len + 1 };
		parse_source(src, &sink, NULL, NULL);
		if (sink.errors)
			result = FORMAT_UNPARSABLE;
		else
			fmt_source(src, out);
	}
	diag_sort(&sink);
	diag_render_text(&sink, errors, (RenderOptions){ color });
	return result;
}

void carenet_write_series(const CarenetPoint *points, size_t n, bool history, Format format, StrBuf *out)
{
	ReportPoint *rp = NEW_ARRAY(ReportPoint, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		rp[i] = (ReportPoint){ points[i].label, points[i].detail, &points[i].run->world };
	if (format == FORMAT_JSON)
		report_trend_json(rp, n, out);
	else if (history)
		report_trend_history_text(rp, n, out);
	else
		report_trend_text(rp, n, out);
}

void carenet_check_gap_ages(Carenet *now, const CarenetPoint *past, size_t n, int months)
{
	const World **worlds = NEW_ARRAY(const World *, n ? n : 1);
	long *days = mem_alloc_atomic(mem_array_size(n ? n : 1, sizeof(long)));
	for (size_t i = 0; i < n; i++) {
		worlds[i] = &past[i].run->world;
		days[i] = past[i].day;
	}
	history_gap_ages(&now->world, worlds, days, n, months);
	diag_sort(&now->sink);
}

bool carenet_git_versions(const char *path, CarenetVersion **versions, size_t *count, const char **why)
{
	Vec found = { 0 };
	if (!gitlog_versions(path, &found, why))
		return false;
	*versions = NEW_ARRAY(CarenetVersion, found.len);
	for (size_t i = 0; i < found.len; i++) {
		const GitVersion *v = found.items[i];
		(*versions)[i] = (CarenetVersion){ v->commit, v->day, v->text, v->len };
	}
	*count = found.len;
	return true;
}
