/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_int.h — internals shared by markdown.c (the walk over cmark-gfm's
 * tree), markdown_block.c (assembling one block), markdown_html.c (raw HTML)
 * and the loader's other files.  Not for other modules.
 */
#ifndef GLOSS_MARKDOWN_INT_H
#define GLOSS_MARKDOWN_INT_H

#include "gloss/doc_build.h"
#include "gloss/strbuf.h"

#define MARKDOWN_OPEN UINT32_MAX	/* end of a span not yet closed */
#define MARKDOWN_SPAN_CELL 0xFFFF	/* a table cell: kept even when empty, never given to the builder */
#define MARKDOWN_TABLE_COLS 32		/* columns set as a table (more: each row as text) */

struct markdown_span {
	uint32_t start, end;	/* bytes in the block text; end may be MARKDOWN_OPEN */
	uint16_t kind;		/* enum doc_span_kind */
	size_t url;		/* offset + 1 of the URL in the block's urls, 0 = none */
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
	struct strbuf urls;		/* the spans' URLs, NUL-separated (no allocation per span) */
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

/*
 * The memory of one parse's cmark-gfm tree (markdown_mem.c), used under
 * markdown.c's cmark lock only: begin returns the allocator for
 * cmark_parser_new_with_mem(); end frees every node made with it at once
 * (the tree must not be used afterwards, nor freed with cmark_node_free).
 */
struct cmark_mem;
struct cmark_mem *markdown_mem_begin(void);
void markdown_mem_end(void);

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

/* A table being walked (markdown_table.c). */
struct markdown_table_row {
	uint32_t index;		/* the row's block in the builder */
	bool header;
	uint32_t start[MARKDOWN_TABLE_COLS], end[MARKDOWN_TABLE_COLS];	/* cells in its text */
};

struct markdown_table {
	bool active;
	bool plain;		/* rows are list items' blocks: no table layout */
	int ncols;
	char *align;		/* 'l', 'c', 'r', '-' per column */
	int *width;		/* natural width per column */
	struct markdown_table_row *rows;
	uint32_t nrows, cap;
};

/* Starts a table of ncols columns; align[i] is cmark-gfm's 'l', 'c', 'r' or 0. */
void markdown_table_begin(struct markdown_table *t, int ncols, const uint8_t *align);
/* A finished row block k (its cell spans), which the builder holds as block index. */
void markdown_table_row(struct markdown_table *t, const struct markdown_block *k, uint32_t index,
    bool header);
/* Labels and flags the rows (see markdown_table.c) and forgets the table. */
void markdown_table_end(struct markdown_table *t, struct doc_builder *b);
void markdown_table_done(struct markdown_table *t);

/* Raw HTML (markdown_html.c): what a tag means for the text. */
enum markdown_html {
	MARKDOWN_HTML_TEXT,		/* no markup here: text */
	MARKDOWN_HTML_DROP,		/* a comment, a script or style element, another tag: nothing */
	MARKDOWN_HTML_BREAK,		/* a block-level tag: the paragraph ends */
	MARKDOWN_HTML_RULE,		/* <hr>: the paragraph ends, a rule follows */
	MARKDOWN_HTML_CELL,		/* <td>, <th>: a space */
	MARKDOWN_HTML_SUP,		/* <sup>: a superscript opens */
	MARKDOWN_HTML_SUP_END,		/* </sup> */
	MARKDOWN_HTML_LINE_BREAK,	/* <br> */
};

/* An inline HTML node's literal s[0..n) (one tag). */
enum markdown_html markdown_html_inline(const char *s, size_t n);
/* The markup at s[0..n) of an HTML block (s[0] is '<') and its length in *len (0 for TEXT). */
enum markdown_html markdown_html_block(const char *s, size_t n, size_t *len);
/* Appends text between tags of an HTML block to k: white space collapses, entities are decoded. */
void markdown_html_text(struct markdown_block *k, const char *s, size_t n);

#endif
