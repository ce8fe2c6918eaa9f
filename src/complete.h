/*
 * complete.h — what may be written at a position of a plan, for editors:
 * keywords at the start of a statement, the properties of the block the
 * position is in, and after a property the names of the namespaces it
 * takes (schema.def: after `lead` only actors, after `kind` only kinds),
 * the words of a choice, or what an expression reads.
 *
 * The position is read from the text, not from the tree: the statement
 * being typed rarely parses yet.
 */
#ifndef CARENET_COMPLETE_H
#define CARENET_COMPLETE_H

#include "model.h"

typedef enum {
	COMPLETE_KEYWORD,    /* a statement's keyword, or in / to / with */
	COMPLETE_PROPERTY,   /* a property of the block */
	COMPLETE_NAME,       /* a declared name: `entity` says which */
	COMPLETE_WORD,       /* a word of a choice, or population */
	COMPLETE_MODULE,     /* a stdlib module after import */
} CompleteKind;

typedef struct {
	const char *label;
	const char *insert;  /* the text to insert: the label unless said */
	CompleteKind kind;
	const char *detail;  /* "actor: Lokaal dienstencentrum", "the lead of an action" */
	const Entity *entity;
} CompleteItem;

/* The candidates at a byte offset of module `m` (CompleteItem*), sorted by
   label; empty inside a comment, or where nothing is known to fit. */
Vec complete_at(World *w, Module *m, uint32_t offset);

#endif
