/*
 * syntax.c — the grammar's actions (see syntax.h): declarations handed to
 * the keeper as each is complete, blocks, properties and their items.
 */
#include "syntax.h"

#include <string.h>

#include "mem.h"
#include "suppress.h"

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
	Decl *d = new_decl(DECL_IMPORT, loc);
	d->import_path = path;
	d->title_loc = path_loc;
	finish_decl(pc, d);
}

void syntax_let(ParseCtx *pc, SrcLoc loc, Name name, Expr *value)
{
	Decl *d = new_decl(DECL_LET, loc);
	d->id = name;
	d->value = value;
	finish_decl(pc, d);
}

void syntax_signal(ParseCtx *pc, SrcLoc loc, Ref *need, Vec areas, Ref *target, const char *message,
		   Block *body)
{
	Decl *d = new_decl(DECL_SIGNAL, loc);
	d->need = need;
	d->areas = areas;
	d->target = target;
	d->message = message;
	d->body = body;
	finish_decl(pc, d);
}

void syntax_answer(ParseCtx *pc, SrcLoc loc, Ref *signal, Ref *action, Block *body)
{
	Decl *d = new_decl(DECL_ANSWER, loc);
	d->answered = signal;
	d->action = action;
	d->body = body;
	finish_decl(pc, d);
}

void syntax_decl(ParseCtx *pc, DeclKind kind, SrcLoc loc, SrcLoc keyword_loc, Name id,
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

