/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo — the typographic line-breaking rules of Russian, Ukrainian and
 * Belarusian text, as an override array on top of UAX #14.
 *
 * This module owns rules R1–R7 of docs/wrapping.md: it decides where a
 * break opportunity that libunistring offers must be withdrawn.  It never
 * computes UAX #14 itself; the layout merges the two arrays.
 *
 * One pass over the text.  Every code point gets a small class (letter,
 * digit, period, hyphen, dash, ...).  Text is cut into tokens at U+0020
 * only (NBSP and friends are not spaces, R10); "\n" and the other
 * mandatory breaks also end a token and forget the context.  While a token
 * is read, the in-word rules run on pairs of characters (R2 for an unspaced
 * dash, R3 for compact initials, R6, R7).  A finished token is summarised
 * in a struct typo_tok (typo_scan.h) whose kinds come from the words the
 * rules know (typo_words.c, except for a plain word of three or more
 * letters: told here, the common case); the rules that glue two words
 * (R1–R5) look at the summaries of a token and the one before it and,
 * where they agree, mark the first byte of the later token PROHIBITED.
 * ASCII is classified without library calls; only non-ASCII letters
 * outside basic Cyrillic ask libunistring.
 *
 * The same scanner also runs over a small window of text for one position
 * (typo_scan_window(), used by typo_window.c for typo_override_at()).
 */
#include "gloss/gloss.h"

#include <unicase.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "gloss/text.h"
#include "gloss/typo.h"
#include "typo_scan.h"

#define NONE ((size_t)-1)

/* One part of a hyphenated word, for R7. */
struct seg {
	uint32_t nlet, ndig, nother;
	uint32_t l[2];
};

/* The scanner: the text, the output and the context of the current token. */
struct scan {
	const char *s;
	size_t n;
	unsigned rules;
	char *o;		/* the output, or NULL to answer for target only */
	size_t target;
	bool hit;		/* a rule forbids the break before s[target] */
	char soft;		/* a rule discourages it: TYPO_BREAK_SOFT or _FIRM, else 0 */
	struct typo_tok tok[2];	/* the current token and the one before it */
	struct typo_tok *cur, *prev;
	bool have_prev, in_tok;
	uint8_t c1, c2;		/* classes of the two previous code points of the token */
	size_t hyphen;		/* R7: the byte after a pending hyphen, or NONE */
	struct seg left, seg;	/* R7: the parts before and after it */
	size_t surname;		/* R3: start of initials that may glue to a surname */
};

/* How strongly the rules keep two words together. */
enum glue {
	GLUE_NONE,
	GLUE_SOFT,	/* a penalty: gives way before a line is left much shorter */
	GLUE_FIRM,	/* the same, but SOFT gives way first */
	GLUE_HARD,	/* gives way only when nothing else fits */
};

/* Records that the rules forbid a break before s[pos]. */
static void
prohibit(struct scan *sc, size_t pos)
{
	if (sc->o)
		sc->o[pos] = UC_BREAK_PROHIBITED;
	else if (pos == sc->target)
		sc->hit = true;
}

/* Records that the rules would rather not break before s[pos] (v: TYPO_BREAK_SOFT/_FIRM). */
static void
discourage(struct scan *sc, size_t pos, char v)
{
	if (sc->o) {
		if (sc->o[pos] == UC_BREAK_UNDEFINED || sc->o[pos] == TYPO_BREAK_SOFT)
			sc->o[pos] = v;
	} else if (pos == sc->target && sc->soft != TYPO_BREAK_FIRM) {
		sc->soft = v;
	}
}

/* ------------------------------------------------------------------ */
/* Character classes. */

static enum typo_cls
ascii_class(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return TYPO_C_LOWER;
	if (c >= 'A' && c <= 'Z')
		return TYPO_C_UPPER;
	if (c >= '0' && c <= '9')
		return TYPO_C_DIGIT;
	switch (c) {
	case ' ':
		return TYPO_C_SPACE;
	case '\n': case '\r': case '\v': case '\f':
		return TYPO_C_BREAK;
	case '.':
		return TYPO_C_PERIOD;
	case ',': case ':': case ';':
		return TYPO_C_IS;
	case ')': case ']': case '}': case '!': case '?':
		return TYPO_C_CLOSE;
	case '(': case '[': case '{':
		return TYPO_C_OPEN;
	case '"':
		return TYPO_C_QUOTE;
	case '\'':
		return TYPO_C_APOS;
	case '-':
		return TYPO_C_HYPHEN;
	default:
		return TYPO_C_OTHER;
	}
}

static enum typo_cls
punct_class(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: case 0x2007: case 0x202F:
		return TYPO_C_NBSP;
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return TYPO_C_MARK;
	case 0x0085: case 0x2028: case 0x2029:
		return TYPO_C_BREAK;
	case 0x00BB: case 0x201D: case 0x2026:
		return TYPO_C_CLOSE;
	case 0x00AB: case 0x201C: case 0x201E: case 0x2018: case 0x201A:
		return TYPO_C_OPEN;
	case 0x2019: case 0x02BC:
		return TYPO_C_APOS;
	case 0x2010:
		return TYPO_C_HYPHEN;
	case 0x2013: case 0x2014:
		return TYPO_C_DASH;
	default:
		return TYPO_C_OTHER;
	}
}

static enum typo_cls
unicode_class(uint32_t cp)
{
	enum typo_cls c;

	if (cp >= 0x0410 && cp <= 0x042F)
		return TYPO_C_UPPER;
	if (cp >= 0x0430 && cp <= 0x045F)
		return TYPO_C_LOWER;
	if (cp >= 0x0400 && cp <= 0x040F)
		return TYPO_C_UPPER;
	c = punct_class(cp);
	if (c != TYPO_C_OTHER)
		return c;
	if (uc_is_general_category(cp, UC_CATEGORY_M))
		return TYPO_C_MARK;
	if (!uc_is_alpha(cp))
		return TYPO_C_OTHER;
	if (uc_is_upper(cp))
		return TYPO_C_UPPER;
	return uc_is_lower(cp) ? TYPO_C_LOWER : TYPO_C_LETTER;
}

/* Lower case of a letter, cheaply for ASCII and basic Cyrillic. */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp >= 0x0410 && cp <= 0x042F)
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	if (cp < 0x80 || (cp >= 0x0430 && cp <= 0x045F))
		return cp;
	return uc_tolower(cp);
}

static bool
is_roman(uint32_t cp)
{
	switch (cp) {
	case 'I': case 'V': case 'X': case 'L': case 'C': case 'D': case 'M':
	case 0x0406:	/* Cyrillic І, often typed for I */
	case 0x0425:	/* Cyrillic Х, often typed for X */
		return true;
	default:
		return false;
	}
}

/* ------------------------------------------------------------------ */
/* Token summaries. */

/* Field by field: a memset() of the struct is slow at this size. */
static void
tok_begin(struct typo_tok *t, size_t i)
{
	t->start = t->core = t->core_end = i;
	t->l[0] = t->l[1] = 0;
	t->ncp = t->nlet = t->ndig = t->nper = t->nhy = t->napos = t->nsep = t->nsym = 0;
	t->ninner = t->lead = t->trail = t->ndash = 0;
	t->stop = t->cyr = false;
	t->first = t->last = TYPO_C_OTHER;
	t->ini = 0;
	t->roman = true;
	t->kind = 0;
}

static bool
is_trailing(int c)
{
	return c == TYPO_C_CLOSE || c == TYPO_C_IS || c == TYPO_C_QUOTE;
}

/* The initials recogniser: (UPPER '.')+, NBSP allowed between them. */
static void
tok_initials(struct typo_tok *t, int c)
{
	switch (t->ini) {
	case 0:
		t->ini = c == TYPO_C_UPPER ? 1 : 3;
		break;
	case 1:
		t->ini = c == TYPO_C_PERIOD ? 2 : 3;
		break;
	case 2:
		t->ini = c == TYPO_C_UPPER ? 1 : c == TYPO_C_NBSP ? 0 : 3;
		break;
	default:
		break;
	}
}

/* Counts one code point (not a mark) of the core. */
static void
tok_count(struct typo_tok *t, int c, uint32_t cp)
{
	switch (c) {
	case TYPO_C_LOWER: case TYPO_C_UPPER: case TYPO_C_LETTER:
		if (t->nlet == 0)
			t->cyr = cp >= 0x0400 && cp < 0x0530;
		if (t->nlet < 2)
			t->l[t->nlet] = fold(cp);
		t->nlet++;
		if (!is_roman(cp))
			t->roman = false;
		return;
	case TYPO_C_DIGIT:
		t->ndig++;
		break;
	case TYPO_C_PERIOD:
		t->nper++;
		break;
	case TYPO_C_HYPHEN:
		t->nhy++;
		break;
	case TYPO_C_APOS:
		t->napos++;
		break;
	case TYPO_C_NBSP:
		t->nsep++;
		break;
	case TYPO_C_DASH:
		t->ndash++;
		t->nsym++;
		break;
	default:
		t->nsym++;
		break;
	}
	t->roman = false;
}

/* Adds the code point cp of class c at s[i..i+len) to the token. */
static void
tok_add(struct typo_tok *t, int c, uint32_t cp, size_t i, int len)
{
	if (t->ncp == 0 && t->trail == 0 && (c == TYPO_C_OPEN || c == TYPO_C_QUOTE)) {
		t->lead++;
		t->core = t->core_end = i + (size_t)len;
		return;
	}
	if (is_trailing(c) || (c == TYPO_C_PERIOD && t->trail)) {	/* "слов)." */
		t->trail++;
		t->stop = t->stop || cp == '!' || cp == '?' || cp == 0x2026;
		return;
	}
	if (t->trail) {
		t->ninner += t->trail;
		t->trail = 0;
	}
	t->core_end = i + (size_t)len;
	if (t->ncp == 0)
		t->first = (uint8_t)c;
	t->last = (uint8_t)c;
	t->ncp++;
	tok_initials(t, c);
	tok_count(t, c, cp);
}

static unsigned
tok_kind(const struct scan *sc, const struct typo_tok *t)
{
	unsigned k;

	/* The common case, a word of three or more letters. */
	if (t->nlet >= 3 && t->ncp == t->nlet && t->lead == 0 && t->ninner == 0) {
		k = t->trail == 0 ? TYPO_K_OPENWORD : 0;
		if (t->nlet == 3 && t->stop && t->cyr)
			k |= TYPO_K_LAST;
		if (t->first != TYPO_C_UPPER)
			return k | (t->first == TYPO_C_LOWER ? TYPO_K_WORD : 0);
		k |= TYPO_K_CAP;
		if (t->trail == 0)
			k |= TYPO_K_SURNAME | (t->roman ? TYPO_K_ROMAN : 0);
		return k;
	}
	return typo_words_kind(sc->s, t);
}

/* ------------------------------------------------------------------ */
/* Rules between two tokens (R1–R5). */

static enum glue
glue_r4(const struct scan *sc, const struct typo_tok *p, const struct typo_tok *t)
{
	if (p->kind & TYPO_K_NUMSIGN)
		return GLUE_HARD;
	if ((p->kind & TYPO_K_GROUP13) && (t->kind & TYPO_K_GROUP3))
		return GLUE_HARD;
	if ((p->kind & TYPO_K_ROMAN) && (t->kind & TYPO_K_ABBR13))
		return GLUE_HARD;
	if ((p->kind & TYPO_K_NUMBER) && ((t->kind & TYPO_K_ABBR) || typo_words_unit(sc->s, t)))
		return GLUE_HARD;
	/* The softer ones: 30 августа, 3 кіламетраў, ст. 411, в. Карані. */
	if ((p->kind & TYPO_K_NUMBER) && (t->kind & TYPO_K_WORD) && t->cyr &&
	    !typo_words_function(sc->s, t))
		return GLUE_FIRM;
	if ((p->kind & TYPO_K_LEADNUM) && (t->first == TYPO_C_DIGIT || (t->kind & TYPO_K_ROMAN)))
		return GLUE_FIRM;
	if ((p->kind & TYPO_K_PLACE) && (t->kind & TYPO_K_CAP))
		return GLUE_FIRM;
	if (p->kind & TYPO_K_SEE)
		return GLUE_SOFT;
	return GLUE_NONE;
}

/* How strongly the rules keep tokens p and t together. */
static enum glue
glued(const struct scan *sc, const struct typo_tok *p, const struct typo_tok *t)
{
	unsigned r = sc->rules;
	enum glue g = GLUE_NONE;

	if ((r & TYPO_R1) && (p->kind & TYPO_K_R1))
		return GLUE_HARD;
	if ((r & TYPO_R1C) && (t->kind & TYPO_K_PARTICLE))
		return GLUE_HARD;
	if ((r & TYPO_R2) && (t->kind & TYPO_K_DASH))
		return GLUE_HARD;
	if ((r & TYPO_R3) && (p->kind & (TYPO_K_INITIAL | TYPO_K_TITLE)) && (t->kind & TYPO_K_CAP))
		return GLUE_HARD;
	if ((r & TYPO_R4) && (g = glue_r4(sc, p, t)) == GLUE_HARD)
		return g;
	if ((r & TYPO_R5) && (((p->kind & TYPO_K_ABBR12) && (t->kind & TYPO_K_ABBR13)) ||
	    ((p->kind & TYPO_K_AND) && (t->kind & TYPO_K_ETC))))
		return GLUE_HARD;
	if (g == GLUE_FIRM)
		return g;
	if ((r & TYPO_R1_SHORT2) && (p->kind & TYPO_K_SHORT2))
		return GLUE_SOFT;
	if ((r & TYPO_LAST) && (t->kind & TYPO_K_LAST) &&
	    !(t->kind & (TYPO_K_LEADNUM | TYPO_K_PLACE | TYPO_K_SEE)) &&
	    (p->kind & TYPO_K_OPENWORD) && (p->cyr || t->cyr))
		return GLUE_SOFT;
	return g;
}

/*
 * R3, surname before initials ("Пушкин А. С."): glued only when the
 * initials are not followed by a capitalised word, or "Президент А. Г.
 * Лукашенко" would glue "Президент" too.  sc->surname holds the start of
 * the initials until the token after them (t, or none at the end) decides.
 */
static void
surname_step(struct scan *sc, const struct typo_tok *p, const struct typo_tok *t)
{
	bool run = t && (p->kind & TYPO_K_INITIAL) &&
	    (t->kind & (TYPO_K_INITIAL | TYPO_K_INITIAL_P));

	if (sc->surname != NONE && !run) {
		if (!(t && (p->kind & TYPO_K_INITIAL) && (t->kind & TYPO_K_CAP)))
			prohibit(sc, sc->surname);
		sc->surname = NONE;
	}
	if (t && sc->surname == NONE && (p->kind & TYPO_K_SURNAME) &&
	    (t->kind & (TYPO_K_INITIAL | TYPO_K_INITIAL_P)))
		sc->surname = t->start;
}

/* ------------------------------------------------------------------ */
/* Rules inside a token (R2 unspaced, R3 compact initials, R6, R7). */

static void
seg_add(struct seg *g, int c, uint32_t cp)
{
	if (typo_is_letter(c)) {
		if (g->nlet < 2)
			g->l[g->nlet] = fold(cp);
		g->nlet++;
	} else if (c == TYPO_C_DIGIT) {
		g->ndig++;
	} else if (c != TYPO_C_PERIOD && !is_trailing(c) && c != TYPO_C_OPEN && c != TYPO_C_APOS) {
		g->nother++;
	}
}

static bool
seg_single_letter(const struct seg *g)
{
	return g->nlet == 1 && g->ndig == 0 && g->nother == 0;
}

/* R7: may a line break after the hyphen between parts a and b? */
static bool
hyphen_glued(const struct seg *a, const struct seg *b)
{
	if (b->nlet + b->ndig + b->nother == 0)
		return false;
	if (a->ndig && a->nlet == 0 && a->nother == 0)
		return true;	/* 1990-е, 20-й */
	if (seg_single_letter(a) || seg_single_letter(b))
		return true;	/* б-ка, г-н, e-mail */
	return b->nlet == 2 && b->ndig == 0 && b->nother == 0 &&
	    b->l[0] == 0x0432 && b->l[1] == 0x043E;	/* вид-во, изд-во */
}

static void
hyphen_resolve(struct scan *sc)
{
	if (sc->hyphen != NONE && hyphen_glued(&sc->left, &sc->seg))
		prohibit(sc, sc->hyphen);
	sc->hyphen = NONE;
}

/*
 * Symbols of UAX #14 class AL (LB29 keeps them after . , : ;): the ASCII
 * ones, and beyond ASCII the one-column math and other symbols (Sm, So,
 * Sk) and the other punctuation (Po) that are none of the classes of
 * their neighbours in those categories: PR/PO (° ′ ″ ‰ ‱ ℃ ℉ № are PO or
 * PR), OP (¡ ¿), IN (… ‥), BA, NS, QU, EX (‼ ⁇ ⁈ ⁉), B2, BB (´ ˈ ˌ).
 */
static bool
al_symbol(uint32_t cp)
{
	if (cp < 0x80) {
		switch (cp) {
		case '#': case '&': case '*': case '<': case '=': case '>': case '@': case '^':
		case '_': case '`': case '~':
			return true;
		default:
			return false;
		}
	}
	switch (cp) {
	case 0x00A1: case 0x00BF: case 0x00B0: case 0x00B4: case 0x02C8: case 0x02CC:
	case 0x02DF: case 0x2030: case 0x2031: case 0x2032: case 0x2033: case 0x2034:
	case 0x2035: case 0x2036: case 0x2037: case 0x2024: case 0x2025: case 0x2026:
	case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0x2103: case 0x2109:
	case 0x2116: case 0x00B1: case 0x2213: case 0x2020: case 0x2021: case 0x2016:
	case 0x2027: case 0x205D: case 0x205E: case 0x2E18: case 0x2E2E:
		return false;
	default:
		break;
	}
	if (cp >= 0x2E80 || uc_width(cp, "UTF-8") != 1)
		return false;
	return uc_is_general_category(cp, UC_CATEGORY_Sm) ||
	    uc_is_general_category(cp, UC_CATEGORY_So) ||
	    uc_is_general_category(cp, UC_CATEGORY_Sk) ||
	    uc_is_general_category(cp, UC_CATEGORY_Po);
}

/* The in-word rules for the code point of class c at s[i..i+len). */
static void
inword(struct scan *sc, int c, uint32_t cp, size_t i, int len)
{
	unsigned r = sc->rules;

	if (sc->c1 != TYPO_C_SPACE) {
		if ((r & TYPO_R6) && (sc->c1 == TYPO_C_PERIOD || sc->c1 == TYPO_C_IS) &&
		    (typo_is_letter(c) || al_symbol(cp)))
			prohibit(sc, i);	/* LB29: IS × AL (e.g., Мінск.</strong>) */
		if ((r & TYPO_R3) && c == TYPO_C_UPPER && sc->c1 == TYPO_C_PERIOD &&
		    sc->c2 == TYPO_C_UPPER)
			prohibit(sc, i);	/* А.Г.Лукашенко */
		if ((r & TYPO_R2) && c == TYPO_C_DASH)
			prohibit(sc, i);	/* слово—слово */
		if ((r & TYPO_R4) && c == TYPO_C_DIGIT && sc->c1 == TYPO_C_DASH &&
		    sc->c2 == TYPO_C_DIGIT)
			prohibit(sc, i);	/* 1990–1991 */
	}
	if (!(r & TYPO_R7))
		return;
	if (c == TYPO_C_HYPHEN) {
		hyphen_resolve(sc);
		if (sc->seg.nlet + sc->seg.ndig + sc->seg.nother > 0) {
			sc->hyphen = i + (size_t)len;
			sc->left = sc->seg;
		}
		memset(&sc->seg, 0, sizeof(sc->seg));
		return;
	}
	seg_add(&sc->seg, c, cp);
}

/* ------------------------------------------------------------------ */
/* The scanner. */

static void
token_end(struct scan *sc)
{
	struct typo_tok *t = sc->cur;

	if (sc->hyphen != NONE)
		hyphen_resolve(sc);
	t->kind = tok_kind(sc, t);
	if (sc->have_prev) {
		switch (glued(sc, sc->prev, t)) {
		case GLUE_HARD:
			prohibit(sc, t->start);
			break;
		case GLUE_SOFT:
			discourage(sc, t->start, TYPO_BREAK_SOFT);
			break;
		case GLUE_FIRM:
			discourage(sc, t->start, TYPO_BREAK_FIRM);
			break;
		default:
			break;
		}
		if (sc->rules & TYPO_R3)
			surname_step(sc, sc->prev, t);
	}
	sc->cur = sc->prev;
	sc->prev = t;
	sc->have_prev = true;
	sc->in_tok = false;
}

/* A mandatory break or the end of the text: nothing glues across it. */
static void
context_end(struct scan *sc)
{
	if (sc->in_tok)
		token_end(sc);
	if (sc->have_prev && (sc->rules & TYPO_R3))
		surname_step(sc, sc->prev, NULL);
	sc->have_prev = false;
}

static void
token_begin(struct scan *sc, size_t i)
{
	tok_begin(sc->cur, i);
	sc->in_tok = true;
	sc->c1 = sc->c2 = TYPO_C_SPACE;
	sc->hyphen = NONE;
	memset(&sc->seg, 0, sizeof(sc->seg));
}

/* Feeds the code point cp of class c at s[i..i+len) to the scanner. */
static void
scan_cp(struct scan *sc, int c, uint32_t cp, size_t i, int len)
{
	if (c == TYPO_C_SPACE) {
		if (sc->in_tok)
			token_end(sc);
		return;
	}
	if (c == TYPO_C_BREAK) {
		context_end(sc);
		return;
	}
	if (!sc->in_tok)
		token_begin(sc, i);
	if (c == TYPO_C_MARK)
		return;
	inword(sc, c, cp, i, len);
	tok_add(sc->cur, c, cp, i, len);
	sc->c2 = sc->c1;
	sc->c1 = (uint8_t)c;
}

static bool
simple_trailer(unsigned char b)
{
	return b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == ')';
}

/* True if every letter of s[i..end) could be a Roman numeral. */
static bool
roman_letters(const char *s, size_t i, size_t end)
{
	while (i < end) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, end - i, &cp);
		if (!is_roman(cp))
			return false;
	}
	return true;
}

/*
 * Bytes that may make up the letters of a simple token: ASCII letters and
 * 0xD0, 0xD1 (which start Cyrillic U+0400–U+047F) are 1, continuation
 * bytes 2, everything else 0.
 */
static const uint8_t simple_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/*
 * Reads the letters of a simple token into t and returns the end of them
 * (i if there are none).  The loop looks each byte up once; the letters'
 * classes are only needed for the first one.  Invalid UTF-8 can slip
 * through here, which only makes the heuristics guess on garbage.
 */
static size_t
simple_letters(const struct scan *sc, size_t i, struct typo_tok *t)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	size_t j, conts = 0;
	uint32_t cp;
	unsigned f;
	int k, len;

	for (j = i; j < sc->n && (f = simple_byte[s[j]]) != 0; j++)
		conts += f >> 1;
	if (j == i || simple_byte[s[i]] == 2 || simple_byte[s[j - 1]] != 2 - (s[j - 1] < 0x80))
		return i;	/* no letter, or a cut sequence: the slow path decides */
	t->nlet = t->ncp = (uint32_t)(j - i - conts);
	for (k = 0, len = 0; k < 2 && i + (size_t)len < j; k++) {
		size_t at = i + (size_t)len;

		len += text_decode(sc->s + at, j - at, &cp);
		t->l[k] = fold(cp);
		if (k == 0)
			t->cyr = cp >= 0x0400 && cp < 0x0530;
		if (k == 0)
			t->first = (uint8_t)(cp < 0x80 ? ascii_class((unsigned char)cp) :
			    unicode_class(cp));
	}
	t->last = TYPO_C_LETTER;
	return j;
}

/*
 * The fast path for the commonest token: letters (ASCII or basic Cyrillic)
 * and at most one trailing . , ; : ! ? or ) — no in-word rule can fire in
 * it.  Fills *t as token_begin() and tok_add() would (but for the case of
 * the last letter, which no rule reads) and returns the end of the token,
 * or 0 when the token has another shape (the caller then reads it code
 * point by code point).
 */
static size_t
tok_simple(const struct scan *sc, size_t i, struct typo_tok *t)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	size_t j;
	unsigned char b;

	tok_begin(t, i);
	j = simple_letters(sc, i, t);
	if (j == i)
		return 0;
	t->core_end = j;
	t->ini = t->nlet == 1 && t->first == TYPO_C_UPPER ? 1 : 3;
	t->roman = t->first == TYPO_C_UPPER && roman_letters(sc->s, i, j);
	if (j < sc->n && simple_trailer(s[j])) {
		if (s[j] == '.') {
			t->nper = 1;
			t->ncp++;
			t->last = TYPO_C_PERIOD;
			t->roman = false;
			t->ini = t->ini == 1 ? 2 : 3;
			t->core_end = j + 1;
		} else {
			t->trail = 1;
			t->stop = s[j] == '!' || s[j] == '?';
		}
		j++;
	}
	b = j < sc->n ? s[j] : ' ';
	if (b != ' ' && ascii_class(b) != TYPO_C_BREAK)
		return 0;
	return j;
}

/*
 * Feeds s[i..n) to the scanner.  Stops at the end of the text, or at the
 * first token boundary at or after until once no decision is pending (a
 * window for typo_override_at()).
 */
static void
scan_run(struct scan *sc, size_t i, size_t until)
{
	const char *s = sc->s;

	while (i < sc->n) {
		unsigned char b = (unsigned char)s[i];
		uint32_t cp;
		size_t end;
		int len;

		if (!sc->in_tok && i >= until && sc->surname == NONE)
			return;
		if (!sc->in_tok && b != ' ' && (end = tok_simple(sc, i, sc->cur)) != 0) {
			sc->in_tok = true;
			token_end(sc);
			i = end;
		} else if (b < 0x80) {
			scan_cp(sc, ascii_class(b), b, i, 1);
			i++;
		} else {
			len = text_decode(s + i, sc->n - i, &cp);
			scan_cp(sc, unicode_class(cp), cp, i, len);
			i += (size_t)len;
		}
	}
	context_end(sc);
}

/* Field by field: the tokens are set up when they begin. */
static void
scan_init(struct scan *sc, const char *s, size_t n, unsigned rules, char *o)
{
	sc->target = 0;
	sc->hit = false;
	sc->soft = 0;
	sc->have_prev = sc->in_tok = false;
	sc->c1 = sc->c2 = TYPO_C_SPACE;
	memset(&sc->left, 0, sizeof(sc->left));
	memset(&sc->seg, 0, sizeof(sc->seg));
	sc->s = s;
	sc->n = n;
	sc->rules = rules;
	sc->o = o;
	sc->cur = &sc->tok[0];
	sc->prev = &sc->tok[1];
	sc->surname = NONE;
	sc->hyphen = NONE;
}

void
typo_overrides(const char *s, size_t n, unsigned rules, char *o)
{
	struct scan sc;

	memset(o, UC_BREAK_UNDEFINED, n);
	if (rules == TYPO_NONE || n == 0)
		return;
	scan_init(&sc, s, n, rules, o);
	scan_run(&sc, 0, n + 1);
	if (rules & TYPO_URL)
		typo_url_pass(s, n, o);
}

enum typo_char
typo_scan_char(const char *s, size_t n, size_t k, int *len)
{
	uint32_t cp;
	enum typo_cls c;

	*len = text_decode(s + k, n - k, &cp);
	c = cp < 0x80 ? ascii_class((unsigned char)cp) : unicode_class(cp);
	switch (c) {
	case TYPO_C_HYPHEN:
		return TYPO_CHAR_HYPHEN;
	case TYPO_C_MARK:
		return TYPO_CHAR_MARK;
	case TYPO_C_BREAK:
		return TYPO_CHAR_BREAK;
	default:
		return TYPO_CHAR_OTHER;
	}
}

char
typo_scan_window(const char *s, size_t from, size_t to, unsigned rules, size_t target, bool stop)
{
	struct scan sc;

	scan_init(&sc, s, to, rules, NULL);
	sc.target = target;
	scan_run(&sc, from, stop ? target + 1 : to + 1);
	return sc.hit ? UC_BREAK_PROHIBITED : sc.soft ? sc.soft : UC_BREAK_UNDEFINED;
}
