/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * action — the action table (see include/gloss/action.h).
 */
#include "gloss/gloss.h"

#include "gloss/action.h"

#include <ctype.h>

static const struct action_info actions[] = {
	{ "none", ACTION_GROUP_OTHER, "", "", "", "" },
#define ACTION_INFO(name, group, scope, keys, vkeys, help) \
	{ #name, ACTION_GROUP_##group, scope, keys, vkeys, help },
	ACTION_LIST(ACTION_INFO)
#undef ACTION_INFO
};

static const char *const group_titles[] = {
#define ACTION_GROUP_TITLE(name, title) title,
	ACTION_GROUPS(ACTION_GROUP_TITLE)
#undef ACTION_GROUP_TITLE
};

const struct action_info *
action_info(enum action a)
{
	return &actions[(unsigned)a < ACTION_COUNT ? a : ACTION_NONE];
}

const char *
action_group_title(enum action_group g)
{
	return (unsigned)g < ACTION_GROUP_COUNT ? group_titles[g] : "";
}

enum action
action_parse(const char *name)
{
	for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		const char *n = actions[a].name;
		size_t i = 0;

		while (n[i] && name[i] && (name[i] == '-' ? '_' : toupper((unsigned char)name[i])) == n[i])
			i++;
		if (n[i] == '\0' && name[i] == '\0')
			return (enum action)a;
	}
	return ACTION_NONE;
}

const char *
action_config_name(enum action a, char *buf, size_t size)
{
	const char *n = action_info(a)->name;
	size_t i = 0;

	for (; n[i] && i + 1 < size; i++)
		buf[i] = n[i] == '_' ? '-' : (char)tolower((unsigned char)n[i]);
	buf[i] = '\0';
	return buf;
}

bool
action_in_view(enum action a, const char *view)
{
	const char *s = action_info(a)->scope;
	size_t n = strlen(view);

	if (a == ACTION_NONE || n == 0)
		return false;
	if (strcmp(s, "all") == 0)
		return true;
	while (*s) {
		size_t w = strcspn(s, " ");

		if (w == n && strncmp(s, view, n) == 0)
			return true;
		s += w;
		s += *s == ' ';
	}
	return false;
}
