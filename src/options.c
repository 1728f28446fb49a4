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
int opt_column = OPT_COLUMN_DEFAULT;
const char *opt_db;
const char *opt_corpus;
int opt_hyperlinks;	/* OSC_LINKS_AUTO */

void
options_reset(void)
{
	opt_glyphs = GLYPH_UTF8;
	opt_ascii_forced = false;
	opt_force = false;
	opt_mouse = true;
	opt_fold = true;
	opt_incsearch = false;
	opt_column = OPT_COLUMN_DEFAULT;
	opt_db = NULL;
	opt_corpus = NULL;
	opt_hyperlinks = 0;
}
