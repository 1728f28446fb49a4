/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * locator — where a passage is, said one way everywhere (export, gloss
 * notes, gloss search, the library search): the section (the nearest
 * heading at or before it), the paragraph (the 1-based number of its block
 * in the document, headings counted, as the library index numbers blocks)
 * and the percent of the document text before it (rounded down).
 *
 * The one written form is locator_append's "¶12, 40%"; where the section is
 * shown it goes first, escaped by the caller for its output, then ", ":
 * "Background, ¶12, 40%".
 *
 * Memory: locator_new() returns a new locator (free with locator_free());
 * the heading of a place belongs to the locator.
 */
#ifndef GLOSS_LOCATOR_H
#define GLOSS_LOCATOR_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/strbuf.h"

struct locator;

struct locator_place {
	const char *heading;	/* the section's heading, or NULL before the first */
	uint32_t paragraph;	/* from 1 */
	unsigned percent;	/* 0-100 */
};

/* Measures doc (doc_measure_all) and notes every block's offset and section. */
struct locator *locator_new(struct doc *doc);
void locator_free(struct locator *l);
/* The place of document-text offset off. */
struct locator_place locator_at(const struct locator *l, uint64_t off);
/* The percent of a text of length len before off, rounded down (0 for an empty or unknown length). */
unsigned locator_percent(uint64_t off, uint64_t len);
/* Appends "¶PARAGRAPH, PERCENT%". */
void locator_append(struct strbuf *out, uint32_t paragraph, unsigned percent);

#endif
