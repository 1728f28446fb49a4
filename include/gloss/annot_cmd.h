/*
 * annot_cmd — the annotation commands of the command line:
 *
 *   gloss annotate FILE --quote TEXT [--nth N] [--note TEXT] [--tag TAG]... [--color NAME]
 *   gloss annotations [FILE] [--tag TAG] [--status STATUS] [--color NAME] [--json]
 *   gloss tag ID TAG...        gloss untag ID TAG...
 *   gloss note ID TEXT|-       gloss delete ID
 *
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
#include "gloss/strbuf.h"

int annotate_main(int argc, char **argv);
int annotations_main(int argc, char **argv);
int tag_main(int argc, char **argv);
int untag_main(int argc, char **argv);
int note_main(int argc, char **argv);
int delete_main(int argc, char **argv);
int recover_main(int argc, char **argv);

#endif
