/*
 * fold — the search key: text compared as a reader means it.
 *
 * key(s) = NFC(drop_marks(u8_casefold(s, NFD))) with:
 *   - stress marks U+0301 and U+0300 dropped;
 *   - U+0308 dropped after е (ё = е, Ё = е);
 *   - й, ї, ў never folded (they are letters of their own);
 *   - apostrophes U+2019 and U+02BC mapped to U+0027;
 *   - every run of white space (U+0020, tab, newlines, NBSP, U+202F, other
 *     Zs) mapped to one U+0020;
 *   - soft hyphens dropped.
 * Built on libunistring; a per-code-point cache makes it fast, and must give
 * the same result as the slow path.
 */
#ifndef GLOSS_FOLD_H
#define GLOSS_FOLD_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

/* Appends key(s[0..n)) to key.  Invalid UTF-8 counts as U+FFFD. */
void fold_key(const char *s, size_t n, struct strbuf *key);
/*
 * The same key computed only through libunistring calls, without the cache:
 * the reference that the tests and the benchmark hold fold_key() to.
 */
void fold_key_slow(const char *s, size_t n, struct strbuf *key);

/*
 * Appends key(s[0..n)) to key and fills *map (new array, caller frees) with
 * key->len + 1 entries: map[i] is the offset in s of the code point that
 * produced key byte i (relative to the key's length at entry), and the last
 * entry is n.  A match key[a..b) covers s[map[a] .. end) where end is the
 * offset of the code point after the one that produced key byte b-1.
 * The map never decreases; n must be below 4 GiB.
 */
void fold_key_mapped(const char *s, size_t n, struct strbuf *key, uint32_t **map);

/* The end in s of the source range for key bytes [a, b) (see above). */
uint32_t fold_map_end(const uint32_t *map, size_t keylen, size_t b, size_t n);

/*
 * How one code point folds, for matchers that walk a text code point by
 * code point (the search prefilter):
 *   FOLD_ALONE    its key is *key[0..*len), whatever precedes it, as long as
 *                 the next code point that is not FOLD_DROP is not FOLD_CONTEXT;
 *   FOLD_SPACE    white space: a run of them (and of FOLD_DROP) is one U+0020;
 *   FOLD_DROP     folds to nothing (soft hyphen, stress marks);
 *   FOLD_CONTEXT  its key depends on its neighbours (combining marks that are
 *                 kept, Hangul jamo, keys too long to cache): fold the text.
 * *key points into a process-wide table (valid for ever).
 */
enum fold_class {
	FOLD_CONTEXT,
	FOLD_ALONE,
	FOLD_SPACE,
	FOLD_DROP,
};

enum fold_class fold_cp(uint32_t cp, const char **key, size_t *len);

/*
 * The code points other than c whose folded form (case folding with NFD,
 * the marks dropped, before NFC) contains the code point c: every way c can
 * come into a key ("E", "é", "Ё" for "е"; "ß" for "s"; "ﬁ" for "i").
 * Returns their number and sets *out to a table owned by fold (sorted,
 * valid for ever).  The table of all code points is built on first use
 * (a few milliseconds).  Meaningful for a c that is a starter without a
 * canonical decomposition (such a c is never made by NFC).
 */
size_t fold_preimages(uint32_t c, const uint32_t **out);

#endif
