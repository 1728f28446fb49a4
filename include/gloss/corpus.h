/*
 * corpus — where the articles are, for every part that lists them (the
 * reader, the library index, the cross-document index, the commands): the
 * articles of a directory, and the corpus directory opened when no file is
 * named.
 *
 * Memory: corpus_list_dir() returns a new array of new strings (the caller
 * frees both); corpus_dir() returns a string it does not own (an option,
 * the environment, or a constant).
 */
#ifndef GLOSS_CORPUS_H
#define GLOSS_CORPUS_H

#include "gloss/gloss.h"

/* Lists the articles of a directory (*.txt, *.md, *.markdown, *.text), sorted by name. */
size_t corpus_list_dir(const char *dir, char ***out);

/* True if path is a directory (stat follows links): an operand that stands for its articles. */
bool corpus_is_dir(const char *path);

/* The corpus directory to use (--corpus, $GLOSS_CORPUS, installed, ./corpus), or NULL. */
const char *corpus_dir(void);

#endif
