/*
 * vocab.h — the words of carenet's enumerations, one table each.
 *
 * Each list below is the one place an enumeration's values and their words
 * are written: the schema takes its choices from it (`status running`), and
 * every report prints the same words.  A list item is X(VALUE, "word").
 */
#ifndef CARENET_VOCAB_H
#define CARENET_VOCAB_H

#include <stddef.h>

#define VOCAB_ENUM_VALUE(value, word) value,

/* need ... { priority low } */
#define PRIORITY_WORDS(X) \
	X(PRIORITY_LOW, "low") X(PRIORITY_MEDIUM, "medium") X(PRIORITY_HIGH, "high")
typedef enum { PRIORITY_NONE, PRIORITY_WORDS(VOCAB_ENUM_VALUE) } Priority;

/* action ... { status running } */
#define ACTION_STATUS_WORDS(X) \
	X(STATUS_PLANNED, "planned") X(STATUS_RUNNING, "running") X(STATUS_DONE, "done") \
	X(STATUS_STOPPED, "stopped")
typedef enum { ACTION_STATUS_WORDS(VOCAB_ENUM_VALUE) } ActionStatus;

/* What a need is in one of its areas (spec 5.1). */
#define COVER_STATUS_WORDS(X) \
	X(COVER_GAP, "gap") X(COVER_COVERED, "covered") X(COVER_SIGNALLED, "signalled") \
	X(COVER_ACCEPTED, "accepted")
typedef enum { COVER_STATUS_WORDS(VOCAB_ENUM_VALUE) } CoverStatus;

/* What an indicator's progress says (spec 5.3). */
#define INDICATOR_STATUS_WORDS(X) \
	X(IND_NO_DATA, "no data") X(IND_BEHIND, "behind") X(IND_ON_TRACK, "on track") \
	X(IND_ACHIEVED, "achieved") X(IND_STOPPED, "stopped")
typedef enum { INDICATOR_STATUS_WORDS(VOCAB_ENUM_VALUE) } IndicatorStatus;

/* signal ... { status answered }: where a signal stands with the body that received it */
#define SIGNAL_STATUS_WORDS(X) \
	X(SIG_SENT, "sent") X(SIG_RECEIVED, "received") X(SIG_IN_PROGRESS, "in_progress") \
	X(SIG_ANSWERED, "answered") X(SIG_REFUSED, "refused") X(SIG_PASSED_ON, "passed_on")
typedef enum { SIG_UNKNOWN, SIGNAL_STATUS_WORDS(VOCAB_ENUM_VALUE) } SignalStatus;

/* plan ... { phase analysis }: where a plan stands in the trajectory */
#define PHASE_WORDS(X) \
	X(PHASE_ANALYSIS, "analysis") X(PHASE_IMPLEMENTATION, "implementation") \
	X(PHASE_EVALUATION, "evaluation")
typedef enum { PHASE_NONE, PHASE_WORDS(VOCAB_ENUM_VALUE) } Phase;

/* metric ... { direction lower_is_better }: which way a metric improves */
#define DIRECTION_WORDS(X) \
	X(DIRECTION_HIGHER, "higher_is_better") X(DIRECTION_LOWER, "lower_is_better")
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
} VocabEntry;

/* The entries of a vocabulary in their order, `*count` of them. */
const VocabEntry *vocab_entries(Vocabulary v, size_t *count);
/* The word of a value; NULL when the value has none (PRIORITY_NONE). */
const char *vocab_word(Vocabulary v, int value);
/* The entry whose word is `word`, or NULL. */
const VocabEntry *vocab_find(Vocabulary v, const char *word);
/* "low, medium, high" */
const char *vocab_list(Vocabulary v);

#endif
