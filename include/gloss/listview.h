/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * listview — a reusable scrollable, selectable list as a view (for the
 * annotation panel, the corpus-wide annotation list, the library...).
 *
 * The owner keeps the data and describes it through callbacks; the list
 * keeps only which rows are shown (after filtering), the selection and the
 * scroll position.  Rows are numbered by the owner (0 .. count-1); every
 * row has a stable 64-bit key by which the selection survives refreshes.
 *
 * Keys (from the action table): j/k/arrows move the selection (a count
 * moves that many rows), Space/PgDn and b/PgUp by a screen, d/u by half a
 * screen, g/G to the first/last row (with a count: to row N), / filters
 * (prompt_read(); rows whose text contains the pattern, compared by the
 * fold key: case, ё/е and stress marks ignored; an empty pattern clears
 * the filter), Esc clears the filter.  Enter (ACTION_ENTER) and every
 * other action or key go to the owner's request hook.
 */
#ifndef GLOSS_LISTVIEW_H
#define GLOSS_LISTVIEW_H

#include "gloss/gloss.h"
#include "gloss/keymap.h"
#include "gloss/strbuf.h"
#include "gloss/view.h"

struct listview_ops {
	/* The number of rows. */
	size_t (*count)(void *arg);
	/* A stable key of row i (unique among the rows). */
	uint64_t (*key)(void *arg, size_t i);
	/*
	 * Draws row i on screen row y in columns [x, x + width) with
	 * display_put().  The list has already cleared the row, in the
	 * DISPLAY_SELECTED style when selected is true; draw in that style too.
	 */
	void (*draw)(void *arg, size_t i, int y, int x, int width, bool selected);
	/* Appends the text that the filter searches in row i to out (NULL: no filtering). */
	void (*text)(void *arg, size_t i, struct strbuf *out);
	/*
	 * Handles what the list does not (optional): an action (k is NULL) or a
	 * key bound to no action (a is ACTION_NONE).  The selected row, if any,
	 * is listview_selected(v).  Returning VIEW_UNHANDLED lets the generic
	 * code handle an action (q closes the view).
	 */
	enum view_result (*request)(void *arg, struct view *v, enum action a, const struct key *k);
	/* Fills the status line's left part (optional; the list adds its position on the right). */
	void (*status)(void *arg, struct strbuf *left, struct strbuf *right);
	/* Background work for about budget_us, true while more remains (optional; v is the list). */
	bool (*idle)(void *arg, struct view *v, unsigned budget_us);
	/* The list is on top again after the view above it closed (optional). */
	void (*focus)(void *arg, struct view *v);
	/* Frees the owner's data when the view is closed (optional). */
	void (*done)(void *arg);
	/* Shown when there are no rows (NULL: "Nothing to show"). */
	const char *empty;
};

/*
 * A new list view over the owner's data (arg is passed to every callback
 * and freed by ops->done).  The list starts with the first row selected.
 * view.c owns the view once it is pushed.
 */
struct view *listview_new(const struct listview_ops *ops, void *arg);

/*
 * The owner's data changed: counts and filters again.  The selection stays
 * on the row with the same key if there still is one, else on the same
 * place in the list.
 */
void listview_refresh(struct view *v);

/* The selected row and its key; false when the list shows no rows. */
bool listview_selected(struct view *v, size_t *row, uint64_t *key);

/* Selects the row with this key (clearing a filter that hides it); false if there is none. */
bool listview_select_key(struct view *v, uint64_t key);

/* Filters the rows as / does ("" or NULL clears the filter), keeping the selected key if shown. */
void listview_set_filter(struct view *v, const char *pattern);

/* The owner's rows the list shows (the filter's matches, in order): their count, and *rows borrowed until the list changes. */
size_t listview_shown(struct view *v, const size_t **rows);

/* The current filter pattern ("" when none); valid until the filter changes. */
const char *listview_filter(struct view *v);

#endif
