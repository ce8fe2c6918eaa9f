/*
 * carenet.c — the core's pipeline (see carenet.h):
 *
 *   source -> tokens -> declarations    parse.c, lex.c, syntax.c (loader.c per file)
 *          -> recorded blocks           record.c, against schema.c
 *          -> names                     bind.c, names.c
 *          -> containment, dates        places.c, clock.c
 *          -> values                    eval.c
 *          -> analyses                  analysis.c and the passes it runs
 *          -> reports                   report*.c, plandiff.c, diag.c
 *
 * and what editors ask of a run (the language server): positions in
 * UTF-16 (source.c), names at a position (query.c), hover texts (hover.c),
 * completions (complete.c), outlines (outline.c), the diagnostics' fixes.
 */
#include "carenet.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "accept.h"
#include "baseline.h"
#include "analysis.h"
#include "bind.h"
#include "clock.h"
#include "complete.h"
#include "eval.h"
#include "fmt.h"
#include "gitlog.h"
#include "history.h"
#include "hover.h"
#include "loader.h"
#include "i18n.h"
#include "import_hint.h"
#include "mem.h"
#include "names.h"
#include "outline.h"
#include "parse.h"
#include "places.h"
#include "plandiff.h"
#include "query.h"
#include "report.h"
#include "report_compare.h"
#include "spelling.h"
#include "utf8.h"

struct Carenet {
	DiagSink sink;
	World world;
	bool evaluated;
	const CarenetDiagnostic *diagnostics;   /* built on first request (editors) */
	size_t diagnostic_count;
};

/*
 * CARENET_TIMES=1 prints how long each phase took to standard error: the
 * first thing to look at when a large plan is slow (docs/performance.md).
 * A NULL phase starts the clock.
 */
static void phase_done(const char *phase)
{
	static double last;
	static int enabled = -1;
	if (enabled < 0) {
		const char *env = getenv("CARENET_TIMES");
		enabled = env && *env && strcmp(env, "0") != 0;
	}
	if (!enabled)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	double now = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	if (phase)
		fprintf(stderr, "carenet: %-11s %7.3f s  allocated %6zu MB  heap %6zu MB  collections %zu\n",
			phase, now - last, mem_allocated_bytes() >> 20, mem_heap_bytes() >> 20,
			mem_collections());
	last = now;
}

/* Below this heap a collection between phases costs more than it saves. */
enum { COLLECT_FROM_HEAP = 32 * 1024 * 1024 };

static void collect_if_large(void)
{
	if (mem_heap_bytes() >= COLLECT_FROM_HEAP)
		mem_collect();
}

bool carenet_today(long *day, const char **why)
{
	return clock_today(day, why);
}

const char *carenet_closest(const char *word, const char *const *candidates, size_t count)
{
	return names_closest(word, candidates, count);
}

const char *carenet_root(const char *dir, const char **why)
{
	char real[PATH_MAX];
	struct stat st;
	if (!realpath(dir, real) || stat(real, &st) != 0) {
		*why = strerror(errno);
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		*why = _("not a directory");
		return NULL;
	}
	return mem_strdup(real);
}

const char *carenet_printable(const char *text)
{
	return utf8_safe_text(text, strlen(text));
}

Carenet *carenet_new(const CarenetOptions *options)
{
	/* the tree of this run fills chunks of its own, collected with it */
	mem_tree_release();
	Carenet *c = NEW(Carenet);
	diag_sink_init(&c->sink);
	c->sink.werror = options->werror;
	loader_init(&c->world, &c->sink);
	c->world.clock = (Clock){ options->today, options->has_as_of, options->as_of_day };
	c->world.root = options->root;
	phase_done(NULL);
	return c;
}

bool carenet_load_prelude(Carenet *c)
{
	loader_load_prelude(&c->world);
	return c->world.prelude != NULL;
}

bool carenet_load_file(Carenet *c, const char *path)
{
	return loader_load_root(&c->world, path);
}

bool carenet_load_file_as(Carenet *c, const char *path, const char *as_path)
{
	const char *why;
	Source *src = source_load(path, &why);
	if (!src) {
		diag_report(&c->sink, DIAG_E001, (SrcLoc){ 0 }, "cannot read %s: %s", path, why);
		return false;
	}
	/* read as if it were at as_path: shown so, and its imports found next to it */
	src->fs_path = mem_strdup(as_path);
	src->path = carenet_printable(as_path);
	loader_load_root_source(&c->world, src);
	return true;
}

void carenet_load_text(Carenet *c, const char *path, const char *text, size_t len)
{
	loader_load_root_source(&c->world, source_from_text(path, text, len));
}

void carenet_evaluate(Carenet *c)
{
	World *w = &c->world;
	phase_done("parse");
	/* Inside the heap reserved for a large plan (mem_reserve) the collector
	   seldom runs by itself.  Collect where the garbage of a phase is known
	   to be done with (the scanner's copy, the grown vectors, the names
	   resolved), so the next phases reuse it instead of touching fresh
	   memory: a few tens of milliseconds on a region plan, and the peak
	   drops by a seventh.  A small plan has little garbage and no fresh
	   memory to spare: collecting would be most of its run. */
	collect_if_large();
	bind_world(w);
	places_prepare(w);
	clock_resolve(w);
	accept_prepare(w);
	phase_done("schema");
	eval_all(w);
	phase_done("eval");
	collect_if_large();
	analysis_run(w);
	import_hint_add(w);
	accept_report_unused(w);
	diag_report_unused_suppressions(&c->sink);
	phase_done("analysis");
	/* sorting, and rendering in carenet_write_diagnostics, is the phase
	   "diagnostics" (in "report" when the report carries them) */
	diag_sort(&c->sink);
	c->evaluated = true;
}

bool carenet_use_baseline(Carenet *c, const char *path, const char **why)
{
	return baseline_load(&c->sink, path, why);
}

CarenetCounts carenet_counts(const Carenet *c)
{
	return (CarenetCounts){ c->sink.errors, c->sink.warnings, c->sink.findings };
}

void carenet_write_diagnostics(const Carenet *c, Format format, bool color, StrBuf *out)
{
	if (!c->evaluated)
		diag_sort((DiagSink *)&c->sink); /* the prelude was missing: nothing else ran */
	if (format == FORMAT_GITHUB)
		diag_render_github(&c->sink, out);
	else
		diag_render_text(&c->sink, out, (RenderOptions){ color });
	phase_done("diagnostics");
}

static void write_eval(const World *w, Format format, StrBuf *out)
{
	switch (format) {
	case FORMAT_JSON: report_json_eval(w, out); break;
	case FORMAT_MARKDOWN: report_markdown_eval(w, out); break;
	case FORMAT_HTML: report_html_eval(w, out); break;
	case FORMAT_DOT: report_dot_eval(w, out); break;
	case FORMAT_TEXT: case FORMAT_GITHUB: case FORMAT_SARIF: case FORMAT_CSV: report_text_eval(w, out); break;
	}
	phase_done("report");
}

/* compare: one column per plan (report_compare*.c) */
static void write_compare(const World *w, Format format, StrBuf *out)
{
	switch (format) {
	case FORMAT_JSON: report_compare_json_write(w, out); break;
	case FORMAT_MARKDOWN: report_compare_markdown(w, out); break;
	case FORMAT_HTML: report_compare_html_write(w, out); break;
	case FORMAT_CSV: report_compare_csv(w, out); break;
	default: report_compare_text(w, out); break;
	}
}

void carenet_write_report(const Carenet *c, ReportKind kind, Format format, StrBuf *out)
{
	const World *w = &c->world;
	switch (kind) {
	case REPORT_CHECK:
		if (format == FORMAT_JSON)
			report_json_check(w, out);
		else if (format == FORMAT_SARIF)
			report_sarif_check(w, out);
		else if (format == FORMAT_TEXT)
			report_text_check_summary(w, out);
		break;
	case REPORT_EVAL:
		write_eval(w, format, out);
		return;
	case REPORT_SIGNALS:
		if (format == FORMAT_JSON)
			report_signals_json(w, out);
		else if (format == FORMAT_MARKDOWN)
			report_signals_markdown(w, out);
		else if (format == FORMAT_HTML)
			report_signals_html(w, out);
		else
			report_signals_text(w, out);
		break;
	case REPORT_COMPARE:
		write_compare(w, format, out);
		break;
	}
	phase_done("report");
}

bool carenet_diff(const Carenet *old, const Carenet *new, StrBuf *out)
{
	return plandiff_write(&old->world, &new->world, out);
}

/* Parse and lay out a source read already; the diagnostics go to `sink`. */
static FormatResult format_source(Source *src, DiagSink *sink, StrBuf *out)
{
	parse_source(src, sink, NULL, NULL);
	if (sink->errors)
		return FORMAT_UNPARSABLE;
	fmt_source(src, out);
	return FORMATTED;
}

/* The same, with the words spelt in `lang` first (spelling.h); the result
   is parsed again, so a rewrite that broke the plan is never written. */
static FormatResult format_source_in(Source *src, const char *lang, DiagSink *sink, StrBuf *out)
{
	Spelling to;
	if (!lang || !spelling_parse(lang, &to))
		return format_source(src, sink, out);
	parse_source(src, sink, NULL, NULL);
	if (sink->errors)
		return FORMAT_UNPARSABLE;
	StrBuf spelt;
	spelling_rewrite(src, sink, to, &spelt);
	return format_source(source_from_text(src->path, spelt.data, spelt.len), sink, out);
}

FormatResult carenet_format_file(const char *path, bool color, const char *lang, StrBuf *original, StrBuf *out,
				 StrBuf *errors)
{
	DiagSink sink;
	diag_sink_init(&sink);
	const char *why;
	Source *src = source_load(path, &why);
	FormatResult result;
	if (!src) {
		diag_report(&sink, DIAG_E001, (SrcLoc){ 0 }, "cannot read %s: %s", path, why);
		result = FORMAT_UNREADABLE;
	} else {
		*original = (StrBuf){ (char *)src->text, src->len, src->len + 1 };
		result = format_source_in(src, lang, &sink, out);
	}
	diag_sort(&sink);
	diag_render_text(&sink, errors, (RenderOptions){ color });
	return result;
}

void carenet_write_series(const CarenetPoint *points, size_t n, bool history, Format format, StrBuf *out)
{
	ReportPoint *rp = NEW_ARRAY(ReportPoint, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		rp[i] = (ReportPoint){ points[i].label, points[i].detail, &points[i].run->world };
	if (format == FORMAT_JSON)
		report_trend_json(rp, n, out);
	else if (history)
		report_trend_history_text(rp, n, out);
	else
		report_trend_text(rp, n, out);
}

void carenet_check_gap_ages(Carenet *now, const CarenetPoint *past, size_t n, int months)
{
	const World **worlds = NEW_ARRAY(const World *, n ? n : 1);
	long *days = mem_alloc_atomic(mem_array_size(n ? n : 1, sizeof(long)));
	for (size_t i = 0; i < n; i++) {
		worlds[i] = &past[i].run->world;
		days[i] = past[i].day;
	}
	history_gap_ages(&now->world, worlds, days, n, months);
	diag_sort(&now->sink);
}

bool carenet_git_versions(const char *path, CarenetVersion **versions, size_t *count, const char **why)
{
	Vec found = { 0 };
	if (!gitlog_versions(path, &found, why))
		return false;
	*versions = NEW_ARRAY(CarenetVersion, found.len);
	for (size_t i = 0; i < found.len; i++) {
		const GitVersion *v = found.items[i];
		(*versions)[i] = (CarenetVersion){ v->commit, v->day, v->text, v->len };
	}
	*count = found.len;
	return true;
}

/* ---- editors ---------------------------------------------------------------------------- */

const char *carenet_file_key(const char *path)
{
	return loader_key(path);
}

void carenet_set_text(Carenet *c, const char *path, const char *text, size_t len)
{
	loader_set_text(&c->world, path, text, len);
}

bool carenet_reads(const Carenet *c, const char *key)
{
	return query_module(&c->world, key) != NULL;
}

static CarenetPosition position_of(const Source *src, uint32_t offset)
{
	CarenetPosition p;
	source_utf16_position(src, offset, &p.line, &p.column);
	return p;
}

/* A location as editors name it: the key of its file, UTF-16 positions. */
static CarenetRange range_of(const World *w, SrcLoc loc)
{
	CarenetRange r = { 0 };
	if (!loc.src)
		return r;
	const Module *m = query_module_of(w, loc.src);
	r.path = m ? m->key : loc.src->path;
	r.start = position_of(loc.src, loc.start);
	r.end = position_of(loc.src, loc.end);
	return r;
}

static CarenetDiagnostic diagnostic_of(const World *w, const Diagnostic *d)
{
	CarenetDiagnostic out = { range_of(w, d->loc), (CarenetSeverity)0, diag_code_name(d->code), d->message,
				  NULL, d->notes.len, NULL, d->fixes.len };
	out.severity = d->severity == SEV_ERROR ? CARENET_ERROR : d->severity == SEV_WARNING ? CARENET_WARNING
											     : CARENET_NOTE;
	CarenetNote *notes = NEW_ARRAY(CarenetNote, d->notes.len + 1);
	for (size_t k = 0; k < d->notes.len; k++) {
		const DiagNote *n = VEC_AT(d->notes, DiagNote, k);
		notes[k] = (CarenetNote){ range_of(w, n->loc), n->message };
	}
	CarenetFix *fixes = NEW_ARRAY(CarenetFix, d->fixes.len + 1);
	for (size_t k = 0; k < d->fixes.len; k++) {
		const DiagFix *f = VEC_AT(d->fixes, DiagFix, k);
		fixes[k] = (CarenetFix){ range_of(w, f->loc), f->text, f->title };
	}
	out.notes = notes;
	out.fixes = fixes;
	return out;
}

size_t carenet_diagnostics(const Carenet *c, const CarenetDiagnostic **out)
{
	Carenet *mut = (Carenet *)c; /* built once, then read */
	if (!c->diagnostics) {
		if (!c->evaluated)
			diag_sort(&mut->sink);
		CarenetDiagnostic *all = NEW_ARRAY(CarenetDiagnostic, c->sink.diags.len + 1);
		for (size_t i = 0; i < c->sink.diags.len; i++)
			all[i] = diagnostic_of(&c->world, VEC_AT(c->sink.diags, Diagnostic, i));
		mut->diagnostics = all;
		mut->diagnostic_count = c->sink.diags.len;
	}
	*out = c->diagnostics;
	return c->diagnostic_count;
}

/* The module of file `key` and the byte offset of a position in it. */
static Module *locate(Carenet *c, const char *key, CarenetPosition at, uint32_t *offset)
{
	Module *m = query_module(&c->world, key);
	if (m)
		*offset = source_utf16_offset(m->src, at.line, at.column);
	return m;
}

static bool hit_at(Carenet *c, const char *key, CarenetPosition at, QueryHit *hit)
{
	uint32_t offset;
	Module *m = locate(c, key, at, &offset);
	return m && query_at(&c->world, m, offset, hit);
}

bool carenet_definition(Carenet *c, const char *key, CarenetPosition at, CarenetRange *out)
{
	QueryHit hit;
	SrcLoc loc;
	if (!hit_at(c, key, at, &hit) || !query_definition(&hit, &loc))
		return false;
	*out = range_of(&c->world, loc);
	return true;
}

size_t carenet_references(Carenet *c, const char *key, CarenetPosition at, bool with_declaration,
			  const CarenetRange **out)
{
	QueryHit hit;
	Vec locs = { 0 };
	if (hit_at(c, key, at, &hit) && hit.entity)
		query_references(&c->world, hit.entity, with_declaration, &locs);
	CarenetRange *ranges = NEW_ARRAY(CarenetRange, locs.len + 1);
	for (size_t i = 0; i < locs.len; i++)
		ranges[i] = range_of(&c->world, *VEC_AT(locs, SrcLoc, i));
	*out = ranges;
	return locs.len;
}

const char *carenet_hover(Carenet *c, const char *key, CarenetPosition at, CarenetRange *range)
{
	QueryHit hit;
	if (!hit_at(c, key, at, &hit))
		return NULL;
	*range = range_of(&c->world, hit.loc);
	return hover_text(&c->world, &hit);
}

size_t carenet_complete(Carenet *c, const char *key, CarenetPosition at, const CarenetCompletion **out)
{
	uint32_t offset;
	Module *m = locate(c, key, at, &offset);
	Vec items = m ? complete_at(&c->world, m, offset) : (Vec){ 0 };
	CarenetCompletion *all = NEW_ARRAY(CarenetCompletion, items.len + 1);
	for (size_t i = 0; i < items.len; i++) {
		const CompleteItem *it = items.items[i];
		all[i] = (CarenetCompletion){ it->label, it->insert, (CarenetItemKind)it->kind, it->detail,
					      it->entity ? decl_kind_name(it->entity->decl->kind) : NULL };
	}
	*out = all;
	return items.len;
}

static CarenetSymbol symbol_of(const World *w, const OutlineSymbol *s)
{
	CarenetSymbol out = { s->name, s->detail, s->keyword, range_of(w, s->loc), range_of(w, s->name_loc),
			      NULL, s->children.len };
	CarenetSymbol *children = NEW_ARRAY(CarenetSymbol, s->children.len + 1);
	for (size_t i = 0; i < s->children.len; i++) /* one level: an action's indicators */
		children[i] = symbol_of(w, s->children.items[i]);
	out.children = children;
	return out;
}

size_t carenet_symbols(Carenet *c, const char *key, const CarenetSymbol **out)
{
	Module *m = query_module(&c->world, key);
	Vec symbols = m ? outline_module(m) : (Vec){ 0 };
	CarenetSymbol *all = NEW_ARRAY(CarenetSymbol, symbols.len + 1);
	for (size_t i = 0; i < symbols.len; i++)
		all[i] = symbol_of(&c->world, symbols.items[i]);
	*out = all;
	return symbols.len;
}

static bool before(CarenetPosition a, CarenetPosition b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

size_t carenet_code_actions(const Carenet *c, const char *key, CarenetPosition from, CarenetPosition to,
			    const CarenetAction **out)
{
	const CarenetDiagnostic *diags;
	size_t count = carenet_diagnostics(c, &diags), n = 0;
	Vec actions = { 0 };
	for (size_t i = 0; i < count; i++) {
		const CarenetDiagnostic *d = &diags[i];
		if (!d->where.path || strcmp(d->where.path, key) != 0 || before(d->where.end, from) ||
		    before(to, d->where.start))
			continue;
		for (size_t k = 0; k < d->fix_count; k++) {
			CarenetAction *a = NEW(CarenetAction);
			*a = (CarenetAction){ &d->fixes[k], i };
			vec_push(&actions, a);
		}
	}
	CarenetAction *all = NEW_ARRAY(CarenetAction, actions.len + 1);
	for (n = 0; n < actions.len; n++)
		all[n] = *VEC_AT(actions, CarenetAction, n);
	*out = all;
	return n;
}

FormatResult carenet_format_text(const char *path, const char *text, size_t len, StrBuf *out, StrBuf *errors)
{
	DiagSink sink;
	diag_sink_init(&sink);
	FormatResult result = format_source(source_from_text(path, text, len), &sink, out);
	if (errors) {
		diag_sort(&sink);
		diag_render_text(&sink, errors, (RenderOptions){ 0 });
	}
	return result;
}

const char *carenet_spell_dutch(const char *text)
{
	DiagSink sink;
	diag_sink_init(&sink);
	StrBuf out = { 0 };
	spelling_rewrite(source_from_text("<init>", text, strlen(text)), &sink, SPELLING_DUTCH, &out);
	return out.data;
}

size_t carenet_collect(void)
{
	mem_collect();
	return mem_heap_bytes();
}

size_t carenet_heap_bytes(void)
{
	return mem_heap_bytes();
}

size_t carenet_live_bytes(void)
{
	return mem_live_bytes();
}

size_t carenet_text_offset(const char *text, size_t len, CarenetPosition at)
{
	size_t start = 0;
	for (unsigned line = 0; line < at.line; line++) {
		const char *nl = memchr(text + start, '\n', len - start);
		if (!nl)
			return len;
		start = (size_t)(nl - text) + 1;
	}
	const char *nl = memchr(text + start, '\n', len - start);
	size_t end = nl ? (size_t)(nl - text) : len;
	if (end > start && text[end - 1] == '\r')
		end--;
	return start + utf8_offset_of_units(text + start, end - start, at.column);
}

CarenetPosition carenet_text_position(const char *text, size_t len, size_t offset)
{
	CarenetPosition p = { 0, 0 };
	size_t start = 0;
	if (offset > len)
		offset = len;
	for (const char *nl; (nl = memchr(text + start, '\n', offset - start));) {
		p.line++;
		start = (size_t)(nl - text) + 1;
	}
	p.column = (unsigned)utf8_utf16_units(text + start, offset - start);
	return p;
}

/* ---- The catalogue ---- */

/* The stdlib module of the province a municipality belongs to on `day`. */
static const char *province_module(const Place *p, long day)
{
	for (size_t i = 0; i < p->reaches.len; i++) {
		const Reach *r = p->reaches.items[i];
		const Kind *kind = r->body->kind;
		if (kind && strcmp(entity_name(&kind->base), "province") == 0 && r->from <= day && day <= r->to)
			return r->body->base.module->name;
	}
	return NULL;
}

/* The catalogue outlives the run's tree (carenet_new releases it). */
static const char *keep(const char *s)
{
	return s ? mem_strdup(s) : NULL;
}

static CarenetEntry place_entry(const Place *p, long day)
{
	CarenetEntry e = { 0 };
	e.kind = p->is_municipality ? CARENET_ENTRY_MUNICIPALITY : CARENET_ENTRY_AREA;
	e.name = keep(entity_name(&p->base));
	e.title = keep(entity_title(&p->base));
	e.parent = p->parent ? keep(entity_name(&p->parent->base)) : NULL;
	e.municipality = p->municipality ? keep(entity_name(&p->municipality->base)) : NULL;
	if (p->merged_into && p->merged_on.year) {
		e.merged_into = keep(entity_name(&p->merged_into->base));
		e.merged_on = date_format(p->merged_on);
	}
	e.postcode = p->has_postcode ? p->postcode : 0;
	if (p->is_municipality)
		e.province_module = keep(province_module(p, day));
	return e;
}

size_t carenet_catalog(const Carenet *c, long day, const CarenetEntry **out)
{
	const World *w = &c->world;
	Vec entries = { 0 };
	for (size_t mi = 0; mi < w->modules.len; mi++) {
		const Module *m = VEC_AT(w->modules, Module, mi);
		if (!m->is_stdlib)
			continue;
		for (size_t i = 0; i < m->decls.len; i++) {
			const Decl *d = VEC_AT(m->decls, Decl, i);
			if (!d->entity)
				continue;
			CarenetEntry *e = NEW(CarenetEntry);
			if (d->kind == DECL_MUNICIPALITY || d->kind == DECL_AREA) {
				*e = place_entry(d->entity, day);
			} else if (d->kind == DECL_BLOCK) {
				const FrameworkBlock *b = d->entity;
				*e = (CarenetEntry){ .kind = CARENET_ENTRY_BLOCK, .name = keep(entity_name(&b->base)),
						     .title = keep(entity_title(&b->base)),
						     .parent = b->part_of ? keep(entity_name(&b->part_of->base)) : NULL };
			} else {
				continue;
			}
			vec_push(&entries, e);
		}
	}
	CarenetEntry *all = mem_alloc(sizeof *all * (entries.len ? entries.len : 1));
	for (size_t i = 0; i < entries.len; i++)
		all[i] = *VEC_AT(entries, CarenetEntry, i);
	*out = all;
	return entries.len;
}
