/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_window — the typographic rules for one position: typo_override_at().
 *
 * The layout asks about a break only when a line would end there, so the
 * answer must not cost a pass over the text.  This file finds the part of
 * the text the answer depends on and runs the scanner of typo.c over just
 * that window (typo_scan_window()):
 *   - at the start of a word: the word before it, the word itself and a
 *     run of initials after it (R1–R5, the surname case of R3);
 *   - right after a hyphen: the parts of the word on both sides (R7);
 *   - elsewhere inside a word: the two code points before it (R2, R3
 *     compact initials, R6).
 * Each window is bounded by the words around the position, so judging a
 * few positions per line stays linear even in a long run without spaces.
 * tests/unit/test_layout.c checks that the answers equal typo_overrides().
 */
#include "gloss/gloss.h"

#include <unilbrk.h>

#include "gloss/typo.h"
#include "typo_scan.h"

/* True if a mandatory break character ends just before s[k]. */
static bool
break_before(const unsigned char *s, size_t k)
{
	if (k == 0)
		return false;
	if (s[k - 1] == '\n' || s[k - 1] == '\r' || s[k - 1] == '\v' || s[k - 1] == '\f')
		return true;
	if (k >= 2 && s[k - 2] == 0xC2 && s[k - 1] == 0x85)
		return true;	/* U+0085 */
	return k >= 3 && s[k - 3] == 0xE2 && s[k - 2] == 0x80 &&
	    (s[k - 1] == 0xA8 || s[k - 1] == 0xA9);	/* U+2028, U+2029 */
}

/* True if s[k] starts a token: nothing, a space or a line end before it. */
static bool
token_starts(const unsigned char *s, size_t k)
{
	return k == 0 || s[k - 1] == ' ' || break_before(s, k);
}

/* The start of the token that holds s[k] (or ends at k). */
static size_t
token_start(const unsigned char *s, size_t k)
{
	while (!token_starts(s, k))
		k--;
	return k;
}

/* The start of the code point before s[k] (k > 0). */
static size_t
cp_before(const unsigned char *s, size_t k)
{
	do
		k--;
	while (k > 0 && (s[k] & 0xC0) == 0x80);
	return k;
}

/*
 * s[i] starts a token: the rules between words need that token, the one
 * before it and a run of initials after it.
 */
static char
at_token(const char *s, size_t n, unsigned rules, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t from = i, k;

	for (k = i; k > 0 && u[k - 1] == ' '; k--)
		;
	if (k < i && !token_starts(u, k))
		from = token_start(u, k);
	return typo_scan_window(s, from, n, rules, i, true);
}

/*
 * s[i] follows the hyphen at s[h] (R7): the part of the word before the
 * hyphen and the part after it decide.
 */
static char
after_hyphen(const char *s, size_t n, unsigned rules, size_t h, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t from = h, to = i, k;
	int len;
	enum typo_char c;

	while (!token_starts(u, from) &&
	    typo_scan_char(s, n, (k = cp_before(u, from)), &len) != TYPO_CHAR_HYPHEN)
		from = k;
	while (to < n && u[to] != ' ' && (c = typo_scan_char(s, n, to, &len)) != TYPO_CHAR_BREAK) {
		to += (size_t)len;
		if (c == TYPO_CHAR_HYPHEN)
			break;
	}
	return typo_scan_window(s, from, to, rules, i, false);
}

/*
 * s[i] is inside a token and no hyphen comes before it: only the two code
 * points before it matter (R2, R3 compact initials, R6).
 */
static char
in_token(const char *s, size_t n, unsigned rules, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t from = i;
	int seen = 0, len;

	while (seen < 2 && !token_starts(u, from)) {
		from = cp_before(u, from);
		seen += typo_scan_char(s, n, from, &len) != TYPO_CHAR_MARK;
	}
	typo_scan_char(s, n, i, &len);
	return typo_scan_window(s, from, i + (size_t)len, rules, i, false);
}

/* The window depends on where i is (see the top comment). */
char
typo_override_at(const char *s, size_t n, unsigned rules, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t h;
	int len;
	char hit;

	if (rules == TYPO_NONE || i == 0 || i >= n || u[i] == ' ' || (u[i] & 0xC0) == 0x80)
		return UC_BREAK_UNDEFINED;
	if ((rules & TYPO_URL) && typo_url_inside(s, n, i))
		return UC_BREAK_PROHIBITED;
	if (token_starts(u, i)) {
		hit = at_token(s, n, rules, i);
	} else {
		h = cp_before(u, i);
		if (typo_scan_char(s, n, h, &len) == TYPO_CHAR_HYPHEN)
			hit = after_hyphen(s, n, rules, h, i);
		else
			hit = in_token(s, n, rules, i);
	}
	return hit;
}
