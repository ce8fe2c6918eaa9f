/*
 * catalog.c — the stdlib's municipalities, areas and building blocks, as
 * `carenet init` needs them (see catalog.h).
 */
#include "catalog.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "table.h"

/* A plan that imports every province: the prelude brings the framework. */
static const char catalog_plan[] = "import \"flanders\"\n";

bool catalog_load(long day, Catalog *cat, const char **why)
{
	CarenetOptions options = { .today = day };
	Carenet *c = carenet_new(&options);
	if (!carenet_load_prelude(c)) {
		*why = _("cannot find the standard library (see CARENET_PATH in carenet(1))");
		return false;
	}
	carenet_load_text(c, "catalogue.care", catalog_plan, sizeof catalog_plan - 1);
	carenet_evaluate(c);
	if (carenet_counts(c).errors) {
		*why = _("the standard library has errors (carenet check on a plan that imports \"flanders\" shows them)");
		return false;
	}
	cat->count = carenet_catalog(c, day, &cat->entries);
	return true;
}

/* ASCII letters compared without case: display names are matched so, and
   their non-ASCII letters (none today) must be typed as they are. */
static bool same_text(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

const CarenetEntry *catalog_municipality(const Catalog *cat, const char *word, const char **suggestion)
{
	const CarenetEntry *by_title = NULL;
	for (size_t i = 0; i < cat->count; i++) {
		const CarenetEntry *e = &cat->entries[i];
		if (e->kind != CARENET_ENTRY_MUNICIPALITY)
			continue;
		if (strcmp(e->name, word) == 0)
			return e;
		if (!by_title && same_text(e->title, word))
			by_title = e;
	}
	if (by_title)
		return by_title;
	/* did you mean: the closest ID, to the word as typed and lower-cased */
	const char **names = mem_alloc(sizeof *names * (cat->count + 1));
	size_t n = 0;
	for (size_t i = 0; i < cat->count; i++)
		if (cat->entries[i].kind == CARENET_ENTRY_MUNICIPALITY)
			names[n++] = cat->entries[i].name;
	char *lower = mem_strdup(word);
	for (char *p = lower; *p; p++)
		*p = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p == ' ' || *p == '-' ? '_' : *p;
	*suggestion = names_closest(lower, names, n);
	return NULL;
}

size_t catalog_areas(const Catalog *cat, const CarenetEntry *m, const CarenetEntry ***out)
{
	/* m and the municipalities merged into it: a place in one of them is m's */
	Table own = { 0 };
	table_put(&own, m->name, (void *)m);
	for (size_t i = 0; i < cat->count; i++) {
		const CarenetEntry *e = &cat->entries[i];
		if (e->kind == CARENET_ENTRY_MUNICIPALITY && e->merged_into && strcmp(e->merged_into, m->name) == 0)
			table_put(&own, e->name, (void *)e);
	}
	const CarenetEntry **areas = mem_alloc(sizeof *areas * (cat->count + 1));
	size_t n = 0;
	for (size_t i = 0; i < cat->count; i++) {
		const CarenetEntry *e = &cat->entries[i];
		if (e->kind != CARENET_ENTRY_BLOCK && e != m && e->municipality && table_get(&own, e->municipality))
			areas[n++] = e;
	}
	*out = areas;
	return n;
}

void catalog_complete(void)
{
	long day;
	const char *why;
	Catalog cat;
	if (!carenet_today(&day, &why) || !catalog_load(day, &cat, &why))
		return;
	for (size_t i = 0; i < cat.count; i++) {
		const CarenetEntry *e = &cat.entries[i];
		if (e->kind == CARENET_ENTRY_MUNICIPALITY && !e->merged_into)
			printf("operand %s\n", e->name);
	}
}
