/*
 * diag.c — collecting diagnostics and printing them.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mem.h"
#include "utf8.h"

/* Excerpts longer than this are cut: a 1 MiB line helps nobody. */
#define EXCERPT_MAX_CHARS 160

static const struct {
	const char *name;
	Severity severity;
	const char *title;
} code_table[] = {
#define DIAG(code, sev, title) { #code, sev, title },
#include "diag_codes.def"
#undef DIAG
};

const char *diag_code_name(DiagCode code) { return code_table[code].name; }
const char *diag_code_title(DiagCode code) { return code_table[code].title; }
Severity diag_code_severity(DiagCode code) { return code_table[code].severity; }

int diag_code_lookup(const char *name)
{
	for (int i = 0; i < DIAG_CODE_COUNT; i++)
		if (strcmp(code_table[i].name, name) == 0)
			return i;
	return -1;
}

void diag_sink_init(DiagSink *sink)
{
	memset(sink, 0, sizeof *sink);
	sink->max_kept = DIAG_DEFAULT_CAP;
}

static Severity effective_severity(const DiagSink *sink, DiagCode code)
{
	Severity s = diag_code_severity(code);
	if (s == SEV_WARNING && sink->werror)
		return SEV_ERROR;
	return s;
}

static int compare_diagnostics(const void *pa, const void *pb)
{
	const Diagnostic *a = *(Diagnostic *const *)pa;
	const Diagnostic *b = *(Diagnostic *const *)pb;
	int ida = a->loc.src ? a->loc.src->id : -1;
	int idb = b->loc.src ? b->loc.src->id : -1;
	if (ida != idb)
		return ida < idb ? -1 : 1;
	if (a->loc.start != b->loc.start)
		return a->loc.start < b->loc.start ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/*
 * Past the cap, the diagnostics kept are the first by position, not the
 * first reported, so what a run shows does not depend on the order in which
 * the checks run.  Once full, the kept ones form a heap with the last by
 * position on top, so each new diagnostic costs one comparison.
 */
static int after(const Diagnostic *a, const Diagnostic *b)
{
	return compare_diagnostics(&a, &b) > 0;
}

static void sift_down(DiagSink *sink, size_t i)
{
	Diagnostic **heap = (Diagnostic **)sink->diags.items;
	size_t n = sink->diags.len;
	for (;;) {
		size_t last = i, left = 2 * i + 1, right = left + 1;
		if (left < n && after(heap[left], heap[last]))
			last = left;
		if (right < n && after(heap[right], heap[last]))
			last = right;
		if (last == i)
			return;
		Diagnostic *t = heap[i];
		heap[i] = heap[last];
		heap[last] = t;
		i = last;
	}
}

/* Whether a diagnostic at `loc`, reported `seq`th, is among those kept. */
static bool keep_room(const DiagSink *sink, SrcLoc loc, size_t seq)
{
	if (sink->diags.len < sink->max_kept)
		return true;
	Diagnostic probe = { .loc = loc, .seq = seq };
	return after(sink->diags.items[0], &probe);
}

Diagnostic *diag_report(DiagSink *sink, DiagCode code, SrcLoc loc, const char *fmt, ...)
{
	Severity sev = effective_severity(sink, code);
	if (sev == SEV_ERROR)
		sink->errors++;
	else
		sink->warnings++;
	if (sev == SEV_ERROR && code_table[code].name[1] == '7')
		sink->findings++;
	size_t seq = sink->errors + sink->warnings;
	if (sink->max_kept == 0 || !keep_room(sink, loc, seq)) {
		sink->dropped++;
		return NULL;
	}
	Diagnostic *d = NEW(Diagnostic);
	d->severity = sev;
	d->code = code;
	d->loc = loc;
	d->seq = seq;
	va_list ap;
	va_start(ap, fmt);
	StrBuf msg = { 0 };
	buf_init(&msg);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	d->message = msg.data;
	if (sink->diags.len < sink->max_kept) {
		vec_push(&sink->diags, d);
		if (sink->diags.len == sink->max_kept)
			for (size_t i = sink->max_kept / 2; i-- > 0;)
				sift_down(sink, i);
	} else {
		sink->diags.items[0] = d; /* in place of the last by position */
		sink->dropped++;
		sift_down(sink, 0);
	}
	return d;
}

void diag_note(Diagnostic *d, SrcLoc loc, const char *fmt, ...)
{
	if (d == NULL)
		return;
	DiagNote *note = NEW(DiagNote);
	note->loc = loc;
	va_list ap;
	va_start(ap, fmt);
	StrBuf msg = { 0 };
	buf_init(&msg);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	note->message = msg.data;
	vec_push(&d->notes, note);
}

/* Text quoted in a fix's title: one line, at most 40 bytes. */
static const char *title_quote(const char *text, size_t len)
{
	size_t n = 0;
	while (n < len && n < 40 && text[n] != '\n')
		n++;
	while (n > 0 && n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--; /* never cut a character in two */
	return mem_printf("%.*s%s", (int)n, text, n < len ? "..." : "");
}

void diag_fix(Diagnostic *d, SrcLoc loc, const char *text, const char *title)
{
	if (d == NULL || loc.src == NULL)
		return;
	DiagFix *fix = NEW(DiagFix);
	fix->loc = loc;
	fix->text = text;
	if (!title) {
		const char *new_text = title_quote(text, strlen(text));
		title = loc.end > loc.start
			? mem_printf("Replace '%s' with '%s'", title_quote(loc.src->text + loc.start, loc.end - loc.start),
				     new_text)
			: mem_printf("Insert '%s'", new_text);
	}
	fix->title = title;
	vec_push(&d->fixes, fix);
}

int diag_has_errors(const DiagSink *sink)
{
	return sink->errors > 0;
}

void diag_sort(DiagSink *sink)
{
	if (sink->diags.len > 1)
		qsort(sink->diags.items, sink->diags.len, sizeof(void *), compare_diagnostics);
}

/* ---- text ---------------------------------------------------------------- */

#define ANSI_BOLD "\033[1m"
#define ANSI_RED "\033[1;31m"
#define ANSI_MAGENTA "\033[1;35m"
#define ANSI_CYAN "\033[1;36m"
#define ANSI_GREEN "\033[1;32m"
#define ANSI_RESET "\033[0m"

static const char *severity_word(Severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	default: return "note";
	}
}

static const char *severity_color(Severity s)
{
	switch (s) {
	case SEV_ERROR: return ANSI_RED;
	case SEV_WARNING: return ANSI_MAGENTA;
	default: return ANSI_CYAN;
	}
}

/* "file:line:col: " or "carenet: " for diagnostics with no place. */
static void render_where(StrBuf *out, SrcLoc loc, RenderOptions opts)
{
	if (opts.color)
		buf_puts(out, ANSI_BOLD);
	if (loc.src) {
		int line, col;
		source_position(loc.src, loc.start, &line, &col);
		buf_printf(out, "%s:%d:%d: ", loc.src->path, line, col);
	} else {
		buf_puts(out, "carenet: ");
	}
	if (opts.color)
		buf_puts(out, ANSI_RESET);
}

/* Count the characters of a byte range (UTF-8 aware). */
static size_t char_count(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* The line as it may be printed: invalid UTF-8, NUL and control bytes
   become '?', so a diagnostic about bad bytes is itself clean text. */
static const char *printable_line(const char *text, size_t len, size_t *out_len)
{
	StrBuf b = { 0 };
	buf_init(&b);
	size_t i = 0;
	while (i < len) {
		size_t bad = utf8_find_invalid(text + i, len - i);
		size_t good = bad == (size_t)-1 ? len - i : bad;
		for (size_t k = 0; k < good; k++) {
			unsigned char c = (unsigned char)text[i + k];
			buf_putc(&b, (c < 0x20 && c != '\t') || c == 0x7F ? '?' : (char)c);
		}
		i += good;
		if (i < len) {
			buf_putc(&b, '?');
			i++;
		}
	}
	*out_len = b.len;
	return b.data;
}

/*
 *   3 | area x "X" in nowhere {
 *     |               ^~~~~~~
 * The caret line copies tabs from the source so the caret lines up.
 */
static void render_excerpt(StrBuf *out, SrcLoc loc, RenderOptions opts)
{
	if (loc.src == NULL)
		return;
	int line, col, end_line, end_col;
	source_position(loc.src, loc.start, &line, &col);
	source_position(loc.src, loc.end, &end_line, &end_col);
	size_t raw_len, len;
	const char *raw = source_line(loc.src, line, &raw_len);
	const char *text = printable_line(raw, raw_len, &len);
	if (char_count(text, len) > EXCERPT_MAX_CHARS) {
		if ((size_t)col > EXCERPT_MAX_CHARS)
			return; /* the position is far out on a huge line: the line:column says it */
		size_t cut = 0;
		for (size_t chars = 0; cut < len && chars < EXCERPT_MAX_CHARS; cut++)
			if (((unsigned char)text[cut] & 0xC0) != 0x80)
				chars++;
		while (cut < len && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut++;
		text = mem_printf("%.*s ...", (int)cut, text);
		len = cut;
		if (end_line > line || end_col - col > EXCERPT_MAX_CHARS)
			end_line = line, end_col = EXCERPT_MAX_CHARS + 1;
	}
	int width = snprintf(NULL, 0, "%d", line);
	if (width < 4)
		width = 4;
	buf_printf(out, " %*d | ", width, line);
	buf_puts(out, text);
	buf_putc(out, '\n');
	buf_printf(out, " %*s | ", width, "");
	size_t line_chars = char_count(text, len);
	size_t caret_col = (size_t)col - 1;
	size_t seen = 0;
	for (size_t i = 0; i < len && seen < caret_col; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		buf_putc(out, text[i] == '\t' ? '\t' : ' ');
		seen++;
	}
	size_t span = 1;
	if (end_line == line && end_col > col)
		span = (size_t)(end_col - col);
	else if (end_line > line && line_chars > caret_col)
		span = line_chars - caret_col;
	if (opts.color)
		buf_puts(out, ANSI_GREEN);
	buf_putc(out, '^');
	for (size_t i = 1; i < span; i++)
		buf_putc(out, '~');
	if (opts.color)
		buf_puts(out, ANSI_RESET);
	buf_putc(out, '\n');
}

static void render_one(StrBuf *out, const Diagnostic *d, RenderOptions opts)
{
	render_where(out, d->loc, opts);
	if (opts.color)
		buf_puts(out, severity_color(d->severity));
	buf_printf(out, "%s:", severity_word(d->severity));
	if (opts.color)
		buf_puts(out, ANSI_RESET ANSI_BOLD);
	buf_printf(out, " %s [%s]", d->message, diag_code_name(d->code));
	if (opts.color)
		buf_puts(out, ANSI_RESET);
	buf_putc(out, '\n');
	render_excerpt(out, d->loc, opts);
	for (size_t i = 0; i < d->notes.len; i++) {
		const DiagNote *n = VEC_AT(d->notes, DiagNote, i);
		if (n->loc.src) {
			render_where(out, n->loc, opts);
			if (opts.color)
				buf_puts(out, ANSI_CYAN);
			buf_puts(out, "note:");
			if (opts.color)
				buf_puts(out, ANSI_RESET);
			buf_printf(out, " %s\n", n->message);
			render_excerpt(out, n->loc, opts);
		} else {
			buf_printf(out, "   = %s\n", n->message);
		}
	}
}

void diag_summary(const DiagSink *sink, StrBuf *out)
{
	buf_printf(out, "%zu error%s, %zu warning%s", sink->errors, sink->errors == 1 ? "" : "s",
		   sink->warnings, sink->warnings == 1 ? "" : "s");
}

void diag_render_text(const DiagSink *sink, StrBuf *out, RenderOptions opts)
{
	for (size_t i = 0; i < sink->diags.len; i++)
		render_one(out, VEC_AT(sink->diags, Diagnostic, i), opts);
	if (sink->dropped)
		buf_printf(out, "carenet: %zu more diagnostic%s not shown\n", sink->dropped,
			   sink->dropped == 1 ? "" : "s");
}

/* ---- GitHub workflow annotations ------------------------------------------ */

/* Workflow commands need %, CR and LF escaped in the message, and , : in properties. */
static void github_escape(StrBuf *out, const char *s, int is_property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': buf_puts(out, "%25"); break;
		case '\r': buf_puts(out, "%0D"); break;
		case '\n': buf_puts(out, "%0A"); break;
		case ':': buf_puts(out, is_property ? "%3A" : ":"); break;
		case ',': buf_puts(out, is_property ? "%2C" : ","); break;
		default: buf_putc(out, *s);
		}
	}
}

void diag_render_github(const DiagSink *sink, StrBuf *out)
{
	for (size_t i = 0; i < sink->diags.len; i++) {
		const Diagnostic *d = VEC_AT(sink->diags, Diagnostic, i);
		buf_printf(out, "::%s ", d->severity == SEV_ERROR ? "error" : d->severity == SEV_WARNING ? "warning" : "notice");
		if (d->loc.src) {
			int line, col, end_line, end_col;
			source_position(d->loc.src, d->loc.start, &line, &col);
			source_position(d->loc.src, d->loc.end, &end_line, &end_col);
			buf_puts(out, "file=");
			github_escape(out, d->loc.src->path, 1);
			buf_printf(out, ",line=%d,col=%d,endLine=%d,endColumn=%d,", line, col, end_line, end_col);
		}
		buf_puts(out, "title=");
		github_escape(out, mem_printf("%s %s", diag_code_name(d->code), diag_code_title(d->code)), 1);
		buf_puts(out, "::");
		StrBuf msg = { 0 };
		buf_init(&msg);
		buf_puts(&msg, d->message);
		for (size_t k = 0; k < d->notes.len; k++)
			buf_printf(&msg, "\n%s", VEC_AT(d->notes, DiagNote, k)->message);
		github_escape(out, msg.data, 0);
		buf_putc(out, '\n');
	}
}

/* ---- JSON ------------------------------------------------------------------ */

void diag_render_json(const DiagSink *sink, StrBuf *out)
{
	JsonWriter w;
	json_init(&w, out);
	json_array_begin(&w);
	for (size_t i = 0; i < sink->diags.len; i++) {
		const Diagnostic *d = VEC_AT(sink->diags, Diagnostic, i);
		int line = 0, col = 0;
		if (d->loc.src)
			source_position(d->loc.src, d->loc.start, &line, &col);
		json_object_begin(&w);
		json_kv_string(&w, "file", d->loc.src ? d->loc.src->path : NULL);
		json_kv_int(&w, "line", line);
		json_kv_int(&w, "column", col);
		json_kv_string(&w, "severity", severity_word(d->severity));
		json_kv_string(&w, "code", diag_code_name(d->code));
		json_kv_string(&w, "message", d->message);
		json_key(&w, "notes");
		json_array_begin(&w);
		for (size_t k = 0; k < d->notes.len; k++) {
			const DiagNote *n = VEC_AT(d->notes, DiagNote, k);
			json_object_begin(&w);
			int nl = 0, nc = 0;
			if (n->loc.src)
				source_position(n->loc.src, n->loc.start, &nl, &nc);
			json_kv_string(&w, "file", n->loc.src ? n->loc.src->path : NULL);
			json_kv_int(&w, "line", nl);
			json_kv_int(&w, "column", nc);
			json_kv_string(&w, "message", n->message);
			json_object_end(&w);
		}
		json_array_end(&w);
		json_object_end(&w);
	}
	json_array_end(&w);
}
