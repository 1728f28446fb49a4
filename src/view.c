/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * view — the view stack and the main loop (see include/gloss/view.h).
 *
 * The loop is deliberately thin: draw, wait for a key (or run background
 * work while none comes), map the key to an action, offer it to the top
 * view, and handle the few results that concern the stack.
 */
#include "gloss/gloss.h"

#include <stdarg.h>

#include "gloss/display.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/view.h"
#include "gloss/xmalloc.h"

#include <signal.h>

#define VIEW_STACK_MAX 8
#define IDLE_SLICE_US 1000	/* a key waits at most about this long for background work */
#define POLL_MS 500		/* idle hooks run this often even with nothing to do */
#define GONE_READS 20		/* waits that fail at once, in a row: the terminal is gone */

static struct view *stack[VIEW_STACK_MAX];
static int depth;
static char message[512];
static bool dirty;
static volatile sig_atomic_t hangup;
static struct {
	void (*fn)(void *arg);
	void *arg;
} global_actions[ACTION_COUNT];	/* program-wide actions (view_set_action) */

void
view_invalidate(void)
{
	dirty = true;
}

bool
view_is_top(const struct view *v)
{
	return depth > 0 && stack[depth - 1] == v;
}

void
view_hangup(void)
{
	hangup = 1;
}

struct view *
view_new(const struct view_ops *ops, void *data)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->ops = ops;
	v->data = data;
	v->rows = view_rows();
	v->cols = view_cols();
	return v;
}

int
view_rows(void)
{
	return LINES > 1 ? LINES - 1 : 1;
}

int
view_cols(void)
{
	return COLS > 0 ? COLS : 1;
}

bool
view_push(struct view *v)
{
	if (depth == VIEW_STACK_MAX) {
		view_message("Too many views open (q closes one)");
		v->ops->done(v);
		free(v);
		return false;
	}
	stack[depth++] = v;
	if (v->ops->resize)
		v->ops->resize(v);
	return true;
}

static void
view_pop(void)
{
	struct view *v = stack[--depth];

	v->ops->done(v);
	free(v);
}

void
view_set_action(enum action a, void (*fn)(void *arg), void *arg)
{
	if (a > ACTION_NONE && a < ACTION_COUNT) {
		global_actions[a].fn = fn;
		global_actions[a].arg = arg;
	}
}

void
view_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
}

void
view_copy(const char *what, const char *s, size_t n)
{
	enum display_clip how;
	enum gloss_status rc = display_clipboard(s, n, &how);

	if (rc == GLOSS_OK && how == DISPLAY_CLIP_TMUX)
		view_message("Copied %s to tmux's buffer and clipboard (%zu bytes)", what, n);
	else if (rc == GLOSS_OK)
		view_message("Copied %s to the clipboard (%zu bytes)", what, n);
	else if (rc == GLOSS_ETOOBIG)
		view_message("Not copied: %zu bytes is more than the clipboard limit of %d", n,
		    OSC_CLIPBOARD_MAX);
	else
		view_message("Not copied: %s", error_last(rc));
}

static void
draw_status_text(const char *left, const char *middle, const char *right)
{
	struct display_attr st = display_style(DISPLAY_STATUS);
	int y = LINES - 1, cols = COLS;
	int rw = display_width(right, strlen(right), opt_glyphs);
	int x = 0;

	display_clear_eol(stdscr, y, 0, cols, st);
	if (rw + 2 < cols)
		display_put(stdscr, y, cols - rw - 1, right, strlen(right), rw, st, opt_glyphs);
	else
		rw = -1;
	x = 1;
	if (middle && *middle) {
		display_put(stdscr, y, x, middle, strlen(middle), cols - rw - 3,
		    display_style(DISPLAY_STATUS_MSG), opt_glyphs);
	} else {
		display_put(stdscr, y, x, left, strlen(left), cols - rw - 3, st, opt_glyphs);
	}
}

static void
draw_status(struct view *v)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;

	if (v->ops->status)
		v->ops->status(v, &left, &right);
	draw_status_text(strbuf_str(&left), message, strbuf_str(&right));
	strbuf_done(&left);
	strbuf_done(&right);
}

void
view_status_now(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	draw_status_text("", buf, "");
	refresh();
}

static void
draw(void)
{
	struct view *v = stack[depth - 1];

	erase();
	v->ops->draw(v);
	draw_status(v);
	display_refresh();
}

static void
resize_all(void)
{
	for (int i = 0; i < depth; i++) {
		stack[i]->rows = view_rows();
		stack[i]->cols = view_cols();
		if (stack[i]->ops->resize)
			stack[i]->ops->resize(stack[i]);
	}
}

/* Background work of every view; true while any remains. */
static bool
idle(void)
{
	bool more = false;

	for (int i = depth; i-- > 0;)
		if (stack[i]->ops->idle && stack[i]->ops->idle(stack[i], IDLE_SLICE_US))
			more = true;
	return more;
}

static enum view_result
generic(enum action a)
{
	switch (a) {
	case ACTION_QUIT:
		return VIEW_CLOSE;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		return VIEW_HANDLED;
	default:
		if (global_actions[a].fn)
			global_actions[a].fn(global_actions[a].arg);
		return VIEW_HANDLED;
	}
}

/* Dispatches one key; returns false when the program should end. */
static bool
dispatch(const struct key *k, int *count)
{
	struct view *v = stack[depth - 1];
	enum action a;
	enum view_result r;

	if (!k->fn && k->code >= '0' && k->code <= '9' && (*count > 0 || k->code != '0')) {
		if (*count < 100000000)
			*count = *count * 10 + (int)(k->code - '0');
		return true;
	}
	a = keymap_lookup_in(v->ops->name, k, v->ops->keymode ? v->ops->keymode(v) : KEYMAP_NORMAL);
	if (a == ACTION_NONE)
		r = v->ops->key ? v->ops->key(v, k) : VIEW_UNHANDLED;
	else
		r = v->ops->request(v, a, *count);
	if (r == VIEW_UNHANDLED && a == ACTION_ENTER)	/* views without items: Enter scrolls */
		r = v->ops->request(v, ACTION_LINE_DOWN, *count);
	*count = 0;
	if (r == VIEW_UNHANDLED && a != ACTION_NONE)
		r = generic(a);
	if (r == VIEW_QUIT)
		return false;
	if (r == VIEW_CLOSE) {
		view_pop();
		if (depth > 0 && stack[depth - 1]->ops->focus)
			stack[depth - 1]->ops->focus(stack[depth - 1]);
	}
	return depth > 0;
}

/* Reads a key; a wait that fails at once, again and again, means the terminal is gone. */
static bool
wait_key(struct key *k, int timeout, int *instant)
{
	uint64_t t = monotime_ms();

	if (display_getkey(k, timeout)) {
		*instant = 0;
		return true;
	}
	if (timeout > 0 && monotime_ms() - t < (uint64_t)timeout / 10) {
		if (++*instant >= GONE_READS)
			hangup = 1;
	} else if (timeout > 0) {
		*instant = 0;
	}
	return false;
}

int
view_run(void)
{
	bool more_idle = true;
	int count = 0, instant = 0;

	while (depth > 0 && !hangup) {
		struct key k;

		draw();
		while (!hangup && !wait_key(&k, more_idle ? 0 : POLL_MS, &instant)) {
			more_idle = idle();
			if (dirty) {
				dirty = false;
				draw();
			} else {
				draw_status(stack[depth - 1]);
				refresh();
			}
		}
		if (hangup)
			break;
		if (k.fn && k.code == KEY_RESIZE) {
			resize_all();
			continue;
		}
		message[0] = '\0';
		if (!dispatch(&k, &count))
			break;
		more_idle = true;
	}
	while (depth > 0)
		view_pop();
	return 0;
}
