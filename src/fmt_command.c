/*
 * fmt_command.c — the `fmt` command: print, check (with a unified diff) or
 * rewrite files in the canonical layout.  A file that does not parse is
 * never rewritten; a rewrite goes to a temporary file that is renamed over
 * the original, so a plan is replaced whole or not at all.
 */
#include "fmt_command.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "carenet.h"
#include "mem.h"

/* Write `b` to a new temporary file named after `stem` ("dir/plan.care"
   gives "dir/plan.care.fmt-XXXXXX"); returns its path or NULL. */
static char *write_temp(const char *stem, const StrBuf *b)
{
	char *path = mem_printf("%s.fmt-XXXXXX", stem);
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
static void show_diff(const char *path, const StrBuf *original, const StrBuf *formatted)
{
	const char *tmpdir = getenv("TMPDIR");
	const char *stem = mem_printf("%s/carenet", tmpdir && *tmpdir ? tmpdir : "/tmp");
	char *a = write_temp(stem, original);
	char *b = write_temp(stem, formatted);
	if (a && b) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			execlp("diff", "diff", "-u", "--label", path, "--label",
			       mem_printf("%s (formatted)", path), a, b, (char *)NULL);
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

int fmt_command_run(const char **files, int count, bool check, bool write_back, bool color)
{
	int status = 0;
	for (int i = 0; i < count; i++) {
		StrBuf original = { 0 }, out = { 0 }, errors = { 0 };
		buf_init(&out);
		buf_init(&errors);
		FormatResult result = carenet_format_file(files[i], color, &original, &out, &errors);
		fputs(errors.data, stderr);
		if (result == FORMAT_UNREADABLE) {
			status = 2;
			continue;
		}
		if (result == FORMAT_UNPARSABLE) {
			fprintf(stderr, "carenet: %s does not parse; not formatted\n",
				strcmp(files[i], "-") == 0 ? "<stdin>" : files[i]);
			status = status == 2 ? 2 : 1;
			continue;
		}
		bool same = out.len == original.len && memcmp(out.data, original.data, out.len) == 0;
		const char *path = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		if (check) {
			if (!same) {
				show_diff(path, &original, &out);
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
