/*
 * cli.c — the command line: one table of commands and one of options,
 * read with getopt_long into Options, which main.c hands to the driver.
 * Apart from main() so that the fuzzer can read command lines too.
 *
 * Every malformed command line is a usage error (exit 2) that says what is
 * wrong and, for a mistyped option or command, which one was meant.
 * `carenet COMMAND --help` and `carenet help COMMAND` print one command's
 * usage; `carenet __complete` prints the tables for the shell completions.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "i18n.h"
#include "date.h"
#include "explain.h"
#include "mem.h"

/* The options, one bit each, so a command can say which it takes. */
enum {
	OPT_FORMAT = 1u << 0,
	OPT_AS_OF = 1u << 1,
	OPT_WERROR = 1u << 2,
	OPT_CHECK = 1u << 3,
	OPT_WRITE = 1u << 4,
	OPT_HELP = 1u << 5,
	OPT_FROM = 1u << 6,
	OPT_TO = 1u << 7,
	OPT_STEP = 1u << 8,
	OPT_HISTORY = 1u << 9,
	OPT_GAP_MONTHS = 1u << 10,
	OPT_COLOR = 1u << 11,
	OPT_STDIO = 1u << 12,
	OPT_BASELINE = 1u << 13,
	OPT_ROOT = 1u << 14,
	OPT_LANG = 1u << 15,
};

static const struct {
	const char *name;        /* without the dashes */
	int has_arg;             /* getopt_long's no_argument, required_argument */
	unsigned bit;
	const char *arg;         /* how the help names its value */
	const char *help;
} option_table[] = {
	{ "format", required_argument, OPT_FORMAT, "F", N_("the output format (see the command's formats)") },
	{ "as-of", required_argument, OPT_AS_OF, "DATE", N_("evaluate on DATE (YYYY-MM or YYYY-MM-DD) instead of the plan's as_of") },
	{ "werror", no_argument, OPT_WERROR, NULL, N_("warnings count as errors") },
	{ "check", no_argument, OPT_CHECK, NULL, N_("show a diff and exit 1 when a file is not in the canonical layout") },
	{ "write", no_argument, OPT_WRITE, NULL, N_("rewrite files in the canonical layout") },
	{ "from", required_argument, OPT_FROM, "DATE", N_("the first date of a trend") },
	{ "to", required_argument, OPT_TO, "DATE", N_("the last date of a trend") },
	{ "step", required_argument, OPT_STEP, "S", N_("month, quarter (the default) or year") },
	{ "history", no_argument, OPT_HISTORY, NULL, N_("warn about gaps open for months, from the plan's git history") },
	{ "gap-months", required_argument, OPT_GAP_MONTHS, "N", N_("with --history: how many months make a gap old (6)") },
	{ "baseline", required_argument, OPT_BASELINE, "FILE", N_("count only findings that are not in FILE (a saved check --format json)") },
	{ "color", required_argument, OPT_COLOR, "WHEN", N_("colour diagnostics: auto (on a terminal, unless NO_COLOR), always, never") },
	{ "help", no_argument, OPT_HELP, NULL, N_("print this command's usage") },
	{ "stdio", no_argument, OPT_STDIO, NULL, N_("lsp: use standard input and output (the default)") },
	{ "root", required_argument, OPT_ROOT, "DIR", N_("read plan files and imports only inside DIR (or CARENET_ROOT)") },
	{ "lang", required_argument, OPT_LANG, "L", N_("nl or en: the language of messages and reports (default: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)") },
};

#define OPTION_COUNT (sizeof option_table / sizeof option_table[0])

static const struct {
	const char *name;
	Command command;
	unsigned options;        /* OPT_ bits it takes */
	unsigned formats;        /* FORMAT_ bits for --format */
	const char *operands;
	const char *summary;
} command_table[] = {
	{ "check", CMD_CHECK,
	  OPT_FORMAT | OPT_AS_OF | OPT_WERROR | OPT_HISTORY | OPT_GAP_MONTHS | OPT_BASELINE | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP,
	  1u << FORMAT_TEXT | 1u << FORMAT_JSON | 1u << FORMAT_GITHUB | 1u << FORMAT_SARIF, "FILE...",
	  N_("report problems: syntax, unknown names, needs nobody addresses (gaps),\n"
	  "unresolved signals, warnings; exit 0 clean, 1 findings") },
	{ "eval", CMD_EVAL, OPT_FORMAT | OPT_AS_OF | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP,
	  1u << FORMAT_TEXT | 1u << FORMAT_JSON | 1u << FORMAT_MARKDOWN | 1u << FORMAT_HTML | 1u << FORMAT_DOT,
	  "FILE...",
	  N_("print the evaluated plan: needs by area and their status, actions with\n"
	  "targets and progress, signals and the bodies they reach") },
	{ "signals", CMD_SIGNALS, OPT_FORMAT | OPT_AS_OF | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP,
	  1u << FORMAT_TEXT | 1u << FORMAT_JSON | 1u << FORMAT_MARKDOWN | 1u << FORMAT_HTML, "FILE...",
	  N_("what each body received: grouped by body and by capability, with where\n"
	  "each signal stands (sent, open for how long, overdue, answered, passed on)") },
	{ "compare", CMD_COMPARE, OPT_FORMAT | OPT_AS_OF | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP,
	  1u << FORMAT_TEXT | 1u << FORMAT_JSON | 1u << FORMAT_MARKDOWN | 1u << FORMAT_HTML | 1u << FORMAT_CSV,
	  "PLAN...",
	  N_("plans side by side, one column each, for a learning network: building\n"
	  "blocks, target groups, capabilities, shared indicators and totals") },
	{ "diff", CMD_DIFF, OPT_AS_OF | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP, 0, "OLD NEW",
	  N_("what changed between two versions of a plan: needs, coverage, signals,\n"
	  "targets; exit 1 when a change opens a new gap (also a git diff driver)") },
	{ "trend", CMD_TREND, OPT_FORMAT | OPT_FROM | OPT_TO | OPT_STEP | OPT_COLOR | OPT_ROOT | OPT_LANG | OPT_HELP,
	  1u << FORMAT_TEXT | 1u << FORMAT_JSON, "FILE...",
	  N_("the plans evaluated at every month, quarter or year from --from to --to:\n"
	  "how coverage and each indicator evolved") },
	{ "history", CMD_HISTORY, OPT_FORMAT | OPT_COLOR | OPT_LANG | OPT_HELP, 1u << FORMAT_TEXT | 1u << FORMAT_JSON, "FILE",
	  N_("the plan at each of its commits in git: coverage, the gaps each commit\n"
	  "opened and closed, and each indicator") },
	{ "fmt", CMD_FMT, OPT_CHECK | OPT_WRITE | OPT_COLOR | OPT_LANG | OPT_HELP, 0, "FILE...",
	  N_("print plans in the canonical layout; --check shows a diff and exits 1\n"
	  "when the layout differs, --write rewrites the files; --lang nl|en also\n"
	  "spells every keyword in that language") },
	{ "init", CMD_INIT, OPT_AS_OF | OPT_LANG | OPT_HELP, 0, "MUNICIPALITY [FILE]",
	  N_("write a first plan to fill in for a municipality (its ID or name): its\n"
	  "areas, the building blocks as a checklist, an example of each declaration;\n"
	  "never over an existing FILE (without FILE: to standard output)") },
	{ "explain", CMD_EXPLAIN, OPT_LANG | OPT_HELP, 0, "CODE...",
	  N_("what a diagnostic code means, an example, and how to fix it") },
	{ "lsp", CMD_LSP, OPT_STDIO | OPT_LANG | OPT_HELP, 0, "",
	  N_("the language server for editors (Language Server Protocol on standard\n"
	  "input and output): diagnostics as you type, definitions, references,\n"
	  "hover, completion, outline, formatting, quick fixes") },
};

#define COMMAND_COUNT (sizeof command_table / sizeof command_table[0])

static const char *const format_names[] = {
	[FORMAT_TEXT] = "text", [FORMAT_JSON] = "json", [FORMAT_GITHUB] = "github",
	[FORMAT_MARKDOWN] = "markdown", [FORMAT_HTML] = "html", [FORMAT_DOT] = "dot",
	[FORMAT_SARIF] = "sarif", [FORMAT_CSV] = "csv",
};

#define FORMAT_COUNT (sizeof format_names / sizeof format_names[0])

static const char *const help_tail = N_(
	"\n"
	"  -               as a FILE: read the plan from standard input\n"
	"\n"
	"environment:\n"
	"  CARENET_PATH        extra directories searched for stdlib modules\n"
	"  SOURCE_DATE_EPOCH   'today' for plans without as_of, for reproducible runs\n"
	"  CARENET_ROOT        as --root DIR, for CI: plans are read only inside DIR\n"
	"  NO_COLOR            no colours in diagnostics (unless --color=always)\n"
	"  LANGUAGE, LC_ALL, LC_MESSAGES, LANG\n"
	"                      the language (nl, nl_BE, nl_NL ...: Dutch), unless --lang\n"
	"\n"
	"exit status: 0 clean, 1 findings (or, for eval, a plan that cannot be\n"
	"evaluated), 2 usage or I/O error.  See carenet(1) and carenet(5).\n");

/* "text|json|github" */
static const char *format_list(unsigned formats)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t f = 0; f < FORMAT_COUNT; f++)
		if (formats & (1u << f))
			buf_printf(&b, "%s%s", b.len ? "|" : "", format_names[f]);
	return b.data;
}

/* "carenet check [--format text|json|github] [--as-of DATE] [--werror] FILE..." */
static const char *usage_line(size_t c)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, "carenet %s", command_table[c].name);
	for (size_t o = 0; o < OPTION_COUNT; o++) {
		unsigned bit = option_table[o].bit;
		if (!(command_table[c].options & bit) || bit == OPT_HELP)
			continue;
		if (bit == OPT_FORMAT)
			buf_printf(&b, " [--format %s]", format_list(command_table[c].formats));
		else if (option_table[o].arg)
			buf_printf(&b, " [--%s %s]", option_table[o].name, option_table[o].arg);
		else
			buf_printf(&b, " [--%s]", option_table[o].name);
	}
	if (command_table[c].operands[0])
		buf_printf(&b, " %s", command_table[c].operands);
	return b.data;
}

static void print_usage(FILE *f)
{
	const char *usage = _("usage:");
	int width = (int)strlen(usage);
	for (size_t c = 0; c < COMMAND_COUNT; c++)
		fprintf(f, "%-*s %s\n", width, c ? "" : usage, usage_line(c));
	fprintf(f, "%-*s carenet help [COMMAND] | --help | --version\n", width, "");
}

static void print_help(void)
{
	print_usage(stdout);
	fputs(_("\ncarenet checks and evaluates caring-neighbourhood plans (.care files).\n\ncommands:\n"), stdout);
	for (size_t c = 0; c < COMMAND_COUNT; c++) {
		const char *summary = _(command_table[c].summary);
		printf("  %-9s ", command_table[c].name);
		for (const char *p = summary; *p; p++) {
			putchar(*p);
			if (*p == '\n')
				fputs("            ", stdout);
		}
		putchar('\n');
	}
	fputs(_("\noptions:\n"), stdout);
	for (size_t o = 0; o < OPTION_COUNT; o++)
		printf("  --%-13s %s\n", mem_printf("%s%s%s", option_table[o].name, option_table[o].arg ? " " : "",
						      option_table[o].arg ? option_table[o].arg : ""),
		       _(option_table[o].help));
	fputs(_(help_tail), stdout);
}

static void print_command_help(size_t c)
{
	printf(_("usage: %s\n\n"), usage_line(c));
	fputs(_(command_table[c].summary), stdout);
	fputs(_("\n\noptions:\n"), stdout);
	for (size_t o = 0; o < OPTION_COUNT; o++) {
		if (!(command_table[c].options & option_table[o].bit))
			continue;
		const char *name = mem_printf("%s%s%s", option_table[o].name, option_table[o].arg ? " " : "",
					      option_table[o].arg ? option_table[o].arg : "");
		if (option_table[o].bit == OPT_FORMAT)
			printf("  --%-13s %s\n", name, format_list(command_table[c].formats));
		else
			printf("  --%-13s %s\n", name, _(option_table[o].help));
	}
	fputs(_(help_tail), stdout);
}

/* A usage error: the message, then the usage of the command (all of them
   when `c` is COMMAND_COUNT). */
static int usage_error_in(size_t c, const char *message)
{
	fprintf(stderr, "carenet: %s\n", carenet_printable(message)); /* it may quote the command line */
	if (c < COMMAND_COUNT)
		fprintf(stderr, _("usage: %s\n(carenet %s --help tells more)\n"), usage_line(c), command_table[c].name);
	else
		print_usage(stderr);
	return 2;
}

static int usage_error(const char *message)
{
	return usage_error_in(COMMAND_COUNT, message);
}

static int find_command(const char *name)
{
	for (size_t c = 0; c < COMMAND_COUNT; c++)
		if (strcmp(command_table[c].name, name) == 0)
			return (int)c;
	return -1;
}

static int unknown_command(const char *name)
{
	const char *names[COMMAND_COUNT + 1];
	for (size_t c = 0; c < COMMAND_COUNT; c++)
		names[c] = command_table[c].name;
	names[COMMAND_COUNT] = "help";
	const char *close = carenet_closest(name, names, COMMAND_COUNT + 1);
	return usage_error(close ? mem_printf(_("unknown command '%s'; did you mean '%s'?"), name, close)
				 : mem_printf(_("unknown command '%s'"), name));
}

/* The option of command c that `word` starts with (--formatjson), or the
   one option it is the start of (--w for --werror); NULL when none is. */
static const char *option_prefix_of(size_t c, const char *word)
{
	const char *best = NULL, *extends = NULL;
	int starts = 0;
	for (size_t o = 0; o < OPTION_COUNT; o++) {
		const char *name = option_table[o].name;
		if (!(command_table[c].options & option_table[o].bit))
			continue;
		if (strncmp(word, name, strlen(name)) == 0 && (!best || strlen(name) > strlen(best)))
			best = name;
		if (*word && strncmp(name, word, strlen(word)) == 0) {
			extends = name;
			starts++;
		}
	}
	return best ? best : starts == 1 ? extends : NULL;
}

/* An option getopt_long did not know: name the closest one this command takes. */
static int unknown_option(size_t c, const char *arg)
{
	const char *names[OPTION_COUNT];
	size_t n = 0;
	const char *word = arg;
	while (*word == '-')
		word++;
	const char *eq = strchr(word, '=');
	if (eq)
		word = mem_strndup(word, (size_t)(eq - word));
	for (size_t o = 0; o < OPTION_COUNT; o++)
		if (command_table[c].options & option_table[o].bit)
			names[n++] = option_table[o].name;
	const char *close = carenet_closest(word, names, n);
	if (!close)
		close = option_prefix_of(c, word);
	if (close)
		return usage_error_in(c, mem_printf(_("%s has no option '%s'; did you mean '--%s'?"),
						    command_table[c].name, arg, close));
	return usage_error_in(c, mem_printf(_("%s has no option '%s'"), command_table[c].name, arg));
}

static bool parse_format(size_t c, const char *value, Format *out)
{
	for (size_t f = 0; f < FORMAT_COUNT; f++) {
		if ((command_table[c].formats & (1u << f)) && strcmp(format_names[f], value) == 0) {
			*out = (Format)f;
			return true;
		}
	}
	return false;
}

static int bad_format(size_t c, const char *value)
{
	const char *names[FORMAT_COUNT];
	size_t n = 0;
	for (size_t f = 0; f < FORMAT_COUNT; f++)
		if (command_table[c].formats & (1u << f))
			names[n++] = format_names[f];
	const char *close = carenet_closest(value, names, n);
	return usage_error_in(c, mem_printf(_("%s has no format '%s'%s%s%s (it has %s)"), command_table[c].name, value,
				      close ? _("; did you mean '") : "", close ? close : "", close ? "'?" : "",
				      format_list(command_table[c].formats)));
}

static const char *const color_names[] = { [COLOR_AUTO] = "auto", [COLOR_ALWAYS] = "always", [COLOR_NEVER] = "never" };

#define COLOR_COUNT (sizeof color_names / sizeof color_names[0])

static bool parse_color(const char *value, ColorWhen *out)
{
	for (size_t i = 0; i < COLOR_COUNT; i++)
		if (strcmp(color_names[i], value) == 0) {
			*out = (ColorWhen)i;
			return true;
		}
	return false;
}

static int bad_color(size_t c, const char *value)
{
	const char *close = carenet_closest(value, color_names, COLOR_COUNT);
	return usage_error_in(c, mem_printf(_("--color takes auto, always or never, not '%s'%s%s%s"), value,
					    close ? _("; did you mean '") : "", close ? close : "", close ? "'?" : ""));
}

/* Apply one option; 0, or the exit status of a usage error. */
static int apply_option(size_t c, unsigned bit, const char *value, Options *opts)
{
	switch (bit) {
	case OPT_FORMAT:
		if (!parse_format(c, value, &opts->format))
			return bad_format(c, value);
		break;
	case OPT_AS_OF: {
		Date d;
		const char *why;
		if (!date_parse(value, &d, &why))
			return usage_error_in(c, mem_printf(_("--as-of takes a date (YYYY-MM or YYYY-MM-DD), not '%s': %s"), value,
							    why));
		opts->has_as_of = true;
		opts->as_of = date_last_day(d);
		break;
	}
	case OPT_FROM: case OPT_TO: {
		Date d;
		const char *why;
		if (!date_parse(value, &d, &why))
			return usage_error_in(c, mem_printf(_("--%s takes a date (YYYY-MM or YYYY-MM-DD), not '%s'"),
							    bit == OPT_FROM ? "from" : "to", value));
		if (bit == OPT_FROM) {
			opts->has_from = true;
			opts->from = d;
		} else {
			opts->has_to = true;
			opts->to = d;
		}
		break;
	}
	case OPT_STEP: {
		static const struct { const char *word; Step step; } steps[] = {
			{ "month", STEP_MONTH }, { "quarter", STEP_QUARTER }, { "year", STEP_YEAR },
		};
		for (size_t i = 0; i < 3; i++)
			if (strcmp(value, steps[i].word) == 0)
				opts->step = steps[i].step;
		if (!opts->step)
			return usage_error_in(c, mem_printf(_("--step takes month, quarter or year, not '%s'"), value));
		break;
	}
	case OPT_HISTORY: opts->history = true; break;
	case OPT_BASELINE: opts->baseline = value; break;
	case OPT_LANG:
		if (strcmp(value, "nl") != 0 && strcmp(value, "en") != 0)
			return usage_error_in(c, mem_printf(_("--lang takes nl or en, not '%s'"), value));
		opts->lang = value;
		break;
	case OPT_ROOT: {
		const char *why;
		opts->root = carenet_root(value, &why);
		if (!opts->root)
			return usage_error_in(c, mem_printf(_("--root takes a directory; %s: %s"), value, why));
		break;
	}
	case OPT_GAP_MONTHS: {
		char *end;
		long n = strtol(value, &end, 10);
		if (*end || n < 1 || n > 1200)
			return usage_error_in(c, mem_printf(_("--gap-months takes a number of months (1 to 1200), not '%s'"), value));
		opts->gap_months = (int)n;
		break;
	}
	case OPT_COLOR:
		if (!parse_color(value, &opts->color))
			return bad_color(c, value);
		break;
	case OPT_WERROR: opts->werror = true; break;
	case OPT_CHECK: opts->fmt_check = true; break;
	case OPT_WRITE: opts->fmt_write = true; break;
	}
	return 0;
}

/* Parse the options and operands after the command; -1 when --help was given. */
static int parse_options(size_t c, int argc, char **argv, Options *opts)
{
	struct option longs[OPTION_COUNT + 1];
	memset(longs, 0, sizeof longs);
	for (size_t o = 0; o < OPTION_COUNT; o++)
		longs[o] = (struct option){ option_table[o].name, option_table[o].has_arg, NULL, (int)o + 1 };
	opts->command = command_table[c].command;
	opts->files = (const char **)mem_alloc(sizeof(char *) * (size_t)argc);
	opterr = 0;
	optind = 0; /* glibc: start afresh, forgetting any earlier command line */
	for (;;) {
		int found = getopt_long(argc, argv, ":", longs, NULL);
		if (found == -1)
			break;
		/* getopt_long has moved past the option it read (or could not read) */
		const char *arg = argv[optind > 1 ? optind - 1 : 1];
		if (found == ':')
			return usage_error_in(c, mem_printf(_("%s needs a value"), arg));
		if (found == '?')
			return unknown_option(c, arg);
		size_t o = (size_t)found - 1;
		if (!(command_table[c].options & option_table[o].bit))
			return usage_error_in(c, mem_printf(_("%s has no option '--%s'"), command_table[c].name,
							    option_table[o].name));
		if (option_table[o].bit == OPT_HELP)
			return -1;
		int status = apply_option(c, option_table[o].bit, optarg, opts);
		if (status)
			return status;
	}
	for (int i = optind; i < argc; i++)
		opts->files[opts->file_count++] = argv[i];
	if (opts->fmt_check && opts->fmt_write)
		return usage_error_in(c, _("fmt takes --check or --write, not both"));
	const char *operands = command_table[c].operands;
	if (opts->file_count == 0 && operands[0])
		return usage_error_in(c, mem_printf(opts->command == CMD_INIT || opts->command == CMD_EXPLAIN
						    ? _("%s needs %s") : _("%s needs %s (- for standard input)"),
						    command_table[c].name, operands));
	if (opts->command == CMD_INIT && opts->file_count > 2)
		return usage_error_in(c, _("init takes a municipality and at most one file"));
	if (opts->file_count > 0 && !command_table[c].operands[0])
		return usage_error_in(c, mem_printf(_("%s takes no files"), command_table[c].name));
	return 0;
}

/*
 * carenet __complete [COMMAND]: the tables, for the shell completions
 * (editors/bash, editors/zsh), so that they never fall behind this file.
 * Without a command, one "command NAME" line each; with one, its options
 * ("option --NAME [ARG]"), the values an option takes ("value --NAME
 * VALUE"), and what its first operand may be ("operand WORD": init's
 * municipalities) or each operand ("operands WORD": explain's codes).  Hidden: not in the help, not a promise to anyone else.
 */
static int complete_command(int argc, char **argv)
{
	if (argc < 3) {
		for (size_t c = 0; c < COMMAND_COUNT; c++)
			printf("command %s\n", command_table[c].name);
		printf("command help\n");
		return 0;
	}
	int c = find_command(argv[2]);
	if (c < 0)
		return 2;
	for (size_t o = 0; o < OPTION_COUNT; o++)
		if (command_table[c].options & option_table[o].bit)
			printf("option --%s%s%s\n", option_table[o].name, option_table[o].arg ? " " : "",
			       option_table[o].arg ? option_table[o].arg : "");
	for (size_t f = 0; f < FORMAT_COUNT; f++)
		if (command_table[c].formats & (1u << f))
			printf("value --format %s\n", format_names[f]);
	if (command_table[c].options & OPT_COLOR)
		for (size_t i = 0; i < COLOR_COUNT; i++)
			printf("value --color %s\n", color_names[i]);
	if (command_table[c].command == CMD_INIT)
		catalog_complete();
	else if (command_table[c].command == CMD_EXPLAIN)
		explain_print_codes();
	if (command_table[c].options & OPT_LANG)
		printf("value --lang nl\nvalue --lang en\n");
	return 0;
}

static int help_command(int argc, char **argv)
{
	if (argc < 3) {
		print_help();
		return 0;
	}
	int c = find_command(argv[2]);
	if (c < 0)
		return unknown_command(argv[2]);
	print_command_help((size_t)c);
	return 0;
}

const char *cli_lang(int argc, char **argv)
{
	const char *lang = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	}
	return lang && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0) ? lang : NULL;
}

int cli_parse(int argc, char **argv, Options *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->gap_months = 6;
	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		int status = help_command(argc, argv);
		return status ? status : -1;
	}
	if (strcmp(argv[1], "__complete") == 0) {
		int status = complete_command(argc, argv);
		return status ? status : -1;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("carenet %s\n", CARENET_VERSION);
		return -1;
	}
	int c = find_command(argv[1]);
	if (c < 0)
		return argv[1][0] == '-' ? usage_error(mem_printf(_("'%s' comes after a command: carenet COMMAND [OPTION]... FILE..."), argv[1]))
					 : unknown_command(argv[1]);
	/* getopt_long reads argv from index 1: hand it the command's arguments */
	int status = parse_options((size_t)c, argc - 1, argv + 1, opts);
	if (status < 0) {
		print_command_help((size_t)c);
		return -1;
	}
	if (opts->command == CMD_TREND && !opts->step)
		opts->step = STEP_QUARTER;
	return status;
}
