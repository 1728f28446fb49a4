/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * options — the user's settings from the command line and the environment.
 * These are the program's only global variables (opt_*); they are set once
 * by the command-line parser before any command runs.
 */
#ifndef GLOSS_OPTIONS_H
#define GLOSS_OPTIONS_H

#include "gloss/gloss.h"
#include "gloss/glyph.h"

#define OPT_COLUMN_DEFAULT 100	/* widest reading column in the pager */

extern enum glyph_mode opt_glyphs;	/* GLYPH_ASCII with --ascii or a non-UTF-8 terminal */
extern bool opt_ascii_forced;		/* --ascii given */
extern bool opt_force;			/* --force: open files that look binary */
extern bool opt_mouse;			/* false with --no-mouse */
extern bool opt_incsearch;		/* --incsearch: search as the pattern is typed */
extern bool opt_hyphenate;		/* --hyphenate: hyphenate words in narrow columns */
extern bool opt_fold;			/* false with --no-fold: show site furniture unfolded */
extern int opt_column;			/* --column=N: widest reading column */
extern const char *opt_db;		/* --db FILE (NULL: default) */
extern const char *opt_corpus;		/* --corpus DIR (NULL: default) */
extern int opt_hyperlinks;		/* --hyperlinks=WHEN: enum osc_hyperlinks */

/* --color=WHEN: auto (colours when the terminal has them and NO_COLOR is unset or empty), always, never. */
enum opt_color {
	OPT_COLOR_AUTO,
	OPT_COLOR_ALWAYS,
	OPT_COLOR_NEVER,
};
extern enum opt_color opt_color;
/* Parses "auto", "always", "never" (also "yes"/"no"...); -1 if none. */
int options_color_parse(const char *s);
/* The names of enum opt_color, for --print-config. */
const char *options_color_name(enum opt_color c);

/* Resets every option to its default (tests). */
void options_reset(void);

#endif
