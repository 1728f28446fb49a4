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

#endif
