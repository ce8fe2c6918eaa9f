/*
 * vec.h — growable arrays of pointers, allocated through mem.h.
 */
#ifndef CARENET_VEC_H
#define CARENET_VEC_H

#include <stddef.h>
#include <stdint.h>

/* A growable array of pointers. */
/* 16 bytes: a region plan's model holds a few hundred thousand, most of
   them short (the source is at most 256 MB, so a count fits 32 bits). */
typedef struct {
	void **items;
	uint32_t len;
	uint32_t cap;
} Vec;

void vec_push(Vec *v, void *item);
#define VEC_AT(v, T, i) ((T *)(v).items[(i)])

#endif
