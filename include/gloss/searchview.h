/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * searchview — the hits of a library search in a list view: each row the
 * document's title, the location (paragraph and percent, or the kind of
 * annotation text that matched) and the snippet with the match drawn in
 * the match style; the section heading of the selected hit is in the status
 * line.  Enter opens the document at the hit in a pager pushed above the
 * list (the match highlighted, the pager's search set to the query term
 * that matched so that n and N go on); q there comes back to the hits.
 *
 * searchview_pattern() is that query term, exposed for the tests.
 */
#ifndef GLOSS_SEARCHVIEW_H
#define GLOSS_SEARCHVIEW_H

#include "gloss/gloss.h"
#include "gloss/catalog.h"
#include "gloss/store.h"
#include "gloss/strbuf.h"
#include "gloss/view.h"

/*
 * A list of hits[0..n) for query; takes ownership of hits (freed with
 * catalog_hits_free).  *stp and db_path are the reader's store and
 * database path as for pager_view_new(); they must outlive the view.
 */
struct view *searchview_new(const char *query, struct catalog_hit *hits, size_t n,
    struct store **stp, const char *db_path);

/*
 * The pager pattern for a hit whose matched text is match[0..n): the term
 * of query (a word, the words of a "phrase", a prefix without its *) whose
 * fold key begins the match's fold key, else the matched text itself.
 * Replaces out's contents.
 */
void searchview_pattern(const char *query, const char *match, size_t n, struct strbuf *out);

#endif
