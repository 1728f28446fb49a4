/*
 * srcmap — where a place of the document text is in the file itself, and
 * back: the edge at which offsets that other tools can use on the file are
 * made (export selectors) and read (import).
 *
 * The document text differs from the file: blocks are joined by "\n\n"
 * whatever separated them, re-flowed line breaks are spaces, tabs are
 * expanded, a BOM is dropped, invalid bytes are U+FFFD, everything is NFC,
 * and in Markdown the markup is gone (emphasis marks, link destinations,
 * tags such as <sup>, escapes, entities, fences, headings' #).  Each block
 * knows the range of source bytes it came from; within it the block text
 * is aligned with those bytes, character by character: equal code points,
 * runs of white space with runs of white space, an NFC sequence with the
 * decomposed one it came from, U+FFFD with an invalid byte, an entity or
 * an escape with the character it stands for; source characters that the
 * text does not have (markup) are passed over, and text characters that
 * the source does not have (a table's │) are taken as added.
 *
 * Code points of the file: what a TextPositionSelector of the file counts
 * — every code point of the bytes as they are (CR of CR LF included, NFD
 * left as it is), after the BOM, an invalid byte counting as one.
 *
 * Memory: a srcmap borrows its doc until srcmap_free().
 */
#ifndef GLOSS_SRCMAP_H
#define GLOSS_SRCMAP_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/strbuf.h"

struct srcmap;

struct srcmap *srcmap_new(struct doc *doc);
void srcmap_free(struct srcmap *m);

/* The source byte range of document text [a, z) (z > a); false if it cannot be placed. */
bool srcmap_to_source(struct srcmap *m, uint64_t a, uint64_t z, uint64_t *sa, uint64_t *sz);
/* The document text range of source bytes [sa, sz); false if they hold no text. */
bool srcmap_to_text(struct srcmap *m, uint64_t sa, uint64_t sz, uint64_t *a, uint64_t *z);

/* Code points of the file before source byte off, and the byte of code point cp (the end if beyond). */
uint64_t srcmap_cp(struct srcmap *m, uint64_t off);
uint64_t srcmap_byte(struct srcmap *m, uint64_t cp);
/* Appends source bytes [a, z) (valid UTF-8: invalid bytes as U+FFFD). */
void srcmap_append(struct srcmap *m, uint64_t a, uint64_t z, struct strbuf *out);
/* The source bytes of up to n code points before a / after z (the file's own context). */
uint64_t srcmap_back(struct srcmap *m, uint64_t a, size_t n);
uint64_t srcmap_fwd(struct srcmap *m, uint64_t z, size_t n);

#endif
