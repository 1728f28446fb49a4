/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * dump — `gloss dump`: the document laid out as plain text.
 *
 * Contract: lines no wider than the width in display columns, no trailing
 * spaces, no escape sequences (controls appear as visible substitutes), no
 * margins; blocks separated by one blank line (the pieces of a giant
 * paragraph follow each other directly); for plain text the words of every
 * paragraph appear in order, nothing added or removed but line breaks (a
 * soft hyphen shows as '-' only where a line breaks at it).  Markdown
 * blocks keep their list labels and quote marks ("> ").
 */
#ifndef GLOSS_DUMP_H
#define GLOSS_DUMP_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"
#include "gloss/doc.h"
#include "gloss/error.h"
#include "gloss/glyph.h"

/* Writes doc laid out at width columns to out; GLOSS_EIO on a write error. */
enum gloss_status dump_doc(struct doc *doc, int width, enum glyph_mode mode, FILE *out);

/* `gloss dump [-w COLS] FILE` (also what `gloss FILE` runs when output is not a terminal). */
extern const struct cmd_entry dump_entry;

#endif
