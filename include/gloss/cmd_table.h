/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cmd_table — the table of gloss's commands, and the program's own entry
 * (its global options), from which `gloss --help`, `gloss CMD --help` and
 * the man page's SYNOPSIS (tests/cli/man.sh, make update-man) come.
 *
 * Each command's entry (struct cmd_entry, gloss/cmd.h) lives beside the
 * function that runs it; this module only lists them, in the order --help
 * and the man page show them.
 */
#ifndef GLOSS_CMD_TABLE_H
#define GLOSS_CMD_TABLE_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"

/* The vals of the program's options (cmd_table_gloss.options), handled by main. */
enum cmd_table_option {
	CMD_TABLE_ASCII,
	CMD_TABLE_COLUMN,
	CMD_TABLE_CORPUS,
	CMD_TABLE_DB,
	CMD_TABLE_FORCE,
	CMD_TABLE_LIST_KEYS,
	CMD_TABLE_NO_FOLD,
	CMD_TABLE_INCSEARCH,
	CMD_TABLE_HYPHENATE,
	CMD_TABLE_NO_MOUSE,
	CMD_TABLE_HYPERLINKS,
	CMD_TABLE_COLOR,
	CMD_TABLE_PRINT_CONFIG,
	CMD_TABLE_LIST_TAGS,
	CMD_TABLE_HELP,
	CMD_TABLE_VERSION,
};

/* The program itself: `gloss [OPTION]... [FILE|DIR]...` (no exec: main reads or dumps). */
extern const struct cmd_entry cmd_table_gloss;

/* The i-th command of the table (from 0), or NULL past the end. */
const struct cmd_entry *cmd_table_get(size_t i);

/* The command called name, or NULL. */
const struct cmd_entry *cmd_table_find(const char *name);

/* Prints `gloss --help`: the usage, the commands with their summaries, the options. */
void cmd_table_help(FILE *f);

#endif
