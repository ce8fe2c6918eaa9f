/*
 * outline.h — the outline of a plan file for editors (document symbols):
 * its declarations in source order, each with the range it covers and the
 * range of its name, and an action's indicators inside it.
 */
#ifndef CARENET_OUTLINE_H
#define CARENET_OUTLINE_H

#include "model.h"

typedef struct {
	const char *name;        /* the ID, or what a signal or answer is about */
	const char *detail;      /* the title, the signal's target, else the keyword as the file spells it */
	const char *keyword;     /* "need", ..., "indicator" */
	SrcLoc loc;              /* the whole declaration */
	SrcLoc name_loc;         /* its name */
	Vec children;            /* of OutlineSymbol */
} OutlineSymbol;

/* The symbols of a module (OutlineSymbol*); imports are left out. */
Vec outline_module(Module *m);

#endif
