/*
 * scan.c — the token-only peer of `make bench`: runs carenet's own flex
 * scanner over a file and counts tokens, with no parsing or analysis.  It
 * is the front end's ceiling: carenet check cannot be faster than this.
 */
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "parse.h"
#include "lex.h"
#include "parser.h"

int main(int argc, char **argv)
{
	mem_init();
	if (argc != 2) {
		fprintf(stderr, "usage: scan FILE\n");
		return 2;
	}
	const char *why;
	Source *src = source_load(argv[1], &why);
	if (!src) {
		fprintf(stderr, "scan: %s: %s\n", argv[1], why);
		return 2;
	}
	DiagSink sink;
	diag_sink_init(&sink);
	ParseCtx pc;
	memset(&pc, 0, sizeof pc);
	pc.src = src;
	pc.diags = &sink;
	lex_begin(&pc, src->text, src->len);
	CN_STYPE value;
	SrcLoc loc;
	long tokens = 0;
	while (cn_lex(&value, &loc, pc.scanner) != 0)
		tokens++;
	lex_end(&pc);
	printf("%ld tokens\n", tokens);
	return 0;
}
