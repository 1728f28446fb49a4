/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * boiler — which blocks of an open plain-text document the pager folds
 * away as boilerplate, and which folds the reader has opened.
 *
 * Folding is a presentation of blocks, not an edit: the document text, its
 * offsets, search and highlights are the same with folding on or off.  It
 * is decided per block from the flags the plain loader sets:
 *   a run    two or more consecutive DOC_BLOCK_FURNITURE blocks of one
 *            chunk; its first block (the head) shows as one "⋯ N lines
 *            folded" row, the others show nothing (a furniture block alone
 *            shows as it is: its fold row would save no row);
 *   a duplicate  a DOC_BLOCK_DUPLICATE block (a caption given twice) shows
 *            nothing: the next block, which repeats it, is the caption.
 * Runs stop at chunk boundaries, so every question is answered from one
 * chunk, whatever the size of the document.  Markdown documents are never
 * folded.  docs/folding.md describes the rules.
 *
 * The struct boiler does not own the doc; it must not outlive it.  The
 * caller frees it with boiler_free().
 */
#ifndef GLOSS_BOILER_H
#define GLOSS_BOILER_H

#include "gloss/gloss.h"
#include "gloss/doc.h"

enum boiler_state {
	BOILER_SHOWN,		/* drawn as usual */
	BOILER_FOLDED,		/* the head of a folded run: one fold row */
	BOILER_HIDDEN,		/* inside a folded run, or a folded duplicate: no rows */
};

struct boiler;

/* Folding for doc, on or off at first (always off for a Markdown document). */
struct boiler *boiler_new(struct doc *doc, bool on);
void boiler_free(struct boiler *bo);

/* Whether folding is on; false for a document that cannot be folded. */
bool boiler_on(const struct boiler *bo);
/* Turns folding on or off (on again: every fold closed); false if the document cannot fold. */
bool boiler_set_on(struct boiler *bo, bool on);

enum boiler_state boiler_state(struct boiler *bo, struct doc_loc loc);

/*
 * The run or duplicate holding loc: its first block and its number of
 * blocks.  False if loc is neither in a run nor a duplicate (or folding
 * is off).
 */
bool boiler_run(struct boiler *bo, struct doc_loc loc, struct doc_loc *head, uint32_t *count);

/* Opens a folded run (or duplicate) holding loc, closes an open one; false if none. */
bool boiler_toggle(struct boiler *bo, struct doc_loc loc);
/* Opens the run or duplicate holding loc if it is folded; true if it was. */
bool boiler_reveal(struct boiler *bo, struct doc_loc loc);

/*
 * Walking the blocks that show (SHOWN or FOLDED), like doc_next/doc_prev/
 * doc_last: hidden blocks are stepped over.  False at the ends.
 */
bool boiler_next(struct boiler *bo, struct doc_loc *loc);
bool boiler_prev(struct boiler *bo, struct doc_loc *loc);
bool boiler_last(struct boiler *bo, struct doc_loc *loc);
/* Moves a hidden *loc to the block that shows for it (its run's head, or the caption after it). */
void boiler_visible(struct boiler *bo, struct doc_loc *loc);

#endif
