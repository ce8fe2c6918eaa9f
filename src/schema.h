/*
 * schema.h — which properties each declaration kind takes, checked from
 * one table, and the typed model built from them.
 *
 * schema_create_entity runs right after parsing (so names can be defined);
 * schema_build runs once every file is loaded (so references resolve).
 */
#ifndef CARENET_SCHEMA_H
#define CARENET_SCHEMA_H

#include "model.h"

Entity *schema_create_entity(Decl *d);
/* Check and resolve every declaration of every module. */
void schema_build(World *w);
/* The allowed property names of a declaration kind, comma-separated. */
const char *schema_property_list(DeclKind kind);

#endif
