/*
 * mem.h — the one allocation point of carenet.
 *
 * Everything is allocated through the Boehm collector and never freed by
 * hand.  Strings and other pointer-free data use the atomic allocator so the
 * collector does not scan them.  A sanitizer or valgrind build defines
 * CARENET_NO_GC: the same calls then go to calloc/malloc and are never freed,
 * so AddressSanitizer and memcheck see every object boundary (GC heaps are
 * invisible to them).  The process is short-lived, so that is harmless.
 */
#ifndef CARENET_MEM_H
#define CARENET_MEM_H

#include <stddef.h>

/* Initialise the allocator; call first in main and in every test binary. */
void mem_init(void);

/* Zeroed memory that may hold pointers. Never returns NULL. */
void *mem_alloc(size_t size);
/* Memory that holds no pointers (strings, arrays of numbers). Not zeroed. */
void *mem_alloc_atomic(size_t size);
/* Memory the collector scans but never frees; for roots kept in malloc'd places. */
void *mem_alloc_root(size_t size);
void mem_free_root(void *ptr);
/* Without the collector: free everything allocated so far (the fuzzer calls
   this between inputs).  With the collector it does nothing. */
void mem_reset(void);

/* count * size with overflow checked (aborts with a message on overflow). */
size_t mem_array_size(size_t count, size_t size);

char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
/* printf into fresh atomic memory. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define NEW(T) ((T *)mem_alloc(sizeof(T)))
#define NEW_ARRAY(T, n) ((T *)mem_alloc(mem_array_size((n), sizeof(T))))

#endif
