/*
 * schema.c — the property table (schema.def) and the generic checker that
 * holds every block against it (see schema.h).
 */
#include "schema.h"

#include <assert.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "names.h"

static const PropSpec prop_specs[PROP_COUNT] = {
#define PROPSET(set)
#define PROP(set, id, name, dutch, type, ns, repeat, vocab, what) \
	[PROP_##set##_##id] = { PROPSET_##set, name, dutch, type, ns, repeat, vocab, what },
#include "schema.def"
#undef PROPSET
#undef PROP
};

static const PropSet kind_sets[DECL_KIND_COUNT] = {
#define DECL_KIND(id, keyword, dutch, noun, syntax, ns, size, props) [DECL_##id] = PROPSET_##props,
#include "decl_kinds.def"
#undef DECL_KIND
};

/* Each set's rows are contiguous in the table: where they start, how many. */
static struct {
	int first;
	int count;
} set_rows[PROPSET_COUNT];

/* Each kind's properties and their names (English and Dutch) by slot, worked out once: every
   property of every block is looked up here (slot_named). */
static const PropSpec *slot_specs[DECL_KIND_COUNT][SCHEMA_MAX_SLOTS];
static const char *slot_names[DECL_KIND_COUNT][SCHEMA_MAX_SLOTS];
static const char *slot_dutch[DECL_KIND_COUNT][SCHEMA_MAX_SLOTS];
static int slot_counts[DECL_KIND_COUNT];

/* A kind with a block takes its own set, then ANY; a kind without one takes nothing. */
static bool takes_common(DeclKind kind)
{
	return kind_sets[kind] != PROPSET_NONE;
}

static void index_sets(void)
{
	static bool indexed;
	if (indexed)
		return;
	for (int id = 0; id < PROP_COUNT; id++) {
		PropSet s = prop_specs[id].set;
		if (set_rows[s].count == 0)
			set_rows[s].first = id;
		assert(set_rows[s].first + set_rows[s].count == id); /* rows of a set stay together */
		set_rows[s].count++;
	}
	for (int k = 0; k < DECL_KIND_COUNT; k++) {
		assert(set_rows[kind_sets[k]].count + set_rows[PROPSET_ANY].count <= SCHEMA_MAX_SLOTS);
		int own = set_rows[kind_sets[k]].count;
		slot_counts[k] = own + (takes_common((DeclKind)k) ? set_rows[PROPSET_ANY].count : 0);
		for (int slot = 0; slot < slot_counts[k]; slot++) {
			slot_specs[k][slot] = slot < own ? &prop_specs[set_rows[kind_sets[k]].first + slot]
							 : &prop_specs[set_rows[PROPSET_ANY].first + slot - own];
			slot_names[k][slot] = slot_specs[k][slot]->name;
			slot_dutch[k][slot] = slot_specs[k][slot]->dutch;
		}
	}
	indexed = true;
}

/* ---- slots ------------------------------------------------------------------------ */

int schema_slot_count(DeclKind kind)
{
	index_sets();
	return slot_counts[kind];
}

const PropSpec *schema_slot_spec(DeclKind kind, int slot)
{
	index_sets();
	assert(slot >= 0 && slot < slot_counts[kind]);
	return slot_specs[kind][slot];
}

int schema_slot(DeclKind kind, PropId id)
{
	index_sets();
	PropSet set = prop_specs[id].set;
	if (set == kind_sets[kind])
		return id - set_rows[set].first;
	/* asking a block for another kind's property is a bug, not a user error */
	assert(set == PROPSET_ANY && takes_common(kind));
	return set_rows[kind_sets[kind]].count + id - set_rows[PROPSET_ANY].first;
}

const PropSpec *schema_spec(PropId id)
{
	return &prop_specs[id];
}

/* An ANY property that the kind's own set also names (a plan's as_of) is
   shadowed: its slot exists, but the name always finds the kind's own. */
static bool shadowed(DeclKind kind, int slot)
{
	int own = set_rows[kind_sets[kind]].count;
	if (slot < own)
		return false;
	const char *name = schema_slot_spec(kind, slot)->name;
	for (int k = 0; k < own; k++)
		if (strcmp(schema_slot_spec(kind, k)->name, name) == 0)
			return true;
	return false;
}

const char *schema_property_list(DeclKind kind)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (int slot = 0; slot < schema_slot_count(kind); slot++)
		if (!shadowed(kind, slot))
			buf_printf(&b, "%s%s", b.len ? ", " : "", schema_slot_spec(kind, slot)->name);
	return b.data;
}

/* ---- the generic checker ------------------------------------------------------------ */

static bool item_is_plain(const Item *it)
{
	return it->shape == NULL;
}

static bool is_name_item(const Item *it)
{
	return item_is_plain(it) && it->value->kind == EXPR_REF;
}

/* A name as the value, whatever follows it. */
static bool is_name_item_value(const Item *it)
{
	return it->value->kind == EXPR_REF;
}

static bool is_date(const Expr *e)
{
	return e && e->kind == EXPR_DATE;
}

static const char *type_example(const PropSpec *spec)
{
	switch (spec->type) {
	case VT_NAME: return mem_printf(_("one name, e.g. '%s x'"), spec->name);
	case VT_NAMES: return mem_printf(_("names separated by commas, e.g. '%s x, y'"), spec->name);
	case VT_STRING: return mem_printf(_("a \"string\", e.g. '%s \"...\"'"), spec->name);
	case VT_EXPR: return mem_printf(_("a number, e.g. '%s 120'"), spec->name);
	case VT_DATE: return mem_printf(_("a date, e.g. '%s 2026-12'"), spec->name);
	case VT_PERIOD: return mem_printf(_("two dates, e.g. '%s 2025-01 .. 2027-12'"), spec->name);
	case VT_FROM: return mem_printf(_("a date, e.g. '%s 2025-03 to 2026-12'"), spec->name);
	case VT_CHOICE:
		return mem_printf(_("one word of: %s (without quotes)"), vocab_list((Vocabulary)spec->vocab));
	case VT_WORD: return mem_printf(_("one word, e.g. '%s persons'"), spec->name);
	case VT_GROUP_SIZES: return mem_printf(_("a target group and its size, e.g. '%s seniors_75plus 410'"), spec->name);
	case VT_INDICATOR: return mem_printf(_("a name, a title and a block, e.g. '%s reached \"Reached\" { ... }'"), spec->name);
	case VT_MEASURES: return mem_printf(_("dated values, e.g. '%s 2025-06: 40, 2025-12: 71'"), spec->name);
	case VT_NUMBER: return mem_printf(_("a number as written, e.g. '%s 11002'"), spec->name);
	case VT_NAME_DATED: return mem_printf(_("a name and a date, e.g. '%s antwerpen 2025-01-01'"), spec->name);
	case VT_MEMBERS:
		return mem_printf(_("names separated by commas, each with an optional block, e.g. '%s x, y { to 2024-12 }'"),
				  spec->name);
	case VT_BASELINE: return mem_printf(_("a number, or a date and a number, e.g. '%s 2024-03: 38%%'"), spec->name);
	case VT_DATED_TEXTS: return mem_printf(_("dated strings, e.g. '%s 2025-09: \"...\"'"), spec->name);
	case VT_RANGE: return mem_printf(_("two numbers, e.g. '%s 0 .. 30'"), spec->name);
	case VT_ALIASES: return mem_printf(_("plain names separated by commas, e.g. '%s sociale_netwerken'"), spec->name);
	}
	return _("a value");
}

static bool item_fits(const PropSpec *spec, const Item *it)
{
	static const ItemShape plain = { 0 };
	const ItemShape *shape = it->shape ? it->shape : &plain;
	switch (spec->type) {
	case VT_NAME: case VT_NAMES: case VT_CHOICE:
		return is_name_item(it);
	case VT_WORD:
		return item_is_plain(it) && (ast_expr_as_name(it->value) || it->value->kind == EXPR_STRING);
	case VT_STRING:
		return item_is_plain(it) && it->value->kind == EXPR_STRING;
	case VT_EXPR:
		return item_is_plain(it);
	case VT_DATE:
		return item_is_plain(it) && is_date(it->value);
	case VT_PERIOD:
		return shape->range != RANGE_NONE && is_date(it->value) && is_date(shape->upper);
	case VT_FROM:
		return (item_is_plain(it) && is_date(it->value)) ||
		       (shape->range != RANGE_NONE && is_date(it->value) && is_date(shape->upper));
	case VT_GROUP_SIZES:
		return !shape->key && !shape->upper && !shape->block && ast_expr_as_name(it->value) &&
		       shape->extra_count == 1;
	case VT_INDICATOR:
		return !shape->key && !shape->upper && ast_expr_as_name(it->value) && shape->block &&
		       (shape->extra_count == 0 ||
			(shape->extra_count == 1 && shape->extras[0]->kind == EXPR_STRING));
	case VT_MEASURES:
		return shape->key && is_date(shape->key) && !shape->upper;
	case VT_NUMBER:
		return item_is_plain(it) && it->value->kind == EXPR_NUMBER && !it->value->percent;
	case VT_NAME_DATED:
		return !shape->key && !shape->upper && !shape->block && ast_expr_as_name(it->value) &&
		       shape->extra_count == 1 && is_date(shape->extras[0]);
	case VT_MEMBERS:
		return !shape->key && !shape->upper && shape->extra_count == 0 && is_name_item_value(it);
	case VT_BASELINE:
		return item_is_plain(it) || (shape->key && is_date(shape->key) && !shape->upper);
	case VT_DATED_TEXTS:
		return shape->key && is_date(shape->key) && !shape->upper && it->value->kind == EXPR_STRING;
	case VT_RANGE:
		return shape->range != RANGE_NONE && it->value->kind == EXPR_NUMBER && shape->upper &&
		       shape->upper->kind == EXPR_NUMBER && !shape->block && !shape->key;
	case VT_ALIASES:
		return item_is_plain(it) && ast_expr_as_name(it->value);
	}
	return false;
}

static bool single_valued(ValueType t)
{
	return t != VT_NAMES && t != VT_GROUP_SIZES && t != VT_INDICATOR && t != VT_MEASURES && t != VT_MEMBERS &&
	       t != VT_DATED_TEXTS && t != VT_ALIASES;
}

/* Is `name` the property `spec`, in either spelling? */
static bool spec_named(const PropSpec *spec, const char *name)
{
	return strcmp(spec->name, name) == 0 || strcmp(spec->dutch, name) == 0;
}

static bool block_gives(const Block *block, const PropSpec *spec)
{
	for (const Property *p = block->props; p; p = p->next)
		if (spec_named(spec, p->name.text))
			return true;
	return false;
}

/* The property `p` could be meant as: one the block does not give already
   (unless it repeats) and whose shape fits `p`'s values, so the fix holds. */
static bool could_be(const Block *block, const PropSpec *spec, const Property *p)
{
	if (!spec->repeat && block_gives(block, spec))
		return false;
	for (const Item *it = p->items; it; it = it->next)
		if (!item_fits(spec, it))
			return false;
	return true;
}

static void report_unknown_property(DiagSink *diags, DeclKind kind, const Block *block, const Property *p)
{
	const char *names[SCHEMA_MAX_SLOTS], *dutch[SCHEMA_MAX_SLOTS];
	size_t count = 0;
	int n = schema_slot_count(kind);
	for (int slot = 0; slot < n; slot++)
		if (could_be(block, schema_slot_spec(kind, slot), p)) {
			dutch[count] = schema_slot_spec(kind, slot)->dutch;
			names[count++] = schema_slot_spec(kind, slot)->name;
		}
	/* the English names first, so a plan's message does not depend on
	   the language of the plan; a Dutch misspelling finds its Dutch name */
	const char *close = names_closest(p->name.text, names, count);
	if (!close)
		close = names_closest(p->name.text, dutch, count);
	Diagnostic *d;
	if (close) {
		d = diag_report(diags, DIAG_E501, p->name.loc, "%s has no property '%s'; did you mean '%s'?",
				decl_kind_noun(kind), p->name.text, close);
		diag_fix(d, p->name.loc, close, NULL);
	} else
		d = diag_report(diags, DIAG_E501, p->name.loc, "%s has no property '%s'", decl_kind_noun(kind),
				p->name.text);
	diag_note(d, (SrcLoc){ 0 }, "%s takes: %s", decl_kind_noun(kind), schema_property_list(kind));
}

/* The text of a number literal as written (digits, maybe '_'). */
static bool plain_number(const Item *it)
{
	return it && !it->shape && it->value->kind == EXPR_NUMBER && !it->value->percent;
}

/*
 * `baseline 2,9`: a Flemish decimal comma reads as two values.  When two
 * plain numbers touch a comma, say what was probably meant: 2.9, or for
 * three digits after the comma (3,120) a thousands separator, 3120.
 */
static const char *comma_number_hint(const Property *p)
{
	const Item *a = p->items, *b = a ? a->next : NULL;
	if (p->count != 2 || !plain_number(a) || !plain_number(b))
		return NULL;
	SrcLoc la = a->value->loc, lb = b->value->loc;
	const char *text = la.src->text;
	if (la.src != lb.src || la.end + 1 != lb.start || text[la.end] != ',')
		return NULL;
	const char *whole = mem_strndup(text + la.start, la.end - la.start);
	const char *part = mem_strndup(text + lb.start, lb.end - lb.start);
	if (strchr(whole, '.') || strchr(part, '.') || strchr(part, '_'))
		return NULL;
	if (strlen(part) == 3)
		return mem_printf(_("; did you mean '%s%s'? (no thousands separator, or _ : %s_%s)"), whole, part, whole, part);
	return mem_printf(_("; did you mean '%s.%s'? (decimals are written with a point)"), whole, part);
}

static void check_items(DiagSink *diags, const PropSpec *spec, const Property *p)
{
	if (p->count == 0) {
		diag_report(diags, DIAG_E503, ast_property_loc(p), "'%s' needs a value: %s", spec->name,
			    type_example(spec));
		return;
	}
	if (single_valued(spec->type) && p->count > 1) {
		const char *hint = spec->type == VT_EXPR || spec->type == VT_BASELINE ? comma_number_hint(p) : NULL;
		if (hint) /* under the number as written, which the hint replaces */
			diag_report(diags, DIAG_E503, source_span(p->items->value->loc, p->items->next->value->loc),
				    "'%s' takes one value%s", spec->name, hint);
		else
			diag_report(diags, DIAG_E503, ast_item_loc(p->items->next), "'%s' takes one value: %s",
				    spec->name, type_example(spec));
		return;
	}
	for (const Item *it = p->items; it; it = it->next)
		if (!item_fits(spec, it))
			diag_report(diags, DIAG_E503, ast_item_loc(it), "'%s' takes %s", spec->name, type_example(spec));
}

/* Append copies of the items of `p` that fit to the list ending at *tail. */
static void append_fitting(const PropSpec *spec, const Property *p, const Item ***tail)
{
	for (const Item *it = p->items; it; it = it->next) {
		if (!item_fits(spec, it))
			continue;
		Item *copy = NEW(Item);
		copy->value = it->value;
		copy->shape = it->shape;
		**tail = copy;
		*tail = &copy->next;
	}
}

static int slot_named(DeclKind kind, const char *name)
{
	int count = schema_slot_count(kind); /* indexes the names */
	const char *const *names = slot_names[kind];
	const char *const *dutch = slot_dutch[kind];
	for (int slot = 0; slot < count; slot++)
		if ((names[slot][0] == name[0] && strcmp(names[slot], name) == 0) ||
		    (dutch[slot][0] == name[0] && strcmp(dutch[slot], name) == 0))
			return slot;
	return -1;
}

void schema_check_block(DiagSink *diags, DeclKind kind, const Block *block, Props *out)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	if (!block)
		return;
	const Item **tails[SCHEMA_MAX_SLOTS] = { 0 }; /* where a list of our own goes on */
	for (const Property *p = block->props; p; p = p->next) {
		int slot = slot_named(kind, p->name.text);
		if (slot < 0) {
			report_unknown_property(diags, kind, block, p);
			continue;
		}
		const PropSpec *spec = schema_slot_spec(kind, slot);
		if (out->given[slot] && !spec->repeat) {
			/* named as the table names it: the message is the same in either spelling */
			Diagnostic *d = diag_report(diags, DIAG_E502, p->name.loc, "'%s' is given twice; %s has one",
						    spec->name, decl_kind_noun(kind));
			diag_note(d, out->given[slot]->name.loc, "the first '%s' is here", spec->name);
			continue;
		}
		check_items(diags, spec, p);
		bool all_fit = true;
		for (const Item *it = p->items; it; it = it->next)
			all_fit &= item_fits(spec, it);
		if (!out->given[slot] && all_fit) {
			out->items[slot] = p->items; /* the common case: share, do not copy */
		} else {
			/* a repeat, or items to leave out: the list becomes our own */
			if (!tails[slot]) {
				const Item *shared = out->items[slot];
				tails[slot] = &out->items[slot];
				*tails[slot] = NULL;
				if (shared)
					append_fitting(spec, out->given[slot], &tails[slot]);
			}
			append_fitting(spec, p, &tails[slot]);
		}
		if (!out->given[slot])
			out->given[slot] = p;
	}
}

const Item *schema_item(const Props *props, PropId id)
{
	return props->items[schema_slot(props->kind, id)];
}

const Property *schema_given(const Props *props, PropId id)
{
	return props->given[schema_slot(props->kind, id)];
}

int schema_choice(DiagSink *diags, const Props *props, PropId id, int fallback)
{
	const PropSpec *spec = schema_spec(id);
	const Item *it = schema_item(props, id);
	if (!it)
		return fallback;
	Vocabulary vocab = (Vocabulary)spec->vocab;
	const Name *word = ast_expr_as_name(it->value);
	const VocabEntry *entry = word ? vocab_find(vocab, word->text) : NULL;
	if (entry)
		return entry->value;
	size_t n;
	const VocabEntry *entries = vocab_entries(vocab, &n);
	const char *words[SCHEMA_MAX_SLOTS], *dutch[SCHEMA_MAX_SLOTS];
	size_t count = n < SCHEMA_MAX_SLOTS ? n : SCHEMA_MAX_SLOTS;
	for (size_t i = 0; i < count; i++) {
		words[i] = entries[i].word;
		dutch[i] = entries[i].dutch ? entries[i].dutch : entries[i].word;
	}
	/* in the spelling the plan wrote the property in: `prioriteit hooog` is
	   answered with the Dutch words, `priority hig` with the English (first) */
	const Property *given = schema_given(props, id);
	const char *written = given ? given->name.text : spec->name;
	bool in_dutch = strcmp(written, spec->name) != 0;
	const char *const *first = in_dutch ? dutch : words, *const *second = in_dutch ? words : dutch;
	const char *close = word ? names_closest(word->text, first, count) : NULL;
	if (word && !close) {
		close = names_closest(word->text, second, count);
		/* a property spelt alike in both (status): the word's own language decides */
		if (close && strcmp(spec->name, spec->dutch) == 0)
			in_dutch = !in_dutch;
	}
	Diagnostic *d = diag_report(diags, DIAG_E505, ast_item_loc(it), "'%s' is not a valid %s (%s)%s%s%s",
				    word ? word->text : ast_ref_text(it->value->u.ref), written,
				    vocab_list_in(vocab, in_dutch), close ? _("; did you mean '") : "", close ? close : "",
				    close ? "'?" : "");
	if (close)
		diag_fix(d, ast_item_loc(it), close, NULL);
	return fallback;
}
