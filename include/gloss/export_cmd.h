/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_cmd — the commands
 *
 *   gloss export [FILE...] [--tag TAG]... [--color NAME] [--since DATE]
 *                [--by document|tag] [--format markdown|json] [-o OUT] [--force]
 *                [--no-timestamp]
 *   gloss import FILE.json
 *
 * export writes to standard output, or with -o atomically to OUT (never
 * replacing an existing file without --force).  $GLOSS_EXPORT_TIME (an
 * ISO time or seconds) fixes the "exported" timestamp, --no-timestamp
 * leaves it out.  Exit status 0, 1 (runtime error) or 2 (usage error).
 */
#ifndef GLOSS_EXPORT_CMD_H
#define GLOSS_EXPORT_CMD_H

#include "gloss/gloss.h"

int export_main(int argc, char **argv);
int import_main(int argc, char **argv);

#endif
