/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cmd_table — the list of commands and the program's entry (see
 * include/gloss/cmd_table.h), and `gloss --help` printed from them.
 */
#include "gloss/gloss.h"

#include <ctype.h>

#include "gloss/annot_cmd.h"
#include "gloss/cmd_table.h"
#include "gloss/dump.h"
#include "gloss/export_cmd.h"
#include "gloss/library_cmd.h"
#include "gloss/strbuf.h"
#include "gloss/xref_cmd.h"

#define SUMMARY_COLUMN 26	/* where a command's summary starts in --help */
#define HELP_WIDTH 79

static const struct cmd_entry *const table[] = {
	&dump_entry,
	&annot_cmd_annotate_entry,
	&annot_cmd_annotations_entry,
	&annot_cmd_tag_entry,
	&annot_cmd_untag_entry,
	&annot_cmd_note_entry,
	&annot_cmd_delete_entry,
	&export_cmd_export_entry,
	&export_cmd_import_entry,
	&annot_cmd_recover_entry,
	&xref_cmd_notes_entry,
	&library_cmd_library_entry,
	&library_cmd_search_entry,
};

static const struct cmd_option gloss_options[] = {
	{ "ascii", 0, NULL, 0, CMD_TABLE_ASCII, "show text transliterated to ASCII (terminals without UTF-8)" },
	{ "column", 0, "N", 0, CMD_TABLE_COLUMN, "widest reading column in the pager (default 100)" },
	{ "corpus", 0, "DIR", 0, CMD_TABLE_CORPUS, "the library to open when no FILE is given" },
	{ "db", 0, "FILE", 0, CMD_TABLE_DB, "the annotation database (default $GLOSS_DB or $XDG_DATA_HOME/gloss/gloss.db)" },
	{ "force", 0, NULL, 0, CMD_TABLE_FORCE, "open files that look binary" },
	{ "list-keys", 0, "man", CMD_OPT_OPTIONAL, CMD_TABLE_LIST_KEYS, "print the key bindings (as troff for the man page)" },
	{ "no-fold", 0, NULL, 0, CMD_TABLE_NO_FOLD, "show site furniture of web pages unfolded" },
	{ "print-config", 0, NULL, 0, CMD_TABLE_PRINT_CONFIG, "show the settings in effect (config file, then options) and exit" },
	{ "list-tags", 0, NULL, 0, CMD_TABLE_LIST_TAGS, "print the tags in use, one a line (for shell completion)" },
	{ "incsearch", 0, NULL, 0, CMD_TABLE_INCSEARCH, "search as the pattern is typed (/ and ?)" },
	{ "hyphenate", 0, NULL, 0, CMD_TABLE_HYPHENATE, "hyphenate words where a line would be left under two thirds full" },
	{ "no-mouse", 0, NULL, 0, CMD_TABLE_NO_MOUSE, "do not use the mouse" },
	{ "hyperlinks", 0, "WHEN", CMD_OPT_OPTIONAL, CMD_TABLE_HYPERLINKS, "make links clickable (OSC 8): auto (default), always, never" },
	{ "color", 0, "WHEN", CMD_OPT_OPTIONAL, CMD_TABLE_COLOR, "use colours: auto (default: unless NO_COLOR is set), always, never" },
	{ "colour", 0, "WHEN", CMD_OPT_OPTIONAL, CMD_TABLE_COLOR, NULL },
	{ "help", 'h', NULL, 0, CMD_TABLE_HELP, "show this help and exit" },
	{ "version", 'V', NULL, 0, CMD_TABLE_VERSION, "show the version and exit" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

const struct cmd_entry cmd_table_gloss = {
	.name = NULL,
	.usage = "[OPTION]... [FILE|DIR]...",
	.summary = "read articles in a terminal pager with Cyrillic-aware line wrapping",
	.help = "With no FILE, read standard input when it is not a terminal (as a PAGER or\n"
	    "MANPAGER), else open the library of the bundled corpus (or of --corpus DIR);\n"
	    "with directories only, the library of their articles.  When standard\n"
	    "output is not a terminal, print the laid-out text instead (as `gloss dump`).\n",
	.options = gloss_options,
	.flags = CMD_IN_ORDER,
	.exec = NULL,
};

const struct cmd_entry *
cmd_table_get(size_t i)
{
	return i < GLOSS_ARRAY_SIZE(table) ? table[i] : NULL;
}

const struct cmd_entry *
cmd_table_find(const char *name)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(table); i++)
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}

/*
 * Prints "  NAME USAGE" wrapped at HELP_WIDTH (breaking only between
 * bracketed groups), then the summary: beside it when it is short, else on
 * the next line, both at SUMMARY_COLUMN.
 */
static void
print_command(FILE *f, const struct cmd_entry *e)
{
	struct strbuf s = STRBUF_INIT;
	const char *p = e->usage;
	size_t line = 0;	/* where the current output line starts in s */
	int depth = 0;

	strbuf_addf(&s, "  %s", e->name);
	while (*p) {
		size_t n = 0;

		while (p[n] == ' ')
			p++;
		for (depth = 0; p[n] && (depth > 0 || p[n] != ' '); n++)
			depth += (p[n] == '[') - (p[n] == ']');
		if (s.len - line + 1 + n > HELP_WIDTH) {
			strbuf_adds(&s, "\n     ");
			line = s.len - 5;
		}
		strbuf_addf(&s, " %.*s", (int)n, p);
		p += n;
	}
	if (line == 0 && s.len + 2 <= SUMMARY_COLUMN)
		fprintf(f, "%-*s%s\n", SUMMARY_COLUMN, strbuf_str(&s), e->summary);
	else
		fprintf(f, "%s\n%*s%s\n", strbuf_str(&s), SUMMARY_COLUMN, "", e->summary);
	strbuf_done(&s);
}

void
cmd_table_help(FILE *f)
{
	const struct cmd_entry *g = &cmd_table_gloss;

	cmd_print_usage(g, f);
	fputs("       gloss COMMAND [OPTION]... [ARG]...\n", f);
	fprintf(f, "%c%s.\n", toupper((unsigned char)g->summary[0]), g->summary + 1);
	fputs(g->help, f);
	fputs("\nCommands:\n", f);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(table); i++)
		print_command(f, table[i]);
	fputs("\nOptions:\n", f);
	cmd_print_options(g, f);
	fputs("\ngloss COMMAND --help lists a command's options.\n"
	    "Keys in the reader: press h for help; see gloss(1).\n\n"
	    "Report bugs to: " GLOSS_BUGREPORT "\n", f);
}
