/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * caret — positions in the document (a block and a byte in it) and the
 * motions of the reading caret: by grapheme cluster, word, sentence and
 * paragraph, across blocks.
 *
 * Words are UAX #29 words (libunistring's u8_wordbreaks: з'їзд and
 * пам’ять are one word) that contain a letter or a digit.  Sentences end
 * at . ! ? … (with closing quotes and brackets after them) followed by white
 * space and a capital letter, a digit, an opening quote or a dash, except
 * after an initial (А.) or a common abbreviation (т. е., г., Dr., e.g.);
 * a block is always a sentence boundary.  A paragraph is a block.
 *
 * A caret always sits on a code-point boundary of a block's text (at the
 * end of the text only when the block is empty).
 */
#ifndef GLOSS_CARET_H
#define GLOSS_CARET_H

#include "gloss/gloss.h"
#include "gloss/doc.h"

struct caret {
	struct doc_loc loc;
	uint32_t off;
};

int caret_cmp(struct caret a, struct caret b);

/* Each motion moves *c and returns false (leaving it) when it cannot. */
bool caret_next_char(struct doc *doc, struct caret *c);
bool caret_prev_char(struct doc *doc, struct caret *c);
bool caret_next_word(struct doc *doc, struct caret *c);	/* start of the next word */
bool caret_prev_word(struct doc *doc, struct caret *c);	/* start of this or the previous word */
bool caret_word_end(struct doc *doc, struct caret *c);		/* last character of this or the next word */
bool caret_next_sentence(struct doc *doc, struct caret *c);
bool caret_prev_sentence(struct doc *doc, struct caret *c);
bool caret_next_paragraph(struct doc *doc, struct caret *c);
bool caret_prev_paragraph(struct doc *doc, struct caret *c);

/* The byte after the grapheme cluster at c (the end of an inclusive selection). */
uint32_t caret_cluster_end(struct doc *doc, struct caret c);

/*
 * Snaps the selection [*a, *z) (*z an exclusive end: its offset may be its
 * block's length) as Hypothesis and Kindle do: white space and paragraph
 * breaks at either end are left out; a selection that goes beyond one word
 * covers whole words (a UAX #29 word cut at either end is completed; other
 * segments — punctuation, CJK ideographs, emoji — are whole grapheme
 * clusters already) — except, unless words is set, a selection within a
 * single word, which is kept as it is (made on purpose with character
 * motions).  False if nothing but white space was selected.
 */
bool caret_snap(struct doc *doc, struct caret *a, struct caret *z, bool words);

/* The sentence around c: [*start, *end) of its block's text, trailing spaces excluded. */
void caret_sentence(struct doc *doc, struct caret c, uint32_t *start, uint32_t *end);

/* Sentence starts of a text (for tests): starts[i] set to 1 where a sentence begins. */
void caret_sentence_starts(const char *s, size_t n, char *starts);

#endif
