/*
 * driver.h — the commands check, eval, signals, compare and diff, run over the files
 * named on the command line through the core (carenet.h).
 */
#ifndef CARENET_DRIVER_H
#define CARENET_DRIVER_H

#include <stdbool.h>

#include "carenet.h"
#include "date.h"

typedef enum {
	CMD_CHECK, CMD_EVAL, CMD_SIGNALS, CMD_FMT, CMD_DIFF, CMD_TREND, CMD_HISTORY, CMD_LSP, CMD_INIT, CMD_EXPLAIN,
	CMD_COMPARE
} Command;

typedef enum { STEP_MONTH = 1, STEP_QUARTER = 3, STEP_YEAR = 12 } Step;

/* --color=auto|always|never */
typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorWhen;

typedef struct {
	Command command;
	Format format;
	bool werror;
	bool has_as_of;
	long as_of;          /* day number */
	bool fmt_check, fmt_write;
	bool history;        /* check --history: gaps open for months (W712) */
	int gap_months;      /* how many months make a gap old; 6 */
	bool has_from, has_to;
	Date from, to;       /* trend --from --to */
	Step step;           /* trend --step */
	ColorWhen color;
	const char *baseline; /* check --baseline FILE */
	const char *root;    /* --root, a real path; NULL: CARENET_ROOT, else anywhere */
	const char *lang;    /* --lang: "nl" or "en"; NULL: from the environment */
	const char **files;
	int file_count;
} Options;

/* Whether diagnostics on standard error are coloured: --color=always or
   never decides; auto (the default) colours on a terminal, unless NO_COLOR
   is set (not empty) or TERM is dumb. */
bool driver_use_color(ColorWhen when);
/* Exit status: 0 clean, 1 findings, 2 usage or I/O. */
int driver_run(const Options *opts);
/* carenet diff OLD NEW (or git's seven diff-driver arguments): exit 1 on a new gap. */
int driver_diff(const Options *opts);
/* carenet trend FILE... --from --to --step: the plans evaluated at each step. */
int driver_trend(const Options *opts);
/* carenet history FILE: the plan evaluated at each of its commits. */
int driver_history(const Options *opts);

#endif
