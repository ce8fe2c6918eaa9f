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

typedef enum { FORMATTED, FORMAT_UNREADABLE, FORMAT_UNPARSABLE } FormatResult;

/*
 * Read a plan file ("-": standard input) and lay it out canonically into
 * *out; *original gets the text as read.  When the file cannot be read
 * (E001) or does not parse, *errors holds the diagnostics, rendered.
 */
FormatResult carenet_format_file(const char *path, bool color, StrBuf *original, StrBuf *out,
				 StrBuf *errors);

#endif
