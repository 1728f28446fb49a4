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
/* Prints the key table: plain text, or troff for the man page. */
void help_print_keys(FILE *f, bool troff);

#endif
