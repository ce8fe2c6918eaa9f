/*
 * parse.c — the parse-only floor of `make bench`: carenet's own scanner
 * feeding carenet's grammar with every action emptied (the parser is made
 * from grammar/parser.y by tests/bench/strip-actions.awk at bench time), so
 * nothing is built: no tree, no model, no analysis.  `carenet check` is
 * measured as a ratio to this.
 */
#include <stdio.h>

#include "bench_source.h"
#include "parse-only.h"

int main(int argc, char **argv)
{
	DiagSink sink;
	ParseCtx pc;
	if (!bench_open(argc, argv, "parse", &sink, &pc))
		return 2;
	int status = cn_parse(pc.scanner, &pc);
	lex_end(&pc);
	printf("parsed: %s, %zu syntax errors\n", status == 0 ? "ok" : "failed", sink.errors);
	return status;
}
