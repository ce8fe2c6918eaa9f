/*
 * decl.h — the kinds of declaration a plan file has, from one table
 * (decl_kinds.def): their keywords, how the grammar reads them, and how
 * messages name them.
 */
#ifndef CARENET_DECL_H
#define CARENET_DECL_H

#include <stdbool.h>

typedef enum {
#define DECL_KIND(id, keyword, dutch, noun, syntax, ns, size, props) DECL_##id,
#include "decl_kinds.def"
#undef DECL_KIND
	DECL_KIND_COUNT
} DeclKind;

typedef enum {
	SYNTAX_GENERIC,  /* KEYWORD ID ["Title"] [in REF] [{ ... }] */
	SYNTAX_OWN,      /* a grammar rule of its own */
	SYNTAX_NESTED,   /* only inside another declaration */
} DeclSyntax;

/* The keyword as the language writes it ("area"). */
const char *decl_kind_name(DeclKind kind);
/* Its Dutch spelling ("gebied"): the same keyword (docs/language.md). */
const char *decl_kind_dutch(DeclKind kind);
/* The keyword in the language of messages: "area" in English, "gebied" in
   Dutch, where a message names a declaration by its kind ("in area 'x'"). */
const char *decl_kind_word(DeclKind kind);
/* The keyword with its article, for messages ("an area"). */
const char *decl_kind_noun(DeclKind kind);
DeclSyntax decl_kind_syntax(DeclKind kind);

#endif
