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

#include <ctype.h>
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
#define IDLE_AFTER_MS 40	/* background work starts this long after the last key */
#define POLL_MS 500		/* idle hooks run this often even with nothing to do */
#define GONE_READS 20		/* waits that fail at once, in a row: the terminal is gone */

static struct view *stack[VIEW_STACK_MAX];
static int depth;
static char message[512];
static char *kept[VIEW_MESSAGES_KEPT];	/* the session's last messages, a ring */
static size_t nkept;			/* messages kept so far (the newest: kept[(nkept - 1) % N]) */
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
	if (message[0] && (nkept == 0 || strcmp(kept[(nkept - 1) % VIEW_MESSAGES_KEPT], message) != 0)) {
		free(kept[nkept % VIEW_MESSAGES_KEPT]);
		kept[nkept++ % VIEW_MESSAGES_KEPT] = xstrdup(message);
	}
}

void
view_messages(struct strbuf *out)
{
	size_t first = nkept > VIEW_MESSAGES_KEPT ? nkept - VIEW_MESSAGES_KEPT : 0;

	for (size_t i = first; i < nkept; i++) {
		if (i > first)
			strbuf_adds(out, "\n\n");
		strbuf_adds(out, kept[i % VIEW_MESSAGES_KEPT]);
	}
}

struct view *
view_top(void)
{
	return depth > 0 ? stack[depth - 1] : NULL;
}

/* ------------------------------------------------------------------ */
/* Fitting a message to the status line */

static int
width_of(const char *s, size_t n)
{
	return display_width(s, n, opt_glyphs);
}

/* A path: a word holding a '/' and a letter (not "1/20", not "w/"). */
static bool
is_path(const char *s, size_t n)
{
	bool slash = false, letter = false;

	for (size_t i = 0; i < n; i++) {
		slash |= s[i] == '/';
		letter |= (unsigned char)s[i] >= 0x80 || isalpha((unsigned char)s[i]);
	}
	return slash && letter && n > 2;
}

/* The first path word of s at or after byte from: [*a, *z) without closing punctuation. */
static bool
find_path(const char *s, size_t from, size_t *a, size_t *z)
{
	size_t i = from, n = strlen(s);

	while (i < n) {
		size_t j;

		while (i < n && s[i] == ' ')
			i++;
		j = i;
		while (j < n && s[j] != ' ')
			j++;
		*a = i;
		*z = j;
		while (*z > *a && strchr(":;,.)]\"'", s[*z - 1]))
			(*z)--;
		while (*a < *z && strchr("([\"'", s[*a]))
			(*a)++;
		if (is_path(s + *a, *z - *a))
			return true;
		i = j;
	}
	return false;
}

#define PATH_MIN_CELLS 16	/* a path shortened from the left keeps at least this much of its end */

/*
 * Path p[0..n) in at most budget cells, shortened from the left: leading
 * directories first ("…/b/c"), then the start of the file name ("…ame.md"),
 * keeping at least PATH_MIN_CELLS of its end.
 */
static void
shorten_path(const char *p, size_t n, int budget, struct strbuf *out)
{
	size_t k = 0;

	if (width_of(p, n) <= budget) {
		strbuf_add(out, p, n);
		return;
	}
	for (k = n; k > 0 && p[k - 1] != '/'; k--)
		;
	/* at least "…/name", or the last PATH_MIN_CELLS cells of a long name */
	budget = GLOSS_MAX(budget, GLOSS_MIN(width_of(p + (k ? k - 1 : 0), n - (k ? k - 1 : 0)),
	    PATH_MIN_CELLS) + 1);
	for (k = 0; k < n; k++)		/* the longest tail after a '/' that fits */
		if (p[k] == '/' && width_of(p + k, n - k) + 1 <= budget)
			break;
	if (k == n) {			/* the file name too: its end */
		k = n;
		while (k > 0 && width_of(p + k - 1, n - k + 1) + 1 <= budget)
			k--;
		while (k < n && ((unsigned char)p[k] & 0xC0) == 0x80)
			k++;
	}
	strbuf_adds(out, "…");
	strbuf_add(out, p + k, n - k);
}

/* s with every path shortened to fit width (as far as paths can be). */
static void
shorten_paths(const char *s, int width, struct strbuf *out)
{
	size_t from = 0, a, z;

	while (find_path(s, from, &a, &z)) {
		struct strbuf rest = STRBUF_INIT;
		int other;

		strbuf_add(out, s + from, a - from);
		strbuf_adds(&rest, s + z);
		other = width_of(out->buf ? out->buf : "", out->len) + width_of(rest.buf ? rest.buf : "", rest.len);
		shorten_path(s + a, z - a, width - other, out);
		strbuf_done(&rest);
		from = z;
	}
	strbuf_adds(out, s + from);
}

/*
 * "database /x/y.db: the error" → "database: the error · /x/y.db"; false if
 * no path follows the first word, or it is a FILE:LINE.
 */
static bool
path_last(const char *s, struct strbuf *out)
{
	size_t a, z, first = strcspn(s, " ");

	size_t d;

	if (!find_path(s, 0, &a, &z) || a <= first)
		return false;
	for (d = z; d > a && isdigit((unsigned char)s[d - 1]); d--)
		;
	if (d < z && d > a && s[d - 1] == ':')
		return false;		/* FILE:LINE says where: it stays in its place */
	strbuf_add(out, s, a > 0 && s[a - 1] == ' ' ? a - 1 : a);
	strbuf_adds(out, s + z + (s[z] == ':' && a > 0 && s[a - 1] == ' ' && a > 1 && s[a - 2] == ':'));
	strbuf_adds(out, " · ");
	strbuf_add(out, s + a, z - a);
	return true;
}

/* The words of s that fit width with "…" after them (at least one cluster of the first). */
static void
cut_words(const char *s, int width, struct strbuf *out)
{
	size_t n = strlen(s), best = 0, i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && s[j] == ' ')
			j++;
		while (j < n && s[j] != ' ')
			j++;
		if (width_of(s, j) + 1 > width)
			break;
		best = j;
		i = j;
	}
	while (best > 0 && strchr(" ,;:·", s[best - 1]))
		best--;
	if (best == 0) {	/* one word longer than the line: as many characters as fit */
		while (best < n && width_of(s, best + 1) + 1 <= width)
			best++;
		while (best > 0 && ((unsigned char)s[best] & 0xC0) == 0x80)
			best--;
	}
	strbuf_add(out, s, best);
	strbuf_adds(out, "…");
}

void
view_fit_message(const char *msg, int width, struct strbuf *out)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;

	if (width <= 1 || width_of(msg, strlen(msg)) <= width) {
		strbuf_adds(out, msg);
		return;
	}
	shorten_paths(msg, width, &a);
	if (width_of(strbuf_str(&a), a.len) <= width) {
		strbuf_add(out, strbuf_str(&a), a.len);
	} else if (path_last(msg, &b)) {	/* the error first, then the file */
		shorten_paths(strbuf_str(&b), width, &c);
		if (width_of(strbuf_str(&c), c.len) <= width)
			strbuf_add(out, strbuf_str(&c), c.len);
		else
			cut_words(strbuf_str(&c), width, out);
	} else {
		cut_words(strbuf_str(&a), width, out);
	}
	strbuf_done(&a);
	strbuf_done(&b);
	strbuf_done(&c);
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
		struct strbuf fit = STRBUF_INIT;

		view_fit_message(middle, cols - rw - 3, &fit);
		display_put(stdscr, y, x, fit.buf, fit.len, cols - rw - 3,
		    display_style(DISPLAY_STATUS_MSG), opt_glyphs);
		strbuf_done(&fit);
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
		bool rested = false;	/* no key for IDLE_AFTER_MS since the last one */

		if (!display_key_pending())	/* keys typed ahead (the digits of 50%) first */
			draw();
		/*
		 * Background work (measuring chunks, anchoring, the match count)
		 * waits until keys pause: a key typed right after the last one
		 * (G at once after the first screen, the digits of 50%) finds
		 * the loop waiting for it, not inside a slice of work.
		 */
		while (!hangup && !wait_key(&k, !rested ? IDLE_AFTER_MS : more_idle ? 0 : POLL_MS,
		    &instant)) {
			rested = true;
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
