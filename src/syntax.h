/*
 * syntax.h — what the grammar's actions build (grammar/parser.y).
 *
 * Each top-level statement becomes a Decl, handed to the parse context's
 * keeper as soon as it is complete (parse.h); blocks are lists of
 * properties whose items the schema checks later.
 */
#ifndef CARENET_SYNTAX_H
#define CARENET_SYNTAX_H

#include "ast.h"
#include "parse.h"

void syntax_import(ParseCtx *pc, SrcLoc loc, const char *path, SrcLoc path_loc);
void syntax_let(ParseCtx *pc, SrcLoc loc, Name name, Expr *value);
void syntax_signal(ParseCtx *pc, SrcLoc loc, Ref *need, Vec areas, Ref *target, const char *message,
		   Block *body);
/* `action` is NULL for an answer that records receipt or a reply only. */
void syntax_answer(ParseCtx *pc, SrcLoc loc, Ref *signal, Ref *action, Block *body);
/* accept WHAT [in AREA, ...] [on [KIND] DECL] until DATE "reason": the
   clauses in any order, collected one by one (a word out of place is E509). */
AcceptClauses *syntax_accept_clauses(void);
AcceptClauses *syntax_accept_in(ParseCtx *pc, AcceptClauses *c, SrcLoc in_loc, Vec areas);
AcceptClauses *syntax_accept_name(ParseCtx *pc, AcceptClauses *c, Name word, int kind, SrcLoc kind_loc, Ref *name);
AcceptClauses *syntax_accept_date(ParseCtx *pc, AcceptClauses *c, Name word, Date date, SrcLoc date_loc);
void syntax_accept(ParseCtx *pc, SrcLoc loc, Ref *what, const AcceptClauses *c, const char *reason);
void syntax_decl(ParseCtx *pc, DeclKind kind, SrcLoc loc, Name id, const char *title, Ref *parent,
		 Block *body);
Block *syntax_block(SrcLoc loc, AstList props);
AstList syntax_props_add(AstList list, Property *p);
AstList syntax_items_add(AstList list, Item *it);
Property *syntax_prop(Name name, AstList items);
Item *syntax_item(SrcLoc loc, Expr *value, Vec literals, Block *block);
Item *syntax_item_keyed(SrcLoc loc, Expr *key, Expr *value);
Item *syntax_item_range(SrcLoc loc, Expr *low, RangeKind range, Expr *high);

#endif
