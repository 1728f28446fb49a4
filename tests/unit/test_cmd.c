/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_cmd — the command table and the option parser: every option of an
 * entry is in its usage and every option the usage names is an entry's;
 * summaries fit `gloss --help`; cmd_getopt_next() returns the vals of
 * long, short and alias forms, stops at the first operand for CMD_IN_ORDER
 * entries, and prints each error as "gloss: NAME: ..." followed by the
 * usage (unknown, ambiguous, missing and unwanted arguments).
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <unistd.h>

#include "gloss/annot_cmd.h"
#include "gloss/cmd_table.h"
#include "gloss/store.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

/* Whether usage names option o ("--name ARG", "--name" or "-L ARG" as a whole word). */
static bool
usage_names(const char *usage, const struct cmd_option *o)
{
	char want[2][128];

	snprintf(want[0], sizeof want[0], "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	snprintf(want[1], sizeof want[1], "-%c%s%s", o->letter ? o->letter : '?', o->arg ? " " : "",
	    o->arg ? o->arg : "");
	for (int k = 0; k < 2; k++) {
		size_t n = strlen(want[k]);

		for (const char *p = strstr(usage, want[k]); p; p = strstr(p + 1, want[k]))
			if ((p == usage || strchr(" [", p[-1])) && strchr(" ]", p[n]))
				return true;
	}
	return false;
}

/* Whether every "--word" of the usage is one of e's options. */
static const char *
unknown_in_usage(const struct cmd_entry *e)
{
	static char word[64];

	for (const char *p = strstr(e->usage, "--"); p; p = strstr(p + 2, "--")) {
		size_t n = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
		bool found = false;

		for (const struct cmd_option *o = e->options; o->name; o++)
			found |= strlen(o->name) == n && strncmp(o->name, p + 2, n) == 0;
		if (!found) {
			snprintf(word, sizeof word, "--%.*s", (int)n, p + 2);
			return word;
		}
	}
	return NULL;
}

static void
check_entry(const struct cmd_entry *e)
{
	const char *name = e->name ? e->name : "gloss";
	const char *bad;

	for (const struct cmd_option *o = e->options; o->name; o++)
		if (o->help && strcmp(o->name, "help") != 0 && strcmp(o->name, "version") != 0 && e->name)
			ok(usage_names(e->usage, o), "%s: the usage names --%s", name, o->name);
	bad = e->name ? unknown_in_usage(e) : NULL;
	ok(bad == NULL, "%s: every option of the usage is an option of the entry%s%s", name,
	    bad ? ": not " : "", bad ? bad : "");
	ok((strlen(e->summary) + 26 <= 79 || !e->name) && !isupper((unsigned char)e->summary[0]) &&
	    e->summary[strlen(e->summary) - 1] != '.', "%s: the summary is one short line", name);
	ok(e->exec != NULL || e == &cmd_table_gloss, "%s: has a function that runs it", name);
}

/* ------------------------------------------------------------------ */
/* The parser on an entry of its own */

enum { T_JSON, T_TAG, T_COLOR, T_COUNT, T_OUT };

static const struct cmd_option t_options[] = {
	{ "json", 0, NULL, 0, T_JSON, "json" },
	{ "tag", 0, "TAG", 0, T_TAG, "a tag" },
	{ "color", 0, "NAME", 0, T_COLOR, "a colour" },
	{ "colour", 0, "NAME", 0, T_COLOR, NULL },
	{ "count", 0, NULL, 0, T_COUNT, "count" },
	{ "output", 'o', "OUT", 0, T_OUT, "out" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static struct strbuf got;	/* what the last parse returned, "val,val,...|optind" */

static int t_exec(int argc, char **argv);

static const struct cmd_entry t_entry = {
	.name = "t", .usage = "[--json] [--tag TAG] [--color NAME] [--count] [-o OUT] FILE",
	.summary = "a test", .options = t_options, .exec = t_exec,
};

static const struct cmd_entry t_ordered = {
	.name = "u", .usage = "ID TEXT", .summary = "a test", .options = t_options,
	.flags = CMD_IN_ORDER, .exec = t_exec,
};

static const struct cmd_entry *t_current;

static int
t_exec(int argc, char **argv)
{
	struct cmd_getopt g;
	int c;

	strbuf_truncate(&got, 0);
	cmd_getopt_init(&g, t_current, argc, argv);
	while ((c = cmd_getopt_next(&g)) >= 0)
		strbuf_addf(&got, "%d%s%s,", c, optarg ? "=" : "", optarg ? optarg : "");
	strbuf_addf(&got, "%d|%d", c, optind);
	return c == CMD_END ? 0 : cmd_getopt_status(c);
}

/* Runs e on the words of args; returns the exit status, with standard error in *err (caller frees). */
static int
run(const struct cmd_entry *e, const char *args, char **err)
{
	char buf[256], *argv[16];
	int argc = 0, status, saved = dup(STDERR_FILENO), out = dup(STDOUT_FILENO);
	char path[] = "/tmp/test_cmd.XXXXXX";
	int fd = mkstemp(path);
	size_t len;

	snprintf(buf, sizeof buf, "%s %s", e->name, args);
	for (char *w = strtok(buf, " "); w && argc < 15; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	fflush(stdout);
	dup2(fd, STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);	/* --help's text goes there too */
	t_current = e;
	status = cmd_run(e, argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	dup2(out, STDOUT_FILENO);
	close(saved);
	close(out);
	close(fd);
	*err = tap_slurp(path, &len);
	unlink(path);
	return status;
}

static void
check_parse(const struct cmd_entry *e, const char *args, int status, const char *vals, const char *err)
{
	char *text;
	int rc = run(e, args, &text);

	is_int(rc, status, "%s %s: exit status", e->name, args);
	is_str(strbuf_str(&got), vals, "%s %s: what the parser returned", e->name, args);
	if (err)
		is_str(text, err, "%s %s: the message", e->name, args);
	free(text);
}

#define USAGE_T "\nUsage: gloss t [--json] [--tag TAG] [--color NAME] [--count] [-o OUT] FILE\n"

static void
test_parser(void)
{
	char *help;

	check_parse(&t_entry, "--json --tag a -o x FILE", 0, "0,1=a,4=x,-1|6", "");
	check_parse(&t_entry, "FILE --tag=b --colour red -ox", 0, "1=b,2=red,4=x,-1|5", "");
	check_parse(&t_entry, "--colo green --js", 0, "2=green,0,-1|4", "");
	check_parse(&t_entry, "--x FILE", 2, "-3|2", "gloss: t: unrecognized option '--x'" USAGE_T);
	check_parse(&t_entry, "--x=1", 2, "-3|2", "gloss: t: unrecognized option '--x'" USAGE_T);
	check_parse(&t_entry, "-q", 2, "-3|2", "gloss: t: unrecognized option '-q'" USAGE_T);
	check_parse(&t_entry, "--co", 2, "-3|2", "gloss: t: option '--co' is ambiguous" USAGE_T);
	check_parse(&t_entry, "--tag", 2, "-3|2", "gloss: t: option '--tag' requires an argument" USAGE_T);
	check_parse(&t_entry, "-o", 2, "-3|2", "gloss: t: option '-o' requires an argument" USAGE_T);
	check_parse(&t_entry, "--json=yes", 2, "-3|2", "gloss: t: option '--json' takes no argument" USAGE_T);
	check_parse(&t_ordered, "7 --json -x", 0, "-1|1", "");
	check_parse(&t_ordered, "--json 7", 0, "0,-1|2", "");
	run(&t_entry, "FILE --help", &help);
	is_int(got.len > 0 && strstr(strbuf_str(&got), "-2|") != NULL, 1, "--help: CMD_HELP");
	ok(strncmp(help, "Usage: gloss t [--json]", 23) == 0 && strstr(help, "\nA test.\n") &&
	    strstr(help, "      --tag=TAG         a tag\n") && strstr(help, "  -o, --output=OUT      out\n") &&
	    strstr(help, "  -h, --help            show this help and exit\n") && !strstr(help, "--colour"),
	    "--help: usage, summary and options (aliases left out)");
	free(help);
}

int
main(void)
{
	const struct cmd_entry *e;
	size_t n = 0;

	check_entry(&cmd_table_gloss);
	for (size_t i = 0; (e = cmd_table_get(i)) != NULL; i++, n++) {
		check_entry(e);
		ok(cmd_table_find(e->name) == e, "%s: found by its name", e->name);
	}
	is_int((long long)n, 13, "the table has the 13 commands");
	ok(cmd_table_find("reader") == NULL && cmd_table_find("") == NULL, "no other command is found");
	{
		char *help = xstrdup(annot_cmd_annotate_entry.help), *want;

		for (char *p = help; *p; p++)
			*p = *p == '\n' ? ' ' : *p;
		want = xasprintf("Colours: %s.", store_color_names());
		ok(strstr(help, want) != NULL, "annotate's help names the colours of the store");
		free(want);
		free(help);
	}
	test_parser();
	strbuf_done(&got);
	return tap_done();
}
