/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_keymap — key names, Cyrillic letters acting as the key at their
 * place on a US keyboard (Russian, Ukrainian and Belarusian layouts), the
 * keys the help shows for an action (the user's bindings applied), and the
 * scope column of the action table.
 */
#include "gloss/gloss.h"
#include "gloss/keymap.h"

#include <unistr.h>

#include "../lib/tap.h"

static enum action
look(uint32_t code, enum keymap_mode mode)
{
	struct key k = { .fn = false, .code = code };

	return keymap_lookup(&k, mode);
}

static void
test_names(void)
{
	struct key k;

	ok(keymap_parse("^F", &k) && !k.fn && k.code == 6, "^F is Ctrl-F");
	ok(keymap_parse("PgDn", &k) && k.fn && k.code == KEY_NPAGE, "PgDn is a function key");
	ok(!keymap_parse("о", &k), "a Cyrillic letter is no key name");
}

/* Every letter of the ЙЦУКЕН rows, in the order of the US keys under them. */
static void
test_rows(void)
{
	static const struct {
		const char *cyr, *us;
	} rows[] = {
		{ "йцукенгшщзхъ", "qwertyuiop[]" },
		{ "фывапролджэ", "asdfghjkl;'" },
		{ "ячсмитьбю", "zxcvbnm,." },
		{ "ЙЦУКЕНГШЩЗХЪ", "QWERTYUIOP{}" },
		{ "ФЫВАПРОЛДЖЭ", "ASDFGHJKL:\"" },
		{ "ЯЧСМИТЬБЮ", "ZXCVBNM<>" },
		{ "ёЁїЇєЄґҐўЎ№", "`~]}'\"\\|oO#" },
	};
	keymap_set_layout(KEYMAP_LAYOUT_RU_UK);
	for (size_t r = 0; r < GLOSS_ARRAY_SIZE(rows); r++) {
		const uint8_t *s = (const uint8_t *)rows[r].cyr;
		size_t n = strlen(rows[r].cyr), i = 0, bad = 0;

		for (const char *u = rows[r].us; *u; u++) {
			ucs4_t c;
			uint32_t us = 0;

			i += (size_t)u8_mbtouc(&c, s + i, n - i);
			if (!keymap_us_key(c, &us) || us != (unsigned char)*u)
				bad++;
		}
		ok(bad == 0 && i == n, "%s is %s (%zu wrong)", rows[r].cyr, rows[r].us, bad);
	}
}

static void
test_lookup(void)
{
	uint32_t us = 0;

	keymap_set_layout(KEYMAP_LAYOUT_RU_UK);
	ok(look(0x43E, KEYMAP_NORMAL) == ACTION_LINE_DOWN, "о scrolls down as j");
	ok(look(0x41F, KEYMAP_NORMAL) == ACTION_BOTTOM, "П goes to the end as G");
	ok(look(0x44B, KEYMAP_VISUAL) == ACTION_SELECT_SENTENCE, "ы in a selection selects the sentence as s");
	ok(keymap_us_key(0x456, &us) && us == 's', "Ukrainian і is on S");
	ok(look(0x438, KEYMAP_VISUAL) == ACTION_CARET_WORD_PREV, "и in a selection is b");
	keymap_set_layout(KEYMAP_LAYOUT_BE);
	ok(keymap_us_key(0x456, &us) && us == 'b', "Belarusian і is on B");
	ok(keymap_us_key(0x406, &us) && us == 'B', "Belarusian І is on Shift-B");
	ok(look(0x456, KEYMAP_VISUAL) == ACTION_CARET_WORD_PREV, "Belarusian і in a selection is b");
	ok(look(0x45E, KEYMAP_NORMAL) == look('o', KEYMAP_NORMAL), "ў is o");
	keymap_set_layout(KEYMAP_LAYOUT_OFF);
	ok(look(0x43E, KEYMAP_NORMAL) == ACTION_NONE, "layout off: о is only о");
	ok(!keymap_us_key(0x43E, &us), "layout off: no place for о");
	keymap_set_layout(KEYMAP_LAYOUT_RU_UK);
	ok(look(0x3B1, KEYMAP_NORMAL) == ACTION_NONE, "a Greek letter is no key");
	ok(look('j', KEYMAP_NORMAL) == ACTION_LINE_DOWN, "j is still j");
}

static const char *
keys_of(const char *view, enum action a, enum keymap_mode mode)
{
	static char buf[96];

	keymap_keys_of(view, a, mode, buf, sizeof buf);
	return buf;
}

/* What the help shows: the defaults, less those the user took away, then the user's own. */
static void
test_keys_of(void)
{
	struct key k;

	keymap_reset();
	is_str(keys_of("pager", ACTION_BOTTOM, KEYMAP_NORMAL), "G End >", "defaults: the table's keys");
	is_str(keys_of("pager", ACTION_HELP, KEYMAP_NORMAL), "h F1", "F1 is named F1");
	is_str(keys_of("pager", ACTION_CARET_WORD_PREV, KEYMAP_VISUAL), "b B", "a selection's own keys");
	is_str(keys_of("pager", ACTION_CARET_LINE_DOWN, KEYMAP_NORMAL), "", "no key outside a selection");
	keymap_parse("J", &k);
	keymap_bind("pager", &k, ACTION_BOTTOM, KEYMAP_NORMAL);
	keymap_parse("G", &k);
	keymap_bind("", &k, ACTION_NONE, KEYMAP_NORMAL);
	keymap_parse("M", &k);
	keymap_bind("pager", &k, ACTION_MARK_SET, KEYMAP_NORMAL);
	keymap_parse("g", &k);
	keymap_bind("list", &k, ACTION_BOTTOM, KEYMAP_NORMAL);
	is_str(keys_of("pager", ACTION_BOTTOM, KEYMAP_NORMAL), "End > J", "bind pager J, unbind all G");
	is_str(keys_of("list", ACTION_BOTTOM, KEYMAP_NORMAL), "End > g", "the list's own: g, not J");
	is_str(keys_of("list", ACTION_TOP, KEYMAP_NORMAL), "Home <", "g taken from top in lists");
	is_str(keys_of("pager", ACTION_TOP, KEYMAP_NORMAL), "g Home <", "but not in the pager");
	is_str(keys_of("pager", ACTION_MARK_SET, KEYMAP_NORMAL), "m M", "M marks in the pager");
	is_str(keys_of("pager", ACTION_ALL_ANNOTATIONS, KEYMAP_NORMAL), "", "so M lists nothing there");
	keymap_parse("m", &k);
	keymap_bind("pager", &k, ACTION_NONE, KEYMAP_NORMAL);
	is_str(keys_of("pager", ACTION_MARK_SET, KEYMAP_NORMAL), "M", "unbind pager m");
	keymap_parse("x", &k);
	keymap_bind("", &k, ACTION_COPY, KEYMAP_VISUAL);	/* bind selection x copy */
	is_str(keys_of("pager", ACTION_COPY, KEYMAP_VISUAL), "y x", "a selection binding");
	is_str(keys_of("pager", ACTION_COPY, KEYMAP_NORMAL), "y", "not outside a selection");
	keymap_reset();
	is_str(keys_of("pager", ACTION_BOTTOM, KEYMAP_NORMAL), "G End >", "reset: the defaults again");
}

static void
test_scope(void)
{
	ok(action_in_view(ACTION_MARK_SET, "pager") && !action_in_view(ACTION_MARK_SET, "list"),
	    "marks: the pager only");
	ok(action_in_view(ACTION_SORT, "list") && !action_in_view(ACTION_SORT, "pager"), "S: lists only");
	ok(action_in_view(ACTION_QUIT, "popup") && action_in_view(ACTION_QUIT, "help"), "q: all");
	ok(action_in_view(ACTION_LINE_DOWN, "popup") && !action_in_view(ACTION_PAGE_DOWN, "popup"),
	    "a popup scrolls by lines");
	ok(!action_in_view(ACTION_LINE_DOWN, "pag") && !action_in_view(ACTION_NONE, "pager"),
	    "whole words only; no action is nowhere");
	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		const char *s = action_info((enum action)a)->scope;

		if (strcmp(s, "all") != 0 && !action_in_view((enum action)a, "pager") &&
		    !action_in_view((enum action)a, "list") && !action_in_view((enum action)a, "help") &&
		    !action_in_view((enum action)a, "popup"))
			ok(0, "%s: the scope names a view (%s)", action_info((enum action)a)->name, s);
	}
	ok(1, "every scope names views");
}

int
main(void)
{
	test_names();
	test_rows();
	test_lookup();
	test_keys_of();
	test_scope();
	return tap_done();
}
