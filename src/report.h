/*
 * report.h — writing the evaluated plan: text, JSON, markdown, HTML and a
 * Graphviz graph, the check report, and the signals grouped by the body
 * they reach.  Reports read a const world and only write.  Everything
 * follows source order (files in load order, declarations as written), so
 * two versions of a plan diff cleanly.
 */
#ifndef CARENET_REPORT_H
#define CARENET_REPORT_H

#include "buf.h"
#include "json.h"
#include "model.h"

/*
 * The version of the JSON outputs (check, eval, compare), MAJOR.MINOR
 * (docs/json.md): the minor number grows when a field is added, the major
 * one when a field is removed, renamed or changes meaning.
 */
#define REPORT_JSON_VERSION "1.4"

/* ---- report.c: shared by the formats ---- */

typedef struct {
	size_t needs, pairs, covered, signalled, gaps, accepted;
	size_t actions, indicators, by_status[5];   /* indicators by IndicatorStatus */
} ReportTotals;

ReportTotals report_totals(const World *w);
const char *report_cover_word(CoverStatus s);           /* "covered" */
const char *report_indicator_word(IndicatorStatus s);   /* "on track" */
const char *report_status_word(ActionStatus s);         /* "running" */
const char *report_priority_word(Priority p);           /* "high"; NULL for none */
const char *report_phase_word(Phase p);                 /* "analysis"; NULL for none */
/* Text names at most this many of the actions covering a need's area. */
#define REPORT_LISTED_ACTIONS 5
/* "covered by visits", "signalled to ELZ Kempenland", "GAP: not addressed",
   "covered by a, b, c, d, e and 12 more" */
const char *report_coverage_text(const Coverage *c);
/* "eenzaamheid in oevel until 2026-06-30", "W802 on huisbezoeken until 2026-12-31" */
const char *report_acceptance_subject(const Acceptance *a);
/* "1 gap accepted", "expired: a gap again", "accepts nothing" */
const char *report_acceptance_state(const Acceptance *a);
/* The places a module's needs lie in, its own first, in source order. */
Vec report_need_places(const Module *m);
/* "psychologist (Meer) -> ELZ Kempenland -> Provincie Antwerpen" */
const char *report_route_text(const Signal *s, const Route *r);
/* "baseline 0, target 96 persons by 2026-12-31" */
const char *report_indicator_line(const Indicator *ind);
/* "latest 71 (2025-12), progress 74%, expected 45.5%: on track" */
const char *report_progress_line(const Indicator *ind);
/* An indicator's measurements that count (evaluated, not after the
   evaluation date), in date order (of Measure). */
Vec report_series(const Indicator *ind);
/* A value as the indicator writes it: 71, 34% */
const char *report_value(const Indicator *ind, double v);
/* From one value to the next: "+31", "-4 points" */
const char *report_change(const Indicator *ind, double from, double to);
/* "2025-06: 40 (+40), 2025-12: 71 (+31, n=180)"; NULL without measurements */
const char *report_series_text(const Indicator *ind);
/* One signal's routes that reach one body. */
typedef struct {
	const Signal *signal;
	const Body *body;
	size_t rank;                 /* the body's place in SignalIndex.bodies */
	Vec routes;                  /* of Route, in the signal's order */
} SignalReach;

/* The signals that reach one body, in source order. */
typedef struct {
	const Body *body;
	Vec reaches;                 /* of SignalReach */
} BodyReach;

/* Signals by the bodies they reach, built once, so a report is linear in the
   routes however many bodies and signals there are. */
typedef struct {
	Vec bodies;                  /* of BodyReach, in the order signals first reach them */
	Vec by_signal;               /* of SignalReach: signals in source order, each one's bodies in that order */
} SignalIndex;

SignalIndex report_signal_index(const World *w);
/* The areas of routes (of one signal to one body), "Meer, Minderhout". */
const char *report_areas_text(const SignalReach *r, bool titles);
/* The plan a signal comes from, or its file. */
const char *report_signal_origin(const Signal *s);
/* Which membership sent a signal to its body, from which source and date:
   "hoogstraten in ELZ Kempenland, as of 2021-06-12 (source: ...)" */
const char *report_membership_text(const Reach *r);

/* Plan text in HTML (element text or an attribute value): < > & " ' as entities. */
void report_html_text(StrBuf *out, const char *s);
/* Plan text in a markdown table cell: no pipes or line ends, nothing taken for
   HTML, a link or an image (< and & as entities, [ ] escaped). */
const char *report_markdown_cell(const char *s);
/* The distinct memberships (of Reach) through which signal s reached body b. */
Vec report_memberships_reaching(const Signal *s, const Body *b);

/* ---- one file per format ---- */
void report_text_eval(const World *w, StrBuf *out);
void report_text_check_summary(const World *w, StrBuf *out);
void report_json_eval(const World *w, StrBuf *out);
void report_json_check(const World *w, StrBuf *out);
/* Which memberships (of Reach) sent a signal to its body, under `key`: an array of
   member, body, period, source, as_of and unconfirmed (eval's `memberships`, signals' `through`). */
void report_json_memberships(JsonWriter *j, const char *key, Vec reaches);
/* Start a JSON report: the object, its format_version and language (docs/json.md). */
void report_json_begin(JsonWriter *j, StrBuf *out);
/* "latest": {"date", "value"} of an indicator, or null */
void report_json_latest(JsonWriter *j, const Indicator *ind);
/* "key": [the IDs of the entities] */
void report_json_names(JsonWriter *j, const char *key, const Vec *entities);
void report_sarif_check(const World *w, StrBuf *out);
void report_markdown_eval(const World *w, StrBuf *out);
void report_html_eval(const World *w, StrBuf *out);
/* The style sheet of the HTML reports (the charts' included): one look for every page. */
extern const char report_html_style[];
void report_dot_eval(const World *w, StrBuf *out);
/* report_signals.c: what each body received, and where each signal stands */
void report_signals_text(const World *w, StrBuf *out);
void report_signals_json(const World *w, StrBuf *out);
void report_signals_markdown(const World *w, StrBuf *out);
void report_signals_html(const World *w, StrBuf *out);
/* report_trend.c: one plan evaluated at several dates (trend) or commits (history). */
typedef struct {
	const char *label;           /* the date */
	const char *detail;          /* the commit, for history; NULL otherwise */
	const World *world;
} ReportPoint;

void report_trend_text(const ReportPoint *points, size_t n, StrBuf *out);
void report_trend_history_text(const ReportPoint *points, size_t n, StrBuf *out);
/* trend and history alike: points with coverage, new and closed gaps, indicators */
void report_trend_json(const ReportPoint *points, size_t n, StrBuf *out);

/* report_chart.c: an indicator over time as an inline SVG figure with a caption. */
void report_chart_svg(const Indicator *ind, StrBuf *out);

#endif
