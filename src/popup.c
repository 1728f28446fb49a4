/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * popup — a scrollable box of text over the view below (see
 * include/gloss/popup.h).  The text is wrapped by the layout module.
 */
#include "gloss/gloss.h"

#include "gloss/display.h"
#include "gloss/layout.h"
#include "gloss/options.h"
#include "gloss/popup.h"
#include "gloss/xmalloc.h"

struct popup {
	struct view *below;
	char *title, *text, *hint;
	void (*on_enter)(void *arg);
	void *arg;
	struct layout_line *lines;
	size_t nlines;
	int width;		/* the width the lines were wrapped to */
	size_t scroll;
};

static void
wrap(struct popup *pp, int width)
{
	struct layout_opts o = layout_defaults(width);

	if (pp->lines && pp->width == width)
		return;
	free(pp->lines);
	o.mode = opt_glyphs;
	pp->nlines = layout_wrap(pp->text, strlen(pp->text), &o, &pp->lines);
	pp->width = width;
}

static void
box_row(int y, int x, int w, const char *left, const char *fill, const char *right,
    const char *label)
{
	struct display_attr a = display_style(DISPLAY_DIM);
	int end = x + w - 1;

	display_put(stdscr, y, x, left, strlen(left), 1, a, opt_glyphs);
	for (int i = x + 1; i < end; i++)
		display_put(stdscr, y, i, fill, strlen(fill), 1, a, opt_glyphs);
	display_put(stdscr, y, end, right, strlen(right), 1, a, opt_glyphs);
	if (label && *label)
		display_put(stdscr, y, x + 2, label, strlen(label), w - 4, display_style(DISPLAY_BOLD),
		    opt_glyphs);
}

static void
popup_draw(struct view *v)
{
	struct popup *pp = v->data;
	bool u = opt_glyphs == GLYPH_UTF8;
	int w = GLOSS_MIN(v->cols - 2, 78), inner, h, y0, x0;

	pp->below->ops->draw(pp->below);
	if (w < 8 || v->rows < 4)
		return;
	inner = w - 4;
	wrap(pp, inner);
	h = (int)GLOSS_MIN(pp->nlines, (size_t)(v->rows - 4)) + 2;
	y0 = (v->rows - h) / 2;
	x0 = (v->cols - w) / 2;
	if (pp->scroll + (size_t)(h - 2) > pp->nlines)
		pp->scroll = pp->nlines > (size_t)(h - 2) ? pp->nlines - (size_t)(h - 2) : 0;
	box_row(y0, x0, w, u ? "┌" : "+", u ? "─" : "-", u ? "┐" : "+", pp->title);
	for (int r = 1; r < h - 1; r++) {
		size_t li = pp->scroll + (size_t)(r - 1);

		box_row(y0 + r, x0, w, u ? "│" : "|", " ", u ? "│" : "|", NULL);
		if (li < pp->nlines)
			display_put(stdscr, y0 + r, x0 + 2, pp->text + pp->lines[li].start,
			    pp->lines[li].end - pp->lines[li].start, inner, display_style(DISPLAY_NORMAL),
			    opt_glyphs);
	}
	box_row(y0 + h - 1, x0, w, u ? "└" : "+", u ? "─" : "-", u ? "┘" : "+", pp->hint);
}

static enum view_result
popup_request(struct view *v, enum action a, int count)
{
	struct popup *pp = v->data;

	(void)count;
	switch (a) {
	case ACTION_LINE_DOWN: case ACTION_PAGE_DOWN: case ACTION_HALF_DOWN:
		if (pp->scroll + 1 < pp->nlines)
			pp->scroll++;
		return VIEW_HANDLED;
	case ACTION_LINE_UP: case ACTION_PAGE_UP: case ACTION_HALF_UP:
		if (pp->scroll > 0)
			pp->scroll--;
		return VIEW_HANDLED;
	case ACTION_COPY:
		view_copy("the text", pp->text, strlen(pp->text));
		return VIEW_HANDLED;
	case ACTION_ENTER:
		if (pp->on_enter)
			pp->on_enter(pp->arg);
		return VIEW_CLOSE;
	case ACTION_QUIT: case ACTION_SEARCH_CLEAR: case ACTION_NOTE_POPUP:
		return VIEW_CLOSE;
	case ACTION_HELP: case ACTION_REDRAW: case ACTION_MESSAGES:
		return VIEW_UNHANDLED;
	default:
		return VIEW_HANDLED;	/* the page below stays as it is */
	}
}

static void
popup_status(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct popup *pp = v->data;

	strbuf_adds(left, pp->title);
	(void)right;
}

static void
popup_resize(struct view *v)
{
	struct popup *pp = v->data;

	pp->width = 0;	/* wrap again at the next draw (view.c resized the view below) */
}

static void
popup_done(struct view *v)
{
	struct popup *pp = v->data;

	free(pp->title);
	free(pp->text);
	free(pp->hint);
	free(pp->lines);
	free(pp);
}

static const struct view_ops popup_ops = {
	.name = "popup",
	.draw = popup_draw,
	.request = popup_request,
	.resize = popup_resize,
	.status = popup_status,
	.done = popup_done,
};

struct view *
popup_new(struct view *below, const char *title, const char *text,
    void (*on_enter)(void *arg), void *arg, const char *enter_hint)
{
	struct popup *pp = xcalloc(1, sizeof *pp);

	pp->below = below;
	pp->title = xstrdup(title);
	pp->text = xstrdup(text);
	pp->hint = on_enter ? xasprintf("Enter %s · y copy · q close", enter_hint)
	    : xstrdup("y copy · q close");
	pp->on_enter = on_enter;
	pp->arg = arg;
	return view_new(&popup_ops, pp);
}

void
popup_messages(void *arg)
{
	struct strbuf text = STRBUF_INIT;
	struct view *top = view_top();

	(void)arg;
	view_messages(&text);
	if (top == NULL)
		return;
	if (text.len == 0)
		strbuf_adds(&text, "(no messages yet)");
	view_push(popup_new(top, "Messages (the newest last)", strbuf_str(&text), NULL, NULL, NULL));
	strbuf_done(&text);
}
