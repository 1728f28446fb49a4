/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_cmd — the annotation commands of the command line:
 *
 *   gloss annotate FILE --quote TEXT [--nth N] [--note TEXT] [--tag TAG]... [--color NAME]
 *   gloss annotations [FILE] [--tag TAG] [--status STATUS] [--color NAME] [--json]
 *   gloss tag ID TAG...        gloss untag ID TAG...
 *   gloss note ID TEXT|-       gloss delete ID
 *   gloss recover NEW.db
 *
 * (their entries, with every option, are below; cmd_table lists them).
 * They use the same store as the reader ($GLOSS_DB, --db).  Each prints
 * its result on standard output (annotate: the new id; annotations: one
 * annotation a line, or a JSON array) and messages "gloss: ..." on
 * standard error; the exit status is 0, 1 (a runtime error: not found,
 * ambiguous, database refused) or 2 (a usage error).
 *
 * annotate finds its quote with anchor_find_loose() (anchor.h).
 */
#ifndef GLOSS_ANNOT_CMD_H
#define GLOSS_ANNOT_CMD_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"

extern const struct cmd_entry annot_cmd_annotate_entry;
extern const struct cmd_entry annot_cmd_annotations_entry;
extern const struct cmd_entry annot_cmd_tag_entry;
extern const struct cmd_entry annot_cmd_untag_entry;
extern const struct cmd_entry annot_cmd_note_entry;
extern const struct cmd_entry annot_cmd_delete_entry;
extern const struct cmd_entry annot_cmd_recover_entry;

#endif
