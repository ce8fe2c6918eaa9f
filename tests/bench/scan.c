/*
 * scan.c — the token-only peer of `make bench`: runs carenet's own flex
 * scanner over a file and counts tokens, with no parsing or analysis.  It
 * is the front end's ceiling: carenet check cannot be faster than this.
 */
#include <stdio.h>

#include "bench_source.h"
#include "parser.h"

int main(int argc, char **argv)
{
	DiagSink sink;
	ParseCtx pc;
	if (!bench_open(argc, argv, "scan", &sink, &pc))
		return 2;
	CN_STYPE value;
	SrcLoc loc;
	long tokens = 0;
	while (cn_lex(&value, &loc, pc.scanner) != 0)
		tokens++;
	lex_end(&pc);
	printf("%ld tokens\n", tokens);
	return 0;
}
