/*
 * bench_source.h — what the two front-end peers of `make bench` (scan.c,
 * parse.c) share: reading the one file named on the command line and
 * starting carenet's own scanner on it.
 */
#ifndef CARENET_BENCH_SOURCE_H
#define CARENET_BENCH_SOURCE_H

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "parse.h"
#include "lex.h"

/* Read argv[1] and begin scanning it into *pc, with *sink for its
   diagnostics; false (after a message naming `tool`) on a usage or I/O error. */
static inline bool bench_open(int argc, char **argv, const char *tool, DiagSink *sink, ParseCtx *pc)
{
	mem_init();
	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\n", tool);
		return false;
	}
	const char *why;
	Source *src = source_load(argv[1], &why);
	if (!src) {
		fprintf(stderr, "%s: %s: %s\n", tool, argv[1], why);
		return false;
	}
	diag_sink_init(sink);
	memset(pc, 0, sizeof *pc);
	pc->src = src;
	pc->diags = sink;
	lex_begin(pc, src->text, src->len);
	return true;
}

#endif
