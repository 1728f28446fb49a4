/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * anchor_int.h — what anchor.c needs from anchor_approx.c: a reusable
 * Myers matcher over code points, and UTF-8 walking in both directions.
 */
#ifndef GLOSS_ANCHOR_INT_H
#define GLOSS_ANCHOR_INT_H

#include "gloss/anchor.h"

#define MYERS_DIRECT 0x500	/* code points below this (Latin, Cyrillic) map through a table */

/*
 * A pattern compiled for Myers' algorithm: one bit per pattern position in
 * blocks of 64, a bit mask of positions for each distinct code point.
 */
struct myers {
	size_t m;		/* pattern length in code points (>= 1) */
	size_t nb;		/* blocks of 64 */
	uint64_t last;		/* the bit of pattern row m in the last block */
	uint32_t direct[MYERS_DIRECT];	/* code point -> symbol (0: not in the pattern) */
	uint32_t *hkey, *hval;	/* open addressing for the other code points */
	size_t hmask;
	uint64_t *peq;		/* (symbols + 1) rows of nb words; row 0 is all zero */
	uint64_t *pv, *mv;	/* the current column, vertical deltas */
	size_t score;		/* D[m][j] of the current column */
};

/* Compiles pat[0..m) (m >= 1); myers_done() frees. */
void myers_init(struct myers *my, const uint32_t *pat, size_t m);
void myers_done(struct myers *my);
/* Starts a new column 0: D[i][0] = i. */
void myers_reset(struct myers *my);
/*
 * Advances by one text code point and returns D[m][j].  anchored: the
 * alignment must start at the first text code point (row 0 is j);
 * otherwise a match may start anywhere (row 0 is 0).
 */
size_t myers_step(struct myers *my, uint32_t cp, bool anchored);

/* Decodes s[0..n) into a new array (caller frees); *m gets the count. */
uint32_t *anchor_decode(const char *s, size_t n, size_t *m);
/* Code points in s[0..n). */
size_t anchor_cplen(const char *s, size_t n);
/* The start of the code point that ends at text[p] (lo < p), not before lo. */
uint64_t anchor_back(const char *text, uint64_t lo, uint64_t p, uint32_t *cp);
/* The offset n code points back from p, not before lo. */
uint64_t anchor_back_n(const char *text, uint64_t lo, uint64_t p, size_t n);
/* The offset n code points forward from p, not after hi. */
uint64_t anchor_fwd_n(const char *text, uint64_t hi, uint64_t p, size_t n);

/*
 * The ends of approximate matches of my (compiled from a pattern of m code
 * points) in text[lo..hi) with at most k errors: the local minima of the
 * distance.  Fills a new array in *out with end and errors set (start is
 * 0); returns the count.
 */
size_t approx_ends(struct myers *my, const char *text, uint64_t lo, uint64_t hi, unsigned k,
    struct anchor_match **out);
/*
 * The start of the best match ending at end, found with rev (compiled from
 * the reversed pattern) scanning back at most m + k code points, not
 * before lo.  *errors gets the distance.
 */
uint64_t approx_start(struct myers *rev, const char *text, uint64_t lo, uint64_t end, unsigned k,
    unsigned *errors);

#endif
