/*
 * utf8.h — UTF-8 validation and encoding.
 */
#ifndef CARENET_UTF8_H
#define CARENET_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Length of the first invalid sequence's start, or (size_t)-1 if all valid. */
size_t utf8_find_invalid(const char *s, size_t len);
/*
 * UTF-16, as editors count columns (the Language Server Protocol): a
 * character beyond U+FFFF is two code units, every other one is one.  An
 * invalid byte counts as one unit (an editor shows it as U+FFFD).
 */
size_t utf8_utf16_units(const char *s, size_t len);
/* The byte offset in s[0..len) after `units` UTF-16 code units; a count
   that ends inside a character gives the start of that character. */
size_t utf8_offset_of_units(const char *s, size_t len, size_t units);

/* Append code point cp; returns 0 when cp is not a Unicode scalar value. */
int utf8_encode(StrBuf *out, uint32_t cp);
/* The length of the valid UTF-8 character at s (with *cp), or 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Characters a terminal or a browser would act on rather than show, or that
 * show as nothing: C0 controls but the tab, DEL, C1 controls
 * (U+0080..U+009F), the bidirectional marks and overrides (U+061C, U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069), the line and paragraph
 * separators, and the zero-width characters (U+200B..U+200D, U+2060,
 * U+FEFF).
 */
int utf8_is_unsafe(uint32_t cp);
/* Where the first unsafe character (or invalid byte) of s[0..len) starts, or len. */
size_t utf8_first_unsafe(const char *s, size_t len);

/*
 * Text from a plan or the command line, made safe to print: each unsafe
 * character escaped as the language writes it (\n, \r, \u{1B}), each
 * byte that is not UTF-8 as \x{FF}.  Returns `s` itself when nothing needs
 * it (s NUL-terminated at len), else a fresh copy: the one place plan text
 * is made printable (docs/decisions.md).
 */
const char *utf8_safe_text(const char *s, size_t len);

#endif
