/*
 * test_dutch.c — the table of Dutch keywords (decl_kinds.def, schema.def,
 * vocab.h, lex.c's joining words): every English word has exactly one
 * Dutch word where it stands, no Dutch word means two things where it
 * stands, and the scanner reads a Dutch keyword as one only where its
 * English twin stands.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "lex.h"
#include "mem.h"
#include "model.h"
#include "parse.h"
#include "schema.h"
#include "spelling.h"

/* Declaration keywords: each kind has its Dutch keyword, and no Dutch
   keyword is another kind's keyword in either language. */
static void keywords_are_one_to_one(void **state)
{
	(void)state;
	for (int a = 0; a < DECL_KIND_COUNT; a++) {
		const char *nl = decl_kind_dutch((DeclKind)a);
		assert_non_null(nl);
		assert_true(nl[0] != '\0');
		for (int b = 0; b < DECL_KIND_COUNT; b++) {
			if (a == b)
				continue;
			assert_string_not_equal(nl, decl_kind_dutch((DeclKind)b));
			assert_string_not_equal(nl, decl_kind_name((DeclKind)b));
		}
	}
}

/* Properties: in every kind's block, each property has one Dutch name that
   no other property of the block has in either language; and one English
   name has the same Dutch name in every block. */
static void properties_are_one_to_one(void **state)
{
	(void)state;
	for (int k = 0; k < DECL_KIND_COUNT; k++) {
		int n = schema_slot_count((DeclKind)k);
		for (int i = 0; i < n; i++) {
			const PropSpec *a = schema_slot_spec((DeclKind)k, i);
			assert_true(a->dutch && a->dutch[0]);
			for (int j = 0; j < n; j++) {
				const PropSpec *b = schema_slot_spec((DeclKind)k, j);
				if (strcmp(a->name, b->name) == 0)
					continue; /* the same name: a kind's own shadows ANY's */
				assert_string_not_equal(a->dutch, b->dutch);
				assert_string_not_equal(a->dutch, b->name);
			}
		}
	}
	for (int a = 0; a < PROP_COUNT; a++)
		for (int b = 0; b < PROP_COUNT; b++)
			if (strcmp(schema_spec((PropId)a)->name, schema_spec((PropId)b)->name) == 0)
				assert_string_equal(schema_spec((PropId)a)->dutch, schema_spec((PropId)b)->dutch);
}

/* A property that is also a declaration keyword is spelt as the keyword. */
static void properties_agree_with_keywords(void **state)
{
	(void)state;
	for (int p = 0; p < PROP_COUNT; p++)
		for (int k = 0; k < DECL_KIND_COUNT; k++)
			if (strcmp(schema_spec((PropId)p)->name, decl_kind_name((DeclKind)k)) == 0)
				assert_string_equal(schema_spec((PropId)p)->dutch, decl_kind_dutch((DeclKind)k));
}

/* Choices: each word a plan writes has a Dutch word, and no Dutch word is
   another value's word in either language. */
static void choices_are_one_to_one(void **state)
{
	(void)state;
	for (int p = 0; p < PROP_COUNT; p++) {
		const PropSpec *spec = schema_spec((PropId)p);
		if (spec->type != VT_CHOICE)
			continue;
		size_t n;
		const VocabEntry *e = vocab_entries((Vocabulary)spec->vocab, &n);
		for (size_t i = 0; i < n; i++) {
			assert_non_null(e[i].dutch);
			assert_ptr_equal(vocab_find((Vocabulary)spec->vocab, e[i].dutch), &e[i]);
			for (size_t j = 0; j < n; j++)
				if (i != j) {
					assert_string_not_equal(e[i].dutch, e[j].dutch);
					assert_string_not_equal(e[i].dutch, e[j].word);
				}
		}
	}
}

/* Joining words: one Dutch word per English word and place. */
static void joins_are_one_to_one(void **state)
{
	(void)state;
	size_t n;
	const LexJoin *j = lex_joins(&n);
	for (size_t a = 0; a < n; a++) {
		assert_true(lex_is_word(j[a].dutch, j[a].english));
		for (size_t b = 0; b < n; b++)
			if (a != b)
				assert_string_not_equal(j[a].where, j[b].where);
	}
}

static DiagSink sink;

static Vec parse(const char *text)
{
	diag_sink_init(&sink);
	Source *src = source_from_text("t.care", text, strlen(text));
	return parse_source(src, &sink, NULL, NULL);
}

/* A Dutch keyword where a name stands is a name; where a statement starts,
   the keyword. */
static void dutch_keywords_stay_names(void **state)
{
	(void)state;
	Vec d = parse("gebied gebied in nood\n"
		      "nood doel { in gebied; doelgroep g; prioriteit hoog }\n"
		      "signaal doel naar naar\n"
		      "antwoord p.met met met\n"
		      "actie tot { voor doel; van 2025-01 tot 2025-12 }\n"
		      "aanvaard W801 op actie tot tot 2026-01 \"r\"\n");
	assert_int_equal(sink.errors, 0);
	DeclKind expected[] = { DECL_AREA, DECL_NEED, DECL_SIGNAL, DECL_ANSWER, DECL_ACTION, DECL_ACCEPT };
	assert_int_equal(d.len, 6);
	for (size_t i = 0; i < d.len; i++)
		assert_int_equal(VEC_AT(d, Decl, i)->kind, expected[i]);
	assert_string_equal(VEC_AT(d, Decl, 0)->id.text, "gebied");
	assert_string_equal(VEC_AT(d, Decl, 0)->parent->parts[0].text, "nood");
	assert_string_equal(VEC_AT(d, Decl, 2)->stmt->target->parts[0].text, "naar");
	assert_string_equal(VEC_AT(d, Decl, 3)->stmt->action->parts[0].text, "met");
	assert_int_equal(VEC_AT(d, Decl, 5)->stmt->on_kind, DECL_ACTION);
	assert_string_equal(VEC_AT(d, Decl, 5)->stmt->on->parts[0].text, "tot");
	assert_true(VEC_AT(d, Decl, 5)->stmt->has_until);
}

/* fmt --lang: only the words change, and back again gives the same bytes. */
static void rewrite_round_trips(void **state)
{
	(void)state;
	const char *en = "area gebied in nood # area\n"
			 "action tot \"to\" {\n  addresses doel\n  from 2025-01 to 2025-12\n  status running\n}\n"
			 "signal doel to naar\n"
			 "accept W801 on action tot until 2026-01 \"until\"\n";
	const char *nl = "gebied gebied in nood # area\n"
			 "actie tot \"to\" {\n  voor doel\n  van 2025-01 tot 2025-12\n  status lopend\n}\n"
			 "signaal doel naar naar\n"
			 "aanvaard W801 op actie tot tot 2026-01 \"until\"\n";
	StrBuf out;
	diag_sink_init(&sink);
	spelling_rewrite(source_from_text("t.care", en, strlen(en)), &sink, SPELLING_DUTCH, &out);
	assert_string_equal(out.data, nl);
	spelling_rewrite(source_from_text("t.care", nl, strlen(nl)), &sink, SPELLING_ENGLISH, &out);
	assert_string_equal(out.data, en);
}

/* The spelling a file's hints propose: its first statement whose keyword
   differs between the two languages decides (a statement's keyword_loc is
   the whole statement), English when none does. */
static Spelling spelling_of(const char *text)
{
	DiagSink quiet;
	diag_sink_init(&quiet);
	Module m = { 0 };
	m.src = source_from_text("t.care", text, strlen(text));
	m.decls = parse_source(m.src, &quiet, NULL, NULL);
	return spelling_of_module(&m);
}

static void hints_follow_the_file(void **state)
{
	(void)state;
	assert_int_equal(spelling_of("importeer \"antwerp\"\nplan p \"P\"\n"), SPELLING_DUTCH);
	assert_int_equal(spelling_of("plan p \"P\"\ngebied a \"A\" in m\nneed n { in a }\n"), SPELLING_DUTCH);
	assert_int_equal(spelling_of("import \"antwerp\"\ngebied a \"A\" in m\n"), SPELLING_ENGLISH);
	assert_int_equal(spelling_of("signaal n naar k\n"), SPELLING_DUTCH);
	/* nothing decides: the language of the messages, English here */
	assert_int_equal(spelling_of("plan p \"P\"\nactor a \"A\"\n"), SPELLING_ENGLISH);
	assert_int_equal(spelling_of(""), SPELLING_ENGLISH);
	assert_string_equal(spelling_keyword(DECL_SIGNAL, SPELLING_DUTCH), "signaal");
	assert_string_equal(spelling_keyword(DECL_SIGNAL, SPELLING_ENGLISH), "signal");
	assert_string_equal(spelling_join("to", "to: the target", SPELLING_DUTCH), "naar");
	assert_string_equal(spelling_join("to", "to: the end", SPELLING_DUTCH), "tot");
	assert_string_equal(spelling_join("with", "with", SPELLING_DUTCH), "met");
	assert_string_equal(spelling_join("with", "with", SPELLING_ENGLISH), "with");
}

int main(void)
{
	mem_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keywords_are_one_to_one),
		cmocka_unit_test(properties_are_one_to_one),
		cmocka_unit_test(properties_agree_with_keywords),
		cmocka_unit_test(choices_are_one_to_one),
		cmocka_unit_test(joins_are_one_to_one),
		cmocka_unit_test(dutch_keywords_stay_names),
		cmocka_unit_test(rewrite_round_trips),
		cmocka_unit_test(hints_follow_the_file),
	};
	return cmocka_run_group_tests_name("dutch", tests, NULL, NULL);
}
