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

/* A map from (pointer, pointer) pairs to pointers.  Zero-initialise to use. */
typedef struct {
	PairSet keys;
	void **values;       /* values[i] belongs to the pair in slot i */
} PairMap;

/* The value of a pair, or NULL. */
void *pairset_map_get(const PairMap *m, const void *a, const void *b);
/* Insert or replace (value not NULL). */
void pairset_map_put(PairMap *m, const void *a, const void *b, void *value);

#endif
