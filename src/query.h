/*
 * query.h — what is at a position of a loaded, evaluated plan, for editors
 * (the language server, through carenet.h): the name there and the
 * declaration it means, every name that means a declaration, and the
 * module of a file.
 *
 * Declarations keep the names they use (NameUse, the parent, a signal's
 * and an answer's references) and the expressions of their values, so a
 * position is found by one pass over a module's declarations, and a name
 * is resolved again the way bind.c and eval.c resolved it, without
 * reporting.  Nothing here changes the world but the names cache.
 */
#ifndef CARENET_QUERY_H
#define CARENET_QUERY_H

#include "model.h"

/* What a position holds. */
typedef struct {
	SrcLoc loc;              /* the name (or the import's string) there */
	Entity *entity;          /* the declaration it means; NULL when none */
	Indicator *indicator;    /* an indicator's own name */
	Module *import;          /* the module an import's string names */
	bool is_decl;            /* the name is the declaration's own */
	Module *module;          /* the module of the position */
} QueryHit;

/* The module of the file with this key (loader_key); NULL when not read. */
Module *query_module(const World *w, const char *key);
/* The module whose source this is; NULL for none (the command line). */
Module *query_module_of(const World *w, const Source *src);

/* The name at a byte offset of module `m` (its end counts); false for none. */
bool query_at(World *w, Module *m, uint32_t offset, QueryHit *out);

/* Where the thing a hit names is declared; false when it names nothing. */
bool query_definition(const QueryHit *hit, SrcLoc *out);

/* Append to `out` (SrcLoc*, source order, every module of the world) each
   name that means `target`; with `with_decl`, its own name first. */
void query_references(World *w, const Entity *target, bool with_decl, Vec *out);

#endif
