/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * notes_cmd — `gloss notes FILE [--json]`: the notes sidebar in text form.
 *
 * Prints a document's notes (label, where each is cited, the text on one
 * line, what an Ibid. resolves to), its markers without a note and its
 * links, as text or as one JSON object.  Cited places are given as the
 * paragraph (1-based block number) and the percent of the document text
 * before them.  Exit status 0, 1 (missing or binary file), 2 (usage).
 *
 * Cross-document entries come from elsewhere (the xref index): a caller
 * that has them runs notes_cmd_run() with a notes_cmd_xref_fn, which is
 * asked to append the entries of a "Cross-document" section — text lines,
 * or the comma-separated JSON values of the "cross_document" array.
 * Without one (xref NULL) the section is left out.
 */
#ifndef GLOSS_NOTES_CMD_H
#define GLOSS_NOTES_CMD_H

#include "gloss/gloss.h"
#include "gloss/cmd.h"
#include "gloss/doc.h"
#include "gloss/links.h"
#include "gloss/notes.h"
#include "gloss/strbuf.h"

/* Appends the cross-document entries of the document at path to out. */
typedef void (*notes_cmd_xref_fn)(struct strbuf *out, const char *path, struct doc *doc,
    bool json, void *arg);

/* The options of `gloss notes` (for its entry, e), parsed by notes_cmd_run(). */
extern const struct cmd_option notes_cmd_options[];

/* The command e with a cross-document hook (xref may be NULL); returns the exit status. */
int notes_cmd_run(const struct cmd_entry *e, int argc, char **argv, notes_cmd_xref_fn xref, void *arg);

/*
 * Appends the whole output for doc (named file) to out: the text form or,
 * with json, one JSON object and a newline.  The doc must be measured
 * (notes_scan() does it).
 */
void notes_cmd_print(struct strbuf *out, const char *file, struct doc *doc,
    const struct notes *notes, const struct links *links, bool json,
    notes_cmd_xref_fn xref, void *arg);

#endif
