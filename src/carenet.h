/*
 * carenet.h — the core, as the command line (and later the language
 * server) drives it: the one header between them and src/.
 *
 * A run, like jq's jq_init / jq_compile / jq_next:
 *
 *     Carenet *c = carenet_new(&options);
 *     carenet_load_prelude(c);                 the standard library
 *     carenet_load_file(c, "plan.care");       each plan and its imports
 *     carenet_evaluate(c);                     names, dates, values, analyses
 *     carenet_write_report(c, REPORT_EVAL, FORMAT_TEXT, &out);
 *
 * Diagnostics are collected, never printed, until the caller asks for
 * them in a format.  Everything lives in collected memory (mem.h).
 */
#ifndef CARENET_CARENET_H
#define CARENET_CARENET_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef struct Carenet Carenet;

typedef struct {
	long today;          /* day number; see carenet_today */
	bool has_as_of;      /* --as-of: evaluate every plan on this day */
	long as_of_day;
	bool werror;         /* warnings count as errors */
} CarenetOptions;

typedef enum { REPORT_CHECK, REPORT_EVAL, REPORT_SIGNALS } ReportKind;

typedef enum {
	FORMAT_TEXT, FORMAT_JSON, FORMAT_GITHUB, FORMAT_MARKDOWN, FORMAT_HTML, FORMAT_DOT,
	FORMAT_SARIF,        /* check: SARIF 2.1.0 for code scanning */
} Format;

typedef struct {
	size_t errors;       /* warnings included under werror */
	size_t warnings;
	size_t findings;     /* errors about coverage and escalation (E7xx) */
} CarenetCounts;

/* Today's day number: SOURCE_DATE_EPOCH's day when set; false with *why
   when that variable is malformed. */
bool carenet_today(long *day, const char **why);

Carenet *carenet_new(const CarenetOptions *options);
/* Load the prelude; false when the standard library cannot be found. */
bool carenet_load_prelude(Carenet *c);
/* Load a plan file ("-": standard input) and its imports; false when it
   could not be read (reported as E001). */
bool carenet_load_file(Carenet *c, const char *path);
/* Load the plan file `path` as if it were `as_path`: messages name it so,
   and its relative imports are read next to `as_path` (git hands a diff
   driver the old version in a temporary file). */
bool carenet_load_file_as(Carenet *c, const char *path, const char *as_path);
/* Load a plan already in memory under the name `path`. */
void carenet_load_text(Carenet *c, const char *path, const char *text, size_t len);
/* Resolve names, fix the evaluation dates, compute values, run the analyses. */
void carenet_evaluate(Carenet *c);

CarenetCounts carenet_counts(const Carenet *c);
/* The diagnostics, sorted: gcc-style text (FORMAT_TEXT) or GitHub annotations. */
void carenet_write_diagnostics(const Carenet *c, Format format, bool color, StrBuf *out);
/* A report in a format; the combinations the command line offers. */
void carenet_write_report(const Carenet *c, ReportKind kind, Format format, StrBuf *out);
/* What changed from `old` to `new` in the plan's terms; true when a gap opened. */
bool carenet_diff(const Carenet *old, const Carenet *new, StrBuf *out);

/* One evaluation of a plan among several: at a date (trend) or a commit (history). */
typedef struct {
	const char *label;           /* the date, as the report shows it */
	const char *detail;          /* the commit, or NULL */
	long day;                    /* the evaluation day */
	const Carenet *run;
} CarenetPoint;

/* trend (history false) or history: coverage and indicators over the points. */
void carenet_write_series(const CarenetPoint *points, size_t n, bool history, Format format, StrBuf *out);
/* check --history: W712 in `now` for each gap open longer than `months`
   through the committed versions `past` (oldest first); diagnostics re-sorted. */
void carenet_check_gap_ages(Carenet *now, const CarenetPoint *past, size_t n, int months);

/* A committed version of a plan file: its commit, day and text. */
typedef struct {
	const char *commit;
	long day;
	const char *text;
	size_t len;
} CarenetVersion;

/* The committed versions of a plan file, oldest first; false with *why
   when git cannot tell (no git, not a repository, never committed). */
bool carenet_git_versions(const char *path, CarenetVersion **versions, size_t *count, const char **why);

typedef enum { FORMATTED, FORMAT_UNREADABLE, FORMAT_UNPARSABLE } FormatResult;

/*
 * Read a plan file ("-": standard input) and lay it out canonically into
 * *out; *original gets the text as read.  When the file cannot be read
 * (E001) or does not parse, *errors holds the diagnostics, rendered.
 */
FormatResult carenet_format_file(const char *path, bool color, StrBuf *original, StrBuf *out,
				 StrBuf *errors);

#endif
