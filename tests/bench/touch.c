/*
 * touch.c — what fresh memory costs on this machine: maps 256 MB and writes
 * one byte per 4 KiB page, so the time is the kernel handing out zeroed
 * pages.  `make bench` prints it next to carenet's peak memory, because on
 * a virtual machine this cost, not the parsing, sets carenet's floor.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	const size_t size = (size_t)256 << 20, page = 4096;
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("touch: mmap");
		return 2;
	}
	double start = now();
	for (size_t i = 0; i < size; i += page)
		p[i] = 1;
	double seconds = now() - start;
	printf("%.2f\n", seconds * 1000.0 / 256.0 * 100.0); /* ms per 100 MB */
	return 0;
}
