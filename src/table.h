/*
 * table.h — hash tables keyed by strings.
 *
 * Hand-written rather than taken from GLib because GLib allocates its
 * buckets with malloc, where the collector cannot see the pointers we
 * store (see mem.h).  Open addressing, linear probing, power-of-two sizes.
 */
#ifndef CARENET_TABLE_H
#define CARENET_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "pairset.h"

typedef struct {
	const char *key; /* NULL for an empty slot */
	uint64_t hash;
	void *value;
} TableSlot;

/* A map from NUL-terminated strings to pointers. Zero-initialise to use. */
typedef struct {
	TableSlot *slots;
	size_t cap;
	size_t count;
} Table;

uint64_t table_hash_string(const char *s);
void *table_get(const Table *t, const char *key);
/* Insert or replace. */
void table_put(Table *t, const char *key, void *value);

#endif
