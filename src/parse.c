/*
 * parse.c — the parser driver: the encoding check before scanning, running
 * the scanner and the parser over one source, and the wording of syntax
 * errors.  The scanner's helpers are in lex.c, the grammar's actions in
 * syntax.c.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "lex.h"
#include "parser.h"
#include "suppress.h"
#include "utf8.h"

/* ---- encoding ---------------------------------------------------------- */

long parse_check_encoding(Source *src, DiagSink *diags)
{
	size_t start = 0;
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	const char *nul = memchr(src->text, '\0', src->len);
	if (nul) {
		uint32_t at = (uint32_t)(nul - src->text);
		SrcLoc loc = { src, at, at + 1 }; /* not inline: xgettext would count its commas */
		diag_report(diags, DIAG_E003, loc,
			    "this file contains a NUL byte; is it a plan file? (plans are UTF-8 text)");
		return -1;
	}
	size_t bad = utf8_find_invalid(src->text, src->len);
	if (bad != (size_t)-1) {
		SrcLoc loc = { src, (uint32_t)bad, (uint32_t)bad + 1 };
		diag_report(diags, DIAG_E002, loc,
			    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8 text",
			    (unsigned char)src->text[bad]);
		return -1;
	}
	size_t i = start;
	while (i < src->len && strchr(" \t\r\n", src->text[i]))
		i++;
	if (i == src->len) {
		SrcLoc loc = { src, 0, 0 };
		diag_report(diags, DIAG_E004, loc,
			    "the file is empty; a plan starts with a declaration such as 'plan', 'area' or 'need'");
		return -1;
	}
	return (long)start;
}

/*
 * A plan starts, after blanks and comments, with a declaration's keyword.
 * A file that does not (a password file, a CSV, a binary that an import or
 * a link named) is refused whole, with no excerpt and no token quoted, so
 * that nothing of it is printed (E005).  A file of only blanks and comments
 * goes on to the checks below.
 */
static bool starts_like_a_plan(Source *src, size_t start, DiagSink *diags)
{
	const char *text = src->text;
	size_t i = start;
	while (i < src->len) {
		if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')
			i++;
		else if (text[i] == '#')
			while (i < src->len && text[i] != '\n')
				i++;
		else
			break;
	}
	if (i == src->len)
		return true;
	size_t end = i;
	while (end < src->len && end - i < 16 && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z'))
		end++;
	char word[17];
	memcpy(word, text + i, end - i);
	word[end - i] = '\0';
	bool keyword = end == src->len || !(text[end] == '_' || ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z') ||
					    (text[end] >= '0' && text[end] <= '9'));
	bool known = false;
	for (int k = 0; k < DECL_KIND_COUNT && keyword && !known; k++)
		known = decl_kind_syntax((DeclKind)k) != SYNTAX_NESTED && (strcmp(decl_kind_name((DeclKind)k), word) == 0 ||
									  strcmp(decl_kind_dutch((DeclKind)k), word) == 0);
	if (known)
		return true;
	SrcLoc loc = { src, (uint32_t)i, (uint32_t)i };
	Diagnostic *d = diag_report(diags, DIAG_E005, loc,
				    "this file does not start with a declaration (import, plan, municipality, area, need, "
				    "action, ...): is it a plan file? Nothing of it is read or shown");
	if (d)
		d->hide_source = true;
	return false;
}

Vec parse_source(Source *src, DiagSink *diags, DeclKeeper keep, void *keep_ctx)
{
	ParseCtx pc;
	memset(&pc, 0, sizeof pc);
	pc.src = src;
	pc.diags = diags;
	pc.keep = keep;
	pc.keep_ctx = keep_ctx;
	size_t bom = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (!starts_like_a_plan(src, bom, diags))
		return pc.decls;
	long start = parse_check_encoding(src, diags);
	if (start < 0)
		return pc.decls;
	pc.offset = (uint32_t)start;
	lex_begin(&pc, src->text + start, src->len - (size_t)start);
	mem_scratch_use(keep != NULL);
	cn_parse(pc.scanner, &pc);
	suppress_end_of_file(&pc);
	mem_scratch_use(false);
	mem_scratch_clear();
	lex_end(&pc);
	return pc.decls;
}

void parse_tokens(Source *src, DiagSink *diags, ParseTokenFn each, void *ctx)
{
	ParseCtx pc;
	memset(&pc, 0, sizeof pc);
	pc.src = src;
	pc.diags = diags;
	long start = parse_check_encoding(src, diags);
	if (start < 0)
		return;
	pc.offset = (uint32_t)start;
	lex_begin(&pc, src->text + start, src->len - (size_t)start);
	CN_STYPE value;
	SrcLoc loc;
	for (int token; !pc.aborted && (token = cn_lex(&value, &loc, pc.scanner)) != END;) {
		bool word = token == IDENT || token == IMPORT || token == LET || token == SIGNAL || token == ANSWER ||
			    token == ACCEPT || token == IN || token == TO || token == WITH || token == DECL_KEYWORD;
		each(ctx, (ParseToken){ token, word ? value.keyword.kind : -1, word ? value.keyword.name.text : NULL, loc });
	}
	lex_end(&pc);
}

/* ---- syntax errors ---------------------------------------------------------- */

/* Bison's names of the tokens that are not words (grammar/parser.y), for
   xgettext: they are translated where they are shown. */
static const char *const token_names[] = {
	N_("a date"), N_("a declaration keyword"), N_("a name"), N_("a number"), N_("a string"),
	N_("end of file"), N_("end of line"),
};

/* Bison's names: "a name", "import", "'{'": quote the bare words. */
static const char *token_display(const char *name)
{
	(void)token_names;
	if (strchr(name, ' '))
		return _(name);
	if (name[0] == '\'')
		return name;
	return mem_printf("'%s'", name);
}

static int expects(const char **expected, int count, const char *name)
{
	for (int i = 0; i < count; i++)
		if (strcmp(expected[i], name) == 0)
			return 1;
	return 0;
}

/* Name what was expected the way a person would say it. */
static void describe_expected(StrBuf *msg, const char **expected, int count)
{
	if (expects(expected, count, "a name") && expects(expected, count, "with")) {
		/* only a block accepts any word, keywords included, as a property */
		buf_puts(msg, expects(expected, count, "'}'") ? _("a property name or '}'") : _("a property name"));
	} else if (expects(expected, count, "a declaration keyword") && expects(expected, count, "import")) {
		buf_puts(msg, _("a declaration (import, plan, let, area, actor, need, action, signal, ...)"));
	} else if (expects(expected, count, "end of line") && count > 3) {
		/* operators that could continue an expression are noise here */
		buf_puts(msg, expects(expected, count, "','") ? _("',' or the end of the line") : _("the end of the line"));
	} else if (count == 0) {
		buf_puts(msg, _("something else"));
	} else {
		int shown = count > 6 ? 6 : count;
		for (int i = 0; i < shown; i++) {
			if (i)
				buf_puts(msg, i == shown - 1 && shown == count ? _(" or ") : ", ");
			buf_puts(msg, token_display(expected[i]));
		}
		if (shown < count)
			buf_puts(msg, ", ...");
	}
}

/* What the parser found, as a person would name it. */
static const char *found_display(const ParseCtx *pc, SrcLoc loc, int at_eof)
{
	if (at_eof)
		return _("the end of the file");
	const char *text = pc->src->text + loc.start;
	size_t len = loc.end - loc.start;
	if (len == 0 || text[0] == '\n' || text[0] == ';')
		return _("the end of the line");
	const char *newline = memchr(text, '\n', len);
	if (newline)
		len = (size_t)(newline - text);
	if (len > 24)
		return mem_printf("'%.24s...'", text);
	return mem_printf("'%.*s'", (int)len, text);
}

void parse_syntax_error(ParseCtx *pc, SrcLoc loc, int at_eof, const char **expected, int count)
{
	if (pc->aborted)
		return;
	StrBuf msg = { 0 };
	buf_init(&msg);
	describe_expected(&msg, expected, count);
	/* the message is made here: "%s" passes it through diag_report untranslated */
	Diagnostic *d = diag_report(pc->diags, DIAG_E201, loc, "%s",
				    mem_printf(_("expected %s but found %s"), msg.data, found_display(pc, loc, at_eof)));
	if (at_eof && pc->brace_depth > 0)
		diag_note(d, pc->open_braces[pc->brace_depth - 1], "this '{' is never closed with '}'");
}
