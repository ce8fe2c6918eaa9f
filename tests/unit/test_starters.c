/*
 * test_starters.c — what carenet init and explain compute: the policy
 * period of a date, the catalogue's lookups (by ID, by display name, did
 * you mean, the areas of a municipality), and Markdown to plain text.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "date.h"
#include "explain.h"
#include "init.h"
#include "mem.h"

static long day_of(const char *text)
{
	Date d;
	const char *why;
	assert_true(date_parse(text, &d, &why));
	return date_first_day(d);
}

static void policy_periods(void **state)
{
	(void)state;
	static const struct { const char *day; int first, last; } cases[] = {
		{ "2025-01-01", 2026, 2031 }, /* the legislature 2025-2030 is in office */
		{ "2025-12-31", 2026, 2031 },
		{ "2026-06-15", 2026, 2031 },
		{ "2030-12-31", 2026, 2031 },
		{ "2031-01-01", 2032, 2037 },
		{ "2024-12-31", 2020, 2025 },
		{ "2019-01-01", 2020, 2025 },
		{ "2018-12-31", 2014, 2019 },
		{ "2012-01-01", 2008, 2013 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int first, last;
		init_policy_period(day_of(cases[i].day), &first, &last);
		assert_int_equal(first, cases[i].first);
		assert_int_equal(last, cases[i].last);
	}
}

static void catalogue(void **state)
{
	(void)state;
	setenv("CARENET_PATH", "stdlib", 1); /* run from the top of the tree */
	Catalog cat;
	const char *why = NULL, *close = NULL;
	assert_true(catalog_load(day_of("2025-12-31"), &cat, &why));
	const CarenetEntry *m = catalog_municipality(&cat, "hoogstraten", &close);
	assert_non_null(m);
	assert_string_equal(m->province_module, "antwerp");
	assert_ptr_equal(catalog_municipality(&cat, "HOOGSTRATEN", &close), m);
	m = catalog_municipality(&cat, "sint-niklaas", &close);
	assert_non_null(m);
	assert_string_equal(m->name, "sint_niklaas");
	assert_string_equal(m->province_module, "east_flanders");
	assert_null(catalog_municipality(&cat, "hoogstraaten", &close));
	assert_string_equal(close, "hoogstraten");
	assert_null(catalog_municipality(&cat, "Sint Niklas", &close));
	assert_string_equal(close, "sint_niklaas");

	const CarenetEntry **areas;
	m = catalog_municipality(&cat, "hoogstraten", &close);
	assert_int_equal(catalog_areas(&cat, m, &areas), 0);
	m = catalog_municipality(&cat, "antwerpen", &close);
	size_t n = catalog_areas(&cat, m, &areas);
	bool postcode_2100 = false, borsbeek = false, district_borsbeek = false;
	for (size_t i = 0; i < n; i++) {
		postcode_2100 |= areas[i]->postcode == 2100;
		borsbeek |= strcmp(areas[i]->name, "borsbeek") == 0;
		district_borsbeek |= strcmp(areas[i]->name, "district_borsbeek") == 0;
	}
	assert_true(postcode_2100 && borsbeek && district_borsbeek);
	m = catalog_municipality(&cat, "borsbeek", &close);
	assert_string_equal(m->merged_into, "antwerpen");
	assert_string_equal(m->merged_on, "2025-01-01");
}

static const char *plain(const char *const *lines)
{
	StrBuf b = { 0 };
	buf_init(&b);
	explain_plain(lines, &b);
	return b.data;
}

static void markdown_to_text(void **state)
{
	(void)state;
	static const char *const prose[] = {
		"", "**What it means.** A *gap*: see [E701](#e701-unaddressed-need) and `in meer`.",
		"Stars in `a * b` and 2 * 3 stay; *Save as*, it says.", NULL,
	};
	assert_string_equal(plain(prose), "What it means. A gap: see E701 and 'in meer'.\n"
			    "Stars in 'a * b' and 2 * 3 stay; Save as, it says.\n");
	static const char *const code[] = {
		"```", "# carenet: ignore W801", "need x {", "", "}", "```", "**Fix.** Remove it.", NULL,
	};
	assert_string_equal(plain(code), "    # carenet: ignore W801\n    need x {\n\n    }\nFix. Remove it.\n");
	static const char *const table[] = { "| message | cause |", "|---|---|", "| `a | b` | c |", NULL };
	assert_string_equal(plain(table), "  message \xe2\x80\x94 cause\n  'a | b' \xe2\x80\x94 c\n");
	static const char *const hostile[] = { "a\x1b[31mred\x07 [unclosed](", "`open", NULL };
	const char *text = plain(hostile);
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\x07'));
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(policy_periods),
		cmocka_unit_test(catalogue),
		cmocka_unit_test(markdown_to_text),
	};
	return cmocka_run_group_tests_name("starters", tests, NULL, NULL);
}
