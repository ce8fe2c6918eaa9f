/*
 * spelling.c — a plan's words in one language (see spelling.h).
 *
 * It reads the tokens the scanner gives (so a Dutch word is a keyword
 * exactly where the parser takes it for one, lex.c) and follows just
 * enough of the grammar to know what each word is: a statement's keyword,
 * a property of the block it stands in, the choice after a property, a
 * joining word (`to`, `with`, `until`, `on`).  Each such word is replaced
 * by its spelling in the wanted language; every other byte is copied.
 */
#include "spelling.h"

#include <ctype.h>
#include <string.h>

#include "i18n.h"
#include "lex.h"
#include "model.h"
#include "parse.h"
#include "parser.h"
#include "schema.h"

bool spelling_parse(const char *lang, Spelling *out)
{
	if (strcmp(lang, "en") == 0)
		*out = SPELLING_ENGLISH;
	else if (strcmp(lang, "nl") == 0)
		*out = SPELLING_DUTCH;
	else
		return false;
	return true;
}

typedef struct {
	Spelling to;
	const char *text;          /* the source */
	StrBuf *out;
	uint32_t copied;           /* bytes of the source written so far */
	int last_token;
	int statement_kind;        /* the declaration kind of the top-level statement, -1 */
	int depth;                 /* braces open */
	int block_kind[PARSE_MAX_NESTING + 2];  /* whose properties each open block holds, -1: unknown */
	const PropSpec *outer[PARSE_MAX_NESTING + 2];  /* the property whose line opened it */
	const PropSpec *property;  /* the property of the block's current line, or NULL */
	bool last_was_property;    /* the last token was that property's name */
	bool last_was_on;          /* the last token was an acceptance's `on` */
} Rewriter;

/* Write the source up to `loc`, then `word` in its place. */
static void replace(Rewriter *r, SrcLoc loc, const char *word)
{
	if (!word || (strlen(word) == loc.end - loc.start && memcmp(r->text + loc.start, word, strlen(word)) == 0))
		return;
	buf_put(r->out, r->text + r->copied, loc.start - r->copied);
	buf_puts(r->out, word);
	r->copied = loc.end;
}

static const char *pick(const Rewriter *r, const char *english, const char *dutch)
{
	return r->to == SPELLING_DUTCH ? dutch : english;
}

/* The property named `word` (either spelling) of a block of `kind`. */
static const PropSpec *property_named(int kind, const char *word)
{
	if (kind < 0 || !word)
		return NULL;
	for (int slot = 0; slot < schema_slot_count((DeclKind)kind); slot++) {
		const PropSpec *spec = schema_slot_spec((DeclKind)kind, slot);
		if (strcmp(spec->name, word) == 0 || strcmp(spec->dutch, word) == 0)
			return spec;
	}
	return NULL;
}

/* The joining word `english` at `where` (its row of lex.c's table). */
static const char *join(const Rewriter *r, const char *english, const char *where)
{
	size_t n;
	const LexJoin *joins = lex_joins(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(joins[i].english, english) == 0 && strncmp(joins[i].where, where, strlen(where)) == 0)
			return pick(r, joins[i].english, joins[i].dutch);
	return NULL;
}

static bool is_keyword_token(int token)
{
	return token == DECL_KEYWORD || token == IMPORT || token == LET || token == SIGNAL || token == ANSWER ||
	       token == ACCEPT;
}

/* The kind whose properties a block opened now holds. */
static int block_kind(const Rewriter *r)
{
	if (r->depth == 0)
		return r->statement_kind;
	if (r->property && r->property->type == VT_INDICATOR)
		return DECL_INDICATOR;
	if (r->property && r->property->type == VT_MEMBERS)
		return DECL_MEMBER;
	return -1;
}

/* A word at the start of a line in a block: a property's name. */
static void property_name(Rewriter *r, ParseToken t)
{
	r->property = property_named(r->block_kind[r->depth], t.text);
	if (r->property)
		replace(r, t.loc, pick(r, r->property->name, r->property->dutch));
	r->last_was_property = r->property != NULL;
}

/* A word inside a block after its line's first: a choice, or `to` in a range. */
static void block_word(Rewriter *r, ParseToken t)
{
	if (t.token == TO) {
		replace(r, t.loc, join(r, "to", "to: the end"));
	} else if (t.token == IDENT && r->last_was_property && r->property->type == VT_CHOICE) {
		const VocabEntry *e = vocab_find((Vocabulary)r->property->vocab, t.text);
		if (e && e->dutch)
			replace(r, t.loc, pick(r, e->word, e->dutch));
	}
	r->last_was_property = false;
}

/* A word of a top-level statement after its keyword. */
static void statement_word(Rewriter *r, ParseToken t)
{
	bool clause = r->statement_kind == DECL_ACCEPT && t.token == IDENT && !r->last_was_on &&
		      (r->last_token == IDENT || r->last_token == DATE);
	r->last_was_on = clause && lex_is_word(t.text, "on");
	if (t.token == TO)
		replace(r, t.loc, join(r, "to", "to: the target"));
	else if (t.token == WITH)
		replace(r, t.loc, join(r, "with", "with"));
	else if (t.token == DECL_KEYWORD) /* accept CODE on KIND NAME */
		replace(r, t.loc, pick(r, decl_kind_name((DeclKind)t.kind), decl_kind_dutch((DeclKind)t.kind)));
	else if (clause && lex_is_word(t.text, "until"))
		replace(r, t.loc, join(r, "until", "until"));
	else if (r->last_was_on)
		replace(r, t.loc, join(r, "on", "on"));
}

static void rewrite_token(void *ctx, ParseToken t)
{
	Rewriter *r = ctx;
	bool line_start = r->last_token == 0 || r->last_token == NL || r->last_token == '{';
	if (t.token == '{') {
		if (r->depth < PARSE_MAX_NESTING + 1) {
			r->block_kind[r->depth + 1] = block_kind(r);
			r->outer[r->depth + 1] = r->property;
		}
		r->depth++;
		r->property = NULL;
	} else if (t.token == '}') {
		if (r->depth > 0 && r->depth <= PARSE_MAX_NESTING + 1)
			r->property = r->outer[r->depth];
		r->depth = r->depth > 0 ? r->depth - 1 : 0;
	} else if (r->depth > PARSE_MAX_NESTING) {
		/* deeper than the scanner reads: nothing to rewrite */
	} else if (line_start && r->depth == 0 && is_keyword_token(t.token)) {
		r->statement_kind = t.kind;
		r->last_was_on = false;
		replace(r, t.loc, pick(r, decl_kind_name((DeclKind)t.kind), decl_kind_dutch((DeclKind)t.kind)));
	} else if (line_start && r->depth > 0 && t.text) {
		property_name(r, t);
	} else if (r->depth > 0) {
		block_word(r, t);
	} else if (t.text) {
		statement_word(r, t);
	}
	r->last_token = t.token;
}

/* Whether the text at `at` (`len` bytes) starts with the word `word`. */
static bool starts_with_word(const char *at, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && memcmp(at, word, n) == 0 &&
	       (len == n || !(isalnum((unsigned char)at[n]) || at[n] == '_'));
}

Spelling spelling_of_module(Module *m)
{
	/* a declaration's place starts with its keyword */
	for (size_t i = 0; m->spelling == 0 && i < m->decls.len; i++) {
		const Decl *d = m->decls.items[i];
		const char *english = decl_kind_name(d->kind), *dutch = decl_kind_dutch(d->kind);
		const char *at = m->src->text + d->loc.start;
		size_t len = d->loc.end - d->loc.start;
		if (strcmp(english, dutch) == 0 || d->loc.end > m->src->len)
			continue;
		if (starts_with_word(at, len, dutch))
			m->spelling = SPELLING_DUTCH + 1;
		else if (starts_with_word(at, len, english))
			m->spelling = SPELLING_ENGLISH + 1;
	}
	if (m->spelling == 0) /* nothing decides (only `plan`): the language of the messages */
		m->spelling = (i18n_lang() == I18N_NL ? SPELLING_DUTCH : SPELLING_ENGLISH) + 1;
	return (Spelling)(m->spelling - 1);
}

const char *spelling_keyword(int kind, Spelling s)
{
	return s == SPELLING_DUTCH ? decl_kind_dutch((DeclKind)kind) : decl_kind_name((DeclKind)kind);
}

const char *spelling_join(const char *english, const char *where, Spelling s)
{
	Rewriter r = { .to = s };
	const char *word = join(&r, english, where);
	return word ? word : english;
}

void spelling_rewrite(Source *src, DiagSink *diags, Spelling to, StrBuf *out)
{
	Rewriter r = { .to = to, .text = src->text, .out = out, .statement_kind = -1 };
	buf_init(out);
	parse_tokens(src, diags, rewrite_token, &r);
	buf_put(out, src->text + r.copied, src->len - r.copied);
}
