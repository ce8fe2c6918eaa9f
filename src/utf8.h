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

#endif
