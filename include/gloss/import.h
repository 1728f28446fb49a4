/*
 * import — W3C Web Annotation JSON (as `gloss export --format json`
 * writes it, docs/export.md) read back into the store by `gloss import`.
 *
 * Each annotation's document is found by its file (the target's file:
 * IRI: the file is attached as the reader would, then its highlights are
 * anchored in its text with the usual rules, anchor.h), else by the
 * SHA-256 gloss recorded, else by the path the store knows; a document
 * met for the first time is recorded.  An annotation whose file cannot be
 * read is kept as orphaned.  One already in the store (same document,
 * range, quote and creation time) is skipped.  Everything is one
 * transaction: on any error nothing is imported.
 *
 * Errors: GLOSS_EPARSE with "line L, column C: WHAT" for malformed JSON
 * or an object that is not an annotation gloss can read; store errors.
 */
#ifndef GLOSS_IMPORT_H
#define GLOSS_IMPORT_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/store.h"

/* Imports data[0..n); *added and *skipped get the counts. */
enum gloss_status import_json(struct store *st, const char *data, size_t n, size_t *added,
    size_t *skipped);

#endif
