/*
 * fuzz_common.h — what the libFuzzer harnesses share: one run of the core
 * over plans in memory, every report in every format, and memory freed
 * afterwards (the fuzz build has no collector: -DCARENET_NO_GC).
 */
#ifndef CARENET_FUZZ_COMMON_H
#define CARENET_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "carenet.h"
#include "mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A small prelude (tests/fuzz/stdlib, found first through CARENET_PATH):
   parsing the real one would take most of each run.  The binaries live in
   build/fuzz/. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	const char *self = (*argv)[0];
	const char *slash = strrchr(self, '/');
	size_t dir = slash ? (size_t)(slash - self) : 1;
	static char path[4096];
	snprintf(path, sizeof path, "%.*s/../../tests/fuzz/stdlib", (int)dir, slash ? self : ".");
	setenv("CARENET_PATH", path, 1);
	return 0;
}

/* 2025-12-31, so runs do not depend on the day they run */
static const CarenetOptions fuzz_options = { .today = 20453 };

static void fuzz_init(void)
{
	static int initialised;
	if (!initialised) {
		mem_init();
		initialised = 1;
	}
}

/* Every report the command line can write, into one buffer. */
static void fuzz_write_everything(const Carenet *c, StrBuf *out)
{
	carenet_write_diagnostics(c, FORMAT_TEXT, true, out);
	carenet_write_diagnostics(c, FORMAT_GITHUB, false, out);
	carenet_write_report(c, REPORT_CHECK, FORMAT_JSON, out);
	carenet_write_report(c, REPORT_CHECK, FORMAT_TEXT, out);
	static const Format formats[] = { FORMAT_TEXT, FORMAT_JSON, FORMAT_MARKDOWN, FORMAT_HTML, FORMAT_DOT };
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		carenet_write_report(c, REPORT_EVAL, formats[i], out);
	carenet_write_report(c, REPORT_SIGNALS, FORMAT_TEXT, out);
}

/* The next part of the input, up to a \x01 byte (the separator of the
   harnesses that take several files); *rest moves past it. */
static size_t fuzz_next_part(const uint8_t **rest, size_t *left, const uint8_t **part)
{
	*part = *rest;
	const uint8_t *end = memchr(*rest, '\x01', *left);
	size_t len = end ? (size_t)(end - *rest) : *left;
	*rest += end ? len + 1 : len;
	*left -= end ? len + 1 : len;
	return len;
}

#endif
