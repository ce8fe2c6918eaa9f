/*
 * fuzz_plan.c — libFuzzer harness over the whole pipeline through the
 * core's API (carenet.h): scan, parse, resolve, evaluate, analyse, and
 * render every output format (diagnostics as text and GitHub annotations,
 * check as text and JSON, eval as text, JSON, markdown, HTML and dot,
 * signals).  The input is one plan.
 *
 *   make fuzz FUZZ_SECONDS=600          (every harness; build/fuzz/)
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	Carenet *c = carenet_new(&fuzz_options);
	carenet_load_prelude(c);
	carenet_load_text(c, "fuzz.care", (const char *)data, size);
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	fuzz_write_everything(c, &out);
	mem_reset();
	return 0;
}
