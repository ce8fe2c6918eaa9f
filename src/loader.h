/*
 * loader.h — reading plan files and their imports into a World.
 *
 * `import "name"` looks in the stdlib search path: the directories of
 * CARENET_PATH, then `stdlib/` next to the program (or one level up, the
 * build tree), then the installed $(PREFIX)/share/carenet/stdlib.
 * `import "./x.care"` (any name with a '/' or ending in .care) is relative
 * to the importing file.  Each file is loaded once; a cycle is an error
 * that prints it.  Every file except the stdlib's own sees the prelude.
 */
#ifndef CARENET_LOADER_H
#define CARENET_LOADER_H

#include "model.h"

void loader_init(World *w, DiagSink *diags);
/* Load a file named on the command line; false when it could not be read. */
bool loader_load_root(World *w, const char *path);
/* Load a plan already in memory (tests, the fuzzer) as a root. */
void loader_load_root_source(World *w, Source *src);
/* Load the prelude (call once, before the roots). */
void loader_load_prelude(World *w);

#endif
