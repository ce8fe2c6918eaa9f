/*
 * cli.h — reading the command line (cli.c): the commands, their options and
 * operands, the help and the usage errors.
 */
#ifndef CARENET_CLI_H
#define CARENET_CLI_H

#include "driver.h"

/*
 * Read argv into *opts.  0: run the command; -1: done (the help or the
 * version was printed); else the exit status of a usage error (2), its
 * message printed to standard error.
 */
int cli_parse(int argc, char **argv, Options *opts);
/* The language --lang asks for ("nl", "en"), NULL when none (or not a
   valid one: cli_parse says so): read before the rest of the command line,
   so that even its usage errors speak the language asked for. */
const char *cli_lang(int argc, char **argv);

#endif
