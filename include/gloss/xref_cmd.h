/*
 * xref_cmd — the "Cross-document" section of `gloss notes`: the passages
 * and URLs the index (xref_corpus, brought up to date first) finds shared
 * with other documents.
 */
#ifndef GLOSS_XREF_CMD_H
#define GLOSS_XREF_CMD_H

#include "gloss/gloss.h"

/* `gloss notes`, with the Cross-document section from the index (brought up to date first). */
int xref_cmd_notes_main(int argc, char **argv);

#endif
