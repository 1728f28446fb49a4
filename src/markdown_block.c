/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_block — assembles one block for the Markdown loader: text with
 * the white-space rules of model text, spans recorded as offsets, trailing
 * white space trimmed, NFC normalisation that keeps spans on their
 * characters, and finally the builder calls that open and close the spans
 * in order.  It knows nothing of cmark; see markdown_int.h.
 */
#include "gloss/gloss.h"

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "markdown_int.h"

#define TAB_WIDTH 8

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void
markdown_block_clear(struct markdown_block *k)
{
	k->nspans = 0;
	strbuf_truncate(&k->urls, 0);
	free(k->label);
	k->label = NULL;
	free(k->number);
	k->number = NULL;
	strbuf_reset(&k->text);
	k->col = 0;
	k->active = k->space = k->verbatim = false;
}

void
markdown_block_done(struct markdown_block *k)
{
	markdown_block_clear(k);
	strbuf_done(&k->text);
	strbuf_done(&k->urls);
	free(k->spans);
	k->spans = NULL;
	k->cap = 0;
}

/* Cuts the text to len bytes; spans are clamped (open ones stay open). */
static void
blk_truncate(struct markdown_block *k, size_t len)
{
	size_t i;

	if (len >= k->text.len)
		return;
	strbuf_truncate(&k->text, len);
	for (i = 0; i < k->nspans; i++) {
		k->spans[i].start = (uint32_t)GLOSS_MIN((size_t)k->spans[i].start, len);
		if (k->spans[i].end != MARKDOWN_OPEN)
			k->spans[i].end = (uint32_t)GLOSS_MIN((size_t)k->spans[i].end, len);
	}
}

/* Writes out a pending space unless the text is empty or already ends in white space. */
static void
blk_space(struct markdown_block *k)
{
	if (k->space && k->text.len > 0 && !markdown_is_space(k->text.buf[k->text.len - 1]))
		doc_build_clean(" ", 1, TAB_WIDTH, &k->col, &k->text);
	k->space = false;
}

/*
 * Appends text.  Outside code, white space never starts the block, spaces
 * never follow a space or a line break and never precede a line break (so
 * that dropped markup and soft breaks leave single spaces).
 */
void
markdown_block_add(struct markdown_block *k, const char *s, size_t n)
{
	if (!k->verbatim) {
		size_t len = k->text.len;
		bool after_space = len == 0 || k->text.buf[len - 1] == ' ' ||
		    k->text.buf[len - 1] == '\n';

		while (n > 0 && after_space &&
		    (*s == ' ' || *s == '\t' || (len == 0 && markdown_is_space(*s)))) {
			s++;
			n--;
		}
		if (n == 0)
			return;
		if (*s == '\n') {
			while (len > 0 && k->text.buf[len - 1] == ' ')
				len--;
			blk_truncate(k, len);
			k->space = false;
		} else if (markdown_is_space(*s)) {
			k->space = false;
		}
		blk_space(k);
	}
	doc_build_clean(s, n, TAB_WIDTH, &k->col, &k->text);
}

void
markdown_block_adds(struct markdown_block *k, const char *s)
{
	markdown_block_add(k, s, strlen(s));
}

/* Opens a span at the end of the text; returns its index. */
uint32_t
markdown_block_open(struct markdown_block *k, enum doc_span_kind kind, const char *url)
{
	struct markdown_span *sp;

	blk_space(k);		/* a pending space goes before the span */
	if (k->nspans == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->spans = xreallocarray(k->spans, k->cap, sizeof *k->spans);
	}
	sp = &k->spans[k->nspans];
	sp->start = (uint32_t)k->text.len;
	sp->end = MARKDOWN_OPEN;	/* open */
	sp->kind = (uint16_t)kind;
	sp->url = 0;
	if (url) {
		sp->url = k->urls.len + 1;
		strbuf_add(&k->urls, url, strlen(url) + 1);
	}
	return (uint32_t)k->nspans++;
}

void
markdown_block_close(struct markdown_block *k, uint32_t i)
{
	if (i < k->nspans && k->spans[i].end == MARKDOWN_OPEN)
		k->spans[i].end = (uint32_t)k->text.len;
}

/* Trims trailing white space, closes open spans and drops empty ones. */
static void
blk_trim(struct markdown_block *k)
{
	size_t len = k->text.len, i, j = 0;

	while (len > 0 && markdown_is_space(k->text.buf[len - 1]))
		len--;
	blk_truncate(k, len);
	for (i = 0; i < k->nspans; i++) {
		struct markdown_span sp = k->spans[i];

		sp.end = (uint32_t)GLOSS_MIN((size_t)sp.end, len);
		sp.start = (uint32_t)GLOSS_MIN((size_t)sp.start, len);
		if (sp.start >= sp.end && sp.kind != MARKDOWN_SPAN_CELL)
			continue;
		k->spans[j++] = sp;
	}
	k->nspans = j;
}

/* The index of x in the sorted array v[0..n) (x is known to be there). */
static size_t
find_u32(const uint32_t *v, size_t n, uint32_t x)
{
	const uint32_t *p = bsearch(&x, v, n, sizeof *v, cmp_u32);

	return p ? (size_t)(p - v) : 0;
}

/*
 * Normalises the text to NFC.  Pieces that were adjacent in the source are
 * already in NFC; only removed markup or decoded entities can bring a base
 * letter and a combining mark together.  When that happens, the text is
 * normalised piece by piece between span boundaries so that spans still
 * fall on the same characters.
 */
static void
blk_nfc(struct markdown_block *k)
{
	struct strbuf out = STRBUF_INIT;
	uint32_t *pos, *npos;
	size_t n = 0, m = 0, i;

	if (k->text.len == 0)
		return;
	text_nfc(k->text.buf, k->text.len, &out);
	if (out.len == k->text.len && memcmp(out.buf, k->text.buf, out.len) == 0) {
		strbuf_done(&out);
		return;
	}
	strbuf_reset(&out);
	pos = xmalloc((2 * k->nspans + 2) * sizeof *pos);
	pos[n++] = 0;
	pos[n++] = (uint32_t)k->text.len;
	for (i = 0; i < k->nspans; i++) {
		pos[n++] = k->spans[i].start;
		pos[n++] = k->spans[i].end;
	}
	qsort(pos, n, sizeof *pos, cmp_u32);
	for (i = 0; i < n; i++)		/* unique */
		if (m == 0 || pos[i] != pos[m - 1])
			pos[m++] = pos[i];
	npos = xmalloc(m * sizeof *npos);
	for (i = 0; i < m; i++) {
		npos[i] = (uint32_t)out.len;
		if (i + 1 < m)
			text_nfc(k->text.buf + pos[i], pos[i + 1] - pos[i], &out);
	}
	for (i = 0; i < k->nspans; i++) {
		k->spans[i].start = npos[find_u32(pos, m, k->spans[i].start)];
		k->spans[i].end = npos[find_u32(pos, m, k->spans[i].end)];
	}
	strbuf_done(&k->text);
	k->text = out;
	free(pos);
	free(npos);
}

/* A span's end and index, for closing spans in order. */
struct span_end {
	uint32_t end, index;
};

static int
cmp_span_end(const void *a, const void *b)
{
	const struct span_end *x = a, *y = b;

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Feeds text and spans to the builder.  Spans were recorded in the order
 * they were opened, which is by start and, for equal starts, outer first;
 * they are closed in order of their ends.
 */
static void
feed_builder(struct doc_builder *b, const struct markdown_block *k)
{
	struct span_end *by_end = xmalloc((k->nspans + 1) * sizeof *by_end);
	uint32_t *handle = xmalloc((k->nspans + 1) * sizeof *handle);
	size_t i = 0, j = 0, ns = k->nspans;
	uint32_t pos = 0, len = (uint32_t)k->text.len;

	doc_build_reserve(b, ns, k->urls.len, len);
	for (i = 0; i < ns; i++) {
		by_end[i].end = k->spans[i].end;
		by_end[i].index = (uint32_t)i;
	}
	qsort(by_end, ns, sizeof *by_end, cmp_span_end);
	for (i = 0; i < ns; i++)	/* cells are not spans of the model */
		handle[i] = UINT32_MAX;
	i = 0;
	for (;;) {
		uint32_t next = len;

		for (; j < ns && by_end[j].end == pos; j++)
			if (handle[by_end[j].index] != UINT32_MAX)
				doc_build_close(b, handle[by_end[j].index]);
		for (; i < ns && k->spans[i].start == pos; i++)
			if (k->spans[i].kind != MARKDOWN_SPAN_CELL)
				handle[i] = doc_build_open(b, k->spans[i].kind, k->spans[i].url ?
				    k->urls.buf + k->spans[i].url - 1 : NULL);
		if (pos == len)
			break;
		if (i < ns)
			next = GLOSS_MIN(next, k->spans[i].start);
		if (j < ns)
			next = GLOSS_MIN(next, by_end[j].end);
		doc_build_text(b, k->text.buf + pos, next - pos);
		pos = next;
	}
	free(by_end);
	free(handle);
}

void
markdown_block_finish(struct markdown_block *k)
{
	blk_trim(k);
	blk_nfc(k);
}

void
markdown_block_emit(const struct markdown_block *k, struct doc_builder *b, enum doc_kind kind,
    int level, unsigned flags)
{
	doc_build_begin(b, kind, level, k->src_start, k->src_end);
	if (k->label)
		doc_build_set_label(b, k->label);
	if (k->number)
		doc_build_set_number(b, k->number);
	if (flags)
		doc_build_set_flags(b, flags);
	feed_builder(b, k);
	doc_build_end(b);
}
