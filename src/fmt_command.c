/*
 * fmt_command.c — the `fmt` command: print, check (with a unified diff) or
 * rewrite files in the canonical layout.  A file that does not parse is
 * never rewritten; a rewrite goes to a temporary file that is renamed over
 * the original, so a plan is replaced whole or not at all.  What fmt does
 * not own stays as it was: a symbolic link stays a link (its target is
 * rewritten), the file keeps its owner, group and permissions (not the
 * set-user-ID and set-group-ID bits), a file with several hard links is
 * left alone, and an edit made while fmt ran is not overwritten.
 */
#include "fmt_command.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "carenet.h"
#include "i18n.h"
#include "mem.h"

/* Write all of `b` to fd; false (errno set) on failure. */
static bool write_all_fd(int fd, const StrBuf *b)
{
	size_t done = 0;
	while (done < b->len) {
		ssize_t n = write(fd, b->data + done, b->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		done += (size_t)n;
	}
	return true;
}

/* A new temporary file in `dir` holding `b`; its path, or NULL (errno set).
   The name is short, so a file with a long name can still be rewritten. */
static char *write_temp(const char *dir, const StrBuf *b, int *fd_out)
{
	char *path = mem_printf("%s/.carenet-fmt-XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	if (!write_all_fd(fd, b) || fsync(fd) != 0) {
		int saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return NULL;
	}
	*fd_out = fd;
	return path;
}

static const char *temp_dir(void)
{
	const char *tmpdir = getenv("TMPDIR");
	return tmpdir && *tmpdir ? tmpdir : "/tmp";
}

/* Print text that quotes plan files (a diff): each line made printable. */
static void print_printable(const char *text, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		char *line = mem_strndup(text + start, i - start);
		fputs(carenet_printable(line), stdout);
		if (i < len)
			putchar('\n');
		start = i + 1;
	}
}

/* diff -u ORIGINAL FORMATTED, labelled with the file's name; its output is
   read back and printed printable, since it quotes the plan. */
static void show_diff(const char *path, const StrBuf *original, const StrBuf *formatted)
{
	int fd_a = -1, fd_b = -1, out[2];
	char *a = write_temp(temp_dir(), original, &fd_a);
	char *b = write_temp(temp_dir(), formatted, &fd_b);
	if (a && b && pipe(out) == 0) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			dup2(out[1], STDOUT_FILENO);
			close(out[0]);
			close(out[1]);
			execlp("diff", "diff", "-u", "--label", path, "--label", mem_printf(_("%s (formatted)"), path),
			       "--", a, b, (char *)NULL);
			_exit(127);
		}
		close(out[1]);
		StrBuf text = { 0 };
		buf_init(&text);
		char chunk[65536];
		for (ssize_t n; (n = read(out[0], chunk, sizeof chunk)) != 0;) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break;
			buf_put(&text, chunk, (size_t)n);
		}
		close(out[0]);
		int status = 0;
		if (pid > 0)
			waitpid(pid, &status, 0);
		print_printable(text.data, text.len);
		if (pid < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
			fprintf(stderr, _("carenet: cannot run diff to show how %s would change\n"), path);
	}
	if (a) {
		close(fd_a);
		unlink(a);
	}
	if (b) {
		close(fd_b);
		unlink(b);
	}
}

/* The bytes of a regular file, or NULL. */
static bool read_back(const char *path, StrBuf *text)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return false;
	buf_init(text);
	char chunk[65536];
	for (ssize_t n; (n = read(fd, chunk, sizeof chunk)) != 0;) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return false;
		}
		buf_put(text, chunk, (size_t)n);
	}
	close(fd);
	return true;
}

static const char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash == path ? "/" : slash ? mem_strndup(path, (size_t)(slash - path)) : ".";
}

const char *fmt_command_replace(const char *path, const StrBuf *original, const StrBuf *formatted)
{
	char target[PATH_MAX];
	struct stat st;
	if (!realpath(path, target) || stat(target, &st) != 0)
		return strerror(errno);
	if (!S_ISREG(st.st_mode))
		return _("it is not a regular file");
	if (st.st_nlink > 1)
		return mem_printf(_("it has %ju hard links, which a rewrite would separate "
				    "(write the layout with: carenet fmt FILE > NEW)"), (uintmax_t)st.st_nlink);
	int fd;
	char *tmp = write_temp(dir_of(target), formatted, &fd);
	if (!tmp)
		return mem_printf(_("cannot create a file next to it: %s"), strerror(errno));
	const char *why = NULL;
	struct stat mine;
	if (fstat(fd, &mine) != 0)
		why = strerror(errno);
	else if ((mine.st_uid != st.st_uid || mine.st_gid != st.st_gid) && fchown(fd, st.st_uid, st.st_gid) != 0)
		why = mem_printf(_("cannot keep its owner and group: %s"), strerror(errno));
	else if (fchmod(fd, st.st_mode & 0777) != 0) /* permissions; not set-user-ID or set-group-ID */
		why = mem_printf(_("cannot keep its permissions: %s"), strerror(errno));
	if (close(fd) != 0 && !why)
		why = strerror(errno);
	StrBuf now;
	if (!why && (!read_back(target, &now) || now.len != original->len ||
		     memcmp(now.data, original->data, now.len) != 0))
		why = _("it changed while carenet was formatting it; run fmt again");
	if (!why && rename(tmp, target) != 0)
		why = strerror(errno);
	if (why)
		unlink(tmp);
	return why;
}

int fmt_command_run(const char **files, int count, bool check, bool write_back, bool color, const char *lang)
{
	int status = 0;
	for (int i = 0; i < count; i++) {
		StrBuf original = { 0 }, out = { 0 }, errors = { 0 };
		buf_init(&out);
		buf_init(&errors);
		FormatResult result = carenet_format_file(files[i], color, lang, &original, &out, &errors);
		fputs(errors.data, stderr);
		bool from_stdin = strcmp(files[i], "-") == 0;
		const char *path = from_stdin ? "<stdin>" : carenet_printable(files[i]);
		if (result == FORMAT_UNREADABLE) {
			status = 2;
			continue;
		}
		if (result == FORMAT_UNPARSABLE) {
			fprintf(stderr, _("carenet: %s does not parse; not formatted\n"), path);
			status = status == 2 ? 2 : 1;
			continue;
		}
		bool same = out.len == original.len && memcmp(out.data, original.data, out.len) == 0;
		if (check) {
			if (!same) {
				show_diff(path, &original, &out);
				status = status == 2 ? 2 : 1;
			}
		} else if (write_back && !from_stdin) {
			const char *why = same ? NULL : fmt_command_replace(files[i], &original, &out);
			if (why) {
				fprintf(stderr, _("carenet: cannot rewrite %s: %s\n"), path, why);
				status = 2;
			}
		} else if (!write_back || !same) {
			fputs(out.data, stdout);
		}
	}
	/* a full disk must not pass for a formatted plan: every write is checked */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("carenet: cannot write the output\n"));
		return 2;
	}
	return status;
}
