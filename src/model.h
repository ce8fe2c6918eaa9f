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
	NS_METRIC,      /* metric: a shared indicator definition */
	NS_COUNT,
	NS_NONE = NS_COUNT   /* signals, answers: not looked up by name */
} Namespace;

#define NS_BIT(ns) (1u << (ns))

typedef struct Module Module;
typedef struct Plan Plan;

/* Where a declaration's facts come from, and as of when (`source`, `as_of`). */
typedef struct {
	const char *source;          /* NULL when not said */
	bool has_as_of;
	Date as_of;
} Provenance;

typedef struct {
	Namespace ns;
	Decl *decl;
	Module *module;              /* the file that declares it */
	const Provenance *provenance; /* NULL when the declaration says none */
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
	PairMap group_index;         /* (Group, NULL) -> GroupSize, declared or summed when asked (eval.c) */
	Vec children;                /* of Place, source order */
	bool has_need;               /* a need lies in it or in one of its areas */
	VisitState containment;      /* finding its municipality */
	bool has_nis, has_postcode;
	long nis, postcode;          /* the codes of the statistics office and the post */
	struct Place *merged_into;   /* the municipality it became part of ... */
	Date merged_on;              /* ... on this day */
	Vec reaches;                 /* of Reach: the bodies that have it among their members */
	Vec coverages;               /* of Coverage: the need-areas that name this place */
	struct Coverage *lookup;     /* accept.c: the coverage of the need being assigned, else NULL */
	int depth;                   /* places around it: 0 for a municipality (places.c) */
	/* coverage.c, for the need being classified (valid while cover_need is it) */
	const void *cover_need;
	Vec *cover_actions;          /* the need's actions whose `in` names this place */
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

typedef struct Body Body;

/* One entry of a body's `members`: a place or a body, for a while, on a source's word. */
typedef struct {
	Body *body;
	Entity *member;              /* a Place or a Body; NULL when the name did not resolve */
	SrcLoc loc;
	bool has_from, has_to;
	Date from, to;               /* first and last day (a month: its first, its last) */
	const Provenance *provenance; /* its own, else the body's */
	const char *unconfirmed;     /* why no source confirms it; NULL when one does */
} Membership;

/* That a place belongs to a body, directly or through member bodies, and when. */
typedef struct {
	Body *body;
	const Membership *leaf;      /* the membership that names the place */
	long from, to;               /* day numbers, LONG_MIN / LONG_MAX when open */
	const char *unconfirmed;     /* the first unconfirmed link's reason, or NULL */
} Reach;

struct Body {
	Entity base;
	Kind *kind;
	Vec memberships;             /* of Membership, in source order */
	Entity *escalates_to;        /* Body or Kind, NULL: the kind's */
	Vec containers;              /* of Membership: where this body is itself a member */
	VisitState membership;       /* checking membership cycles */
	Plan *plan;                  /* the supra-local plan of this body, if loaded */
};

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
typedef struct Acceptance Acceptance;

/* One need in one of its areas. */
typedef struct Coverage {
	Need *need;
	Place *area;
	SrcLoc loc;                  /* where the need names the area */
	CoverStatus status;
	Vec actions;                 /* of Action: the first covering it, in source order (coverage.c) */
	size_t action_count;         /* how many actions cover it */
	Signal *signal;
	struct Body *body;           /* where the signal goes */
	Acceptance *acceptance;      /* the acceptance naming it, in force (accepted) or expired (a gap) */
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
	Vec indicators;              /* of Indicator: outcomes measured on the need */
	Vec acceptances;             /* of Acceptance of its gaps */
};

typedef struct {
	Date date;
	Expr *value_expr;
	SrcLoc loc;
	double value;
	bool ok;
	bool has_sample;             /* sample DATE: N, for this date */
	double sample;
	bool counted;                /* on or before the evaluation date (impact.c) */
} Measure;

/* adjusted 2025-09: "Doelgroep uitgebreid naar 65-plussers" */
typedef struct {
	Date date;
	const char *text;
	SrcLoc loc;
} Adjustment;

/*
 * metric ID "Title" { unit ...; scale LOW .. HIGH; direction ...; source "..." }:
 * what an indicator measures, declared once (stdlib/indicators.care) so that
 * plans measuring the same thing can be compared (compare.c).
 */
typedef struct Metric {
	Entity base;
	const char *unit;            /* NULL when not said */
	bool has_scale;
	double scale_low, scale_high;
	Direction direction;         /* DIRECTION_NONE when not said */
	const char *description;
} Metric;

typedef struct Indicator {
	Name id;
	const char *title;
	SrcLoc loc;
	Action *action;              /* the action it follows (an output) ... */
	Need *need;                  /* ... or the need (an outcome); one of the two */
	const char *unit;
	SrcLoc unit_loc;             /* where the indicator says its unit; file 0: not said */
	const Ref *metric_ref;       /* metric NAME, resolved by bind.c */
	struct Metric *metric;       /* what it measures, shared; NULL when not said */
	Expr *baseline_expr, *target_expr;
	bool has_baseline_date;      /* baseline 2024-03: 38% */
	Date baseline_date;
	bool has_baseline_sample;
	double baseline_sample;
	bool has_by;
	Date by;
	Vec measures;                /* of Measure */
	/* evaluated */
	bool ok;                     /* baseline and target evaluated */
	double baseline, target;
	bool target_percent;
	long deadline, start;        /* day numbers */
	Date due;                    /* the deadline as the plan writes it (by, to, period end) */
	Date begins;                 /* the start as the plan writes it (from, baseline date, period start) */
	Measure *latest;
	double progress, expected;
	IndicatorStatus status;
} Indicator;

struct Action {
	Entity base;
	Vec addresses;               /* of Need */
	Vec places;                  /* of Place, as written in `in`; none: it runs where its needs are */
	Actor *lead;
	Vec partners;                /* of Actor */
	bool has_from, has_to;
	Date from, to;
	SrcLoc from_loc, to_loc;
	ActionStatus status;
	const char *description;
	Vec indicators;              /* of Indicator */
	Vec adjustments;             /* of Adjustment, as written */
	Vec blocks;                  /* of FrameworkBlock: the building blocks it works on */
	/* coverage.c: its position among the actions of the need being classified */
	const void *cover_need;
	size_t cover_position;
};

/* Where a signal goes for one area. */
typedef struct {
	Place *area;
	Body *body;                  /* NULL when unresolved */
	const Reach *reach;          /* the membership that decided, NULL for a body named directly */
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
	Action *answered_by;         /* the action of an `answer` that counts for some route */
	const Decl *answer;          /* that `answer`, for messages */
	/* its life cycle, as the sender writes it: signal ... { sent; status; reply; expected } */
	bool has_sent, has_expected;
	Date sent, expected;
	SignalStatus own_status;     /* SIG_UNKNOWN when not said */
	const char *reply;
	struct Answer *record;       /* what the body's plan records of it, if anything */
	SignalStatus status;         /* where it stands, all told (escalate.c) */
	long open_days;              /* since it was sent, while it is open; -1 otherwise */
	bool overdue;                /* open past its expected date */
};

/* answer PLAN.NEED [with ACTION] { received DATE; status ...; reply "..." } */
typedef struct Answer {
	Entity base;
	Need *need;
	Action *action;              /* NULL: receipt or reply without an action */
	bool has_received;
	Date received;
	SignalStatus status;         /* SIG_UNKNOWN when not said */
	const char *reply;
} Answer;

/*
 * accept NEED [in AREA, ...] until DATE "reason": those gaps are accepted,
 * visibly, until the date; accept CODE on DECL until DATE "reason": that
 * warning is, on that declaration.  After the date they are findings again.
 */
struct Acceptance {
	Entity base;
	Need *need;                  /* a gap accepted ... (NULL for a code) */
	Vec areas;                   /* of Place: those named; empty: all the need's areas */
	bool is_code;
	DiagCode code;               /* ... or a warning on a declaration */
	Entity *on;
	Date until;
	long until_day;              /* its last day */
	const char *reason;
	bool in_force;               /* the evaluation date is on or before until_day */
	size_t gaps;                 /* the gaps it accepts (coverage.c) */
	size_t expired_gaps;         /* the gaps it would accept had it not expired */
	bool reported;               /* an error about it was reported: no W714 on top */
	bool valid;                  /* complete and bound: it accepts (reports list only these) */
	DiagSuppression *suppression; /* for a code in force: the sink silences through it */
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
	Phase phase;                 /* PHASE_NONE when not said: judged as implementation */
};

struct Module {
	Source *src;
	const char *key;             /* canonical path: each file loads once */
	const char *name;            /* as imported or given */
	bool is_stdlib;
	VisitState loading;          /* VISIT_ACTIVE while its imports load */
	bool imported;               /* another file imports it (or it is the prelude) */
	Vec decls;
	Vec imports;                 /* of Module */
	Table names[NS_COUNT];       /* own declarations */
	Vec reach;                   /* of Module: what its imports bring, transitively (names.c) */
	PairSet reaches;             /* the same as a set; both built on the first lookup */
	bool reach_known;
	Table *found;                /* names.c: names several files define, resolved here */
	Plan *plan;
	long eval_day;               /* the evaluation date of its plan (clock.h) */
	Vec needs, actions, signals, actors, places, lets, bodies;
	Vec metrics;                 /* of Metric, source order */
	Vec acceptances;
	int spelling;                /* spelling.c: 0 not yet known, else its Spelling + 1 */
};

typedef struct World {
	DiagSink *diags;
	Vec modules;                 /* load order */
	Table by_key;                /* canonical path -> Module */
	Module *prelude;
	Vec search_path;             /* of char*: stdlib directories */
	Vec load_stack;              /* for import cycles */
	Table definers[NS_COUNT];    /* name -> Vec of the entities defining it in every file that
	                                is imported (names.c, built on the first lookup through imports) */
	bool definers_known;
	PairMap bodies_of_kind;      /* (municipality, kind) -> the bodies of that kind it belongs to (escalate.c) */
	PairSet need_areas;          /* (need, place): the need's `in` names the place (bind.c) */
	PairMap candidates;          /* (module, namespaces) -> Vec: the names it sees, sorted (names.c) */
	Clock clock;                 /* where evaluation dates come from */
	Table overlay;               /* canonical path -> Source: texts read instead of the disk */
	const char *root;            /* --root: plan files are read only inside it (a real path), or NULL */
	Vec unknown_places;          /* E401s of place names no file declares (names.c, import_hint.c) */
} World;

/* Every module of the plans themselves, in load order (the stdlib's are skipped). */
#define FOR_USER_MODULES(w, m)                                                  \
	for (size_t mi_ = 0; mi_ < (w)->modules.len; mi_++)                     \
		for (Module *m = VEC_AT((w)->modules, Module, mi_); m; m = NULL) \
			if (!m->is_stdlib)

/* entity.c: creating entities and naming them in messages. */
Entity *entity_new(Decl *d, Module *m);         /* NULL for a kind without one */
Namespace entity_namespace_of(DeclKind kind);   /* where names of that kind are looked up */
const char *entity_noun(const Entity *e);       /* "area", "municipality", ...: JSON's kind */
const char *entity_word(const Entity *e);       /* the same in the language of messages ("gebied") */
const char *entity_name(const Entity *e);       /* the ID */
const char *entity_title(const Entity *e);      /* the display name, else the ID */

#endif
