/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cmd — the parts every command shares (see include/gloss/cmd.h): option
 * parsing from a command's entry through getopt_long (its own messages
 * off, ours in one form), the help printed from the entry, and the one
 * error printer.
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <stdarg.h>

#include "gloss/cmd.h"
#include "gloss/glyph.h"
#include "gloss/strbuf.h"

#define LONG_BASE 0x1000	/* getopt_long's val for option i: LONG_BASE + i */
#define HELP_COLUMN 24		/* where the option's help starts in --help */
#define HELP_WIDTH 79		/* --help's lines are at most this wide */

/* The command being run (cmd_run), whose name prefixes every error. */
static const struct cmd_entry *current;

/* ------------------------------------------------------------------ */
/* Errors */

static void
print_error(const char *fmt, va_list ap)
{
	char msg[2048];
	struct strbuf sb = STRBUF_INIT;
	const char *name = current ? current->name : NULL;
	size_t n = name ? strlen(name) : 0;

	vsnprintf(msg, sizeof msg, fmt, ap);
	strbuf_adds(&sb, "gloss: ");
	/* a lower module's message may already name the command ("search: ...") */
	if (name && !(strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' '))
		strbuf_addf(&sb, "%s: ", name);
	glyph_append_safe(&sb, msg, strlen(msg), GLYPH_UTF8);
	fprintf(stderr, "%s\n", strbuf_str(&sb));
	strbuf_done(&sb);
}

void
cmd_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
}

int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
	cmd_print_usage(e, stderr);
	return 2;
}

int
cmd_run(const struct cmd_entry *e, int argc, char **argv)
{
	current = e;
	return e->exec(argc, argv);
}

/* ------------------------------------------------------------------ */
/* Help */

/* Whether e has its own --help (the program's, which lists the commands too). */
static bool
own_help(const struct cmd_entry *e)
{
	for (const struct cmd_option *o = e->options; o && o->name; o++)
		if (strcmp(o->name, "help") == 0)
			return true;
	return false;
}

void
cmd_print_usage(const struct cmd_entry *e, FILE *f)
{
	fprintf(f, "Usage: gloss %s%s%s\n", e->name ? e->name : "", e->name ? " " : "", e->usage);
}

/* "  -o, --output=OUT" padded to the help column, then the help wrapped at HELP_WIDTH. */
static void
print_option(FILE *f, int letter, const char *name, const char *arg, bool optional, const char *help)
{
	char left[128];
	int n, col;

	n = snprintf(left, sizeof left, letter ? "  -%c, --%s" : "  %c   --%s", letter ? letter : ' ', name);
	if (arg && n >= 0 && (size_t)n < sizeof left)
		snprintf(left + n, sizeof left - (size_t)n, optional ? "[=%s]" : "=%s", arg);
	n = (int)strlen(left);
	col = n + 2 > HELP_COLUMN ? n + 2 : HELP_COLUMN;
	fprintf(f, "%s%*s", left, col - n, "");
	for (bool first = true; *help; first = false) {
		int w = (int)strcspn(help, " ");

		if (!first && col + 1 + w > HELP_WIDTH) {
			fprintf(f, "\n%*s", HELP_COLUMN, "");
			col = HELP_COLUMN;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		fprintf(f, "%.*s", w, help);
		col += w;
		help += w;
		help += strspn(help, " ");
	}
	fputc('\n', f);
}

void
cmd_print_options(const struct cmd_entry *e, FILE *f)
{
	bool h = false;

	for (const struct cmd_option *o = e->options; o && o->name; o++) {
		if (o->help)
			print_option(f, o->letter, o->name, o->arg, o->flags & CMD_OPT_OPTIONAL, o->help);
		h |= o->letter == 'h';
	}
	if (!own_help(e))
		print_option(f, h ? 0 : 'h', "help", NULL, false, "show this help and exit");
}

void
cmd_print_help(const struct cmd_entry *e, FILE *f)
{
	cmd_print_usage(e, f);
	fprintf(f, "%c%s.\n", toupper((unsigned char)e->summary[0]), e->summary + 1);
	if (e->help)
		fputs(e->help, f);
	fputs("\nOptions:\n", f);
	cmd_print_options(e, f);
}

/* ------------------------------------------------------------------ */
/* Options */

void
cmd_getopt_init(struct cmd_getopt *g, const struct cmd_entry *e, int argc, char **argv)
{
	size_t n = 0, s = 0;
	bool h = false;

	memset(g, 0, sizeof *g);
	g->entry = e;
	g->argc = argc;
	g->argv = argv;
	if (e->flags & CMD_IN_ORDER)
		g->shortopts[s++] = '+';
	g->shortopts[s++] = ':';	/* ':' for a missing argument, '?' for an unknown option */
	for (const struct cmd_option *o = e->options; o && o->name && n < CMD_MAX_OPTIONS; o++, n++) {
		size_t first = n;

		/* aliases share the first one's val, so that getopt sees no ambiguity */
		for (size_t k = 0; k < n; k++)
			if (e->options[k].val == o->val) {
				first = k;
				break;
			}
		g->longopts[n] = (struct option){ o->name, o->arg == NULL ? no_argument :
		    (o->flags & CMD_OPT_OPTIONAL) ? optional_argument : required_argument, NULL,
		    LONG_BASE + (int)first };
		if (o->letter) {
			g->shortopts[s++] = (char)o->letter;
			if (o->arg)
				g->shortopts[s++] = ':';
			if (o->arg && (o->flags & CMD_OPT_OPTIONAL))
				g->shortopts[s++] = ':';
		}
		h |= o->letter == 'h';
	}
	g->noptions = n;
	if (!own_help(e))
		g->longopts[n] = (struct option){ "help", no_argument, NULL, LONG_BASE + (int)n };
	if (!h && !own_help(e))
		g->shortopts[s++] = 'h';
	g->shortopts[s] = '\0';
	optind = 0;	/* 0: re-initialise (an earlier parse may have stopped anywhere) */
	opterr = 0;
}

/* Whether arg ("--na" or "--na=value", len the name's end) abbreviates two options: the first, or NULL. */
static const char *
ambiguity(const struct cmd_getopt *g, const char *arg, size_t len)
{
	const struct option *first = NULL;

	for (const struct option *o = g->longopts; o->name; o++) {
		if (strncmp(o->name, arg + 2, len - 2) != 0)
			continue;
		if (first && o->val != first->val)
			return first->name;
		first = first ? first : o;
	}
	return NULL;
}

/* Prints what getopt found wrong (c is '?' or ':'); returns CMD_USAGE. */
static int
bad_option(const struct cmd_getopt *g, int c)
{
	const struct cmd_entry *e = g->entry;
	const char *arg = optind > 0 && optind <= g->argc ? g->argv[optind - 1] : "";
	int len = (int)strcspn(arg, "=");
	bool islong = optopt == 0 || optopt >= LONG_BASE;

	if (islong && strncmp(arg, "--", 2) != 0)
		arg = "--?", len = 3;
	if (c == ':' && islong)
		cmd_usage_error(e, "option '%.*s' requires an argument", len, arg);
	else if (c == ':')
		cmd_usage_error(e, "option '-%c' requires an argument", optopt);
	else if (optopt >= LONG_BASE)
		cmd_usage_error(e, "option '%.*s' takes no argument", len, arg);
	else if (islong && ambiguity(g, arg, (size_t)len))
		cmd_usage_error(e, "option '%.*s' is ambiguous", len, arg);
	else if (islong)
		cmd_usage_error(e, "unrecognized option '%.*s'", len, arg);
	else
		cmd_usage_error(e, "unrecognized option '-%c'", optopt);
	return CMD_USAGE;
}

/* The val of the option with short form letter (-1 if none: --help's -h). */
static int
letter_val(const struct cmd_entry *e, int letter)
{
	for (const struct cmd_option *o = e->options; o && o->name; o++)
		if (o->letter == letter)
			return o->val;
	return -1;
}

int
cmd_getopt_next(struct cmd_getopt *g)
{
	const struct cmd_entry *e = g->entry;
	int c = getopt_long(g->argc, g->argv, g->shortopts, g->longopts, NULL);
	int val;

	if (c == -1)
		return CMD_END;
	if (c == '?' || c == ':')
		return bad_option(g, c);
	if (c >= LONG_BASE)
		val = (size_t)(c - LONG_BASE) < g->noptions ? e->options[c - LONG_BASE].val : -1;
	else
		val = letter_val(e, c);
	if (val < 0) {		/* --help or -h */
		cmd_print_help(e, stdout);
		return CMD_HELP;
	}
	return val;
}

int
cmd_getopt_status(int c)
{
	return c == CMD_HELP ? 0 : 2;
}
