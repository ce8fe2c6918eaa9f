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
/* Append code point cp; returns 0 when cp is not a Unicode scalar value. */
int utf8_encode(StrBuf *out, uint32_t cp);

#endif
