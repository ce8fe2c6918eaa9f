/*
 * model.h — the typed plan: modules, the entities their declarations
 * define, and what evaluation computes about them.
 *
 * Every entity starts with an Entity header (its namespace and declaring
 * Decl), so name tables can hold any of them.  Lists keep source order.
 */
#ifndef CARENET_MODEL_H
#define CARENET_MODEL_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "table.h"
#include "clock.h"
#include "vocab.h"

/* Names are looked up by kind: each namespace is its own table. */
typedef enum {
	NS_PLACE,       /* municipality, area */
	NS_BODY,
	NS_KIND,
	NS_CAPABILITY,
	NS_BLOCK,
	NS_GROUP,
	NS_ACTOR,
	NS_NEED,
	NS_ACTION,
	NS_LET,
	NS_PLAN,
	NS_COUNT,
	NS_NONE = NS_COUNT   /* signals, answers: not looked up by name */
} Namespace;

#define NS_BIT(ns) (1u << (ns))

typedef struct Module Module;
typedef struct Plan Plan;

typedef struct {
	Namespace ns;
	Decl *decl;
	Module *module;              /* the file that declares it */
} Entity;

/* A value computed once, on first use, so its errors are reported once. */
typedef enum { VALUE_PENDING, VALUE_BUSY, VALUE_OK, VALUE_FAILED } ValueState;

/* A walk over a graph the plan defines (containment, members, imports). */
typedef enum { VISIT_NEW, VISIT_ACTIVE, VISIT_DONE } VisitState;

typedef struct Place {
	Entity base;
	bool is_municipality;
	struct Place *parent;        /* the area or municipality it lies in */
	struct Place *municipality;  /* itself for a municipality */
	Expr *population_expr;
	ValueState population_state; /* its own or the sum of its areas' */
	double population;
	Vec group_sizes;             /* of GroupSize, as declared */
	Vec group_totals;            /* of GroupSize: sums of its areas', computed when asked */
	Vec children;                /* of Place, source order */
	bool has_need;               /* a need lies in it or in one of its areas */
	VisitState containment;      /* finding its municipality */
	Vec bodies;                  /* bodies with this municipality among their members */
	Vec coverages;               /* of Coverage: the need-areas that name this place */
} Place;

typedef struct Group {
	Entity base;
} Group;

typedef struct {
	Group *group;
	Expr *size;
	SrcLoc loc;
	ValueState state;
	double value;
} GroupSize;

typedef struct Kind {
	Entity base;
	Entity *escalates_to;        /* a Kind */
} Kind;

typedef struct Body {
	Entity base;
	Kind *kind;
	Vec members;                 /* of Entity: Place (municipality) or Body */
	Entity *escalates_to;        /* Body or Kind, NULL: the kind's */
	Vec municipalities;          /* transitive members, computed */
	VisitState membership;       /* collecting its municipalities */
	Plan *plan;                  /* the supra-local plan of this body, if loaded */
} Body;

typedef struct Capability {
	Entity base;
	Kind *handled_by;
} Capability;

typedef struct FrameworkBlock {
	Entity base;
	struct FrameworkBlock *part_of;
} FrameworkBlock;

typedef struct Actor {
	Entity base;
	Kind *kind;
	Vec serves;                  /* of Place */
	Vec provides;                /* of Capability */
	bool leads;
} Actor;

typedef struct Need Need;
typedef struct Action Action;
typedef struct Signal Signal;

/* One need in one of its areas. */
typedef struct {
	Need *need;
	Place *area;
	SrcLoc loc;                  /* where the need names the area */
	CoverStatus status;
	Vec actions;                 /* of Action covering it */
	Signal *signal;
	struct Body *body;           /* where the signal goes */
} Coverage;

struct Need {
	Entity base;
	Vec areas;                   /* of Coverage, one per area listed */
	Group *group;
	FrameworkBlock *block;
	Vec requires;                /* of Capability */
	Priority priority;
	const char *evidence;
	const char *description;
	Vec actions;                 /* addressing it */
	Vec signals;
};

typedef struct {
	Date date;
	Expr *value_expr;
	SrcLoc loc;
	double value;
	bool ok;
} Measure;

typedef struct Indicator {
	Name id;
	const char *title;
	SrcLoc loc;
	Action *action;
	const char *unit;
	Expr *baseline_expr, *target_expr;
	bool has_by;
	Date by;
	Vec measures;                /* of Measure */
	/* evaluated */
	bool ok;                     /* baseline and target evaluated */
	double baseline, target;
	bool target_percent;
	long deadline, start;        /* day numbers */
	Measure *latest;
	double progress, expected;
	IndicatorStatus status;
} Indicator;

struct Action {
	Entity base;
	Vec addresses;               /* of Need */
	Vec places;                  /* of Place, as written in `in` */
	Vec runs_in;                 /* of Place: `in`, else the areas of its needs (computed) */
	Actor *lead;
	Vec partners;                /* of Actor */
	bool has_from, has_to;
	Date from, to;
	SrcLoc from_loc, to_loc;
	ActionStatus status;
	const char *description;
	Vec indicators;              /* of Indicator */
};

/* Where a signal goes for one area. */
typedef struct {
	Place *area;
	Body *body;                  /* NULL when unresolved */
	Vec path;                    /* of Body: escalation beyond the first */
	bool answered;
} Route;

struct Signal {
	Entity base;
	Need *need;
	Vec areas;                   /* of Place (explicit or all the need's) */
	Entity *target;              /* Body or Kind */
	const char *message;
	Vec routes;                  /* of Route, one per area */
	Action *answered_by;
};

typedef struct {
	Entity base;
	Expr *expr;
	ValueState state;
	struct Value *value;
} Let;

struct Plan {
	Entity base;
	Place *municipality;
	Body *body;                  /* a supra-local plan speaks for a body */
	bool has_period, has_as_of;
	Date period_start, period_end, as_of;
	const char *owner;
	const char *description;
};

struct Module {
	Source *src;
	const char *key;             /* canonical path: each file loads once */
	const char *name;            /* as imported or given */
	bool is_stdlib;
	VisitState loading;          /* VISIT_ACTIVE while its imports load */
	Vec decls;
	Vec imports;                 /* of Module */
	Table names[NS_COUNT];       /* own declarations */
	Table *visible;              /* own + imports, built on demand */
	Plan *plan;
	long eval_day;               /* the evaluation date of its plan (clock.h) */
	Vec needs, actions, signals, actors, places, lets, bodies;
};

typedef struct World {
	DiagSink *diags;
	Vec modules;                 /* load order */
	Table by_key;                /* canonical path -> Module */
	Module *prelude;
	Vec search_path;             /* of char*: stdlib directories */
	Vec load_stack;              /* for import cycles */
	Clock clock;                 /* where evaluation dates come from */
	Table overlay;               /* canonical path -> Source: texts read instead of the disk */
} World;

/* Every module of the plans themselves, in load order (the stdlib's are skipped). */
#define FOR_USER_MODULES(w, m)                                                  \
	for (size_t mi_ = 0; mi_ < (w)->modules.len; mi_++)                     \
		for (Module *m = VEC_AT((w)->modules, Module, mi_); m; m = NULL) \
			if (!m->is_stdlib)

/* entity.c: creating entities and naming them in messages. */
Entity *entity_new(Decl *d, Module *m);         /* NULL for a kind without one */
const char *entity_noun(const Entity *e);       /* "area", "municipality", ... */
const char *entity_name(const Entity *e);       /* the ID */
const char *entity_title(const Entity *e);      /* the display name, else the ID */

#endif
