/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * view — the generic part of the user interface: a stack of views, each a
 * table of operations, and the main loop that draws the top view and the
 * status line, reads keys, turns them into actions and offers each action
 * first to the top view, then handles what comes back (close, quit,
 * redraw, and the program-wide actions its user registered: help, F).  Views draw on stdscr rows [0, rows); the last screen row is the
 * status line, owned by this module.
 */
#ifndef GLOSS_VIEW_H
#define GLOSS_VIEW_H

#include "gloss/gloss.h"
#include "gloss/action.h"
#include "gloss/keymap.h"
#include "gloss/strbuf.h"

enum view_result {
	VIEW_HANDLED,		/* done; redraw */
	VIEW_UNHANDLED,		/* let the generic code handle it */
	VIEW_CLOSE,		/* pop this view */
	VIEW_QUIT,		/* leave the program */
};

struct view;

struct view_ops {
	const char *name;
	/* Draws the view's rows. */
	void (*draw)(struct view *v);
	/* Handles an action with a count (0 when none was typed). */
	enum view_result (*request)(struct view *v, enum action a, int count);
	/* Handles a key bound to no action (optional). */
	enum view_result (*key)(struct view *v, const struct key *k);
	/* The terminal size changed; v->rows and v->cols are already updated (optional). */
	void (*resize)(struct view *v);
	/* Background work for about budget_us; returns true while more remains (optional). */
	bool (*idle)(struct view *v, unsigned budget_us);
	/* Fills the status line's left part (title) and right part (position). */
	void (*status)(struct view *v, struct strbuf *left, struct strbuf *right);
	/* Frees the view's data (the struct view itself is freed by view.c). */
	void (*done)(struct view *v);
	/* The key mode (a selection looks up its own bindings first); optional. */
	enum keymap_mode (*keymode)(struct view *v);
	/* The view is on top again: the view above it closed (optional). */
	void (*focus)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	void *data;		/* owned by the view; freed by ops->done */
	int rows, cols;		/* the area the view draws in */
};

/* Creates a view (view.c owns it once pushed). */
struct view *view_new(const struct view_ops *ops, void *data);
/* Pushes v on the stack; it becomes the top view.  False (v freed, a message shown) when the stack is full. */
bool view_push(struct view *v);
/* Runs the main loop until the last view closes; returns the exit status. */
int view_run(void);
/*
 * Makes action a program-wide: when the top view leaves it unhandled, the
 * loop calls fn(arg) (h, the help, and F, the library search, from any
 * view; the reader registers both, the view module knows neither).  arg is
 * borrowed and must outlive the loop; fn NULL removes the handler.
 */
void view_set_action(enum action a, void (*fn)(void *arg), void *arg);
/* Shows a message in the status line until the next key. */
void view_message(const char *fmt, ...) GLOSS_PRINTF(1, 2);
/* Copies s[0..n) to the clipboard and says where it went (what: "the selection", ...). */
void view_copy(const char *what, const char *s, size_t n);
/* Draws the status line now (for progress during long work). */
void view_status_now(const char *fmt, ...) GLOSS_PRINTF(1, 2);
/* Asks for a redraw after background work changed what a view shows. */
void view_invalidate(void);
/* True if v is the view on top of the stack (the one shown). */
bool view_is_top(const struct view *v);
/*
 * The terminal is going away (SIGHUP, SIGTERM): async-signal-safe; the
 * loop ends after the current key, closing every view (which saves state).
 */
void view_hangup(void);
/* The number of text rows and columns available to views. */
int view_rows(void);
int view_cols(void);

#endif
