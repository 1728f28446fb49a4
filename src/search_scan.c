/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * search_scan — the search prefilter (see include/gloss/search_scan.h):
 * choosing the anchor code point, scanning bytes with vector compares, and
 * the code-point walk that rules candidates out.
 *
 * Why a candidate is never missed.  The anchor c is a starter without a
 * canonical decomposition, so NFC never makes it: wherever the key holds c,
 * the case-folded NFD text held it, and each starter of that comes from one
 * code point x of the text with c in x's own folded form — a preimage
 * (fold_preimages()).  The scanner stops at a byte of every preimage's
 * UTF-8; the walk then aligns x's key with the pattern and compares the
 * code points on both sides by their keys, which is the fold itself as long
 * as no FOLD_CONTEXT code point is involved; where one is, or where a line
 * of raw text ends, or the buffer ends, the answer is "maybe".
 */
#include "gloss/gloss.h"

#include <ctype.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "gloss/fold.h"
#include "gloss/search_scan.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define SCAN_BYTES 8	/* anchor byte values scanned for at most */
#define SCAN_PRES 255	/* preimages of an anchor at most */

typedef uint8_t v16 __attribute__((vector_size(16)));
typedef uint64_t u64x2 __attribute__((vector_size(16)));

/* One code point that can bring the anchor into the key: its UTF-8, and which byte is scanned for. */
struct pre {
	uint32_t x;
	uint8_t enc[4];
	uint8_t len, pos;
};

struct search_scan {
	char *key;
	size_t keylen;
	size_t j;		/* byte of the anchor in key */
	uint32_t c;		/* the anchor */
	char cenc[4];
	size_t clen;
	uint8_t bytes[SCAN_BYTES];
	size_t nbytes;
	bool casepair;		/* two ASCII bytes differing in 0x20 only: one compare of b | 0x20 */
	v16 vb[SCAN_BYTES];
	uint8_t is_anchor[256];
	struct pre *pre;	/* sorted by anchor byte */
	size_t npre;
	uint8_t first[256], count[256];	/* pre[first[b] .. + count[b]) have anchor byte b */
	uint64_t cost;
};

/* ------------------------------------------------------------------ */
/* Choosing the anchor */

static bool
eligible(uint32_t c, unsigned flags)
{
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];

	if ((flags & SEARCH_SCAN_ALNUM) && !uc_is_property_alphabetic(c) &&
	    !uc_is_general_category(c, UC_CATEGORY_N) &&
	    !((flags & SEARCH_SCAN_PUNCT) && c < 0x80 && ispunct((int)c)))
		return false;
	return c != ' ' && c != 0xFFFD && uc_combining_class(c) == 0 &&
	    uc_canonical_decomposition(c, dec) < 0;
}

/* The byte of p's UTF-8 to scan for: one already chosen if any, else the rarest. */
static void
choose_byte(struct search_scan *sc, struct pre *p, const uint64_t freq[256])
{
	int best = -1;
	bool best_in = false;

	for (int k = 0; k < p->len; k++) {
		bool in = sc->is_anchor[p->enc[k]];

		if (best < 0 || (in && !best_in) ||
		    (in == best_in && freq[p->enc[k]] < freq[p->enc[best]])) {
			best = k;
			best_in = in;
		}
	}
	p->pos = (uint8_t)best;
	if (best_in)
		return;
	if (sc->nbytes == SCAN_BYTES) {
		sc->nbytes = SCAN_BYTES + 1;	/* too many: not this anchor */
		return;
	}
	sc->is_anchor[p->enc[best]] = 1;
	sc->bytes[sc->nbytes++] = p->enc[best];
	sc->cost += freq[p->enc[best]];
}

static int
pre_cmp(const void *a, const void *b)
{
	const struct pre *p = a, *q = b;

	return (int)p->enc[p->pos] - (int)q->enc[q->pos];
}

static int
pre_len_cmp(const void *a, const void *b)
{
	const struct pre *p = a, *q = b;

	return (int)p->len - (int)q->len;
}

/* Fills sc's tables for anchor c; false if c needs too many bytes or preimages. */
static bool
plan(struct search_scan *sc, uint32_t c, const uint64_t freq[256])
{
	const uint32_t *xs;
	size_t n = fold_preimages(c, &xs);

	if (n + 1 > SCAN_PRES)
		return false;
	sc->c = c;
	sc->npre = n + 1;
	sc->pre = xcalloc(sc->npre, sizeof(*sc->pre));
	for (size_t i = 0; i < sc->npre; i++) {
		struct pre *p = &sc->pre[i];

		p->x = i == 0 ? c : xs[i - 1];
		p->len = (uint8_t)u8_uctomb(p->enc, p->x, 4);
	}
	qsort(sc->pre, sc->npre, sizeof(*sc->pre), pre_len_cmp);	/* ASCII first */
	for (size_t i = 0; i < sc->npre && sc->nbytes <= SCAN_BYTES; i++)
		choose_byte(sc, &sc->pre[i], freq);
	if (sc->nbytes > SCAN_BYTES)
		return false;
	qsort(sc->pre, sc->npre, sizeof(*sc->pre), pre_cmp);
	for (size_t i = sc->npre; i-- > 0;) {
		uint8_t b = sc->pre[i].enc[sc->pre[i].pos];

		sc->first[b] = (uint8_t)i;
		sc->count[b]++;
	}
	for (size_t k = 0; k < sc->nbytes; k++)
		sc->vb[k] = (v16){ 0 } + sc->bytes[k];
	sc->casepair = sc->nbytes == 2 && (sc->bytes[0] ^ sc->bytes[1]) == 0x20 && sc->bytes[0] < 0x80;
	return true;
}

static void
plan_reset(struct search_scan *sc)
{
	free(sc->pre);
	sc->pre = NULL;
	sc->npre = sc->nbytes = 0;
	sc->cost = 0;
	memset(sc->is_anchor, 0, sizeof(sc->is_anchor));
	memset(sc->first, 0, sizeof(sc->first));
	memset(sc->count, 0, sizeof(sc->count));
}

/* The cheapest anchor of the key; its byte index in *j, 0 (none) if none serves. */
static uint32_t
best_anchor(const char *key, size_t n, const uint64_t freq[256], unsigned flags, uint32_t avoid,
    size_t *j)
{
	struct search_scan t = { 0 };
	uint64_t best = UINT64_MAX;
	uint32_t bc = 0;
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		int len = text_decode(key + i, n - i, &c);

		if (c != avoid && eligible(c, flags) && plan(&t, c, freq) && t.cost < best) {
			best = t.cost;
			bc = c;
			*j = i;
		}
		plan_reset(&t);
		i += (size_t)len;
	}
	return bc;
}

struct search_scan *
search_scan_new(const char *key, size_t n, const char *sample, size_t ns)
{
	return search_scan_new_flags(key, n, sample, ns, 0, 0);
}

struct search_scan *
search_scan_new_flags(const char *key, size_t n, const char *sample, size_t ns, unsigned flags,
    uint32_t avoid)
{
	uint64_t freq[256];
	struct search_scan *sc;
	size_t j = 0;
	uint32_t c;

	for (int b = 0; b < 256; b++)
		freq[b] = 1;
	for (size_t i = 0; i < ns; i++)
		freq[(unsigned char)sample[i]] += 16;
	c = best_anchor(key, n, freq, flags, avoid, &j);
	if (c == 0)
		return NULL;
	sc = xcalloc(1, sizeof(*sc));
	sc->key = xmemdup(key, n);
	sc->keylen = n;
	sc->j = j;
	sc->clen = (size_t)u8_uctomb((uint8_t *)sc->cenc, c, 4);
	plan(sc, c, freq);
	return sc;
}

void
search_scan_free(struct search_scan *sc)
{
	if (sc == NULL)
		return;
	free(sc->key);
	free(sc->pre);
	free(sc);
}

uint32_t
search_scan_anchor(const struct search_scan *sc, size_t *nbytes)
{
	*nbytes = sc->nbytes;
	return sc->c;
}

bool
search_scan_preimage(const struct search_scan *sc, uint32_t cp)
{
	for (size_t i = 0; i < sc->npre; i++)
		if (sc->pre[i].x == cp)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Scanning */

static inline v16
load16(const char *p)
{
	v16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline v16
hits16(const struct search_scan *sc, v16 x)
{
	v16 m;

	if (sc->casepair)	/* the scalar as a vector of its own: clang converts no int to uint8_t lanes */
		return (v16)((x | (uint8_t)0x20) == (v16){ 0 } + (uint8_t)(sc->bytes[0] | 0x20));
	m = (v16)(x == sc->vb[0]);
	for (size_t k = 1; k < sc->nbytes; k++)
		m |= (v16)(x == sc->vb[k]);
	return m;
}

static inline bool
any16(v16 m)
{
	u64x2 q = (u64x2)m;

	return (q[0] | q[1]) != 0;
}

/* The index of the first (last) non-zero byte of a non-zero mask. */
static inline size_t
first16(v16 m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	u64x2 q = (u64x2)m;

	return q[0] ? (size_t)__builtin_ctzll(q[0]) / 8 : 8 + (size_t)__builtin_ctzll(q[1]) / 8;
#else
	size_t i = 0;

	while (m[i] == 0)
		i++;
	return i;
#endif
}

static inline size_t
last16(v16 m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	u64x2 q = (u64x2)m;

	return q[1] ? 15 - (size_t)__builtin_clzll(q[1]) / 8 : 7 - (size_t)__builtin_clzll(q[0]) / 8;
#else
	size_t i = 15;

	while (m[i] == 0)
		i--;
	return i;
#endif
}

size_t
search_scan_next(const struct search_scan *sc, const char *buf, size_t i, size_t n)
{
	if (i >= n)
		return n;
	if (sc->nbytes == 1) {
		const char *p = memchr(buf + i, sc->bytes[0], n - i);

		return p ? (size_t)(p - buf) : n;
	}
	for (; i + 32 <= n; i += 32) {
		v16 a = hits16(sc, load16(buf + i)), b = hits16(sc, load16(buf + i + 16));

		if (any16(a | b))
			return any16(a) ? i + first16(a) : i + 16 + first16(b);
	}
	for (; i < n; i++)
		if (sc->is_anchor[(unsigned char)buf[i]])
			return i;
	return n;
}

size_t
search_scan_prev(const struct search_scan *sc, const char *buf, size_t i)
{
	if (sc->nbytes == 1) {
		const char *p = i ? memrchr(buf, sc->bytes[0], i) : NULL;

		return p ? (size_t)(p - buf) : SIZE_MAX;
	}
	for (; i >= 32; i -= 32) {
		v16 a = hits16(sc, load16(buf + i - 32)), b = hits16(sc, load16(buf + i - 16));

		if (any16(a | b))
			return any16(b) ? i - 16 + last16(b) : i - 32 + last16(a);
	}
	while (i-- > 0)
		if (sc->is_anchor[(unsigned char)buf[i]])
			return i;
	return SIZE_MAX;
}

/* ------------------------------------------------------------------ */
/* The walk */

/* The code point at buf[pos..hi); NUL is U+FFFD in raw text (as the loader makes it). */
static inline int
next_cp(const char *buf, size_t pos, size_t hi, unsigned flags, uint32_t *cp)
{
	int len = text_decode(buf + pos, hi - pos, cp);

	if (*cp == 0 && (flags & SEARCH_SCAN_RAW))
		*cp = 0xFFFD;
	return len;
}

/* The start of the code point ending at pos (> lo); false when the bytes are not plain UTF-8. */
static bool
prev_cp(const char *buf, size_t lo, size_t pos, unsigned flags, size_t *start, uint32_t *cp)
{
	size_t s = pos - 1;

	while (s > lo && pos - s < 4 && ((unsigned char)buf[s] & 0xC0) == 0x80)
		s--;
	if ((size_t)next_cp(buf, s, pos, flags, cp) != pos - s)
		return false;
	if (*cp == 0xFFFD && !(pos - s == 3 && memcmp(buf + s, "\xEF\xBF\xBD", 3) == 0))
		return false;	/* invalid bytes: how the loader cut them is not known here */
	*start = s;
	return true;
}

/* ASCII punctuation: what Markdown's markup is made of (SEARCH_SCAN_MARKUP). */
static inline bool
markup(uint32_t cp, unsigned flags)
{
	return (flags & SEARCH_SCAN_MARKUP) && cp < 0x80 && cp > ' ' && cp != 0x7F &&
	    !(cp >= '0' && cp <= '9') && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

/*
 * Markup that is either text as it is or dropped with nothing in its place
 * (emphasis and strikethrough delimiters, a link's opening bracket): the
 * walk steps over it where the pattern does not hold it.
 */
static inline bool
markup_dropped(uint32_t cp)
{
	return cp == '*' || cp == '_' || cp == '~' || cp == '[';
}

/*
 * After markup at pos, may the next code point of the text be one that
 * changes the key of the one before (FOLD_CONTEXT)?  The markup may hide
 * ASCII (a link's destination) but only an entity makes a combining mark,
 * so: a '&', or a first non-ASCII code point that is not FOLD_ALONE or
 * FOLD_SPACE, is a "maybe", as is not knowing within 4 KiB; a blank line
 * (no inline markup crosses one: the block ends) is a "no".
 */
static bool
markup_then_context(const char *buf, size_t pos, size_t hi)
{
	for (size_t i = pos; i < hi && i - pos < 4096; i++) {
		const char *k;
		size_t kl;
		uint32_t cp;
		enum fold_class cls;

		if (buf[i] == '&')
			return true;
		if (buf[i] == '\n') {
			size_t j = i + 1;

			while (j < hi && (buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\r'))
				j++;
			if (j < hi && buf[j] == '\n')
				return false;
		}
		if ((unsigned char)buf[i] < 0x80)
			continue;
		text_decode(buf + i, hi - i, &cp);
		cls = fold_cp(cp, &k, &kl);
		return cls != FOLD_ALONE && cls != FOLD_SPACE;
	}
	return true;
}

/*
 * Raw text the loader changes: line ends (re-joined with a space, the
 * blanks around them dropped) and '>' (a quote marker at a line start);
 * with SEARCH_SCAN_MARKUP, every ASCII punctuation mark.
 */
static inline bool
line_end(uint32_t cp, unsigned flags)
{
	return ((flags & SEARCH_SCAN_RAW) && (cp == '\n' || cp == '\r' || cp == '>')) ||
	    markup(cp, flags);
}

/* Could the code point after pos (past dropped ones) change the key of the one before? */
static bool
next_is_context(const char *buf, size_t pos, size_t hi, unsigned flags)
{
	while (pos < hi) {
		const char *k;
		size_t kl;
		uint32_t cp;
		int len = next_cp(buf, pos, hi, flags, &cp);
		enum fold_class cls = fold_cp(cp, &k, &kl);

		if (markup(cp, flags))	/* it may stand between it and a combining mark */
			return markup_then_context(buf, pos, hi);
		if (cls != FOLD_DROP)
			return cls == FOLD_CONTEXT;
		pos += (size_t)len;
	}
	return true;	/* not known */
}

/* Past a run of white space (and dropped code points) from pos; false at a raw line end. */
static bool
skip_run(const char *buf, size_t *pos, size_t hi, unsigned flags)
{
	while (*pos < hi) {
		const char *k;
		size_t kl;
		uint32_t cp;
		int len = next_cp(buf, *pos, hi, flags, &cp);
		enum fold_class cls = fold_cp(cp, &k, &kl);

		if (line_end(cp, flags))
			return false;
		if (cls != FOLD_SPACE && cls != FOLD_DROP)
			return true;
		*pos += (size_t)len;
	}
	return true;
}

/* Does key[ni..] match the text from pos on?  True for "maybe". */
static bool
walk_forward(const struct search_scan *sc, const char *buf, size_t pos, size_t hi, size_t ni,
    unsigned flags)
{
	while (ni < sc->keylen && pos < hi) {
		const char *k;
		size_t kl, m;
		uint32_t cp;
		int len = next_cp(buf, pos, hi, flags, &cp);
		enum fold_class cls = fold_cp(cp, &k, &kl);

		if (markup(cp, flags) && markup_dropped(cp) && sc->key[ni] != (char)cp) {
			pos += (size_t)len;	/* dropped: not literal text of the match */
			continue;
		}
		if (line_end(cp, flags) || cls == FOLD_CONTEXT)
			return true;
		if (cls == FOLD_DROP) {
			pos += (size_t)len;
		} else if (cls == FOLD_SPACE) {
			if (sc->key[ni++] != ' ')
				return false;
			if (!skip_run(buf, &pos, hi, flags))
				return true;
		} else {
			m = GLOSS_MIN(kl, sc->keylen - ni);
			if (memcmp(k, sc->key + ni, m) != 0)
				return next_is_context(buf, pos + (size_t)len, hi, flags);
			ni += m;
			pos += (size_t)len;
		}
	}
	return true;
}

/* Past a run of white space backwards from pos; false at a raw line end or odd bytes. */
static bool
skip_run_back(const char *buf, size_t lo, size_t *pos, unsigned flags)
{
	while (*pos > lo) {
		const char *k;
		size_t kl, start;
		uint32_t cp;
		enum fold_class cls;

		if (!prev_cp(buf, lo, *pos, flags, &start, &cp) || line_end(cp, flags))
			return false;
		cls = fold_cp(cp, &k, &kl);
		if (cls != FOLD_SPACE && cls != FOLD_DROP)
			return true;
		*pos = start;
	}
	return true;
}

/* Does key[0..ni) match the text that ends at pos?  True for "maybe". */
static bool
walk_backward(const struct search_scan *sc, const char *buf, size_t lo, size_t pos, size_t ni,
    unsigned flags)
{
	while (ni > 0 && pos > lo) {
		const char *k;
		size_t kl, m, start;
		uint32_t cp;
		enum fold_class cls;

		if (!prev_cp(buf, lo, pos, flags, &start, &cp))
			return true;
		if (markup(cp, flags) && markup_dropped(cp) && sc->key[ni - 1] != (char)cp) {
			pos = start;	/* dropped: not literal text of the match */
			continue;
		}
		if (line_end(cp, flags))
			return true;
		cls = fold_cp(cp, &k, &kl);
		if (cls == FOLD_CONTEXT)
			return true;
		pos = start;
		if (cls == FOLD_SPACE) {
			if (sc->key[--ni] != ' ')
				return false;
			if (!skip_run_back(buf, lo, &pos, flags))
				return true;
		} else if (cls == FOLD_ALONE) {
			m = GLOSS_MIN(kl, ni);
			if (memcmp(k + kl - m, sc->key + ni - m, m) != 0)
				return false;
			ni -= m;
		}
	}
	return true;
}

/* Does the part of key x (placed at pattern byte ks, possibly before 0) inside the pattern agree? */
static bool
overlap_agrees(const struct search_scan *sc, ptrdiff_t ks, const char *k, size_t kl)
{
	size_t a = ks < 0 ? (size_t)-ks : 0;	/* first byte of k inside the pattern */
	size_t pa = ks < 0 ? 0 : (size_t)ks;
	size_t m;

	if (a >= kl || pa >= sc->keylen)
		return false;
	m = GLOSS_MIN(kl - a, sc->keylen - pa);
	return memcmp(k + a, sc->key + pa, m) == 0;
}

/* The preimage x at buf[start, end): may a match hold it as the anchor? */
static bool
candidate(const struct search_scan *sc, const char *buf, size_t lo, size_t hi, size_t start,
    size_t end, uint32_t x, unsigned flags)
{
	const char *k, *o;
	size_t kl;

	if (fold_cp(x, &k, &kl) != FOLD_ALONE)
		return true;
	for (o = k; (o = memmem(o, kl - (size_t)(o - k), sc->cenc, sc->clen)) != NULL; o++) {
		ptrdiff_t ks = (ptrdiff_t)sc->j - (o - k);	/* where k starts in the pattern */

		if (!overlap_agrees(sc, ks, k, kl))
			continue;
		if (walk_forward(sc, buf, end, hi, (size_t)GLOSS_MAX(ks + (ptrdiff_t)kl, 0), flags) &&
		    walk_backward(sc, buf, lo, start, (size_t)GLOSS_MAX(ks, 0), flags))
			return true;
		if (o + 1 >= k + kl)
			break;
	}
	return next_is_context(buf, end, hi, flags);
}

bool
search_scan_maybe(const struct search_scan *sc, const char *buf, size_t lo, size_t hi, size_t at,
    unsigned flags)
{
	uint8_t b = (uint8_t)buf[at];

	for (size_t i = sc->first[b]; i < (size_t)sc->first[b] + sc->count[b]; i++) {
		const struct pre *p = &sc->pre[i];
		size_t start = at - p->pos;

		if (at < lo + p->pos || start + p->len > hi || memcmp(buf + start, p->enc, p->len) != 0)
			continue;
		if (candidate(sc, buf, lo, hi, start, start + p->len, p->x, flags))
			return true;
	}
	return false;
}

bool
search_scan_any(const struct search_scan *sc, const char *buf, size_t n)
{
	for (size_t i = 0; (i = search_scan_next(sc, buf, i, n)) < n; i++)
		if (search_scan_maybe(sc, buf, 0, n, i, 0))
			return true;
	return false;
}
