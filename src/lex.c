/*
 * lex.c — the scanner's helpers (see lex.h): statement ends, words and
 * keywords, numbers, dates, brackets and string literals.
 */
#include "lex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "parser.h"
#include "utf8.h"

/* Largest number a plan may write: beyond this no count or share makes sense. */
#define LEX_MAX_NUMBER 1e15

int lex_token(ParseCtx *pc, int token)
{
	pc->last_token = token;
	return token;
}

/*
 * The newline rule of the language (spec 2) in one table: the tokens after
 * which a line goes on.  The scanner looks a token up; fmt, which works on
 * characters, looks up the last one or two characters of a line's code.
 */
static const struct {
	const char *text;
	int token;
} continuation_tokens[] = {
	{ ",", ',' }, { "+", '+' }, { "-", '-' }, { "*", '*' }, { "/", '/' },
	{ "<", '<' }, { ">", '>' }, { "<=", LE }, { ">=", GE }, { "==", EQ }, { "!=", NE },
	{ "=", '=' }, { "(", '(' }, { "..", DOTDOT }, { "{", '{' }, { ":", ':' },
};

#define CONTINUATION_COUNT (sizeof continuation_tokens / sizeof continuation_tokens[0])

bool lex_token_continues_line(int token)
{
	for (size_t i = 0; i < CONTINUATION_COUNT; i++)
		if (continuation_tokens[i].token == token)
			return true;
	return false;
}

bool lex_text_continues_line(char before_last, char last)
{
	char two[3] = { before_last, last, '\0' }, one[2] = { last, '\0' };
	if (last == 0)
		return false;
	for (size_t i = 0; i < CONTINUATION_COUNT; i++)
		if (strcmp(continuation_tokens[i].text, two) == 0 || strcmp(continuation_tokens[i].text, one) == 0)
			return true;
	return false;
}

/* True when the next thing after blanks, newlines and comments is `{`. */
static int next_line_opens_block(const ParseCtx *pc)
{
	const char *p = pc->src->text + pc->offset;
	const char *end = pc->src->text + pc->src->len;
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		else if (*p == '#')
			while (p < end && *p != '\n')
				p++;
		else
			return *p == '{';
	}
	return 0;
}

int lex_newline_ends_statement(ParseCtx *pc)
{
	/* at the start of the file or after a statement's end, a newline is blank */
	if (pc->last_token == 0 || pc->last_token == NL)
		return 0;
	if (lex_token_continues_line(pc->last_token) || pc->paren_depth > 0)
		return 0;
	return !next_line_opens_block(pc);
}

/* A word of the file, stored once: its text and its token (a keyword's or
   IDENT), and for a declaration keyword its kind. */
typedef struct {
	const char *text;
	int token;
	int decl_kind;
} Word;

/* The keywords of statements with a grammar rule of their own, and the
   words that join parts of one; the declaration keywords come from
   decl_kinds.def. */
static const Word keywords[] = {
	{ "import", IMPORT, DECL_IMPORT }, { "let", LET, DECL_LET }, { "signal", SIGNAL, DECL_SIGNAL },
	{ "answer", ANSWER, DECL_ANSWER }, { "accept", ACCEPT, DECL_ACCEPT }, { "in", IN, -1 }, { "to", TO, -1 }, { "with", WITH, -1 },
};

static const Word *declaration_keywords(void)
{
	static Word words[DECL_KIND_COUNT];
	if (!words[0].text)
		for (int k = 0; k < DECL_KIND_COUNT; k++)
			words[k] = (Word){ decl_kind_name((DeclKind)k),
					   decl_kind_syntax((DeclKind)k) == SYNTAX_GENERIC ? DECL_KEYWORD : IDENT, k };
	return words;
}

/*
 * Every name is interned per file: a region plan repeats the same few
 * thousand names millions of times, so one copy each saves memory, and the
 * keyword test is the same hash lookup.  The keywords go in first.
 */
void lex_seed_words(ParseCtx *pc)
{
	const Word *decl_words = declaration_keywords();
	for (int k = 0; k < DECL_KIND_COUNT; k++)
		if (decl_words[k].token == DECL_KEYWORD)
			table_put(&pc->words, decl_words[k].text, (void *)&decl_words[k]);
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		table_put(&pc->words, keywords[i].text, (void *)&keywords[i]);
}

static const Word *intern_word(ParseCtx *pc, const char *text, size_t len)
{
	const Word *found = table_get(&pc->words, text);
	if (found)
		return found;
	Word *w = NEW(Word); /* not a tree node: it outlives every declaration */
	w->text = mem_tree_strndup(text, len);
	w->token = IDENT;
	w->decl_kind = -1;
	table_put(&pc->words, w->text, w);
	return w;
}

int lex_identifier(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out, int *kind)
{
	const Word *w = intern_word(pc, text, len);
	out->text = w->text;
	out->loc = loc;
	*kind = w->decl_kind;
	return w->token;
}

void lex_date(ParseCtx *pc, const char *text, SrcLoc loc, Date *out)
{
	const char *why;
	if (!date_parse(text, out, &why)) {
		diag_report(pc->diags, DIAG_E104, loc, "invalid date '%s': %s", text, why);
		*out = (Date){ 0, 1, 0 }; /* year 0: already reported, checks skip it */
	}
}

void lex_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent)
{
	char digits[128];
	size_t n = 0;
	for (const char *p = text; *p && *p != '%' && n + 1 < sizeof digits; p++)
		if (*p != '_')
			digits[n++] = *p;
	digits[n] = '\0';
	*percent = strchr(text, '%') != NULL;
	double v = strtod(digits, NULL);
	if (!(v <= LEX_MAX_NUMBER) || n + 1 >= sizeof digits) {
		diag_report(pc->diags, DIAG_E106, loc,
			    "number too large: '%s' (numbers in a plan are at most 10^15)", text);
		v = 0;
	}
	*value = *percent ? v / 100.0 : v;
}

int lex_open(ParseCtx *pc, SrcLoc loc, int brace)
{
	if (pc->brace_depth + pc->paren_depth >= PARSE_MAX_NESTING) {
		diag_report(pc->diags, DIAG_E108, loc,
			    "brackets nest more than %d levels deep here; carenet stops reading this file",
			    PARSE_MAX_NESTING);
		pc->aborted = true;
		return 0;
	}
	if (brace)
		pc->open_braces[pc->brace_depth++] = loc;
	else
		pc->paren_depth++;
	return 1;
}

void lex_close(ParseCtx *pc, int brace)
{
	if (brace && pc->brace_depth > 0)
		pc->brace_depth--;
	else if (!brace && pc->paren_depth > 0)
		pc->paren_depth--;
}

void lex_bad_character(ParseCtx *pc, const char *text, SrcLoc loc)
{
	unsigned char c = (unsigned char)text[0];
	if (strncmp(text, "\u201C", 3) == 0 || strncmp(text, "\u201D", 3) == 0 ||
	    strncmp(text, "\u201E", 3) == 0)
		diag_report(pc->diags, DIAG_E101, loc,
			    "curly quote '%.3s': strings use straight quotes \"...\" (a word processor may have changed them)",
			    text);
	else if (c >= 0x80)
		diag_report(pc->diags, DIAG_E101, loc,
			    "unexpected character '%s' outside a string; put text in \"quotes\"", text);
	else if (c < 0x20 || c == 0x7F)
		diag_report(pc->diags, DIAG_E101, loc, "unexpected control character U+%04X", c);
	else
		diag_report(pc->diags, DIAG_E101, loc, "unexpected character '%c'", c);
}

void lex_string_begin(ParseCtx *pc, uint32_t start)
{
	if (pc->string.data) /* one buffer for every string of the file */
		buf_clear(&pc->string);
	else
		buf_init(&pc->string);
	pc->string_start = start;
}

int lex_string_append(ParseCtx *pc, const char *text, size_t len, SrcLoc loc)
{
	if (pc->string.len + len > PARSE_MAX_TOKEN_BYTES) {
		diag_report(pc->diags, DIAG_E109, loc,
			    "string longer than %d bytes; carenet stops reading this file",
			    PARSE_MAX_TOKEN_BYTES);
		pc->aborted = true;
		return 0;
	}
	buf_put(&pc->string, text, len);
	return 1;
}

void lex_string_escape(ParseCtx *pc, char c)
{
	buf_putc(&pc->string, c == 'n' ? '\n' : c == 't' ? '\t' : c);
}

void lex_string_unicode(ParseCtx *pc, const char *text, SrcLoc loc)
{
	unsigned long cp = strtoul(text + 3, NULL, 16);
	if (cp == 0 || !utf8_encode(&pc->string, (uint32_t)cp))
		diag_report(pc->diags, DIAG_E103, loc,
			    "'%s' is not a Unicode character (U+0001 to U+10FFFF, no surrogates)", text);
}

void lex_string_bad_escape(ParseCtx *pc, const char *text, SrcLoc loc)
{
	const char *shown = text[1] == '\0' || text[1] == '\n' ? "\\" : text;
	diag_report(pc->diags, DIAG_E103, loc,
		    "invalid escape '%s' in a string (use \\\" \\\\ \\n \\t or \\u{XXXX})", shown);
}

void lex_string_unterminated(ParseCtx *pc, int triple)
{
	SrcLoc at = { pc->src, pc->string_start, pc->string_start + (triple ? 3 : 1) };
	if (triple)
		diag_report(pc->diags, DIAG_E102, at, "this \"\"\" string is never closed");
	else
		diag_report(pc->diags, DIAG_E102, at,
			    "unterminated string: a \"...\" string ends on the same line (use \"\"\"...\"\"\" for text over several lines)");
}

const char *lex_curly_string(ParseCtx *pc, const char *text, SrcLoc loc)
{
	diag_report(pc->diags, DIAG_E101, loc,
		    "curly quotes: strings use straight quotes \"...\" (a word processor may have changed them)");
	size_t n = strlen(text);
	return mem_strndup(text + 3, n - 6);
}

const char *lex_string_end(ParseCtx *pc, SrcLoc *loc)
{
	loc->src = pc->src;
	loc->start = pc->string_start;
	loc->end = pc->offset;
	return mem_tree_strndup(pc->string.data, pc->string.len);
}

