/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_caret — the reading caret and the selection: moving the caret by
 * character, line, word, sentence and paragraph; the selection (visual
 * mode, v) from a mark to the caret; hit-testing screen cells for the
 * mouse; keeping the caret and the screen together.
 *
 * The caret is hidden until a caret key is used; it then appears at the
 * first line on screen.  Scrolling carries the caret along (it stays on
 * screen); moving the caret scrolls the screen to it.
 */
#include "gloss/gloss.h"

#include <unigbrk.h>

#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

/* The caret and the selection of one pager (p->cs); only this file sees its fields. */
struct pager_caret_state {
	bool caret_on;		/* the caret is shown */
	struct caret caret;
	bool visual;		/* a selection from `mark` to the caret */
	struct caret mark;
	bool sel_exclusive;	/* the caret came by a motion to a start (w b ( ) { }): a selection ends before it */
	bool sel_words;		/* it came by a word, sentence or paragraph motion: the selection is whole words */
	bool mouse_down;
};

void
pager_caret_init(struct pager *p)
{
	p->cs = xcalloc(1, sizeof *p->cs);
}

void
pager_caret_free(struct pager *p)
{
	free(p->cs);
	p->cs = NULL;
}

void
pager_caret_reset(struct pager *p)
{
	p->cs->caret_on = p->cs->visual = p->cs->mouse_down = false;
}

void
pager_caret_set(struct pager *p, struct caret c)
{
	p->cs->caret = c;
	p->cs->caret_on = true;
}

void
pager_caret_hide(struct pager *p)
{
	p->cs->caret_on = false;
}

bool
pager_caret_shown(const struct pager *p, struct caret *c)
{
	if (p->cs->caret_on)
		*c = p->cs->caret;
	return p->cs->caret_on;
}

bool
pager_caret_shown_offset(struct pager *p, uint64_t *off)
{
	return p->cs->caret_on && pager_caret_offset(p, p->cs->caret, off);
}

bool
pager_caret_mark(const struct pager *p, struct caret *m)
{
	if (p->cs->caret_on && p->cs->visual)
		*m = p->cs->mark;
	return p->cs->caret_on && p->cs->visual;
}

bool
pager_caret_offset(struct pager *p, struct caret c, uint64_t *off)
{
	uint64_t base;

	if (!doc_block_offset(p->doc, c.loc, &base))
		return false;
	*off = base + c.off;
	return true;
}

/* The first character of screen position pos (the next block's start on a blank row). */
static struct caret
caret_at_pos(struct pager *p, struct pos pos)
{
	struct doc_block *b = doc_block(p->doc, pos.loc);
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;
	struct caret c = { pos.loc, 0 };

	if (b == NULL)
		return c;
	lines = pager_block_lines(p, pos.loc, b, &pr, &n);
	li = pos.row - pager_rule_rows(p, pos.loc);
	if (li < 0)
		return c;
	if ((size_t)li >= n || boiler_state(pager_fold_boiler(p), pos.loc) == BOILER_FOLDED) {
		struct doc_loc next = pos.loc;	/* a fold row: the block after the fold */

		if (boiler_next(pager_fold_boiler(p), &next))
			c.loc = next;
		else
			c.off = lines[n - 1].start;
		return c;
	}
	c.off = lines[li].start;
	return c;
}

struct caret
pager_caret(struct pager *p)
{
	if (!p->cs->caret_on) {
		p->cs->caret = caret_at_pos(p, p->top);
		p->cs->caret_on = true;
	}
	return p->cs->caret;
}

static struct pos
bottom_pos(struct pager *p, struct view *v)
{
	struct pos bottom = p->top;

	pager_pos_down(p, &bottom, v->rows - 1);
	return bottom;
}

/* Scrolls so that the caret is on screen. */
static void
show_caret(struct pager *p, struct view *v)
{
	struct pos cp;

	if (p->cs->caret_on)
		pager_fold_reveal(p, v, p->cs->caret.loc);	/* never a caret in a fold */
	cp = pager_pos_of_byte(p, p->cs->caret.loc, p->cs->caret.off);

	if (pager_pos_cmp(cp, p->top) < 0) {
		p->top = cp;
	} else if (pager_pos_cmp(cp, bottom_pos(p, v)) > 0) {
		p->top = cp;
		pager_pos_up(p, &p->top, v->rows - 1);
	}
	pager_clamp(p, v);
}

void
pager_caret_place(struct pager *p, struct view *v, struct doc_loc loc, uint32_t off)
{
	p->cs->caret.loc = loc;
	p->cs->caret.off = off;
	p->cs->caret_on = true;
	p->cs->sel_exclusive = p->cs->sel_words = true;	/* in a selection: up to the match, whole words */
	show_caret(p, v);
}

void
pager_caret_follow(struct pager *p, struct view *v)
{
	struct pos cp, bottom;

	if (!p->cs->caret_on)
		return;
	cp = pager_pos_of_byte(p, p->cs->caret.loc, p->cs->caret.off);
	bottom = bottom_pos(p, v);
	if (pager_pos_cmp(cp, p->top) < 0)
		p->cs->caret = caret_at_pos(p, p->top);
	else if (pager_pos_cmp(cp, bottom) > 0)
		p->cs->caret = caret_at_pos(p, bottom);
}

/* ------------------------------------------------------------------ */
/* Lines */

/* Display columns from line start a to byte z of block b. */
static int
columns(struct doc_block *b, uint32_t a, uint32_t z)
{
	return display_width(b->text + a, z - a, opt_glyphs);
}

/* The character of line l of block b at display column col (the last one if past the end). */
static uint32_t
byte_at_column(struct doc_block *b, const struct layout_line *l, int col)
{
	const uint8_t *s = (const uint8_t *)b->text;
	uint32_t i = l->start, last = l->start;
	int w = 0;

	while (i < l->end) {
		uint32_t next = (uint32_t)(u8_grapheme_next(s + i, s + l->end) - s);
		int gw = columns(b, i, next);

		if (w + gw > col && gw > 0)
			return i;
		w += gw;
		last = i;
		i = next;
	}
	return last;
}

static bool
caret_line(struct pager *p, struct caret *c, int dir)
{
	struct doc_block *b = doc_block(p->doc, c->loc);
	struct present pr;
	size_t n, li;
	const struct layout_line *lines = pager_block_lines(p, c->loc, b, &pr, &n);
	int col;

	li = layout_line_at(lines, n, c->off);
	col = columns(b, lines[li].start, c->off);
	if (dir > 0 && li + 1 < n) {
		c->off = byte_at_column(b, &lines[li + 1], col);
		return true;
	}
	if (dir < 0 && li > 0) {
		c->off = byte_at_column(b, &lines[li - 1], col);
		return true;
	}
	if (!(dir > 0 ? doc_next(p->doc, &c->loc) : doc_prev(p->doc, &c->loc)))
		return false;
	b = doc_block(p->doc, c->loc);
	lines = pager_block_lines(p, c->loc, b, &pr, &n);
	c->off = byte_at_column(b, &lines[dir > 0 ? 0 : n - 1], col);
	return true;
}

static void
caret_line_edge(struct pager *p, struct caret *c, bool end)
{
	struct doc_block *b = doc_block(p->doc, c->loc);
	struct present pr;
	size_t n;
	const struct layout_line *lines = pager_block_lines(p, c->loc, b, &pr, &n);
	const struct layout_line *l = &lines[layout_line_at(lines, n, c->off)];

	if (!end || l->end == l->start)
		c->off = l->start;
	else
		c->off = (uint32_t)(u8_grapheme_prev((const uint8_t *)b->text + l->end,
		    (const uint8_t *)b->text) - (const uint8_t *)b->text);
}

/* ------------------------------------------------------------------ */
/* Motions and the selection */

static bool
motion(struct pager *p, enum action a, struct caret *c)
{
	switch (a) {
	case ACTION_CARET_RIGHT: return caret_next_char(p->doc, c);
	case ACTION_CARET_LEFT: return caret_prev_char(p->doc, c);
	case ACTION_CARET_LINE_DOWN: return caret_line(p, c, 1);
	case ACTION_CARET_LINE_UP: return caret_line(p, c, -1);
	case ACTION_CARET_LINE_START: caret_line_edge(p, c, false); return true;
	case ACTION_CARET_LINE_END: caret_line_edge(p, c, true); return true;
	case ACTION_CARET_WORD_NEXT: return caret_next_word(p->doc, c);
	case ACTION_CARET_WORD_PREV: return caret_prev_word(p->doc, c);
	case ACTION_CARET_WORD_END: return caret_word_end(p->doc, c);
	case ACTION_CARET_SENTENCE_NEXT: return caret_next_sentence(p->doc, c);
	case ACTION_CARET_SENTENCE_PREV: return caret_prev_sentence(p->doc, c);
	case ACTION_CARET_PARAGRAPH_NEXT: return caret_next_paragraph(p->doc, c);
	case ACTION_CARET_PARAGRAPH_PREV: return caret_prev_paragraph(p->doc, c);
	default: return false;
	}
}

static void
select_sentence(struct pager *p, bool paragraph)
{
	struct caret c = pager_caret(p);
	struct doc_block *b = doc_block(p->doc, c.loc);
	uint32_t start = 0, end = b->len;

	if (!paragraph)
		caret_sentence(p->doc, c, &start, &end);
	if (end <= start)
		return;
	p->cs->mark.loc = p->cs->caret.loc = c.loc;
	p->cs->mark.off = start;
	p->cs->caret.off = (uint32_t)(u8_grapheme_prev((const uint8_t *)b->text + end,
	    (const uint8_t *)b->text) - (const uint8_t *)b->text);
	p->cs->visual = true;
	p->cs->sel_exclusive = false;
	p->cs->sel_words = true;
}

bool
pager_caret_selection_carets(struct pager *p, struct caret *a, struct caret *z)
{
	bool forward = caret_cmp(p->cs->mark, p->cs->caret) <= 0;

	if (!p->cs->visual)
		return false;
	*a = forward ? p->cs->mark : p->cs->caret;
	*z = forward ? p->cs->caret : p->cs->mark;
	if (!(forward && p->cs->sel_exclusive && caret_cmp(p->cs->mark, p->cs->caret) != 0))
		z->off = caret_cluster_end(p->doc, *z);	/* the character under it is selected */
	return caret_snap(p->doc, a, z, p->cs->sel_words);
}

bool
pager_caret_selection(struct pager *p, uint64_t *start, uint64_t *end)
{
	struct caret a, z;

	return pager_caret_selection_carets(p, &a, &z) && pager_caret_offset(p, a, start) &&
	    pager_caret_offset(p, z, end);
}

/* How a motion sets the selection's end: exclusive (to a start) and whole words. */
static void
selection_kind(struct pager *p, enum action a)
{
	switch (a) {
	case ACTION_CARET_WORD_NEXT:
	case ACTION_CARET_WORD_PREV:
	case ACTION_CARET_SENTENCE_NEXT:
	case ACTION_CARET_SENTENCE_PREV:
	case ACTION_CARET_PARAGRAPH_NEXT:
	case ACTION_CARET_PARAGRAPH_PREV:
		p->cs->sel_exclusive = p->cs->sel_words = true;
		break;
	case ACTION_CARET_WORD_END:
		p->cs->sel_exclusive = false;
		p->cs->sel_words = true;
		break;
	default:
		p->cs->sel_exclusive = p->cs->sel_words = false;
		break;
	}
}

static void
toggle_visual(struct pager *p)
{
	if (p->cs->visual) {
		p->cs->visual = false;
		return;
	}
	p->cs->mark = pager_caret(p);
	p->cs->visual = true;
	p->cs->sel_exclusive = p->cs->sel_words = false;
	view_message("Selection: move with w b e h l j k ( ) { }, s sentence, p paragraph; "
	    "H highlights, Esc cancels");
}

static enum view_result
visual_request(struct pager *p, struct view *v, enum action a, int count)
{
	toggle_visual(p);
	show_caret(p, v);
	return VIEW_HANDLED;
}

static enum view_result
select_request(struct pager *p, struct view *v, enum action a, int count)
{
	select_sentence(p, a == ACTION_SELECT_PARAGRAPH);
	show_caret(p, v);
	return VIEW_HANDLED;
}

static enum view_result
motion_request(struct pager *p, struct view *v, enum action a, int count)
{
	int n = count > 0 ? count : 1;
	struct caret c = pager_caret(p);

	while (n-- > 0 && motion(p, a, &c))
		;
	p->cs->caret = c;
	selection_kind(p, a);
	show_caret(p, v);
	return VIEW_HANDLED;
}

static const struct pager_request rows[] = {
	{ ACTION_CARET_RIGHT, motion_request },
	{ ACTION_CARET_LEFT, motion_request },
	{ ACTION_CARET_LINE_DOWN, motion_request },
	{ ACTION_CARET_LINE_UP, motion_request },
	{ ACTION_CARET_LINE_START, motion_request },
	{ ACTION_CARET_LINE_END, motion_request },
	{ ACTION_CARET_WORD_NEXT, motion_request },
	{ ACTION_CARET_WORD_PREV, motion_request },
	{ ACTION_CARET_WORD_END, motion_request },
	{ ACTION_CARET_SENTENCE_NEXT, motion_request },
	{ ACTION_CARET_SENTENCE_PREV, motion_request },
	{ ACTION_CARET_PARAGRAPH_NEXT, motion_request },
	{ ACTION_CARET_PARAGRAPH_PREV, motion_request },
	{ ACTION_VISUAL, visual_request },
	{ ACTION_SELECT_SENTENCE, select_request },
	{ ACTION_SELECT_PARAGRAPH, select_request },
};

const struct pager_requests pager_caret_requests = { rows, GLOSS_ARRAY_SIZE(rows) };

/* ------------------------------------------------------------------ */
/* The mouse */

bool
pager_caret_hit(struct pager *p, struct view *v, int y, int x, struct caret *c)
{
	struct pos pos = p->top;
	struct doc_block *b;
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;

	if (y < 0 || y >= v->rows || pager_pos_down(p, &pos, y) < y)
		return false;
	b = doc_block(p->doc, pos.loc);
	if (b == NULL)
		return false;
	lines = pager_block_lines(p, pos.loc, b, &pr, &n);
	li = pos.row - pager_rule_rows(p, pos.loc);
	*c = caret_at_pos(p, pos);
	if (li < 0 || (size_t)li >= n || pager_fold_is_row(p, lines))
		return true;	/* a rule, a blank or a fold row: the block after it */
	c->off = byte_at_column(b, &lines[li], x - p->margin - pr.indent);
	return true;
}

enum view_result
pager_caret_mouse(struct pager *p, struct view *v)
{
	MEVENT ev;
	struct caret c;

	if (getmouse(&ev) != OK)
		return VIEW_HANDLED;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int n = ev.bstate & BUTTON4_PRESSED ? -3 : 3;

		if (n > 0)
			pager_pos_down(p, &p->top, n);
		else
			pager_pos_up(p, &p->top, -n);
		pager_clamp(p, v);
		pager_caret_follow(p, v);
		return VIEW_HANDLED;
	}
	if (!pager_caret_hit(p, v, ev.y, ev.x, &c))
		return VIEW_HANDLED;
	if (ev.bstate & BUTTON1_PRESSED) {
		p->cs->caret = p->cs->mark = c;
		p->cs->caret_on = true;
		p->cs->visual = false;
		p->cs->mouse_down = true;
		p->cs->sel_exclusive = p->cs->sel_words = false;
	} else if ((ev.bstate & BUTTON1_RELEASED) && p->cs->mouse_down) {
		p->cs->mouse_down = false;
		if (caret_cmp(c, p->cs->mark) != 0) {
			p->cs->caret = c;
			p->cs->visual = true;
			p->cs->sel_words = true;	/* a drag covers whole words, as on a Kindle */
			view_message("Selected with the mouse: H highlights, a adds a note, Esc cancels");
		}
	}
	return VIEW_HANDLED;
}

bool
pager_caret_selecting(const struct pager *p)
{
	return p->cs->visual;
}

void
pager_caret_selection_end(struct pager *p)
{
	p->cs->visual = false;
}
