/*
 * fmt_command.h — the `fmt` command (see fmt_command.c).
 */
#ifndef CARENET_FMT_COMMAND_H
#define CARENET_FMT_COMMAND_H

#include <stdbool.h>

/* Exit status: 0 formatted (or already canonical), 1 would change or does not parse, 2 I/O. */
int fmt_command_run(const char **files, int count, bool check, bool write_back, bool color);

#endif
