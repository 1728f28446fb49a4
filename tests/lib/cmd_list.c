/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cmd_list — prints the command table for the tests and `make update-man`:
 *
 *   cmd_list          one command a line: NAME, a tab, its usage
 *   cmd_list --man    the man page's SYNOPSIS (between its BEGIN/END SYNOPSIS marks)
 *
 * In the troff form an option (a word starting with '-') and a literal
 * value (a lower-case word: document, json) are bold, a placeholder (a word
 * starting with a capital: FILE, TAG, NEW.db) italic, and the brackets,
 * bars, '=' and "..." roman.
 */
#include "gloss/gloss.h"

#include <ctype.h>

#include "gloss/cmd_table.h"

static bool
word_char(const char *p)
{
	return isalnum((unsigned char)*p) || *p == '-' || *p == '_' ||
	    (*p == '.' && isalnum((unsigned char)p[1]));
}

static void
troff_usage(const char *u)
{
	while (*u) {
		size_t n = 0;

		while (word_char(u + n))
			n++;
		if (n == 0) {
			putchar(*u++);
			continue;
		}
		fputs(isupper((unsigned char)*u) ? "\\fI" : "\\fB", stdout);
		for (size_t i = 0; i < n; i++)
			fputs(u[i] == '-' ? "\\-" : (char[]){ u[i], '\0' }, stdout);
		fputs("\\fR", stdout);
		u += n;
	}
	putchar('\n');
}

int
main(int argc, char **argv)
{
	bool man = argc > 1 && strcmp(argv[1], "--man") == 0;
	const struct cmd_entry *e;

	if (man) {
		puts(".B gloss");
		troff_usage(cmd_table_gloss.usage);
	}
	for (size_t i = 0; (e = cmd_table_get(i)) != NULL; i++) {
		if (!man) {
			printf("%s\t%s\n", e->name, e->usage);
			continue;
		}
		printf(".br\n.B gloss %s\n", e->name);
		troff_usage(e->usage);
	}
	return 0;
}
