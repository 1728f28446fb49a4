/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_doc — the document model and the plain-text loader: paragraphs,
 * re-flowing, cleaning, classification, chunking, walking and offsets.
 */
#include "gloss/gloss.h"

#include "gloss/doc.h"
#include "gloss/meta.h"
#include "gloss/plain.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static struct doc *
open_text(const char *s)
{
	struct doc_options opt = { .force = false, .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct doc *d = NULL;

	if (doc_open_mem("test.txt", s, strlen(s), &opt, &d) != GLOSS_OK)
		return NULL;
	return d;
}

/* "kind:text|kind:text|…" for every block. */
static char *
blocks_of(struct doc *d)
{
	struct strbuf sb = STRBUF_INIT;
	struct doc_loc l;

	if (doc_first(d, &l)) {
		do {
			struct doc_block *b = doc_block(d, l);

			if (sb.len)
				strbuf_addc(&sb, '|');
			strbuf_addf(&sb, "%s:%s", doc_kind_label(b->kind), b->text);
		} while (doc_next(d, &l));
	}
	return strbuf_detach(&sb, NULL);
}

static void
check_blocks(const char *input, const char *want, const char *name)
{
	struct doc *d = open_text(input);
	char *got = d ? blocks_of(d) : xstrdup("(open failed)");

	is_str(got, want, "%s", name);
	free(got);
	doc_free(d);
}

static void
test_paragraphs(void)
{
	check_blocks("One two.\n\nThree four.\n", "p:One two.|p:Three four.", "blank lines separate");
	check_blocks("One two.\r\n\r\nThree four.\r\n", "p:One two.|p:Three four.", "CRLF");
	check_blocks("\xEF\xBB\xBFHello there.\n", "p:Hello there.", "BOM dropped");
	check_blocks("a\tb\n", "p:a       b", "tab expanded to column 8");
	check_blocks("bad \xFF\xFE byte.\n", "p:bad \xEF\xBF\xBD\xEF\xBF\xBD byte.", "invalid UTF-8 is U+FFFD");
	check_blocks("Cafe\xCC\x81 and \xD0\xB8\xCC\x86.\n", "p:Caf\xC3\xA9 and \xD0\xB9.", "NFC per paragraph");
	check_blocks("Old Mac.\rline ends.\r\rNext one.", "p:Old Mac.|p:line ends.|p:Next one.",
	    "lone CR ends a line");
	check_blocks("   \n\n  Indented start.  \n\n\n", "p:Indented start.", "surrounding blanks trimmed");
	check_blocks("", "", "empty file has no blocks");
}

static void
test_reflow(void)
{
	const char *wrapped =
	    "The quick brown fox jumps over the lazy dog and keeps running\n"
	    "across the field until the evening comes and the light fades\n"
	    "away behind the hills of the old valley.\n";
	const char *per_line =
	    "This is a long paragraph that goes on well beyond eighty columns, as scraped web text does.\n"
	    "Second paragraph, also on one line and also far longer than the usual eighty columns.\n";
	const char *para_end =
	    "The quick brown fox jumps over the lazy dog and keeps running\n"
	    "across the field.\n"
	    "Then the evening comes and the light fades away behind the\n"
	    "hills of the old valley where nobody lives any more at all.\n";

	check_blocks(wrapped, "p:The quick brown fox jumps over the lazy dog and keeps running "
	    "across the field until the evening comes and the light fades away behind the hills of "
	    "the old valley.", "hard-wrapped lines are re-flowed");
	check_blocks(per_line,
	    "p:This is a long paragraph that goes on well beyond eighty columns, as scraped web text does.|"
	    "p:Second paragraph, also on one line and also far longer than the usual eighty columns.",
	    "one paragraph per line is kept");
	check_blocks(para_end,
	    "p:The quick brown fox jumps over the lazy dog and keeps running across the field.|"
	    "p:Then the evening comes and the light fades away behind the hills of the old valley "
	    "where nobody lives any more at all.",
	    "a short line inside a wrapped run ends the paragraph");
	check_blocks("The files of this directory are articles by other authors, published on the\n"
	    "web and saved as plain text or Markdown to show and test how gloss reads\n"
	    "long English text that cites Russian, Ukrainian and Belarusian sources.  They\n"
	    "are not covered by the licence of gloss.\n",
	    "p:The files of this directory are articles by other authors, published on the web and "
	    "saved as plain text or Markdown to show and test how gloss reads long English text that "
	    "cites Russian, Ukrainian and Belarusian sources.  They are not covered by the licence of "
	    "gloss.", "two spaces after a sentence do not widen the fill column (corpus/README)");
	check_blocks("Apples\nPears\nPlums\n", "p:Apples|p:Pears|p:Plums", "short lines stay apart");
	check_blocks("Intro text here.\n\n- first item\n- second item\n",
	    "p:Intro text here.|li:- first item|li:- second item", "list items");
	check_blocks("> quoted line one that is long enough to be wrapped by a writer\n"
	    "> and its continuation on the next line.\n",
	    "quote:quoted line one that is long enough to be wrapped by a writer and its continuation "
	    "on the next line.", "quote lines joined and unmarked");
	check_blocks("Работа продолжается в течение всего дня и ночи без\n"
	    "перерыва, пока все не будет готово к утру.\n",
	    "p:Работа продолжается в течение всего дня и ночи без перерыва, пока все не будет готово к "
	    "утру.", "Cyrillic wrapped text re-flowed (width in code points)");
}

static void
test_classify(void)
{
	check_blocks("top of page\n\nA Title of the Article\n\nBy Jane Doe\n\n"
	    "March 3, 2024\n\nBody paragraph that is long enough to count as body text. It goes on "
	    "and on with more words, and more words again, so that it is clearly not a title or a "
	    "heading of any kind whatsoever.\n",
	    "p:top of page|title:A Title of the Article|byline:By Jane Doe|date:March 3, 2024|"
	    "p:Body paragraph that is long enough to count as body text. It goes on and on with more "
	    "words, and more words again, so that it is clearly not a title or a heading of any kind "
	    "whatsoever.", "title, byline, date");
	check_blocks("Lead paragraph that runs long, well past two hundred bytes, so that the body is "
	    "taken to have started before any title could appear, which is what happens with some "
	    "magazine scrapes that open with a summary of the piece.\n"
	    "7 декабря 2025 г.\nИван Петров\n",
	    "p:Lead paragraph that runs long, well past two hundred bytes, so that the body is taken to "
	    "have started before any title could appear, which is what happens with some magazine "
	    "scrapes that open with a summary of the piece.|date:7 декабря 2025 г.|byline:Иван Петров",
	    "no title after the body starts; Cyrillic date; name next to a date");
	check_blocks("Intro.\n\nA minister at a meeting\nA minister at a meeting. Source:\n\nText.\n",
	    "p:Intro.|caption:A minister at a meeting|caption:A minister at a meeting. Source:|p:Text.",
	    "caption repeated with a credit");
	check_blocks("Intro.\n\nThe embassy in Minsk.\nPhoto: Someone (CC)\n",
	    "p:Intro.|caption:The embassy in Minsk.|caption:Photo: Someone (CC)", "photo credit line");
	check_blocks("Intro.\n\nIllusionary hopes\nThe circumstances that forced the shift are evident, "
	    "and they were evident to every observer in the region for many years before the war.\n",
	    "p:Intro.|h:Illusionary hopes|p:The circumstances that forced the shift are evident, and "
	    "they were evident to every observer in the region for many years before the war.",
	    "short capitalised line before body text is a heading");
}

static struct doc *
open_corpus(const char *name)
{
	char *path = xasprintf("%s/corpus/%s", getenv("top_srcdir") ? getenv("top_srcdir") : ".",
	    name);
	struct doc *d = NULL;

	doc_open(path, NULL, &d);
	free(path);
	return d;
}

static void
test_corpus_titles(void)
{
	static const struct {
		const char *file, *title;
	} cases[] = {
		{ "lukashenko-occupied-territories-cooperation.txt",
		  "Cooperation of the Lukashenko regime with the Russian-occupied territories of Ukraine" },
		{ "lukashenko-occupied-territories-latushka.txt",
		  "Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine" },
		{ "belarus-weekly-2023-09-22.txt",
		  "Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea" },
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++) {
		struct doc *d = open_corpus(cases[i].file);

		char *title = d ? meta_title(d) : NULL;

		is_str(title, cases[i].title, "title of %s", cases[i].file);
		free(title);
		doc_free(d);
	}
}

/* A long generated text: paragraphs of varying length, numbered. */
static char *
generate(size_t target, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned n = 0;

	while (sb.len < target) {
		unsigned words = 5 + (n * 7919u) % 120;

		for (unsigned w = 0; w < words; w++)
			strbuf_addf(&sb, "%s%s%u", w ? " " : "", (w + n) % 3 ? "слово" : "word", n);
		strbuf_adds(&sb, n % 5 == 4 ? ".\n\n\n" : ".\n\n");
		n++;
	}
	return strbuf_detach(&sb, len);
}

static void
test_chunks_walk(void)
{
	size_t len;
	char *src = generate(700 * 1024, &len);
	struct doc *d = NULL;
	struct doc_loc l, last;
	struct strbuf fwd = STRBUF_INIT, bwd = STRBUF_INIT, whole = STRBUF_INIT;
	unsigned count = 0, back = 0;
	uint64_t off;

	doc_open_mem("big.txt", src, len, NULL, &d);
	ok(d != NULL, "opened a 700 KiB text");
	ok(doc_last(d, &last) && last.chunk >= 9, "last block is in chunk %u (random access)", last.chunk);
	ok(!doc_measured(d), "not measured before idle work");
	ok(!doc_block_offset(d, last, &off), "offset of the last block unknown before measuring");
	doc_first(d, &l);
	do {
		struct doc_block *b = doc_block(d, l);

		strbuf_add(&fwd, b->text, b->len);
		strbuf_addc(&fwd, '\n');
		count++;
	} while (doc_next(d, &l));
	ok(doc_loc_cmp(l, last) == 0, "walking forward ends at doc_last");
	do {
		struct doc_block *b = doc_block(d, l);
		struct strbuf one = STRBUF_INIT;

		strbuf_add(&one, b->text, b->len);
		strbuf_addc(&one, '\n');
		strbuf_add(&one, bwd.buf ? bwd.buf : "", bwd.len);
		strbuf_done(&bwd);
		bwd = one;
		back++;
		doc_trim(d);
	} while (doc_prev(d, &l));
	is_int(back, count, "walking backward visits as many blocks (%u)", count);
	ok(fwd.len == bwd.len && memcmp(fwd.buf, bwd.buf, fwd.len) == 0, "same blocks both ways");
	doc_measure_all(d);
	ok(doc_measured(d), "measured after doc_measure_all");
	doc_text_range(d, 0, doc_text_length(d), &whole);
	is_int((long long)whole.len, (long long)doc_text_length(d), "text range length = text length");
	{
		/* The document text is the blocks joined by "\n\n". */
		struct strbuf joined = STRBUF_INIT;

		doc_first(d, &l);
		do {
			struct doc_block *b = doc_block(d, l);

			if (joined.len)
				strbuf_add(&joined, DOC_SEPARATOR, DOC_SEPARATOR_LEN);
			strbuf_add(&joined, b->text, b->len);
		} while (doc_next(d, &l));
		ok(joined.len == whole.len && memcmp(joined.buf, whole.buf, whole.len) == 0,
		    "document text = blocks joined by the separator");
		strbuf_done(&joined);
	}
	{
		unsigned bad = 0;

		doc_first(d, &l);
		do {
			struct doc_loc found;
			uint32_t in;
			struct doc_block *b = doc_block(d, l);

			if (!doc_block_offset(d, l, &off) || !doc_locate(d, off + b->len / 2, &found, &in) ||
			    doc_loc_cmp(found, l) != 0 || in != b->len / 2 ||
			    memcmp(whole.buf + off, b->text, b->len) != 0)
				bad++;
		} while (doc_next(d, &l));
		is_int(bad, 0, "every block's offset locates back to it");
	}
	strbuf_done(&fwd);
	strbuf_done(&bwd);
	strbuf_done(&whole);
	doc_free(d);
	free(src);
}

static void
test_giant_line(void)
{
	struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT;
	struct doc *d = NULL;
	struct doc_loc l;
	unsigned pieces = 0, joined = 0;

	for (unsigned i = 0; sb.len < 300 * 1024; i++)
		strbuf_addf(&sb, "w%u ", i);
	strbuf_adds(&sb, "end");
	doc_open_mem("line.txt", sb.buf, sb.len, NULL, &d);
	doc_first(d, &l);
	do {
		struct doc_block *b = doc_block(d, l);

		strbuf_add(&text, b->text, b->len);
		pieces++;
		joined += (b->flags & DOC_BLOCK_JOINED) != 0;
	} while (doc_next(d, &l));
	ok(pieces >= 4, "a 300 KiB line is cut into %u pieces", pieces);
	is_int(joined, pieces - 1, "all pieces but the last are JOINED");
	ok(text.len == sb.len && memcmp(text.buf, sb.buf, sb.len) == 0,
	    "the pieces concatenate to the line exactly");
	doc_measure_all(d);
	is_int((long long)doc_text_length(d), (long long)sb.len, "no separators inside the line");
	strbuf_done(&sb);
	strbuf_done(&text);
	doc_free(d);
}

static void
test_boundary_is_local(void)
{
	size_t len;
	char *src = generate(300 * 1024, &len);
	unsigned bad = 0;

	for (uint64_t pos = 1; pos < len; pos += 4093) {
		bool joined;
		uint64_t b = plain_boundary(src, len, pos, &joined);

		if (b < pos || b > pos + PLAIN_WINDOW || joined || src[b - 1] != '\n' ||
		    src[b] == '\n' || (b >= 2 && src[b - 2] != '\n'))
			bad++;
	}
	is_int(bad, 0, "boundaries start a paragraph within the window");
	free(src);
}

static void
test_seek(void)
{
	size_t len;
	char *src = generate(400 * 1024, &len);
	struct doc *d = NULL;
	struct doc_loc l;
	unsigned bad = 0;

	doc_open_mem("seek.txt", src, len, NULL, &d);
	for (uint64_t pos = 0; pos < len; pos += 9973) {
		struct doc_block *b;

		if (!doc_seek_source(d, pos, &l) || (b = doc_block(d, l)) == NULL || b->src_end <= pos ||
		    (b->src_start > pos && doc_prev(d, &l) && doc_block(d, l)->src_end > pos))
			bad++;
	}
	is_int(bad, 0, "doc_seek_source finds the block at or after a source offset");
	doc_free(d);
	free(src);
}

static void
test_binary(void)
{
	struct doc *d = NULL;
	static const char bin[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
	const char *hostile = "Title\n\nText with \x1B]0;pwned\x07 and \x1B[2J and \xC2\x9B" "31m and "
	    "\xE2\x80\xAE reversed.\n";

	is_int(doc_open_mem("a.out", bin, sizeof bin, NULL, &d), GLOSS_EBINARY, "binary refused");
	{
		struct doc_options opt = { .force = true, .format = -1 };

		is_int(doc_open_mem("a.out", bin, sizeof bin, &opt, &d), GLOSS_OK, "--force opens it");
		doc_free(d);
	}
	is_int(doc_open_mem("h.txt", hostile, strlen(hostile), NULL, &d), GLOSS_OK,
	    "a text with a few escape sequences is a document");
	doc_free(d);
	is_int(doc_open("/", NULL, &d), GLOSS_EISDIR, "directory refused");
	is_int(doc_open("/nonexistent/file.txt", NULL, &d), GLOSS_ENOENT, "missing file");
}

int
main(void)
{
	test_paragraphs();
	test_reflow();
	test_classify();
	test_corpus_titles();
	test_chunks_walk();
	test_giant_line();
	test_boundary_is_local();
	test_seek();
	test_binary();
	return tap_done();
}
