/*
 * complete.c — candidates for what may be written at a position (see
 * complete.h).
 *
 * One linear scan of the text up to the position finds the statement being
 * written and the blocks around it (the keyword or property that opened
 * each brace), skipping comments and strings and following the newline
 * rule of lex.c; the statement is then split into a few tokens, and its
 * first word and the token before the position decide what fits.
 *
 * Keywords, property names and choice values are offered in the spelling
 * of the statement being written (its keyword, when the two spellings of
 * it differ), else in that of the file (spelling_of_module); in a Dutch
 * spelling a name is offered under its aliases too (`sociale_netwerken`).
 * Details are in the language of the messages.
 */
#include "complete.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lex.h"
#include "loader.h"
#include "mem.h"
#include "names.h"
#include "schema.h"
#include "spelling.h"

/* ---- the statement at the position ------------------------------------------------------ */

typedef struct {
	const char *text;
	uint32_t stmt_start;         /* where the statement being written starts */
	int depth;                   /* braces open around the position */
	const char *opener[2];       /* the first word before the outer two braces */
	bool in_comment;
	bool in_string;              /* inside "..." (the import's name) */
	uint32_t string_start;
} Context;

static bool is_word_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool is_word_char(char c)
{
	return is_word_start(c) || (c >= '0' && c <= '9');
}

/* The first word of text[from, to), or "". */
static const char *first_word(const char *text, uint32_t from, uint32_t to)
{
	uint32_t i = from;
	while (i < to && !is_word_start(text[i]))
		i++;
	uint32_t start = i;
	while (i < to && is_word_char(text[i]))
		i++;
	return mem_strndup(text + start, i - start);
}

/* Past a string that starts at text[i] ('"'); `end` when it is not closed. */
static uint32_t skip_string(const char *text, uint32_t i, uint32_t end)
{
	if (i + 2 < end && text[i + 1] == '"' && text[i + 2] == '"') {
		const char *close = NULL;
		for (uint32_t k = i + 3; k + 2 < end && !close; k++)
			if (text[k] == '"' && text[k + 1] == '"' && text[k + 2] == '"')
				close = text + k;
		return close ? (uint32_t)(close - text) + 3 : end;
	}
	for (uint32_t k = i + 1; k < end; k++) {
		if (text[k] == '\\')
			k++;
		else if (text[k] == '"')
			return k + 1;
		else if (text[k] == '\n')
			return k; /* unterminated: the line ends it */
	}
	return end;
}

static void open_brace(Context *c, uint32_t at)
{
	if (c->depth < 2)
		c->opener[c->depth] = first_word(c->text, c->stmt_start, at);
	c->depth++;
	c->stmt_start = at + 1;
}

/* Scan text[0, offset): the statement and blocks around the position. */
static void scan(Context *c, uint32_t offset)
{
	const char *t = c->text;
	char last = 0, before_last = 0;   /* the line's code so far, for the newline rule */
	int parens = 0;
	bool pending_end = false;         /* a newline ended the statement, unless a '{' follows */
	for (uint32_t i = 0; i < offset; i++) {
		char ch = t[i];
		if (ch == ' ' || ch == '\t' || ch == '\r')
			continue;
		if (ch == '\n') {
			if (last && !lex_text_continues_line(before_last, last) && parens == 0)
				pending_end = true;
			last = before_last = 0;
			continue;
		}
		if (ch == '#') {
			while (i < offset && t[i] != '\n')
				i++;
			if (i == offset) {
				c->in_comment = true;
				return;
			}
			i--; /* the newline is seen next */
			continue;
		}
		if (pending_end && ch != '{')
			c->stmt_start = i;
		pending_end = false;
		if (ch == '"') {
			uint32_t after = skip_string(t, i, offset);
			if (after >= offset && !(after == offset && i + 1 < offset && t[offset - 1] == '"')) {
				c->in_string = true;
				c->string_start = i;
				return;
			}
			i = after - 1;
			before_last = last;
			last = '"';
			continue;
		}
		if (ch == '{') {
			open_brace(c, i);
			last = before_last = 0;
			continue;
		}
		if (ch == '}' || ch == ';') {
			if (ch == '}' && c->depth > 0)
				c->depth--;
			c->stmt_start = i + 1;
			last = before_last = 0;
			continue;
		}
		parens += ch == '(' ? 1 : ch == ')' && parens > 0 ? -1 : 0;
		before_last = last;
		last = ch;
	}
	if (pending_end)
		c->stmt_start = offset;
}

/* The tokens of the statement: words (with their dots), strings, numbers
   and dates, and single punctuation. */
typedef enum { TOK_WORD, TOK_STRING, TOK_NUMBER, TOK_PUNCT } TokKind;

typedef struct {
	TokKind kind;
	const char *text;
	uint32_t end;
} Tok;

static Vec tokens(const char *t, uint32_t from, uint32_t to)
{
	Vec toks = { 0 };
	for (uint32_t i = from; i < to;) {
		char ch = t[i];
		uint32_t start = i;
		TokKind kind = TOK_PUNCT;
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
			i++;
			continue;
		}
		if (ch == '#') {
			while (i < to && t[i] != '\n')
				i++;
			continue;
		}
		if (is_word_start(ch)) {
			kind = TOK_WORD;
			/* meer.population; "meer." at the position: a place, its property to come */
			while (i < to && (is_word_char(t[i]) || (t[i] == '.' && (i + 1 == to || t[i + 1] != '.'))))
				i++;
		} else if (ch >= '0' && ch <= '9') {
			kind = TOK_NUMBER;
			while (i < to && (is_word_char(t[i]) || t[i] == '-' || t[i] == '%' ||
					  (t[i] == '.' && i + 1 < to && t[i + 1] != '.')))
				i++;
		} else if (ch == '"') {
			kind = TOK_STRING;
			i = skip_string(t, i, to);
		} else {
			i += (ch == '.' && i + 1 < to && t[i + 1] == '.') ? 2 : 1;
		}
		Tok *tok = NEW(Tok);
		tok->kind = kind;
		tok->text = mem_strndup(t + start, i - start);
		tok->end = i;
		vec_push(&toks, tok);
	}
	return toks;
}

/* ---- candidates --------------------------------------------------------------------------- */

typedef struct {
	World *w;
	Module *m;
	Vec items;
	const char *head;            /* before the last dot of the word being written, or NULL */
	Spelling spelling;           /* of the keywords, properties and choices offered */
} Out;

/* A word in the spelling offered (the English one when it has no Dutch). */
static const char *spelt(const Out *o, const char *english, const char *dutch)
{
	return o->spelling == SPELLING_DUTCH && dutch ? dutch : english;
}

static void add(Out *o, const char *label, CompleteKind kind, const char *detail, const Entity *e)
{
	CompleteItem *item = NEW(CompleteItem);
	item->label = label;
	item->insert = label;
	item->kind = kind;
	item->detail = detail;
	item->entity = e;
	vec_push(&o->items, item);
}

static const char *entity_detail(const Entity *e)
{
	if (e->decl->title)
		return mem_printf("%s: %s", entity_word(e), e->decl->title);
	return entity_word(e);
}

static void add_entities(Out *o, const Vec *entities)
{
	for (size_t i = 0; i < entities->len; i++) {
		const Entity *e = entities->items[i];
		if (i > 0 && entities->items[i - 1] == e)
			continue; /* found under its ID and again under each alias */
		add(o, entity_name(e), COMPLETE_NAME, entity_detail(e), e);
		for (int a = 0; o->spelling == SPELLING_DUTCH && a < e->decl->alias_count; a++)
			add(o, e->decl->aliases[a].text, COMPLETE_NAME, entity_detail(e), e);
	}
}

/* The names a position takes: `plan.` gives that plan's own names. */
static void add_names(Out *o, unsigned allowed)
{
	Vec found = { 0 };
	if (o->head) {
		Entity *plan = names_find(o->w, o->m, NS_PLAN, o->head);
		for (int ns = 0; plan && ns < NS_COUNT; ns++) {
			const Table *own = &plan->module->names[ns];
			for (size_t i = 0; (allowed & NS_BIT(ns)) && i < own->cap; i++)
				if (own->slots[i].key)
					vec_push(&found, own->slots[i].value);
		}
	} else {
		names_visible(o->w, o->m, allowed, &found);
	}
	add_entities(o, &found);
}

/* In an expression: lets and places; after PLACE., population and the groups. */
static void add_expression(Out *o)
{
	if (o->head && names_find(o->w, o->m, NS_PLACE, o->head)) {
		add(o, "population", COMPLETE_WORD, _("the population of the place"), NULL);
		Vec groups = { 0 };
		names_visible(o->w, o->m, NS_BIT(NS_GROUP), &groups);
		add_entities(o, &groups);
		return;
	}
	add_names(o, NS_BIT(NS_LET) | NS_BIT(NS_PLACE));
}

static void add_top_keywords(Out *o)
{
	for (int k = 0; k < DECL_KIND_COUNT; k++)
		if (decl_kind_syntax((DeclKind)k) != SYNTAX_NESTED)
			add(o, spelt(o, decl_kind_name((DeclKind)k), decl_kind_dutch((DeclKind)k)), COMPLETE_KEYWORD,
			    decl_kind_noun((DeclKind)k), NULL);
}

static void add_properties(Out *o, DeclKind kind)
{
	for (int slot = 0; slot < schema_slot_count(kind); slot++) {
		const PropSpec *spec = schema_slot_spec(kind, slot);
		add(o, spelt(o, spec->name, spec->dutch), COMPLETE_PROPERTY, _(spec->what), NULL);
	}
}

static void add_modules(Out *o, bool in_string)
{
	Vec names = loader_stdlib_modules(o->w);
	for (size_t i = 0; i < names.len; i++) {
		const char *name = names.items[i];
		if (strcmp(name, "prelude") == 0)
			continue; /* every plan has it */
		add(o, name, COMPLETE_MODULE, _("a module of the standard library"), NULL);
		if (!in_string)
			VEC_AT(o->items, CompleteItem, o->items.len - 1)->insert = mem_printf("\"%s\"", name);
	}
}

static bool is(const Tok *tok, const char *text)
{
	return tok && strcmp(tok->text, text) == 0;
}

/* A statement's keyword, or a joining word, in either spelling. */
static bool is_keyword(const Tok *tok, DeclKind kind)
{
	return tok && (strcmp(tok->text, decl_kind_name(kind)) == 0 || strcmp(tok->text, decl_kind_dutch(kind)) == 0);
}

static bool is_join(const Tok *tok, const char *english)
{
	return tok && lex_is_word(tok->text, english);
}

static int keyword_kind(const char *word)
{
	for (int k = 0; k < DECL_KIND_COUNT; k++)
		if (strcmp(decl_kind_name((DeclKind)k), word) == 0 || strcmp(decl_kind_dutch((DeclKind)k), word) == 0)
			return k; /* either spelling: a Dutch plan completes as an English one */
	return -1;
}

/* signal NEED [in AREA, ...] to TARGET ["message"] */
static void in_signal(Out *o, const Vec *toks)
{
	const Tok *last = toks->items[toks->len - 1];
	bool has_in = false, has_to = false;
	for (size_t i = 1; i < toks->len; i++) {
		has_in |= is(toks->items[i], "in");
		has_to |= is_join(toks->items[i], "to");
	}
	if (toks->len == 1)
		add_names(o, NS_BIT(NS_NEED));
	else if (is_join(last, "to"))
		add_names(o, NS_BIT(NS_BODY) | NS_BIT(NS_KIND));
	else if (!has_to && (is(last, "in") || (has_in && is(last, ","))))
		add_names(o, NS_BIT(NS_PLACE));
	else if (toks->len == 2 || (has_in && !has_to && last->kind == TOK_WORD))
		add(o, spelling_join("to", "to: the target", o->spelling), COMPLETE_KEYWORD,
		    _("the body or kind of body the signal goes to"), NULL);
	if (toks->len == 2)
		add(o, "in", COMPLETE_KEYWORD, _("the areas of the need the signal is about"), NULL);
}

static void top_level(Out *o, const Vec *toks)
{
	if (toks->len == 0) {
		add_top_keywords(o);
		return;
	}
	const Tok *first = toks->items[0], *last = toks->items[toks->len - 1];
	if (is_keyword(first, DECL_IMPORT)) {
		if (toks->len == 1)
			add_modules(o, false);
	} else if (is_keyword(first, DECL_SIGNAL)) {
		in_signal(o, toks);
	} else if (is_keyword(first, DECL_ANSWER)) {
		if (toks->len == 1)
			add_names(o, NS_BIT(NS_NEED));
		else if (is_join(last, "with"))
			add_names(o, NS_BIT(NS_ACTION));
		else if (toks->len == 2)
			add(o, spelling_join("with", "with", o->spelling), COMPLETE_KEYWORD,
			    _("the action that answers the signal"), NULL);
	} else if (is_keyword(first, DECL_LET)) {
		for (size_t i = 1; i < toks->len; i++)
			if (is(toks->items[i], "="))
				add_expression(o);
	} else if (is(last, "in") && keyword_kind(first->text) == DECL_AREA) {
		add_names(o, NS_BIT(NS_PLACE));
	}
}

/* Inside the block of a declaration of `kind`: a property, or its value. */
static void in_block(Out *o, DeclKind kind, const Vec *toks)
{
	if (toks->len == 0) {
		add_properties(o, kind);
		return;
	}
	const Tok *first = toks->items[0], *last = toks->items[toks->len - 1];
	const PropSpec *spec = NULL;
	for (int slot = 0; slot < schema_slot_count(kind) && !spec; slot++)
		if (strcmp(schema_slot_spec(kind, slot)->name, first->text) == 0 ||
		    strcmp(schema_slot_spec(kind, slot)->dutch, first->text) == 0)
			spec = schema_slot_spec(kind, slot);
	if (!spec)
		return;
	bool item_start = toks->len == 1 || is(last, ",");
	switch (spec->type) {
	case VT_NAME: case VT_NAMES: case VT_GROUP_SIZES:
		if (item_start)
			add_names(o, spec->ns);
		break;
	case VT_CHOICE:
		if (item_start) {
			size_t n;
			const VocabEntry *words = vocab_entries((Vocabulary)spec->vocab, &n);
			for (size_t i = 0; i < n; i++)
				add(o, spelt(o, words[i].word, words[i].dutch), COMPLETE_WORD, _(spec->what), NULL);
		}
		break;
	case VT_EXPR:
		if (last->kind == TOK_PUNCT || toks->len == 1)
			add_expression(o);
		break;
	case VT_MEASURES:
		if (is(last, ":") || (last->kind == TOK_PUNCT && !is(last, ",")))
			add_expression(o);
		break;
	default:
		break;
	}
}

/* The spelling of the statement whose keyword is `word`, when its two
   spellings differ; else that of the file. */
static Spelling spelling_at(Module *m, const char *word)
{
	int k = word ? keyword_kind(word) : -1;
	if (k >= 0 && strcmp(decl_kind_name((DeclKind)k), decl_kind_dutch((DeclKind)k)) != 0)
		return strcmp(word, decl_kind_dutch((DeclKind)k)) == 0 ? SPELLING_DUTCH : SPELLING_ENGLISH;
	return spelling_of_module(m);
}

static int compare_items(const void *a, const void *b)
{
	const CompleteItem *x = *(const CompleteItem *const *)a, *y = *(const CompleteItem *const *)b;
	int c = strcmp(x->label, y->label);
	return c ? c : (int)x->kind - (int)y->kind;
}

Vec complete_at(World *w, Module *m, uint32_t offset)
{
	Out o = { w, m, { 0 }, NULL, SPELLING_ENGLISH };
	const Source *src = m->src;
	if (offset > src->len)
		offset = (uint32_t)src->len;
	Context c = { .text = src->text };
	scan(&c, offset);
	if (c.in_comment)
		return o.items;
	if (c.in_string) {
		Vec toks = tokens(src->text, c.stmt_start, c.string_start);
		if (c.depth == 0 && toks.len == 1 && is_keyword(toks.items[0], DECL_IMPORT))
			add_modules(&o, true);
		return o.items;
	}
	Vec toks = tokens(src->text, c.stmt_start, offset);
	/* the word being written is not context: what comes before it is */
	if (toks.len) {
		const Tok *last = toks.items[toks.len - 1];
		if ((last->kind == TOK_WORD || last->kind == TOK_NUMBER) && last->end == offset) {
			toks.len--;
			const char *dot = strrchr(last->text, '.');
			if (dot)
				o.head = mem_strndup(last->text, (size_t)(dot - last->text));
		}
	}
	o.spelling = spelling_at(m, c.depth ? c.opener[0] : toks.len ? ((const Tok *)toks.items[0])->text : NULL);
	if (c.depth == 0) {
		top_level(&o, &toks);
	} else {
		int kind = keyword_kind(c.opener[0]);
		if (c.depth == 2 && kind == DECL_ACTION && strcmp(c.opener[1], "indicator") == 0)
			in_block(&o, DECL_INDICATOR, &toks);
		else if (c.depth == 1 && kind >= 0)
			in_block(&o, (DeclKind)kind, &toks);
	}
	if (o.items.len > 1)
		qsort(o.items.items, o.items.len, sizeof(void *), compare_items);
	return o.items;
}
