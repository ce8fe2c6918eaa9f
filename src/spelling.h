/*
 * spelling.h — a plan's words in one language: `fmt --lang nl|en`.
 *
 * Every keyword, property name and choice value has an English and a
 * Dutch spelling (decl_kinds.def, schema.def, vocab.h, lex.c's joining
 * words); both are the same language.  This module rewrites the words of
 * a plan into one of them and leaves every other byte as it was: names,
 * strings, comments, blanks.
 */
#ifndef CARENET_SPELLING_H
#define CARENET_SPELLING_H

#include <stdbool.h>

#include "buf.h"
#include "diag.h"
#include "source.h"

typedef enum { SPELLING_ENGLISH, SPELLING_DUTCH } Spelling;

/* "en" or "nl" as a Spelling; false for anything else. */
bool spelling_parse(const char *lang, Spelling *out);

/* The text of `src` with its words spelt in `to`, into `out`.  The source
   should parse (the caller checks); what the scanner reports goes to
   `diags`. */
void spelling_rewrite(Source *src, DiagSink *diags, Spelling to, StrBuf *out);

/* Plan text that a hint proposes is written in the spelling of the file it
   goes into: that of the file's first statement whose keyword is not the
   same in both (`signaal`, not `plan`); when there is none, the language
   of the messages.  Found once per file. */
struct Module;
Spelling spelling_of_module(struct Module *m);
/* A declaration's keyword in a spelling ("signaal"). */
const char *spelling_keyword(int kind, Spelling s);
/* A joining word, by its English and the start of where it joins
   (spelling_join("to", "to: the target", s): "naar"). */
const char *spelling_join(const char *english, const char *where, Spelling s);

#endif
