/*
 * diag.h — the diagnostics sink and its renderers.
 *
 * Every part of carenet reports here and never prints on its own.  A
 * diagnostic has a severity, a stable code (diag_codes.def), a location, a
 * message, and notes (related places, hints).  The renderers print them
 * sorted by file and position: gcc-style text with the source line and a
 * caret, GitHub workflow annotations, or JSON objects.
 */
#ifndef CARENET_DIAG_H
#define CARENET_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "source.h"
#include "table.h"

typedef enum { SEV_NOTE, SEV_WARNING, SEV_ERROR } Severity;

typedef enum {
#define DIAG(code, sev, title) DIAG_##code,
#include "diag_codes.def"
#undef DIAG
	DIAG_CODE_COUNT
} DiagCode;

typedef struct {
	SrcLoc loc;          /* src NULL: a hint without a place */
	const char *message;
} DiagNote;

/*
 * A suppression comment, `# carenet: ignore W802 "reason"` (suppress.c):
 * it silences one warning code for the diagnostics located in one
 * declaration, its scope.
 */
typedef struct DiagSuppression {
	DiagCode code;
	const char *reason;
	SrcLoc comment;      /* the comment itself, or the acceptance */
	SrcLoc scope;        /* the declaration it applies to */
	size_t uses;         /* diagnostics it silenced */
	const char *until;   /* an acceptance (`accept CODE on DECL until DATE`): the date; NULL for a comment */
	bool expired;        /* an acceptance past its date: the warning shows, with a note saying so */
} DiagSuppression;

/*
 * A fix: the edit a "did you mean" or a hint proposes, made where the
 * message is written, so what the user reads and what an editor applies
 * (the language server's quick fixes) come from one place.  Replace the
 * text at `loc` (an empty range inserts) with `text`; applied, the fix
 * leaves a plan without this diagnostic.
 */
typedef struct {
	SrcLoc loc;
	const char *text;
	const char *title;   /* "Replace 'ldx' with 'ldc'" */
} DiagFix;

typedef struct {
	Severity severity;
	DiagCode code;
	SrcLoc loc;
	const char *message;
	Vec notes;           /* of DiagNote */
	size_t seq;          /* emission order, to keep sorting stable */
	const DiagSuppression *suppressed_by; /* non-NULL: silenced in place, not counted */
	Vec fixes;           /* of DiagFix */
	bool hide_source;    /* print no excerpt: the file is not a plan (E005) */
} Diagnostic;

typedef struct {
	Vec diags;           /* of Diagnostic, at most `max_kept` */
	size_t max_kept;
	size_t errors;
	size_t warnings;
	size_t dropped;      /* counted but not kept, past the cap */
	size_t findings;     /* errors about coverage and escalation (E7xx) */
	int werror;          /* warnings count as errors */
	Vec suppressed;      /* of Diagnostic silenced in place, at most `max_kept` */
	size_t suppressed_count; /* all of them, kept or not */
	Vec suppressions;    /* of DiagSuppression, by file, then by position */
	Vec suppression_files; /* where each file's suppressions start (diag.c) */
	bool suppressions_unsorted; /* one was added out of order: sort before the next lookup */
	Table *baseline;  /* check --baseline: key -> how many of it the report has (baseline.c) */
	size_t baseline_total;   /* the report's diagnostics */
	size_t baselined;        /* findings found in it: not shown, not counted */
} DiagSink;

/* Keep at most this many diagnostics per run; the rest are counted. */
#define DIAG_DEFAULT_CAP 200

void diag_sink_init(DiagSink *sink);

/* Report; returns the diagnostic so notes can be added (NULL past the cap). */
Diagnostic *diag_report(DiagSink *sink, DiagCode code, SrcLoc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Whether a diagnostic of `code` at `loc` reported now would be kept: a
   message that is costly to build is built only then. */
bool diag_keeps(const DiagSink *sink, DiagCode code, SrcLoc loc);
void diag_note(Diagnostic *d, SrcLoc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Attach a fix (see DiagFix); a NULL title is "Replace 'old' with 'new'"
   or "Insert 'new'". */
void diag_fix(Diagnostic *d, SrcLoc loc, const char *text, const char *title);

const char *diag_code_name(DiagCode code);
const char *diag_code_title(DiagCode code);
Severity diag_code_severity(DiagCode code);
/* Parse "E201" back to a code; -1 when unknown. */
int diag_code_lookup(const char *name);

/* Sort by file load order, then position, then emission order. */
void diag_sort(DiagSink *sink);

typedef struct {
	int color;           /* ANSI colours */
} RenderOptions;

void diag_render_text(const DiagSink *sink, StrBuf *out, RenderOptions opts);
void diag_render_github(const DiagSink *sink, StrBuf *out);
/* A JSON array of the diagnostics. */
void diag_render_json(const DiagSink *sink, StrBuf *out);
/* The key of a finding in a baseline: its file, code and message (not its line). */
const char *diag_baseline_key(const char *file, const char *code, const char *message);
/* How many of the baseline's findings were not found again (fixed since). */
size_t diag_baseline_gone(const DiagSink *sink);
/* "2 errors, 1 warning" (", 3 suppressed" when some were) */
void diag_summary(const DiagSink *sink, StrBuf *out);

/* ---- suppressions (the comments are read by suppress.c) ---- */

/* Whether a suppression comment may name this code: warnings, except the
   ones about suppression comments themselves. */
bool diag_code_suppressible(DiagCode code);
/* Silence `s->code` in `s->scope` from now on; scopes are added in the order
   of the file, which is read once. */
void diag_suppression_add(DiagSink *sink, DiagSuppression *s);
/* Report every suppression that silenced nothing (W955); after the analyses. */
void diag_report_unused_suppressions(DiagSink *sink);
/* Every diagnostic kept, silenced ones included, sorted (after diag_sort):
   what the machine formats (JSON, SARIF) list. */
Vec diag_all_sorted(const DiagSink *sink);
/* 1-based line and column of both ends of a location (0 without a place);
   columns count Unicode code points, the end is exclusive. */
void diag_loc_range(SrcLoc loc, int *line, int *column, int *end_line, int *end_column);

#endif
