/*
 * test_parser.c — every declaration kind, nesting, continuation lines,
 * positions, and recovery that reports every broken statement.
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

static void every_declaration_kind(void **state)
{
	(void)state;
	Vec d = parse("import \"antwerp\"\n"
		      "plan p \"P\" { municipality m; period 2025-01 .. 2027-12 }\n"
		      "let share = 60%\n"
		      "municipality m \"M\" { population 1_000 }\n"
		      "area a \"A\" in m { group living_alone 10 }\n"
		      "body z \"Z\" { kind primary_care_zone; members m }\n"
		      "kind k \"K\" { escalates_to province }\n"
		      "capability c \"C\" { handled_by k }\n"
		      "block b \"B\" { part_of meer_net }\n"
		      "group g \"G\"\n"
		      "actor x \"X\" { kind volunteers; serves a }\n"
		      "need n \"N\" { in a; priority high }\n"
		      "action y \"Y\" { addresses n\n indicator r \"R\" { target 3 } }\n"
		      "signal n in a to z \"msg\"\n"
		      "answer p.n with y\n");
	assert_int_equal(sink.errors, 0);
	DeclKind expected[] = { DECL_IMPORT, DECL_PLAN, DECL_LET, DECL_MUNICIPALITY, DECL_AREA, DECL_BODY,
				DECL_KIND, DECL_CAPABILITY, DECL_BLOCK, DECL_GROUP, DECL_ACTOR, DECL_NEED,
				DECL_ACTION, DECL_SIGNAL, DECL_ANSWER };
	assert_int_equal(d.len, sizeof expected / sizeof expected[0]);
	for (size_t i = 0; i < d.len; i++)
		assert_int_equal(VEC_AT(d, Decl, i)->kind, expected[i]);
	Decl *area = VEC_AT(d, Decl, 4);
	assert_string_equal(area->parent->parts[0].text, "m");
	Decl *signal = VEC_AT(d, Decl, 13);
	assert_int_equal(signal->stmt->areas.len, 1);
	assert_string_equal(signal->stmt->message, "msg");
	Decl *answer = VEC_AT(d, Decl, 14);
	assert_int_equal(answer->stmt->answered->count, 2);
}

static void nested_indicator_block(void **state)
{
	(void)state;
	Vec d = parse("action y \"Y\" {\n"
		      "  indicator r \"R\" {\n"
		      "    target 60% * a.living_alone\n"
		      "    measure 2025-06: 40, 2025-12: 71\n"
		      "  }\n"
		      "}\n");
	assert_int_equal(sink.errors, 0);
	const Property *ind = VEC_AT(d, Decl, 0)->body->props;
	assert_string_equal(ind->name.text, "indicator");
	const Item *it = ind->items;
	assert_non_null(it->shape);
	assert_non_null(it->shape->block);
	assert_int_equal(it->shape->extra_count, 1);
	const Property *measure = it->shape->block->props->next;
	assert_string_equal(measure->name.text, "measure");
	assert_int_equal(measure->count, 2);
	assert_non_null(measure->items->next->shape->key);
	assert_null(measure->items->next->next);
}

static void continuation_lines(void **state)
{
	(void)state;
	Vec d = parse("need n \"N\" {\n  in a,\n     b,\n     c\n}\n"
		      "let x = (1 +\n 2)\n"
		      "let y = sum(1,\n 2) *\n 3\n"
		      "plan p \"P\"\n{\n  period 2025-01 ..\n 2026-12\n}\n");
	assert_int_equal(sink.errors, 0);
	assert_int_equal(d.len, 4);
	const Property *in = VEC_AT(d, Decl, 0)->body->props;
	assert_int_equal(in->count, 3);
}

static void positions_are_exact(void **state)
{
	(void)state;
	Vec d = parse("# c\n\nneed  loneliness \"Eenzaamheid\" {\n  in meer\n}\n");
	Decl *need = VEC_AT(d, Decl, 0);
	int line, col;
	source_position(need->id.loc.src, need->id.loc.start, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 7);
	const Item *it = need->body->props->items;
	SrcLoc at = ast_item_loc(it);
	source_position(at.src, at.start, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 6);
	assert_int_equal(at.end - at.start, 4); /* "meer" */
}

static void recovery_reports_each_error(void **state)
{
	(void)state;
	parse("area a \"A\" in\n"
	      "need n { in a b }\n"
	      "need m {\n  priority high high\n}\n"
	      "}\n"
	      "let x = 1 +\n");
	assert_int_equal(sink.errors, 5);
	int lines[5];
	for (size_t i = 0; i < 5; i++) {
		Diagnostic *diag = VEC_AT(sink.diags, Diagnostic, i);
		int col;
		source_position(diag->loc.src, diag->loc.start, &lines[i], &col);
		assert_int_equal(diag->code, DIAG_E201);
	}
	assert_int_equal(lines[0], 1);
	assert_int_equal(lines[1], 2);
	assert_int_equal(lines[2], 4);
	assert_int_equal(lines[3], 6);
	assert_int_equal(lines[4], 7); /* the end of the file is the end of its last line */
}

static void unclosed_brace_points_at_opening(void **state)
{
	(void)state;
	parse("need n \"N\" {\n  in a\n");
	assert_int_equal(sink.errors, 1);
	Diagnostic *diag = VEC_AT(sink.diags, Diagnostic, 0);
	assert_int_equal(diag->notes.len, 1);
	assert_non_null(strstr(diag->message, "end of the file"));
}

static void declaration_message_names_the_kinds(void **state)
{
	(void)state;
	parse("plan p\n}\n"); /* a file that starts with "}" is not a plan (E005) */
	Diagnostic *diag = VEC_AT(sink.diags, Diagnostic, 0);
	assert_string_equal(diag->message,
			    "expected a declaration (import, plan, let, area, actor, need, action, signal, ...) but found '}'");
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_declaration_kind),
		cmocka_unit_test(nested_indicator_block),
		cmocka_unit_test(continuation_lines),
		cmocka_unit_test(positions_are_exact),
		cmocka_unit_test(recovery_reports_each_error),
		cmocka_unit_test(unclosed_brace_points_at_opening),
		cmocka_unit_test(declaration_message_names_the_kinds),
	};
	return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
