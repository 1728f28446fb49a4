/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * layout_lbrk — the break array of UAX #14 that the fitter starts from:
 * libunistring's u8_possible_linebreaks(), which this module calls only
 * where the text needs it (layout_linebreaks() in include/gloss/layout.h).
 *
 * The library takes 3–4 ns a byte, a quarter of a dump's time, and most of
 * prose is plain words whose breaks are known without it.  Here a letter
 * is an ASCII letter or digit or one of U+0400–U+045F (classes AL and NU),
 * and an end is a letter or one of , . : ; ! ? ) (IS, EX, CP).  A split
 * point is a position S with a letter at it, spaces before it and an end
 * before them.  At S the break is allowed (LB18: SP ÷; no rule with SP* —
 * LB14 to LB17 — starts at an end or stops at a letter), and no rule
 * decides a later position by looking back past the letter at S: the
 * library's state after it is the same as after a letter that starts a
 * text.  So the array is the library's run on each stretch between split
 * points, with the break at the stretch's start set to allowed.  A plain
 * stretch, letters then at most one other end then spaces up to the next
 * split point, needs no run at all: no break inside the word (LB23, LB28,
 * LB13 before the end) or before a space (LB7), one at its start.
 * tests/unit/test_lbrk checks that the array is the library's on the
 * corpus and on random texts.
 */
#include "gloss/gloss.h"

#include <unilbrk.h>

#include "gloss/layout.h"
#include "gloss/typo.h"

/* Bytes of the letter at s[i] (see above), or 0 if none is there. */
static inline size_t
letter_at(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if ((unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10)
		return 1;
	if (i + 1 < n && ((c == 0xD0 && (s[i + 1] & 0xC0) == 0x80) ||
	    (c == 0xD1 && s[i + 1] >= 0x80 && s[i + 1] < 0xA0)))
		return 2;
	return 0;
}

static inline bool
is_end_mark(unsigned char c)
{
	return c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')';
}

/* Whether the code point that ends at s[e - 1] is an end (e > 0). */
static bool
ends_in_end(const unsigned char *s, size_t e)
{
	if (s[e - 1] < 0x80)
		return is_end_mark(s[e - 1]) || letter_at(s, e, e - 1) == 1;
	return e >= 2 && letter_at(s, e, e - 2) == 2;
}

/*
 * The library's array for s[a..z) of s[0..n), a 0 or a split point, and
 * with uax151 its corrections (typo_uax151): they change the array only at
 * a quotation mark or an opener, none of which is in a plain stretch, or
 * after one and its spaces, before the next split point.
 */
static void
library_run(const unsigned char *s, size_t n, size_t a, size_t z, bool uax151, char *p)
{
	u8_possible_linebreaks(s + a, z - a, "UTF-8", p + a);
	if (a > 0)
		p[a] = UC_BREAK_POSSIBLE;
	if (uax151)
		typo_uax151_range((const char *)s, n, p, a, z);
}

/* From a word's start w, the end of its plain part: letters, then at most one end mark. */
static size_t
plain_word(const unsigned char *s, size_t n, size_t w)
{
	size_t i = w, len;

	while (i < n && (len = letter_at(s, n, i)) > 0)
		i += len;
	if (i > w && i < n && is_end_mark(s[i]))
		i++;
	return i;
}

void
layout_linebreaks(const char *text, size_t n, unsigned rules, char *p)
{
	bool uax151 = rules & TYPO_UAX151;
	const unsigned char *s = (const unsigned char *)text;
	size_t lib = 0;		/* p[lib..) not yet known; lib is 0 or a split point */
	size_t split = 0;	/* the last split point (0: none yet) */
	size_t i = 0;

	memset(p, UC_BREAK_PROHIBITED, n);	/* the plain stretches but their starts */
	while (i < n) {
		size_t w = i, e = plain_word(s, n, i);
		bool plain = e < n ? s[e] == ' ' : false;
		const unsigned char *sp;

		if (!plain) {	/* the rest of the word, up to a space */
			sp = memchr(s + e, ' ', n - e);
			e = sp ? (size_t)(sp - s) : n;
		}
		for (i = e; i < n && s[i] == ' '; i++)
			;
		if (i == e || i >= n || e == w || !ends_in_end(s, e) || letter_at(s, n, i) == 0)
			continue;	/* i is no split point */
		if (plain && split > 0 && split == w) {	/* [w, i) is a plain stretch */
			if (lib < w)
				library_run(s, n, lib, w, uax151, p);
			p[w] = UC_BREAK_POSSIBLE;
			lib = i;
		}
		split = i;
	}
	if (lib < n)
		library_run(s, n, lib, n, uax151, p);
}
