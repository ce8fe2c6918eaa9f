/*
 * test_core.c — small modules: dates, number formatting, name distance,
 * tables, UTF-8.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
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

/* Scratch nodes come zeroed again after a clear; nodes allocated with the
   scratch out of use are not touched by it. */
static void tree_scratch(void **state)
{
	(void)state;
	mem_scratch_use(true);
	for (int i = 0; i < 5000; i++) /* several chunks */
		memset(mem_tree_alloc(48), 7, 48);
	mem_scratch_use(false);
	char *kept = mem_tree_alloc(48);
	memset(kept, 9, 48);
	mem_scratch_clear();
	mem_scratch_use(true);
	for (int i = 0; i < 5000; i++) {
		unsigned char *node = mem_tree_alloc(48);
		for (int k = 0; k < 48; k++)
			assert_int_equal(node[k], 0);
	}
	mem_scratch_use(false);
	mem_scratch_clear();
	for (int k = 0; k < 48; k++)
		assert_int_equal(kept[k], 9);
}

/* Whether the mapping holding `p` is advised to use huge pages ("hg" among
   its VmFlags in /proc/self/smaps). */
static bool mapping_uses_huge_pages(const void *p)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		return false;
	char line[512];
	bool inside = false, huge = false;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = (uintptr_t)p >= lo && (uintptr_t)p < hi;
		else if (inside && strncmp(line, "VmFlags:", 8) == 0)
			huge = strstr(line, " hg") != NULL;
	}
	fclose(f);
	return huge;
}

/* A reservation grows the heap at once, is not counted as the plan's
   memory, and is advised to use huge pages where the kernel has them. */
static void heap_reservation(void **state)
{
	(void)state;
	if (mem_heap_bytes() == 0)
		skip(); /* the sanitizer build has no collected heap */
	size_t heap = mem_heap_bytes(), allocated = mem_allocated_bytes();
	mem_reserve((size_t)64 << 20);
	assert_true(mem_heap_bytes() >= heap + ((size_t)64 << 20));
	assert_true(mem_allocated_bytes() - allocated < ((size_t)1 << 20));
	size_t grown = mem_heap_bytes();
	char *block = mem_alloc_atomic((size_t)8 << 20);
	memset(block, 1, (size_t)8 << 20);
	assert_int_equal(mem_heap_bytes(), grown); /* it came from the reservation */
	FILE *thp = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (thp) {
		char mode[128] = "";
		if (!fgets(mode, sizeof mode, thp))
			mode[0] = '\0';
		fclose(thp);
		if (!strstr(mode, "[never]"))
			assert_true(mapping_uses_huge_pages(block + ((size_t)4 << 20)));
	}
	mem_reserve(1000); /* too small to be worth it: nothing happens */
	assert_int_equal(mem_heap_bytes(), grown);
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
		cmocka_unit_test(tree_scratch),
		cmocka_unit_test(heap_reservation),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
