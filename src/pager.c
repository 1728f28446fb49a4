/*
 * pager — the reading view (see include/gloss/pager.h): geometry of the
 * reading column, positions and scrolling, drawing of lines with their
 * spans and search matches, searching, switching files, the status line.
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

#define IDLE_MEASURE_US 1500

struct pos {
	struct doc_loc loc;
	int row;		/* row within the block's rows */
};

struct saved {
	bool valid;
	struct pos top;
};

struct pager {
	char **paths;
	size_t npaths, cur;
	struct saved *saved;	/* per file: where the reader was */
	struct doc *doc;
	bool empty;
	struct pos top;
	bool anchored;		/* resizing keeps anchor (until the reader moves) */
	struct doc_loc anchor_loc;
	uint32_t anchor;
	int margin, width;	/* the reading column */
	bool end_valid;
	struct pos end;		/* the top position that shows the last row at the bottom */
	struct search *search;
	bool backward, show_matches;
	bool has_match;
	struct doc_loc match_loc;
	struct search_match match;
};

/* ------------------------------------------------------------------ */
/* Geometry and blocks */

static void
geometry(struct pager *p, int cols)
{
	int margin = cols > 40 ? 1 : 0;
	int width = cols - 2 * margin;

	if (width > opt_column) {
		margin = (cols - opt_column) / 2;
		width = opt_column;
	}
	p->margin = margin;
	p->width = width > 1 ? width : 1;
	p->end_valid = false;
}

/* The lines of a block in the reading column. */
static const struct layout_line *
block_lines(struct pager *p, struct doc_block *b, struct present *pr, size_t *n)
{
	struct layout_opts o;

	present_block(b, opt_glyphs, false, p->width, pr);
	o = present_layout_opts(pr, p->width, opt_glyphs);
	return layout_block(b, &o, n);
}

static bool
is_last(struct pager *p, struct doc_loc loc)
{
	return !doc_next(p->doc, &loc);
}

/* Rows of a block: rule, lines, and the blank row that separates it from the next. */
static int
block_rows(struct pager *p, struct doc_loc loc)
{
	struct doc_block *b = doc_block(p->doc, loc);
	struct present pr;
	size_t n;
	int rows;

	if (b == NULL)
		return 1;
	block_lines(p, b, &pr, &n);
	rows = (int)n + ((b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0);
	if (!(b->flags & DOC_BLOCK_JOINED) && !is_last(p, loc))
		rows++;
	return rows;
}

static int
rule_rows(struct pager *p, struct doc_loc loc)
{
	struct doc_block *b = doc_block(p->doc, loc);

	return b && (b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0;
}

static int
pos_cmp(struct pos a, struct pos b)
{
	int c = doc_loc_cmp(a.loc, b.loc);

	return c ? c : (a.row > b.row) - (a.row < b.row);
}

/* Moves *pos down n rows; returns the rows actually moved. */
static int
pos_down(struct pager *p, struct pos *pos, int n)
{
	int moved = 0;

	while (n > 0) {
		int rows = block_rows(p, pos->loc);
		struct doc_loc next = pos->loc;

		if (pos->row + n < rows) {
			pos->row += n;
			return moved + n;
		}
		if (!doc_next(p->doc, &next)) {
			moved += rows - 1 - pos->row;
			pos->row = rows - 1;
			return moved;
		}
		n -= rows - pos->row;
		moved += rows - pos->row;
		pos->loc = next;
		pos->row = 0;
	}
	return moved;
}

static void
pos_up(struct pager *p, struct pos *pos, int n)
{
	while (n > 0) {
		if (pos->row >= n) {
			pos->row -= n;
			return;
		}
		n -= pos->row;
		if (!doc_prev(p->doc, &pos->loc)) {
			pos->row = 0;
			return;
		}
		pos->row = block_rows(p, pos->loc);
	}
}

/* The top position that puts the last row of the document on the last screen row. */
static struct pos
end_pos(struct pager *p, int screen_rows)
{
	struct pos e = { { 0, 0 }, 0 };

	if (p->end_valid)
		return p->end;
	if (doc_last(p->doc, &e.loc)) {
		e.row = block_rows(p, e.loc);
		pos_up(p, &e, screen_rows);
	}
	p->end = e;
	p->end_valid = true;
	return e;
}

static void
clamp(struct pager *p, struct view *v)
{
	struct pos e = end_pos(p, v->rows);

	if (pos_cmp(p->top, e) > 0)
		p->top = e;
}

/* The byte at which the top row starts (for keeping the place on resize). */
static uint32_t
top_anchor(struct pager *p)
{
	struct doc_block *b = doc_block(p->doc, p->top.loc);
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;

	if (b == NULL)
		return 0;
	lines = block_lines(p, b, &pr, &n);
	li = p->top.row - rule_rows(p, p->top.loc);
	if (li < 0)
		return 0;
	if ((size_t)li >= n)
		return b->len;
	return lines[li].start;
}

/* The position of the row holding byte `off` of block loc. */
static struct pos
pos_of_byte(struct pager *p, struct doc_loc loc, uint32_t off)
{
	struct doc_block *b = doc_block(p->doc, loc);
	struct pos pos = { loc, 0 };
	struct present pr;
	size_t n;
	const struct layout_line *lines;

	if (b == NULL)
		return pos;
	lines = block_lines(p, b, &pr, &n);
	pos.row = rule_rows(p, loc) + (int)layout_line_at(lines, n, off);
	return pos;
}

/* ------------------------------------------------------------------ */
/* Drawing */

struct line_ctx {
	struct pager *p;
	struct doc_block *b;
	const struct search_match *matches;
	size_t nmatches;
	bool current_here;	/* the current match is in this block */
	struct display_attr base;
	int y, x, maxw;
};

static struct display_attr
attr_or(struct display_attr a, struct display_attr b)
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
	default: return DISPLAY_NORMAL;
	}
}

/* Style at byte i, and the next byte where it may change (<= end). */
static struct display_attr
style_at(const struct line_ctx *c, uint32_t i, uint32_t end, uint32_t *next,
    const struct doc_span **sup)
{
	struct display_attr a = c->base;

	*next = end;
	*sup = NULL;
	for (uint32_t k = 0; k < c->b->nspans; k++) {
		const struct doc_span *sp = &c->b->spans[k];

		if (sp->start > i) {
			*next = GLOSS_MIN(*next, sp->start);
			break;
		}
		if (i < sp->end) {
			a = attr_or(a, display_style(span_style(sp->kind)));
			*next = GLOSS_MIN(*next, sp->end);
			if (sp->kind == DOC_SPAN_SUP || sp->kind == DOC_SPAN_NOTEREF)
				*sup = sp;
		}
	}
	for (size_t k = 0; k < c->nmatches; k++) {
		const struct search_match *m = &c->matches[k];

		if (m->start > i) {
			*next = GLOSS_MIN(*next, m->start);
			break;
		}
		if (i < m->end) {
			bool cur = c->current_here && m->start == c->p->match.start;

			a = attr_or(a, display_style(cur ? DISPLAY_SELECTED : DISPLAY_MATCH));
			*next = GLOSS_MIN(*next, m->end);
		}
	}
	return a;
}

static void
put_run(struct line_ctx *c, uint32_t a, uint32_t z, struct display_attr attr,
    const struct doc_span *sup)
{
	const char *s = c->b->text + a;
	size_t n = z - a;
	struct strbuf tmp = STRBUF_INIT;

	if (sup && opt_glyphs == GLYPH_UTF8 &&
	    present_superscript(c->b->text + sup->start, sup->end - sup->start)) {
		for (size_t i = 0; i < n; i++)
			strbuf_addcp(&tmp, glyph_superscript((unsigned char)s[i]));
		s = strbuf_str(&tmp);
		n = tmp.len;
	}
	c->x += display_put(stdscr, c->y, c->x, s, n, c->maxw - c->x, attr, opt_glyphs);
	strbuf_done(&tmp);
}

static void
draw_line(struct line_ctx *c, const struct layout_line *line)
{
	uint32_t i = line->start;

	while (i < line->end) {
		uint32_t next;
		const struct doc_span *sup;
		struct display_attr a = style_at(c, i, line->end, &next, &sup);

		if (next <= i)
			next = line->end;
		put_run(c, i, next, a, sup);
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
		a = attr_or(a, display_style(DISPLAY_BOLD));
	if (pr->style & PRESENT_DIM)
		a = attr_or(a, display_style(DISPLAY_DIM));
	if (pr->style & PRESENT_ITALIC)
		a = attr_or(a, display_style(DISPLAY_EMPH));
	if (pr->style & PRESENT_CODE)
		a = attr_or(a, display_style(DISPLAY_CODE));
	return a;
}

static void
draw_rule(struct pager *p, int y)
{
	const char *rule = opt_glyphs == GLYPH_UTF8 ? "\xE2\x81\x82" : "* * *";	/* ⁂ */
	int w = display_width(rule, strlen(rule), opt_glyphs);

	display_put(stdscr, y, p->margin + (p->width - w) / 2, rule, strlen(rule), w,
	    display_style(DISPLAY_DIM), opt_glyphs);
}

/* Draws row `row` of block b at screen row y. */
static void
draw_row(struct line_ctx *c, int row)
{
	struct pager *p = c->p;
	struct present pr;
	size_t n;
	const struct layout_line *lines = block_lines(p, c->b, &pr, &n);
	int li = row - ((c->b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0);
	const char *prefix;

	if (li < 0) {
		draw_rule(p, c->y);
		return;
	}
	if ((size_t)li >= n)
		return;
	prefix = li == 0 ? pr.first : pr.rest;
	c->base = base_style(&pr);
	c->x = p->margin;
	c->maxw = p->margin + p->width;
	c->x += display_put(stdscr, c->y, c->x, prefix, strlen(prefix), pr.indent,
	    display_style(DISPLAY_DIM), opt_glyphs);
	c->x = p->margin + pr.indent;
	draw_line(c, &lines[li]);
}

/* Finds the matches of the current search in block b (a copy, caller frees). */
static size_t
block_matches(struct pager *p, struct doc_block *b, struct search_match **out)
{
	const struct search_match *v;
	size_t n;

	*out = NULL;
	if (!p->search || !p->show_matches)
		return 0;
	n = search_block(p->search, b->text, b->len, &v);
	if (n) {
		*out = xreallocarray(NULL, n, sizeof *v);
		memcpy(*out, v, n * sizeof *v);
	}
	return n;
}

static void
pager_draw(struct view *v)
{
	struct pager *p = v->data;
	struct pos pos = p->top;
	struct line_ctx c = { .p = p };
	struct search_match *matches = NULL;
	struct doc_loc loaded = { UINT32_MAX, UINT32_MAX };

	if (p->empty) {
		display_put(stdscr, 0, p->margin, "(empty document)", 16, p->width,
		    display_style(DISPLAY_DIM), opt_glyphs);
		return;
	}
	for (int y = 0; y < v->rows; y++) {
		if (doc_loc_cmp(loaded, pos.loc) != 0) {
			free(matches);
			c.b = doc_block(p->doc, pos.loc);
			if (c.b == NULL)
				break;
			c.nmatches = block_matches(p, c.b, &matches);
			c.matches = matches;
			c.current_here = p->has_match && doc_loc_cmp(p->match_loc, pos.loc) == 0;
			loaded = pos.loc;
		}
		c.y = y;
		draw_row(&c, pos.row);
		if (pos_down(p, &pos, 1) == 0)
			break;
	}
	free(matches);
}

/* ------------------------------------------------------------------ */
/* Status */

/* The position of the bottom row, as a fraction of the document. */
static double
bottom_fraction(struct pager *p, struct view *v, bool *at_end)
{
	struct pos bottom = p->top, e = end_pos(p, v->rows);
	struct doc_block *b;
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;

	*at_end = pos_cmp(p->top, e) >= 0;
	if (*at_end)
		return 1.0;
	pos_down(p, &bottom, v->rows - 1);
	b = doc_block(p->doc, bottom.loc);
	if (b == NULL)
		return 1.0;
	lines = block_lines(p, b, &pr, &n);
	li = bottom.row - rule_rows(p, bottom.loc);
	li = GLOSS_MAX(0, GLOSS_MIN(li, (int)n - 1));
	return doc_fraction(p->doc, bottom.loc, lines[li].end);
}

static void
pager_status(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct pager *p = v->data;
	bool at_end = false;
	double f = p->empty ? 1.0 : bottom_fraction(p, v, &at_end);

	strbuf_adds(left, doc_title(p->doc));
	if (p->search && p->show_matches)
		strbuf_addf(right, "%c%s  ", p->backward ? '?' : '/', search_pattern(p->search));
	if (p->npaths > 1)
		strbuf_addf(right, "[%zu/%zu]  ", p->cur + 1, p->npaths);
	if (at_end)
		strbuf_adds(right, "END");
	else
		strbuf_addf(right, "%d%%", (int)(f * 100.0));
}

/* ------------------------------------------------------------------ */
/* Searching */

struct progress {
	struct timespec last;
};

static bool
search_progress(void *arg, double fraction)
{
	struct progress *pr = arg;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - pr->last.tv_sec) * 1000 + (now.tv_nsec - pr->last.tv_nsec) / 1000000 < 100)
		return true;
	pr->last = now;
	if (display_key_pending()) {
		struct key k;

		display_getkey(&k, 0);
		return false;
	}
	view_status_now("Searching… %d%% (any key stops)", (int)(fraction * 100));
	return true;
}

/* Is the row holding byte off of block loc on screen? */
static bool
on_screen(struct pager *p, struct view *v, struct doc_loc loc, uint32_t off)
{
	struct pos target = pos_of_byte(p, loc, off), bottom = p->top;

	pos_down(p, &bottom, v->rows - 1);
	return pos_cmp(target, p->top) >= 0 && pos_cmp(target, bottom) <= 0;
}

static void
run_search(struct pager *p, struct view *v, bool backward)
{
	struct progress pr;
	struct doc_loc from = p->top.loc, loc;
	struct search_match m;
	bool wrapped;
	uint32_t off;
	enum search_result r;

	if (p->has_match) {
		from = p->match_loc;
		off = backward ? p->match.start : p->match.start + 1;
	} else {
		off = top_anchor(p);	/* from the first line on screen, as less does */
	}
	clock_gettime(CLOCK_MONOTONIC, &pr.last);
	r = search_doc(p->search, p->doc, from, off, backward, search_progress, &pr, &loc, &m,
	    &wrapped);
	p->show_matches = true;
	if (r == SEARCH_CANCELLED) {
		view_message("Search stopped");
		return;
	}
	if (r == SEARCH_NONE) {
		view_message("Pattern not found: %s", search_pattern(p->search));
		p->has_match = false;
		return;
	}
	p->has_match = true;
	p->match_loc = loc;
	p->match = m;
	if (!on_screen(p, v, loc, m.start)) {
		p->top = pos_of_byte(p, loc, m.start);
		clamp(p, v);
	}
	if (wrapped)
		view_message(backward ? "Search wrapped to the end" : "Search wrapped to the top");
}

static void
start_search(struct pager *p, struct view *v, bool backward)
{
	struct prompt_opts o = { .label = backward ? "?" : "/" };
	struct strbuf text = STRBUF_INIT;
	struct search *s;

	if (!prompt_read(&o, &text) || text.len == 0) {
		strbuf_done(&text);
		return;
	}
	s = search_new(strbuf_str(&text), text.len);
	strbuf_done(&text);
	if (s == NULL) {
		view_message("Nothing to search for");
		return;
	}
	search_free(p->search);
	p->search = s;
	p->backward = backward;
	p->has_match = false;
	run_search(p, v, backward);
}

static void
repeat_search(struct pager *p, struct view *v, bool reverse)
{
	if (p->search == NULL) {
		view_message("No previous search");
		return;
	}
	run_search(p, v, p->backward != reverse);
}

/* ------------------------------------------------------------------ */
/* Files */

static void
reset_doc_state(struct pager *p)
{
	struct doc_loc first;

	p->empty = !doc_first(p->doc, &first);
	p->top.loc = first;
	p->top.row = 0;
	p->end_valid = false;
	p->has_match = false;
}

static void
switch_file(struct pager *p, struct view *v, size_t to)
{
	struct doc_options opt = { .force = opt_force, .format = -1, .tab_width = 8 };
	struct doc *doc;
	enum gloss_status rc;

	if (to >= p->npaths) {
		view_message(to == p->npaths ? "No next file" : "No previous file");
		return;
	}
	rc = doc_open(p->paths[to], &opt, &doc);
	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	p->saved[p->cur].valid = true;
	p->saved[p->cur].top = p->top;
	doc_free(p->doc);
	p->doc = doc;
	p->cur = to;
	reset_doc_state(p);
	if (p->saved[to].valid && doc_block(p->doc, p->saved[to].top.loc)) {
		p->top = p->saved[to].top;
		clamp(p, v);
	}
}

/* ------------------------------------------------------------------ */
/* Requests */

static void
move_rows(struct pager *p, struct view *v, int n)
{
	if (n >= 0) {
		pos_down(p, &p->top, n);
		clamp(p, v);
	} else {
		pos_up(p, &p->top, -n);
	}
}

static void
go_fraction(struct pager *p, struct view *v, double f)
{
	struct doc_loc loc;

	if (doc_seek_fraction(p->doc, f, &loc)) {
		p->top.loc = loc;
		p->top.row = 0;
		clamp(p, v);
	}
}

static enum view_result
move_request(struct pager *p, struct view *v, enum action a, int count)
{
	int n = count > 0 ? count : 1;
	int page = v->rows > 2 ? v->rows - 1 : 1;

	switch (a) {
	case ACTION_LINE_DOWN: move_rows(p, v, n); break;
	case ACTION_LINE_UP: move_rows(p, v, -n); break;
	case ACTION_PAGE_DOWN: move_rows(p, v, page * n); break;
	case ACTION_PAGE_UP: move_rows(p, v, -page * n); break;
	case ACTION_HALF_DOWN: move_rows(p, v, v->rows / 2 * n); break;
	case ACTION_HALF_UP: move_rows(p, v, -(v->rows / 2) * n); break;
	case ACTION_TOP:
		doc_first(p->doc, &p->top.loc);
		p->top.row = 0;
		break;
	case ACTION_BOTTOM: p->top = end_pos(p, v->rows); break;
	case ACTION_PERCENT: go_fraction(p, v, GLOSS_MIN(count, 100) / 100.0); break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static enum view_result
pager_request(struct view *v, enum action a, int count)
{
	struct pager *p = v->data;

	p->anchored = false;

	if (p->empty && a != ACTION_NEXT_FILE && a != ACTION_PREV_FILE)
		return VIEW_UNHANDLED;
	switch (a) {
	case ACTION_SEARCH_FORWARD: start_search(p, v, false); break;
	case ACTION_SEARCH_BACKWARD: start_search(p, v, true); break;
	case ACTION_SEARCH_NEXT: repeat_search(p, v, false); break;
	case ACTION_SEARCH_PREV: repeat_search(p, v, true); break;
	case ACTION_SEARCH_CLEAR:
		p->show_matches = false;
		p->has_match = false;
		break;
	case ACTION_NEXT_FILE: switch_file(p, v, p->cur + 1); break;
	case ACTION_PREV_FILE: switch_file(p, v, p->cur == 0 ? p->npaths + 1 : p->cur - 1); break;
	case ACTION_FILE_INFO:
		view_message("%s  (%zu of %zu)", doc_path(p->doc), p->cur + 1, p->npaths);
		break;
	default:
		return move_request(p, v, a, count);
	}
	return VIEW_HANDLED;
}

static enum view_result
pager_key(struct view *v, const struct key *k)
{
	struct pager *p = v->data;

	if (k->fn && k->code == KEY_MOUSE) {
		MEVENT ev;

		p->anchored = false;
		if (getmouse(&ev) == OK) {
			if (ev.bstate & BUTTON4_PRESSED)
				move_rows(p, v, -3);
			else if (ev.bstate & BUTTON5_PRESSED)
				move_rows(p, v, 3);
		}
		return VIEW_HANDLED;
	}
	return VIEW_UNHANDLED;
}

/*
 * Keeps the first visible word on the first row.  The word is remembered
 * until the reader moves, so resizing back and forth returns to it exactly.
 */
static void
pager_resize(struct view *v)
{
	struct pager *p = v->data;

	if (!p->empty && !p->anchored) {
		p->anchor_loc = p->top.loc;
		p->anchor = top_anchor(p);
		p->anchored = true;
	}
	geometry(p, v->cols);
	if (p->empty)
		return;
	p->top = pos_of_byte(p, p->anchor_loc, p->anchor);
	clamp(p, v);
}

static bool
pager_idle(struct view *v, unsigned budget_us)
{
	struct pager *p = v->data;

	(void)budget_us;
	return doc_idle(p->doc, IDLE_MEASURE_US);
}

static void
pager_done(struct view *v)
{
	struct pager *p = v->data;

	for (size_t i = 0; i < p->npaths; i++)
		free(p->paths[i]);
	free(p->paths);
	free(p->saved);
	search_free(p->search);
	doc_free(p->doc);
	free(p);
}

static const struct view_ops pager_ops = {
	.name = "pager",
	.draw = pager_draw,
	.request = pager_request,
	.key = pager_key,
	.resize = pager_resize,
	.idle = pager_idle,
	.status = pager_status,
	.done = pager_done,
};

struct view *
pager_view_new(char *const *paths, size_t n, size_t first, struct doc *doc)
{
	struct pager *p = xcalloc(1, sizeof *p);

	p->paths = xcalloc(n, sizeof *p->paths);
	for (size_t i = 0; i < n; i++)
		p->paths[i] = xstrdup(paths[i]);
	p->npaths = n;
	p->cur = first;
	p->saved = xcalloc(n, sizeof *p->saved);
	p->doc = doc;
	reset_doc_state(p);
	geometry(p, view_cols());
	return view_new(&pager_ops, p);
}
