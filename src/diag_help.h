/*
 * diag_help.h — what each diagnostic code means and how to fix it, as
 * docs/diagnostics.md says it: build/gen/diag_help.c is generated from
 * that page by src/diag_help.awk, so the page stays the one source.  The
 * SARIF output gives it to code-scanning tools as each rule's help, and
 * `carenet explain CODE` prints the whole section (explain.c).
 */
#ifndef CARENET_DIAG_HELP_H
#define CARENET_DIAG_HELP_H

#include <stddef.h>

typedef struct {
	const char *code;    /* "W802" */
	const char *anchor;  /* "w802-target-beyond-what-is-possible" */
	const char *what;    /* Markdown: "**What it means.**" */
	const char *fix;     /* Markdown: "**Fix.**" */
	const char *title;   /* "target beyond what is possible" */
	const char *const *text; /* the section's lines of Markdown after its heading; NULL ends them */
} DiagHelp;

extern const DiagHelp diag_help_table[];
extern const size_t diag_help_count;

#endif
