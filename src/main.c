/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * main — the command line: global options, the table of commands, and the
 * choice between the reader (on a terminal) and `dump` (otherwise).
 *
 *   gloss [OPTION]... [FILE|DIR]...     read (or dump when not on a terminal)
 *   gloss COMMAND [OPTION]... [ARG]...  run a command
 *
 * A first argument that names a command is the command; a file with such a
 * name is reached as ./NAME.  Exit status: 0 success, 1 runtime error,
 * 2 usage error.
 */
#include "gloss/gloss.h"

#include <getopt.h>
#include <unistd.h>

#include "gloss/annot_cmd.h"
#include "gloss/cmd.h"
#include "gloss/settings.h"
#include "gloss/library_cmd.h"
#include "gloss/dump.h"
#include "gloss/export_cmd.h"
#include "gloss/error.h"
#include "gloss/help.h"
#include "gloss/notes_cmd.h"
#include "gloss/xref_cmd.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/reader.h"
#include "gloss/glyph.h"
#include "gloss/store.h"
#include "gloss/strbuf.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;
};

static const struct command commands[] = {
	{ "dump", dump_main, "dump [-w COLS] FILE     print FILE laid out as plain text" },
	{ "annotate", annotate_main, "annotate FILE --quote TEXT [--nth N] [--note TEXT] [--tag TAG]... [--color NAME]\n"
	    "                          highlight TEXT in FILE; print the annotation's id" },
	{ "annotations", annotations_main, "annotations [FILE] [--tag TAG] [--status STATUS] [--json]\n"
	    "                          list annotations (of FILE, re-anchored if it changed)" },
	{ "tag", tag_main, "tag ID TAG...           add tags to an annotation" },
	{ "untag", untag_main, "untag ID TAG...         remove tags from an annotation" },
	{ "note", note_main, "note ID TEXT|-          set an annotation's note ('' removes it)" },
	{ "delete", delete_main, "delete ID               delete an annotation" },
	{ "export", export_main, "export [FILE...] [--tag TAG]... [--format markdown|json] [-o OUT] ...\n"
	    "                          export annotations as Markdown or W3C Web Annotation JSON" },
	{ "import", import_main, "import FILE.json        import W3C Web Annotation JSON" },
	{ "recover", recover_main, "recover NEW.db          copy what can be read of a damaged database into NEW.db" },
	{ "notes", xref_cmd_notes_main, "notes FILE [--json]     list FILE's notes, where they are cited, and its links" },
	{ "library", library_main, "library [DIR...] [--json]\n"
	    "                          list the articles of DIR (default: the corpus) with their metadata" },
	{ "search", search_main, "search [--limit N] QUERY... [--json]\n"
	    "                          full-text search of the corpus (\"phrases\", prefix*, OR)" },
};

static void
usage(FILE *f)
{
	fputs("Usage: gloss [OPTION]... [FILE|DIR]...\n"
	    "       gloss COMMAND [OPTION]... [ARG]...\n"
	    "Read articles in a terminal pager with Cyrillic-aware line wrapping.\n"
	    "With no FILE, read standard input when it is not a terminal (as a PAGER or\n"
	    "MANPAGER), else open the library of the bundled corpus (or of --corpus DIR);\n"
	    "with directories only, the library of their articles.  When standard\n"
	    "output is not a terminal, print the laid-out text instead (as `gloss dump`).\n\n"
	    "Commands:\n", f);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(commands); i++)
		fprintf(f, "  %s\n", commands[i].synopsis);
	fputs("\nOptions:\n"
	    "      --ascii         show text transliterated to ASCII (terminals without UTF-8)\n"
	    "      --column=N      widest reading column in the pager (default 100)\n"
	    "      --corpus=DIR    the library to open when no FILE is given\n"
	    "      --db=FILE       the annotation database (default $GLOSS_DB or\n"
	    "                      $XDG_DATA_HOME/gloss/gloss.db)\n"
	    "      --force         open files that look binary\n"
	    "      --list-keys[=man]  print the key bindings (as troff for the man page)\n"
	    "      --no-fold       show site furniture of web pages unfolded\n"
	    "      --print-config  show the settings in effect (config file, then options) and exit\n"
	    "      --list-tags     print the tags in use, one a line (for shell completion)\n"
	    "      --incsearch     search as the pattern is typed (/ and ?)\n"
	    "      --no-mouse      do not use the mouse\n"
	    "      --hyperlinks[=WHEN]  make links clickable (OSC 8): auto (default), always, never\n"
	    "      --color[=WHEN]  use colours: auto (default: unless NO_COLOR is set), always, never\n"
	    "  -h, --help          show this help and exit\n"
	    "  -V, --version       show the version and exit\n\n"
	    "Keys in the reader: press h for help; see gloss(1).\n\n"
	    "Report bugs to: " GLOSS_BUGREPORT "\n", f);
}

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

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
parse_column(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end || n < 20 || n > 1000) {
		cmd_error("invalid column width '%s' (20 to 1000)", s);
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
		cmd_error("--hyperlinks: '%s' is not auto, always or never", s);
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
		cmd_error("--color: '%s' is not auto, always or never", s);
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

/* Parses the global options; returns the index of the first operand, or -1/-3/-2 to exit 0/1/2. */
static int
parse_global(int argc, char **argv)
{
	enum { O_ASCII = 256, O_COLUMN, O_CORPUS, O_DB, O_FORCE, O_NOMOUSE, O_NOFOLD, O_KEYS, O_LINKS, O_INCSEARCH, O_COLOR, O_PRINT_CONFIG, O_LIST_TAGS };
	static const struct option longopts[] = {
		{ "ascii", no_argument, NULL, O_ASCII },
		{ "column", required_argument, NULL, O_COLUMN },
		{ "corpus", required_argument, NULL, O_CORPUS },
		{ "db", required_argument, NULL, O_DB },
		{ "force", no_argument, NULL, O_FORCE },
		{ "no-mouse", no_argument, NULL, O_NOMOUSE },
		{ "hyperlinks", optional_argument, NULL, O_LINKS },
		{ "no-fold", no_argument, NULL, O_NOFOLD },
		{ "incsearch", no_argument, NULL, O_INCSEARCH },
		{ "color", optional_argument, NULL, O_COLOR },
		{ "colour", optional_argument, NULL, O_COLOR },
		{ "list-keys", optional_argument, NULL, O_KEYS },
		{ "print-config", no_argument, NULL, O_PRINT_CONFIG },
		{ "list-tags", no_argument, NULL, O_LIST_TAGS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	settings_load(stderr);
	if (getenv("GLOSS_HYPERLINKS") && parse_hyperlinks(getenv("GLOSS_HYPERLINKS")) < 0)
		return -2;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case O_ASCII:
			opt_ascii_forced = true;
			opt_glyphs = GLYPH_ASCII;
			break;
		case O_COLUMN:
			if (parse_column(optarg) < 0)
				return -2;
			break;
		case O_CORPUS:
			opt_corpus = optarg;
			break;
		case O_DB:
			opt_db = optarg;
			break;
		case O_FORCE:
			opt_force = true;
			break;
		case O_NOMOUSE:
			opt_mouse = false;
			break;
		case O_LINKS:
			if (parse_hyperlinks(optarg ? optarg : "always") < 0)
				return -2;
			break;
		case O_NOFOLD:
			opt_fold = false;
			break;
		case O_INCSEARCH:
			opt_incsearch = true;
			break;
		case O_COLOR:
			if (parse_color(optarg ? optarg : "always") < 0)
				return -2;
			break;
		case O_KEYS:
			help_print_keys(stdout, optarg && strcmp(optarg, "man") == 0);
			return -1;
		case O_PRINT_CONFIG:
			print_config = true;
			break;
		case O_LIST_TAGS:
			list_tags = true;
			break;
		case 'h':
			usage(stdout);
			return -1;
		case 'V':
			version(stdout);
			return -1;
		default:
			fputs("Try 'gloss --help' for more information.\n", stderr);
			return -2;
		}
	}
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
		return dump_main(2, args);
	return reader_main(1, args + 1);
}

int
main(int argc, char **argv)
{
	const struct command *cmd;
	int first = parse_global(argc, argv);

	if (first < 0)
		return first == -1 ? 0 : first == -3 ? 1 : 2;
	if (getenv("GLOSS_DB") && opt_db == NULL)
		opt_db = getenv("GLOSS_DB");
	if (first < argc && (cmd = find_command(argv[first])) != NULL)
		return cmd->run(argc - first, argv + first);
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

			return dump_main(2, dargv);
		}
	}
	return reader_main(argc - first, argv + first);
}
