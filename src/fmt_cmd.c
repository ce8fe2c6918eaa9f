/*
 * fmt_cmd.c — the `fmt` command: print, check (with a unified diff) or
 * rewrite files in the canonical layout.  A file that does not parse is
 * never rewritten; a rewrite goes to a temporary file that is renamed over
 * the original, so a plan is replaced whole or not at all.
 */
#include "fmt_cmd.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "fmt.h"
#include "mem.h"
#include "parse.h"

/* Write `b` to a new temporary file beside `near`; returns its path or NULL. */
static char *write_temp(const char *near, const StrBuf *b)
{
	char *path = mem_printf("%s.fmt-XXXXXX", strcmp(near, "-") == 0 ? "/tmp/carenet" : near);
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	size_t done = 0;
	while (done < b->len) {
		ssize_t n = write(fd, b->data + done, b->len - done);
		if (n <= 0) {
			close(fd);
			unlink(path);
			return NULL;
		}
		done += (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		unlink(path);
		return NULL;
	}
	return path;
}

/* diff -u ORIGINAL FORMATTED, labelled with the file's name. */
static void show_diff(const Source *src, const StrBuf *formatted)
{
	StrBuf original = { (char *)src->text, src->len, src->len + 1 };
	char *a = write_temp(src->path, &original);
	char *b = write_temp(src->path, formatted);
	if (a && b) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			execlp("diff", "diff", "-u", "--label", src->path, "--label",
			       mem_printf("%s (formatted)", src->path), a, b, (char *)NULL);
			_exit(127);
		}
		int status;
		if (pid > 0)
			waitpid(pid, &status, 0);
	}
	if (a)
		unlink(a);
	if (b)
		unlink(b);
}

static bool replace_file(const char *path, const StrBuf *formatted)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	char *tmp = write_temp(path, formatted);
	if (!tmp)
		return false;
	if (chmod(tmp, st.st_mode & 07777) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return false;
	}
	return true;
}

int fmt_run(const char **files, int count, bool check, bool write_back)
{
	int status = 0;
	for (int i = 0; i < count; i++) {
		const char *why;
		Source *src = source_load(files[i], &why);
		if (!src) {
			fprintf(stderr, "carenet: cannot read %s: %s\n", files[i], why);
			status = 2;
			continue;
		}
		DiagSink sink;
		diag_sink_init(&sink);
		parse_source(src, &sink, NULL, NULL);
		if (sink.errors) {
			StrBuf err = { 0 };
			buf_init(&err);
			diag_sort(&sink);
			diag_render_text(&sink, &err, (RenderOptions){ 0 });
			fputs(err.data, stderr);
			fprintf(stderr, "carenet: %s does not parse; not formatted\n", src->path);
			status = status == 2 ? 2 : 1;
			continue;
		}
		StrBuf out = { 0 };
		buf_init(&out);
		fmt_source(src, &out);
		bool same = out.len == src->len && memcmp(out.data, src->text, out.len) == 0;
		if (check) {
			if (!same) {
				show_diff(src, &out);
				status = status == 2 ? 2 : 1;
			}
		} else if (write_back) {
			if (!same && strcmp(files[i], "-") != 0 && !replace_file(files[i], &out)) {
				fprintf(stderr, "carenet: cannot rewrite %s\n", files[i]);
				status = 2;
			}
			if (!same && strcmp(files[i], "-") == 0)
				fputs(out.data, stdout);
		} else {
			fputs(out.data, stdout);
		}
	}
	if (fflush(stdout) != 0)
		return 2;
	return status;
}
