/*
 * gitlog.c — the versions of a plan file in git (see gitlog.h).
 *
 * git is run as a program with its arguments, never through a shell, and
 * from the file's own directory, so a path with spaces or quotes is safe.
 */
#include "gitlog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "i18n.h"
#include "mem.h"

/* Run git with `args` (NULL-terminated, after "git -C DIR") and collect its
   standard output; false when it cannot run or fails. */
static bool run_git(const char *dir, const char *const *args, StrBuf *out)
{
	int pipefd[2];
	if (pipe(pipefd) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return false;
	}
	if (pid == 0) {
		const char *argv[16] = { "git", "-C", dir };
		size_t n = 3;
		for (size_t i = 0; args[i] && n < 15; i++)
			argv[n++] = args[i];
		argv[n] = NULL;
		dup2(pipefd[1], STDOUT_FILENO);
		close(pipefd[0]);
		close(pipefd[1]);
		freopen("/dev/null", "w", stderr);
		execvp("git", (char *const *)argv);
		_exit(127);
	}
	close(pipefd[1]);
	char chunk[65536];
	ssize_t got;
	while ((got = read(pipefd[0], chunk, sizeof chunk)) > 0 || (got < 0 && errno == EINTR))
		if (got > 0)
			buf_put(out, chunk, (size_t)got);
	close(pipefd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static const char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? mem_strndup(path, (size_t)(slash - path) + (slash == path)) : ".";
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* One line of `git log --format=%H %cs`: a hash and a date. */
static bool parse_commit(char *line, GitVersion *v)
{
	char *space = strchr(line, ' ');
	Date d;
	const char *why;
	if (!space || !date_parse(space + 1, &d, &why))
		return false;
	*space = '\0';
	v->commit = mem_strdup(line);
	v->day = date_first_day(d);
	return true;
}

bool gitlog_versions(const char *path, Vec *out, const char **why)
{
	const char *dir = dir_of(path), *base = base_of(path);
	StrBuf log = { 0 };
	buf_init(&log);
	const char *log_args[] = { "log", "--reverse", "--format=%H %cs", "--", base, NULL };
	if (!run_git(dir, log_args, &log)) {
		*why = _("git cannot show its history (is it in a git repository, and is git installed?)");
		return false;
	}
	for (char *line = strtok(log.data, "\n"); line; line = strtok(NULL, "\n")) {
		GitVersion *v = NEW(GitVersion);
		if (!parse_commit(line, v))
			continue;
		StrBuf text = { 0 };
		buf_init(&text);
		const char *spec = mem_printf("%s:./%s", v->commit, base);
		const char *show_args[] = { "show", spec, NULL };
		if (!run_git(dir, show_args, &text))
			continue; /* not in that commit (a deletion) */
		v->text = text.data;
		v->len = text.len;
		vec_push(out, v);
	}
	if (out->len == 0) {
		*why = _("it has no committed versions");
		return false;
	}
	return true;
}
