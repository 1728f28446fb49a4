/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * layout_lbrk — the break array of UAX #14 that the fitter starts from:
 * libunistring's u8_possible_linebreaks(), which this module calls only
 * where the text needs it (layout_linebreaks() in include/gloss/layout.h).
 *
 * The library takes 3–4 ns a byte, a quarter of a dump's time, and most of
 * prose is letters and spaces whose breaks are known without it.  A split
 * point is a position S with a space before it, a letter at it and a
 * letter before the spaces, where a letter is an ASCII letter or one of
 * U+0400–U+045F (class AL).  At S the break is allowed (LB18: AL SP ÷ AL;
 * no rule with SP* — LB14 to LB17 — starts at AL), and no rule decides a
 * later position by looking back past an AL: the library's state after
 * the letter at S is the same as after a letter at the start of a text.
 * So the array is the library's run on each stretch between split points,
 * with the break at the stretch's start set to allowed.  A stretch of
 * letters and spaces only, from one split point to the next, needs no run
 * at all: no break before its spaces (LB7) or inside its word (LB28), one
 * at its start.  tests/unit/test_lbrk checks that the array is the
 * library's on the corpus and on random texts.
 */
#include "gloss/gloss.h"

#include <unilbrk.h>

#include "gloss/layout.h"

/* Bytes of the letter at s[i] (ASCII, U+0400–U+045F), or 0 if none is there. */
static inline size_t
letter_at(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if ((unsigned char)((c | 0x20) - 'a') < 26)
		return 1;
	if (i + 1 < n && ((c == 0xD0 && (s[i + 1] & 0xC0) == 0x80) ||
	    (c == 0xD1 && s[i + 1] >= 0x80 && s[i + 1] < 0xA0)))
		return 2;
	return 0;
}

/* The library's array for s[a..z); a is 0 or a split point. */
static void
library_run(const unsigned char *s, size_t a, size_t z, char *p)
{
	u8_possible_linebreaks(s + a, z - a, "UTF-8", p + a);
	if (a > 0)
		p[a] = UC_BREAK_POSSIBLE;
}

void
layout_linebreaks(const char *text, size_t n, char *p)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t lib = 0;		/* p[lib..) not yet known; lib is 0 or a split point */
	size_t split = 0;	/* the last split point (0: none yet) */
	size_t i = 0;

	while (i < n) {
		size_t w = i, e, len;
		bool letters = true, last = false;

		for (; i < n && s[i] != ' '; i += len) {	/* a word: up to a space */
			last = (len = letter_at(s, n, i)) > 0;
			letters = letters && last;
			len += !last;
		}
		for (e = i; i < n && s[i] == ' '; i++)
			;
		if (!last || i == e || i >= n || letter_at(s, n, i) == 0)
			continue;	/* i is no split point */
		if (split > 0 && split == w && letters) {	/* [w, i): letters, spaces */
			if (lib < w)
				library_run(s, lib, w, p);
			memset(p + w, UC_BREAK_PROHIBITED, i - w);
			p[w] = UC_BREAK_POSSIBLE;
			lib = i;
		}
		split = i;
	}
	if (lib < n)
		library_run(s, lib, n, p);
}
