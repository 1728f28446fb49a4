/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xref_shingle — cutting a document into shingles (see docs/xref.md).
 *
 * For each eligible paragraph (not furniture, not code, at least
 * XREF_MIN_WORDS words) the fold key of its text is cut into words at the
 * UAX #29 word boundaries (u8_wordbreaks; a word is a segment that starts
 * with a letter or digit), and every run of XREF_K consecutive words is
 * hashed.  The fold key's byte map gives each shingle's range back in the
 * block text, hence in the document text.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "xref_int.h"

/* A word of the fold key: its hash and its range in the key. */
struct word {
	uint64_t hash;
	uint32_t a, b;
};

struct words {
	struct word *w;
	size_t n, cap;
};

/* The last step of a 64-bit mixing function: spreads every input bit over the output. */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return mix64(h);
}

static void
add_word(struct words *ws, const char *key, uint32_t a, uint32_t b)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? 2 * ws->cap : 64;
		ws->w = xreallocarray(ws->w, ws->cap, sizeof *ws->w);
	}
	ws->w[ws->n++] = (struct word){ hash_bytes(key + a, b - a), a, b };
}

/* Cuts key[0..n) into words (segments between word breaks that start with a letter or digit). */
static void
split_words(const char *key, size_t n, char *breaks, struct words *ws)
{
	const uint8_t *k = (const uint8_t *)key;
	size_t a = 0;

	ws->n = 0;
	if (n == 0)
		return;
	u8_wordbreaks(k, n, breaks);
	for (size_t i = 1; i <= n; i++) {
		ucs4_t cp;

		if (i < n && !breaks[i])
			continue;
		u8_mbtouc(&cp, k + a, n - a);
		if (uc_is_alnum(cp))
			add_word(ws, key, (uint32_t)a, (uint32_t)i);
		a = i;
	}
}

static bool
eligible(const struct doc_block *b)
{
	return !(b->flags & DOC_BLOCK_FURNITURE) && b->kind != DOC_CODE && b->len > 0;
}

static void
add_para(struct xref_shingles *s, uint32_t block, uint64_t start, uint64_t end)
{
	if (s->npara == s->cappara) {
		s->cappara = s->cappara ? 2 * s->cappara : 32;
		s->paras = xreallocarray(s->paras, s->cappara, sizeof *s->paras);
	}
	s->paras[s->npara++] = (struct xref_para){ block, start, end, 0 };
}

static void
add_shingle(struct xref_shingles *s, uint64_t hash, uint64_t start, uint64_t end)
{
	if (s->nsh == s->capsh) {
		s->capsh = s->capsh ? 2 * s->capsh : 256;
		s->sh = xreallocarray(s->sh, s->capsh, sizeof *s->sh);
	}
	s->sh[s->nsh++] = (struct xref_shingle){ hash, start, end, (uint32_t)(s->npara - 1) };
	s->paras[s->npara - 1].nshingles++;
}

/* The hash of words w[0..XREF_K). */
static uint64_t
shingle_hash(const struct word *w)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;

	for (int i = 0; i < XREF_K; i++)
		h = mix64(h ^ w[i].hash) + (uint64_t)i;
	return h;
}

/* Shingles one block whose text starts at off in the document text. */
static void
shingle_block(const struct doc_block *b, uint32_t index, uint64_t off, struct strbuf *key,
    struct words *ws, char **breaks, size_t *capbreaks, struct xref_shingles *out)
{
	uint32_t *map;

	strbuf_reset(key);
	fold_key_mapped(b->text, b->len, key, &map);
	if (key->len > *capbreaks) {
		*capbreaks = key->len;
		*breaks = xrealloc(*breaks, *capbreaks);
	}
	split_words(key->buf ? key->buf : "", key->len, *breaks, ws);
	if (ws->n >= XREF_MIN_WORDS) {
		add_para(out, index, off, off + b->len);
		for (size_t i = 0; i + XREF_K <= ws->n; i++) {
			const struct word *last = &ws->w[i + XREF_K - 1];

			add_shingle(out, shingle_hash(ws->w + i), off + map[ws->w[i].a],
			    off + fold_map_end(map, key->len, last->b, b->len));
		}
	}
	free(map);
}

void
xref_shingle_doc(struct doc *doc, struct xref_shingles *out)
{
	struct strbuf key = STRBUF_INIT;
	struct words ws = { NULL, 0, 0 };
	char *breaks = NULL;
	size_t capbreaks = 0;
	struct doc_loc loc;
	uint32_t index = 0, chunk = 0;

	doc_measure_all(doc);
	for (bool more = doc_first(doc, &loc); more; more = doc_next(doc, &loc), index++) {
		struct doc_block *b;
		uint64_t off;

		if (loc.chunk != chunk)	/* keep memory flat on large files */
			doc_trim(doc);
		chunk = loc.chunk;
		b = doc_block(doc, loc);
		if (b && eligible(b) && doc_block_offset(doc, loc, &off))
			shingle_block(b, index, off, &key, &ws, &breaks, &capbreaks, out);
	}
	strbuf_done(&key);
	free(ws.w);
	free(breaks);
}

void
xref_shingles_done(struct xref_shingles *s)
{
	free(s->sh);
	free(s->paras);
	memset(s, 0, sizeof *s);
}
