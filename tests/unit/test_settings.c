/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_settings — the config file: each directive applied, each bad line
 * reported with its file and line and skipped, --print-config's output.
 */
#include "gloss/gloss.h"

#include "gloss/action.h"
#include "gloss/display.h"
#include "gloss/keymap.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/settings.h"

#include <string.h>

#include "../lib/tap.h"

static void
contains_str(const char *got, const char *want, const char *what)
{
	if (!ok(strstr(got, want) != NULL, "%s", what))
		printf("# got:\n%s\n# want in it:\n%s\n", got, want);
}

static int
load(const char *text, char *err, size_t size)
{
	FILE *f = fmemopen(err, size, "w");
	int bad;

	memset(err, 0, size);
	bad = settings_load_text("conf", text, strlen(text), f);
	fclose(f);
	return bad;
}

static enum action
look(const char *view, const char *name, enum keymap_mode mode)
{
	struct key k = { .fn = false, .code = 0x43E };	/* о, which is no key name */

	if (strcmp(name, "о") != 0 && !keymap_parse(name, &k))
		return ACTION_COUNT;
	return keymap_lookup_in(view, &k, mode);
}

static void
test_set(void)
{
	char err[1024];

	options_reset();
	ok(load("# comment\n\nset column 72\nset color never\nset hyperlinks always\n"
	    "set mouse off\nset fold no\nset incsearch on  # typed search\r\nset hyphenate on\n", err, sizeof err) == 0 &&
	    err[0] == '\0', "good settings: no problem reported");
	ok(opt_column == 72 && opt_color == OPT_COLOR_NEVER && opt_hyperlinks == OSC_LINKS_ALWAYS &&
	    !opt_mouse && !opt_fold && opt_incsearch && opt_hyphenate, "each setting applied (CR LF and a comment too)");
	ok(load("set column 10\nset colum 80\nset mouse maybe\nfrobnicate\nset column\n", err, sizeof err) == 5,
	    "five bad lines counted");
	is_str(err, "gloss: config: conf:1: set column 10: the column is 20 to 1000\n"
	    "gloss: config: conf:2: set colum 80: no such setting (column, color, hyperlinks, mouse, fold, incsearch, hyphenate, ascii, keyboard-layout, db, corpus)\n"
	    "gloss: config: conf:3: set mouse maybe: mouse is on or off\n"
	    "gloss: config: conf:4: frobnicate: not set, bind, unbind or color\n"
	    "gloss: config: conf:5: set column: usage: set NAME VALUE\n", "each bad line: file, line, the line and why");
	ok(opt_column == 72 && !opt_mouse, "a bad line changes nothing");
	is_str(settings_problem(), "config: conf:1: set column 10: the column is 20 to 1000 (and 4 more)",
	    "the first problem for the status line, with the count of the others");
	ok(load("set \033]0;x\007 1\n", err, sizeof err) == 1 && strchr(err, '\033') == NULL,
	    "an escape in a bad line is shown as a symbol, never sent");
	options_reset();
}

static void
test_bind(void)
{
	char err[1024];

	keymap_reset();
	ok(load("bind pager J page-down\nbind all K LINE_UP\nbind selection X highlight\nunbind all ^L\n",
	    err, sizeof err) == 0, "bind, unbind: no problem");
	ok(look("pager", "J", KEYMAP_NORMAL) == ACTION_PAGE_DOWN, "J is page-down in the pager");
	ok(look("list", "J", KEYMAP_NORMAL) != ACTION_PAGE_DOWN, "but not in a list");
	ok(look("list", "K", KEYMAP_NORMAL) == ACTION_LINE_UP, "a binding for all views reaches a list");
	ok(look("pager", "X", KEYMAP_VISUAL) == ACTION_HIGHLIGHT, "X highlights in a selection");
	ok(look("pager", "X", KEYMAP_NORMAL) != ACTION_HIGHLIGHT, "but not outside one");
	ok(look("pager", "^L", KEYMAP_NORMAL) == ACTION_NONE, "^L unbound");
	ok(look("pager", "j", KEYMAP_NORMAL) == ACTION_LINE_DOWN, "the defaults stay");
	ok(load("bind pager J no-such\nbind nowhere J top\nbind pager Ctrl-J top\n", err, sizeof err) == 3 &&
	    look("pager", "J", KEYMAP_NORMAL) == ACTION_PAGE_DOWN, "a bad action, view or key: reported, the binding kept");
	ok(load("set keyboard-layout off\n", err, sizeof err) == 0 && look("pager", "о", KEYMAP_NORMAL) == ACTION_NONE,
	    "keyboard-layout off: о is only о");
	keymap_reset();
}

static void
test_print(void)
{
	char err[1024], out[4096];
	FILE *f;

	options_reset();
	keymap_reset();
	load("set column 80\nbind pager J page-down\nunbind all ^L\ncolor match white red\ncolor link 208\n",
	    err, sizeof err);
	f = fmemopen(out, sizeof out, "w");
	settings_print(f);
	fclose(f);
	contains_str(out, "set column 80\nset color auto\nset hyperlinks auto\nset mouse on\nset fold on\n"
	    "set incsearch off\nset hyphenate off\nset ascii off\nset keyboard-layout auto\n", "the settings in effect");
	contains_str(out, "color match white red\ncolor link 208 default\ncolor note cyan default\n", "the theme");
	contains_str(out, "bind pager J page-down\nunbind all ^L\n", "the user's bindings");
	ok(load(out, err, sizeof err) == 0, "what --print-config writes reads back without a problem");
	keymap_reset();
	options_reset();
}

int
main(void)
{
	test_set();
	test_bind();
	test_print();
	return tap_done();
}
