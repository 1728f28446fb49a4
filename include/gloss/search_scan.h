/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * search_scan — the search prefilter: finds, at memory speed, the few
 * places of a text where a folded pattern may match, so that only those are
 * folded and compared (the search module does that).
 *
 * One code point c of the pattern's key is chosen (the rarest in a sample
 * of the text, among those that can only come from a known set of code
 * points: "в" from в В, "e" from e E é È …, see fold_preimages()); the text
 * is scanned for a byte of each of those code points' UTF-8 (SIMD compares
 * on raw bytes); around each such byte a code-point walk compares the fold
 * key of the text, code point by code point, with the pattern.  The walk
 * answers "no match here" only where that is certain; anything it does not
 * understand (a combining mark that is kept, a line end in raw text, the
 * end of the buffer) is a "maybe", left to the full comparison.
 *
 * So: wherever fold_key(text) holds the pattern, some candidate inside the
 * match is reported — for block text, and for the raw bytes of a plain-text
 * file (whose loader only re-joins lines, expands tabs, replaces invalid
 * bytes and NUL by U+FFFD and normalises to NFC; SEARCH_SCAN_RAW makes every
 * line end and every '>' (a quote marker) a "maybe"; with SEARCH_SCAN_MARKUP,
 * for a Markdown source, every ASCII punctuation mark too, the delimiters
 * * _ ~ [ being stepped over where the pattern does not hold them).
 *
 * A struct search_scan is immutable once made, and may be used from several
 * threads at once.  The caller frees it with search_scan_free().
 */
#ifndef GLOSS_SEARCH_SCAN_H
#define GLOSS_SEARCH_SCAN_H

#include "gloss/gloss.h"

struct search_scan;

/*
 * A prefilter for the pattern whose fold key is key[0..n), tuned to the
 * byte frequencies of sample[0..ns) (may be empty).  NULL when no code
 * point of the key can serve (the caller compares everything).
 */
struct search_scan *search_scan_new(const char *key, size_t n, const char *sample, size_t ns);
/* The same with flags (SEARCH_SCAN_ALNUM), never choosing the code point avoid (0: any). */
struct search_scan *search_scan_new_flags(const char *key, size_t n, const char *sample, size_t ns,
    unsigned flags, uint32_t avoid);
void search_scan_free(struct search_scan *sc);

/* The first byte at or after i in buf[0..n) that may start a candidate, or n. */
size_t search_scan_next(const struct search_scan *sc, const char *buf, size_t i, size_t n);
/* The last such byte before i, or SIZE_MAX when there is none. */
size_t search_scan_prev(const struct search_scan *sc, const char *buf, size_t i);

#define SEARCH_SCAN_RAW 0x1	/* buf is a plain-text file's source, not block text */
#define SEARCH_SCAN_MARKUP 0x2	/* with RAW: a Markdown source (every ASCII punctuation a "maybe") */
#define SEARCH_SCAN_ALNUM 0x4	/* search_scan_new_flags(): the anchor a letter or a digit */
#define SEARCH_SCAN_PUNCT 0x8	/* with ALNUM: or an ASCII punctuation mark */

/*
 * Given a byte `at` returned by search_scan_next/prev, may a match of the
 * pattern hold the code point there?  The walk reads only buf[lo..hi).
 */
bool search_scan_maybe(const struct search_scan *sc, const char *buf, size_t lo, size_t hi,
    size_t at, unsigned flags);

/* Does any candidate of buf[0..n) (block text) pass search_scan_maybe? */
bool search_scan_any(const struct search_scan *sc, const char *buf, size_t n);

/* Whether cp is one of the code points the anchor comes from (the anchor itself included). */
bool search_scan_preimage(const struct search_scan *sc, uint32_t cp);

/* For tests and the benchmark: the code point chosen and its byte count. */
uint32_t search_scan_anchor(const struct search_scan *sc, size_t *nbytes);

#endif
