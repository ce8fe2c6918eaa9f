/*
 * fmt.c — the line-based formatter (see fmt.h).
 */
#include "fmt.h"

#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "lex.h"
#include "utf8.h"

typedef struct {
	int depth;               /* braces open before the line */
	bool continues;          /* the previous line asked for more */
	bool in_long_string;     /* inside """ ... """ across lines */
	bool prev_blank;
	bool prev_opened;        /* previous line ended with '{' */
	bool prev_closed_top;    /* previous line closed a top-level block */
	bool any_output;
} FmtState;

/* Where the `"""` that ends a long string starts in s[from, n), or n.  A
   backslash escapes the character after it, as in the scanner (\" is a
   quote of the string).  The search stays on the line, so a long string
   costs its length once, not once per line. */
static size_t find_triple(const char *s, size_t from, size_t n)
{
	for (size_t i = from; i + 2 < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"' && s[i + 1] == '"' && s[i + 2] == '"')
			return i;
	}
	return n;
}

/* Text of a string or a comment as fmt writes it: a character a terminal
   would act on rather than show (utf8.h) is written as its escape, \u{1B}.
   In a string that is the same value; in a comment, the same words; and the
   layout never carries a control sequence to a terminal or a file. */
static void put_text(StrBuf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t good = utf8_first_unsafe(s + i, n - i);
		buf_put(out, s + i, good);
		i += good;
		if (i == n)
			break;
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) { /* not reached: only valid UTF-8 is laid out */
			buf_putc(out, s[i++]);
			continue;
		}
		buf_printf(out, "\\u{%X}", (unsigned)cp);
		i += len;
	}
}

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
			size_t end = find_triple(s, i, n);
			size_t stop = end < n ? end + 3 : n;
			put_text(out, s + i, stop - i);
			if (end < n)
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
			put_text(out, s + i, n - i);
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
				size_t end = find_triple(s, j, n);
				if (end < n) {
					j = end + 3;
				} else {
					st->in_long_string = true;
					j = n;
				}
			} else {
				while (j < n && s[j] != '"')
					j += s[j] == '\\' ? 2 : 1;
				j = j < n ? j + 1 : n;
			}
			put_text(out, s + i, j - i);
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

/* One line without its line end; `eol` is the line end the file uses, `own`
   this line's own (kept when the line ends inside a """ string, whose
   text it is). */
static void emit_line(FmtState *st, const char *s, size_t n, const char *eol, const char *own, StrBuf *out)
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
		buf_puts(out, eol);
	bool was_long = st->in_long_string;
	if (!was_long)
		for (int k = 0; k < indent; k++)
			buf_puts(out, "  ");
	int depth_before = st->depth;
	char last = 0, before = 0;
	size_t line_start = out->len;
	format_content(st, s + (was_long ? 0 : start), n - (was_long ? 0 : start), out, &last, &before);
	/* blanks at the end of a line inside a """ string are its text */
	while (!st->in_long_string && out->len > line_start && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
	buf_puts(out, st->in_long_string ? own : eol);
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
	/* one line end for the whole file: the first line's (CRLF or LF) */
	const char *first_nl = memchr(text, '\n', len);
	const char *eol = first_nl && first_nl > text && first_nl[-1] == '\r' ? "\r\n" : "\n";
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		bool cr = end > pos && text[end - 1] == '\r';
		emit_line(&st, text + pos, end - pos - cr, eol, cr ? "\r\n" : "\n", out);
		pos = end + 1;
	}
}
