/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * help — the help view and the key table for the man page, generated from
 * the action table so that neither can drift from the real bindings.
 */
#include "gloss/gloss.h"

#include "gloss/action.h"
#include "gloss/display.h"
#include "gloss/fold.h"
#include "gloss/help.h"
#include "gloss/keymap.h"
#include "gloss/layout.h"
#include "gloss/options.h"
#include "gloss/prompt.h"
#include "gloss/strbuf.h"
#include "gloss/view.h"
#include "gloss/xmalloc.h"

#define KEY_COLUMN 24
#define HELP_VISUAL_TITLE "In a selection (after v; other keys work as above)"
#define HELP_KEYS_MAX 96	/* the names of one action's keys */

struct help_line {
	char *keys;		/* NULL for a heading or blank line; "" continues a description */
	const char *text;
	size_t len;
};

struct help {
	struct help_line *lines;
	int nlines;
	int top;
	int width;		/* of the descriptions, when the lines were built */
	char view[16];		/* the view whose keys it shows ("pager", "list", "popup") */
	struct strbuf pattern;	/* the last search, as typed */
	int match;		/* the line of the current match, -1 if none */
};

static void
add_row(struct help *h, const char *keys, const char *text, size_t len)
{
	h->lines = xreallocarray(h->lines, (size_t)h->nlines + 1, sizeof *h->lines);
	h->lines[h->nlines] = (struct help_line){ keys ? xstrdup(keys) : NULL, text, len };
	h->nlines++;
}

/* A heading, or a key's description wrapped to the width (continuation rows without keys). */
static void
add_line(struct help *h, const char *keys, const char *text)
{
	struct layout_opts o = layout_defaults(GLOSS_MAX(h->width, 10));
	struct layout_line *rows;
	size_t n;

	if (keys == NULL) {
		add_row(h, NULL, text, strlen(text));
		return;
	}
	o.mode = opt_glyphs;
	n = layout_wrap(text, strlen(text), &o, &rows);
	for (size_t i = 0; i < n; i++)
		add_row(h, i == 0 ? keys : "", text + rows[i].start, rows[i].end - rows[i].start);
	free(rows);
}

static void
free_lines(struct help *h)
{
	for (int i = 0; i < h->nlines; i++)
		free(h->lines[i].keys);
	free(h->lines);
	h->lines = NULL;
	h->nlines = 0;
}

/* The first line: whose keys these are. */
static const char *
title_of(const char *view)
{
	if (strcmp(view, "list") == 0)
		return "gloss keys in lists (the library, A, M, F's results) — q closes this help";
	if (strcmp(view, "popup") == 0)
		return "gloss keys in a popup — q closes this help";
	return "gloss keys in the reader — q closes this help; a number before a key is a count";
}

/* The actions of the group that work in the view, with the keys bound to them there (none: left out). */
static void
add_group(struct help *h, int g, enum keymap_mode mode, bool *titled, const char *title)
{
	char keys[HELP_KEYS_MAX];

	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		const struct action_info *ai = action_info((enum action)a);

		if ((g >= 0 && ai->group != (enum action_group)g) || !action_in_view((enum action)a, h->view))
			continue;
		keymap_keys_of(h->view, (enum action)a, mode, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;
		if (!*titled) {
			add_line(h, NULL, "");
			add_line(h, NULL, title);
			*titled = true;
		}
		add_line(h, keys, ai->help);
	}
}

/*
 * The keys of the view help was opened from, as bound now (the config
 * file's bind and unbind included), by group; the pager's selection keys
 * after them.  The other views' keys are in their own help.
 */
static void
build(struct help *h, int cols)
{
	bool titled;

	free_lines(h);
	h->width = cols - KEY_COLUMN - 3;
	add_line(h, NULL, title_of(h->view));
	for (int g = 0; g < ACTION_GROUP_COUNT; g++) {
		titled = false;
		add_group(h, g, KEYMAP_NORMAL, &titled, action_group_title((enum action_group)g));
	}
	titled = false;
	if (strcmp(h->view, "pager") == 0)
		add_group(h, -1, KEYMAP_VISUAL, &titled, HELP_VISUAL_TITLE);
	add_line(h, NULL, "");
	add_line(h, NULL, "Other views list their own keys with h; every key: man gloss, gloss --list-keys");
}

static void
help_draw(struct view *v)
{
	struct help *h = v->data;

	if (h->width != v->cols - KEY_COLUMN - 3) {	/* first draw, or resized */
		build(h, v->cols);
		h->top = GLOSS_MAX(0, GLOSS_MIN(h->top, h->nlines - v->rows));
	}
	for (int y = 0; y < v->rows && h->top + y < h->nlines; y++) {
		const struct help_line *l = &h->lines[h->top + y];

		if (l->keys == NULL) {
			display_put(stdscr, y, 1, l->text, l->len, v->cols - 2,
			    display_style(DISPLAY_BOLD), opt_glyphs);
			continue;
		}
		display_put(stdscr, y, 3, l->keys, strlen(l->keys), KEY_COLUMN - 2,
		    display_style(DISPLAY_HELP_KEY), opt_glyphs);
		if (v->cols > KEY_COLUMN + 3)
			display_put(stdscr, y, KEY_COLUMN + 2, l->text, l->len, v->cols - KEY_COLUMN - 3,
			    display_style(h->top + y == h->match ? DISPLAY_MATCH : DISPLAY_NORMAL), opt_glyphs);
	}
}

static void
scroll_to(struct view *v, int top)
{
	struct help *h = v->data;
	int max = h->nlines - v->rows;

	h->top = GLOSS_MAX(0, GLOSS_MIN(top, max));
}

/* Whether line i holds the fold key of the pattern (in its keys or its text). */
static bool
line_matches(const struct help *h, int i, const struct strbuf *key)
{
	const struct help_line *l = &h->lines[i];
	struct strbuf k = STRBUF_INIT;
	bool found;

	struct strbuf folded = STRBUF_INIT;

	if (l->keys) {
		strbuf_adds(&k, l->keys);
		strbuf_addc(&k, ' ');
	}
	strbuf_add(&k, l->text, l->len);
	fold_key(strbuf_str(&k), k.len, &folded);
	found = strstr(strbuf_str(&folded), strbuf_str(key)) != NULL;
	strbuf_done(&folded);
	strbuf_done(&k);
	return found;
}

/* Goes to the next line (dir 1) or the previous (-1) that matches the pattern, wrapping around. */
static void
find(struct view *v, int dir)
{
	struct help *h = v->data;
	struct strbuf key = STRBUF_INIT;
	int from = h->match >= 0 ? h->match : dir > 0 ? h->top - 1 : h->top + v->rows;

	if (h->pattern.len == 0) {
		view_message("No search yet: / searches the help");
		return;
	}
	fold_key(strbuf_str(&h->pattern), h->pattern.len, &key);
	h->match = -1;
	for (int step = 1; step <= h->nlines && h->match < 0; step++) {
		int i = ((from + dir * step) % h->nlines + h->nlines) % h->nlines;

		if (line_matches(h, i, &key))
			h->match = i;
	}
	if (h->match < 0)
		view_message("Not in the help: %s", strbuf_str(&h->pattern));
	else if (h->match < h->top || h->match >= h->top + v->rows)
		scroll_to(v, h->match - v->rows / 3);
	strbuf_done(&key);
}

static void
search(struct view *v, int dir)
{
	struct help *h = v->data;
	struct prompt_opts o = { .label = dir > 0 ? "/" : "?" };
	struct strbuf text = STRBUF_INIT;

	if (prompt_read(&o, &text) && text.len) {
		strbuf_reset(&h->pattern);
		strbuf_add(&h->pattern, text.buf, text.len);
		h->match = -1;
		find(v, dir);
	}
	strbuf_done(&text);
}

static enum view_result
help_request(struct view *v, enum action a, int count)
{
	struct help *h = v->data;
	int n = count > 0 ? count : 1;

	switch (a) {
	case ACTION_LINE_DOWN: scroll_to(v, h->top + n); break;
	case ACTION_LINE_UP: scroll_to(v, h->top - n); break;
	case ACTION_PAGE_DOWN: scroll_to(v, h->top + v->rows); break;
	case ACTION_PAGE_UP: scroll_to(v, h->top - v->rows); break;
	case ACTION_HALF_DOWN: scroll_to(v, h->top + v->rows / 2); break;
	case ACTION_HALF_UP: scroll_to(v, h->top - v->rows / 2); break;
	case ACTION_TOP: scroll_to(v, 0); break;
	case ACTION_BOTTOM: scroll_to(v, h->nlines); break;
	case ACTION_SEARCH_FORWARD: search(v, 1); break;
	case ACTION_SEARCH_BACKWARD: search(v, -1); break;
	case ACTION_SEARCH_NEXT: find(v, 1); break;
	case ACTION_SEARCH_PREV: find(v, -1); break;
	case ACTION_HELP:
	case ACTION_SEARCH_CLEAR:
		return VIEW_CLOSE;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static void
help_status(struct view *v, struct strbuf *left, struct strbuf *right)
{
	struct help *h = v->data;

	strbuf_adds(left, "Help");
	strbuf_addf(right, "%d%%", h->nlines <= v->rows ? 100 :
	    (int)(100L * GLOSS_MIN(h->top + v->rows, h->nlines) / h->nlines));
}

static void
help_done(struct view *v)
{
	struct help *h = v->data;

	free_lines(h);
	strbuf_done(&h->pattern);
	free(h);
}

static const struct view_ops help_ops = {
	.name = "help",
	.draw = help_draw,
	.request = help_request,
	.status = help_status,
	.done = help_done,
};

struct view *
help_view_new(const char *view)
{
	struct help *h = xcalloc(1, sizeof *h);

	h->match = -1;
	snprintf(h->view, sizeof h->view, "%s", view && (strcmp(view, "list") == 0 ||
	    strcmp(view, "popup") == 0) ? view : "pager");
	build(h, view_cols());
	return view_new(&help_ops, h);
}

void
help_show(void *arg)
{
	struct view *top = view_top();

	(void)arg;
	view_push(help_view_new(top ? top->ops->name : NULL));
}

/* Escapes troff's special characters in s. */
static void
troff_escape(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

/* Where a works, for the key table: "pager, list", or "everywhere". */
static void
scope_words(enum action a, char *buf, size_t size)
{
	const char *s = action_info(a)->scope;
	size_t i = 0;

	if (strcmp(s, "all") == 0)
		s = "everywhere";
	for (; *s && i + 2 < size; s++) {
		if (*s == ' ')
			buf[i++] = ',';
		buf[i++] = *s;
	}
	buf[i] = '\0';
}

/*
 * A key's line: its keys, what it does, the action's name for the config
 * file and (scope) the views it works in.
 */
static void
print_key(FILE *f, bool troff, const char *keys, enum action a, bool scope)
{
	char name[40], where[64] = "";

	action_config_name(a, name, sizeof name);
	if (scope)
		scope_words(a, where, sizeof where);
	if (troff) {
		fputs(".TP\n.B ", f);
		troff_escape(f, *keys ? keys : "(no key)");
		fputc('\n', f);
		troff_escape(f, action_info(a)->help);
		fputs(" (\\fI", f);
		troff_escape(f, name);
		fputs("\\fR", f);
		if (*where) {
			fputs("; ", f);
			troff_escape(f, where);
		}
		fputs(")\n", f);
	} else {
		fprintf(f, "  %-22s %s (%s%s%s)\n", *keys ? keys : "(no key)", action_info(a)->help, name,
		    *where ? "; " : "", where);
	}
}

static void
print_title(FILE *f, bool troff, const char *title, bool first)
{
	if (troff)
		fprintf(f, ".SS %s\n", title);
	else
		fprintf(f, "%s%s\n", first ? "" : "\n", title);
}

void
help_print_keys(FILE *f, bool troff)
{
	for (int g = 0; g < ACTION_GROUP_COUNT; g++) {
		print_title(f, troff, action_group_title((enum action_group)g), g == 0);
		for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
			const struct action_info *ai = action_info((enum action)a);

			if (ai->group == (enum action_group)g && (ai->keys[0] || !ai->vkeys[0]))
				print_key(f, troff, ai->keys, (enum action)a, true);
		}
	}
	print_title(f, troff, HELP_VISUAL_TITLE, false);
	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		const struct action_info *ai = action_info((enum action)a);

		if (ai->vkeys[0])
			print_key(f, troff, ai->vkeys, (enum action)a, false);
	}
}
