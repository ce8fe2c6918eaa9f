/*
 * plandiff.c — comparing two evaluated plans (see plandiff.h).
 *
 * Declarations are matched by name, so a plan can be reordered or
 * reformatted without showing changes.  What NEW adds is a `+` line, what
 * it removes a `-` line, what it edits a `~` line naming the field
 * (`~ visits.status: running -> done`), and a need-area that becomes a gap
 * a `!` line.  Each side is indexed once in hash tables; the comparison is
 * linear in the size of the two plans.
 */
#include "plandiff.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "mem.h"
#include "report.h"

typedef struct {
	StrBuf *out;
	const char *section;     /* printed before the first line of a section */
	bool opened_gap;
	size_t changes, new_gaps, closed_gaps;
} Diff;

/* The entities of one kind in the user's files: by name, and in source order. */
typedef struct {
	Table by_name;
	Vec order;
} Index;

static void line(Diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(Diff *d, const char *fmt, ...)
{
	if (d->section) {
		buf_printf(d->out, "%s\n", _(d->section));
		d->section = NULL;
	}
	va_list ap;
	va_start(ap, fmt);
	buf_puts(d->out, "  ");
	buf_vprintf(d->out, fmt, ap);
	va_end(ap);
	buf_putc(d->out, '\n');
	d->changes++;
}

/* "~ where.field: old -> new" when the two differ; NULL reads "(none)". */
static void edit(Diff *d, const char *where, const char *field, const char *old, const char *now)
{
	if (strcmp(old ? old : "", now ? now : "") != 0)
		line(d, "~ %s.%s: %s -> %s", where, field, old ? old : _("(none)"), now ? now : _("(none)"));
}

static void index_add(Index *ix, Entity *e)
{
	if (!table_get(&ix->by_name, entity_name(e))) {
		table_put(&ix->by_name, entity_name(e), e);
		vec_push(&ix->order, e);
	}
}

typedef struct {
	Index places, needs, actions;
	const Plan *plan;        /* the first plan of the user's files */
} Side;

static Side index_side(const World *w)
{
	Side s = { 0 };
	FOR_USER_MODULES(w, m) {
		if (!s.plan)
			s.plan = m->plan;
		for (size_t k = 0; k < m->places.len; k++)
			index_add(&s.places, m->places.items[k]);
		for (size_t k = 0; k < m->needs.len; k++)
			index_add(&s.needs, m->needs.items[k]);
		for (size_t k = 0; k < m->actions.len; k++)
			index_add(&s.actions, m->actions.items[k]);
	}
	return s;
}

/* ---- words for values ------------------------------------------------------------- */

static const char *name_or_null(const void *entity)
{
	return entity ? entity_name(entity) : NULL;
}

/* "ldc, vrijwilligers" */
static const char *names(const Vec *entities)
{
	if (entities->len == 0)
		return NULL;
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t i = 0; i < entities->len; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", entity_name(entities->items[i]));
	return b.data;
}

static const char *areas_of(const Need *n)
{
	Vec places = { 0 };
	for (size_t i = 0; i < n->areas.len; i++)
		vec_push(&places, VEC_AT(n->areas, Coverage, i)->area);
	return names(&places);
}

static const char *date_or_null(bool has, Date d)
{
	return has ? date_format(d) : NULL;
}

static const char *figure(bool ok, double v, bool percent)
{
	return !ok ? NULL : percent ? format_percent(v) : format_number(v);
}

static const char *quoted(const char *s)
{
	return s ? mem_printf("\"%s\"", s) : NULL;
}

/* ---- the plan, areas, needs, actions ----------------------------------------------- */

static void diff_plan(Diff *d, const Plan *was, const Plan *now)
{
	d->section = N_("plan");
	if (!was || !now) {
		if (now)
			line(d, "+ %s \"%s\"", entity_name(&now->base), entity_title(&now->base));
		if (was)
			line(d, "- %s \"%s\"", entity_name(&was->base), entity_title(&was->base));
		return;
	}
	const char *p = entity_name(&now->base);
	edit(d, p, "id", entity_name(&was->base), p);
	edit(d, p, "title", quoted(entity_title(&was->base)), quoted(entity_title(&now->base)));
	edit(d, p, "municipality", name_or_null(was->municipality), name_or_null(now->municipality));
	edit(d, p, "body", name_or_null(was->body), name_or_null(now->body));
	edit(d, p, "period", was->has_period ? mem_printf("%s .. %s", date_format(was->period_start), date_format(was->period_end)) : NULL,
	     now->has_period ? mem_printf("%s .. %s", date_format(now->period_start), date_format(now->period_end)) : NULL);
	edit(d, p, "as_of", date_or_null(was->has_as_of, was->as_of), date_or_null(now->has_as_of, now->as_of));
	edit(d, p, "owner", quoted(was->owner), quoted(now->owner));
	edit(d, p, "phase", report_phase_word(was->phase), report_phase_word(now->phase));
}

/* Additions in NEW's order, then removals in OLD's. */
static void added_and_removed(Diff *d, const Index *was, const Index *now)
{
	for (size_t i = 0; i < now->order.len; i++) {
		const Entity *e = now->order.items[i];
		if (!table_get(&was->by_name, entity_name(e)))
			line(d, "+ %s \"%s\"", entity_name(e), entity_title(e));
	}
	for (size_t i = 0; i < was->order.len; i++) {
		const Entity *e = was->order.items[i];
		if (!table_get(&now->by_name, entity_name(e)))
			line(d, "- %s \"%s\"", entity_name(e), entity_title(e));
	}
}

static void diff_places(Diff *d, const Index *was, const Index *now)
{
	d->section = N_("areas");
	added_and_removed(d, was, now);
	for (size_t i = 0; i < now->order.len; i++) {
		const Place *p = now->order.items[i];
		const Place *q = table_get(&was->by_name, entity_name(&p->base));
		if (!q)
			continue;
		const char *at = entity_name(&p->base);
		edit(d, at, "title", quoted(entity_title(&q->base)), quoted(entity_title(&p->base)));
		edit(d, at, "in", name_or_null(q->parent), name_or_null(p->parent));
		edit(d, at, "population", figure(q->population_state == VALUE_OK, q->population, false),
		     figure(p->population_state == VALUE_OK, p->population, false));
	}
}

static void diff_needs(Diff *d, const Index *was, const Index *now)
{
	d->section = N_("needs");
	added_and_removed(d, was, now);
	for (size_t i = 0; i < now->order.len; i++) {
		const Need *n = now->order.items[i];
		const Need *o = table_get(&was->by_name, entity_name(&n->base));
		if (!o)
			continue;
		const char *at = entity_name(&n->base);
		edit(d, at, "title", quoted(entity_title(&o->base)), quoted(entity_title(&n->base)));
		edit(d, at, "in", areas_of(o), areas_of(n));
		edit(d, at, "priority", report_priority_word(o->priority), report_priority_word(n->priority));
		edit(d, at, "group", name_or_null(o->group), name_or_null(n->group));
		edit(d, at, "block", name_or_null(o->block), name_or_null(n->block));
		edit(d, at, "requires", names(&o->requires), names(&n->requires));
	}
}

static void diff_actions(Diff *d, const Index *was, const Index *now)
{
	d->section = N_("actions");
	added_and_removed(d, was, now);
	for (size_t i = 0; i < now->order.len; i++) {
		const Action *a = now->order.items[i];
		const Action *o = table_get(&was->by_name, entity_name(&a->base));
		if (!o)
			continue;
		const char *at = entity_name(&a->base);
		edit(d, at, "title", quoted(entity_title(&o->base)), quoted(entity_title(&a->base)));
		edit(d, at, "status", report_status_word(o->status), report_status_word(a->status));
		edit(d, at, "addresses", names(&o->addresses), names(&a->addresses));
		edit(d, at, "in", names(&o->places), names(&a->places));
		edit(d, at, "lead", name_or_null(o->lead), name_or_null(a->lead));
		edit(d, at, "partners", names(&o->partners), names(&a->partners));
		edit(d, at, "from", date_or_null(o->has_from, o->from), date_or_null(a->has_from, a->from));
		edit(d, at, "to", date_or_null(o->has_to, o->to), date_or_null(a->has_to, a->to));
	}
}

/* ---- coverage ------------------------------------------------------------------------- */

/* A need's coverages by area name, the first of each (a need in N areas:
   N lookups, not N x N comparisons). */
static Table coverages_by_area(const Need *n)
{
	Table t = { 0 };
	for (size_t i = 0; n && i < n->areas.len; i++) {
		const Coverage *c = VEC_AT(n->areas, Coverage, i);
		if (!table_get(&t, entity_name(&c->area->base)))
			table_put(&t, entity_name(&c->area->base), (void *)c);
	}
	return t;
}

/* "gap", "covered by visits", "signalled to ELZ Kempenland" */
static const char *coverage_phrase(const Coverage *c)
{
	return c->status == COVER_GAP ? _("gap") : report_coverage_text(c);
}

static void diff_coverage(Diff *d, const Index *was, const Index *now)
{
	d->section = N_("coverage");
	for (size_t i = 0; i < now->order.len; i++) {
		const Need *n = now->order.items[i];
		const Need *before = table_get(&was->by_name, entity_name(&n->base));
		Table old_areas = coverages_by_area(before);
		for (size_t c = 0; c < n->areas.len; c++) {
			const Coverage *cov = VEC_AT(n->areas, Coverage, c);
			const char *area = entity_name(&cov->area->base);
			const Coverage *old = table_get(&old_areas, area);
			bool new_gap = cov->status == COVER_GAP && (!old || old->status != COVER_GAP);
			const char *need = entity_name(&n->base);
			if (new_gap && old)
				line(d, _("! %s in %s: %s -> gap (a new gap)"), need, area, coverage_phrase(old));
			else if (new_gap)
				line(d, _("! %s in %s: gap (a new gap)"), need, area);
			else if (!old && before)
				line(d, _("+ %s now also in %s: %s"), need, area, report_coverage_text(cov));
			else if (old && strcmp(coverage_phrase(old), coverage_phrase(cov)) != 0)
				line(d, _("~ %s in %s: %s -> %s"), need, area, coverage_phrase(old), coverage_phrase(cov));
			if (new_gap) {
				d->opened_gap = true;
				d->new_gaps++;
			}
			/* an accepted gap is not closed: it is still a gap, accepted for a while */
			if (old && old->status == COVER_GAP && (cov->status == COVER_COVERED || cov->status == COVER_SIGNALLED))
				d->closed_gaps++;
		}
	}
}

/* ---- signals ------------------------------------------------------------------------ */

/* "psychologist (Meer) -> ELZ Kempenland" for each signal and body it reaches;
   `messages` gets the message of each need's first signal, `needs` those
   needs in order. */
static void signal_keys(const World *w, Table *keys, Vec *order, Table *messages, Vec *needs)
{
	FOR_USER_MODULES(w, m) {
		for (size_t k = 0; k < m->signals.len; k++) {
			const Signal *s = VEC_AT(m->signals, Signal, k);
			if (!s->need)
				continue;
			if (!table_get(messages, entity_name(&s->need->base))) {
				table_put(messages, entity_name(&s->need->base), (void *)(s->message ? s->message : ""));
				vec_push(needs, (void *)entity_name(&s->need->base));
			}
			for (size_t r = 0; r < s->routes.len; r++) {
				const Route *route = VEC_AT(s->routes, Route, r);
				const char *key = mem_printf("%s (%s) -> %s", entity_name(&s->need->base),
							     entity_title(&route->area->base),
							     route->body ? entity_title(&route->body->base) : "(unresolved)");
				if (!table_get(keys, key)) {
					table_put(keys, key, (void *)key);
					vec_push(order, (void *)key);
				}
			}
		}
	}
}

static void diff_signals(Diff *d, const World *old_world, const World *new_world)
{
	Table old_keys = { 0 }, new_keys = { 0 }, old_messages = { 0 }, new_messages = { 0 };
	Vec old_order = { 0 }, new_order = { 0 }, old_needs = { 0 }, new_needs = { 0 };
	signal_keys(old_world, &old_keys, &old_order, &old_messages, &old_needs);
	signal_keys(new_world, &new_keys, &new_order, &new_messages, &new_needs);
	d->section = N_("signals");
	for (size_t i = 0; i < new_order.len; i++)
		if (!table_get(&old_keys, new_order.items[i]))
			line(d, "+ %s", (char *)new_order.items[i]);
	for (size_t i = 0; i < old_order.len; i++)
		if (!table_get(&new_keys, old_order.items[i]))
			line(d, _("- %s (withdrawn)"), (char *)old_order.items[i]);
	for (size_t i = 0; i < new_needs.len; i++) {
		const char *need = new_needs.items[i];
		const char *was = table_get(&old_messages, need), *now = table_get(&new_messages, need);
		if (was)
			edit(d, mem_printf("signal %s", need), "message", *was ? quoted(was) : NULL, *now ? quoted(now) : NULL);
	}
}

/* ---- acceptances: what is accepted, until when, and why --------------------------------- */

static void acceptance_keys(const World *w, Table *keys, Vec *order)
{
	FOR_USER_MODULES(w, m) {
		for (size_t k = 0; k < m->acceptances.len; k++) {
			const Acceptance *a = VEC_AT(m->acceptances, Acceptance, k);
			const char *key = mem_printf("accept %s \"%s\"", report_acceptance_subject(a), a->reason);
			if (!table_get(keys, key)) {
				table_put(keys, key, (void *)key);
				vec_push(order, (void *)key);
			}
		}
	}
}

static void diff_acceptances(Diff *d, const World *old_world, const World *new_world)
{
	Table old_keys = { 0 }, new_keys = { 0 };
	Vec old_order = { 0 }, new_order = { 0 };
	acceptance_keys(old_world, &old_keys, &old_order);
	acceptance_keys(new_world, &new_keys, &new_order);
	d->section = N_("accepted");
	for (size_t i = 0; i < new_order.len; i++)
		if (!table_get(&old_keys, new_order.items[i]))
			line(d, "+ %s", (char *)new_order.items[i]);
	for (size_t i = 0; i < old_order.len; i++)
		if (!table_get(&new_keys, old_order.items[i]))
			line(d, "- %s", (char *)old_order.items[i]);
}

/* ---- indicators ------------------------------------------------------------------------ */

/* An action's indicators by ID, the first of each. */
static Table indicators_by_id(const Action *a)
{
	Table t = { 0 };
	for (size_t i = 0; a && i < a->indicators.len; i++) {
		const Indicator *ind = VEC_AT(a->indicators, Indicator, i);
		if (!table_get(&t, ind->id.text))
			table_put(&t, ind->id.text, (void *)ind);
	}
	return t;
}

static const char *value_text(const Indicator *ind, const Measure *m)
{
	return m->ok ? (ind->target_percent ? format_percent(m->value) : format_number(m->value)) : _("(not evaluated)");
}

/* An indicator's measurements by date as written, the first of each. */
static Table measures_by_date(const Indicator *ind)
{
	Table t = { 0 };
	for (size_t k = 0; k < ind->measures.len; k++) {
		const Measure *m = VEC_AT(ind->measures, Measure, k);
		if (!table_get(&t, date_format(m->date)))
			table_put(&t, date_format(m->date), (void *)m);
	}
	return t;
}

static void diff_measures(Diff *d, const char *where, const Indicator *was, const Indicator *now)
{
	Table old_dates = measures_by_date(was), new_dates = measures_by_date(now);
	for (size_t i = 0; i < now->measures.len; i++) {
		const Measure *m = VEC_AT(now->measures, Measure, i);
		const Measure *old = table_get(&old_dates, date_format(m->date));
		if (!old)
			line(d, "+ %s.measure %s: %s", where, date_format(m->date), value_text(now, m));
		else if (strcmp(value_text(was, old), value_text(now, m)) != 0)
			line(d, "~ %s.measure %s: %s -> %s", where, date_format(m->date), value_text(was, old),
			     value_text(now, m));
	}
	for (size_t i = 0; i < was->measures.len; i++) {
		const Measure *m = VEC_AT(was->measures, Measure, i);
		if (!table_get(&new_dates, date_format(m->date)))
			line(d, "- %s.measure %s: %s", where, date_format(m->date), value_text(was, m));
	}
}

static void diff_indicator(Diff *d, const char *where, const Indicator *was, const Indicator *now)
{
	edit(d, where, "title", quoted(was->title), quoted(now->title));
	edit(d, where, "unit", was->unit, now->unit);
	edit(d, where, "baseline", figure(was->ok, was->baseline, false), figure(now->ok, now->baseline, false));
	edit(d, where, "target", figure(was->ok, was->target, was->target_percent),
	     figure(now->ok, now->target, now->target_percent));
	edit(d, where, "by", was->due.year ? date_format(was->due) : NULL, now->due.year ? date_format(now->due) : NULL);
	edit(d, where, "status", report_indicator_word(was->status), report_indicator_word(now->status));
	diff_measures(d, where, was, now);
}

static void diff_indicators(Diff *d, const Index *was, const Index *now)
{
	d->section = N_("indicators");
	for (size_t i = 0; i < now->order.len; i++) {
		const Action *a = now->order.items[i];
		const Action *before = table_get(&was->by_name, entity_name(&a->base));
		Table old_ids = indicators_by_id(before), new_ids = indicators_by_id(a);
		for (size_t k = 0; k < a->indicators.len; k++) {
			const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
			const char *where = mem_printf("%s.%s", entity_name(&a->base), ind->id.text);
			const Indicator *old = table_get(&old_ids, ind->id.text);
			if (old)
				diff_indicator(d, where, old, ind);
			else
				line(d, "+ %s \"%s\"", where, ind->title);
		}
		for (size_t k = 0; before && k < before->indicators.len; k++) {
			const Indicator *ind = VEC_AT(before->indicators, Indicator, k);
			if (!table_get(&new_ids, ind->id.text))
				line(d, "- %s.%s \"%s\"", entity_name(&a->base), ind->id.text, ind->title);
		}
	}
	/* a removed action's indicators go too, as an added action's come */
	for (size_t i = 0; i < was->order.len; i++) {
		const Action *a = was->order.items[i];
		if (table_get(&now->by_name, entity_name(&a->base)))
			continue;
		for (size_t k = 0; k < a->indicators.len; k++) {
			const Indicator *ind = VEC_AT(a->indicators, Indicator, k);
			line(d, "- %s.%s \"%s\"", entity_name(&a->base), ind->id.text, ind->title);
		}
	}
}

bool plandiff_write(const World *old_world, const World *new_world, StrBuf *out)
{
	Diff d = { out, NULL, false, 0, 0, 0 };
	Side was = index_side(old_world), now = index_side(new_world);
	diff_plan(&d, was.plan, now.plan);
	diff_places(&d, &was.places, &now.places);
	diff_needs(&d, &was.needs, &now.needs);
	diff_actions(&d, &was.actions, &now.actions);
	diff_coverage(&d, &was.needs, &now.needs);
	diff_signals(&d, old_world, new_world);
	diff_acceptances(&d, old_world, new_world);
	diff_indicators(&d, &was.actions, &now.actions);
	if (d.changes == 0)
		buf_puts(out, _("no changes in the plan's terms\n"));
	else {
		buf_printf(out, i18n_plural("summary: %zu change", "summary: %zu changes", d.changes), d.changes);
		buf_printf(out, i18n_plural(", %zu new gap", ", %zu new gaps", d.new_gaps), d.new_gaps);
		buf_printf(out, i18n_plural(", %zu gap closed\n", ", %zu gaps closed\n", d.closed_gaps), d.closed_gaps);
	}
	return d.opened_gap;
}
