/*
 * hover.c — the text an editor shows for a name (see hover.h).
 *
 * The provenance of a fact (`source "..."`, `as_of DATE`, and what a
 * member of a body says in its own block) is read from the declaration's
 * syntax: the recorded model keeps no block, so the declaring file is
 * parsed again, whole, when such a hover is asked for.  That reads any
 * property of that name, whether or not the schema knows it yet.
 *
 * Every text is in the language of the messages (i18n.h), with the words
 * the reports use (report.c's phrases, vocab.h's status words through
 * _()); the kind of a declaration is its keyword in that language.
 */
#include "hover.h"

#include <math.h>
#include <string.h>

#include "eval.h"
#include "format.h"
#include "i18n.h"
#include "mem.h"
#include "parse.h"
#include "report.h"

/* "<stdlib>/antwerp.care:42" */
static const char *where(const Decl *d)
{
	int line, col;
	if (!d->loc.src)
		return "";
	source_position(d->loc.src, d->id.loc.src ? d->id.loc.start : d->loc.start, &line, &col);
	return mem_printf("%s:%d", d->loc.src->path, line);
}

/* **need** `loneliness`: Eenzaamheid ... */
static void heading(StrBuf *b, const Entity *e)
{
	buf_printf(b, "**%s** `%s`", entity_word(e), entity_name(e));
	if (e->decl->title)
		buf_printf(b, ": %s", e->decl->title);
	buf_puts(b, "\n\n");
}

static void footer(StrBuf *b, const Entity *e, const char *description)
{
	if (description)
		buf_printf(b, "\n%s\n", description);
	buf_printf(b, _("\n*declared in %s*\n"), where(e->decl));
}

static const char *names_list(const Vec *entities)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t i = 0; i < entities->len; i++)
		buf_printf(&b, "%s`%s`", i ? ", " : "", entity_name(entities->items[i]));
	return b.data;
}

/* ---- provenance -------------------------------------------------------------------------- */

static const char *value_text(const Expr *e)
{
	switch ((ExprKind)e->kind) {
	case EXPR_STRING: return e->u.string;
	case EXPR_DATE: return date_format(e->u.date);
	case EXPR_NUMBER: return e->percent ? format_percent(e->u.number / 100) : format_number(e->u.number);
	case EXPR_REF: return ast_ref_text(e->u.ref);
	default: return "...";
	}
}

/* The files parsed again during one hover: a municipality's zone, its
   province and its own declaration are usually in one file. */
static struct {
	const Source *src;
	Vec decls;
} parsed;

/* The declaration's syntax, parsed again from its file; NULL when it is gone. */
static const Decl *reparse(const Decl *d)
{
	if (!d->loc.src)
		return NULL;
	if (parsed.src != d->loc.src) {
		DiagSink quiet;
		diag_sink_init(&quiet);
		parsed.decls = parse_source((Source *)d->loc.src, &quiet, NULL, NULL);
		parsed.src = d->loc.src;
	}
	Vec decls = parsed.decls;
	for (size_t i = 0; i < decls.len; i++) {
		const Decl *again = decls.items[i];
		if (again->loc.start == d->loc.start && again->kind == d->kind)
			return again;
	}
	return NULL;
}

/* "source: ..." and "as of: ..." of a block, as "  - source: ..." lines. */
static void block_provenance(StrBuf *b, const Block *block, const char *indent, bool every_property)
{
	if (!block)
		return;
	for (const Property *p = block->props; p; p = p->next) {
		const char *name = p->name.text;
		bool source = strcmp(name, "source") == 0 || strcmp(name, "bron") == 0;
		bool as_of = strcmp(name, "as_of") == 0 || strcmp(name, "peildatum") == 0;
		if (!(every_property || source || as_of) || !p->items)
			continue;
		const char *label = source ? _("source") : as_of ? _("as of") : name;
		buf_printf(b, "%s- %s: %s", indent, label, value_text(p->items->value));
		if (p->items->shape && p->items->shape->upper)
			buf_printf(b, " .. %s", value_text(p->items->shape->upper));
		buf_putc(b, '\n');
	}
}

/* ---- by kind of declaration ---------------------------------------------------------------- */

/* The bodies its municipality belongs to, each with the membership that says
   so: its period, its source and as of when (report.c words it). */
static void place_bodies(StrBuf *b, const Place *p)
{
	const Place *muni = p->municipality;
	if (!muni || muni->reaches.len == 0)
		return;
	if (muni == p)
		buf_puts(b, _("\nIt lies in:\n"));
	else
		buf_printf(b, _("\n%s lies in:\n"), entity_title(&muni->base));
	for (size_t i = 0; i < muni->reaches.len; i++) {
		const Reach *r = VEC_AT(muni->reaches, Reach, i);
		buf_printf(b, "- %s (`%s`", entity_title(&r->body->base), entity_name(&r->body->base));
		if (r->body->kind)
			buf_printf(b, ", %s", entity_title(&r->body->kind->base));
		buf_printf(b, "): %s\n", report_membership_text(r));
	}
}

static void hover_place(StrBuf *b, const Place *p)
{
	double population;
	if (!p->is_municipality && p->parent)
		buf_printf(b, _("in %s (`%s`)\n\n"), entity_title(&p->parent->base), entity_name(&p->parent->base));
	if (eval_group_total(p, NULL, &population))
		buf_printf(b, _("population %s\n\n"), format_number(population));
	const Decl *d = p->is_municipality ? reparse(p->base.decl) : NULL;
	if (d && d->body) {
		StrBuf own = { 0 };
		buf_init(&own);
		block_provenance(&own, d->body, "", false);
		if (own.len)
			buf_printf(b, "%s\n", own.data);
	}
	if (p->coverages.len) {
		buf_puts(b, _("Needs here:\n"));
		for (size_t i = 0; i < p->coverages.len; i++) {
			const Coverage *c = VEC_AT(p->coverages, Coverage, i);
			buf_printf(b, "- `%s`: %s\n", entity_name(&c->need->base), report_coverage_text(c));
		}
	}
	place_bodies(b, p);
}

static void hover_need(StrBuf *b, const Need *n)
{
	if (n->priority)
		buf_printf(b, _("priority %s  \n"), _(report_priority_word(n->priority)));
	if (n->group)
		buf_printf(b, _("group `%s`  \n"), entity_name(&n->group->base));
	if (n->block)
		buf_printf(b, _("block `%s`  \n"), entity_name(&n->block->base));
	if (n->requires.len)
		buf_printf(b, _("requires %s  \n"), names_list(&n->requires));
	if (n->evidence)
		buf_printf(b, _("evidence: %s\n"), n->evidence);
	buf_puts(b, _("\nCoverage per area:\n"));
	for (size_t i = 0; i < n->areas.len; i++) {
		const Coverage *c = VEC_AT(n->areas, Coverage, i);
		buf_printf(b, "- %s (`%s`): %s\n", entity_title(&c->area->base), entity_name(&c->area->base),
			   report_coverage_text(c));
	}
	if (n->signals.len)
		buf_puts(b, _("\nSignals:\n"));
	for (size_t i = 0; i < n->signals.len; i++) {
		const Signal *s = n->signals.items[i];
		for (size_t r = 0; r < s->routes.len; r++)
			buf_printf(b, "- %s\n", report_route_text(s, VEC_AT(s->routes, Route, r)));
	}
}

static void indicator_lines(StrBuf *b, const Indicator *ind)
{
	buf_printf(b, "%s  \n%s\n", report_indicator_line(ind), report_progress_line(ind));
}

static void hover_action(StrBuf *b, const Action *a)
{
	buf_printf(b, _("status %s"), _(report_status_word(a->status)));
	if (a->has_from || a->has_to)
		buf_printf(b, ", %s .. %s", a->has_from ? date_format(a->from) : "?", a->has_to ? date_format(a->to) : "?");
	buf_puts(b, "  \n");
	if (a->lead)
		buf_printf(b, _("lead %s (`%s`)  \n"), entity_title(&a->lead->base), entity_name(&a->lead->base));
	if (a->addresses.len)
		buf_printf(b, _("addresses %s  \n"), names_list(&a->addresses));
	if (a->places.len)
		buf_printf(b, _("runs in %s\n"), names_list(&a->places));
	else if (a->addresses.len)
		buf_puts(b, _("runs wherever the needs it addresses are\n"));
	for (size_t i = 0; i < a->indicators.len; i++) {
		const Indicator *ind = a->indicators.items[i];
		buf_printf(b, _("\nindicator `%s`: "), ind->id.text);
		indicator_lines(b, ind);
	}
}

static void hover_actor(StrBuf *b, const Actor *a)
{
	if (a->kind)
		buf_printf(b, _("kind `%s`  \n"), entity_name(&a->kind->base));
	if (a->serves.len)
		buf_printf(b, _("serves %s  \n"), names_list(&a->serves));
	if (a->provides.len)
		buf_printf(b, _("provides %s\n"), names_list(&a->provides));
}

static void hover_body(StrBuf *b, const Body *body)
{
	if (body->kind)
		buf_printf(b, _("kind `%s`  \n"), entity_name(&body->kind->base));
	buf_printf(b, i18n_plural("%zu member", "%zu members", body->memberships.len), (size_t)body->memberships.len);
	if (body->escalates_to)
		buf_printf(b, _("  \nescalates to `%s`"), entity_name(body->escalates_to));
	buf_puts(b, "\n");
	StrBuf own = { 0 };
	buf_init(&own);
	const Decl *d = reparse(body->base.decl);
	if (d)
		block_provenance(&own, d->body, "", false);
	if (own.len)
		buf_printf(b, "\n%s", own.data);
}

static void hover_let(StrBuf *b, const Let *let)
{
	const Value *v = let->value;
	if (let->state != VALUE_OK || !v)
		return;
	if (v->kind == VAL_NUMBER)
		buf_printf(b, "= %s\n", v->percent ? format_percent(v->number) : format_number(v->number));
	else if (v->kind == VAL_DATE)
		buf_printf(b, "= %s\n", date_format(v->date));
	else
		buf_printf(b, "= \"%s\"\n", v->string);
}

static void hover_plan(StrBuf *b, const Plan *p)
{
	if (p->municipality)
		buf_printf(b, _("municipality %s  \n"), entity_title(&p->municipality->base));
	if (p->has_period)
		buf_printf(b, _("period %s .. %s  \n"), date_format(p->period_start), date_format(p->period_end));
	buf_printf(b, _("evaluated on %s\n"), date_format_days(p->base.module->eval_day));
}

/* unit points, scale 0 .. 3, lower is better */
static void hover_metric(StrBuf *b, const Metric *m)
{
	if (m->unit)
		buf_printf(b, _("unit `%s`  \n"), m->unit);
	if (m->has_scale)
		buf_printf(b, _("scale %s .. %s  \n"), format_number(m->scale_low), format_number(m->scale_high));
	if (m->direction)
		buf_printf(b, "%s\n", m->direction == DIRECTION_HIGHER ? _("higher is better") : _("lower is better"));
}

static const char *description_of(const Entity *e)
{
	switch (e->decl->kind) {
	case DECL_NEED: return ((const Need *)e)->description;
	case DECL_ACTION: return ((const Action *)e)->description;
	case DECL_PLAN: return ((const Plan *)e)->description;
	case DECL_METRIC: return ((const Metric *)e)->description;
	default: return NULL;
	}
}

static void hover_entity(StrBuf *b, const Entity *e)
{
	heading(b, e);
	switch (e->decl->kind) {
	case DECL_MUNICIPALITY: case DECL_AREA: hover_place(b, (const Place *)e); break;
	case DECL_NEED: hover_need(b, (const Need *)e); break;
	case DECL_ACTION: hover_action(b, (const Action *)e); break;
	case DECL_ACTOR: hover_actor(b, (const Actor *)e); break;
	case DECL_BODY: hover_body(b, (const Body *)e); break;
	case DECL_LET: hover_let(b, (const Let *)e); break;
	case DECL_PLAN: hover_plan(b, (const Plan *)e); break;
	case DECL_METRIC: hover_metric(b, (const Metric *)e); break;
	case DECL_KIND:
		if (((const Kind *)e)->escalates_to)
			buf_printf(b, _("escalates to `%s`\n"), entity_name(((const Kind *)e)->escalates_to));
		break;
	case DECL_CAPABILITY:
		if (((const Capability *)e)->handled_by)
			buf_printf(b, _("handled by `%s`\n"), entity_name(&((const Capability *)e)->handled_by->base));
		break;
	default: break;
	}
	footer(b, e, description_of(e));
}

const char *hover_text(World *w, const QueryHit *hit)
{
	(void)w;
	StrBuf b = { 0 };
	buf_init(&b);
	if (hit->indicator) {
		const Indicator *ind = hit->indicator;
		buf_printf(&b, _("**indicator** `%s`: %s (action `%s`)\n\n"), ind->id.text, ind->title,
			   entity_name(&ind->action->base));
		indicator_lines(&b, ind);
	} else if (hit->import) {
		size_t count = hit->import->decls.len;
		buf_printf(&b, i18n_plural("**import** `%s`: %s, %zu declaration\n", "**import** `%s`: %s, %zu declarations\n",
					   count), hit->import->name, hit->import->src->path, count);
	} else if (hit->entity && hit->entity->decl) {
		hover_entity(&b, hit->entity);
		parsed.src = NULL; /* the trees are garbage now */
		parsed.decls = (Vec){ 0 };
	} else {
		return NULL;
	}
	return b.data;
}
