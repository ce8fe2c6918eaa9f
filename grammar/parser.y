/*
 * parser.y — the grammar of carenet plan files (a pure bison parser).
 *
 * Statements end at the end of a line (the scanner decides which newlines
 * count, see lexer.l).  Declarations keep a generic shape,
 *     KEYWORD ID ["Title"] [in REF] [{ property... }]
 * and block bodies are lists of `name value, value, ...` properties; the
 * schema pass (src/schema.c) knows which properties each kind takes.
 * Recovery: a syntax error skips to the end of the statement, in a block
 * or at the top level, so every statement with an error is reported.
 */
%require "3.8"
%define api.pure full
%define api.prefix {cn_}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%code requires {
#include "ast.h"
#include "parse.h"
#define CN_LTYPE SrcLoc
#define CN_LTYPE_IS_DECLARED 1
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                        \
	do {                                                               \
		if (N) {                                                   \
			(Cur).src = YYRHSLOC(Rhs, 1).src;                  \
			(Cur).start = YYRHSLOC(Rhs, 1).start;              \
			(Cur).end = YYRHSLOC(Rhs, N).end;                  \
		} else {                                                   \
			(Cur).src = YYRHSLOC(Rhs, 0).src;                  \
			(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;    \
		}                                                          \
	} while (0)
typedef struct { double value; bool percent; } NumberLit;
}

%code provides {
int cn_lex(CN_STYPE *yylval, SrcLoc *yylloc, void *scanner);
}

%code {
#include <string.h>
#include "mem.h"
#include "syntax.h"
/* Bison grows its stacks with YYMALLOC past 200 levels; the stacks hold
   pointers to collected objects, so they must be scanned by the collector. */
#define YYMALLOC(n) mem_alloc_root(n)
#define YYFREE(p) mem_free_root(p)
#define YYMAXDEPTH 10000
static void cn_error(SrcLoc *loc, void *scanner, ParseCtx *pc, const char *msg);
}

%param {void *scanner}
%parse-param {ParseCtx *pc}

%union {
	Name name;
	struct { Name name; int kind; } keyword;  /* a word and, for a declaration keyword, its kind */
	const char *str;
	NumberLit number;
	Date date;
	Expr *expr;
	Ref *ref;
	Item *item;
	Block *block;
	Property *prop;
	Vec vec;
	AstList list;
	AcceptClauses *clauses;
}

%token END 0 "end of file"
%token <keyword> IDENT "a name"
%token <str> STRING "a string"
%token <number> NUMBER "a number"
%token <date> DATE "a date"
%token NL "end of line"
%token DOTDOT ".."
%token LE "<=" GE ">=" EQ "==" NE "!="
%token <keyword> IMPORT "import" LET "let" SIGNAL "signal" ANSWER "answer" ACCEPT "accept"
%token <keyword> IN "in" TO "to" WITH "with"
/* plan, area, need, action, ...: every kind of decl_kinds.def with the
   generic shape; the scanner gives the kind with the word */
%token <keyword> DECL_KEYWORD "a declaration keyword"

%nonassoc '<' '>' LE GE EQ NE
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%type <name> prop_name
%type <str> opt_string
%type <ref> ref opt_parent opt_with
%type <expr> expr literal
%type <item> item
%type <block> block opt_block
%type <prop> prop
%type <vec> ref_list signal_areas args opt_args opt_literals literals
%type <list> items opt_items prop_list
%type <clauses> accept_clauses

%%

file
	: top_list
	;

/* top_list -> { NL | top_stmt NL | error NL } */
top_list
	: %empty
	| top_list NL
	| top_list top_stmt NL
	| top_list error NL   { yyerrok; }
	;

top_stmt
	: IMPORT STRING
		{ syntax_import(pc, @$, $2, @2); }
	| LET IDENT '=' expr
		{ syntax_let(pc, @$, $2.name, $4); }
	| SIGNAL ref signal_areas TO ref opt_string opt_block
		{ syntax_signal(pc, @$, $2, $3, $5, $6, $7); }
	| ANSWER ref opt_with opt_block
		{ syntax_answer(pc, @$, $2, $3, $4); }
	| ACCEPT ref accept_clauses opt_string
		{ syntax_accept(pc, @$, $2, $3, $4); }
	| DECL_KEYWORD IDENT opt_string opt_parent opt_block
		{ syntax_decl(pc, (DeclKind)$1.kind, @$, $2.name, $3, $4, $5); }
	;

opt_string
	: %empty  { $$ = NULL; }
	| STRING
	;

opt_parent
	: %empty  { $$ = NULL; }
	| IN ref  { $$ = $2; }
	;

/* in AREA, ... | on [KIND] DECL | until DATE, in any order; syntax.c checks the words */
accept_clauses
	: %empty                                    { $$ = syntax_accept_clauses(); }
	| accept_clauses IN ref_list                { $$ = syntax_accept_in(pc, $1, @2, $3); }
	| accept_clauses IDENT ref                  { $$ = syntax_accept_name(pc, $1, $2.name, -1, @2, $3); }
	| accept_clauses IDENT DECL_KEYWORD ref     { $$ = syntax_accept_name(pc, $1, $2.name, $3.kind, @3, $4); }
	| accept_clauses IDENT DATE                 { $$ = syntax_accept_date(pc, $1, $2.name, $3, @3); }
	;

opt_with
	: %empty    { $$ = NULL; }
	| WITH ref  { $$ = $2; }
	;

opt_block
	: %empty  { $$ = NULL; }
	| block
	;

signal_areas
	: %empty       { $$ = (Vec){ 0 }; }
	| IN ref_list  { $$ = $2; }
	;

ref_list
	: ref               { $$ = (Vec){ 0 }; vec_push(&$$, $1); }
	| ref_list ',' ref  { $$ = $1; vec_push(&$$, $3); }
	;

/* block -> '{' { prop NL } [prop] '}' */
block
	: '{' prop_list '}'             { $$ = syntax_block(@$, $2); }
	| '{' prop_list prop '}'        { $$ = syntax_block(@$, syntax_props_add($2, $3)); }
	| '{' prop_list error '}'       { $$ = syntax_block(@$, $2); }
	;

prop_list
	: %empty                  { $$ = (AstList){ 0 }; }
	| prop_list NL
	| prop_list prop NL       { $$ = syntax_props_add($1, $2); }
	| prop_list error NL      { $$ = $1; yyerrok; }
	;

/* prop -> name [item { ',' item }] */
prop
	: prop_name opt_items  { $$ = syntax_prop($1, $2); }
	;

/* Inside a block every word may name a property: `kind`, `group`, `in`, ... */
prop_name
	: IDENT         { $$ = $1.name; }
	| IMPORT        { $$ = $1.name; }
	| LET           { $$ = $1.name; }
	| SIGNAL        { $$ = $1.name; }
	| ANSWER        { $$ = $1.name; }
	| ACCEPT        { $$ = $1.name; }
	| IN            { $$ = $1.name; }
	| TO            { $$ = $1.name; }
	| WITH          { $$ = $1.name; }
	| DECL_KEYWORD  { $$ = $1.name; }
	;

opt_items
	: %empty  { $$ = (AstList){ 0 }; }
	| items
	;

items
	: item            { $$ = syntax_items_add((AstList){ 0 }, $1); }
	| items ',' item  { $$ = syntax_items_add($1, $3); }
	;

/* item -> expr {literal} [block] | expr ':' expr | expr ('..' | 'to') expr */
item
	: expr opt_literals opt_block  { $$ = syntax_item(@$, $1, $2, $3); }
	| expr ':' expr                { $$ = syntax_item_keyed(@$, $1, $3); }
	| expr DOTDOT expr             { $$ = syntax_item_range(@$, $1, RANGE_DOTS, $3); }
	| expr TO expr                 { $$ = syntax_item_range(@$, $1, RANGE_TO, $3); }
	;

opt_literals
	: %empty  { $$ = (Vec){ 0 }; }
	| literals
	;

literals
	: literal           { $$ = (Vec){ 0 }; vec_push(&$$, $1); }
	| literals literal  { $$ = $1; vec_push(&$$, $2); }
	;

literal
	: STRING  { $$ = ast_string(@$, $1); }
	| NUMBER  { $$ = ast_number(@$, $1.value, $1.percent); }
	| DATE    { $$ = ast_date(@$, $1); }
	;

expr
	: literal
	| ref                     { $$ = ast_ref_expr($1); }
	| IDENT '(' opt_args ')'  { $$ = ast_call($1.name, $3, @$); }
	| '(' expr ')'            { $$ = $2; $$->loc = @$; }
	| '-' expr %prec UMINUS   { $$ = ast_unary(@1, OP_NEG, $2); }
	| expr '+' expr           { $$ = ast_binary(OP_ADD, $1, $3); }
	| expr '-' expr           { $$ = ast_binary(OP_SUB, $1, $3); }
	| expr '*' expr           { $$ = ast_binary(OP_MUL, $1, $3); }
	| expr '/' expr           { $$ = ast_binary(OP_DIV, $1, $3); }
	| expr '<' expr           { $$ = ast_binary(OP_LT, $1, $3); }
	| expr '>' expr           { $$ = ast_binary(OP_GT, $1, $3); }
	| expr LE expr            { $$ = ast_binary(OP_LE, $1, $3); }
	| expr GE expr            { $$ = ast_binary(OP_GE, $1, $3); }
	| expr EQ expr            { $$ = ast_binary(OP_EQ, $1, $3); }
	| expr NE expr            { $$ = ast_binary(OP_NE, $1, $3); }
	;

opt_args
	: %empty  { $$ = (Vec){ 0 }; }
	| args
	;

args
	: expr           { $$ = (Vec){ 0 }; vec_push(&$$, $1); }
	| args ',' expr  { $$ = $1; vec_push(&$$, $3); }
	;

ref
	: IDENT              { $$ = ast_ref($1.name); }
	| ref '.' IDENT      { $$ = ast_ref_append($1, $3.name); }
	;

%%

static void cn_error(SrcLoc *loc, void *scanner, ParseCtx *pc, const char *msg)
{
	(void)scanner;
	/* Bison calls this only when its stack is exhausted (custom errors go
	   through yyreport_syntax_error). */
	if (strstr(msg, "exhausted"))
		diag_report(pc->diags, DIAG_E108, *loc,
			    "the plan nests too deeply here (more than %d levels); carenet stops reading this file",
			    YYMAXDEPTH);
	else
		diag_report(pc->diags, DIAG_E201, *loc, "%s", msg);
}

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, ParseCtx *pc)
{
	(void)scanner;
	enum { MAX_EXPECTED = 40 };
	yysymbol_kind_t expected[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
	const char *names[MAX_EXPECTED];
	int count = n < 0 ? 0 : n;
	for (int i = 0; i < count; i++)
		names[i] = yysymbol_name(expected[i]);
	parse_syntax_error(pc, *yypcontext_location(ctx), yypcontext_token(ctx) == YYSYMBOL_YYEOF,
			names, count);
	return 0;
}
