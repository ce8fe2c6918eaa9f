/*
 * fuzz_diff.c — libFuzzer harness for diff: the input is two versions of a
 * plan separated by a \x01 byte; both are evaluated and compared.
 */
#include "fuzz_common.h"

static Carenet *version(const uint8_t *text, size_t len)
{
	Carenet *c = carenet_new(&fuzz_options);
	carenet_load_prelude(c);
	carenet_load_text(c, "fuzz.care", (const char *)text, len);
	carenet_evaluate(c);
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	const uint8_t *old_text, *new_text;
	size_t old_len = fuzz_next_part(&data, &size, &old_text);
	size_t new_len = fuzz_next_part(&data, &size, &new_text);
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_diff(version(old_text, old_len), version(new_text, new_len), &out);
	mem_reset();
	return 0;
}
