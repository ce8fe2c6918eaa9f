/*
 * query.c — positions to names and names to declarations (see query.h).
 *
 * Every place a declaration names something is a site: a reference with
 * what it may name (namespaces, or an expression's rules).  One walk over a
 * module's sites serves both questions: which name is at an offset, and
 * which names mean a declaration.
 */
#include "query.h"

#include <string.h>

#include "mem.h"
#include "names.h"
#include "schema.h"

/* A reference and how it resolves: to one of `allowed`, or as in an
   expression (a let or a place, PLACE.GROUP, PLAN.PLACE.GROUP). */
typedef struct {
	const Ref *ref;
	unsigned allowed;
	bool in_expr;
} Site;

typedef struct Walk {
	World *w;
	Module *m;
	void (*visit)(struct Walk *walk, const Site *site);
	void *ctx;
} Walk;

Module *query_module(const World *w, const char *key)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		if (strcmp(m->key, key) == 0)
			return m;
	}
	return NULL;
}

Module *query_module_of(const World *w, const Source *src)
{
	if (src == NULL)
		return NULL;
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		if (m->src == src)
			return m;
	}
	return NULL;
}

/* ---- the sites of a module ------------------------------------------------------------ */

static void site(Walk *walk, const Ref *ref, unsigned allowed, bool in_expr)
{
	if (ref == NULL || ref->count == 0)
		return;
	Site s = { ref, allowed, in_expr };
	walk->visit(walk, &s);
}

/* Expressions are at most AST_MAX_EXPR_DEPTH deep (the parser refuses
   deeper ones), so this recursion is bounded. */
static void walk_expr(Walk *walk, const Expr *e, int depth)
{
	if (e == NULL || depth > AST_MAX_EXPR_DEPTH)
		return;
	switch ((ExprKind)e->kind) {
	case EXPR_REF:
		site(walk, e->u.ref, 0, true);
		break;
	case EXPR_UNARY:
	case EXPR_BINARY:
		walk_expr(walk, e->u.operands.a, depth + 1);
		walk_expr(walk, e->u.operands.b, depth + 1);
		break;
	case EXPR_CALL:
		for (size_t i = 0; i < e->u.call->args.len; i++)
			walk_expr(walk, e->u.call->args.items[i], depth + 1);
		break;
	default:
		break;
	}
}

static void walk_indicators(Walk *walk, const Vec *indicators)
{
	for (size_t i = 0; i < indicators->len; i++) {
		const Indicator *ind = indicators->items[i];
		site(walk, ind->metric_ref, NS_BIT(NS_METRIC), false);
		walk_expr(walk, ind->baseline_expr, 1);
		walk_expr(walk, ind->target_expr, 1);
		for (size_t k = 0; k < ind->measures.len; k++)
			walk_expr(walk, VEC_AT(ind->measures, Measure, k)->value_expr, 1);
	}
}

static void walk_decl(Walk *walk, const Decl *d)
{
	site(walk, d->parent, NS_BIT(NS_PLACE), false);
	for (int i = 0; i < d->use_count; i++) {
		const NameUse *use = &d->uses[i];
		Name one;
		Ref ref = ast_use_ref(d, use, &one);
		site(walk, &ref, schema_slot_spec(d->kind, use->slot)->ns, false);
		walk_expr(walk, use->size, 1);
	}
	switch (d->kind) {
	case DECL_SIGNAL:
		site(walk, d->stmt->need, NS_BIT(NS_NEED), false);
		for (size_t i = 0; i < d->stmt->areas.len; i++)
			site(walk, d->stmt->areas.items[i], NS_BIT(NS_PLACE), false);
		site(walk, d->stmt->target, NS_BIT(NS_BODY) | NS_BIT(NS_KIND), false);
		break;
	case DECL_ANSWER:
		site(walk, d->stmt->answered, NS_BIT(NS_NEED), false);
		site(walk, d->stmt->action, NS_BIT(NS_ACTION), false);
		break;
	case DECL_ACCEPT: /* accept NEED in AREA ... | accept CODE on NAME ... */
		site(walk, d->stmt->need, NS_BIT(NS_NEED), false);
		for (size_t i = 0; i < d->stmt->areas.len; i++)
			site(walk, d->stmt->areas.items[i], NS_BIT(NS_PLACE), false);
		site(walk, d->stmt->on, (1u << NS_COUNT) - 1, false);
		break;
	case DECL_LET:
		walk_expr(walk, d->stmt->value, 1);
		break;
	case DECL_MUNICIPALITY:
	case DECL_AREA:
		if (d->entity)
			walk_expr(walk, ((Place *)d->entity)->population_expr, 1);
		break;
	case DECL_ACTION:
		if (d->entity)
			walk_indicators(walk, &((const Action *)d->entity)->indicators);
		break;
	case DECL_NEED:
		if (d->entity)
			walk_indicators(walk, &((const Need *)d->entity)->indicators);
		break;
	default:
		break;
	}
}

static void walk_module(Walk *walk)
{
	for (size_t i = 0; i < walk->m->decls.len; i++)
		walk_decl(walk, VEC_AT(walk->m->decls, Decl, i));
}

/* ---- resolving one part of a site -------------------------------------------------------- */

static Entity *find_in(World *w, Module *m, unsigned allowed, const char *name)
{
	for (int ns = 0; ns < NS_COUNT; ns++) {
		if (!(allowed & NS_BIT(ns)))
			continue;
		Entity *e = names_find(w, m, (Namespace)ns, name);
		if (e)
			return e;
	}
	return NULL;
}

/* plan.name: the name among the plan file's own declarations. */
static Entity *find_own(Module *m, unsigned allowed, const char *name)
{
	for (int ns = 0; ns < NS_COUNT; ns++)
		if (allowed & NS_BIT(ns)) {
			Entity *e = table_get(&m->names[ns], name);
			if (e)
				return e;
		}
	return NULL;
}

/* In an expression: a let or a place; PLACE.population or PLACE.GROUP;
   PLAN.PLACE.GROUP (as eval.c reads them). */
static Entity *resolve_expr_part(World *w, Module *m, const Ref *ref, int part)
{
	const char *text = ref->parts[part].text;
	if (ref->count == 1)
		return find_in(w, m, NS_BIT(NS_LET) | NS_BIT(NS_PLACE), text);
	Module *scope = m;
	int first = 0;
	if (ref->count == 3) {
		Entity *plan = names_find(w, m, NS_PLAN, ref->parts[0].text);
		if (!plan)
			return NULL;
		if (part == 0)
			return plan;
		scope = plan->module;
		first = 1;
	}
	if (ref->count - first != 2)
		return NULL;
	if (part == first)
		return names_find(w, scope, NS_PLACE, text);
	return strcmp(text, "population") == 0 ? NULL : names_find(w, scope, NS_GROUP, text);
}

static Entity *resolve_part(World *w, Module *m, const Site *s, int part)
{
	if (s->in_expr)
		return resolve_expr_part(w, m, s->ref, part);
	if (s->ref->count == 1)
		return find_in(w, m, s->allowed, s->ref->parts[0].text);
	if (s->ref->count != 2)
		return NULL;
	Entity *plan = names_find(w, m, NS_PLAN, s->ref->parts[0].text);
	if (!plan || part == 0)
		return plan;
	return find_own(plan->module, s->allowed, s->ref->parts[1].text);
}

/* ---- a position ---------------------------------------------------------------------- */

static bool contains(SrcLoc loc, uint32_t offset)
{
	return loc.src && loc.start <= offset && offset <= loc.end;
}

typedef struct {
	uint32_t offset;
	QueryHit *hit;
	bool found;
} AtCtx;

static void visit_at(Walk *walk, const Site *s)
{
	AtCtx *at = walk->ctx;
	if (at->found || !contains(s->ref->loc, at->offset))
		return;
	for (int part = 0; part < s->ref->count; part++) {
		if (!contains(s->ref->parts[part].loc, at->offset))
			continue;
		at->hit->loc = s->ref->parts[part].loc;
		at->hit->entity = resolve_part(walk->w, walk->m, s, part);
		at->found = true;
		return;
	}
}

static bool at_declaration(Module *m, uint32_t offset, QueryHit *out)
{
	for (size_t i = 0; i < m->decls.len; i++) {
		Decl *d = VEC_AT(m->decls, Decl, i);
		if (!contains(d->loc, offset))
			continue;
		if (d->entity && d->id.text[0] && contains(d->id.loc, offset)) {
			out->loc = d->id.loc;
			out->entity = d->entity;
			out->is_decl = true;
			return true;
		}
		if (d->kind == DECL_IMPORT && contains(d->stmt->import_path_loc, offset)) {
			out->loc = d->stmt->import_path_loc;
			for (size_t k = 0; k < m->imports.len; k++)
				if (strcmp(VEC_AT(m->imports, Module, k)->name, d->stmt->import_path) == 0)
					out->import = m->imports.items[k];
			return true;
		}
		if (d->kind == DECL_ACTION && d->entity) {
			Action *a = d->entity;
			for (size_t k = 0; k < a->indicators.len; k++) {
				Indicator *ind = a->indicators.items[k];
				if (contains(ind->id.loc, offset)) {
					out->loc = ind->id.loc;
					out->indicator = ind;
					out->is_decl = true;
					return true;
				}
			}
		}
	}
	return false;
}

bool query_at(World *w, Module *m, uint32_t offset, QueryHit *out)
{
	memset(out, 0, sizeof *out);
	out->module = m;
	if (at_declaration(m, offset, out))
		return true;
	AtCtx at = { offset, out, false };
	Walk walk = { w, m, visit_at, &at };
	walk_module(&walk);
	return at.found;
}

bool query_definition(const QueryHit *hit, SrcLoc *out)
{
	if (hit->indicator) {
		*out = hit->indicator->id.loc;
		return true;
	}
	if (hit->import) {
		*out = (SrcLoc){ hit->import->src, 0, 0 };
		return true;
	}
	if (hit->entity && hit->entity->decl) {
		*out = hit->entity->decl->id.loc;
		return true;
	}
	return false;
}

/* ---- references ----------------------------------------------------------------------- */

typedef struct {
	const Entity *target;
	Vec *out;
} RefsCtx;

static void visit_refs(Walk *walk, const Site *s)
{
	RefsCtx *refs = walk->ctx;
	for (int part = 0; part < s->ref->count; part++) {
		/* cheap test first: only a name spelt like the target's can mean it */
		if (strcmp(s->ref->parts[part].text, refs->target->decl->id.text) != 0)
			continue;
		if (resolve_part(walk->w, walk->m, s, part) == refs->target) {
			SrcLoc *loc = NEW(SrcLoc);
			*loc = s->ref->parts[part].loc;
			vec_push(refs->out, loc);
		}
	}
}

void query_references(World *w, const Entity *target, bool with_decl, Vec *out)
{
	if (target == NULL || target->decl == NULL)
		return;
	if (with_decl) {
		SrcLoc *loc = NEW(SrcLoc);
		*loc = target->decl->id.loc;
		vec_push(out, loc);
	}
	RefsCtx refs = { target, out };
	for (size_t i = 0; i < w->modules.len; i++) {
		Walk walk = { w, VEC_AT(w->modules, Module, i), visit_refs, &refs };
		walk_module(&walk);
	}
}
