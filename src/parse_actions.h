/*
 * parse_actions.h — what the scanner and the grammar actions call.
 *
 * Kept out of the .l and .y files so the grammar reads as a grammar and
 * the logic is compiled with the project's full warning set.
 */
#ifndef CARENET_PARSE_ACTIONS_H
#define CARENET_PARSE_ACTIONS_H

#include "ast.h"
#include "parse.h"

/* ---- scanner helpers (lex_) ---- */
void lex_begin(ParseCtx *pc, const char *text, size_t len);
void lex_end(ParseCtx *pc);
int lex_token(ParseCtx *pc, int token);
int lex_newline_ends_statement(ParseCtx *pc);
void lex_seed_words(ParseCtx *pc);
int lex_identifier(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out);
void lex_date(ParseCtx *pc, const char *text, SrcLoc loc, Date *out);
void lex_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent);
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
const char *lex_curly_string(ParseCtx *pc, const char *text, SrcLoc loc);

/* ---- grammar actions (pa_) ---- */
void pa_import(ParseCtx *pc, SrcLoc loc, const char *path, SrcLoc path_loc);
void pa_let(ParseCtx *pc, SrcLoc loc, Name name, Expr *value);
void pa_signal(ParseCtx *pc, SrcLoc loc, Ref *need, Vec areas, Ref *target, const char *message);
void pa_answer(ParseCtx *pc, SrcLoc loc, Ref *signal, Ref *action);
void pa_decl(ParseCtx *pc, DeclKind kind, SrcLoc loc, SrcLoc keyword_loc, Name id,
	     const char *title, SrcLoc title_loc, Ref *parent, Block *body);
Block *pa_block(SrcLoc loc, AstList props);
AstList pa_props_add(AstList list, Property *p);
AstList pa_items_add(AstList list, Item *it);
Property *pa_prop(Name name, AstList items);
Item *pa_item(SrcLoc loc, Expr *value, Vec literals, Block *block);
Item *pa_item_keyed(SrcLoc loc, Expr *key, Expr *value);
Item *pa_item_range(SrcLoc loc, Expr *low, RangeKind range, Expr *high);
void pa_syntax_error(ParseCtx *pc, SrcLoc loc, int at_eof, const char **expected, int count);

#endif
