/*
 * mem.c — allocation through libgc, or plain malloc in sanitizer builds.
 * See mem.h for why both exist.
 */
#include "mem.h"

#include <stdarg.h>
#include <stddef.h>
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

#ifndef CARENET_NO_GC

void *mem_alloc(size_t size)
{
	return checked(GC_MALLOC(size), size);
}

void *mem_alloc_atomic(size_t size)
{
	return checked(GC_MALLOC_ATOMIC(size), size);
}

void *mem_alloc_root(size_t size)
{
	return checked(GC_MALLOC_UNCOLLECTABLE(size), size);
}

void mem_free_root(void *ptr)
{
	GC_FREE(ptr);
}

void mem_reset(void)
{
}

#else

/* Every block is chained behind a header so mem_reset can free them all. */
typedef struct Chunk {
	struct Chunk *next;
	max_align_t align;
} Chunk;

static Chunk *chunks;

static void *chained(size_t size, int zero)
{
	Chunk *c = checked(zero ? calloc(1, sizeof(Chunk) + size) : malloc(sizeof(Chunk) + size),
			   sizeof(Chunk) + size);
	c->next = chunks;
	chunks = c;
	return (char *)c + sizeof(Chunk);
}

void *mem_alloc(size_t size)
{
	return chained(size, 1);
}

void *mem_alloc_atomic(size_t size)
{
	return chained(size, 0);
}

void *mem_alloc_root(size_t size)
{
	return checked(calloc(1, size ? size : 1), size);
}

void mem_free_root(void *ptr)
{
	free(ptr);
}

void mem_reset(void)
{
	while (chunks) {
		Chunk *next = chunks->next;
		free(chunks);
		chunks = next;
	}
}

#endif

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
