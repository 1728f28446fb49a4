/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * stem — word forms for the library search: the stem of a folded word
 * (fold.h), so that a query finds the inflected forms of its words.
 *
 *   - Latin words: Snowball's English stemmer (libstemmer);
 *   - Cyrillic words with і, ї, є, ґ or ў (Ukrainian, Belarusian, which
 *     Snowball does not have): the longest of a small set of their
 *     inflectional endings is cut, leaving three letters at least;
 *   - other Cyrillic words: Snowball's Russian stemmer;
 *   - then, for every Cyrillic stem: э after a consonant is written е
 *     (Belarusian Лукашэнкі and Russian Лукашенко share "лукашенк"), and a
 *     fleeting о/е before a final к or ц is dropped (поселок, поселке:
 *     "поселк"; отец, отца: "отц"), so that both of a pair meet;
 *   - anything else (digits, other scripts, words of one or two letters)
 *     is its own stem.
 * й, ї and ў are never changed: they are letters of their own.
 *
 * libstemmer is opened when the first stemmer is made (only the library
 * search needs one).  A stemmer is not thread-safe: one per thread.  Memory: the stem returned
 * points into the stemmer and is valid until its next call.
 */
#ifndef GLOSS_STEM_H
#define GLOSS_STEM_H

#include "gloss/gloss.h"

struct stem;

/*
 * True when Snowball's stemmers are there (libstemmer opened at the first
 * call when built to open it lazily; see configure's --disable-lazy-stemmer).
 */
bool stem_snowball(void);

/* A new stemmer (stem_free frees it). */
struct stem *stem_new(void);
void stem_free(struct stem *s);

/* The stem of the folded word w[0..n) (n bytes, *len set). */
const char *stem_word(struct stem *s, const char *w, size_t n, size_t *len);

#endif
