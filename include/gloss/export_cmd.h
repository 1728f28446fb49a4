/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_cmd — the commands
 *
 *   gloss export [FILE...] [--tag TAG]... [--format markdown|json] [-o OUT] ...
 *   gloss import [--strict] [--map URL=PATH]... FILE.json
 *
 * (their entries, with every option, are below; cmd_table lists them).
 * export writes to standard output, or with -o atomically to OUT (never
 * replacing an existing file without --force).  $GLOSS_EXPORT_TIME (an
 * ISO time or seconds) fixes the "exported" timestamp, --no-timestamp
 * leaves it out.  Exit status 0, 1 (runtime error) or 2 (usage error).
 */
#ifndef GLOSS_EXPORT_CMD_H
#define GLOSS_EXPORT_CMD_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"

extern const struct cmd_entry export_cmd_export_entry;
extern const struct cmd_entry export_cmd_import_entry;

#endif
