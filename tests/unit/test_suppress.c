/*
 * test_suppress.c — suppression comments: which declaration a comment
 * applies to, what the sink silences (only that code, only inside that
 * declaration, only that file), that silenced warnings are not counted
 * (also under --werror) and are kept apart, and the unused ones (W955).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "mem.h"
#include "parse.h"

static Decl *keep_nothing(Decl *parsed, void *ctx)
{
	(void)ctx;
	return parsed; /* the declarations are not looked at */
}

static Source *parse(DiagSink *sink, const char *path, const char *text)
{
	Source *src = source_from_text(path, text, strlen(text));
	parse_source(src, sink, keep_nothing, NULL);
	return src;
}

static SrcLoc at(const Source *src, const char *needle)
{
	const char *p = strstr(src->text, needle);
	assert_non_null(p);
	uint32_t start = (uint32_t)(p - src->text);
	return (SrcLoc){ src, start, start + (uint32_t)strlen(needle) };
}

static const char plan[] =
	"area a \"A\" { population 10 }\n"
	"# carenet: ignore W801 \"reason a\"\n"
	"# carenet: ignore W902 \"reason b\"\n"
	"action b \"B\" {\n"
	"  addresses n\n"
	"}\n"
	"action c \"C\" { addresses n }  # carenet: ignore W801 \"reason c\"\n"
	"action d \"D\" { addresses n }\n";

static void silences_its_code_in_its_declaration(void **state)
{
	(void)state;
	DiagSink sink;
	diag_sink_init(&sink);
	Source *src = parse(&sink, "p.care", plan);
	Source *other = parse(&sink, "q.care", "action b \"B\" { addresses n }\n");
	assert_int_equal(sink.warnings + sink.errors, 0);
	assert_int_equal(sink.suppressions.len, 3);

	diag_report(&sink, DIAG_W801, at(src, "addresses n\n}"), "in b, stacked comment");
	diag_report(&sink, DIAG_W902, at(src, "action b"), "in b, second comment");
	diag_report(&sink, DIAG_W801, at(src, "c \"C\""), "in c, trailing comment");
	diag_report(&sink, DIAG_W801, at(src, "d \"D\""), "in d: not silenced");
	diag_report(&sink, DIAG_W803, at(src, "addresses n\n}"), "another code in b: not silenced");
	diag_report(&sink, DIAG_W801, at(src, "area a"), "before b: not silenced");
	diag_report(&sink, DIAG_W801, at(other, "addresses n"), "the same place in another file: not silenced");
	diag_report(&sink, DIAG_E401, at(src, "addresses n\n}"), "an error in b: never silenced");
	assert_int_equal(sink.suppressed_count, 3);
	assert_int_equal(sink.warnings, 4);
	assert_int_equal(sink.errors, 1);
	diag_sort(&sink); /* by position: "action b" comes before its "addresses" */
	assert_string_equal(VEC_AT(sink.suppressed, Diagnostic, 0)->suppressed_by->reason, "reason b");
	assert_string_equal(VEC_AT(sink.suppressed, Diagnostic, 1)->suppressed_by->reason, "reason a");
	assert_string_equal(VEC_AT(sink.suppressed, Diagnostic, 2)->suppressed_by->reason, "reason c");

	/* the machine formats see all of them, in source order */
	Vec all = diag_all_sorted(&sink);
	assert_int_equal(all.len, 8);
	assert_string_equal(VEC_AT(all, Diagnostic, 0)->message, "before b: not silenced");
	assert_string_equal(VEC_AT(all, Diagnostic, 1)->message, "in b, second comment");
	assert_null(VEC_AT(all, Diagnostic, 0)->suppressed_by);

	/* the text output shows the others only, and says how many were silenced */
	StrBuf out = { 0 };
	buf_init(&out);
	diag_render_text(&sink, &out, (RenderOptions){ 0 });
	assert_null(strstr(out.data, "in b, stacked comment"));
	assert_non_null(strstr(out.data, "in d: not silenced"));
	buf_clear(&out);
	diag_summary(&sink, &out);
	assert_string_equal(out.data, "1 error, 4 warnings (3 suppressed)");
}

static void unused_and_misplaced(void **state)
{
	(void)state;
	DiagSink sink;
	diag_sink_init(&sink);
	Source *src = parse(&sink,
			    "p.care",
			    "# carenet: ignore W801 \"above a blank line\"\n"
			    "\n"
			    "action b \"B\" {\n"
			    "  # carenet: ignore W802 \"inside a block\"\n"
			    "  addresses n\n"
			    "}\n"
			    "# carenet: ignore W801 \"never used\"\n"
			    "action c \"C\" { addresses n }\n"
			    "# carenet: ignore W801 \"after the last declaration\"\n");
	assert_int_equal(sink.warnings, 3); /* the blank line, the block, the end of the file */
	assert_int_equal(sink.suppressions.len, 1);
	diag_report(&sink, DIAG_W802, at(src, "addresses n\n}"), "not silenced from inside the block");
	assert_int_equal(sink.suppressed_count, 0);
	diag_report_unused_suppressions(&sink);
	assert_int_equal(sink.warnings, 5);
	diag_sort(&sink);
	const Diagnostic *unused = VEC_AT(sink.diags, Diagnostic, 3);
	assert_int_equal(unused->code, DIAG_W955);
	assert_non_null(strstr(unused->message, "has no W801 warning"));
}

static void not_counted_under_werror_and_capped_apart(void **state)
{
	(void)state;
	DiagSink sink;
	diag_sink_init(&sink);
	sink.werror = 1;
	sink.max_kept = 2;
	Source *src = parse(&sink, "p.care", "# carenet: ignore W801 \"why\"\naction b \"B\" { addresses n }\n");
	for (int i = 0; i < 5; i++)
		diag_report(&sink, DIAG_W801, at(src, "addresses"), "silenced %d", i);
	diag_report(&sink, DIAG_W801, at(src, "carenet"), "outside the declaration");
	assert_int_equal(sink.errors, 1); /* only the one outside, as an error under --werror */
	assert_int_equal(sink.warnings, 0);
	assert_int_equal(sink.suppressed_count, 5);
	assert_int_equal(sink.suppressed.len, 2);
	assert_int_equal(sink.diags.len, 1);
	assert_int_equal(VEC_AT(sink.suppressed, Diagnostic, 0)->severity, SEV_WARNING);
}

static void the_comments_that_are_warnings(void **state)
{
	(void)state;
	static const struct {
		const char *comment;
		DiagCode code;
	} cases[] = {
		{ "# carenet: ignore W801", DIAG_W952 },
		{ "# carenet: ignore W801 \"  \"", DIAG_W952 },
		{ "# carenet: ignore W8O1 \"typo\"", DIAG_W953 },
		{ "# carenet: ignore E701 \"an error\"", DIAG_W954 },
		{ "# carenet: ignore W951 \"about suppressions\"", DIAG_W954 },
		{ "# carenet: disable W801 \"x\"", DIAG_W951 },
		{ "# carenet: ignore \"no code\"", DIAG_W951 },
		{ "# carenet: ignore W801 'single'", DIAG_W951 },
		{ "# carenet: ignore W801 \"open", DIAG_W951 },
		{ "# carenet: ignore W801 \"x\" W802", DIAG_W951 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		DiagSink sink;
		diag_sink_init(&sink);
		const char *text = mem_printf("%s\naction b \"B\" { addresses n }\n", cases[i].comment);
		parse(&sink, "p.care", text);
		assert_int_equal(sink.diags.len, 1);
		assert_int_equal(VEC_AT(sink.diags, Diagnostic, 0)->code, cases[i].code);
		assert_int_equal(sink.suppressions.len, 0);
	}
}

/* fmt and the tests parse without a keeper: comments are only comments then. */
static void only_read_when_checking(void **state)
{
	(void)state;
	DiagSink sink;
	diag_sink_init(&sink);
	const char *text = "# carenet: ignore W801\naction b \"B\" { addresses n }\n";
	parse_source(source_from_text("p.care", text, strlen(text)), &sink, NULL, NULL);
	assert_int_equal(sink.warnings, 0);
	assert_int_equal(sink.suppressions.len, 0);
}

/* Acceptances are added after parsing, out of order and for files already
   indexed: the sink must still find them, and an expired one only adds a note. */
static void acceptances_added_out_of_order(void **state)
{
	(void)state;
	DiagSink sink;
	diag_sink_init(&sink);
	Source *src = parse(&sink, "p.care", plan);
	Source *other = parse(&sink, "q.care", "action e \"E\" { addresses n }\naction f \"F\" { addresses n }\n");
	assert_int_equal(sink.suppressions.len, 3);

	DiagSuppression *late = NEW(DiagSuppression); /* before p.care's comments, in p.care */
	*late = (DiagSuppression){ .code = DIAG_W802, .reason = "accepted", .comment = at(src, "area a"),
				   .scope = at(src, "area a \"A\" { population 10 }"), .until = "2026-12-31" };
	diag_suppression_add(&sink, late);
	DiagSuppression *expired = NEW(DiagSuppression);
	*expired = (DiagSuppression){ .code = DIAG_W801, .reason = "old", .comment = at(other, "action f"),
				      .scope = at(other, "action e \"E\" { addresses n }"), .until = "2025-12-31",
				      .expired = true };
	diag_suppression_add(&sink, expired);

	diag_report(&sink, DIAG_W802, at(src, "population 10"), "accepted in a");
	diag_report(&sink, DIAG_W801, at(src, "addresses n\n}"), "still silenced by its comment");
	assert_int_equal(sink.warnings, 0);
	assert_int_equal(sink.suppressed_count, 2);
	assert_int_equal(late->uses, 1);

	Diagnostic *d = diag_report(&sink, DIAG_W801, at(other, "E\" { addresses"), "expired: shown, with a note");
	assert_int_equal(sink.warnings, 1);
	assert_non_null(d);
	assert_int_equal(d->notes.len, 1);
	assert_non_null(strstr(VEC_AT(d->notes, DiagNote, 0)->message, "expired"));
	assert_int_equal(expired->uses, 1);
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(silences_its_code_in_its_declaration),
		cmocka_unit_test(unused_and_misplaced),
		cmocka_unit_test(not_counted_under_werror_and_capped_apart),
		cmocka_unit_test(the_comments_that_are_warnings),
		cmocka_unit_test(only_read_when_checking),
		cmocka_unit_test(acceptances_added_out_of_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
