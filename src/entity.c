/*
 * entity.c — the model objects that declarations define, and how messages
 * and reports name them.
 */
#include "model.h"

#include "mem.h"

/* What each kind of declaration defines (decl_kinds.def). */
static const struct {
	Namespace ns;
	size_t size;
} entity_shapes[DECL_KIND_COUNT] = {
#define DECL_KIND(id, keyword, dutch, noun, syntax, ns, size, props) [DECL_##id] = { ns, size },
#include "decl_kinds.def"
#undef DECL_KIND
};

Entity *entity_new(Decl *d, Module *m)
{
	size_t size = entity_shapes[d->kind].size;
	if (size == 0)
		return NULL;
	Entity *e = mem_alloc(size);
	e->ns = entity_shapes[d->kind].ns;
	e->decl = d;
	e->module = m;
	d->entity = e;
	return e;
}

Namespace entity_namespace_of(DeclKind kind)
{
	return entity_shapes[kind].ns;
}

const char *entity_noun(const Entity *e)
{
	return decl_kind_name(e->decl->kind);
}

const char *entity_word(const Entity *e)
{
	return decl_kind_word(e->decl->kind);
}

const char *entity_name(const Entity *e)
{
	return e->decl->id.text;
}

const char *entity_title(const Entity *e)
{
	return e->decl->title ? e->decl->title : e->decl->id.text;
}
