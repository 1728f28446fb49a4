/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * locator — owns the numbering of places in a document (section,
 * paragraph, percent) and their one written form (include/gloss/locator.h).
 */
#include "gloss/gloss.h"

#include "gloss/locator.h"
#include "gloss/sorted.h"
#include "gloss/xmalloc.h"

struct locator {
	uint64_t *starts;	/* every block's first offset, in order */
	size_t *section;	/* per block: index + 1 into headings; 0: none yet */
	size_t nblocks, cap;
	char **headings;
	size_t nheadings;
	uint64_t len;		/* the document text's length */
};

struct locator *
locator_new(struct doc *doc)
{
	struct locator *l = xcalloc(1, sizeof *l);
	struct doc_loc loc;
	uint32_t chunk = 0;

	doc_measure_all(doc);
	l->len = doc_text_length(doc);
	if (!doc_first(doc, &loc))
		return l;
	do {
		const struct doc_block *b = doc_block(doc, loc);
		uint64_t off;

		if (b == NULL || !doc_block_offset(doc, loc, &off))
			break;
		if (b->kind == DOC_HEADING) {
			l->headings = xreallocarray(l->headings, l->nheadings + 1, sizeof *l->headings);
			l->headings[l->nheadings++] = xstrdup(b->text);
		}
		if (l->nblocks == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 256;
			l->starts = xreallocarray(l->starts, l->cap, sizeof *l->starts);
			l->section = xreallocarray(l->section, l->cap, sizeof *l->section);
		}
		l->starts[l->nblocks] = off;
		l->section[l->nblocks++] = l->nheadings;
		if (loc.chunk != chunk) {	/* keep memory flat on large files */
			chunk = loc.chunk;
			doc_trim(doc);
		}
	} while (doc_next(doc, &loc));
	return l;
}

void
locator_free(struct locator *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->nheadings; i++)
		free(l->headings[i]);
	free(l->headings);
	free(l->starts);
	free(l->section);
	free(l);
}

unsigned
locator_percent(uint64_t off, uint64_t len)
{
	if (len == 0 || len == DOC_OFFSET_UNKNOWN)
		return 0;
	return off >= len ? 100 : (unsigned)(off * 100 / len);
}

struct locator_place
locator_at(const struct locator *l, uint64_t off)
{
	size_t n = sorted_upper_u64(l->starts, l->nblocks, sizeof *l->starts, 0, off);
	struct locator_place p = { .paragraph = n ? (uint32_t)n : 1 };

	if (n && l->section[n - 1])
		p.heading = l->headings[l->section[n - 1] - 1];
	p.percent = locator_percent(off, l->len);
	return p;
}

void
locator_append(struct strbuf *out, uint32_t paragraph, unsigned percent)
{
	strbuf_addf(out, "\u00b6%u, %u%%", paragraph, percent);
}
