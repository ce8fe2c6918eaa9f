/*
 * fuzz_plan.c — libFuzzer harness over the whole pipeline: scan, parse,
 * load imports, resolve, evaluate, analyse, render every output format,
 * and format the source.  Built without the collector (-DCARENET_NO_GC) so
 * ASan sees every object; mem_reset frees an input's memory afterwards.
 *
 *   make fuzz FUZZ_SECONDS=600
 */
#include <stddef.h>
#include <stdint.h>

#include "analysis.h"
#include "eval.h"
#include "fmt.h"
#include "loader.h"
#include "mem.h"
#include "report.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int initialised;
	if (!initialised) {
		mem_init();
		initialised = 1;
	}
	DiagSink sink;
	diag_sink_init(&sink);
	World w;
	world_init(&w, &sink);
	w.today = 20453; /* 2025-12-31 */
	world_load_prelude(&w);
	Source *src = source_from_text("fuzz.care", (const char *)data, size);
	world_load_root_source(&w, src);
	schema_build(&w);
	eval_all(&w);
	analysis_run(&w);
	diag_sort(&sink);
	StrBuf out = { 0 };
	buf_init(&out);
	diag_render_text(&sink, &out, (RenderOptions){ 1 });
	diag_render_github(&sink, &out);
	report_check_json(&w, &out);
	report_check_summary(&w, &out);
	report_eval_text(&w, &out);
	report_eval_json(&w, &out);
	report_eval_markdown(&w, &out);
	report_signals_text(&w, &out);
	fmt_source(src, &out);
	mem_reset();
	return 0;
}
