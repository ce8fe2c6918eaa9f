/*
 * baseline.h — `carenet check --baseline FILE`: the findings of a saved
 * report (`check --format json > FILE`) are known, and only new ones count.
 *
 * A finding is known when a diagnostic of the report has the same file,
 * code and message (not the same line: an edit above it moves it); as many
 * times as the report has it.  The sink does the matching (diag.h).
 */
#ifndef CARENET_BASELINE_H
#define CARENET_BASELINE_H

#include <stdbool.h>

#include "diag.h"

/* Read the report at `path` into the sink's baseline; false with *why when
   it cannot be read or is not a carenet check report. */
bool baseline_load(DiagSink *sink, const char *path, const char **why);

#endif
