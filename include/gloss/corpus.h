/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * corpus — where the articles are, for every part that lists them (the
 * reader, the library index, the cross-document index, the commands): the
 * articles of a directory, and the corpus directory opened when no file is
 * named.
 *
 * Memory: corpus_list_dir() and corpus_list_skipped() return a new array
 * of new strings (the caller frees both); corpus_dir() returns a string it does not own (an option,
 * the environment, or a constant).
 */
#ifndef GLOSS_CORPUS_H
#define GLOSS_CORPUS_H

#include "gloss/gloss.h"

/*
 * Lists the articles of a directory (*.txt, *.md, *.markdown, *.text),
 * sorted by name: regular files only (or links to them), so that no FIFO
 * or device is ever opened as an article.
 */
size_t corpus_list_dir(const char *dir, char ***out);
/* The entries with an article's name that corpus_list_dir() leaves out, as notes ("PATH: a FIFO: skipped"). */
size_t corpus_list_skipped(const char *dir, char ***out);

/* True if path is a directory (stat follows links): an operand that stands for its articles. */
bool corpus_is_dir(const char *path);

/* The corpus directory to use (--corpus, $GLOSS_CORPUS, installed, ./corpus), or NULL. */
const char *corpus_dir(void);

#endif
