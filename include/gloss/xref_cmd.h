/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xref_cmd — the "Cross-document" section of `gloss notes`: the passages
 * and URLs the index (xref_corpus, brought up to date first) finds shared
 * with other documents.
 */
#ifndef GLOSS_XREF_CMD_H
#define GLOSS_XREF_CMD_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"

/* `gloss notes`, with the Cross-document section from the index (brought up to date first). */
extern const struct cmd_entry xref_cmd_notes_entry;

#endif
