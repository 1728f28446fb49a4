/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * search — finds a pattern in the document as a reader means it: both
 * sides are compared through the fold key (case, ё/е, stress marks,
 * apostrophes, white-space runs), so "ЁЛКА" finds "елка" and "Мо́сква"
 * finds "москва".  Matches do not cross block boundaries.
 *
 * A struct search owns its pattern and scratch buffers; match arrays it
 * returns are valid until the next call on the same struct search.
 */
#ifndef GLOSS_SEARCH_H
#define GLOSS_SEARCH_H

#include "gloss/gloss.h"
#include "gloss/doc.h"

#define SEARCH_RAW_SLICE (4u << 20)	/* raw bytes scanned between progress reports */

struct search_match {
	uint32_t start, end;	/* byte range in the block text */
};

struct search;

/* Compiles a pattern; NULL when its key is empty (nothing to search). */
struct search *search_new(const char *pattern, size_t n);
void search_free(struct search *s);
/* The pattern as typed (NUL-terminated, owned by s). */
const char *search_pattern(const struct search *s);

/* All non-overlapping matches in a block text; *out is owned by s. */
size_t search_block(struct search *s, const char *text, size_t len,
    const struct search_match **out);

enum search_result {
	SEARCH_FOUND,
	SEARCH_NONE,
	SEARCH_CANCELLED,
};

/*
 * Progress callback: called between chunks with the fraction of the
 * document searched; returning false cancels the search.
 */
typedef bool (*search_progress_fn)(void *arg, double fraction);

/*
 * Finds the first match after byte `off` of the block at `from` (forward),
 * or the last match before it (backward), wrapping around the document once.
 * On SEARCH_FOUND, *loc and *m give the match and *wrapped tells whether
 * the search went past the end (or the start).
 */
enum search_result search_doc(struct search *s, struct doc *doc, struct doc_loc from,
    uint32_t off, bool backward, search_progress_fn progress, void *arg,
    struct doc_loc *loc, struct search_match *m, bool *wrapped);

/*
 * Counting every match of a document, a slice at a time (the pager's
 * "3/17").  The counter borrows s and doc, which must outlive it; it uses
 * s's scratch buffers, so it runs in the thread that searches.  A plain
 * text is scanned on its raw bytes like search_doc(); every chunk holding a
 * candidate is counted whole.  Matches are counted as n visits them (one
 * per start).
 */
struct search_count;

struct search_count *search_count_new(struct search *s, struct doc *doc);
void search_count_free(struct search_count *c);
/* Counts for about budget_us microseconds; true while work remains. */
bool search_count_step(struct search_count *c, unsigned budget_us);
/* The matches counted so far; *done once the whole document is. */
uint64_t search_count_total(const struct search_count *c, bool *done);
/* The number (from 1) of the match m of block loc; 0 while not counted that far. */
uint64_t search_count_index(struct search_count *c, struct doc_loc loc, const struct search_match *m);

#endif
