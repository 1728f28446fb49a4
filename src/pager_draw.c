/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_draw — drawing the pager: rows of blocks in the reading column,
 * lines with the styles of their spans, search matches, and the status
 * line (see include/gloss/pager.h).
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/display.h"
#include "gloss/layout.h"
#include "gloss/options.h"
#include "gloss/pager.h"
#include "gloss/present.h"
#include "gloss/prompt.h"
#include "gloss/search.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

/* ------------------------------------------------------------------ */
/* Drawing */

struct line_ctx {
	struct pager *p;
	struct doc_loc loc;
	struct doc_block *b;
	const struct search_match *matches;
	size_t nmatches;
	bool current_here;	/* the current match is in this block */
	uint32_t current_start;	/* where it starts there */
	struct pager_hl *hls;	/* highlights in this block */
	size_t nhls;
	struct doc_span *extra;	/* note markers and bare URLs found by the notes and links modules */
	size_t nextra;
	uint32_t sel_a, sel_z;	/* the selection in this block ([a, z), empty if none) */
	uint32_t car_a, car_z;	/* the caret's cluster in this block (empty if elsewhere) */
	struct display_attr base;
	int y, x, maxw;
};

/* Narrows *next to the nearer of a range's edges after i; true if i is inside [a, z). */
static bool
in_range(uint32_t i, uint32_t a, uint32_t z, uint32_t *next)
{
	if (a >= z)
		return false;
	if (i < a) {
		*next = GLOSS_MIN(*next, a);
		return false;
	}
	if (i < z) {
		*next = GLOSS_MIN(*next, z);
		return true;
	}
	return false;
}

/* Highlights: where several overlap, the innermost (shortest) one shows. */
static struct display_attr
highlight_at(const struct line_ctx *c, uint32_t i, uint32_t *next, struct display_attr a)
{
	const struct pager_hl *best = NULL;

	for (size_t k = 0; k < c->nhls; k++) {
		const struct pager_hl *h = &c->hls[k];

		if (in_range(i, h->start, h->end, next) &&
		    (best == NULL || h->end - h->start < best->end - best->start))
			best = h;
	}
	return best ? pager_draw_attr_or(a, display_highlight(best->color)) : a;
}

struct display_attr
pager_draw_attr_or(struct display_attr a, struct display_attr b)
{
	a.attr |= b.attr;
	if (b.pair)
		a.pair = b.pair;
	return a;
}

static enum display_style
span_style(uint16_t kind)
{
	switch (kind) {
	case DOC_SPAN_EMPH: return DISPLAY_EMPH;
	case DOC_SPAN_STRONG: return DISPLAY_STRONG;
	case DOC_SPAN_CODE: return DISPLAY_CODE;
	case DOC_SPAN_LINK: return DISPLAY_LINK;
	case DOC_SPAN_SUP: case DOC_SPAN_NOTEREF: return DISPLAY_SUP;
	case DOC_SPAN_STRIKE: return DISPLAY_DIM;
	case DOC_SPAN_UNDERLINE: return DISPLAY_UNDERLINE;
	default:
		if (kind >= DOC_SPAN_FG && kind < DOC_SPAN_FG + DOC_SPAN_FG_COUNT)
			return (enum display_style)(DISPLAY_FG_BLACK + (kind - DOC_SPAN_FG));
		return DISPLAY_NORMAL;
	}
}

/* Adds the styles of the spans covering byte i to *a; narrows *next to where that may change. */
static void
span_styles(const struct doc_span *v, size_t n, uint32_t i, uint32_t *next, struct display_attr *a,
    const struct doc_span **sup, const struct doc_span **link)
{
	for (size_t k = 0; k < n; k++) {
		const struct doc_span *sp = &v[k];

		if (sp->start > i) {
			*next = GLOSS_MIN(*next, sp->start);
			break;
		}
		if (i < sp->end) {
			*a = pager_draw_attr_or(*a, display_style(span_style(sp->kind)));
			*next = GLOSS_MIN(*next, sp->end);
			if (sp->kind == DOC_SPAN_SUP || sp->kind == DOC_SPAN_NOTEREF)
				*sup = sp;
			else if (sp->kind == DOC_SPAN_LINK && sp->url)
				*link = sp;
		}
	}
}

/* Style at byte i, and the next byte where it may change (<= end). */
static struct display_attr
style_at(const struct line_ctx *c, uint32_t i, uint32_t end, uint32_t *next,
    const struct doc_span **sup, const struct doc_span **link)
{
	struct display_attr a = c->base;

	*next = end;
	*sup = *link = NULL;
	span_styles(c->b->spans, c->b->nspans, i, next, &a, sup, link);
	span_styles(c->extra, c->nextra, i, next, &a, sup, link);
	for (size_t k = 0; k < c->nmatches; k++) {
		const struct search_match *m = &c->matches[k];

		if (m->start > i) {
			*next = GLOSS_MIN(*next, m->start);
			break;
		}
		if (i < m->end) {
			bool cur = c->current_here && m->start == c->current_start;

			a = pager_draw_attr_or(a, display_style(cur ? DISPLAY_MATCH_CURRENT : DISPLAY_MATCH));
			*next = GLOSS_MIN(*next, m->end);
		}
	}
	a = highlight_at(c, i, next, a);
	if (in_range(i, c->sel_a, c->sel_z, next))
		a = pager_draw_attr_or(a, display_style(DISPLAY_SELECTED));
	if (in_range(i, c->car_a, c->car_z, next))
		a = pager_draw_attr_or(a, display_style(DISPLAY_CARET));
	return a;
}

static void
put_run(struct line_ctx *c, uint32_t a, uint32_t z, struct display_attr attr,
    const struct doc_span *sup, const struct doc_span *link)
{
	const char *s = c->b->text + a;
	size_t n = z - a;
	struct strbuf tmp = STRBUF_INIT;
	int x0 = c->x;

	if (sup && opt_glyphs == GLYPH_UTF8 &&
	    present_superscript(c->b->text + sup->start, sup->end - sup->start)) {
		for (size_t i = 0; i < n; i++)
			strbuf_addcp(&tmp, glyph_superscript((unsigned char)s[i]));
		s = strbuf_str(&tmp);
		n = tmp.len;
	}
	c->x += display_put(stdscr, c->y, c->x, s, n, c->maxw - c->x, attr, opt_glyphs);
	if (link)	/* one id per link: its pieces on several lines are one link */
		display_link(c->y, x0, c->x - x0, link->url, strlen(link->url),
		    (unsigned)((c->b->src_start + link->start) % 0xffffff) + 1);
	strbuf_done(&tmp);
}

static void
draw_line(struct line_ctx *c, const struct layout_line *line)
{
	uint32_t i = line->start;

	while (i < line->end) {
		uint32_t next;
		const struct doc_span *sup, *link;
		struct display_attr a = style_at(c, i, line->end, &next, &sup, &link);

		if (next <= i)
			next = line->end;
		put_run(c, i, next, a, sup, link);
		i = next;
	}
	if (line->hyphen)
		c->x += display_put(stdscr, c->y, c->x, "-", 1, c->maxw - c->x, c->base, opt_glyphs);
}

static struct display_attr
base_style(const struct present *pr)
{
	struct display_attr a = display_style(DISPLAY_NORMAL);

	if (pr->style & PRESENT_BOLD)
		a = pager_draw_attr_or(a, display_style(DISPLAY_BOLD));
	if (pr->style & PRESENT_UNDERLINE)
		a = pager_draw_attr_or(a, display_style(DISPLAY_UNDERLINE));
	if (pr->style & PRESENT_DIM)
		a = pager_draw_attr_or(a, display_style(DISPLAY_DIM));
	if (pr->style & PRESENT_ITALIC)
		a = pager_draw_attr_or(a, display_style(DISPLAY_EMPH));
	if (pr->style & PRESENT_CODE)
		a = pager_draw_attr_or(a, display_style(DISPLAY_CODE));
	return a;
}

static void
draw_rule(struct pager *p, int y)
{
	const char *rule = present_rule(opt_glyphs);
	int w = display_width(rule, strlen(rule), opt_glyphs);

	display_put(stdscr, y, p->margin + (p->width - w) / 2, rule, strlen(rule), w,
	    display_style(DISPLAY_DIM), opt_glyphs);
}

/* In the left margin, a mark where a highlight with a note begins on this line. */
static void
draw_mark(struct line_ctx *c, const struct layout_line *line, bool first)
{
	const char *mark = opt_glyphs == GLYPH_UTF8 ? "\xE2\x9C\x8E" : "*";	/* ✎ */

	if (c->p->margin < 1)
		return;
	for (size_t k = 0; k < c->nhls; k++) {
		const struct pager_hl *h = &c->hls[k];

		if (h->note && h->starts_here && h->start >= line->start &&
		    (h->start < line->end || (first && h->start == 0))) {
			display_put(stdscr, c->y, c->p->margin - 1, mark, strlen(mark), 1,
			    display_style(DISPLAY_MARK), opt_glyphs);
			return;
		}
	}
}

/* A caret on the spaces at the end of a line (not drawn as text) shows after it. */
static void
draw_caret_after(struct line_ctx *c, const struct layout_line *line, uint32_t next_start)
{
	if (c->car_a >= c->car_z || c->car_a < line->end || c->car_a >= next_start ||
	    c->x >= c->maxw)
		return;
	display_put(stdscr, c->y, c->x, " ", 1, 1, display_style(DISPLAY_CARET), opt_glyphs);
}

/* Row li of a table row block: its cells in their columns, or the rule under a header. */
static void
draw_table_row(struct line_ctx *c, const struct present *pr, const struct present_table *t, int li)
{
	struct pager *p = c->p;
	const char *sep = present_table_separator(opt_glyphs);
	int left = p->margin + pr->indent;

	display_put(stdscr, c->y, p->margin, li == 0 ? pr->first : pr->rest,
	    strlen(li == 0 ? pr->first : pr->rest), pr->indent, display_style(DISPLAY_DIM), opt_glyphs);
	if (li >= t->rows) {
		struct strbuf sb = STRBUF_INIT;

		present_table_rule(t, opt_glyphs, &sb);
		display_put(stdscr, c->y, left, sb.buf, sb.len, t->width, display_style(DISPLAY_DIM),
		    opt_glyphs);
		strbuf_done(&sb);
		return;
	}
	c->base = base_style(pr);
	for (int k = 0; k < t->ncols; k++) {
		const struct layout_line *l = &t->cells[li * t->ncols + k];

		if (k > 0)
			display_put(stdscr, c->y, left + t->x[k] - 3, sep, strlen(sep), 3,
			    display_style(DISPLAY_DIM), opt_glyphs);
		c->x = left + t->x[k] + present_table_offset(t, k, l);
		c->maxw = left + t->x[k] + t->w[k];
		draw_line(c, l);
	}
}

/* Draws row `row` of block b at screen row y. */
static void
draw_row(struct line_ctx *c, int row)
{
	struct pager *p = c->p;
	struct present pr;
	size_t n;
	const struct layout_line *lines = pager_block_lines(p, c->loc, c->b, &pr, &n);
	int front = pager_front_rows(p, c->loc);
	int li = row - front - ((c->b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0);
	const char *prefix;

	if (row < front) {
		if (row < front - 1)	/* the last is blank */
			pager_front_draw(p, row, c->y);
		return;
	}
	if (li < 0 || ((size_t)li == n && (c->b->flags & DOC_BLOCK_RULE_AFTER))) {
		draw_rule(p, c->y);
		return;
	}
	if (!pager_fold_is_row(p, lines) && (c->b->flags & DOC_BLOCK_TABLE) && pager_table(p, c->b, &pr)) {
		const struct present_table *t = pager_table(p, c->b, &pr);

		if (li < t->rows || (li == t->rows && t->header))
			draw_table_row(c, &pr, t, li);
		return;
	}
	if ((size_t)li >= n)
		return;
	if (pager_fold_is_row(p, lines)) {
		pager_fold_draw(p, c->loc, c->y);
		return;
	}
	prefix = li == 0 ? pr.first : pr.rest;
	c->base = base_style(&pr);
	c->x = p->margin;
	c->maxw = p->margin + p->width;
	c->x += display_put(stdscr, c->y, c->x, prefix, strlen(prefix), pr.indent,
	    display_style(DISPLAY_DIM), opt_glyphs);
	c->x = p->margin + pr.indent;
	draw_mark(c, &lines[li], li == 0);
	draw_line(c, &lines[li]);
	draw_caret_after(c, &lines[li], (size_t)li + 1 < n ? lines[li + 1].start : c->b->len);
}

/* Finds the matches of the current search in block b (a copy, caller frees). */
static size_t
block_matches(struct pager *p, struct doc_block *b, struct search_match **out)
{
	struct search *s = pager_search_shown(p);
	const struct search_match *v;
	size_t n;

	*out = NULL;
	if (s == NULL)
		return 0;
	n = search_block(s, b->text, b->len, &v);
	if (n) {
		*out = xreallocarray(NULL, n, sizeof *v);
		memcpy(*out, v, n * sizeof *v);
	}
	return n;
}

/* The selection (snapped, from pager_caret_selection_carets) and the caret as byte ranges of block loc. */
static void
block_marks(struct pager *p, struct line_ctx *c, struct doc_loc loc, const struct caret *sel)
{
	struct caret car;

	c->sel_a = c->sel_z = c->car_a = c->car_z = 0;
	if (pager_caret_shown(p, &car) && doc_loc_cmp(car.loc, loc) == 0) {
		c->car_a = car.off;
		c->car_z = caret_cluster_end(p->doc, car);
		if (c->car_z == c->car_a)
			c->car_z = c->car_a + 1;	/* an empty block: a cell after the text */
	}
	if (sel == NULL || doc_loc_cmp(loc, sel[0].loc) < 0 || doc_loc_cmp(loc, sel[1].loc) > 0)
		return;
	c->sel_a = doc_loc_cmp(loc, sel[0].loc) == 0 ? sel[0].off : 0;
	c->sel_z = doc_loc_cmp(loc, sel[1].loc) == 0 ? sel[1].off : c->b->len;
}

void
pager_draw(struct view *v)
{
	struct pager *p = v->data;
	struct pos pos = p->top;
	struct line_ctx c = { .p = p, .hls = NULL, .extra = NULL };
	struct search_match *matches = NULL;
	struct doc_loc loaded = { UINT32_MAX, UINT32_MAX };
	struct caret sel[2];
	struct doc_loc mloc;
	struct search_match mm = { 0 };
	bool selected;

	if (p->empty) {
		display_put(stdscr, 0, p->margin, "(empty document)", 16, p->width,
		    display_style(DISPLAY_DIM), opt_glyphs);
		return;
	}
	pager_fold_settle(p, v);
	pager_annot_refresh(p, v);
	selected = pager_caret_selection_carets(p, &sel[0], &sel[1]);
	for (int y = 0; y < v->rows; y++) {
		if (doc_loc_cmp(loaded, pos.loc) != 0) {
			free(matches);
			free(c.hls);
			free(c.extra);
			c.extra = NULL;
			c.loc = pos.loc;
			c.b = doc_block(p->doc, pos.loc);
			if (c.b == NULL)
				break;
			c.nmatches = block_matches(p, c.b, &matches);
			c.matches = matches;
			c.current_here = pager_search_current(p, &mloc, &mm) &&
			    doc_loc_cmp(mloc, pos.loc) == 0;
			c.current_start = mm.start;
			c.nhls = pager_annot_block(p, pos.loc, &c.hls);
			c.nextra = pager_notes_block(p, pos.loc, c.b, &c.extra);
			block_marks(p, &c, pos.loc, selected ? sel : NULL);
			loaded = pos.loc;
		}
		c.y = y;
		draw_row(&c, pos.row);
		if (pager_pos_down(p, &pos, 1) == 0)
			break;
	}
	free(matches);
	free(c.hls);
	free(c.extra);
	pager_annot_seen(p, v);
	pager_side_draw(p, v);
}

/* ------------------------------------------------------------------ */
/* Status */

/* The position of the bottom row, as a fraction of the document. */
static double
bottom_fraction(struct pager *p, struct view *v, bool *at_end)
{
	struct pos bottom = p->top, after;
	struct doc_block *b;
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;

	/* at the end when no row follows the last one on screen (the end itself is not computed) */
	pager_pos_down(p, &bottom, v->rows - 1);
	after = bottom;
	*at_end = pager_pos_down(p, &after, 1) == 0;
	if (*at_end)
		return 1.0;
	b = doc_block(p->doc, bottom.loc);
	if (b == NULL)
		return 1.0;
	lines = pager_block_lines(p, bottom.loc, b, &pr, &n);
	li = bottom.row - pager_rule_rows(p, bottom.loc);
	li = GLOSS_MAX(0, GLOSS_MIN(li, (int)n - 1));
	return doc_fraction(p->doc, bottom.loc, lines[li].end);
}

void
pager_draw_status(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct pager *p = v->data;
	bool at_end = false;
	double f = p->empty ? 1.0 : bottom_fraction(p, v, &at_end);

	strbuf_adds(left, p->title);
	if (p->changed)
		strbuf_adds(right, "CHANGED: R  ");
	pager_annot_status(p, right);
	pager_search_status(p, right);
	if (p->npaths > 1)
		strbuf_addf(right, "[%zu/%zu]  ", p->cur + 1, p->npaths);
	if (at_end)
		strbuf_adds(right, "END");
	else
		strbuf_addf(right, "%d%%", (int)(f * 100.0));
}

