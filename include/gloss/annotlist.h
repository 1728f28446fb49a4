/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annotlist — a list of annotations: those of one document (the panel,
 * key m) or of every document (key M).  Each row shows the colour, the
 * status (~ moved, ! orphaned), for the corpus the document, the start of
 * the quote, the tags and the first line of the note.  `/` filters by any
 * of these words (#tag, a colour name, a status); Enter shows the
 * annotation in its document; a, t, c, x, U and r edit, recolour, delete,
 * undo and re-attach, each committed at once.
 */
#ifndef GLOSS_ANNOTLIST_H
#define GLOSS_ANNOTLIST_H

#include "gloss/gloss.h"
#include "gloss/store.h"
#include "gloss/view.h"

/* What the list asks of the view that opened it (the pager). */
struct annotlist_host {
	void *arg;
	/* Shows annotation a in its document (opening the document if needed). */
	void (*show)(void *arg, const struct store_annotation *a);
	/* The next highlight made in the pager re-attaches orphan id. */
	void (*reattach)(void *arg, int64_t id);
};

/*
 * A list of the annotations of document doc_id (0: of every document).
 * st is borrowed; host is copied.
 */
struct view *annotlist_new(struct store *st, int64_t doc_id, const char *title,
    const struct annotlist_host *host);

#endif
