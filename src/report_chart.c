/*
 * report_chart.c — one indicator over time as an inline SVG chart, for the
 * HTML reports: the baseline, the target line, the straight line of
 * expected progress from the start to the deadline, and the measurements.
 *
 * No scripts and no colour that matters alone (lines differ by dash as well
 * as by colour), so the chart reads when printed; every number is also in
 * the chart's text and in the caption under it, for screen readers and for
 * `pdftotext` of a printed page.
 */
#include "report.h"

#include <limits.h>
#include <math.h>

#include "format.h"
#include "i18n.h"
#include "mem.h"

#define CHART_W 440
#define CHART_H 170
#define MARGIN_L 48
#define MARGIN_R 96
#define MARGIN_T 16
#define MARGIN_B 30

typedef struct {
	long t0, t1;             /* day numbers on the x axis */
	Date d0, d1;             /* the same ends as the plan writes them (year 0: none) */
	double v0, v1;           /* values on the y axis */
} Frame;

static double x_of(const Frame *f, long day)
{
	double span = (double)(f->t1 - f->t0);
	return MARGIN_L + (span > 0 ? (double)(day - f->t0) / span : 0) * (CHART_W - MARGIN_L - MARGIN_R);
}

static double y_of(const Frame *f, double v)
{
	double span = f->v1 - f->v0;
	return MARGIN_T + (span > 0 ? (f->v1 - v) / span : 0.5) * (CHART_H - MARGIN_T - MARGIN_B);
}

/*
 * The days and values the chart must show, with a little room around them.
 * Each end of the x axis keeps the date it came from, so its label reads as
 * the plan writes it (a month stays a month, as in the caption).
 */
static Frame frame_of(const Indicator *ind, const Vec *series)
{
	Frame f = { ind->start, ind->deadline, ind->begins, ind->due, ind->baseline, ind->target };
	if (f.v0 > f.v1) {
		f.v0 = ind->target;
		f.v1 = ind->baseline;
	}
	for (size_t i = 0; i < series->len; i++) {
		const Measure *m = series->items[i];
		long day = date_last_day(m->date);
		if (f.t0 == LONG_MIN || day < f.t0) {
			f.t0 = day;
			f.d0 = m->date;
		}
		if (f.t1 == LONG_MIN || day > f.t1) {
			f.t1 = day;
			f.d1 = m->date;
		}
		f.v0 = fmin(f.v0, m->value);
		f.v1 = fmax(f.v1, m->value);
	}
	if (f.t0 == LONG_MIN) {
		f.t0 = f.t1 == LONG_MIN ? 0 : f.t1 - 365;
		f.d0 = (Date){ 0 };
	}
	if (f.t1 == LONG_MIN || f.t1 <= f.t0) {
		f.t1 = f.t0 + 365;
		f.d1 = (Date){ 0 };
	}
	double pad = f.v1 > f.v0 ? (f.v1 - f.v0) * 0.1 : fmax(fabs(f.v1) * 0.1, 1);
	f.v0 -= pad;
	f.v1 += pad;
	return f;
}

/* An end of the x axis: its date as written, else (a made-up end) its day. */
static const char *tick_label(Date written, long day)
{
	return written.year ? date_format(written) : date_format_days(day);
}

static void text_at(StrBuf *out, double x, double y, const char *anchor, const char *cls, const char *text)
{
	buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">", x, y, anchor, cls);
	report_html_text(out, text);
	buf_puts(out, "</text>");
}

static void axes(StrBuf *out, const Frame *f)
{
	double bottom = CHART_H - MARGIN_B;
	buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"axis\"/>", MARGIN_L, bottom,
		   CHART_W - MARGIN_R, bottom);
	text_at(out, MARGIN_L, bottom + 16, "start", "tick", tick_label(f->d0, f->t0));
	text_at(out, CHART_W - MARGIN_R, bottom + 16, "end", "tick", tick_label(f->d1, f->t1));
}

/* The target as a dashed line across, and expected progress as a dotted one. */
static void target_and_expected(StrBuf *out, const Indicator *ind, const Frame *f)
{
	double yt = y_of(f, ind->target);
	buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"target\"/>", MARGIN_L, yt,
		   CHART_W - MARGIN_R, yt);
	text_at(out, CHART_W - MARGIN_R + 4, yt + 4, "start", "label",
		mem_printf(_("target %s"), report_value(ind, ind->target)));
	if (ind->start != LONG_MIN && ind->deadline != LONG_MIN)
		buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"expected\"/>",
			   x_of(f, ind->start), y_of(f, ind->baseline), x_of(f, ind->deadline), yt);
}

/* The baseline and the measurements, joined, each point with its value. */
static void measured(StrBuf *out, const Indicator *ind, const Frame *f, const Vec *series)
{
	double x = x_of(f, ind->start != LONG_MIN ? ind->start : f->t0), y = y_of(f, ind->baseline);
	buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"baseline\"/>", x, y);
	text_at(out, x - 6, y + 4, "end", "label", report_value(ind, ind->baseline));
	if (series->len == 0)
		return;
	buf_printf(out, "<polyline class=\"measured\" points=\"%.1f,%.1f", x, y);
	for (size_t i = 0; i < series->len; i++) {
		const Measure *m = series->items[i];
		buf_printf(out, " %.1f,%.1f", x_of(f, date_last_day(m->date)), y_of(f, m->value));
	}
	buf_puts(out, "\"/>");
	for (size_t i = 0; i < series->len; i++) {
		const Measure *m = series->items[i];
		double mx = x_of(f, date_last_day(m->date)), my = y_of(f, m->value);
		buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" class=\"point\"/>", mx, my);
		text_at(out, mx, my - 7, "middle", "label", report_value(ind, m->value));
	}
}

/* The numbers of the chart as a sentence: for screen readers and printed text. */
static const char *caption(const Indicator *ind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, "%s. %s", ind->title, report_indicator_line(ind));
	const char *series = report_series_text(ind);
	if (series)
		buf_printf(&b, _(". Measured: %s"), series);
	buf_printf(&b, ". %s.", report_progress_line(ind));
	return b.data;
}

void report_chart_svg(const Indicator *ind, StrBuf *out)
{
	if (!ind->ok)
		return;
	Vec series = report_series(ind);
	Frame f = frame_of(ind, &series);
	const char *text = caption(ind);
	buf_puts(out, "<figure class=\"chart\">");
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		   "role=\"img\"><title>", CHART_W, CHART_H, CHART_W, CHART_H);
	report_html_text(out, text);
	buf_puts(out, "</title>");
	axes(out, &f);
	target_and_expected(out, ind, &f);
	measured(out, ind, &f, &series);
	buf_puts(out, "</svg><figcaption>");
	report_html_text(out, text);
	buf_puts(out, "</figcaption></figure>\n");
}
