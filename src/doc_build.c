/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc_build — the builder through which loaders produce blocks, and the
 * cleaning of raw file bytes into model text (see include/gloss/doc_build.h).
 *
 * Blocks, spans and strings are accumulated with offsets (the buffers move
 * while growing) and turned into a struct doc_build_chunk with real
 * pointers at the end.  Empty blocks (but for list items with a marker:
 * empty items) and empty spans are dropped.
 *
 * Tab expansion counts columns as the screen shows them, with glyph_width(),
 * so that a control picture or a wide character before a tab is counted as
 * the pager draws it.
 */
#include "gloss/gloss.h"

#include <pthread.h>

#include "gloss/doc_build.h"
#include "gloss/glyph.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

struct build_block {
	size_t text;			/* offset in builder text */
	uint32_t len;
	uint8_t kind, level, flags;
	uint32_t span0, nspans;		/* range in the span array */
	size_t label;			/* offset+1 in strings, 0 = none */
	size_t number;			/* the same for a note's number */
	uint64_t src_start, src_end;
};

struct build_span {			/* 24 bytes: one per link in a page of links */
	uint32_t start, end;		/* relative to the block */
	uint16_t kind;
	bool open;
	size_t url;			/* offset+1 in strings, 0 = none */
};

struct doc_builder {
	struct strbuf text;
	struct strbuf strings;
	struct build_block *blocks;
	uint32_t nblocks, cap;
	struct build_span *spans;
	uint32_t nspans, span_cap;
	bool in_block;
	uint8_t pending_flags;		/* flags of a dropped empty block, for the next one */
	struct build_block cur;
	uint64_t file_size;		/* of the file being parsed */
	struct doc_build_memo *memo;	/* the file's, or NULL */
	struct strbuf own_memo;		/* the memo's text without one */
	bool own_memo_made;
};

struct doc_build_memo {
	pthread_mutex_t mu;
	bool made;
	struct strbuf text;
};

struct doc_build_memo *
doc_build_memo_new(void)
{
	struct doc_build_memo *m = xcalloc(1, sizeof *m);

	pthread_mutex_init(&m->mu, NULL);
	strbuf_init(&m->text);
	return m;
}

void
doc_build_memo_free(struct doc_build_memo *m)
{
	if (m == NULL)
		return;
	pthread_mutex_destroy(&m->mu);
	strbuf_done(&m->text);
	free(m);
}

void
doc_build_set_memo(struct doc_builder *b, struct doc_build_memo *m)
{
	b->memo = m;
}

const struct strbuf *
doc_build_memo(struct doc_builder *b, const char *src,
    void (*fill)(const char *src, uint64_t size, struct strbuf *out))
{
	struct doc_build_memo *m = b->memo;

	if (m == NULL) {
		if (!b->own_memo_made)
			fill(src, b->file_size, &b->own_memo);
		b->own_memo_made = true;
		return &b->own_memo;
	}
	pthread_mutex_lock(&m->mu);
	if (!m->made)
		fill(src, b->file_size, &m->text);
	m->made = true;
	pthread_mutex_unlock(&m->mu);
	return &m->text;
}

void
doc_build_set_file_size(struct doc_builder *b, uint64_t size)
{
	b->file_size = size;
}

uint64_t
doc_build_file_size(const struct doc_builder *b)
{
	return b->file_size;
}

struct doc_builder *
doc_build_new(void)
{
	struct doc_builder *b = xcalloc(1, sizeof *b);

	strbuf_init(&b->text);
	strbuf_init(&b->strings);
	strbuf_init(&b->own_memo);
	return b;
}

void
doc_build_reset(struct doc_builder *b)
{
	strbuf_truncate(&b->text, 0);
	strbuf_truncate(&b->strings, 0);
	b->nblocks = b->nspans = 0;
	b->in_block = false;
	b->pending_flags = 0;
}

void
doc_build_shift_source(struct doc_builder *b, uint64_t delta)
{
	for (uint32_t i = 0; i < b->nblocks; i++) {
		b->blocks[i].src_start += delta;
		b->blocks[i].src_end += delta;
	}
}

static size_t
add_string(struct doc_builder *b, const char *s)
{
	size_t off;

	if (s == NULL)
		return 0;
	off = b->strings.len;
	strbuf_add(&b->strings, s, strlen(s) + 1);
	return off + 1;
}

void
doc_build_begin(struct doc_builder *b, enum doc_kind kind, int level,
    uint64_t src_start, uint64_t src_end)
{
	if (b->in_block)
		doc_build_end(b);
	memset(&b->cur, 0, sizeof b->cur);
	b->cur.text = b->text.len;
	b->cur.kind = (uint8_t)kind;
	b->cur.level = (uint8_t)level;
	b->cur.span0 = b->nspans;
	b->cur.src_start = src_start;
	b->cur.src_end = src_end;
	b->in_block = true;
}

void
doc_build_text(struct doc_builder *b, const char *s, size_t n)
{
	if (!b->in_block)
		doc_build_begin(b, DOC_PARAGRAPH, 0, 0, 0);
	strbuf_add(&b->text, s, n);
}

static uint32_t
cur_len(const struct doc_builder *b)
{
	return (uint32_t)(b->text.len - b->cur.text);
}

uint32_t
doc_build_open(struct doc_builder *b, enum doc_span_kind kind, const char *url)
{
	struct build_span *sp;

	if (!b->in_block)
		doc_build_begin(b, DOC_PARAGRAPH, 0, 0, 0);
	if (b->nspans == b->span_cap) {
		b->span_cap = b->span_cap ? b->span_cap * 2 : 64;
		b->spans = xreallocarray(b->spans, b->span_cap, sizeof *b->spans);
	}
	sp = &b->spans[b->nspans];
	sp->start = cur_len(b);
	sp->end = sp->start;
	sp->kind = (uint16_t)kind;
	sp->url = add_string(b, url);
	sp->open = true;
	return b->nspans++;
}

void
doc_build_reserve(struct doc_builder *b, size_t nspans, size_t strings, size_t text)
{
	size_t want = (size_t)b->nspans + nspans;

	if (want > b->span_cap && want <= UINT32_MAX) {	/* still geometric: blocks come one by one */
		b->span_cap = (uint32_t)GLOSS_MIN(GLOSS_MAX(want, (size_t)b->span_cap * 2), (size_t)UINT32_MAX);
		b->spans = xreallocarray(b->spans, b->span_cap, sizeof *b->spans);
	}
	strbuf_grow(&b->strings, strings);	/* strbuf_grow is geometric */
	strbuf_grow(&b->text, text + 1);
}

void
doc_build_close(struct doc_builder *b, uint32_t handle)
{
	if (handle >= b->nspans || handle < b->cur.span0 || !b->spans[handle].open)
		return;
	b->spans[handle].end = cur_len(b);
	b->spans[handle].open = false;
}

void
doc_build_set_label(struct doc_builder *b, const char *label)
{
	b->cur.label = add_string(b, label);
}

void
doc_build_set_number(struct doc_builder *b, const char *number)
{
	b->cur.number = add_string(b, number);
}

void
doc_build_set_flags(struct doc_builder *b, unsigned flags)
{
	b->cur.flags |= (uint8_t)flags;
}

/* Drops empty spans of the current block, closing any left open. */
static void
compact_spans(struct doc_builder *b)
{
	uint32_t i, j = b->cur.span0;

	for (i = b->cur.span0; i < b->nspans; i++) {
		if (b->spans[i].open) {
			b->spans[i].end = cur_len(b);
			b->spans[i].open = false;
		}
		if (b->spans[i].end > b->spans[i].start)
			b->spans[j++] = b->spans[i];
	}
	b->nspans = j;
}

void
doc_build_end(struct doc_builder *b)
{
	if (!b->in_block)
		return;
	b->in_block = false;
	compact_spans(b);
	b->cur.len = cur_len(b);
	if (b->cur.len == 0 && !(b->cur.kind == DOC_LIST_ITEM && b->cur.label)) {
		b->nspans = b->cur.span0;
		if (b->cur.flags & DOC_BLOCK_RULE_BEFORE)
			b->pending_flags |= DOC_BLOCK_RULE_BEFORE;
		return;
	}
	b->cur.flags |= b->pending_flags;
	b->pending_flags = 0;
	b->cur.nspans = b->nspans - b->cur.span0;
	strbuf_addc(&b->text, '\0');
	if (b->nblocks == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->blocks = xreallocarray(b->blocks, b->cap, sizeof *b->blocks);
	}
	b->blocks[b->nblocks++] = b->cur;
}

uint32_t
doc_build_count(const struct doc_builder *b)
{
	return b->nblocks;
}

const char *
doc_build_text_at(const struct doc_builder *b, uint32_t i, size_t *len)
{
	*len = b->blocks[i].len;
	return strbuf_str(&b->text) + b->blocks[i].text;
}

enum doc_kind
doc_build_kind_at(const struct doc_builder *b, uint32_t i)
{
	return (enum doc_kind)b->blocks[i].kind;
}

unsigned
doc_build_flags_at(const struct doc_builder *b, uint32_t i)
{
	return b->blocks[i].flags;
}

void
doc_build_retag(struct doc_builder *b, uint32_t i, enum doc_kind kind, int level)
{
	b->blocks[i].kind = (uint8_t)kind;
	b->blocks[i].level = (uint8_t)level;
}

void
doc_build_flag_at(struct doc_builder *b, uint32_t i, unsigned flags)
{
	b->blocks[i].flags |= (uint8_t)flags;
}

void
doc_build_label_at(struct doc_builder *b, uint32_t i, const char *label)
{
	b->blocks[i].label = add_string(b, label);
}

void
doc_build_drop_from(struct doc_builder *b, uint64_t src)
{
	uint32_t j = 0;

	for (uint32_t i = 0; i < b->nblocks; i++)
		if (b->blocks[i].src_start < src)
			b->blocks[j++] = b->blocks[i];
	b->nblocks = j;
}

struct doc_build_chunk *
doc_build_finish(struct doc_builder *b)
{
	struct doc_build_chunk *c = xcalloc(1, sizeof *c);
	uint32_t i, k;
	uint64_t off = 0;

	if (b->in_block)
		doc_build_end(b);
	c->text = strbuf_detach(&b->text, NULL);
	c->strings = strbuf_detach(&b->strings, NULL);
	c->nblocks = b->nblocks;
	c->blocks = xcalloc(b->nblocks ? b->nblocks : 1, sizeof *c->blocks);
	c->spans = xcalloc(b->nspans ? b->nspans : 1, sizeof *c->spans);
	for (k = 0; k < b->nspans; k++) {
		c->spans[k].start = b->spans[k].start;
		c->spans[k].end = b->spans[k].end;
		c->spans[k].kind = b->spans[k].kind;
		c->spans[k].url = b->spans[k].url ? c->strings + b->spans[k].url - 1 : NULL;
	}
	for (i = 0; i < b->nblocks; i++) {
		const struct build_block *bb = &b->blocks[i];
		struct doc_block *d = &c->blocks[i];

		d->text = c->text + bb->text;
		d->len = bb->len;
		d->kind = bb->kind;
		d->level = bb->level;
		d->flags = bb->flags;
		d->nspans = bb->nspans;
		d->spans = c->spans + bb->span0;
		d->label = bb->label ? c->strings + bb->label - 1 : NULL;
		d->number = bb->number ? c->strings + bb->number - 1 : NULL;
		d->src_start = bb->src_start;
		d->src_end = bb->src_end;
		d->chunk_off = (uint32_t)off;
		off += bb->len;
		if (!(bb->flags & DOC_BLOCK_JOINED))
			off += DOC_SEPARATOR_LEN;
	}
	c->text_len = off;
	free(b->blocks);
	free(b->spans);
	strbuf_done(&b->own_memo);
	free(b);
	return c;
}

void
doc_build_chunk_free(struct doc_build_chunk *c)
{
	uint32_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nblocks; i++)
		free(c->blocks[i].cache);
	free(c->blocks);
	free(c->spans);
	free(c->text);
	free(c->strings);
	free(c);
}

/* ------------------------------------------------------------------ */
/* Cleaning raw bytes */

bool
doc_build_clean(const char *s, size_t n, int tab_width, int *col, struct strbuf *out)
{
	size_t i = 0;
	bool inert = true;

	if (tab_width <= 0)
		tab_width = 8;
	strbuf_grow(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t j = i;
		uint32_t cp;
		int len;

		int w = 0;

		/*
		 * Printable ASCII and basic Cyrillic (U+0400–U+047F: lead byte D0
		 * or D1; NFC-inert, one column) are copied as a run.
		 */
		while (j < n) {
			unsigned char b = (unsigned char)s[j];

			if (b >= 0x20 && b < 0x7F)
				j++;
			else if ((b & 0xFE) == 0xD0 && j + 1 < n && ((unsigned char)s[j + 1] & 0xC0) == 0x80)
				j += 2;
			else
				break;
			w++;
		}
		if (j > i) {
			memcpy(out->buf + out->len, s + i, j - i);	/* room was made */
			out->len += j - i;
			*col += w;
			i = j;
			continue;
		}
		if (c == '\t') {
			int pad = tab_width - (*col % tab_width);

			while (pad-- > 0) {
				strbuf_addc(out, ' ');
				(*col)++;
			}
			i++;
			strbuf_grow(out, n - i);
			continue;
		}
		if (c == '\n') {
			strbuf_addc(out, '\n');
			*col = 0;
			i++;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		if (cp != 0 && len > 1 && (cp != 0xFFFD || memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			/* a valid sequence: as long in as out, so the room made suffices */
			memcpy(out->buf + out->len, s + i, (size_t)len);
			out->len += (size_t)len;
		} else {
			strbuf_addcp(out, cp ? cp : 0xFFFD);	/* NUL, invalid: longer out */
			strbuf_grow(out, n - i - (size_t)len);
		}
		inert = inert && text_nfc_inert(cp);
		*col += glyph_width(cp, GLYPH_UTF8);
		i += (size_t)len;
	}
	out->buf[out->len] = '\0';
	return inert;
}

/* ------------------------------------------------------------------ */
/* Progress */

static _Thread_local doc_progress_fn progress_fn;
static _Thread_local void *progress_arg;

void
doc_build_set_progress(doc_progress_fn fn, void *arg)
{
	progress_fn = fn;
	progress_arg = arg;
}

bool
doc_build_progress(double fraction)
{
	return progress_fn == NULL || progress_fn(progress_arg, fraction);
}
