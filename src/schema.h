/*
 * schema.h — which properties each kind of declaration takes (one table,
 * schema.def) and the generic checker that holds every block against it.
 *
 * A block's properties are collected into Props by their slot: the
 * position of the property in its kind's list.  Code asks for a property
 * by its PropId (PROP_ACTION_LEAD), which is checked to belong to the
 * block's kind, so a misspelt or misplaced property cannot be read.
 */
#ifndef CARENET_SCHEMA_H
#define CARENET_SCHEMA_H

#include "model.h"

typedef enum {
	VT_NAME,         /* one name of a namespace */
	VT_NAMES,        /* name, name, ... */
	VT_STRING,
	VT_EXPR,         /* a number expression, evaluated later */
	VT_DATE,
	VT_PERIOD,       /* DATE .. DATE */
	VT_FROM,         /* DATE [to DATE] */
	VT_CHOICE,       /* one word of a vocabulary */
	VT_WORD,         /* a free word or string: a unit */
	VT_GROUP_SIZES,  /* group NAME N, ... */
	VT_INDICATOR,    /* indicator NAME ["Title"] { ... } */
	VT_MEASURES,     /* measure DATE: EXPR, ... */
	VT_NUMBER,       /* a number as written: a code (nis 11002, postcode 2100) */
	VT_NAME_DATED,   /* a name and a date: merged_into antwerpen 2025-01-01 */
	VT_MEMBERS,      /* names, each with an optional block: members x, y { to 2024-12 } */
	VT_BASELINE,     /* a number expression, or a dated one: baseline 2024-03: 38% */
	VT_DATED_TEXTS,  /* dated strings: adjusted 2025-09: "..." */
	VT_RANGE,        /* two numbers: scale 0 .. 3 */
	VT_ALIASES,      /* plain names this declaration is also known by: alias sociale_netwerken */
} ValueType;

#define NO_VOCAB (-1)

typedef enum {
#define PROPSET(set) PROPSET_##set,
#define PROP(set, id, name, dutch, type, ns, repeat, vocab, what)
#include "schema.def"
#undef PROPSET
#undef PROP
	PROPSET_COUNT
} PropSet;

typedef enum {
#define PROPSET(set)
#define PROP(set, id, name, dutch, type, ns, repeat, vocab, what) PROP_##set##_##id,
#include "schema.def"
#undef PROPSET
#undef PROP
	PROP_COUNT
} PropId;

typedef struct {
	PropSet set;
	const char *name;
	const char *dutch;           /* the same property in Dutch: "trekker" */
	ValueType type;
	unsigned ns;                 /* for names: NS_BIT mask */
	bool repeat;
	int vocab;                   /* Vocabulary of a choice, else NO_VOCAB */
	const char *what;            /* "the lead of an action", for messages */
} PropSpec;

/* No kind takes more properties than this (checked when the table is indexed). */
#define SCHEMA_MAX_SLOTS 16

/* What one block says, by slot. */
typedef struct {
	DeclKind kind;
	const Property *given[SCHEMA_MAX_SLOTS];  /* where each was first given */
	const Item *items[SCHEMA_MAX_SLOTS];      /* the items that fit, repeats joined */
} Props;

/*
 * Check a block against the table of `kind`: an unknown property (E501,
 * with "did you mean"), one given twice (E502), a value of the wrong shape
 * (E503).  Collects what fits into *out; `block` may be NULL.
 */
void schema_check_block(DiagSink *diags, DeclKind kind, const Block *block, Props *out);

/* The items of a property, first to last through `next`; NULL when absent. */
const Item *schema_item(const Props *props, PropId id);
/* Where a property was first given, even when none of its items fit. */
const Property *schema_given(const Props *props, PropId id);
/* The word of a choice as its vocabulary's value; an unknown word is E505
   (with the valid words) and gives `fallback`, as does an absent property. */
int schema_choice(DiagSink *diags, const Props *props, PropId id, int fallback);

/* Slots: a property's position among those of a kind. */
int schema_slot_count(DeclKind kind);
int schema_slot(DeclKind kind, PropId id);
const PropSpec *schema_slot_spec(DeclKind kind, int slot);
const PropSpec *schema_spec(PropId id);

/* The property names of a kind, comma-separated. */
const char *schema_property_list(DeclKind kind);

#endif
