/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_table — what the Markdown loader records of a GFM table so that
 * present can set it in columns: for every row block, its cells' byte
 * ranges (cell spans kept by markdown_block through trimming and NFC),
 * and for the table, each column's alignment (from the delimiter row) and
 * natural width (its widest cell line).  Once the table ends, every row
 * gets the label "H;…" (the header row) or "T;…", one ";a,w,s,e" per
 * column: alignment l, c, r or - (none), width in columns, and the cell's
 * start and end in the row's text (the format is read by present_table.c),
 * and the flags DOC_BLOCK_TABLE (and DOC_BLOCK_TIGHT but on the last row).
 */
#include "gloss/gloss.h"

#include "gloss/glyph.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "markdown_int.h"

void
markdown_table_begin(struct markdown_table *t, int ncols, const uint8_t *align)
{
	markdown_table_done(t);
	t->active = true;
	t->plain = ncols > MARKDOWN_TABLE_COLS;	/* too many columns: each row as text */
	t->ncols = GLOSS_MIN(GLOSS_MAX(ncols, 1), MARKDOWN_TABLE_COLS);
	t->align = xcalloc((size_t)t->ncols, 1);
	t->width = xcalloc((size_t)t->ncols, sizeof *t->width);
	for (int i = 0; i < t->ncols; i++)
		t->align[i] = !align ? '-' : align[i] == 'l' ? 'l' : align[i] == 'c' ? 'c' :
		    align[i] == 'r' ? 'r' : '-';
}

/* The widest line of s[0..n), in columns. */
static int
text_width(const char *s, size_t n)
{
	int w = 0, best = 0;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len = text_decode(s + i, n - i, &cp);

		if (cp == '\n') {
			best = GLOSS_MAX(best, w);
			w = 0;
		} else {
			w += glyph_width(cp, GLYPH_UTF8);
		}
		i += (size_t)len;
	}
	return GLOSS_MAX(best, w);
}

void
markdown_table_row(struct markdown_table *t, const struct markdown_block *k, uint32_t index,
    bool header)
{
	struct markdown_table_row *r;
	int c = 0;

	if (!t->active)
		return;
	if (k->label)		/* the row carries a list item's marker: shown as text */
		t->plain = true;
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->rows = xreallocarray(t->rows, t->cap, sizeof *t->rows);
	}
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->index = index;
	r->header = header;
	for (size_t i = 0; i < k->nspans && c < t->ncols; i++) {
		const struct markdown_span *sp = &k->spans[i];

		if (sp->kind != MARKDOWN_SPAN_CELL)
			continue;
		r->start[c] = sp->start;
		r->end[c] = GLOSS_MAX(sp->start, GLOSS_MIN(sp->end, (uint32_t)k->text.len));
		t->width[c] = GLOSS_MAX(t->width[c], text_width(k->text.buf + r->start[c],
		    r->end[c] - r->start[c]));
		c++;
	}
	for (; c < t->ncols; c++)	/* missing cells: empty at the end */
		r->start[c] = r->end[c] = (uint32_t)k->text.len;
}

void
markdown_table_end(struct markdown_table *t, struct doc_builder *b)
{
	struct strbuf sb = STRBUF_INIT;

	for (uint32_t i = 0; t->active && !t->plain && i < t->nrows; i++) {
		const struct markdown_table_row *r = &t->rows[i];

		strbuf_reset(&sb);
		strbuf_adds(&sb, r->header ? "H" : "T");
		for (int c = 0; c < t->ncols; c++)
			strbuf_addf(&sb, ";%c,%d,%u,%u", t->align[c], t->width[c], r->start[c], r->end[c]);
		doc_build_label_at(b, r->index, sb.buf);
		doc_build_flag_at(b, r->index, DOC_BLOCK_TABLE | (i + 1 < t->nrows ? DOC_BLOCK_TIGHT : 0));
	}
	strbuf_done(&sb);
	markdown_table_done(t);
}

void
markdown_table_done(struct markdown_table *t)
{
	free(t->align);
	free(t->width);
	free(t->rows);
	memset(t, 0, sizeof *t);
}
