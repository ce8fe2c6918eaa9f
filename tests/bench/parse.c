/*
 * parse.c — the parse-only floor of `make bench`: carenet's own scanner
 * feeding carenet's grammar with every action emptied (the parser is made
 * from grammar/parser.y by tests/bench/strip-actions.awk at bench time), so
 * nothing is built: no tree, no model, no analysis.  `carenet check` is
 * measured as a ratio to this.
 */
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "parse.h"
#include "lex.h"
#include "parse-only.h"

int main(int argc, char **argv)
{
	mem_init();
	if (argc != 2) {
		fprintf(stderr, "usage: parse FILE\n");
		return 2;
	}
	const char *why;
	Source *src = source_load(argv[1], &why);
	if (!src) {
		fprintf(stderr, "parse: %s: %s\n", argv[1], why);
		return 2;
	}
	DiagSink sink;
	diag_sink_init(&sink);
	ParseCtx pc;
	memset(&pc, 0, sizeof pc);
	pc.src = src;
	pc.diags = &sink;
	lex_begin(&pc, src->text, src->len);
	int status = cn_parse(pc.scanner, &pc);
	lex_end(&pc);
	printf("parsed: %s, %zu syntax errors\n", status == 0 ? "ok" : "failed", sink.errors);
	return status;
}
