/*
 * source.c — loading files and mapping byte offsets to lines and columns.
 */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "i18n.h"
#include "mem.h"
#include "utf8.h"

static int next_source_id;
static const char *const too_large = N_("file too large (the limit is 256 MiB)");

Source *source_from_text(const char *path, const char *text, size_t len)
{
	Source *src = NEW(Source);
	char *copy = mem_alloc_atomic(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	src->fs_path = mem_strdup(path);
	src->path = utf8_safe_text(src->fs_path, strlen(src->fs_path));
	src->text = copy;
	src->len = len;
	src->id = next_source_id++;
	return src;
}

/* Read all of a stream into collected memory; NULL with *why on failure.
   `size_hint` (a regular file's size) avoids regrowing the buffer: with
   room for the NUL and one byte more, the read that finds the end fits. */
static Source *read_stream(FILE *f, const char *path, size_t size_hint, const char **why)
{
	size_t cap = size_hint + 2, len = 0;
	char *text = mem_alloc_atomic(cap);
	for (;;) {
		if (len + 1 == cap) { /* keep room for the final NUL */
			char *bigger = mem_alloc_atomic(cap * 2);
			memcpy(bigger, text, len);
			text = bigger;
			cap *= 2;
		}
		size_t n = fread(text + len, 1, cap - 1 - len, f);
		len += n;
		if (len > SOURCE_MAX_BYTES) {
			*why = _(too_large);
			return NULL;
		}
		/* a NUL byte: not a plan (E003), and an endless stream of them
		   (a pipe from /dev/zero) need not be read to its limit */
		if (n == 0 || memchr(text + len - n, '\0', n))
			break;
	}
	if (ferror(f)) {
		*why = strerror(errno);
		return NULL;
	}
	text[len] = '\0';
	Source *src = NEW(Source);
	src->fs_path = mem_strdup(path);
	src->path = utf8_safe_text(src->fs_path, strlen(src->fs_path));
	src->text = text;
	src->len = len;
	src->id = next_source_id++;
	return src;
}

/*
 * A plan is a regular file (or standard input): a FIFO, a device or a
 * socket is refused before it is opened for reading, since opening one
 * can block for ever or read what is not a plan.  The file is opened
 * without blocking and checked again, in case it was swapped in between.
 */
static const char *not_regular(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return _("is a directory, not a plan file");
	if (!S_ISREG(st->st_mode))
		return _("not a regular file (a plan is a file, or - for standard input)");
	if ((size_t)st->st_size > SOURCE_MAX_BYTES)
		return _(too_large);
	return NULL;
}

Source *source_load(const char *path, const char **why)
{
	if (strcmp(path, "-") == 0)
		return read_stream(stdin, "<stdin>", 65536, why);
	struct stat st;
	if (stat(path, &st) != 0) {
		*why = strerror(errno);
		return NULL;
	}
	if ((*why = not_regular(&st)))
		return NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || (*why = not_regular(&st))) {
		if (!*why)
			*why = strerror(errno);
		close(fd);
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (f == NULL) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	Source *src = read_stream(f, path, (size_t)st.st_size, why);
	fclose(f);
	return src;
}

static void build_line_map(Source *src)
{
	size_t count = 1;
	for (const char *p = src->text; (p = memchr(p, '\n', (size_t)(src->text + src->len - p))); p++)
		count++;
	uint32_t *starts = mem_alloc_atomic(mem_array_size(count, sizeof *starts));
	size_t i = 0;
	starts[i++] = 0;
	for (const char *p = src->text; (p = memchr(p, '\n', (size_t)(src->text + src->len - p))); p++)
		starts[i++] = (uint32_t)(p + 1 - src->text);
	src->line_starts = starts;
	src->line_count = count;
}

void source_position(const Source *src, uint32_t offset, int *line, int *column)
{
	Source *mut = (Source *)src; /* the line map is a cache */
	if (mut->line_starts == NULL)
		build_line_map(mut);
	if (offset > src->len)
		offset = (uint32_t)src->len;
	/* the end of a file that ends in a newline is the end of its last line */
	if (offset == src->len && offset > 0 && src->text[offset - 1] == '\n')
		offset--;
	size_t lo = 0, hi = src->line_count; /* last start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	/* Counting characters from the line's start would make many positions
	   on one long line cost its length each: count on from the last one
	   asked, when it is on this line and before (diagnostics are written in
	   order of position). */
	uint32_t from = src->line_starts[lo];
	int col = 1;
	if (mut->column_line == lo + 1 && mut->column_at <= offset && mut->column_at >= from) {
		from = mut->column_at;
		col = (int)mut->column_of;
	}
	for (uint32_t i = from; i < offset; i++)
		if (((unsigned char)src->text[i] & 0xC0) != 0x80)
			col++;
	mut->column_line = lo + 1;
	mut->column_at = offset;
	mut->column_of = (uint32_t)col;
	*line = (int)lo + 1;
	*column = col;
}

/* The 0-based line of an offset (last line start <= offset). */
static size_t line_of(const Source *src, uint32_t offset)
{
	size_t lo = 0, hi = src->line_count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void source_utf16_position(const Source *src, uint32_t offset, uint32_t *line, uint32_t *column)
{
	Source *mut = (Source *)src; /* the line map is a cache */
	if (mut->line_starts == NULL)
		build_line_map(mut);
	if (offset > src->len)
		offset = (uint32_t)src->len;
	size_t l = line_of(src, offset);
	uint32_t start = src->line_starts[l];
	*line = (uint32_t)l;
	*column = (uint32_t)utf8_utf16_units(src->text + start, offset - start);
}

uint32_t source_utf16_offset(const Source *src, uint32_t line, uint32_t column)
{
	Source *mut = (Source *)src;
	if (mut->line_starts == NULL)
		build_line_map(mut);
	if (line >= src->line_count)
		return (uint32_t)src->len;
	uint32_t start = src->line_starts[line];
	size_t end = line + 1 < src->line_count ? src->line_starts[line + 1] - 1 : src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	return start + (uint32_t)utf8_offset_of_units(src->text + start, end - start, column);
}

const char *source_line(const Source *src, int line, size_t *len)
{
	Source *mut = (Source *)src;
	if (mut->line_starts == NULL)
		build_line_map(mut);
	if (line < 1 || (size_t)line > src->line_count) {
		*len = 0;
		return "";
	}
	uint32_t start = src->line_starts[line - 1];
	size_t end = (size_t)line < src->line_count ? src->line_starts[line] - 1 : src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return src->text + start;
}

SrcLoc source_span(SrcLoc a, SrcLoc b)
{
	if (a.src == NULL)
		return b;
	if (b.src == NULL || b.src != a.src)
		return a;
	SrcLoc r = a;
	if (b.start < r.start)
		r.start = b.start;
	if (b.end > r.end)
		r.end = b.end;
	return r;
}
