/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * action — every user action, once.  This table generates the action enum,
 * the default key bindings (keymap), the help screen (help) and the KEYS
 * section of the man page (`gloss --list-keys=man`, checked by a test), so the
 * three can never disagree.
 *
 * ACTION_LIST(_) entries: _(NAME, GROUP, "keys", "keys in a selection",
 * "description").  In a selection (visual mode, after v) the second list is
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

/* _(NAME, GROUP, "keys", "keys in a selection (after v)", "description") */
#define ACTION_LIST(_) \
	_(LINE_DOWN, MOVE, "j Down ^E ^N", "", "scroll down one line (or N lines)") \
	_(LINE_UP, MOVE, "k Up ^Y ^P", "", "scroll up one line (or N lines)") \
	_(PAGE_DOWN, MOVE, "Space f PgDn ^F ^V", "", "scroll down one screen") \
	_(PAGE_UP, MOVE, "b PgUp ^B", "", "scroll up one screen") \
	_(HALF_DOWN, MOVE, "d ^D", "", "scroll down half a screen") \
	_(HALF_UP, MOVE, "u ^U", "", "scroll up half a screen") \
	_(TOP, MOVE, "g Home <", "", "go to the beginning") \
	_(BOTTOM, MOVE, "G End >", "", "go to the end") \
	_(PERCENT, MOVE, "% p", "", "go to N percent of the document (50%)") \
	_(MARK_SET, MOVE, "m", "", "m then a letter a-z: mark this place (and the caret), kept across sessions") \
	_(MARK_GO, MOVE, "'", "", "' then a letter: go to that mark; '': back to where you were before the last jump") \
	_(SEARCH_FORWARD, SEARCH, "/", "/", "search forward (case, ё/е and stress marks ignored)") \
	_(SEARCH_BACKWARD, SEARCH, "?", "?", "search backward") \
	_(SEARCH_NEXT, SEARCH, "n", "n", "repeat the search in the same direction") \
	_(SEARCH_PREV, SEARCH, "N", "N", "repeat the search in the opposite direction") \
	_(SEARCH_CLEAR, SEARCH, "Esc", "", "hide the search highlights and the caret") \
	_(FIND, SEARCH, "F", "", "search every article of the library (words, \"phrases\", prefix*, OR)") \
	_(CARET_RIGHT, CARET, "Right", "l Right", "move the caret to the next character") \
	_(CARET_LEFT, CARET, "Left", "h Left", "move the caret to the previous character") \
	_(CARET_LINE_DOWN, CARET, "", "j Down", "move the caret down a line") \
	_(CARET_LINE_UP, CARET, "", "k Up", "move the caret up a line") \
	_(CARET_LINE_START, CARET, "", "0 Home", "move the caret to the start of the line") \
	_(CARET_LINE_END, CARET, "", "$ End", "move the caret to the end of the line") \
	_(CARET_WORD_NEXT, CARET, "w", "w", "move the caret to the next word") \
	_(CARET_WORD_PREV, CARET, "B", "b B", "move the caret to the previous word") \
	_(CARET_WORD_END, CARET, "e", "e", "move the caret to the end of the word") \
	_(CARET_SENTENCE_NEXT, CARET, ")", ")", "move the caret to the next sentence") \
	_(CARET_SENTENCE_PREV, CARET, "(", "(", "move the caret to the previous sentence") \
	_(CARET_PARAGRAPH_NEXT, CARET, "}", "}", "move the caret to the next paragraph") \
	_(CARET_PARAGRAPH_PREV, CARET, "{", "{", "move the caret to the previous paragraph") \
	_(VISUAL, CARET, "v", "v Esc", "start a selection at the caret (again: cancel it)") \
	_(SELECT_SENTENCE, CARET, "", "s", "select the sentence around the caret") \
	_(SELECT_PARAGRAPH, CARET, "", "p", "select the paragraph around the caret") \
	_(HIGHLIGHT, ANNOTATE, "H", "H Enter", \
	    "highlight the selection, else the search match, else the sentence (N: colour N)") \
	_(HIGHLIGHT_PARAGRAPH, ANNOTATE, "P", "", "highlight the paragraph at the caret (N: colour N)") \
	_(NOTE, ANNOTATE, "a", "a", "write or edit the note of the highlight at the caret") \
	_(TAGS, ANNOTATE, "t", "t", "edit the tags of the highlight at the caret (Tab completes)") \
	_(COLOR, ANNOTATE, "c", "", "change the colour of the highlight at the caret (N: colour N)") \
	_(DELETE, ANNOTATE, "x", "", "delete the highlight at the caret") \
	_(UNDELETE, ANNOTATE, "U", "", "bring back the last deleted highlight") \
	_(REATTACH, ANNOTATE, "r", "", "in a list: re-attach an orphaned highlight to new text") \
	_(PANEL, ANNOTATE, "A", "", "list the highlights (annotations) of this document") \
	_(ALL_ANNOTATIONS, ANNOTATE, "M", "", "list the annotations of every document") \
	_(SIDEBAR, SIDE, "s", "", "show or hide the sidebar: notes, links, cross-references, highlights, outline") \
	_(SIDEBAR_FOCUS, SIDE, "^W", "", "move between the text and the sidebar (in it: Left/Right change tabs)") \
	_(NOTE_POPUP, SIDE, "o", "", "show the note of the marker at the caret (or the first on screen)") \
	_(JUMP_BACK, SIDE, "^O `", "", "go back to where you were before a jump") \
	_(JUMP_FORWARD, SIDE, "Tab", "", "go forward again after ^O") \
	_(COPY, SIDE, "y", "y", "copy to the clipboard (OSC 52, or tmux's): the selection, or the link, highlight or note at the caret") \
	_(NEXT_FILE, FILES, "]", "", "open the next file") \
	_(PREV_FILE, FILES, "[", "", "open the previous file") \
	_(FILE_INFO, FILES, "= ^G", "", "show the file, its lines on screen, byte offset and percent (as less)") \
	_(MESSAGES, OTHER, "^T", "^T", "show the last message in full, with this session's earlier ones") \
	_(RELOAD, FILES, "R", "", "read the file again (when it changed on disk)") \
	_(FOLD, OTHER, "z", "", "open or close the fold at the caret or the first on screen") \
	_(FOLD_ALL, OTHER, "Z", "", "turn folding of site furniture off or on for this document") \
	_(FRONT_MATTER, OTHER, "i", "", "show the front matter as written, or its header again") \
	_(EXPORT, FILES, "E", "", "export this document's highlights to a Markdown file") \
	_(HELP, OTHER, "h F1", "", "show this help") \
	_(REDRAW, OTHER, "^L", "^L", "redraw the screen") \
	_(QUIT, OTHER, "q Q", "q", "quit (or close the help or a list)") \
	_(ENTER, LISTS, "Enter", "", "open the selected item (elsewhere: scroll down one line)") \
	_(SORT, LISTS, "S", "", "library: sort by title, date, progress or recently read (cycles)")

enum action_group {
#define ACTION_GROUP_ENUM(name, title) ACTION_GROUP_##name,
	ACTION_GROUPS(ACTION_GROUP_ENUM)
#undef ACTION_GROUP_ENUM
	ACTION_GROUP_COUNT
};

enum action {
	ACTION_NONE,
#define ACTION_ENUM(name, group, keys, vkeys, help) ACTION_##name,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

struct action_info {
	const char *name;	/* the enum's name, NEXT_NOTE (the config file writes next-note) */
	enum action_group group;
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

#endif
