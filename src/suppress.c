/*
 * suppress.c — reading suppression comments and giving each to the
 * declaration it stands on or above (see suppress.h).
 *
 *     # carenet: ignore W802 "the group is counted again in 2026"
 *     action visits "Huisbezoeken" {        <- silenced here, up to its '}'
 *
 * The scanner only calls in for comments that start with `carenet:`, so a
 * plan without them pays nothing; one with them pays a scan of each such
 * comment's line and of each following declaration's first line.
 */
#include "suppress.h"

#include <stdbool.h>
#include <string.h>

#include "mem.h"
#include "names.h"

/* A suppression comment read, waiting for the declaration it stands on. */
typedef struct {
	DiagSuppression *s;
	uint32_t line_begin;     /* offset of the first byte of its line */
	bool own_line;           /* nothing but blanks before it on its line */
} Pending;

static uint32_t line_begin_of(const Source *src, uint32_t offset)
{
	while (offset > 0 && src->text[offset - 1] != '\n')
		offset--;
	return offset;
}

static bool blank_between(const Source *src, uint32_t from, uint32_t to)
{
	if (from == 0 && src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		from = to < 3 ? to : 3; /* the byte order mark of the first line */
	for (uint32_t i = from; i < to; i++)
		if (src->text[i] != ' ' && src->text[i] != '\t')
			return false;
	return true;
}

static size_t skip_blanks(const char *text, size_t len, size_t i)
{
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
		i++;
	return i;
}

static SrcLoc part(SrcLoc comment, size_t from, size_t to)
{
	return (SrcLoc){ comment.src, comment.start + (uint32_t)from, comment.start + (uint32_t)to };
}

/* The code names an unknown code: say so, with the closest known one. */
static void unknown_code(ParseCtx *pc, const char *code, SrcLoc at)
{
	const char *names[DIAG_CODE_COUNT];
	for (int i = 0; i < DIAG_CODE_COUNT; i++)
		names[i] = diag_code_name((DiagCode)i);
	const char *close = names_closest(code, names, DIAG_CODE_COUNT);
	if (close)
		diag_report(pc->diags, DIAG_W953, at, "unknown diagnostic code '%s' in a suppression; did you mean '%s'?",
			    code, close);
	else
		diag_report(pc->diags, DIAG_W953, at,
			    "unknown diagnostic code '%s' in a suppression (the codes are listed in diagnostics.md)", code);
}

static bool check_code(ParseCtx *pc, const char *code, SrcLoc at, DiagCode *out)
{
	int found = diag_code_lookup(code);
	if (found < 0) {
		unknown_code(pc, code, at);
		return false;
	}
	*out = (DiagCode)found;
	if (diag_code_suppressible(*out))
		return true;
	if (diag_code_severity(*out) == SEV_ERROR)
		diag_report(pc->diags, DIAG_W954, at,
			    "%s is an error, and errors cannot be suppressed: change the plan so that it no longer applies (a comment cannot accept a gap)",
			    code);
	else
		diag_report(pc->diags, DIAG_W954, at,
			    "%s is about suppression comments themselves and cannot be suppressed", code);
	return false;
}

/* The reason after the code: "..." and nothing after it.  NULL when
   malformed or missing (reported). */
static const char *read_reason(ParseCtx *pc, const char *text, size_t len, size_t i, SrcLoc loc,
			       const char *code)
{
	if (i == len) {
		diag_report(pc->diags, DIAG_W952, loc,
			    "suppression of %s without a reason; say why the warning does not apply: # carenet: ignore %s \"reason\"",
			    code, code);
		return NULL;
	}
	if (text[i] != '"') {
		diag_report(pc->diags, DIAG_W951, part(loc, i, len),
			    "the reason of a suppression is written in double quotes: # carenet: ignore %s \"reason\"", code);
		return NULL;
	}
	const char *close = memchr(text + i + 1, '"', len - i - 1);
	if (close == NULL) {
		diag_report(pc->diags, DIAG_W951, part(loc, i, i + 1), "the reason of this suppression is never closed with '\"'");
		return NULL;
	}
	size_t end = (size_t)(close - text) + 1;
	if (skip_blanks(text, len, end) != len) {
		diag_report(pc->diags, DIAG_W951, part(loc, end, len),
			    "unexpected text after the reason of a suppression; one comment suppresses one code");
		return NULL;
	}
	size_t from = skip_blanks(text, len, i + 1), to = (size_t)(close - text);
	while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t'))
		to--;
	if (to == from) {
		diag_report(pc->diags, DIAG_W952, part(loc, i, end),
			    "suppression of %s with an empty reason; say why the warning does not apply", code);
		return NULL;
	}
	return mem_strndup(text + from, to - from);
}

/* Read `# carenet: ignore CODE "reason"`; NULL when it is not one (reported). */
static DiagSuppression *read_comment(ParseCtx *pc, const char *text, size_t len, SrcLoc loc)
{
	size_t i = skip_blanks(text, len, 1);
	i = skip_blanks(text, len, i + strlen("carenet:"));
	size_t word = i;
	while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
		i++;
	if (i - word != strlen("ignore") || memcmp(text + word, "ignore", i - word) != 0) {
		diag_report(pc->diags, DIAG_W951, part(loc, word, i > word ? i : len),
			    "a 'carenet:' comment is a suppression: # carenet: ignore CODE \"reason\"");
		return NULL;
	}
	size_t code_start = skip_blanks(text, len, i);
	i = code_start;
	while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') ||
			   (text[i] >= '0' && text[i] <= '9')))
		i++;
	if (i == code_start) {
		diag_report(pc->diags, DIAG_W951, part(loc, word, code_start),
			    "this suppression names no code: # carenet: ignore CODE \"reason\"");
		return NULL;
	}
	const char *code = mem_strndup(text + code_start, i - code_start);
	DiagCode found;
	if (!check_code(pc, code, part(loc, code_start, i), &found))
		return NULL;
	const char *reason = read_reason(pc, text, len, skip_blanks(text, len, i), loc, code);
	if (reason == NULL)
		return NULL;
	DiagSuppression *s = NEW(DiagSuppression);
	s->code = found;
	s->reason = reason;
	s->comment = loc;
	return s;
}

void suppress_comment(ParseCtx *pc, const char *text, size_t len, SrcLoc loc)
{
	/* Only a run that checks a plan (the loader keeps its declarations)
	   honours suppressions; fmt keeps the comment as it keeps every other. */
	if (pc->keep == NULL)
		return;
	DiagSuppression *s = read_comment(pc, text, len, loc);
	if (s == NULL)
		return;
	Pending *p = NEW(Pending);
	p->s = s;
	p->line_begin = line_begin_of(pc->src, loc.start);
	p->own_line = blank_between(pc->src, p->line_begin, loc.start);
	/* after a declaration that fits on its line, the parser has finished it
	   before the comment that ends the line is read */
	SrcLoc last = pc->last_decl;
	if (!p->own_line && last.src && loc.start >= last.end &&
	    line_begin_of(pc->src, last.start) == p->line_begin) {
		s->scope = last;
		diag_suppression_add(pc->diags, s);
		return;
	}
	vec_push(&pc->suppressions, p);
}

static void orphan(ParseCtx *pc, const Pending *p)
{
	diag_report(pc->diags, DIAG_W955, p->s->comment,
		    "this suppression is not on or directly above a declaration, so it silences nothing; put it on the line before the declaration");
}

/*
 * The comments that apply: those on the declaration's first line after
 * its start, and the run of suppression comments, each on a line of its
 * own, that ends on the line just above it.  The others wait no longer.
 */
void suppress_attach(ParseCtx *pc, SrcLoc decl)
{
	size_t n = pc->suppressions.len;
	bool *applies = mem_alloc_atomic(n);
	memset(applies, 0, n);
	uint32_t first_line = line_begin_of(pc->src, decl.start);
	uint32_t expect = first_line; /* where the line after the next comment up must begin */
	for (size_t i = n; i-- > 0;) {
		const Pending *p = pc->suppressions.items[i];
		if (!p->own_line && p->line_begin == first_line && p->s->comment.start >= decl.start)
			applies[i] = true;
		else if (p->own_line && p->s->comment.end + 1 == expect) {
			applies[i] = true;
			expect = p->line_begin;
		} else if (p->s->comment.start < expect)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		const Pending *p = pc->suppressions.items[i];
		if (applies[i]) {
			p->s->scope = decl;
			diag_suppression_add(pc->diags, p->s);
		} else {
			orphan(pc, p);
		}
	}
	pc->suppressions.len = 0;
}

void suppress_end_of_file(ParseCtx *pc)
{
	for (size_t i = 0; i < pc->suppressions.len; i++)
		orphan(pc, pc->suppressions.items[i]);
	pc->suppressions.len = 0;
}
