/*
 * reader — `gloss [FILE|DIR]...` on a terminal: resolves the files (a
 * directory stands for its articles, no argument for the bundled corpus),
 * opens the first one before the screen is taken (so errors go to stderr),
 * then runs the views.
 */
#ifndef GLOSS_READER_H
#define GLOSS_READER_H

#include "gloss/gloss.h"

/* Runs the reader on argv[0..argc) (operands only); returns the exit status. */
int reader_main(int argc, char **argv);

/*
 * Lists the articles of a directory (*.txt, *.md, *.markdown, *.text),
 * sorted by name; *out is a new array of new strings (caller frees both).
 */
size_t reader_list_dir(const char *dir, char ***out);

/* The corpus directory to use (--corpus, $GLOSS_CORPUS, installed, ./corpus), or NULL. */
const char *reader_corpus_dir(void);

#endif
