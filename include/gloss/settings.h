/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * settings — the config file, $XDG_CONFIG_HOME/gloss/config (or
 * ~/.config/gloss/config; $GLOSS_CONFIG names another, empty for none).
 * One setting a line, '#' starts a comment:
 *
 *	set column 80			(and color, hyperlinks, mouse, fold,
 *					 incsearch, hyphenate, ascii, keyboard-layout, db, corpus)
 *	bind pager J next-note		(VIEW KEY ACTION; VIEW: all, pager, list,
 *					 help, popup, selection)
 *	unbind all ^L
 *	color match black yellow	(match, link, note, code, key, mark)
 *
 * The file is read before the command line, so options override it; the
 * environment (GLOSS_DB, GLOSS_CORPUS, GLOSS_HYPERLINKS, NO_COLOR unless
 * `set color always`) too.  A line that cannot be used is reported with
 * the file and line number and skipped: a config file never stops gloss.
 */
#ifndef GLOSS_SETTINGS_H
#define GLOSS_SETTINGS_H

#include "gloss/gloss.h"

/*
 * Reads the config file if there is one, applying each line; each bad line
 * is written to err ("gloss: config: FILE:LINE: why").  Returns the number
 * of bad lines.
 */
int settings_load(FILE *err);
/* Applies text as a config file named name (tests, and settings_load). */
int settings_load_text(const char *name, const char *text, size_t len, FILE *err);
/* The first problem of the last load, for the reader's status line ("" if none; static). */
const char *settings_problem(void);
/* The path settings_load reads (static storage; NULL: no config file). */
const char *settings_path(void);
/* Writes the settings in effect as a config file (gloss --print-config). */
void settings_print(FILE *f);

#endif
