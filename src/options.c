/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * options — the opt_* settings (see include/gloss/options.h).
 */
#include "gloss/gloss.h"

#include "gloss/options.h"

enum glyph_mode opt_glyphs = GLYPH_UTF8;
bool opt_ascii_forced;
bool opt_force;
bool opt_mouse = true;
bool opt_fold = true;
bool opt_incsearch;
bool opt_hyphenate;
int opt_column = OPT_COLUMN_DEFAULT;
const char *opt_db;
const char *opt_corpus;
int opt_hyperlinks;	/* OSC_LINKS_AUTO */
enum opt_color opt_color = OPT_COLOR_AUTO;

int
options_color_parse(const char *s)
{
	static const struct { const char *name; enum opt_color c; } aliases[] = {
		{ "auto", OPT_COLOR_AUTO }, { "tty", OPT_COLOR_AUTO }, { "if-tty", OPT_COLOR_AUTO },
		{ "always", OPT_COLOR_ALWAYS }, { "yes", OPT_COLOR_ALWAYS }, { "force", OPT_COLOR_ALWAYS },
		{ "never", OPT_COLOR_NEVER }, { "no", OPT_COLOR_NEVER }, { "none", OPT_COLOR_NEVER },
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(aliases); i++)
		if (strcmp(s, aliases[i].name) == 0)
			return (int)aliases[i].c;
	return -1;
}

static const char *const color_names[] = { "auto", "always", "never" };

const char *
options_color_name(enum opt_color c)
{
	return (unsigned)c < GLOSS_ARRAY_SIZE(color_names) ? color_names[c] : "auto";
}

void
options_reset(void)
{
	opt_glyphs = GLYPH_UTF8;
	opt_ascii_forced = false;
	opt_force = false;
	opt_mouse = true;
	opt_fold = true;
	opt_incsearch = false;
	opt_hyphenate = false;
	opt_column = OPT_COLUMN_DEFAULT;
	opt_db = NULL;
	opt_corpus = NULL;
	opt_hyperlinks = 0;
	opt_color = OPT_COLOR_AUTO;
}
