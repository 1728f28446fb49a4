/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * present_table — a Markdown table row (DOC_BLOCK_TABLE; the loader's label
 * gives each column's alignment and natural width and the cells' ranges)
 * set in columns at a width, for the pager and dump alike.
 *
 * Columns.  When the natural widths and the separators (" │ ", three
 * columns) fit, every column gets its natural width.  Otherwise the width
 * left is shared out: a column narrower than an equal share keeps its
 * width, the others share the rest equally; their cells are wrapped in the
 * column by the layout module (the same line-breaking rules as any text).
 * When a column would get fewer than PRESENT_TABLE_MIN columns, the table
 * is too wide to wrap sensibly: each row is then shown as wrapped text, its
 * cells joined by " │ " (one row per record).
 *
 * Results are kept in a small per-thread cache keyed by the block's text,
 * the width and the glyph mode.
 */
#include "gloss/gloss.h"

#include <stdlib.h>

#include "gloss/layout.h"
#include "gloss/present.h"
#include "gloss/xmalloc.h"

#define SEP_WIDTH 3
#define CACHE_SLOTS 16

struct slot {
	const char *text;
	uint32_t len;
	int width;
	enum glyph_mode mode;
	uint64_t hash;
	bool ok;
	struct present_table t;
};

static _Thread_local struct slot cache[CACHE_SLOTS];
static _Thread_local unsigned cache_next;

static uint64_t
hash_block(const struct doc_block *b)
{
	uint64_t h = 1469598103934665603ull;

	for (uint32_t i = 0; i < b->len; i++)
		h = (h ^ (unsigned char)b->text[i]) * 1099511628211ull;
	return (h ^ (b->label ? strlen(b->label) : 0)) * 1099511628211ull;
}

/* Reads the label "H;a,w,s,e;…" into t; false if it is not one. */
static bool
parse_label(const struct doc_block *b, struct present_table *t, int *natural)
{
	const char *s = b->label;

	if (!(b->flags & DOC_BLOCK_TABLE) || s == NULL || (*s != 'H' && *s != 'T'))
		return false;
	t->header = *s == 'H';
	t->ncols = 0;
	for (s++; *s == ';' && t->ncols < PRESENT_TABLE_COLS; ) {
		char a;
		int w;
		unsigned st, en, used;

		if (sscanf(s, ";%c,%d,%u,%u%n", &a, &w, &st, &en, &used) != 4 || st > en ||
		    en > b->len)
			return false;
		t->align[t->ncols] = a;
		natural[t->ncols] = GLOSS_MAX(w, 1);
		t->start[t->ncols] = st;
		t->end[t->ncols] = en;
		t->ncols++;
		s += used;
	}
	return t->ncols > 0 && *s == '\0';
}

/* Column widths for the width available; false if a column would be too narrow. */
static bool
share_widths(struct present_table *t, const int *natural, int width)
{
	int avail = width - SEP_WIDTH * (t->ncols - 1), left = t->ncols, sum = 0;
	bool set[PRESENT_TABLE_COLS] = { false }, changed = true;

	for (int c = 0; c < t->ncols; c++)
		sum += natural[c];
	if (sum <= avail) {
		memcpy(t->w, natural, (size_t)t->ncols * sizeof *natural);
	} else {
		while (changed && left > 0) {	/* narrow columns keep their width */
			int share = avail / left;

			changed = false;
			for (int c = 0; c < t->ncols; c++) {
				if (!set[c] && natural[c] <= share) {
					t->w[c] = natural[c];
					set[c] = true;
					avail -= natural[c];
					left--;
					changed = true;
				}
			}
		}
		for (int c = 0, k = 0; c < t->ncols; c++) {
			if (set[c])
				continue;
			t->w[c] = avail / left + (k++ < avail % left);
			if (t->w[c] < PRESENT_TABLE_MIN)
				return false;
		}
	}
	t->x[0] = 0;
	for (int c = 1; c < t->ncols; c++)
		t->x[c] = t->x[c - 1] + t->w[c - 1] + SEP_WIDTH;
	t->width = t->x[t->ncols - 1] + t->w[t->ncols - 1];
	return true;
}

/* Wraps every cell in its column: t->cells and t->lines. */
static void
wrap_cells(const struct doc_block *b, enum glyph_mode mode, struct present_table *t)
{
	struct layout_line *cell[PRESENT_TABLE_COLS];
	size_t n[PRESENT_TABLE_COLS];

	t->rows = 1;
	for (int c = 0; c < t->ncols; c++) {
		struct layout_opts o = layout_defaults(t->w[c]);

		o.mode = mode;
		n[c] = layout_wrap(b->text + t->start[c], t->end[c] - t->start[c], &o, &cell[c]);
		t->rows = GLOSS_MAX(t->rows, (int)n[c]);
	}
	t->cells = xcalloc((size_t)t->rows * (size_t)t->ncols, sizeof *t->cells);
	t->lines = xcalloc((size_t)t->rows, sizeof *t->lines);
	for (int r = 0; r < t->rows; r++) {
		struct layout_line *row = &t->lines[r];

		row->start = UINT32_MAX;
		for (int c = 0; c < t->ncols; c++) {
			struct layout_line *l = &t->cells[r * t->ncols + c];

			if ((size_t)r < n[c] && cell[c][r].end > cell[c][r].start) {
				*l = cell[c][r];
				l->start += t->start[c];
				l->end += t->start[c];
				row->start = GLOSS_MIN(row->start, l->start);
				row->end = GLOSS_MAX(row->end, l->end);
			} else {
				l->start = l->end = t->end[c];
			}
		}
		if (row->start == UINT32_MAX)	/* nothing on this row: after the last piece */
			row->start = row->end = r > 0 ? t->lines[r - 1].end : 0;
		row->width = (uint16_t)GLOSS_MIN(t->width, 0xFFFF);
	}
	for (int c = 0; c < t->ncols; c++)
		free(cell[c]);
}

static void
slot_clear(struct slot *s)
{
	free(s->t.cells);
	free(s->t.lines);
	memset(s, 0, sizeof *s);
}

const struct present_table *
present_table(const struct doc_block *b, enum glyph_mode mode, int width)
{
	uint64_t h;
	struct slot *s;
	int natural[PRESENT_TABLE_COLS];

	if (!(b->flags & DOC_BLOCK_TABLE))
		return NULL;
	h = hash_block(b);
	for (unsigned i = 0; i < CACHE_SLOTS; i++) {
		s = &cache[i];
		if (s->text == b->text && s->len == b->len && s->width == width && s->mode == mode &&
		    s->hash == h)
			return s->ok ? &s->t : NULL;
	}
	s = &cache[cache_next++ % CACHE_SLOTS];
	slot_clear(s);
	s->text = b->text;
	s->len = b->len;
	s->width = width;
	s->mode = mode;
	s->hash = h;
	s->ok = parse_label(b, &s->t, natural) && share_widths(&s->t, natural, width);
	if (s->ok)
		wrap_cells(b, mode, &s->t);
	return s->ok ? &s->t : NULL;
}

int
present_table_offset(const struct present_table *t, int c, const struct layout_line *l)
{
	int room = t->w[c] - l->width;

	if (room <= 0 || t->align[c] == 'l' || t->align[c] == '-')
		return 0;
	return t->align[c] == 'r' ? room : room / 2;
}

const char *
present_table_separator(enum glyph_mode mode)
{
	return mode == GLYPH_ASCII ? " | " : " \xE2\x94\x82 ";
}

static void
spaces(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_addc(out, ' ');
}

void
present_table_line(const struct doc_block *b, const struct present_table *t, int row,
    enum glyph_mode mode, struct strbuf *out)
{
	for (int c = 0; c < t->ncols; c++) {
		const struct layout_line *l = &t->cells[row * t->ncols + c];
		int off = present_table_offset(t, c, l);

		if (c > 0)
			strbuf_adds(out, present_table_separator(mode));
		spaces(out, off);
		present_line_text(b, l, mode, out);
		spaces(out, t->w[c] - off - l->width);
	}
}

void
present_table_rule(const struct present_table *t, enum glyph_mode mode, struct strbuf *out)
{
	const char *h = mode == GLYPH_ASCII ? "-" : "\xE2\x94\x80";	/* ─ */

	for (int c = 0; c < t->ncols; c++) {
		if (c > 0)
			strbuf_adds(out, mode == GLYPH_ASCII ? "-+-" : "\xE2\x94\x80\xE2\x94\xBC\xE2\x94\x80");
		for (int i = 0; i < t->w[c]; i++)
			strbuf_adds(out, h);
	}
}
