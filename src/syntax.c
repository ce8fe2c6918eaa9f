/*
 * syntax.c — the grammar's actions (see syntax.h): declarations handed to
 * the keeper as each is complete, blocks, properties and their items.
 */
#include "syntax.h"

#include <string.h>

#include "lex.h"
#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "suppress.h"

static Decl *new_decl(DeclKind kind, SrcLoc loc)
{
	Decl *d = NEW_TREE_NODE(Decl);
	d->kind = kind;
	d->loc = loc;
	d->id.text = "";
	return d;
}

static Decl *new_statement(DeclKind kind, SrcLoc loc)
{
	Decl *d = new_decl(kind, loc);
	d->stmt = NEW_TREE_NODE(DeclStatement);
	return d;
}

/*
 * A top-level statement is complete.  Bison reduces it with the newline
 * after it as lookahead, and nothing else on its stack points into the
 * tree, so the scratch memory can be cleared for the next one.
 */
static void finish_decl(ParseCtx *pc, Decl *d)
{
	if (pc->suppressions.len)
		suppress_attach(pc, d->loc);
	pc->last_decl = d->loc;
	if (pc->keep) {
		mem_scratch_use(false);
		d = pc->keep(d, pc->keep_ctx);
		mem_scratch_clear();
		mem_scratch_use(true);
	}
	vec_push(&pc->decls, d);
}

void syntax_import(ParseCtx *pc, SrcLoc loc, const char *path, SrcLoc path_loc)
{
	Decl *d = new_statement(DECL_IMPORT, loc);
	d->stmt->import_path = path;
	d->stmt->import_path_loc = path_loc;
	finish_decl(pc, d);
}

void syntax_let(ParseCtx *pc, SrcLoc loc, Name name, Expr *value)
{
	Decl *d = new_statement(DECL_LET, loc);
	d->id = name;
	d->stmt->value = value;
	finish_decl(pc, d);
}

void syntax_signal(ParseCtx *pc, SrcLoc loc, Ref *need, Vec areas, Ref *target, const char *message,
		   Block *body)
{
	Decl *d = new_statement(DECL_SIGNAL, loc);
	d->stmt->need = need;
	d->stmt->areas = areas;
	d->stmt->target = target;
	d->stmt->message = message;
	d->body = body;
	finish_decl(pc, d);
}

void syntax_answer(ParseCtx *pc, SrcLoc loc, Ref *signal, Ref *action, Block *body)
{
	Decl *d = new_statement(DECL_ANSWER, loc);
	d->stmt->answered = signal;
	d->stmt->action = action;
	d->body = body;
	finish_decl(pc, d);
}

/* ---- accept ------------------------------------------------------------------ */

AcceptClauses *syntax_accept_clauses(void)
{
	AcceptClauses *c = NEW_TREE_NODE(AcceptClauses);
	c->on_kind = -1;
	return c;
}

static void accept_clause_twice(ParseCtx *pc, const char *word, SrcLoc at)
{
	diag_report(pc->diags, DIAG_E509, at, "an acceptance says '%s' once", word);
}

AcceptClauses *syntax_accept_in(ParseCtx *pc, AcceptClauses *c, SrcLoc in_loc, Vec areas)
{
	if (c->has_areas) {
		accept_clause_twice(pc, "in", in_loc);
		c->malformed = true;
	}
	c->has_areas = true;
	for (size_t i = 0; i < areas.len; i++)
		vec_push(&c->areas, areas.items[i]);
	return c;
}

/* A word where 'on', 'until' or 'in' belongs: name the closest, with what follows it. */
static void accept_unknown_word(ParseCtx *pc, Name word, bool before_date)
{
	static const char *const words[] = { "until", "on", "in" };
	const char *close = names_closest(word.text, words, sizeof words / sizeof words[0]);
	if (close && strcmp(close, "until") == 0 && before_date)
		diag_report(pc->diags, DIAG_E509, word.loc, "unknown word '%s' in an acceptance; did you mean 'until'?",
			    word.text);
	else if (close && strcmp(close, "until") != 0 && !before_date)
		diag_report(pc->diags, DIAG_E509, word.loc, "unknown word '%s' in an acceptance; did you mean '%s'?",
			    word.text, close);
	else
		diag_report(pc->diags, DIAG_E509, word.loc,
			    "unknown word '%s' in an acceptance: it takes 'in AREA, ...' (for a need), 'on DECLARATION' "
			    "(for a warning code), 'until DATE' and a reason in quotes",
			    word.text);
}

AcceptClauses *syntax_accept_name(ParseCtx *pc, AcceptClauses *c, Name word, int kind, SrcLoc kind_loc, Ref *name)
{
	(void)kind_loc;
	if (lex_is_word(word.text, "until"))
		diag_report(pc->diags, DIAG_E509, name->loc, "'until' takes a date (YYYY-MM-DD or YYYY-MM), not a name");
	else if (!lex_is_word(word.text, "on"))
		accept_unknown_word(pc, word, false);
	else if (c->on)
		accept_clause_twice(pc, "on", word.loc);
	if (!lex_is_word(word.text, "on") || c->on) {
		c->malformed = true;
		return c;
	}
	c->on = name;
	c->on_kind = kind;
	return c;
}

AcceptClauses *syntax_accept_date(ParseCtx *pc, AcceptClauses *c, Name word, Date date, SrcLoc date_loc)
{
	if (!lex_is_word(word.text, "until") || c->has_until)
		c->malformed = true;
	if (!lex_is_word(word.text, "until")) {
		if (lex_is_word(word.text, "on"))
			diag_report(pc->diags, DIAG_E509, date_loc,
				    "'on' names the declaration whose warning is accepted; the date goes after 'until'");
		else
			accept_unknown_word(pc, word, true);
		return c;
	}
	if (c->has_until)
		accept_clause_twice(pc, "until", word.loc);
	c->has_until = true;
	c->until = date;
	c->until_loc = date_loc;
	return c;
}

void syntax_accept(ParseCtx *pc, SrcLoc loc, Ref *what, const AcceptClauses *c, const char *reason)
{
	bool has_reason = reason && reason[strspn(reason, " \t\r\n")] != '\0';
	if ((!c->has_until || !has_reason) && !c->malformed)
		diag_report(pc->diags, DIAG_E509, what->loc,
			    "an acceptance %s: accept ... until DATE \"reason\" (an acceptance is visible, for a while, "
			    "and says why)",
			    !c->has_until && !has_reason ? _("needs a date and a reason")
			    : !c->has_until ? _("needs a date until which it holds") : _("needs a reason in quotes"));
	Decl *d = new_statement(DECL_ACCEPT, loc);
	d->stmt->need = what;
	d->stmt->areas = c->areas;
	d->stmt->on = c->on;
	d->stmt->on_kind = c->on_kind;
	d->stmt->has_until = c->has_until;
	d->stmt->until = c->until;
	d->stmt->until_loc = c->until_loc;
	d->stmt->malformed = c->malformed || !c->has_until || !has_reason;
	d->stmt->message = reason;
	finish_decl(pc, d);
}

void syntax_decl(ParseCtx *pc, DeclKind kind, SrcLoc loc, Name id, const char *title, Ref *parent,
		 Block *body)
{
	Decl *d = new_decl(kind, loc);
	d->id = id;
	d->title = title;
	d->parent = parent;
	d->body = body;
	finish_decl(pc, d);
}

Block *syntax_block(SrcLoc loc, AstList props)
{
	Block *b = NEW_TREE_NODE(Block);
	b->loc = loc;
	b->props = props.head;
	return b;
}

AstList syntax_props_add(AstList list, Property *p)
{
	if (list.tail)
		((Property *)list.tail)->next = p;
	else
		list.head = p;
	list.tail = p;
	list.count++;
	return list;
}

AstList syntax_items_add(AstList list, Item *it)
{
	if (list.tail)
		((Item *)list.tail)->next = it;
	else
		list.head = it;
	list.tail = it;
	list.count++;
	return list;
}

Property *syntax_prop(Name name, AstList items)
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

Item *syntax_item(SrcLoc loc, Expr *value, Vec literals, Block *block)
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

Item *syntax_item_keyed(SrcLoc loc, Expr *key, Expr *value)
{
	Item *it = new_item(value);
	ItemShape *shape = NEW_TREE_NODE(ItemShape);
	shape->loc = loc;
	shape->key = key;
	it->shape = shape;
	return it;
}

Item *syntax_item_range(SrcLoc loc, Expr *low, RangeKind range, Expr *high)
{
	Item *it = new_item(low);
	ItemShape *shape = NEW_TREE_NODE(ItemShape);
	shape->loc = loc;
	shape->range = range;
	shape->upper = high;
	it->shape = shape;
	return it;
}

