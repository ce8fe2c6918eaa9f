/*
 * import_hint.c — the import a plan forgot (see import_hint.h).
 *
 * Which module to import is the standard library's own answer: the module
 * of the body of kind `province` that has the municipality as a member, as
 * `carenet init` chooses it.  The library is loaded into a world of its own
 * and bound (names resolved), not evaluated: memberships are facts of the
 * text.  It costs a few milliseconds, and only a run with such an error
 * pays them.
 */
#include "import_hint.h"

#include <string.h>

#include "bind.h"
#include "loader.h"
#include "mem.h"
#include "spelling.h"
#include "table.h"

typedef struct {
	Name name;                   /* a copy: the caller's may be built for the lookup only */
	Diagnostic *diag;
} UnknownPlace;

void import_hint_note_unknown(World *w, const Name *name, Diagnostic *d)
{
	UnknownPlace *u = NEW(UnknownPlace);
	*u = (UnknownPlace){ *name, d };
	vec_push(&w->unknown_places, u);
}

/* Municipality ID -> the module of its province, from the library itself. */
static Table province_modules(void)
{
	Table modules = { 0 };
	DiagSink quiet;
	diag_sink_init(&quiet);
	World lib;
	loader_init(&lib, &quiet);
	loader_load_prelude(&lib);
	static const char root[] = "import \"flanders\"\n";
	loader_load_root_source(&lib, source_from_text("<import hint>", root, sizeof root - 1));
	bind_world(&lib);
	for (size_t i = 0; i < lib.modules.len; i++) {
		const Module *m = VEC_AT(lib.modules, Module, i);
		for (size_t b = 0; m->is_stdlib && b < m->bodies.len; b++) {
			const Body *body = VEC_AT(m->bodies, Body, b);
			if (!body->kind || strcmp(entity_name(&body->kind->base), "province") != 0)
				continue;
			for (size_t k = 0; k < body->memberships.len; k++) {
				const Membership *ms = VEC_AT(body->memberships, Membership, k);
				if (ms->member && ms->member->ns == NS_PLACE && !table_get(&modules, entity_name(ms->member)))
					table_put(&modules, entity_name(ms->member), (void *)m->name);
			}
		}
	}
	return modules;
}

/* Where an import line goes: before the first line that is not blank or a comment. */
static uint32_t first_statement(const Source *src)
{
	uint32_t at = 0;
	while (at < src->len) {
		uint32_t line = at;
		while (at < src->len && (src->text[at] == ' ' || src->text[at] == '\t'))
			at++;
		if (at < src->len && src->text[at] != '#' && src->text[at] != '\n' && src->text[at] != '\r')
			return line;
		while (at < src->len && src->text[at] != '\n')
			at++;
		at++;
	}
	return src->len;
}

/* The module of a source (the last one found is asked first: the unknown
   places come file by file). */
static Module *module_of(World *w, const Source *src, Module **last)
{
	if (*last && (*last)->src == src)
		return *last;
	for (size_t i = 0; i < w->modules.len; i++)
		if (VEC_AT(w->modules, Module, i)->src == src)
			return *last = w->modules.items[i];
	return NULL;
}

void import_hint_add(World *w)
{
	if (w->unknown_places.len == 0)
		return;
	Table modules = province_modules();
	Module *last = NULL;
	for (size_t i = 0; i < w->unknown_places.len; i++) {
		const UnknownPlace *u = w->unknown_places.items[i];
		const char *module = table_get(&modules, u->name.text);
		if (!module)
			continue;
		/* `import` spelt as the file is (spelling.h) */
		Module *in = module_of(w, u->name.loc.src, &last);
		Spelling s = in ? spelling_of_module(in) : SPELLING_ENGLISH;
		const char *line = mem_printf("%s \"%s\"", spelling_keyword(DECL_IMPORT, s), module);
		diag_note(u->diag, (SrcLoc){ 0 },
			  "'%s' is a municipality of the standard library: add %s at the top of the file",
			  u->name.text, line);
		const Source *src = u->name.loc.src;
		uint32_t at = first_statement(src);
		diag_fix(u->diag, (SrcLoc){ src, at, at }, mem_printf("%s\n", line), mem_printf("Add '%s'", line));
	}
}
