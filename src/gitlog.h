/*
 * gitlog.h — the versions of a plan file in its git history, read with the
 * `git` program (no library needed): `git log` for the commits that changed
 * it, `git show` for its text at each.
 */
#ifndef CARENET_GITLOG_H
#define CARENET_GITLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "vec.h"

typedef struct {
	const char *commit;      /* the full hash */
	long day;                /* the commit date, as a day number */
	const char *text;        /* the file as it was in that commit */
	size_t len;
} GitVersion;

/* The committed versions of `path`, oldest first (of GitVersion).  False
   with *why when git is missing, the file is not in a repository, or it
   has no commits. */
bool gitlog_versions(const char *path, Vec *out, const char **why);

#endif
