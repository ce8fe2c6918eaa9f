/*
 * test_core.c — small modules: dates, number formatting, name distance,
 * tables, UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "format.h"
#include "mem.h"
#include "names.h"
#include "table.h"
#include "utf8.h"

static void dates(void **state)
{
	(void)state;
	Date d;
	const char *why;
	assert_true(date_parse("2025-02", &d, &why));
	assert_string_equal(date_format_days(date_first_day(d)), "2025-02-01");
	assert_string_equal(date_format_days(date_last_day(d)), "2025-02-28");
	assert_true(date_parse("2024-02", &d, &why));
	assert_string_equal(date_format_days(date_last_day(d)), "2024-02-29");
	assert_false(date_parse("2025-02-30", &d, &why));
	assert_false(date_parse("2025-00", &d, &why));
	assert_int_equal(date_first_day((Date){ 1970, 1, 1 }), 0);
}

static void numbers_print_as_people_write_them(void **state)
{
	(void)state;
	assert_string_equal(format_number(96.0000001), "96");
	assert_string_equal(format_number(12.5), "12.5");
	assert_string_equal(format_number(-0.0001), "0");
	assert_string_equal(format_percent(0.6), "60%");
	assert_string_equal(format_percent(0.455), "45.5%");
}

static void edit_distance_and_suggestions(void **state)
{
	(void)state;
	assert_int_equal(names_distance("lonelines", "loneliness", 3), 1);
	assert_int_equal(names_distance("meer", "mere", 3), 1); /* transposition */
	const char *words[] = { "meer", "minderhout", "hoogstraten" };
	assert_string_equal(names_closest("minderhoud", words, 3), "minderhout");
	assert_null(names_closest("xyz", words, 3));
}

static void tables(void **state)
{
	(void)state;
	Table t = { 0 };
	char key[16];
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		table_put(&t, mem_strdup(key), (void *)(intptr_t)(i + 1));
	}
	assert_int_equal(t.count, 1000);
	assert_int_equal((intptr_t)table_get(&t, "k517"), 518);
	assert_null(table_get(&t, "missing"));
	PairSet s = { 0 };
	int a, b;
	assert_true(pairset_add(&s, &a, &b));
	assert_false(pairset_add(&s, &a, &b));
	assert_true(pairset_has(&s, &a, &b));
	assert_false(pairset_has(&s, &b, &a));
}

/* Tree nodes: zeroed, aligned, kept alive by the arena, and what they point
   at kept alive too, across collections. */
static void tree_arena(void **state)
{
	(void)state;
	enum { NODES = 20000 };
	void ***nodes = mem_alloc(NODES * sizeof *nodes);
	for (int i = 0; i < NODES; i++) {
		void **node = mem_tree_alloc(3 * sizeof(void *) + (size_t)(i % 5));
		assert_null(node[0]);
		assert_int_equal((uintptr_t)node % 8, 0);
		node[0] = mem_strdup("outside the arena");
		node[1] = mem_tree_strndup("inside the arena, cut here", 16);
		nodes[i] = node;
	}
	void *big = mem_tree_alloc(1 << 20); /* bigger than a chunk's share: alone */
	memset(big, 1, 1 << 20);
	mem_collect();
	for (int i = 0; i < NODES; i++) /* would reuse anything wrongly freed */
		mem_strdup("reused memory....");
	for (int i = 0; i < NODES; i += 997) {
		assert_string_equal(nodes[i][0], "outside the arena");
		assert_string_equal(nodes[i][1], "inside the arena");
	}
}

static void utf8(void **state)
{
	(void)state;
	assert_int_equal(utf8_find_invalid("ok \xC3\xA9", 5), (size_t)-1);
	assert_int_equal(utf8_find_invalid("a\xC0\xAF", 3), 1);      /* overlong */
	assert_int_equal(utf8_find_invalid("a\xED\xA0\x80", 4), 1);  /* surrogate */
	assert_int_equal(utf8_find_invalid("a\xE2\x82", 3), 1);      /* truncated */
	/* a bad byte or a valid sequence at every place of the eight-byte fast path */
	char text[40];
	for (size_t at = 0; at < 24; at++) {
		memset(text, 'a', sizeof text);
		text[at] = (char)0xFF;
		assert_int_equal(utf8_find_invalid(text, sizeof text), at);
		assert_int_equal(utf8_find_invalid(text, at), (size_t)-1);
		memcpy(text + at, "\xC3\xA9", 2);
		assert_int_equal(utf8_find_invalid(text, sizeof text), (size_t)-1);
		assert_int_equal(utf8_find_invalid(text, at + 1), at); /* cut in the middle */
	}
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(numbers_print_as_people_write_them),
		cmocka_unit_test(edit_distance_and_suggestions),
		cmocka_unit_test(tables),
		cmocka_unit_test(utf8),
		cmocka_unit_test(tree_arena),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
