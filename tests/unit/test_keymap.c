/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_keymap — key names, and Cyrillic letters acting as the key at their
 * place on a US keyboard (Russian, Ukrainian and Belarusian layouts).
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

int
main(void)
{
	test_names();
	test_rows();
	test_lookup();
	return tap_done();
}
