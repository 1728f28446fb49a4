/*
 * plain — the plain-text loader.
 *
 * A plain-text file is cut into chunks at boundaries found by looking only
 * at nearby bytes (plain_boundary), so any chunk can be parsed without
 * reading what precedes it.  Within a chunk, lines are grouped into
 * paragraphs: blank lines separate them; a run of lines without blank lines
 * is re-flowed when it looks hard-wrapped (lines of similar length up to
 * ~80 columns), otherwise each line is a paragraph.  Text is cleaned (CRLF,
 * BOM, tabs, invalid UTF-8, NUL) and normalised to NFC paragraph by
 * paragraph, then blocks are classified (title, byline, date, heading,
 * caption, quote, list item).
 */
#ifndef GLOSS_PLAIN_H
#define GLOSS_PLAIN_H

#include "gloss/gloss.h"
#include "gloss/doc_build.h"

/*
 * The first chunk boundary at or after pos (0 < pos < n): the start of a
 * paragraph near pos, at most PLAIN_WINDOW bytes after it.  *joined is set
 * when no paragraph or line boundary was near and the cut falls inside a
 * paragraph (the text continues across it).  Returns n if pos >= n.
 */
#define PLAIN_WINDOW (16u * 1024u)
uint64_t plain_boundary(const char *src, uint64_t n, uint64_t pos, bool *joined);

/* Parses src[start..end) into blocks (see the top comment); flags are DOC_PARSE_*. */
void plain_parse(const char *src, uint64_t start, uint64_t end, unsigned flags, int tab_width,
    struct doc_builder *b);

/*
 * True if s[0..n) is a short line that is a date ("December 7, 2025",
 * "7 декабря 2025 г.", "2025-12-07").  Shared with the Markdown loader.
 */
bool plain_is_date(const char *s, size_t n);

/* The loader: plain_boundary and plain_parse; it reads every file. */
extern const struct doc_loader plain_loader;

#endif
