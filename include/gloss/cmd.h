/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cmd — what every command of the command line shares: its entry (name,
 * usage, summary, options and the function that runs it, as tmux's
 * cmd_entry), option parsing from the entry, the help printed from it, and
 * the one way errors are printed.
 *
 * Each command module defines its `const struct cmd_entry` beside the
 * function that runs it; cmd_table lists them.  A command is run through
 * cmd_run(), which makes it the current command: from then on cmd_error()
 * prints "gloss: NAME: MESSAGE" (before that, as for the reader, "gloss:
 * MESSAGE").  Every character of a message is shown safely
 * (glyph_append_safe), so no file name or document text reaches the
 * terminal as a control sequence.
 *
 * Exit status of a command: 0 success, 1 runtime error, 2 usage error.
 */
#ifndef GLOSS_CMD_H
#define GLOSS_CMD_H

#include <getopt.h>

#include "gloss/gloss.h"

#define CMD_MAX_OPTIONS 24	/* options of one entry, --help aside */

enum cmd_option_flag {
	CMD_OPT_OPTIONAL = 1 << 0,	/* the argument may be left out: --name[=ARG] */
};

/* One option of a command (or of the program). */
struct cmd_option {
	const char *name;	/* the long name, without "--"; NULL ends the list */
	int letter;		/* the short form ('o' for -o), or 0 */
	const char *arg;	/* the argument's name in help ("TAG"), NULL: takes none */
	unsigned flags;		/* enum cmd_option_flag */
	int val;		/* what cmd_getopt_next() returns for it (>= 0) */
	const char *help;	/* one line for --help; NULL: an alias, not listed */
};

enum cmd_entry_flag {
	CMD_IN_ORDER = 1 << 0,	/* options only before the first operand (operands may start with '-') */
};

/* A command: everything --help, the man page and the dispatcher know of it. */
struct cmd_entry {
	const char *name;		/* "export"; NULL for the program itself */
	const char *usage;		/* what follows "gloss NAME " in a synopsis */
	const char *summary;		/* one line, lower case, no full stop */
	const char *help;		/* what --help adds after the summary, or NULL */
	const struct cmd_option *options;	/* ends with a NULL name; --help is implicit */
	unsigned flags;			/* enum cmd_entry_flag */
	int (*exec)(int argc, char **argv);	/* argv[0] is the command's name */
};

/* Results of cmd_getopt_next() other than an option's val. */
enum {
	CMD_END = -1,		/* no more options: the operands start at optind */
	CMD_HELP = -2,		/* --help was given and printed: exit 0 */
	CMD_USAGE = -3,		/* a usage error was printed: exit 2 */
};

/* The state of one parse (getopt_long's, with the entry's options). */
struct cmd_getopt {
	const struct cmd_entry *entry;
	int argc;
	char **argv;
	size_t noptions;	/* of the entry's, in longopts (then --help) */
	struct option longopts[CMD_MAX_OPTIONS + 2];
	char shortopts[2 * CMD_MAX_OPTIONS + 8];
};

/*
 * Starts parsing argv (argv[0] the command's name) with e's options;
 * getopt's own messages are off (cmd_getopt_next() prints them).
 */
void cmd_getopt_init(struct cmd_getopt *g, const struct cmd_entry *e, int argc, char **argv);

/*
 * The next option's val (its argument in optarg), or CMD_END, CMD_HELP
 * (the help printed on standard output) or CMD_USAGE ("gloss: NAME:
 * unrecognized option '--x'" or "... option '--x' requires an argument"
 * and the usage printed on standard error).
 */
int cmd_getopt_next(struct cmd_getopt *g);

/* The exit status for CMD_HELP (0) or CMD_USAGE (2). */
int cmd_getopt_status(int c);

/* Makes e the current command and runs it; returns its exit status. */
int cmd_run(const struct cmd_entry *e, int argc, char **argv);

/* Prints "gloss: [NAME: ]MESSAGE" on standard error, made safe for the terminal. */
void cmd_error(const char *fmt, ...) GLOSS_PRINTF(1, 2);

/* Prints the error as cmd_error() does and then "Usage: gloss NAME USAGE"; returns 2. */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...) GLOSS_PRINTF(2, 3);

/* Prints "Usage: gloss [NAME ]USAGE\n". */
void cmd_print_usage(const struct cmd_entry *e, FILE *f);

/* Prints e's help: usage, summary, help text and the options. */
void cmd_print_help(const struct cmd_entry *e, FILE *f);

/* Prints e's options as --help lists them ("  -o, --output=OUT  text"). */
void cmd_print_options(const struct cmd_entry *e, FILE *f);

#endif
