/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * action — the action table (see include/gloss/action.h).
 */
#include "gloss/gloss.h"

#include "gloss/action.h"

static const struct action_info actions[] = {
	{ "none", ACTION_GROUP_OTHER, "", "", "" },
#define ACTION_INFO(name, group, keys, vkeys, help) \
	{ #name, ACTION_GROUP_##group, keys, vkeys, help },
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
