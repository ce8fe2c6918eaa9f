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

#endif
