/*
 * init.c — carenet init MUNICIPALITY [FILE]: writes a first plan to fill
 * in (see init.h).  What it knows of the municipality, its areas and the
 * building blocks comes from the standard library (catalog.c); the rest is
 * text.  The plan passes `check` with warnings at most, and `fmt` leaves
 * it as it is (tests/init-test.sh runs both for every municipality).
 *
 * A file is never overwritten: the plan is written to a temporary file
 * next to it and linked to its name, which fails when the name exists, so
 * neither a half-written plan nor a lost one can come of it.
 */
#include "init.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "i18n.h"
#include "mem.h"

/* What the generator needs to know, found once. */
typedef struct {
	const CarenetEntry *muni;
	const char *module;          /* the stdlib module to import */
	const CarenetEntry **areas;
	size_t area_count;
	const char *example_area;    /* the area the examples use ... */
	bool example_is_municipality; /* ... a former municipality: the actor serves it by name */
	long day;                    /* the evaluation date */
	int first_year, last_year;   /* the policy period */
	const Catalog *cat;
} Starter;

#define INIT_RULE "-----------------------------------------------------------------------------------------"

void init_policy_period(long day, int *first_year, int *last_year)
{
	int year = date_from_days(day).year;
	/* legislatures start in 2019 + 6k; floor division, also before 2019 */
	int offset = year - 2019;
	int start = 2019 + (offset >= 0 ? offset / 6 : -((5 - offset) / 6)) * 6;
	*first_year = start + 1;
	*last_year = start + 6;
}

/* A string literal of the plan language for `text`. */
static const char *quoted(const char *text)
{
	StrBuf b = { 0 };
	buf_init(&b);
	buf_putc(&b, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *p);
	}
	buf_putc(&b, '"');
	return b.data;
}

static void section(StrBuf *b, const char *title)
{
	size_t width = 95 - strlen(title) - 7;
	buf_printf(b, "\n# --- %s %.*s\n", title, (int)(width < sizeof INIT_RULE ? width : 3), INIT_RULE);
}

static void write_header(StrBuf *b, const Starter *s)
{
	const char *title = s->muni->title;
	buf_printf(b, _("# Zorgzaam %s %d-%d: the caring-neighbourhood plan of %s, to fill in.\n"), title,
		   s->first_year, s->last_year, title);
	buf_printf(b, _("#\n# Written by `carenet init` on %s. A line that starts with # is a comment, for people.\n"),
		   date_format_days(s->day));
	buf_puts(b, _("# How to go on:\n"
		      "#   1. Under \"Areas\", name the neighbourhoods of your analysis.\n"
		      "#   2. Under \"What do we already do?\", tick the building blocks you already work on.\n"
		      "#   3. Write what the analysis finds as needs (see \"Examples\" at the end) and run\n"
		      "#      `carenet check` on this file after every change. In `phase analysis` a need that\n"
		      "#      nothing addresses yet is a warning (W713): a finding to plan, not an error.\n"
		      "#   4. Plan actions and signals, then write `phase implementation`: from then on a need\n"
		      "#      that nothing addresses is an error (E701), unless you accept it for a while.\n"
		      "# `carenet explain W713` tells what a code means; the tutorial shows every step.\n"));
	buf_printf(b, "\nimport \"%s\"  %s\n\n", s->module,
		   strcmp(s->module, "flanders") == 0 ? _("# the municipalities and primary care zones of Flanders")
						      : _("# the municipalities and primary care zones of the province"));
	buf_printf(b, "plan %s_%d %s {\n", s->muni->name, s->first_year,
		   quoted(mem_printf("Zorgzaam %s %d-%d", title, s->first_year, s->last_year)));
	buf_printf(b, "  municipality %s\n", s->muni->name);
	buf_printf(b, "  period %d-01 .. %d-12  ", s->first_year, s->last_year);
	buf_printf(b, _("# the multi-year plan of the legislature %d-%d"), s->first_year - 1, s->last_year - 1);
	buf_printf(b, "\n  as_of %s  %s\n", date_format_days(s->day),
		   _("# the evaluation date: measurements after it are ignored"));
	buf_printf(b, "  owner %s\n", quoted(mem_printf("Lokaal bestuur %s", title)));
	buf_printf(b, "  phase analysis  %s\n}\n", _("# then implementation, then evaluation"));
}

static void list_area(StrBuf *b, const CarenetEntry *e, size_t width)
{
	size_t start = b->len;
	buf_printf(b, "#   %s", e->name);
	buf_pad(b, start, width + 5);
	buf_printf(b, " %s\n", e->title);
}

/* The areas the stdlib declares, listed: a plan names them as they are. */
static void write_known_areas(StrBuf *b, const Starter *s)
{
	buf_printf(b, _("# The standard library knows these areas of %s. A need or an action names them as they\n"
			"# are (`in %s`); an area of your own lies inside the one it is part of\n"
			"# (`area wijk \"Wijk\" in %s`), so that signals reach the right primary care zone.\n"),
		   s->muni->title, s->example_area, s->example_area);
	static const struct { const char *heading; int which; } groups[] = {
		{ N_("Postcode areas:"), 0 }, { N_("Districts and other areas:"), 1 }, { NULL, 2 },
	};
	size_t width = 0;
	for (size_t i = 0; i < s->area_count; i++)
		if (strlen(s->areas[i]->name) > width)
			width = strlen(s->areas[i]->name);
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		bool first = true;
		for (size_t i = 0; i < s->area_count; i++) {
			const CarenetEntry *e = s->areas[i];
			int which = e->kind == CARENET_ENTRY_MUNICIPALITY ? 2 : e->postcode ? 0 : 1;
			if (which != groups[g].which)
				continue;
			if (first)
				buf_printf(b, "#\n# %s\n", groups[g].heading ? _(groups[g].heading)
					   : mem_printf(_("Former municipalities, part of %s since %s:"), s->muni->title,
							e->merged_on));
			first = false;
			list_area(b, e, width);
		}
	}
}

static void write_areas(StrBuf *b, const Starter *s)
{
	section(b, _("Areas"));
	if (s->area_count) {
		write_known_areas(b, s);
		return;
	}
	buf_printf(b, _("# The standard library knows no areas of %s. Choose the neighbourhoods of your\n"
			"# analysis: places residents recognise (a village, a deelgemeente, a ward, a few streets),\n"
			"# small enough that neighbours know each other, large enough to have figures for. Rename\n"
			"# this one and add an `area` for each; `population` and `group` sizes make targets checkable.\n"),
		   s->muni->title);
	buf_printf(b, "area buurt \"Buurt (geef ze een naam)\" in %s\n", s->muni->name);
}

/* The framework's building blocks, under their top blocks, as a checklist. */
static void write_blocks(StrBuf *b, const Starter *s)
{
	section(b, _("What do we already do?"));
	buf_puts(b, _("# The building blocks of the framework \"minder mazen, meer net\". Tick what you already do\n"
		      "# ([x]) and note who does it; a need names its building block with `block ID`.\n"));
	const Catalog *cat = s->cat;
	for (size_t t = 0; t < cat->count; t++) {
		const CarenetEntry *top = &cat->entries[t];
		if (top->kind != CARENET_ENTRY_BLOCK || top->parent)
			continue;
		buf_printf(b, "#\n# %s (%s)\n", top->title, top->name);
		for (size_t i = 0; i < cat->count; i++) {
			const CarenetEntry *e = &cat->entries[i];
			if (e->kind != CARENET_ENTRY_BLOCK || !e->parent || strcmp(e->parent, top->name) != 0)
				continue;
			size_t start = b->len;
			buf_printf(b, "#   [ ] %s", e->name);
			buf_pad(b, start, 32);
			buf_printf(b, " %s\n", e->title);
		}
	}
}

/* The last day of the month `months` after the month of `day`. */
static const char *months_later(long day, int months)
{
	Date d = date_from_days(day);
	int m = d.year * 12 + d.month - 1 + months;
	return date_format_days(date_last_day((Date){ m / 12, m % 12 + 1, 0 }));
}

/* The month after `day`, but not before the policy period. */
static const char *action_start(const Starter *s)
{
	Date d = date_from_days(s->day);
	int m = d.year * 12 + d.month;
	if (m < s->first_year * 12)
		m = s->first_year * 12;
	return date_format((Date){ m / 12, m % 12 + 1, 0 });
}

/*
 * The examples as plan text that parses: what they say as comments ("# "),
 * the declarations as code, an empty line between two.  In Dutch the
 * declarations are spelt in Dutch (carenet_spell_dutch) before
 * commented_out turns them into comments.
 */
static void example_code(StrBuf *b, const Starter *s)
{
	const char *area = s->example_area;
	buf_puts(b, _("# One example of each declaration. To use one, remove the \"# \" at the start of its\n"
		      "# lines (those that start with \"## \" stay comments) and put in your own names, numbers\n"
		      "# and texts. Taken in all together, they make a valid plan.\n"));
	buf_printf(b, "\n%s\nlet doel_bezoeken = 100\n\n", _("# A value you use in several places."));
	buf_printf(b, "%s\n", _("# Who is already there: an actor, what it does and where."));
	buf_printf(b, "actor ldc \"Lokaal dienstencentrum\" {\n"
		   "  kind local_service_centre\n"
		   "  serves %s\n"
		   "  provides home_visits, meeting_place, detection\n"
		   "}\n\n", s->example_is_municipality ? s->example_area : s->muni->name);
	buf_printf(b, "%s\n", _("# What the analysis found: a need, where, for whom, on which building block."));
	buf_printf(b, "need eenzaamheid \"Eenzaamheid bij alleenwonende 75-plussers\" {\n"
		   "  in %s\n"
		   "  group living_alone_75plus\n"
		   "  block social_networks\n"
		   "  priority high\n"
		   "  evidence \"Bevraging: 4 op 10 alleenwonende 75-plussers voelen zich vaak eenzaam\"\n"
		   "}\n\n", area);
	buf_printf(b, "%s\n", _("# What you do about it: an action, with an indicator to follow it."));
	buf_printf(b, "action huisbezoeken \"Huisbezoeken bij alleenwonende 75-plussers\" {\n"
		   "  addresses eenzaamheid\n"
		   "  in %s\n"
		   "  lead ldc\n"
		   "  from %s to %d-12\n"
		   "  status planned\n"
		   "  indicator bereikt \"Bereikte alleenwonende 75-plussers\" {\n"
		   "    unit persons\n"
		   "    baseline 0\n"
		   "    target doel_bezoeken\n"
		   "    by %d-12\n"
		   "  }\n"
		   "}\n\n", area, action_start(s), s->last_year, s->last_year);
	buf_printf(b, "%s\n",
		   _("# What you cannot do yourself: a signal to the body that can, here the primary care zone."));
	buf_printf(b, "need psycholoog \"Geen eerstelijnspsycholoog in de buurt\" {\n"
		   "  in %s\n"
		   "  requires first_line_psychology\n"
		   "}\n"
		   "signal psycholoog to primary_care_zone \"Vraag naar een eerstelijnspsycholoog\"\n\n", area);
	buf_printf(b, "%s\n",
		   _("# A gap you know about and leave open for a while: accepted, with a date and a reason."));
	buf_printf(b, "need vervoer \"Geen vervoer naar de huisarts\" {\n"
		   "  in %s\n"
		   "  requires transport\n"
		   "}\n"
		   "accept vervoer until %s \"de provincie beslist dit jaar over een belbus\"\n",
		   area, months_later(s->day, 6));
}

/* Plan text as comments: "# " before code, "#" before a comment, "#" for an empty line. */
static void commented_out(StrBuf *b, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		buf_printf(b, "%s%.*s\n", n == 0 ? "#" : text[0] == '#' ? "#" : "# ", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static void write_examples(StrBuf *b, const Starter *s)
{
	section(b, _("Examples"));
	StrBuf code = { 0 };
	buf_init(&code);
	example_code(&code, s);
	commented_out(b, i18n_lang() == I18N_NL ? carenet_spell_dutch(code.data) : code.data);
}

/* The area the examples name: a postcode area, else any area the stdlib
   knows there, else the placeholder. */
static const CarenetEntry *example_area(const Starter *s)
{
	for (size_t i = 0; i < s->area_count; i++)
		if (s->areas[i]->postcode)
			return s->areas[i];
	return s->area_count ? s->areas[0] : NULL;
}

static const char *init_plan(const Catalog *cat, const CarenetEntry *muni, long day)
{
	Starter s = { .muni = muni, .day = day, .cat = cat };
	s.module = muni->province_module ? muni->province_module : "flanders";
	s.area_count = catalog_areas(cat, muni, &s.areas);
	const CarenetEntry *example = example_area(&s);
	s.example_area = example ? example->name : "buurt";
	s.example_is_municipality = example && example->kind == CARENET_ENTRY_MUNICIPALITY;
	init_policy_period(day, &s.first_year, &s.last_year);
	StrBuf b = { 0 };
	buf_init(&b);
	write_header(&b, &s);
	write_areas(&b, &s);
	write_blocks(&b, &s);
	write_examples(&b, &s);
	/* a Dutch coordinator gets Dutch keywords too, as `fmt --lang nl` writes them */
	return i18n_lang() == I18N_NL ? carenet_spell_dutch(b.data) : b.data;
}

static int init_error(const char *message)
{
	fprintf(stderr, "carenet: %s\n", carenet_printable(message));
	return 2;
}

static bool write_all(int fd, const char *text, size_t len)
{
	while (len) {
		ssize_t n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		text += n;
		len -= (size_t)n;
	}
	return true;
}

/* Write `text` to a new file `path`: never over an existing one, never half. */
static int write_new_file(const char *path, const char *text)
{
	struct stat st;
	if (lstat(path, &st) == 0)
		return init_error(mem_printf(_("%s exists; init never overwrites a file: name a new one"), path));
	const char *slash = strrchr(path, '/');
	char *tmp = mem_printf("%.*s.carenet-init-XXXXXX", slash ? (int)(slash - path + 1) : 0, path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return init_error(mem_printf(_("cannot write %s: %s"), path, strerror(errno)));
	mode_t mask = umask(0);
	umask(mask);
	bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, text, strlen(text)) && fsync(fd) == 0;
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	/* link, unlike rename, fails when the name has meanwhile been taken */
	if (ok && link(tmp, path) != 0) {
		ok = false;
		saved = errno;
	}
	unlink(tmp);
	if (!ok)
		return init_error(saved == EEXIST
				  ? mem_printf(_("%s exists; init never overwrites a file: name a new one"), path)
				  : mem_printf(_("cannot write %s: %s"), path, strerror(saved)));
	return 0;
}

int init_run(const Options *opts)
{
	long day = opts->as_of;
	const char *why;
	if (!opts->has_as_of && !carenet_today(&day, &why))
		return init_error(why);
	Catalog cat;
	if (!catalog_load(day, &cat, &why))
		return init_error(why);
	const char *word = opts->files[0], *close = NULL;
	const CarenetEntry *muni = catalog_municipality(&cat, word, &close);
	if (!muni)
		return init_error(close ? mem_printf(_("init: no municipality '%s' in the standard library; did you "
						       "mean '%s'?"), word, close)
					: mem_printf(_("init: no municipality '%s' in the standard library"), word));
	Date on;
	const char *bad;
	if (muni->merged_into && date_parse(muni->merged_on, &on, &bad) && date_first_day(on) <= day)
		return init_error(mem_printf(_("init: %s merged into %s on %s: write the plan of %s, where %s is an "
						       "area (carenet init %s)"), muni->name, muni->merged_into, muni->merged_on,
						     muni->merged_into, muni->name, muni->merged_into));
	const char *text = init_plan(&cat, muni, day);
	const char *file = opts->file_count > 1 ? opts->files[1] : NULL;
	if (!file || strcmp(file, "-") == 0) {
		fputs(text, stdout);
		return 0;
	}
	int status = write_new_file(file, text);
	if (status == 0)
		fprintf(stderr, _("carenet: wrote %s, the plan of %s; next: carenet check %s\n"), carenet_printable(file),
			carenet_printable(muni->title), carenet_printable(file));
	return status;
}
