/*
 * test_compare.c — carenet compare through the core's API: which file makes
 * a column, where a file without a plan counts, the CSV's quoting, and a
 * part_of cycle among building blocks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carenet.h"
#include "mem.h"

static const CarenetOptions options = { .today = 20453 }; /* 2025-12-31 */

static const char *dir;

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(mem_printf("%s/%s", dir, name), "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static const char *compare(const char *file, Format format)
{
	Carenet *c = carenet_new(&options);
	assert_true(carenet_load_prelude(c));
	assert_true(carenet_load_file(c, mem_printf("%s/%s", dir, file)));
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_report(c, REPORT_COMPARE, format, &out);
	return out.data;
}

static int setup(void **state)
{
	(void)state;
	dir = mem_strdup("/tmp/carenet-compare-XXXXXX");
	assert_non_null(mkdtemp((char *)dir));
	write_file("areas.care", "area noord \"Noord\" in dorp\nneed extra \"Extra\" { in noord; block detection }\n");
	write_file("a.care", "import \"./areas.care\"\n"
			     "plan a \"A\" { municipality dorp; as_of 2025-12 }\n"
			     "municipality dorp \"=SUM(1,2)\"\n"
			     "need n \"N\" { in dorp; block social_networks }\n");
	write_file("b.care", "plan b \"B\" { municipality stad; as_of 2025-12 }\n"
			     "municipality stad \"Stad \\\"Oost\\\"\"\n"
			     "block kring \"Kring\" { part_of ronde }\nblock ronde \"Ronde\" { part_of kring }\n"
			     "need m \"M\" { in stad; block kring }\n");
	write_file("network.care", "import \"./a.care\"\nimport \"./b.care\"\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return system(mem_printf("rm -rf '%s'", dir));
}

/* The network file is no column; its plans are, in import order; the
   formula-like title is defused and the quotes are doubled. */
static void columns_and_csv_header(void **state)
{
	(void)state;
	const char *csv = compare("network.care", FORMAT_CSV);
	const char *header = "section,group,row,\"'=SUM(1,2)\",\"Stad \"\"Oost\"\"\"\r\n";
	assert_memory_equal(csv, header, strlen(header));
}

/* areas.care has no plan: its need counts with a, which imports it. */
static void file_without_plan_counts_with_its_plan(void **state)
{
	(void)state;
	const char *csv = compare("network.care", FORMAT_CSV);
	assert_non_null(strstr(csv, "Building blocks,Minder mazen,Detectie,need extra,\r\n"));
	assert_non_null(strstr(csv, "Per plan,coverage,needs,2,1\r\n"));
}

/* Blocks in a part_of cycle have no top: they are rows all the same. */
static void block_cycle(void **state)
{
	(void)state;
	const char *json = compare("b.care", FORMAT_JSON);
	assert_non_null(strstr(json, "\"id\":\"kring\""));
	assert_non_null(strstr(json, "\"id\":\"ronde\""));
	assert_non_null(strstr(json, "\"needs\":[\"m\"]"));
}

int main(void)
{
	mem_init();
	setenv("CARENET_PATH", "stdlib", 0); /* make runs the tests from the top of the tree, in every build */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(columns_and_csv_header),
		cmocka_unit_test(file_without_plan_counts_with_its_plan),
		cmocka_unit_test(block_cycle),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
