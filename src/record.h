/*
 * record.h — keeping what a declaration says, as soon as it is parsed.
 *
 * record_decl is the parser's keeper (parse.h): it checks a declaration's
 * block against its kind's table (schema.h), creates its entity with every
 * value that needs no other declaration, and keeps the names it uses, to be
 * resolved once every file is read (bind.h).  The block itself is not kept:
 * a region-wide plan is never held whole as a tree.
 */
#ifndef CARENET_RECORD_H
#define CARENET_RECORD_H

#include "model.h"

/* Where the declarations being parsed belong. */
typedef struct {
	World *world;
	Module *module;
} Recorder;

/* The keeper: `recorder` is a Recorder.  Returns the declaration to keep,
   copied out of the parser's scratch memory, without its block. */
Decl *record_decl(Decl *parsed, void *recorder);

#endif
