/*
 * cmd — what every command of the command line shares: the one way errors
 * are printed.
 *
 * cmd_error() prints "gloss: MESSAGE" on standard error with every control
 * character, bidi control and invalid byte made visible (glyph_append_safe),
 * so that no file name or document text reaches the terminal as a control
 * sequence.
 */
#ifndef GLOSS_CMD_H
#define GLOSS_CMD_H

#include "gloss/gloss.h"

/* Prints "gloss: MESSAGE" on standard error, made safe for the terminal. */
void cmd_error(const char *fmt, ...) GLOSS_PRINTF(1, 2);

#endif
