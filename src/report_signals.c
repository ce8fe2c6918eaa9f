/*
 * report_signals.c — `carenet signals`: what each body has received, as a
 * zone reads it when its plan is evaluated with its members' plans.
 *
 * Per body, in the order signals first reach it: the capabilities asked
 * for, with the municipalities and areas asking (three municipalities asking
 * for a psychologist is one line with three sources), then each signal with
 * where it stands: sent, received, how long it has been open, overdue,
 * answered by which action, or travelling on to the next body.  In text,
 * JSON, markdown and HTML.
 */
#include "report.h"

#include <string.h>

#include "json.h"
#include "i18n.h"
#include "mem.h"

/* One signal as one body received it. */
typedef struct {
	const Signal *signal;
	const SignalReach *reach;    /* its routes to this body */
	const char *areas;           /* "Meer, Minderhout (Hoogstraten)" */
	const Body *travels_on_to;   /* where it goes when this body does not answer */
} Received;

/* A capability asked of a body, and who asked. */
typedef struct {
	const Capability *capability;
	Vec signals;                 /* of SignalReach, in order */
} Ask;

typedef struct {
	const Body *body;
	Vec received;                /* of Received */
	Vec asks;                    /* of Ask */
} Inbox;

static const Body *travels_on(const SignalReach *reach)
{
	for (size_t r = 0; r < reach->routes.len; r++) {
		const Route *route = VEC_AT(reach->routes, Route, r);
		if (route->path.len)
			return VEC_AT(route->path, Body, route->path.len - 1);
	}
	return NULL;
}

static void add_asks(Inbox *box, Table *by_capability, const SignalReach *reach)
{
	const Signal *s = reach->signal;
	for (size_t c = 0; c < s->need->requires.len; c++) {
		const Capability *cap = s->need->requires.items[c];
		Ask *ask = table_get(by_capability, entity_name(&cap->base));
		if (!ask) {
			ask = NEW(Ask);
			ask->capability = cap;
			table_put(by_capability, entity_name(&cap->base), ask);
			vec_push(&box->asks, ask);
		}
		vec_push(&ask->signals, (void *)reach);
	}
}

/* The inboxes of the bodies reached, built once for every format from the
   index of signals by body (linear in the routes). */
static Vec inboxes(const World *w)
{
	SignalIndex ix = report_signal_index(w);
	Vec boxes = { 0 };
	for (size_t i = 0; i < ix.bodies.len; i++) {
		const BodyReach *br = ix.bodies.items[i];
		Inbox *box = NEW(Inbox);
		box->body = br->body;
		Table by_capability = { 0 };
		for (size_t k = 0; k < br->reaches.len; k++) {
			const SignalReach *reach = br->reaches.items[k];
			Received *r = NEW(Received);
			*r = (Received){ reach->signal, reach, report_areas_text(reach, true), travels_on(reach) };
			vec_push(&box->received, r);
			add_asks(box, &by_capability, reach);
		}
		vec_push(&boxes, box);
	}
	return boxes;
}

/* "Hoogstraten_2025 (Meer, Minderhout), merksplas_2025 (Centrum)" */
static const char *askers(const Ask *ask)
{
	StrBuf list = { 0 };
	buf_init(&list);
	for (size_t i = 0; i < ask->signals.len; i++) {
		const SignalReach *reach = ask->signals.items[i];
		buf_printf(&list, "%s%s (%s)", i ? ", " : "", report_signal_origin(reach->signal),
			   report_areas_text(reach, false));
	}
	return list.data;
}

/* "sent 2025-03, open 305 days, answer expected by 2025-09: OVERDUE",
   "answered, sent 2026-02, received 2026-02" */
static const char *life_text(const Signal *s)
{
	StrBuf b = { 0 };
	buf_init(&b);
	if (s->has_sent && (s->status == SIG_SENT || s->status == SIG_UNKNOWN))
		buf_printf(&b, _("sent %s"), date_format(s->sent));
	else
		buf_puts(&b, s->status == SIG_UNKNOWN ? _("not said") : _(vocab_word(VOCAB_SIGNAL_STATUS, (int)s->status)));
	if (s->has_sent && s->status != SIG_SENT && s->status != SIG_UNKNOWN)
		buf_printf(&b, _(", sent %s"), date_format(s->sent));
	if (s->record && s->record->has_received)
		buf_printf(&b, _(", received %s"), date_format(s->record->received));
	if (s->open_days >= 0)
		buf_printf(&b, i18n_plural(", open %ld day", ", open %ld days", (unsigned long)s->open_days), s->open_days);
	if (s->has_expected)
		buf_printf(&b, _(", answer expected by %s"), date_format(s->expected));
	if (s->overdue)
		buf_puts(&b, _(": OVERDUE"));
	return b.data;
}

static const char *reply_of(const Signal *s)
{
	return s->record && s->record->reply ? s->record->reply : s->reply;
}

/* ---- text ------------------------------------------------------------------------------ */

static void text_received(const Received *r, const Body *b, StrBuf *out)
{
	const Signal *s = r->signal;
	buf_printf(out, _("  %s: %s \"%s\" in %s\n"), report_signal_origin(s), entity_name(&s->need->base),
		   entity_title(&s->need->base), r->areas);
	if (s->status != SIG_UNKNOWN || s->has_sent || s->has_expected) /* a plan may not follow it */
		buf_printf(out, _("    status: %s\n"), life_text(s));
	if (s->message)
		buf_printf(out, _("    message: %s\n"), s->message);
	if (s->answered_by)
		buf_printf(out, _("    answered by: %s\n"), entity_name(&s->answered_by->base));
	if (reply_of(s))
		buf_printf(out, _("    reply: %s\n"), reply_of(s));
	Vec through = report_memberships_reaching(s, b);
	for (size_t t = 0; t < through.len; t++)
		buf_printf(out, _("    through: %s\n"), report_membership_text(through.items[t]));
	if (r->travels_on_to)
		buf_printf(out, _("    not answered here: travels on to %s\n"), entity_title(&r->travels_on_to->base));
}

void report_signals_text(const World *w, StrBuf *out)
{
	Vec boxes = inboxes(w);
	if (boxes.len == 0)
		buf_puts(out, _("No signals.\n"));
	for (size_t i = 0; i < boxes.len; i++) {
		const Inbox *box = boxes.items[i];
		buf_printf(out, "%s%s (%s)\n", i ? "\n" : "", entity_title(&box->body->base), entity_name(&box->body->base));
		for (size_t k = 0; k < box->received.len; k++)
			text_received(box->received.items[k], box->body, out);
		for (size_t c = 0; c < box->asks.len; c++) {
			const Ask *ask = box->asks.items[c];
			if (ask->signals.len > 1)
				buf_printf(out, _("  shared need for %s (%zu signals): %s\n"), entity_title(&ask->capability->base),
					   (size_t)ask->signals.len, askers(ask));
		}
	}
}

/* ---- JSON ---------------------------------------------------------------------------- */

static void json_received(JsonWriter *j, const Received *r)
{
	const Signal *s = r->signal;
	json_object_begin(j);
	json_kv_string(j, "plan", s->base.module->plan ? entity_name(&s->base.module->plan->base) : NULL);
	json_kv_string(j, "file", s->base.module->src->path);
	json_kv_string(j, "need", entity_name(&s->need->base));
	json_kv_string(j, "title", entity_title(&s->need->base));
	json_kv_string(j, "areas", report_areas_text(r->reach, false));
	json_kv_string(j, "message", s->message);
	json_kv_string(j, "status", s->status == SIG_UNKNOWN ? NULL : vocab_word(VOCAB_SIGNAL_STATUS, (int)s->status));
	json_kv_string(j, "sent", s->has_sent ? date_format(s->sent) : NULL);
	json_kv_string(j, "received", s->record && s->record->has_received ? date_format(s->record->received) : NULL);
	json_kv_string(j, "expected", s->has_expected ? date_format(s->expected) : NULL);
	json_key(j, "open_days");
	if (s->open_days >= 0)
		json_int(j, s->open_days);
	else
		json_write_null(j);
	json_key(j, "overdue");
	json_bool(j, s->overdue);
	json_kv_string(j, "answered_by", s->answered_by ? entity_name(&s->answered_by->base) : NULL);
	json_kv_string(j, "reply", reply_of(s));
	json_kv_string(j, "travels_on_to", r->travels_on_to ? entity_name(&r->travels_on_to->base) : NULL);
	report_json_memberships(j, "through", report_memberships_reaching(s, r->reach->body));
	json_object_end(j);
}

void report_signals_json(const World *w, StrBuf *out)
{
	Vec boxes = inboxes(w);
	JsonWriter j;
	report_json_begin(&j, out);
	json_key(&j, "bodies");
	json_array_begin(&j);
	for (size_t i = 0; i < boxes.len; i++) {
		const Inbox *box = boxes.items[i];
		json_object_begin(&j);
		json_kv_string(&j, "body", entity_name(&box->body->base));
		json_kv_string(&j, "body_name", entity_title(&box->body->base));
		json_key(&j, "asked");
		json_array_begin(&j);
		for (size_t c = 0; c < box->asks.len; c++) {
			const Ask *ask = box->asks.items[c];
			json_object_begin(&j);
			json_kv_string(&j, "capability", entity_name(&ask->capability->base));
			json_key(&j, "by");
			json_array_begin(&j);
			for (size_t k = 0; k < ask->signals.len; k++)
				json_write_string(&j, report_signal_origin(VEC_AT(ask->signals, SignalReach, k)->signal));
			json_array_end(&j);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_key(&j, "received");
		json_array_begin(&j);
		for (size_t k = 0; k < box->received.len; k++)
			json_received(&j, box->received.items[k]);
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}

/* ---- markdown and HTML --------------------------------------------------------------------- */

static const char *md_cell(const char *s)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (; s && *s; s++)
		if (*s == '|')
			buf_puts(&b, "\\|");
		else
			buf_putc(&b, *s == '\n' ? ' ' : *s);
	return b.data;
}

/* The memberships that sent a signal to this body, one a line in the cell
   (GitHub's tables take <br>; a membership's own text is escaped). */
static const char *md_through(const Received *r)
{
	Vec through = report_memberships_reaching(r->signal, r->reach->body);
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t t = 0; t < through.len; t++)
		buf_printf(&b, "%s%s", t ? "<br>" : "", md_cell(report_membership_text(through.items[t])));
	return b.data;
}

void report_signals_markdown(const World *w, StrBuf *out)
{
	Vec boxes = inboxes(w);
	buf_printf(out, "# %s\n\n", _("Signals"));
	if (boxes.len == 0)
		buf_puts(out, _("No signals.\n"));
	for (size_t i = 0; i < boxes.len; i++) {
		const Inbox *box = boxes.items[i];
		buf_printf(out, "## %s\n\n", md_cell(entity_title(&box->body->base)));
		for (size_t c = 0; c < box->asks.len; c++) {
			const Ask *ask = box->asks.items[c];
			buf_printf(out, "- %s: %s\n", md_cell(entity_title(&ask->capability->base)), md_cell(askers(ask)));
		}
		buf_puts(out, _("\n| From | Need | Areas | Status | Answered by | Reply | Through |\n"
				"|---|---|---|---|---|---|---|\n"));
		for (size_t k = 0; k < box->received.len; k++) {
			const Received *r = box->received.items[k];
			const Signal *s = r->signal;
			buf_printf(out, "| %s | %s | %s | %s | %s | %s | %s |\n", md_cell(report_signal_origin(s)),
				   md_cell(entity_title(&s->need->base)), md_cell(r->areas), md_cell(life_text(s)),
				   s->answered_by ? md_cell(entity_title(&s->answered_by->base)) : "",
				   reply_of(s) ? md_cell(reply_of(s)) : "", md_through(r));
		}
		buf_putc(out, '\n');
	}
}

static void html_cell(StrBuf *out, const char *s)
{
	buf_puts(out, "<td>");
	report_html_text(out, s);
	buf_puts(out, "</td>");
}

/* The memberships that sent a signal to this body, one a line. */
static void html_through(StrBuf *out, const Received *r)
{
	Vec through = report_memberships_reaching(r->signal, r->reach->body);
	buf_puts(out, "<td>");
	for (size_t t = 0; t < through.len; t++) {
		if (t)
			buf_puts(out, "<br>");
		report_html_text(out, report_membership_text(through.items[t]));
	}
	buf_puts(out, "</td>");
}

void report_signals_html(const World *w, StrBuf *out)
{
	Vec boxes = inboxes(w);
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>%s</title>"
		      "<style>body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
		      "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
		      "tr.overdue td{background:#ffcdd2}</style></head><body>\n<h1>%s</h1>\n", i18n_code(), _("Signals"),
		   _("Signals"));
	if (boxes.len == 0)
		buf_printf(out, "<p>%s</p>\n", _("No signals."));
	for (size_t i = 0; i < boxes.len; i++) {
		const Inbox *box = boxes.items[i];
		buf_puts(out, "<h2>");
		report_html_text(out, entity_title(&box->body->base));
		buf_puts(out, "</h2>\n<ul class=\"asked\">\n");
		for (size_t c = 0; c < box->asks.len; c++) {
			const Ask *ask = box->asks.items[c];
			buf_puts(out, "<li>");
			report_html_text(out, mem_printf("%s: %s", entity_title(&ask->capability->base), askers(ask)));
			buf_puts(out, "</li>\n");
		}
		buf_printf(out, "</ul>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
			   "<th>%s</th></tr>\n", _("From"), _("Need"), _("Areas"), _("Status"), _("Answered by"), _("Reply"),
			   _("Through"));
		for (size_t k = 0; k < box->received.len; k++) {
			const Received *r = box->received.items[k];
			const Signal *s = r->signal;
			buf_printf(out, "<tr%s>", s->overdue ? " class=\"overdue\"" : "");
			html_cell(out, report_signal_origin(s));
			html_cell(out, entity_title(&s->need->base));
			html_cell(out, r->areas);
			html_cell(out, life_text(s));
			html_cell(out, s->answered_by ? entity_title(&s->answered_by->base) : "");
			html_cell(out, reply_of(s) ? reply_of(s) : "");
			html_through(out, r);
			buf_puts(out, "</tr>\n");
		}
		buf_puts(out, "</table>\n");
	}
	buf_puts(out, "</body></html>\n");
}
