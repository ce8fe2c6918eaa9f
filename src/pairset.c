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

/* Double the slots; `values` (a map's, or NULL) moves with its pairs. */
static void pairset_grow(PairSet *s, void ***values)
{
	PairSet bigger = { NULL, s->cap ? s->cap * 2 : 4, 0 }; /* most sets hold a few pairs */
	bigger.slots = mem_alloc(mem_array_size(bigger.cap * 2, sizeof(void *)));
	void **moved = values ? mem_alloc(mem_array_size(bigger.cap, sizeof(void *))) : NULL;
	for (size_t i = 0; i < s->cap; i++) {
		const void **old = &s->slots[2 * i];
		if (old[0]) {
			const void **slot = pair_find(&bigger, old[0], old[1]);
			slot[0] = old[0];
			slot[1] = old[1];
			bigger.count++;
			if (moved)
				moved[(slot - bigger.slots) / 2] = (*values)[i];
		}
	}
	*s = bigger;
	if (values)
		*values = moved;
}

/* The slot of a pair, added if new (*added). */
static const void **pair_insert(PairSet *s, void ***values, const void *a, const void *b, int *added)
{
	if ((s->count + 1) * 4 > s->cap * 3)
		pairset_grow(s, values);
	const void **slot = pair_find(s, a, b);
	*added = slot[0] == NULL;
	if (*added) {
		slot[0] = a;
		slot[1] = b;
		s->count++;
	}
	return slot;
}

int pairset_add(PairSet *s, const void *a, const void *b)
{
	int added;
	pair_insert(s, NULL, a, b, &added);
	return added;
}

void *pairset_map_get(const PairMap *m, const void *a, const void *b)
{
	if (m->keys.count == 0)
		return NULL;
	const void **slot = pair_find(&m->keys, a, b);
	return slot[0] ? m->values[(slot - m->keys.slots) / 2] : NULL;
}

void pairset_map_put(PairMap *m, const void *a, const void *b, void *value)
{
	int added;
	const void **slot = pair_insert(&m->keys, &m->values, a, b, &added);
	m->values[(slot - m->keys.slots) / 2] = value;
}
