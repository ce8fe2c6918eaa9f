/*
 * lsp_io.c — the framing of the Language Server Protocol: each message is
 * headers ("Content-Length: N", lines ending in CRLF), a blank line, and N
 * bytes of JSON.
 *
 * Input is whatever the other side sends, so reading never trusts it: a
 * header line is kept to 1 KiB, a message without a usable Content-Length
 * is skipped (the next line naming a Content-Length starts the next one),
 * and a body over LSP_MAX_MESSAGE_BYTES is read past without being kept.
 * Nothing is allocated for input beyond one message's body.
 */
#include "lsp.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "mem.h"

enum { HEADER_LINE_MAX = 1024, READ_CHUNK = 64 * 1024 };

static int in_fd, out_fd = 1;
static char buffer[READ_CHUNK];
static size_t buffer_start, buffer_end;
static bool at_end;

void lsp_io_init(int input, int output)
{
	in_fd = input;
	out_fd = output;
}

/* Refill the buffer; false at the end of the input (or a read error). */
static bool fill(void)
{
	if (at_end)
		return false;
	for (;;) {
		ssize_t n = read(in_fd, buffer, sizeof buffer);
		if (n > 0) {
			buffer_start = 0;
			buffer_end = (size_t)n;
			return true;
		}
		if (n < 0 && errno == EINTR)
			continue;
		at_end = true;
		return false;
	}
}

/* Up to `want` bytes into `to` (NULL: thrown away); how many there were. */
static size_t take(char *to, size_t want)
{
	size_t got = 0;
	while (got < want) {
		if (buffer_start == buffer_end && !fill())
			break;
		size_t n = buffer_end - buffer_start;
		if (n > want - got)
			n = want - got;
		if (to)
			memcpy(to + got, buffer + buffer_start, n);
		buffer_start += n;
		got += n;
	}
	return got;
}

/* One header line without its line end, cut to HEADER_LINE_MAX bytes;
   false at the end of the input. */
static bool read_line(char *line, size_t *len)
{
	*len = 0;
	for (;;) {
		if (buffer_start == buffer_end && !fill())
			return *len > 0;
		char c = buffer[buffer_start++];
		if (c == '\n')
			break;
		if (*len < HEADER_LINE_MAX)
			line[(*len)++] = c;
	}
	if (*len > 0 && line[*len - 1] == '\r')
		(*len)--;
	line[*len] = '\0';
	return true;
}

/* "Content-Length: 123" anywhere in the line (a message whose framing was
   lost may leave bytes before it); -1 when absent, -2 when malformed. */
static long long content_length(const char *line)
{
	static const char name[] = "content-length:";
	const char *at = NULL;
	for (const char *p = line; *p && !at; p++)
		if (strncasecmp(p, name, sizeof name - 1) == 0)
			at = p + sizeof name - 1;
	if (!at)
		return -1;
	while (*at == ' ' || *at == '\t')
		at++;
	long long value = 0;
	int digits = 0;
	for (; *at >= '0' && *at <= '9'; at++, digits++) {
		if (digits == 18)
			return -2; /* more than any message could be */
		value = value * 10 + (*at - '0');
	}
	while (*at == ' ' || *at == '\t')
		at++;
	return digits == 0 || *at ? -2 : value;
}

LspIoResult lsp_io_read(char **body, size_t *len)
{
	char line[HEADER_LINE_MAX + 1];
	size_t n;
	long long length = -1;
	bool headers = false, malformed = false;
	for (;;) {
		if (!read_line(line, &n)) {
			if (headers)
				lsp_log("the input ended inside a message's headers");
			return LSP_IO_END;
		}
		if (n == 0) {
			if (headers)
				break;
			continue; /* blank lines between messages */
		}
		headers = true;
		long long found = content_length(line);
		if (found == -2)
			malformed = true;
		else if (found >= 0)
			length = found, malformed = false;
	}
	if (length < 0) {
		lsp_log("skipped a message with %s Content-Length", malformed ? "a malformed" : "no");
		return LSP_IO_SKIPPED;
	}
	if ((unsigned long long)length > LSP_MAX_MESSAGE_BYTES) {
		lsp_log("skipped a message of %lld bytes (the limit is %zu)", length, LSP_MAX_MESSAGE_BYTES);
		return take(NULL, (size_t)length) == (size_t)length ? LSP_IO_SKIPPED : LSP_IO_END;
	}
	char *data = mem_alloc_atomic((size_t)length + 1);
	size_t got = take(data, (size_t)length);
	if (got < (size_t)length) {
		lsp_log("the input ended inside a message (%zu of %lld bytes)", got, length);
		return LSP_IO_END;
	}
	data[length] = '\0';
	*body = data;
	*len = (size_t)length;
	return LSP_IO_MESSAGE;
}

bool lsp_io_pending(void)
{
	if (buffer_start < buffer_end)
		return true;
	if (at_end)
		return false;
	struct pollfd p = { in_fd, POLLIN, 0 };
	return poll(&p, 1, 0) > 0;
}

static bool write_all(const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(out_fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

bool lsp_io_write(const json_t *message)
{
	/* one pass (json_dumpb would take two: the size, then the bytes); strings
	   with NUL are written escaped, so strlen is the length */
	char *body = json_dumps(message, JSON_COMPACT);
	if (!body)
		return false;
	size_t n = strlen(body);
	char header[64];
	int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
	bool ok = write_all(header, (size_t)h) && write_all(body, n);
	free(body);
	return ok;
}
