/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * srcmap — document-text offsets to the file's own offsets and back (see
 * include/gloss/srcmap.h): the block holding a place, and a walk that
 * aligns the block's text with the source bytes it came from.
 */
#include "gloss/gloss.h"

#include <unictype.h>

#include "gloss/sorted.h"
#include "gloss/srcmap.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define LOOKAHEAD 512	/* source bytes searched for a text character before it counts as added */
#define MARK_EVERY 4096	/* source bytes between two marks of the code-point count */
#define RECENT 1024	/* the last code points counted whose bytes are kept (a context is 32) */

/* A place whose code-point count is known: the first character at or after a multiple of MARK_EVERY. */
struct mark {
	uint64_t byte, cp;
};

struct srcmap {
	struct doc *doc;
	const char *src;
	uint64_t n;
	uint64_t bom;			/* 3 when the file starts with a byte-order mark */
	bool md;
	uint64_t at_byte, at_cp;	/* the last place counted (code points are counted forwards) */
	/*
	 * marks[i]: the place of mark i, for every multiple of MARK_EVERY the
	 * count has passed; a count behind at_byte starts from the mark before
	 * it, not from the file's start (export asks for each highlight's
	 * offsets and context, in any order: from the start it was quadratic).
	 */
	struct mark *marks;
	size_t nmarks, cap;
	/*
	 * recent[c % RECENT]: the byte of code point c, for c in [recent_lo,
	 * recent_hi] and no more than RECENT back from recent_hi: a context
	 * before a highlight (srcmap_back), and the start of the next one when
	 * highlights overlap, are found there.
	 */
	uint64_t recent[RECENT];
	uint64_t recent_lo, recent_hi;
};

/* One alignment of a block's text t[0..tn) with source bytes s[si..sn). */
struct walk {
	const char *t, *s;
	size_t tn, ti;
	uint64_t sn, si;
	bool md;
};

struct srcmap *
srcmap_new(struct doc *doc)
{
	struct srcmap *m = xcalloc(1, sizeof *m);

	m->doc = doc;
	m->src = doc_source(doc);
	m->n = doc_source_size(doc);
	m->bom = m->n >= 3 && memcmp(m->src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	m->md = doc_format(doc) == DOC_FORMAT_MARKDOWN;
	m->at_byte = m->bom;
	m->cap = 16;
	m->marks = xcalloc(m->cap, sizeof *m->marks);
	m->marks[0] = (struct mark){ m->bom, 0 };
	m->nmarks = 1;
	m->recent[0] = m->bom;
	return m;
}

void
srcmap_free(struct srcmap *m)
{
	if (m)
		free(m->marks);
	free(m);
}

/* ------------------------------------------------------------------ */
/* Code points of the file */

static size_t
src_decode(const char *s, uint64_t n, uint64_t i, uint32_t *cp)
{
	return (size_t)text_decode(s + i, (size_t)(n - i), cp);
}

/* One character forward, marking the multiple of MARK_EVERY it reaches first. */
static void
count_one(struct srcmap *m)
{
	uint32_t cp;

	m->at_byte += src_decode(m->src, m->n, m->at_byte, &cp);
	m->at_cp++;
	m->recent[m->at_cp % RECENT] = m->at_byte;
	m->recent_hi = GLOSS_MAX(m->recent_hi, m->at_cp);
	if (m->at_byte >= (uint64_t)m->nmarks * MARK_EVERY && m->at_byte < m->n) {
		if (m->nmarks == m->cap)
			m->marks = xreallocarray(m->marks, m->cap *= 2, sizeof *m->marks);
		m->marks[m->nmarks++] = (struct mark){ m->at_byte, m->at_cp };
	}
}

/* The first code point whose byte is kept. */
static uint64_t
recent_first(const struct srcmap *m)
{
	return m->recent_hi - m->recent_lo < RECENT ? m->recent_lo : m->recent_hi - RECENT + 1;
}

/* Moves back to the last kept code point at or before byte off; false if none is kept. */
static bool
back_to_byte(struct srcmap *m, uint64_t off)
{
	uint64_t lo = recent_first(m), hi = m->at_cp;

	if (m->recent[lo % RECENT] > off)
		return false;
	while (hi > lo) {	/* the bytes of lo..at_cp grow: the last one at or before off */
		uint64_t mid = lo + (hi - lo + 1) / 2;

		if (m->recent[mid % RECENT] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	m->at_byte = m->recent[lo % RECENT];
	m->at_cp = lo;
	return true;
}

/* Counting goes on from k (a mark): what was kept of the recent code points is stale. */
static void
restart_at(struct srcmap *m, struct mark k)
{
	m->at_byte = k.byte;
	m->at_cp = k.cp;
	m->recent_lo = m->recent_hi = k.cp;
	m->recent[k.cp % RECENT] = k.byte;
}

/* The last mark at or before byte off (by = true) or code point off (by = false). */
static struct mark
mark_before(const struct srcmap *m, uint64_t off, bool by)
{
	size_t n = sorted_upper_u64(m->marks, m->nmarks, sizeof *m->marks,
	    by ? offsetof(struct mark, byte) : offsetof(struct mark, cp), off);

	return m->marks[n ? n - 1 : 0];	/* marks[0] is at or before every place */
}

uint64_t
srcmap_cp(struct srcmap *m, uint64_t off)
{
	if (off < m->bom)
		return 0;
	if (off < m->at_byte && !back_to_byte(m, off))
		restart_at(m, mark_before(m, off, true));
	while (m->at_byte < off && m->at_byte < m->n)
		count_one(m);
	return m->at_cp;
}

uint64_t
srcmap_byte(struct srcmap *m, uint64_t cp)
{
	if (cp < m->at_cp && cp >= recent_first(m)) {
		m->at_byte = m->recent[cp % RECENT];	/* a few code points back */
		m->at_cp = cp;
	} else if (cp < m->at_cp) {
		restart_at(m, mark_before(m, cp, false));
	}
	while (m->at_cp < cp && m->at_byte < m->n)
		count_one(m);
	return GLOSS_MAX(m->at_byte, m->bom);
}

void
srcmap_append(struct srcmap *m, uint64_t a, uint64_t z, struct strbuf *out)
{
	while (a < z && a < m->n) {
		uint32_t cp;
		size_t len = src_decode(m->src, m->n, a, &cp);

		if (cp == 0xFFFD)
			strbuf_addcp(out, cp);	/* also for an invalid sequence */
		else
			strbuf_add(out, m->src + a, len);
		a += len;
	}
}

uint64_t
srcmap_back(struct srcmap *m, uint64_t a, size_t n)
{
	uint64_t cp = srcmap_cp(m, a);

	return srcmap_byte(m, cp > n ? cp - n : 0);
}

uint64_t
srcmap_fwd(struct srcmap *m, uint64_t z, size_t n)
{
	uint32_t cp;

	while (n-- > 0 && z < m->n)
		z += src_decode(m->src, m->n, z, &cp);
	return z;
}

/* ------------------------------------------------------------------ */
/* Aligning a block's text with its source */

static bool
is_ws(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
ascii_punct(char c)
{
	return c > ' ' && c < 0x7F && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

/* The length of an entity (&amp; &#8212; &#x2014;) at s[i], 0 if none. */
static size_t
entity_len(const struct walk *w, uint64_t i)
{
	uint64_t k = i + 1;

	if (w->s[i] != '&')
		return 0;
	if (k < w->sn && w->s[k] == '#')
		k++;
	while (k < w->sn && k - i < 40 && ((w->s[k] >= '0' && w->s[k] <= '9') ||
	    (w->s[k] >= 'a' && w->s[k] <= 'z') || (w->s[k] >= 'A' && w->s[k] <= 'Z')))
		k++;
	return k < w->sn && w->s[k] == ';' && k > i + 1 ? (size_t)(k + 1 - i) : 0;
}

/* The length of an HTML tag (<sup>, </span>, <br/>) at s[i], 0 if none (an autolink is not one). */
static size_t
tag_len(const struct walk *w, uint64_t i)
{
	uint64_t k = i + 1;

	if (w->s[i] != '<')
		return 0;
	if (k < w->sn && (w->s[k] == '/' || w->s[k] == '!'))
		k++;
	if (k >= w->sn || !((w->s[k] >= 'a' && w->s[k] <= 'z') || (w->s[k] >= 'A' && w->s[k] <= 'Z')))
		return 0;
	while (k < w->sn && ((w->s[k] >= 'a' && w->s[k] <= 'z') || (w->s[k] >= 'A' && w->s[k] <= 'Z') ||
	    (w->s[k] >= '0' && w->s[k] <= '9') || w->s[k] == '-'))
		k++;
	if (k >= w->sn || !(is_ws((unsigned char)w->s[k]) || w->s[k] == '>' || w->s[k] == '/'))
		return 0;
	while (k < w->sn && k - i < 512 && w->s[k] != '>' && w->s[k] != '\n')
		k++;
	return k < w->sn && w->s[k] == '>' ? (size_t)(k + 1 - i) : 0;
}

/* The end of a link's destination "](…)" or reference "][…]" at s[i] (a ']'), or i. */
static uint64_t
link_end(const struct walk *w, uint64_t i)
{
	char open, close;
	int depth = 0;

	if (w->s[i] != ']' || i + 1 >= w->sn || (w->s[i + 1] != '(' && w->s[i + 1] != '['))
		return i;
	open = w->s[i + 1];
	close = open == '(' ? ')' : ']';
	for (uint64_t k = i + 1; k < w->sn && k - i < 4096; k++) {
		if (w->s[k] == '\\' && k + 1 < w->sn)
			k++;
		else if (w->s[k] == open)
			depth++;
		else if (w->s[k] == close && --depth == 0)
			return k + 1;
	}
	return i;
}

/* Markdown that has no text: passes over it; true if it did. */
static bool
skip_markup(struct walk *w, uint32_t c)
{
	uint64_t e;
	size_t len;

	if (w->s[w->si] == '\\' && w->si + 1 < w->sn && ascii_punct(w->s[w->si + 1]) &&
	    (unsigned char)w->s[w->si + 1] == c) {
		w->si++;	/* an escape: the character follows */
		return true;
	}
	if ((len = tag_len(w, w->si)) > 0 && c != '<') {
		w->si += len;
		return true;
	}
	if ((e = link_end(w, w->si)) > w->si && c != ']') {
		w->si = e;
		return true;
	}
	return false;
}

/* The decomposed sequence at s[si] whose NFC is the text at t[ti]: its length, 0 if none. */
static size_t
nfc_match(struct walk *w)
{
	uint64_t e = w->si;
	uint32_t cp;
	struct strbuf nfc = STRBUF_INIT;
	size_t len = 0;

	e += src_decode(w->s, w->sn, e, &cp);
	while (e < w->sn) {
		size_t l = src_decode(w->s, w->sn, e, &cp);

		if (uc_combining_class(cp) == 0)
			break;
		e += l;
	}
	text_nfc(w->s + w->si, (size_t)(e - w->si), &nfc);
	if (nfc.len && nfc.len <= w->tn - w->ti && memcmp(w->t + w->ti, nfc.buf, nfc.len) == 0) {
		len = nfc.len;
		w->si = e;
	}
	strbuf_done(&nfc);
	return len;
}

/* The next source byte at or after si that can stand for c (white space for white space). */
static uint64_t
look_for(const struct walk *w, uint32_t c, const char *tc, size_t tl)
{
	uint64_t end = GLOSS_MIN(w->sn, w->si + LOOKAHEAD);

	for (uint64_t k = w->si; k < end; k++) {
		if (is_ws(c) ? is_ws((unsigned char)w->s[k]) : (k + tl <= w->sn && memcmp(w->s + k, tc, tl) == 0))
			return k;
	}
	return UINT64_MAX;
}

/*
 * Consumes the next text character (or run of white space) and the source
 * that stands for it; *at gets the source offset where that began.  False
 * at the end of the text.
 */
static bool
step(struct walk *w, uint64_t *at)
{
	bool escaped = false;

	for (;;) {
		uint32_t c, d;
		size_t cl, dl, entity;
		uint64_t k;

		if (w->ti >= w->tn)
			return false;
		cl = (size_t)text_decode(w->t + w->ti, w->tn - w->ti, &c);
		if (!escaped)
			*at = w->si;	/* an escape belongs to its character; other markup does not */
		escaped = false;
		if (w->si >= w->sn) {	/* text with no source left: added */
			w->ti += cl;
			return true;
		}
		dl = src_decode(w->s, w->sn, w->si, &d);
		if (is_ws(c) && is_ws(d)) {	/* a run of white space for a run */
			while (w->ti < w->tn && is_ws((unsigned char)w->t[w->ti]))
				w->ti++;
			while (w->si < w->sn && is_ws((unsigned char)w->s[w->si]))
				w->si++;
			return true;
		}
		if (c == d) {
			w->ti += cl;
			w->si += dl;
			return true;
		}
		if (d >= 0x80 && (entity = nfc_match(w)) > 0) {
			w->ti += entity;	/* the NFC of a decomposed sequence */
			return true;
		}
		if (w->md && c != '&' && (entity = entity_len(w, w->si)) > 0) {
			w->ti += cl;	/* &amp; &#8212;: one character */
			w->si += entity;
			return true;
		}
		if (w->md && w->s[w->si] == '\\' && skip_markup(w, c)) {
			escaped = true;
			continue;
		}
		if (w->md && skip_markup(w, c))
			continue;
		k = look_for(w, c, w->t + w->ti, cl);
		if (k == UINT64_MAX) {	/* not in the source: added (a table's │, a marker) */
			w->ti += cl;
			return true;
		}
		w->si = k > w->si ? k : w->si + dl;
	}
}

/* Starts a walk over block b; false for a block without source. */
static bool
walk_init(const struct srcmap *m, const struct doc_block *b, struct walk *w)
{
	memset(w, 0, sizeof *w);
	if (b == NULL || b->src_end <= b->src_start || b->src_end > m->n)
		return false;
	w->t = b->text;
	w->tn = b->len;
	w->s = m->src;
	w->si = GLOSS_MAX(b->src_start, m->bom);
	w->sn = b->src_end;
	w->md = m->md;
	if (m->md && b->kind == DOC_CODE) {	/* a fence's opening line holds no text */
		uint64_t k = w->si;

		while (k < w->sn && (m->src[k] == ' ' || m->src[k] == '>' || m->src[k] == '\t'))
			k++;
		if (k + 3 <= w->sn && (memcmp(m->src + k, "```", 3) == 0 || memcmp(m->src + k, "~~~", 3) == 0)) {
			const char *nl = memchr(m->src + k, '\n', (size_t)(w->sn - k));

			w->si = nl ? (uint64_t)(nl - m->src) + 1 : w->sn;
		}
	}
	return true;
}

/* The source offset of text byte off of block b: where its character begins (start) or after it. */
static bool
block_to_source(const struct srcmap *m, const struct doc_block *b, uint32_t off, bool start,
    uint64_t *src)
{
	struct walk w;
	uint64_t at = 0;

	if (!walk_init(m, b, &w))
		return false;
	while (w.ti < off && step(&w, &at))
		;
	if (start) {
		uint64_t si = w.si;

		*src = step(&w, &at) ? at : si;
	} else {
		*src = w.si;
	}
	return true;
}

/* The text offset (in block b) of source offset src: the character it begins (start) or ends. */
static uint32_t
block_to_text(const struct srcmap *m, const struct doc_block *b, uint64_t src, bool start)
{
	struct walk w;
	uint64_t at;

	if (!walk_init(m, b, &w) || (start && w.si > src))
		return 0;
	for (;;) {
		size_t ti = w.ti;

		if (!step(&w, &at))
			return (uint32_t)w.tn;
		if (start && w.si > src)
			return (uint32_t)ti;	/* the character covering src, or the first after it */
		if (!start && w.si >= src)
			return (uint32_t)w.ti;
	}
}

/* ------------------------------------------------------------------ */
/* Blocks */

/* The block holding text offset off (not in a separator) and the byte in it. */
static struct doc_block *
block_at(struct srcmap *m, uint64_t off, bool start, uint32_t *in)
{
	struct doc_loc loc;
	struct doc_block *b;

	if (!doc_locate(m->doc, off, &loc, in) || (b = doc_block(m->doc, loc)) == NULL)
		return NULL;
	if (*in >= b->len && start) {	/* in the separator after b: the next block's start */
		if (!doc_next(m->doc, &loc) || (b = doc_block(m->doc, loc)) == NULL)
			return NULL;
		*in = 0;
	}
	if (*in > b->len)
		*in = b->len;
	return b;
}

bool
srcmap_to_source(struct srcmap *m, uint64_t a, uint64_t z, uint64_t *sa, uint64_t *sz)
{
	struct doc_block *b;
	uint32_t in;

	if (z <= a || (b = block_at(m, a, true, &in)) == NULL || !block_to_source(m, b, in, true, sa))
		return false;
	if ((b = block_at(m, z - 1, false, &in)) == NULL)
		return false;
	in = in < b->len ? in + (uint32_t)text_cplen(b->text + in, b->len - in) : b->len;
	if (!block_to_source(m, b, in, false, sz))
		return false;
	return *sz > *sa;
}

/* The block holding source offset src, and its text offset. */
static struct doc_block *
block_of_source(struct srcmap *m, uint64_t src, uint64_t *text_off)
{
	struct doc_loc loc;
	struct doc_block *b;

	if (!doc_seek_source(m->doc, src, &loc) || (b = doc_block(m->doc, loc)) == NULL ||
	    !doc_block_offset(m->doc, loc, text_off))
		return NULL;
	return b;
}

bool
srcmap_to_text(struct srcmap *m, uint64_t sa, uint64_t sz, uint64_t *a, uint64_t *z)
{
	struct doc_block *b;
	uint64_t off;

	if (sz <= sa || (b = block_of_source(m, sa, &off)) == NULL)
		return false;
	*a = off + (sa < b->src_start ? 0 : block_to_text(m, b, sa, true));
	if ((b = block_of_source(m, sz - 1, &off)) == NULL)
		return false;
	*z = off + (sz - 1 < b->src_start ? 0 : block_to_text(m, b, sz, false));
	return *z > *a;
}
