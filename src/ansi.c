/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * ansi — the loader of terminal output: backspace overstrike and SGR
 * sequences turned into spans, lines kept as laid out (see
 * include/gloss/ansi.h).
 */
#include "gloss/gloss.h"

#include "gloss/ansi.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"

#define ANSI_SNIFF_MAX (64u * 1024u)

/* The style of a character: overstrike/SGR bold and underline, a colour. */
#define ST_BOLD		0x01
#define ST_UNDER	0x02
#define ST_FG		0x04	/* fg holds a colour */
#define ST_ITALIC	0x08

struct style {
	unsigned flags;
	int fg;
};

/* What a line is turned into: the text so far, the open spans. */
struct emit {
	struct doc_builder *b;
	struct strbuf piece;	/* text of the current style, not yet appended */
	struct style cur;	/* the style of piece */
	uint32_t h_bold, h_under, h_italic, h_fg;
	bool open;
	int tab_width, col;
};

/* Length of a CSI sequence at s[i] (ESC [ params final), 0 if none; *final its last byte. */
static size_t
csi_len(const char *s, size_t i, size_t n, char *final)
{
	size_t k = i + 2;

	if (i + 1 >= n || s[i] != '\033' || s[i + 1] != '[')
		return 0;
	while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';' || s[k] == ':'))
		k++;
	if (k >= n || (unsigned char)s[k] < 0x40 || (unsigned char)s[k] > 0x7E)
		return 0;
	*final = s[k];
	return k + 1 - i;
}

/* Is s[i] a backspace between two printable characters (an overstrike)? */
static bool
overstrike_at(const char *s, size_t i, size_t n)
{
	return s[i] == '\b' && i > 0 && i + 1 < n && (unsigned char)s[i - 1] >= 0x20 &&
	    s[i - 1] != 0x7F && (unsigned char)s[i + 1] >= 0x20 && s[i + 1] != 0x7F;
}

bool
ansi_claims(const char *path, const char *src, uint64_t size)
{
	size_t n = size < ANSI_SNIFF_MAX ? (size_t)size : ANSI_SNIFF_MAX;
	char final;

	if (strcmp(path, "-") != 0)	/* only what a program pipes in: a file shows its escapes */
		return false;
	for (const char *p = src; (p = memchr(p, '\b', n - (size_t)(p - src))) != NULL; p++)
		if (overstrike_at(src, (size_t)(p - src), n))
			return true;
	for (const char *p = src; (p = memchr(p, '\033', n - (size_t)(p - src))) != NULL; p++)
		if (csi_len(src, (size_t)(p - src), n, &final) > 0 && final == 'm')
			return true;
	return false;
}

/* The nearest basic colour (0-7) of xterm colour c (0-255). */
static int
basic_of_256(int c)
{
	int r, g, b;

	if (c < 16)
		return c & 7;
	if (c >= 232)
		return c >= 244 ? 7 : 0;
	c -= 16;
	r = c / 36, g = c / 6 % 6, b = c % 6;
	return (r >= 3) | (g >= 3) << 1 | (b >= 3) << 2;
}

/* Applies the SGR parameters s[0..n) ("1;31", "" = 0) to *st. */
static void
sgr_apply(const char *s, size_t n, struct style *st)
{
	int v[32], nv = 0;

	for (size_t i = 0; i <= n && nv < 32; i++) {
		int x = 0;

		while (i < n && s[i] >= '0' && s[i] <= '9')
			x = x * 10 + (s[i++] - '0') % 1000;
		v[nv++] = x;
	}
	for (int i = 0; i < nv; i++) {
		int p = v[i];

		if (p == 0)
			*st = (struct style){ 0, 0 };
		else if (p == 1)
			st->flags |= ST_BOLD;
		else if (p == 3)
			st->flags |= ST_ITALIC;
		else if (p == 4)
			st->flags |= ST_UNDER;
		else if (p == 22)
			st->flags &= ~(unsigned)ST_BOLD;
		else if (p == 23)
			st->flags &= ~(unsigned)ST_ITALIC;
		else if (p == 24)
			st->flags &= ~(unsigned)ST_UNDER;
		else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97))
			st->flags |= ST_FG, st->fg = (p - (p >= 90 ? 90 : 30));
		else if (p == 39)
			st->flags &= ~(unsigned)ST_FG;
		else if ((p == 38 || p == 48) && i + 2 < nv && v[i + 1] == 5) {
			if (p == 38)
				st->flags |= ST_FG, st->fg = basic_of_256(v[i + 2] & 255);
			i += 2;
		} else if ((p == 38 || p == 48) && i + 4 < nv && v[i + 1] == 2) {
			if (p == 38)
				st->flags |= ST_FG, st->fg = (v[i + 2] > 127) | (v[i + 3] > 127) << 1 |
				    (v[i + 4] > 127) << 2;
			i += 4;
		}
	}
}

/* Appends the pending text to the block, NFC-normalised. */
static void
flush_piece(struct emit *e)
{
	struct strbuf clean = STRBUF_INIT;

	if (e->piece.len == 0)
		return;
	if (doc_build_clean(strbuf_str(&e->piece), e->piece.len, e->tab_width, &e->col, &clean) ||
	    text_is_nfc_fast(strbuf_str(&clean), clean.len)) {
		doc_build_text(e->b, strbuf_str(&clean), clean.len);
	} else {
		struct strbuf nfc = STRBUF_INIT;

		text_nfc(strbuf_str(&clean), clean.len, &nfc);
		doc_build_text(e->b, strbuf_str(&nfc), nfc.len);
		strbuf_done(&nfc);
	}
	strbuf_done(&clean);
	strbuf_reset(&e->piece);
}

static void
close_spans(struct emit *e)
{
	if (!e->open)
		return;
	if (e->cur.flags & ST_FG)
		doc_build_close(e->b, e->h_fg);
	if (e->cur.flags & ST_ITALIC)
		doc_build_close(e->b, e->h_italic);
	if (e->cur.flags & ST_UNDER)
		doc_build_close(e->b, e->h_under);
	if (e->cur.flags & ST_BOLD)
		doc_build_close(e->b, e->h_bold);
	e->open = false;
}

/* Switches to style st for the text that follows. */
static void
set_style(struct emit *e, struct style st)
{
	if (e->open && st.flags == e->cur.flags && (!(st.flags & ST_FG) || st.fg == e->cur.fg))
		return;
	flush_piece(e);
	close_spans(e);
	e->cur = st;
	if (st.flags & ST_BOLD)
		e->h_bold = doc_build_open(e->b, DOC_SPAN_STRONG, NULL);
	if (st.flags & ST_UNDER)
		e->h_under = doc_build_open(e->b, DOC_SPAN_UNDERLINE, NULL);
	if (st.flags & ST_ITALIC)
		e->h_italic = doc_build_open(e->b, DOC_SPAN_EMPH, NULL);
	if (st.flags & ST_FG)
		e->h_fg = doc_build_open(e->b, (enum doc_span_kind)(DOC_SPAN_FG + (st.fg & 7)), NULL);
	e->open = true;
}

/*
 * An overstruck character at s[i] (c BS d [BS d]...): its code point goes to
 * *out, its strokes to *st; returns the bytes used, 0 if s[i] is none.
 */
static size_t
overstrike(const char *s, size_t i, size_t n, struct style *st, struct strbuf *out)
{
	uint32_t c, d;
	size_t k = i + (size_t)text_decode(s + i, n - i, &c), start = k;

	while (k < n && overstrike_at(s, k, n)) {
		size_t dl = (size_t)text_decode(s + k + 1, n - k - 1, &d);

		if (d == c)
			st->flags |= ST_BOLD;
		else if (c == '_')
			st->flags |= ST_UNDER, c = d;
		else if (d == '_')
			st->flags |= ST_UNDER;
		else
			c = d;
		k += 1 + dl;
	}
	if (k == start)
		return 0;
	strbuf_addcp(out, c);
	return k - i;
}

/* Appends the line s[a, z) as one block. */
static void
emit_line(const char *s, size_t a, size_t z, struct style *sgr, struct emit *e)
{
	size_t i = a;

	e->col = 0;
	e->open = false;
	while (i < z) {
		struct style st = *sgr;
		struct strbuf ch = STRBUF_INIT;
		char final = 0;
		size_t len = csi_len(s, i, z, &final);

		if (len > 0 && (final == 'm' || final == 'K')) {
			if (final == 'm')
				sgr_apply(s + i + 2, len - 3, sgr);
			i += len;
			continue;
		}
		if (len == 0 && (len = overstrike(s, i, z, &st, &ch)) > 0) {
			set_style(e, st);
			strbuf_add(&e->piece, strbuf_str(&ch), ch.len);
		} else {
			len = s[i] & 0x80 ? (size_t)text_decode(s + i, z - i, &(uint32_t){ 0 }) : 1;
			set_style(e, st);
			strbuf_add(&e->piece, s + i, len);
		}
		strbuf_done(&ch);
		i += len;
	}
	flush_piece(e);
	close_spans(e);
}

/* Is s[a, z) blank once its escapes are left out? */
static bool
blank_line(const char *s, size_t a, size_t z)
{
	char final;

	for (size_t i = a; i < z; i++) {
		size_t len = csi_len(s, i, z, &final);

		if (len > 0)
			i += len - 1;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	}
	return true;
}

static void
ansi_parse(const char *src, uint64_t start, uint64_t end, unsigned flags, int tab_width,
    struct doc_builder *b)
{
	struct emit e = { .b = b, .piece = STRBUF_INIT, .tab_width = tab_width };
	struct style sgr = { 0, 0 };
	bool after_line = false;

	if ((flags & DOC_PARSE_FIRST) && start == 0 && end >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	for (uint64_t a = start; a < end;) {
		const char *nl = memchr(src + a, '\n', (size_t)(end - a));
		uint64_t z = nl ? (uint64_t)(nl - src) : end, zz = z;

		if (zz > a && src[zz - 1] == '\r')
			zz--;
		if (blank_line(src, (size_t)a, (size_t)zz)) {
			after_line = false;	/* the line before keeps its blank row */
		} else {
			if (after_line)
				doc_build_flag_at(b, doc_build_count(b) - 1, DOC_BLOCK_TIGHT);
			doc_build_begin(b, DOC_PARAGRAPH, 0, a, z);
			emit_line(src, (size_t)a, (size_t)zz, &sgr, &e);
			doc_build_end(b);
			after_line = doc_build_count(b) > 0;
		}
		a = z + 1;
	}
	strbuf_done(&e.piece);
}

/* After the first blank line at or after pos (else after a line end): every chunk parses alone. */
static uint64_t
ansi_boundary(const char *src, uint64_t size, uint64_t pos, bool *joined)
{
	uint64_t lim = pos + DOC_CHUNK_SIZE < size ? pos + DOC_CHUNK_SIZE : size;
	const char *p;

	*joined = false;
	if (pos >= size)
		return size;
	for (uint64_t i = pos; i + 1 < lim; i++)
		if (src[i] == '\n' && src[i + 1] == '\n')
			return i + 2;
	p = memchr(src + pos, '\n', (size_t)(size - pos));
	return p ? (uint64_t)(p - src) + 1 : size;
}

const struct doc_loader ansi_loader = {
	.name = "terminal",
	.format = DOC_FORMAT_TEXT,
	.claims = ansi_claims,
	.refines = true,
	.boundary = ansi_boundary,
	.parse = ansi_parse,
};
