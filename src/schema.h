/*
 * schema.h — which properties each declaration kind takes, checked from
 * one table, and the typed model built from them.
 *
 * schema_record runs as each declaration is parsed (so names can be
 * defined and the block need not be kept); schema_build runs once every
 * file is loaded (so references resolve).
 */
#ifndef CARENET_SCHEMA_H
#define CARENET_SCHEMA_H

#include "model.h"

/* Where the declarations being parsed belong. */
typedef struct {
	World *world;
	Module *module;
} SchemaRecorder;

/*
 * The keeper of parse_source (parse.h), `recorder` a SchemaRecorder: checks
 * a declaration's block against its kind's table as soon as it is parsed,
 * creates its entity with every value that needs no other declaration, and
 * records the names still to resolve.  Returns the declaration to keep,
 * copied out of the parser's scratch memory, without its block.
 */
Decl *schema_record(Decl *parsed, void *recorder);
/* Resolve the recorded names of every declaration of every module. */
void schema_build(World *w);
/* The allowed property names of a declaration kind, comma-separated. */
const char *schema_property_list(DeclKind kind);

#endif
