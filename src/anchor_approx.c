/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * anchor_approx — approximate string matching for the anchor module.
 *
 * Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", JACM
 * 1999) computes one column of the edit-distance matrix D[i][j] (pattern
 * row i, text column j) per text code point.  The column is kept as
 * vertical deltas D[i][j] − D[i−1][j] ∈ {−1, 0, +1} in two bit vectors
 * (pv: +1, mv: −1), 64 rows per machine word; a pattern longer than 64 code
 * points uses several words ("blocks") and passes the horizontal delta of
 * each block's last row to the next block as its carry.
 *
 * Two boundary conditions on row 0 give two modes.  Search: D[0][j] = 0,
 * a match may start anywhere, and D[m][j] is the best distance of a match
 * ending at j.  Anchored: D[0][j] = j, the alignment starts at the first
 * text code point; run over the reversed pattern and the text read
 * backwards from a match's end, it tells where the match starts, and run
 * to the end it gives the Levenshtein distance of two strings.
 *
 * Text is read as UTF-8 directly, so no decoded copy of a document is
 * needed; patterns are decoded once.
 */
#include "gloss/gloss.h"

#include "anchor_int.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define HIGH_BIT (UINT64_C(1) << 63)
#define EMPTY_KEY UINT32_MAX

/* ------------------------------------------------------------------ */
/* UTF-8 walking */

uint32_t *
anchor_decode(const char *s, size_t n, size_t *m)
{
	uint32_t *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i = 0, k = 0;

	while (i < n) {
		uint32_t cp = (unsigned char)s[i];

		if (cp < 0x80)
			i++;
		else
			i += (size_t)text_decode(s + i, n - i, &cp);
		v[k++] = cp;
	}
	*m = k;
	return v;
}

size_t
anchor_cplen(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

uint64_t
anchor_back(const char *text, uint64_t lo, uint64_t p, uint32_t *cp)
{
	uint64_t q = p - 1;
	unsigned char c = (unsigned char)text[q];

	if (c < 0x80) {
		*cp = c;
		return q;
	}
	while (q > lo && p - q < 4 && ((unsigned char)text[q] & 0xC0) == 0x80)
		q--;
	if ((uint64_t)text_decode(text + q, p - q, cp) != p - q) {
		*cp = 0xFFFD;	/* a stray byte: one code point of its own */
		return p - 1;
	}
	return q;
}

uint64_t
anchor_back_n(const char *text, uint64_t lo, uint64_t p, size_t n)
{
	uint32_t cp;

	while (n-- > 0 && p > lo)
		p = anchor_back(text, lo, p, &cp);
	return p;
}

uint64_t
anchor_fwd_n(const char *text, uint64_t hi, uint64_t p, size_t n)
{
	while (n-- > 0 && p < hi) {
		p++;
		while (p < hi && ((unsigned char)text[p] & 0xC0) == 0x80)
			p++;
	}
	return p;
}

/* ------------------------------------------------------------------ */
/* The compiled pattern */

static size_t
hash_slot(const struct myers *my, uint32_t cp)
{
	size_t h = (size_t)(cp * UINT32_C(2654435761)) & my->hmask;

	while (my->hkey[h] != EMPTY_KEY && my->hkey[h] != cp)
		h = (h + 1) & my->hmask;
	return h;
}

static uint32_t
symbol(const struct myers *my, uint32_t cp)
{
	size_t h;

	if (cp < MYERS_DIRECT)
		return my->direct[cp];
	h = hash_slot(my, cp);
	return my->hkey[h] == cp ? my->hval[h] : 0;
}

/* The symbol of cp, assigning the next one (*nsym + 1) if it is new. */
static uint32_t
intern(struct myers *my, uint32_t cp, uint32_t *nsym)
{
	size_t h;

	if (cp < MYERS_DIRECT) {
		if (my->direct[cp] == 0)
			my->direct[cp] = ++*nsym;
		return my->direct[cp];
	}
	h = hash_slot(my, cp);
	if (my->hkey[h] != cp) {
		my->hkey[h] = cp;
		my->hval[h] = ++*nsym;
	}
	return my->hval[h];
}

void
myers_init(struct myers *my, const uint32_t *pat, size_t m)
{
	uint32_t *sym = xmalloc(m * sizeof *sym);
	uint32_t nsym = 0;
	size_t cap = 16;

	memset(my->direct, 0, sizeof my->direct);
	while (cap < 2 * m)
		cap *= 2;
	my->hkey = xmalloc(cap * sizeof *my->hkey);
	my->hval = xmalloc(cap * sizeof *my->hval);
	for (size_t i = 0; i < cap; i++)
		my->hkey[i] = EMPTY_KEY;
	my->hmask = cap - 1;
	for (size_t i = 0; i < m; i++)
		sym[i] = intern(my, pat[i], &nsym);
	my->m = m;
	my->nb = (m + 63) / 64;
	my->last = UINT64_C(1) << ((m - 1) % 64);
	my->peq = xcalloc(((size_t)nsym + 1) * my->nb, sizeof *my->peq);
	for (size_t i = 0; i < m; i++)
		my->peq[sym[i] * my->nb + i / 64] |= UINT64_C(1) << (i % 64);
	my->pv = xmalloc(my->nb * sizeof *my->pv);
	my->mv = xmalloc(my->nb * sizeof *my->mv);
	free(sym);
	myers_reset(my);
}

void
myers_done(struct myers *my)
{
	free(my->hkey);
	free(my->hval);
	free(my->peq);
	free(my->pv);
	free(my->mv);
}

void
myers_reset(struct myers *my)
{
	for (size_t b = 0; b < my->nb; b++) {
		my->pv[b] = ~UINT64_C(0);
		my->mv[b] = 0;
	}
	my->score = my->m;
}

/*
 * One block of one column (Myers 1999, the block-based variant): eq holds
 * the rows where the pattern equals the text code point, hin the
 * horizontal delta entering the block's first row; returns the horizontal
 * delta leaving its last row.
 */
static int
advance_block(struct myers *my, size_t b, uint64_t eq, int hin)
{
	uint64_t pv = my->pv[b], mv = my->mv[b];
	uint64_t top = b + 1 == my->nb ? my->last : HIGH_BIT;
	uint64_t xv, xh, ph, mh;
	int hout = 0;

	xv = eq | mv;
	if (hin < 0)
		eq |= 1;
	xh = (((eq & pv) + pv) ^ pv) | eq;
	ph = mv | ~(xh | pv);
	mh = pv & xh;
	if (ph & top)
		hout = 1;
	else if (mh & top)
		hout = -1;
	ph <<= 1;
	mh <<= 1;
	if (hin < 0)
		mh |= 1;
	else if (hin > 0)
		ph |= 1;
	my->pv[b] = mh | ~(xv | ph);
	my->mv[b] = ph & xv;
	return hout;
}

size_t
myers_step(struct myers *my, uint32_t cp, bool anchored)
{
	const uint64_t *eq = my->peq + (size_t)symbol(my, cp) * my->nb;
	int carry = anchored ? 1 : 0;

	for (size_t b = 0; b < my->nb; b++)
		carry = advance_block(my, b, eq[b], carry);
	my->score = (size_t)((long long)my->score + carry);
	return my->score;
}

/* ------------------------------------------------------------------ */
/* Searching */

void
anchor_scores(const uint32_t *pat, size_t m, const uint32_t *text, size_t n, unsigned *score)
{
	struct myers my;

	myers_init(&my, pat, m);
	for (size_t j = 0; j < n; j++)
		score[j] = (unsigned)myers_step(&my, text[j], false);
	myers_done(&my);
}

unsigned
anchor_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	struct myers my;
	size_t d = na;

	if (na == 0 || nb == 0)
		return (unsigned)(na + nb);
	myers_init(&my, a, na);
	for (size_t j = 0; j < nb; j++)
		d = myers_step(&my, b[j], true);
	myers_done(&my);
	return (unsigned)d;
}

static void
push_match(struct anchor_match **v, size_t *n, size_t *cap, uint64_t end, unsigned errors)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].start = 0;
	(*v)[*n].end = end;
	(*v)[*n].errors = errors;
	(*n)++;
}

/* The code point at text[*p] (p < hi), advancing *p; 1- and 2-byte forms inline. */
static inline uint32_t
next_cp(const char *text, uint64_t hi, uint64_t *p)
{
	unsigned char c = (unsigned char)text[*p];
	uint32_t cp;

	if (c < 0x80) {
		++*p;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && *p + 1 < hi && ((unsigned char)text[*p + 1] & 0xC0) == 0x80) {
		cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)text[*p + 1] & 0x3F);
		*p += 2;
		return cp;
	}
	*p += (uint64_t)text_decode(text + *p, hi - *p, &cp);
	return cp;
}

/*
 * One step of a pattern of at most 64 code points in search mode: the
 * block algorithm with one block, no carry in, inlined.
 */
static inline size_t
step_one_block(struct myers *my, uint32_t cp)
{
	uint32_t sym = cp < MYERS_DIRECT ? my->direct[cp] : symbol(my, cp);
	uint64_t eq = my->peq[sym], pv = my->pv[0], mv = my->mv[0];
	uint64_t xv = eq | mv, xh = (((eq & pv) + pv) ^ pv) | eq;
	uint64_t ph = mv | ~(xh | pv), mh = pv & xh;

	if (ph & my->last)
		my->score++;
	else if (mh & my->last)
		my->score--;
	ph <<= 1;
	mh <<= 1;
	my->pv[0] = mh | ~(xv | ph);
	my->mv[0] = ph & xv;
	return my->score;
}

size_t
approx_ends(struct myers *my, const char *text, uint64_t lo, uint64_t hi, unsigned k,
    struct anchor_match **out)
{
	struct anchor_match *v = NULL;
	size_t n = 0, cap = 0;
	size_t prev = SIZE_MAX, cur = SIZE_MAX;	/* distances at j−1 and j */
	uint64_t cur_end = lo, p = lo;
	bool one = my->nb == 1;

	myers_reset(my);
	while (p < hi) {
		uint32_t cp = next_cp(text, hi, &p);
		size_t d = one ? step_one_block(my, cp) : myers_step(my, cp, false);

		/* j is a local minimum: lower than j−1, not higher than j+1 */
		if (cur <= k && cur < prev && cur <= d)
			push_match(&v, &n, &cap, cur_end, (unsigned)cur);
		prev = cur;
		cur = d;
		cur_end = p;
	}
	if (cur <= k && cur < prev)
		push_match(&v, &n, &cap, cur_end, (unsigned)cur);
	*out = v;
	return n;
}

uint64_t
approx_start(struct myers *rev, const char *text, uint64_t lo, uint64_t end, unsigned k,
    unsigned *errors)
{
	size_t limit = rev->m + k, best = SIZE_MAX, best_len = 0, len = 0;
	uint64_t p = end, best_start = end;

	myers_reset(rev);
	while (p > lo && len < limit) {
		uint32_t cp;
		size_t d;

		p = anchor_back(text, lo, p, &cp);
		d = myers_step(rev, cp, true);
		len++;
		/* the lowest distance; of equals, the length nearest the pattern's */
		if (d < best || (d == best && (len > rev->m ? len - rev->m : rev->m - len) <
		    (best_len > rev->m ? best_len - rev->m : rev->m - best_len))) {
			best = d;
			best_len = len;
			best_start = p;
		}
	}
	*errors = (unsigned)best;
	return best_start;
}

size_t
anchor_find_approx(const char *pat, size_t plen, const char *text, uint64_t lo, uint64_t hi,
    unsigned max_errors, struct anchor_match **out)
{
	struct myers fwd, rev;
	size_t m, n;
	uint32_t *cps = anchor_decode(pat, plen, &m);

	*out = NULL;
	if (m == 0) {
		free(cps);
		return 0;
	}
	myers_init(&fwd, cps, m);
	for (size_t i = 0; i < m / 2; i++) {
		uint32_t t = cps[i];

		cps[i] = cps[m - 1 - i];
		cps[m - 1 - i] = t;
	}
	myers_init(&rev, cps, m);
	n = approx_ends(&fwd, text, lo, hi, max_errors, out);
	for (size_t i = 0; i < n; i++)
		(*out)[i].start = approx_start(&rev, text, lo, (*out)[i].end, max_errors,
		    &(*out)[i].errors);
	myers_done(&fwd);
	myers_done(&rev);
	free(cps);
	return n;
}
