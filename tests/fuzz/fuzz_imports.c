/*
 * fuzz_imports.c — libFuzzer harness for imports: the input is up to eight
 * plan files separated by \x01 bytes, fuzz/plan.care (the one loaded) then
 * fuzz/f1.care ... fuzz/f7.care, read from memory through the loader's
 * hook for tests (loader_use_files); the stdlib still comes from disk.
 * Imports between them, cycles, chains, ambiguous names, plan.name.
 */
#include <stdio.h>

#include "fuzz_common.h"
#include "loader.h"

enum { FILES = 8 };
static const uint8_t *file_text[FILES];
static size_t file_len[FILES];

static bool files(const char *path, Source **src, const char **why)
{
	if (strstr(path, "stdlib/"))
		return false; /* the standard library: from disk */
	for (int i = 0; i < FILES; i++) {
		char name[32];
		snprintf(name, sizeof name, i ? "fuzz/f%d.care" : "fuzz/plan.care", i);
		if (file_text[i] && strcmp(path, name) == 0) {
			*src = source_from_text(path, (const char *)file_text[i], file_len[i]);
			return true;
		}
	}
	*src = NULL;
	*why = "No such file or directory";
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	loader_use_files(files);
	memset(file_text, 0, sizeof file_text);
	for (int i = 0; i < FILES && (size || i == 0); i++)
		file_len[i] = fuzz_next_part(&data, &size, &file_text[i]);
	Carenet *c = carenet_new(&fuzz_options);
	carenet_load_prelude(c);
	carenet_load_file(c, "fuzz/plan.care");
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	fuzz_write_everything(c, &out);
	mem_reset();
	return 0;
}
