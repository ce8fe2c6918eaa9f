/*
 * report_compare.h — `carenet compare` in every format.  The comparison
 * (compare.h) becomes tables of one row per block, group, capability,
 * metric and total, one column per plan (report_compare.c); text, markdown
 * and CSV write the tables, HTML writes them with the indicators' charts
 * (report_compare_html.c), JSON writes the comparison itself
 * (report_compare_json.c).
 */
#ifndef CARENET_REPORT_COMPARE_H
#define CARENET_REPORT_COMPARE_H

#include "compare.h"
#include "report.h"

/* One row: a label and, per column, the lines of its cell (none: empty). */
typedef struct {
	const char *group;           /* the heading it stands under ("Minder mazen"), or NULL */
	const char *label;
	const char *detail;          /* a second line for the label (a metric's unit and scale), or NULL */
	Vec *cells;                  /* one Vec of const char * per column */
	const CompareMetricRow *metric; /* for HTML's charts: the metric row it shows, or NULL */
} CompareRowOut;

typedef struct {
	const char *title;           /* "Building blocks" */
	const char *corner;          /* what the rows are: "Building block" */
	Vec rows;                    /* of CompareRowOut */
} CompareTable;

/* The sections, in order: building blocks, target groups, capabilities,
   shared indicators, per plan (of CompareTable). */
Vec report_compare_tables(const Comparison *cmp);
/* "Comparison of 4 plans", or "Overview of Olen" for one */
const char *report_compare_title(const Comparison *cmp);
/* "olen_2026 (olen.care), evaluated on 2025-12-31" */
const char *report_compare_column_text(const CompareColumn *col);

void report_compare_text(const World *w, StrBuf *out);
void report_compare_markdown(const World *w, StrBuf *out);
void report_compare_csv(const World *w, StrBuf *out);
void report_compare_html_write(const World *w, StrBuf *out);
void report_compare_json_write(const World *w, StrBuf *out);

#endif
