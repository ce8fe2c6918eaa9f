/*
 * diag.c — collecting diagnostics and printing them.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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
 * Past the cap, the diagnostics kept are the errors first, then the
 * warnings, each the first by position, not the first reported: what a run
 * shows does not depend on the order in which the checks run, and no number
 * of warnings can hide an error.  Once full, the kept ones form a heap with
 * the last to keep on top, so each new diagnostic costs one comparison.
 */
static int after(const Diagnostic *a, const Diagnostic *b)
{
	if ((a->severity == SEV_ERROR) != (b->severity == SEV_ERROR))
		return b->severity == SEV_ERROR;
	return compare_diagnostics(&a, &b) > 0;
}

static void sift_down(Vec *kept, size_t i)
{
	Diagnostic **heap = (Diagnostic **)kept->items;
	size_t n = kept->len;
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
static bool keep_room(const Vec *kept, size_t cap, Severity sev, SrcLoc loc, size_t seq)
{
	if (kept->len < cap)
		return true;
	Diagnostic probe = { .severity = sev, .loc = loc, .seq = seq };
	return after(kept->items[0], &probe);
}

/* Keep `d` among the first `cap` by position; true when another one had
   to make room for it (it is then counted as dropped). */
static bool keep(Vec *kept, size_t cap, Diagnostic *d)
{
	if (kept->len < cap) {
		vec_push(kept, d);
		if (kept->len == cap)
			for (size_t i = cap / 2; i-- > 0;)
				sift_down(kept, i);
		return false;
	}
	kept->items[0] = d; /* in place of the last by position */
	sift_down(kept, 0);
	return true;
}

/* Messages quote plan text and file names: made printable here, once.
   The format is translated here too (i18n.h): call sites keep the English
   literal, which xgettext finds by the function's name. */
static const char *format_message(const char *fmt, va_list ap)
{
	StrBuf msg = { 0 };
	buf_init(&msg);
	buf_vprintf(&msg, i18n_text(fmt), ap);
	return utf8_safe_text(msg.data, msg.len);
}

static const DiagSuppression *suppression_of(DiagSink *sink, DiagCode code, SrcLoc loc);

/* A warning silenced in place: kept apart, so that silenced warnings never
   take the place of the ones shown, and not counted. */
static Diagnostic *report_suppressed(DiagSink *sink, const DiagSuppression *by, DiagCode code,
				     SrcLoc loc, const char *fmt, va_list ap)
{
	sink->suppressed_count++;
	size_t seq = sink->errors + sink->warnings + sink->suppressed_count;
	if (sink->max_kept == 0 || !keep_room(&sink->suppressed, sink->max_kept, diag_code_severity(code), loc, seq))
		return NULL;
	Diagnostic *d = NEW(Diagnostic);
	d->severity = diag_code_severity(code);
	d->code = code;
	d->loc = loc;
	d->seq = seq;
	d->suppressed_by = by;
	d->message = format_message(fmt, ap);
	keep(&sink->suppressed, sink->max_kept, d);
	return d;
}

const char *diag_baseline_key(const char *file, const char *code, const char *message)
{
	return mem_printf("%s\x1f%s\x1f%s", file ? file : "", code, message);
}

/* A finding the baseline has (as many times as it has it): known, not counted. */
static bool in_baseline(DiagSink *sink, DiagCode code, SrcLoc loc, const char *message)
{
	size_t *left = table_get(sink->baseline, diag_baseline_key(loc.src ? loc.src->path : "",
								  diag_code_name(code), message));
	if (!left || *left == 0)
		return false;
	(*left)--;
	sink->baselined++;
	return true;
}

size_t diag_baseline_gone(const DiagSink *sink)
{
	return sink->baseline ? sink->baseline_total - sink->baselined : 0;
}

Diagnostic *diag_report(DiagSink *sink, DiagCode code, SrcLoc loc, const char *fmt, ...)
{
	const DiagSuppression *by = suppression_of(sink, code, loc);
	if (by && !by->expired) {
		va_list ap;
		va_start(ap, fmt);
		Diagnostic *d = report_suppressed(sink, by, code, loc, fmt, ap);
		va_end(ap);
		return d;
	}
	const char *message = NULL;
	if (sink->baseline) { /* the message is the finding's identity: format it first */
		va_list ap;
		va_start(ap, fmt);
		message = format_message(fmt, ap);
		va_end(ap);
		if (in_baseline(sink, code, loc, message))
			return NULL;
	}
	Severity sev = effective_severity(sink, code);
	if (sev == SEV_ERROR)
		sink->errors++;
	else
		sink->warnings++;
	if (sev == SEV_ERROR && code_table[code].name[1] == '7')
		sink->findings++;
	size_t seq = sink->errors + sink->warnings + sink->suppressed_count;
	if (sink->max_kept == 0 || !keep_room(&sink->diags, sink->max_kept, sev, loc, seq)) {
		sink->dropped++;
		return NULL;
	}
	Diagnostic *d = NEW(Diagnostic);
	d->severity = sev;
	d->code = code;
	d->loc = loc;
	d->seq = seq;
	if (!message) {
		va_list ap;
		va_start(ap, fmt);
		message = format_message(fmt, ap);
		va_end(ap);
	}
	d->message = message;
	if (keep(&sink->diags, sink->max_kept, d))
		sink->dropped++;
	if (by) /* an acceptance that expired: the warning is back, and says why */
		diag_note(d, by->comment, "it was accepted until %s (\"%s\"); that acceptance has expired",
			  by->until, by->reason);
	return d;
}

bool diag_keeps(const DiagSink *sink, DiagCode code, SrcLoc loc)
{
	return sink->max_kept != 0 &&
	       keep_room(&sink->diags, sink->max_kept, effective_severity(sink, code), loc,
			 sink->errors + sink->warnings + sink->suppressed_count + 1);
}

void diag_note(Diagnostic *d, SrcLoc loc, const char *fmt, ...)
{
	if (d == NULL)
		return;
	DiagNote *note = NEW(DiagNote);
	note->loc = loc;
	va_list ap;
	va_start(ap, fmt);
	note->message = format_message(fmt, ap);
	va_end(ap);
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
	if (title)
		title = i18n_text(title);
	else {
		const char *new_text = title_quote(text, strlen(text));
		title = loc.end > loc.start
			? mem_printf(_("Replace '%s' with '%s'"), title_quote(loc.src->text + loc.start, loc.end - loc.start),
				     new_text)
			: mem_printf(_("Insert '%s'"), new_text);
	}
	fix->title = title;
	vec_push(&d->fixes, fix);
}

void diag_sort(DiagSink *sink)
{
	if (sink->diags.len > 1)
		qsort(sink->diags.items, sink->diags.len, sizeof(void *), compare_diagnostics);
	if (sink->suppressed.len > 1)
		qsort(sink->suppressed.items, sink->suppressed.len, sizeof(void *), compare_diagnostics);
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

/*
 * The start of a line as it may be printed, at most `max` characters (*cut
 * when there is more): invalid UTF-8 and the characters a terminal would act
 * on (utf8_is_unsafe: controls, bidirectional overrides) become '?', one
 * for one, so the caret still lines up and a diagnostic about bad bytes is
 * itself clean text.  Only what is shown is looked at: a 10 MB line costs
 * no more than a short one.
 */
static const char *printable_line(const char *text, size_t len, size_t max, size_t *out_len, bool *cut)
{
	StrBuf b = { 0 };
	buf_init(&b);
	size_t i = 0, chars = 0;
	while (i < len && chars < max) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (n == 0 || utf8_is_unsafe(cp))
			buf_putc(&b, '?');
		else
			buf_put(&b, text + i, n);
		i += n ? n : 1;
		chars++;
	}
	*cut = i < len;
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
	if ((size_t)col > EXCERPT_MAX_CHARS)
		return; /* the position is far out on a huge line: the line:column says it */
	source_position(loc.src, loc.end, &end_line, &end_col);
	size_t raw_len, len;
	bool cut;
	const char *raw = source_line(loc.src, line, &raw_len);
	const char *text = printable_line(raw, raw_len, EXCERPT_MAX_CHARS, &len, &cut);
	if (cut) {
		text = mem_printf("%s ...", text);
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
	if (!d->hide_source)
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
	buf_printf(out, i18n_plural("%zu error", "%zu errors", sink->errors), sink->errors);
	buf_puts(out, ", ");
	buf_printf(out, i18n_plural("%zu warning", "%zu warnings", sink->warnings), sink->warnings);
	if (sink->suppressed_count)
		buf_printf(out, _(" (%zu suppressed)"), sink->suppressed_count);
	if (sink->baseline && diag_baseline_gone(sink))
		buf_printf(out, i18n_plural(" (%zu in the baseline; %zu of its findings is gone: save a new baseline)",
					    " (%zu in the baseline; %zu of its findings are gone: save a new baseline)",
					    diag_baseline_gone(sink)),
			   sink->baselined, diag_baseline_gone(sink));
	else if (sink->baseline)
		buf_printf(out, _(" (%zu in the baseline)"), sink->baselined);
}

void diag_render_text(const DiagSink *sink, StrBuf *out, RenderOptions opts)
{
	for (size_t i = 0; i < sink->diags.len; i++)
		render_one(out, VEC_AT(sink->diags, Diagnostic, i), opts);
	if (sink->dropped)
		buf_printf(out, i18n_plural("carenet: %zu more diagnostic not shown\n",
					    "carenet: %zu more diagnostics not shown\n", sink->dropped),
			   sink->dropped);
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
		github_escape(out, mem_printf("%s %s", diag_code_name(d->code), _(diag_code_title(d->code))), 1);
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

void diag_loc_range(SrcLoc loc, int *line, int *column, int *end_line, int *end_column)
{
	*line = *column = *end_line = *end_column = 0;
	if (loc.src == NULL)
		return;
	source_position(loc.src, loc.start, line, column);
	source_position(loc.src, loc.end, end_line, end_column);
}

/* "file", "line", "column", "end_line", "end_column" of a place. */
static void json_place(JsonWriter *w, SrcLoc loc)
{
	int line, col, end_line, end_col;
	diag_loc_range(loc, &line, &col, &end_line, &end_col);
	json_kv_string(w, "file", loc.src ? loc.src->path : NULL);
	json_kv_int(w, "line", line);
	json_kv_int(w, "column", col);
	json_kv_int(w, "end_line", end_line);
	json_kv_int(w, "end_column", end_col);
}

static void json_suppression(JsonWriter *w, const DiagSuppression *s)
{
	json_key(w, "suppression");
	if (s == NULL) {
		json_write_null(w);
		return;
	}
	json_object_begin(w);
	json_kv_string(w, "kind", s->until ? "acceptance" : "comment");
	json_kv_string(w, "reason", s->reason);
	json_kv_string(w, "until", s->until);
	json_place(w, s->comment);
	json_object_end(w);
}

void diag_render_json(const DiagSink *sink, StrBuf *out)
{
	Vec all = diag_all_sorted(sink);
	JsonWriter w;
	json_init(&w, out);
	json_array_begin(&w);
	for (size_t i = 0; i < all.len; i++) {
		const Diagnostic *d = all.items[i];
		json_object_begin(&w);
		json_place(&w, d->loc);
		json_kv_string(&w, "severity", severity_word(d->severity));
		json_kv_string(&w, "code", diag_code_name(d->code));
		json_kv_string(&w, "message", d->message);
		json_key(&w, "notes");
		json_array_begin(&w);
		for (size_t k = 0; k < d->notes.len; k++) {
			const DiagNote *n = VEC_AT(d->notes, DiagNote, k);
			json_object_begin(&w);
			json_place(&w, n->loc);
			json_kv_string(&w, "message", n->message);
			json_object_end(&w);
		}
		json_array_end(&w);
		json_suppression(&w, d->suppressed_by);
		json_object_end(&w);
	}
	json_array_end(&w);
}

Vec diag_all_sorted(const DiagSink *sink)
{
	Vec all = { 0 };
	size_t a = 0, b = 0;
	const Vec *shown = &sink->diags, *silenced = &sink->suppressed;
	while (a < shown->len || b < silenced->len) {
		if (b == silenced->len ||
		    (a < shown->len && compare_diagnostics(&shown->items[a], &silenced->items[b]) <= 0))
			vec_push(&all, shown->items[a++]);
		else
			vec_push(&all, silenced->items[b++]);
	}
	return all;
}

/* ---- suppressions ----------------------------------------------------------- */

/* The suppressions of one file: a run of sink->suppressions. */
typedef struct {
	const Source *src;
	size_t first, count;
} SuppressionFile;

bool diag_code_suppressible(DiagCode code)
{
	return diag_code_severity(code) == SEV_WARNING && strncmp(code_table[code].name, "W95", 3) != 0;
}

/* The next file's run starts after the last of this one. */
static void index_suppression(DiagSink *sink, DiagSuppression *s, size_t at)
{
	size_t files = sink->suppression_files.len;
	SuppressionFile *f = files ? sink->suppression_files.items[files - 1] : NULL;
	if (f == NULL || f->src != s->scope.src) {
		f = NEW(SuppressionFile);
		f->src = s->scope.src;
		f->first = at;
		vec_push(&sink->suppression_files, f);
	}
	f->count++;
}

static bool file_indexed(const DiagSink *sink, const Source *src)
{
	for (size_t i = 0; i < sink->suppression_files.len; i++)
		if (VEC_AT(sink->suppression_files, SuppressionFile, i)->src == src)
			return true;
	return false;
}

void diag_suppression_add(DiagSink *sink, DiagSuppression *s)
{
	/* Comments arrive in file order as the parser reads them; acceptances
	   later, when their names are bound.  One out of order is sorted in
	   before the next lookup. */
	size_t n = sink->suppressions.len;
	const DiagSuppression *last = n ? sink->suppressions.items[n - 1] : NULL;
	bool in_order = !sink->suppressions_unsorted &&
			(last == NULL ? true
			 : last->scope.src == s->scope.src ? last->scope.start <= s->scope.start
			 : !file_indexed(sink, s->scope.src));
	vec_push(&sink->suppressions, s);
	if (in_order)
		index_suppression(sink, s, n);
	else
		sink->suppressions_unsorted = true;
}

/* Grouped by file (any order of files will do), then by position. */
static int compare_suppressions(const void *a, const void *b)
{
	const DiagSuppression *x = *(DiagSuppression *const *)a, *y = *(DiagSuppression *const *)b;
	uintptr_t fx = (uintptr_t)x->scope.src, fy = (uintptr_t)y->scope.src;
	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->scope.start != y->scope.start)
		return x->scope.start < y->scope.start ? -1 : 1;
	return x->comment.start < y->comment.start ? -1 : x->comment.start > y->comment.start;
}

static void sort_suppressions(DiagSink *sink)
{
	qsort(sink->suppressions.items, sink->suppressions.len, sizeof(void *), compare_suppressions);
	sink->suppression_files.len = 0;
	for (size_t i = 0; i < sink->suppressions.len; i++)
		index_suppression(sink, sink->suppressions.items[i], i);
	sink->suppressions_unsorted = false;
}

/*
 * The suppression that silences `code` at `loc`, if any.  Scopes are whole
 * declarations, which do not nest, so within a file they are sorted and
 * disjoint: find the last one starting at or before `loc`, then look at the
 * suppressions sharing that scope.
 */
static const DiagSuppression *suppression_of(DiagSink *sink, DiagCode code, SrcLoc loc)
{
	if (sink->suppressions.len == 0 || loc.src == NULL || !diag_code_suppressible(code))
		return NULL;
	if (sink->suppressions_unsorted)
		sort_suppressions(sink);
	const SuppressionFile *f = NULL;
	for (size_t i = 0; i < sink->suppression_files.len && !f; i++)
		if (VEC_AT(sink->suppression_files, SuppressionFile, i)->src == loc.src)
			f = sink->suppression_files.items[i];
	if (f == NULL)
		return NULL;
	DiagSuppression **all = (DiagSuppression **)sink->suppressions.items + f->first;
	size_t lo = 0, hi = f->count; /* first scope starting after loc */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (all[mid]->scope.start <= loc.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	uint32_t start = all[lo - 1]->scope.start;
	for (size_t i = lo; i-- > 0 && all[i]->scope.start == start;) {
		if (all[i]->code == code && loc.start < all[i]->scope.end) {
			all[i]->uses++;
			return all[i];
		}
	}
	return NULL;
}

void diag_report_unused_suppressions(DiagSink *sink)
{
	for (size_t i = 0; i < sink->suppressions.len; i++) {
		const DiagSuppression *s = sink->suppressions.items[i];
		if (s->uses == 0 && s->until == NULL) /* an acceptance: W714, from accept.c */
			diag_report(sink, DIAG_W955, s->comment,
				    "this comment suppresses %s, but the declaration it applies to has no %s warning; remove the comment",
				    diag_code_name(s->code), diag_code_name(s->code));
	}
}
