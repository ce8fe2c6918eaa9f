/*
 * fmt.c — the line-based formatter (see fmt.h).
 */
#include "fmt.h"

#include <stdbool.h>
#include <string.h>

#include "lex.h"

typedef struct {
	int depth;               /* braces open before the line */
	bool continues;          /* the previous line asked for more */
	bool in_long_string;     /* inside """ ... """ across lines */
	bool prev_blank;
	bool prev_opened;        /* previous line ended with '{' */
	bool prev_closed_top;    /* previous line closed a top-level block */
	bool any_output;
} FmtState;

/* Copy one line's content with canonical spacing; update depth and state. */
static void format_content(FmtState *st, const char *s, size_t n, StrBuf *out, char *last_code,
			   char *before_last)
{
	size_t content_start = out->len;
	size_t i = 0;
	bool pending_space = false;
	while (i < n) {
		char c = s[i];
		if (st->in_long_string) {
			const char *end = strstr(s + i, "\"\"\"");
			size_t stop = end && (size_t)(end - s) < n ? (size_t)(end - s) + 3 : n;
			buf_put(out, s + i, stop - i);
			if (stop < n || (end && (size_t)(end - s) + 3 == n))
				st->in_long_string = false;
			i = stop;
			*last_code = '"';
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			pending_space = true;
			i++;
			continue;
		}
		if (c == '#') {
			if (out->len > content_start) {
				while (out->data[out->len - 1] == ' ')
					out->len--;
				buf_puts(out, "  ");
			}
			buf_put(out, s + i, n - i);
			return;
		}
		if (pending_space && c != ',' && c != ')' && out->len > content_start &&
		    out->data[out->len - 1] != '(' && out->data[out->len - 1] != ' ')
			buf_putc(out, ' ');
		pending_space = false;
		if (c == '"') {
			bool triple = i + 2 < n && s[i + 1] == '"' && s[i + 2] == '"';
			size_t j = i + (triple ? 3 : 1);
			if (triple) {
				const char *end = strstr(s + j, "\"\"\"");
				if (end && (size_t)(end - s) < n) {
					j = (size_t)(end - s) + 3;
				} else {
					st->in_long_string = true;
					j = n;
				}
			} else {
				while (j < n && s[j] != '"')
					j += s[j] == '\\' ? 2 : 1;
				j = j < n ? j + 1 : n;
			}
			buf_put(out, s + i, j - i);
			i = j;
			*before_last = *last_code;
			*last_code = '"';
			continue;
		}
		buf_putc(out, c);
		if (c == ',')
			pending_space = true;
		if (c == '{')
			st->depth++;
		if (c == '}' && st->depth > 0)
			st->depth--;
		*before_last = *last_code;
		*last_code = c;
		i++;
	}
}

static void emit_line(FmtState *st, const char *s, size_t n, StrBuf *out)
{
	size_t start = 0;
	while (!st->in_long_string && start < n && (s[start] == ' ' || s[start] == '\t' || s[start] == '\r'))
		start++;
	bool blank = start == n && !st->in_long_string;
	if (blank) {
		st->prev_blank = st->any_output;
		return;
	}
	bool closes = s[start] == '}';
	int indent = st->depth - (closes ? 1 : 0) + (st->continues ? 1 : 0);
	bool top_declaration = st->depth == 0 && !st->continues && !st->in_long_string;
	/* one blank line between top-level blocks, none just inside a brace */
	if (st->any_output && !st->prev_opened && !closes &&
	    (st->prev_blank || (top_declaration && st->prev_closed_top && s[start] != '#')))
		buf_putc(out, '\n');
	bool was_long = st->in_long_string;
	if (!was_long)
		for (int k = 0; k < indent; k++)
			buf_puts(out, "  ");
	int depth_before = st->depth;
	char last = 0, before = 0;
	size_t line_start = out->len;
	format_content(st, s + (was_long ? 0 : start), n - (was_long ? 0 : start), out, &last, &before);
	while (out->len > line_start && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
	buf_putc(out, '\n');
	/* after '{' the next line is indented as a block's, not as a continuation */
	st->continues = !st->in_long_string && last != '{' && lex_text_continues_line(before, last);
	st->prev_opened = last == '{';
	st->prev_closed_top = depth_before > 0 && st->depth == 0;
	st->prev_blank = false;
	st->any_output = true;
}

void fmt_source(const Source *src, StrBuf *out)
{
	FmtState st = { 0 };
	const char *text = src->text;
	size_t len = src->len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		emit_line(&st, text + pos, end - pos, out);
		pos = end + 1;
	}
}
