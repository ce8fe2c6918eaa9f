/*
 * test_editor.c — what editors ask of the core (carenet.h, the language
 * server's side): UTF-16 positions both ways, the overlay of open
 * documents, definitions, references, completion, and fixes that hold
 * when applied.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carenet.h"
#include "mem.h"
#include "source.h"
#include "utf8.h"

/* "a" (1 byte, 1 unit), "é" (2, 1), "🏠" (4, 2), "b" (1, 1) */
#define MIXED "a\xC3\xA9\xF0\x9F\x8F\xA0" "b"

static void utf16_units_of_utf8(void **state)
{
	(void)state;
	assert_int_equal(utf8_utf16_units(MIXED, 8), 5);
	assert_int_equal(utf8_offset_of_units(MIXED, 8, 0), 0);
	assert_int_equal(utf8_offset_of_units(MIXED, 8, 2), 3);
	assert_int_equal(utf8_offset_of_units(MIXED, 8, 3), 3); /* inside the pair: its start */
	assert_int_equal(utf8_offset_of_units(MIXED, 8, 4), 7);
	assert_int_equal(utf8_offset_of_units(MIXED, 8, 99), 8);
	assert_int_equal(utf8_utf16_units("\xFF\xC3", 2), 2); /* invalid bytes: one unit each */
	assert_int_equal(utf8_utf16_units("\xF0\x9F\x8F", 3), 3); /* a character cut short */
}

static void source_positions_both_ways(void **state)
{
	(void)state;
	const char *text = "x\r\n" MIXED " z\nlast";
	Source *src = source_from_text("p.care", text, strlen(text));
	uint32_t line, column;
	uint32_t z = (uint32_t)(strchr(text, 'z') - text);
	source_utf16_position(src, z, &line, &column);
	assert_int_equal(line, 1);
	assert_int_equal(column, 6);
	assert_int_equal(source_utf16_offset(src, 1, 6), z);
	assert_int_equal(source_utf16_offset(src, 0, 5), 1);                 /* past the end: before \r\n */
	assert_int_equal(source_utf16_offset(src, 9, 0), strlen(text));      /* past the last line */
	for (uint32_t off = 0; off <= strlen(text); off++) {
		if (((unsigned char)text[off] & 0xC0) == 0x80 || (off && text[off - 1] == '\r' && text[off] == '\n'))
			continue; /* inside a character, or between \r and \n */
		source_utf16_position(src, off, &line, &column);
		assert_int_equal(source_utf16_offset(src, line, column), off);
		CarenetPosition p = carenet_text_position(text, strlen(text), off);
		assert_int_equal(p.line, line);
		assert_int_equal(p.column, column);
		assert_int_equal(carenet_text_offset(text, strlen(text), p), off);
	}
}

static Carenet *run_with(const char *path, const char *text, const char *other_path, const char *other_text)
{
	CarenetOptions options = { 20453, false, 0, false }; /* 2025-12-31 */
	Carenet *c = carenet_new(&options);
	carenet_set_text(c, path, text, strlen(text));
	if (other_path)
		carenet_set_text(c, other_path, other_text, strlen(other_text));
	assert_true(carenet_load_prelude(c));
	carenet_load_file(c, path);
	carenet_evaluate(c);
	return c;
}

static const char plan[] =
	"import \"./lib.care\"\n"
	"area meer \"M\xC3\xA9\xC3\xA9r\" in dorp\n"
	"actor ldc \"LDC\" {\n  kind local_service_centre\n  serves meer\n}\n"
	"need n \"N\" {\n  in meer\n}\n"
	"action a \"A\" {\n  addresses n\n  lead ldx\n  partners buren\n  from 2025-01\n}\n";
static const char lib[] = "municipality dorp \"Dorp\"\nactor buren \"Buren\"\n";

/* The overlay: neither file is on the disk; the root and its import are read from memory. */
static void open_documents_are_read_from_memory(void **state)
{
	(void)state;
	Carenet *c = run_with("/nonexistent/carenet/plan.care", plan, "/nonexistent/carenet/lib.care", lib);
	const CarenetDiagnostic *d;
	size_t n = carenet_diagnostics(c, &d);
	size_t errors = 0;
	for (size_t i = 0; i < n; i++)
		if (d[i].severity == CARENET_ERROR && strcmp(d[i].code, "E701") != 0) {
			/* (the gap of n: an action whose lead is unknown does not count) */
			errors++;
			assert_string_equal(d[i].code, "E401");
			assert_string_equal(d[i].where.path, "/nonexistent/carenet/plan.care");
			assert_int_equal(d[i].where.start.line, 11);
			assert_int_equal(d[i].where.start.column, 7);
		}
	assert_int_equal(errors, 1);
	assert_true(carenet_reads(c, "/nonexistent/carenet/lib.care"));

	/* definition across the import, references in both files */
	CarenetRange where;
	assert_true(carenet_definition(c, "/nonexistent/carenet/plan.care", (CarenetPosition){ 1, 22 }, &where));
	assert_string_equal(where.path, "/nonexistent/carenet/lib.care");
	assert_int_equal(where.start.line, 0);
	assert_int_equal(where.start.column, 13);
	const CarenetRange *refs;
	assert_int_equal(carenet_references(c, "/nonexistent/carenet/plan.care", (CarenetPosition){ 4, 9 }, true, &refs),
			 3); /* meer: its declaration, serves meer, in meer */
	assert_int_equal(refs[0].start.line, 1);
	assert_int_equal(refs[2].start.line, 7);
}

static void completion_takes_the_namespace_of_the_property(void **state)
{
	(void)state;
	Carenet *c = run_with("/nonexistent/carenet/plan.care", plan, "/nonexistent/carenet/lib.care", lib);
	const CarenetCompletion *items;
	size_t n = carenet_complete(c, "/nonexistent/carenet/plan.care", (CarenetPosition){ 11, 7 }, &items);
	assert_int_equal(n, 2); /* after `lead `: the actors, and only them */
	assert_string_equal(items[0].label, "buren");
	assert_string_equal(items[1].label, "ldc");
	assert_string_equal(items[1].keyword, "actor");
	n = carenet_complete(c, "/nonexistent/carenet/plan.care", (CarenetPosition){ 3, 2 }, &items);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(items[i].kind, CARENET_ITEM_PROPERTY);
}

static bool has_label(const CarenetCompletion *items, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].label, label) == 0)
			return true;
	return false;
}

/* A plan with Dutch keywords is offered Dutch words; an English plan the English ones. */
static void completion_follows_the_plans_spelling(void **state)
{
	(void)state;
	static const char dutch[] = "gebied meer \"M\" in dorp\n"
				    "actie a \"A\" {\n  trekker buren\n  status gepland\n}\n";
	Carenet *c = run_with("/nonexistent/carenet/nl.care", dutch, "/nonexistent/carenet/lib.care", lib);
	const CarenetCompletion *items;
	size_t n = carenet_complete(c, "/nonexistent/carenet/nl.care", (CarenetPosition){ 2, 2 }, &items);
	assert_true(has_label(items, n, "trekker") && has_label(items, n, "voor") && has_label(items, n, "van"));
	assert_false(has_label(items, n, "lead") || has_label(items, n, "addresses"));
	n = carenet_complete(c, "/nonexistent/carenet/nl.care", (CarenetPosition){ 3, 9 }, &items);
	assert_int_equal(n, 4);
	assert_string_equal(items[0].label, "afgerond");
	assert_string_equal(items[1].label, "gepland");
	n = carenet_complete(c, "/nonexistent/carenet/nl.care", (CarenetPosition){ 5, 0 }, &items);
	assert_true(has_label(items, n, "nood") && has_label(items, n, "signaal"));
	assert_false(has_label(items, n, "need"));

	c = run_with("/nonexistent/carenet/plan.care", plan, "/nonexistent/carenet/lib.care", lib);
	n = carenet_complete(c, "/nonexistent/carenet/plan.care", (CarenetPosition){ 3, 2 }, &items);
	assert_true(has_label(items, n, "serves"));
	assert_false(has_label(items, n, "bedient"));
}

/* Apply every fix of the run to `text` (at most one per diagnostic, last first). */
static const char *apply_fixes(Carenet *c, const char *path, const char *text, size_t *applied)
{
	const CarenetDiagnostic *d;
	size_t n = carenet_diagnostics(c, &d);
	StrBuf out = { 0 };
	buf_init(&out);
	buf_puts(&out, text);
	*applied = 0;
	for (size_t i = n; i-- > 0;) {
		if (d[i].fix_count == 0 || strcmp(d[i].fixes[0].where.path, path) != 0)
			continue;
		const CarenetFix *f = &d[i].fixes[0];
		size_t from = carenet_text_offset(out.data, out.len, f->where.start);
		size_t to = carenet_text_offset(out.data, out.len, f->where.end);
		out.data = mem_printf("%.*s%s%s", (int)from, out.data, f->text, out.data + to);
		out.len = strlen(out.data);
		(*applied)++;
	}
	return out.data;
}

static void fixes_hold_when_applied(void **state)
{
	(void)state;
	const char *bad =
		"import \"antwerp\"\n"
		"area meer \"Meer\" in hoogstraten {\n  populaton 100\n}\n"
		"actor ldc \"LDC\" {\n  kind local_service_centre\n  serves mere\n}\n"
		"need n \"N\" {\n  in meer\n  priority hihg\n}\n"
		"need p \"P\" {\n  in meer\n  requires first_line_psychology\n}\n"
		"action a \"A\" {\n  addresses n\n  lead ldx\n  from 2025-01\n  status runing\n"
		"  indicator i \"I\" {\n    target sun(10)\n  }\n}\n";
	const char *path = "/nonexistent/carenet/fix.care";
	Carenet *c = run_with(path, bad, NULL, NULL);
	size_t applied;
	const char *fixed = apply_fixes(c, path, bad, &applied);
	/* populaton, mere, hihg, ldx, runing, sun, and the signal for the gap of p */
	assert_int_equal(applied, 7);
	assert_non_null(strstr(fixed, "first_line_psychology\n}\n\nsignal p to primary_care_zone\n"));
	c = run_with(path, fixed, NULL, NULL);
	const CarenetDiagnostic *d;
	size_t n = carenet_diagnostics(c, &d);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(d[i].severity, CARENET_ERROR);
}

int main(void)
{
	mem_init();
	/* the stdlib of the sources: make runs the tests from there, and a
	   sanitizer build's binary is too deep in build/ to find it itself */
	setenv("CARENET_PATH", "stdlib", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf16_units_of_utf8),
		cmocka_unit_test(source_positions_both_ways),
		cmocka_unit_test(open_documents_are_read_from_memory),
		cmocka_unit_test(completion_takes_the_namespace_of_the_property),
		cmocka_unit_test(completion_follows_the_plans_spelling),
		cmocka_unit_test(fixes_hold_when_applied),
	};
	return cmocka_run_group_tests_name("editor", tests, NULL, NULL);
}
