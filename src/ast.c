/*
 * ast.c — constructors for syntax tree nodes.
 */
#include "ast.h"

#include <string.h>

#include "mem.h"

static Expr *new_expr(ExprKind kind, SrcLoc loc)
{
	Expr *e = NEW_TREE_NODE(Expr);
	e->kind = kind;
	e->loc = loc;
	e->depth = 1;
	return e;
}

Expr *ast_number(SrcLoc loc, double value, bool percent)
{
	Expr *e = new_expr(EXPR_NUMBER, loc);
	e->u.number = value;
	e->percent = percent;
	return e;
}

Expr *ast_date(SrcLoc loc, Date date)
{
	Expr *e = new_expr(EXPR_DATE, loc);
	e->u.date = date;
	return e;
}

Expr *ast_string(SrcLoc loc, const char *s)
{
	Expr *e = new_expr(EXPR_STRING, loc);
	e->u.string = s;
	return e;
}

Expr *ast_ref_expr(Ref *ref)
{
	Expr *e = new_expr(EXPR_REF, ref->loc);
	e->u.ref = ref;
	return e;
}

Expr *ast_unary(SrcLoc loc, Op op, Expr *a)
{
	Expr *e = new_expr(EXPR_UNARY, source_span(loc, a->loc));
	e->op = (unsigned char)op;
	e->u.operands.a = a;
	e->depth = a->depth + 1;
	return e;
}

Expr *ast_binary(Op op, Expr *a, Expr *b)
{
	Expr *e = new_expr(EXPR_BINARY, source_span(a->loc, b->loc));
	e->op = (unsigned char)op;
	e->u.operands.a = a;
	e->u.operands.b = b;
	e->depth = (a->depth > b->depth ? a->depth : b->depth) + 1;
	return e;
}

Expr *ast_call(Name name, Vec args, SrcLoc loc)
{
	Expr *e = new_expr(EXPR_CALL, loc);
	e->u.call = NEW_TREE_NODE(Call);
	e->u.call->name = name;
	e->u.call->args = args;
	for (size_t i = 0; i < args.len; i++) {
		int d = VEC_AT(args, Expr, i)->depth + 1;
		if (d > e->depth)
			e->depth = d;
	}
	return e;
}

/* A reference and its parts in one node: most references are one name. */
static Ref *new_ref(int count)
{
	Ref *r = mem_tree_alloc(sizeof(Ref) + mem_array_size((size_t)count, sizeof(Name)));
	r->parts = (Name *)(r + 1);
	r->count = count;
	return r;
}

Ref *ast_ref(Name first)
{
	Ref *r = new_ref(1);
	r->parts[0] = first;
	r->loc = first.loc;
	return r;
}

/* The grammar hands over the reference it is building: its parts grow in
   place, doubling, so a name of n parts (a.a.a...) costs n, not n x n. */
Ref *ast_ref_append(Ref *ref, Name next)
{
	int count = ref->count;
	if ((count & (count - 1)) == 0) { /* full: parts hold a power of two */
		Name *parts = mem_tree_alloc(mem_array_size((size_t)count * 2, sizeof(Name)));
		memcpy(parts, ref->parts, sizeof(Name) * (size_t)count);
		ref->parts = parts;
	}
	ref->parts[count] = next;
	ref->count = count + 1;
	ref->loc = source_span(ref->loc, next.loc);
	return ref;
}

Ref *ast_ref_copy(const Ref *ref)
{
	if (!ref)
		return NULL;
	Ref *r = new_ref(ref->count);
	memcpy(r->parts, ref->parts, sizeof(Name) * (size_t)ref->count);
	r->loc = ref->loc;
	return r;
}

SrcLoc ast_use_loc(const Decl *d, const NameUse *use)
{
	if (use->dotted)
		return use->dotted->loc;
	return (SrcLoc){ d->loc.src, use->start, use->start + use->len };
}

Ref ast_use_ref(const Decl *d, const NameUse *use, Name *one)
{
	if (use->dotted)
		return *use->dotted;
	*one = (Name){ use->text, ast_use_loc(d, use) };
	return (Ref){ one, 1, one->loc };
}

Expr *ast_expr_copy(const Expr *e)
{
	if (!e)
		return NULL;
	Expr *copy = NEW_TREE_NODE(Expr);
	*copy = *e;
	if (e->depth > AST_MAX_EXPR_DEPTH) {
		/* refused before anything looks inside (E108): keep only the root,
		   and copying cannot overflow the stack */
		copy->kind = EXPR_ERROR;
		return copy;
	}
	switch (e->kind) {
	case EXPR_REF:
		copy->u.ref = ast_ref_copy(e->u.ref);
		break;
	case EXPR_UNARY: case EXPR_BINARY:
		copy->u.operands.a = ast_expr_copy(e->u.operands.a);
		copy->u.operands.b = ast_expr_copy(e->u.operands.b);
		break;
	case EXPR_CALL: {
		Call *call = NEW_TREE_NODE(Call);
		call->name = e->u.call->name;
		for (size_t i = 0; i < e->u.call->args.len; i++)
			vec_push(&call->args, ast_expr_copy(e->u.call->args.items[i]));
		copy->u.call = call;
		break;
	}
	default:
		break; /* numbers, dates and strings hold no tree nodes */
	}
	return copy;
}

SrcLoc ast_item_loc(const Item *it)
{
	return it->shape ? it->shape->loc : it->value->loc;
}

SrcLoc ast_property_loc(const Property *p)
{
	const Item *last = p->items;
	while (last && last->next)
		last = last->next;
	return last ? source_span(p->name.loc, ast_item_loc(last)) : p->name.loc;
}

const char *ast_ref_text(const Ref *ref)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (int i = 0; i < ref->count; i++) {
		if (i)
			buf_putc(&b, '.');
		buf_puts(&b, ref->parts[i].text);
	}
	return b.data;
}

const Name *ast_expr_as_name(const Expr *e)
{
	if (e && e->kind == EXPR_REF && e->u.ref->count == 1)
		return &e->u.ref->parts[0];
	return NULL;
}

const char *ast_op_text(Op op)
{
	static const char *texts[] = { "+", "-", "*", "/", "-", "<", "<=", ">", ">=", "==", "!=" };
	return texts[op];
}
