/*
 * anchor — finding a highlight again in a document text that may have
 * changed since it was made.
 *
 * A highlight is described the way the W3C Web Annotation model describes
 * a text target, by two selectors at once:
 *   - position: [start, end) byte offsets in the document text (doc.h);
 *   - quote: the exact text, with up to ANCHOR_CONTEXT code points of
 *     prefix before it and suffix after it (fewer only at the start or end
 *     of the document).
 * The selector is made once, when the highlight is made, and kept: every
 * later search starts from the same quote, prefix and suffix, so the result
 * depends only on the selector, the current text and the last position.
 *
 * anchor_locate() tries, in order (docs/annotations.md has the reasons):
 *   1. the last position, then the last position shifted by *delta (the
 *      shift found for the previous highlight of a batch taken in order of
 *      position): the quote must be there, and at a shifted place its
 *      prefix and suffix must be intact too;
 *   2. exact occurrences of the quote within ANCHOR_WINDOW bytes of the
 *      expected place with intact prefix and suffix (the nearest, if
 *      several), then every exact occurrence in the whole text: one with
 *      intact context wins (the nearest); failing that, one whose prefix
 *      and suffix are there as given, however short (another tool's
 *      context); failing that, a quote that occurs once is that one,
 *      whatever its context; and between several, the context decides:
 *      the occurrence whose surroundings score best (below, with no quote
 *      errors) is taken as MOVED;
 *   3. only when the quote occurs nowhere exactly: approximate occurrences
 *      (at most min(ANCHOR_MAX_ERRORS, m / 2)
 *      edits for a quote of m code points, found with Myers' bit-parallel
 *      algorithm), first near the expected place, then everywhere.  Each
 *      candidate is scored
 *          (50 q + 20 p + 20 s + 2 d) / 92
 *      where q, p, s are 1 − distance/length for quote, prefix and suffix
 *      (compared with as many code points beside the candidate as the
 *      selector holds; a prefix or suffix the selector lacks is left out
 *      of the sum and of the divisor) and d is 1 − |shift| / text length.  A window candidate scoring at
 *      least ANCHOR_GOOD_SCORE is taken at once; otherwise the best
 *      candidate overall is taken if it scores at least ANCHOR_MIN_SCORE.
 * Status: ANCHORED when found exactly at the last position, with intact
 * context or as the only occurrence, MOVED when one of several
 * occurrences was chosen by a changed context, or found approximately,
 * ORPHANED when not found (the selector is kept; nothing is deleted).
 *
 * Memory: an anchor_text borrows the text it is given; results hold only
 * offsets.  Arrays returned through pointers are new and caller-freed.
 */
#ifndef GLOSS_ANCHOR_H
#define GLOSS_ANCHOR_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

#define ANCHOR_CONTEXT 32		/* code points of prefix and of suffix */
#define ANCHOR_WINDOW (8u * 1024u)	/* bytes searched each side of the expected place first */
#define ANCHOR_MAX_ERRORS 256		/* cap on the edit distance of an approximate match */
#define ANCHOR_GOOD_SCORE 0.80		/* a window candidate this good ends the search */
#define ANCHOR_MIN_SCORE 0.60		/* weaker approximate candidates are rejected */
#define ANCHOR_MAX_SCORED 4096		/* exact occurrences weighed by their context */

/* name */
#define ANCHOR_STATUS_LIST(_) \
	_(ANCHORED, "anchored") \
	_(MOVED, "moved") \
	_(ORPHANED, "orphaned")

enum anchor_status {
#define ANCHOR_STATUS_ENUM(name, str) ANCHOR_##name,
	ANCHOR_STATUS_LIST(ANCHOR_STATUS_ENUM)
#undef ANCHOR_STATUS_ENUM
	ANCHOR_STATUS_COUNT
};

/* How a result was found (for tests, the benchmark and diagnostics). */
enum anchor_method {
	ANCHOR_BY_POSITION,	/* at the last position */
	ANCHOR_BY_SHIFT,	/* at the last position + delta */
	ANCHOR_BY_EXACT,	/* an exact occurrence with intact context */
	ANCHOR_BY_GIVEN,	/* an exact occurrence with its (short) context as given */
	ANCHOR_BY_UNIQUE,	/* the only exact occurrence, whatever its context */
	ANCHOR_BY_CONTEXT,	/* the exact occurrence whose surroundings score best */
	ANCHOR_BY_APPROX,	/* the best scored approximate candidate */
	ANCHOR_BY_NOTHING,	/* orphaned */
};

struct anchor_selector {
	uint64_t start, end;		/* the last known position */
	const char *exact;		/* the quote, exact_len bytes (not NUL-terminated) */
	size_t exact_len;
	const char *prefix;
	size_t prefix_len;
	const char *suffix;
	size_t suffix_len;
};

struct anchor_result {
	uint64_t start, end;		/* the new position (the old one when orphaned) */
	enum anchor_status status;
	enum anchor_method method;
	unsigned errors;		/* edit distance of the quote, in code points */
	double score;			/* normalised score of the chosen candidate, 0..1 */
};

/* "anchored", "moved", "orphaned". */
const char *anchor_status_name(enum anchor_status st);
/* Parses a status name; false if unknown. */
bool anchor_status_parse(const char *name, enum anchor_status *st);

/*
 * Appends to prefix and suffix the ANCHOR_CONTEXT code points of text
 * before start and after end (fewer at the ends of the text).  start and
 * end must be code-point boundaries with start <= end <= n.
 */
void anchor_context(const char *text, size_t n, uint64_t start, uint64_t end,
    struct strbuf *prefix, struct strbuf *suffix);

/* True if off is 0, n, or the first byte of a UTF-8 sequence in text[0..n). */
bool anchor_is_boundary(const char *text, size_t n, uint64_t off);

/* A document text to locate selectors in; borrows s[0..n) until freed. */
struct anchor_text;

struct anchor_text *anchor_text_new(const char *s, size_t n);
void anchor_text_free(struct anchor_text *t);

/*
 * Locates sel in t (see the top comment).  *delta is the shift found for
 * the previous selector of the batch (0 for the first) and is updated when
 * sel is found.
 */
void anchor_locate(struct anchor_text *t, const struct anchor_selector *sel, int64_t *delta,
    struct anchor_result *r);

/*
 * Approximate matching, exported for the tests and the benchmark.
 *
 * anchor_scores() fills score[j] (n entries) with the smallest edit
 * distance between pat[0..m) and any substring of text ending at text[j]
 * (m >= 1), computed with Myers' bit-parallel algorithm in 64-bit blocks.
 * anchor_distance() is the Levenshtein distance of a and b.
 */
void anchor_scores(const uint32_t *pat, size_t m, const uint32_t *text, size_t n, unsigned *score);
unsigned anchor_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/*
 * The occurrences of pat[0..plen) (NFC, trimmed, not empty) in text[0..n):
 * every run of white space in pat matches any run of white space in the
 * text (paragraph breaks included), and soft hyphens in the text are
 * skipped.  Stores a new array of [start, end) pairs in *ranges (caller
 * frees: 2 entries per match) and returns the number of matches.
 */
size_t anchor_find_loose(const char *text, size_t n, const char *pat, size_t plen,
    uint64_t **ranges);

struct anchor_match {
	uint64_t start, end;	/* byte offsets in the text */
	unsigned errors;	/* edit distance from the pattern, in code points */
};

/*
 * Finds the approximate occurrences of the UTF-8 pattern pat[0..plen) in
 * text[lo..hi) with at most max_errors edits: one match for each local
 * minimum of the distance, with the start that gives that distance.
 * Stores a new array in *out (caller frees) and returns its length.
 */
size_t anchor_find_approx(const char *pat, size_t plen, const char *text, uint64_t lo, uint64_t hi,
    unsigned max_errors, struct anchor_match **out);

#endif
