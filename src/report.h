/*
 * report.h — the evaluated plan as text, JSON and markdown, the check
 * report as JSON, and the signals grouped by the body they reach.
 * Everything follows source order (files in load order, declarations as
 * written), so two versions of a plan diff cleanly.
 */
#ifndef CARENET_REPORT_H
#define CARENET_REPORT_H

#include "buf.h"
#include "model.h"

/* "covered by visits", "signalled to ELZ Kempenland", "GAP: not addressed" */
const char *report_coverage_text(const Coverage *c);
/* The places a module's needs lie in, its own first, in source order. */
Vec report_need_places(const Module *m);
void report_eval_text(const World *w, StrBuf *out);
void report_eval_markdown(const World *w, StrBuf *out);
void report_eval_json(const World *w, StrBuf *out);
void report_check_json(const World *w, StrBuf *out);
void report_check_summary(const World *w, StrBuf *out);
void report_signals_text(const World *w, StrBuf *out);
/* report_visual.c */
void report_eval_dot(const World *w, StrBuf *out);
void report_eval_html(const World *w, StrBuf *out);

#endif
