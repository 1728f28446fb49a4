/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * main — the command line: the global options (their entry is
 * cmd_table_gloss), the dispatch to a command of cmd_table, and the choice
 * between the reader (on a terminal) and `dump` (otherwise).
 *
 *   gloss [OPTION]... [FILE|DIR]...     read (or dump when not on a terminal)
 *   gloss COMMAND [OPTION]... [ARG]...  run a command
 *
 * A first argument that names a command is the command; a file with such a
 * name is reached as ./NAME.  Exit status: 0 success, 1 runtime error,
 * 2 usage error.
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/cmd.h"
#include "gloss/cmd_table.h"
#include "gloss/settings.h"
#include "gloss/store.h"
#include "gloss/strbuf.h"
#include "gloss/glyph.h"
#include "gloss/dump.h"
#include "gloss/error.h"
#include "gloss/help.h"
#include "gloss/hyph.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/reader.h"

/* --version, in the GNU form. */
static void
version(FILE *f)
{
	fputs("gloss " PACKAGE_VERSION "\n"
	    "Copyright (C) 2026 the gloss authors.\n"
	    "License ISC: <https://spdx.org/licenses/ISC.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n", f);
}

static int
parse_column(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end || n < 20 || n > 1000) {
		cmd_usage_error(&cmd_table_gloss, "invalid column width '%s' (20 to 1000)", s);
		return -1;
	}
	opt_column = (int)n;
	return 0;
}

static int
parse_hyperlinks(const char *s)
{
	int m = osc_hyperlinks_parse(s);

	if (m < 0) {
		cmd_usage_error(&cmd_table_gloss, "--hyperlinks: '%s' is not auto, always or never", s);
		return -1;
	}
	opt_hyperlinks = m;
	return 0;
}

static int
parse_color(const char *s)
{
	int c = options_color_parse(s);

	if (c < 0) {
		cmd_usage_error(&cmd_table_gloss, "--color: '%s' is not auto, always or never", s);
		return -1;
	}
	opt_color = (enum opt_color)c;
	return 0;
}

static bool print_config;	/* --print-config: after every option is read */
static bool list_tags;		/* --list-tags (for shell completion) */

/* --list-tags: the tags in use, a line each, shown safely; never waits for the database. */
static bool
print_tags(void)
{
	struct store *st;
	struct store_tag *tags;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	if (store_open(opt_db, STORE_READ, &st) != GLOSS_OK)
		return false;
	if (store_tags(st, &tags, &n) != GLOSS_OK) {
		store_close(st);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&sb);
		glyph_append_safe(&sb, tags[i].name, strlen(tags[i].name), opt_glyphs);
		printf("%s\n", strbuf_str(&sb));
	}
	strbuf_done(&sb);
	store_tags_free(tags, n);
	store_close(st);
	return true;
}

/* Handles one global option; returns -1 to go on, else the exit status. */
static int
global_option(int c)
{
	switch (c) {
	case CMD_TABLE_ASCII:
		opt_ascii_forced = true;
		opt_glyphs = GLYPH_ASCII;
		return -1;
	case CMD_TABLE_COLUMN:
		return parse_column(optarg) < 0 ? 2 : -1;
	case CMD_TABLE_CORPUS:
		opt_corpus = optarg;
		return -1;
	case CMD_TABLE_DB:
		opt_db = optarg;
		return -1;
	case CMD_TABLE_FORCE:
		opt_force = true;
		return -1;
	case CMD_TABLE_NO_MOUSE:
		opt_mouse = false;
		return -1;
	case CMD_TABLE_HYPERLINKS:
		return parse_hyperlinks(optarg ? optarg : "always") < 0 ? 2 : -1;
	case CMD_TABLE_NO_FOLD:
		opt_fold = false;
		return -1;
	case CMD_TABLE_INCSEARCH:
		opt_incsearch = true;
		return -1;
	case CMD_TABLE_HYPHENATE:
		opt_hyphenate = true;
		return -1;
	case CMD_TABLE_COLOR:
		return parse_color(optarg ? optarg : "always") < 0 ? 2 : -1;
	case CMD_TABLE_LIST_KEYS:
		help_print_keys(stdout, optarg && strcmp(optarg, "man") == 0);
		return 0;
	case CMD_TABLE_PRINT_CONFIG:
		print_config = true;
		return -1;
	case CMD_TABLE_LIST_TAGS:
		list_tags = true;
		return -1;
	case CMD_TABLE_HELP:
		cmd_table_help(stdout);
		return 0;
	case CMD_TABLE_VERSION:
		version(stdout);
		return 0;
	default:
		return cmd_getopt_status(c);
	}
}

/* Parses the global options; returns the index of the first operand, or -1/-3/-2 to exit 0/1/2. */
static int
parse_global(int argc, char **argv)
{
	struct cmd_getopt g;
	int c, status;

	settings_load(stderr);
	if (getenv("GLOSS_HYPERLINKS") && parse_hyperlinks(getenv("GLOSS_HYPERLINKS")) < 0)
		return -2;
	cmd_getopt_init(&g, &cmd_table_gloss, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END)
		if ((status = global_option(c)) >= 0)
			return status == 0 ? -1 : -2;
	if (opt_hyphenate && !hyph_enable(stderr))
		opt_hyphenate = false;
	if (print_config) {
		settings_print(stdout);
		return -1;
	}
	if (list_tags)
		return print_tags() ? -1 : -3;
	return optind;
}

/* No operand and standard input not a terminal: read it, as less does (PAGER, MANPAGER). */
static int
read_stdin(void)
{
	char *args[] = { "dump", "-", NULL };

	if (!isatty(STDOUT_FILENO))
		return dump_entry.exec(2, args);
	return reader_main(1, args + 1);
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *cmd;
	int first = parse_global(argc, argv);

	if (first < 0)
		return first == -1 ? 0 : first == -3 ? 1 : 2;
	if (getenv("GLOSS_DB") && opt_db == NULL)
		opt_db = getenv("GLOSS_DB");
	if (first < argc && (cmd = cmd_table_find(argv[first])) != NULL)
		return cmd_run(cmd, argc - first, argv + first);
	if (first == argc && !isatty(STDIN_FILENO))
		return read_stdin();
	if (!isatty(STDOUT_FILENO)) {
		if (first != argc - 1) {
			cmd_error(first == argc ? "standard output is not a terminal; name a FILE to dump"
			    : "standard output is not a terminal; dump takes one FILE");
			return 2;
		}
		{
			char *dargv[] = { "dump", argv[first], NULL };

			return dump_entry.exec(2, dargv);	/* errors as the reader's: "gloss: FILE: ..." */
		}
	}
	return reader_main(argc - first, argv + first);
}
