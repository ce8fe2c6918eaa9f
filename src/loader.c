/*
 * loader.c — the module graph: search path, imports, cycles.
 */
#include "loader.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "parse.h"
#include "record.h"

static void add_search_dir(World *w, const char *dir)
{
	if (dir && *dir)
		vec_push(&w->search_path, mem_strdup(dir));
}

/* The directory of the running program, from /proc (Linux). */
static const char *program_dir(void)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	char *slash = strrchr(path, '/');
	if (slash)
		*slash = '\0';
	return mem_strdup(path);
}

void loader_init(World *w, DiagSink *diags)
{
	memset(w, 0, sizeof *w);
	w->diags = diags;
	const char *env = getenv("CARENET_PATH");
	if (env) {
		char *copy = mem_strdup(env);
		for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":"))
			add_search_dir(w, dir);
	}
	/* next to the program: the build tree (build/, build/asan/), then an
	   installation wherever it was copied (PREFIX/bin/../share/...), and
	   last the prefix it was built for */
	const char *exe = program_dir();
	if (exe) {
		add_search_dir(w, mem_printf("%s/stdlib", exe));
		add_search_dir(w, mem_printf("%s/../stdlib", exe));
		add_search_dir(w, mem_printf("%s/../../stdlib", exe));
		add_search_dir(w, mem_printf("%s/../share/carenet/stdlib", exe));
	}
	add_search_dir(w, CARENET_STDLIB_DIR);
}

static LoaderFiles memory_files; /* loader_use_files: tests only */

void loader_use_files(LoaderFiles files)
{
	memory_files = files;
}

static const char *canonical_key(const char *path);

/* ---- the overlay: texts an editor holds, read instead of the disk ----------------- */

const char *loader_key(const char *path)
{
	return canonical_key(path);
}

typedef struct {
	const char *text;    /* the caller's; kept alive by the overlay */
	size_t len;
} OverlayText;

void loader_set_text(World *w, const char *path, const char *text, size_t len)
{
	OverlayText *t = NEW(OverlayText);
	t->text = text;
	t->len = len;
	table_put(&w->overlay, canonical_key(path), t);
}

/* The overlay's text for a path, as a fresh Source named `path`; NULL when
   the path is read from the disk. */
static Source *overlay_source(const World *w, const char *key, const char *path)
{
	if (w->overlay.count == 0)
		return NULL;
	const OverlayText *t = table_get(&w->overlay, key);
	return t ? source_from_text(path, t->text, t->len) : NULL;
}

static bool in_overlay(const World *w, const char *path)
{
	return w->overlay.count && table_get(&w->overlay, canonical_key(path));
}

static bool is_file(const World *w, const char *path)
{
	struct stat st;
	return in_overlay(w, path) || (stat(path, &st) == 0 && S_ISREG(st.st_mode));
}

static const char *canonical_key(const char *path)
{
	Source *src;
	const char *why;
	if (strcmp(path, "-") == 0)
		return "<stdin>";
	if (memory_files && memory_files(path, &src, &why))
		return mem_strdup(path);
	char resolved[PATH_MAX];
	if (realpath(path, resolved))
		return mem_strdup(resolved);
	return mem_strdup(path);
}

static const char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	return mem_strndup(path, (size_t)(slash - path) + (slash == path));
}

/* Name the entities of a freshly parsed module (schema_record made them). */
static void define_module_names(World *w, Module *m)
{
	for (size_t i = 0; i < m->decls.len; i++) {
		Decl *d = VEC_AT(m->decls, Decl, i);
		if (d->entity && d->id.text[0])
			names_define(w, m, d->entity);
	}
}

static bool looks_like_path(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') != NULL || (n > 5 && strcmp(name + n - 5, ".care") == 0);
}

static void report_cycle(World *w, Module *target, SrcLoc loc)
{
	StrBuf chain = { 0 };
	buf_init(&chain);
	bool in_cycle = false;
	for (size_t i = 0; i < w->load_stack.len; i++) {
		Module *m = VEC_AT(w->load_stack, Module, i);
		if (m == target)
			in_cycle = true;
		if (in_cycle)
			buf_printf(&chain, "%s -> ", m->src->path);
	}
	buf_puts(&chain, target->src->path);
	diag_report(w->diags, DIAG_E302, loc, "import cycle: %s", chain.data);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The modules on the stdlib search path, sorted: read from the directories,
   so messages are right for any installation. */
Vec loader_stdlib_modules(const World *w)
{
	Vec names = { 0 };
	Table seen = { 0 };
	for (size_t i = 0; i < w->search_path.len; i++) {
		DIR *dir = opendir(w->search_path.items[i]);
		if (!dir)
			continue;
		for (struct dirent *e; (e = readdir(dir));) {
			size_t n = strlen(e->d_name);
			if (n <= 5 || strcmp(e->d_name + n - 5, ".care") != 0)
				continue;
			char *name = mem_strndup(e->d_name, n - 5);
			if (!table_get(&seen, name)) {
				table_put(&seen, name, name);
				vec_push(&names, name);
			}
		}
		closedir(dir);
	}
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(void *), compare_names);
	return names;
}

/* E301 for a stdlib module: "did you mean" one that exists, and the list. */
static void report_no_module(World *w, const char *name, SrcLoc loc)
{
	Vec modules = loader_stdlib_modules(w);
	const char *close = names_closest(name, (const char *const *)modules.items, modules.len);
	Diagnostic *diag = close
		? diag_report(w->diags, DIAG_E301, loc, "no module \"%s\" in the standard library; did you mean \"%s\"?",
			      name, close)
		: diag_report(w->diags, DIAG_E301, loc, "no module \"%s\" in the standard library", name);
	if (close)
		diag_fix(diag, loc, mem_printf("\"%s\"", close), NULL);
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t i = 0; i < modules.len; i++)
		buf_printf(&list, "%s%s", i ? ", " : "", (char *)modules.items[i]);
	diag_note(diag, (SrcLoc){ 0 }, "the stdlib has %s; a file of your own is imported as \"./%s.care\"",
		  list.data, name);
}

/* The file an import names, or NULL (reported); *from_stdlib when found on
   the search path. */
static const char *import_file(World *w, Module *m, Decl *d, bool *from_stdlib)
{
	const char *name = d->stmt->import_path;
	*from_stdlib = false;
	if (looks_like_path(name)) {
		const char *relative = name;
		while (strncmp(relative, "./", 2) == 0)
			relative += 2;
		const char *dir = dir_of(m->src->fs_path);
		const char *path = name[0] == '/' ? name
				   : strcmp(dir, ".") == 0 ? relative : mem_printf("%s/%s", dir, relative);
		struct stat st;
		Source *src;
		const char *why;
		bool in_memory = memory_files && memory_files(path, &src, &why);
		if (in_overlay(w, path))
			return path;
		if (in_memory ? src == NULL : stat(path, &st) != 0) { /* a directory, a FIFO: reading it says why not */
			diag_report(w->diags, DIAG_E301, d->stmt->import_path_loc, "cannot import \"%s\": no file %s",
				    name, path);
			return NULL;
		}
		return path;
	}
	for (size_t i = 0; i < w->search_path.len; i++) {
		const char *candidate = mem_printf("%s/%s.care", (char *)w->search_path.items[i], name);
		if (is_file(w, candidate)) {
			*from_stdlib = true;
			return candidate;
		}
	}
	report_no_module(w, name, d->stmt->import_path_loc);
	return NULL;
}

/*
 * What checking a file needs grows with its size: about 15 bytes of memory
 * for every byte of source on a region-wide plan (docs/performance.md).
 * Asking for it before the file is read lets the source, the tree and the
 * model come from one piece of memory backed by huge pages.
 */
#define MEMORY_PER_SOURCE_BYTE 16

static void reserve_memory_for(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		mem_reserve(mem_array_size((size_t)st.st_size, MEMORY_PER_SOURCE_BYTE));
}

/* Parse a source read already and name its declarations; it stays on the
   load stack (VISIT_ACTIVE) until its imports are loaded (load_imports). */
static Module *start_module(World *w, Source *src, const char *key, const char *name, bool is_stdlib)
{
	const char *path = src->path;
	src->is_stdlib = is_stdlib;
	/* stdlib files print as <stdlib>/name.care: the same on every machine */
	if (is_stdlib) {
		const char *base = strrchr(path, '/');
		src->path = mem_printf("<stdlib>/%s", base ? base + 1 : path);
	}
	Module *m = NEW(Module);
	m->src = src;
	m->key = key;
	m->name = name;
	m->is_stdlib = is_stdlib;
	m->loading = VISIT_ACTIVE;
	table_put(&w->by_key, key, m);
	vec_push(&w->modules, m);
	vec_push(&w->load_stack, m);

	Recorder recorder = { w, m };
	m->decls = parse_source(src, w->diags, record_decl, &recorder);
	define_module_names(w, m);
	return m;
}

static bool ends_with_care(const char *path)
{
	size_t n = strlen(path);
	return n > 5 && strcmp(path + n - 5, ".care") == 0;
}

/*
 * Why a file may not be read, or NULL.  `real` is its path with links
 * followed.  An import reads only a plan file, whose name ends in .care
 * (so `import "/proc/self/environ"` reads nothing); with --root every file
 * outside the stdlib must lie inside the root, links followed.
 */
static const char *refused(const World *w, const char *real, bool imported, bool is_stdlib)
{
	if (imported && !ends_with_care(real))
		return _("carenet imports only plan files, whose names end in .care");
	if (w->root && !is_stdlib) {
		size_t n = strlen(w->root);
		bool inside = strncmp(real, w->root, n) == 0 && (real[n] == '/' || (n == 1 && w->root[0] == '/'));
		if (!inside)
			return _("it lies outside the directory plans are read from (--root or CARENET_ROOT)");
	}
	return NULL;
}

/* A file's module: loaded already, started now (*started), or NULL when it
   cannot be read or closes an import cycle (reported). */
static Module *open_module(World *w, const char *path, const char *name, bool is_stdlib, SrcLoc import_loc,
			   bool *started)
{
	*started = false;
	const char *key = canonical_key(path);
	Module *m = table_get(&w->by_key, key);
	if (m) {
		if (m->loading == VISIT_ACTIVE) {
			report_cycle(w, m, import_loc);
			return NULL;
		}
		return m;
	}
	/* key is the real path when the file exists; else reading it says why not */
	const char *no = key[0] == '/' ? refused(w, key, import_loc.src != NULL, is_stdlib) : NULL;
	if (no) {
		diag_report(w->diags, DIAG_E001, import_loc, "cannot read %s: %s", path, no);
		return NULL;
	}
	const char *why = NULL;
	Source *src = overlay_source(w, key, path);
	if (!src && (!memory_files || !memory_files(path, &src, &why))) {
		reserve_memory_for(path);
		src = source_load(path, &why);
	}
	if (!src) {
		diag_report(w->diags, DIAG_E001, import_loc, "cannot read %s: %s", path, why);
		return NULL;
	}
	*started = true;
	return start_module(w, src, key, name, is_stdlib);
}

/*
 * Load the imports of a module just started, and theirs, depth first in
 * the order they are written, with a stack of our own rather than the C
 * stack: a chain of imports as long as the input allows must not overflow
 * it.  The stack is the load stack (import cycles), at most
 * LOADER_MAX_IMPORT_DEPTH files deep (E108).
 */
static void load_imports(World *w)
{
	Vec next_decl = { 0 }; /* per module on the load stack: the declaration to look at next */
	PairSet imported_by = { 0 }; /* (importer, module): a file imported twice is listed once */
	vec_push(&next_decl, (void *)0);
	size_t base = w->load_stack.len - 1;
	while (w->load_stack.len > base) {
		Module *m = VEC_AT(w->load_stack, Module, w->load_stack.len - 1);
		size_t at = (size_t)next_decl.items[next_decl.len - 1];
		while (at < m->decls.len && VEC_AT(m->decls, Decl, at)->kind != DECL_IMPORT)
			at++;
		if (at == m->decls.len) {
			w->load_stack.len--;
			next_decl.len--;
			m->loading = VISIT_DONE;
			continue;
		}
		next_decl.items[next_decl.len - 1] = (void *)(at + 1);
		Decl *d = VEC_AT(m->decls, Decl, at);
		if (w->load_stack.len >= LOADER_MAX_IMPORT_DEPTH) {
			diag_report(w->diags, DIAG_E108, d->stmt->import_path_loc,
				    "imports nest more than %d files deep here; \"%s\" is not loaded",
				    LOADER_MAX_IMPORT_DEPTH, d->stmt->import_path);
			continue;
		}
		bool from_stdlib, started;
		const char *path = import_file(w, m, d, &from_stdlib);
		Module *imported = path ? open_module(w, path, d->stmt->import_path, from_stdlib || m->is_stdlib,
						      d->stmt->import_path_loc, &started) : NULL;
		if (imported && pairset_add(&imported_by, m, imported)) {
			vec_push(&m->imports, imported);
			imported->imported = true;
		}
		if (imported && started)
			vec_push(&next_decl, (void *)0);
	}
}

/* A file and everything it imports. */
static Module *load_module(World *w, const char *path, const char *name, bool is_stdlib, SrcLoc loc)
{
	bool started;
	Module *m = open_module(w, path, name, is_stdlib, loc, &started);
	if (started)
		load_imports(w);
	return m;
}

void loader_load_prelude(World *w)
{
	for (size_t i = 0; i < w->search_path.len; i++) {
		const char *candidate = mem_printf("%s/prelude.care", (char *)w->search_path.items[i]);
		if (is_file(w, candidate)) {
			w->prelude = load_module(w, candidate, "prelude", true, (SrcLoc){ 0 });
			return;
		}
	}
	diag_report(w->diags, DIAG_E301, (SrcLoc){ 0 },
		    "the standard library (prelude.care) was not found; set CARENET_PATH to its directory");
}

void loader_load_root_source(World *w, Source *src)
{
	start_module(w, src, src->path, src->path, false);
	load_imports(w);
}

bool loader_load_root(World *w, const char *path)
{
	size_t errors = w->diags->errors;
	Module *m = load_module(w, path, path, false, (SrcLoc){ 0 });
	return m != NULL || w->diags->errors == errors;
}
