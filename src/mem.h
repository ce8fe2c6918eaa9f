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

#include <stdbool.h>
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

/*
 * The tree arena: bump allocation inside large collected chunks, for the
 * syntax tree.  A region-wide plan has millions of small nodes; as separate
 * collected objects each would cost an allocator call, free-list upkeep and
 * a rounding up to the collector's granule.  Chunks are ordinary collected
 * objects, kept alive by a list the collector sees, so what the nodes point
 * at is scanned and kept.  Outside the scratch region below, nothing in the
 * arena is freed before the process ends.  Without the collector these are
 * plain mem_alloc calls, so sanitizers see every node.
 */
void *mem_tree_alloc(size_t size);              /* zeroed; may hold pointers */
char *mem_tree_strndup(const char *s, size_t n); /* in pointer-free chunks */
#define NEW_TREE_NODE(T) ((T *)mem_tree_alloc(sizeof(T)))
/* Forget the arena's chunks, so that each is collected once nothing points
   into it (the collector sees interior pointers).  For a process that runs
   many checks, the language server, before each one; without this every
   tree ever read would stay. */
void mem_tree_release(void);

/*
 * The scratch region of the tree: while it is in use, mem_tree_alloc hands
 * out nodes that mem_scratch_clear takes back (strings are never scratch).
 * The loader's parser reads each declaration into scratch memory, the schema
 * copies out what it keeps with the region out of use, and the region is
 * cleared for the next declaration: a region plan's tree is never whole.
 */
void mem_scratch_use(bool on);
void mem_scratch_clear(void);

/* Hand back a large block nothing points at any more, so that it is reused
   before the next collection; for the few buffers as large as the source. */
void mem_give_back(void *block);

/* Grow the heap now by about `bytes`, in one piece the kernel is advised to
   back with huge pages; for a large plan, before it is read. */
void mem_reserve(size_t bytes);

/* Bytes allocated so far and the size of the heap (0 without the collector);
   for CARENET_TIMES. */
size_t mem_allocated_bytes(void);
size_t mem_heap_bytes(void);
/* The bytes in use after a full collection (what is still reachable). */
size_t mem_live_bytes(void);
size_t mem_collections(void);
/* Collect now (tests); nothing without the collector. */
void mem_collect(void);
/* Zero the stack below the caller's frame.  A long-running caller (the
   language server) calls it between runs: the collector scans the frames of
   whatever runs next, and slots those frames leave unwritten would still
   hold pointers into the previous run, keeping all of it alive. */
void mem_forget_stack(void);

/* count * size with overflow checked (aborts with a message on overflow). */
size_t mem_array_size(size_t count, size_t size);

char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
/* printf into fresh atomic memory. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define NEW(T) ((T *)mem_alloc(sizeof(T)))
#define NEW_ARRAY(T, n) ((T *)mem_alloc(mem_array_size((n), sizeof(T))))

#endif
