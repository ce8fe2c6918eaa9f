/*
 * lsp_docs.c — the open documents, their checks and their diagnostics.
 *
 * Each open document is checked as the root of a run of its own, with the
 * text of every open document in the run's overlay (an import of an open
 * file reads the editor's text, not the disk).  A change marks the
 * document and every open document whose last run read it; they are
 * checked when the input is idle (lsp.c) and their diagnostics published,
 * the diagnostics of a run that lie in its root document.  Between checks
 * the heap is collected, so a long session stays the size of its
 * documents and their runs.
 */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem.h"
#include "table.h"

static struct {
	Table by_uri;            /* uri -> LspDoc */
	Vec docs;                /* of LspDoc, in the order opened; closed ones removed */
	int times;               /* CARENET_TIMES: log each check's time and heap (1), not (-1) */
} open_docs;

size_t lsp_docs_all(LspDoc ***out)
{
	*out = (LspDoc **)open_docs.docs.items;
	return open_docs.docs.len;
}

/* ---- URIs ------------------------------------------------------------------------------- */

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* file:///home/x/plan%20a.care -> /home/x/plan a.care; another scheme is
   kept whole (an untitled buffer is named by its URI). */
static const char *path_of_uri(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return uri;
	const char *p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	StrBuf b = { 0 };
	buf_init(&b);
	for (; *p; p++) {
		if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
			char c = (char)(hex(p[1]) * 16 + hex(p[2]));
			buf_putc(&b, c ? c : '?');
			p += 2;
		} else {
			buf_putc(&b, *p);
		}
	}
	return b.data;
}

static const char *uri_of_path(const char *path)
{
	if (path[0] != '/')
		return path;
	StrBuf b = { 0 };
	buf_init(&b);
	buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	return b.data;
}

static LspDoc *doc_with_key(const char *key)
{
	for (size_t i = 0; i < open_docs.docs.len; i++) {
		LspDoc *d = open_docs.docs.items[i];
		if (strcmp(d->key, key) == 0)
			return d;
	}
	return NULL;
}

json_t *lsp_docs_uri(const char *key)
{
	LspDoc *d = doc_with_key(key);
	return lsp_string(d ? d->uri : uri_of_path(key));
}

/* ---- positions -------------------------------------------------------------------------- */

json_t *lsp_docs_position(CarenetPosition p)
{
	return json_pack("{s:i, s:i}", "line", (json_int_t)p.line, "character", (json_int_t)p.column);
}

json_t *lsp_docs_range(CarenetRange r)
{
	return json_pack("{s:o, s:o}", "start", lsp_docs_position(r.start), "end", lsp_docs_position(r.end));
}

json_t *lsp_docs_location(CarenetRange r)
{
	if (!r.path)
		return NULL;
	return json_pack("{s:o, s:o}", "uri", lsp_docs_uri(r.path), "range", lsp_docs_range(r));
}

bool lsp_docs_read_position(json_t *position, CarenetPosition *out)
{
	json_int_t line, character;
	if (!position || json_unpack(position, "{s:I, s:I}", "line", &line, "character", &character) != 0 ||
	    line < 0 || character < 0 || line > UINT32_MAX || character > UINT32_MAX)
		return false;
	out->line = (unsigned)line;
	out->column = (unsigned)character;
	return true;
}

/* ---- diagnostics ---------------------------------------------------------------------------- */

json_t *lsp_docs_diagnostic(const CarenetDiagnostic *d)
{
	StrBuf message = { 0 };
	buf_init(&message);
	buf_puts(&message, d->message);
	json_t *related = json_array();
	for (size_t k = 0; k < d->note_count; k++) {
		json_t *where = lsp_docs_location(d->notes[k].where);
		if (where)
			json_array_append_new(related, json_pack("{s:o, s:o}", "location", where, "message",
								 lsp_string(d->notes[k].message)));
		else
			buf_printf(&message, "\n%s", d->notes[k].message); /* a hint: part of the message */
	}
	json_t *diag = json_pack("{s:o, s:i, s:s, s:s, s:o}", "range", lsp_docs_range(d->where), "severity",
				 (json_int_t)d->severity, "code", d->code, "source", "carenet", "message",
				 lsp_string(message.data));
	if (json_array_size(related))
		json_object_set_new(diag, "relatedInformation", related);
	else
		json_decref(related);
	return diag;
}

static void publish(const LspDoc *doc)
{
	json_t *list = json_array();
	const CarenetDiagnostic *diags;
	size_t count = doc->run ? carenet_diagnostics(doc->run, &diags) : 0;
	for (size_t i = 0; i < count; i++) {
		const CarenetDiagnostic *d = &diags[i];
		/* this document's own, and those of the whole run (no place) at its start */
		if (d->where.path && strcmp(d->where.path, doc->key) != 0)
			continue;
		json_array_append_new(list, lsp_docs_diagnostic(d));
	}
	lsp_notify("textDocument/publishDiagnostics",
		   json_pack("{s:o, s:I, s:o}", "uri", lsp_string(doc->uri), "version", doc->version,
			     "diagnostics", list));
}

/* ---- checks -------------------------------------------------------------------------------- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Check a document as the root of a new run, and publish.  Its old run is
   garbage from the start: the new run's evaluation collects it. */
static void check(LspDoc *doc)
{
	double start = now_ms(), cpu = cpu_ms();
	long day = 0;
	const char *why;
	if (!carenet_today(&day, &why))
		lsp_log("%s; checking as of 1970-01-01", why);
	CarenetOptions options = { day, false, 0, false, NULL };
	doc->run = NULL;
	Carenet *run = carenet_new(&options);
	for (size_t i = 0; i < open_docs.docs.len; i++) {
		const LspDoc *d = open_docs.docs.items[i];
		carenet_set_text(run, d->key, d->text, d->len);
	}
	if (carenet_load_prelude(run))
		carenet_load_file(run, doc->key);
	carenet_evaluate(run);
	doc->run = run;
	doc->dirty = false;
	mem_forget_stack();
	publish(doc);
	if (open_docs.times > 0)
		lsp_log("checked %s in %.2f ms (cpu %.2f ms); heap %zu KiB; live %zu KiB", doc->uri, now_ms() - start,
			cpu_ms() - cpu, carenet_heap_bytes() >> 10, carenet_live_bytes() >> 10);
}

void lsp_docs_check_dirty(void)
{
	for (size_t i = 0; i < open_docs.docs.len; i++) {
		LspDoc *d = open_docs.docs.items[i];
		if (d->dirty)
			check(d);
	}
}

/* The document and every open document whose last run read it. */
static void touch(const LspDoc *changed)
{
	for (size_t i = 0; i < open_docs.docs.len; i++) {
		LspDoc *d = open_docs.docs.items[i];
		if (d == changed || (d->run && carenet_reads(d->run, changed->key)))
			d->dirty = true;
	}
}

void lsp_docs_touch_all(void)
{
	for (size_t i = 0; i < open_docs.docs.len; i++)
		((LspDoc *)open_docs.docs.items[i])->dirty = true;
}

/* ---- open, change, close -------------------------------------------------------------------- */

static char *copy_text(const char *text, size_t len)
{
	char *copy = mem_alloc_atomic(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	return copy;
}

void lsp_docs_open(json_t *params)
{
	const char *uri, *text;
	size_t len;
	json_int_t version = 0;
	json_error_t err;
	if (json_unpack_ex(params, &err, 0, "{s:{s:s, s?I, s:s%}}", "textDocument", "uri", &uri, "version", &version,
			   "text", &text, &len) != 0) {
		lsp_log("didOpen: %s", err.text);
		return;
	}
	if (!open_docs.times) {
		const char *env = getenv("CARENET_TIMES");
		open_docs.times = env && *env && strcmp(env, "0") != 0 ? 1 : -1;
	}
	LspDoc *doc = table_get(&open_docs.by_uri, uri);
	if (!doc) {
		doc = NEW(LspDoc);
		doc->uri = mem_strdup(uri);
		doc->key = carenet_file_key(path_of_uri(uri));
		table_put(&open_docs.by_uri, doc->uri, doc);
		vec_push(&open_docs.docs, doc);
	}
	doc->text = copy_text(text, len);
	doc->len = len;
	doc->version = version;
	touch(doc);
}

/* Apply one change: {"text"} replaces all, {"range", "text"} a part. */
static bool apply_change(LspDoc *doc, json_t *change)
{
	json_t *range = json_object_get(change, "range");
	const char *text;
	size_t len;
	if (json_unpack(change, "{s:s%}", "text", &text, &len) != 0)
		return false;
	if (!range) {
		doc->text = copy_text(text, len);
		doc->len = len;
		return true;
	}
	CarenetPosition from, to;
	if (!lsp_docs_read_position(json_object_get(range, "start"), &from) ||
	    !lsp_docs_read_position(json_object_get(range, "end"), &to))
		return false;
	size_t a = carenet_text_offset(doc->text, doc->len, from);
	size_t b = carenet_text_offset(doc->text, doc->len, to);
	if (b < a)
		b = a;
	if (doc->len - (b - a) + len > LSP_MAX_MESSAGE_BYTES)
		return false;
	size_t new_len = doc->len - (b - a) + len;
	char *joined = mem_alloc_atomic(new_len + 1);
	memcpy(joined, doc->text, a);
	memcpy(joined + a, text, len);
	memcpy(joined + a + len, doc->text + b, doc->len - b);
	joined[new_len] = '\0';
	doc->text = joined;
	doc->len = new_len;
	return true;
}

void lsp_docs_change(json_t *params)
{
	const char *uri;
	json_t *changes;
	json_int_t version = 0;
	json_error_t err;
	if (json_unpack_ex(params, &err, 0, "{s:{s:s, s?I}, s:o}", "textDocument", "uri", &uri, "version", &version,
			   "contentChanges", &changes) != 0 || !json_is_array(changes)) {
		lsp_log("didChange: %s", json_is_array(changes) ? err.text : "contentChanges is not an array");
		return;
	}
	LspDoc *doc = table_get(&open_docs.by_uri, uri);
	if (!doc) {
		lsp_log("didChange of a document that is not open: %s", uri);
		return;
	}
	size_t i;
	json_t *change;
	json_array_foreach(changes, i, change) {
		if (!apply_change(doc, change)) {
			lsp_log("didChange: change %zu of %s is malformed; ignored", i, uri);
			continue;
		}
	}
	doc->version = version;
	touch(doc);
}

void lsp_docs_close(json_t *params)
{
	const char *uri;
	if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0)
		return;
	LspDoc *doc = table_get(&open_docs.by_uri, uri);
	if (!doc)
		return;
	touch(doc); /* its importers read the disk again */
	doc->dirty = false;
	size_t kept = 0;
	for (size_t i = 0; i < open_docs.docs.len; i++)
		if (open_docs.docs.items[i] != doc)
			open_docs.docs.items[kept++] = open_docs.docs.items[i];
	open_docs.docs.len = kept;
	table_put(&open_docs.by_uri, doc->uri, NULL);
	carenet_collect(); /* its run, and maybe its importers' runs, are garbage */
	/* the editor forgets its problems */
	lsp_notify("textDocument/publishDiagnostics",
		   json_pack("{s:o, s:[]}", "uri", lsp_string(doc->uri), "diagnostics"));
}

LspDoc *lsp_docs_find(json_t *params)
{
	const char *uri;
	if (!params || json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0)
		return NULL;
	LspDoc *doc = table_get(&open_docs.by_uri, uri);
	if (doc && (doc->dirty || !doc->run))
		check(doc);
	return doc;
}
