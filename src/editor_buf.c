/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * editor_buf — the note editor's text buffer (see include/gloss/editor.h).
 *
 * It owns the text (an array of code points), the cursor, the column that
 * vertical moves keep, and a cache of the display lines at the last wrap
 * width.  Grapheme boundaries come from libunistring; widths from the glyph
 * module in the current glyph mode (opt_glyphs), so the lines match what
 * display_put() draws.  No curses here: the unit tests drive it directly.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <unigbrk.h>

#include "gloss/editor.h"
#include "gloss/glyph.h"
#include "gloss/options.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define REPLACEMENT 0xFFFD
#define NO_GOAL (-1)

struct editor_buf {
	uint32_t *cp;
	size_t len, cap;
	size_t cur;		/* cursor: a cluster boundary in [0, len] */
	unsigned long version;	/* grows with every change of the text */
	int goal;		/* column kept by up/down, or NO_GOAL */

	struct editor_line *lines;	/* display lines at wrap_width */
	size_t nlines, lines_cap;
	int wrap_width;		/* 0: the cache is stale */
	unsigned long wrap_version;
	char *brk;		/* brk[i]: a cluster starts at i (when brk_ok) */
	bool brk_ok;
};

/* ------------------------------------------------------------------ */
/* Clusters and widths */

/*
 * Grapheme boundaries of the whole text, computed once per change.
 * u32_grapheme_breaks() applies every rule (emoji ZWJ sequences, regional
 * indicator pairs); u32_grapheme_next/prev() only look at pairs of code
 * points and would split 👨‍👩‍👧.
 */
static const char *
breaks(struct editor_buf *b)
{
	if (!b->brk_ok) {
		b->brk = xrealloc(b->brk, b->len + 1);
		if (b->len)
			u32_grapheme_breaks(b->cp, b->len, b->brk);
		b->brk[b->len] = 1;
		b->brk_ok = true;
	}
	return b->brk;
}

static size_t
next_cluster(struct editor_buf *b, size_t i)
{
	const char *brk = breaks(b);

	if (i >= b->len)
		return b->len;
	while (++i < b->len && !brk[i])
		;
	return i;
}

static size_t
prev_cluster(struct editor_buf *b, size_t i)
{
	const char *brk = breaks(b);

	if (i == 0)
		return 0;
	while (--i > 0 && !brk[i])
		;
	return i;
}

/* Columns taken by code points [a, z). */
static int
width_of(const struct editor_buf *b, size_t a, size_t z)
{
	int w = 0;

	for (size_t i = a; i < z; i++)
		w += glyph_width(b->cp[i], opt_glyphs);
	return w;
}

/* Moves i forward to the end of the cluster it is inside (if it is). */
static size_t
snap(struct editor_buf *b, size_t i)
{
	size_t p, q;

	if (i == 0 || i >= b->len)
		return GLOSS_MIN(i, b->len);	/* no need to compute the boundaries */
	p = prev_cluster(b, i);
	q = next_cluster(b, p);
	return q > i ? q : i;
}

static size_t
line_start(const struct editor_buf *b, size_t i)
{
	while (i > 0 && b->cp[i - 1] != '\n')
		i--;
	return i;
}

static size_t
line_end(const struct editor_buf *b, size_t i)
{
	while (i < b->len && b->cp[i] != '\n')
		i++;
	return i;
}

/* ------------------------------------------------------------------ */
/* Changing the text */

static void
changed(struct editor_buf *b)
{
	b->version++;
	b->wrap_width = 0;
	b->brk_ok = false;
	b->goal = NO_GOAL;
}

static void
insert_raw(struct editor_buf *b, const uint32_t *cps, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 16;
		b->cp = xreallocarray(b->cp, b->cap, sizeof *b->cp);
	}
	memmove(b->cp + b->cur + n, b->cp + b->cur, (b->len - b->cur) * sizeof *b->cp);
	memcpy(b->cp + b->cur, cps, n * sizeof *b->cp);
	b->len += n;
	b->cur += n;
	changed(b);
}

static void
erase_range(struct editor_buf *b, size_t a, size_t z)
{
	if (a >= z)
		return;
	memmove(b->cp + a, b->cp + z, (b->len - z) * sizeof *b->cp);
	b->len -= z - a;
	b->cur = a;
	changed(b);
}

/* Spaces up to the next tab stop of the cursor's text line. */
static void
insert_tab(struct editor_buf *b)
{
	static const uint32_t spaces[EDITOR_TAB_WIDTH] = { ' ', ' ', ' ', ' ' };
	int col = width_of(b, line_start(b, b->cur), b->cur);

	insert_raw(b, spaces, (size_t)(EDITOR_TAB_WIDTH - col % EDITOR_TAB_WIDTH));
}

void
editor_buf_insert_cp(struct editor_buf *b, uint32_t cp)
{
	if (cp == '\t') {
		insert_tab(b);
		return;
	}
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	insert_raw(b, &cp, 1);
	b->cur = snap(b, b->cur);
}

void
editor_buf_newline(struct editor_buf *b)
{
	uint32_t nl = '\n';

	insert_raw(b, &nl, 1);
}

void
editor_buf_insert(struct editor_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		if (cp == '\r') {
			if (i < n && s[i] == '\n')
				i++;
			cp = '\n';
		}
		editor_buf_insert_cp(b, cp);
	}
}

bool
editor_buf_delete_prev(struct editor_buf *b)
{
	if (b->cur == 0)
		return false;
	erase_range(b, prev_cluster(b, b->cur), b->cur);
	return true;
}

bool
editor_buf_delete_next(struct editor_buf *b)
{
	if (b->cur >= b->len)
		return false;
	erase_range(b, b->cur, next_cluster(b, b->cur));
	return true;
}

void
editor_buf_kill_start(struct editor_buf *b)
{
	size_t ls = line_start(b, b->cur);

	if (ls == b->cur && b->cur > 0)
		ls--;	/* at the start: join with the line before */
	erase_range(b, ls, b->cur);
	b->goal = NO_GOAL;
}

void
editor_buf_kill_end(struct editor_buf *b)
{
	size_t le = line_end(b, b->cur);

	if (le == b->cur && b->cur < b->len)
		le++;	/* at the end: join with the line after */
	erase_range(b, b->cur, le);
	b->goal = NO_GOAL;
}

/* ------------------------------------------------------------------ */
/* Creating, reading */

struct editor_buf *
editor_buf_new(const char *utf8)
{
	struct editor_buf *b = xcalloc(1, sizeof *b);

	b->goal = NO_GOAL;
	if (utf8)
		editor_buf_set_text(b, utf8, strlen(utf8));
	return b;
}

void
editor_buf_free(struct editor_buf *b)
{
	if (b == NULL)
		return;
	free(b->cp);
	free(b->lines);
	free(b->brk);
	free(b);
}

void
editor_buf_set_text(struct editor_buf *b, const char *utf8, size_t n)
{
	b->len = b->cur = 0;
	changed(b);
	editor_buf_insert(b, utf8, n);
	b->cur = b->len;
}

void
editor_buf_range(const struct editor_buf *b, size_t a, size_t z, struct strbuf *out)
{
	strbuf_grow(out, z > a ? z - a : 0);
	for (size_t i = a; i < z && i < b->len; i++)
		strbuf_addcp(out, b->cp[i]);
}

void
editor_buf_text(const struct editor_buf *b, struct strbuf *out)
{
	editor_buf_range(b, 0, b->len, out);
	if (out->buf == NULL)
		strbuf_adds(out, "");
}

size_t
editor_buf_length(const struct editor_buf *b)
{
	return b->len;
}

size_t
editor_buf_cursor(const struct editor_buf *b)
{
	return b->cur;
}

void
editor_buf_set_cursor(struct editor_buf *b, size_t i)
{
	i = GLOSS_MIN(i, b->len);
	if (i > 0 && i < b->len && snap(b, i) != i)
		i = prev_cluster(b, i);
	b->cur = i;
	b->goal = NO_GOAL;
}

unsigned long
editor_buf_version(const struct editor_buf *b)
{
	return b->version;
}

/* ------------------------------------------------------------------ */
/* Cluster and word moves */

bool
editor_buf_left(struct editor_buf *b)
{
	b->goal = NO_GOAL;
	if (b->cur == 0)
		return false;
	b->cur = prev_cluster(b, b->cur);
	return true;
}

bool
editor_buf_right(struct editor_buf *b)
{
	b->goal = NO_GOAL;
	if (b->cur >= b->len)
		return false;
	b->cur = next_cluster(b, b->cur);
	return true;
}

static bool
is_apostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

/* Is the cluster starting at i part of a word? */
static bool
is_word(struct editor_buf *b, size_t i)
{
	uint32_t c;

	if (i >= b->len)
		return false;
	c = b->cp[i];
	if (uc_is_alnum(c))
		return true;
	return is_apostrophe(c) && i > 0 && uc_is_alpha(b->cp[prev_cluster(b, i)]) &&
	    next_cluster(b, i) < b->len && uc_is_alpha(b->cp[next_cluster(b, i)]);
}

static size_t
word_left(struct editor_buf *b, size_t i)
{
	while (i > 0 && !is_word(b, prev_cluster(b, i)))
		i = prev_cluster(b, i);
	while (i > 0 && is_word(b, prev_cluster(b, i)))
		i = prev_cluster(b, i);
	return i;
}

void
editor_buf_word_left(struct editor_buf *b)
{
	b->cur = word_left(b, b->cur);
	b->goal = NO_GOAL;
}

void
editor_buf_word_right(struct editor_buf *b)
{
	size_t i = b->cur;

	while (i < b->len && !is_word(b, i))
		i = next_cluster(b, i);
	while (i < b->len && is_word(b, i))
		i = next_cluster(b, i);
	b->cur = i;
	b->goal = NO_GOAL;
}

void
editor_buf_delete_word(struct editor_buf *b)
{
	erase_range(b, word_left(b, b->cur), b->cur);
}

/* ------------------------------------------------------------------ */
/* Wrapping */

static void
add_line(struct editor_buf *b, size_t start, size_t end, bool soft)
{
	if (b->nlines == b->lines_cap) {
		b->lines_cap = b->lines_cap * 2 + 16;
		b->lines = xreallocarray(b->lines, b->lines_cap, sizeof *b->lines);
	}
	b->lines[b->nlines].start = start;
	b->lines[b->nlines].end = end;
	b->lines[b->nlines].soft = soft;
	b->nlines++;
}

/*
 * Fills the display lines: clusters go on a line while they fit; the one
 * that does not fit either hangs (a space), or the line breaks after its
 * last space, or before that cluster.  A line holds at least one cluster.
 */
static void
wrap(struct editor_buf *b, int width)
{
	size_t i = 0, start = 0, brk = 0;
	int col = 0;

	b->nlines = 0;
	while (i < b->len) {
		size_t j;
		int w;

		if (b->cp[i] == '\n') {
			add_line(b, start, i, false);
			start = brk = ++i;
			col = 0;
			continue;
		}
		j = next_cluster(b, i);
		w = width_of(b, i, j);
		if (col + w > width && i > start) {
			if (b->cp[i] == ' ' && j == i + 1)
				i = j;		/* the space hangs at the end */
			else if (brk > start)
				i = brk;	/* after the last space */
			add_line(b, start, i, true);
			start = brk = i;
			col = 0;
			continue;
		}
		col += w;
		if (b->cp[i] == ' ' && j == i + 1)
			brk = j;
		i = j;
	}
	add_line(b, start, b->len, false);
}

const struct editor_line *
editor_buf_lines(struct editor_buf *b, int width, size_t *n)
{
	width = GLOSS_MAX(width, 1);
	if (b->wrap_width != width || b->wrap_version != b->version) {
		wrap(b, width);
		b->wrap_width = width;
		b->wrap_version = b->version;
	}
	*n = b->nlines;
	return b->lines;
}

/* The display line holding position i: the last one starting at or before it. */
static size_t
line_of(const struct editor_line *lines, size_t n, size_t i)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lines[mid].start <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
editor_buf_cursor_line(struct editor_buf *b, int width, int *col)
{
	size_t n;
	const struct editor_line *lines = editor_buf_lines(b, width, &n);
	size_t li = line_of(lines, n, b->cur);

	if (col)
		*col = width_of(b, lines[li].start, b->cur);
	return li;
}

/* The last cursor position of a display line (its end is the next line's start when wrapped). */
static size_t
last_pos(struct editor_buf *b, const struct editor_line *l)
{
	if (!l->soft)
		return l->end;
	return GLOSS_MAX(l->start, prev_cluster(b, l->end));
}

/* The position in line l nearest to column goal, not past it. */
static size_t
pos_at_col(struct editor_buf *b, const struct editor_line *l, int goal)
{
	size_t i = l->start, limit = last_pos(b, l);
	int col = 0;

	while (i < limit) {
		size_t j = next_cluster(b, i);
		int w = width_of(b, i, j);

		if (col + w > goal)
			break;
		col += w;
		i = j;
	}
	return i;
}

static void
vertical(struct editor_buf *b, int width, long delta)
{
	int col;
	size_t n, li = editor_buf_cursor_line(b, width, &col);
	const struct editor_line *lines = b->lines;
	long target = (long)li + delta;
	int goal = b->goal == NO_GOAL ? col : b->goal;

	n = b->nlines;
	if (target < 0 && li == 0)
		b->cur = 0;		/* up from the first line: its start */
	else if (target >= (long)n && li == n - 1)
		b->cur = b->len;	/* down from the last: the end */
	else
		b->cur = pos_at_col(b, &lines[GLOSS_MAX(0, GLOSS_MIN(target, (long)n - 1))], goal);
	b->goal = goal;
}

void
editor_buf_up(struct editor_buf *b, int width, int n)
{
	vertical(b, width, -(long)GLOSS_MAX(n, 1));
}

void
editor_buf_down(struct editor_buf *b, int width, int n)
{
	vertical(b, width, GLOSS_MAX(n, 1));
}

void
editor_buf_home(struct editor_buf *b, int width)
{
	size_t li = editor_buf_cursor_line(b, width, NULL);

	b->cur = b->lines[li].start;
	b->goal = NO_GOAL;
}

void
editor_buf_end(struct editor_buf *b, int width)
{
	size_t li = editor_buf_cursor_line(b, width, NULL);

	b->cur = last_pos(b, &b->lines[li]);
	b->goal = NO_GOAL;
}
