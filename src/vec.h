/*
 * vec.h — growable arrays of pointers, allocated through mem.h.
 */
#ifndef CARENET_VEC_H
#define CARENET_VEC_H

#include <stddef.h>

/* A growable array of pointers. */
typedef struct {
	void **items;
	size_t len;
	size_t cap;
} Vec;

void vec_push(Vec *v, void *item);
#define VEC_AT(v, T, i) ((T *)(v).items[(i)])

#endif
