/*
 * reader — `gloss [FILE|DIR]...` on a terminal.  No operand (the bundled
 * corpus, or --corpus DIR) or directories only: the library view of those
 * directories.  Otherwise the pager on the files (a directory among them
 * stands for its articles).  The library's index or the first file is
 * opened before the screen is taken (so errors go to stderr), then the
 * views run; F (the library search) is registered for every view, over
 * the corpus when the pager was opened on files.
 */
#ifndef GLOSS_READER_H
#define GLOSS_READER_H

#include "gloss/gloss.h"

/* Runs the reader on argv[0..argc) (operands only); returns the exit status. */
int reader_main(int argc, char **argv);

#endif
