/*
 * vocab.c — the tables of vocab.h.
 */
#include "vocab.h"

#include <string.h>

#include "buf.h"

#define VOCAB_ENTRY(value, word, dutch) { word, value, dutch },

static const VocabEntry priorities[] = { PRIORITY_WORDS(VOCAB_ENTRY) };
static const VocabEntry action_statuses[] = { ACTION_STATUS_WORDS(VOCAB_ENTRY) };
static const VocabEntry cover_statuses[] = { COVER_STATUS_WORDS(VOCAB_ENTRY) };
static const VocabEntry indicator_statuses[] = { INDICATOR_STATUS_WORDS(VOCAB_ENTRY) };
static const VocabEntry signal_statuses[] = { SIGNAL_STATUS_WORDS(VOCAB_ENTRY) };
static const VocabEntry phases[] = { PHASE_WORDS(VOCAB_ENTRY) };
static const VocabEntry directions[] = { DIRECTION_WORDS(VOCAB_ENTRY) };

#define TABLE(t) { t, sizeof t / sizeof t[0] }

static const struct {
	const VocabEntry *entries;
	size_t count;
} vocabularies[VOCAB_COUNT] = {
	[VOCAB_PRIORITY] = TABLE(priorities),
	[VOCAB_ACTION_STATUS] = TABLE(action_statuses),
	[VOCAB_COVER_STATUS] = TABLE(cover_statuses),
	[VOCAB_INDICATOR_STATUS] = TABLE(indicator_statuses),
	[VOCAB_SIGNAL_STATUS] = TABLE(signal_statuses),
	[VOCAB_PHASE] = TABLE(phases),
	[VOCAB_DIRECTION] = TABLE(directions),
};

const VocabEntry *vocab_entries(Vocabulary v, size_t *count)
{
	*count = vocabularies[v].count;
	return vocabularies[v].entries;
}

const char *vocab_word(Vocabulary v, int value)
{
	for (size_t i = 0; i < vocabularies[v].count; i++)
		if (vocabularies[v].entries[i].value == value)
			return vocabularies[v].entries[i].word;
	return NULL;
}

const VocabEntry *vocab_find(Vocabulary v, const char *word)
{
	for (size_t i = 0; i < vocabularies[v].count; i++)
		if (strcmp(vocabularies[v].entries[i].word, word) == 0 ||
		    (vocabularies[v].entries[i].dutch && strcmp(vocabularies[v].entries[i].dutch, word) == 0))
			return &vocabularies[v].entries[i];
	return NULL;
}

const char *vocab_list(Vocabulary v)
{
	return vocab_list_in(v, false);
}

const char *vocab_list_in(Vocabulary v, bool dutch)
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (size_t i = 0; i < vocabularies[v].count; i++) {
		const VocabEntry *e = &vocabularies[v].entries[i];
		buf_printf(&b, "%s%s", i ? ", " : "", dutch && e->dutch ? e->dutch : e->word);
	}
	return b.data;
}
