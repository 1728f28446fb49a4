/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_front — the header drawn in place of a Markdown file's front
 * matter (meta_header: title, "author · date", tags; or, after `i`, the
 * front matter as written).  Its rows come before the first block's rows
 * like a thematic break's row: they belong to no document text, so the
 * caret, selections and offsets never reach them.
 */
#include "gloss/gloss.h"

#include "gloss/display.h"
#include "gloss/meta.h"
#include "gloss/options.h"
#include "gloss/present.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

/* The header of one pager's document (p->fm); only this file sees its fields. */
struct pager_front_state {
	struct doc_build_chunk *chunk;	/* meta_header(), or NULL */
	bool raw;		/* the front matter as written */
	struct doc_loc loc;	/* the block it is drawn above */
};

void
pager_front_init(struct pager *p)
{
	p->fm = xcalloc(1, sizeof *p->fm);
}

void
pager_front_free(struct pager *p)
{
	doc_build_chunk_free(p->fm->chunk);
	free(p->fm);
	p->fm = NULL;
}

void
pager_front_reset(struct pager *p, struct doc_loc first)
{
	doc_build_chunk_free(p->fm->chunk);
	p->fm->chunk = NULL;
	p->fm->loc = first;
	if (!p->empty)
		p->fm->chunk = meta_header(p->doc, p->fm->raw);
}

/* The lines of header block i at the width of the reading column. */
static const struct layout_line *
front_lines(struct pager *p, uint32_t i, struct present *pr, size_t *n)
{
	struct doc_block *b = &p->fm->chunk->blocks[i];
	struct layout_opts o;

	present_block(b, opt_glyphs, 0, p->width, pr);
	o = present_layout_opts(pr, p->width, opt_glyphs);
	return layout_block(b, &o, n);
}

int
pager_front_rows(struct pager *p, struct doc_loc loc)
{
	struct present pr;
	size_t n;
	int rows = 0;

	if (p->fm->chunk == NULL || p->fm->chunk->nblocks == 0 || doc_loc_cmp(loc, p->fm->loc) != 0)
		return 0;
	for (uint32_t i = 0; i < p->fm->chunk->nblocks; i++) {
		front_lines(p, i, &pr, &n);
		rows += (int)n;
	}
	return rows + 1;	/* and a blank row */
}

void
pager_front_draw(struct pager *p, int row, int y)
{
	struct present pr;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	for (uint32_t i = 0; i < p->fm->chunk->nblocks; i++) {
		const struct layout_line *lines = front_lines(p, i, &pr, &n);
		struct display_attr a = display_style(DISPLAY_NORMAL);

		if (row >= (int)n) {
			row -= (int)n;
			continue;
		}
		present_line_text(&p->fm->chunk->blocks[i], &lines[row], opt_glyphs, &sb);
		if (pr.style & PRESENT_BOLD)
			a = pager_draw_attr_or(a, display_style(DISPLAY_BOLD));
		if (pr.style & PRESENT_UNDERLINE)
			a = pager_draw_attr_or(a, display_style(DISPLAY_UNDERLINE));
		if (pr.style & (PRESENT_DIM | PRESENT_CODE))
			a = pager_draw_attr_or(a, display_style(DISPLAY_DIM));
		display_put(stdscr, y, p->margin, pr.first, strlen(pr.first), pr.indent,
		    display_style(DISPLAY_DIM), opt_glyphs);
		display_put(stdscr, y, p->margin + pr.indent, sb.buf ? sb.buf : "", sb.len,
		    p->width - pr.indent, a, opt_glyphs);
		break;
	}
	strbuf_done(&sb);
}

void
pager_front_toggle(struct pager *p, struct view *v)
{
	if (p->fm->chunk == NULL) {
		view_message("No front matter");
		return;
	}
	p->fm->raw = !p->fm->raw;
	pager_front_reset(p, p->fm->loc);
	pager_rows_changed(p);
	if (doc_loc_cmp(p->top.loc, p->fm->loc) == 0)
		p->top.row = 0;
	pager_clamp(p, v);
}
