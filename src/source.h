/*
 * source.h — loaded source files and positions in them.
 *
 * A position is a byte range in one source (SrcLoc).  Line and column are
 * computed only when a message is printed, from a line map built on first
 * use, so the scanner pays nothing per token beyond two integers.
 */
#ifndef CARENET_SOURCE_H
#define CARENET_SOURCE_H

#include <stddef.h>
#include <stdint.h>

/* Largest source file carenet reads (documented in docs/limits.md). */
#define SOURCE_MAX_BYTES ((size_t)256 * 1024 * 1024)

typedef struct Source {
	const char *path;    /* as the user named it, made printable (utf8_safe_text); <stdlib>/... */
	const char *fs_path; /* the name it was opened by: imports are relative to it */
	const char *text;    /* the bytes, NUL-terminated (an embedded NUL is an error) */
	size_t len;
	int id;              /* load order, for sorting diagnostics */
	int is_stdlib;       /* found on the stdlib search path */
	uint32_t *line_starts; /* built lazily */
	size_t line_count;
	uint32_t column_at, column_of; /* the last column found: the byte and its column */
	size_t column_line;            /* on this line (0: none yet) */
} Source;

typedef struct SrcLoc {
	const Source *src;   /* NULL: no position (command line, whole run) */
	uint32_t start;      /* byte offsets, end exclusive */
	uint32_t end;
} SrcLoc;

/* Wrap bytes already in memory (tests, standard input). */
Source *source_from_text(const char *path, const char *text, size_t len);

/*
 * Read a file ("-" is standard input).  On failure returns NULL and sets
 * *why to a human reason ("No such file or directory", "is a directory").
 */
Source *source_load(const char *path, const char **why);

/* 1-based line and column (column counted in characters, not bytes). */
void source_position(const Source *src, uint32_t offset, int *line, int *column);
/*
 * Positions as editors count them (the Language Server Protocol): a
 * 0-based line and a 0-based column in UTF-16 code units.  A column past
 * the end of its line means the end of the line (before "\r\n"), a line
 * past the last the end of the text; exact both ways for every offset at
 * the start of a character.
 */
void source_utf16_position(const Source *src, uint32_t offset, uint32_t *line, uint32_t *column);
uint32_t source_utf16_offset(const Source *src, uint32_t line, uint32_t column);

/* The text of the 1-based line, without its newline. */
const char *source_line(const Source *src, int line, size_t *len);

/* A location covering both a and b (same source). */
SrcLoc source_span(SrcLoc a, SrcLoc b);

#endif
