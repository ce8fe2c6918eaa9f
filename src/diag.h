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

#include <stdio.h>

#include "buf.h"
#include "source.h"

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
	Vec fixes;           /* of DiagFix */
} Diagnostic;

typedef struct {
	Vec diags;           /* of Diagnostic, at most `max_kept` */
	size_t max_kept;
	size_t errors;
	size_t warnings;
	size_t dropped;      /* counted but not kept, past the cap */
	size_t findings;     /* errors about coverage and escalation (E7xx) */
	int werror;          /* warnings count as errors */
} DiagSink;

/* Keep at most this many diagnostics per run; the rest are counted. */
#define DIAG_DEFAULT_CAP 200

void diag_sink_init(DiagSink *sink);

/* Report; returns the diagnostic so notes can be added (NULL past the cap). */
Diagnostic *diag_report(DiagSink *sink, DiagCode code, SrcLoc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
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

int diag_has_errors(const DiagSink *sink);
/* Sort by file load order, then position, then emission order. */
void diag_sort(DiagSink *sink);

typedef struct {
	int color;           /* ANSI colours */
} RenderOptions;

void diag_render_text(const DiagSink *sink, StrBuf *out, RenderOptions opts);
void diag_render_github(const DiagSink *sink, StrBuf *out);
/* A JSON array of the diagnostics. */
void diag_render_json(const DiagSink *sink, StrBuf *out);
/* "2 errors, 1 warning" */
void diag_summary(const DiagSink *sink, StrBuf *out);

#endif
