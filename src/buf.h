/*
 * buf.h — growable byte buffers, allocated through mem.h.
 */
#ifndef CARENET_BUF_H
#define CARENET_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "vec.h"

/* A growable string; `data` is always NUL-terminated. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
} StrBuf;

void buf_init(StrBuf *b);
/* Empty the buffer and keep its memory. */
void buf_clear(StrBuf *b);
void buf_putc(StrBuf *b, char c);
void buf_put(StrBuf *b, const char *s, size_t n);
void buf_puts(StrBuf *b, const char *s);
void buf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(StrBuf *b, const char *fmt, va_list ap);
/* Pad with spaces until the buffer is `width` bytes past `line_start`. */
void buf_pad(StrBuf *b, size_t line_start, size_t width);


#endif
