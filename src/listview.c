/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * listview — the reusable list view (see include/gloss/listview.h).
 *
 * It owns the list of rows shown (the owner's row numbers that pass the
 * filter, in the owner's order), the selection and the first row on the
 * screen, and the filter pattern with its fold key.  Everything about the
 * rows themselves comes from the owner's callbacks, at draw time, so the
 * owner can change its data and call listview_refresh().
 */
#include "gloss/gloss.h"

#include "gloss/display.h"
#include "gloss/fold.h"
#include "gloss/listview.h"
#include "gloss/options.h"
#include "gloss/prompt.h"
#include "gloss/xmalloc.h"

#define WHEEL_ROWS 3

struct listview {
	const struct listview_ops *ops;
	void *arg;
	size_t *rows;		/* the owner's rows shown, in order */
	size_t nrows, cap;
	size_t sel;		/* index into rows of the selection */
	size_t top;		/* index into rows of the first screen row */
	struct strbuf filter;	/* the pattern as typed ("" when none) */
	struct strbuf fkey;	/* its fold key */
	uint64_t last_key;	/* the key selected last (when have_last), noted by clamp() */
	bool have_last;
};

/* ------------------------------------------------------------------ */
/* Rows and filtering */

static bool
matches(struct listview *l, size_t i, struct strbuf *text, struct strbuf *key)
{
	if (l->fkey.len == 0 || l->ops->text == NULL)
		return true;
	strbuf_reset(text);
	strbuf_reset(key);
	l->ops->text(l->arg, i, text);
	fold_key(strbuf_str(text), text->len, key);
	return strstr(strbuf_str(key), strbuf_str(&l->fkey)) != NULL;
}

/* Rebuilds the rows shown from the owner's count and the filter. */
static void
rebuild(struct listview *l)
{
	struct strbuf text = STRBUF_INIT, key = STRBUF_INIT;
	size_t n = l->ops->count(l->arg);

	if (n > l->cap) {
		l->cap = n;
		l->rows = xreallocarray(l->rows, l->cap, sizeof *l->rows);
	}
	l->nrows = 0;
	for (size_t i = 0; i < n; i++)
		if (matches(l, i, &text, &key))
			l->rows[l->nrows++] = i;
	strbuf_done(&text);
	strbuf_done(&key);
}

/* The index in rows of the row with this key, or SIZE_MAX. */
static size_t
find_key(struct listview *l, uint64_t key)
{
	for (size_t i = 0; i < l->nrows; i++)
		if (l->ops->key(l->arg, l->rows[i]) == key)
			return i;
	return SIZE_MAX;
}

/* Keeps the selection inside the list and on the screen. */
static void
clamp(struct listview *l, int screen_rows)
{
	size_t rows = (size_t)GLOSS_MAX(screen_rows, 1);

	if (l->nrows == 0) {
		l->sel = l->top = 0;
		return;
	}
	l->sel = GLOSS_MIN(l->sel, l->nrows - 1);
	if (l->nrows <= rows)
		l->top = 0;
	else
		l->top = GLOSS_MIN(l->top, l->nrows - rows);
	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	l->last_key = l->ops->key(l->arg, l->rows[l->sel]);
	l->have_last = true;
}

/*
 * Rebuilds, keeping the selected key when it is still shown.  The key was
 * noted by clamp() when the selection last changed, since the owner's data
 * may have changed since; it is kept while a filter shows nothing, so
 * clearing the filter comes back to it.
 */
static void
rebuild_keep(struct listview *l, int screen_rows)
{
	size_t at;

	rebuild(l);
	at = l->have_last ? find_key(l, l->last_key) : SIZE_MAX;
	if (at != SIZE_MAX)
		l->sel = at;
	clamp(l, screen_rows);
}

static void
set_filter(struct listview *l, const char *pattern)
{
	strbuf_reset(&l->filter);
	strbuf_reset(&l->fkey);
	strbuf_adds(&l->filter, pattern);
	fold_key(pattern, strlen(pattern), &l->fkey);
}

/* ------------------------------------------------------------------ */
/* Moving */

static long
clamp_index(long i, size_t n)
{
	return n == 0 ? 0 : GLOSS_MAX(0, GLOSS_MIN(i, (long)n - 1));
}

static void
move_sel(struct listview *l, struct view *v, long delta)
{
	l->sel = (size_t)clamp_index((long)l->sel + delta, l->nrows);
	clamp(l, v->rows);
}

/* Scrolls the screen and the selection together (pages). */
static void
scroll_by(struct listview *l, struct view *v, long delta)
{
	long maxtop = GLOSS_MAX(0, (long)l->nrows - v->rows);

	l->top = (size_t)GLOSS_MAX(0, GLOSS_MIN((long)l->top + delta, maxtop));
	move_sel(l, v, delta);
}

static void
prompt_filter(struct listview *l, struct view *v)
{
	struct prompt_opts o = { .label = "Filter: ", .initial = strbuf_str(&l->filter) };
	struct strbuf text = STRBUF_INIT;

	if (prompt_read(&o, &text)) {
		listview_set_filter(v, strbuf_str(&text));
		if (l->nrows == 0)
			view_message("Nothing matches: %s", strbuf_str(&l->filter));
	}
	strbuf_done(&text);
}

static enum view_result
pass(struct listview *l, struct view *v, enum action a, const struct key *k)
{
	if (l->ops->request == NULL)
		return VIEW_UNHANDLED;
	return l->ops->request(l->arg, v, a, k);
}

static enum view_result
lv_request(struct view *v, enum action a, int count)
{
	struct listview *l = v->data;
	long n = count > 0 ? count : 1, page = GLOSS_MAX(v->rows, 1);

	switch (a) {
	case ACTION_LINE_DOWN: move_sel(l, v, n); break;
	case ACTION_LINE_UP: move_sel(l, v, -n); break;
	case ACTION_PAGE_DOWN: scroll_by(l, v, page * n); break;
	case ACTION_PAGE_UP: scroll_by(l, v, -page * n); break;
	case ACTION_HALF_DOWN: scroll_by(l, v, GLOSS_MAX(page / 2, 1) * n); break;
	case ACTION_HALF_UP: scroll_by(l, v, -GLOSS_MAX(page / 2, 1) * n); break;
	case ACTION_TOP: move_sel(l, v, (count > 0 ? count - 1 : 0) - (long)l->sel); break;
	case ACTION_BOTTOM:
		move_sel(l, v, (count > 0 ? count - 1 : (long)l->nrows - 1) - (long)l->sel);
		break;
	case ACTION_SEARCH_FORWARD:
		if (l->ops->text == NULL)
			return pass(l, v, a, NULL);
		prompt_filter(l, v);
		break;
	case ACTION_SEARCH_CLEAR:
		if (l->filter.len == 0)
			return pass(l, v, a, NULL);
		set_filter(l, "");
		rebuild_keep(l, v->rows);
		break;
	default:
		return pass(l, v, a, NULL);
	}
	return VIEW_HANDLED;
}

static enum view_result
lv_key(struct view *v, const struct key *k)
{
	struct listview *l = v->data;
	MEVENT ev;

	if (k->fn && k->code == KEY_MOUSE && getmouse(&ev) == OK) {
		if (ev.bstate & BUTTON4_PRESSED)
			move_sel(l, v, -WHEEL_ROWS);
		else if (ev.bstate & BUTTON5_PRESSED)
			move_sel(l, v, WHEEL_ROWS);
		return VIEW_HANDLED;
	}
	return pass(l, v, ACTION_NONE, k);
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
draw_note(struct view *v, const char *s)
{
	display_put(stdscr, 0, 1, s, strlen(s), v->cols - 2, display_style(DISPLAY_DIM), opt_glyphs);
}

static void
lv_draw(struct view *v)
{
	struct listview *l = v->data;

	if (l->nrows == 0) {
		struct strbuf s = STRBUF_INIT;

		if (l->filter.len)
			strbuf_addf(&s, "Nothing matches: %s (Esc clears the filter)", strbuf_str(&l->filter));
		else
			strbuf_adds(&s, l->ops->empty ? l->ops->empty : "Nothing to show");
		draw_note(v, strbuf_str(&s));
		strbuf_done(&s);
		return;
	}
	for (int y = 0; y < v->rows && l->top + (size_t)y < l->nrows; y++) {
		size_t idx = l->top + (size_t)y;
		bool selected = idx == l->sel;

		display_clear_eol(stdscr, y, 0, v->cols,
		    display_style(selected ? DISPLAY_SELECTED : DISPLAY_NORMAL));
		l->ops->draw(l->arg, l->rows[idx], y, 0, v->cols, selected);
	}
}

static void
lv_resize(struct view *v)
{
	struct listview *l = v->data;

	clamp(l, v->rows);
}

static void
lv_status(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct listview *l = v->data;

	if (l->ops->status)
		l->ops->status(l->arg, left, right);
	if (l->filter.len)
		strbuf_addf(right, "/%s  ", strbuf_str(&l->filter));
	strbuf_addf(right, "%zu/%zu", l->nrows ? l->sel + 1 : 0, l->nrows);
}

static bool
lv_idle(struct view *v, unsigned budget_us)
{
	struct listview *l = v->data;

	return l->ops->idle ? l->ops->idle(l->arg, v, budget_us) : false;
}

static void
lv_focus(struct view *v)
{
	struct listview *l = v->data;

	if (l->ops->focus)
		l->ops->focus(l->arg, v);
}

static void
lv_done(struct view *v)
{
	struct listview *l = v->data;

	if (l->ops->done)
		l->ops->done(l->arg);
	strbuf_done(&l->filter);
	strbuf_done(&l->fkey);
	free(l->rows);
	free(l);
}

static const struct view_ops listview_ops = {
	.name = "list",
	.draw = lv_draw,
	.request = lv_request,
	.key = lv_key,
	.resize = lv_resize,
	.idle = lv_idle,
	.focus = lv_focus,
	.status = lv_status,
	.done = lv_done,
};

/* ------------------------------------------------------------------ */
/* The owner's interface */

struct view *
listview_new(const struct listview_ops *ops, void *arg)
{
	struct listview *l = xcalloc(1, sizeof *l);
	struct view *v;

	l->ops = ops;
	l->arg = arg;
	rebuild(l);
	v = view_new(&listview_ops, l);
	clamp(l, v->rows);
	return v;
}

void
listview_refresh(struct view *v)
{
	struct listview *l = v->data;

	rebuild_keep(l, v->rows);
}

bool
listview_selected(struct view *v, size_t *row, uint64_t *key)
{
	struct listview *l = v->data;

	if (l->nrows == 0)
		return false;
	if (row)
		*row = l->rows[l->sel];
	if (key)
		*key = l->ops->key(l->arg, l->rows[l->sel]);
	return true;
}

bool
listview_select_key(struct view *v, uint64_t key)
{
	struct listview *l = v->data;
	size_t at = find_key(l, key), n = l->ops->count(l->arg);

	if (at == SIZE_MAX && l->filter.len) {
		for (size_t i = 0; i < n && at == SIZE_MAX; i++)
			if (l->ops->key(l->arg, i) == key)
				at = i;
		if (at != SIZE_MAX) {	/* hidden by the filter: clear it */
			set_filter(l, "");
			rebuild(l);
			at = find_key(l, key);
		}
	}
	if (at == SIZE_MAX)
		return false;
	l->sel = at;
	clamp(l, v->rows);
	return true;
}

void
listview_set_filter(struct view *v, const char *pattern)
{
	struct listview *l = v->data;

	set_filter(l, pattern ? pattern : "");
	rebuild_keep(l, v->rows);
}

size_t
listview_shown(struct view *v, const size_t **rows)
{
	struct listview *l = v->data;

	*rows = l->rows;
	return l->nrows;
}

const char *
listview_filter(struct view *v)
{
	struct listview *l = v->data;

	return strbuf_str(&l->filter);
}
