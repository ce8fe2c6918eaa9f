/*
 * report_compare_html.c — `compare --format html`: one self-contained page
 * (no scripts, nothing from the network) with the tables of the comparison
 * and, for each shared indicator, the chart of every plan that measures it
 * (report_chart.c, as in the impact report).  All plan text is escaped.
 */
#include "report_compare.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"

static const char compare_style[] =
	"table.compare th,table.compare td{vertical-align:top}"
	"table.compare tr.group th{background:#e3f2fd}table.compare td.empty{color:#999}"
	"table.compare small{color:#555;font-weight:normal}";

static void html_row(const CompareRowOut *row, const Comparison *cmp, StrBuf *out)
{
	buf_puts(out, "<tr><th scope=\"row\">");
	report_html_text(out, row->label);
	if (row->detail) {
		buf_puts(out, "<br><small>");
		report_html_text(out, row->detail);
		buf_puts(out, "</small>");
	}
	buf_puts(out, "</th>");
	for (size_t c = 0; c < cmp->count; c++) {
		const Vec *cell = &row->cells[c];
		buf_puts(out, cell->len ? "<td>" : "<td class=\"empty\">-");
		for (size_t i = 0; i < cell->len; i++) {
			if (i)
				buf_puts(out, "<br>");
			report_html_text(out, cell->items[i]);
		}
		/* the charts of the plan's indicators on this metric */
		for (size_t i = 0; row->metric && i < row->metric->indicators[c].len; i++)
			report_chart_svg(row->metric->indicators[c].items[i], out);
		buf_puts(out, "</td>");
	}
	buf_puts(out, "</tr>\n");
}

static void html_table(const CompareTable *t, const Comparison *cmp, StrBuf *out)
{
	buf_puts(out, "<h2>");
	report_html_text(out, t->title);
	buf_puts(out, "</h2>\n<table class=\"compare\"><tr><th>");
	report_html_text(out, t->corner);
	buf_puts(out, "</th>");
	for (size_t c = 0; c < cmp->count; c++) {
		buf_puts(out, "<th scope=\"col\">");
		report_html_text(out, cmp->columns[c].label);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr>\n");
	const char *group = NULL;
	for (size_t r = 0; r < t->rows.len; r++) {
		const CompareRowOut *row = t->rows.items[r];
		if (row->group && (!group || strcmp(group, row->group) != 0)) {
			buf_printf(out, "<tr class=\"group\"><th colspan=\"%zu\">", cmp->count + 1);
			report_html_text(out, row->group);
			buf_puts(out, "</th></tr>\n");
		}
		group = row->group;
		html_row(row, cmp, out);
	}
	buf_puts(out, "</table>\n");
}

void report_compare_html_write(const World *w, StrBuf *out)
{
	Comparison cmp = compare_build(w);
	const char *title = report_compare_title(&cmp);
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>", i18n_code());
	report_html_text(out, title);
	buf_printf(out, "</title><style>%s%s</style></head><body>\n<h1>", report_html_style, compare_style);
	report_html_text(out, title);
	buf_puts(out, "</h1>\n<ul class=\"plans\">\n");
	for (size_t c = 0; c < cmp.count; c++) {
		buf_puts(out, "<li>");
		report_html_text(out, cmp.columns[c].label);
		buf_puts(out, ": ");
		report_html_text(out, report_compare_column_text(&cmp.columns[c]));
		buf_puts(out, "</li>\n");
	}
	buf_puts(out, "</ul>\n");
	if (cmp.count) {
		Vec tables = report_compare_tables(&cmp);
		for (size_t i = 0; i < tables.len; i++)
			html_table(tables.items[i], &cmp, out);
	}
	buf_puts(out, "</body></html>\n");
}
