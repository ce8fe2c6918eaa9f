/*
 * driver.h — the commands check, eval, signals and diff, run over the files
 * named on the command line through the core (carenet.h).
 */
#ifndef CARENET_DRIVER_H
#define CARENET_DRIVER_H

#include <stdbool.h>

#include "carenet.h"

typedef enum { CMD_CHECK, CMD_EVAL, CMD_SIGNALS, CMD_FMT, CMD_DIFF, CMD_LSP } Command;

typedef struct {
	Command command;
	Format format;
	bool werror;
	bool has_as_of;
	long as_of;          /* day number */
	bool fmt_check, fmt_write;
	const char **files;
	int file_count;
} Options;

/* Exit status: 0 clean, 1 findings, 2 usage or I/O. */
int driver_run(const Options *opts);
/* carenet diff OLD NEW (or git's seven diff-driver arguments): exit 1 on a new gap. */
int driver_diff(const Options *opts);

#endif
