/*
 * report_compare.c — the comparison as tables (see report_compare.h), and
 * those tables as text, markdown and CSV.
 */
#include "report_compare.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "mem.h"

/* ---- the tables ----------------------------------------------------------------------- */

static CompareRowOut *row_new(CompareTable *t, size_t columns, const char *group, const char *label)
{
	CompareRowOut *row = NEW(CompareRowOut);
	row->group = group;
	row->label = label;
	row->cells = NEW_ARRAY(Vec, columns ? columns : 1);
	vec_push(&t->rows, row);
	return row;
}

static CompareTable *table_new(Vec *tables, const char *title, const char *corner)
{
	CompareTable *t = NEW(CompareTable);
	t->title = title;
	t->corner = corner;
	vec_push(tables, t);
	return t;
}

static void line(Vec *cell, const char *text)
{
	vec_push(cell, (void *)text);
}

static bool names_block(const CompareBlockRow *b, size_t columns)
{
	for (size_t c = 0; c < columns; c++)
		if (b->needs[c].len || b->actions[c].len)
			return true;
	return false;
}

static void block_table(const Comparison *cmp, Vec *tables)
{
	CompareTable *t = table_new(tables, _("Building blocks"), _("Building block"));
	for (size_t r = 0; r < cmp->blocks.len; r++) {
		const CompareBlockRow *b = cmp->blocks.items[r];
		if (b->block && b->block == b->top && !names_block(b, cmp->count))
			continue; /* a top block is the heading; its own row only when named */
		CompareRowOut *row = row_new(t, cmp->count, b->top ? entity_title(&b->top->base) : _("Other"),
					     b->block ? entity_title(&b->block->base) : _("(no building block)"));
		for (size_t c = 0; c < cmp->count; c++) {
			for (size_t i = 0; i < b->needs[c].len; i++)
				line(&row->cells[c], mem_printf(_("need %s"), entity_name(&VEC_AT(b->needs[c], Need, i)->base)));
			for (size_t i = 0; i < b->actions[c].len; i++) {
				const Action *a = b->actions[c].items[i];
				line(&row->cells[c], mem_printf(_("action %s (%s)"), entity_name(&a->base),
								_(report_status_word(a->status))));
			}
		}
	}
}

static void counts_lines(Vec *cell, const CompareCounts *k)
{
	if (k->needs == 0)
		return;
	/* "1 need in 2 areas": each count its own plural, as a translator needs them */
	line(cell, mem_printf("%s %s", mem_printf(i18n_plural("%zu need", "%zu needs", k->needs), k->needs),
			      mem_printf(i18n_plural("in %zu area", "in %zu areas", k->pairs), k->pairs)));
	line(cell, mem_printf(_("%zu covered, %zu signalled"), k->covered, k->signalled));
	const char *gaps = mem_printf(i18n_plural("%zu gap", "%zu gaps", k->gaps), k->gaps);
	const char *signals = mem_printf(i18n_plural("%zu signal", "%zu signals", k->signals), k->signals);
	line(cell, k->accepted ? mem_printf(_("%s, %zu accepted, %s"), gaps, k->accepted, signals)
			       : mem_printf(_("%s, %s"), gaps, signals));
}

static void topic_table(const Comparison *cmp, const Vec *topics, Vec *tables, const char *title, const char *corner)
{
	if (topics->len == 0)
		return;
	CompareTable *t = table_new(tables, title, corner);
	for (size_t r = 0; r < topics->len; r++) {
		const CompareTopicRow *topic = topics->items[r];
		CompareRowOut *row = row_new(t, cmp->count, NULL, entity_title(topic->topic));
		for (size_t c = 0; c < cmp->count; c++)
			counts_lines(&row->cells[c], &topic->counts[c]);
	}
}

/* "points, 0 .. 3, lower is better" */
static const char *metric_detail(const Metric *m)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_puts(&b, m->unit ? m->unit : _("no unit"));
	if (m->has_scale)
		buf_printf(&b, ", %s .. %s", format_number(m->scale_low), format_number(m->scale_high));
	if (m->direction)
		buf_printf(&b, ", %s", m->direction == DIRECTION_HIGHER ? _("higher is better") : _("lower is better"));
	return b.data;
}

static void indicator_lines(Vec *cell, const Indicator *ind)
{
	const Entity *owner = ind->action ? &ind->action->base : &ind->need->base;
	line(cell, mem_printf("%s.%s", entity_name(owner), ind->id.text));
	if (!ind->ok) {
		line(cell, _("not evaluated"));
		return;
	}
	line(cell, ind->has_baseline_date ? mem_printf(_("baseline %s (%s)"), report_value(ind, ind->baseline),
						      date_format(ind->baseline_date))
					  : mem_printf(_("baseline %s"), report_value(ind, ind->baseline)));
	line(cell, ind->due.year ? mem_printf(_("target %s by %s"), report_value(ind, ind->target), date_format(ind->due))
				 : mem_printf(_("target %s"), report_value(ind, ind->target)));
	if (ind->latest)
		line(cell, mem_printf(_("latest %s (%s)"), report_value(ind, ind->latest->value),
				      date_format(ind->latest->date)));
	line(cell, isnan(ind->progress) ? _(report_indicator_word(ind->status))
					: mem_printf(_("progress %s: %s"), format_percent(ind->progress),
						     _(report_indicator_word(ind->status))));
}

static void metric_table(const Comparison *cmp, Vec *tables)
{
	if (cmp->metrics.len == 0)
		return;
	CompareTable *t = table_new(tables, _("Shared indicators"), _("Metric"));
	for (size_t r = 0; r < cmp->metrics.len; r++) {
		const CompareMetricRow *m = cmp->metrics.items[r];
		CompareRowOut *row = row_new(t, cmp->count, NULL, entity_title(&m->metric->base));
		row->detail = metric_detail(m->metric);
		row->metric = m;
		for (size_t c = 0; c < cmp->count; c++)
			for (size_t i = 0; i < m->indicators[c].len; i++)
				indicator_lines(&row->cells[c], m->indicators[c].items[i]);
	}
}

/* One row per figure: label and, per column, one number. */
static CompareRowOut *figure_row(CompareTable *t, const Comparison *cmp, const char *group, const char *label)
{
	return row_new(t, cmp->count, group, label);
}

static void figure(CompareRowOut *row, size_t c, size_t n)
{
	line(&row->cells[c], mem_printf("%zu", n));
}

static void summary_table(const Comparison *cmp, Vec *tables)
{
	static const IndicatorStatus order[] = { IND_ACHIEVED, IND_ON_TRACK, IND_BEHIND, IND_NO_DATA, IND_STOPPED };
	static const char *const cover[] = { N_("needs"), N_("need-areas"), N_("covered"), N_("signalled"),
					      N_("gaps"), N_("accepted") };
	CompareTable *t = table_new(tables, _("Per plan"), _("Figure"));
	CompareRowOut *plan = figure_row(t, cmp, NULL, _("plan"));
	CompareRowOut *on = figure_row(t, cmp, NULL, _("evaluated on"));
	CompareRowOut *rows[6];
	const char *coverage = _("coverage"), *actions_group = _("actions"), *indicators_group = _("indicators");
	for (size_t i = 0; i < 6; i++)
		rows[i] = figure_row(t, cmp, coverage, _(cover[i]));
	CompareRowOut *rate = figure_row(t, cmp, coverage, _("addressed"));
	CompareRowOut *actions = figure_row(t, cmp, actions_group, _("actions"));
	CompareRowOut *by_status[4];
	for (int s = 0; s < 4; s++)
		by_status[s] = figure_row(t, cmp, actions_group, _(report_status_word((ActionStatus)s)));
	CompareRowOut *indicators = figure_row(t, cmp, indicators_group, _("indicators"));
	CompareRowOut *by_ind[5];
	for (size_t s = 0; s < 5; s++)
		by_ind[s] = figure_row(t, cmp, indicators_group, _(report_indicator_word(order[s])));
	for (size_t c = 0; c < cmp->count; c++) {
		const CompareColumn *col = &cmp->columns[c];
		line(&plan->cells[c], col->plan ? entity_name(&col->plan->base) : col->module->src->path);
		line(&on->cells[c], date_format_days(col->module->eval_day));
		const CompareCounts *k = &col->counts;
		size_t values[6] = { k->needs, k->pairs, k->covered, k->signalled, k->gaps, k->accepted };
		for (size_t i = 0; i < 6; i++)
			figure(rows[i], c, values[i]);
		double r = compare_rate(k);
		if (!isnan(r))
			line(&rate->cells[c], format_percent(r));
		figure(actions, c, col->actions.len);
		for (int s = 0; s < 4; s++)
			figure(by_status[s], c, col->by_action_status[s]);
		figure(indicators, c, col->indicators);
		for (size_t s = 0; s < 5; s++)
			figure(by_ind[s], c, col->by_indicator_status[order[s]]);
	}
}

Vec report_compare_tables(const Comparison *cmp)
{
	Vec tables = { 0 };
	block_table(cmp, &tables);
	topic_table(cmp, &cmp->groups, &tables, _("Target groups"), _("Target group"));
	topic_table(cmp, &cmp->capabilities, &tables, _("Capabilities"), _("Capability"));
	metric_table(cmp, &tables);
	summary_table(cmp, &tables);
	return tables;
}

const char *report_compare_title(const Comparison *cmp)
{
	if (cmp->count == 1)
		return mem_printf(_("Overview of %s"), cmp->columns[0].label);
	return mem_printf(i18n_plural("Comparison of %zu plan", "Comparison of %zu plans", cmp->count), cmp->count);
}

const char *report_compare_column_text(const CompareColumn *col)
{
	const char *file = col->module->src->path;
	return col->plan ? mem_printf(_("%s (%s), evaluated on %s"), entity_name(&col->plan->base), file,
				      date_format_days(col->module->eval_day))
			 : mem_printf(_("%s, no plan"), file);
}

/* ---- text ------------------------------------------------------------------------------ */

/* Characters, not bytes: what a terminal shows of UTF-8 text. */
static size_t width_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void pad_to(StrBuf *out, const char *s, size_t width)
{
	buf_puts(out, s);
	for (size_t n = width_of(s); n < width; n++)
		buf_putc(out, ' ');
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* One table: the label column, then each plan's column as wide as its widest line. */
static void text_table(const CompareTable *t, const Comparison *cmp, StrBuf *out)
{
	size_t label_w = width_of(t->corner);
	size_t *w = NEW_ARRAY(size_t, cmp->count ? cmp->count : 1);
	for (size_t c = 0; c < cmp->count; c++)
		w[c] = width_of(cmp->columns[c].label);
	for (size_t r = 0; r < t->rows.len; r++) {
		const CompareRowOut *row = t->rows.items[r];
		label_w = max_size(label_w, width_of(row->label) + (row->group ? 2 : 0));
		if (row->detail)
			label_w = max_size(label_w, width_of(row->detail) + (row->group ? 4 : 2));
		for (size_t c = 0; c < cmp->count; c++)
			for (size_t i = 0; i < row->cells[c].len; i++)
				w[c] = max_size(w[c], width_of(row->cells[c].items[i]));
	}
	buf_printf(out, "%s\n  ", t->title);
	pad_to(out, t->corner, label_w);
	for (size_t c = 0; c < cmp->count; c++) {
		buf_puts(out, "  ");
		pad_to(out, cmp->columns[c].label, c + 1 < cmp->count ? w[c] : 0);
	}
	buf_putc(out, '\n');
	const char *group = NULL;
	for (size_t r = 0; r < t->rows.len; r++) {
		const CompareRowOut *row = t->rows.items[r];
		if (row->group && (!group || strcmp(group, row->group) != 0))
			buf_printf(out, "  %s\n", row->group);
		group = row->group;
		size_t height = row->detail ? 2 : 1;
		for (size_t c = 0; c < cmp->count; c++)
			height = max_size(height, row->cells[c].len);
		for (size_t i = 0; i < height; i++) {
			StrBuf l = { 0 };
			buf_init(&l);
			const char *label = i == 0 ? row->label : i == 1 && row->detail ? mem_printf("  %s", row->detail) : "";
			buf_puts(&l, row->group ? "    " : "  ");
			pad_to(&l, label, label_w - (row->group ? 2 : 0));
			for (size_t c = 0; c < cmp->count; c++) {
				const Vec *cell = &row->cells[c];
				buf_puts(&l, "  ");
				pad_to(&l, i < cell->len ? cell->items[i] : i == 0 ? "-" : "", w[c]);
			}
			while (l.len && l.data[l.len - 1] == ' ')
				l.data[--l.len] = '\0';
			buf_printf(out, "%s\n", l.data);
		}
	}
}

static Comparison comparison_of(const World *w)
{
	return compare_build(w);
}

void report_compare_text(const World *w, StrBuf *out)
{
	Comparison cmp = comparison_of(w);
	buf_printf(out, "%s\n", report_compare_title(&cmp));
	for (size_t c = 0; c < cmp.count; c++)
		buf_printf(out, "  %s: %s\n", cmp.columns[c].label, report_compare_column_text(&cmp.columns[c]));
	if (cmp.count == 0) {
		buf_puts(out, _("  no plan to compare\n"));
		return;
	}
	Vec tables = report_compare_tables(&cmp);
	for (size_t i = 0; i < tables.len; i++) {
		buf_putc(out, '\n');
		text_table(tables.items[i], &cmp, out);
	}
}

/* ---- markdown -------------------------------------------------------------------------- */

static void md_table(const CompareTable *t, const Comparison *cmp, StrBuf *out)
{
	buf_printf(out, "## %s\n\n| %s |", t->title, report_markdown_cell(t->corner));
	for (size_t c = 0; c < cmp->count; c++)
		buf_printf(out, " %s |", report_markdown_cell(cmp->columns[c].label));
	buf_puts(out, "\n|---|");
	for (size_t c = 0; c < cmp->count; c++)
		buf_puts(out, "---|");
	buf_putc(out, '\n');
	const char *group = NULL;
	for (size_t r = 0; r < t->rows.len; r++) {
		const CompareRowOut *row = t->rows.items[r];
		if (row->group && (!group || strcmp(group, row->group) != 0)) {
			buf_printf(out, "| **%s** |", report_markdown_cell(row->group));
			for (size_t c = 0; c < cmp->count; c++)
				buf_puts(out, " |");
			buf_putc(out, '\n');
		}
		group = row->group;
		buf_printf(out, "| %s", report_markdown_cell(row->label));
		if (row->detail)
			buf_printf(out, "<br>%s", report_markdown_cell(row->detail));
		buf_puts(out, " |");
		for (size_t c = 0; c < cmp->count; c++) {
			const Vec *cell = &row->cells[c];
			buf_putc(out, ' ');
			for (size_t i = 0; i < cell->len; i++)
				buf_printf(out, "%s%s", i ? "<br>" : "", report_markdown_cell(cell->items[i]));
			buf_puts(out, cell->len ? " |" : "- |");
		}
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

void report_compare_markdown(const World *w, StrBuf *out)
{
	Comparison cmp = comparison_of(w);
	buf_printf(out, "# %s\n\n", report_markdown_cell(report_compare_title(&cmp)));
	for (size_t c = 0; c < cmp.count; c++)
		buf_printf(out, "- %s: %s\n", report_markdown_cell(cmp.columns[c].label), report_markdown_cell(report_compare_column_text(&cmp.columns[c])));
	buf_putc(out, '\n');
	if (cmp.count == 0)
		return;
	Vec tables = report_compare_tables(&cmp);
	for (size_t i = 0; i < tables.len; i++)
		md_table(tables.items[i], &cmp, out);
}

/* ---- CSV (RFC 4180) --------------------------------------------------------------------- */

/*
 * One field: quoted when it holds a comma, a quote or a line end, quotes
 * doubled.  A field that a spreadsheet would run as a formula (it starts
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, as
 * OWASP advises: plan text is data, never a formula.
 */
static void csv_field(StrBuf *out, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	bool formula = strchr("=+-@\t\r", *s) && *s;
	if (quote)
		buf_putc(out, '"');
	if (formula)
		buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(out, '"');
		buf_putc(out, *s);
	}
	if (quote)
		buf_putc(out, '"');
}

void report_compare_csv(const World *w, StrBuf *out)
{
	Comparison cmp = comparison_of(w);
	/* the header in the language of the rows: a spreadsheet shows it (decisions.md) */
	buf_puts(out, _("section,group,row"));
	for (size_t c = 0; c < cmp.count; c++) {
		buf_putc(out, ',');
		csv_field(out, cmp.columns[c].label);
	}
	buf_puts(out, "\r\n");
	if (cmp.count == 0)
		return;
	Vec tables = report_compare_tables(&cmp);
	for (size_t i = 0; i < tables.len; i++) {
		const CompareTable *t = tables.items[i];
		for (size_t r = 0; r < t->rows.len; r++) {
			const CompareRowOut *row = t->rows.items[r];
			csv_field(out, t->title);
			buf_putc(out, ',');
			csv_field(out, row->group ? row->group : "");
			buf_putc(out, ',');
			csv_field(out, row->detail ? mem_printf("%s (%s)", row->label, row->detail) : row->label);
			for (size_t c = 0; c < cmp.count; c++) {
				StrBuf cell = { 0 };
				buf_init(&cell);
				for (size_t k = 0; k < row->cells[c].len; k++)
					buf_printf(&cell, "%s%s", k ? "; " : "", (const char *)row->cells[c].items[k]);
				buf_putc(out, ',');
				csv_field(out, cell.data);
			}
			buf_puts(out, "\r\n");
		}
	}
}
