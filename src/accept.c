/*
 * accept.c — acceptances (see accept.h).
 *
 * An acceptance names either a need (its gaps) or a warning code on a
 * declaration.  A word that reads as a diagnostic code (a letter E or W and
 * three digits) is a code; anything else is a need.
 */
#include "accept.h"

#include <ctype.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"

static bool looks_like_code(const char *s)
{
	return (s[0] == 'E' || s[0] == 'W' || s[0] == 'e' || s[0] == 'w') && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '\0';
}

static const char *upper_code(const char *s)
{
	char *code = mem_strdup(s);
	code[0] = (char)toupper((unsigned char)code[0]);
	return code;
}

/* E701 on a need: the acceptance it means, written out when the need is named. */
static void report_gap_code(World *w, Module *m, const DeclStatement *d, const char *code)
{
	const Entity *need = d->on && d->on->count == 1 ? names_find(w, m, NS_NEED, d->on->parts[0].text) : NULL;
	if (need && d->has_until && d->message && !d->malformed)
		diag_report(w->diags, DIAG_E510, d->need->loc,
			    "%s is about a need nobody addresses: accept the need itself: accept %s until %s \"%s\"", code,
			    entity_name(need), date_format(d->until), d->message);
	else
		diag_report(w->diags, DIAG_E510, d->need->loc,
			    "%s is about a need nobody addresses: accept the need itself, with its areas: "
			    "accept NEED in AREA until DATE \"reason\"",
			    code);
}

/* The code an acceptance names may be accepted: a warning about the plan. */
static bool code_acceptable(World *w, Module *m, const DeclStatement *d, const char *code, DiagCode *out)
{
	int found = diag_code_lookup(code);
	if (found < 0) {
		const char *names[DIAG_CODE_COUNT];
		for (int i = 0; i < DIAG_CODE_COUNT; i++)
			names[i] = diag_code_name((DiagCode)i);
		const char *close = names_closest(code, names, DIAG_CODE_COUNT);
		Diagnostic *diag = diag_report(w->diags, DIAG_E510, d->need->loc, "unknown diagnostic code '%s'%s%s%s",
					       code, close ? _("; did you mean '") : "", close ? close : "", close ? "'?" : "");
		if (!close)
			diag_note(diag, (SrcLoc){ 0 }, "the codes are listed in diagnostics.md (carenet explain CODE)");
		return false;
	}
	*out = (DiagCode)found;
	if (*out == DIAG_E701 || *out == DIAG_W713 || *out == DIAG_W712) {
		report_gap_code(w, m, d, code);
		return false;
	}
	if (diag_code_severity(*out) == SEV_ERROR) {
		diag_report(w->diags, DIAG_E510, d->need->loc,
			    "%s is an error, and an error cannot be accepted: change the plan so that it no longer applies",
			    code);
		return false;
	}
	if (!diag_code_suppressible(*out) || *out == DIAG_W714) {
		diag_report(w->diags, DIAG_E510, d->need->loc,
			    "%s is about suppressions and acceptances themselves and cannot be accepted", code);
		return false;
	}
	return true;
}

/* Every namespace, or the one of the kind written before the name. */
static Entity *resolve_on(World *w, Module *m, const DeclStatement *d)
{
	if (d->on_kind >= 0)
		return names_resolve(w, m, d->on, NS_BIT(entity_namespace_of((DeclKind)d->on_kind)),
				     "the declaration an acceptance is on");
	const char *name = d->on->parts[d->on->count - 1].text;
	Entity *first = NULL;
	for (int ns = 0; d->on->count == 1 && ns < NS_COUNT; ns++) {
		Entity *e = names_find(w, m, (Namespace)ns, name);
		if (e && first && e != first) {
			diag_report(w->diags, DIAG_E509, d->on->loc,
				    "'%s' names %s and %s; say which: on %s %s", name, decl_kind_noun(first->decl->kind),
				    decl_kind_noun(e->decl->kind), decl_kind_name(e->decl->kind), name);
			return NULL;
		}
		if (e && !first)
			first = e;
	}
	if (first)
		return first;
	return names_resolve(w, m, d->on, (1u << NS_COUNT) - 1, "the declaration an acceptance is on");
}

static void bind_code(World *w, Module *m, Acceptance *a)
{
	const DeclStatement *d = a->base.decl->stmt;
	const char *code = upper_code(d->need->parts[0].text);
	a->is_code = true;
	a->reported = d->areas.len > 0;
	if (d->areas.len)
		diag_report(w->diags, DIAG_E509, ((Ref *)d->areas.items[0])->loc,
			    "'in' names the areas of an accepted need; a warning is accepted on a declaration: "
			    "accept %s on NAME until DATE \"reason\"",
			    code);
	if (!d->on) {
		diag_report(w->diags, DIAG_E509, d->need->loc,
			    "an accepted warning needs the declaration it is accepted on: accept %s on NAME until DATE \"reason\"",
			    code);
		return;
	}
	if (code_acceptable(w, m, d, code, &a->code))
		a->on = resolve_on(w, m, d);
}

/* The need's areas named, each one of the need's own (E510 otherwise). */
static void bind_need(World *w, Module *m, Acceptance *a)
{
	const DeclStatement *d = a->base.decl->stmt;
	a->reported = d->on != NULL;
	if (d->on)
		diag_report(w->diags, DIAG_E509, d->on->loc,
			    "'on' names the declaration of an accepted warning code; a need's gaps are accepted in its "
			    "areas: accept %s in AREA until DATE \"reason\"",
			    d->need->parts[d->need->count - 1].text);
	a->need = (Need *)names_resolve(w, m, d->need, NS_BIT(NS_NEED), "an acceptance");
	for (size_t i = 0; i < d->areas.len; i++) {
		Place *p = (Place *)names_resolve(w, m, d->areas.items[i], NS_BIT(NS_PLACE), "the areas of an acceptance");
		if (p)
			vec_push(&a->areas, p);
	}
}

/* A code, or a need?  A word like W802 is a code; so is a word followed by
   'on' that names no need (W8O2 on ...: an unknown code, with its closest). */
static bool names_a_code(World *w, Module *m, const DeclStatement *d)
{
	if (d->need->count != 1)
		return false;
	const char *word = d->need->parts[0].text;
	return looks_like_code(word) || (d->on && !names_find(w, m, NS_NEED, word));
}

void accept_bind(World *w, Module *m, Acceptance *a)
{
	const DeclStatement *d = a->base.decl->stmt;
	if (d->message && d->message[strspn(d->message, " \t\r\n")])
		a->reason = d->message; /* a blank reason is none (E509) */
	if (d->has_until) {
		a->until = d->until;
		a->until_day = date_last_day(d->until);
	}
	if (names_a_code(w, m, d))
		bind_code(w, m, a);
	else
		bind_need(w, m, a);
	a->valid = !d->malformed && !a->reported && (a->is_code ? a->on != NULL : a->need != NULL);
	if (!a->valid)
		return; /* reported: it accepts nothing, and reports do not list it */
	vec_push(&m->acceptances, a);
	if (a->need)
		vec_push(&a->need->acceptances, a);
}

/* ---- after the evaluation dates are known ------------------------------------ */

/* Of two acceptances of one need-area, the one in force; else the first. */
static void offer(Coverage *c, Acceptance *a)
{
	if (!c->acceptance || (!c->acceptance->in_force && a->in_force))
		c->acceptance = a;
}

/*
 * Give each need-area its acceptance.  A place points at the need's
 * coverage of it while this need is done (Place.lookup), so the areas an
 * acceptance names are found without searching the need's list: linear
 * in the need's areas plus the areas named.
 */
static void assign_need(World *w, Need *n)
{
	for (size_t i = 0; i < n->areas.len; i++) {
		Coverage *c = VEC_AT(n->areas, Coverage, i);
		c->area->lookup = c;
	}
	for (size_t k = 0; k < n->acceptances.len; k++) {
		Acceptance *a = VEC_AT(n->acceptances, Acceptance, k);
		for (size_t i = 0; i < n->areas.len && a->areas.len == 0; i++)
			offer(VEC_AT(n->areas, Coverage, i), a);
		for (size_t i = 0; i < a->areas.len; i++) {
			Place *p = a->areas.items[i];
			if (p->lookup && p->lookup->need == n) {
				offer(p->lookup, a);
				continue;
			}
			a->reported = true;
			Diagnostic *d = diag_report(w->diags, DIAG_E510, ((Ref *)a->base.decl->stmt->areas.items[i])->loc,
						    "'%s' is not one of the areas of need '%s'", entity_name(&p->base),
						    entity_name(&n->base));
			diag_note(d, n->base.decl->id.loc, "need '%s' is declared here", entity_name(&n->base));
		}
	}
	/* an area the need lists twice: both entries take the acceptance */
	for (size_t i = 0; i < n->areas.len; i++) {
		Coverage *c = VEC_AT(n->areas, Coverage, i);
		if (!c->acceptance && c->area->lookup->acceptance)
			c->acceptance = c->area->lookup->acceptance;
	}
	for (size_t i = 0; i < n->areas.len; i++)
		VEC_AT(n->areas, Coverage, i)->area->lookup = NULL;
}

/* A warning code accepted on a declaration: a suppression whose scope is
   that declaration, in force or expired (then it only adds a note). */
static void register_code(World *w, Acceptance *a)
{
	DiagSuppression *s = NEW(DiagSuppression);
	s->code = a->code;
	s->reason = a->reason;
	s->comment = a->base.decl->loc;
	s->scope = a->on->decl->loc;
	s->until = date_format(a->until);
	s->expired = !a->in_force;
	a->suppression = s;
	diag_suppression_add(w->diags, s);
}

void accept_prepare(World *w)
{
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->acceptances.len; i++) {
			Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
			const DeclStatement *d = a->base.decl->stmt;
			a->in_force = d->has_until && m->eval_day <= a->until_day;
			if (a->is_code)
				register_code(w, a);
		}
	}
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			Need *n = VEC_AT(m->needs, Need, i);
			if (n->acceptances.len)
				assign_need(w, n);
		}
	}
}

static void report_unused_gap(World *w, const Acceptance *a)
{
	const char *need = entity_name(&a->need->base);
	if (a->in_force)
		diag_report(w->diags, DIAG_W714, a->base.decl->stmt->need->loc,
			    "this acceptance accepts nothing: need '%s' is addressed in %s; remove the acceptance",
			    need, a->areas.len ? _("every area it names") : _("all its areas"));
	else
		diag_report(w->diags, DIAG_W714, a->base.decl->stmt->need->loc,
			    "this acceptance expired on %s and accepts nothing (need '%s' is addressed there now, or a "
			    "newer acceptance holds); remove it",
			    date_format(a->until), need);
}

void accept_report_unused(World *w)
{
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->acceptances.len; i++) {
			const Acceptance *a = VEC_AT(m->acceptances, Acceptance, i);
			if (a->reported)
				continue;
			if (a->need && a->gaps == 0 && a->expired_gaps == 0)
				report_unused_gap(w, a);
			else if (a->suppression && a->suppression->uses == 0)
				diag_report(w->diags, DIAG_W714, a->base.decl->stmt->need->loc,
					    "%s '%s' has no %s warning%s; remove the acceptance",
					    entity_word(a->on), entity_name(a->on), diag_code_name(a->code),
					    a->in_force ? "" : _(" (and the acceptance has expired)"));
		}
	}
}
