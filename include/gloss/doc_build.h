/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc_build — what a loader needs to turn the bytes of a file into blocks:
 * the block and span types of the document model, the builder that
 * collects them, and struct doc_loader, the operations by which the doc
 * module reads a file without knowing its format.
 *
 * The types carry the prefix of the model (doc_*, DOC_*) because every
 * reader of a document sees them through gloss/doc.h; they are declared
 * here so that the loaders (plain, markdown), which sit below doc, can
 * fill them.
 *
 * Loaders.  doc.c keeps a table of loaders (markdown, then plain text) and
 * reads a file with the first that claims it (or the one whose format the
 * caller names).  A loader with a boundary operation is read in chunks:
 * chunk k is source bytes [B(k), B(k+1)), B(0) = 0 and B(k) =
 * boundary(k * CHUNK), CHUNK the loader's chunk_size (DOC_CHUNK_SIZE when
 * it gives none); the rule must look only at bytes near its
 * position (so that any chunk can be parsed first) and move forward.  A
 * loader without one, or a file no larger than its whole_max, is parsed
 * whole as one chunk (start 0, end the size).  parse() appends the
 * blocks of source bytes [start, end) to a builder; it may be called from
 * several threads at once (for different chunks) and must not keep state.
 *
 * Memory.  doc_build_new() returns a builder that doc_build_finish()
 * consumes, returning a new chunk that the caller frees with
 * doc_build_chunk_free().
 */
#ifndef GLOSS_DOC_BUILD_H
#define GLOSS_DOC_BUILD_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

#define DOC_CHUNK_SIZE (64u * 1024u)	/* target source bytes per chunk */
#define DOC_SEPARATOR "\n\n"
#define DOC_SEPARATOR_LEN 2

enum doc_format {
	DOC_FORMAT_TEXT,
	DOC_FORMAT_MARKDOWN,
};

/* Block kinds: name, short label (used by tests and `gloss dump --blocks`). */
#define DOC_KIND_LIST(_) \
	_(PARAGRAPH, "p") \
	_(TITLE, "title") \
	_(BYLINE, "byline") \
	_(DATE, "date") \
	_(HEADING, "h") \
	_(QUOTE, "quote") \
	_(LIST_ITEM, "li") \
	_(CAPTION, "caption") \
	_(CODE, "code") \
	_(NOTE, "note")

enum doc_kind {
#define DOC_KIND_ENUM(name, label) DOC_##name,
	DOC_KIND_LIST(DOC_KIND_ENUM)
#undef DOC_KIND_ENUM
	DOC_KIND_COUNT
};

/* Block flags. */
#define DOC_BLOCK_JOINED	0x01	/* no separator follows: the next block continues this paragraph */
#define DOC_BLOCK_RULE_BEFORE	0x02	/* a thematic break precedes this block */
#define DOC_BLOCK_FURNITURE	0x04	/* web-page furniture (may be folded away) */
#define DOC_BLOCK_DUPLICATE	0x08	/* repeated by the next block (a caption given twice) */
#define DOC_BLOCK_RULE_AFTER	0x10	/* a thematic break follows this last block */
#define DOC_BLOCK_TIGHT		0x20	/* shown without a blank line after it (items of a tight list) */
#define DOC_BLOCK_IN_NOTE	0x40	/* inside a footnote definition (its later paragraphs, lists, code) */
#define DOC_BLOCK_TABLE		0x80	/* a table row: label describes its columns and cells (present_table) */

enum doc_span_kind {
	DOC_SPAN_EMPH = 1,	/* emphasis: italic or underline */
	DOC_SPAN_STRONG,	/* strong: bold */
	DOC_SPAN_CODE,		/* inline code */
	DOC_SPAN_LINK,		/* url = target */
	DOC_SPAN_SUP,		/* superscript (note markers such as <sup>iv</sup>) */
	DOC_SPAN_STRIKE,	/* strikethrough */
	DOC_SPAN_NOTEREF,	/* footnote reference [^x]; url = the label */
	DOC_SPAN_UNDERLINE,	/* underlined (terminal output: overstrike "_ BS c", SGR 4) */
	DOC_SPAN_FG = 16,	/* a foreground colour of terminal output: DOC_SPAN_FG + 0..7 */
};
#define DOC_SPAN_FG_COUNT 8	/* black, red, green, yellow, blue, magenta, cyan, white (ANSI order) */

struct doc_span {
	uint32_t start, end;	/* byte range within the block text */
	uint16_t kind;		/* enum doc_span_kind */
	const char *url;	/* LINK target or NOTEREF label, else NULL; owned by the chunk */
};

struct doc_block {
	const char *text;	/* NUL-terminated; see the top comment */
	uint32_t len;		/* bytes */
	uint8_t kind;		/* enum doc_kind */
	uint8_t level;		/* heading level 1-6, quote depth, list depth */
	uint8_t flags;		/* DOC_BLOCK_* */
	uint32_t nspans;
	const struct doc_span *spans;	/* sorted by start; may nest */
	const char *label;	/* NOTE: footnote label (its id); LIST_ITEM: marker such as "1."; TABLE rows: columns */
	const char *number;	/* NOTE: the number its references show ("3"), or NULL */
	uint64_t src_start, src_end;	/* byte range in the source file */
	uint32_t chunk_off;	/* offset of the text within its chunk's text */
	void *cache;		/* layout cache; owned, freed with free() */
};

/* ------------------------------------------------------------------ */
/* Loaders */

struct doc_builder;

/* Flags of doc_loader.parse(). */
#define DOC_PARSE_FIRST		0x01	/* the first chunk: skip a BOM; detect title, byline, date */
#define DOC_PARSE_JOINED_START	0x02	/* the chunk starts inside a paragraph */
#define DOC_PARSE_JOINED_END	0x04	/* the chunk ends inside a paragraph: its last block is JOINED */
#define DOC_PARSE_WHOLE		0x08	/* the chunk is the whole file */

struct doc_loader {
	const char *name;
	enum doc_format format;
	/* Larger files are left to the next loader; 0: any size. */
	uint64_t max_size;
	/* Whether the loader reads the file at path with these bytes; NULL: every file. */
	bool (*claims)(const char *path, const char *src, uint64_t size);
	/* A special case of its format (terminal output): taken only when it claims, even when the format is named. */
	bool refines;
	/* Files up to this size are parsed whole, as one chunk, even with a boundary rule. */
	uint64_t whole_max;
	/* The chunk size (CHUNK above) with a boundary rule; 0: DOC_CHUNK_SIZE. */
	uint32_t chunk_size;
	/* The chunk boundary at or after pos (see above), *joined when it cuts a paragraph; NULL: one chunk. */
	uint64_t (*boundary)(const char *src, uint64_t size, uint64_t pos, bool *joined);
	/* Appends the blocks of src[start, end) to b (src is the whole file). */
	void (*parse)(const char *src, uint64_t start, uint64_t end, unsigned flags, int tab_width,
	    struct doc_builder *b);
};

/* ------------------------------------------------------------------ */
/* Building */

/*
 * Appends s[0..n) to out as model text: invalid bytes and NUL become
 * U+FFFD, tabs are expanded to the next multiple of tab_width columns
 * (as glyph_width() counts them in UTF-8 mode; *col is the current column,
 * updated; "\n" resets it), and the result is not yet normalised.  True
 * when every code point is NFC-inert (text_nfc_inert), so that the text
 * is already in NFC.
 */
bool doc_build_clean(const char *s, size_t n, int tab_width, int *col, struct strbuf *out);

/*
 * A loader appends blocks to a builder; text must already be valid NFC
 * UTF-8 without NUL bytes.  Spans are opened and closed around the text
 * they cover (offsets are taken from the current block length); empty
 * blocks are dropped at doc_build_end().
 */
void doc_build_begin(struct doc_builder *b, enum doc_kind kind, int level,
    uint64_t src_start, uint64_t src_end);
void doc_build_text(struct doc_builder *b, const char *s, size_t n);
/* Opens a span at the current position; returns a handle for doc_build_close(). */
uint32_t doc_build_open(struct doc_builder *b, enum doc_span_kind kind, const char *url);
void doc_build_close(struct doc_builder *b, uint32_t handle);
void doc_build_set_label(struct doc_builder *b, const char *label);
void doc_build_set_number(struct doc_builder *b, const char *number);
void doc_build_set_flags(struct doc_builder *b, unsigned flags);
void doc_build_end(struct doc_builder *b);
/*
 * Makes room for nspans more spans, string bytes (URLs) and text bytes, so
 * that a block whose size the loader knows grows the builder's arrays once
 * rather than by repeated doubling; only an optimisation.
 */
void doc_build_reserve(struct doc_builder *b, size_t nspans, size_t strings, size_t text);
/* Number of blocks finished so far. */
uint32_t doc_build_count(const struct doc_builder *b);
/* Finished block i, for classification passes: its text (valid until the next append), */
const char *doc_build_text_at(const struct doc_builder *b, uint32_t i, size_t *len);
/* its kind and flags, */
enum doc_kind doc_build_kind_at(const struct doc_builder *b, uint32_t i);
unsigned doc_build_flags_at(const struct doc_builder *b, uint32_t i);
/* and changes to its kind, level and flags (flags are OR-ed in). */
void doc_build_retag(struct doc_builder *b, uint32_t i, enum doc_kind kind, int level);
void doc_build_flag_at(struct doc_builder *b, uint32_t i, unsigned flags);
/* Drops the finished blocks whose source starts at src or later. */
void doc_build_drop_from(struct doc_builder *b, uint64_t src);
/* Sets the label of finished block i. */
void doc_build_label_at(struct doc_builder *b, uint32_t i, const char *label);
/* Adds delta to the source range of every block finished so far. */
void doc_build_shift_source(struct doc_builder *b, uint64_t delta);
/* The size of the whole file a chunk is parsed from (set by doc before parse()). */
void doc_build_set_file_size(struct doc_builder *b, uint64_t size);
uint64_t doc_build_file_size(const struct doc_builder *b);
/* Forgets every block and span built so far (a loader giving up). */
void doc_build_reset(struct doc_builder *b);

/*
 * What a loader finds once per file and the parse of every chunk reads
 * (Markdown: the link definitions of the file's head and tail).  The doc
 * keeps one memo per open file (doc_build_memo_new, _free) and hands it to
 * each builder; doc_build_memo() returns its text, made by fill(src, size,
 * out) at the first call (under the memo's lock: chunks may be parsed in
 * several threads).  Without a memo (a loader called on its own) the text
 * is made again for this builder.  The returned text belongs to the memo
 * or the builder.
 */
struct doc_build_memo;
struct doc_build_memo *doc_build_memo_new(void);
void doc_build_memo_free(struct doc_build_memo *m);
void doc_build_set_memo(struct doc_builder *b, struct doc_build_memo *m);
const struct strbuf *doc_build_memo(struct doc_builder *b, const char *src,
    void (*fill)(const char *src, uint64_t size, struct strbuf *out));

/* A chunk's blocks as the builder made them; they own their texts, spans and strings. */
struct doc_build_chunk {
	struct doc_block *blocks;
	uint32_t nblocks;
	uint64_t text_len;	/* contribution to the document text, separators included */
	char *text;		/* storage: block texts, each followed by a NUL */
	struct doc_span *spans;	/* storage */
	char *strings;		/* storage: URLs and labels, NUL-separated */
};

/* A new, empty builder. */
struct doc_builder *doc_build_new(void);
/* Turns the builder's blocks into a new chunk and frees the builder. */
struct doc_build_chunk *doc_build_finish(struct doc_builder *b);
/* Frees a chunk, its blocks' layout caches included. */
void doc_build_chunk_free(struct doc_build_chunk *c);

/*
 * Progress of a long parse, for the reader's "Reading… N %".  A loader
 * that parses a whole file at once (Markdown) calls doc_build_progress()
 * now and then with the fraction done; it returns false when the parse is
 * to stop (the reader quit), and the loader then ends with the blocks it
 * has.  The function set by doc_build_set_progress() (per thread; NULL:
 * none, as in dump) decides; arg is passed to it.
 */
typedef bool (*doc_progress_fn)(void *arg, double fraction);
void doc_build_set_progress(doc_progress_fn fn, void *arg);
bool doc_build_progress(double fraction);

#endif
