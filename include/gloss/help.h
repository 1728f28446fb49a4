/*
 * help — the help screen and the man page's KEYS section, both generated
 * from the action table.
 */
#ifndef GLOSS_HELP_H
#define GLOSS_HELP_H

#include "gloss/gloss.h"
#include "gloss/view.h"

/* A new help view (to push on the view stack). */
struct view *help_view_new(void);
/* Pushes a new help view: the handler of ACTION_HELP (view_set_action(ACTION_HELP, help_show, NULL)). */
void help_show(void *arg);
/* Prints the key table: plain text, or troff for the man page. */
void help_print_keys(FILE *f, bool troff);

#endif
