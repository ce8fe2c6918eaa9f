/*
 * mem.c — allocation through libgc, or plain malloc in sanitizer builds.
 * See mem.h for why both exist.
 */
#include "mem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CARENET_NO_GC
#include <gc.h>
#endif

static void out_of_memory(size_t size)
{
	fprintf(stderr, "carenet: out of memory (asked for %zu bytes)\n", size);
	exit(2);
}

#ifndef CARENET_NO_GC
static void *gc_oom(size_t size)
{
	out_of_memory(size);
	return NULL;
}
#endif

void mem_init(void)
{
#ifndef CARENET_NO_GC
	GC_INIT();
	GC_set_oom_fn(gc_oom);
#endif
}

static void *checked(void *p, size_t size)
{
	if (p == NULL && size != 0)
		out_of_memory(size);
	return p;
}

void *mem_alloc(size_t size)
{
#ifndef CARENET_NO_GC
	return checked(GC_MALLOC(size), size);
#else
	return checked(calloc(1, size ? size : 1), size);
#endif
}

void *mem_alloc_atomic(size_t size)
{
#ifndef CARENET_NO_GC
	return checked(GC_MALLOC_ATOMIC(size), size);
#else
	return checked(malloc(size ? size : 1), size);
#endif
}

void *mem_realloc(void *ptr, size_t size)
{
#ifndef CARENET_NO_GC
	return checked(GC_REALLOC(ptr, size), size);
#else
	return checked(realloc(ptr, size ? size : 1), size);
#endif
}

void *mem_alloc_root(size_t size)
{
#ifndef CARENET_NO_GC
	return checked(GC_MALLOC_UNCOLLECTABLE(size), size);
#else
	return checked(calloc(1, size ? size : 1), size);
#endif
}

void mem_free_root(void *ptr)
{
#ifndef CARENET_NO_GC
	GC_FREE(ptr);
#else
	free(ptr);
#endif
}

size_t mem_array_size(size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		fprintf(stderr, "carenet: allocation too large\n");
		exit(2);
	}
	return count * size;
}

char *mem_strndup(const char *s, size_t n)
{
	char *copy = mem_alloc_atomic(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *mem_strdup(const char *s)
{
	return mem_strndup(s, strlen(s));
}

char *mem_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return mem_strdup("");
	char *buf = mem_alloc_atomic((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return buf;
}
