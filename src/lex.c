/*
 * lex.c — the scanner's helpers (see lex.h): statement ends, words and
 * keywords, numbers, dates, brackets and string literals.
 */
#include "lex.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "parser.h"
#include "utf8.h"

/* Largest number a plan may write: beyond this no count or share makes sense. */
#define LEX_MAX_NUMBER 1e15

int lex_token(ParseCtx *pc, int token)
{
	bool line_start = pc->last_token == 0 || pc->last_token == NL || pc->last_token == '{';
	pc->last_at_property = line_start && pc->brace_depth > 0;
	if (line_start && pc->brace_depth == 0 && token != NL)
		pc->statement_token = token;
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

/*
 * True when the next thing after blanks, newlines and comments is `{`.
 * The answer holds for every line start up to that thing, so it is kept:
 * a run of blank or comment lines after a statement is scanned once, not
 * once per line.
 */
static int next_line_opens_block(ParseCtx *pc)
{
	if (pc->ahead_to && pc->offset >= pc->ahead_from && pc->offset <= pc->ahead_to)
		return pc->ahead_block;
	const char *p = pc->src->text + pc->offset;
	const char *end = pc->src->text + pc->src->len;
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		else if (*p == '#')
			while (p < end && *p != '\n')
				p++;
		else
			break;
	}
	pc->ahead_from = pc->offset;
	pc->ahead_to = (uint32_t)(p - pc->src->text);
	pc->ahead_block = p < end && *p == '{';
	return pc->ahead_block;
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

/*
 * The Dutch spellings of the words that join the parts of a statement, and
 * where each joins (docs/language.md, "Dutch keywords").  `to` has two:
 * `naar` after a signal's need, `tot` between two dates.
 */
static const LexJoin joins[] = {
	{ "in", "in", "in: the areas of a signal or an acceptance" },
	{ "to", "naar", "to: the target of a signal" },
	{ "to", "tot", "to: the end of a range of dates" },
	{ "with", "met", "with: the action of an answer" },
	{ "until", "tot", "until: the last day of an acceptance" },
	{ "on", "op", "on: the declaration of an accepted warning" },
};

const LexJoin *lex_joins(size_t *count)
{
	*count = sizeof joins / sizeof joins[0];
	return joins;
}

bool lex_is_word(const char *text, const char *english)
{
	if (strcmp(text, english) == 0)
		return true;
	for (size_t i = 0; i < sizeof joins / sizeof joins[0]; i++)
		if (strcmp(joins[i].english, english) == 0 && strcmp(joins[i].dutch, text) == 0)
			return true;
	return false;
}

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
 * keyword test is the same hash lookup.  The keywords go in first, as their
 * Word with the lowest bit of the pointer set; a name is stored as its own
 * text, so a plan of a million names costs no Word for each.
 */
void lex_seed_words(ParseCtx *pc)
{
	const Word *decl_words = declaration_keywords();
	for (int k = 0; k < DECL_KIND_COUNT; k++)
		if (decl_words[k].token == DECL_KEYWORD)
			table_put(&pc->words, decl_words[k].text, (void *)((uintptr_t)&decl_words[k] | 1));
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		table_put(&pc->words, keywords[i].text, (void *)((uintptr_t)&keywords[i] | 1));
}

/* The token of a statement keyword of its own (import, let, signal, ...). */
static int own_token(int kind)
{
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (keywords[i].decl_kind == kind)
			return keywords[i].token;
	return IDENT;
}

/* A Dutch declaration keyword: its token and kind, or IDENT.  `generic`:
   only a kind with the generic shape (after `op` in an acceptance). */
static int dutch_declaration(const char *word, bool generic, int *kind)
{
	for (int k = 0; k < DECL_KIND_COUNT; k++) {
		DeclSyntax syntax = decl_kind_syntax((DeclKind)k);
		if (syntax == SYNTAX_NESTED || (generic && syntax != SYNTAX_GENERIC) ||
		    strcmp(decl_kind_dutch((DeclKind)k), word) != 0)
			continue;
		*kind = k;
		return syntax == SYNTAX_GENERIC ? DECL_KEYWORD : own_token(k);
	}
	return IDENT;
}

/*
 * A Dutch keyword is one only where its English twin stands and a name
 * could not (docs/decisions.md, "Dutch keywords are keywords only where a
 * name cannot stand"): at the start of a top-level statement, `naar` after
 * a signal's need, `met` after an answer's need, `tot` after the first of
 * two dates in a block, a kind after `op` in an acceptance.  Everywhere
 * else the word is a name, so no plan that uses `gebied` or `doel` as a
 * name breaks.  Returns the token (IDENT when not a keyword here).
 */
static int dutch_keyword(const ParseCtx *pc, const char *word, int *kind)
{
	if (pc->paren_depth > 0)
		return IDENT;
	int last = pc->last_token;
	if (pc->brace_depth == 0) {
		if (last == 0 || last == NL)
			return dutch_declaration(word, false, kind);
		if (last != IDENT)
			return IDENT;
		if (pc->statement_token == SIGNAL && strcmp(word, "naar") == 0)
			return TO;
		if (pc->statement_token == ANSWER && strcmp(word, "met") == 0)
			return WITH;
		if (pc->statement_token == ACCEPT && pc->last_word && lex_is_word(pc->last_word, "on"))
			return dutch_declaration(word, true, kind);
		return IDENT;
	}
	if (!pc->last_at_property && (last == DATE || last == NUMBER || last == ')' || last == IDENT) &&
	    strcmp(word, "tot") == 0)
		return TO;
	return IDENT;
}

int lex_identifier(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out, int *kind)
{
	void *found = table_get(&pc->words, text);
	out->loc = loc;
	if (found && ((uintptr_t)found & 1)) {
		const Word *w = (const Word *)((uintptr_t)found & ~(uintptr_t)1);
		out->text = w->text;
		*kind = w->decl_kind;
		return w->token;
	}
	if (!found) {
		found = mem_tree_strndup(text, len);
		table_put(&pc->words, found, found);
	}
	out->text = found;
	*kind = -1;
	int token = dutch_keyword(pc, found, kind);
	pc->last_word = found;
	return token;
}

void lex_date(ParseCtx *pc, const char *text, SrcLoc loc, Date *out)
{
	const char *why;
	if (!date_parse(text, out, &why)) {
		diag_report(pc->diags, DIAG_E104, loc, "invalid date '%s': %s", text, why);
		*out = (Date){ 0, 1, 0 }; /* year 0: already reported, checks skip it */
	}
}

/*
 * A number as written: digits with '_' between groups, a fraction, '%'.
 * Leading zeros and digits far behind the point say nothing about its size,
 * so only the digits that matter are read: 0.000...1, however long, is a
 * small number, and an integer part of more than 16 digits (after leading
 * zeros) is too large whatever follows.
 */
/* Here rather than in lexer.l, where xgettext cannot read the message. */
void lex_malformed_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent)
{
	diag_report(pc->diags, DIAG_E105, loc, "malformed number '%s' (write 12500, 12_500, 12.5 or 60%%)", text);
	*value = 0;
	*percent = false;
}

void lex_number(ParseCtx *pc, const char *text, SrcLoc loc, double *value, bool *percent)
{
	char digits[64];
	size_t n = 0, whole = 0;
	bool fraction = false, leading = true;
	for (const char *p = text; *p && *p != '%'; p++) {
		if (*p == '_')
			continue;
		if (*p == '.') {
			fraction = true;
			leading = false;
			if (n == 0)
				digits[n++] = '0';
			if (n + 2 < sizeof digits)
				digits[n++] = '.';
			continue;
		}
		if (leading && *p == '0' && p[1] && p[1] != '.' && p[1] != '%')
			continue; /* a leading zero */
		leading = false;
		if (!fraction)
			whole++;
		if (n + 1 < sizeof digits && (!fraction || n < 40))
			digits[n++] = *p;
	}
	digits[n] = '\0';
	*percent = strchr(text, '%') != NULL;
	double v = whole > 16 ? HUGE_VAL : strtod(digits, NULL);
	if (!(v <= LEX_MAX_NUMBER)) {
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

bool lex_curly_closes(ParseCtx *pc, uint32_t from)
{
	if (pc->curly_to && from >= pc->curly_from && from <= pc->curly_to)
		return pc->curly_found;
	const char *text = pc->src->text;
	uint32_t at = from;
	bool found = false;
	while (at < pc->src->len && text[at] != '\n') {
		if (text[at] == '\xE2' && at + 2 < pc->src->len && text[at + 1] == '\x80' &&
		    (text[at + 2] == '\x9C' || text[at + 2] == '\x9D')) {
			found = true;
			break;
		}
		at++;
	}
	pc->curly_from = from;
	pc->curly_to = at;
	pc->curly_found = found;
	return found;
}

const char *lex_curly_string_end(ParseCtx *pc, SrcLoc *loc)
{
	const char *s = lex_string_end(pc, loc);
	diag_report(pc->diags, DIAG_E101, *loc,
		    "curly quotes: strings use straight quotes \"...\" (a word processor may have changed them)");
	return s;
}

/* The ASCII spelling of letters with accents, U+00C0 to U+017F: één is een. */
static const char *const latin_ascii[] = {
	"A","A","A","A","A","A","AE","C","E","E","E","E","I","I","I","I",    /* U+00C0 */
	"D","N","O","O","O","O","O","","O","U","U","U","U","Y","Th","ss",    /* U+00D0 */
	"a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i",    /* U+00E0 */
	"d","n","o","o","o","o","o","","o","u","u","u","u","y","th","y",     /* U+00F0 */
	"A","a","A","a","A","a","C","c","C","c","C","c","C","c","D","d",    /* U+0100 */
	"D","d","E","e","E","e","E","e","E","e","E","e","G","g","G","g",    /* U+0110 */
	"G","g","G","g","H","h","H","h","I","i","I","i","I","i","I","i",    /* U+0120 */
	"I","i","IJ","ij","J","j","K","k","k","L","l","L","l","L","l","L",  /* U+0130 */
	"l","L","l","N","n","N","n","N","n","n","N","n","O","o","O","o",    /* U+0140 */
	"O","o","OE","oe","R","r","R","r","R","r","S","s","S","s","S","s",  /* U+0150 */
	"S","s","T","t","T","t","T","t","U","u","U","u","U","u","U","u",    /* U+0160 */
	"U","u","U","u","W","w","Y","y","Y","Z","z","Z","z","Z","z","s",    /* U+0170 */
};

/* `word` spelt in ASCII letters, or NULL when a character has no spelling. */
static const char *ascii_spelling(const char *word, size_t len)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)word[i];
		if (c < 0x80) {
			if (!(c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
				return NULL;
			buf_putc(&b, (char)c);
			i++;
			continue;
		}
		unsigned cp = i + 1 < len && (c & 0xE0) == 0xC0
			? ((unsigned)(c & 0x1F) << 6) | ((unsigned char)word[i + 1] & 0x3F) : 0;
		if (cp < 0xC0 || cp > 0x17F || !latin_ascii[cp - 0xC0][0])
			return NULL;
		buf_puts(&b, latin_ascii[cp - 0xC0]);
		i += 2;
	}
	return b.data;
}

/* A character a name may hold by mistake and that does not show (pasted from
   a word processor or a PDF), named: "U+00A0 (a no-break space)". */
static const char *odd_character(const char *word, size_t len)
{
	static const struct {
		uint32_t cp;
		const char *name;
	} odd[] = {
		{ 0x00A0, "a no-break space" }, { 0x00AD, "a soft hyphen" }, { 0x2009, "a thin space" },
		{ 0x200B, "a zero-width space" }, { 0x200C, "a zero-width non-joiner" },
		{ 0x200D, "a zero-width joiner" }, { 0x2060, "a word joiner" }, { 0x202F, "a narrow no-break space" },
		{ 0xFEFF, "a byte order mark" },
	};
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(word + i, len - i, &cp);
		if (n == 0)
			return NULL;
		for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
			if (odd[k].cp == cp)
				return i ? mem_printf("U+%04X (%s) follows '%.*s' here", (unsigned)cp, odd[k].name, (int)i, word)
					 : mem_printf("this name starts with U+%04X (%s)", (unsigned)cp, odd[k].name);
		i += n;
	}
	return NULL;
}

void lex_non_ascii_name(ParseCtx *pc, const char *raw, size_t raw_len, SrcLoc loc, Name *out)
{
	/* the name may hold characters a terminal acts on: kept printable */
	const char *text = utf8_safe_text(raw, raw_len);
	size_t len = text == raw ? raw_len : strlen(text);
	bool first = table_get(&pc->words, text) == NULL;
	int kind;
	lex_identifier(pc, text, len, loc, out, &kind);
	if (!first)
		return; /* reported where the file first writes it */
	const char *ascii = ascii_spelling(raw, raw_len);
	const char *odd = ascii ? NULL : odd_character(raw, raw_len);
	if (odd)
		diag_report(pc->diags, DIAG_E107, loc, "names use only ASCII letters, digits and '_', but %s", odd);
	else if (ascii)
		diag_report(pc->diags, DIAG_E107, loc,
			    "names use only ASCII letters, digits and '_': write '%s' for '%s' (a display name with "
			    "accents goes in a \"string\")", ascii, text);
	else
		diag_report(pc->diags, DIAG_E107, loc,
			    "names use only ASCII letters, digits and '_'; put '%s' in a \"string\" as a display name",
			    text);
}

const char *lex_string_end(ParseCtx *pc, SrcLoc *loc)
{
	loc->src = pc->src;
	loc->start = pc->string_start;
	loc->end = pc->offset;
	/* plan text is made safe to print once, here (utf8.h) */
	const char *safe = utf8_safe_text(pc->string.data, pc->string.len);
	return mem_tree_strndup(safe, safe == pc->string.data ? pc->string.len : strlen(safe));
}

