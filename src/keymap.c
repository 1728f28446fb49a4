/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * keymap — parses key names and maps keys to actions.
 *
 * The bindings are the default keys of the action table, parsed once on
 * first use into a small array searched linearly (a few dozen entries).
 * A Cyrillic letter bound to nothing acts as the key at its place on a US
 * keyboard (vim's langmap): о is j, П is G on the Russian, Ukrainian and
 * Belarusian layouts.  Only keys looked up here are mapped, so text typed
 * at prompts and in the editor is never touched.
 */
#include "gloss/gloss.h"

#include "gloss/error.h"
#include "gloss/keymap.h"

struct binding {
	struct key key;
	enum action action;	/* ACTION_NONE: unbound by the user */
	enum keymap_mode mode;
	char view[12];		/* the view it is for ("pager", "list"...), "" for every view */
};

/* The user's bindings (the config file), newest first, before the defaults. */
static struct binding user[KEYMAP_USER_MAX];
static size_t nuser;
static struct binding bindings[256];
static size_t nbindings;
static enum keymap_layout layout = KEYMAP_LAYOUT_DEFAULT;

/*
 * Cyrillic letters by their place on the ЙЦУКЕН layouts (xkb ru, ua, by).
 * The layouts differ only where one key carries another letter (ы/і, э/є,
 * ъ/ї, щ/ў), except і, which sits on S in Ukrainian and on B in
 * Belarusian: its place is the layout's.  ASCII a layout types (the dot on
 * the slash key) is left as typed.
 */
static const struct {
	uint32_t cyr;
	char us;
} places[] = {
	{ 0x439, 'q' }, { 0x446, 'w' }, { 0x443, 'e' }, { 0x43A, 'r' }, { 0x435, 't' },
	{ 0x43D, 'y' }, { 0x433, 'u' }, { 0x448, 'i' }, { 0x449, 'o' }, { 0x45E, 'o' },
	{ 0x437, 'p' }, { 0x445, '[' }, { 0x44A, ']' }, { 0x457, ']' }, { 0x444, 'a' },
	{ 0x44B, 's' }, { 0x432, 'd' }, { 0x430, 'f' }, { 0x43F, 'g' }, { 0x440, 'h' },
	{ 0x43E, 'j' }, { 0x43B, 'k' }, { 0x434, 'l' }, { 0x436, ';' }, { 0x44D, '\'' },
	{ 0x454, '\'' }, { 0x44F, 'z' }, { 0x447, 'x' }, { 0x441, 'c' }, { 0x43C, 'v' },
	{ 0x438, 'b' }, { 0x442, 'n' }, { 0x44C, 'm' }, { 0x431, ',' }, { 0x44E, '.' },
	{ 0x451, '`' }, { 0x491, '\\' },
	{ 0x419, 'Q' }, { 0x426, 'W' }, { 0x423, 'E' }, { 0x41A, 'R' }, { 0x415, 'T' },
	{ 0x41D, 'Y' }, { 0x413, 'U' }, { 0x428, 'I' }, { 0x429, 'O' }, { 0x40E, 'O' },
	{ 0x417, 'P' }, { 0x425, '{' }, { 0x42A, '}' }, { 0x407, '}' }, { 0x424, 'A' },
	{ 0x42B, 'S' }, { 0x412, 'D' }, { 0x410, 'F' }, { 0x41F, 'G' }, { 0x420, 'H' },
	{ 0x41E, 'J' }, { 0x41B, 'K' }, { 0x414, 'L' }, { 0x416, ':' }, { 0x42D, '"' },
	{ 0x404, '"' }, { 0x42F, 'Z' }, { 0x427, 'X' }, { 0x421, 'C' }, { 0x41C, 'V' },
	{ 0x418, 'B' }, { 0x422, 'N' }, { 0x42C, 'M' }, { 0x411, '<' }, { 0x42E, '>' },
	{ 0x401, '~' }, { 0x490, '|' }, { 0x2116, '#' },
};

void
keymap_set_layout(enum keymap_layout l)
{
	layout = l;
}

enum keymap_layout
keymap_get_layout(void)
{
	return layout;
}

/* The layout the locale suggests: Belarusian for be_*, else the Ukrainian and Russian one. */
static enum keymap_layout
locale_layout(void)
{
	const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(names); i++) {
		const char *v = getenv(names[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "be", 2) == 0 ? KEYMAP_LAYOUT_BE : KEYMAP_LAYOUT_RU_UK;
	}
	return KEYMAP_LAYOUT_RU_UK;
}

bool
keymap_us_key(uint32_t code, uint32_t *us)
{
	enum keymap_layout l = layout == KEYMAP_LAYOUT_DEFAULT ? locale_layout() : layout;

	if (l == KEYMAP_LAYOUT_OFF)
		return false;
	if (code == 0x456 || code == 0x406) {	/* і І */
		*us = l == KEYMAP_LAYOUT_BE ? 'b' : 's';
		*us -= code == 0x406 ? 0x20 : 0;
		return true;
	}
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(places); i++) {
		if (places[i].cyr == code) {
			*us = (unsigned char)places[i].us;
			return true;
		}
	}
	return false;
}

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

static bool
same_key(const struct key *a, const struct key *b)
{
	return a->fn == b->fn && a->code == b->code;
}

enum gloss_status
keymap_bind(const char *view, const struct key *k, enum action a, enum keymap_mode mode)
{
	size_t at = nuser;

	if (strlen(view) >= sizeof user[0].view)
		return error_set(GLOSS_EUSAGE, "no view '%s'", view);
	for (size_t i = 0; i < nuser; i++)
		if (same_key(&user[i].key, k) && user[i].mode == mode && strcmp(user[i].view, view) == 0)
			at = i;
	if (at == KEYMAP_USER_MAX)
		return error_set(GLOSS_ETOOBIG, "more than %d bindings", KEYMAP_USER_MAX);
	user[at] = (struct binding){ .key = *k, .action = a, .mode = mode };
	snprintf(user[at].view, sizeof user[at].view, "%s", view);
	if (at == nuser)
		nuser++;
	return GLOSS_OK;
}

size_t
keymap_user_count(void)
{
	return nuser;
}

void
keymap_user_get(size_t i, const char **view, struct key *k, enum action *a, enum keymap_mode *mode)
{
	*view = user[i].view;
	*k = user[i].key;
	*a = user[i].action;
	*mode = user[i].mode;
}

void
keymap_reset(void)
{
	nuser = 0;
	layout = KEYMAP_LAYOUT_DEFAULT;
}

/* The user's binding of k for the view (its own, then every view's); false if none. */
static bool
user_lookup(const char *view, const struct key *k, enum keymap_mode want, enum action *a)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nuser; i++) {
			const char *v = user[i].view;

			if (user[i].mode == want && same_key(&user[i].key, k) &&
			    (pass == 0 ? view && *v && strcmp(v, view) == 0 : *v == '\0')) {
				*a = user[i].action;
				return true;
			}
		}
	}
	return false;
}

static enum action
lookup(const char *view, const struct key *k, enum keymap_mode mode)
{
	struct key kk = *k;
	enum action a;

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

		if (user_lookup(view, &kk, want, &a))
			return a;
		for (size_t i = 0; i < nbindings; i++)
			if (bindings[i].mode == want && bindings[i].key.fn == kk.fn &&
			    bindings[i].key.code == kk.code)
				return bindings[i].action;
	}
	return ACTION_NONE;
}

enum action
keymap_lookup_in(const char *view, const struct key *k, enum keymap_mode mode)
{
	enum action a = lookup(view, k, mode);
	struct key us = { .fn = false };

	if (a == ACTION_NONE && !k->fn && k->code >= 0x400 && keymap_us_key(k->code, &us.code))
		a = lookup(view, &us, mode);
	return a;
}

enum action
keymap_lookup(const struct key *k, enum keymap_mode mode)
{
	return keymap_lookup_in(NULL, k, mode);
}

void
keymap_name(const struct key *k, char *buf, size_t size)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(named); i++) {
		if (named[i].fn == k->fn && named[i].code == k->code) {
			snprintf(buf, size, "%s", named[i].name);
			return;
		}
	}
	if (k->fn && k->code >= (uint32_t)KEY_F(1) && k->code <= (uint32_t)KEY_F(12))
		snprintf(buf, size, "F%d", (int)(k->code - (uint32_t)KEY_F(0)));
	else if (k->fn)
		snprintf(buf, size, "<%s>", keyname((int)k->code) ? keyname((int)k->code) : "?");
	else if (k->code < 0x20)
		snprintf(buf, size, "^%c", (char)(k->code + '@'));
	else if (k->code < 0x7F)
		snprintf(buf, size, "%c", (char)k->code);
	else
		snprintf(buf, size, "U+%04X", (unsigned)k->code);
}

/* Appends k's name to buf[0..size) (space-separated) unless it is there already. */
static void
add_name(const struct key *k, char *buf, size_t size)
{
	char name[24], *p;
	size_t len = strlen(buf), n;

	keymap_name(k, name, sizeof name);
	n = strlen(name);
	for (p = buf; (p = strstr(p, name)) != NULL; p += n)
		if ((p == buf || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return;
	if (len + (len > 0) + n < size)
		snprintf(buf + len, size - len, "%s%s", len ? " " : "", name);
}

void
keymap_keys_of(const char *view, enum action a, enum keymap_mode mode, char *buf, size_t size)
{
	const char *p = mode == KEYMAP_VISUAL ? action_info(a)->vkeys : action_info(a)->keys;

	buf[0] = '\0';
	while (*p) {	/* the defaults, in the table's order, where still a's */
		char name[16];
		size_t n = strcspn(p, " ");
		struct key k;

		if (n > 0 && n < sizeof name) {
			memcpy(name, p, n);
			name[n] = '\0';
			if (keymap_parse(name, &k) && lookup(view, &k, mode) == a)
				add_name(&k, buf, size);
		}
		p += n;
		p += *p == ' ';
	}
	for (size_t i = 0; i < nuser; i++)	/* then the user's, in the config file's order */
		if (user[i].action == a && user[i].mode == mode &&
		    (user[i].view[0] == '\0' || (view && strcmp(user[i].view, view) == 0)) &&
		    lookup(view, &user[i].key, mode) == a)
			add_name(&user[i].key, buf, size);
}
