/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager — the reading view: one document at a time (of a list of files),
 * laid out in a reading column, scrolled by screen rows, searched with the
 * fold key, with a status line giving the title and the position.
 *
 * Positions on screen are (block, row within the block's rows): a block
 * shows an optional rule row, its layout lines, and a blank row before the
 * next block.  Nothing is laid out beyond the rows being drawn or passed
 * over, so opening, jumping and resizing cost the same for any file size.
 */
#ifndef GLOSS_PAGER_H
#define GLOSS_PAGER_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/view.h"

struct store;

/*
 * A pager over paths[0..n), showing paths[first] through doc (already
 * opened by the caller; the pager takes ownership).  The paths are copied.
 * *stp is the annotation store or NULL; when NULL and db_path is given, the
 * pager creates the database there on the first write (or opens it when
 * another process has created it) and stores it in *stp.  The caller
 * closes *stp after the view is gone; db_path must outlive the view.
 */
struct view *pager_view_new(char *const *paths, size_t n, size_t first, struct doc *doc,
    struct store **stp, const char *db_path);

/*
 * Shows a match found elsewhere (the library search): opens path in pager
 * view v (adding it to its files), at the range [start, end) of the
 * document text with the caret there and the match highlighted, and sets
 * the pager's search to pattern so that n and N go on.  The place left is
 * pushed on the jump list (^O returns).  False with a message if the file
 * cannot be opened or is shorter than start.
 */
bool pager_show_match(struct view *v, const char *path, uint64_t start, uint64_t end,
    const char *pattern);

#endif
