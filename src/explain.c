/*
 * explain.c — carenet explain CODE... (see explain.h).  The text is the
 * section of docs/diagnostics.md, compiled in at build time by
 * src/diag_help.awk, so the page and the command never disagree; here it
 * only loses its Markdown.
 */
#include "explain.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "carenet.h"
#include "diag.h"
#include "diag_help.h"
#include "i18n.h"
#include "mem.h"
#include "names.h"

/* "[text](target)" at p: its text's end and the link's end; false otherwise. */
static bool link_at(const char *p, const char **text_end, const char **end)
{
	const char *close = strchr(p + 1, ']');
	if (!close || close[1] != '(')
		return false;
	const char *paren = strchr(close + 2, ')');
	if (!paren || memchr(p, '`', (size_t)(paren - p)))
		return false;
	*text_end = close;
	*end = paren + 1;
	return true;
}

/* One line of prose: `code` in quotes, **strong** and *emphasis* bare,
   [links](...) as their text. */
static void plain_inline(const char *line, StrBuf *out)
{
	for (const char *p = line; *p; p++) {
		const char *text_end, *end;
		if (*p == '`') {
			const char *close = strchr(p + 1, '`');
			if (close) {
				buf_printf(out, "'%.*s'", (int)(close - p - 1), p + 1);
				p = close;
				continue;
			}
		} else if (*p == '*') {
			/* stars that open or close emphasis: text on one side only */
			const char *q = p + strspn(p, "*");
			bool before = p > line && !isspace((unsigned char)p[-1]) && !strchr("([{\"'", p[-1]);
			bool after = *q && !isspace((unsigned char)*q) && !strchr(".,;:!?)]}\"'", *q);
			if (before != after) {
				p = q - 1;
				continue;
			}
		} else if (*p == '[' && link_at(p, &text_end, &end)) {
			StrBuf inner = { 0 };
			buf_init(&inner);
			plain_inline(mem_strndup(p + 1, (size_t)(text_end - p - 1)), &inner);
			buf_puts(out, inner.data);
			p = end - 1;
			continue;
		}
		buf_putc(out, *p);
	}
}

/* "| a | b |" as "  a — b"; the separator row ("|---|---|") as nothing. */
static void plain_table_row(const char *line, StrBuf *out)
{
	if (strspn(line, "|-: ") == strlen(line))
		return;
	StrBuf row = { 0 };
	buf_init(&row);
	const char *p = line + 1;
	bool first = true;
	while (*p) {
		const char *bar = p;
		/* a cell ends at a bar outside code */
		bool code = false;
		while (*bar && (*bar != '|' || code)) {
			if (*bar == '`')
				code = !code;
			bar++;
		}
		const char *s = p, *e = bar;
		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		if (*bar || e > s) {
			buf_puts(&row, first ? "  " : " \xe2\x80\x94 ");
			buf_put(&row, s, (size_t)(e - s));
			first = false;
		}
		p = *bar ? bar + 1 : bar;
	}
	plain_inline(row.data, out);
}

void explain_plain(const char *const *lines, StrBuf *out)
{
	bool fenced = false;
	size_t i = 0;
	while (lines[i] && !lines[i][0])
		i++;
	for (; lines[i]; i++) {
		const char *line = lines[i];
		if (strncmp(line, "```", 3) == 0) {
			fenced = !fenced;
			continue;
		}
		size_t start = out->len;
		if (fenced) {
			if (*line)
				buf_printf(out, "    %s", line);
		} else if (line[0] == '|') {
			plain_table_row(line, out);
			if (out->len == start)
				continue;
		} else if (line[0] == '#') {
			plain_inline(line + strspn(line, "#") + strspn(line + strspn(line, "#"), " "), out);
		} else {
			plain_inline(line, out);
		}
		/* nothing a terminal would act on: the docs are ours, but stay text */
		const char *safe = mem_strdup(carenet_printable(out->data + start));
		out->len = start;
		out->data[start] = '\0';
		buf_printf(out, "%s\n", safe);
	}
}

static const DiagHelp *explain_find(const char *code)
{
	for (size_t i = 0; i < diag_help_count; i++)
		if (strcmp(diag_help_table[i].code, code) == 0)
			return &diag_help_table[i];
	return NULL;
}

/*
 * "W713 need not yet addressed in the analysis phase".  The explanation is
 * docs/diagnostics.md, which is English only: in another language the
 * header has the translated title (diag_codes.def) and says so.
 */
static void explain_header(const DiagHelp *help, StrBuf *out)
{
	if (i18n_lang() == I18N_EN) {
		buf_printf(out, "%s %s\n\n", help->code, help->title);
		return;
	}
	const char *title = help->title;
	for (int k = 0; k < DIAG_CODE_COUNT; k++)
		if (strcmp(diag_code_name((DiagCode)k), help->code) == 0)
			title = _(diag_code_title((DiagCode)k));
	/* TRANSLATORS: only shown in a translation: the explanation that follows is English */
	buf_printf(out, _("%s %s (the explanation below is in English, from docs/diagnostics.md)\n\n"), help->code,
		   title);
}

static const char *upper(const char *word)
{
	char *s = mem_strdup(word);
	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

int explain_run(const char *const *codes, int count)
{
	const DiagHelp **found = mem_alloc(sizeof *found * (size_t)(count ? count : 1));
	for (int i = 0; i < count; i++) {
		found[i] = explain_find(upper(codes[i]));
		if (found[i])
			continue;
		const char **names = mem_alloc(sizeof *names * diag_help_count);
		for (size_t k = 0; k < diag_help_count; k++)
			names[k] = diag_help_table[k].code;
		const char *close = names_closest(upper(codes[i]), names, diag_help_count);
		if (close)
			fprintf(stderr, _("carenet: explain: no diagnostic code '%s'; did you mean '%s'? (codes are listed "
					  "in docs/diagnostics.md)\n"), carenet_printable(codes[i]), close);
		else
			fprintf(stderr, _("carenet: explain: no diagnostic code '%s' (codes are listed in "
					  "docs/diagnostics.md)\n"), carenet_printable(codes[i]));
		return 2;
	}
	for (int i = 0; i < count; i++) {
		StrBuf b = { 0 };
		buf_init(&b);
		buf_printf(&b, "%s", i ? "\n" : "");
		explain_header(found[i], &b);
		explain_plain(found[i]->text, &b);
		fputs(b.data, stdout);
	}
	return 0;
}

void explain_print_codes(void)
{
	for (size_t i = 0; i < diag_help_count; i++)
		printf("operands %s\n", diag_help_table[i].code);
}
