/*
 * eval.h — values of expressions: numbers (remembering percentages),
 * dates and strings; `let`s, place properties and the functions.
 *
 * Arithmetic is in doubles.  Division by zero, a missing value, a cycle
 * between lets and a number out of range are errors at the expression.
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

/* Evaluate in the scope of module m; false (reported) on error. */
bool eval_expr(World *w, Module *m, const Expr *e, Value *out);
/* Evaluate to a number; `what` names it in a type error ("a target"). */
bool eval_number(World *w, Module *m, const Expr *e, const char *what, double *out, bool *percent);
/* The population of a place: its own, or the sum of its areas'. */
bool eval_place_property(World *w, Module *m, Place *p, const char *prop, SrcLoc loc, double *out);
/* A declared (or summed) group size, g NULL for the population; silent when unknown. */
bool eval_group_size(World *w, Place *p, Group *g, double *out);
/* Evaluate every let, population and group size so each error is reported once. */
void eval_all(World *w);

#endif
