/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * present — how a block is set on the page, shared by `gloss dump` and the
 * pager so that both produce the same lines: the prefix of the first and
 * of the following lines (list labels, quote bars), the width left for the
 * text, the style, and how superscripts are drawn.
 */
#ifndef GLOSS_PRESENT_H
#define GLOSS_PRESENT_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/glyph.h"
#include "gloss/layout.h"

#define PRESENT_BOLD	0x01	/* titles, level-1 and level-2 headings */
#define PRESENT_DIM	0x02	/* bylines, dates, captions, furniture */
#define PRESENT_ITALIC	0x04	/* captions */
#define PRESENT_CODE	0x08	/* code blocks */
#define PRESENT_UNDERLINE 0x10	/* titles, level-1 and level-3 headings */

struct present {
	char first[48];		/* UTF-8 prefix of the first line */
	char rest[48];		/* prefix of the following lines */
	int indent;		/* display width of either prefix */
	unsigned style;		/* PRESENT_* */
};

/* How a block is presented: flags of present_block(). */
#define PRESENT_PLAIN		0x01	/* plain-text output (dump): "> " for quotes, not "│ " */
#define PRESENT_MARKDOWN	0x02	/* from Markdown: plain output marks headings "## " */

/*
 * Fills p for block b (how: PRESENT_PLAIN, PRESENT_MARKDOWN).  If the
 * prefixes would leave less than half of width for the text, they are
 * dropped.
 */
void present_block(const struct doc_block *b, enum glyph_mode mode, unsigned how, int width,
    struct present *p);

/* The mark of a thematic break, centred on a row of its own: ⁂, or "* * *" in ASCII. */
const char *present_rule(enum glyph_mode mode);

/* Layout options for a block's text at a page width. */
struct layout_opts present_layout_opts(const struct present *p, int width, enum glyph_mode mode);

/*
 * True if a superscript span s[0..n) can be drawn with superscript
 * characters (every character has one, and it is at most PRESENT_SUP_MAX
 * bytes long); then glyph_superscript() gives them, each one column wide
 * like the original.
 */
#define PRESENT_SUP_MAX 64
bool present_superscript(const char *s, size_t n);

/*
 * Appends the visible text of one layout line of block b (prefix not
 * included): safe glyphs, superscripts, the hyphen of a soft-hyphen break.
 */
void present_line_text(const struct doc_block *b, const struct layout_line *line,
    enum glyph_mode mode, struct strbuf *out);

/*
 * Tables (present_table.c).  A Markdown table row (DOC_BLOCK_TABLE) set
 * in columns at a width (the width left after the block's prefix): each
 * column's left edge x (from the text's left) and width w, the alignment
 * ('l', 'c', 'r', '-'), the cells wrapped in their columns.  cells[r *
 * ncols + c] is the piece of cell c on row r (offsets in the block text;
 * empty where the cell has no more lines); lines[r] spans the pieces of
 * row r (for positions: caret, scrolling).  A header row is followed by a
 * rule row.  NULL when the block is no table row or the table is too wide
 * to set in columns (then it is laid out as text).  The result is owned by
 * a small per-thread cache: valid until the next 15 calls in that thread.
 */
#define PRESENT_TABLE_COLS 32
#define PRESENT_TABLE_MIN 4	/* narrowest column that cells are wrapped in */

struct present_table {
	int ncols;
	bool header;
	int x[PRESENT_TABLE_COLS], w[PRESENT_TABLE_COLS];
	char align[PRESENT_TABLE_COLS];
	uint32_t start[PRESENT_TABLE_COLS], end[PRESENT_TABLE_COLS];	/* the cells */
	int rows;
	struct layout_line *cells;
	struct layout_line *lines;
	int width;		/* of the whole row */
};

const struct present_table *present_table(const struct doc_block *b, enum glyph_mode mode,
    int width);
/* Columns before the piece l of column c, for its alignment. */
int present_table_offset(const struct present_table *t, int c, const struct layout_line *l);
/* " │ " between cells (" | " in ASCII). */
const char *present_table_separator(enum glyph_mode mode);
/* Appends row r as plain text: cells aligned and padded, separators between them. */
void present_table_line(const struct doc_block *b, const struct present_table *t, int r,
    enum glyph_mode mode, struct strbuf *out);
/* Appends the rule under the header: "───┼───" ("---+---" in ASCII). */
void present_table_rule(const struct present_table *t, enum glyph_mode mode, struct strbuf *out);

#endif
