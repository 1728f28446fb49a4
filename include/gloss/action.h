/*
 * action — every user action, once.  This table generates the action enum,
 * the default key bindings (keymap), the help screen (help) and the KEYS
 * section of the man page (`gloss --keys=man`, checked by a test), so the
 * three can never disagree.
 *
 * ACTION_LIST(_) entries: _(NAME, GROUP, "default keys", "description")
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
	_(FILES, "Files") \
	_(OTHER, "Other") \
	_(LISTS, "Lists")

#define ACTION_LIST(_) \
	_(LINE_DOWN, MOVE, "j Down ^E ^N", "scroll down one line (or N lines)") \
	_(LINE_UP, MOVE, "k Up ^Y ^P", "scroll up one line (or N lines)") \
	_(PAGE_DOWN, MOVE, "Space f PgDn ^F ^V", "scroll down one screen") \
	_(PAGE_UP, MOVE, "b PgUp ^B", "scroll up one screen") \
	_(HALF_DOWN, MOVE, "d ^D", "scroll down half a screen") \
	_(HALF_UP, MOVE, "u ^U", "scroll up half a screen") \
	_(TOP, MOVE, "g Home <", "go to the beginning") \
	_(BOTTOM, MOVE, "G End >", "go to the end") \
	_(PERCENT, MOVE, "% p", "go to N percent of the document (50%)") \
	_(SEARCH_FORWARD, SEARCH, "/", "search forward (case, ё/е and stress marks ignored)") \
	_(SEARCH_BACKWARD, SEARCH, "?", "search backward") \
	_(SEARCH_NEXT, SEARCH, "n", "repeat the search in the same direction") \
	_(SEARCH_PREV, SEARCH, "N", "repeat the search in the opposite direction") \
	_(SEARCH_CLEAR, SEARCH, "Esc", "hide the search highlights") \
	_(NEXT_FILE, FILES, "]", "open the next file") \
	_(PREV_FILE, FILES, "[", "open the previous file") \
	_(FILE_INFO, FILES, "= ^G", "show the file name and position") \
	_(HELP, OTHER, "h F1", "show this help") \
	_(REDRAW, OTHER, "^L", "redraw the screen") \
	_(QUIT, OTHER, "q Q", "quit (or close the help)") \
	_(ENTER, LISTS, "Enter", "open the selected item (elsewhere: scroll down one line)")

enum action_group {
#define ACTION_GROUP_ENUM(name, title) ACTION_GROUP_##name,
	ACTION_GROUPS(ACTION_GROUP_ENUM)
#undef ACTION_GROUP_ENUM
	ACTION_GROUP_COUNT
};

enum action {
	ACTION_NONE,
#define ACTION_ENUM(name, group, keys, help) ACTION_##name,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

struct action_info {
	const char *name;	/* lower-case, with '-' (for messages and the man page) */
	enum action_group group;
	const char *keys;	/* default keys, space-separated */
	const char *help;
};

const struct action_info *action_info(enum action a);
const char *action_group_title(enum action_group g);

#endif
