/*
 * fmt.h — the canonical layout of a plan file.
 *
 * The formatter works on lines, not on the tree, so nothing written can be
 * lost: comments and strings are copied byte for byte.  It sets the
 * indentation (two spaces per open brace, two more on a continuation
 * line), single spaces between words, ", " after commas, one blank line
 * between top-level blocks and none at the edges of a block, no trailing
 * blanks, one final newline.  Formatting formatted text changes nothing.
 */
#ifndef CARENET_FMT_H
#define CARENET_FMT_H

#include "buf.h"
#include "source.h"

void fmt_source(const Source *src, StrBuf *out);

#endif
