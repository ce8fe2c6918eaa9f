/*
 * table.c — string-keyed maps and pointer-pair sets (see table.h).
 */
#include "table.h"

#include <string.h>

#include "mem.h"

/* FNV-1a: simple, fast enough for identifiers, and deterministic. */
uint64_t table_hash_string(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	return h;
}

static TableSlot *table_find(const Table *t, const char *key, uint64_t hash)
{
	size_t mask = t->cap - 1;
	for (size_t i = hash & mask;; i = (i + 1) & mask) {
		TableSlot *slot = &t->slots[i];
		if (slot->key == NULL)
			return slot;
		if (slot->hash == hash && strcmp(slot->key, key) == 0)
			return slot;
	}
}

static void table_grow(Table *t)
{
	Table bigger = { NULL, t->cap ? t->cap * 2 : 16, 0 };
	bigger.slots = NEW_ARRAY(TableSlot, bigger.cap);
	for (size_t i = 0; i < t->cap; i++) {
		TableSlot *old = &t->slots[i];
		if (old->key) {
			*table_find(&bigger, old->key, old->hash) = *old;
			bigger.count++;
		}
	}
	*t = bigger;
}

void *table_get(const Table *t, const char *key)
{
	if (t->count == 0)
		return NULL;
	TableSlot *slot = table_find(t, key, table_hash_string(key));
	return slot->key ? slot->value : NULL;
}

void table_put(Table *t, const char *key, void *value)
{
	if ((t->count + 1) * 4 > t->cap * 3)
		table_grow(t);
	uint64_t hash = table_hash_string(key);
	TableSlot *slot = table_find(t, key, hash);
	if (slot->key == NULL) {
		slot->key = key;
		slot->hash = hash;
		t->count++;
	}
	slot->value = value;
}
