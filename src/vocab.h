/*
 * vocab.h — the words of carenet's enumerations, one table each.
 *
 * Each list below is the one place an enumeration's values and their words
 * are written: the schema takes its choices from it (`status running`), and
 * every report prints the same words.  A list item is X(VALUE, "word",
 * "woord"): the Dutch spelling of a word a plan writes, the same value
 * (NULL for the words only reports print).
 */
#ifndef CARENET_VOCAB_H
#define CARENET_VOCAB_H

#include <stdbool.h>

#include <stddef.h>

#define VOCAB_ENUM_VALUE(value, word, dutch) value,

/* need ... { priority low } */
#define PRIORITY_WORDS(X) \
	X(PRIORITY_LOW, "low", "laag") X(PRIORITY_MEDIUM, "medium", "middel") X(PRIORITY_HIGH, "high", "hoog")
typedef enum { PRIORITY_NONE, PRIORITY_WORDS(VOCAB_ENUM_VALUE) } Priority;

/* action ... { status running } */
#define ACTION_STATUS_WORDS(X) \
	X(STATUS_PLANNED, "planned", "gepland") X(STATUS_RUNNING, "running", "lopend") X(STATUS_DONE, "done", "afgerond") \
	X(STATUS_STOPPED, "stopped", "gestopt")
typedef enum { ACTION_STATUS_WORDS(VOCAB_ENUM_VALUE) } ActionStatus;

/* What a need is in one of its areas (spec 5.1). */
#define COVER_STATUS_WORDS(X) \
	X(COVER_GAP, "gap", NULL) X(COVER_COVERED, "covered", NULL) X(COVER_SIGNALLED, "signalled", NULL) \
	X(COVER_ACCEPTED, "accepted", NULL)
typedef enum { COVER_STATUS_WORDS(VOCAB_ENUM_VALUE) } CoverStatus;

/* What an indicator's progress says (spec 5.3). */
#define INDICATOR_STATUS_WORDS(X) \
	X(IND_NO_DATA, "no data", NULL) X(IND_BEHIND, "behind", NULL) X(IND_ON_TRACK, "on track", NULL) \
	X(IND_ACHIEVED, "achieved", NULL) X(IND_STOPPED, "stopped", NULL)
typedef enum { INDICATOR_STATUS_WORDS(VOCAB_ENUM_VALUE) } IndicatorStatus;

/* signal ... { status answered }: where a signal stands with the body that received it */
#define SIGNAL_STATUS_WORDS(X) \
	X(SIG_SENT, "sent", "verstuurd") X(SIG_RECEIVED, "received", "ontvangen") X(SIG_IN_PROGRESS, "in_progress", "in_behandeling") \
	X(SIG_ANSWERED, "answered", "beantwoord") X(SIG_REFUSED, "refused", "geweigerd") X(SIG_PASSED_ON, "passed_on", "doorgegeven")
typedef enum { SIG_UNKNOWN, SIGNAL_STATUS_WORDS(VOCAB_ENUM_VALUE) } SignalStatus;

/* plan ... { phase analysis }: where a plan stands in the trajectory */
#define PHASE_WORDS(X) \
	X(PHASE_ANALYSIS, "analysis", "analyse") X(PHASE_IMPLEMENTATION, "implementation", "uitvoering") \
	X(PHASE_EVALUATION, "evaluation", "evaluatie")
typedef enum { PHASE_NONE, PHASE_WORDS(VOCAB_ENUM_VALUE) } Phase;

/* metric ... { direction lower_is_better }: which way a metric improves */
#define DIRECTION_WORDS(X) \
	X(DIRECTION_HIGHER, "higher_is_better", "hoger_is_beter") X(DIRECTION_LOWER, "lower_is_better", "lager_is_beter")
typedef enum { DIRECTION_NONE, DIRECTION_WORDS(VOCAB_ENUM_VALUE) } Direction;

typedef enum {
	VOCAB_PRIORITY,
	VOCAB_ACTION_STATUS,
	VOCAB_COVER_STATUS,
	VOCAB_INDICATOR_STATUS,
	VOCAB_SIGNAL_STATUS,
	VOCAB_PHASE,
	VOCAB_DIRECTION,
	VOCAB_COUNT
} Vocabulary;

typedef struct {
	const char *word;
	int value;
	const char *dutch;           /* NULL: not a word of plans */
} VocabEntry;

/* The entries of a vocabulary in their order, `*count` of them. */
const VocabEntry *vocab_entries(Vocabulary v, size_t *count);
/* The word of a value; NULL when the value has none (PRIORITY_NONE). */
const char *vocab_word(Vocabulary v, int value);
/* The entry whose word, in either spelling, is `word`, or NULL. */
const VocabEntry *vocab_find(Vocabulary v, const char *word);
/* "low, medium, high" */
const char *vocab_list(Vocabulary v);
/* The same, in the Dutch spelling when `dutch` (the plan wrote the property in Dutch). */
const char *vocab_list_in(Vocabulary v, bool dutch);

#endif
