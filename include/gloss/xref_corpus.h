/*
 * xref_corpus — the cross-document index over the corpus, as the reader's
 * background thread and `gloss notes` use it: which documents to compare
 * (the files named, the other articles of their directories, the corpus;
 * regular files of at most XREF_CORPUS_MAX_SIZE bytes), and opening the
 * index to bring it up to date for them, each document's URLs taken from
 * the links module.
 *
 * Memory: xref_corpus_paths() returns a new array of new strings (caller
 * frees each and the array); xref_corpus_canonical() a new string.
 */
#ifndef GLOSS_XREF_CORPUS_H
#define GLOSS_XREF_CORPUS_H

#include "gloss/gloss.h"
#include "gloss/error.h"

#include <stdatomic.h>

struct cachedb;
struct xref;

#define XREF_CORPUS_MAX_SIZE (4 << 20)	/* bytes: larger files are not compared */

/* Canonical paths of files[0..n), the articles of their directories and of the corpus, without duplicates. */
size_t xref_corpus_paths(const char *const *files, size_t n, char ***out);
/* The canonical form of path (itself if it cannot be resolved); caller frees. */
char *xref_corpus_canonical(const char *path);

/*
 * Opens the index (the cache database) and brings it up to date for the
 * documents of xref_corpus_paths(files, n), until done or until *stop (may
 * be NULL) is set; the caller closes *x and *cache.  GLOSS_EDB (both NULL)
 * when there is no usable index.
 */
enum gloss_status xref_corpus_update(const char *const *files, size_t n, const atomic_bool *stop,
    struct cachedb **cache, struct xref **x);

#endif
