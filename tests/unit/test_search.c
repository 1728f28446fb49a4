/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_search — the search prefilter never loses a match: search_block()
 * and search_doc() (which scans a plain-text file's raw bytes and parses
 * only the blocks holding candidates) give exactly the matches of folding
 * every block and looking for the key with memmem, on random texts made of
 * the hard cases (case, ё/е in both forms, stress marks, soft hyphens,
 * apostrophes, white space runs, ß and ligatures, the Kelvin sign, kept
 * combining marks, line ends, quote markers, CR LF, tabs, invalid bytes),
 * forward and backward, across chunk boundaries; and a Markdown file read
 * in chunks (raw chunks ruled out before they are parsed) against every
 * chunk parsed: random files of markup, entities and the hard cases, and
 * the cases the raw bytes do not show as written (emphasis, a link's text,
 * letters given as entities, table rows), among the corpus article.
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/search.h"
#include "gloss/search_scan.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static const char *const pieces[] = {
	"a", "A", "e", "E", "\xc3\xa9", "E\xcc\x81", "\xc3\xaa", "e\xcc\x82", "\xd0\xb5", "\xd0\x95",
	"\xd1\x91", "\xd0\x81", "\xd0\xb5\xcc\x88", "\xd0\xb9", "\xd0\xb8\xcc\x86", "\xd0\xb8",
	"\xc3\x9f", "ss", "SS", "s", "\xc2\xad", "\xcc\x81", "\xcc\x80", " ", "  ", "\t",
	"\xc2\xa0", "\xe2\x80\x99", "'", "\xca\xbc", "k", "K", "\xe2\x84\xaa", "\xef\xac\x81", "fi",
	"f", "i", "\xd0\xb6", "\xd0\x96", "x", "-", "\xd1\x9e", "\xd1\x83", "\xd1\x97", "\xd1\x96",
	"\xcc\x88", "\xcc\xa3", "\xe2\x80\x94", "\xd0\xbb", "\xd0\x9b", "ka", "\xd0\xbb\xd0\xba\xd0\xb0",
};
/* Only in files: line structure and bytes the loader replaces. */
static const char *const file_pieces[] = {
	"\n", "\n\n", "\n> ", "\r\n", "\xff", "\xe2\x80", "\xef\xbb\xbf", "\n- ",
};

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng >> 33) % n);
}

static void
random_text(struct strbuf *sb, size_t npieces, bool file)
{
	for (size_t i = 0; i < npieces; i++) {
		if (file && rnd(6) == 0)
			strbuf_adds(sb, file_pieces[rnd(GLOSS_ARRAY_SIZE(file_pieces))]);
		else
			strbuf_adds(sb, pieces[rnd(GLOSS_ARRAY_SIZE(pieces))]);
	}
}

/* A pattern: a piece of the text, or random pieces (mostly not in the text). */
static void
random_pattern(const char *text, size_t len, struct strbuf *pat)
{
	strbuf_reset(pat);
	if (len > 0 && rnd(3) != 0) {
		size_t a = rnd((unsigned)len), n = 1 + rnd(12);

		strbuf_add(pat, text + a, GLOSS_MIN(n, len - a));
	} else {
		random_text(pat, 1 + rnd(4), false);
	}
}

/* The reference: fold the whole block, memmem, non-overlapping. */
static size_t
ref_block(const char *key, size_t keylen, const char *text, size_t len, struct search_match *out,
    size_t max)
{
	struct strbuf k = STRBUF_INIT;
	uint32_t *map = NULL;
	size_t n = 0;
	const char *p, *hit;

	if (len == 0)
		return 0;
	fold_key_mapped(text, len, &k, &map);
	p = k.buf;
	while (n < max && (hit = memmem(p, (size_t)(k.buf + k.len - p), key, keylen)) != NULL) {
		size_t a = (size_t)(hit - k.buf);

		out[n].start = map[a];
		out[n].end = fold_map_end(map, k.len, a + keylen, len);
		n++;
		p = hit + keylen;
	}
	free(map);
	strbuf_done(&k);
	return n;
}

static char *
key_of(const char *s, size_t n, size_t *len)
{
	struct strbuf k = STRBUF_INIT;

	fold_key(s, n, &k);
	return strbuf_detach(&k, len);
}

static void
test_blocks(void)
{
	struct strbuf text = STRBUF_INIT, pat = STRBUF_INIT;
	int bad = 0, tried = 0, found = 0;

	for (int it = 0; it < 20000; it++) {
		struct search_match want[64];
		const struct search_match *got;
		struct search *s;
		size_t keylen, nw, ng;
		char *key;

		strbuf_reset(&text);
		random_text(&text, rnd(40), false);
		random_pattern(text.buf ? text.buf : "", text.len, &pat);
		if ((s = search_new(strbuf_str(&pat), pat.len)) == NULL)
			continue;
		key = key_of(pat.buf, pat.len, &keylen);
		nw = ref_block(key, keylen, strbuf_str(&text), text.len, want, 64);
		ng = search_block(s, strbuf_str(&text), text.len, &got);
		tried++;
		found += nw > 0;
		if (ng != nw || (nw && memcmp(got, want, nw * sizeof(*want)) != 0)) {
			if (bad++ < 5)
				printf("# block %s pattern %s: %zu matches, want %zu\n",
				    tap_esc(strbuf_str(&text)), tap_esc(strbuf_str(&pat)), ng, nw);
		}
		free(key);
		search_free(s);
	}
	ok(bad == 0 && found > 1000, "search_block = fold + memmem on %d random blocks (%d with matches)",
	    tried, found);
	strbuf_done(&text);
	strbuf_done(&pat);
}

#define MAX_HITS 4096	/* matches compared per document */

/* Every match of the document, in order, by the reference. */
struct hit {
	struct doc_loc loc;
	struct search_match m;
};

static size_t
ref_doc(struct doc *doc, const char *key, size_t keylen, struct hit *out, size_t max)
{
	struct search_match *v = xcalloc(MAX_HITS, sizeof(*v));	/* a giant block may hold thousands */
	struct doc_loc loc;
	size_t n = 0;
	bool more = doc_first(doc, &loc);

	while (more && n < max) {
		struct doc_block *b = doc_block(doc, loc);
		size_t k = ref_block(key, keylen, b->text, b->len, v, MAX_HITS);

		for (size_t i = 0; i < k && n < max; i++) {
			if (i > 0 && v[i].start == v[i - 1].start)
				continue;	/* "ss" in the key of ß: n goes on after the start */
			out[n].loc = loc;
			out[n++].m = v[i];
		}
		more = doc_next(doc, &loc);
	}
	free(v);
	return n;
}

/* Walks every match with search_doc() as n (or N) does; compares with want[]. */
static bool
walk_doc(struct doc *doc, struct search *s, const struct hit *want, size_t nw, bool backward)
{
	struct doc_loc loc, from;
	struct search_match m;
	bool wrapped;
	uint32_t off = 0;
	size_t i;

	if (backward)
		doc_last(doc, &from), off = UINT32_MAX;
	else
		doc_first(doc, &from);
	if (backward && nw == MAX_HITS)
		return true;	/* the reference holds only the first matches */
	if (nw == 0)
		return search_doc(s, doc, from, off, backward, NULL, NULL, &loc, &m, &wrapped) ==
		    SEARCH_NONE;
	for (i = 0; i < nw + (nw < MAX_HITS); i++) {	/* and the wrap (unless capped) */
		size_t w = backward ? nw - 1 - i % nw : i % nw;
		enum search_result r;

		r = search_doc(s, doc, from, off, backward, NULL, NULL, &loc, &m, &wrapped);
		if (r != SEARCH_FOUND || doc_loc_cmp(loc, want[w].loc) != 0 ||
		    m.start != want[w].m.start || m.end != want[w].m.end) {
			printf("# %s match %zu of %zu: r=%d at %u/%u [%u,%u), want %u/%u [%u,%u)\n",
			    backward ? "backward" : "forward", w, nw, r, loc.chunk, loc.block,
			    m.start, m.end, want[w].loc.chunk, want[w].loc.block, want[w].m.start,
			    want[w].m.end);
			return false;
		}
		from = loc;
		off = backward ? m.start : m.start + 1;
	}
	return true;
}

/* Does search_count() count the nw matches of want (when not capped)? */
static bool
count_doc(struct doc *doc, struct search *s, size_t nw)
{
	struct search_count *c = search_count_new(s, doc);
	uint64_t total;
	bool done;

	while (search_count_step(c, 100000))
		;
	total = search_count_total(c, &done);
	search_count_free(c);
	if (nw < MAX_HITS && (!done || total != nw)) {
		printf("# counted %llu, want %zu\n", (unsigned long long)total, nw);
		return false;
	}
	return true;
}

/*
 * One file, one pattern: 0 no match, 2 matches, all found as the reference
 * finds them, 1 a difference, -1 no pattern.  md: a Markdown file read in
 * chunks (its raw chunks ruled out by the prefilter), else plain text.
 */
static int
file_case(const char *dir, const char *content, size_t len, const char *pattern, size_t plen,
    bool md)
{
	struct doc_options opt = { .force = true, .format = md ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT,
	    .chunked = md };
	char path[512];
	struct hit *want = xcalloc(MAX_HITS, sizeof(*want));
	struct search *s = search_new(pattern, plen);
	struct doc *doc;
	size_t keylen, nw;
	char *key;
	FILE *f;
	int rc = 0;

	if (s == NULL) {
		free(want);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/doc.%s", dir, md ? "md" : "txt");
	f = fopen(path, "wb");
	fwrite(content, 1, len, f);
	fclose(f);
	if (doc_open(path, &opt, &doc) != GLOSS_OK) {
		free(want);
		search_free(s);
		return 1;
	}
	key = key_of(pattern, plen, &keylen);
	nw = ref_doc(doc, key, keylen, want, MAX_HITS);
	if (!walk_doc(doc, s, want, nw, false) || !walk_doc(doc, s, want, nw, true) ||
	    (md && !count_doc(doc, s, nw))) {
		printf("# pattern %s in %s\n", tap_esc(pattern), len < 400 ? tap_escn(content, len) : "(long)");
		if (getenv("TEST_SEARCH_KEEP")) {
			char keep[600];

			snprintf(keep, sizeof(keep), "%s.fail", path);
			rename(path, keep);
			exit(1);
		}
		rc = 1;
	}
	free(key);
	free(want);
	search_free(s);
	doc_free(doc);
	return rc == 0 && nw > 0 ? 2 : rc;
}

static int
doc_case(const char *dir, const char *content, size_t len, const char *pattern, size_t plen)
{
	return file_case(dir, content, len, pattern, plen, false);
}

static void
test_docs(const char *dir)
{
	struct strbuf text = STRBUF_INIT, pat = STRBUF_INIT;
	int bad = 0, tried = 0, found = 0;

	for (int it = 0; it < 1500; it++) {
		int r;

		strbuf_reset(&text);
		random_text(&text, 1 + rnd(120), true);
		random_pattern(strbuf_str(&text), text.len, &pat);
		r = doc_case(dir, strbuf_str(&text), text.len, strbuf_str(&pat), pat.len);
		if (r < 0)
			continue;
		tried++;
		found += r == 2;
		bad += r == 1;
		if (bad > 3)
			break;
	}
	ok(bad == 0 && found > 200, "search_doc on the raw bytes = every block folded, %d random files "
	    "(%d with matches), forward and backward", tried, found);
	strbuf_done(&text);
	strbuf_done(&pat);
}

/* Files of several chunks (mapped, not read): matches on both sides of chunk boundaries. */
static void
test_large_docs(const char *dir)
{
	struct strbuf text = STRBUF_INIT, pat = STRBUF_INIT;
	int bad = 0, found = 0;

	for (int it = 0; it < 12; it++) {
		int r;

		strbuf_reset(&text);
		while (text.len < 400000) {
			random_text(&text, 30, true);
			strbuf_adds(&text, it % 2 ? " " : "\n\n");	/* odd: one giant line, cut inside */
		}
		random_pattern(strbuf_str(&text), 2000, &pat);
		r = doc_case(dir, strbuf_str(&text), text.len, strbuf_str(&pat), pat.len);
		bad += r == 1;
		found += r == 2;
	}
	ok(bad == 0 && found > 0, "search_doc over chunk boundaries and a giant line (%d of 12 with matches)",
	    found);
	strbuf_done(&text);
	strbuf_done(&pat);
}

/* Hard-wrapped text (re-flowed by the loader), quoted and indented: matches across line ends. */
static void
test_reflowed(const char *dir)
{
	static const char text[] =
	    "> The quick brown fox jumps over the lazy dog and then it runs far away\n"
	    ">   into the forest where nobody has ever seen it again, said the hunter\r\n"
	    "> \twho told the story many times over in the villages along the river.\n"
	    "\n"
	    "  Мы вошли в дом и сели у окна, а кот остался с нами в саду, где росла\n"
	    "  старая ёлка; потом мы ушли в лес и долго шли по тропе вдоль реки, пока\n"
	    "не стемнело совсем и не пошёл снег над полем.\n";
	static const char *const patterns[] = {
	    "the HUNTER   who told", "реки, ПОКА не", "hunter who", "росла старая ЕЛКА", "пока не", "river.",
	};
	int bad = 0, found = 0;

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(patterns); i++) {
		int r = doc_case(dir, text, sizeof(text) - 1, patterns[i], strlen(patterns[i]));

		if (r != 2)
			printf("# %s: %d\n", patterns[i], r);
		bad += r != 2;
		found += r == 2;
	}
	ok(bad == 0, "patterns across re-flowed line ends, quote markers and indents: %d of %zu found",
	    found, GLOSS_ARRAY_SIZE(patterns));
}

static void
test_anchor(void)
{
	struct strbuf k = STRBUF_INIT;
	struct search_scan *sc;
	size_t nb;
	const char *sample = "the quick brown fox and the lazy dog were there, the end";

	fold_key("BENCH-SEARCH-WORD", 17, &k);
	sc = search_scan_new(k.buf, k.len, sample, strlen(sample));
	ok(sc && search_scan_anchor(sc, &nb) == '-' && nb == 1,
	    "the rarest code point of the pattern is the anchor ('-', one byte)");
	search_scan_free(sc);
	strbuf_reset(&k);
	fold_key("ЖУК", strlen("ЖУК"), &k);
	sc = search_scan_new(k.buf, k.len, "", 0);
	ok(sc && search_scan_anchor(sc, &nb) != 0 && nb >= 2, "a Cyrillic anchor scans for both cases");
	search_scan_free(sc);
	strbuf_reset(&k);
	fold_key("й", strlen("й"), &k);
	ok(search_scan_new(k.buf, k.len, "", 0) == NULL,
	    "no anchor for a key made only of letters NFC composes (й): every block is compared");
	strbuf_done(&k);
}


/* ------------------------------------------------------------------ */
/* Markdown read in chunks */

/* Markup and entities, among the hard cases of text. */
static const char *const md_pieces[] = {
	"*", "**", "_", "~~", "[", "](http://x.org/ae)", "][r]", "`", "\\*", "\\_", "![",
	"<sup>", "</sup>", "<b>", "&#1105;", "&#x451;", "&#1025;", "&eacute;", "&amp;", "&iocy;",
	"&#769;", "&#774;", "&mdash;", "&#101;", " | ", "\n", "\n\n", "\n\n> ", "\n\n- ", "\n\n# ",
	"\n\n1. ", "\n\n```\n", "<https://x.org/e>", "[^1]", "\n\n[r]: http://y.org/ё\n\n",
};

static void
random_md(struct strbuf *sb, size_t npieces)
{
	for (size_t i = 0; i < npieces; i++) {
		if (rnd(4) == 0)
			strbuf_adds(sb, md_pieces[rnd(GLOSS_ARRAY_SIZE(md_pieces))]);
		else
			strbuf_adds(sb, pieces[rnd(GLOSS_ARRAY_SIZE(pieces))]);
	}
}

/* A pattern from the text of the block at a random place of the file (so that it matches). */
static void
md_pattern(const char *src, size_t len, struct strbuf *pat)
{
	struct doc_options opt = { .format = DOC_FORMAT_MARKDOWN, .chunked = true, .force = true };
	struct doc *doc;
	struct doc_loc loc;
	struct doc_block *b;

	strbuf_reset(pat);
	if (rnd(4) == 0 || doc_open_mem("p.md", src, len, &opt, &doc) != GLOSS_OK) {
		random_text(pat, 1 + rnd(4), false);
		return;
	}
	if (doc_seek_source(doc, rnd((unsigned)len), &loc) && (b = doc_block(doc, loc)) && b->len) {
		size_t a = rnd(b->len), n = 1 + rnd(12);

		strbuf_add(pat, b->text + a, GLOSS_MIN(n, b->len - a));
	} else {
		random_text(pat, 1 + rnd(4), false);
	}
	doc_free(doc);
}

/* Random Markdown files of several chunks: the prefiltered search = every chunk parsed. */
static void
test_markdown_random(const char *dir)
{
	struct strbuf text = STRBUF_INIT, pat = STRBUF_INIT;
	int bad = 0, tried = 0, found = 0;

	for (int it = 0; it < 100; it++) {
		int r;

		strbuf_reset(&text);
		while (text.len < 150000 + rnd(150000))
			random_md(&text, 200);
		md_pattern(strbuf_str(&text), text.len, &pat);
		r = file_case(dir, strbuf_str(&text), text.len, strbuf_str(&pat), pat.len, true);
		if (r < 0)
			continue;
		tried++;
		found += r == 2;
		bad += r == 1;
		if (bad > 3)
			break;
	}
	ok(bad == 0 && found > 20, "chunked Markdown, %d random files of 20-40 chunks (%d with matches): "
	    "search_doc and the count = every chunk parsed, forward and backward", tried, found);
	strbuf_done(&text);
	strbuf_done(&pat);
}

/* Appends filler paragraphs to sb, then a paragraph padded to end exactly at byte `at`. */
static void
fill_to(struct strbuf *sb, size_t at)
{
	for (int i = 0; sb->len + 200 < at; i++)
		strbuf_addf(sb, "Paragraph %d of filler text, about nothing at all.\n\n", i);
	while (sb->len + 2 < at)
		strbuf_adds(sb, sb->len + 3 < at ? "x " : "x");
	strbuf_adds(sb, " ");
}

/*
 * A file of three slices of the raw scan (SEARCH_RAW_SLICE, counted from
 * the second chunk, where a search from the top begins): an entity that
 * hides the first letter across the first slice's end, a plain match
 * across the second's; found forward, backward and counted as every
 * chunk parsed finds them.
 */
static void
test_markdown_slices(const char *dir)
{
	struct doc_options opt = { .format = DOC_FORMAT_MARKDOWN, .chunked = true, .force = true };
	struct strbuf text = STRBUF_INIT;
	struct doc *doc;
	uint64_t a = 0, z;
	int r = 1;

	fill_to(&text, 20000);
	if (doc_open_mem("s.md", strbuf_str(&text), text.len, &opt, &doc) == GLOSS_OK) {
		doc_chunk_source(doc, 1, &a, &z);
		doc_free(doc);
	}
	fill_to(&text, (size_t)a + SEARCH_RAW_SLICE - 3);
	strbuf_adds(&text, "&#107;ettle on the stove.\n\n");	/* "k", the rarest letter, hidden */
	fill_to(&text, (size_t)a + 2 * SEARCH_RAW_SLICE - 2);
	strbuf_adds(&text, "kettle on the stove.\n\n");
	fill_to(&text, (size_t)a + 3 * SEARCH_RAW_SLICE);
	strbuf_adds(&text, "The end.\n");
	if (a > 0)
		r = file_case(dir, strbuf_str(&text), text.len, "kettle", strlen("kettle"), true);
	ok(r == 2, "chunked Markdown over three raw slices: matches across the slices' ends (one an "
	    "entity) found as every chunk parsed finds them");
	strbuf_reset(&text);	/* no blank line: one chunk longer than two slices */
	for (int i = 0; text.len < 3 * SEARCH_RAW_SLICE; i++)
		strbuf_addf(&text, "line %d of one long paragraph%s\n", i,
		    i % 150000 == 149999 ? ", a kettle" : "");
	r = file_case(dir, strbuf_str(&text), text.len, "kettle", strlen("kettle"), true);
	ok(r == 2, "chunked Markdown, a chunk longer than the raw slices: its matches found and counted");
	strbuf_done(&text);
}

/* Matches the raw bytes do not show as written: emphasis, a link, entities; in the corpus article. */
static void
test_markdown_cases(const char *dir)
{
	static const char *const para[] = {
		"Вчера в **Моск**ва было тихо, и *мы* ушли.",
		"See [the red fox](http://example.org/fox \"a title\") run away, said _Anna_.",
		"В лесу родилась &#1105;лочка, в лесу она росла; &iocy;жик пришёл.",
		"Caf&eacute; au lait and &#x6B;ettle and x\\*y.",
		"| a | b |\n|---|---|\n| Ёлка | пальма |",
		"An x&#45;ray of the **state**-of-the-art C\\-3PO, rated 5/5; see [the-end](http://e/-/).",
	};
	static const char *const patterns[] = {
		"в москва было", "москва", "red fox run", "the red", "fox run away", "ёлочка", "елочка",
		"ежик пришел", "cafe au", "kettle", "x*y", "ёлка │ пальма", "anna.",
		"x-ray", "state-of-the-art", "c-3po", "5/5;", "the-end.",
	};
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/corpus/belarusian-ukrainian-relations-brink-of-war.md",
	    top ? top : ".");
	struct strbuf text = STRBUF_INIT, corpus = STRBUF_INIT;
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t n;
	int bad = 0;

	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&corpus, buf, n);
	if (f)
		fclose(f);
	for (int i = 0; text.len < 300000; i++) {	/* the cases among filler, several chunks */
		strbuf_addf(&text, "Paragraph %d of filler text, about nothing at all.\n\n", i);
		if (i % 500 == 250)
			strbuf_addf(&text, "%s\n\n", para[(i / 500) % GLOSS_ARRAY_SIZE(para)]);
	}
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(para); i++)
		strbuf_addf(&text, "%s\n\n", para[i]);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(patterns); i++) {
		int r = file_case(dir, strbuf_str(&text), text.len, patterns[i], strlen(patterns[i]), true);

		if (r != 2)
			printf("# %s: %d\n", patterns[i], r);
		bad += r != 2;
	}
	ok(bad == 0, "chunked Markdown: matches in emphasis, across a link's text, letters given as "
	    "entities, a table row, found as every chunk parsed finds them");
	strbuf_reset(&text);
	for (int i = 0; text.len < 300000; i++) {	/* the corpus article among filler */
		strbuf_addf(&text, "Paragraph %d of filler text, about nothing at all.\n\n", i);
		if (i % 1000 == 999)
			strbuf_add(&text, corpus.buf ? corpus.buf : "", corpus.len);
	}
	bad = 0;
	for (int it = 0; it < 30; it++) {
		struct strbuf pat = STRBUF_INIT;
		int r;

		md_pattern(strbuf_str(&text), text.len, &pat);
		r = file_case(dir, strbuf_str(&text), text.len, strbuf_str(&pat), pat.len, true);
		bad += r == 1;
		strbuf_done(&pat);
	}
	ok(corpus.len > 0 && bad == 0, "chunked Markdown with the corpus article: 30 patterns from its text");
	strbuf_done(&text);
	strbuf_done(&corpus);
	free(path);
}

int
main(void)
{
	char dir[] = "/tmp/gloss-test-search-XXXXXX";

	if (mkdtemp(dir) == NULL)
		return 1;
	test_anchor();
	test_blocks();
	test_docs(dir);
	test_reflowed(dir);
	test_large_docs(dir);
	test_markdown_random(dir);
	test_markdown_cases(dir);
	test_markdown_slices(dir);
	{
		char path[600];

		snprintf(path, sizeof(path), "%s/doc.txt", dir);
		unlink(path);
		snprintf(path, sizeof(path), "%s/doc.md", dir);
		unlink(path);
		rmdir(dir);
	}
	return tap_done();
}
