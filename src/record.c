/*
 * record.c — the parser's keeper: what a declaration says that needs no
 * other declaration (see record.h).
 */
#include "record.h"

#include <string.h>

#include "mem.h"
#include "schema.h"

typedef struct {
	World *w;
	Decl *decl;
} Ctx;

static const char *prop_string(const Props *props, PropId id)
{
	const Item *it = schema_item(props, id);
	return it ? it->value->u.string : NULL;
}

static bool prop_date(const Props *props, PropId id, Date *out, SrcLoc *loc)
{
	const Item *it = schema_item(props, id);
	if (!it)
		return false;
	*out = it->value->u.date;
	if (loc)
		*loc = ast_item_loc(it);
	return true;
}

/* A number expression, copied out of the block (which is not kept). */
static Expr *prop_expr(const Props *props, PropId id)
{
	const Item *it = schema_item(props, id);
	return it ? ast_expr_copy(it->value) : NULL;
}

static bool is_name_type(ValueType t)
{
	return t == VT_NAME || t == VT_NAMES || t == VT_GROUP_SIZES || t == VT_NAME_DATED || t == VT_MEMBERS;
}

/* How many names of the property in `slot` are kept: all of a list, the
   first of a single name (a second was reported). */
static int kept_names(const Props *props, int slot)
{
	ValueType type = schema_slot_spec(props->kind, slot)->type;
	if (!is_name_type(type))
		return 0;
	int n = 0;
	for (const Item *it = props->items[slot]; it; it = it->next)
		n++;
	return (type == VT_NAME || type == VT_NAME_DATED) && n > 1 ? 1 : n;
}

/* Keep the names of a block, by property and in source order, with copies
   of their references: they are resolved once every file is read. */
static void record_names(Decl *d, const Props *props)
{
	int slots = schema_slot_count(props->kind);
	int count = 0;
	for (int slot = 0; slot < slots; slot++)
		count += kept_names(props, slot);
	if (count == 0)
		return;
	NameUse *uses = mem_tree_alloc(mem_array_size((size_t)count, sizeof *uses));
	NameUse *use = uses;
	for (int slot = 0; slot < slots; slot++) {
		const Item *it = props->items[slot];
		for (int i = kept_names(props, slot); i > 0; i--, it = it->next, use++) {
			const Ref *ref = it->value->u.ref;
			uint32_t len = ref->loc.end - ref->loc.start;
			if (ref->count == 1 && len < (1u << 24)) {
				use->text = ref->parts[0].text;
				use->start = ref->loc.start;
				use->len = len;
			} else {
				use->dotted = ast_ref_copy(ref);
			}
			if (schema_slot_spec(props->kind, slot)->type == VT_GROUP_SIZES)
				use->size = ast_expr_copy(it->shape->extras[0]);
			use->slot = (unsigned)slot;
		}
	}
	d->uses = uses;
	d->use_count = count;
}

/* The other names of a declaration (alias x, y), kept to be defined with
   its own (names_define): the same entity under each. */
static void record_aliases(Decl *d, const Props *props)
{
	int slots = schema_slot_count(props->kind), count = 0;
	for (int slot = 0; slot < slots; slot++)
		if (schema_slot_spec(props->kind, slot)->type == VT_ALIASES)
			for (const Item *it = props->items[slot]; it; it = it->next)
				count++;
	if (count == 0)
		return;
	Name *aliases = mem_tree_alloc(mem_array_size((size_t)count, sizeof *aliases));
	int n = 0;
	for (int slot = 0; slot < slots; slot++)
		if (schema_slot_spec(props->kind, slot)->type == VT_ALIASES)
			for (const Item *it = props->items[slot]; it; it = it->next)
				aliases[n++] = *ast_expr_as_name(it->value);
	d->aliases = aliases;
	d->alias_count = n;
}

static void check_no_parent(Ctx *c)
{
	if (c->decl->parent && c->decl->kind != DECL_AREA)
		diag_report(c->w->diags, DIAG_E507, c->decl->parent->loc,
			    "only an area names its place after 'in'; %s lists its areas inside the block",
			    decl_kind_noun(c->decl->kind));
}

static void record_plan(Ctx *c, Plan *plan, const Props *props)
{
	check_no_parent(c);
	const Item *period = schema_item(props, PROP_PLAN_PERIOD);
	if (period) {
		plan->has_period = true;
		plan->period_start = period->value->u.date;
		plan->period_end = period->shape->upper->u.date;
		if (plan->period_start.year && plan->period_end.year &&
		    date_first_day(plan->period_start) > date_last_day(plan->period_end))
			diag_report(c->w->diags, DIAG_E508, ast_item_loc(period), "the period ends before it starts");
	}
	plan->has_as_of = prop_date(props, PROP_PLAN_AS_OF, &plan->as_of, NULL);
	plan->owner = prop_string(props, PROP_PLAN_OWNER);
	plan->phase = (Phase)schema_choice(c->w->diags, props, PROP_PLAN_PHASE, PHASE_NONE);
	plan->description = prop_string(props, PROP_ANY_DESCRIPTION);
}

/* A code as written: nis 11002, postcode 2100. */
static bool prop_code(const Props *props, PropId id, long *out)
{
	const Item *it = schema_item(props, id);
	if (!it)
		return false;
	*out = (long)it->value->u.number;
	return true;
}

static void record_place(Ctx *c, Place *place, const Props *props)
{
	place->is_municipality = c->decl->kind == DECL_MUNICIPALITY;
	place->population_expr = prop_expr(props, PROP_PLACE_POPULATION);
	place->has_nis = prop_code(props, PROP_PLACE_NIS, &place->nis);
	place->has_postcode = prop_code(props, PROP_PLACE_POSTCODE, &place->postcode);
	const Item *merged = schema_item(props, PROP_PLACE_MERGED_INTO);
	if (merged && !place->is_municipality)
		diag_report(c->w->diags, DIAG_E501, ast_item_loc(merged),
			    "an area has no property 'merged_into': only a municipality merges into another");
	else if (merged)
		place->merged_on = merged->shape->extras[0]->u.date;
	if (place->is_municipality) {
		place->municipality = place;
		check_no_parent(c);
	} else if (!c->decl->parent) {
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "area '%s' needs the municipality or area it lies in: area %s \"...\" in MUNICIPALITY",
			    c->decl->id.text, c->decl->id.text);
	}
}

static const Provenance *provenance_of(const Props *props)
{
	const char *source = prop_string(props, PROP_ANY_SOURCE);
	Date as_of;
	/* a plan's as_of is its evaluation date (its own property), not provenance */
	bool has_as_of = prop_date(props, PROP_ANY_AS_OF, &as_of, NULL);
	if (!source && !has_as_of)
		return NULL;
	Provenance *p = NEW(Provenance);
	p->source = source;
	p->has_as_of = has_as_of;
	if (has_as_of)
		p->as_of = as_of;
	return p;
}

/* One entry of `members`: a name, and what its block says of the membership. */
static Membership *record_membership(Ctx *c, Body *body, const Item *it)
{
	Membership *m = NEW(Membership);
	m->body = body;
	m->loc = ast_item_loc(it);
	if (!it->shape || !it->shape->block)
		return m;
	Props props;
	schema_check_block(c->w->diags, DECL_MEMBER, it->shape->block, &props);
	m->has_from = prop_date(&props, PROP_MEMBER_FROM, &m->from, NULL);
	m->has_to = prop_date(&props, PROP_MEMBER_TO, &m->to, NULL);
	m->unconfirmed = prop_string(&props, PROP_MEMBER_UNCONFIRMED);
	m->provenance = provenance_of(&props);
	if (m->has_from && m->has_to && m->from.year && m->to.year &&
	    date_first_day(m->from) > date_last_day(m->to))
		diag_report(c->w->diags, DIAG_E508, m->loc, "this membership ends before it starts");
	return m;
}

static void record_body(Ctx *c, Body *body, const Props *props)
{
	check_no_parent(c);
	if (!schema_given(props, PROP_BODY_KIND))
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "body '%s' needs a kind (kind primary_care_zone, ...)", c->decl->id.text);
	/* in the order of the names record_names keeps: bind.c pairs them */
	for (const Item *it = schema_item(props, PROP_BODY_MEMBERS); it; it = it->next)
		vec_push(&body->memberships, record_membership(c, body, it));
}

static void record_indicator(Ctx *c, Vec *list, Action *action, Need *need, const Item *it, Table *ids);

static void record_need(Ctx *c, Need *need, const Props *props)
{
	check_no_parent(c);
	if (!schema_given(props, PROP_NEED_IN))
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "need '%s' does not say where it is: add 'in AREA, ...' to its block",
			    c->decl->id.text);
	need->priority = (Priority)schema_choice(c->w->diags, props, PROP_NEED_PRIORITY, PRIORITY_NONE);
	need->evidence = prop_string(props, PROP_NEED_EVIDENCE);
	need->description = prop_string(props, PROP_ANY_DESCRIPTION);
	Table ids = { 0 }; /* the need's indicators by ID */
	for (const Item *it = schema_item(props, PROP_NEED_INDICATOR); it; it = it->next)
		record_indicator(c, &need->indicators, NULL, need, it, &ids);
}

/* The measurement of an indicator on a date, if it has one. */
static Measure *measure_on(const Indicator *ind, Date date)
{
	for (size_t i = 0; i < ind->measures.len; i++) {
		Measure *m = ind->measures.items[i];
		if (date_first_day(m->date) == date_first_day(date) && m->date.day == date.day)
			return m;
	}
	return NULL;
}

/* sample DATE: N, ...: the size of the sample a dated figure rests on. */
static void record_samples(Ctx *c, Indicator *ind, const Props *props)
{
	for (const Item *it = schema_item(props, PROP_INDICATOR_SAMPLE); it; it = it->next) {
		Date date = it->shape->key->u.date;
		const Expr *n = it->value;
		if (n->kind != EXPR_NUMBER || n->percent || n->u.number < 1) {
			diag_report(c->w->diags, DIAG_E503, ast_item_loc(it),
				    "'sample' takes the number of people a figure rests on, e.g. 'sample 2024-03: 212'");
			continue;
		}
		Measure *m = measure_on(ind, date);
		if (m) {
			m->has_sample = true;
			m->sample = n->u.number;
		} else if (ind->has_baseline_date && date_first_day(date) == date_first_day(ind->baseline_date) &&
			   date.day == ind->baseline_date.day) {
			ind->has_baseline_sample = true;
			ind->baseline_sample = n->u.number;
		} else {
			diag_report(c->w->diags, DIAG_E504, ast_item_loc(it),
				    "indicator '%s' has no measurement or baseline on %s for this sample", ind->id.text,
				    date_format(date));
		}
	}
}

static void record_baseline(Indicator *ind, const Props *props)
{
	const Item *it = schema_item(props, PROP_INDICATOR_BASELINE);
	if (!it)
		return;
	ind->baseline_expr = ast_expr_copy(it->value);
	if (it->shape && it->shape->key) {
		ind->has_baseline_date = true;
		ind->baseline_date = it->shape->key->u.date;
	}
}

/*
 * The first indicator of `list` with this ID.  A block of a few is searched
 * in order; from INDICATOR_TABLE_FROM on, a table of their IDs keeps each
 * lookup constant (a block of 10,000 indicators).  A table for every block,
 * one for each of a region plan's 34,000 actions of one indicator, was a
 * tenth of what parsing allocated (docs/performance.md).
 */
enum { INDICATOR_TABLE_FROM = 8 };

static Indicator *earlier_indicator(const Vec *list, Table *ids, const char *id)
{
	if (list->len < INDICATOR_TABLE_FROM) {
		for (size_t i = 0; i < list->len; i++) {
			Indicator *ind = list->items[i];
			if (strcmp(ind->id.text, id) == 0)
				return ind;
		}
		return NULL;
	}
	if (ids->count == 0) /* the first lookup past the few: the table of the earlier ones */
		for (size_t i = 0; i < list->len; i++) {
			Indicator *ind = list->items[i];
			if (!table_get(ids, ind->id.text))
				table_put(ids, ind->id.text, ind);
		}
	return table_get(ids, id);
}

/* indicator ID ["Title"] { ... } in an action (an output) or a need (an outcome). */
static void record_indicator(Ctx *c, Vec *list, Action *action, Need *need, const Item *it, Table *ids)
{
	Indicator *ind = NEW(Indicator);
	ind->id = *ast_expr_as_name(it->value);
	ind->title = it->shape->extra_count ? it->shape->extras[0]->u.string : ind->id.text;
	ind->loc = ast_item_loc(it);
	ind->action = action;
	ind->need = need;
	Indicator *other = earlier_indicator(list, ids, ind->id.text);
	if (other) {
		Diagnostic *d = diag_report(c->w->diags, DIAG_E402, ind->id.loc,
					    "indicator '%s' is defined twice in this %s", ind->id.text,
					    decl_kind_word(action ? DECL_ACTION : DECL_NEED));
		diag_note(d, other->id.loc, "the first definition is here");
	} else if (ids->count) {
		table_put(ids, ind->id.text, ind);
	}
	Props props;
	schema_check_block(c->w->diags, DECL_INDICATOR, it->shape->block, &props);
	const Item *unit = schema_item(&props, PROP_INDICATOR_UNIT);
	if (unit) {
		ind->unit = unit->value->kind == EXPR_STRING ? unit->value->u.string
							      : ast_expr_as_name(unit->value)->text;
		ind->unit_loc = ast_item_loc(unit);
	}
	const Item *metric = schema_item(&props, PROP_INDICATOR_METRIC);
	if (metric)
		ind->metric_ref = ast_ref_copy(metric->value->u.ref);
	record_baseline(ind, &props);
	ind->target_expr = prop_expr(&props, PROP_INDICATOR_TARGET);
	if (!ind->target_expr)
		diag_report(c->w->diags, DIAG_E504, ind->id.loc,
			    "indicator '%s' needs a target (target 120, target 60%% * meer.population, ...)",
			    ind->id.text);
	ind->has_by = prop_date(&props, PROP_INDICATOR_BY, &ind->by, NULL);
	for (const Item *m = schema_item(&props, PROP_INDICATOR_MEASURE); m; m = m->next) {
		Measure *ms = NEW(Measure);
		ms->date = m->shape->key->u.date;
		ms->value_expr = ast_expr_copy(m->value);
		ms->loc = ast_item_loc(m);
		vec_push(&ind->measures, ms);
	}
	record_samples(c, ind, &props);
	vec_push(list, ind);
}

static void record_action(Ctx *c, Action *action, const Props *props)
{
	check_no_parent(c);
	const Item *from = schema_item(props, PROP_ACTION_FROM);
	if (from) {
		action->has_from = true;
		action->from = from->value->u.date;
		action->from_loc = ast_item_loc(from);
		if (from->shape && from->shape->upper) {
			action->has_to = true;
			action->to = from->shape->upper->u.date;
			action->to_loc = ast_item_loc(from);
		}
	}
	Date to;
	SrcLoc to_loc;
	if (prop_date(props, PROP_ACTION_TO, &to, &to_loc)) {
		if (action->has_to)
			diag_report(c->w->diags, DIAG_E502, to_loc,
				    "the end is given twice: in 'from ... to ...' and in 'to'");
		action->has_to = true;
		action->to = to;
		action->to_loc = to_loc;
	}
	if (action->has_from && action->has_to && action->from.year && action->to.year &&
	    date_first_day(action->from) > date_last_day(action->to))
		diag_report(c->w->diags, DIAG_E508, action->to_loc, "action '%s' ends before it starts",
			    c->decl->id.text);
	action->status = (ActionStatus)schema_choice(c->w->diags, props, PROP_ACTION_STATUS, STATUS_PLANNED);
	action->description = prop_string(props, PROP_ANY_DESCRIPTION);
	Table ids = { 0 }; /* the action's indicators by ID */
	for (const Item *it = schema_item(props, PROP_ACTION_INDICATOR); it; it = it->next)
		record_indicator(c, &action->indicators, action, NULL, it, &ids);
	for (const Item *it = schema_item(props, PROP_ACTION_ADJUSTED); it; it = it->next) {
		Adjustment *adj = NEW(Adjustment);
		adj->date = it->shape->key->u.date;
		adj->text = it->value->u.string;
		adj->loc = ast_item_loc(it);
		vec_push(&action->adjustments, adj);
	}
}

/* metric ID { unit; scale LOW .. HIGH; direction }: its names need nobody else. */
static void record_metric(Ctx *c, Metric *metric, const Props *props)
{
	check_no_parent(c);
	const Item *unit = schema_item(props, PROP_METRIC_UNIT);
	if (unit)
		metric->unit = unit->value->kind == EXPR_STRING ? unit->value->u.string
								 : ast_expr_as_name(unit->value)->text;
	const Item *scale = schema_item(props, PROP_METRIC_SCALE);
	if (scale) {
		metric->scale_low = scale->value->u.number;
		metric->scale_high = scale->shape->upper->u.number;
		metric->has_scale = metric->scale_low < metric->scale_high;
		if (!metric->has_scale)
			diag_report(c->w->diags, DIAG_E503, ast_item_loc(scale),
				    "a scale runs from its lowest value to its highest, e.g. 'scale 0 .. 30'");
	}
	metric->direction = (Direction)schema_choice(c->w->diags, props, PROP_METRIC_DIRECTION, DIRECTION_NONE);
	metric->description = prop_string(props, PROP_ANY_DESCRIPTION);
}

/* What the sender says of a signal's life: sent, status, reply, expected. */
static void record_signal(Ctx *c, Signal *sig, const Props *props)
{
	sig->has_sent = prop_date(props, PROP_SIGNAL_SENT, &sig->sent, NULL);
	sig->has_expected = prop_date(props, PROP_SIGNAL_EXPECTED, &sig->expected, NULL);
	sig->own_status = (SignalStatus)schema_choice(c->w->diags, props, PROP_SIGNAL_STATUS, SIG_UNKNOWN);
	sig->reply = prop_string(props, PROP_SIGNAL_REPLY);
}

/* What the body's plan records of a member's signal: received, status, reply. */
static void record_answer(Ctx *c, Answer *a, const Props *props)
{
	a->has_received = prop_date(props, PROP_ANSWER_RECEIVED, &a->received, NULL);
	a->status = (SignalStatus)schema_choice(c->w->diags, props, PROP_ANSWER_STATUS, SIG_UNKNOWN);
	a->reply = prop_string(props, PROP_ANSWER_REPLY);
}

static void record_values(Ctx *c, Entity *e, const Props *props)
{
	if (schema_slot_count(c->decl->kind) > 0)
		e->provenance = provenance_of(props);
	switch (c->decl->kind) {
	case DECL_PLAN: record_plan(c, (Plan *)e, props); break;
	case DECL_MUNICIPALITY: case DECL_AREA: record_place(c, (Place *)e, props); break;
	case DECL_BODY: record_body(c, (Body *)e, props); break;
	case DECL_NEED: record_need(c, (Need *)e, props); break;
	case DECL_ACTION: record_action(c, (Action *)e, props); break;
	case DECL_METRIC: record_metric(c, (Metric *)e, props); break;
	case DECL_KIND: case DECL_CAPABILITY: case DECL_BLOCK: case DECL_GROUP: case DECL_ACTOR:
		check_no_parent(c);
		break;
	case DECL_LET: ((Let *)e)->expr = c->decl->stmt->value; break;
	case DECL_SIGNAL: record_signal(c, (Signal *)e, props); break;
	case DECL_ANSWER: record_answer(c, (Answer *)e, props); break;
	default: break;
	}
}

static Vec copy_refs(Vec refs)
{
	Vec copies = { 0 };
	for (size_t i = 0; i < refs.len; i++)
		vec_push(&copies, ast_ref_copy(refs.items[i]));
	return copies;
}

Decl *record_decl(Decl *parsed, void *recorder)
{
	const Recorder *r = recorder;
	Decl *d = NEW_TREE_NODE(Decl);
	*d = *parsed;
	d->module = r->module;
	d->parent = ast_ref_copy(parsed->parent);
	if (parsed->stmt) {
		const DeclStatement *from = parsed->stmt;
		DeclStatement *to = NEW_TREE_NODE(DeclStatement);
		*to = *from;
		to->value = ast_expr_copy(from->value);
		to->need = ast_ref_copy(from->need);
		to->areas = copy_refs(from->areas);
		to->target = ast_ref_copy(from->target);
		to->answered = ast_ref_copy(from->answered);
		to->action = ast_ref_copy(from->action);
		to->on = ast_ref_copy(from->on);
		d->stmt = to;
	}
	d->body = NULL;
	Entity *e = entity_new(d, r->module);
	if (!e)
		return d;
	Ctx c = { r->world, d };
	Props props;
	schema_check_block(c.w->diags, d->kind, parsed->body, &props);
	record_names(d, &props);
	record_aliases(d, &props);
	record_values(&c, e, &props);
	return d;
}
