/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * help — the help screen and the man page's KEYS section, both generated
 * from the action table.
 */
#ifndef GLOSS_HELP_H
#define GLOSS_HELP_H

#include "gloss/gloss.h"
#include "gloss/view.h"

/*
 * A new help view (to push on the view stack) showing the keys of the view
 * named view (view_ops.name: "pager", "list", "popup"; others: the pager's)
 * as they are bound now: the defaults, rebound or unbound by the config file.
 */
struct view *help_view_new(const char *view);
/* Pushes a help view of the top view's keys: the handler of ACTION_HELP (view_set_action(ACTION_HELP, help_show, NULL)). */
void help_show(void *arg);
/* Prints the key table: plain text, or troff for the man page. */
void help_print_keys(FILE *f, bool troff);

#endif
