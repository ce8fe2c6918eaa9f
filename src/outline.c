/*
 * outline.c — the declarations of a file as an editor's outline (see
 * outline.h).  The words it adds to names (`signal n`, `to zone`) are plan
 * text, spelt as the file is (spelling_of_module).
 */
#include "outline.h"

#include "mem.h"
#include "spelling.h"

static OutlineSymbol *symbol(const char *name, const char *detail, const char *keyword, SrcLoc loc,
			     SrcLoc name_loc)
{
	OutlineSymbol *s = NEW(OutlineSymbol);
	s->name = name;
	s->detail = detail;
	s->keyword = keyword;
	s->loc = loc;
	s->name_loc = name_loc.src ? name_loc : loc;
	return s;
}

static OutlineSymbol *of_decl(const Decl *d, Spelling spelling)
{
	const char *keyword = decl_kind_name(d->kind), *word = spelling_keyword(d->kind, spelling);
	switch (d->kind) {
	case DECL_SIGNAL:
		if (!d->stmt->need)
			return NULL;
		return symbol(mem_printf("%s %s", word, ast_ref_text(d->stmt->need)),
			      d->stmt->target ? mem_printf("%s %s", spelling_join("to", "to: the target", spelling), ast_ref_text(d->stmt->target)) : NULL, keyword, d->loc,
			      d->stmt->need->loc);
	case DECL_ANSWER:
		if (!d->stmt->answered)
			return NULL;
		return symbol(mem_printf("%s %s", word, ast_ref_text(d->stmt->answered)),
			      d->stmt->action ? mem_printf("%s %s", spelling_join("with", "with", spelling), ast_ref_text(d->stmt->action)) : NULL, keyword, d->loc,
			      d->stmt->answered->loc);
	case DECL_IMPORT:
		return NULL;
	default:
		if (!d->id.text || !d->id.text[0])
			return NULL;
		return symbol(d->id.text, d->title ? d->title : word, keyword, d->loc, d->id.loc);
	}
}

Vec outline_module(Module *m)
{
	Vec symbols = { 0 };
	Spelling spelling = spelling_of_module(m);
	for (size_t i = 0; i < m->decls.len; i++) {
		const Decl *d = VEC_AT(m->decls, Decl, i);
		OutlineSymbol *s = of_decl(d, spelling);
		if (!s)
			continue;
		if (d->kind == DECL_ACTION && d->entity) {
			const Action *a = d->entity;
			for (size_t k = 0; k < a->indicators.len; k++) {
				const Indicator *ind = a->indicators.items[k];
				vec_push(&s->children, symbol(ind->id.text, ind->title, "indicator", ind->loc, ind->id.loc));
			}
		}
		vec_push(&symbols, s);
	}
	return symbols;
}
