/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_scan.h — private to the typo module: what typo_window.c needs from
 * the scanner in typo.c.
 */
#ifndef GLOSS_TYPO_SCAN_H
#define GLOSS_TYPO_SCAN_H

#include "gloss/gloss.h"

/* What the rules make of a code point, as far as windows care. */
enum typo_char {
	TYPO_CHAR_OTHER,
	TYPO_CHAR_HYPHEN,	/* - ‐ : R7 looks at the parts around it */
	TYPO_CHAR_MARK,		/* combining marks, SHY, zero-width: the rules skip them */
	TYPO_CHAR_BREAK,	/* a mandatory break: nothing glues across it */
};

/* The code point at s[k] (k < n); its length in *len. */
enum typo_char typo_scan_char(const char *s, size_t n, size_t k, int *len);

/*
 * Runs the scanner from s[from] as if the text ended at s[to]; what the
 * rules say about the break before s[target]: UC_BREAK_PROHIBITED,
 * TYPO_BREAK_SOFT, TYPO_BREAK_FIRM or UC_BREAK_UNDEFINED.  With stop, it ends earlier, at
 * the first word boundary after target where no decision is pending.
 * from must start a word or be inside one; the rules see it as a start.
 */
char typo_scan_window(const char *s, size_t from, size_t to, unsigned rules, size_t target,
    bool stop);

/* The URL rule (typo_url.c): withdraws breaks inside URL tokens of s[0..n). */
void typo_url_pass(const char *s, size_t n, char *o);
/* True if the boundary before s[i] is inside a URL token. */
bool typo_url_inside(const char *s, size_t n, size_t i);

#endif
