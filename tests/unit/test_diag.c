/*
 * test_diag.c — the renderers: gcc-style text with source line and caret,
 * sorting, the cap, GitHub annotations and JSON escaping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "mem.h"

static Source *src;

static SrcLoc at(const char *needle)
{
	const char *p = strstr(src->text, needle);
	uint32_t start = (uint32_t)(p - src->text);
	return (SrcLoc){ src, start, start + (uint32_t)strlen(needle) };
}

static void text_has_line_and_caret(void **state)
{
	(void)state;
	const char *text = "area x \"X\" in\n  \xC3\xA9t\xC3\xA9 nowhere\n";
	src = source_from_text("plan.care", text, strlen(text));
	DiagSink sink;
	diag_sink_init(&sink);
	Diagnostic *d = diag_report(&sink, DIAG_E401, at("nowhere"), "unknown area '%s'", "nowhere");
	diag_note(d, (SrcLoc){ 0 }, "a hint");
	StrBuf out = { 0 };
	buf_init(&out);
	diag_render_text(&sink, &out, (RenderOptions){ 0 });
	assert_string_equal(out.data,
			    "plan.care:2:7: error: unknown area 'nowhere' [E401]\n"
			    "    2 |   \xC3\xA9t\xC3\xA9 nowhere\n"
			    "      |       ^~~~~~~\n"
			    "   = a hint\n");
}

static void sorted_by_position_then_order(void **state)
{
	(void)state;
	src = source_from_text("p.care", "aaa bbb ccc\n", 12);
	DiagSink sink;
	diag_sink_init(&sink);
	diag_report(&sink, DIAG_W801, at("ccc"), "third");
	diag_report(&sink, DIAG_E201, at("aaa"), "first");
	diag_report(&sink, DIAG_E101, at("bbb"), "second");
	diag_sort(&sink);
	assert_string_equal(VEC_AT(sink.diags, Diagnostic, 0)->message, "first");
	assert_string_equal(VEC_AT(sink.diags, Diagnostic, 2)->message, "third");
	assert_int_equal(sink.errors, 2);
	assert_int_equal(sink.warnings, 1);
}

static void werror_and_cap(void **state)
{
	(void)state;
	src = source_from_text("p.care", "x\n", 2);
	DiagSink sink;
	diag_sink_init(&sink);
	sink.werror = 1;
	sink.max_kept = 2;
	for (int i = 0; i < 5; i++)
		diag_report(&sink, DIAG_W902, at("x"), "w%d", i);
	assert_int_equal(sink.errors, 5);
	assert_int_equal(sink.diags.len, 2);
	assert_int_equal(sink.dropped, 3);
	StrBuf out = { 0 };
	buf_init(&out);
	diag_render_text(&sink, &out, (RenderOptions){ 0 });
	assert_non_null(strstr(out.data, "error: w0 [W902]"));
	assert_non_null(strstr(out.data, "3 more diagnostics not shown"));
}

/* Past the cap the first by position are kept, whatever order they came in. */
static void cap_keeps_first_by_position(void **state)
{
	(void)state;
	src = source_from_text("p.care", "aaa bbb ccc ddd eee\n", 20);
	DiagSink sink;
	diag_sink_init(&sink);
	sink.max_kept = 2;
	const char *order[] = { "ddd", "bbb", "eee", "aaa", "ccc" };
	for (int i = 0; i < 5; i++)
		diag_report(&sink, DIAG_E401, at(order[i]), "unknown %s", order[i]);
	assert_int_equal(sink.errors, 5);
	assert_int_equal(sink.dropped, 3);
	diag_sort(&sink);
	assert_int_equal(sink.diags.len, 2);
	assert_string_equal(VEC_AT(sink.diags, Diagnostic, 0)->message, "unknown aaa");
	assert_string_equal(VEC_AT(sink.diags, Diagnostic, 1)->message, "unknown bbb");
}

static void github_and_json_escape(void **state)
{
	(void)state;
	src = source_from_text("a,b.care", "x\n", 2);
	DiagSink sink;
	diag_sink_init(&sink);
	Diagnostic *d = diag_report(&sink, DIAG_E201, at("x"), "50%% \"quoted\"");
	diag_note(d, (SrcLoc){ 0 }, "next");
	StrBuf gh = { 0 }, js = { 0 };
	buf_init(&gh);
	buf_init(&js);
	diag_render_github(&sink, &gh);
	assert_string_equal(gh.data, "::error file=a%2Cb.care,line=1,col=1,endLine=1,endColumn=2,"
			    "title=E201 syntax error::50%25 \"quoted\"%0Anext\n");
	diag_render_json(&sink, &js);
	assert_non_null(strstr(js.data, "\"message\":\"50% \\\"quoted\\\"\""));
}

/* A message quoting plan text or a file name cannot put a control
   character on the terminal or forge a line: it is kept printable. */
static void messages_are_printable(void **state)
{
	(void)state;
	src = source_from_text("\x1B[31mred\xFF.care", "x\n", 2);
	DiagSink sink;
	diag_sink_init(&sink);
	diag_report(&sink, DIAG_E201, at("x"), "title \"%s\"", "a\nb\x1B]0;x\x07 \xE2\x80\xAE \xC2\x9B");
	StrBuf text = { 0 };
	buf_init(&text);
	diag_render_text(&sink, &text, (RenderOptions){ 0 });
	assert_string_equal(text.data, "\\u{1B}[31mred\\x{FF}.care:1:1: error: title \"a\\nb\\u{1B}]0;x\\u{7} "
			    "\\u{202E} \\u{9B}\" [E201]\n    1 | x\n      | ^\n");
}

static void every_code_has_a_name(void **state)
{
	(void)state;
	for (int c = 0; c < DIAG_CODE_COUNT; c++) {
		assert_int_equal(diag_code_lookup(diag_code_name((DiagCode)c)), c);
		assert_true(strlen(diag_code_title((DiagCode)c)) > 0);
	}
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_has_line_and_caret),
		cmocka_unit_test(sorted_by_position_then_order),
		cmocka_unit_test(werror_and_cap),
		cmocka_unit_test(cap_keeps_first_by_position),
		cmocka_unit_test(github_and_json_escape),
		cmocka_unit_test(messages_are_printable),
		cmocka_unit_test(every_code_has_a_name),
	};
	return cmocka_run_group_tests_name("diagnostics", tests, NULL, NULL);
}
