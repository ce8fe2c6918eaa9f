/*
 * driver.c — running a command over the files named on the command line.
 */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analysis.h"
#include "eval.h"
#include "loader.h"
#include "mem.h"
#include "plandiff.h"
#include "report.h"
#include "schema.h"

/* Today, or SOURCE_DATE_EPOCH's day so runs can be reproduced. */
static long today(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch) {
		char *end;
		long long seconds = strtoll(epoch, &end, 10);
		if (*end == '\0' && seconds >= 0)
			return (long)(seconds / 86400);
	}
	return (long)(time(NULL) / 86400);
}

static bool use_color(void)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return isatty(STDERR_FILENO) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}

/* Write a whole buffer; a failed write (a full disk, a closed pipe) is an I/O error. */
static bool write_all(FILE *f, const StrBuf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return false;
	return fflush(f) == 0;
}

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

static void load_files(World *w, const char **files, int count, bool *io_failed)
{
	phase_done(NULL);
	world_load_prelude(w);
	if (!w->prelude) {
		*io_failed = true; /* an installation problem: nothing else can be checked */
		return;
	}
	for (int i = 0; i < count; i++)
		if (strcmp(files[i], "/dev/null") != 0 && !world_load_root(w, files[i]))
			*io_failed = true; /* /dev/null: git's side of an added or deleted file */
	phase_done("parse");
	/* Inside the heap reserved for a large plan (mem_reserve) the collector
	   seldom runs by itself.  Collect where the garbage of a phase is known
	   to be done with (the scanner's copy, the grown vectors, the names
	   resolved), so the next phases reuse it instead of touching fresh
	   memory: a few tens of milliseconds on a region plan, and the peak
	   drops by a seventh. */
	mem_collect();
	schema_build(w);
	phase_done("schema");
	eval_all(w);
	phase_done("eval");
	mem_collect();
	analysis_run(w);
	phase_done("analysis");
}

static void render_diagnostics(const DiagSink *sink, Format format, StrBuf *out)
{
	if (format == FORMAT_GITHUB)
		diag_render_github(sink, out);
	else
		diag_render_text(sink, out, (RenderOptions){ use_color() });
}

int driver_run(const Options *opts)
{
	DiagSink sink;
	diag_sink_init(&sink);
	sink.werror = opts->werror;
	World w;
	world_init(&w, &sink);
	w.today = today();
	w.has_as_of_override = opts->has_as_of;
	w.as_of_override = opts->as_of;
	bool io_failed = false;
	load_files(&w, opts->files, opts->file_count, &io_failed);
	diag_sort(&sink);
	if (!w.prelude) {
		StrBuf err = { 0 };
		buf_init(&err);
		diag_render_text(&sink, &err, (RenderOptions){ use_color() });
		fputs(err.data, stderr);
		return 2;
	}

	StrBuf err = { 0 }, out = { 0 };
	buf_init(&err);
	buf_init(&out);
	bool diagnostics_in_output = opts->command == CMD_CHECK && opts->format == FORMAT_JSON;
	if (!diagnostics_in_output)
		render_diagnostics(&sink, opts->command == CMD_CHECK ? opts->format : FORMAT_TEXT,
				   opts->format == FORMAT_GITHUB ? &out : &err);
	switch (opts->command) {
	case CMD_CHECK:
		if (opts->format == FORMAT_JSON)
			report_check_json(&w, &out);
		else if (opts->format == FORMAT_TEXT)
			report_check_summary(&w, &out);
		break;
	case CMD_EVAL:
		if (opts->format == FORMAT_JSON)
			report_eval_json(&w, &out);
		else if (opts->format == FORMAT_MARKDOWN)
			report_eval_markdown(&w, &out);
		else if (opts->format == FORMAT_HTML)
			report_eval_html(&w, &out);
		else if (opts->format == FORMAT_DOT)
			report_eval_dot(&w, &out);
		else
			report_eval_text(&w, &out);
		break;
	case CMD_SIGNALS:
		report_signals_text(&w, &out);
		break;
	case CMD_FMT: case CMD_DIFF:
		break;
	}
	phase_done("report");
	/* diagnostics first, then the report: the same bytes in the same order every run */
	if (!write_all(stderr, &err) || !write_all(stdout, &out)) {
		fprintf(stderr, "carenet: cannot write the output\n");
		return 2;
	}
	if (io_failed)
		return 2;
	if (opts->command == CMD_CHECK)
		return sink.errors ? 1 : 0;
	/* eval and signals report gaps in their output; they fail only when the
	   plan could not be evaluated */
	return sink.errors > sink.findings ? 1 : 0;
}

/* Load one version of a plan into its own world. */
static bool load_version(World *w, DiagSink *sink, const char *path, long today)
{
	diag_sink_init(sink);
	world_init(w, sink);
	w->today = today;
	bool io_failed = false;
	load_files(w, &path, 1, &io_failed);
	return !io_failed;
}

int driver_diff(const Options *opts)
{
	/* git runs a diff driver as: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
	bool from_git = opts->file_count == 7;
	if (opts->file_count != 2 && !from_git) {
		fprintf(stderr, "carenet: diff takes two files: OLD NEW (- for standard input)\n");
		return 2;
	}
	const char *old_path = opts->files[from_git ? 1 : 0];
	const char *new_path = opts->files[from_git ? 4 : 1];
	DiagSink old_sink, new_sink;
	World old_world, new_world;
	long day = opts->has_as_of ? opts->as_of : today();
	bool ok = load_version(&old_world, &old_sink, old_path, day);
	ok &= load_version(&new_world, &new_sink, new_path, day);
	old_world.has_as_of_override = new_world.has_as_of_override = opts->has_as_of;
	if (!ok) {
		StrBuf err = { 0 };
		buf_init(&err);
		diag_sort(&old_sink);
		diag_sort(&new_sink);
		diag_render_text(&old_sink, &err, (RenderOptions){ use_color() });
		diag_render_text(&new_sink, &err, (RenderOptions){ use_color() });
		fputs(err.data, stderr);
		return 2;
	}
	StrBuf out = { 0 };
	buf_init(&out);
	if (from_git)
		buf_printf(&out, "carenet diff %s\n", opts->files[0]);
	bool new_gap = plandiff_write(&old_world, &new_world, &out);
	if (!write_all(stdout, &out))
		return 2;
	return new_gap ? 1 : 0;
}
