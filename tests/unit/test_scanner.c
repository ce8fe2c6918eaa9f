/*
 * test_scanner.c — the scanner through the parser: every token kind, dates
 * versus subtraction, escapes, invalid dates, encoding errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "mem.h"
#include "parse.h"

static DiagSink sink;

static Vec parse(const char *text)
{
	diag_sink_init(&sink);
	Source *src = source_from_text("t.care", text, strlen(text));
	return parse_source(src, &sink, NULL, NULL);
}

static int has_code(DiagCode code)
{
	for (size_t i = 0; i < sink.diags.len; i++)
		if (VEC_AT(sink.diags, Diagnostic, i)->code == code)
			return 1;
	return 0;
}

/* The value of `let x = ...` in a one-statement file. */
static Expr *let_value(const char *text)
{
	Vec decls = parse(text);
	assert_int_equal(decls.len, 1);
	Decl *d = VEC_AT(decls, Decl, 0);
	assert_int_equal(d->kind, DECL_LET);
	return d->stmt->value;
}

static void month_literal_is_one_date(void **state)
{
	(void)state;
	Expr *e = let_value("let x = 2025-03\n");
	assert_int_equal(e->kind, EXPR_DATE);
	assert_int_equal(e->u.date.year, 2025);
	assert_int_equal(e->u.date.month, 3);
	assert_int_equal(e->u.date.day, 0);
	e = let_value("let x = 2025-03-14");
	assert_int_equal(e->kind, EXPR_DATE);
	assert_int_equal(e->u.date.day, 14);
}

static void spaced_minus_is_subtraction(void **state)
{
	(void)state;
	Expr *e = let_value("let x = 2025 - 3\n");
	assert_int_equal(e->kind, EXPR_BINARY);
	assert_int_equal(e->op, OP_SUB);
	assert_true(e->u.operands.a->u.number == 2025);
}

static void numbers_percentages_and_groups(void **state)
{
	(void)state;
	Expr *e = let_value("let x = 12_500");
	assert_true(e->u.number == 12500);
	e = let_value("let x = 60%");
	assert_true(e->percent);
	assert_true(e->u.number > 0.5999 && e->u.number < 0.6001);
	e = let_value("let x = 12.5");
	assert_true(e->u.number == 12.5);
	parse("let x = 12__5\n");
	assert_true(has_code(DIAG_E105));
	parse("let x = 99999999999999999999\n");
	assert_true(has_code(DIAG_E106));
}

static void invalid_dates(void **state)
{
	(void)state;
	parse("let x = 2025-02-30\n");
	assert_true(has_code(DIAG_E104));
	parse("let x = 2025-13\n");
	assert_true(has_code(DIAG_E104));
	parse("let x = 2024-02-29\n");
	assert_false(has_code(DIAG_E104));
}

static void strings_and_escapes(void **state)
{
	(void)state;
	Expr *e = let_value("let x = \"a\\\"b\\\\c\\nd\\te\\u{e9}\"");
	/* plan text is kept printable: a line break in it is written \n (utf8_safe_text) */
	assert_string_equal(e->u.string, "a\"b\\c\\nd\te\xC3\xA9");
	e = let_value("let x = \"\"\"two\nlines\"\"\"");
	assert_string_equal(e->u.string, "two\\nlines");
	e = let_value("let x = \"\\u{1B}[2J\\u{202E}\"");
	assert_string_equal(e->u.string, "\\u{1B}[2J\\u{202E}");
	parse("let x = \"bad \\q\"\n");
	assert_true(has_code(DIAG_E103));
	parse("let x = \"open\nlet y = 1\n");
	assert_true(has_code(DIAG_E102));
	parse("let x = \"\\u{D800}\"\n");
	assert_true(has_code(DIAG_E103));
}

static void encoding_errors(void **state)
{
	(void)state;
	parse("let x = \"\xC3\x28\"\n");
	assert_true(has_code(DIAG_E002));
	Vec decls = parse("\xEF\xBB\xBFlet x = 1\n");
	assert_int_equal(decls.len, 1);
	diag_sink_init(&sink);
	Source *src = source_from_text("t.care", "let x\0 = 1", 10);
	parse_source(src, &sink, NULL, NULL);
	assert_true(has_code(DIAG_E003));
	parse("  \n\n");
	assert_true(has_code(DIAG_E004));
	parse("let caf\xC3\xA9 = 1\n");
	assert_true(has_code(DIAG_E107));
	parse("let x = \xE2\x80\x9Chi\xE2\x80\x9D\n");
	assert_true(has_code(DIAG_E101));
}

static void comments_and_semicolons(void **state)
{
	(void)state;
	Vec decls = parse("# a comment\nlet a = 1; let b = 2 # trailing\n");
	assert_int_equal(decls.len, 2);
	assert_int_equal(sink.errors, 0);
}

static void nesting_limit(void **state)
{
	(void)state;
	char text[400] = "let x = ";
	for (int i = 0; i < 100; i++)
		strcat(text, "(");
	strcat(text, "1\n");
	parse(text);
	assert_true(has_code(DIAG_E108));
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(month_literal_is_one_date),
		cmocka_unit_test(spaced_minus_is_subtraction),
		cmocka_unit_test(numbers_percentages_and_groups),
		cmocka_unit_test(invalid_dates),
		cmocka_unit_test(strings_and_escapes),
		cmocka_unit_test(encoding_errors),
		cmocka_unit_test(comments_and_semicolons),
		cmocka_unit_test(nesting_limit),
	};
	return cmocka_run_group_tests_name("scanner", tests, NULL, NULL);
}
