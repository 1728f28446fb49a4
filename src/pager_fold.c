/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_fold — the pager's side of folding site furniture (the boiler
 * module decides what folds): the fold row, the keys z and Z, and the rule
 * that whatever the reader is taken to (the caret, a selection, a search
 * match, a jump) is never inside a fold: its fold opens.
 */
#include "gloss/gloss.h"

#include "gloss/boiler.h"
#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

/* The folds of one pager's document (p->fold); only this file sees its fields. */
struct pager_fold_state {
	struct boiler *boiler;	/* this document's folds */
	struct layout_line fold_line;	/* the one line of a folded run's head */
};

void
pager_fold_init(struct pager *p)
{
	p->fold = xcalloc(1, sizeof *p->fold);
}

void
pager_fold_free(struct pager *p)
{
	boiler_free(p->fold->boiler);
	free(p->fold);
	p->fold = NULL;
}

void
pager_fold_reset(struct pager *p)
{
	boiler_free(p->fold->boiler);
	p->fold->boiler = boiler_new(p->doc, opt_fold);
}

struct boiler *
pager_fold_boiler(const struct pager *p)
{
	return p->fold->boiler;
}

const struct layout_line *
pager_fold_lines(struct pager *p, struct doc_loc loc, const struct doc_block *b, size_t *n)
{
	if (!(b->flags & DOC_BLOCK_FURNITURE) || boiler_state(p->fold->boiler, loc) != BOILER_FOLDED)
		return NULL;
	p->fold->fold_line = (struct layout_line){ .start = 0, .end = b->len };
	*n = 1;
	return &p->fold->fold_line;
}

bool
pager_fold_is_row(const struct pager *p, const struct layout_line *lines)
{
	return lines == &p->fold->fold_line;
}

/* After folds changed: the end moved, and the top must be a shown row. */
static void
folds_changed(struct pager *p, struct view *v)
{
	int rows;

	pager_rows_changed(p);
	if (boiler_state(p->fold->boiler, p->top.loc) == BOILER_HIDDEN) {
		boiler_visible(p->fold->boiler, &p->top.loc);
		p->top.row = 0;
	}
	rows = pager_block_rows(p, p->top.loc);
	if (p->top.row >= rows)
		p->top.row = rows > 0 ? rows - 1 : 0;
	pager_clamp(p, v);
}

bool
pager_fold_reveal(struct pager *p, struct view *v, struct doc_loc loc)
{
	if (!boiler_reveal(p->fold->boiler, loc))
		return false;
	folds_changed(p, v);
	return true;
}

void
pager_fold_settle(struct pager *p, struct view *v)
{
	bool changed = false;
	struct doc_loc match;
	struct caret c, m;

	if (pager_caret_shown(p, &c))
		changed |= boiler_reveal(p->fold->boiler, c.loc);
	if (pager_caret_mark(p, &m))
		changed |= boiler_reveal(p->fold->boiler, m.loc);
	if (pager_search_match_block(p, &match))
		changed |= boiler_reveal(p->fold->boiler, match);
	if (changed || boiler_state(p->fold->boiler, p->top.loc) == BOILER_HIDDEN)
		folds_changed(p, v);
}

/* The first block on screen that is in a run or a duplicate (open or folded). */
static bool
fold_on_screen(struct pager *p, struct view *v, struct doc_loc *out)
{
	struct pos pos = p->top;
	struct doc_loc head, last = { UINT32_MAX, UINT32_MAX };
	uint32_t count;

	for (int y = 0; y < v->rows; y++) {
		if (doc_loc_cmp(pos.loc, last) != 0 && boiler_run(p->fold->boiler, pos.loc, &head, &count)) {
			*out = pos.loc;
			return true;
		}
		last = pos.loc;
		if (pager_pos_down(p, &pos, 1) == 0)
			break;
	}
	return false;
}

/* Hides the caret (and ends a selection) if it is now in a fold; forgets a match there. */
static void
caret_out_of_folds(struct pager *p)
{
	struct caret c, m;
	struct doc_loc mloc;
	struct search_match mm;

	if (pager_search_current(p, &mloc, &mm) && boiler_state(p->fold->boiler, mloc) != BOILER_SHOWN)
		pager_search_forget_match(p, false);
	if (pager_caret_shown(p, &c) && (boiler_state(p->fold->boiler, c.loc) != BOILER_SHOWN ||
	    (pager_caret_mark(p, &m) && boiler_state(p->fold->boiler, m.loc) != BOILER_SHOWN))) {
		pager_caret_hide(p);
		pager_caret_selection_end(p);
	}
}

void
pager_fold_toggle(struct pager *p, struct view *v)
{
	struct doc_loc loc, head;
	uint32_t count;
	struct caret c;
	bool on = pager_caret_shown(p, &c);

	if (!boiler_on(p->fold->boiler)) {
		view_message(doc_format(p->doc) == DOC_FORMAT_TEXT ? "Folding is off (Z turns it on)" :
		    "Only plain-text files are folded");
		return;
	}
	if (on ? !boiler_run(p->fold->boiler, c.loc, &head, &count) : !fold_on_screen(p, v, &loc)) {
		view_message("No fold here");
		return;
	}
	if (on)
		loc = c.loc;
	boiler_toggle(p->fold->boiler, loc);
	boiler_run(p->fold->boiler, loc, &head, &count);
	view_message(boiler_state(p->fold->boiler, head) == BOILER_SHOWN ? "Opened %u line%s" :
	    "Folded %u line%s", count, count == 1 ? "" : "s");
	caret_out_of_folds(p);
	folds_changed(p, v);
}

void
pager_fold_all(struct pager *p, struct view *v)
{
	bool on = !boiler_on(p->fold->boiler);

	if (!boiler_set_on(p->fold->boiler, on)) {
		view_message("Only plain-text files are folded");
		return;
	}
	view_message(on ? "Folding site furniture" : "Folding off: every line shown");
	caret_out_of_folds(p);
	folds_changed(p, v);
}

/* The colour of a highlight inside the run [a, z), or -1. */
static int
run_highlight(struct pager *p, struct doc_loc head, uint32_t count)
{
	struct doc_loc last = { head.chunk, head.block + count - 1 };
	struct doc_block *b = doc_block(p->doc, last);
	uint64_t a, z;

	if (b == NULL || !doc_block_offset(p->doc, head, &a) || !doc_block_offset(p->doc, last, &z))
		return -1;
	return pager_annot_color_in(p, a, z + b->len);
}

void
pager_fold_draw(struct pager *p, struct doc_loc loc, int y)
{
	struct doc_loc head;
	uint32_t count = 0;
	struct display_attr a = display_style(DISPLAY_DIM);
	char *row;
	int color;

	boiler_run(p->fold->boiler, loc, &head, &count);
	row = xasprintf("%s %u line%s folded", opt_glyphs == GLYPH_UTF8 ? "\xE2\x8B\xAF" : "...",
	    count, count == 1 ? "" : "s");	/* ⋯ */
	color = run_highlight(p, head, count);
	if (color >= 0)
		a = pager_draw_attr_or(a, display_highlight(color));	/* a highlight is in the fold */
	display_put(stdscr, y, p->margin, row, strlen(row), p->width, a, opt_glyphs);
	free(row);
}
