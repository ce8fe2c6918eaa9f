/*
 * driver.c — running a command over the files named on the command line,
 * through the core (carenet.h), and choosing the exit status.
 */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"

bool driver_use_color(ColorWhen when)
{
	if (when != COLOR_AUTO)
		return when == COLOR_ALWAYS; /* the command line overrides the environment */
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return isatty(STDERR_FILENO) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
}

/* Write a whole buffer; a failed write (a full disk, a closed pipe) is an I/O error. */
static bool write_all(FILE *f, const StrBuf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
		return false;
	return fflush(f) == 0;
}

/* --root, else CARENET_ROOT (for CI), else none; false when CARENET_ROOT is
   not a directory. */
static bool root_of(const Options *opts, const char **root)
{
	*root = opts->root;
	const char *env = getenv("CARENET_ROOT");
	if (*root || !env || !*env)
		return true;
	const char *why;
	*root = carenet_root(env, &why);
	if (!*root)
		fprintf(stderr, _("carenet: CARENET_ROOT=%s: %s\n"), carenet_printable(env), why);
	return *root != NULL;
}

static CarenetOptions core_options(const Options *opts, long today, const char *root)
{
	return (CarenetOptions){ today, opts->has_as_of, opts->as_of, opts->werror, root };
}

/* Load the prelude and the files and evaluate them; *io_failed when one
   could not be read, *no_stdlib when the standard library is missing. */
static Carenet *load_into(Carenet *c, const char **files, int count, bool *io_failed, bool *no_stdlib)
{
	if (!carenet_load_prelude(c)) {
		*io_failed = *no_stdlib = true; /* an installation problem: nothing else can be checked */
		return c;
	}
	for (int i = 0; i < count; i++)
		if (strcmp(files[i], "/dev/null") != 0 && !carenet_load_file(c, files[i]))
			*io_failed = true; /* /dev/null: git's side of an added or deleted file */
	carenet_evaluate(c);
	return c;
}

static Carenet *load(const CarenetOptions *options, const char **files, int count, bool *io_failed,
		     bool *no_stdlib)
{
	return load_into(carenet_new(options), files, count, io_failed, no_stdlib);
}

static bool today(long *day)
{
	const char *why;
	if (carenet_today(day, &why))
		return true;
	fprintf(stderr, "carenet: %s\n", carenet_printable(why));
	return false;
}

static ReportKind report_of(Command command)
{
	return command == CMD_EVAL      ? REPORT_EVAL
	       : command == CMD_SIGNALS ? REPORT_SIGNALS
	       : command == CMD_COMPARE ? REPORT_COMPARE
					: REPORT_CHECK;
}

/* Each committed version of `path`, evaluated on its commit day (its own
   as_of still applies), with its relative imports read from the tree. */
static bool history_points(const Options *opts, const char *path, CarenetPoint **points, size_t *n)
{
	CarenetVersion *versions;
	const char *why;
	if (!carenet_git_versions(path, &versions, n, &why)) {
		fprintf(stderr, _("carenet: no history for %s: %s\n"), path, why);
		return false;
	}
	*points = mem_alloc(mem_array_size(*n, sizeof **points));
	for (size_t i = 0; i < *n; i++) {
		CarenetOptions options = core_options(opts, versions[i].day, NULL); /* read from git, not the disk */
		Carenet *c = carenet_new(&options);
		if (!carenet_load_prelude(c))
			return false;
		carenet_load_text(c, path, versions[i].text, versions[i].len);
		carenet_evaluate(c);
		(*points)[i] = (CarenetPoint){ date_format_days(versions[i].day), mem_strndup(versions[i].commit, 7),
					       versions[i].day, c };
	}
	return true;
}

/* check --history: how long each gap has been open, from the first file's commits. */
static bool add_gap_ages(Carenet *c, const Options *opts)
{
	CarenetPoint *points;
	size_t n;
	if (!history_points(opts, opts->files[0], &points, &n))
		return false;
	carenet_check_gap_ages(c, points, n, opts->gap_months);
	return true;
}

int driver_run(const Options *opts)
{
	long day;
	const char *root;
	if (!today(&day) || !root_of(opts, &root))
		return 2;
	CarenetOptions options = core_options(opts, day, root);
	bool io_failed = false, no_stdlib = false;
	Carenet *c = carenet_new(&options);
	const char *why;
	if (opts->baseline && !carenet_use_baseline(c, opts->baseline, &why)) {
		fprintf(stderr, _("carenet: cannot use %s as a baseline: %s\n"), opts->baseline, why);
		return 2;
	}
	load_into(c, opts->files, opts->file_count, &io_failed, &no_stdlib);
	if (no_stdlib) {
		StrBuf err = { 0 };
		buf_init(&err);
		carenet_write_diagnostics(c, FORMAT_TEXT, driver_use_color(opts->color), &err);
		fputs(err.data, stderr);
		return 2;
	}
	if (opts->history && !add_gap_ages(c, opts))
		return 2;
	StrBuf err = { 0 }, out = { 0 };
	buf_init(&err);
	buf_init(&out);
	bool check = opts->command == CMD_CHECK;
	/* diagnostics go to standard error, except in the machine formats of check */
	if (check && opts->format == FORMAT_GITHUB)
		carenet_write_diagnostics(c, FORMAT_GITHUB, false, &out);
	else if (!(check && (opts->format == FORMAT_JSON || opts->format == FORMAT_SARIF)))
		carenet_write_diagnostics(c, FORMAT_TEXT, driver_use_color(opts->color), &err);
	CarenetCounts counts = carenet_counts(c);
	carenet_write_report(c, report_of(opts->command), opts->format, &out);
	/* diagnostics first, then the report: the same bytes in the same order every run */
	if (!write_all(stderr, &err) || !write_all(stdout, &out)) {
		fprintf(stderr, _("carenet: cannot write the output\n"));
		return 2;
	}
	if (io_failed)
		return 2;
	if (check)
		return counts.errors ? 1 : 0;
	/* eval, signals and compare report gaps in their output; they fail only when the
	   plan could not be evaluated */
	return counts.errors > counts.findings ? 1 : 0;
}

/* One version of a plan for diff; in git's driver mode it is read as the
   file at `as_path`, so that its relative imports resolve in the tree. */
static Carenet *load_version(const CarenetOptions *options, const char *path, const char *as_path,
			     bool *io_failed)
{
	bool no_stdlib = false;
	if (!as_path || strcmp(path, "/dev/null") == 0)
		return load(options, &path, 1, io_failed, &no_stdlib);
	Carenet *c = carenet_new(options);
	if (!carenet_load_prelude(c) || !carenet_load_file_as(c, path, as_path))
		*io_failed = true;
	carenet_evaluate(c);
	return c;
}

int driver_diff(const Options *opts)
{
	/* git runs a diff driver as: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
	bool from_git = opts->file_count == 7;
	if (opts->file_count != 2 && !from_git) {
		fprintf(stderr, _("carenet: diff takes two files: OLD NEW (- for standard input)\n"));
		return 2;
	}
	long day;
	const char *root;
	if (!today(&day) || !root_of(opts, &root))
		return 2;
	CarenetOptions options = core_options(opts, day, root);
	const char *as_path = from_git ? opts->files[0] : NULL;
	bool io_failed = false;
	Carenet *old_plan = load_version(&options, opts->files[from_git ? 1 : 0], as_path, &io_failed);
	Carenet *new_plan = load_version(&options, opts->files[from_git ? 4 : 1], as_path, &io_failed);
	if (io_failed) {
		StrBuf err = { 0 };
		buf_init(&err);
		carenet_write_diagnostics(old_plan, FORMAT_TEXT, driver_use_color(opts->color), &err);
		carenet_write_diagnostics(new_plan, FORMAT_TEXT, driver_use_color(opts->color), &err);
		fputs(err.data, stderr);
		return 2;
	}
	StrBuf out = { 0 };
	buf_init(&out);
	if (from_git)
		buf_printf(&out, "carenet diff %s\n", carenet_printable(opts->files[0]));
	bool new_gap = carenet_diff(old_plan, new_plan, &out);
	if (!write_all(stdout, &out)) {
		fprintf(stderr, _("carenet: cannot write the output\n"));
		return 2;
	}
	/* git stops at a driver that fails, and shows none of the other files:
	   as a driver, a new gap is news, not a failure */
	return new_gap && !from_git ? 1 : 0;
}

/* The last day of the step that contains `day`: months, quarters or years. */
static long end_of_step(long day, Step step)
{
	Date d = date_from_days(day);
	int month = ((d.month - 1) / (int)step + 1) * (int)step;
	return date_last_day((Date){ d.year, month, 0 });
}

int driver_trend(const Options *opts)
{
	long day;
	const char *root;
	if (!today(&day) || !root_of(opts, &root))
		return 2;
	if (!opts->has_from || !opts->has_to) {
		fprintf(stderr, _("carenet: trend needs --from DATE and --to DATE\n"));
		return 2;
	}
	long from = date_first_day(opts->from), to = date_last_day(opts->to);
	if (from > to) {
		fprintf(stderr, _("carenet: --from %s lies after --to %s\n"), date_format(opts->from), date_format(opts->to));
		return 2;
	}
	Vec points = { 0 };
	bool io_failed = false;
	for (long at = end_of_step(from, opts->step); at <= to + 400 && points.len < 1000;) {
		long when = at < to ? at : to;
		Options dated = *opts;
		dated.has_as_of = true;
		dated.as_of = when;
		CarenetOptions options = core_options(&dated, day, root);
		bool no_stdlib = false;
		CarenetPoint *p = NEW(CarenetPoint);
		p->run = load(&options, opts->files, opts->file_count, &io_failed, &no_stdlib);
		p->label = date_format_days(when);
		p->day = when;
		vec_push(&points, p);
		if (no_stdlib || when == to)
			break;
		at = end_of_step(at + 1, opts->step);
	}
	if (io_failed) {
		StrBuf err = { 0 };
		buf_init(&err);
		carenet_write_diagnostics(((CarenetPoint *)points.items[0])->run, FORMAT_TEXT, driver_use_color(opts->color), &err);
		fputs(err.data, stderr);
		return 2;
	}
	CarenetPoint *flat = mem_alloc(mem_array_size(points.len, sizeof *flat));
	for (size_t i = 0; i < points.len; i++)
		flat[i] = *(CarenetPoint *)points.items[i];
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_series(flat, points.len, false, opts->format, &out);
	return write_all(stdout, &out) ? 0 : 2;
}

int driver_history(const Options *opts)
{
	if (opts->file_count != 1) {
		fprintf(stderr, _("carenet: history takes one FILE, a plan kept in git\n"));
		return 2;
	}
	CarenetPoint *points;
	size_t n;
	if (!history_points(opts, opts->files[0], &points, &n))
		return 2;
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_series(points, n, true, opts->format, &out);
	return write_all(stdout, &out) ? 0 : 2;
}
