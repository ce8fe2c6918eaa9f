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
	NS_COUNT
} Namespace;

#define NS_BIT(ns) (1u << (ns))

typedef struct {
	Namespace ns;
	Decl *decl;
} Entity;

typedef struct Module Module;
typedef struct Plan Plan;

typedef struct Place {
	Entity base;
	bool is_municipality;
	struct Place *parent;        /* the area or municipality it lies in */
	struct Place *municipality;  /* itself for a municipality */
	Expr *population_expr;
	int population_state;        /* 0 not yet, 1 evaluated, 2 failed */
	double population;
	Vec group_sizes;             /* of GroupSize */
	Vec children;                /* of Place, source order */
	bool has_need;               /* a need lies in it or in one of its areas */
	int containment_state;       /* cycle detection */
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
	int state;                   /* 0 not yet, 1 evaluated, 2 failed */
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
	int member_state;            /* cycle detection */
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

typedef enum { PRIORITY_NONE, PRIORITY_LOW, PRIORITY_MEDIUM, PRIORITY_HIGH } Priority;

typedef enum { COVER_GAP, COVER_COVERED, COVER_SIGNALLED } CoverStatus;

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
	Module *module;
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

typedef enum { STATUS_PLANNED, STATUS_RUNNING, STATUS_DONE, STATUS_STOPPED } ActionStatus;

typedef enum { IND_NO_DATA, IND_BEHIND, IND_ON_TRACK, IND_ACHIEVED } IndicatorStatus;

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
	Module *module;
	Vec addresses;               /* of Need */
	Vec places;                  /* of Place; empty: the needs' areas */
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
	Module *module;
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
	int state;                   /* 0 new, 1 evaluating, 2 done */
	struct Value *value;
} Let;

struct Plan {
	Entity base;
	Module *module;
	Place *municipality;
	Body *body;                  /* a supra-local plan speaks for a body */
	bool has_period, has_as_of;
	Date period_start, period_end, as_of;
	const char *owner;
	const char *description;
	long eval_day;               /* the evaluation date in use */
};

struct Module {
	Source *src;
	const char *key;             /* canonical path: each file loads once */
	const char *name;            /* as imported or given */
	bool is_stdlib;
	int state;                   /* 0 new, 1 loading, 2 loaded */
	Vec decls;
	Vec imports;                 /* of Module */
	Table names[NS_COUNT];       /* own declarations */
	Table *visible;              /* own + imports, built on demand */
	Plan *plan;
	Vec needs, actions, signals, actors, places, lets, bodies;
};

typedef struct World {
	DiagSink *diags;
	Vec modules;                 /* load order */
	Table by_key;                /* canonical path -> Module */
	Module *prelude;
	Vec search_path;             /* of char*: stdlib directories */
	Vec load_stack;              /* for import cycles */
	bool has_as_of_override;
	long as_of_override;
	long today;
} World;

/* Every module of the plans themselves, in load order (the stdlib's are skipped). */
#define FOR_USER_MODULES(w, m)                                                  \
	for (size_t mi_ = 0; mi_ < (w)->modules.len; mi_++)                     \
		for (Module *m = VEC_AT((w)->modules, Module, mi_); m; m = NULL) \
			if (!m->is_stdlib)

const char *namespace_noun(Namespace ns);       /* "an area or municipality" */
const char *entity_noun(const Entity *e);       /* "area", "municipality", ... */
const char *entity_name(const Entity *e);       /* the ID */
const char *entity_title(const Entity *e);      /* the display name, else the ID */
const char *with_article(const char *noun);     /* "area" -> "an area" */

#endif
