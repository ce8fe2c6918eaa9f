/*
 * schema.c — the property table and the typed model.
 *
 * Each declaration kind lists its properties with a value type; one generic
 * checker validates every block against that table (unknown property, given
 * twice, wrong shape of value), then a short builder per kind resolves the
 * names and fills the model.
 */
#include "schema.h"

#include <string.h>

#include "mem.h"
#include "names.h"

typedef enum {
	VT_NAME,         /* one name of a namespace */
	VT_NAMES,        /* name, name, ... */
	VT_STRING,
	VT_EXPR,         /* a number expression, evaluated later */
	VT_DATE,
	VT_PERIOD,       /* DATE .. DATE */
	VT_FROM,         /* DATE [to DATE] */
	VT_CHOICE,       /* one word of `choices` */
	VT_WORD,         /* a free word or string: a unit */
	VT_GROUP_SIZES,  /* group NAME N, ... */
	VT_INDICATOR,    /* indicator NAME ["Title"] { ... } */
	VT_MEASURES,     /* measure DATE: EXPR, ... */
} ValueType;

typedef struct {
	const char *name;
	ValueType type;
	unsigned ns;                 /* for VT_NAME(S): NS_BIT mask */
	bool repeat;
	const char *const *choices;  /* for VT_CHOICE, NULL-terminated */
	const char *what;            /* "the lead of an action", for messages */
} PropSpec;

static const char *const priorities[] = { "low", "medium", "high", NULL };
static const char *const statuses[] = { "planned", "running", "done", "stopped", NULL };

#define PLACE NS_BIT(NS_PLACE)
#define DESCRIPTION { "description", VT_STRING, 0, false, NULL, "a description" }

static const PropSpec plan_props[] = {
	{ "municipality", VT_NAME, PLACE, false, NULL, "the municipality of a plan" },
	{ "body", VT_NAME, NS_BIT(NS_BODY), false, NULL, "the body of a supra-local plan" },
	{ "period", VT_PERIOD, 0, false, NULL, "the period of a plan" },
	{ "as_of", VT_DATE, 0, false, NULL, "the evaluation date" },
	{ "owner", VT_STRING, 0, false, NULL, "the owner of a plan" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec place_props[] = {
	{ "population", VT_EXPR, 0, false, NULL, "a population" },
	{ "group", VT_GROUP_SIZES, NS_BIT(NS_GROUP), true, NULL, "a group size" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec body_props[] = {
	{ "kind", VT_NAME, NS_BIT(NS_KIND), false, NULL, "the kind of a body" },
	{ "members", VT_NAMES, PLACE | NS_BIT(NS_BODY), true, NULL, "the members of a body" },
	{ "escalates_to", VT_NAME, NS_BIT(NS_BODY) | NS_BIT(NS_KIND), false, NULL, "escalates_to" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec kind_props[] = {
	{ "escalates_to", VT_NAME, NS_BIT(NS_KIND), false, NULL, "escalates_to of a kind" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec capability_props[] = {
	{ "handled_by", VT_NAME, NS_BIT(NS_KIND), false, NULL, "handled_by" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec block_props[] = {
	{ "part_of", VT_NAME, NS_BIT(NS_BLOCK), false, NULL, "part_of" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec group_props[] = {
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec actor_props[] = {
	{ "kind", VT_NAME, NS_BIT(NS_KIND), false, NULL, "the kind of an actor" },
	{ "serves", VT_NAMES, PLACE, true, NULL, "what an actor serves" },
	{ "provides", VT_NAMES, NS_BIT(NS_CAPABILITY), true, NULL, "what an actor provides" },
	{ "contact", VT_STRING, 0, false, NULL, "a contact" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec need_props[] = {
	{ "in", VT_NAMES, PLACE, true, NULL, "the areas of a need" },
	{ "group", VT_NAME, NS_BIT(NS_GROUP), false, NULL, "the target group of a need" },
	{ "block", VT_NAME, NS_BIT(NS_BLOCK), false, NULL, "the building block of a need" },
	{ "requires", VT_NAMES, NS_BIT(NS_CAPABILITY), true, NULL, "what a need requires" },
	{ "priority", VT_CHOICE, 0, false, priorities, "a priority" },
	{ "evidence", VT_STRING, 0, false, NULL, "evidence" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec action_props[] = {
	{ "addresses", VT_NAMES, NS_BIT(NS_NEED), true, NULL, "what an action addresses" },
	{ "in", VT_NAMES, PLACE, true, NULL, "where an action runs" },
	{ "lead", VT_NAME, NS_BIT(NS_ACTOR), false, NULL, "the lead of an action" },
	{ "partners", VT_NAMES, NS_BIT(NS_ACTOR), true, NULL, "the partners of an action" },
	{ "from", VT_FROM, 0, false, NULL, "the start of an action" },
	{ "to", VT_DATE, 0, false, NULL, "the end of an action" },
	{ "status", VT_CHOICE, 0, false, statuses, "a status" },
	{ "indicator", VT_INDICATOR, 0, true, NULL, "an indicator" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec indicator_props[] = {
	{ "unit", VT_WORD, 0, false, NULL, "a unit" },
	{ "baseline", VT_EXPR, 0, false, NULL, "a baseline" },
	{ "target", VT_EXPR, 0, false, NULL, "a target" },
	{ "by", VT_DATE, 0, false, NULL, "a deadline" },
	{ "measure", VT_MEASURES, 0, true, NULL, "measurements" },
	DESCRIPTION, { NULL, 0, 0, 0, NULL, NULL },
};
static const PropSpec no_props[] = { { NULL, 0, 0, 0, NULL, NULL } };

static const PropSpec *props_of(DeclKind kind)
{
	switch (kind) {
	case DECL_PLAN: return plan_props;
	case DECL_MUNICIPALITY: case DECL_AREA: return place_props;
	case DECL_BODY: return body_props;
	case DECL_KIND: return kind_props;
	case DECL_CAPABILITY: return capability_props;
	case DECL_BLOCK: return block_props;
	case DECL_GROUP: return group_props;
	case DECL_ACTOR: return actor_props;
	case DECL_NEED: return need_props;
	case DECL_ACTION: return action_props;
	case DECL_INDICATOR: return indicator_props;
	default: return no_props;
	}
}

const char *schema_property_list(DeclKind kind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (const PropSpec *p = props_of(kind); p->name; p++)
		buf_printf(&b, "%s%s", b.len ? ", " : "", p->name);
	return b.data;
}

/* ---- entities ---------------------------------------------------------------- */

#define MAKE(T, namespace) \
	do { T *x = NEW(T); x->base.ns = namespace; e = &x->base; } while (0)

static Entity *schema_create_entity(Decl *d)
{
	Entity *e = NULL;
	switch (d->kind) {
	case DECL_PLAN: MAKE(Plan, NS_PLAN); ((Plan *)e)->module = d->module; break;
	case DECL_LET: MAKE(Let, NS_LET); break;
	case DECL_MUNICIPALITY: case DECL_AREA:
		MAKE(Place, NS_PLACE);
		((Place *)e)->is_municipality = d->kind == DECL_MUNICIPALITY;
		break;
	case DECL_BODY: MAKE(Body, NS_BODY); break;
	case DECL_KIND: MAKE(Kind, NS_KIND); break;
	case DECL_CAPABILITY: MAKE(Capability, NS_CAPABILITY); break;
	case DECL_BLOCK: MAKE(FrameworkBlock, NS_BLOCK); break;
	case DECL_GROUP: MAKE(Group, NS_GROUP); break;
	case DECL_ACTOR: MAKE(Actor, NS_ACTOR); break;
	case DECL_NEED: MAKE(Need, NS_NEED); ((Need *)e)->module = d->module; break;
	case DECL_ACTION: MAKE(Action, NS_ACTION); ((Action *)e)->module = d->module; break;
	case DECL_SIGNAL: MAKE(Signal, NS_COUNT); ((Signal *)e)->module = d->module; break;
	default: return NULL;
	}
	e->decl = d;
	d->entity = e;
	return e;
}

/* ---- the generic checker ----------------------------------------------------- */

#define MAX_PROPS 16

/* What a block said, by the index of its spec. */
typedef struct {
	const PropSpec *specs;
	const Property *first[MAX_PROPS];
	const Item *items[MAX_PROPS];  /* the items that fit, repeats merged */
} Props;

typedef struct {
	World *w;
	Module *m;
	Decl *decl;
	const char *noun;            /* "an area" */
} Ctx;

static bool item_is_plain(const Item *it)
{
	return it->shape == NULL;
}

static bool is_name_item(const Item *it)
{
	return item_is_plain(it) && it->value->kind == EXPR_REF;
}

static bool is_date(const Expr *e)
{
	return e && e->kind == EXPR_DATE;
}

static const char *type_example(const PropSpec *spec)
{
	switch (spec->type) {
	case VT_NAME: return mem_printf("one name, e.g. '%s x'", spec->name);
	case VT_NAMES: return mem_printf("names separated by commas, e.g. '%s x, y'", spec->name);
	case VT_STRING: return mem_printf("a \"string\", e.g. '%s \"...\"'", spec->name);
	case VT_EXPR: return mem_printf("a number, e.g. '%s 120'", spec->name);
	case VT_DATE: return mem_printf("a date, e.g. '%s 2026-12'", spec->name);
	case VT_PERIOD: return mem_printf("two dates, e.g. '%s 2025-01 .. 2027-12'", spec->name);
	case VT_FROM: return mem_printf("a date, e.g. '%s 2025-03 to 2026-12'", spec->name);
	case VT_CHOICE: {
		StrBuf list = { 0 };
		buf_init(&list);
		for (size_t i = 0; spec->choices[i]; i++)
			buf_printf(&list, "%s%s", i ? ", " : "", spec->choices[i]);
		return mem_printf("one word of: %s (without quotes)", list.data);
	}
	case VT_WORD: return mem_printf("one word, e.g. '%s persons'", spec->name);
	case VT_GROUP_SIZES: return mem_printf("a target group and its size, e.g. '%s seniors_75plus 410'", spec->name);
	case VT_INDICATOR: return mem_printf("a name, a title and a block, e.g. '%s reached \"Reached\" { ... }'", spec->name);
	case VT_MEASURES: return mem_printf("dated values, e.g. '%s 2025-06: 40, 2025-12: 71'", spec->name);
	}
	return "a value";
}

static bool item_fits(const PropSpec *spec, const Item *it)
{
	static const ItemShape plain = { 0 };
	const ItemShape *shape = it->shape ? it->shape : &plain;
	switch (spec->type) {
	case VT_NAME: case VT_NAMES: case VT_CHOICE:
		return is_name_item(it);
	case VT_WORD:
		return item_is_plain(it) && (ast_expr_as_name(it->value) || it->value->kind == EXPR_STRING);
	case VT_STRING:
		return item_is_plain(it) && it->value->kind == EXPR_STRING;
	case VT_EXPR:
		return item_is_plain(it);
	case VT_DATE:
		return item_is_plain(it) && is_date(it->value);
	case VT_PERIOD:
		return shape->range != RANGE_NONE && is_date(it->value) && is_date(shape->upper);
	case VT_FROM:
		return (item_is_plain(it) && is_date(it->value)) ||
		       (shape->range != RANGE_NONE && is_date(it->value) && is_date(shape->upper));
	case VT_GROUP_SIZES:
		return !shape->key && !shape->upper && !shape->block && ast_expr_as_name(it->value) &&
		       shape->extra_count == 1;
	case VT_INDICATOR:
		return !shape->key && !shape->upper && ast_expr_as_name(it->value) && shape->block &&
		       (shape->extra_count == 0 ||
			(shape->extra_count == 1 && shape->extras[0]->kind == EXPR_STRING));
	case VT_MEASURES:
		return shape->key && is_date(shape->key) && !shape->upper;
	}
	return false;
}

static bool single_valued(ValueType t)
{
	return t != VT_NAMES && t != VT_GROUP_SIZES && t != VT_INDICATOR && t != VT_MEASURES;
}

static void report_unknown_property(Ctx *c, const Property *p, const PropSpec *specs, DeclKind kind)
{
	const char *names[MAX_PROPS];
	size_t n = 0;
	for (const PropSpec *s = specs; s->name; s++)
		names[n++] = s->name;
	const char *close = names_closest(p->name.text, names, n);
	Diagnostic *d;
	if (close)
		d = diag_report(c->w->diags, DIAG_E501, p->name.loc,
				"%s has no property '%s'; did you mean '%s'?", with_article(decl_kind_name(kind)),
				p->name.text, close);
	else
		d = diag_report(c->w->diags, DIAG_E501, p->name.loc, "%s has no property '%s'",
				with_article(decl_kind_name(kind)), p->name.text);
	diag_note(d, (SrcLoc){ 0 }, "%s takes: %s", with_article(decl_kind_name(kind)),
		  schema_property_list(kind));
}

static void check_items(Ctx *c, const PropSpec *spec, const Property *p)
{
	if (p->count == 0) {
		diag_report(c->w->diags, DIAG_E503, property_loc(p), "'%s' needs a value: %s", spec->name,
			    type_example(spec));
		return;
	}
	if (single_valued(spec->type) && p->count > 1) {
		diag_report(c->w->diags, DIAG_E503, item_loc(p->items->next),
			    "'%s' takes one value: %s", spec->name, type_example(spec));
		return;
	}
	for (const Item *it = p->items; it; it = it->next)
		if (!item_fits(spec, it))
			diag_report(c->w->diags, DIAG_E503, item_loc(it), "'%s' takes %s", spec->name,
				    type_example(spec));
}

/* Append copies of the items of `p` that fit to the list ending at *tail. */
static void append_fitting(const PropSpec *spec, const Property *p, const Item ***tail)
{
	for (const Item *it = p->items; it; it = it->next) {
		if (!item_fits(spec, it))
			continue;
		Item *copy = NEW(Item);
		copy->value = it->value;
		copy->shape = it->shape;
		**tail = copy;
		*tail = &copy->next;
	}
}

/* Validate a block against the kind's table and collect its properties. */
static void check_block(Ctx *c, DeclKind kind, const Block *block, Props *out)
{
	memset(out, 0, sizeof *out);
	out->specs = props_of(kind);
	if (!block)
		return;
	const Item **tails[MAX_PROPS] = { 0 }; /* where a list of our own goes on */
	for (const Property *p = block->props; p; p = p->next) {
		int index = -1;
		for (int k = 0; out->specs[k].name; k++)
			if (strcmp(out->specs[k].name, p->name.text) == 0)
				index = k;
		if (index < 0) {
			report_unknown_property(c, p, out->specs, kind);
			continue;
		}
		const PropSpec *spec = &out->specs[index];
		if (out->first[index] && !spec->repeat) {
			Diagnostic *d = diag_report(c->w->diags, DIAG_E502, p->name.loc,
						    "'%s' is given twice; %s has one", p->name.text,
						    with_article(decl_kind_name(kind)));
			diag_note(d, out->first[index]->name.loc, "the first '%s' is here", p->name.text);
			continue;
		}
		check_items(c, spec, p);
		bool all_fit = true;
		for (const Item *it = p->items; it; it = it->next)
			all_fit &= item_fits(spec, it);
		if (!out->first[index] && all_fit) {
			out->items[index] = p->items; /* the common case: share, do not copy */
		} else {
			/* a repeat, or items to leave out: the list becomes our own */
			if (!tails[index]) {
				const Item *shared = out->items[index];
				tails[index] = &out->items[index];
				*tails[index] = NULL;
				if (shared)
					append_fitting(spec, out->first[index], &tails[index]);
			}
			append_fitting(spec, p, &tails[index]);
		}
		if (!out->first[index])
			out->first[index] = p;
	}
}

static int spec_index(const PropSpec *specs, const char *name)
{
	for (int k = 0; specs[k].name; k++)
		if (strcmp(specs[k].name, name) == 0)
			return k;
	return -1;
}

/* The first item of a property (the rest follow through `next`); NULL when
   absent or invalid. */
static const Item *prop_item(const Props *props, const char *name)
{
	int k = spec_index(props->specs, name);
	return k < 0 ? NULL : props->items[k];
}

static const Property *prop_given(const Props *props, const char *name)
{
	int k = spec_index(props->specs, name);
	return k < 0 ? NULL : props->first[k];
}

static const char *prop_string(const Props *props, const char *name)
{
	const Item *it = prop_item(props, name);
	return it ? it->value->u.string : NULL;
}

static bool prop_date(const Props *props, const char *name, Date *out, SrcLoc *loc)
{
	const Item *it = prop_item(props, name);
	if (!it)
		return false;
	*out = it->value->u.date;
	if (loc)
		*loc = item_loc(it);
	return true;
}

static int prop_choice(Ctx *c, const Props *props, const char *name, int fallback)
{
	int k = spec_index(props->specs, name);
	const Item *it = prop_item(props, name);
	if (!it)
		return fallback;
	const Name *word = ast_expr_as_name(it->value);
	const char *const *choices = props->specs[k].choices;
	size_t n = 0;
	for (; choices[n]; n++)
		if (word && strcmp(word->text, choices[n]) == 0)
			return (int)n;
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", choices[i]);
	const char *close = word ? names_closest(word->text, choices, n) : NULL;
	diag_report(c->w->diags, DIAG_E505, item_loc(it), "'%s' is not a valid %s (%s)%s%s%s",
		    word ? word->text : ast_ref_text(it->value->u.ref), name, list.data,
		    close ? "; did you mean '" : "", close ? close : "", close ? "'?" : "");
	return fallback;
}

/* A number expression, copied out of the block (which is not kept). */
static Expr *prop_expr(const Props *props, const char *name)
{
	const Item *it = prop_item(props, name);
	return it ? ast_expr_copy(it->value) : NULL;
}

/* ---- recording: what a block says that needs no other declaration ------------ */

static bool is_name_type(ValueType t)
{
	return t == VT_NAME || t == VT_NAMES || t == VT_GROUP_SIZES;
}

/* How many names of property k are kept: all of a list, the first of a
   single name (a second was reported). */
static int kept_names(const Props *props, int k)
{
	if (!is_name_type(props->specs[k].type))
		return 0;
	int n = 0;
	for (const Item *it = props->items[k]; it; it = it->next)
		n++;
	return props->specs[k].type == VT_NAME && n > 1 ? 1 : n;
}

/* Keep the names of a block, by property and in source order, with copies
   of their references: they are resolved once every file is read. */
static void record_names(Decl *d, const Props *props)
{
	int count = 0;
	for (int k = 0; props->specs[k].name; k++)
		count += kept_names(props, k);
	if (count == 0)
		return;
	NameUse *uses = mem_tree_alloc(mem_array_size((size_t)count, sizeof *uses));
	NameUse *use = uses;
	for (int k = 0; props->specs[k].name; k++) {
		const Item *it = props->items[k];
		for (int i = kept_names(props, k); i > 0; i--, it = it->next, use++) {
			use->ref = ast_ref_copy(it->value->u.ref);
			if (props->specs[k].type == VT_GROUP_SIZES)
				use->size = ast_expr_copy(it->shape->extras[0]);
			use->prop = (unsigned char)k;
		}
	}
	d->uses = uses;
	d->use_count = count;
}

static void check_no_parent(Ctx *c)
{
	if (c->decl->parent && c->decl->kind != DECL_AREA)
		diag_report(c->w->diags, DIAG_E507, c->decl->parent->loc,
			    "only an area names its place after 'in'; %s lists its areas inside the block",
			    c->noun);
}

static void record_plan(Ctx *c, Plan *plan, const Props *props)
{
	check_no_parent(c);
	const Item *period = prop_item(props, "period");
	if (period) {
		plan->has_period = true;
		plan->period_start = period->value->u.date;
		plan->period_end = period->shape->upper->u.date;
		if (plan->period_start.year && plan->period_end.year &&
		    date_first_day(plan->period_start) > date_last_day(plan->period_end))
			diag_report(c->w->diags, DIAG_E508, item_loc(period), "the period ends before it starts");
	}
	plan->has_as_of = prop_date(props, "as_of", &plan->as_of, NULL);
	plan->owner = prop_string(props, "owner");
	plan->description = prop_string(props, "description");
}

static void record_place(Ctx *c, Place *place, const Props *props)
{
	place->population_expr = prop_expr(props, "population");
	if (place->is_municipality) {
		place->municipality = place;
		check_no_parent(c);
	} else if (!c->decl->parent) {
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "area '%s' needs the municipality or area it lies in: area %s \"...\" in MUNICIPALITY",
			    c->decl->id.text, c->decl->id.text);
	}
}

static void record_body(Ctx *c, const Props *props)
{
	check_no_parent(c);
	if (!prop_given(props, "kind"))
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "body '%s' needs a kind (kind primary_care_zone, ...)", c->decl->id.text);
}

static void record_need(Ctx *c, Need *need, const Props *props)
{
	check_no_parent(c);
	if (!prop_given(props, "in"))
		diag_report(c->w->diags, DIAG_E504, c->decl->id.loc,
			    "need '%s' does not say where it is: add 'in AREA, ...' to its block",
			    c->decl->id.text);
	need->priority = (Priority)(prop_choice(c, props, "priority", -1) + 1);
	need->evidence = prop_string(props, "evidence");
	need->description = prop_string(props, "description");
}

static void record_indicator(Ctx *c, Action *action, const Item *it)
{
	Indicator *ind = NEW(Indicator);
	ind->id = *ast_expr_as_name(it->value);
	ind->title = it->shape->extra_count ? it->shape->extras[0]->u.string : ind->id.text;
	ind->loc = item_loc(it);
	ind->action = action;
	for (size_t i = 0; i < action->indicators.len; i++) {
		Indicator *other = VEC_AT(action->indicators, Indicator, i);
		if (strcmp(other->id.text, ind->id.text) == 0) {
			Diagnostic *d = diag_report(c->w->diags, DIAG_E402, ind->id.loc,
						    "indicator '%s' is defined twice in this action", ind->id.text);
			diag_note(d, other->id.loc, "the first definition is here");
		}
	}
	Props props;
	check_block(c, DECL_INDICATOR, it->shape->block, &props);
	const Item *unit = prop_item(&props, "unit");
	if (unit)
		ind->unit = unit->value->kind == EXPR_STRING ? unit->value->u.string
							      : ast_expr_as_name(unit->value)->text;
	ind->baseline_expr = prop_expr(&props, "baseline");
	ind->target_expr = prop_expr(&props, "target");
	if (!ind->target_expr)
		diag_report(c->w->diags, DIAG_E504, ind->id.loc,
			    "indicator '%s' needs a target (target 120, target 60%% * meer.population, ...)",
			    ind->id.text);
	ind->has_by = prop_date(&props, "by", &ind->by, NULL);
	for (const Item *m = prop_item(&props, "measure"); m; m = m->next) {
		Measure *ms = NEW(Measure);
		ms->date = m->shape->key->u.date;
		ms->value_expr = ast_expr_copy(m->value);
		ms->loc = item_loc(m);
		vec_push(&ind->measures, ms);
	}
	vec_push(&action->indicators, ind);
}

static void record_action(Ctx *c, Action *action, const Props *props)
{
	check_no_parent(c);
	const Item *from = prop_item(props, "from");
	if (from) {
		action->has_from = true;
		action->from = from->value->u.date;
		action->from_loc = item_loc(from);
		if (from->shape && from->shape->upper) {
			action->has_to = true;
			action->to = from->shape->upper->u.date;
			action->to_loc = item_loc(from);
		}
	}
	Date to;
	SrcLoc to_loc;
	if (prop_date(props, "to", &to, &to_loc)) {
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
	action->status = (ActionStatus)prop_choice(c, props, "status", STATUS_PLANNED);
	action->description = prop_string(props, "description");
	for (const Item *it = prop_item(props, "indicator"); it; it = it->next)
		record_indicator(c, action, it);
}

static void record_values(Ctx *c, Entity *e, const Props *props)
{
	switch (c->decl->kind) {
	case DECL_PLAN: record_plan(c, (Plan *)e, props); break;
	case DECL_MUNICIPALITY: case DECL_AREA: record_place(c, (Place *)e, props); break;
	case DECL_BODY: record_body(c, props); break;
	case DECL_NEED: record_need(c, (Need *)e, props); break;
	case DECL_ACTION: record_action(c, (Action *)e, props); break;
	case DECL_KIND: case DECL_CAPABILITY: case DECL_BLOCK: case DECL_GROUP: case DECL_ACTOR:
		check_no_parent(c);
		break;
	case DECL_LET: ((Let *)e)->expr = c->decl->value; break;
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

Decl *schema_record(Decl *parsed, void *recorder)
{
	const SchemaRecorder *r = recorder;
	Decl *d = NEW_TREE_NODE(Decl);
	*d = *parsed;
	d->module = r->module;
	d->parent = ast_ref_copy(parsed->parent);
	d->value = ast_expr_copy(parsed->value);
	d->need = ast_ref_copy(parsed->need);
	d->areas = copy_refs(parsed->areas);
	d->target = ast_ref_copy(parsed->target);
	d->answered = ast_ref_copy(parsed->answered);
	d->action = ast_ref_copy(parsed->action);
	d->body = NULL;
	Entity *e = schema_create_entity(d);
	if (!e)
		return d;
	Ctx c = { r->world, r->module, d, with_article(decl_kind_name(d->kind)) };
	Props props;
	check_block(&c, d->kind, parsed->body, &props);
	record_names(d, &props);
	record_values(&c, e, &props);
	return d;
}

/* ---- building: resolving the recorded names ------------------------------------ */

/* The recorded names of one property, in source order. */
typedef struct {
	const NameUse *next, *end;
	int prop;
	const PropSpec *spec;
} Uses;

static Uses uses_of(const Ctx *c, const char *name)
{
	const PropSpec *specs = props_of(c->decl->kind);
	int k = spec_index(specs, name);
	return (Uses){ c->decl->uses, c->decl->uses + c->decl->use_count, k, &specs[k] };
}

static const NameUse *next_use(Uses *u)
{
	while (u->next < u->end) {
		const NameUse *use = u->next++;
		if (use->prop == u->prop)
			return use;
	}
	return NULL;
}

static Entity *resolve_use(Ctx *c, const Uses *u, const NameUse *use)
{
	return names_resolve(c->w, c->m, use->ref, u->spec->ns, u->spec->what);
}

/* The entity a single-name property names; NULL when absent or unknown. */
static Entity *resolve_prop(Ctx *c, const char *name)
{
	Uses u = uses_of(c, name);
	const NameUse *use = next_use(&u);
	return use ? resolve_use(c, &u, use) : NULL;
}

/* Resolve every name of a list property into `out`; `locs`, if given, gets
   where each was written. */
static void resolve_list(Ctx *c, const char *name, Vec *out, Vec *locs)
{
	Uses u = uses_of(c, name);
	for (const NameUse *use; (use = next_use(&u));) {
		Entity *e = resolve_use(c, &u, use);
		if (e) {
			vec_push(out, e);
			if (locs)
				vec_push(locs, (void *)use);
		}
	}
}

static void build_plan(Ctx *c, Plan *plan)
{
	if (c->m->plan) {
		Diagnostic *d = diag_report(c->w->diags, DIAG_E506, c->decl->id.loc,
					    "a file holds at most one plan; '%s' is the second",
					    c->decl->id.text);
		diag_note(d, c->m->plan->base.decl->id.loc, "the first plan is here");
		return;
	}
	c->m->plan = plan;
	plan->municipality = (Place *)resolve_prop(c, "municipality");
	plan->body = (Body *)resolve_prop(c, "body");
	if (plan->municipality && !plan->municipality->is_municipality) {
		Uses u = uses_of(c, "municipality");
		diag_report(c->w->diags, DIAG_E404, next_use(&u)->ref->loc,
			    "'%s' is an area; a plan names its municipality",
			    entity_name(&plan->municipality->base));
	}
	if (plan->body && !plan->body->plan)
		plan->body->plan = plan;
}

static void build_place(Ctx *c, Place *place)
{
	Uses u = uses_of(c, "group");
	for (const NameUse *use; (use = next_use(&u));) {
		Group *g = (Group *)resolve_use(c, &u, use);
		if (!g)
			continue;
		GroupSize *gs = NEW(GroupSize);
		gs->group = g;
		gs->size = (Expr *)use->size;
		gs->loc = loc_span(use->ref->loc, use->size->loc);
		vec_push(&place->group_sizes, gs);
	}
	if (!place->is_municipality && c->decl->parent) {
		place->parent = (Place *)names_resolve(c->w, c->m, c->decl->parent, PLACE,
						       "the place an area lies in");
		if (place->parent)
			vec_push(&place->parent->children, place);
	}
	vec_push(&c->m->places, place);
}

static void build_body(Ctx *c, Body *body)
{
	body->kind = (Kind *)resolve_prop(c, "kind");
	resolve_list(c, "members", &body->members, NULL);
	body->escalates_to = resolve_prop(c, "escalates_to");
	vec_push(&c->m->bodies, body);
}

static void build_actor(Ctx *c, Actor *actor)
{
	actor->kind = (Kind *)resolve_prop(c, "kind");
	resolve_list(c, "serves", &actor->serves, NULL);
	resolve_list(c, "provides", &actor->provides, NULL);
	vec_push(&c->m->actors, actor);
}

static void build_need(Ctx *c, Need *need)
{
	Vec places = { 0 }, uses = { 0 };
	resolve_list(c, "in", &places, &uses);
	for (size_t i = 0; i < places.len; i++) {
		Coverage *cov = NEW(Coverage);
		cov->need = need;
		cov->area = places.items[i];
		vec_push(&cov->area->coverages, cov);
		cov->loc = ((const NameUse *)uses.items[i])->ref->loc;
		cov->area->has_need = true;
		vec_push(&need->areas, cov);
	}
	need->group = (Group *)resolve_prop(c, "group");
	need->block = (FrameworkBlock *)resolve_prop(c, "block");
	resolve_list(c, "requires", &need->requires, NULL);
	vec_push(&c->m->needs, need);
}

static void build_action(Ctx *c, Action *action)
{
	resolve_list(c, "addresses", &action->addresses, NULL);
	for (size_t i = 0; i < action->addresses.len; i++)
		vec_push(&VEC_AT(action->addresses, Need, i)->actions, action);
	resolve_list(c, "in", &action->places, NULL);
	action->lead = (Actor *)resolve_prop(c, "lead");
	if (action->lead)
		action->lead->leads = true;
	resolve_list(c, "partners", &action->partners, NULL);
	vec_push(&c->m->actions, action);
}

static void build_signal(Ctx *c, Signal *sig)
{
	Decl *d = c->decl;
	sig->need = (Need *)names_resolve(c->w, c->m, d->need, NS_BIT(NS_NEED), "a signal");
	for (size_t i = 0; i < d->areas.len; i++) {
		Place *p = (Place *)names_resolve(c->w, c->m, d->areas.items[i], PLACE, "the areas of a signal");
		if (!p || !sig->need)
			continue;
		bool listed = false;
		for (size_t k = 0; k < sig->need->areas.len; k++)
			if (VEC_AT(sig->need->areas, Coverage, k)->area == p)
				listed = true;
		if (!listed) {
			Diagnostic *diag = diag_report(c->w->diags, DIAG_E702,
						       ((Ref *)d->areas.items[i])->loc,
						       "'%s' is not one of the areas of need '%s'",
						       entity_name(&p->base), entity_name(&sig->need->base));
			diag_note(diag, sig->need->base.decl->id.loc, "need '%s' is declared here",
				  entity_name(&sig->need->base));
			continue;
		}
		vec_push(&sig->areas, p);
	}
	if (sig->need && d->areas.len == 0)
		for (size_t k = 0; k < sig->need->areas.len; k++)
			vec_push(&sig->areas, VEC_AT(sig->need->areas, Coverage, k)->area);
	sig->target = names_resolve(c->w, c->m, d->target, NS_BIT(NS_BODY) | NS_BIT(NS_KIND),
				    "the target of a signal");
	sig->message = d->message;
	if (sig->need)
		vec_push(&sig->need->signals, sig);
	vec_push(&c->m->signals, sig);
}

/* answer plan.need with action: the signal of that need. */
static void build_answer(Ctx *c)
{
	Decl *d = c->decl;
	Need *need = (Need *)names_resolve(c->w, c->m, d->answered, NS_BIT(NS_NEED), "an answer");
	Action *action = (Action *)names_resolve(c->w, c->m, d->action, NS_BIT(NS_ACTION), "an answer");
	if (!need || !action)
		return;
	if (need->signals.len == 0) {
		Diagnostic *diag = diag_report(c->w->diags, DIAG_E705, d->answered->loc,
					       "need '%s' has no signal to answer", entity_name(&need->base));
		diag_note(diag, need->base.decl->id.loc, "need '%s' is declared here", entity_name(&need->base));
		return;
	}
	for (size_t i = 0; i < need->signals.len; i++) {
		Signal *sig = VEC_AT(need->signals, Signal, i);
		sig->answered_by = action;
	}
}

static void build_decl(World *w, Module *m, Decl *d)
{
	Ctx c = { w, m, d, with_article(decl_kind_name(d->kind)) };
	switch (d->kind) {
	case DECL_PLAN: build_plan(&c, d->entity); break;
	case DECL_MUNICIPALITY: case DECL_AREA: build_place(&c, d->entity); break;
	case DECL_BODY: build_body(&c, d->entity); break;
	case DECL_KIND:
		((Kind *)d->entity)->escalates_to = resolve_prop(&c, "escalates_to");
		break;
	case DECL_CAPABILITY:
		((Capability *)d->entity)->handled_by = (Kind *)resolve_prop(&c, "handled_by");
		break;
	case DECL_BLOCK:
		((FrameworkBlock *)d->entity)->part_of = (FrameworkBlock *)resolve_prop(&c, "part_of");
		break;
	case DECL_ACTOR: build_actor(&c, d->entity); break;
	case DECL_NEED: build_need(&c, d->entity); break;
	case DECL_ACTION: build_action(&c, d->entity); break;
	case DECL_SIGNAL: build_signal(&c, d->entity); break;
	case DECL_LET: vec_push(&m->lets, d->entity); break;
	default: break;
	}
}

/* Signals need every need's areas, answers every signal: three passes. */
void schema_build(World *w)
{
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < w->modules.len; i++) {
			Module *m = VEC_AT(w->modules, Module, i);
			for (size_t k = 0; k < m->decls.len; k++) {
				Decl *d = VEC_AT(m->decls, Decl, k);
				int wanted = d->kind == DECL_SIGNAL ? 1 : d->kind == DECL_ANSWER ? 2 : 0;
				if (wanted != pass)
					continue;
				if (pass == 2) {
					Ctx c = { w, m, d, "an answer" };
					build_answer(&c);
				} else {
					build_decl(w, m, d);
				}
			}
		}
	}
}
