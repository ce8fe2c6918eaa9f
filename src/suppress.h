/*
 * suppress.h — suppression comments: `# carenet: ignore W802 "reason"` on
 * the line before a declaration, or on its first line, silences that
 * warning for the diagnostics located in the declaration.
 *
 * The scanner hands over every comment that starts with `carenet:`
 * (grammar/lexer.l); the parser says when a top-level declaration is
 * complete (syntax.c).  A comment that is malformed, has no reason, names
 * an unknown code or an error, or stands where no declaration follows is
 * itself a warning (W951 to W955).  The diagnostics sink does the
 * silencing (diag.h).
 */
#ifndef CARENET_SUPPRESS_H
#define CARENET_SUPPRESS_H

#include <stddef.h>

#include "parse.h"

/* A comment `#` [blanks] `carenet:` ... of `len` bytes at `loc`. */
void suppress_comment(ParseCtx *pc, const char *text, size_t len, SrcLoc loc);
/* A top-level declaration spanning `decl` is complete: give it the
   suppression comments on and directly above its first line. */
void suppress_attach(ParseCtx *pc, SrcLoc decl);
/* The file is read: the comments still waiting stand before no declaration. */
void suppress_end_of_file(ParseCtx *pc);

#endif
