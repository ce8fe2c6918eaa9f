/*
 * compare.h — several plans side by side, for a learning network
 * (`carenet compare`): one column per plan, rows for the building blocks
 * of the framework, the target groups, the capabilities, the shared
 * indicators (metrics) and the totals.  The reports (report_compare*.c)
 * only write what compare_build found.
 */
#ifndef CARENET_COMPARE_H
#define CARENET_COMPARE_H

#include "model.h"

/* How a need fares, counted over its need-areas. */
typedef struct {
	size_t needs, pairs, covered, signalled, gaps, accepted, signals;
} CompareCounts;

/* One plan: its file and the files without a plan that it imports. */
typedef struct {
	const Module *module;
	const Plan *plan;            /* NULL: a file with needs but no plan */
	const char *label;           /* the municipality, else the plan's title, else the file; unique */
	Vec needs, actions;          /* of Need, Action, in load and source order */
	CompareCounts counts;
	size_t by_action_status[4];  /* ActionStatus */
	size_t indicators, by_indicator_status[5]; /* IndicatorStatus */
} CompareColumn;

/* A building block: per column the needs on it and the actions that work on it
   (they name it, or address a need on it). */
typedef struct {
	const FrameworkBlock *block; /* NULL: needs and actions without a block */
	const FrameworkBlock *top;   /* its top block (enabling, minder mazen, meer net); NULL for none */
	Vec *needs, *actions;        /* one Vec per column */
} CompareBlockRow;

/* A target group or a capability: per column how its needs fare. */
typedef struct {
	const Entity *topic;
	CompareCounts *counts;       /* one per column */
} CompareTopicRow;

/* A metric: per column the indicators that measure it. */
typedef struct {
	const Metric *metric;
	Vec *indicators;             /* one Vec of Indicator per column */
	size_t columns;              /* how many columns measure it */
} CompareMetricRow;

typedef struct {
	CompareColumn *columns;
	size_t count;
	Vec blocks;                  /* of CompareBlockRow: grouped by top block, in declaration order */
	Vec groups, capabilities;    /* of CompareTopicRow, in the order the columns first name them */
	Vec metrics;                 /* of CompareMetricRow, likewise */
} Comparison;

/* The plans of the user's files, in load order (a file that only imports
   plans, a network file, is not a column itself). */
Comparison compare_build(const World *w);
/* (covered + signalled) / need-areas; NAN without need-areas */
double compare_rate(const CompareCounts *c);

#endif
