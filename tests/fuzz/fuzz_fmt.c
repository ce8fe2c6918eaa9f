/*
 * fuzz_fmt.c — libFuzzer harness for fmt: a plan that parses is laid out;
 * the layout must parse, lay out to itself (idempotent) and evaluate to the
 * same reports (eval and signals as text: no positions in them).  A
 * difference aborts, so the fuzzer keeps the input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

static const char *evaluated(const char *text, size_t len)
{
	Carenet *c = carenet_new(&fuzz_options);
	carenet_load_prelude(c);
	carenet_load_text(c, "fuzz.care", text, len);
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_report(c, REPORT_EVAL, FORMAT_TEXT, &out);
	carenet_write_report(c, REPORT_SIGNALS, FORMAT_TEXT, &out);
	return out.data;
}

static void fail(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_fmt: %s\n--- before\n%s\n--- after\n%s\n", what, a, b);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	StrBuf once = { 0 }, twice = { 0 }, errors = { 0 };
	buf_init(&once);
	buf_init(&twice);
	buf_init(&errors);
	if (carenet_format_text("fuzz.care", (const char *)data, size, &once, &errors) == FORMATTED) {
		if (carenet_format_text("fuzz.care", once.data, once.len, &twice, &errors) != FORMATTED)
			fail("the layout does not parse", once.data, errors.data);
		if (twice.len != once.len || memcmp(twice.data, once.data, once.len) != 0)
			fail("fmt is not idempotent", once.data, twice.data);
		const char *before = evaluated((const char *)data, size);
		const char *after = evaluated(once.data, once.len);
		if (strcmp(before, after) != 0)
			fail("the layout evaluates differently", before, after);
	}
	mem_reset();
	return 0;
}
