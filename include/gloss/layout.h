/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * layout — wraps one block of text to a width, and caches the result.
 *
 * Break opportunities come from libunistring (u8_possible_linebreaks with
 * the encoding "UTF-8"), overridden by the typographic rules of the typo
 * module.  The fitter is our own greedy one:
 *   - a line takes the last opportunity whose width fits; trailing spaces
 *     do not count; a soft hyphen (U+00AD) costs one column only where the
 *     line breaks at it, and is then drawn as '-';
 *   - a break the rules discourage is taken only when the allowed one
 *     would leave the line less than half full;
 *   - if no opportunity fits, a glued unit (words the rules keep together)
 *     is broken at a space inside it before any word is cut;
 *   - only a single word wider than the line is cut: after '/' in a URL if
 *     possible, else at a grapheme-cluster boundary, never inside a cluster;
 *   - "\n" in the text is a mandatory break.
 * Widths are display columns of the glyph module (libunistring uc_width for
 * ordinary characters, the substitute's width for controls).
 */
#ifndef GLOSS_LAYOUT_H
#define GLOSS_LAYOUT_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/glyph.h"

struct layout_line {
	uint32_t start;		/* first byte of the line in the block text */
	uint32_t end;		/* end of the visible text: trailing spaces, "\n" and a breaking SHY excluded */
	uint16_t width;		/* display columns, including the hyphen */
	uint8_t hyphen;		/* 1: draw '-' after the text (the line breaks at a soft hyphen) */
};

struct layout_opts {
	int width;		/* columns available, >= 1 */
	unsigned rules;		/* TYPO_* bits; TYPO_NONE gives plain UAX #14 */
	enum glyph_mode mode;	/* widths of UTF-8 or ASCII display */
};

/* Default options for a width: TYPO_DEFAULT, GLYPH_UTF8. */
struct layout_opts layout_defaults(int width);

/*
 * Wraps text[0..len).  Returns the number of lines (at least 1, an empty
 * text gives one empty line) and stores a new array in *lines (caller frees).
 */
size_t layout_wrap(const char *text, size_t len, const struct layout_opts *o,
    struct layout_line **lines);

/*
 * The merged break array: p[i] is UC_BREAK_* (or TYPO_BREAK_SOFT where
 * the library allows a break the rules discourage) for the boundary before
 * text[i] after applying the overrides of o->rules (for tests and the
 * conformance harness).  p must have room for len bytes.
 */
void layout_breaks(const char *text, size_t len, unsigned rules, char *p);

/*
 * The break opportunities of UAX #14 as libunistring's
 * u8_possible_linebreaks(text, len, "UTF-8", p) gives them, corrected by
 * typo_uax151() when rules has TYPO_UAX151 (the same array), found without
 * the library in stretches of plain words (layout_lbrk.c).  p must have
 * room for len bytes.
 */
void layout_linebreaks(const char *text, size_t len, unsigned rules, char *p);

/*
 * The lines of a block for the given options, computed on first use and
 * cached in block->cache (one cache entry per block: a different width or
 * mode recomputes).  The array is owned by the block and valid until the next
 * call for the same block with other options, or until the block is freed.
 */
const struct layout_line *layout_block(struct doc_block *block, const struct layout_opts *o,
    size_t *nlines);

/* The index of the line of lines[0..n) that contains byte off. */
size_t layout_line_at(const struct layout_line *lines, size_t n, uint32_t off);

#endif
