/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * action — every user action, once.  This table generates the action enum,
 * the default key bindings (keymap), the help screen (help) and the KEYS
 * section of the man page (`gloss --list-keys=man`, checked by a test), so the
 * three can never disagree.
 *
 * ACTION_LIST(_) entries: _(NAME, GROUP, "scope", "keys", "keys in a
 * selection", "description").  The scope is where the action works: the
 * names of the views (as the config file's bind names them) — pager (the
 * reader), list (the library and the lists of highlights and search
 * results), help, popup — or all (every view: the program-wide actions).
 * The help screen shows the keys of the view it was opened from.  In a
 * selection (visual mode, after v, in the pager) the second list of keys is
 * looked up first, then the first.
 * Key names: a character; ^X for Ctrl-X; Space Enter Esc Tab BS Up Down
 * Left Right PgUp PgDn Home End F1…F12.  A count typed before a key (10j,
 * 50%) is passed to the action.
 */
#ifndef GLOSS_ACTION_H
#define GLOSS_ACTION_H

#include "gloss/gloss.h"

#define ACTION_GROUPS(_) \
	_(MOVE, "Moving") \
	_(SEARCH, "Searching") \
	_(CARET, "The caret") \
	_(ANNOTATE, "Highlights, notes and tags") \
	_(SIDE, "Notes, links and the sidebar") \
	_(FILES, "Files") \
	_(OTHER, "Other") \
	_(LISTS, "Lists")

/* _(NAME, GROUP, "scope", "keys", "keys in a selection (after v)", "description") */
#define ACTION_LIST(_) \
	_(LINE_DOWN, MOVE, "pager list help popup", "j Down ^E ^N", "", "scroll down one line (or N lines)") \
	_(LINE_UP, MOVE, "pager list help popup", "k Up ^Y ^P", "", "scroll up one line (or N lines)") \
	_(PAGE_DOWN, MOVE, "pager list help", "Space f PgDn ^F ^V", "", "scroll down one screen") \
	_(PAGE_UP, MOVE, "pager list help", "b PgUp ^B", "", "scroll up one screen") \
	_(HALF_DOWN, MOVE, "pager list help", "d ^D", "", "scroll down half a screen") \
	_(HALF_UP, MOVE, "pager list help", "u ^U", "", "scroll up half a screen") \
	_(TOP, MOVE, "pager list help", "g Home <", "", "go to the beginning") \
	_(BOTTOM, MOVE, "pager list help", "G End >", "", "go to the end") \
	_(PERCENT, MOVE, "pager", "% p", "", "go to N percent of the document (50%)") \
	_(MARK_SET, MOVE, "pager", "m", "", "then a letter a-z: mark this place and the caret (kept across sessions)") \
	_(MARK_GO, MOVE, "pager", "'", "", "then a letter: go to that mark; then ': back to where you were before the last jump") \
	_(SEARCH_FORWARD, SEARCH, "pager list help", "/", "/", "search forward (case, ё/е and stress marks ignored)") \
	_(SEARCH_BACKWARD, SEARCH, "pager help", "?", "?", "search backward") \
	_(SEARCH_NEXT, SEARCH, "pager help", "n", "n", "repeat the search in the same direction") \
	_(SEARCH_PREV, SEARCH, "pager help", "N", "N", "repeat the search in the opposite direction") \
	_(SEARCH_CLEAR, SEARCH, "pager list help", "Esc", "", "hide the search highlights and the caret") \
	_(FIND, SEARCH, "all", "F", "", "search every article of the library (words, \"phrases\", prefix*, OR)") \
	_(CARET_RIGHT, CARET, "pager", "Right", "l Right", "move the caret to the next character") \
	_(CARET_LEFT, CARET, "pager", "Left", "h Left", "move the caret to the previous character") \
	_(CARET_LINE_DOWN, CARET, "pager", "", "j Down", "move the caret down a line") \
	_(CARET_LINE_UP, CARET, "pager", "", "k Up", "move the caret up a line") \
	_(CARET_LINE_START, CARET, "pager", "", "0 Home", "move the caret to the start of the line") \
	_(CARET_LINE_END, CARET, "pager", "", "$ End", "move the caret to the end of the line") \
	_(CARET_WORD_NEXT, CARET, "pager", "w", "w", "move the caret to the next word") \
	_(CARET_WORD_PREV, CARET, "pager", "B", "b B", "move the caret to the previous word") \
	_(CARET_WORD_END, CARET, "pager", "e", "e", "move the caret to the end of the word") \
	_(CARET_SENTENCE_NEXT, CARET, "pager", ")", ")", "move the caret to the next sentence") \
	_(CARET_SENTENCE_PREV, CARET, "pager", "(", "(", "move the caret to the previous sentence") \
	_(CARET_PARAGRAPH_NEXT, CARET, "pager", "}", "}", "move the caret to the next paragraph") \
	_(CARET_PARAGRAPH_PREV, CARET, "pager", "{", "{", "move the caret to the previous paragraph") \
	_(VISUAL, CARET, "pager", "v", "v Esc", "start a selection at the caret (again: cancel it)") \
	_(SELECT_SENTENCE, CARET, "pager", "", "s", "select the sentence around the caret") \
	_(SELECT_PARAGRAPH, CARET, "pager", "", "p", "select the paragraph around the caret") \
	_(HIGHLIGHT, ANNOTATE, "pager", "H", "H Enter", \
	    "highlight the selection, else the search match, else the sentence (N: colour N)") \
	_(HIGHLIGHT_PARAGRAPH, ANNOTATE, "pager", "P", "", "highlight the paragraph at the caret (N: colour N)") \
	_(NOTE, ANNOTATE, "pager list", "a", "a", "write or edit the note of the highlight at the caret") \
	_(TAGS, ANNOTATE, "pager list", "t", "t", "edit the tags of the highlight at the caret (Tab completes)") \
	_(COLOR, ANNOTATE, "pager list", "c", "", "change the colour of the highlight at the caret (N: colour N)") \
	_(DELETE, ANNOTATE, "pager list", "x", "", "delete the highlight at the caret") \
	_(UNDELETE, ANNOTATE, "pager list", "U", "", "bring back the last deleted highlight") \
	_(REATTACH, ANNOTATE, "list", "r", "", "in a list: re-attach an orphaned highlight to new text") \
	_(PANEL, ANNOTATE, "pager", "A", "", "list the highlights (annotations) of this document") \
	_(ALL_ANNOTATIONS, ANNOTATE, "pager", "M", "", "list the annotations of every document") \
	_(SIDEBAR, SIDE, "pager", "s", "", "show or hide the sidebar: notes, links, cross-references, highlights, outline") \
	_(SIDEBAR_FOCUS, SIDE, "pager", "^W", "", "move between the text and the sidebar (in it: Left/Right change tabs)") \
	_(NOTE_POPUP, SIDE, "pager", "o", "", "show the note of the marker at the caret (or the first on screen)") \
	_(JUMP_BACK, SIDE, "pager", "^O `", "", "go back to where you were before a jump") \
	_(JUMP_FORWARD, SIDE, "pager", "Tab", "", "go forward again after ^O") \
	_(COPY, SIDE, "pager popup", "y", "y", "copy to the clipboard (OSC 52, or tmux's): the selection, or the link, highlight or note at the caret") \
	_(NEXT_FILE, FILES, "pager", "]", "", "open the next file") \
	_(PREV_FILE, FILES, "pager", "[", "", "open the previous file") \
	_(FILE_INFO, FILES, "pager", "= ^G", "", "show the file, its lines on screen, byte offset and percent (as less)") \
	_(MESSAGES, OTHER, "all", "^T", "^T", "show the last message in full, with this session's earlier ones") \
	_(RELOAD, FILES, "pager", "R", "", "read the file again (when it changed on disk)") \
	_(FOLD, OTHER, "pager", "z", "", "open or close the fold at the caret or the first on screen") \
	_(FOLD_ALL, OTHER, "pager", "Z", "", "turn folding of site furniture off or on for this document") \
	_(FRONT_MATTER, OTHER, "pager", "i", "", "show the front matter as written, or its header again") \
	_(EXPORT, FILES, "pager", "E", "", "export this document's highlights to a Markdown file") \
	_(HELP, OTHER, "all", "h F1", "", "show this help") \
	_(REDRAW, OTHER, "all", "^L", "^L", "redraw the screen") \
	_(QUIT, OTHER, "all", "q Q", "q", "quit (or close the help or a list)") \
	_(ENTER, LISTS, "pager list popup", "Enter", "", "open the selected item (elsewhere: scroll down one line)") \
	_(SORT, LISTS, "list", "S", "", "library: sort by title, date, progress or recently read (cycles)")

enum action_group {
#define ACTION_GROUP_ENUM(name, title) ACTION_GROUP_##name,
	ACTION_GROUPS(ACTION_GROUP_ENUM)
#undef ACTION_GROUP_ENUM
	ACTION_GROUP_COUNT
};

enum action {
	ACTION_NONE,
#define ACTION_ENUM(name, group, scope, keys, vkeys, help) ACTION_##name,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

struct action_info {
	const char *name;	/* the enum's name, NEXT_NOTE (the config file writes next-note) */
	enum action_group group;
	const char *scope;	/* the views it works in, space-separated, or "all" */
	const char *keys;	/* default keys, space-separated */
	const char *vkeys;	/* keys in a selection (visual mode), which take precedence */
	const char *help;
};

const struct action_info *action_info(enum action a);
/* The action named name ("next-note", "NEXT_NOTE", case and - or _ alike); ACTION_NONE if none. */
enum action action_parse(const char *name);
/* The name the config file uses for a ("next-file"), written to buf; returns buf. */
const char *action_config_name(enum action a, char *buf, size_t size);
const char *action_group_title(enum action_group g);
/* Whether a works in the view named view ("pager", "list", "help", "popup"; a scope word). */
bool action_in_view(enum action a, const char *view);

#endif
