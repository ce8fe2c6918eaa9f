/*
 * baseline.c — reading a saved check report for `check --baseline FILE`
 * (see baseline.h).
 *
 * The report is JSON written by `carenet check --format json`, read with
 * jansson on its own malloc allocator: what is kept is copied into
 * collected memory before the document is released, so no jansson value
 * outlives this file and none points into the collector's heap.
 */
#include "baseline.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"
#include "source.h"

/* A report is never larger than the plans it is about. */
#define BASELINE_MAX_BYTES SOURCE_MAX_BYTES

static const char *text_of(json_t *object, const char *key)
{
	json_t *v = json_object_get(object, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Count one diagnostic of the report under its key. */
static void count_entry(DiagSink *sink, const char *file, const char *code, const char *message)
{
	const char *key = diag_baseline_key(file, code, message);
	size_t *count = table_get(sink->baseline, key);
	if (!count) {
		count = mem_alloc_atomic(sizeof *count);
		*count = 0;
		table_put(sink->baseline, mem_strdup(key), count);
	}
	(*count)++;
	sink->baseline_total++;
}

static bool read_report(DiagSink *sink, json_t *root, const char **why)
{
	const char *version = json_is_object(root) ? text_of(root, "format_version") : NULL;
	json_t *diags = json_is_object(root) ? json_object_get(root, "diagnostics") : NULL;
	if (!version || strncmp(version, "1.", 2) != 0 || !json_is_array(diags)) {
		*why = _("it is not a report of 'carenet check --format json' (format_version 1.x, with diagnostics)");
		return false;
	}
	/* a finding is known by its message, which is in the report's language
	   (English before format 1.2) */
	const char *language = text_of(root, "language");
	if (!language)
		language = "en";
	if (strcmp(language, i18n_code()) != 0) {
		*why = mem_printf(_("its messages are in '%s', this run's in '%s': check with --lang %s, or save a new baseline"),
				  language, i18n_code(), language);
		return false;
	}
	size_t i;
	json_t *d;
	json_array_foreach(diags, i, d) {
		const char *code = json_is_object(d) ? text_of(d, "code") : NULL;
		const char *message = code ? text_of(d, "message") : NULL;
		json_t *file = message ? json_object_get(d, "file") : NULL;
		if (!message || !(json_is_string(file) || json_is_null(file))) {
			*why = mem_printf(_("diagnostic %zu of it has no code, message or file"), i + 1);
			return false;
		}
		count_entry(sink, json_is_string(file) ? json_string_value(file) : "", code, message);
	}
	return true;
}

bool baseline_load(DiagSink *sink, const char *path, const char **why)
{
	/* opened without blocking, and read only when it is a regular file: a FIFO or
	   a device could block, or never end */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		*why = strerror(errno);
		return false;
	}
	*why = fstat(fd, &st) != 0	       ? strerror(errno)
	       : !S_ISREG(st.st_mode)		       ? _("not a regular file")
	       : (size_t)st.st_size > BASELINE_MAX_BYTES ? _("larger than 256 MiB")
							 : NULL;
	if (*why) {
		close(fd);
		return false;
	}
	json_error_t error;
	json_t *root = json_loadfd(fd, JSON_REJECT_DUPLICATES, &error);
	close(fd);
	if (!root) {
		*why = mem_printf(_("line %d: %s"), error.line, error.text);
		return false;
	}
	sink->baseline = NEW(Table);
	bool ok = read_report(sink, root, why);
	json_decref(root);
	if (!ok)
		sink->baseline = NULL;
	return ok;
}
