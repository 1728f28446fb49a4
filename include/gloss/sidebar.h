/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * sidebar — the panel beside the text: tabs (Notes, Links, Cross-document,
 * Highlights, Outline), each a list of entries about places in the open
 * document.  It knows nothing of where entries come from (the pager fills
 * it, pager_side.c): it keeps them, tells which are "in view" for the
 * range of the document text on screen, follows that range, moves a
 * selection, and draws itself into a rectangle of the screen.
 *
 * Memory: the sidebar owns its entries; sidebar_add() copies the strings
 * and places (the const fields of a stored entry are its own copies).
 * Entry pointers stay valid until the tab is cleared or the sidebar freed.
 */
#ifndef GLOSS_SIDEBAR_H
#define GLOSS_SIDEBAR_H

#include "gloss/gloss.h"

#define SIDEBAR_NO_TARGET UINT64_MAX

#define SIDEBAR_TAB_LIST(_) \
	_(NOTES, "Notes") \
	_(LINKS, "Links") \
	_(XREF, "Xref") \
	_(HIGHLIGHTS, "Marks") \
	_(OUTLINE, "Outline")

enum sidebar_tab {
#define SIDEBAR_TAB_ENUM(name, title) SIDEBAR_##name,
	SIDEBAR_TAB_LIST(SIDEBAR_TAB_ENUM)
#undef SIDEBAR_TAB_ENUM
	SIDEBAR_TAB_COUNT
};

struct sidebar_entry {
	const char *label;		/* marker, colour, heading level… (short) */
	const char *text;		/* one line */
	const char *detail;		/* the full text (popup, copying), or NULL */
	const char *url;		/* a link's URL, or NULL */
	const uint64_t *places;	/* where the entry is in this document's text (citations, */
	size_t nplaces;		/* the link, the highlight, the heading), sorted */
	uint64_t target;	/* where Enter goes in this document, or SIDEBAR_NO_TARGET */
	const char *other_path;	/* …or in another document (cross-document entries) */
	uint64_t other_off;
	bool flagged;		/* shown dim: a marker without a note, an orphan… */
};

struct sidebar;

struct sidebar *sidebar_new(void);
void sidebar_free(struct sidebar *sb);

/* Empties a tab (before filling it again). */
void sidebar_clear(struct sidebar *sb, enum sidebar_tab tab);
/* Adds an entry to a tab; strings and places are copied. Returns the copy. */
struct sidebar_entry *sidebar_add(struct sidebar *sb, enum sidebar_tab tab, const struct sidebar_entry *e);
/* A tab's placeholder line while it has no entries ("none", "measuring…"); copied. */
void sidebar_set_empty_text(struct sidebar *sb, enum sidebar_tab tab, const char *text);

enum sidebar_tab sidebar_tab(const struct sidebar *sb);
void sidebar_set_tab(struct sidebar *sb, enum sidebar_tab tab);
/* The selected entry of the current tab, or NULL. */
const struct sidebar_entry *sidebar_selected(const struct sidebar *sb);

/*
 * The reading position: [start, end) of the document text is on screen.
 * Entries with a place in it are marked; unless the reader moved the
 * selection since (sidebar_move), the list scrolls to the first of them
 * (for the Outline: to the section the screen begins in).
 */
void sidebar_follow(struct sidebar *sb, uint64_t start, uint64_t end);

/* The list follows the reading position again (the reader went back to the text). */
void sidebar_follow_again(struct sidebar *sb);
/* Moves the selection by n entries (page: by a screen); returns false at an end. */
bool sidebar_move(struct sidebar *sb, int n);
void sidebar_move_to(struct sidebar *sb, bool last);
/* Cycles the tab (dir +1/-1), skipping none. */
void sidebar_next_tab(struct sidebar *sb, int dir);

/* Draws into stdscr rows [y, y+h), columns [x, x+w); focused: the selection is shown. */
void sidebar_draw(struct sidebar *sb, int y, int x, int w, int h, bool focused);

#endif
