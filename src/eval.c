/*
 * eval.c — computing the values of a plan (see eval.h).
 *
 * Values are computed on first use and kept (ValueState), so the order of
 * declarations does not matter and each error is reported once.  While a
 * value is being computed it is on the trace: meeting it again is a cycle,
 * reported with the path that led back to it.
 */
#include "eval.h"

#include <math.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"

/* Results beyond this are not meaningful in a plan (and would print badly). */
#define EVAL_MAX_MAGNITUDE 1e15

/*
 * The values being computed, innermost last: a let (group NULL, is_let), a
 * population (group NULL) or a group size.  Named only when a cycle is
 * reported, so computing a value allocates nothing.
 */
typedef struct {
	Vec entities;        /* of Entity: the let or the place */
	Vec groups;          /* of Group, NULL for a population or a let */
	int depth;           /* values entered and expressions being evaluated */
	bool too_deep;       /* reported once per run */
} Trace;

typedef struct {
	World *w;
	Trace *trace;
} Eval;

static bool eval_expr(Eval *ev, Module *m, const Expr *e, Value *out);

static bool type_error(Eval *ev, const Expr *e, const char *what, const char *found)
{
	diag_report(ev->w->diags, DIAG_E605, e->loc, "%s must be a number, but this is %s", what, found);
	return false;
}

static const char *value_noun(const Value *v)
{
	return v->kind == VAL_DATE ? _("a date") : v->kind == VAL_STRING ? _("a string") : _("a number");
}

static bool check_range(Eval *ev, const Expr *e, double v)
{
	if (!isfinite(v) || fabs(v) > EVAL_MAX_MAGNITUDE) {
		diag_report(ev->w->diags, DIAG_E604, e->loc, "this value is out of range (beyond 10^15)");
		return false;
	}
	return true;
}

static bool eval_number(Eval *ev, Module *m, const Expr *e, const char *what, double *out, bool *percent)
{
	Value v;
	if (!eval_expr(ev, m, e, &v))
		return false;
	if (v.kind != VAL_NUMBER)
		return type_error(ev, e, what, value_noun(&v));
	*out = v.number;
	if (percent)
		*percent = v.percent;
	return true;
}

/* ---- the trace ------------------------------------------------------------------ */

/* One step deeper: false (reported once) past EVAL_MAX_DEPTH. */
static bool descend(Eval *ev, SrcLoc loc)
{
	Trace *t = ev->trace;
	if (t->depth >= EVAL_MAX_DEPTH) {
		if (!t->too_deep)
			diag_report(ev->w->diags, DIAG_E108, loc,
				    "values here depend on each other more than %d steps deep", EVAL_MAX_DEPTH);
		t->too_deep = true;
		return false;
	}
	t->depth++;
	return true;
}

/* Start computing a value: it goes on the trace. */
static bool enter(Eval *ev, Entity *e, Group *g, SrcLoc loc)
{
	if (!descend(ev, loc))
		return false;
	vec_push(&ev->trace->entities, e);
	vec_push(&ev->trace->groups, g);
	return true;
}

static void leave(Eval *ev)
{
	ev->trace->depth--;
	ev->trace->entities.len--;
	ev->trace->groups.len--;
}

/* "centrum.population", "meer.seniors_75plus", "reach_share" */
static const char *value_label(const Entity *e, const Group *g)
{
	if (e->ns == NS_LET)
		return entity_name(e);
	return mem_printf("%s.%s", entity_name(e), g ? entity_name(&g->base) : "population");
}

/* "a.population -> b.population -> a.population": the way back to (e, g). */
static const char *cycle_path(const Trace *t, const Entity *e, const Group *g)
{
	size_t from = t->entities.len;
	while (from > 0 && !(t->entities.items[from - 1] == e && t->groups.items[from - 1] == g))
		from--;
	StrBuf path = { 0 };
	buf_init(&path);
	for (size_t i = from ? from - 1 : 0; i < t->entities.len; i++)
		buf_printf(&path, "%s -> ", value_label(t->entities.items[i], t->groups.items[i]));
	buf_puts(&path, value_label(e, g));
	return path.data;
}

/* ---- lets ------------------------------------------------------------------------- */

static bool eval_let(Eval *ev, Let *let, const Expr *use, Value *out)
{
	if (let->state == VALUE_OK) {
		*out = *let->value;
		return true;
	}
	if (let->state == VALUE_FAILED)
		return false;
	if (let->state == VALUE_BUSY) {
		Diagnostic *d = diag_report(ev->w->diags, DIAG_E603, use->loc,
					    "'%s' depends on itself (a cycle between lets)", entity_name(&let->base));
		diag_note(d, let->base.decl->id.loc, "'%s' is defined here", entity_name(&let->base));
		return false;
	}
	if (!enter(ev, &let->base, NULL, use->loc))
		return false;
	let->state = VALUE_BUSY;
	Value v;
	bool ok = eval_expr(ev, let->base.module, let->expr, &v);
	leave(ev);
	let->state = ok ? VALUE_OK : VALUE_FAILED;
	if (ok) {
		let->value = NEW(Value);
		*let->value = v;
		*out = v;
	}
	return ok;
}

/* ---- places ---------------------------------------------------------------------- */

/* Where a place keeps one of its figures: declared (with its expression) or summed. */
typedef struct {
	ValueState *state;
	double *value;
	const Expr *expr;            /* NULL: the sum of its areas' */
	const char *what;            /* "a population", "a group size" */
} Figure;

/* A place's figure for group g, declared or summed; NULL when it has none
   yet.  Indexed, so a place with many groups costs one lookup per group. */
static GroupSize *group_figure(const Place *p, const Group *g)
{
	Place *mut = (Place *)p; /* the index is built on first use, a cache */
	if (mut->group_index.keys.count == 0)
		for (size_t i = p->group_sizes.len; i-- > 0;) /* the first given wins */
			pairset_map_put(&mut->group_index, VEC_AT(p->group_sizes, GroupSize, i)->group, NULL,
					p->group_sizes.items[i]);
	return pairset_map_get(&p->group_index, g, NULL);
}

/* A new figure of group g for place p: the sum of its areas'. */
static GroupSize *group_total(Place *p, Group *g)
{
	GroupSize *total = NEW(GroupSize);
	total->group = g;
	group_figure(p, g); /* index the declared ones first */
	pairset_map_put(&p->group_index, g, NULL, total);
	return total;
}

static Figure figure_of(Place *p, Group *g)
{
	if (!g)
		return (Figure){ &p->population_state, &p->population, p->population_expr, _("a population") };
	GroupSize *gs = group_figure(p, g);
	if (!gs)
		gs = group_total(p, g);
	return (Figure){ &gs->state, &gs->value, gs->size, _("a group size") };
}

static bool place_value(Eval *ev, Place *p, Group *g, SrcLoc use, bool from_expression, double *out);

static bool sum_areas(Eval *ev, Place *p, Group *g, SrcLoc use, double *out)
{
	if (p->children.len == 0)
		return false;
	double total = 0;
	for (size_t i = 0; i < p->children.len; i++) {
		double part;
		if (!place_value(ev, VEC_AT(p->children, Place, i), g, use, false, &part))
			return false;
		total += part;
	}
	if (!isfinite(total) || fabs(total) > EVAL_MAX_MAGNITUDE) {
		diag_report(ev->w->diags, DIAG_E604, p->base.decl->id.loc,
			    "the %s of '%s', the sum of its areas', is out of range (beyond 10^15)",
			    g ? mem_printf("size of group %s", entity_name(&g->base)) : "population",
			    entity_name(&p->base));
		return false;
	}
	*out = total;
	return true;
}

/*
 * The population (g NULL) or the size of group g of place p: its own
 * figure, else the sum of its areas'.  Meeting a figure that is being
 * computed is a cycle: an error when an expression led there (E603); a sum
 * that meets itself is a containment cycle, which places.c reports (E706).
 */
static bool place_value(Eval *ev, Place *p, Group *g, SrcLoc use, bool from_expression, double *out)
{
	Figure f = figure_of(p, g);
	if (*f.state == VALUE_BUSY) {
		if (from_expression) {
			const char *label = value_label(&p->base, g);
			Diagnostic *d = diag_report(ev->w->diags, DIAG_E603, use, "'%s' depends on itself: %s", label,
						    cycle_path(ev->trace, &p->base, g));
			diag_note(d, p->base.decl->id.loc, "'%s' is declared here", entity_name(&p->base));
		}
		return false;
	}
	if (*f.state == VALUE_PENDING) {
		if (!enter(ev, &p->base, g, use))
			return false;
		*f.state = VALUE_BUSY;
		bool ok = f.expr ? eval_number(ev, p->base.module, f.expr, f.what, f.value, NULL)
				 : sum_areas(ev, p, g, use, f.value);
		leave(ev);
		*f.state = ok ? VALUE_OK : VALUE_FAILED;
	}
	*out = *f.value;
	return *f.state == VALUE_OK;
}

/* meer.population or meer.GROUP in an expression. */
static bool place_property(Eval *ev, Module *m, Place *p, const Name *prop, double *out)
{
	Group *g = NULL;
	if (strcmp(prop->text, "population") != 0) {
		g = (Group *)names_find(ev->w, m, NS_GROUP, prop->text);
		if (!g) {
			diag_report(ev->w->diags, DIAG_E602, prop->loc,
				    "'%s' is neither 'population' nor a target group", prop->text);
			return false;
		}
	}
	size_t errors = ev->w->diags->errors;
	if (place_value(ev, p, g, prop->loc, true, out))
		return true;
	/* unknown rather than broken (an error reported now or when it was declared) */
	if (ev->w->diags->errors == errors && !figure_of(p, g).expr)
		diag_report(ev->w->diags, DIAG_E602, prop->loc, "%s '%s' declares no %s%s", entity_word(&p->base),
			    entity_name(&p->base), g ? _("size for group ") : _("population"), g ? prop->text : "");
	return false;
}

/* ---- expressions ---------------------------------------------------------------------- */

/* meer.population, meer.living_alone_75plus, plan.meer.population, a let */
static bool eval_ref(Eval *ev, Module *m, const Expr *e, Value *out)
{
	World *w = ev->w;
	const Ref *ref = e->u.ref;
	if (ref->count == 1) {
		Let *let = (Let *)names_find(w, m, NS_LET, ref->parts[0].text);
		if (let)
			return eval_let(ev, let, e, out);
		Entity *place = names_find(w, m, NS_PLACE, ref->parts[0].text);
		if (place) {
			diag_report(w->diags, DIAG_E605, e->loc,
				    "'%s' is %s, not a number; write %s.population or %s.GROUP",
				    ref->parts[0].text, decl_kind_noun(place->decl->kind), ref->parts[0].text,
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
			scope = plan->module;
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
	return place_property(ev, scope, p, &ref->parts[first + 1], &out->number);
}

static bool eval_binary(Eval *ev, Module *m, const Expr *e, Value *out)
{
	Value a, b;
	bool left_ok = eval_expr(ev, m, e->u.operands.a, &a);
	bool right_ok = eval_expr(ev, m, e->u.operands.b, &b); /* both sides, so both errors show */
	if (!left_ok || !right_ok)
		return false;
	const char *what = mem_printf(_("each side of '%s'"), ast_op_text(e->op));
	if (a.kind != VAL_NUMBER)
		return type_error(ev, e->u.operands.a, what, value_noun(&a));
	if (b.kind != VAL_NUMBER)
		return type_error(ev, e->u.operands.b, what, value_noun(&b));
	double x = a.number, y = b.number, r = 0;
	bool percent = false;
	switch (e->op) {
	case OP_ADD: r = x + y; percent = a.percent && b.percent; break;
	case OP_SUB: r = x - y; percent = a.percent && b.percent; break;
	case OP_MUL: r = x * y; break;
	case OP_DIV:
		if (y == 0) {
			diag_report(ev->w->diags, DIAG_E601, e->u.operands.b->loc, "division by zero");
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
	if (!check_range(ev, e, r))
		return false;
	*out = (Value){ .kind = VAL_NUMBER, .number = r, .percent = percent };
	return true;
}

static const char *const function_names[] = { "sum", "min", "max", "round", "ceil", "floor" };

static bool eval_call(Eval *ev, Module *m, const Expr *e, Value *out)
{
	const char *name = e->u.call->name.text;
	size_t argc = e->u.call->args.len;
	int fn = -1;
	for (int i = 0; i < 6; i++)
		if (strcmp(name, function_names[i]) == 0)
			fn = i;
	if (fn < 0) {
		const char *close = names_closest(name, function_names, 6);
		Diagnostic *d = diag_report(ev->w->diags, DIAG_E606, e->u.call->name.loc,
					    "unknown function '%s'%s%s%s (carenet has sum, min, max, round, ceil, floor)",
					    name, close ? _("; did you mean '") : "", close ? close : "", close ? "'?" : "");
		if (close)
			diag_fix(d, e->u.call->name.loc, close, NULL);
		return false;
	}
	bool variadic = fn <= 2;
	if ((variadic && argc == 0) || (fn == 3 && (argc < 1 || argc > 2)) || (fn > 3 && argc != 1)) {
		diag_report(ev->w->diags, DIAG_E606, e->loc, "%s() takes %s", name,
			    variadic ? _("one or more numbers")
			    : fn == 3 ? _("a number and optionally the digits to keep") : _("one number"));
		return false;
	}
	double *args = mem_alloc_atomic(mem_array_size(argc, sizeof(double)));
	bool percent = true, ok = true;
	for (size_t i = 0; i < argc; i++) {
		bool pct = false;
		ok &= eval_number(ev, m, VEC_AT(e->u.call->args, Expr, i), mem_printf(_("an argument of %s()"), name),
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
	if (!check_range(ev, e, r))
		return false;
	*out = (Value){ .kind = VAL_NUMBER, .number = r, .percent = percent };
	return true;
}

static bool eval_node(Eval *ev, Module *m, const Expr *e, Value *out)
{
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
		return eval_ref(ev, m, e, out);
	case EXPR_UNARY: {
		Value a;
		if (!eval_expr(ev, m, e->u.operands.a, &a))
			return false;
		if (a.kind != VAL_NUMBER)
			return type_error(ev, e->u.operands.a, _("the operand of '-'"), value_noun(&a));
		*out = a;
		out->number = -a.number;
		return true;
	}
	case EXPR_BINARY:
		return eval_binary(ev, m, e, out);
	case EXPR_CALL:
		return eval_call(ev, m, e, out);
	case EXPR_ERROR:
		return false;
	}
	return false;
}

static bool eval_expr(Eval *ev, Module *m, const Expr *e, Value *out)
{
	/* depth is known from construction: refuse deep trees before recursing */
	if (e->depth > AST_MAX_EXPR_DEPTH) {
		diag_report(ev->w->diags, DIAG_E108, e->loc,
			    "this expression nests more than %d levels deep", AST_MAX_EXPR_DEPTH);
		return false;
	}
	if (!descend(ev, e->loc))
		return false;
	bool ok = eval_node(ev, m, e, out);
	ev->trace->depth--;
	return ok;
}

/* ---- every value of the plans ---------------------------------------------------------- */

static void eval_indicator(Eval *ev, Module *m, Indicator *ind)
{
	bool ok = true;
	ind->baseline = 0;
	if (ind->baseline_expr)
		ok &= eval_number(ev, m, ind->baseline_expr, _("a baseline"), &ind->baseline, NULL);
	if (ind->target_expr)
		ok &= eval_number(ev, m, ind->target_expr, _("a target"), &ind->target, &ind->target_percent);
	else
		ok = false;
	ind->ok = ok;
	for (size_t i = 0; i < ind->measures.len; i++) {
		Measure *ms = ind->measures.items[i];
		ms->ok = eval_number(ev, m, ms->value_expr, _("a measurement"), &ms->value, NULL);
	}
}

static void eval_module(Eval *ev, Module *m)
{
	for (size_t k = 0; k < m->lets.len; k++) {
		Let *let = VEC_AT(m->lets, Let, k);
		Value v;
		eval_let(ev, let, let->expr, &v);
	}
	for (size_t k = 0; k < m->places.len; k++) {
		Place *p = VEC_AT(m->places, Place, k);
		double v;
		SrcLoc at = p->base.decl->id.loc;
		place_value(ev, p, NULL, at, false, &v);
		for (size_t g = 0; g < p->group_sizes.len; g++)
			place_value(ev, p, VEC_AT(p->group_sizes, GroupSize, g)->group, at, false, &v);
	}
}

void eval_all(World *w)
{
	Trace trace = { 0 };
	Eval ev = { w, &trace };
	for (size_t i = 0; i < w->modules.len; i++)
		eval_module(&ev, VEC_AT(w->modules, Module, i));
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->needs.len; k++) {
			Need *n = VEC_AT(m->needs, Need, k);
			for (size_t j = 0; j < n->indicators.len; j++)
				eval_indicator(&ev, m, VEC_AT(n->indicators, Indicator, j));
		}
		for (size_t k = 0; k < m->actions.len; k++) {
			Action *a = VEC_AT(m->actions, Action, k);
			for (size_t j = 0; j < a->indicators.len; j++)
				eval_indicator(&ev, m, VEC_AT(a->indicators, Indicator, j));
		}
	}
}

/* ---- reading ------------------------------------------------------------------------ */

/*
 * A group's size in a place: its own figure, else the sum of its areas'.
 * Sums found here are kept as the place's figures (a cache, like eval's
 * own sums), so each place's is computed once however many actions ask:
 * the subtree is walked with a stack, a place once all its areas are known.
 */
bool eval_group_total(const Place *p, const Group *g, double *out)
{
	if (!g) {
		*out = p->population;
		return p->population_state == VALUE_OK;
	}
	Vec stack = { 0 };
	vec_push(&stack, (void *)p);
	while (stack.len) {
		Place *at = stack.items[stack.len - 1];
		GroupSize *own = group_figure(at, g);
		if (own && (own->state == VALUE_OK || own->state == VALUE_FAILED)) {
			stack.len--;
			continue;
		}
		bool ready = true, known = at->children.len > 0;
		double total = 0;
		for (size_t i = 0; i < at->children.len; i++) {
			Place *child = at->children.items[i];
			GroupSize *theirs = group_figure(child, g);
			if (!theirs || theirs->state == VALUE_PENDING) {
				vec_push(&stack, child);
				ready = false;
			} else if (theirs->state == VALUE_OK) {
				total += theirs->value;
			} else {
				known = false;
			}
		}
		if (!ready)
			continue;
		if (!own)
			own = group_total(at, (Group *)g);
		own->value = total;
		own->state = known && isfinite(total) && fabs(total) <= EVAL_MAX_MAGNITUDE ? VALUE_OK : VALUE_FAILED;
		stack.len--;
	}
	const GroupSize *result = group_figure(p, g);
	*out = result->value;
	return result->state == VALUE_OK;
}
