/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc — the document model: blocks with inline spans, grouped in chunks,
 * and the one "document text" that every position in gloss refers to.
 *
 * Blocks.  A document is a sequence of blocks in reading order (title,
 * byline, date, headings, paragraphs, quotes, list items, captions, code,
 * footnote definitions).  A block's text is valid UTF-8 in NFC with no NUL
 * bytes; tabs are expanded, line ends are "\n" (only code blocks and
 * Markdown hard line breaks keep them inside a block).  Control and bidi
 * characters are kept as they are: the glyph module decides how they are
 * shown, so that nothing needs to be re-read to display them safely.
 *
 * Document text.  The document text is the concatenation of all block
 * texts, each followed by the separator "\n\n" — except the last block, and
 * a block flagged DOC_BLOCK_JOINED (a giant paragraph cut into pieces: its
 * next piece continues the same paragraph with no separator).  Positions
 * everywhere in gloss (search hits, highlights, notes, cross-references,
 * export) are BYTE offsets into this text (uint64_t).  A range is [start,
 * end).  Code-point offsets, where a format needs them (W3C selectors), are
 * derived from byte offsets at the edge.
 *
 * Chunks.  Blocks are loaded in chunks.  A Markdown file up to 8 MiB is
 * parsed whole into one chunk.  A plain-text file (and a larger Markdown
 * file) is memory-mapped and cut, by a rule
 * that only looks at nearby bytes, into chunks of about DOC_CHUNK_SIZE
 * source bytes; a chunk is parsed when first needed (first screen, a jump,
 * a search) and may be dropped again by doc_trim().  So opening, jumping to
 * the end or to a percentage never reads the whole file.  The offset of a
 * chunk's first block in the document text is the sum of the text lengths
 * of all chunks before it; it is known for chunk 0 at once and for the
 * others once doc_idle() has measured the chunks before them (a sequential
 * pass run in idle time).  Until then doc_block_offset() answers false.
 *
 * Lifetimes.  The doc owns everything it returns.  A block pointer (and
 * the text and spans it points to) stays valid until the next doc_trim() or
 * doc_free().  Layout caches hang off blocks (block->cache) and are freed
 * with them.
 */
#ifndef GLOSS_DOC_H
#define GLOSS_DOC_H

#include "gloss/gloss.h"
#include "gloss/doc_build.h"
#include "gloss/error.h"
#include "gloss/strbuf.h"

#define DOC_OFFSET_UNKNOWN UINT64_MAX

/* Where a block is: chunk number and index within the chunk. */
struct doc_loc {
	uint32_t chunk;
	uint32_t block;
};

struct doc;

struct doc_options {
	bool force;		/* open files that look binary */
	int format;		/* -1: detect; else enum doc_format */
	int tab_width;		/* 0: 8 */
	unsigned open_flags;	/* file_open_regular()'s flags (FILE_OWN_OR_PUBLIC) */
	uint64_t max_size;	/* bytes; 0: DOC_SIZE_MAX */
	bool chunked;		/* read in chunks at any size when the loader can (tests) */
};

/*
 * Opening.  doc_open() maps and sniffs the file but parses nothing beyond
 * what detection needs.  Only a regular file of at most DOC_SIZE_MAX bytes
 * is opened ("-" is standard input, which may be a pipe); errors:
 * GLOSS_ENOENT, GLOSS_EIO, GLOSS_EISDIR, GLOSS_ESPECIAL, GLOSS_ETOOBIG,
 * GLOSS_EBINARY (message via error_last()).  The caller frees with
 * doc_free().  doc_open_mem() copies the bytes (tests and stdin).
 */
#define DOC_SIZE_MAX (4ull << 30)	/* bytes */
enum gloss_status doc_open(const char *path, const struct doc_options *opt, struct doc **out);
/* doc_open() as every command and view opens a file: the format detected, tabs of 8. */
enum gloss_status doc_open_default(const char *path, bool force, struct doc **out);
enum gloss_status doc_open_mem(const char *name, const char *data, size_t len,
    const struct doc_options *opt, struct doc **out);
void doc_free(struct doc *doc);

const char *doc_path(const struct doc *doc);
enum doc_format doc_format(const struct doc *doc);
uint64_t doc_source_size(const struct doc *doc);
/*
 * The raw source bytes (mapped); valid until doc_free().  If the file
 * shrinks while mapped, the bytes beyond its new end read as NUL bytes
 * (never a crash: file_map in gloss/file.h) and doc_source_damaged()
 * turns true.  doc_changed() is true when that happened or the named file
 * is no longer the one opened (size, modification time, inode: written
 * or replaced since); a file removed since is not "changed".
 */
const char *doc_source(const struct doc *doc);
bool doc_source_damaged(const struct doc *doc);
bool doc_changed(const struct doc *doc);

/*
 * Walking blocks.  doc_first/doc_last set *loc to the first/last block and
 * return false for an empty document; doc_next/doc_prev move *loc and return
 * false (leaving it unchanged) at the ends.  doc_seek_source() sets *loc to
 * the block containing source offset src (or the nearest one after it).
 */
bool doc_first(struct doc *doc, struct doc_loc *loc);
bool doc_last(struct doc *doc, struct doc_loc *loc);
bool doc_next(struct doc *doc, struct doc_loc *loc);
bool doc_prev(struct doc *doc, struct doc_loc *loc);
bool doc_seek_source(struct doc *doc, uint64_t src, struct doc_loc *loc);
/* Sets *loc to the block at fraction f (0..1) of the document. */
bool doc_seek_fraction(struct doc *doc, double f, struct doc_loc *loc);
/* The block at loc (loading its chunk); NULL if loc is out of range. */
struct doc_block *doc_block(struct doc *doc, struct doc_loc loc);
int doc_loc_cmp(struct doc_loc a, struct doc_loc b);

/*
 * Document-text offsets.  doc_block_offset() gives the offset of a block's
 * first byte, false while not yet known.  doc_locate() finds the block
 * holding offset off (a separator belongs to the block before it) and the
 * byte within the block text; false beyond the measured prefix or the end.
 */
bool doc_block_offset(struct doc *doc, struct doc_loc loc, uint64_t *off);
bool doc_locate(struct doc *doc, uint64_t off, struct doc_loc *loc, uint32_t *in_block);
/* True once every chunk has been measured. */
bool doc_measured(const struct doc *doc);
/* The length of the document text; DOC_OFFSET_UNKNOWN until measured. */
uint64_t doc_text_length(const struct doc *doc);
/* Appends the document text in [start, end) to out (clamped to the text). */
void doc_text_range(struct doc *doc, uint64_t start, uint64_t end, struct strbuf *out);

/*
 * Background work.  doc_idle() measures chunks for about budget_us
 * microseconds and returns true while work remains.  doc_measure_all() runs
 * it to the end.  doc_trim() drops parsed chunks beyond a small cache,
 * invalidating block pointers.
 */
bool doc_idle(struct doc *doc, unsigned budget_us);
void doc_measure_all(struct doc *doc);
void doc_trim(struct doc *doc);

/* Fraction [0,1] of the document before byte in_block of the block at loc. */
double doc_fraction(struct doc *doc, struct doc_loc loc, uint32_t in_block);

const char *doc_kind_label(enum doc_kind kind);

/*
 * Parsing chunks in parallel (for `gloss dump`).  doc_chunk_parse() may be
 * called from several threads at once: it finds the boundaries of chunk k
 * itself (they depend only on nearby bytes), parses it into a new struct
 * doc_chunk that the caller owns and frees with doc_chunk_release().  It
 * does not touch the doc's cache, nor drop mapped pages: the caller
 * releases the source behind it with doc_release_source() (one thread).
 * doc_chunk_count() is the number of chunks (some may be empty).
 */
struct doc_chunk {
	struct doc_block *blocks;
	uint32_t nblocks;
	bool joined_start;	/* the first block continues the previous chunk's last one */
	uint64_t src_start, src_end;	/* the chunk's source bytes */
	void *owner;		/* private */
};

uint32_t doc_chunk_count(const struct doc *doc);
/* The source bytes [*start, *end) of chunk k (its boundaries found and kept); false past the end. */
bool doc_chunk_source(struct doc *doc, uint32_t k, uint64_t *start, uint64_t *end);
/* The chunk whose source bytes hold byte src (its boundary and its neighbour's found and kept). */
uint32_t doc_chunk_of_source(struct doc *doc, uint64_t src);
/* The number of blocks of chunk k (parsing it if it never was); 0 past the end. */
uint32_t doc_chunk_blocks(struct doc *doc, uint32_t k);
struct doc_chunk *doc_chunk_parse(const struct doc *doc, uint32_t k);
void doc_chunk_release(struct doc_chunk *c);
/*
 * Chunks parsed elsewhere (doc_ahead).  doc_chunk_adopt() puts the chunk
 * k of dc, parsed by doc_chunk_parse(), into the cache unless it is there
 * already, and releases dc either way.  With doc_set_ahead(), fn(arg, doc,
 * k) is called before chunk k would be parsed (it may adopt it), and
 * fn(arg, doc, UINT32_MAX) at doc_free(), which must end that work and
 * free arg.
 */
void doc_chunk_adopt(struct doc *doc, uint32_t k, struct doc_chunk *dc);
void doc_set_ahead(struct doc *doc, void (*fn)(void *arg, struct doc *doc, uint32_t k), void *arg);
/*
 * Drops the mapped pages of source bytes [a, z) (re-read from the file if
 * needed), gathered into runs of a few MiB: the pages of the last run may
 * stay mapped.  Not thread-safe (it records the run in the doc).
 */
void doc_release_source(struct doc *doc, uint64_t a, uint64_t z);

#endif
