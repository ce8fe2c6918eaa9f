/*
 * wall.c — runs a command once and prints its wall time and its processor
 * time (user + system) in seconds and its peak resident memory in KiB
 * (wait4's rusage of the child), for `make bench`: its output and errors
 * go to /dev/null, and nothing of a shell or of a `date` process is
 * counted, so a 2 ms run is measured as 2 ms.  On a machine shared with
 * other builds the processor time is the steadier of the two.
 *
 * Usage: bench-wall COMMAND [ARG...]   prints "WALL_S PEAK_KIB STATUS CPU_S"
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-wall COMMAND [ARG...]\n");
		return 2;
	}
	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench-wall: fork");
		return 2;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	int status;
	struct rusage usage;
	if (wait4(pid, &status, 0, &usage) < 0) {
		perror("bench-wall: wait4");
		return 2;
	}
	double seconds = now() - start;
	double cpu = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 +
		     (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
	printf("%.6f %ld %d %.6f\n", seconds, usage.ru_maxrss,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), cpu);
	return 0;
}
