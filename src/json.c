/*
 * json.c — the streaming JSON writer (see json.h).
 */
#include "json.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "utf8.h"

void json_init(JsonWriter *w, StrBuf *out)
{
	w->out = out;
	w->depth = 0;
	w->need_comma[0] = false;
	w->after_key = false;
}

/* Before any value: a comma when a sibling came first. */
static void json_value_prefix(JsonWriter *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->need_comma[w->depth])
		buf_putc(w->out, ',');
	w->need_comma[w->depth] = true;
}

static void json_open(JsonWriter *w, char c)
{
	json_value_prefix(w);
	buf_putc(w->out, c);
	if (w->depth + 1 < JSON_MAX_DEPTH)
		w->depth++;
	w->need_comma[w->depth] = false;
}

static void json_close(JsonWriter *w, char c)
{
	if (w->depth > 0)
		w->depth--;
	buf_putc(w->out, c);
}

void json_object_begin(JsonWriter *w) { json_open(w, '{'); }
void json_object_end(JsonWriter *w) { json_close(w, '}'); }
void json_array_begin(JsonWriter *w) { json_open(w, '['); }
void json_array_end(JsonWriter *w) { json_close(w, ']'); }

/* JSON is UTF-8: a byte that is not (a file name's) becomes U+FFFD. */
void json_quote(StrBuf *out, const char *s)
{
	size_t len = strlen(s);
	if (utf8_find_invalid(s, len) != (size_t)-1) {
		StrBuf valid = { 0 };
		buf_init(&valid);
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, len - i, &cp);
			buf_put(&valid, n ? s + i : "\xEF\xBF\xBD", n ? n : 3);
			i += n ? n : 1;
		}
		s = valid.data;
	}
	buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\r': buf_puts(out, "\\r"); break;
		default:
			if (*p < 0x20)
				buf_printf(out, "\\u%04x", *p);
			else
				buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

void json_key(JsonWriter *w, const char *key)
{
	json_value_prefix(w);
	json_quote(w->out, key);
	buf_putc(w->out, ':');
	w->after_key = true;
}

void json_write_string(JsonWriter *w, const char *s)
{
	if (s == NULL) {
		json_write_null(w);
		return;
	}
	json_value_prefix(w);
	json_quote(w->out, s);
}

void json_number(JsonWriter *w, double value)
{
	json_value_prefix(w);
	if (!isfinite(value))
		buf_puts(w->out, "null");
	else
		buf_puts(w->out, format_number_plain(value));
}

void json_int(JsonWriter *w, long long value)
{
	json_value_prefix(w);
	buf_printf(w->out, "%lld", value);
}

void json_bool(JsonWriter *w, bool value)
{
	json_value_prefix(w);
	buf_puts(w->out, value ? "true" : "false");
}

void json_write_null(JsonWriter *w)
{
	json_value_prefix(w);
	buf_puts(w->out, "null");
}

void json_kv_string(JsonWriter *w, const char *key, const char *s)
{
	json_key(w, key);
	json_write_string(w, s);
}

void json_kv_number(JsonWriter *w, const char *key, double value)
{
	json_key(w, key);
	json_number(w, value);
}

void json_kv_int(JsonWriter *w, const char *key, long long value)
{
	json_key(w, key);
	json_int(w, value);
}

void json_kv_bool(JsonWriter *w, const char *key, bool value)
{
	json_key(w, key);
	json_bool(w, value);
}
