/*
 * i18n.c — the language of messages and reports (see i18n.h).
 *
 * English is the sources' own text: no catalog is read.  Dutch is GNU
 * gettext's catalog carenet.mo.  A fresh Debian machine or a CI container
 * has no Dutch locale (`locale -a` shows C and C.UTF-8), so the choice is
 * made here from the variables, and gettext is then told, whatever locales
 * exist: LC_MESSAGES becomes C.UTF-8 (glibc ignores LANGUAGE only under
 * "C") and LANGUAGE becomes nl.  Only LC_MESSAGES changes: numbers, dates
 * and JSON stay in the C locale, and the catalog is read as UTF-8.
 */
#include "i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

#define I18N_DOMAIN "carenet"

#ifndef CARENET_LOCALE_DIR
#define CARENET_LOCALE_DIR "/usr/local/share/locale"
#endif

static I18nLang current = I18N_EN;
static const char *catalog_dir;

/* "nl", "nl_BE", "nl_NL.UTF-8", "nl_BE@euro": Dutch. */
static bool is_lang(const char *name, size_t len, const char *code)
{
	size_t n = strlen(code);
	return len >= n && strncmp(name, code, n) == 0 &&
	       (len == n || name[n] == '_' || name[n] == '.' || name[n] == '@');
}

static bool set(const char *v)
{
	return v && *v;
}

I18nLang i18n_choose(const char *flag, const char *language, const char *lc_all, const char *lc_messages,
		     const char *lang)
{
	if (set(flag))
		return strcmp(flag, "nl") == 0 ? I18N_NL : I18N_EN;
	const char *locale = set(lc_all) ? lc_all : set(lc_messages) ? lc_messages : set(lang) ? lang : NULL;
	bool c_locale = locale && (strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0);
	/* LANGUAGE: a list, the first language we have decides; gettext ignores
	   it under an explicit C locale, and so do we (LC_ALL=C is how scripts
	   ask for untranslated output) */
	if (set(language) && !c_locale) {
		for (const char *p = language; *p;) {
			size_t len = strcspn(p, ":");
			if (is_lang(p, len, "nl"))
				return I18N_NL;
			if (is_lang(p, len, "en"))
				return I18N_EN;
			p += len;
			if (*p == ':')
				p++;
		}
	}
	return locale && is_lang(locale, strlen(locale), "nl") ? I18N_NL : I18N_EN;
}

static bool has_catalog(const char *dir)
{
	return access(mem_printf("%s/nl/LC_MESSAGES/" I18N_DOMAIN ".mo", dir), R_OK) == 0;
}

/* The catalogs: next to the program (the build tree: build/locale), then an
   installation wherever it was copied (PREFIX/bin/../share/locale), then the
   prefix it was built for. */
static const char *find_catalogs(void)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n > 0) {
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (slash)
			*slash = '\0';
		const char *candidates[] = { mem_printf("%s/locale", path), mem_printf("%s/../share/locale", path) };
		for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
			if (has_catalog(candidates[i]))
				return candidates[i];
	}
	return CARENET_LOCALE_DIR;
}

void i18n_init(const char *flag)
{
	current = i18n_choose(flag, getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
	if (current == I18N_EN)
		return; /* the sources' text: gettext is never asked */
	catalog_dir = find_catalogs();
	/* gettext reads LANGUAGE only when LC_MESSAGES is not "C": C.UTF-8 exists
	   on every glibc system; a Dutch locale, when generated, will do too */
	setenv("LANGUAGE", "nl", 1);
	if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "nl_BE.UTF-8"))
		setlocale(LC_MESSAGES, "");
	bindtextdomain(I18N_DOMAIN, catalog_dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
}

I18nLang i18n_lang(void)
{
	return current;
}

const char *i18n_code(void)
{
	return current == I18N_NL ? "nl" : "en";
}

const char *i18n_catalog_dir(void)
{
	return catalog_dir;
}

const char *i18n_text(const char *msgid)
{
	if (current == I18N_EN || !msgid || !*msgid)
		return msgid;
	return dgettext(I18N_DOMAIN, msgid);
}

const char *i18n_plural(const char *singular, const char *plural, unsigned long n)
{
	if (current == I18N_EN)
		return n == 1 ? singular : plural;
	return dngettext(I18N_DOMAIN, singular, plural, n);
}
