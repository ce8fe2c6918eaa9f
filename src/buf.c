/*
 * buf.c — growable byte buffers and pointer vectors.
 */
#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

void buf_init(StrBuf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = mem_alloc_atomic(b->cap);
	b->data[0] = '\0';
}

void buf_clear(StrBuf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void buf_reserve(StrBuf *b, size_t extra)
{
	if (b->data == NULL)
		buf_init(b);
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap;
	while (b->len + extra + 1 > cap)
		cap = mem_array_size(cap, 2);
	char *grown = mem_alloc_atomic(cap);
	memcpy(grown, b->data, b->len + 1);
	b->data = grown;
	b->cap = cap;
}

void buf_put(StrBuf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_putc(StrBuf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_puts(StrBuf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n <= 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(StrBuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_pad(StrBuf *b, size_t line_start, size_t width)
{
	while (b->len < line_start + width)
		buf_putc(b, ' ');
}
