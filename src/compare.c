/*
 * compare.c — the plans of a learning network side by side (see compare.h).
 *
 * Every pass is linear: each need, action and indicator is visited once per
 * column it belongs to, rows are found through pointer maps, never by
 * searching (docs/architecture.md, "Linear passes").
 */
#include "compare.h"

#include <math.h>

#include "mem.h"
#include "pairset.h"
#include "table.h"

/* part_of chains are short (the framework has two levels); a cycle stops here */
#define COMPARE_MAX_BLOCK_DEPTH 32

double compare_rate(const CompareCounts *c)
{
	return c->pairs ? (double)(c->covered + c->signalled) / (double)c->pairs : NAN;
}

static const FrameworkBlock *top_of(const FrameworkBlock *b)
{
	for (int depth = 0; b->part_of && depth < COMPARE_MAX_BLOCK_DEPTH; depth++)
		b = b->part_of;
	return b;
}

/* ---- columns ------------------------------------------------------------------------- */

static void take_module(CompareColumn *col, const Module *m)
{
	for (size_t i = 0; i < m->needs.len; i++)
		vec_push(&col->needs, m->needs.items[i]);
	for (size_t i = 0; i < m->actions.len; i++)
		vec_push(&col->actions, m->actions.items[i]);
}

/* A plan's column takes the files without a plan that it imports, directly
   or through other such files (an areas file, a file of actions), with a
   stack of its own. */
static void claim_imports(CompareColumn *col, const Module *plan_module, PairSet *claimed)
{
	Vec stack = { 0 };
	vec_push(&stack, (void *)plan_module);
	while (stack.len) {
		const Module *m = stack.items[--stack.len];
		for (size_t i = 0; i < m->imports.len; i++) {
			const Module *imp = m->imports.items[i];
			if (imp->is_stdlib || imp->plan || !pairset_add(claimed, imp, NULL))
				continue;
			take_module(col, imp);
			vec_push(&stack, (void *)imp);
		}
	}
}

static const char *base_label(const CompareColumn *col)
{
	if (col->plan && col->plan->municipality)
		return entity_title(&col->plan->municipality->base);
	if (col->plan && col->plan->body)
		return entity_title(&col->plan->body->base);
	return col->plan ? entity_title(&col->plan->base) : col->module->src->path;
}

/* Two plans of one municipality (a local and a zone plan) keep apart by their IDs. */
static void label_columns(Comparison *cmp)
{
	Table seen = { 0 };
	for (size_t i = 0; i < cmp->count; i++) {
		const char *label = base_label(&cmp->columns[i]);
		table_put(&seen, label, table_get(&seen, label) ? (void *)2 : (void *)1);
	}
	for (size_t i = 0; i < cmp->count; i++) {
		CompareColumn *col = &cmp->columns[i];
		const char *label = base_label(col);
		col->label = table_get(&seen, label) == (void *)2 && col->plan
				     ? mem_printf("%s (%s)", label, entity_name(&col->plan->base))
				     : label;
	}
}

static void count_need(CompareCounts *c, const Need *n)
{
	c->needs++;
	c->signals += n->signals.len;
	for (size_t k = 0; k < n->areas.len; k++) {
		CoverStatus s = VEC_AT(n->areas, Coverage, k)->status;
		c->pairs++;
		c->covered += s == COVER_COVERED;
		c->signalled += s == COVER_SIGNALLED;
		c->gaps += s == COVER_GAP;
		c->accepted += s == COVER_ACCEPTED;
	}
}

static void count_indicators(CompareColumn *col, const Vec *indicators)
{
	for (size_t k = 0; k < indicators->len; k++) {
		col->indicators++;
		col->by_indicator_status[VEC_AT(*indicators, Indicator, k)->status]++;
	}
}

static void count_column(CompareColumn *col)
{
	for (size_t i = 0; i < col->needs.len; i++) {
		const Need *n = col->needs.items[i];
		count_need(&col->counts, n);
		count_indicators(col, &n->indicators);
	}
	for (size_t i = 0; i < col->actions.len; i++) {
		const Action *a = col->actions.items[i];
		col->by_action_status[a->status]++;
		count_indicators(col, &a->indicators);
	}
}

static void build_columns(const World *w, Comparison *cmp)
{
	Vec columns = { 0 };
	PairSet claimed = { 0 };
	FOR_USER_MODULES(w, m) {
		if (!m->plan)
			continue;
		CompareColumn *col = NEW(CompareColumn);
		col->module = m;
		col->plan = m->plan;
		pairset_add(&claimed, m, NULL);
		take_module(col, m);
		claim_imports(col, m, &claimed);
		vec_push(&columns, col);
	}
	/* a file with needs or actions that no plan imports: a column of its own */
	FOR_USER_MODULES(w, m) {
		if (m->plan || pairset_has(&claimed, m, NULL) || (m->needs.len == 0 && m->actions.len == 0))
			continue;
		CompareColumn *col = NEW(CompareColumn);
		col->module = m;
		take_module(col, m);
		vec_push(&columns, col);
	}
	cmp->count = columns.len;
	cmp->columns = NEW_ARRAY(CompareColumn, columns.len ? columns.len : 1);
	for (size_t i = 0; i < columns.len; i++) {
		cmp->columns[i] = *(CompareColumn *)columns.items[i];
		count_column(&cmp->columns[i]);
	}
	label_columns(cmp);
}

/* ---- building blocks ------------------------------------------------------------------ */

static CompareBlockRow *block_row(const Comparison *cmp, const FrameworkBlock *b)
{
	CompareBlockRow *row = NEW(CompareBlockRow);
	row->block = b;
	row->top = b ? top_of(b) : NULL;
	row->needs = NEW_ARRAY(Vec, cmp->count ? cmp->count : 1);
	row->actions = NEW_ARRAY(Vec, cmp->count ? cmp->count : 1);
	return row;
}

/* Every block that is declared, grouped under its top block: the tops in
   declaration order, each followed by the blocks beneath it in theirs. */
static void build_block_rows(const World *w, Comparison *cmp, PairMap *rows)
{
	Vec blocks = { 0 }, tops = { 0 };
	for (size_t i = 0; i < w->modules.len; i++) {
		const Module *m = w->modules.items[i];
		for (size_t k = 0; k < m->decls.len; k++) {
			const Decl *d = m->decls.items[k];
			if (d->kind != DECL_BLOCK || !d->entity)
				continue;
			const FrameworkBlock *b = d->entity;
			vec_push(&blocks, (void *)b);
			if (top_of(b) == b)
				vec_push(&tops, (void *)b);
		}
	}
	PairMap under = { 0 }; /* top -> Vec of its blocks, in declaration order */
	for (size_t i = 0; i < blocks.len; i++) {
		const FrameworkBlock *b = blocks.items[i];
		Vec *list = pairset_map_get(&under, top_of(b), NULL);
		if (!list) {
			list = NEW(Vec);
			pairset_map_put(&under, top_of(b), NULL, list);
		}
		vec_push(list, (void *)b);
	}
	for (size_t t = 0; t < tops.len; t++) {
		Vec *list = pairset_map_get(&under, tops.items[t], NULL);
		for (size_t i = 0; list && i < list->len; i++) {
			CompareBlockRow *row = block_row(cmp, list->items[i]);
			pairset_map_put(rows, row->block, NULL, row);
			vec_push(&cmp->blocks, row);
		}
	}
	/* a cycle in part_of leaves blocks without a top: top_of stopped inside it */
	for (size_t i = 0; i < blocks.len; i++)
		if (!pairset_map_get(rows, blocks.items[i], NULL)) {
			CompareBlockRow *row = block_row(cmp, blocks.items[i]);
			pairset_map_put(rows, row->block, NULL, row);
			vec_push(&cmp->blocks, row);
		}
}

static void add_action(CompareBlockRow *row, size_t col, const Action *a, PairSet *listed)
{
	if (pairset_add(listed, row, a))
		vec_push(&row->actions[col], (void *)a);
}

static void fill_blocks(const World *w, Comparison *cmp)
{
	PairMap rows = { 0 };
	build_block_rows(w, cmp, &rows);
	CompareBlockRow *none = block_row(cmp, NULL);
	bool none_used = false;
	PairSet listed = { 0 }; /* (row, action): each action once per row */
	for (size_t c = 0; c < cmp->count; c++) {
		const CompareColumn *col = &cmp->columns[c];
		for (size_t i = 0; i < col->needs.len; i++) {
			const Need *n = col->needs.items[i];
			CompareBlockRow *row = n->block ? pairset_map_get(&rows, n->block, NULL) : none;
			vec_push(&row->needs[c], (void *)n);
			none_used |= row == none;
		}
		for (size_t i = 0; i < col->actions.len; i++) {
			const Action *a = col->actions.items[i];
			bool placed = false;
			for (size_t k = 0; k < a->blocks.len; k++, placed = true)
				add_action(pairset_map_get(&rows, a->blocks.items[k], NULL), c, a, &listed);
			for (size_t k = 0; k < a->addresses.len; k++) {
				const Need *n = a->addresses.items[k];
				if (n->block) {
					add_action(pairset_map_get(&rows, n->block, NULL), c, a, &listed);
					placed = true;
				}
			}
			if (!placed) {
				add_action(none, c, a, &listed);
				none_used = true;
			}
		}
	}
	if (none_used)
		vec_push(&cmp->blocks, none);
}

/* ---- target groups, capabilities, metrics ------------------------------------------------ */

static CompareCounts *topic_counts(const Comparison *cmp, Vec *list, PairMap *rows, const Entity *topic)
{
	CompareTopicRow *row = pairset_map_get(rows, topic, NULL);
	if (!row) {
		row = NEW(CompareTopicRow);
		row->topic = topic;
		row->counts = NEW_ARRAY(CompareCounts, cmp->count ? cmp->count : 1);
		pairset_map_put(rows, topic, NULL, row);
		vec_push(list, row);
	}
	return row->counts;
}

static void fill_topics(Comparison *cmp)
{
	PairMap groups = { 0 }, capabilities = { 0 };
	for (size_t c = 0; c < cmp->count; c++) {
		const CompareColumn *col = &cmp->columns[c];
		for (size_t i = 0; i < col->needs.len; i++) {
			const Need *n = col->needs.items[i];
			if (n->group)
				count_need(&topic_counts(cmp, &cmp->groups, &groups, &n->group->base)[c], n);
			for (size_t k = 0; k < n->requires.len; k++) {
				const Capability *cap = n->requires.items[k];
				count_need(&topic_counts(cmp, &cmp->capabilities, &capabilities, &cap->base)[c], n);
			}
		}
	}
}

static void add_metric(Comparison *cmp, PairMap *rows, size_t c, const Indicator *ind)
{
	if (!ind->metric)
		return;
	CompareMetricRow *row = pairset_map_get(rows, ind->metric, NULL);
	if (!row) {
		row = NEW(CompareMetricRow);
		row->metric = ind->metric;
		row->indicators = NEW_ARRAY(Vec, cmp->count ? cmp->count : 1);
		pairset_map_put(rows, ind->metric, NULL, row);
		vec_push(&cmp->metrics, row);
	}
	if (row->indicators[c].len == 0)
		row->columns++;
	vec_push(&row->indicators[c], (void *)ind);
}

static void fill_metrics(Comparison *cmp)
{
	PairMap rows = { 0 };
	for (size_t c = 0; c < cmp->count; c++) {
		const CompareColumn *col = &cmp->columns[c];
		for (size_t i = 0; i < col->needs.len; i++) {
			const Need *n = col->needs.items[i];
			for (size_t k = 0; k < n->indicators.len; k++)
				add_metric(cmp, &rows, c, n->indicators.items[k]);
		}
		for (size_t i = 0; i < col->actions.len; i++) {
			const Action *a = col->actions.items[i];
			for (size_t k = 0; k < a->indicators.len; k++)
				add_metric(cmp, &rows, c, a->indicators.items[k]);
		}
	}
}

Comparison compare_build(const World *w)
{
	Comparison cmp = { 0 };
	build_columns(w, &cmp);
	fill_blocks(w, &cmp);
	fill_topics(&cmp);
	fill_metrics(&cmp);
	return cmp;
}
