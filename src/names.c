/*
 * names.c — registering declarations and resolving references to them.
 */
#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import_hint.h"
#include "mem.h"

/* A name two imports define differently: kept so the error can name both. */
typedef struct {
	Entity base;                 /* ns = the namespace, decl = NULL */
	Entity *first, *second;
} Ambiguity;

static bool is_ambiguity(const Entity *e)
{
	return e != NULL && e->decl == NULL;
}

/* "an area or municipality": what a namespace holds, for messages. */
static const char *namespace_noun(Namespace ns)
{
	static const char *nouns[NS_COUNT] = {
		N_("an area or municipality"), N_("a body"), N_("a kind"), N_("a capability"), N_("a building block"),
		N_("a target group"), N_("an actor"), N_("a need"), N_("an action"), N_("a let value"), N_("a plan"),
		N_("a metric"),
	};
	/* the same without their article (bare()), for xgettext: translated where shown */
	static const char *const bare_nouns[] = {
		N_("area or municipality"), N_("body"), N_("kind"), N_("capability"), N_("building block"),
		N_("target group"), N_("actor"), N_("need"), N_("action"), N_("let value"), N_("plan"),
		N_("metric"),
	};
	(void)bare_nouns;
	return nouns[ns];
}

/* `name` (at `loc`) for `e` in its file's table; E402 when taken. */
static void define_name(World *w, Module *m, Entity *e, const char *name, SrcLoc loc)
{
	Entity *old = table_get(&m->names[e->ns], name);
	if (old) {
		Diagnostic *d = diag_report(w->diags, DIAG_E402, loc, "'%s' is defined twice in this file", name);
		diag_note(d, old->decl->id.loc, "the first definition of '%s' is here", name);
		return;
	}
	table_put(&m->names[e->ns], name, e);
}

/* An entity under its ID and under each alias: one entity, so a report
   names it by its ID however a plan wrote it, and "did you mean" sees every
   name (docs/decisions.md, "Dutch names of the standard library"). */
void names_define(World *w, Module *m, Entity *e)
{
	define_name(w, m, e, e->decl->id.text, e->decl->id.loc);
	for (int i = 0; i < e->decl->alias_count; i++)
		define_name(w, m, e, e->decl->aliases[i].text, e->decl->aliases[i].loc);
}

/* World.definers: the names of every file something imports, by name.  A
   large plan that nothing imports is not indexed. */
static void index_definers(World *w)
{
	w->definers_known = true;
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		if (!m->imported && m != w->prelude)
			continue;
		for (int ns = 0; ns < NS_COUNT; ns++)
			for (size_t k = 0; k < m->names[ns].cap; k++) {
				const TableSlot *slot = &m->names[ns].slots[k];
				if (!slot->key)
					continue;
				Vec *defs = table_get(&w->definers[ns], slot->key);
				if (!defs) {
					defs = NEW(Vec);
					table_put(&w->definers[ns], slot->key, defs);
				}
				vec_push(defs, slot->value);
			}
	}
}

/*
 * Lookup through imports, without copying names from file to file.
 *
 * A file sees its own declarations, then what its imports see at their top
 * level, transitively; a file's own declarations hide its imports' (spec
 * 3, docs/decisions.md).  Every file's names are also listed by name in
 * World.definers.  A name that one file defines (nearly all of them) is
 * visible from m when that file is among those m's imports bring
 * (Module.reach, built once per file); a name that several files define
 * is looked for along m's imports, stopping at each file that defines it,
 * and the answer kept (Module.found).
 */
static void build_reach(Module *m)
{
	m->reach_known = true;
	Vec stack = { 0 };
	for (size_t i = m->imports.len; i-- > 0;)
		vec_push(&stack, m->imports.items[i]);
	while (stack.len) {
		Module *at = stack.items[--stack.len];
		if (at == m || !pairset_add(&m->reaches, at, NULL))
			continue;
		vec_push(&m->reach, at);
		for (size_t i = at->imports.len; i-- > 0;)
			vec_push(&stack, at->imports.items[i]);
	}
}

static bool brings(Module *m, const Module *other)
{
	if (!m->reach_known)
		build_reach(m);
	return pairset_has(&m->reaches, other, NULL);
}

/* Stands for "not visible through the imports" in Module.found. */
static Entity not_found;

/* The one entity, or the Ambiguity, of the files that define `name` first
   along each path of m's imports (depth first, in the order written). */
static Entity *search_imports(Module *m, Namespace ns, const char *name)
{
	Entity *first = NULL;
	Entity *second = NULL;
	Vec stack = { 0 };
	PairSet seen = { 0 };
	for (size_t i = m->imports.len; i-- > 0;)
		vec_push(&stack, m->imports.items[i]);
	while (stack.len) {
		Module *at = stack.items[--stack.len];
		if (at == m || !pairset_add(&seen, at, NULL))
			continue;
		Entity *e = table_get(&at->names[ns], name);
		if (!e) {
			for (size_t i = at->imports.len; i-- > 0;)
				vec_push(&stack, at->imports.items[i]);
		} else if (!first) {
			first = e;
		} else if (e != first && !second) {
			second = e;
		}
	}
	if (!second)
		return first ? first : &not_found;
	Ambiguity *a = NEW(Ambiguity);
	a->base.ns = ns;
	a->first = first;
	a->second = second;
	return &a->base;
}

/* What m's imports bring under `name`: an entity, an Ambiguity or NULL. */
static Entity *imported(World *w, Module *m, Namespace ns, const char *name)
{
	if (m->imports.len == 0)
		return NULL;
	if (!w->definers_known)
		index_definers(w);
	const Vec *defs = table_get(&w->definers[ns], name);
	if (!defs)
		return NULL;
	if (defs->len == 1) {
		Entity *only = defs->items[0];
		return only->module != m && brings(m, only->module) ? only : NULL;
	}
	if (!m->found)
		m->found = NEW_ARRAY(Table, NS_COUNT);
	Entity *e = table_get(&m->found[ns], name);
	if (!e) {
		e = search_imports(m, ns, name);
		table_put(&m->found[ns], name, e);
	}
	return e == &not_found ? NULL : e;
}

/* A file's own name, else what its imports bring. */
static Entity *visible(World *w, Module *m, Namespace ns, const char *name)
{
	Entity *e = table_get(&m->names[ns], name);
	return e ? e : imported(w, m, ns, name);
}

static Entity *lookup(World *w, Module *m, Namespace ns, const char *name)
{
	Entity *e = visible(w, m, ns, name);
	if (e)
		return e;
	if (w->prelude && !m->is_stdlib && w->prelude != m)
		return visible(w, w->prelude, ns, name);
	return NULL;
}

Entity *names_find(World *w, Module *m, Namespace ns, const char *name)
{
	Entity *e = lookup(w, m, ns, name);
	return is_ambiguity(e) ? NULL : e;
}

int names_distance(const char *a, const char *b, int limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > (size_t)limit)
		return limit + 1;
	if (la > 64 || lb > 64)
		return limit + 1;
	int d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	int prev_best = 0;
	for (size_t i = 1; i <= la; i++) {
		int row_best = limit + 2;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
			if (best < row_best)
				row_best = best;
		}
		/* a cell is at least the best of the row above, or of the row two
		   above plus one (a transposition): past the limit on both, stop */
		if (row_best > limit && prev_best >= limit)
			return limit + 1;
		prev_best = row_best;
	}
	return d[la][lb];
}

const char *names_closest(const char *word, const char *const *candidates, size_t count)
{
	int limit = (int)strlen(word) / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	const char *best = NULL;
	int best_distance = limit + 1;
	for (size_t i = 0; i < count; i++) {
		int dist = names_distance(word, candidates[i], limit);
		/* ties: the alphabetically first, so the hint is deterministic */
		if (dist < best_distance || (dist == best_distance && best && strcmp(candidates[i], best) < 0)) {
			best_distance = dist;
			best = candidates[i];
		}
	}
	return best_distance <= limit ? best : NULL;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void push_names(Vec *names, const Table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key)
			vec_push(names, (void *)t->slots[i].key);
}

/* Every name visible from `m` in the allowed namespaces, sorted, unique:
   its own, those of the files its imports bring, and the prelude's; with
   `own_only`, only the names `m` declares itself (after plan.).  Gathered
   once per file and namespaces, for every "did you mean". */
static Vec visible_candidates(World *w, Module *m, unsigned allowed, bool own_only)
{
	/* the key: the namespaces, and whether only the file's own names count */
	const void *key = (void *)(uintptr_t)(allowed | (own_only ? 1u << NS_COUNT : 0));
	Vec *known = pairset_map_get(&w->candidates, m, key);
	if (known)
		return *known;
	Vec names = { 0 };
	Module *scopes[2] = { m, w->prelude && !m->is_stdlib && w->prelude != m && !own_only ? w->prelude : NULL };
	for (int s = 0; s < 2 && scopes[s]; s++) {
		Module *at = scopes[s];
		if (!at->reach_known)
			build_reach(at);
		for (int ns = 0; ns < NS_COUNT; ns++) {
			if (!(allowed & NS_BIT(ns)))
				continue;
			push_names(&names, &at->names[ns]);
			for (size_t i = 0; i < at->reach.len && !own_only; i++)
				push_names(&names, &VEC_AT(at->reach, Module, i)->names[ns]);
		}
	}
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(void *), compare_strings);
	size_t out = 0;
	for (size_t i = 0; i < names.len; i++)
		if (out == 0 || strcmp(names.items[out - 1], names.items[i]) != 0)
			names.items[out++] = names.items[i];
	names.len = out;
	known = NEW(Vec);
	*known = names;
	pairset_map_put(&w->candidates, m, key, known);
	return names;
}

static int compare_entity_names(const void *a, const void *b)
{
	return strcmp(entity_name(*(const Entity *const *)a), entity_name(*(const Entity *const *)b));
}

void names_visible(World *w, Module *m, unsigned allowed, Vec *out)
{
	Vec found = { 0 };
	for (int ns = 0; ns < NS_COUNT; ns++) {
		if (!(allowed & NS_BIT(ns)))
			continue;
		/* each name as lookup() resolves it: not listed when ambiguous */
		Vec names = visible_candidates(w, m, NS_BIT(ns), false);
		for (size_t i = 0; i < names.len; i++) {
			Entity *e = names_find(w, m, (Namespace)ns, names.items[i]);
			if (e)
				vec_push(&found, e);
		}
	}
	if (found.len > 1)
		qsort(found.items, found.len, sizeof(void *), compare_entity_names);
	for (size_t i = 0; i < found.len; i++)
		vec_push(out, found.items[i]);
}

/* "an area or municipality" -> "area or municipality" */
static const char *bare(const char *noun)
{
	if (strncmp(noun, "an ", 3) == 0)
		return noun + 3;
	if (strncmp(noun, "a ", 2) == 0)
		return noun + 2;
	return noun;
}

static const char *allowed_noun(unsigned allowed)
{
	for (int ns = 0; ns < NS_COUNT; ns++)
		if (allowed == NS_BIT(ns))
			return namespace_noun((Namespace)ns);
	/* without their article, as bare() leaves them: what the catalog translates */
	if (allowed == (NS_BIT(NS_BODY) | NS_BIT(NS_KIND)))
		return N_("body or kind of body");
	if (allowed == (NS_BIT(NS_PLACE) | NS_BIT(NS_BODY)))
		return N_("municipality or body");
	return N_("name");
}

/* E401 with "did you mean" (and its fix), or the list of what fits here. */
static void report_unknown(World *w, Module *m, const Name *name, unsigned allowed, const char *what,
			   bool own_only)
{
	if (!diag_keeps(w->diags, DIAG_E401, name->loc)) {
		diag_report(w->diags, DIAG_E401, name->loc, "unknown name '%s'", name->text);
		return;
	}
	Vec candidates = visible_candidates(w, m, allowed, own_only);
	const char *close = names_closest(name->text, (const char *const *)candidates.items, candidates.len);
	const char *noun = allowed_noun(allowed);
	Diagnostic *d;
	if (close) {
		d = diag_report(w->diags, DIAG_E401, name->loc,
				"unknown %s '%s' in %s; did you mean '%s'?", _(bare(noun)),
				name->text, what, close);
		diag_fix(d, name->loc, close, NULL);
	} else {
		d = diag_report(w->diags, DIAG_E401, name->loc, "unknown %s '%s' in %s", _(bare(noun)),
				name->text, what);
		if (allowed & NS_BIT(NS_PLACE))
			import_hint_note_unknown(w, name, d);
		if (candidates.len == 0) {
			diag_note(d, (SrcLoc){ 0 }, "no %s is declared or imported", _(bare(noun)));
		} else if (candidates.len <= 8) {
			StrBuf list = { 0 };
			buf_init(&list);
			for (size_t i = 0; i < candidates.len; i++)
				buf_printf(&list, "%s'%s'", i ? ", " : "", (const char *)candidates.items[i]);
			diag_note(d, (SrcLoc){ 0 }, "%s here is one of: %s", what, list.data);
		}
	}
}

/* The name exists, but as something this position does not take: E404. */
static bool report_wrong_kind(World *w, Module *m, const Name *name, unsigned allowed, const char *what)
{
	for (int ns = 0; ns < NS_COUNT; ns++) {
		if (allowed & NS_BIT(ns))
			continue;
		Entity *other = names_find(w, m, (Namespace)ns, name->text);
		if (other) {
			Diagnostic *d = diag_report(w->diags, DIAG_E404, name->loc,
						    "'%s' is %s, but %s takes %s", name->text,
						    decl_kind_noun(other->decl->kind), what,
						    _(allowed_noun(allowed)));
			diag_note(d, other->decl->id.loc, "'%s' is declared here", name->text);
			return true;
		}
	}
	return false;
}

static void report_ambiguous(World *w, const Name *name, const Ambiguity *a)
{
	Diagnostic *d = diag_report(w->diags, DIAG_E403, name->loc,
				    "'%s' is ambiguous: two imported files define it", name->text);
	diag_note(d, a->first->decl->id.loc, "one definition is here");
	diag_note(d, a->second->decl->id.loc, "another is here; write plan.%s to choose", name->text);
}

/* plan.name: the plan's own file. */
static Entity *resolve_qualified(World *w, Module *m, const Ref *ref, unsigned allowed, const char *what)
{
	Entity *plan = lookup(w, m, NS_PLAN, ref->parts[0].text);
	if (plan == NULL || is_ambiguity(plan)) {
		diag_report(w->diags, DIAG_E401, ref->parts[0].loc,
			    "unknown plan '%s' in %s (a dotted name starts with a plan of an imported file)",
			    ref->parts[0].text, what);
		return NULL;
	}
	if (ref->count != 2) {
		diag_report(w->diags, DIAG_E404, ref->loc, "'%s' is not a name %s takes",
			    ast_ref_text(ref), what);
		return NULL;
	}
	Module *target = plan->decl->module;
	for (int ns = 0; ns < NS_COUNT; ns++) {
		if (!(allowed & NS_BIT(ns)))
			continue;
		Entity *e = table_get(&target->names[ns], ref->parts[1].text);
		if (e)
			return e;
	}
	report_unknown(w, target, &ref->parts[1], allowed, what, true);
	return NULL;
}

Entity *names_resolve(World *w, Module *m, const Ref *ref, unsigned allowed, const char *what)
{
	what = i18n_text(what); /* "the lead of an action": schema.def, or the caller's literal */
	if (ref == NULL)
		return NULL;
	if (ref->count > 1)
		return resolve_qualified(w, m, ref, allowed, what);
	const Name *name = &ref->parts[0];
	for (int ns = 0; ns < NS_COUNT; ns++) {
		if (!(allowed & NS_BIT(ns)))
			continue;
		Entity *e = lookup(w, m, (Namespace)ns, name->text);
		if (is_ambiguity(e)) {
			report_ambiguous(w, name, (const Ambiguity *)e);
			return NULL;
		}
		if (e)
			return e;
	}
	if (!report_wrong_kind(w, m, name, allowed, what))
		report_unknown(w, m, name, allowed, what, false);
	return NULL;
}
