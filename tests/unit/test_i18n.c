/*
 * test_i18n.c — how the language is chosen (i18n_choose): --lang first,
 * then LANGUAGE (a list, ignored under an explicit C locale), then LC_ALL,
 * LC_MESSAGES and LANG, the first that is set; and that English is the
 * sources' own text when no catalog is used.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "i18n.h"
#include "mem.h"

#define NL I18N_NL
#define EN I18N_EN

static void the_flag_decides(void **state)
{
	(void)state;
	assert_int_equal(i18n_choose("nl", NULL, NULL, NULL, "en_US.UTF-8"), NL);
	assert_int_equal(i18n_choose("en", "nl", "nl_BE.UTF-8", NULL, "nl_BE.UTF-8"), EN);
}

static void locale_names(void **state)
{
	(void)state;
	const char *dutch[] = { "nl", "nl_BE", "nl_NL", "nl_BE.UTF-8", "nl_NL.utf8", "nl_BE@euro" };
	for (size_t i = 0; i < sizeof dutch / sizeof dutch[0]; i++)
		assert_int_equal(i18n_choose(NULL, NULL, NULL, NULL, dutch[i]), NL);
	const char *other[] = { "C", "POSIX", "C.UTF-8", "en_US.UTF-8", "fr_BE.UTF-8", "nld", "nlx_BE", "" };
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		assert_int_equal(i18n_choose(NULL, NULL, NULL, NULL, other[i]), EN);
	assert_int_equal(i18n_choose(NULL, NULL, NULL, NULL, NULL), EN);
}

static void gettexts_order(void **state)
{
	(void)state;
	/* LC_ALL over LC_MESSAGES over LANG; an empty one counts as unset */
	assert_int_equal(i18n_choose(NULL, NULL, "en_GB.UTF-8", "nl_BE.UTF-8", "nl_BE.UTF-8"), EN);
	assert_int_equal(i18n_choose(NULL, NULL, "", "nl_BE.UTF-8", "en_GB.UTF-8"), NL);
	assert_int_equal(i18n_choose(NULL, NULL, NULL, "en_GB.UTF-8", "nl_BE.UTF-8"), EN);
	/* LANGUAGE over the locale, the first language we have in its list */
	assert_int_equal(i18n_choose(NULL, "nl", NULL, NULL, "en_US.UTF-8"), NL);
	assert_int_equal(i18n_choose(NULL, "en", "nl_BE.UTF-8", NULL, NULL), EN);
	assert_int_equal(i18n_choose(NULL, "fr_BE:nl_BE:en", NULL, NULL, NULL), NL);
	assert_int_equal(i18n_choose(NULL, "en_GB:nl", NULL, NULL, NULL), EN);
	assert_int_equal(i18n_choose(NULL, "fr:de", NULL, NULL, "nl_BE.UTF-8"), NL);
	/* LANGUAGE on a machine without any locale variable (a CI container) */
	assert_int_equal(i18n_choose(NULL, "nl", NULL, NULL, NULL), NL);
	/* under an explicit C locale gettext ignores LANGUAGE; C.UTF-8 is not C */
	assert_int_equal(i18n_choose(NULL, "nl", "C", NULL, NULL), EN);
	assert_int_equal(i18n_choose(NULL, "nl", NULL, NULL, "POSIX"), EN);
	assert_int_equal(i18n_choose(NULL, "nl", NULL, NULL, "C.UTF-8"), NL);
}

static void english_is_the_source_text(void **state)
{
	(void)state;
	/* no i18n_init: English, no catalog is read */
	const char *msg = "need '%s' is not addressed in %s '%s': no action runs there and no signal covers it";
	assert_ptr_equal(i18n_text(msg), msg);
	assert_string_equal(i18n_plural("%zu gap", "%zu gaps", 1), "%zu gap");
	assert_string_equal(i18n_plural("%zu gap", "%zu gaps", 0), "%zu gaps");
	assert_string_equal(i18n_code(), "en");
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_flag_decides),
		cmocka_unit_test(locale_names),
		cmocka_unit_test(gettexts_order),
		cmocka_unit_test(english_is_the_source_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
