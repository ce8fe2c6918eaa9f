/*
 * mem.c — allocation through libgc, or plain malloc in sanitizer builds.
 * See mem.h for why both exist.
 */
#include "mem.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CARENET_NO_GC
#include <gc.h>
#include <sys/mman.h>
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

/* The heap a run starts with.  A one-page plan with the stdlib of all of
   Flanders allocates about 3 MB; from the collector's default 64 KiB it
   grew the heap six times and collected five times on the way, a fifth of
   the run (docs/performance.md).  Mapped, not touched: it costs nothing
   until it is used. */
enum { MEM_INITIAL_HEAP = 8 * 1024 * 1024 };

void mem_init(void)
{
#ifndef CARENET_NO_GC
	/* the default, said aloud: a pointer into an arena chunk keeps the chunk
	   (mem_tree_release relies on it) */
	GC_set_all_interior_pointers(1);
	/* nothing is allocated yet, so nothing to collect before the first heap */
	GC_set_dont_precollect(1);
	GC_INIT();
	GC_set_oom_fn(gc_oom);
	GC_expand_hp(MEM_INITIAL_HEAP);
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

/* A chunk being filled; full chunks stay reachable through `chunks`. */
typedef struct {
	char *next, *end;
	size_t chunk_size;
} Arena;

enum { ARENA_FIRST_CHUNK = 16 * 1024, ARENA_MAX_CHUNK = 1024 * 1024, ARENA_ALIGN = 8 };

/* Chunks in a collected array held from a static variable (a root), so the
   collector keeps them and scans what they point at. */
typedef struct {
	char **items;
	size_t count, cap;
} ChunkList;

static void chunk_list_push(ChunkList *list, char *chunk)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		char **grown = mem_alloc(mem_array_size(cap, sizeof *grown));
		if (list->count)
			memcpy(grown, list->items, list->count * sizeof *grown);
		list->items = grown;
		list->cap = cap;
	}
	list->items[list->count++] = chunk;
}

static Arena tree_nodes, tree_strings;
static ChunkList tree_chunks; /* every chunk of the two arenas */

static void *arena_take(Arena *a, size_t size, int atomic)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size > ARENA_MAX_CHUNK / 8) /* a big node goes alone */
		return atomic ? mem_alloc_atomic(size) : mem_alloc(size);
	if ((size_t)(a->end - a->next) < size) {
		/* Chunks grow, so a small plan stays small. */
		a->chunk_size = a->chunk_size ? a->chunk_size * 2 : ARENA_FIRST_CHUNK;
		if (a->chunk_size > ARENA_MAX_CHUNK)
			a->chunk_size = ARENA_MAX_CHUNK;
		while (a->chunk_size < size)
			a->chunk_size *= 2;
		char *chunk = atomic ? mem_alloc_atomic(a->chunk_size) : mem_alloc(a->chunk_size);
		chunk_list_push(&tree_chunks, chunk);
		a->next = chunk;
		a->end = chunk + a->chunk_size;
	}
	void *p = a->next;
	a->next += size;
	return p;
}

/* The scratch region: its chunks are filled, cleared and filled again. */
enum { SCRATCH_CHUNK = 64 * 1024 };

static struct {
	bool on;
	ChunkList chunks;         /* filled in order, from the first again after a clear */
	size_t current;
	char *next, *end;
} scratch;

static void *scratch_take(size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size > SCRATCH_CHUNK / 8)
		return mem_alloc(size); /* alone; garbage once nothing points at it */
	if ((size_t)(scratch.end - scratch.next) < size) {
		if (scratch.next)
			scratch.current++;
		if (scratch.current == scratch.chunks.count)
			chunk_list_push(&scratch.chunks, mem_alloc(SCRATCH_CHUNK));
		scratch.next = scratch.chunks.items[scratch.current];
		scratch.end = scratch.next + SCRATCH_CHUNK;
	}
	void *p = scratch.next;
	scratch.next += size;
	return p;
}

void mem_scratch_use(bool on)
{
	scratch.on = on;
}

/* Zero what was used, so nodes come zeroed and no stale pointer keeps
   garbage alive. */
void mem_scratch_clear(void)
{
	if (!scratch.next)
		return;
	for (size_t i = 0; i < scratch.current; i++)
		memset(scratch.chunks.items[i], 0, SCRATCH_CHUNK);
	memset(scratch.chunks.items[scratch.current], 0,
	       (size_t)(scratch.next - scratch.chunks.items[scratch.current]));
	scratch.current = 0;
	scratch.next = scratch.chunks.items[0];
	scratch.end = scratch.next + SCRATCH_CHUNK;
}

void *mem_tree_alloc(size_t size)
{
	if (scratch.on)
		return scratch_take(size);
	return arena_take(&tree_nodes, size, 0); /* collected chunks come zeroed */
}

char *mem_tree_strndup(const char *s, size_t n)
{
	char *copy = arena_take(&tree_strings, n + 1, 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

void mem_tree_release(void)
{
	tree_nodes = (Arena){ 0 };
	tree_strings = (Arena){ 0 };
	tree_chunks = (ChunkList){ 0 };
}

void mem_give_back(void *block)
{
	GC_FREE(block);
}

/*
 * On a virtual machine the kernel's cost of handing out fresh memory, a
 * 4 KiB page at a time, is larger than parsing a region-wide plan; with
 * 2 MiB pages it is about a fifteenth (docs/performance.md).  The collector
 * has no way to ask for huge pages, so we find the memory it just mapped by
 * taking it whole as one pointer-free object (which the collector does not
 * clear, so no page is touched yet), advise the kernel, and give it back.
 */
enum { HUGE_PAGE = 2 * 1024 * 1024 };

static size_t reserve_probe_bytes; /* not the plan's: left out of mem_allocated_bytes */

void mem_reserve(size_t bytes)
{
	if (bytes < 8 * (size_t)HUGE_PAGE)
		return; /* a small plan: not worth it */
	bytes = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
	if (!GC_expand_hp(bytes))
		return;
	size_t heap = GC_get_heap_size();
	size_t probe_size = bytes - HUGE_PAGE / 2; /* room for the collector's own rounding */
	char *probe = GC_MALLOC_ATOMIC(probe_size);
	if (probe == NULL)
		return;
	reserve_probe_bytes += probe_size;
	if (GC_get_heap_size() == heap) { /* it is the new memory, not more of it */
		uintptr_t start = ((uintptr_t)probe + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
		uintptr_t end = ((uintptr_t)probe + probe_size) & ~(uintptr_t)(HUGE_PAGE - 1);
		if (end > start)
			(void)madvise((void *)start, end - start, MADV_HUGEPAGE); /* advice only */
	}
	GC_FREE(probe);
}

size_t mem_allocated_bytes(void)
{
	return GC_get_total_bytes() - reserve_probe_bytes;
}

size_t mem_heap_bytes(void)
{
	return GC_get_heap_size();
}

size_t mem_live_bytes(void)
{
	GC_gcollect();
	return GC_get_memory_use();
}

size_t mem_collections(void)
{
	return (size_t)GC_get_gc_no();
}

void mem_collect(void)
{
	GC_gcollect();
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

/* Scratch nodes are chained apart so mem_scratch_clear can free just them;
   AddressSanitizer then reports any use of one after it. */
static Chunk *scratch_chunks;
static bool scratch_on;

void mem_scratch_use(bool on)
{
	scratch_on = on;
}

void mem_scratch_clear(void)
{
	while (scratch_chunks) {
		Chunk *next = scratch_chunks->next;
		free(scratch_chunks);
		scratch_chunks = next;
	}
}

void mem_reset(void)
{
	mem_scratch_clear();
	scratch_on = false;
	while (chunks) {
		Chunk *next = chunks->next;
		free(chunks);
		chunks = next;
	}
}

void *mem_tree_alloc(size_t size)
{
	if (!scratch_on)
		return mem_alloc(size);
	Chunk *c = checked(calloc(1, sizeof(Chunk) + size), sizeof(Chunk) + size);
	c->next = scratch_chunks;
	scratch_chunks = c;
	return (char *)c + sizeof(Chunk);
}

char *mem_tree_strndup(const char *s, size_t n)
{
	return mem_strndup(s, n);
}

void mem_tree_release(void)
{
	/* nothing is freed before mem_reset without the collector */
}

void mem_give_back(void *block)
{
	(void)block; /* freed with everything else by mem_reset */
}

void mem_reserve(size_t bytes)
{
	(void)bytes;
}

size_t mem_allocated_bytes(void)
{
	return 0;
}

size_t mem_live_bytes(void)
{
	return 0;
}

size_t mem_heap_bytes(void)
{
	return 0;
}

size_t mem_collections(void)
{
	return 0;
}

void mem_collect(void)
{
}

#endif

/* 256 KiB: deeper than any run's frames (no recursion the input controls). */
#define STACK_WIPE_BYTES (256u * 1024u)

void mem_forget_stack(void)
{
	volatile unsigned char below[STACK_WIPE_BYTES];
	for (size_t i = 0; i < sizeof below; i += sizeof(void *))
		*(volatile void **)(void *)&below[i] = NULL;
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
