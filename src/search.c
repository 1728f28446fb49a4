/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * search — folded-key search over blocks and over the whole document.
 *
 * A block's text is folded with a byte map (fold_key_mapped), the pattern's
 * key is found with memmem, and each hit is mapped back to a byte range of
 * the block text; the prefilter (search_scan) first tells whether the block
 * can hold a match at all, so most blocks are never folded.
 *
 * A plain-text document is searched on its raw source: the prefilter scans
 * the mapped bytes a slice at a time (releasing the pages behind it, asking
 * the caller between slices whether to go on), and only the block holding
 * a candidate is parsed and searched.  A Markdown file read in chunks is
 * scanned a raw chunk at a time, and only chunks that may hold a match are
 * parsed (see md_chunked).  Other documents (Markdown) are
 * walked block by block, chunk by chunk, dropping parsed chunks behind
 * (doc_trim) so that searching a large file does not keep it in memory.
 */
#include "gloss/gloss.h"

#include "gloss/fold.h"
#include "gloss/markdown.h"
#include "gloss/monotime.h"
#include "gloss/search.h"
#include "gloss/search_scan.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

struct search {
	char *pattern;
	char *key;
	size_t keylen;
	struct search_scan *scan;	/* the prefilter, NULL if none serves */
	bool scan_ready;		/* scan was made (from the first text seen) */
	struct search_scan *mdscan;	/* chunked Markdown: the prefilter of raw chunks, or NULL */
	struct search_scan *mdscan2;	/* and one of another code point, or NULL */
	struct strbuf folded;		/* scratch: the folded block */
	uint32_t *map;			/* scratch: its byte map */
	struct search_match *matches;
	size_t nmatches, cap;
};

struct search *
search_new(const char *pattern, size_t n)
{
	struct strbuf key = STRBUF_INIT;
	struct search *s;

	fold_key(pattern, n, &key);
	if (key.len == 0 || (key.len == 1 && key.buf[0] == ' ')) {
		strbuf_done(&key);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->pattern = xmemdup(pattern, n);
	s->key = strbuf_detach(&key, &s->keylen);
	strbuf_init(&s->folded);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pattern);
	free(s->key);
	search_scan_free(s->scan);
	search_scan_free(s->mdscan);
	search_scan_free(s->mdscan2);
	strbuf_done(&s->folded);
	free(s->map);
	free(s->matches);
	free(s);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

static void
add_match(struct search *s, uint32_t start, uint32_t end)
{
	if (s->nmatches == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->matches = xreallocarray(s->matches, s->cap, sizeof *s->matches);
	}
	s->matches[s->nmatches].start = start;
	s->matches[s->nmatches].end = end;
	s->nmatches++;
}

#define SAMPLE_MAX (64u << 10)	/* bytes of text whose byte counts choose the anchor */

/* Makes the prefilter, tuned to sample[0..n), unless it was made already. */
static void
scan_ready(struct search *s, const char *sample, size_t n)
{
	if (s->scan_ready)
		return;
	s->scan = search_scan_new(s->key, s->keylen, sample, GLOSS_MIN(n, SAMPLE_MAX));
	s->scan_ready = true;
}

size_t
search_block(struct search *s, const char *text, size_t len, const struct search_match **out)
{
	const char *k, *hit, *end;

	s->nmatches = 0;
	*out = NULL;
	if (len == 0)
		return 0;
	scan_ready(s, text, len);
	if (s->scan && !search_scan_any(s->scan, text, len))
		return 0;
	strbuf_reset(&s->folded);
	free(s->map);
	s->map = NULL;
	fold_key_mapped(text, len, &s->folded, &s->map);
	k = strbuf_str(&s->folded);
	end = k + s->folded.len;
	while ((hit = memmem(k, (size_t)(end - k), s->key, s->keylen)) != NULL) {
		size_t a = (size_t)(hit - strbuf_str(&s->folded));
		size_t b = a + s->keylen;

		add_match(s, s->map[a], fold_map_end(s->map, s->folded.len, b, len));
		k = hit + s->keylen;
	}
	*out = s->matches;
	return s->nmatches;
}

/* The first match starting at or after off, or the last one before off. */
static bool
pick(struct search *s, struct doc_block *b, uint32_t off, bool backward, struct search_match *m)
{
	const struct search_match *v;
	size_t n = search_block(s, b->text, b->len, &v);

	if (backward) {
		for (size_t i = n; i-- > 0;) {
			if (v[i].start < off) {
				*m = v[i];
				return true;
			}
		}
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].start >= off) {
			*m = v[i];
			return true;
		}
	}
	return false;
}

struct walk {
	struct search *s;
	struct doc *doc;
	bool backward;
	search_progress_fn progress;
	void *arg;
	uint32_t chunk;		/* chunk of the previous block, to notice chunk changes */
};

/* Steps to the next block in the search direction, reporting progress at chunk changes. */
static int
step(struct walk *w, struct doc_loc *loc)
{
	bool moved = w->backward ? doc_prev(w->doc, loc) : doc_next(w->doc, loc);

	if (!moved)
		return 0;
	if (loc->chunk != w->chunk) {
		w->chunk = loc->chunk;
		doc_trim(w->doc);
		if (w->progress && !w->progress(w->arg, doc_fraction(w->doc, *loc, 0)))
			return -1;
	}
	return 1;
}

/* Searches from (loc, off) to the end (or start); stops at `stop` if given. */
static enum search_result
scan(struct walk *w, struct doc_loc loc, uint32_t off, const struct doc_loc *stop,
    struct doc_loc *found, struct search_match *m)
{
	int r;

	w->chunk = loc.chunk;
	for (;;) {
		struct doc_block *b = doc_block(w->doc, loc);

		if (b && pick(w->s, b, off, w->backward, m)) {
			*found = loc;
			return SEARCH_FOUND;
		}
		if (stop && doc_loc_cmp(loc, *stop) == 0)
			return SEARCH_NONE;
		r = step(w, &loc);
		if (r < 0)
			return SEARCH_CANCELLED;
		if (r == 0)
			return SEARCH_NONE;
		b = doc_block(w->doc, loc);
		off = w->backward ? (b ? b->len + 1 : 0) : 0;
	}
}

/* ------------------------------------------------------------------ */
/* Plain text: the raw source */


/* Reports progress at pos after a slice [a, z) was scanned; false: cancelled. */
static bool
raw_slice_done(struct walk *w, uint64_t a, uint64_t z, uint64_t pos)
{
	doc_release_source(w->doc, a, z);
	doc_trim(w->doc);
	return w->progress == NULL ||
	    w->progress(w->arg, (double)pos / (double)GLOSS_MAX(doc_source_size(w->doc), 1));
}

/*
 * The candidate at source byte `at`: searches the block holding it (all of
 * it); *next is where the scan goes on (the block's end, or start going
 * backwards).
 */
static bool
raw_candidate(struct walk *w, uint64_t at, struct doc_loc *found, struct search_match *m,
    uint64_t *next)
{
	struct doc_loc loc;
	struct doc_block *b;

	if (!doc_seek_source(w->doc, at, &loc) || (b = doc_block(w->doc, loc)) == NULL ||
	    at < b->src_start || at >= b->src_end) {
		*next = w->backward ? at : at + 1;	/* between blocks: no text there */
		return false;
	}
	*next = w->backward ? GLOSS_MIN(at, b->src_start) : GLOSS_MAX(at + 1, b->src_end);
	if (!pick(w->s, b, w->backward ? UINT32_MAX : 0, w->backward, m))
		return false;
	*found = loc;
	return true;
}

/* The first match in the blocks of source bytes [a, z). */
static enum search_result
raw_forward(struct walk *w, uint64_t a, uint64_t z, struct doc_loc *found, struct search_match *m)
{
	const char *src = doc_source(w->doc);
	uint64_t size = doc_source_size(w->doc);

	while (a < z) {
		uint64_t end = GLOSS_MIN(z, a + SEARCH_RAW_SLICE), start = a;

		while (a < end) {
			size_t at = search_scan_next(w->s->scan, src, (size_t)a, (size_t)end);

			if (at >= end)
				break;
			if (!search_scan_maybe(w->s->scan, src, 0, (size_t)size, at, SEARCH_SCAN_RAW))
				a = at + 1;
			else if (raw_candidate(w, at, found, m, &a))
				return SEARCH_FOUND;
		}
		a = GLOSS_MAX(a, end);
		if (!raw_slice_done(w, start, end, a))
			return SEARCH_CANCELLED;
	}
	return SEARCH_NONE;
}

/* The last match in the blocks of source bytes [a, z). */
static enum search_result
raw_backward(struct walk *w, uint64_t a, uint64_t z, struct doc_loc *found, struct search_match *m)
{
	const char *src = doc_source(w->doc);
	uint64_t size = doc_source_size(w->doc);

	while (z > a) {
		uint64_t start = z - a > SEARCH_RAW_SLICE ? z - SEARCH_RAW_SLICE : a, end = z;

		while (z > start) {
			size_t at = search_scan_prev(w->s->scan, src + start, (size_t)(z - start));

			if (at == SIZE_MAX)
				break;
			at += (size_t)start;
			if (!search_scan_maybe(w->s->scan, src, 0, (size_t)size, at, SEARCH_SCAN_RAW))
				z = at;
			else if (raw_candidate(w, at, found, m, &z))
				return SEARCH_FOUND;
		}
		z = GLOSS_MIN(z, start);
		if (!raw_slice_done(w, start, end, z))
			return SEARCH_CANCELLED;
	}
	return SEARCH_NONE;
}

/* search_doc() on the raw source of a plain-text document. */
static enum search_result
raw_search(struct walk *w, struct doc_loc from, uint32_t off, struct doc_loc *loc,
    struct search_match *m, bool *wrapped)
{
	struct doc_block *b = doc_block(w->doc, from);
	uint64_t fs, fe, size = doc_source_size(w->doc);
	enum search_result r;

	if (b == NULL)
		return SEARCH_NONE;
	fs = b->src_start;
	fe = b->src_end;
	if (pick(w->s, b, off, w->backward, m)) {
		*loc = from;
		return SEARCH_FOUND;
	}
	r = w->backward ? raw_backward(w, 0, fs, loc, m) : raw_forward(w, fe, size, loc, m);
	if (r != SEARCH_NONE)
		return r;
	*wrapped = true;
	r = w->backward ? raw_backward(w, fe, size, loc, m) : raw_forward(w, 0, fs, loc, m);
	if (r != SEARCH_NONE)
		return r;
	b = doc_block(w->doc, from);	/* the part of the first block not searched yet */
	if (b && pick(w->s, b, w->backward ? UINT32_MAX : 0, w->backward, m)) {
		*loc = from;
		return SEARCH_FOUND;
	}
	return SEARCH_NONE;
}

/* ------------------------------------------------------------------ */
/* Markdown read in chunks: raw chunks ruled out before they are parsed */

/*
 * Chunks of a large Markdown file are parsed only when their raw bytes
 * may hold a match: the anchor (a letter, a digit or an ASCII punctuation
 * mark, which only an entity can hide — markdown_entity_may — as a
 * backslash escape keeps the mark's byte and the loader makes no such
 * character of its own) is looked for in them as in plain text, every
 * ASCII punctuation mark (markup) being a "maybe" of the walk.  A block
 * never crosses a chunk boundary, so a chunk ruled out holds none.
 */
#define MD_ANCHORS (SEARCH_SCAN_ALNUM | SEARCH_SCAN_PUNCT)
static bool
md_chunked(const struct search *s, const struct doc *doc)
{
	return s->mdscan != NULL && doc_format(doc) == DOC_FORMAT_MARKDOWN &&
	    doc_source(doc) != NULL && doc_chunk_count(doc) > 1;
}

static bool
anchor_source(uint32_t cp, void *arg)
{
	return search_scan_preimage(arg, cp);
}

/* May src[a, z), a chunk, hold a match that holds sc's anchor? */
static bool
md_anchor_maybe(const struct search_scan *sc, const char *src, uint64_t a, uint64_t z)
{
	for (size_t i = (size_t)a; (i = search_scan_next(sc, src, i, (size_t)z)) < z; i++)
		if (search_scan_maybe(sc, src, (size_t)a, (size_t)z, i, SEARCH_SCAN_RAW | SEARCH_SCAN_MARKUP))
			return true;
	return markdown_entity_may(src, a, z, anchor_source, (void *)sc);
}

#define ENTITY_MAX 64	/* bytes an entity can take ("&#x0000451;", "&CounterClockwiseContourIntegral;") */

/*
 * The first byte of src[a, z) at which a match holding sc's anchor may
 * start or an entity may hide the anchor; z if none.  The context of a
 * byte is the whole file (its neighbours), an entity may end past z.
 */
static uint64_t
md_anchor_next(const struct search_scan *sc, const char *src, uint64_t a, uint64_t z, uint64_t size)
{
	uint64_t e = markdown_entity_next(src, a, GLOSS_MIN(size, z + ENTITY_MAX), anchor_source,
	    (void *)sc);

	e = GLOSS_MIN(e, z);
	for (size_t i = (size_t)a; (i = search_scan_next(sc, src, i, (size_t)e)) < e; i++)
		if (search_scan_maybe(sc, src, 0, (size_t)size, i, SEARCH_SCAN_RAW | SEARCH_SCAN_MARKUP))
			return i;
	return e;
}

/* The last such byte of src[a, z); UINT64_MAX if none. */
static uint64_t
md_anchor_last(const struct search_scan *sc, const char *src, uint64_t a, uint64_t z, uint64_t size)
{
	uint64_t e = markdown_entity_last(src, a, z, GLOSS_MIN(size, z + ENTITY_MAX), anchor_source,
	    (void *)sc);
	size_t i, j = (size_t)(z - a);

	while ((i = search_scan_prev(sc, src + a, j)) != SIZE_MAX && (e == UINT64_MAX || a + i > e)) {
		if (search_scan_maybe(sc, src, 0, (size_t)size, (size_t)a + i,
		    SEARCH_SCAN_RAW | SEARCH_SCAN_MARKUP))
			return a + i;
		j = i;
	}
	return e;
}

/*
 * From chunk *k towards chunk stop (excluded; UINT32_MAX going backward
 * past chunk 0): *k becomes the first chunk in the walk's direction whose
 * raw bytes may hold a match, found by scanning the bytes a slice at a
 * time without finding the boundaries of the chunks passed over (with
 * 8 KiB chunks finding each boundary reads 40 KiB of lines); the pages of
 * a slice without a candidate are released and progress is reported.
 * *k = stop if none; false when cancelled.
 */
static bool
md_skip_forward(struct walk *w, uint32_t *k, uint32_t stop, uint64_t a)
{
	const char *src = doc_source(w->doc);
	uint64_t size = doc_source_size(w->doc), hi, x;

	hi = stop < doc_chunk_count(w->doc) && doc_chunk_source(w->doc, stop, &hi, &x) ? hi : size;
	for (; a < hi; a = GLOSS_MIN(hi, a + SEARCH_RAW_SLICE)) {
		uint64_t lim = GLOSS_MIN(hi, a + SEARCH_RAW_SLICE);

		if ((x = md_anchor_next(w->s->mdscan, src, a, lim, size)) < lim) {
			*k = GLOSS_MIN(GLOSS_MAX(*k, doc_chunk_of_source(w->doc, x)), stop);
			return true;
		}
		if (!raw_slice_done(w, a, lim, lim))
			return false;
	}
	*k = stop;
	return true;
}

static bool
md_skip_backward(struct walk *w, uint32_t *k, uint32_t stop, uint64_t z)
{
	const char *src = doc_source(w->doc);
	uint64_t size = doc_source_size(w->doc), lo, x;

	lo = stop == UINT32_MAX || !doc_chunk_source(w->doc, stop, &x, &lo) ? 0 : lo;
	while (z > lo) {
		uint64_t start = z - lo > SEARCH_RAW_SLICE ? z - SEARCH_RAW_SLICE : lo;

		if ((x = md_anchor_last(w->s->mdscan, src, start, z, size)) != UINT64_MAX) {
			*k = GLOSS_MIN(doc_chunk_of_source(w->doc, x), *k);
			return true;
		}
		if (!raw_slice_done(w, start, z, start))
			return false;
		z = start;
	}
	*k = stop;
	return true;
}

static bool
md_skip(struct walk *w, uint32_t *k, uint32_t stop)
{
	uint64_t a, z;

	if (!doc_chunk_source(w->doc, *k, &a, &z)) {
		*k = stop;
		return true;
	}
	return w->backward ? md_skip_backward(w, k, stop, z) : md_skip_forward(w, k, stop, a);
}

/* May chunk k hold a match?  Both anchors must say so (a match holds both). */
static bool
md_chunk_maybe(struct search *s, struct doc *doc, uint32_t k)
{
	const char *src = doc_source(doc);
	uint64_t a, z;

	if (!doc_chunk_source(doc, k, &a, &z) || a >= z)
		return false;
	return md_anchor_maybe(s->mdscan, src, a, z) &&
	    (s->mdscan2 == NULL || md_anchor_maybe(s->mdscan2, src, a, z));
}

/*
 * Searches the blocks of chunk k in the walk's direction from block `from`
 * (UINT32_MAX: the last), at byte off of it, to block `to` included or the
 * chunk's end (start).
 */
static bool
md_blocks(struct walk *w, uint32_t k, uint32_t from, uint32_t off, uint32_t to,
    struct doc_loc *found, struct search_match *m)
{
	uint32_t n = doc_chunk_blocks(w->doc, k);

	if (n == 0)
		return false;
	for (uint32_t i = GLOSS_MIN(from, n - 1);;) {
		struct doc_loc loc = { k, i };
		struct doc_block *b = doc_block(w->doc, loc);

		if (b && pick(w->s, b, i == from ? off : w->backward ? UINT32_MAX : 0, w->backward, m)) {
			*found = loc;
			return true;
		}
		if (i == to || (w->backward ? i == 0 : i + 1 >= n))
			return false;
		i = w->backward ? i - 1 : i + 1;
	}
}

/* Searches chunks k (moving in the walk's direction) up to chunk stop, stop excluded. */
static enum search_result
md_chunks(struct walk *w, uint32_t k, uint32_t stop, struct doc_loc *found, struct search_match *m)
{
	uint64_t size = GLOSS_MAX(doc_source_size(w->doc), 1), lo = UINT64_MAX, hi = 0, a, z;

	for (; k != stop; k += w->backward ? UINT32_MAX : 1) {
		bool parsed;

		if (!md_skip(w, &k, stop))
			return SEARCH_CANCELLED;
		if (k == stop)
			break;
		parsed = md_chunk_maybe(w->s, w->doc, k);

		if (parsed && md_blocks(w, k, w->backward ? UINT32_MAX : 0, w->backward ? UINT32_MAX : 0,
		    UINT32_MAX, found, m))
			return SEARCH_FOUND;
		doc_chunk_source(w->doc, k, &a, &z);
		lo = GLOSS_MIN(lo, a);
		hi = GLOSS_MAX(hi, z);
		if (parsed || hi - lo >= SEARCH_RAW_SLICE) {	/* pages released a slice at a time */
			doc_release_source(w->doc, lo, hi);
			lo = UINT64_MAX;
			hi = 0;
			doc_trim(w->doc);
			if (w->progress && !w->progress(w->arg, (double)(w->backward ? a : z) / (double)size))
				return SEARCH_CANCELLED;
		}
	}
	if (lo < hi)
		doc_release_source(w->doc, lo, hi);
	return SEARCH_NONE;
}

/* search_doc() on a Markdown file read in chunks. */
static enum search_result
md_search(struct walk *w, struct doc_loc from, uint32_t off, struct doc_loc *loc,
    struct search_match *m, bool *wrapped)
{
	uint32_t n = doc_chunk_count(w->doc), step = w->backward ? UINT32_MAX : 1;
	uint32_t end = w->backward ? UINT32_MAX : n;
	enum search_result r;

	if (md_blocks(w, from.chunk, from.block, off, UINT32_MAX, loc, m))
		return SEARCH_FOUND;
	r = md_chunks(w, from.chunk + step, end, loc, m);
	if (r != SEARCH_NONE)
		return r;
	*wrapped = true;
	r = md_chunks(w, w->backward ? n - 1 : 0, from.chunk, loc, m);
	if (r != SEARCH_NONE)
		return r;
	return md_blocks(w, from.chunk, w->backward ? UINT32_MAX : 0, w->backward ? UINT32_MAX : 0,
	    from.block, loc, m) ? SEARCH_FOUND : SEARCH_NONE;
}

/* The prefilter tuned to the text around `from`. */
static void
scan_ready_doc(struct search *s, struct doc *doc, struct doc_loc from)
{
	struct doc_block *b = doc_block(doc, from);
	uint64_t size = doc_source_size(doc), a;

	if (s->scan_ready || b == NULL)
		return;
	a = GLOSS_MIN(b->src_start, size > SAMPLE_MAX ? size - SAMPLE_MAX : 0);
	if (doc_format(doc) == DOC_FORMAT_MARKDOWN && doc_source(doc) != NULL &&
	    doc_chunk_count(doc) > 1) {
		const char *sample = doc_source(doc) + a;
		size_t ns = (size_t)GLOSS_MIN(size - a, SAMPLE_MAX), nb;

		s->mdscan = search_scan_new_flags(s->key, s->keylen, sample, ns, MD_ANCHORS, 0);
		if (s->mdscan)
			s->mdscan2 = search_scan_new_flags(s->key, s->keylen, sample, ns, MD_ANCHORS,
			    search_scan_anchor(s->mdscan, &nb));
	}
	if (doc_format(doc) != DOC_FORMAT_TEXT || doc_source(doc) == NULL) {
		scan_ready(s, b->text, b->len);
		return;
	}
	scan_ready(s, doc_source(doc) + a, (size_t)GLOSS_MIN(size - a, SAMPLE_MAX));
}

enum search_result
search_doc(struct search *s, struct doc *doc, struct doc_loc from, uint32_t off, bool backward,
    search_progress_fn progress, void *arg, struct doc_loc *loc, struct search_match *m,
    bool *wrapped)
{
	struct walk w = { s, doc, backward, progress, arg, from.chunk };
	struct doc_loc start;
	enum search_result r;

	*wrapped = false;
	scan_ready_doc(s, doc, from);
	if (s->scan && doc_format(doc) == DOC_FORMAT_TEXT && doc_source(doc) != NULL)
		return raw_search(&w, from, off, loc, m, wrapped);
	if (md_chunked(s, doc))
		return md_search(&w, from, off, loc, m, wrapped);
	r = scan(&w, from, off, NULL, loc, m);
	if (r != SEARCH_NONE)
		return r;
	if (!(backward ? doc_last(doc, &start) : doc_first(doc, &start)))
		return SEARCH_NONE;
	*wrapped = true;
	return scan(&w, start, backward ? UINT32_MAX : 0, &from, loc, m);
}

/* ------------------------------------------------------------------ */
/* Counting */

struct search_count {
	struct search *s;
	struct doc *doc;
	bool raw;		/* plain text: scanned on the raw source */
	bool md;		/* chunked Markdown: chunks [0, pos) are counted */
	bool done;
	uint32_t nchunks;
	uint64_t *per_chunk;	/* matches counted in each chunk */
	uint64_t total;
	uint64_t pos;		/* raw: the source before pos is counted */
	bool started;		/* blocks: cursor is set */
	struct doc_loc cursor;	/* blocks: the next block to count */
	bool cached;		/* blocks [0, cache_block) of chunk cache_chunk hold cache_n matches */
	uint32_t cache_chunk, cache_block;
	uint64_t cache_n;
};

/* The matches of a block as n visits them (one per start), those starting before `before`. */
static uint64_t
block_count(struct search *s, const struct doc_block *b, uint32_t before)
{
	const struct search_match *v;
	size_t n = search_block(s, b->text, b->len, &v);
	uint64_t k = 0;

	for (size_t i = 0; i < n && v[i].start < before; i++)
		k += i == 0 || v[i].start != v[i - 1].start;
	return k;
}

struct search_count *
search_count_new(struct search *s, struct doc *doc)
{
	struct search_count *c = xcalloc(1, sizeof(*c));
	struct doc_loc first;

	c->s = s;
	c->doc = doc;
	c->nchunks = GLOSS_MAX(doc_chunk_count(doc), 1);
	c->per_chunk = xcalloc(c->nchunks, sizeof(*c->per_chunk));
	if (doc_first(doc, &first))
		scan_ready_doc(s, doc, first);
	c->raw = s->scan && doc_format(doc) == DOC_FORMAT_TEXT && doc_source(doc) != NULL;
	c->md = !c->raw && md_chunked(s, doc);
	return c;
}

void
search_count_free(struct search_count *c)
{
	if (c == NULL)
		return;
	free(c->per_chunk);
	free(c);
}

/* Counts every block of chunk k; *end is the source end of its last block. */
static void
count_chunk(struct search_count *c, uint32_t k, uint64_t *end)
{
	struct doc_block *b;
	uint64_t n = 0;

	for (uint32_t i = 0; (b = doc_block(c->doc, (struct doc_loc){ k, i })) != NULL; i++) {
		n += block_count(c->s, b, UINT32_MAX);
		*end = b->src_end;
	}
	if (k < c->nchunks)
		c->per_chunk[k] += n;
	c->total += n;
}

static bool
count_raw(struct search_count *c, uint64_t deadline)
{
	const char *src = doc_source(c->doc);
	uint64_t size = doc_source_size(c->doc);

	while (c->pos < size) {
		uint64_t start = c->pos, end = GLOSS_MIN(size, c->pos + SEARCH_RAW_SLICE);

		while (c->pos < end) {
			size_t at = search_scan_next(c->s->scan, src, (size_t)c->pos, (size_t)end);
			struct doc_loc loc;
			struct doc_block *b;
			uint64_t cend = 0;

			if (at >= end) {
				c->pos = end;
				break;
			}
			c->pos = at + 1;
			if (!search_scan_maybe(c->s->scan, src, 0, (size_t)size, at, SEARCH_SCAN_RAW) ||
			    !doc_seek_source(c->doc, at, &loc) || (b = doc_block(c->doc, loc)) == NULL ||
			    at < b->src_start || at >= b->src_end)
				continue;
			count_chunk(c, loc.chunk, &cend);
			c->pos = GLOSS_MAX(c->pos, cend);
			if (monotime_us() >= deadline)
				break;
		}
		doc_release_source(c->doc, start, c->pos);
		doc_trim(c->doc);
		if (monotime_us() >= deadline)
			return c->pos < size;
	}
	return false;
}

/*
 * Counts the chunks of a chunked Markdown file that may hold a match: the
 * raw bytes are scanned a slice at a time from the next chunk on for the
 * first possible place of the anchor (md_skip's way), and only the chunk
 * holding it is tested and counted.
 */
static bool
count_md(struct search_count *c, uint64_t deadline)
{
	const char *src = doc_source(c->doc);
	uint64_t size = doc_source_size(c->doc), a, z, x, end;
	bool more = false;

	while (c->pos < c->nchunks) {
		uint64_t lim;
		uint32_t k;

		doc_chunk_source(c->doc, (uint32_t)c->pos, &a, &z);
		lim = GLOSS_MIN(size, a + SEARCH_RAW_SLICE);
		x = md_anchor_next(c->s->mdscan, src, a, lim, size);
		if (x >= lim && lim >= size) {	/* no candidate to the end */
			doc_release_source(c->doc, a, lim);
			c->pos = c->nchunks;
		} else if (x >= lim && (k = doc_chunk_of_source(c->doc, lim)) > c->pos) {
			doc_release_source(c->doc, a, lim);	/* none before the chunk holding lim */
			c->pos = k;
		} else {	/* a candidate, or a chunk longer than the slice: tested whole */
			k = x < lim ? doc_chunk_of_source(c->doc, x) : (uint32_t)c->pos;
			c->pos = (uint64_t)k + 1;
			if (md_chunk_maybe(c->s, c->doc, k)) {
				count_chunk(c, k, &end);
				doc_chunk_source(c->doc, k, &a, &z);
				doc_release_source(c->doc, a, z);
				doc_trim(c->doc);
			}
		}
		if ((more = c->pos < c->nchunks) && monotime_us() >= deadline)
			break;
	}
	return more;
}

static bool
count_blocks(struct search_count *c, uint64_t deadline)
{
	if (!c->started && !(c->started = doc_first(c->doc, &c->cursor)))
		return false;
	for (unsigned i = 1;; i++) {
		struct doc_block *b = doc_block(c->doc, c->cursor);
		uint64_t n = b ? block_count(c->s, b, UINT32_MAX) : 0;

		if (c->cursor.chunk < c->nchunks)
			c->per_chunk[c->cursor.chunk] += n;
		c->total += n;
		if (!doc_next(c->doc, &c->cursor))
			return false;
		if (i % 64 == 0 && monotime_us() >= deadline)
			return true;
	}
}

bool
search_count_step(struct search_count *c, unsigned budget_us)
{
	uint64_t deadline = monotime_us() + budget_us;

	if (c->done)
		return false;
	c->done = !(c->raw ? count_raw(c, deadline) : c->md ? count_md(c, deadline) :
	    count_blocks(c, deadline));
	return !c->done;
}

uint64_t
search_count_total(const struct search_count *c, bool *done)
{
	*done = c->done;
	return c->total;
}

/* Has the counter gone past block loc? */
static bool
counted(struct search_count *c, struct doc_loc loc, const struct doc_block *b)
{
	if (c->done)
		return true;
	if (c->raw)
		return b->src_end <= c->pos;
	if (c->md)
		return loc.chunk < c->pos;
	return c->started && doc_loc_cmp(loc, c->cursor) < 0;
}

uint64_t
search_count_index(struct search_count *c, struct doc_loc loc, const struct search_match *m)
{
	struct doc_block *b = doc_block(c->doc, loc);
	uint64_t n = 0;
	uint32_t i = 0;

	if (b == NULL || loc.chunk >= c->nchunks || !counted(c, loc, b))
		return 0;
	if (c->cached && c->cache_chunk == loc.chunk && c->cache_block <= loc.block) {
		i = c->cache_block;
		n = c->cache_n;
	}
	for (; i < loc.block; i++) {
		struct doc_block *o = doc_block(c->doc, (struct doc_loc){ loc.chunk, i });

		n += o ? block_count(c->s, o, UINT32_MAX) : 0;
	}
	c->cached = true;
	c->cache_chunk = loc.chunk;
	c->cache_block = loc.block;
	c->cache_n = n;
	for (uint32_t k = 0; k < loc.chunk; k++)
		n += c->per_chunk[k];
	b = doc_block(c->doc, loc);	/* the walk may have trimmed the cache */
	return b ? n + block_count(c->s, b, m->start) + 1 : 0;
}
