/*
 * vec.c — growable arrays of pointers, in collected memory.
 */
#include "vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void vec_push(Vec *v, void *item)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? mem_array_size(v->cap, 2) : 2;
		if (cap > UINT32_MAX) { /* never for a source of at most 256 MB */
			fprintf(stderr, "carenet: allocation too large\n");
			exit(2);
		}
		void **grown = mem_alloc(mem_array_size(cap, sizeof(void *)));
		if (v->len)
			memcpy(grown, v->items, v->len * sizeof(void *));
		v->items = grown;
		v->cap = (uint32_t)cap;
	}
	v->items[v->len++] = item;
}
