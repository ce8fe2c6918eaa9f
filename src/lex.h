/*
 * lex.h — the scanner: grammar/lexer.l (flex) and its helpers in lex.c.
 *
 * The flex rules only match; everything they decide (which newline ends a
 * statement, what a word is, what a number or a date means, how a string
 * is unescaped) is here, compiled with the project's full warning set.
 */
#ifndef CARENET_LEX_H
#define CARENET_LEX_H

#include <stdbool.h>

#include "ast.h"
#include "parse.h"

/* Start and stop scanning `len` bytes of `text` (defined in lexer.l). */
void lex_begin(ParseCtx *pc, const char *text, size_t len);
void lex_end(ParseCtx *pc);

/*
 * The newline rule of the language (spec 2), in one place: a line goes on
 * after `,`, an operator, `(`, `..`, `{` or `:`.  The scanner asks by token,
 * fmt by the last two characters of a line's code.
 */
bool lex_token_continues_line(int token);
bool lex_text_continues_line(char before_last, char last);

int lex_token(ParseCtx *pc, int token);
int lex_newline_ends_statement(ParseCtx *pc);
void lex_seed_words(ParseCtx *pc);
/* A word that joins the parts of a statement, in English and in Dutch. */
typedef struct {
	const char *english;
	const char *dutch;
	const char *where;
} LexJoin;
const LexJoin *lex_joins(size_t *count);
/* Is `text` the joining word `english` ("until"), in either spelling? */
bool lex_is_word(const char *text, const char *english);

/* A word: a keyword's token (with its declaration kind in *kind) or IDENT. */
int lex_identifier(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out, int *kind);
void lex_date(ParseCtx *pc, const char *text, SrcLoc loc, Date *out);
void lex_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent);
/* A word that starts with a digit but is no number (E105): 0. */
void lex_malformed_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent);
int lex_open(ParseCtx *pc, SrcLoc loc, int brace);
void lex_close(ParseCtx *pc, int brace);
void lex_bad_character(ParseCtx *pc, const char *text, SrcLoc loc);
void lex_string_begin(ParseCtx *pc, uint32_t start);
int lex_string_append(ParseCtx *pc, const char *text, size_t len, SrcLoc loc);
void lex_string_escape(ParseCtx *pc, char c);
void lex_string_unicode(ParseCtx *pc, const char *text, SrcLoc loc);
void lex_string_bad_escape(ParseCtx *pc, const char *text, SrcLoc loc);
void lex_string_unterminated(ParseCtx *pc, int triple);
const char *lex_string_end(ParseCtx *pc, SrcLoc *loc);
/* Does a closing curly quote follow `from` on its line? */
bool lex_curly_closes(ParseCtx *pc, uint32_t from);
/* The end of a curly-quoted string: reported (E101), and read as a string. */
const char *lex_curly_string_end(ParseCtx *pc, SrcLoc *loc);
/* A name with letters that are not ASCII: E107 once per file and word,
   with its ASCII spelling when there is one (één: een). */
void lex_non_ascii_name(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out);

#endif
