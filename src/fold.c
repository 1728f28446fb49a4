/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * fold — the search key of a text, and the map from key bytes back to it.
 *
 * The definition is the slow path, made only of libunistring calls:
 *
 *   t   = u8_casefold(s, NULL language, UNINORM_NFD)
 *   d   = walk(t): drop U+0300, U+0301 and U+00AD; drop U+0308 when the
 *         code point kept before it is е (U+0435); White_Space → one U+0020
 *         per run; U+2019 and U+02BC → U+0027
 *   key = u8_normalize(UNINORM_NFC, d)
 *
 * Soft hyphens are dropped before NFC (not after), so that "a<SHY><U+0308>"
 * gives the same key as "ä".  й, ї and ў keep their U+0306/U+0308 because
 * only е loses its diaeresis.
 *
 * The fast path splits the text at "safe" code points, where the key of the
 * whole is the concatenation of the keys of the parts: the code point is a
 * starter, and the first code point of its folded form is a starter that is
 * never the second element of a canonical composition (so nothing before it
 * can reorder or compose with it).  Each code point's class and key are
 * cached in lazily filled pages of 256 entries.  A run of safe code points
 * is folded by table look-ups; when an unsafe one turns up (a combining
 * mark, a Hangul vowel, a code point whose key is too long), the output
 * since the last safe code point is taken back and the stretch up to the
 * next safe code point goes through the slow path.  Every key byte of such
 * a stretch maps to the stretch's first code point, so the map never
 * decreases.
 *
 * The cache is process-wide and may be used from several threads at once:
 * a page is filled under a lock and published with an atomic store, so a
 * reader sees either no page or a whole one.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "gloss/error.h"
#include "gloss/fold.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define CACHED_KEY_MAX	6	/* longest cached key; every BMP key fits */
#define PAGE_SHIFT	8
#define PAGE_SIZE	(1u << PAGE_SHIFT)
#define CP_LIMIT	0x110000u

enum entry_kind {
	ENTRY_UNSAFE,	/* needs the slow path, with its neighbours */
	ENTRY_SAFE,	/* a boundary; key[0..len) is its key */
	ENTRY_SPACE,	/* a boundary; white space, folded into runs */
	ENTRY_DROP,	/* folds to nothing whatever surrounds it */
};

struct entry {
	uint8_t kind;
	uint8_t len;
	char key[CACHED_KEY_MAX];
};

/* The walk's state across stretches: a run of spaces, the last kept code point. */
struct walk_state {
	bool space;
	uint32_t prev;
};

/* Where keys go: the caller's buffer, and the map when one is wanted. */
struct sink {
	struct strbuf *key;
	size_t base;		/* key->len at entry */
	uint32_t *map;		/* NULL for fold_key() */
	size_t mcap;		/* entries allocated in map */
};

static struct entry *_Atomic pages[CP_LIMIT >> PAGE_SHIFT];
static uint8_t *second_bits;	/* code points that end a canonical pair (under fill_lock) */
static pthread_mutex_t fill_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---------------------------------------------------------------------- */
/* The slow path. */

static void
walk_cp(uint32_t c, struct walk_state *st, struct strbuf *out)
{
	if (c == 0x0300 || c == 0x0301 || c == 0x00AD)
		return;
	if (c == 0x0308 && st->prev == 0x0435)
		return;
	if (uc_is_property_white_space(c)) {
		if (!st->space)
			strbuf_addc(out, ' ');
		st->space = true;
		st->prev = ' ';
		return;
	}
	if (c == 0x2019 || c == 0x02BC)
		c = '\'';
	strbuf_addcp(out, c);
	st->space = false;
	st->prev = c;
}

/* Casefolds s (valid UTF-8) to NFD and walks it into out. */
static void
casefold_walk(const char *s, size_t n, struct walk_state *st, struct strbuf *out)
{
	uint8_t buf[256];
	size_t tlen = sizeof(buf);
	uint8_t *t;
	size_t i = 0;

	t = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFD, buf, &tlen);
	if (t == NULL)
		error_fatal("cannot fold text: out of memory");
	while (i < tlen) {
		ucs4_t c;

		i += (size_t)u8_mbtouc_unsafe(&c, t + i, tlen - i);
		walk_cp(c, st, out);
	}
	if (t != buf)
		free(t);
}

static void
append_nfc(const char *s, size_t n, struct strbuf *out)
{
	uint8_t buf[256];
	size_t rlen = sizeof(buf);
	uint8_t *r;

	if (n == 0)
		return;
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, buf, &rlen);
	if (r == NULL)
		error_fatal("cannot normalise text: out of memory");
	strbuf_add(out, r, rlen);
	if (r != buf)
		free(r);
}

/* Appends the key of s[0..n) to out, continuing the walk state st. */
static void
fold_slow(const char *s, size_t n, struct walk_state *st, struct strbuf *out)
{
	struct strbuf valid = STRBUF_INIT;
	struct strbuf mid = STRBUF_INIT;

	if (n == 0)
		return;
	if (!text_valid(s, n)) {
		size_t i = 0;

		while (i < n) {
			uint32_t cp;

			i += (size_t)text_decode(s + i, n - i, &cp);
			strbuf_addcp(&valid, cp);
		}
		s = valid.buf;
		n = valid.len;
	}
	casefold_walk(s, n, st, &mid);
	append_nfc(mid.buf, mid.len, out);
	strbuf_done(&mid);
	strbuf_done(&valid);
}

void
fold_key_slow(const char *s, size_t n, struct strbuf *key)
{
	struct walk_state st = { false, 0 };

	fold_slow(s, n, &st, key);
	strbuf_grow(key, 0);	/* a key is a string even when empty */
}

/* ---------------------------------------------------------------------- */
/* The per-code-point cache. */

#define HANGUL_S 0xAC00u		/* the precomposed syllables: LV = L + V, LVT = LV + T */
#define HANGUL_S_END 0xD7A4u
#define PAIRS_LIMIT 0x20000u	/* no code point above the SMP has a two-part canonical decomposition */

static void
set_second(uint32_t cp)
{
	second_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

/*
 * The second elements of the canonical pairs.  Asking libunistring about
 * all 1.1 million code points took 20 ms before the first screen (and 190
 * ms on a loaded machine); the Hangul syllables are one rule, and only the
 * first two planes hold pairs (test_fold compares the fast path with the
 * slow one on every code point, so a pair outside them would show).
 */
static void
init_second_bits(void)
{
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
	uint32_t cp;

	second_bits = xcalloc(CP_LIMIT / 8, 1);
	for (cp = 0x1161; cp <= 0x1175; cp++)	/* V jamo */
		set_second(cp);
	for (cp = 0x11A8; cp <= 0x11C2; cp++)	/* T jamo */
		set_second(cp);
	for (cp = 0; cp < PAIRS_LIMIT; cp++) {
		if (cp == HANGUL_S)
			cp = HANGUL_S_END;
		if (uc_canonical_decomposition(cp, dec) == 2)
			set_second(dec[1]);
	}
}

static bool
is_second(uint32_t cp)
{
	return (second_bits[cp >> 3] >> (cp & 7)) & 1;
}

/* Classifies cp from its folded form d[0..n) (before NFC). */
static void
classify(uint32_t cp, const char *d, size_t n, struct entry *e)
{
	struct strbuf k = STRBUF_INIT;
	ucs4_t first;

	e->kind = ENTRY_UNSAFE;
	e->len = 0;
	if (n == 0) {
		e->kind = ENTRY_DROP;
		return;
	}
	u8_mbtouc_unsafe(&first, (const uint8_t *)d, n);
	if (uc_combining_class(cp) != 0 || uc_combining_class(first) != 0 || is_second(first))
		return;
	if (n == 1 && d[0] == ' ') {
		e->kind = ENTRY_SPACE;
		return;
	}
	if (memchr(d, ' ', n) != NULL)
		return;		/* would take part in a run of spaces */
	append_nfc(d, n, &k);
	if (k.len <= CACHED_KEY_MAX) {
		e->kind = ENTRY_SAFE;
		e->len = (uint8_t)k.len;
		memcpy(e->key, k.buf, k.len);
	}
	strbuf_done(&k);
}

static void
fill_entry(uint32_t cp, struct entry *e)
{
	struct walk_state st = { false, 0 };
	struct strbuf d = STRBUF_INIT;
	uint8_t u[4];
	int len;

	memset(e, 0, sizeof(*e));
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return;		/* never decoded: text_decode gives U+FFFD */
	len = u8_uctomb(u, cp, (int)sizeof(u));
	casefold_walk((const char *)u, (size_t)len, &st, &d);
	classify(cp, d.buf, d.len, e);
	strbuf_done(&d);
}

static struct entry *
fill_page(uint32_t page)
{
	struct entry *p;
	uint32_t i;

	pthread_mutex_lock(&fill_lock);
	p = atomic_load_explicit(&pages[page], memory_order_relaxed);
	if (p == NULL) {	/* not filled by another thread meanwhile */
		if (second_bits == NULL)
			init_second_bits();
		p = xmalloc(PAGE_SIZE * sizeof(*p));
		for (i = 0; i < PAGE_SIZE; i++)
			fill_entry((page << PAGE_SHIFT) | i, &p[i]);
		atomic_store_explicit(&pages[page], p, memory_order_release);
	}
	pthread_mutex_unlock(&fill_lock);
	return p;
}

static inline const struct entry *
entry_of(uint32_t cp)
{
	const struct entry *p = atomic_load_explicit(&pages[cp >> PAGE_SHIFT], memory_order_acquire);

	if (p == NULL)
		p = fill_page(cp >> PAGE_SHIFT);
	return &p[cp & (PAGE_SIZE - 1)];
}

/* ---------------------------------------------------------------------- */
/* The fast path. */

/*
 * Decodes the code point at s[i] (i < n).  Two- and three-byte sequences
 * are decoded inline; anything else, valid or not, by text_decode().
 */
static inline int
decode(const char *s, size_t i, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] < 0xE0 && i + 1 < n && (u[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if (u[0] >= 0xE0 && u[0] < 0xF0 && i + 2 < n && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80 && (u[0] != 0xE0 || u[1] >= 0xA0) &&
	    (u[0] != 0xED || u[1] < 0xA0)) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
		    (u[2] & 0x3F);
		return 3;
	}
	return text_decode(s + i, n - i, cp);
}

/* Makes room for `more` key bytes (and as many map entries). */
static void
sink_reserve(struct sink *out, size_t more)
{
	size_t need = out->key->len - out->base + more + 1;

	strbuf_grow(out->key, more);
	if (out->map != NULL && need > out->mcap) {
		while (out->mcap < need)
			out->mcap += out->mcap / 2 + 64;
		out->map = xreallocarray(out->map, out->mcap, sizeof(*out->map));
	}
}

/* Maps key bytes [from, key->len) to source offset src. */
static void
sink_map(struct sink *out, size_t from, size_t src)
{
	size_t i;

	if (out->map == NULL)
		return;
	for (i = from; i < out->key->len; i++)
		out->map[i - out->base] = (uint32_t)src;
}

/* The end of the stretch of unsafe and dropped code points starting at i. */
static size_t
stretch_end(const char *s, size_t i, size_t n)
{
	while (i < n) {
		uint32_t cp;
		int len = decode(s, i, n, &cp);
		uint8_t kind = entry_of(cp)->kind;

		if (kind == ENTRY_SAFE || kind == ENTRY_SPACE)
			break;
		i += (size_t)len;
	}
	return i;
}

/*
 * Sets map[0..len) to src.  The fast loop keeps room for CACHED_KEY_MAX
 * entries, so four (or six) are written without a loop; those past len are
 * overwritten by the next code point's.
 */
static inline void
map_fill(uint32_t *restrict map, uint32_t src, size_t len)
{
	map[0] = map[1] = map[2] = map[3] = src;
	if (len > 4)
		map[4] = map[5] = src;
}

/*
 * The fast loop's position: the last boundary (source offset src, key
 * length klen, run state src_space there) and the run state now.
 */
struct cursor {
	size_t src;
	size_t klen;
	bool src_space;
	bool space;
};

/*
 * Takes back the output since the last boundary and folds the stretch
 * from there to the next boundary after i slowly.  Returns its end.
 */
static size_t
refold(const char *s, size_t n, size_t i, struct cursor *c, struct sink *out)
{
	struct walk_state st = { c->src_space, 0 };
	size_t end = stretch_end(s, i, n);

	out->key->len = c->klen;
	fold_slow(s + c->src, end - c->src, &st, out->key);
	sink_reserve(out, 0);
	sink_map(out, c->klen, c->src);
	c->space = st.space;
	return end;
}

/*
 * Folds code points from s[i] while they are cached boundaries or dropped,
 * writing straight into the buffers; returns where it stopped (at n, at an
 * unsafe code point, or when the buffers need room).  `mapped` is a
 * constant at each call, so the compiler makes two copies of the loop.
 */
static inline size_t
fold_fast(const char *s, size_t n, size_t i, struct cursor *c, struct sink *out, bool mapped)
{
	const struct entry *ascii = entry_of(0);
	char *restrict kb = out->key->buf;
	uint32_t *restrict map = out->map;
	size_t base = out->base;
	size_t kl = out->key->len;
	size_t room = out->key->cap - 1 - CACHED_KEY_MAX;
	bool space = c->space;

	if (mapped && out->mcap - 1 - CACHED_KEY_MAX + base < room)
		room = out->mcap - 1 - CACHED_KEY_MAX + base;
	while (i < n && kl <= room) {
		const struct entry *e;
		size_t len = 1;

		if ((unsigned char)s[i] < 0x80) {
			e = &ascii[(unsigned char)s[i]];
		} else {
			uint32_t cp;

			len = (size_t)decode(s, i, n, &cp);
			e = entry_of(cp);
		}
		if (e->kind == ENTRY_SAFE) {
			c->src = i;
			c->klen = kl;
			c->src_space = space;
			memcpy(kb + kl, e->key, CACHED_KEY_MAX);
			if (mapped)
				map_fill(map + (kl - base), (uint32_t)i, e->len);
			kl += e->len;
			space = false;
		} else if (e->kind == ENTRY_SPACE) {
			c->src = i;
			c->klen = kl;
			c->src_space = space;
			if (!space) {
				if (mapped)
					map[kl - base] = (uint32_t)i;
				kb[kl++] = ' ';
			}
			space = true;
		} else if (e->kind == ENTRY_UNSAFE) {
			break;
		}
		i += len;
	}
	out->key->len = kl;
	c->space = space;
	return i;
}

static void
fold_run(const char *s, size_t n, struct sink *out)
{
	struct cursor c = { 0, out->key->len, false, false };
	size_t i = 0;

	while (i < n) {
		if (out->map != NULL)
			i = fold_fast(s, n, i, &c, out, true);
		else
			i = fold_fast(s, n, i, &c, out, false);
		if (i >= n)
			break;
		if (out->key->len + CACHED_KEY_MAX + 1 >= out->key->cap ||
		    (out->map != NULL && out->key->len - out->base + CACHED_KEY_MAX + 1 >= out->mcap)) {
			sink_reserve(out, n - i + CACHED_KEY_MAX);
			continue;
		}
		i = refold(s, n, i, &c, out);
	}
	out->key->buf[out->key->len] = '\0';
}

/* ---------------------------------------------------------------------- */
/* The interface. */

void
fold_key(const char *s, size_t n, struct strbuf *key)
{
	struct sink out = { key, key->len, NULL, 0 };

	sink_reserve(&out, n + CACHED_KEY_MAX + 1);
	fold_run(s, n, &out);
}

void
fold_key_mapped(const char *s, size_t n, struct strbuf *key, uint32_t **map)
{
	struct sink out = { key, key->len, NULL, 0 };

	if (n > UINT32_MAX)
		error_fatal("cannot map a text of %zu bytes", n);
	out.mcap = n + CACHED_KEY_MAX + 1;
	out.map = xreallocarray(NULL, out.mcap, sizeof(*out.map));
	sink_reserve(&out, n + CACHED_KEY_MAX);
	fold_run(s, n, &out);
	sink_reserve(&out, 0);
	out.map[key->len - out.base] = (uint32_t)n;
	*map = out.map;
}

enum fold_class
fold_cp(uint32_t cp, const char **key, size_t *len)
{
	const struct entry *e = entry_of(cp < CP_LIMIT ? cp : 0xFFFD);

	*key = e->key;
	*len = e->len;
	switch (e->kind) {
	case ENTRY_SAFE: return FOLD_ALONE;
	case ENTRY_SPACE: return FOLD_SPACE;
	case ENTRY_DROP: return FOLD_DROP;
	default: return FOLD_CONTEXT;
	}
}

/* ---------------------------------------------------------------------- */
/* Preimages: which code points fold to something holding a given one. */

struct preimage {
	uint32_t c, x;		/* c is in the folded form of x */
};

static struct preimage *preimages;
static size_t npreimages;
static uint32_t *preimage_x;	/* the x of preimages[], in the same order */
static pthread_once_t preimages_once = PTHREAD_ONCE_INIT;

static int
preimage_cmp(const void *a, const void *b)
{
	const struct preimage *p = a, *q = b;

	if (p->c != q->c)
		return p->c < q->c ? -1 : 1;
	return p->x < q->x ? -1 : p->x > q->x;
}

/* Does cp fold to anything but itself? */
static bool
folds_away(uint32_t cp)
{
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];

	return uc_is_property_changes_when_casefolded(cp) || uc_canonical_decomposition(cp, dec) > 0 ||
	    uc_is_property_white_space(cp) || cp == 0x2019 || cp == 0x02BC || cp == 0x00AD;
}

/* Records (c, x) for every code point c of x's folded form other than x. */
static void
add_preimages(uint32_t x, size_t *cap)
{
	struct walk_state st = { false, 0 };
	struct strbuf d = STRBUF_INIT;
	uint8_t u[4];
	size_t i = 0;

	casefold_walk((const char *)u, (size_t)u8_uctomb(u, x, (int)sizeof(u)), &st, &d);
	while (i < d.len) {
		ucs4_t c;

		i += (size_t)u8_mbtouc_unsafe(&c, (const uint8_t *)d.buf + i, d.len - i);
		if (c == x)
			continue;
		if (npreimages == *cap) {
			*cap = *cap ? *cap * 2 : 4096;
			preimages = xreallocarray(preimages, *cap, sizeof(*preimages));
		}
		preimages[npreimages].c = c;
		preimages[npreimages++].x = x;
	}
	strbuf_done(&d);
}

static void
build_preimages(void)
{
	size_t cap = 0, i, j = 0;

	for (uint32_t cp = 0; cp < CP_LIMIT; cp++)
		if ((cp < 0xD800 || cp > 0xDFFF) && folds_away(cp))
			add_preimages(cp, &cap);
	qsort(preimages, npreimages, sizeof(*preimages), preimage_cmp);
	for (i = 0; i < npreimages; i++)	/* a c twice in one x: once */
		if (j == 0 || preimage_cmp(&preimages[j - 1], &preimages[i]) != 0)
			preimages[j++] = preimages[i];
	npreimages = j;
	preimage_x = xreallocarray(NULL, npreimages ? npreimages : 1, sizeof(*preimage_x));
	for (i = 0; i < npreimages; i++)
		preimage_x[i] = preimages[i].x;
}

size_t
fold_preimages(uint32_t c, const uint32_t **out)
{
	size_t lo = 0, hi, a;

	pthread_once(&preimages_once, build_preimages);
	hi = npreimages;
	while (lo < hi) {	/* the first entry of c */
		size_t mid = lo + (hi - lo) / 2;

		if (preimages[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (a = lo; a < npreimages && preimages[a].c == c; a++)
		;
	*out = preimage_x + lo;
	return a - lo;
}

uint32_t
fold_map_end(const uint32_t *map, size_t keylen, size_t b, size_t n)
{
	size_t i;

	if (b == 0)
		return map[0];
	if (b > keylen)
		b = keylen;
	for (i = b; i < keylen && map[i] == map[b - 1]; i++)
		;
	return i < keylen ? map[i] : (uint32_t)n;
}
