/*
 * pairset.h — sets of (pointer, pointer) pairs: "this action runs in that
 * place", "this pair was reported".  Open addressing, like table.h, in
 * collected memory so the collector sees the pointers.
 */
#ifndef CARENET_PAIRSET_H
#define CARENET_PAIRSET_H

#include <stddef.h>

/* A set of (pointer, pointer) pairs. Zero-initialise to use. */
typedef struct {
	const void **slots; /* pairs: slots[2i], slots[2i+1]; first NULL = empty */
	size_t cap;
	size_t count;
} PairSet;

int pairset_has(const PairSet *s, const void *a, const void *b);
/* Returns 1 when the pair was added, 0 when it was there already. */
int pairset_add(PairSet *s, const void *a, const void *b);

#endif
