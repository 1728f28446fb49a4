/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * keymap — key names and the bindings from keys to actions, built from the
 * default keys of the action table.
 */
#ifndef GLOSS_KEYMAP_H
#define GLOSS_KEYMAP_H

#include "gloss/gloss.h"
#include "gloss/action.h"
#include "gloss/error.h"

/* A key as read from the terminal: a character, or a curses function key. */
struct key {
	bool fn;		/* code is a KEY_* constant */
	uint32_t code;		/* a Unicode code point (Ctrl-X is 0x18) or KEY_* */
};

/* Parses a key name ("j", "^F", "PgDn", "Space"); false if unknown. */
bool keymap_parse(const char *name, struct key *k);
/* Key modes: a view in a selection looks keys up in the visual bindings first. */
enum keymap_mode {
	KEYMAP_NORMAL,
	KEYMAP_VISUAL,
};

/*
 * The action bound to k in the mode, or ACTION_NONE.  A Cyrillic letter
 * bound to nothing is looked up as the key at its place on a US keyboard.
 */
enum action keymap_lookup(const struct key *k, enum keymap_mode mode);
/* Writes a readable name of k into buf ("J", "^L", "PgDn"; --print-config). */
void keymap_name(const struct key *k, char *buf, size_t size);

/* Which Cyrillic layout's places keymap_lookup uses (і differs: S or B). */
enum keymap_layout {
	KEYMAP_LAYOUT_DEFAULT,	/* from the locale: be_* Belarusian, else Russian/Ukrainian */
	KEYMAP_LAYOUT_RU_UK,
	KEYMAP_LAYOUT_BE,
	KEYMAP_LAYOUT_OFF,	/* Cyrillic letters are only what they are */
};
void keymap_set_layout(enum keymap_layout l);
enum keymap_layout keymap_get_layout(void);

/* keymap_lookup for the view named view (view_ops.name; NULL: no view's own bindings). */
enum action keymap_lookup_in(const char *view, const struct key *k, enum keymap_mode mode);

/*
 * The user's bindings (the config file), looked up before the defaults: a
 * view's own ("pager", "list", "help", "popup"), then those of view ""
 * (every view).  a ACTION_NONE unbinds the key.  Binding a key again
 * replaces its binding.  GLOSS_ETOOBIG past KEYMAP_USER_MAX.
 */
#define KEYMAP_USER_MAX 256
enum gloss_status keymap_bind(const char *view, const struct key *k, enum action a, enum keymap_mode mode);
size_t keymap_user_count(void);
/* The i-th user binding (view is borrowed from the keymap). */
void keymap_user_get(size_t i, const char **view, struct key *k, enum action *a, enum keymap_mode *mode);
/*
 * The keys bound to a in view (NULL: no view's own bindings) in the mode,
 * as the help shows them: the default keys still bound to it, then the
 * user's, by name ("J g Home"), space-separated, into buf ("" if none).
 * In KEYMAP_VISUAL only the selection's own keys (action_info()->vkeys and
 * the user's selection bindings).
 */
void keymap_keys_of(const char *view, enum action a, enum keymap_mode mode, char *buf, size_t size);
/* Forgets the user's bindings and the layout choice (tests). */
void keymap_reset(void);
/* The US key at code's place on the layout (о → j); false for other characters. */
bool keymap_us_key(uint32_t code, uint32_t *us);

#endif
