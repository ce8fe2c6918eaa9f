/*
 * main.c — the command line: parse it into Options and hand over to the driver.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "driver.h"
#include "fmt_command.h"
#include "mem.h"

static const char usage_text[] =
	"usage: carenet check [--format text|json|github] [--werror] FILE...\n"
	"       carenet eval [--format text|json|markdown|html|dot] [--as-of DATE] FILE...\n"
	"       carenet signals FILE...\n"
	"       carenet fmt [--check | --write] FILE...\n"
	"       carenet diff [--as-of DATE] OLD NEW\n"
	"       carenet --help | --version\n";

static const char help_text[] =
	"carenet checks and evaluates caring-neighbourhood plans (.care files).\n"
	"\n"
	"commands:\n"
	"  check     report problems: syntax, unknown names, needs nobody addresses\n"
	"            (gaps), unresolved signals, warnings; exit 0 clean, 1 findings\n"
	"  eval      print the evaluated plan: needs by area and their status, actions\n"
	"            with targets and progress, signals and the bodies they reach\n"
	"  signals   the signals grouped by the body they reach, ready to send\n"
	"  diff      what changed between two versions of a plan: needs, coverage,\n"
	"            signals, targets; exit 1 when a change opens a new gap\n"
	"  fmt       print the plan in the canonical layout; --check shows a diff and\n"
	"            exits 1 when the layout differs, --write rewrites the file\n"
	"\n"
	"options:\n"
	"  --format F      check: text (default), json, github (workflow annotations)\n"
	"                  eval: text (default), json, markdown, html (one page), dot\n"
	"  --werror        warnings count as errors (check)\n"
	"  --as-of DATE    evaluate on this date instead of the plan's as_of\n"
	"  -               as a FILE: read the plan from standard input\n"
	"\n"
	"environment:\n"
	"  CARENET_PATH        extra directories searched for stdlib modules\n"
	"  SOURCE_DATE_EPOCH   'today' for plans without as_of, for reproducible runs\n"
	"  NO_COLOR            no colours in diagnostics\n"
	"\n"
	"exit status: 0 clean, 1 findings (or, for eval, a plan that cannot be\n"
	"evaluated), 2 usage or I/O error.  See carenet(1) and carenet(5).\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("carenet: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(usage_text, stderr);
	return 2;
}

static bool parse_format(const char *name, Command cmd, Format *out)
{
	static const struct { const char *name; Format format; unsigned commands; } formats[] = {
		{ "text", FORMAT_TEXT, 1u << CMD_CHECK | 1u << CMD_EVAL | 1u << CMD_SIGNALS },
		{ "json", FORMAT_JSON, 1u << CMD_CHECK | 1u << CMD_EVAL },
		{ "github", FORMAT_GITHUB, 1u << CMD_CHECK },
		{ "markdown", FORMAT_MARKDOWN, 1u << CMD_EVAL },
		{ "html", FORMAT_HTML, 1u << CMD_EVAL },
		{ "dot", FORMAT_DOT, 1u << CMD_EVAL },
	};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (strcmp(formats[i].name, name) == 0 && (formats[i].commands & (1u << cmd))) {
			*out = formats[i].format;
			return true;
		}
	}
	return false;
}

static int parse_options(int argc, char **argv, Options *opts)
{
	const char *command = argv[1];
	if (strcmp(command, "check") == 0) opts->command = CMD_CHECK;
	else if (strcmp(command, "eval") == 0) opts->command = CMD_EVAL;
	else if (strcmp(command, "signals") == 0) opts->command = CMD_SIGNALS;
	else if (strcmp(command, "fmt") == 0) opts->command = CMD_FMT;
	else if (strcmp(command, "diff") == 0) opts->command = CMD_DIFF;
	else return usage_error("unknown command '%s'", command);
	opts->files = (const char **)mem_alloc(sizeof(char *) * (size_t)argc);
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		const char *value = NULL;
		if (strncmp(arg, "--format=", 9) == 0 || strncmp(arg, "--as-of=", 8) == 0)
			value = strchr(arg, '=') + 1;
		if (strcmp(arg, "--format") == 0 || strcmp(arg, "--as-of") == 0) {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", arg);
			value = argv[++i];
		}
		if (strncmp(arg, "--format", 8) == 0) {
			if (!parse_format(value, opts->command, &opts->format))
				return usage_error("unknown format '%s' for this command", value);
		} else if (strncmp(arg, "--as-of", 7) == 0) {
			Date d;
			const char *why;
			if (!date_parse(value, &d, &why))
				return usage_error("--as-of takes a date (YYYY-MM or YYYY-MM-DD), not '%s'", value);
			opts->has_as_of = true;
			opts->as_of = date_last_day(d);
		} else if (opts->command == CMD_FMT && strcmp(arg, "--check") == 0) {
			opts->fmt_check = true;
		} else if (opts->command == CMD_FMT && strcmp(arg, "--write") == 0) {
			opts->fmt_write = true;
		} else if (strcmp(arg, "--werror") == 0 && opts->command == CMD_CHECK) {
			opts->werror = true;
		} else if (strcmp(arg, "--") == 0) {
			while (++i < argc)
				opts->files[opts->file_count++] = argv[i];
		} else if (arg[0] == '-' && arg[1] != '\0') {
			return usage_error("unknown option '%s'", arg);
		} else {
			opts->files[opts->file_count++] = arg;
		}
	}
	if (opts->fmt_check && opts->fmt_write)
		return usage_error("%s takes --check or --write, not both", command);
	if (opts->file_count == 0)
		return usage_error("%s needs at least one FILE (or - for standard input)", command);
	return 0;
}

int main(int argc, char **argv)
{
	mem_init();
	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		fputs(usage_text, stdout);
		fputs("\n", stdout);
		fputs(help_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("carenet %s\n", CARENET_VERSION);
		return 0;
	}
	Options opts;
	memset(&opts, 0, sizeof opts);
	int status = parse_options(argc, argv, &opts);
	if (status)
		return status;
	if (opts.command == CMD_DIFF)
		return driver_diff(&opts);
	if (opts.command == CMD_FMT)
		return fmt_command_run(opts.files, opts.file_count, opts.fmt_check, opts.fmt_write);
	return driver_run(&opts);
}
