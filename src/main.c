/*
 * main.c — carenet: read the command line (cli.c), run the command
 * (driver.c, fmt_command.c, lsp.c), and make sure what it printed was
 * written.
 */
#include <stdio.h>

#include "cli.h"
#include "explain.h"
#include "fmt_command.h"
#include "init.h"
#include "i18n.h"
#include "lsp.h"
#include "mem.h"

/* What was printed to standard output reached it; else exit status 2 (a
   command that failed already has said why). */
static int output_written(int status)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && status != 2) {
		fprintf(stderr, "%s", _("carenet: cannot write the output\n"));
		return 2;
	}
	return status;
}

static int run(const Options *opts)
{
	switch (opts->command) {
	case CMD_DIFF: return driver_diff(opts);
	case CMD_TREND: return driver_trend(opts);
	case CMD_HISTORY: return driver_history(opts);
	case CMD_FMT:
		return fmt_command_run(opts->files, opts->file_count, opts->fmt_check, opts->fmt_write,
				       driver_use_color(opts->color), opts->lang);
	case CMD_LSP: return lsp_run();
	case CMD_INIT: return init_run(opts);
	case CMD_EXPLAIN: return explain_run(opts->files, opts->file_count);
	default: return driver_run(opts);
	}
}

int main(int argc, char **argv)
{
	mem_init();
	i18n_init(cli_lang(argc, argv));
	Options opts;
	int status = cli_parse(argc, argv, &opts);
	if (status == 0)
		status = run(&opts);
	return output_written(status < 0 ? 0 : status);
}
