/*
 * report_dot.c — the evaluated plan as a Graphviz graph: needs, the places
 * they lie in, the bodies their signals reach, the actions, their leads,
 * and the answers of supra-local plans.
 *
 * Every node is named after the file that declares it (its plan's ID, or
 * its path), so that several plans evaluated together keep their own
 * actors and actions apart even when they use the same names.
 */
#include "report.h"

#include "mem.h"

static void dot_quote(StrBuf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(out, '\\');
		if (*s == '\n')
			buf_puts(out, "\\n");
		else
			buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

/* "need:hoogstraten_2025.loneliness", "body:<stdlib>/antwerp.care.elz_kempenland" */
static const char *node_id(const char *kind, const Entity *e)
{
	const Module *m = e->module;
	const char *owner = m->plan ? entity_name(&m->plan->base) : m->src->path;
	return mem_printf("%s:%s.%s", kind, owner, entity_name(e));
}

static void node(StrBuf *out, const char *kind, const Entity *e, const char *attrs)
{
	buf_puts(out, "  ");
	dot_quote(out, node_id(kind, e));
	buf_puts(out, " [label=");
	dot_quote(out, entity_title(e));
	buf_printf(out, ", %s];\n", attrs);
}

static void edge(StrBuf *out, const char *from, const char *to, const char *attrs)
{
	buf_puts(out, "  ");
	dot_quote(out, from);
	buf_puts(out, " -> ");
	dot_quote(out, to);
	buf_printf(out, " [%s];\n", attrs);
}

static const char *status_colour(CoverStatus s)
{
	return s == COVER_COVERED ? "darkgreen" : s == COVER_SIGNALLED ? "darkorange" : s == COVER_ACCEPTED ? "gray50" : "red";
}

/* A need, the places it lies in (with what contains them), and the bodies its signals reach. */
static void dot_need(StrBuf *out, const Need *n, PairSet *drawn)
{
	node(out, "need", &n->base, "shape=ellipse, style=filled, fillcolor=lightyellow");
	for (size_t c = 0; c < n->areas.len; c++) {
		const Coverage *cov = VEC_AT(n->areas, Coverage, c);
		for (const Place *p = cov->area; p; p = p->parent) {
			if (!pairset_add(drawn, p, NULL))
				break;
			node(out, "place", &p->base, "shape=box");
			if (p->parent)
				edge(out, node_id("place", &p->base), node_id("place", &p->parent->base),
				     "style=dotted, label=\"in\"");
		}
		edge(out, node_id("need", &n->base), node_id("place", &cov->area->base),
		     mem_printf("color=%s, label=\"%s\"", status_colour(cov->status), report_cover_word(cov->status)));
		if (!cov->body)
			continue;
		if (pairset_add(drawn, cov->body, NULL))
			node(out, "body", &cov->body->base, "shape=hexagon, style=filled, fillcolor=lightblue");
		edge(out, node_id("need", &n->base), node_id("body", &cov->body->base), "style=dashed, label=\"signal\"");
	}
}

static void dot_action(StrBuf *out, const Action *a, PairSet *drawn)
{
	node(out, "action", &a->base, "shape=component, style=filled, fillcolor=honeydew");
	for (size_t k = 0; k < a->addresses.len; k++)
		edge(out, node_id("action", &a->base), node_id("need", &VEC_AT(a->addresses, Need, k)->base),
		     "label=\"addresses\"");
	if (!a->lead)
		return;
	if (pairset_add(drawn, a->lead, NULL))
		node(out, "actor", &a->lead->base, "shape=oval");
	edge(out, node_id("actor", &a->lead->base), node_id("action", &a->base), "label=\"leads\"");
}

/* An answer of a supra-local plan that counts: from its action to the need it answers. */
static void dot_answers(StrBuf *out, const Module *m)
{
	for (size_t i = 0; i < m->signals.len; i++) {
		const Signal *s = VEC_AT(m->signals, Signal, i);
		if (s->need && s->answered_by)
			edge(out, node_id("action", &s->answered_by->base), node_id("need", &s->need->base),
			     "style=bold, color=darkgreen, label=\"answers\"");
	}
}

/* The phase of each plan that states one, as the graph's label. */
static void dot_phases(StrBuf *out, const World *w)
{
	StrBuf label = { 0 };
	buf_init(&label);
	FOR_USER_MODULES(w, m)
		if (m->plan && m->plan->phase)
			buf_printf(&label, "%s%s: phase %s", label.len ? "\n" : "", entity_title(&m->plan->base),
				   report_phase_word(m->plan->phase));
	if (!label.len)
		return;
	buf_puts(out, "  labelloc=t;\n  label=");
	dot_quote(out, label.data);
	buf_puts(out, ";\n");
}

void report_dot_eval(const World *w, StrBuf *out)
{
	buf_puts(out, "digraph carenet {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10];\n");
	PairSet drawn = { 0 };
	dot_phases(out, w);
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++)
			dot_need(out, VEC_AT(m->needs, Need, i), &drawn);
		for (size_t i = 0; i < m->actions.len; i++)
			dot_action(out, VEC_AT(m->actions, Action, i), &drawn);
	}
	FOR_USER_MODULES(w, m)
		dot_answers(out, m);
	buf_puts(out, "}\n");
}
