/*
 * i18n.h — the language of messages and reports: English (the messages as
 * written in the sources) or Dutch (po/nl.po, through GNU gettext).
 *
 * Marking a message for translation (see docs/architecture.md):
 *   - diag_report/diag_note/diag_fix formats are translated where they are
 *     reported; xgettext finds them by name (Makefile XGETTEXT_KEYWORDS);
 *   - any other text a person reads: _("text") where it is printed, or
 *     N_("text") in a table and _() where the table's text is printed;
 *     a count: i18n_plural("%zu gap", "%zu gaps", n).
 * Then `make po-update` and translate the new entries in po/nl.po.
 * Codes, file:line:col, JSON keys and enum values are never translated.
 */
#ifndef CARENET_I18N_H
#define CARENET_I18N_H

#include <stdbool.h>

typedef enum { I18N_EN, I18N_NL } I18nLang;

/* The language from --lang (NULL: none) and the environment, in gettext's
   order: LANGUAGE (a list; nl... or en... decides) unless the locale is
   C or POSIX, then LC_ALL, LC_MESSAGES, LANG.  nl, nl_BE, nl_NL.UTF-8 ...
   are Dutch; anything else is English. */
I18nLang i18n_choose(const char *flag, const char *language, const char *lc_all, const char *lc_messages,
		     const char *lang);
/* Choose from --lang and the real environment, and prepare gettext for it
   (the catalog of the build tree, else of the installation).  Without a
   call, English. */
void i18n_init(const char *flag);
I18nLang i18n_lang(void);
/* "nl" or "en": the JSON `language` field and the HTML `lang` attribute. */
const char *i18n_code(void);
/* The translation of msgid (msgid itself in English or when missing). */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_plural(const char *singular, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
/* Where the catalogs were looked for (for `--version`-style debugging and tests). */
const char *i18n_catalog_dir(void);

#define _(msgid) i18n_text(msgid)
#define N_(msgid) (msgid)

#endif
