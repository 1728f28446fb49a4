/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * meta_int.h — what meta.c (dates, authors, blocks) and meta_front.c
 * (front matter, the origin attribute, the header) share.  Not for other
 * modules.
 */
#ifndef GLOSS_META_INT_H
#define GLOSS_META_INT_H

#include "gloss/meta.h"

/*
 * Fills the unset fields of m from the front matter of a Markdown doc;
 * false if it has none.  *extent (if not NULL) gets its length in bytes
 * from the start of the file (a BOM included).
 */
bool meta_front_read(struct doc *doc, struct meta *m, size_t *extent);
/* The URL a browser or downloader recorded in the file's extended attributes. */
void meta_read_origin(struct doc *doc, struct meta *m);

#endif
