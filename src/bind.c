/*
 * bind.c — resolving the names each declaration uses (see bind.h).
 */
#include "bind.h"

#include "accept.h"
#include "mem.h"
#include "metric.h"
#include "names.h"
#include "schema.h"

typedef struct {
	World *w;
	Module *m;
	Decl *decl;
} Ctx;

/* The recorded names of one property, in source order. */
typedef struct {
	const NameUse *next, *end;
	int slot;
	const PropSpec *spec;
} Uses;

static Uses uses_of(const Ctx *c, PropId id)
{
	const NameUse *first = c->decl->uses;
	return (Uses){ first, first ? first + c->decl->use_count : NULL, schema_slot(c->decl->kind, id),
		       schema_spec(id) };
}

static const NameUse *next_use(Uses *u)
{
	while (u->next < u->end) {
		const NameUse *use = u->next++;
		if (use->slot == u->slot)
			return use;
	}
	return NULL;
}

/* The first recorded name of a property (for a message's position). */
static const NameUse *next_use_of(const Ctx *c, PropId id)
{
	Uses u = uses_of(c, id);
	return next_use(&u);
}

static Entity *resolve_use(Ctx *c, const Uses *u, const NameUse *use)
{
	Name one;
	Ref ref = ast_use_ref(c->decl, use, &one);
	return names_resolve(c->w, c->m, &ref, u->spec->ns, u->spec->what);
}

/* The entity a single-name property names; NULL when absent or unknown. */
static Entity *resolve_prop(Ctx *c, PropId id)
{
	Uses u = uses_of(c, id);
	const NameUse *use = next_use(&u);
	return use ? resolve_use(c, &u, use) : NULL;
}

/* Whether `e` is among the items of `out` from `first` on.  A region plan
   resolves 217,000 lists, nearly all of one to three names: the first eight
   are compared in order, a set is made only past them (the hostile shapes
   name thousands). */
static bool listed_before(const Vec *out, size_t first, PairSet *listed, const Entity *e)
{
	size_t n = out->len - first;
	if (n <= 8) {
		for (size_t i = first; i < out->len; i++)
			if (out->items[i] == e)
				return true;
		if (n < 8)
			return false;
		for (size_t i = first; i < out->len; i++)
			pairset_add(listed, out->items[i], NULL);
	}
	return !pairset_add(listed, e, NULL);
}

/* Resolve every name of a list property into `out`, each entity once (a
   place named twice in an `in` counts once); `locs`, if given, gets where
   each was first written. */
static void resolve_list(Ctx *c, PropId id, Vec *out, Vec *locs)
{
	Uses u = uses_of(c, id);
	PairSet listed = { 0 };
	size_t first = out->len;
	for (const NameUse *use; (use = next_use(&u));) {
		Entity *e = resolve_use(c, &u, use);
		if (e && !listed_before(out, first, &listed, e)) {
			vec_push(out, e);
			if (locs)
				vec_push(locs, (void *)use);
		}
	}
}

static void bind_plan(Ctx *c, Plan *plan)
{
	if (c->m->plan) {
		Diagnostic *d = diag_report(c->w->diags, DIAG_E506, c->decl->id.loc,
					    "a file holds at most one plan; '%s' is the second",
					    c->decl->id.text);
		diag_note(d, c->m->plan->base.decl->id.loc, "the first plan is here");
		return;
	}
	c->m->plan = plan;
	plan->municipality = (Place *)resolve_prop(c, PROP_PLAN_MUNICIPALITY);
	plan->body = (Body *)resolve_prop(c, PROP_PLAN_BODY);
	if (plan->municipality && !plan->municipality->is_municipality) {
		Uses u = uses_of(c, PROP_PLAN_MUNICIPALITY);
		diag_report(c->w->diags, DIAG_E404, ast_use_loc(c->decl, next_use(&u)),
			    "'%s' is an area; a plan names its municipality",
			    entity_name(&plan->municipality->base));
	}
	if (plan->body && !plan->body->plan)
		plan->body->plan = plan;
}

static void bind_place(Ctx *c, Place *place)
{
	Uses u = uses_of(c, PROP_PLACE_GROUP);
	for (const NameUse *use; (use = next_use(&u));) {
		Group *g = (Group *)resolve_use(c, &u, use);
		if (!g)
			continue;
		GroupSize *gs = NEW(GroupSize);
		gs->group = g;
		gs->size = (Expr *)use->size;
		gs->loc = source_span(ast_use_loc(c->decl, use), use->size->loc);
		vec_push(&place->group_sizes, gs);
	}
	if (!place->is_municipality && c->decl->parent) {
		place->parent = (Place *)names_resolve(c->w, c->m, c->decl->parent, NS_BIT(NS_PLACE),
						       "the place an area lies in");
		if (place->parent)
			vec_push(&place->parent->children, place);
	}
	/* an area's merged_into is refused when it is recorded (E501) */
	Place *merged = place->is_municipality ? (Place *)resolve_prop(c, PROP_PLACE_MERGED_INTO) : NULL;
	if (merged && !merged->is_municipality)
		diag_report(c->w->diags, DIAG_E404, ast_use_loc(c->decl, next_use_of(c, PROP_PLACE_MERGED_INTO)),
			    "'%s' is an area; a municipality merges into a municipality", entity_name(&merged->base));
	else if (merged == place)
		diag_report(c->w->diags, DIAG_E706, ast_use_loc(c->decl, next_use_of(c, PROP_PLACE_MERGED_INTO)),
			    "municipality '%s' cannot merge into itself", entity_name(&place->base));
	else
		place->merged_into = merged;
	vec_push(&c->m->places, place);
}

/* A membership's provenance: what it says itself, the rest from its body. */
static const Provenance *inherit_provenance(const Provenance *own, const Provenance *body)
{
	if (!own || !body)
		return own ? own : body;
	Provenance *p = NEW(Provenance);
	*p = *own;
	if (!p->source)
		p->source = body->source;
	if (!p->has_as_of) {
		p->has_as_of = body->has_as_of;
		p->as_of = body->as_of;
	}
	return p;
}

/* Each recorded membership gets its member, in the order record.c kept them;
   a body that is a member of another learns where. */
static void bind_members(Ctx *c, Body *body)
{
	Uses u = uses_of(c, PROP_BODY_MEMBERS);
	size_t i = 0;
	for (const NameUse *use; (use = next_use(&u)); i++) {
		Membership *m = VEC_AT(body->memberships, Membership, i);
		m->provenance = inherit_provenance(m->provenance, body->base.provenance);
		m->member = resolve_use(c, &u, use);
		if (m->member && m->member->ns == NS_BODY)
			vec_push(&((Body *)m->member)->containers, m);
	}
}

static void bind_body(Ctx *c, Body *body)
{
	body->kind = (Kind *)resolve_prop(c, PROP_BODY_KIND);
	bind_members(c, body);
	body->escalates_to = resolve_prop(c, PROP_BODY_ESCALATES_TO);
	vec_push(&c->m->bodies, body);
}

static void bind_actor(Ctx *c, Actor *actor)
{
	actor->kind = (Kind *)resolve_prop(c, PROP_ACTOR_KIND);
	resolve_list(c, PROP_ACTOR_SERVES, &actor->serves, NULL);
	resolve_list(c, PROP_ACTOR_PROVIDES, &actor->provides, NULL);
	vec_push(&c->m->actors, actor);
}

static void bind_need(Ctx *c, Need *need)
{
	Vec places = { 0 }, uses = { 0 };
	resolve_list(c, PROP_NEED_IN, &places, &uses);
	for (size_t i = 0; i < places.len; i++) {
		pairset_add(&c->w->need_areas, need, places.items[i]);
		Coverage *cov = NEW(Coverage);
		cov->need = need;
		cov->area = places.items[i];
		vec_push(&cov->area->coverages, cov);
		cov->loc = ast_use_loc(c->decl, uses.items[i]);
		cov->area->has_need = true;
		vec_push(&need->areas, cov);
	}
	need->group = (Group *)resolve_prop(c, PROP_NEED_GROUP);
	need->block = (FrameworkBlock *)resolve_prop(c, PROP_NEED_BLOCK);
	resolve_list(c, PROP_NEED_REQUIRES, &need->requires, NULL);
	for (size_t i = 0; i < need->indicators.len; i++)
		metric_bind(c->w, c->m, need->indicators.items[i]);
	vec_push(&c->m->needs, need);
}

static void bind_action(Ctx *c, Action *action)
{
	resolve_list(c, PROP_ACTION_ADDRESSES, &action->addresses, NULL);
	for (size_t i = 0; i < action->addresses.len; i++)
		vec_push(&VEC_AT(action->addresses, Need, i)->actions, action);
	resolve_list(c, PROP_ACTION_IN, &action->places, NULL);
	action->lead = (Actor *)resolve_prop(c, PROP_ACTION_LEAD);
	if (action->lead)
		action->lead->leads = true;
	resolve_list(c, PROP_ACTION_PARTNERS, &action->partners, NULL);
	resolve_list(c, PROP_ACTION_BLOCK, &action->blocks, NULL);
	for (size_t i = 0; i < action->indicators.len; i++)
		metric_bind(c->w, c->m, action->indicators.items[i]);
	vec_push(&c->m->actions, action);
}

static void bind_signal(Ctx *c, Signal *sig)
{
	Decl *d = c->decl;
	const DeclStatement *st = d->stmt;
	sig->need = (Need *)names_resolve(c->w, c->m, st->need, NS_BIT(NS_NEED), "a signal");
	PairSet named = { 0 };
	for (size_t i = 0; i < st->areas.len; i++) {
		Place *p = (Place *)names_resolve(c->w, c->m, st->areas.items[i], NS_BIT(NS_PLACE), "the areas of a signal");
		if (!p || !sig->need || !pairset_add(&named, p, NULL))
			continue;
		if (!pairset_has(&c->w->need_areas, sig->need, p)) {
			Diagnostic *diag = diag_report(c->w->diags, DIAG_E702,
						       ((Ref *)st->areas.items[i])->loc,
						       "'%s' is not one of the areas of need '%s'",
						       entity_name(&p->base), entity_name(&sig->need->base));
			diag_note(diag, sig->need->base.decl->id.loc, "need '%s' is declared here",
				  entity_name(&sig->need->base));
			continue;
		}
		vec_push(&sig->areas, p);
	}
	if (sig->need && st->areas.len == 0)
		for (size_t k = 0; k < sig->need->areas.len; k++)
			vec_push(&sig->areas, VEC_AT(sig->need->areas, Coverage, k)->area);
	sig->target = names_resolve(c->w, c->m, st->target, NS_BIT(NS_BODY) | NS_BIT(NS_KIND),
				    "the target of a signal");
	sig->message = st->message;
	if (sig->need)
		vec_push(&sig->need->signals, sig);
	vec_push(&c->m->signals, sig);
}

/* answer plan.need [with action] { ... }: the signals of that need. */
static void bind_answer(Ctx *c, Answer *answer)
{
	Decl *d = c->decl;
	Need *need = (Need *)names_resolve(c->w, c->m, d->stmt->answered, NS_BIT(NS_NEED), "an answer");
	Action *action = d->stmt->action ? (Action *)names_resolve(c->w, c->m, d->stmt->action, NS_BIT(NS_ACTION), "an answer")
				   : NULL;
	if (!need || (d->stmt->action && !action))
		return;
	answer->need = need;
	answer->action = action;
	if (need->signals.len == 0) {
		Diagnostic *diag = diag_report(c->w->diags, DIAG_E705, d->stmt->answered->loc,
					       "need '%s' has no signal to answer", entity_name(&need->base));
		diag_note(diag, need->base.decl->id.loc, "need '%s' is declared here", entity_name(&need->base));
		return;
	}
	/* escalate.c checks that it reaches the answering plan's body, and where */
	for (size_t i = 0; i < need->signals.len; i++) {
		Signal *sig = VEC_AT(need->signals, Signal, i);
		sig->record = answer;
		if (action) {
			sig->answered_by = action;
			sig->answer = d;
		}
	}
}

static void bind_decl(World *w, Module *m, Decl *d)
{
	Ctx c = { w, m, d };
	switch (d->kind) {
	case DECL_PLAN: bind_plan(&c, d->entity); break;
	case DECL_MUNICIPALITY: case DECL_AREA: bind_place(&c, d->entity); break;
	case DECL_BODY: bind_body(&c, d->entity); break;
	case DECL_KIND:
		((Kind *)d->entity)->escalates_to = resolve_prop(&c, PROP_KIND_ESCALATES_TO);
		break;
	case DECL_CAPABILITY:
		((Capability *)d->entity)->handled_by = (Kind *)resolve_prop(&c, PROP_CAPABILITY_HANDLED_BY);
		break;
	case DECL_BLOCK:
		((FrameworkBlock *)d->entity)->part_of = (FrameworkBlock *)resolve_prop(&c, PROP_BLOCK_PART_OF);
		break;
	case DECL_ACTOR: bind_actor(&c, d->entity); break;
	case DECL_NEED: bind_need(&c, d->entity); break;
	case DECL_ACTION: bind_action(&c, d->entity); break;
	case DECL_SIGNAL: bind_signal(&c, d->entity); break;
	case DECL_ACCEPT: accept_bind(w, m, d->entity); break;
	case DECL_LET: vec_push(&m->lets, d->entity); break;
	case DECL_METRIC: vec_push(&m->metrics, d->entity); break;
	default: break;
	}
}

/* Two loaded files with plans of one ID: a dotted name could not tell them apart. */
static void check_plan_ids(World *w)
{
	Table plans = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		const Plan *plan = VEC_AT(w->modules, Module, i)->plan;
		if (!plan)
			continue;
		const Plan *first = table_get(&plans, entity_name(&plan->base));
		if (!first) {
			table_put(&plans, entity_name(&plan->base), (void *)plan);
			continue;
		}
		Diagnostic *d = diag_report(w->diags, DIAG_E402, plan->base.decl->id.loc,
					    "plan '%s' is defined in two files; plans loaded together need their own IDs",
					    entity_name(&plan->base));
		diag_note(d, first->base.decl->id.loc, "the other plan '%s' is here", entity_name(&plan->base));
	}
}

/* Signals need every need's areas, answers every signal: three passes. */
void bind_world(World *w)
{
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < w->modules.len; i++) {
			Module *m = VEC_AT(w->modules, Module, i);
			for (size_t k = 0; k < m->decls.len; k++) {
				Decl *d = VEC_AT(m->decls, Decl, k);
				int wanted = d->kind == DECL_SIGNAL || d->kind == DECL_ACCEPT ? 1
					     : d->kind == DECL_ANSWER                         ? 2
											      : 0;
				if (wanted != pass)
					continue;
				if (pass == 2) {
					Ctx c = { w, m, d };
					bind_answer(&c, d->entity);
				} else {
					bind_decl(w, m, d);
				}
			}
		}
	}
	check_plan_ids(w);
}
