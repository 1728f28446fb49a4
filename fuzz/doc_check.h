/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc_check.h — what the document harnesses (plain, markdown) check of a
 * document opened from the fuzzer's bytes:
 *   - the document text: its length is the sum of the blocks and their
 *     "\n\n" joins, each block's offset is found again by doc_locate(), and
 *     every block text is valid UTF-8 without NUL bytes;
 *   - the layout of each block at the width (layout_block): lines in order,
 *     none wider than the width (unless it holds one cluster), and only
 *     spaces, line ends and soft hyphens between them (fuzz_gap_ok: no text
 *     lost);
 *   - `gloss dump` at the width (dump_doc): the contract of gloss/dump.h —
 *     valid UTF-8, no control or bidi character, no trailing space, no line
 *     wider than the width.
 * The first input byte chooses the width and the glyph mode.
 */
#ifndef GLOSS_FUZZ_DOC_CHECK_H
#define GLOSS_FUZZ_DOC_CHECK_H

#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "gloss/doc.h"
#include "gloss/dump.h"
#include "gloss/layout.h"
#include "fuzz.h"

static const int fuzz_widths[] = { 1, 2, 3, 5, 8, 13, 20, 33, 40, 60, 72, 80, 100, 150 };

/* Whether s[0..n) is one grapheme cluster or less (a line that may be wider than any width). */
static bool
fuzz_one_cluster(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;

	return n == 0 || u8_grapheme_next(p, p + n) == p + n;
}

/*
 * Whether s[0..n) is the picture of one C1 control (␛ and the letter of
 * its 7-bit form, "␛@" for U+0080): one character of the document, two
 * columns wide, so a line of its own at width 1.
 */
static bool
fuzz_one_picture(const char *s, size_t n)
{
	return n == 4 && memcmp(s, "\xE2\x90\x9B", 3) == 0 && s[3] >= 0x40 && s[3] <= 0x5F;
}

static void
fuzz_check_layout(struct doc_block *b, int width, enum glyph_mode mode)
{
	struct layout_opts o = layout_defaults(width);
	const struct layout_line *v;
	size_t n;
	uint32_t prev = 0;

	o.mode = mode;
	v = layout_block(b, &o, &n);
	fuzz_assert(n >= 1, "a block has at least one line");
	for (size_t i = 0; i < n; i++) {
		fuzz_assert(v[i].start <= v[i].end && v[i].end <= b->len, "a line lies inside its block");
		fuzz_assert(v[i].start >= prev, "lines are in order and do not overlap");
		fuzz_assert(v[i].width <= width || fuzz_one_cluster(b->text + v[i].start, v[i].end - v[i].start),
		    "no line is wider than the width unless it is one cluster");
		fuzz_assert(fuzz_gap_ok(b->text, prev, v[i].start),
		    "between lines only spaces, line ends and soft hyphens (no text is lost)");
		prev = v[i].end;
	}
}

static void
fuzz_check_text(struct doc *doc)
{
	struct doc_loc loc, at;
	struct strbuf all = STRBUF_INIT;
	uint64_t len, sum = 0, off;
	uint32_t in;
	bool first = true;

	doc_measure_all(doc);
	len = doc_text_length(doc);
	if (doc_first(doc, &loc)) {
		do {
			struct doc_block *b = doc_block(doc, loc);

			fuzz_assert(b != NULL, "every block can be read");
			fuzz_assert(u8_check((const uint8_t *)b->text, b->len) == NULL, "block text is valid UTF-8");
			fuzz_assert(memchr(b->text, '\0', b->len) == NULL, "block text has no NUL byte");
			fuzz_assert(doc_block_offset(doc, loc, &off), "a measured block has an offset");
			if (!first && !(b->flags & DOC_BLOCK_JOINED))
				sum += 2;
			fuzz_assert(off == sum, "a block starts where the blocks before it end");
			if (b->len > 0) {
				fuzz_assert(doc_locate(doc, off, &at, &in) && doc_loc_cmp(at, loc) == 0 && in == 0,
				    "doc_locate finds a block at its offset");
			}
			sum += b->len;
			first = false;
		} while (doc_next(doc, &loc));
	}
	fuzz_assert(sum == len, "the text's length is its blocks and their joins");
	doc_text_range(doc, 0, len, &all);
	fuzz_assert(all.len == len, "doc_text_range gives the whole text");
	strbuf_done(&all);
}

static void
fuzz_check_dump(struct doc *doc, int width, enum glyph_mode mode)
{
	char *out = NULL;
	size_t outlen = 0, i = 0;
	FILE *f = open_memstream(&out, &outlen);

	fuzz_assert(f != NULL, "open_memstream");
	fuzz_assert(dump_doc(doc, width, mode, f) == GLOSS_OK, "dump_doc succeeds");
	fclose(f);
	fuzz_assert(u8_check((const uint8_t *)out, outlen) == NULL, "dump: valid UTF-8");
	while (i < outlen) {
		const char *nl = memchr(out + i, '\n', outlen - i);
		size_t n = nl ? (size_t)(nl - (out + i)) : outlen - i;
		const char *s = out + i;

		fuzz_assert(nl != NULL, "dump: every line ends with a newline");
		fuzz_assert(n == 0 || s[n - 1] != ' ', "dump: no trailing space");
		for (size_t k = 0; k < n;) {
			ucs4_t c;
			int l = u8_mbtouc(&c, (const uint8_t *)s + k, n - k);

			fuzz_assert(c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0), "dump: no control character");
			fuzz_assert(!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
			    c == 0x200F || c == 0x061C), "dump: no bidi control");
			fuzz_assert(mode == GLYPH_UTF8 || c < 0x80, "dump --ascii: ASCII only");
			k += (size_t)l;
		}
		/*
		 * The width holds for UTF-8 output.  --ascii spells characters
		 * out after the lines are laid out (Щ is "Shch", a control ^C, the
		 * rule "* * *"), so its lines may be wider at narrow widths.
		 */
		fuzz_assert(mode == GLYPH_ASCII || u8_width((const uint8_t *)s, n, "UTF-8") <= width ||
		    fuzz_one_cluster(s, n) || fuzz_one_picture(s, n),
		    "dump: no line wider than the width (unless one cluster or one control's picture)");
		i += n + 1;
	}
	free(out);
}

/* Opens data[1..) in format and checks text, layout and dump (see the top comment). */
static void
fuzz_check_doc(const uint8_t *data, size_t size, int format)
{
	struct doc_options dopt = { .force = true, .format = format, .tab_width = 8 };
	struct doc *doc;
	struct doc_loc loc;
	int width;
	enum glyph_mode mode;

	if (size < 1)
		return;
	width = fuzz_widths[data[0] % GLOSS_ARRAY_SIZE(fuzz_widths)];
	mode = data[0] & 0x80 ? GLYPH_ASCII : GLYPH_UTF8;
	if (doc_open_mem("fuzz", (const char *)data + 1, size - 1, &dopt, &doc) != GLOSS_OK)
		return;
	fuzz_check_text(doc);
	if (doc_first(doc, &loc)) {
		do
			fuzz_check_layout(doc_block(doc, loc), width, mode);
		while (doc_next(doc, &loc));
	}
	fuzz_check_dump(doc, width, mode);
	doc_free(doc);
}

#endif
