/*
 * driver.c — running a command over the files named on the command line,
 * through the core (carenet.h), and choosing the exit status.
 */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static CarenetOptions core_options(const Options *opts, long today)
{
	return (CarenetOptions){ today, opts->has_as_of, opts->as_of, opts->werror };
}

/* Load the prelude and the files and evaluate them; *io_failed when one
   could not be read, *no_stdlib when the standard library is missing. */
static Carenet *load(const CarenetOptions *options, const char **files, int count, bool *io_failed,
		     bool *no_stdlib)
{
	Carenet *c = carenet_new(options);
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

static bool today(long *day)
{
	const char *why;
	if (carenet_today(day, &why))
		return true;
	fprintf(stderr, "carenet: %s\n", why);
	return false;
}

static ReportKind report_of(Command command)
{
	return command == CMD_EVAL ? REPORT_EVAL : command == CMD_SIGNALS ? REPORT_SIGNALS : REPORT_CHECK;
}

int driver_run(const Options *opts)
{
	long day;
	if (!today(&day))
		return 2;
	CarenetOptions options = core_options(opts, day);
	bool io_failed = false, no_stdlib = false;
	Carenet *c = load(&options, opts->files, opts->file_count, &io_failed, &no_stdlib);
	if (no_stdlib) {
		StrBuf err = { 0 };
		buf_init(&err);
		carenet_write_diagnostics(c, FORMAT_TEXT, driver_use_color(opts->color), &err);
		fputs(err.data, stderr);
		return 2;
	}
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
		fprintf(stderr, "carenet: cannot write the output\n");
		return 2;
	}
	if (io_failed)
		return 2;
	if (check)
		return counts.errors ? 1 : 0;
	/* eval and signals report gaps in their output; they fail only when the
	   plan could not be evaluated */
	return counts.errors > counts.findings ? 1 : 0;
}

int driver_diff(const Options *opts)
{
	/* git runs a diff driver as: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE */
	bool from_git = opts->file_count == 7;
	if (opts->file_count != 2 && !from_git) {
		fprintf(stderr, "carenet: diff takes two files: OLD NEW (- for standard input)\n");
		return 2;
	}
	long day;
	if (!today(&day))
		return 2;
	CarenetOptions options = core_options(opts, day);
	const char *old_path = opts->files[from_git ? 1 : 0];
	const char *new_path = opts->files[from_git ? 4 : 1];
	bool io_failed = false, no_stdlib = false;
	Carenet *old_plan = load(&options, &old_path, 1, &io_failed, &no_stdlib);
	Carenet *new_plan = load(&options, &new_path, 1, &io_failed, &no_stdlib);
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
		buf_printf(&out, "carenet diff %s\n", opts->files[0]);
	bool new_gap = carenet_diff(old_plan, new_plan, &out);
	if (!write_all(stdout, &out))
		return 2;
	return new_gap ? 1 : 0;
}
