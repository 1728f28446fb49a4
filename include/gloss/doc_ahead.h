/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc_ahead — the end of a large Markdown file parsed on a worker thread
 * as soon as it is opened, so that `G` finds it ready.  The plain loader's
 * chunks are cheap to parse where they are needed; cmark-gfm takes about
 * ten times as long for the same bytes, and the end is where a reader
 * jumps first.
 *
 * doc_ahead_start() starts the work when it is worth it (Markdown read in
 * chunks) and gives it to the doc (doc_set_ahead): the parsed chunks are
 * adopted into the doc's cache when it first needs one of them (waiting
 * for the thread if it has not finished), and doc_free() ends it.  No
 * memory to free by the caller.
 */
#ifndef GLOSS_DOC_AHEAD_H
#define GLOSS_DOC_AHEAD_H

#include "gloss/gloss.h"
#include "gloss/doc.h"

void doc_ahead_start(struct doc *doc);

#endif
