/*
 * fuzz_plan.c — libFuzzer harness over the whole pipeline through the
 * core's API (carenet.h): scan, parse, load imports, resolve, evaluate,
 * analyse, render every output format, and format the source.  Built
 * without the collector (-DCARENET_NO_GC) so ASan sees every object;
 * mem_reset frees an input's memory afterwards.
 *
 *   make fuzz FUZZ_SECONDS=600
 */
#include <stddef.h>
#include <stdint.h>

#include "carenet.h"
#include "mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int initialised;
	if (!initialised) {
		mem_init();
		initialised = 1;
	}
	CarenetOptions options = { .today = 20453 }; /* 2025-12-31 */
	Carenet *c = carenet_new(&options);
	carenet_load_prelude(c);
	carenet_load_text(c, "fuzz.care", (const char *)data, size);
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_diagnostics(c, FORMAT_TEXT, true, &out);
	carenet_write_diagnostics(c, FORMAT_GITHUB, false, &out);
	carenet_write_report(c, REPORT_CHECK, FORMAT_JSON, &out);
	carenet_write_report(c, REPORT_CHECK, FORMAT_TEXT, &out);
	static const Format formats[] = { FORMAT_TEXT, FORMAT_JSON, FORMAT_MARKDOWN, FORMAT_HTML, FORMAT_DOT };
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		carenet_write_report(c, REPORT_EVAL, formats[i], &out);
	carenet_write_report(c, REPORT_SIGNALS, FORMAT_TEXT, &out);
	mem_reset();
	return 0;
}
