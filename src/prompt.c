/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * prompt — the status-line editor (see include/gloss/prompt.h).  The text
 * is kept as code points; grapheme boundaries come from libunistring.
 */
#include "gloss/gloss.h"

#include <unigbrk.h>

#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/prompt.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

struct line {
	uint32_t *cp;
	size_t len, cap, cur;
};

static void
insert(struct line *l, const uint32_t *cps, size_t n)
{
	if (l->len + n > l->cap) {
		l->cap = (l->len + n) * 2 + 16;
		l->cp = xreallocarray(l->cp, l->cap, sizeof *l->cp);
	}
	memmove(l->cp + l->cur + n, l->cp + l->cur, (l->len - l->cur) * sizeof *l->cp);
	memcpy(l->cp + l->cur, cps, n * sizeof *l->cp);
	l->len += n;
	l->cur += n;
}

static void
erase_range(struct line *l, size_t a, size_t z)
{
	memmove(l->cp + a, l->cp + z, (l->len - z) * sizeof *l->cp);
	l->len -= z - a;
	l->cur = a;
}

static size_t
next_cluster(const struct line *l, size_t i)
{
	const uint32_t *p;

	if (i >= l->len)
		return l->len;
	p = u32_grapheme_next(l->cp + i, l->cp + l->len);
	return p ? (size_t)(p - l->cp) : l->len;
}

static size_t
prev_cluster(const struct line *l, size_t i)
{
	const uint32_t *p;

	if (i == 0)
		return 0;
	p = u32_grapheme_prev(l->cp + i, l->cp);
	return p ? (size_t)(p - l->cp) : 0;
}

static void
to_utf8(const struct line *l, size_t a, size_t z, struct strbuf *out)
{
	for (size_t i = a; i < z; i++)
		strbuf_addcp(out, l->cp[i]);
}

static void
from_utf8(struct line *l, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		insert(l, &cp, 1);
	}
}

/* Draws the label and the text, scrolled so that the cursor is visible. */
static void
draw(const struct prompt_opts *o, const struct line *l)
{
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct display_attr a = display_style(DISPLAY_PROMPT);
	int y = LINES - 1, cols = COLS;
	int lw = display_width(o->label, strlen(o->label), opt_glyphs);
	int room = cols - lw - 1, bw;
	size_t start = 0;

	to_utf8(l, 0, l->cur, &before);
	bw = display_width(before.buf ? before.buf : "", before.len, opt_glyphs);
	while (bw >= room && start < l->cur) {	/* scroll: drop clusters from the left */
		size_t nx = next_cluster(l, start);

		strbuf_reset(&before);
		to_utf8(l, nx, l->cur, &before);
		bw = display_width(strbuf_str(&before), before.len, opt_glyphs);
		start = nx;
	}
	to_utf8(l, start, l->len, &after);
	display_clear_eol(stdscr, y, 0, cols, a);
	display_put(stdscr, y, 0, o->label, strlen(o->label), cols, a, opt_glyphs);
	display_put(stdscr, y, lw, strbuf_str(&after), after.len, room, a, opt_glyphs);
	move(y, lw + bw);
	refresh();
	strbuf_done(&before);
	strbuf_done(&after);
}

static size_t
word_start(const struct line *l, size_t i)
{
	while (i > 0 && l->cp[i - 1] == ' ')
		i--;
	while (i > 0 && l->cp[i - 1] != ' ')
		i--;
	return i;
}

static void
complete(const struct prompt_opts *o, struct line *l)
{
	struct strbuf text = STRBUF_INIT, add = STRBUF_INIT, hint = STRBUF_INIT;

	to_utf8(l, 0, l->cur, &text);
	o->complete(o->arg, strbuf_str(&text), &add, &hint);
	if (add.len) {		/* replaces the text before the cursor */
		erase_range(l, 0, l->cur);
		from_utf8(l, strbuf_str(&add));
	}
	if (hint.len && LINES > 2) {	/* on the row above; the view draws over it later */
		struct display_attr a = display_style(DISPLAY_STATUS_MSG);

		display_clear_eol(stdscr, LINES - 2, 0, COLS, a);
		display_put(stdscr, LINES - 2, 0, strbuf_str(&hint), hint.len, COLS, a, opt_glyphs);
	}
	strbuf_done(&text);
	strbuf_done(&add);
	strbuf_done(&hint);
}

/* Tells o->changed the text. */
static void
report(const struct prompt_opts *o, const struct line *l)
{
	struct strbuf text = STRBUF_INIT;

	to_utf8(l, 0, l->len, &text);
	o->changed(o->arg, strbuf_str(&text));
	strbuf_done(&text);
}

/* Applies one key; returns 1 to accept, -1 to cancel, 0 to go on. */
static int
edit(const struct prompt_opts *o, struct line *l, const struct key *k)
{
	uint32_t c = k->code;

	if (k->fn) {
		switch (c) {
		case KEY_LEFT: l->cur = prev_cluster(l, l->cur); break;
		case KEY_RIGHT: l->cur = next_cluster(l, l->cur); break;
		case KEY_HOME: l->cur = 0; break;
		case KEY_END: l->cur = l->len; break;
		case KEY_BACKSPACE: erase_range(l, prev_cluster(l, l->cur), l->cur); break;
		case KEY_DC: if (l->cur < l->len) { size_t z = next_cluster(l, l->cur); erase_range(l, l->cur, z); } break;
		case KEY_ENTER: return 1;
		default: break;
		}
		return 0;
	}
	switch (c) {
	case '\r': case '\n': return 1;
	case 0x1B: case 0x03: case 0x07: return -1;
	case 0x08: case 0x7F: erase_range(l, prev_cluster(l, l->cur), l->cur); break;
	case 0x04: if (l->cur < l->len) { size_t z = next_cluster(l, l->cur); erase_range(l, l->cur, z); } break;
	case 0x01: l->cur = 0; break;
	case 0x05: l->cur = l->len; break;
	case 0x15: erase_range(l, 0, l->cur); break;
	case 0x0B: l->len = l->cur; break;
	case 0x17: erase_range(l, word_start(l, l->cur), l->cur); break;
	case '\t': if (o->complete) complete(o, l); break;
	default:
		if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))
			insert(l, &c, 1);
		break;
	}
	return 0;
}

bool
prompt_read(const struct prompt_opts *o, struct strbuf *out)
{
	struct line l = { NULL, 0, 0, 0 };
	int r = 0;
	bool dirty = false;	/* edited since changed() was last called */

	if (o->initial)
		from_utf8(&l, o->initial);
	curs_set(1);
	while (r == 0) {
		struct key k;
		size_t len = l.len;
		uint32_t *before;

		draw(o, &l);
		if (dirty && o->changed && !display_key_pending()) {
			report(o, &l);
			dirty = false;
			draw(o, &l);
		}
		if (!display_getkey(&k, -1))
			continue;
		before = len ? (uint32_t *)(void *)xmemdup(l.cp, len * sizeof(*l.cp)) : NULL;
		r = edit(o, &l, &k);
		dirty = dirty || l.len != len || (len && memcmp(before, l.cp, len * sizeof(*l.cp)) != 0);
		free(before);
	}
	curs_set(0);
	strbuf_reset(out);
	if (r > 0)
		to_utf8(&l, 0, l.len, out);
	free(l.cp);
	return r > 0;
}

void
prompt_key(const char *question, struct key *k)
{
	struct prompt_opts o = { .label = question };
	struct line l = { NULL, 0, 0, 0 };

	curs_set(1);
	draw(&o, &l);
	while (!display_getkey(k, -1))
		;
	curs_set(0);
}

bool
prompt_yes(const char *question)
{
	struct key k;

	prompt_key(question, &k);
	return !k.fn && (k.code == 'y' || k.code == 'Y' || k.code == 0x43D || k.code == 0x41D);
}

char *
prompt_expand_path(const char *path)
{
	static const char *const forms[] = { "~", "$HOME", "${HOME}" };
	const char *home = getenv("HOME");

	if (home == NULL || *home == '\0')
		return xstrdup(path);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(forms); i++) {
		size_t n = strlen(forms[i]);

		if (strncmp(path, forms[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
			return xasprintf("%s%s", home, path + n);
	}
	return xstrdup(path);
}
