/*
 * fmt_command.h — the `fmt` command (see fmt_command.c).
 */
#ifndef CARENET_FMT_COMMAND_H
#define CARENET_FMT_COMMAND_H

#include <stdbool.h>

#include "buf.h"

/* Exit status: 0 formatted (or already canonical), 1 would change or does not parse, 2 I/O.
   `lang` "nl" or "en" spells the plans' words in that language, NULL keeps them. */
int fmt_command_run(const char **files, int count, bool check, bool write_back, bool color, const char *lang);

/*
 * Rewrite the file `path` names (following links) with `formatted`; NULL,
 * or why it was left alone.  `original` is what was read and formatted:
 * the file must still hold it just before the new text takes its place.
 */
const char *fmt_command_replace(const char *path, const StrBuf *original, const StrBuf *formatted);

#endif
