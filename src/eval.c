/*
 * eval.c — expression evaluation.
 */
#include "eval.h"

#include <math.h>
#include <string.h>

#include "mem.h"
#include "names.h"

/* Results beyond this are not meaningful in a plan (and would print badly). */
#define EVAL_MAX_MAGNITUDE 1e15

static bool type_error(World *w, const Expr *e, const char *what, const char *found)
{
	diag_report(w->diags, DIAG_E605, e->loc, "%s must be a number, but this is %s", what, found);
	return false;
}

static const char *value_noun(const Value *v)
{
	return v->kind == VAL_DATE ? "a date" : v->kind == VAL_STRING ? "a string" : "a number";
}

static bool check_range(World *w, const Expr *e, double v)
{
	if (!isfinite(v) || fabs(v) > EVAL_MAX_MAGNITUDE) {
		diag_report(w->diags, DIAG_E604, e->loc, "this value is out of range (beyond 10^15)");
		return false;
	}
	return true;
}

static bool eval_let(World *w, Let *let, const Expr *use, Value *out)
{
	if (let->state == 2) {
		if (!let->value)
			return false;
		*out = *let->value;
		return true;
	}
	if (let->state == 1) {
		Diagnostic *d = diag_report(w->diags, DIAG_E603, use->loc,
					    "'%s' depends on itself (a cycle between lets)",
					    entity_name(&let->base));
		diag_note(d, let->base.decl->id.loc, "'%s' is defined here", entity_name(&let->base));
		return false;
	}
	let->state = 1;
	Value v;
	bool ok = eval_expr(w, let->base.decl->module, let->expr, &v);
	let->state = 2;
	if (ok) {
		let->value = NEW(Value);
		*let->value = v;
		*out = v;
	}
	return ok;
}

static bool group_size(World *w, Place *p, Group *g, double *out, int depth);

/* Evaluate a declared figure once, so its errors are reported once. */
static bool memo_number(World *w, Module *m, const Expr *e, const char *what, int *state,
			double *memo, double *out)
{
	if (*state == 0)
		*state = eval_number(w, m, e, what, memo, NULL) ? 1 : 2;
	*out = *memo;
	return *state == 1;
}

static bool sum_children(World *w, Place *p, Group *g, double *out, int depth)
{
	if (p->children.len == 0)
		return false;
	double total = 0;
	for (size_t i = 0; i < p->children.len; i++) {
		double part;
		if (!group_size(w, VEC_AT(p->children, Place, i), g, &part, depth + 1))
			return false;
		total += part;
	}
	*out = total;
	return true;
}

/* g NULL: the population.  Own figure first, else the sum of the areas'. */
static bool group_size(World *w, Place *p, Group *g, double *out, int depth)
{
	if (depth > 64)
		return false;
	if (g == NULL && p->population_expr)
		return memo_number(w, p->base.decl->module, p->population_expr, "a population",
				   &p->population_state, &p->population, out);
	for (size_t i = 0; g && i < p->group_sizes.len; i++) {
		GroupSize *gs = VEC_AT(p->group_sizes, GroupSize, i);
		if (gs->group == g)
			return memo_number(w, p->base.decl->module, gs->size, "a group size", &gs->state,
					   &gs->value, out);
	}
	return sum_children(w, p, g, out, depth);
}

bool eval_group_size(World *w, Place *p, Group *g, double *out)
{
	return group_size(w, p, g, out, 0);
}

bool eval_place_property(World *w, Module *m, Place *p, const char *prop, SrcLoc loc, double *out)
{
	Group *g = NULL;
	if (strcmp(prop, "population") != 0) {
		g = (Group *)names_find(w, m, NS_GROUP, prop);
		if (!g) {
			diag_report(w->diags, DIAG_E602, loc,
				    "'%s' is neither 'population' nor a target group", prop);
			return false;
		}
	}
	if (group_size(w, p, g, out, 0))
		return true;
	diag_report(w->diags, DIAG_E602, loc, "%s '%s' declares no %s%s", entity_noun(&p->base),
		    entity_name(&p->base), g ? "size for group " : "population", g ? prop : "");
	return false;
}

/* meer.population, meer.living_alone_75plus, plan.meer.population */
static bool eval_ref(World *w, Module *m, const Expr *e, Value *out)
{
	const Ref *ref = e->u.ref;
	if (ref->count == 1) {
		Let *let = (Let *)names_find(w, m, NS_LET, ref->parts[0].text);
		if (let)
			return eval_let(w, let, e, out);
		Entity *place = names_find(w, m, NS_PLACE, ref->parts[0].text);
		if (place) {
			diag_report(w->diags, DIAG_E605, e->loc,
				    "'%s' is %s, not a number; write %s.population or %s.GROUP",
				    ref->parts[0].text, with_article(entity_noun(place)), ref->parts[0].text,
				    ref->parts[0].text);
			return false;
		}
		names_resolve(w, m, ref, NS_BIT(NS_LET), "an expression");
		return false;
	}
	Module *scope = m;
	int first = 0;
	if (ref->count == 3) {
		Entity *plan = names_find(w, m, NS_PLAN, ref->parts[0].text);
		if (plan) {
			scope = plan->decl->module;
			first = 1;
		}
	}
	if (ref->count - first != 2) {
		diag_report(w->diags, DIAG_E602, e->loc,
			    "'%s' is not a value (write PLACE.population or PLACE.GROUP)", ast_ref_text(ref));
		return false;
	}
	Ref head = { &ref->parts[first], 1, ref->parts[first].loc };
	Place *p = (Place *)names_resolve(w, scope, &head, NS_BIT(NS_PLACE), "an expression");
	if (!p)
		return false;
	out->kind = VAL_NUMBER;
	out->percent = false;
	return eval_place_property(w, scope, p, ref->parts[first + 1].text, ref->parts[first + 1].loc,
				   &out->number);
}

static bool eval_binary(World *w, Module *m, const Expr *e, Value *out)
{
	Value a, b;
	bool left_ok = eval_expr(w, m, e->u.operands.a, &a);
	bool right_ok = eval_expr(w, m, e->u.operands.b, &b); /* both sides, so both errors show */
	if (!left_ok || !right_ok)
		return false;
	const char *what = mem_printf("each side of '%s'", op_text(e->op));
	if (a.kind != VAL_NUMBER)
		return type_error(w, e->u.operands.a, what, value_noun(&a));
	if (b.kind != VAL_NUMBER)
		return type_error(w, e->u.operands.b, what, value_noun(&b));
	double x = a.number, y = b.number, r = 0;
	bool percent = false;
	switch (e->op) {
	case OP_ADD: r = x + y; percent = a.percent && b.percent; break;
	case OP_SUB: r = x - y; percent = a.percent && b.percent; break;
	case OP_MUL: r = x * y; break;
	case OP_DIV:
		if (y == 0) {
			diag_report(w->diags, DIAG_E601, e->u.operands.b->loc, "division by zero");
			return false;
		}
		r = x / y;
		break;
	case OP_LT: r = x < y; break;
	case OP_LE: r = x <= y; break;
	case OP_GT: r = x > y; break;
	case OP_GE: r = x >= y; break;
	case OP_EQ: r = x == y; break;
	case OP_NE: r = x != y; break;
	case OP_NEG: break;
	}
	if (!check_range(w, e, r))
		return false;
	*out = (Value){ .kind = VAL_NUMBER, .number = r, .percent = percent };
	return true;
}

static const char *const function_names[] = { "sum", "min", "max", "round", "ceil", "floor" };

static bool eval_call(World *w, Module *m, const Expr *e, Value *out)
{
	const char *name = e->u.call->name.text;
	size_t argc = e->u.call->args.len;
	int fn = -1;
	for (int i = 0; i < 6; i++)
		if (strcmp(name, function_names[i]) == 0)
			fn = i;
	if (fn < 0) {
		const char *close = names_closest(name, function_names, 6);
		diag_report(w->diags, DIAG_E606, e->u.call->name.loc,
			    "unknown function '%s'%s%s%s (carenet has sum, min, max, round, ceil, floor)", name,
			    close ? "; did you mean '" : "", close ? close : "", close ? "'?" : "");
		return false;
	}
	bool variadic = fn <= 2;
	if ((variadic && argc == 0) || (fn == 3 && (argc < 1 || argc > 2)) || (fn > 3 && argc != 1)) {
		diag_report(w->diags, DIAG_E606, e->loc, "%s() takes %s", name,
			    variadic ? "one or more numbers" : fn == 3 ? "a number and optionally the digits to keep" : "one number");
		return false;
	}
	double *args = mem_alloc_atomic(mem_array_size(argc, sizeof(double)));
	bool percent = true, ok = true;
	for (size_t i = 0; i < argc; i++) {
		bool pct = false;
		ok &= eval_number(w, m, VEC_AT(e->u.call->args, Expr, i), mem_printf("an argument of %s()", name),
				  &args[i], &pct);
		percent &= pct;
	}
	if (!ok)
		return false;
	double r = args[0];
	for (size_t i = 1; variadic && i < argc; i++)
		r = fn == 0 ? r + args[i] : fn == 1 ? fmin(r, args[i]) : fmax(r, args[i]);
	if (fn == 3) {
		double scale = argc == 2 ? pow(10, round(args[1])) : 1;
		r = round(args[0] * scale) / scale;
		percent = false;
	} else if (fn == 4 || fn == 5) {
		r = fn == 4 ? ceil(args[0]) : floor(args[0]);
		percent = false;
	}
	if (!check_range(w, e, r))
		return false;
	*out = (Value){ .kind = VAL_NUMBER, .number = r, .percent = percent };
	return true;
}

bool eval_expr(World *w, Module *m, const Expr *e, Value *out)
{
	/* depth is known from construction: refuse deep trees before recursing */
	if (e->depth > AST_MAX_EXPR_DEPTH) {
		diag_report(w->diags, DIAG_E108, e->loc,
			    "this expression nests more than %d levels deep", AST_MAX_EXPR_DEPTH);
		return false;
	}
	switch (e->kind) {
	case EXPR_NUMBER:
		*out = (Value){ .kind = VAL_NUMBER, .number = e->u.number, .percent = e->percent };
		return true;
	case EXPR_DATE:
		*out = (Value){ .kind = VAL_DATE, .date = e->u.date };
		return true;
	case EXPR_STRING:
		*out = (Value){ .kind = VAL_STRING, .string = e->u.string };
		return true;
	case EXPR_REF:
		return eval_ref(w, m, e, out);
	case EXPR_UNARY: {
		Value a;
		if (!eval_expr(w, m, e->u.operands.a, &a))
			return false;
		if (a.kind != VAL_NUMBER)
			return type_error(w, e->u.operands.a, "the operand of '-'", value_noun(&a));
		*out = a;
		out->number = -a.number;
		return true;
	}
	case EXPR_BINARY:
		return eval_binary(w, m, e, out);
	case EXPR_CALL:
		return eval_call(w, m, e, out);
	case EXPR_ERROR:
		return false;
	}
	return false;
}

bool eval_number(World *w, Module *m, const Expr *e, const char *what, double *out, bool *percent)
{
	Value v;
	if (!eval_expr(w, m, e, &v))
		return false;
	if (v.kind != VAL_NUMBER)
		return type_error(w, e, what, value_noun(&v));
	*out = v.number;
	if (percent)
		*percent = v.percent;
	return true;
}

void eval_all(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->lets.len; k++) {
			Let *let = VEC_AT(m->lets, Let, k);
			Value v;
			eval_let(w, let, let->expr, &v);
		}
		for (size_t k = 0; k < m->places.len; k++) {
			Place *p = VEC_AT(m->places, Place, k);
			double v;
			if (p->population_expr)
				memo_number(w, m, p->population_expr, "a population", &p->population_state,
					    &p->population, &v);
			for (size_t g = 0; g < p->group_sizes.len; g++) {
				GroupSize *gs = VEC_AT(p->group_sizes, GroupSize, g);
				memo_number(w, m, gs->size, "a group size", &gs->state, &gs->value, &v);
			}
		}
	}
}
