/*
 * carenet.h — the core, as the command line and the language server drive
 * it: the one header between them and src/.
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
	const char *root;    /* --root: read plan files only inside this directory (NULL: anywhere) */
} CarenetOptions;

typedef enum { REPORT_CHECK, REPORT_EVAL, REPORT_SIGNALS, REPORT_COMPARE } ReportKind;

typedef enum {
	FORMAT_TEXT, FORMAT_JSON, FORMAT_GITHUB, FORMAT_MARKDOWN, FORMAT_HTML, FORMAT_DOT,
	FORMAT_SARIF,        /* check: SARIF 2.1.0 for code scanning */
	FORMAT_CSV,          /* compare: RFC 4180, for a spreadsheet */
} Format;

typedef struct {
	size_t errors;       /* warnings included under werror */
	size_t warnings;
	size_t findings;     /* errors about coverage and escalation (E7xx) */
} CarenetCounts;

/* The real path of a directory for CarenetOptions.root; NULL with *why
   when it is not one. */
const char *carenet_root(const char *dir, const char **why);

/* Today's day number: SOURCE_DATE_EPOCH's day when set; false with *why
   when that variable is malformed. */
bool carenet_today(long *day, const char **why);

/* Text from the command line or a file name, safe to print on a terminal:
   control characters and bidirectional overrides escaped (utf8.h). */
const char *carenet_printable(const char *text);

/* "Did you mean": the closest of `count` candidates to a mistyped word, by
   the measure the diagnostics use (names.h), or NULL when none is close. */
const char *carenet_closest(const char *word, const char *const *candidates, size_t count);

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

/* check --baseline FILE: the findings of a saved `check --format json` report
   are known and not counted; only new ones are.  Before loading any file.
   False with *why when the report cannot be read. */
bool carenet_use_baseline(Carenet *c, const char *path, const char **why);

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
 * `lang` "nl" or "en" also spells every keyword, property and choice in
 * that language (fmt --lang); NULL keeps each word as written.
 */
FormatResult carenet_format_file(const char *path, bool color, const char *lang, StrBuf *original, StrBuf *out,
				 StrBuf *errors);
/* The same for a plan already in memory under the name `path` (the language
   server's formatting); `errors` may be NULL. */
FormatResult carenet_format_text(const char *path, const char *text, size_t len, StrBuf *out, StrBuf *errors);
/* `text`, plan text that parses, with every keyword, property and choice
   spelt in Dutch, as `fmt --lang nl` (init's plan in Dutch). */
const char *carenet_spell_dutch(const char *text);

/*
 * ---- The catalogue: what the standard library declares ----
 * For `carenet init` (catalog.c): the municipalities, areas and building
 * blocks that the stdlib modules of an evaluated run declare, in load and
 * source order.  The command line looks them up here rather than keep a
 * list of its own.
 */
typedef enum { CARENET_ENTRY_MUNICIPALITY, CARENET_ENTRY_AREA, CARENET_ENTRY_BLOCK } CarenetEntryKind;

typedef struct {
	CarenetEntryKind kind;
	const char *name;            /* the ID */
	const char *title;           /* the display name, else the ID */
	const char *parent;          /* an area: the place it lies in; a block: the block it is part of; else NULL */
	const char *municipality;    /* a place: its municipality */
	const char *merged_into;     /* a municipality: the one it became part of, or NULL ... */
	const char *merged_on;       /* ... on this day, YYYY-MM-DD */
	long postcode;               /* 0: none */
	const char *province_module; /* a municipality: the stdlib module of its province on `day` ("antwerp"), or NULL */
} CarenetEntry;

/* The catalogue of an evaluated run; `day` decides province memberships. */
size_t carenet_catalog(const Carenet *c, long day, const CarenetEntry **out);

/*
 * ---- Editors: what the language server (carenet lsp) asks of a run ----
 *
 * Positions are counted as editors count them: a 0-based line and a 0-based
 * column in UTF-16 code units (the Language Server Protocol's), converted
 * exactly from carenet's byte offsets.  A file is named by its key
 * (carenet_file_key): its real path, the same whether it is a root or
 * imported; a key that is not a file on disk is a file if the run was given
 * its text (carenet_set_text).
 */
typedef struct {
	unsigned line, column;
} CarenetPosition;

typedef struct {
	const char *path;    /* the file's key; NULL: no place (the whole run) */
	CarenetPosition start, end;
} CarenetRange;

/* The key of a file: its real path when it exists, else the path as given. */
const char *carenet_file_key(const char *path);
/* Read `path` as `text` in this run instead of the disk, for the file and
   every import of it (an editor's unsaved buffer).  Call before loading;
   the text must stay as it is for as long as the run is used. */
void carenet_set_text(Carenet *c, const char *path, const char *text, size_t len);
/* Whether the run read the file with this key (a root or an import). */
bool carenet_reads(const Carenet *c, const char *key);

typedef enum { CARENET_ERROR = 1, CARENET_WARNING = 2, CARENET_NOTE = 3 } CarenetSeverity;

typedef struct {
	CarenetRange where;  /* path NULL: a hint without a place */
	const char *message;
} CarenetNote;

/* An edit that resolves a diagnostic: replace `where` with `text`. */
typedef struct {
	CarenetRange where;
	const char *text;
	const char *title;   /* "Replace 'ldx' with 'ldc'" */
} CarenetFix;

typedef struct {
	CarenetRange where;
	CarenetSeverity severity;
	const char *code;    /* "E401" */
	const char *message;
	const CarenetNote *notes;
	size_t note_count;
	const CarenetFix *fixes;
	size_t fix_count;
} CarenetDiagnostic;

/* The diagnostics of an evaluated run, sorted as the text report sorts them. */
size_t carenet_diagnostics(const Carenet *c, const CarenetDiagnostic **out);

/* Where the name at `at` in file `key` is declared (a name's own declaration
   is itself; an import's string, the file it imports). */
bool carenet_definition(Carenet *c, const char *key, CarenetPosition at, CarenetRange *out);
/* Every name in the run that means what the name at `at` means, in file
   and source order; with `with_declaration`, its declaration first. */
size_t carenet_references(Carenet *c, const char *key, CarenetPosition at, bool with_declaration,
			  const CarenetRange **out);
/* What to show about the name at `at` (Markdown), and its range; NULL when
   there is nothing there. */
const char *carenet_hover(Carenet *c, const char *key, CarenetPosition at, CarenetRange *range);

typedef enum {
	CARENET_ITEM_KEYWORD, CARENET_ITEM_PROPERTY, CARENET_ITEM_NAME, CARENET_ITEM_WORD,
	CARENET_ITEM_MODULE,
} CarenetItemKind;

typedef struct {
	const char *label;
	const char *insert;  /* what to insert (the label, or "\"antwerp\"") */
	CarenetItemKind kind;
	const char *detail;
	const char *keyword; /* for a name: the keyword of its declaration ("actor") */
} CarenetCompletion;

/* What may be written at `at`: keywords, the properties of the block, and
   for a property's value only what it takes (after `lead` the actors). */
size_t carenet_complete(Carenet *c, const char *key, CarenetPosition at, const CarenetCompletion **out);

typedef struct CarenetSymbol {
	const char *name;
	const char *detail;  /* the title; NULL for none */
	const char *keyword; /* "need", "action", "indicator", ... */
	CarenetRange range, name_range;
	const struct CarenetSymbol *children;
	size_t child_count;
} CarenetSymbol;

/* The outline of file `key`: its declarations, an action's indicators inside. */
size_t carenet_symbols(Carenet *c, const char *key, const CarenetSymbol **out);

/* The fixes of the diagnostics in file `key` whose range meets [from, to];
   `diagnostic` is the index of the fix's diagnostic (carenet_diagnostics). */
typedef struct {
	const CarenetFix *fix;
	size_t diagnostic;
} CarenetAction;
size_t carenet_code_actions(const Carenet *c, const char *key, CarenetPosition from, CarenetPosition to,
			    const CarenetAction **out);

/* Collect garbage now, for a long session (the language server): each
   evaluation collects too, after its files are read, when the previous
   run of the session is garbage already.  Returns the size of the heap,
   in bytes (0 without the collector); carenet_heap_bytes without
   collecting. */
size_t carenet_collect(void);
size_t carenet_heap_bytes(void);
/* The bytes still reachable, after a full collection (for a test of a long session). */
size_t carenet_live_bytes(void);

/* Positions in a text that is not a run's (an editor's buffer being edited). */
size_t carenet_text_offset(const char *text, size_t len, CarenetPosition at);
CarenetPosition carenet_text_position(const char *text, size_t len, size_t offset);

#endif
