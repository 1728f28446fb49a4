/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_srcmap — document-text places mapped to the file's own bytes and
 * back: each case names a passage of the document text and the exact
 * source bytes it must map to (soft-wrapped lines, tabs, CR LF, a BOM,
 * NFD, invalid bytes, quote markers; Markdown emphasis, links, tags,
 * entities, escapes, fences, headings, tables), then maps those bytes back
 * to the passage.
 */
#include "gloss/gloss.h"

#include "gloss/anchor.h"
#include "gloss/doc.h"
#include "gloss/srcmap.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

struct map_case {
	const char *name;
	int format;		/* enum doc_format */
	const char *src;
	const char *quote;	/* in the document text (white space matching any white space) */
	const char *want;	/* the source bytes it maps to */
};

static const struct map_case cases[] = {
	{ "plain: a tab", DOC_FORMAT_TEXT, "A line with a Tab\tinside it.\n", "Tab inside", "Tab\tinside" },
	{ "plain: re-flowed lines", DOC_FORMAT_TEXT,
	  "This paragraph was wrapped by a program at about sixty columns so\n"
	  "that its lines are joined again when it is read in the pager here.\n",
	  "columns so that its", "columns so\nthat its" },
	{ "plain: CR LF between paragraphs", DOC_FORMAT_TEXT, "First line one.\r\n\r\nSecond line two.\r\n",
	  "one. Second", "one.\r\n\r\nSecond" },
	{ "plain: a byte-order mark", DOC_FORMAT_TEXT, "\xEF\xBB\xBFStarts with a mark.\n", "Starts",
	  "Starts" },
	{ "plain: NFD in the file, NFC in the text", DOC_FORMAT_TEXT, "Le cafe\xCC\x81 au lait.\n",
	  "caf\xC3\xA9 au", "cafe\xCC\x81 au" },
	{ "plain: an invalid byte", DOC_FORMAT_TEXT, "A bad\xFF byte here.\n", "bad\xEF\xBF\xBD byte",
	  "bad\xFF byte" },
	{ "plain: a quote over two lines", DOC_FORMAT_TEXT,
	  "> A quoted line that is long enough to be re-flowed by the loader,\n"
	  "> and the rest of it on the second line of the quote.\n",
	  "loader, and the rest", "loader,\n> and the rest" },
	{ "plain: Cyrillic", DOC_FORMAT_TEXT, "Лукашенко заявил, что всё решится.\n", "всё решится",
	  "всё решится" },
	{ "markdown: emphasis", DOC_FORMAT_MARKDOWN, "Some **bold** words here.\n", "bold words",
	  "bold** words" },
	{ "markdown: a link's text", DOC_FORMAT_MARKDOWN, "See [the report](http://example.com/here) now.\n",
	  "the report now", "the report](http://example.com/here) now" },
	{ "markdown: a letter after a link", DOC_FORMAT_MARKDOWN, "A [link](http://h.example/h)here.\n",
	  "here", "here" },
	{ "markdown: a note marker in a tag", DOC_FORMAT_MARKDOWN,
	  "Lukashenka announced<sup>i</sup> large-scale exercises.\n", "announcedi large",
	  "announced<sup>i</sup> large" },
	{ "markdown: an entity", DOC_FORMAT_MARKDOWN, "Tom &amp; Jerry &#8212; again.\n", "Tom & Jerry \xE2\x80\x94",
	  "Tom &amp; Jerry &#8212;" },
	{ "markdown: escapes", DOC_FORMAT_MARKDOWN, "An \\*escaped\\* star.\n", "*escaped*",
	  "\\*escaped\\*" },
	{ "markdown: a fenced code block", DOC_FORMAT_MARKDOWN, "Text.\n\n```python\nprint(1)\nx = 2\n```\n",
	  "print(1)\nx", "print(1)\nx" },
	{ "markdown: a heading", DOC_FORMAT_MARKDOWN, "## A heading here\n\nBody text.\n", "heading here",
	  "heading here" },
	{ "markdown: a table row", DOC_FORMAT_MARKDOWN, "| a | b |\n|---|---|\n| cell | more |\n",
	  "cell \xE2\x94\x82 more", "cell | more" },
	{ "markdown: across paragraphs", DOC_FORMAT_MARKDOWN, "One *end*.\n\n> Two start.\n",
	  "end. Two", "end*.\n\n> Two" },
};

static void
run_case(const struct map_case *c)
{
	struct doc_options opt = { .format = c->format, .tab_width = 8 };
	struct strbuf text = STRBUF_INIT, got = STRBUF_INIT;
	struct doc *d;
	struct srcmap *m;
	uint64_t *r = NULL, sa = 0, sz = 0, a = 0, z = 0;
	size_t n;

	if (!ok(doc_open_mem("t", c->src, strlen(c->src), &opt, &d) == GLOSS_OK, "%s: opens", c->name))
		return;
	doc_measure_all(d);
	doc_text_range(d, 0, doc_text_length(d), &text);
	n = anchor_find_loose(strbuf_str(&text), text.len, c->quote, strlen(c->quote), &r);
	if (!ok(n == 1, "%s: the passage is in the text once (%zu)", c->name, n)) {
		tap_diag("text", strbuf_str(&text));
		goto out;
	}
	m = srcmap_new(d);
	ok(srcmap_to_source(m, r[0], r[1], &sa, &sz), "%s: mapped", c->name);
	strbuf_add(&got, c->src + sa, (size_t)(sz - sa));
	is_str(strbuf_str(&got), c->want, "%s: the file's own bytes", c->name);
	ok(srcmap_to_text(m, sa, sz, &a, &z) && a == r[0] && z == r[1],
	    "%s: and back (%llu-%llu, want %llu-%llu)", c->name, (unsigned long long)a,
	    (unsigned long long)z, (unsigned long long)r[0], (unsigned long long)r[1]);
	srcmap_free(m);
out:
	free(r);
	strbuf_done(&text);
	strbuf_done(&got);
	doc_free(d);
}

/* Code points of the file: after a BOM, CR counted, an invalid sequence one. */
static void
test_code_points(void)
{
	const char *src = "\xEF\xBB\xBF" "ab\r\nж\xFFz\n";
	struct doc_options opt = { .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct doc *d;
	struct srcmap *m;
	struct strbuf sb = STRBUF_INIT;

	if (doc_open_mem("t", src, strlen(src), &opt, &d) != GLOSS_OK)
		return;
	m = srcmap_new(d);
	is_int((long long)srcmap_cp(m, 3), 0, "code points: the BOM is not counted");
	is_int((long long)srcmap_cp(m, 7), 4, "code points: a, b, CR, LF");
	is_int((long long)srcmap_cp(m, 10), 6, "code points: ж is one, the invalid byte one");
	is_int((long long)srcmap_byte(m, 6), 10, "code points back to bytes");
	is_int((long long)srcmap_cp(m, 5), 2, "code points: counted again from the start");
	srcmap_append(m, 7, 11, &sb);
	is_str(strbuf_str(&sb), "ж\xEF\xBF\xBDz", "appended source: the invalid byte as U+FFFD");
	is_int((long long)srcmap_back(m, 10, 3), 6, "three code points back");
	is_int((long long)srcmap_fwd(m, 3, 3), 6, "three code points on");
	strbuf_done(&sb);
	srcmap_free(m);
	doc_free(d);
}

/*
 * Code points counted from a mark: a 60 KB file of 1- to 4-byte characters
 * and invalid bytes, asked in a scrambled order for the count of every
 * 7th byte and the byte of every 5th code point (backwards as often as
 * forwards, across the marks every 4 KiB), then walked back in short
 * steps (the places kept of the last code points counted), against a count
 * from the start.
 */
static void
test_code_points_marked(void)
{
	static const char *const pieces[] = { "a", "ж", "€", "\xF0\x9F\x98\x80", "\xFF", "\r\n", " " };
	struct doc_options opt = { .force = true, .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct strbuf src = STRBUF_INIT;
	uint64_t *cp_at, ncp = 0, bad_cp = 0, bad_byte = 0, asked = 0;
	uint64_t *byte_of;
	struct srcmap *m;
	struct doc *d;
	unsigned r = 12345;

	while (src.len < 60000) {
		r = r * 1103515245u + 12345u;
		strbuf_adds(&src, pieces[(r >> 16) % GLOSS_ARRAY_SIZE(pieces)]);
	}
	if (doc_open_mem("t", src.buf, src.len, &opt, &d) != GLOSS_OK) {
		ok(0, "code points from marks: opens");
		strbuf_done(&src);
		return;
	}
	cp_at = xcalloc(src.len + 1, sizeof *cp_at);	/* the count before each byte, from the start */
	byte_of = xcalloc(src.len + 1, sizeof *byte_of);
	for (size_t i = 0; i <= src.len; ) {
		uint32_t c;
		size_t len = i < src.len ? (size_t)text_decode(src.buf + i, src.len - i, &c) : 1;

		byte_of[ncp] = i;
		for (size_t j = i; j < i + len && j <= src.len; j++)
			cp_at[j] = ncp + (j > i);
		ncp++;
		i += len;
	}
	m = srcmap_new(d);
	for (uint64_t k = 0; k < src.len; k += 7) {
		uint64_t off = (k * 7919) % src.len;	/* scrambled */

		asked++;
		bad_cp += srcmap_cp(m, off) != cp_at[off];
	}
	for (uint64_t mk = 4096; mk + 8 < src.len; mk += 4096)	/* each byte around a mark, from behind */
		for (uint64_t off = mk - 8; off <= mk + 8; off++) {
			srcmap_cp(m, src.len - 1);
			asked++;
			bad_cp += srcmap_cp(m, off) != cp_at[off];
			bad_byte += srcmap_byte(m, cp_at[off]) != byte_of[cp_at[off]];
		}
	for (uint64_t off = src.len - 1; off > 13; off -= 13) {	/* short steps back: the recent places */
		asked++;
		bad_cp += srcmap_cp(m, off) != cp_at[off];
	}
	for (uint64_t c = ncp - 2; c > 11; c -= 11)
		bad_byte += srcmap_byte(m, c) != byte_of[c];
	srcmap_cp(m, src.len / 2);
	for (uint64_t c = cp_at[src.len / 2], k = 0; c > 0 && k < 3000; c--, k++)	/* one by one */
		bad_byte += srcmap_byte(m, c) != byte_of[c];
	srcmap_cp(m, src.len / 3);
	for (uint64_t off = src.len / 3, k = 0; off > 0 && k < 6000; off--, k++) {
		asked++;
		bad_cp += srcmap_cp(m, off) != cp_at[off];
	}
	for (uint64_t k = 0; k < ncp - 1; k += 5) {
		uint64_t c = (k * 7919) % (ncp - 1);

		bad_byte += srcmap_byte(m, c) != byte_of[c];
	}
	ok(bad_cp == 0, "code points from marks: %llu of %llu counts differ from a count from the start",
	    (unsigned long long)bad_cp, (unsigned long long)asked);
	ok(bad_byte == 0, "code points from marks: %llu bytes of code points differ",
	    (unsigned long long)bad_byte);
	free(cp_at);
	free(byte_of);
	srcmap_free(m);
	doc_free(d);
	strbuf_done(&src);
}

int
main(void)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++)
		run_case(&cases[i]);
	test_code_points();
	test_code_points_marked();
	return tap_done();
}
