/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * glyph — how each code point reaches the screen, safely.
 *
 * No byte of a document may reach the terminal as a control sequence.  This
 * module maps every code point to what is drawn for it and how many columns
 * that takes; the layout (widths), the pager (drawing) and `gloss dump`
 * (plain output) all use it, so they agree.
 *
 *   C0 controls (U+0000–U+001F) and DEL   control pictures U+2400–U+2421
 *                                         (␛ for ESC), marked as substitutes
 *   C1 controls (U+0080–U+009F)           "␛" + the 7-bit equivalent
 *                                         (CSI U+009B shows as "␛[")
 *   bidi controls U+202A–U+202E,
 *     U+2066–U+2069, U+200E, U+200F, U+061C   "¦", marked as a substitute
 *   U+00AD soft hyphen                    nothing (width 0); the layout
 *                                         draws '-' where a line breaks
 *   ZWJ, ZWNJ, variation selectors      themselves, width 0, attached to the
 *                                         previous glyph (ASCII mode: nothing)
 *   other default-ignorable format chars  nothing (width 0)
 *   unassigned / private / noncharacters  as themselves when uc_width >= 0,
 *                                         else U+FFFD
 *   everything else                       itself, width from uc_width()
 *
 * In ASCII mode (--ascii, terminals without UTF-8) Cyrillic is
 * transliterated (Ж → Zh), typographic punctuation is simplified
 * (— → --, « » → "), controls show as ^X, and anything else is "?".
 */
#ifndef GLOSS_GLYPH_H
#define GLOSS_GLYPH_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

enum glyph_mode {
	GLYPH_UTF8,
	GLYPH_ASCII,
};

#define GLYPH_SUBST	0x01	/* a visible substitute: draw it highlighted (reverse video) */
#define GLYPH_COMBINING	0x02	/* a zero-width mark that attaches to the previous glyph */

struct glyph {
	uint32_t cp[4];		/* code points to draw (ASCII only in GLYPH_ASCII) */
	uint8_t n;		/* number of code points; 0 draws nothing */
	uint8_t width;		/* columns */
	uint8_t flags;		/* GLYPH_* */
};

void glyph_get(uint32_t cp, enum glyph_mode mode, struct glyph *g);
/* Columns taken by cp (fast for ASCII). */
int glyph_width(uint32_t cp, enum glyph_mode mode);
/*
 * True if cp continues the emoji cluster of the code point prev: a
 * pictograph after ZWJ (👩‍👧) or a skin-tone modifier after its base.  It
 * then takes no column of its own: the cluster is as wide as its first
 * character (2).  The display may show only that first character.
 */
bool glyph_joins(uint32_t prev, uint32_t cp);
/* glyph_width(), but 0 where glyph_joins(prev, cp) (UTF-8 mode). */
int glyph_width_after(uint32_t prev, uint32_t cp, enum glyph_mode mode);
/* The superscript form of cp (¹, ⁱ, ᵛ, ˣ…) or 0 when it has none of width 1. */
uint32_t glyph_superscript(uint32_t cp);
/*
 * Appends the display form of s[0..n) to out as plain text: substitutes
 * for controls, soft hyphens dropped, invalid UTF-8 as U+FFFD.  Used for
 * dump output, file names and messages.
 */
void glyph_append_safe(struct strbuf *out, const char *s, size_t n, enum glyph_mode mode);

#endif
