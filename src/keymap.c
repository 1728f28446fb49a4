/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * keymap — parses key names and maps keys to actions.
 *
 * The bindings are the default keys of the action table, parsed once on
 * first use into a small array searched linearly (a few dozen entries).
 */
#include "gloss/gloss.h"

#include "gloss/keymap.h"

struct binding {
	struct key key;
	enum action action;
	enum keymap_mode mode;
};

static struct binding bindings[256];
static size_t nbindings;

static const struct {
	const char *name;
	bool fn;
	uint32_t code;
} named[] = {
	{ "Space", false, ' ' }, { "Enter", false, '\n' }, { "Esc", false, 0x1B },
	{ "Tab", false, '\t' }, { "BS", true, KEY_BACKSPACE },
	{ "Up", true, KEY_UP }, { "Down", true, KEY_DOWN }, { "Left", true, KEY_LEFT },
	{ "Right", true, KEY_RIGHT }, { "PgUp", true, KEY_PPAGE }, { "PgDn", true, KEY_NPAGE },
	{ "Home", true, KEY_HOME }, { "End", true, KEY_END },
};

bool
keymap_parse(const char *name, struct key *k)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(named); i++) {
		if (strcmp(named[i].name, name) == 0) {
			k->fn = named[i].fn;
			k->code = named[i].code;
			return true;
		}
	}
	if (len == 2 && name[0] == '^' && name[1] >= '@' && name[1] <= '_') {
		k->fn = false;
		k->code = (uint32_t)(name[1] - '@');
		return true;
	}
	if (len >= 2 && name[0] == 'F' && atoi(name + 1) >= 1 && atoi(name + 1) <= 12) {
		k->fn = true;
		k->code = (uint32_t)KEY_F(atoi(name + 1));
		return true;
	}
	if (len == 1 && (unsigned char)name[0] > ' ' && (unsigned char)name[0] < 0x7F) {
		k->fn = false;
		k->code = (unsigned char)name[0];
		return true;
	}
	return false;
}

static void
bind_list(enum action a, const char *p, enum keymap_mode mode)
{
	while (*p) {
		char name[16];
		size_t n = strcspn(p, " ");
		struct key k;

		if (n > 0 && n < sizeof name && nbindings < GLOSS_ARRAY_SIZE(bindings)) {
			memcpy(name, p, n);
			name[n] = '\0';
			if (keymap_parse(name, &k)) {
				bindings[nbindings].key = k;
				bindings[nbindings].action = a;
				bindings[nbindings].mode = mode;
				nbindings++;
			}
		}
		p += n;
		while (*p == ' ')
			p++;
	}
}

static void
bind_defaults(void)
{
	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		bind_list((enum action)a, action_info((enum action)a)->vkeys, KEYMAP_VISUAL);
		bind_list((enum action)a, action_info((enum action)a)->keys, KEYMAP_NORMAL);
	}
}

enum action
keymap_lookup(const struct key *k, enum keymap_mode mode)
{
	struct key kk = *k;

	if (nbindings == 0)
		bind_defaults();
	if (!kk.fn && kk.code == '\r')
		kk.code = '\n';
	if (kk.fn && kk.code == KEY_ENTER) {
		kk.fn = false;
		kk.code = '\n';
	}
	for (int pass = mode == KEYMAP_VISUAL ? 0 : 1; pass < 2; pass++) {
		enum keymap_mode want = pass == 0 ? KEYMAP_VISUAL : KEYMAP_NORMAL;

		for (size_t i = 0; i < nbindings; i++)
			if (bindings[i].mode == want && bindings[i].key.fn == kk.fn &&
			    bindings[i].key.code == kk.code)
				return bindings[i].action;
	}
	return ACTION_NONE;
}
