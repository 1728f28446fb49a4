/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * library — the library view: one row per article of some directories
 * (title, author, date, length in words, reading progress, highlights),
 * sorted by title, date, progress or recently read (S cycles; the order is
 * named in the status line), filtered with / by the fold key.  Enter opens
 * the pager on the article (the other articles, in the list's order, are
 * its ] and [ files); q in the pager comes back to the same row, its
 * progress and highlights read again.
 *
 * The rows come from the catalog at once; the catalog is brought up to
 * date in idle slices (catalog_update_step) while a progress bar shows in
 * the status line, and the rows are read again as articles are indexed.
 * Reading never waits for it.
 *
 * library_find() is F, the library search, from any view: it asks for a
 * query and shows the hits in the search view (searchview.h).
 *
 * Memory: struct library is the caller's (library_free); it borrows *stp
 * (the annotation store, which the pager may create: it is read through
 * the pointer each time) and db_path, which must outlive it.  Views made
 * from it borrow it: free it after view_run() returned.
 */
#ifndef GLOSS_LIBRARY_H
#define GLOSS_LIBRARY_H

#include "gloss/gloss.h"
#include "gloss/catalog.h"
#include "gloss/error.h"
#include "gloss/store.h"
#include "gloss/view.h"

struct library;

/*
 * A library of dirs[0..ndirs) (copied).  Nothing is opened yet: the index
 * opens at the first library_view_new() or library_find().
 */
struct library *library_new(const char *const *dirs, size_t ndirs, struct store **stp,
    const char *db_path);
void library_free(struct library *lib);

/* The catalog, opened on first use; NULL with a message (error_last) if it cannot be. */
struct catalog *library_catalog(struct library *lib);

/* The library view over lib (NULL with a message if the index cannot be opened). */
struct view *library_view_new(struct library *lib);

/*
 * F: asks for a query (prompt), searches the library (finishing its update
 * first, with progress; any key stops that and searches what is indexed)
 * and pushes the search view; a malformed query or no hits only sets the
 * status line.  arg is the struct library (a view_set_action handler).
 */
void library_find(void *arg);

#endif
