/*
 * parse.c — the parser driver, the scanner's helpers and the grammar's
 * actions.  See parse.h and parse_actions.h.
 */
#include "parse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "parse_actions.h"
#include "parser.h"
#include "utf8.h"

/* Largest number a plan may write: beyond this no count or share makes sense. */
#define LEX_MAX_NUMBER 1e15

/* ---- encoding ---------------------------------------------------------- */

long parse_check_encoding(Source *src, DiagSink *diags)
{
	size_t start = 0;
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	const char *nul = memchr(src->text, '\0', src->len);
	if (nul) {
		uint32_t at = (uint32_t)(nul - src->text);
		diag_report(diags, DIAG_E003, (SrcLoc){ src, at, at + 1 },
			    "this file contains a NUL byte; is it a plan file? (plans are UTF-8 text)");
		return -1;
	}
	size_t bad = utf8_find_invalid(src->text, src->len);
	if (bad != (size_t)-1) {
		diag_report(diags, DIAG_E002, (SrcLoc){ src, (uint32_t)bad, (uint32_t)bad + 1 },
			    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8 text",
			    (unsigned char)src->text[bad]);
		return -1;
	}
	size_t i = start;
	while (i < src->len && strchr(" \t\r\n", src->text[i]))
		i++;
	if (i == src->len) {
		diag_report(diags, DIAG_E004, (SrcLoc){ src, 0, 0 },
			    "the file is empty; a plan starts with a declaration such as 'plan', 'area' or 'need'");
		return -1;
	}
	return (long)start;
}

Vec parse_source(Source *src, DiagSink *diags, DeclKeeper keep, void *keep_ctx)
{
	ParseCtx pc;
	memset(&pc, 0, sizeof pc);
	pc.src = src;
	pc.diags = diags;
	pc.keep = keep;
	pc.keep_ctx = keep_ctx;
	long start = parse_check_encoding(src, diags);
	if (start < 0)
		return pc.decls;
	pc.offset = (uint32_t)start;
	lex_begin(&pc, src->text + start, src->len - (size_t)start);
	mem_scratch_use(keep != NULL);
	cn_parse(pc.scanner, &pc);
	mem_scratch_use(false);
	mem_scratch_clear();
	lex_end(&pc);
	return pc.decls;
}

/* ---- scanner helpers ----------------------------------------------------- */

int lex_token(ParseCtx *pc, int token)
{
	pc->last_token = token;
	return token;
}

/* Tokens after which a line goes on: `,`, operators, `(`, `..`, `{`, `:`. */
static int continues_line(int token)
{
	switch (token) {
	case 0: case NL: case ',': case '+': case '-': case '*': case '/':
	case '<': case '>': case LE: case GE: case EQ: case NE: case '=':
	case '(': case DOTDOT: case '{': case ':':
		return 1;
	default:
		return 0;
	}
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
	if (continues_line(pc->last_token) || pc->paren_depth > 0)
		return 0;
	return !next_line_opens_block(pc);
}

/* A word of the file, stored once: its text and its token (a keyword's or IDENT). */
typedef struct {
	const char *text;
	int token;
} Word;

static const Word keywords[] = {
	{ "action", ACTION }, { "actor", ACTOR }, { "answer", ANSWER }, { "area", AREA },
	{ "block", BLOCK }, { "body", BODY }, { "capability", CAPABILITY }, { "group", GROUP },
	{ "import", IMPORT }, { "in", IN }, { "kind", KIND }, { "let", LET },
	{ "municipality", MUNICIPALITY }, { "need", NEED }, { "plan", PLAN }, { "signal", SIGNAL },
	{ "to", TO }, { "with", WITH },
};

/*
 * Every name is interned per file: a region plan repeats the same few
 * thousand names millions of times, so one copy each saves memory, and the
 * keyword test is the same hash lookup.  The keywords go in first.
 */
void lex_seed_words(ParseCtx *pc)
{
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
	table_put(&pc->words, w->text, w);
	return w;
}

int lex_identifier(ParseCtx *pc, const char *text, size_t len, SrcLoc loc, Name *out)
{
	const Word *w = intern_word(pc, text, len);
	out->text = w->text;
	out->loc = loc;
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

/* ---- grammar actions ------------------------------------------------------- */

static Decl *new_decl(DeclKind kind, SrcLoc loc)
{
	Decl *d = NEW_TREE_NODE(Decl);
	d->kind = kind;
	d->loc = loc;
	d->keyword_loc = loc;
	d->id.text = "";
	return d;
}

/*
 * A top-level statement is complete.  Bison reduces it with the newline
 * after it as lookahead, and nothing else on its stack points into the
 * tree, so the scratch memory can be cleared for the next one.
 */
static void finish_decl(ParseCtx *pc, Decl *d)
{
	if (pc->keep) {
		mem_scratch_use(false);
		d = pc->keep(d, pc->keep_ctx);
		mem_scratch_clear();
		mem_scratch_use(true);
	}
	vec_push(&pc->decls, d);
}

void pa_import(ParseCtx *pc, SrcLoc loc, const char *path, SrcLoc path_loc)
{
	Decl *d = new_decl(DECL_IMPORT, loc);
	d->import_path = path;
	d->title_loc = path_loc;
	finish_decl(pc, d);
}

void pa_let(ParseCtx *pc, SrcLoc loc, Name name, Expr *value)
{
	Decl *d = new_decl(DECL_LET, loc);
	d->id = name;
	d->value = value;
	finish_decl(pc, d);
}

void pa_signal(ParseCtx *pc, SrcLoc loc, Ref *need, Vec areas, Ref *target, const char *message)
{
	Decl *d = new_decl(DECL_SIGNAL, loc);
	d->need = need;
	d->areas = areas;
	d->target = target;
	d->message = message;
	finish_decl(pc, d);
}

void pa_answer(ParseCtx *pc, SrcLoc loc, Ref *signal, Ref *action)
{
	Decl *d = new_decl(DECL_ANSWER, loc);
	d->answered = signal;
	d->action = action;
	finish_decl(pc, d);
}

void pa_decl(ParseCtx *pc, DeclKind kind, SrcLoc loc, SrcLoc keyword_loc, Name id,
	     const char *title, SrcLoc title_loc, Ref *parent, Block *body)
{
	Decl *d = new_decl(kind, loc);
	d->keyword_loc = keyword_loc;
	d->id = id;
	d->title = title;
	d->title_loc = title_loc;
	d->parent = parent;
	d->body = body;
	finish_decl(pc, d);
}

Block *pa_block(SrcLoc loc, AstList props)
{
	Block *b = NEW_TREE_NODE(Block);
	b->loc = loc;
	b->props = props.head;
	return b;
}

AstList pa_props_add(AstList list, Property *p)
{
	if (list.tail)
		((Property *)list.tail)->next = p;
	else
		list.head = p;
	list.tail = p;
	list.count++;
	return list;
}

AstList pa_items_add(AstList list, Item *it)
{
	if (list.tail)
		((Item *)list.tail)->next = it;
	else
		list.head = it;
	list.tail = it;
	list.count++;
	return list;
}

Property *pa_prop(Name name, AstList items)
{
	Property *p = NEW_TREE_NODE(Property);
	p->name = name;
	p->items = items.head;
	p->count = items.count;
	return p;
}

static Item *new_item(Expr *value)
{
	Item *it = NEW_TREE_NODE(Item);
	it->value = value;
	return it;
}

Item *pa_item(SrcLoc loc, Expr *value, Vec literals, Block *block)
{
	Item *it = new_item(value);
	if (literals.len || block) {
		ItemShape *shape = NEW_TREE_NODE(ItemShape);
		shape->loc = loc;
		shape->extra_count = (int)literals.len;
		if (literals.len) {
			shape->extras = mem_tree_alloc(mem_array_size(literals.len, sizeof(Expr *)));
			memcpy(shape->extras, literals.items, literals.len * sizeof(Expr *));
		}
		shape->block = block;
		it->shape = shape;
	}
	return it;
}

Item *pa_item_keyed(SrcLoc loc, Expr *key, Expr *value)
{
	Item *it = new_item(value);
	ItemShape *shape = NEW_TREE_NODE(ItemShape);
	shape->loc = loc;
	shape->key = key;
	it->shape = shape;
	return it;
}

Item *pa_item_range(SrcLoc loc, Expr *low, RangeKind range, Expr *high)
{
	Item *it = new_item(low);
	ItemShape *shape = NEW_TREE_NODE(ItemShape);
	shape->loc = loc;
	shape->range = range;
	shape->upper = high;
	it->shape = shape;
	return it;
}

/* ---- syntax errors ---------------------------------------------------------- */

/* Bison's names: "a name", "import", "'{'": quote the bare words. */
static const char *token_display(const char *name)
{
	if (strchr(name, ' ') || name[0] == '\'')
		return name;
	return mem_printf("'%s'", name);
}

static int expects(const char **expected, int count, const char *name)
{
	for (int i = 0; i < count; i++)
		if (strcmp(expected[i], name) == 0)
			return 1;
	return 0;
}

/* Name what was expected the way a person would say it. */
static void describe_expected(StrBuf *msg, const char **expected, int count)
{
	if (expects(expected, count, "a name") && expects(expected, count, "with")) {
		/* only a block accepts any word, keywords included, as a property */
		buf_puts(msg, "a property name");
		if (expects(expected, count, "'}'"))
			buf_puts(msg, " or '}'");
	} else if (expects(expected, count, "area") && expects(expected, count, "import")) {
		buf_puts(msg, "a declaration (import, plan, let, area, actor, need, action, signal, ...)");
	} else if (expects(expected, count, "end of line") && count > 3) {
		/* operators that could continue an expression are noise here */
		buf_puts(msg, expects(expected, count, "','") ? "',' or the end of the line" : "the end of the line");
	} else if (count == 0) {
		buf_puts(msg, "something else");
	} else {
		int shown = count > 6 ? 6 : count;
		for (int i = 0; i < shown; i++) {
			if (i)
				buf_puts(msg, i == shown - 1 && shown == count ? " or " : ", ");
			buf_puts(msg, token_display(expected[i]));
		}
		if (shown < count)
			buf_puts(msg, ", ...");
	}
}

/* What the parser found, as a person would name it. */
static const char *found_display(const ParseCtx *pc, SrcLoc loc, int at_eof)
{
	if (at_eof)
		return "the end of the file";
	const char *text = pc->src->text + loc.start;
	size_t len = loc.end - loc.start;
	if (len == 0 || text[0] == '\n' || text[0] == ';')
		return "the end of the line";
	const char *newline = memchr(text, '\n', len);
	if (newline)
		len = (size_t)(newline - text);
	if (len > 24)
		return mem_printf("'%.24s...'", text);
	return mem_printf("'%.*s'", (int)len, text);
}

void pa_syntax_error(ParseCtx *pc, SrcLoc loc, int at_eof, const char **expected, int count)
{
	if (pc->aborted)
		return;
	StrBuf msg = { 0 };
	buf_init(&msg);
	buf_puts(&msg, "expected ");
	describe_expected(&msg, expected, count);
	buf_printf(&msg, " but found %s", found_display(pc, loc, at_eof));
	Diagnostic *d = diag_report(pc->diags, DIAG_E201, loc, "%s", msg.data);
	if (at_eof && pc->brace_depth > 0)
		diag_note(d, pc->open_braces[pc->brace_depth - 1], "this '{' is never closed with '}'");
}
