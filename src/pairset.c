/*
 * pairset.c — sets of pointer pairs (see pairset.h).
 */
#include "pairset.h"

#include <stdint.h>

#include "mem.h"

static size_t pair_hash(const void *a, const void *b)
{
	uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ULL;
	h ^= (uint64_t)(uintptr_t)b + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
	return (size_t)(h ^ (h >> 29));
}

static const void **pair_find(const PairSet *s, const void *a, const void *b)
{
	size_t mask = s->cap - 1;
	for (size_t i = pair_hash(a, b) & mask;; i = (i + 1) & mask) {
		const void **slot = &s->slots[2 * i];
		if (slot[0] == NULL || (slot[0] == a && slot[1] == b))
			return slot;
	}
}

int pairset_has(const PairSet *s, const void *a, const void *b)
{
	if (s->count == 0)
		return 0;
	return pair_find(s, a, b)[0] != NULL;
}

static void pairset_grow(PairSet *s)
{
	PairSet bigger = { NULL, s->cap ? s->cap * 2 : 16, 0 };
	bigger.slots = mem_alloc(mem_array_size(bigger.cap * 2, sizeof(void *)));
	for (size_t i = 0; i < s->cap; i++) {
		const void **old = &s->slots[2 * i];
		if (old[0]) {
			const void **slot = pair_find(&bigger, old[0], old[1]);
			slot[0] = old[0];
			slot[1] = old[1];
			bigger.count++;
		}
	}
	*s = bigger;
}

int pairset_add(PairSet *s, const void *a, const void *b)
{
	if ((s->count + 1) * 4 > s->cap * 3)
		pairset_grow(s);
	const void **slot = pair_find(s, a, b);
	if (slot[0] != NULL)
		return 0;
	slot[0] = a;
	slot[1] = b;
	s->count++;
	return 1;
}
