/*
 * report_sarif.c — the diagnostics of `check` as a SARIF 2.1.0 log, for
 * GitHub code scanning and other SARIF viewers (docs/ci.md).
 *
 * One run: the tool with one rule per diagnostic code (its title, and what
 * it means and how to fix it from docs/diagnostics.md, through
 * diag_help.h), then one result per diagnostic, in source order: rule,
 * level, message, the region (lines and columns from 1, columns in Unicode
 * code points, end exclusive), the notes with a place as related locations,
 * and for a warning silenced by a `# carenet: ignore` comment, that
 * comment as an in-source suppression.  No dates, no absolute paths that
 * were not given: the same plan gives the same bytes.
 */
#include "report.h"

#include <string.h>

#include "diag_help.h"
#include "json.h"
#include "i18n.h"
#include "mem.h"

#ifndef CARENET_VERSION
#define CARENET_VERSION "0"
#endif
/* Where the documentation is published, ending in '/' (Makefile: DOCS_URL). */
#ifndef CARENET_DOCS_URL
#define CARENET_DOCS_URL "https://ADDRESS-OF-THE-CARENET-REPOSITORY/carenet/blob/main/docs/"
#endif

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

static const DiagHelp *help_of(DiagCode code)
{
	const char *name = diag_code_name(code);
	for (size_t i = 0; i < diag_help_count; i++)
		if (strcmp(diag_help_table[i].code, name) == 0)
			return &diag_help_table[i];
	return NULL;
}

/* "target beyond what is possible" -> "TargetBeyondWhatIsPossible" */
static const char *rule_name(const char *title)
{
	StrBuf b = { 0 };
	buf_init(&b);
	bool word_start = true;
	for (const char *p = title; *p; p++) {
		char c = *p;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum) {
			word_start = c == ' ' || c == '-';
			continue;
		}
		buf_putc(&b, word_start && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
		word_start = false;
	}
	return b.data;
}

/* "target beyond what is possible" -> "Target beyond what is possible." */
static const char *sentence(const char *title)
{
	char first = title[0] >= 'a' && title[0] <= 'z' ? (char)(title[0] - 'a' + 'A') : title[0];
	return mem_printf("%c%s.", first, title + 1);
}

/* The docs' relative links, made absolute: "#e301-..." points into
   diagnostics.md, "language.md#..." next to it. */
static const char *absolute_links(const char *md)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (const char *p = md; *p; p++) {
		buf_putc(&b, *p);
		if (p[0] != ']' || p[1] != '(')
			continue;
		buf_putc(&b, '(');
		p++;
		const char *close = strchr(p + 1, ')');
		size_t len = close ? (size_t)(close - p - 1) : strlen(p + 1);
		const char *target = mem_strndup(p + 1, len);
		if (strstr(target, "://") == NULL)
			buf_printf(&b, "%s%s", CARENET_DOCS_URL, target[0] == '#' ? "diagnostics.md" : "");
		buf_puts(&b, target);
		p += len;
	}
	return b.data;
}

/* Markdown to plain text: no emphasis, no code marks or fences, a link as
   its words and its address in brackets. */
static const char *plain_text(const char *md)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (const char *p = md; *p; p++) {
		if (strncmp(p, "```", 3) == 0 && (p == md || p[-1] == '\n')) {
			const char *eol = strchr(p, '\n');
			if (!eol)
				break;
			p = eol; /* drop the fence line with its newline */
			continue;
		}
		if (p[0] == '*' && p[1] == '*') {
			p++;
			continue;
		}
		if (p[0] == '`')
			continue;
		if (p[0] == ']' && p[1] == '(') {
			buf_puts(&b, " (");
			p++;
			continue;
		}
		const char *end = p[0] == '[' ? strchr(p, ']') : NULL;
		if (end && end[1] == '(')
			continue;
		buf_putc(&b, *p);
	}
	return b.data;
}

static void message(JsonWriter *j, const char *key, const char *md)
{
	json_key(j, key);
	json_object_begin(j);
	md = absolute_links(md);
	json_kv_string(j, "text", plain_text(md));
	json_kv_string(j, "markdown", md);
	json_object_end(j);
}

static const char *level_of(Severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static void rule(JsonWriter *j, DiagCode code)
{
	const DiagHelp *help = help_of(code);
	json_object_begin(j);
	json_kv_string(j, "id", diag_code_name(code));
	json_kv_string(j, "name", rule_name(diag_code_title(code)));
	json_key(j, "shortDescription");
	json_object_begin(j);
	json_kv_string(j, "text", sentence(_(diag_code_title(code)))); /* the name above stays English: an identifier */
	json_object_end(j);
	if (help) {
		const char *uri = mem_printf("%sdiagnostics.md#%s", CARENET_DOCS_URL, help->anchor);
		message(j, "fullDescription", help->what);
		message(j, "help", mem_printf("**What it means.** %s\n\n**Fix.** %s\n\nMore: [%s %s](%s)", help->what,
					      help->fix, help->code, diag_code_title(code), uri));
		json_kv_string(j, "helpUri", uri);
	}
	json_key(j, "defaultConfiguration");
	json_object_begin(j);
	json_kv_string(j, "level", level_of(diag_code_severity(code)));
	json_object_end(j);
	json_object_end(j);
}

/* A path as a URI reference: unreserved bytes kept, the rest %-encoded. */
static void uri_path(StrBuf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* Paths as given are relative to where carenet ran (%SRCROOT%, the
   repository in CI); the standard library's to its own directory. */
static void artifact(JsonWriter *j, const Source *src)
{
	StrBuf uri = { 0 };
	buf_init(&uri);
	const char *base = "%SRCROOT%";
	const char *path = src->path;
	if (src->is_stdlib) {
		const char *slash = strrchr(path, '/');
		path = slash ? slash + 1 : path;
		base = "CARENET_STDLIB";
	} else if (path[0] == '/') {
		buf_puts(&uri, "file://");
		base = NULL;
	}
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	uri_path(&uri, path);
	json_key(j, "artifactLocation");
	json_object_begin(j);
	json_kv_string(j, "uri", uri.data);
	if (base)
		json_kv_string(j, "uriBaseId", base);
	json_object_end(j);
}

static void physical_location(JsonWriter *j, SrcLoc loc)
{
	int line, col, end_line, end_col;
	diag_loc_range(loc, &line, &col, &end_line, &end_col);
	json_key(j, "physicalLocation");
	json_object_begin(j);
	artifact(j, loc.src);
	json_key(j, "region");
	json_object_begin(j);
	json_kv_int(j, "startLine", line);
	json_kv_int(j, "startColumn", col);
	json_kv_int(j, "endLine", end_line);
	json_kv_int(j, "endColumn", end_col);
	json_object_end(j);
	json_object_end(j);
}

static void text_message(JsonWriter *j, const char *text)
{
	json_key(j, "message");
	json_object_begin(j);
	json_kv_string(j, "text", text);
	json_object_end(j);
}

static void related_locations(JsonWriter *j, const Diagnostic *d)
{
	int id = 0;
	for (size_t k = 0; k < d->notes.len; k++) {
		const DiagNote *n = VEC_AT(d->notes, DiagNote, k);
		if (n->loc.src == NULL)
			continue;
		if (id == 0) {
			json_key(j, "relatedLocations");
			json_array_begin(j);
		}
		json_object_begin(j);
		json_kv_int(j, "id", ++id);
		physical_location(j, n->loc);
		text_message(j, n->message);
		json_object_end(j);
	}
	if (id)
		json_array_end(j);
}

static void suppressions(JsonWriter *j, const DiagSuppression *s)
{
	json_key(j, "suppressions");
	json_array_begin(j);
	json_object_begin(j);
	json_kv_string(j, "kind", "inSource");
	json_kv_string(j, "justification",
		       s->until ? mem_printf(_("%s (accepted until %s)"), s->reason, s->until) : s->reason);
	json_key(j, "location");
	json_object_begin(j);
	physical_location(j, s->comment);
	json_object_end(j);
	json_object_end(j);
	json_array_end(j);
}

static void result(JsonWriter *j, const Diagnostic *d)
{
	json_object_begin(j);
	json_kv_string(j, "ruleId", diag_code_name(d->code));
	json_kv_int(j, "ruleIndex", (long long)d->code);
	json_kv_string(j, "level", level_of(d->severity));
	/* notes without a place (hints, what would fit) belong to the message */
	StrBuf text = { 0 };
	buf_init(&text);
	buf_puts(&text, d->message);
	for (size_t k = 0; k < d->notes.len; k++) {
		const DiagNote *n = VEC_AT(d->notes, DiagNote, k);
		if (n->loc.src == NULL)
			buf_printf(&text, "\n%s", n->message);
	}
	text_message(j, text.data);
	if (d->loc.src) {
		json_key(j, "locations");
		json_array_begin(j);
		json_object_begin(j);
		physical_location(j, d->loc);
		json_object_end(j);
		json_array_end(j);
	}
	related_locations(j, d);
	if (d->suppressed_by)
		suppressions(j, d->suppressed_by);
	json_object_end(j);
}

/* Past the cap of kept diagnostics, say how many are not listed. */
static void invocation(JsonWriter *j, const DiagSink *sink)
{
	size_t left_out = sink->dropped + (sink->suppressed_count - sink->suppressed.len);
	if (left_out == 0)
		return;
	json_key(j, "invocations");
	json_array_begin(j);
	json_object_begin(j);
	json_key(j, "executionSuccessful");
	json_bool(j, true);
	json_key(j, "toolExecutionNotifications");
	json_array_begin(j);
	json_object_begin(j);
	json_kv_string(j, "level", "note");
	text_message(j, mem_printf(i18n_plural("%zu more diagnostic not listed (carenet keeps the first %zu by position)",
					       "%zu more diagnostics not listed (carenet keeps the first %zu by position)",
					       left_out),
				   left_out, sink->max_kept));
	json_object_end(j);
	json_array_end(j);
	json_object_end(j);
	json_array_end(j);
}

void report_sarif_check(const World *w, StrBuf *out)
{
	JsonWriter j;
	json_init(&j, out);
	json_object_begin(&j);
	json_kv_string(&j, "$schema", SARIF_SCHEMA);
	json_kv_string(&j, "version", "2.1.0");
	json_key(&j, "runs");
	json_array_begin(&j);
	json_object_begin(&j);
	json_key(&j, "tool");
	json_object_begin(&j);
	json_key(&j, "driver");
	json_object_begin(&j);
	json_kv_string(&j, "name", "carenet");
	json_kv_string(&j, "version", CARENET_VERSION);
	json_kv_string(&j, "semanticVersion", CARENET_VERSION);
	json_kv_string(&j, "informationUri", CARENET_DOCS_URL);
	json_key(&j, "rules");
	json_array_begin(&j);
	for (int c = 0; c < DIAG_CODE_COUNT; c++)
		rule(&j, (DiagCode)c);
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_kv_string(&j, "columnKind", "unicodeCodePoints");
	json_key(&j, "results");
	json_array_begin(&j);
	Vec all = diag_all_sorted(w->diags);
	for (size_t i = 0; i < all.len; i++)
		result(&j, all.items[i]);
	json_array_end(&j);
	invocation(&j, w->diags);
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}
