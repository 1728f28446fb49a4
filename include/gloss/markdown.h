/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown — the Markdown loader: cmark-gfm parses the whole file (with the
 * GFM extensions: tables, strikethrough, autolinks, footnotes) and the tree
 * is walked into document blocks and spans through the doc builder.
 *
 * Mapping: headings → HEADING (level); the first level-1 heading before the
 * body starts (before any other heading, list, quote, code or note block,
 * and any paragraph of 200 bytes or more — a short masthead may precede
 * it) → TITLE; an all-strong/emphasis "By …" paragraph right after the
 * title → BYLINE; a short front-matter paragraph that is a date ("March 3,
 * 2024"; not "Analytical Article 2024") → DATE; paragraphs → PARAGRAPH; an
 * image alone in a paragraph → CAPTION (its alt text; images elsewhere
 * leave their alt text); block quotes → QUOTE (depth); list items →
 * LIST_ITEM (list depth, label "•", "3." or "3)", a task item's box ☐/☑
 * instead of the bullet or after the number; the label is not in the text,
 * later paragraphs of an item have none; an item whose first block is a
 * quote, code, a heading or another list gives its marker to that block,
 * "1. • 2." when nested items open together; an empty item is an empty
 * LIST_ITEM block; the blocks of a tight list but its last are
 * DOC_BLOCK_TIGHT); code blocks → CODE (tabs
 * expanded, "\n" kept); HTML blocks → PARAGRAPH (cut at block-level tags,
 * white space collapsed, entities decoded); table rows → one PARAGRAPH each,
 * cells joined by " │ ", the header row strong, flagged DOC_BLOCK_TABLE
 * with a label describing the columns (alignment, natural width, the
 * cells' ranges: markdown_table.c) and tight but the last; footnote definitions →
 * NOTE (label; cmark-gfm puts them at the end in order of first reference
 * and drops unreferenced ones); thematic breaks and <hr> →
 * DOC_BLOCK_RULE_BEFORE on the next block (DOC_BLOCK_RULE_AFTER on the last
 * block when nothing follows).  Inside a container, the
 * innermost quote, list item or footnote decides the kind.
 *
 * Spans: emphasis, strong, code, links (autolinks too; url = destination),
 * strikethrough; footnote references → NOTEREF (text and url = the label);
 * raw inline HTML <sup>…</sup> → SUP; <br> → "\n"; other HTML tags are
 * dropped and their text kept (script and style content is dropped).  Soft
 * breaks are one space, hard breaks "\n"; block text is trimmed.  Source
 * ranges are byte offsets into src from cmark's line/column positions.
 */
#ifndef GLOSS_MARKDOWN_H
#define GLOSS_MARKDOWN_H

#include "gloss/gloss.h"
#include "gloss/doc_build.h"
#include "gloss/error.h"
#include "gloss/strbuf.h"

#define MARKDOWN_SNIFF_MAX (64ull << 20)	/* larger files are Markdown only by extension */
#define MARKDOWN_WHOLE_MAX (8ull << 20)	/* larger Markdown files are read in chunks */
#define MARKDOWN_TAIL (64u << 10)	/* a chunk sees the link definitions of the file's last bytes */
/*
 * Chunks of a large file aim at 8 KiB (plain text's are 64 KiB): a jump
 * (`G`, a percentage) parses the chunks it lands in, about 0.13 ms for
 * 8 KiB against 2 ms for 64 KiB (docs/benchmarks.md); a screen of 120x40
 * is about 5 KB of source.
 */
#define MARKDOWN_CHUNK_SIZE (8u << 10)

/*
 * True if s[0..n) (the start of a file) looks like Markdown: enough of
 * Markdown's signals, some of them ones plain text rarely has (see
 * markdown_sniff.c).
 */
bool markdown_sniff(const char *s, size_t n);
/* True if the file at path is Markdown: by its extension, else by markdown_sniff() of its start. */
bool markdown_claims(const char *path, const char *src, uint64_t size);

#define MARKDOWN_FRONT_MAX (64u << 10)	/* front matter is looked for in this many bytes */

/*
 * The length of the front matter at the start of s[0..n) (past a BOM):
 * "---" on the first line, a field line ("key:"; "key =" in TOML) or a
 * "#" comment, … and a closing "---"
 * or "..." line (YAML); or "+++" … "+++" (TOML, *toml set); within the
 * first MARKDOWN_FRONT_MAX bytes.  0 when there is none.  The loader
 * leaves these bytes out of the document text: no block comes from them,
 * so the text (and every offset in it) does not change when they do.
 */
size_t markdown_front_matter(const char *s, size_t n, bool *toml);

/*
 * Parses the whole of src[0..n) (valid UTF-8 in NFC) into blocks.
 * GLOSS_OK or GLOSS_EPARSE (with a message).  Safe to call from several
 * threads: cmark-gfm parses one document at a time.
 */
enum gloss_status markdown_parse(const char *src, size_t n, struct doc_builder *b);

/*
 * Parses one chunk of a large file, src[0..n) cleaned as for
 * markdown_parse(); unless first, the body has begun (no title, byline or
 * date is looked for).
 */
enum gloss_status markdown_parse_part(const char *src, size_t n, bool first,
    struct doc_builder *b);

/*
 * Reading in chunks (markdown_chunk.c): the chunk boundary at or after pos
 * (the doc_loader rule: only nearby bytes are looked at; *joined is always
 * false), and the one-line link reference definitions of src[a, z) outside
 * code, appended to out as written.
 */
uint64_t markdown_boundary(const char *src, uint64_t size, uint64_t pos, bool *joined);
void markdown_definitions(const char *src, uint64_t a, uint64_t z, struct strbuf *out);

/*
 * Whether src[a, z) holds an entity that may give a code point for which
 * want() is true: a numeric one ("&#1105;", "&#x451;") that gives one, a
 * common named one ("&amp;", "&mdash;", … in markdown_chunk.c) that gives
 * one, or any other named one ("&iocy;": not decoded here).  For the search
 * of a chunk's raw bytes: text hidden there is not in them as written.
 */
bool markdown_entity_may(const char *src, uint64_t a, uint64_t z,
    bool (*want)(uint32_t cp, void *arg), void *arg);
/* Where the first such entity of src[a, z) starts (its '&'); z if none. */
uint64_t markdown_entity_next(const char *src, uint64_t a, uint64_t z,
    bool (*want)(uint32_t cp, void *arg), void *arg);
/* Where the last such entity starting in src[a, z) starts, read up to bound; UINT64_MAX if none. */
uint64_t markdown_entity_last(const char *src, uint64_t a, uint64_t z, uint64_t bound,
    bool (*want)(uint32_t cp, void *arg), void *arg);

/*
 * The loader: markdown_claims; a file up to MARKDOWN_WHOLE_MAX is parsed
 * whole (link references and footnotes resolve across it), a larger one in
 * chunks at markdown_boundary() (docs/markdown.md); the source is cleaned
 * (invalid UTF-8 and NUL as U+FFFD, NFC, without a BOM or front matter)
 * for cmark, and read as plain text if that fails.
 */
extern const struct doc_loader markdown_loader;

#endif
