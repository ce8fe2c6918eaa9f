/*
 * json.h — a small streaming JSON writer.
 *
 * carenet only writes JSON, never reads it, and needs byte-stable output in
 * source order; a streaming writer of a few lines does that with no
 * dependency (json-c and jansson would copy every string into malloc'd trees).
 * The writer tracks whether a comma is due, so callers just open, add, close.
 *
 * The language server reads JSON with jansson, which exports json_string
 * and json_null: this writer's names must differ from jansson's, or the
 * program's would stand in for the library's, inside it too.
 */
#ifndef CARENET_JSON_H
#define CARENET_JSON_H

#include <stdbool.h>

#include "buf.h"

#define JSON_MAX_DEPTH 32

typedef struct {
	StrBuf *out;
	int depth;
	bool need_comma[JSON_MAX_DEPTH];
	bool after_key;
} JsonWriter;

void json_init(JsonWriter *w, StrBuf *out);
void json_object_begin(JsonWriter *w);
void json_object_end(JsonWriter *w);
void json_array_begin(JsonWriter *w);
void json_array_end(JsonWriter *w);
void json_key(JsonWriter *w, const char *key);
void json_write_string(JsonWriter *w, const char *s);   /* NULL writes null */
void json_number(JsonWriter *w, double value);
void json_int(JsonWriter *w, long long value);
void json_bool(JsonWriter *w, bool value);
void json_write_null(JsonWriter *w);

/* Shorthands for "key": value inside an object. */
void json_kv_string(JsonWriter *w, const char *key, const char *s);
void json_kv_number(JsonWriter *w, const char *key, double value);
void json_kv_int(JsonWriter *w, const char *key, long long value);
void json_kv_bool(JsonWriter *w, const char *key, bool value);

/* Append s as a quoted JSON string (also used by other writers). */
void json_quote(StrBuf *out, const char *s);

#endif
