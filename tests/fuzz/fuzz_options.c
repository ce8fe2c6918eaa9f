/*
 * fuzz_options.c — libFuzzer harness for the command line (cli.c): the
 * input is the arguments, separated by NUL bytes, after "carenet".  Every
 * command line is read, helped or refused with a usage error; none crashes.
 * Run with -close_fd_mask=3 (the Makefile does): help and usage go to the
 * standard streams.
 */
#include "cli.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	enum { MAX_ARGS = 32 };
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = mem_strdup("carenet");
	const uint8_t *at = data;
	while (size && argc <= MAX_ARGS) {
		const uint8_t *end = memchr(at, '\0', size);
		size_t len = end ? (size_t)(end - at) : size;
		argv[argc++] = mem_strndup((const char *)at, len);
		at += end ? len + 1 : len;
		size -= end ? len + 1 : len;
	}
	argv[argc] = NULL;
	Options opts;
	cli_parse(argc, argv, &opts);
	mem_reset();
	return 0;
}
