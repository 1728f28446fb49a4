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

#endif
