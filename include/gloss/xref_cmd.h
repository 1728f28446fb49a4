/*
 * xref_cmd — the cross-document index as the reader and the commands use
 * it: which documents to compare (the files named, the other articles of
 * their directories, the corpus), and the "Cross-document" section of
 * `gloss notes`.
 *
 * Memory: xref_cmd_paths() returns a new array of new strings (caller
 * frees each and the array).
 */
#ifndef GLOSS_XREF_CMD_H
#define GLOSS_XREF_CMD_H

#include "gloss/gloss.h"
#include "gloss/error.h"

#include <stdatomic.h>

struct cachedb;
struct xref;

#define XREF_CMD_MAX_SIZE (4 << 20)	/* bytes: larger files are not compared */

/* Canonical paths of files[0..n), the articles of their directories and of the corpus, without duplicates. */
size_t xref_cmd_paths(const char *const *files, size_t n, char ***out);
/* The canonical form of path (itself if it cannot be resolved); caller frees. */
char *xref_cmd_canonical(const char *path);

/*
 * Opens the index (the cache database) and brings it up to date for the
 * documents of xref_cmd_paths(files, n), until done or until *stop (may be
 * NULL) is set; the caller closes *x and *cache.  GLOSS_EDB (both NULL)
 * when there is no usable index.
 */
enum gloss_status xref_cmd_update(const char *const *files, size_t n, const atomic_bool *stop,
    struct cachedb **cache, struct xref **x);

/* `gloss notes`, with the Cross-document section from the index (brought up to date first). */
int xref_cmd_notes_main(int argc, char **argv);

#endif
