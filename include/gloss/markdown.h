/*
 * markdown — the Markdown loader: cmark-gfm parses the whole file (with the
 * GFM extensions: tables, strikethrough, autolinks, footnotes) and the tree
 * is walked into document blocks and spans through the doc builder.
 *
 * Mapping: headings → HEADING (level), the first level-1 heading before any
 * paragraph → TITLE; paragraphs → PARAGRAPH; block quotes → QUOTE (depth);
 * list items → LIST_ITEM (label "•" or "3."); code blocks → CODE; footnote
 * definitions → NOTE (label); thematic breaks → DOC_BLOCK_RULE_BEFORE on the
 * next block; emphasis, strong, code, links, strikethrough → spans; raw
 * inline HTML <sup>…</sup> → a SUP span; other HTML tags are dropped and
 * their text kept.  Source ranges are byte offsets from cmark's positions.
 */
#ifndef GLOSS_MARKDOWN_H
#define GLOSS_MARKDOWN_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/error.h"

/* True if s[0..n) (the start of a file) looks like Markdown. */
bool markdown_sniff(const char *s, size_t n);

/*
 * Parses the whole of src[0..n) (valid UTF-8 in NFC) into blocks.
 * GLOSS_OK or GLOSS_EPARSE (with a message).
 */
enum gloss_status markdown_parse(const char *src, size_t n, struct doc_builder *b);

#endif
