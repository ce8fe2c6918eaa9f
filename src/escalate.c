/*
 * escalate.c — where signals go (spec 5.2).
 *
 * A body's members are places (municipalities, or areas such as Antwerp's
 * postcode areas) and other bodies, each for a period and on a source's
 * word (`members x { from ...; to ...; unconfirmed "..." }`).  Preparing,
 * every place learns the bodies that have it among their members, directly
 * or through member bodies, with the days that holds (its reaches).
 *
 * A signal's target is a body, or a kind resolved for each signalled area
 * on the plan's evaluation date: walking up from the area (area, the area
 * it lies in, ..., its municipality, then the municipality that one merged
 * into by then), the first place that a body of that kind has among its
 * active members decides.  One such body resolves; none at every level is
 * E703, several at one level E704.  When the body reached has a
 * supra-local plan loaded that does not answer the signal, the signal
 * travels on along escalates_to.
 */
#include "analysis.h"

#include <limits.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"
#include "places.h"
#include "schema.h"
#include "spelling.h"

#define MAX_ESCALATION_STEPS 16

/* ---- membership --------------------------------------------------------------------- */

static long membership_from(const Membership *m)
{
	return m->has_from && m->from.year ? date_first_day(m->from) : LONG_MIN;
}

static long membership_to(const Membership *m)
{
	return m->has_to && m->to.year ? date_last_day(m->to) : LONG_MAX;
}

/*
 * A body that is, through its members, a member of itself: E706, reported
 * once at the body where the walk came back.  An iterative walk up the
 * `containers` links, so the depth of the nesting is not the C stack's.
 */
static bool in_membership_cycle(World *w, Body *start)
{
	if (start->membership == VISIT_DONE)
		return false;
	Vec stack = { 0 }, path = { 0 };
	vec_push(&stack, start);
	bool cycle = false;
	while (stack.len && !cycle) {
		Body *b = stack.items[stack.len - 1];
		if (b->membership == VISIT_NEW) {
			b->membership = VISIT_ACTIVE;
			vec_push(&path, b);
			for (size_t i = 0; i < b->containers.len; i++) {
				Body *up = VEC_AT(b->containers, Membership, i)->body;
				if (up->membership == VISIT_ACTIVE) {
					diag_report(w->diags, DIAG_E706, up->base.decl->id.loc,
						    "body '%s' is, through its members, a member of itself",
						    entity_name(&up->base));
					cycle = true;
				} else if (up->membership == VISIT_NEW) {
					vec_push(&stack, up);
				}
			}
		} else {
			stack.len--;
			if (b->membership == VISIT_ACTIVE) {
				b->membership = VISIT_DONE;
				path.len--;
			}
		}
	}
	for (size_t i = 0; i < path.len; i++)
		VEC_AT(path, Body, i)->membership = VISIT_DONE; /* cut where the cycle was met */
	return cycle;
}

/* Give `place` a reach for every body that holds it through `m`, following
   member bodies upward with a worklist. */
static void add_reaches(World *w, Place *place, const Membership *m)
{
	Vec work = { 0 };
	Reach *first = NEW(Reach);
	*first = (Reach){ m->body, m, membership_from(m), membership_to(m), m->unconfirmed };
	vec_push(&work, first);
	size_t steps = 0;
	while (work.len) {
		Reach *r = work.items[--work.len];
		vec_push(&place->reaches, r);
		if (r->body->membership != VISIT_DONE || ++steps > 100000)
			continue; /* a cycle, reported; or a nesting no plan has */
		for (size_t i = 0; i < r->body->containers.len; i++) {
			const Membership *up = VEC_AT(r->body->containers, Membership, i);
			long from = membership_from(up), to = membership_to(up);
			Reach *next = NEW(Reach);
			*next = (Reach){ up->body, m, from > r->from ? from : r->from, to < r->to ? to : r->to,
					 r->unconfirmed ? r->unconfirmed : up->unconfirmed };
			if (next->from <= next->to)
				vec_push(&work, next);
		}
	}
	(void)w;
}

void escalate_prepare(World *w)
{
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->bodies.len; k++)
			in_membership_cycle(w, VEC_AT(m->bodies, Body, k));
	}
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->bodies.len; k++) {
			Body *b = VEC_AT(m->bodies, Body, k);
			for (size_t j = 0; j < b->memberships.len; j++) {
				const Membership *ms = VEC_AT(b->memberships, Membership, j);
				if (ms->member && ms->member->ns == NS_PLACE)
					add_reaches(w, (Place *)ms->member, ms);
			}
		}
	}
}

/* ---- resolution -------------------------------------------------------------------- */

/* The place above `p` on `day`: the place it lies in, or for a municipality
   the one it had merged into by then. */
static Place *up_from(const Place *p, long day)
{
	if (p->parent)
		return p->parent;
	if (p->merged_into && p->merged_on.year && day >= date_first_day(p->merged_on))
		return p->merged_into;
	return NULL;
}

static bool holds(const Reach *r, const Kind *kind, long day)
{
	return r->body->kind == kind && day >= r->from && day <= r->to;
}

/* How many bodies of `kind` hold `p` on `day` (a body reached twice, by two
   periods or two paths, counts once); *first gets the first reach. */
static int active_reaches(const Place *p, const Kind *kind, long day, const Reach **first)
{
	int count = 0;
	for (size_t i = 0; i < p->reaches.len; i++) {
		const Reach *r = p->reaches.items[i];
		if (!holds(r, kind, day))
			continue;
		bool again = false;
		for (size_t k = 0; k < i && !again; k++)
			again = holds(p->reaches.items[k], kind, day) && VEC_AT(p->reaches, Reach, k)->body == r->body;
		if (again)
			continue;
		if (!count)
			*first = r;
		count++;
	}
	return count;
}

Resolution escalate_resolve(const Kind *kind, Place *area, long day)
{
	Resolution res = { 0 };
	int steps = 0;
	for (Place *p = area; p && steps < 10000; p = up_from(p, day), steps++) {
		const Reach *r = NULL;
		int count = active_reaches(p, kind, day, &r);
		if (count) {
			res.at = p;
			res.count = count;
			if (count == 1) {
				res.reach = r;
				res.body = r->body;
			}
			return res;
		}
	}
	return res;
}

/* The areas of `p` (one level down) that some body of `kind` has as members. */
static const char *member_areas(const Place *p, const Kind *kind, long day)
{
	StrBuf list = { 0 };
	int shown = 0;
	for (size_t i = 0; i < p->children.len && shown < 4; i++) {
		const Place *child = p->children.items[i];
		const Reach *r;
		if (active_reaches(child, kind, day, &r)) {
			if (!list.data)
				buf_init(&list);
			buf_printf(&list, "%s%s", shown ? ", " : "", entity_name(&child->base));
			shown++;
		}
	}
	return list.data;
}

/* The area of `p` (one level down) with the postcode of `area`, that a body
   of `kind` has as a member; NULL when `area` says no postcode. */
static const Place *area_by_postcode(const Place *p, const Place *area, const Kind *kind, long day)
{
	for (size_t i = 0; area->has_postcode && i < p->children.len; i++) {
		const Place *child = p->children.items[i];
		const Reach *r;
		if (child != area && child->has_postcode && child->postcode == area->postcode &&
		    active_reaches(child, kind, day, &r))
			return child;
	}
	return NULL;
}

/* Where to put an area that no body of the kind has: a line to write when
   its postcode says which area it lies in, else what to look for. */
static void hint_inner_area(Diagnostic *d, const Place *muni, const Place *area, const Kind *kind, long day,
			    const char *parts)
{
	const Place *by_postcode = area_by_postcode(muni, area, kind, day);
	/* `area` spelt as the area's file is */
	const char *keyword = spelling_keyword(DECL_AREA, spelling_of_module(area->base.module));
	if (by_postcode)
		diag_note(d, (SrcLoc){ 0 }, "bodies of kind '%s' have areas of %s as members; '%s' has postcode %ld: "
			  "put it inside %s: %s %s \"...\" in %s", entity_name(&kind->base), entity_name(&muni->base),
			  entity_name(&area->base), area->postcode, entity_title(&by_postcode->base), keyword,
			  entity_name(&area->base), entity_name(&by_postcode->base));
	else
		diag_note(d, (SrcLoc){ 0 }, "bodies of kind '%s' have areas of %s as members (%s%s): put '%s' "
			  "inside the one it lies in (for a postcode area, the one of its postcode): "
			  "%s %s \"...\" in %s", entity_name(&kind->base), entity_name(&muni->base), parts,
			  strchr(parts, ',') ? ", ..." : "", entity_name(&area->base), keyword, entity_name(&area->base),
			  _("AREA"));
}

/* The property `expected`, spelt as the signal's file is (a note names it). */
static const char *expected_word(const Signal *s)
{
	const PropSpec *spec = schema_spec(PROP_SIGNAL_EXPECTED);
	return spelling_of_module(s->base.module) == SPELLING_DUTCH ? spec->dutch : spec->name;
}

/* "signal N to TARGET" for a hint, spelt as the signal's file is (spelling.h). */
static const char *signal_to(const Signal *s, const char *target)
{
	Spelling sp = spelling_of_module(s->base.module);
	return mem_printf("%s %s %s %s", spelling_keyword(DECL_SIGNAL, sp), entity_name(&s->need->base),
			  spelling_join("to", "to: the target", sp), target);
}

/* Resolve a kind for one area, reporting none (E703) or several (E704). */
static const Reach *resolve_kind(World *w, const Signal *s, Kind *kind, Place *area, long day, SrcLoc loc)
{
	Resolution res = escalate_resolve(kind, area, day);
	Place *muni = area->municipality;
	if (res.body || !muni)
		return res.reach; /* no municipality: the broken containment is reported already */
	if (res.count == 0) {
		Diagnostic *d = diag_report(w->diags, DIAG_E703, loc,
					    "signal '%s' to %s does not resolve for %s: no body of kind '%s' has "
					    "'%s' among its members",
					    entity_name(&s->need->base), entity_name(&kind->base),
					    entity_name(&area->base), entity_name(&kind->base),
					    entity_name(&muni->base));
		const char *parts = member_areas(muni, kind, day);
		if (parts)
			hint_inner_area(d, muni, area, kind, day, parts);
		else
			diag_note(d, (SrcLoc){ 0 }, "name the body itself (to BODY), or add %s to the members of "
				  "the right %s", entity_name(&muni->base), entity_title(&kind->base));
		return NULL;
	}
	Diagnostic *d = diag_report(w->diags, DIAG_E704, loc,
				    "signal '%s' to %s is ambiguous for %s: %d bodies of that kind have '%s' as a member",
				    entity_name(&s->need->base), entity_name(&kind->base), entity_name(&area->base),
				    res.count, entity_name(&res.at->base));
	const Body *example = NULL;
	PairSet listed = { 0 };
	for (size_t i = 0; i < res.at->reaches.len; i++) {
		const Reach *r = res.at->reaches.items[i];
		if (!holds(r, kind, day) || !pairset_add(&listed, r->body, NULL))
			continue;
		diag_note(d, r->body->base.decl->id.loc, "candidate: %s (%s)", entity_name(&r->body->base),
			  entity_title(&r->body->base));
		if (!example)
			example = r->body;
	}
	diag_note(d, (SrcLoc){ 0 }, "name the body you mean: %s", signal_to(s, entity_name(&example->base)));
	return NULL;
}

/* Where a body sends what it cannot answer: its own escalates_to, else its kind's. */
static Body *next_body(Body *b, Place *area, long day)
{
	Entity *next = b->escalates_to;
	if (!next && b->kind)
		next = b->kind->escalates_to;
	if (!next)
		return NULL;
	if (next->ns == NS_BODY)
		return (Body *)next;
	return escalate_resolve((Kind *)next, area, day).body;
}

/* The action of `answer` counts where the body's own plan gives it, it is
   not stopped, and it runs in the signalled area (or a place around it). */
/* The status the body's record or the sender states, before any answer. */
static SignalStatus said_status(const Signal *s)
{
	return s->record && s->record->status != SIG_UNKNOWN ? s->record->status : s->own_status;
}

/* Does the answer by an action count for this body and area?  Not for a
   signal refused or passed on (E709): such a signal travels on as if unanswered. */
static bool answer_counts(const Signal *s, const Body *at, const Place *area)
{
	const Action *a = s->answered_by;
	SignalStatus said = said_status(s);
	if (said == SIG_REFUSED || said == SIG_PASSED_ON)
		return false;
	if (!a || !at->plan || a->base.module != at->plan->base.module || a->status == STATUS_STOPPED)
		return false;
	for (size_t i = 0; i < a->places.len; i++)
		if (places_within(area, a->places.items[i]))
			return true;
	/* without `in`, it runs where the needs it addresses are */
	for (size_t i = 0; a->places.len == 0 && i < a->addresses.len; i++) {
		const Need *n = a->addresses.items[i];
		for (size_t k = 0; k < n->areas.len; k++)
			if (places_within(area, VEC_AT(n->areas, Coverage, k)->area))
				return true;
	}
	return false;
}

/* W703: the body was reached through a membership no source confirms. */
static void report_unconfirmed(World *w, const Signal *s, const Route *r, SrcLoc loc)
{
	const Membership *m = r->reach->leaf;
	const Provenance *p = m->provenance;
	Diagnostic *d = diag_report(w->diags, DIAG_W703, loc,
				    "signal '%s' reaches %s for %s through a membership no source confirms: %s",
				    entity_name(&s->need->base), entity_title(&r->body->base),
				    entity_name(&r->area->base), r->reach->unconfirmed);
	diag_note(d, m->loc, "the membership of %s in %s%s%s%s%s", entity_name(m->member),
		  entity_name(&m->body->base), p && p->source ? _(" rests on: ") : "", p && p->source ? p->source : "",
		  p && p->has_as_of ? _(", as of ") : "", p && p->has_as_of ? date_format(p->as_of) : "");
	diag_note(d, (SrcLoc){ 0 }, "confirm it with %s, or name the body yourself: %s", entity_title(&r->body->base),
		  signal_to(s, entity_name(&r->body->base)));
}

/* Resolve a kind for one area: a problem is reported once per signal and
   place where it arises (three areas of one municipality are one error). */
static const Reach *route_kind(World *w, const Signal *s, Kind *kind, Place *area, long day, SrcLoc loc,
			       PairSet *reported)
{
	Resolution res = escalate_resolve(kind, area, day);
	if (res.body)
		return res.reach;
	if (pairset_add(reported, s, res.at ? res.at : area->municipality))
		resolve_kind(w, s, kind, area, day, loc);
	return NULL;
}

/* A body whose plan recorded a signal (received, in progress, refused, ...)
   keeps it, unless it passed it on: it does not travel further by itself. */
static bool stays_with(const Signal *s, const Body *at)
{
	const Answer *rec = s->record;
	return rec && at->plan && rec->base.module == at->plan->base.module && rec->status != SIG_PASSED_ON;
}

/* Does the route reach body b, first or travelling on (has it passed b
   already)?  The path is at most MAX_ESCALATION_STEPS long. */
static bool route_reaches(const Route *r, const Body *b)
{
	if (r->body == b)
		return true;
	for (size_t i = 0; i < r->path.len; i++)
		if (r->path.items[i] == b)
			return true;
	return false;
}

/* E706, once per body: escalates_to leads from it back to a body of the route. */
static void report_escalation_cycle(World *w, const Route *r, const Body *at, const Body *next, PairSet *cycles)
{
	if (!pairset_add(cycles, at, NULL))
		return;
	StrBuf path = { 0 };
	buf_init(&path);
	bool in_cycle = false;
	for (size_t i = 0; i <= r->path.len; i++) {
		const Body *b = i == 0 ? r->body : r->path.items[i - 1];
		in_cycle = in_cycle || b == next;
		if (in_cycle)
			buf_printf(&path, "%s -> ", entity_name(&b->base));
	}
	buf_puts(&path, entity_name(&next->base));
	diag_report(w->diags, DIAG_E706, at->base.decl->id.loc,
		    "body '%s' escalates back to '%s', where the signal has been: %s", entity_name(&at->base),
		    entity_name(&next->base), path.data);
}

static void route_one(World *w, Signal *s, Place *area, SrcLoc loc, PairSet *reported, PairSet *cycles)
{
	long day = s->base.module->eval_day;
	Route *r = NEW(Route);
	r->area = area;
	if (s->target->ns == NS_BODY) {
		r->body = (Body *)s->target;
	} else {
		r->reach = route_kind(w, s, (Kind *)s->target, area, day, loc, reported);
		r->body = r->reach ? r->reach->body : NULL;
		if (r->reach && r->reach->unconfirmed && pairset_add(reported, s, r->reach->leaf))
			report_unconfirmed(w, s, r, loc);
	}
	vec_push(&s->routes, r);
	if (!r->body)
		return;
	Body *at = r->body;
	r->answered = answer_counts(s, at, area);
	if (stays_with(s, at))
		return;
	for (int step = 0; step < MAX_ESCALATION_STEPS && at->plan && !r->answered; step++) {
		Body *next = next_body(at, area, day);
		if (!next || next == at)
			break;
		if (route_reaches(r, next)) {
			report_escalation_cycle(w, r, at, next, cycles);
			break;
		}
		vec_push(&r->path, next);
		at = next;
		r->answered = answer_counts(s, at, area);
	}
}

/* "psychologist (Meer) -> ELZ Kempenland -> Provincie Antwerpen" for messages. */
static const char *route_line(const Signal *s, const Route *r)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_printf(&b, "%s (%s) -> %s", entity_name(&s->need->base), entity_name(&r->area->base),
		   r->body ? entity_title(&r->body->base) : "(unresolved)");
	for (size_t i = 0; i < r->path.len; i++)
		buf_printf(&b, " -> %s", entity_title(&VEC_AT(r->path, Body, i)->base));
	return b.data;
}

/*
 * An `answer` counts only where the answering plan's body is on the
 * signal's route, by an action that is not stopped, for the signalled
 * areas it runs in (spec 5.1, amended): E707, E708 and W709 otherwise.
 */
static void check_answer(World *w, Signal *s)
{
	const Action *a = s->answered_by;
	const Plan *plan = a->base.module->plan;
	const Body *body = plan ? plan->body : NULL;
	SrcLoc at = s->answer->loc;
	bool counts = false;
	if (!body) {
		diag_report(w->diags, DIAG_E707, at, "an answer comes from a plan that speaks for a body: add 'body BODY' "
			    "to the plan block of %s", plan ? entity_name(&plan->base) : a->base.module->src->path);
	} else if (a->status == STATUS_STOPPED) {
		Diagnostic *d = diag_report(w->diags, DIAG_E708, at, "action '%s' is stopped: it cannot answer signal '%s'",
					    entity_name(&a->base), entity_name(&s->need->base));
		diag_note(d, a->base.decl->id.loc, "action '%s' is declared here", entity_name(&a->base));
	} else {
		bool reaches = false;
		for (size_t i = 0; i < s->routes.len; i++) {
			const Route *r = s->routes.items[i];
			if (!route_reaches(r, body))
				continue;
			reaches = true;
			if (r->answered) {
				counts = true;
				continue;
			}
			Diagnostic *d = diag_report(w->diags, DIAG_W709, at,
						    "the answer does not count for %s: action '%s' does not run there",
						    entity_name(&r->area->base), entity_name(&a->base));
			diag_note(d, a->base.decl->id.loc, "add %s (or a place around it) to the 'in' of '%s' if it does",
				  entity_name(&r->area->base), entity_name(&a->base));
		}
		if (!reaches) {
			Diagnostic *d = diag_report(w->diags, DIAG_E707, at, "signal '%s' does not reach %s, whose plan answers it",
						    entity_name(&s->need->base), entity_title(&body->base));
			for (size_t i = 0; i < s->routes.len && i < 3; i++)
				diag_note(d, s->base.decl->loc, "its route: %s", route_line(s, s->routes.items[i]));
		}
	}
	if (!counts)
		s->answered_by = NULL; /* reports show only answers that count */
}

/* Where a signal stands, all told: the body's record first, then an answer
   that counts, then what the sender says. */
static SignalStatus status_of(const Signal *s)
{
	const Answer *rec = s->record;
	if (rec && rec->status != SIG_UNKNOWN)
		return rec->status;
	if (s->answered_by)
		return SIG_ANSWERED;
	if (rec && rec->has_received)
		return SIG_RECEIVED;
	if (s->own_status != SIG_UNKNOWN)
		return s->own_status;
	return s->has_sent ? SIG_SENT : SIG_UNKNOWN;
}

static bool is_closed(SignalStatus st)
{
	return st == SIG_ANSWERED || st == SIG_REFUSED || st == SIG_PASSED_ON;
}

/*
 * The life cycle of a signal on its plan's evaluation date: its status, how
 * long it has been open, and whether an answer is overdue (W711).  An
 * answer by an action to a signal that was refused or passed on is E709.
 */
/* E709: an action answers a signal that was refused or passed on; the answer does not count. */
static bool refused_answer(World *w, Signal *s)
{
	SignalStatus said = said_status(s);
	if (!s->answer || (said != SIG_REFUSED && said != SIG_PASSED_ON))
		return false;
	Diagnostic *d = diag_report(w->diags, DIAG_E709, s->answer->loc, "signal '%s' was %s: an action cannot answer it",
				    entity_name(&s->need->base), said == SIG_REFUSED ? _("refused") : _("passed on"));
	diag_note(d, s->record && s->record->status != SIG_UNKNOWN ? s->record->base.decl->loc : s->base.decl->loc,
		  "its status is said here");
	s->answered_by = NULL;
	for (size_t i = 0; i < s->routes.len; i++)
		VEC_AT(s->routes, Route, i)->answered = false;
	return true;
}

static void follow_up(World *w, Signal *s)
{
	long today = s->base.module->eval_day;
	s->status = status_of(s);
	s->open_days = -1;
	if (s->has_sent && s->sent.year && !is_closed(s->status))
		s->open_days = today - date_first_day(s->sent);
	if (!is_closed(s->status) && s->has_expected && s->expected.year && date_last_day(s->expected) < today) {
		s->overdue = true;
		Diagnostic *d = diag_report(w->diags, DIAG_W711, s->base.decl->loc,
					    "signal '%s' expected an answer by %s and is still open (status %s) on %s",
					    entity_name(&s->need->base), date_format(s->expected),
					    _(s->status == SIG_UNKNOWN ? "sent" : vocab_word(VOCAB_SIGNAL_STATUS, (int)s->status)),
					    date_format_days(today));
		if (s->open_days >= 0)
			diag_note(d, (SrcLoc){ 0 }, "sent on %s: open for %ld days; ask the body, or move '%s'",
				  date_format_days(date_first_day(s->sent)), s->open_days, expected_word(s));
	}
}

void escalate_route_signals(World *w)
{
	PairSet cycles = { 0 }; /* bodies whose escalation cycle is reported */
	for (size_t i = 0; i < w->modules.len; i++) {
		Module *m = VEC_AT(w->modules, Module, i);
		for (size_t k = 0; k < m->signals.len; k++) {
			Signal *s = VEC_AT(m->signals, Signal, k);
			if (!s->need || !s->target)
				continue;
			PairSet reported = { 0 };
			for (size_t a = 0; a < s->areas.len; a++)
				route_one(w, s, VEC_AT(s->areas, Place, a), s->base.decl->stmt->target->loc, &reported,
					  &cycles);
			if (s->answered_by && !refused_answer(w, s))
				check_answer(w, s);
			follow_up(w, s);
			Route *first = s->routes.len ? VEC_AT(s->routes, Route, 0) : NULL;
			if (first && first->body && first->body->plan && !first->answered && !s->answered_by && !s->record) {
				Diagnostic *d = diag_report(w->diags, DIAG_W702, s->base.decl->loc,
							    "signal '%s' reaches %s, whose plan does not answer it",
							    entity_name(&s->need->base), entity_title(&first->body->base));
				Spelling there = spelling_of_module(first->body->plan->base.module);
				diag_note(d, first->body->plan->base.decl->id.loc, "answer it there with: %s",
					  mem_printf("%s %s.%s %s %s", spelling_keyword(DECL_ANSWER, there),
						     m->plan ? entity_name(&m->plan->base) : _("PLAN"),
						     entity_name(&s->need->base), spelling_join("with", "with", there),
						     _("ACTION")));
			}
		}
	}
}
