/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_int.h — internals shared by markdown.c (the walk over cmark-gfm's
 * tree) and markdown_block.c (assembling one block).  Not for other modules.
 */
#ifndef GLOSS_MARKDOWN_INT_H
#define GLOSS_MARKDOWN_INT_H

#include "gloss/doc_build.h"
#include "gloss/strbuf.h"

#define MARKDOWN_OPEN UINT32_MAX	/* end of a span not yet closed */

struct markdown_span {
	uint32_t start, end;	/* bytes in the block text; end may be MARKDOWN_OPEN */
	uint16_t kind;		/* enum doc_span_kind */
	char *url;		/* owned */
};

/*
 * A block being assembled: its text and spans, plus what the walk decided
 * about it.  The walk reads and sets the fields; the text and spans are
 * changed only through the functions below.
 */
struct markdown_block {
	struct strbuf text;
	struct markdown_span *spans;	/* in the order they were opened */
	size_t nspans, cap;
	enum doc_kind kind;
	int level;
	char *label;		/* owned */
	char *number;		/* owned: a footnote's number */
	uint64_t src_start, src_end;
	int col;		/* display column at the end of the text (for tabs) */
	bool active;		/* between blk_begin and blk_end in markdown.c */
	bool space;		/* a soft break or HTML white space is pending */
	bool verbatim;		/* code: white space is kept as it is */
	bool prose;		/* may be a byline or a date (not a table row) */
};

static inline bool
markdown_is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Empties the block for reuse (keeps its buffers). */
void markdown_block_clear(struct markdown_block *k);
/* Frees the buffers. */
void markdown_block_done(struct markdown_block *k);
/*
 * Appends text (tabs expanded, never NUL).  Unless verbatim, white space
 * never starts the block, spaces never follow a space or a line break and
 * never precede one, and a pending space is written before other text.
 */
void markdown_block_add(struct markdown_block *k, const char *s, size_t n);
void markdown_block_adds(struct markdown_block *k, const char *s);
/* Opens a span at the end of the text (url is copied); returns its index. */
uint32_t markdown_block_open(struct markdown_block *k, enum doc_span_kind kind, const char *url);
/* Closes span i at the end of the text (no effect if already closed). */
void markdown_block_close(struct markdown_block *k, uint32_t i);
/* Trims trailing white space, closes and drops empty spans, normalises to NFC. */
void markdown_block_finish(struct markdown_block *k);
/* Appends the finished block to the builder as one block of the given kind. */
void markdown_block_emit(const struct markdown_block *k, struct doc_builder *b,
    enum doc_kind kind, int level, unsigned flags);

#endif
