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

/* Files import files at most this deep (E108): a real plan is a few files
   deep (a zone, its members, the stdlib); docs/limits.md. */
#define LOADER_MAX_IMPORT_DEPTH 64

void loader_init(World *w, DiagSink *diags);
/* Load a file named on the command line; false when it could not be read. */
bool loader_load_root(World *w, const char *path);
/* Load a plan already in memory (tests, the fuzzer) as a root. */
void loader_load_root_source(World *w, Source *src);
/*
 * The overlay: texts the loader reads instead of the disk, by path (an
 * editor's unsaved buffers, for the language server).  It serves a file
 * named as a root and every import of it; a path in the overlay is a file
 * even when the disk has none.  Set the texts before loading.
 */
void loader_set_text(World *w, const char *path, const char *text, size_t len);
/* The canonical form of a path, as the loader keys files: its real path
   when the file exists, else the path as given. */
const char *loader_key(const char *path);

/* The names of the modules on the stdlib search path, sorted (char*). */
Vec loader_stdlib_modules(const World *w);

/* Load the prelude (call once, before the roots). */
void loader_load_prelude(World *w);

/*
 * For tests and the fuzzer only: files read from memory.  When set, the
 * loader asks `files` first for every plan file and import (never for the
 * stdlib's): it returns false to leave the file to the disk, or true with
 * *src (NULL when there is no such file, *why saying so).
 */
typedef bool (*LoaderFiles)(const char *path, Source **src, const char **why);
void loader_use_files(LoaderFiles files);

#endif
