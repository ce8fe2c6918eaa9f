/*
 * eval.h — values: numbers (remembering percentages), dates and strings;
 * `let`s, the populations and group sizes of places, and the figures of
 * indicators.
 *
 * eval_all computes every value of the plans once, so each error is
 * reported once and everything after it only reads: analyses and reports
 * never evaluate an expression.  Arithmetic is in doubles.  Division by
 * zero, a missing value, a value that depends on itself and a number out
 * of range are errors at the expression.
 */
#ifndef CARENET_EVAL_H
#define CARENET_EVAL_H

#include "model.h"

typedef enum { VAL_NUMBER, VAL_DATE, VAL_STRING } ValueKind;

typedef struct Value {
	ValueKind kind;
	double number;
	bool percent;        /* written as a percentage: print it as one */
	Date date;
	const char *string;
} Value;

/*
 * Values may refer to each other (a let to a let, a population to another
 * place's) but not more than this many steps deep (E108): evaluation
 * follows references on the C stack, and the input must not decide how deep
 * that goes (docs/limits.md).
 */
#define EVAL_MAX_DEPTH 4000

/* Evaluate every let, population, group size and indicator figure. */
void eval_all(World *w);

/*
 * Read what eval_all computed: a place's population (g NULL) or the size
 * of group g, declared or summed over its areas.  False when unknown.
 */
bool eval_group_total(const Place *p, const Group *g, double *out);

#endif
