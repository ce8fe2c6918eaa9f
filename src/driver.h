/*
 * driver.h — the commands check, eval, signals and diff, run over the files
 * named on the command line through the core (carenet.h).
 */
#ifndef CARENET_DRIVER_H
#define CARENET_DRIVER_H

#include <stdbool.h>

#include "carenet.h"

typedef enum { CMD_CHECK, CMD_EVAL, CMD_SIGNALS, CMD_FMT, CMD_DIFF } Command;

/* --color=auto|always|never */
typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorWhen;

typedef struct {
	Command command;
	Format format;
	bool werror;
	bool has_as_of;
	long as_of;          /* day number */
	bool fmt_check, fmt_write;
	ColorWhen color;
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

#endif
