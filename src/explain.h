/*
 * explain.h — carenet explain CODE...: what a diagnostic code means, an
 * example, and the fix, as docs/diagnostics.md says it (the section is
 * compiled in from the page: diag_help.h), in plain text.
 */
#ifndef CARENET_EXPLAIN_H
#define CARENET_EXPLAIN_H

#include "buf.h"

/* The Markdown lines of a section (NULL-terminated) as plain text: emphasis,
   links and fences dropped, code in quotes, code blocks indented, tables
   as lines; nothing a terminal would take for a control. */
void explain_plain(const char *const *lines, StrBuf *out);

/* Exit status: 0, or 2 when a code is unknown (nothing is printed then). */
int explain_run(const char *const *codes, int count);

/* For the shell completions (carenet __complete explain): "operands CODE"
   for every documented code (each operand may be one). */
void explain_print_codes(void);

#endif
