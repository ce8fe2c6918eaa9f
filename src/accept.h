/*
 * accept.h — acceptances: a finding accepted, visibly, for a while.
 *
 *     accept eenzaamheid in centrum until 2026-06-30 "eerst de analyse afronden"
 *     accept W802 on huisbezoeken until 2026-12-31 "de doelgroep wordt opnieuw geteld"
 *
 * The first turns the gaps of a need (in the areas named, or all of them)
 * into accepted ones; the second silences a warning code on one
 * declaration, through the sink's suppressions (diag.h).  Both hold until
 * their date, on the evaluation date of the plan that writes them; after
 * it the gap is an error again and the warning is back, each with a note
 * saying the acceptance expired.  Every report lists them.
 */
#ifndef CARENET_ACCEPT_H
#define CARENET_ACCEPT_H

#include "model.h"

/* Resolve what an acceptance names (bind.c, with the signals: after the needs). */
void accept_bind(World *w, Module *m, Acceptance *a);
/* Once the evaluation dates are known: which acceptances are in force, the
   acceptance of each need-area, and the warnings to silence. */
void accept_prepare(World *w);
/* After the analyses: W714 for each acceptance that accepted nothing. */
void accept_report_unused(World *w);

#endif
