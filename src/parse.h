/*
 * parse.h — the parser driver: one source file in, declarations out.
 *
 * Wraps the reentrant flex scanner (grammar/lexer.l) and the pure bison
 * parser (grammar/parser.y).  Errors go to the diagnostics sink; the parser
 * recovers at statement level, so one run reports every syntax error.
 */
#ifndef CARENET_PARSE_H
#define CARENET_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "table.h"

/* Braces and parentheses nest at most this deep (E108). */
#define PARSE_MAX_NESTING 64
/* A line or a string longer than this is refused (E109). */
#define PARSE_MAX_TOKEN_BYTES (1024 * 1024)

/*
 * Called with each declaration as soon as it is parsed; returns the one to
 * keep.  With a keeper the tree is read into scratch memory that is cleared
 * after each call (mem.h), so the keeper copies out what it keeps.
 */
typedef Decl *(*DeclKeeper)(Decl *parsed, void *ctx);

/* Scanner and parser state for one file; lives on the driver's stack. */
typedef struct ParseCtx {
	Source *src;
	DiagSink *diags;
	void *scanner;
	char *scan_copy;         /* the bytes flex scans (it writes into them) */
	uint32_t offset;         /* byte offset of the next unread byte */
	int last_token;          /* decides whether a newline ends a statement */
	/* What a Dutch keyword needs to know to be one (lex.c): the token that
	   started the top-level statement, the last word, and whether the last
	   token stood where a block has a property's name. */
	int statement_token;
	const char *last_word;
	bool last_at_property;
	bool eof_newline_sent;
	bool aborted;            /* nesting limit hit: stop at once */
	int paren_depth;
	int brace_depth;
	SrcLoc open_braces[PARSE_MAX_NESTING + 1];
	StrBuf string;           /* the string literal being scanned */
	uint32_t string_start;
	Table words;             /* interned names and keywords (parse.c) */
	/* What the scanner's helpers found looking ahead, so that no byte is
	   looked at again and again (lex.c): the next code after a newline,
	   and whether a curly quote closes on its line. */
	uint32_t ahead_from, ahead_to;
	bool ahead_block;
	uint32_t curly_from, curly_to;
	bool curly_found;
	Vec decls;               /* result: Decl* in source order */
	DeclKeeper keep;
	void *keep_ctx;
	Vec suppressions;        /* suppression comments waiting for their declaration (suppress.c) */
	SrcLoc last_decl;        /* the last top-level declaration completed */
} ParseCtx;

/* Parse a whole source; returns its declarations (partial on errors).
   Without a keeper (NULL) the whole tree is kept: fmt and the tests. */
Vec parse_source(Source *src, DiagSink *diags, DeclKeeper keep, void *keep_ctx);

/* One token of a source as the scanner gives it: its token number (the
   parser's), for a word its declaration kind (-1: none) and text. */
typedef struct {
	int token;
	int kind;
	const char *text;
	SrcLoc loc;
} ParseToken;
typedef void (*ParseTokenFn)(void *ctx, ParseToken token);

/* Scan a whole source, handing each token to `each` in order (fmt --lang). */
void parse_tokens(Source *src, DiagSink *diags, ParseTokenFn each, void *ctx);

/*
 * Check encoding before scanning: a BOM is skipped, invalid UTF-8 and NUL
 * bytes are reported (E002, E003).  Returns the offset to start at, or -1.
 */
long parse_check_encoding(Source *src, DiagSink *diags);

/* A syntax error as a person would say it: what was expected (bison's
   names for the tokens) and what was found instead. */
void parse_syntax_error(ParseCtx *pc, SrcLoc loc, int at_eof, const char **expected, int count);

#endif
