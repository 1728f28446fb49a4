/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * library_cmd — the library commands of the command line:
 *
 *   gloss library [--corpus DIR] [DIR...] [--json]
 *       one row per article: path, title, author, date, words, reading
 *       progress (percent, from the store's reading position), highlights;
 *   gloss search [--corpus DIR] [--limit N] QUERY... [--json]
 *       the best full-text hits: path, title, location, snippet.
 *
 * Both bring the index (catalog) up to date first, showing progress on
 * standard error only when it is a terminal and the update takes more
 * than half a second.  Tab-separated lines (control characters made
 * visible) or a JSON array on standard output; "gloss: ..." messages on
 * standard error; exit 0, 1 (runtime error, malformed query) or 2 (usage).
 */
#ifndef GLOSS_LIBRARY_CMD_H
#define GLOSS_LIBRARY_CMD_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"

extern const struct cmd_entry library_cmd_library_entry;
extern const struct cmd_entry library_cmd_search_entry;

#endif
