/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_uax — UAX #14 of Unicode 15.1 where libunistring 1.0 is older:
 * typo_uax151() corrects the library's own break array for the rules on
 * quotation marks that 15.1 changed.
 *
 *   LB15 (removed in 15.1): QU SP* × OP.  libunistring keeps it, so
 *         `“Перазімаваць” (2017)` and `Беларусью.” [Ukraine` had no break
 *         at the space; 15.1 breaks there unless LB15a forbids it.
 *   LB15a: (sot | BK | CR | LF | NL | OP | QU | GL | SP | ZW) Pi SP* ×
 *         no break after an opening quotation mark and its spaces.
 *   LB15b: × Pf (SP | GL | WJ | CL | QU | CP | EX | IS | SY | BK | CR | LF
 *         | NL | ZW | eot): no break before a closing quotation mark.
 * LB15c (SP ÷ IS NU) and LB15d came with Unicode 16.0: the 15.1 test file
 * still has no break in `equals .35`, so they are left out.
 * Combining marks after a quotation mark belong to it (LB9), and a zero
 * width space before the spaces keeps its break (LB8).
 *
 * Only the classes gloss's texts use are told apart: the quotation marks
 * " ' « » ‘ ’ ‛ “ ” ‟ ‹ › (Pi: « ‘ ‛ “ ‟ ‹; Pf: » ’ ”  ›) and the openers
 * ( [ { „ ‚.  The library's array is changed in place, so the fitter
 * sees the corrected opportunities; typo_overrides() then applies the
 * typographic rules on top.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <unilbrk.h>

#include "gloss/text.h"
#include "gloss/typo.h"

static bool
is_pi(uint32_t cp)
{
	return cp == 0x00AB || cp == 0x2018 || cp == 0x201B || cp == 0x201C || cp == 0x201F ||
	    cp == 0x2039;
}

static bool
is_pf(uint32_t cp)
{
	return cp == 0x00BB || cp == 0x2019 || cp == 0x201D || cp == 0x203A;
}

static bool
is_qu(uint32_t cp)
{
	return cp == '"' || cp == '\'' || is_pi(cp) || is_pf(cp);
}

/* Class OP among the code points the scan looks at: ASCII and U+0080–U+2FFF. */
static bool
is_op(uint32_t cp)
{
	if (cp < 0x80)
		return cp == '(' || cp == '[' || cp == '{';
	return uc_is_general_category(cp, UC_CATEGORY_Ps) && cp != 0x0F3A && cp != 0x0F3C;
}

/* A combining mark: LB9 makes X CM* one X. */
static bool
is_cm(uint32_t cp)
{
	return cp >= 0x0300 && uc_is_general_category(cp, UC_CATEGORY_M);
}

/* The code point that ends just before s[k] (k > 0); its start in *at. */
static uint32_t
cp_before(const char *s, size_t k, size_t *at)
{
	size_t j = k - 1;
	uint32_t cp;

	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	text_decode(s + j, k - j, &cp);
	*at = j;
	return cp;
}

/*
 * The same, but past combining marks (LB9: X CM* is X); a mark after a
 * space, a line end or ZW, or at the start, is a letter of its own (LB10).
 */
static uint32_t
base_before(const char *s, size_t k, size_t *at)
{
	uint32_t cp = 0, mark = 0;
	size_t mark_at = k;

	*at = k;
	while (k > 0) {
		cp = cp_before(s, k, at);
		if (!is_cm(cp))
			break;
		mark = cp;
		mark_at = *at;
		k = *at;
		cp = 0;
	}
	if (mark && (cp == 0 || cp == ' ' || cp == 0x200B || cp == '\n' || cp == '\r' ||
	    cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)) {
		*at = mark_at;
		return 'a';	/* class AL */
	}
	return cp;
}

/* The end of the code point at s[k] and the combining marks after it. */
static size_t
skip_marks(const char *s, size_t n, size_t k)
{
	uint32_t cp;

	while (k < n) {
		int len = text_decode(s + k, n - k, &cp);

		if (!is_cm(cp))
			break;
		k += (size_t)len;
	}
	return k;
}

/* The code point before the spaces that end just before s[k]; 0 at the start. */
static uint32_t
before_spaces(const char *s, size_t k, size_t *at)
{
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return base_before(s, k, at);
}

/* LB15a's context before the Pi at s[k]: sot, BK CR LF NL OP QU GL SP ZW. */
static bool
lb15a_context(const char *s, size_t k)
{
	size_t at;
	uint32_t cp;

	if (k == 0)
		return true;
	cp = cp_before(s, k, &at);
	return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	    cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0x00A0 || cp == 0x202F ||
	    cp == 0x2007 || cp == 0x200B || is_op(cp) || is_qu(cp);
}

/* LB15b: may a Pf be followed by cp (or the end, cp == 0) for no break before it? */
static bool
lb15b_follow(uint32_t cp)
{
	switch (cp) {
	case 0: case ' ': case '\n': case '\r': case '\v': case '\f':
	case ')': case ']': case '}': case '!': case '?': case ',': case '.': case ':':
	case ';': case '/': case 0x00A0: case 0x202F: case 0x2007: case 0x2060: case 0x200B:
	case 0x0085: case 0x2028: case 0x2029:
		return true;
	default:
		return is_qu(cp);
	}
}

/* The quotation mark or opener at s[k] with its context, k a code-point start. */
static void
fix_at(const char *s, size_t n, char *p, size_t k, uint32_t cp, int len)
{
	size_t j, at;

	if (is_op(cp) && k > 0 && s[k - 1] == ' ' && p[k] == UC_BREAK_PROHIBITED) {
		uint32_t q = before_spaces(s, k, &at);	/* QU SP+ OP: the old LB15 is gone */

		if (is_qu(q) && !(is_pi(q) && lb15a_context(s, at)))
			p[k] = UC_BREAK_POSSIBLE;
	}
	if (is_pi(cp) && lb15a_context(s, k)) {	/* LB15a */
		size_t e = skip_marks(s, n, k + (size_t)len);

		for (j = e; j < n && s[j] == ' '; j++)
			;
		if (j > e && j < n && p[j] == UC_BREAK_POSSIBLE)
			p[j] = UC_BREAK_PROHIBITED;
	}
	if (is_pf(cp) && k > 0 && s[k - 1] == ' ' && p[k] == UC_BREAK_POSSIBLE &&
	    before_spaces(s, k, &at) != 0x200B) {	/* LB15b, unless LB8 (ZW SP* ÷) */
		uint32_t next = 0;
		size_t e = skip_marks(s, n, k + (size_t)len);

		if (e < n)
			text_decode(s + e, n - e, &next);
		if (lb15b_follow(next))
			p[k] = UC_BREAK_PROHIBITED;
	}
}

/* The bytes that may start a quotation mark or an opener the rules look at. */
static const bool lead_byte[256] = {
	['('] = true, ['['] = true, ['{'] = true, ['"'] = true, ['\''] = true,
	[0xC2] = true, [0xE2] = true,
};

void
typo_uax151_range(const char *s, size_t n, char *p, size_t a, size_t z)
{
	size_t k;

	for (k = a; k < z; k++) {
		uint32_t cp;
		int len;

		if (!lead_byte[(unsigned char)s[k]])
			continue;
		len = text_decode(s + k, n - k, &cp);
		if (is_qu(cp) || is_op(cp))
			fix_at(s, n, p, k, cp, len);
		k += (size_t)len - 1;
	}
}

void
typo_uax151(const char *s, size_t n, char *p)
{
	typo_uax151_range(s, n, p, 0, n);
}
