/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo — the typographic line-breaking rules of Russian, Ukrainian and
 * Belarusian (R1–R11 of docs/wrapping.md) as an override array for
 * libunistring's UAX #14 break opportunities.
 *
 * typo_overrides() fills o[0..n) with UC_BREAK_UNDEFINED (keep the library's
 * answer), UC_BREAK_PROHIBITED (the rules forbid a break before s[i]) or
 * UC_BREAK_POSSIBLE (a break the library misses but the rules allow), or
 * TYPO_BREAK_SOFT / TYPO_BREAK_FIRM (the rules would rather not break there: a penalty, which
 * the fitter pays only when keeping the words together would leave the
 * line much shorter).  o[i] describes the boundary before byte s[i],
 * exactly like the array of u8_possible_linebreaks().  Rules are selected
 * with the TYPO_* bits.
 */
#ifndef GLOSS_TYPO_H
#define GLOSS_TYPO_H

#include "gloss/gloss.h"

#define TYPO_R1		0x0001	/* one-letter prepositions/conjunctions never end a line */
#define TYPO_R1_SHORT2	0x0002	/* two-letter ones stay with the next word (soft) */
#define TYPO_R1C	0x0004	/* particles бы, б, ли, ль, же, ж never start a line */
#define TYPO_R2		0x0008	/* a dash never starts a line */
#define TYPO_R3		0x0010	/* initials stay with the surname and each other */
#define TYPO_R4		0x0020	/* numbers stay with units; № and § with numbers */
#define TYPO_R5		0x0040	/* т. е., и т. д. are not split */
#define TYPO_R6		0x0080	/* no break between . , : ; and a following letter (UAX #14 LB29) */
#define TYPO_R7		0x0100	/* no break at the hyphen of 1990-е, 20-й, б-ка */
#define TYPO_URL	0x0200	/* no break inside a URL unless it is wider than the line */
#define TYPO_LAST	0x0400	/* a short last word of a sentence stays with the one before (soft) */
#define TYPO_UAX151	0x0800	/* UAX #14 LB15a–d of Unicode 15.1 on quotation marks (typo_uax151) */
#define TYPO_HYPHEN	0x1000	/* --hyphenate: the layout may hyphenate a word (hyph), not by default */
#define TYPO_DEFAULT	(TYPO_R1 | TYPO_R1_SHORT2 | TYPO_R1C | TYPO_R2 | TYPO_R3 | TYPO_R4 | \
			 TYPO_R5 | TYPO_R6 | TYPO_R7 | TYPO_URL | TYPO_LAST | \
			 TYPO_UAX151)
#define TYPO_NONE	0

/*
 * Discouraged breaks (values of the override array beside UC_BREAK_*):
 * SOFT after a two-letter word and before a short last word, FIRM between
 * a number and what it counts; where glue must give way, SOFT goes first.
 */
#define TYPO_BREAK_SOFT	0x10
#define TYPO_BREAK_FIRM	0x11

/*
 * Corrects libunistring 1.0's break array p[0..n) of s (as from
 * u8_possible_linebreaks) to Unicode 15.1 for quotation marks: the old
 * LB15 (QU SP* × OP) is gone, LB15a and LB15b added (src/typo_uax.c).
 * The layout calls it when TYPO_UAX151 is set, before the other rules.
 */
void typo_uax151(const char *s, size_t n, char *p);
/*
 * The same for the marks that start in s[a..z) only, for a caller that
 * knows there are none elsewhere: the corrections read the whole text and
 * change p at the mark or after it, before the next letter after spaces.
 */
void typo_uax151_range(const char *s, size_t n, char *p, size_t a, size_t z);

/* Fills o[0..n) for the UTF-8 text s[0..n) (see the top comment). */
void typo_overrides(const char *s, size_t n, unsigned rules, char *o);

/*
 * The override for the boundary before s[i] alone: the value that
 * typo_overrides() stores in o[i], computed from the few words around i
 * (the word before, the word at i, and a run of initials after it).  The
 * layout asks this only where a line would break, which costs far less
 * than a pass over the whole text.  The answer is UC_BREAK_UNDEFINED,
 * UC_BREAK_PROHIBITED, TYPO_BREAK_SOFT or TYPO_BREAK_FIRM.
 */
char typo_override_at(const char *s, size_t n, unsigned rules, size_t i);

/*
 * The URL recognition of TYPO_URL, for other modules: the first token of
 * s[0..n) at or after from (a token start, or inside a token: then the
 * next one) that starts like a URL (http://, https://, ftp://, www.,
 * mailto:, after optional opening punctuation).  [*start, *end) is the
 * token from its scheme to the next space or line end, trailing
 * punctuation included; false if there is none.
 */
bool typo_url_next(const char *s, size_t n, size_t from, size_t *start, size_t *end);

#endif
