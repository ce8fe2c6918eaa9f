/*
 * report_dot.c — the evaluated plan as a Graphviz graph: needs, the places
 * they lie in, the bodies their signals reach, the actions and their leads.
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

static void dot_node(StrBuf *out, const char *prefix, const Entity *e, const char *attrs)
{
	buf_printf(out, "  \"%s:%s\" [label=", prefix, entity_name(e));
	dot_quote(out, entity_title(e));
	buf_printf(out, ", %s];\n", attrs);
}

void report_dot_eval(const World *w, StrBuf *out)
{
	static const char *status_colour[] = { "red", "darkgreen", "darkorange" };
	buf_puts(out, "digraph carenet {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10];\n");
	PairSet drawn = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *n = VEC_AT(m->needs, Need, i);
			dot_node(out, "need", &n->base, "shape=ellipse, style=filled, fillcolor=lightyellow");
			for (size_t c = 0; c < n->areas.len; c++) {
				const Coverage *cov = VEC_AT(n->areas, Coverage, c);
				for (const Place *p = cov->area; p; p = p->parent) {
					if (!pairset_add(&drawn, p, NULL))
						break;
					dot_node(out, "place", &p->base, "shape=box");
					if (p->parent)
						buf_printf(out, "  \"place:%s\" -> \"place:%s\" [style=dotted, label=\"in\"];\n",
							   entity_name(&p->base), entity_name(&p->parent->base));
				}
				buf_printf(out, "  \"need:%s\" -> \"place:%s\" [color=%s, label=\"%s\"];\n",
					   entity_name(&n->base), entity_name(&cov->area->base),
					   status_colour[cov->status], report_cover_word(cov->status));
				if (cov->body && pairset_add(&drawn, cov->body, NULL))
					dot_node(out, "body", &cov->body->base, "shape=hexagon, style=filled, fillcolor=lightblue");
				if (cov->body)
					buf_printf(out, "  \"need:%s\" -> \"body:%s\" [style=dashed, label=\"signal\"];\n",
						   entity_name(&n->base), entity_name(&cov->body->base));
			}
		}
		for (size_t i = 0; i < m->actions.len; i++) {
			const Action *a = VEC_AT(m->actions, Action, i);
			dot_node(out, "action", &a->base, "shape=component, style=filled, fillcolor=honeydew");
			for (size_t k = 0; k < a->addresses.len; k++)
				buf_printf(out, "  \"action:%s\" -> \"need:%s\" [label=\"addresses\"];\n",
					   entity_name(&a->base), entity_name(&VEC_AT(a->addresses, Need, k)->base));
			if (a->lead) {
				if (pairset_add(&drawn, a->lead, NULL))
					dot_node(out, "actor", &a->lead->base, "shape=oval");
				buf_printf(out, "  \"actor:%s\" -> \"action:%s\" [label=\"leads\"];\n",
					   entity_name(&a->lead->base), entity_name(&a->base));
			}
		}
	}
	buf_puts(out, "}\n");
}

