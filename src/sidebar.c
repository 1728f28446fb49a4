/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * sidebar — tabs of entries about places in the document, following the
 * reading position, drawn beside or over the text (see
 * include/gloss/sidebar.h).
 */
#include "gloss/gloss.h"

#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/sidebar.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

static const char *const tab_titles[] = {
#define SIDEBAR_TAB_TITLE(name, title) title,
	SIDEBAR_TAB_LIST(SIDEBAR_TAB_TITLE)
#undef SIDEBAR_TAB_TITLE
};

struct tab {
	struct sidebar_entry *v;
	size_t n, cap;
	size_t sel, scroll;
	char *empty;
	bool *in_view;		/* per entry, from the last follow */
};

struct sidebar {
	struct tab tabs[SIDEBAR_TAB_COUNT];
	enum sidebar_tab cur;
	bool user_moved;	/* the reader moved the selection: do not follow */
	int rows;		/* list rows at the last draw */
	uint64_t view_start, view_end;
};

struct sidebar *
sidebar_new(void)
{
	return xcalloc(1, sizeof(struct sidebar));
}

static void
entry_done(struct sidebar_entry *e)
{
	free((char *)e->label);
	free((char *)e->text);
	free((char *)e->detail);
	free((char *)e->url);
	free((uint64_t *)e->places);
	free((char *)e->other_path);
}

void
sidebar_clear(struct sidebar *sb, enum sidebar_tab tab)
{
	struct tab *t = &sb->tabs[tab];

	for (size_t i = 0; i < t->n; i++)
		entry_done(&t->v[i]);
	free(t->in_view);
	t->in_view = NULL;
	t->n = 0;
	if (t->sel > 0)
		t->sel = 0;
	t->scroll = 0;
}

void
sidebar_free(struct sidebar *sb)
{
	if (sb == NULL)
		return;
	for (int i = 0; i < SIDEBAR_TAB_COUNT; i++) {
		sidebar_clear(sb, i);
		free(sb->tabs[i].v);
		free(sb->tabs[i].empty);
	}
	free(sb);
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct sidebar_entry *
sidebar_add(struct sidebar *sb, enum sidebar_tab tab, const struct sidebar_entry *e)
{
	struct tab *t = &sb->tabs[tab];
	struct sidebar_entry *c;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	c = &t->v[t->n++];
	*c = *e;
	c->label = xstrdup(e->label ? e->label : "");
	c->text = xstrdup(e->text ? e->text : "");
	c->detail = dup_or_null(e->detail);
	c->url = dup_or_null(e->url);
	c->other_path = dup_or_null(e->other_path);
	c->places = NULL;
	if (e->nplaces) {
		uint64_t *pl = xreallocarray(NULL, e->nplaces, sizeof *pl);

		memcpy(pl, e->places, e->nplaces * sizeof *pl);
		c->places = pl;
	}
	free(t->in_view);
	t->in_view = NULL;
	return c;
}

void
sidebar_set_empty_text(struct sidebar *sb, enum sidebar_tab tab, const char *text)
{
	free(sb->tabs[tab].empty);
	sb->tabs[tab].empty = xstrdup(text);
}

enum sidebar_tab
sidebar_tab(const struct sidebar *sb)
{
	return sb->cur;
}

void
sidebar_set_tab(struct sidebar *sb, enum sidebar_tab tab)
{
	sb->cur = tab;
	sb->user_moved = false;
	sidebar_follow(sb, sb->view_start, sb->view_end);
}

const struct sidebar_entry *
sidebar_selected(const struct sidebar *sb)
{
	const struct tab *t = &sb->tabs[sb->cur];

	return t->sel < t->n ? &t->v[t->sel] : NULL;
}

static bool
has_place_in(const struct sidebar_entry *e, uint64_t start, uint64_t end)
{
	for (size_t i = 0; i < e->nplaces; i++)
		if (e->places[i] >= start && e->places[i] < end)
			return true;
	return false;
}

static void
keep_visible(struct sidebar *sb, struct tab *t)
{
	int rows = sb->rows > 0 ? sb->rows : 1;

	if (t->sel < t->scroll)
		t->scroll = t->sel;
	else if (t->sel >= t->scroll + (size_t)rows)
		t->scroll = t->sel - (size_t)rows + 1;
}

void
sidebar_follow(struct sidebar *sb, uint64_t start, uint64_t end)
{
	struct tab *t = &sb->tabs[sb->cur];
	size_t first = SIZE_MAX, section = SIZE_MAX;

	sb->view_start = start;
	sb->view_end = end;
	for (int k = 0; k < SIDEBAR_TAB_COUNT; k++) {
		struct tab *u = &sb->tabs[k];

		if (u->in_view == NULL && u->n)
			u->in_view = xcalloc(u->n, sizeof *u->in_view);
		for (size_t i = 0; i < u->n; i++)
			u->in_view[i] = has_place_in(&u->v[i], start, end);
	}
	for (size_t i = 0; i < t->n; i++) {
		if (t->in_view[i] && first == SIZE_MAX)
			first = i;
		if (t->v[i].nplaces && t->v[i].places[0] <= start)
			section = i;
	}
	if (sb->cur == SIDEBAR_OUTLINE && section != SIZE_MAX) {
		t->in_view[section] = true;	/* the section the screen begins in */
		first = section;
	}
	if (sb->user_moved || first == SIZE_MAX)
		return;
	t->sel = first;
	t->scroll = first;
	keep_visible(sb, t);
}

void
sidebar_follow_again(struct sidebar *sb)
{
	sb->user_moved = false;
}

bool
sidebar_move(struct sidebar *sb, int n)
{
	struct tab *t = &sb->tabs[sb->cur];
	long to = (long)t->sel + n;

	if (t->n == 0)
		return false;
	sb->user_moved = true;
	if (to < 0 || to >= (long)t->n) {
		bool moved = (to < 0 && t->sel > 0) || (to >= (long)t->n && t->sel + 1 < t->n);

		t->sel = to < 0 ? 0 : t->n - 1;
		keep_visible(sb, t);
		return moved;
	}
	t->sel = (size_t)to;
	keep_visible(sb, t);
	return true;
}

void
sidebar_move_to(struct sidebar *sb, bool last)
{
	struct tab *t = &sb->tabs[sb->cur];

	sb->user_moved = true;
	t->sel = last && t->n ? t->n - 1 : 0;
	keep_visible(sb, t);
}

void
sidebar_next_tab(struct sidebar *sb, int dir)
{
	sidebar_set_tab(sb, (enum sidebar_tab)((sb->cur + SIDEBAR_TAB_COUNT + dir) % SIDEBAR_TAB_COUNT));
}

/* The tab row: "Notes 11 Links 14 …", or "Notes 11 L14 X0 …" when that is too wide. */
static void
draw_tabs(struct sidebar *sb, int y, int x, int w)
{
	int end = x + w, full = 0;

	for (int k = 0; k < SIDEBAR_TAB_COUNT; k++)
		full += snprintf(NULL, 0, " %s %zu", tab_titles[k], sb->tabs[k].n);
	for (int k = 0; k < SIDEBAR_TAB_COUNT && x < end; k++) {
		char buf[64];
		int n = full <= w || k == (int)sb->cur
		    ? snprintf(buf, sizeof buf, " %s %zu ", tab_titles[k], sb->tabs[k].n)
		    : snprintf(buf, sizeof buf, " %c%zu", tab_titles[k][0], sb->tabs[k].n);
		struct display_attr a = display_style(k == (int)sb->cur ? DISPLAY_SELECTED : DISPLAY_DIM);

		x += display_put(stdscr, y, x, buf, (size_t)n, end - x, a, opt_glyphs);
	}
}

static void
draw_entry(const struct sidebar_entry *e, bool in_view, bool selected, int y, int x, int w)
{
	const char *mark = in_view ? (opt_glyphs == GLYPH_UTF8 ? "\xE2\x96\xB8" : ">") : " ";	/* ▸ */
	struct display_attr base = display_style(e->flagged ? DISPLAY_DIM : DISPLAY_NORMAL);
	struct display_attr lab = display_style(DISPLAY_SUP);
	int end = x + w;

	if (selected) {
		base = display_style(DISPLAY_SELECTED);
		lab = base;
		display_clear_eol(stdscr, y, x, x + w, base);
	}
	x += display_put(stdscr, y, x, mark, strlen(mark), 1, display_style(DISPLAY_MARK), opt_glyphs);
	x += display_put(stdscr, y, x, " ", 1, end - x, base, opt_glyphs);
	if (*e->label) {
		x += display_put(stdscr, y, x, e->label, strlen(e->label), GLOSS_MIN(end - x, 12), lab,
		    opt_glyphs);
		x += display_put(stdscr, y, x, " ", 1, end - x, base, opt_glyphs);
	}
	display_put(stdscr, y, x, e->text, strlen(e->text), end - x, base, opt_glyphs);
}

void
sidebar_draw(struct sidebar *sb, int y, int x, int w, int h, bool focused)
{
	struct tab *t = &sb->tabs[sb->cur];
	const char *bar = opt_glyphs == GLYPH_UTF8 ? "\xE2\x94\x82" : "|";	/* │ */

	for (int r = 0; r < h; r++) {
		display_clear_eol(stdscr, y + r, x, x + w, display_style(DISPLAY_NORMAL));
		display_put(stdscr, y + r, x, bar, strlen(bar), 1, display_style(DISPLAY_DIM), opt_glyphs);
	}
	x += 2;
	w -= 2;
	if (w < 4 || h < 2)
		return;
	draw_tabs(sb, y, x, w);
	sb->rows = h - 1;
	if (t->n == 0) {
		const char *s = t->empty ? t->empty : "(none)";

		display_put(stdscr, y + 1, x, s, strlen(s), w, display_style(DISPLAY_DIM), opt_glyphs);
		return;
	}
	keep_visible(sb, t);
	for (int r = 0; r < sb->rows && t->scroll + (size_t)r < t->n; r++) {
		size_t i = t->scroll + (size_t)r;

		draw_entry(&t->v[i], t->in_view && t->in_view[i], focused && i == t->sel, y + 1 + r, x, w);
	}
}
