/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_mdchunks — a Markdown file read in chunks gives the same blocks as
 * the whole file parsed at once: kind, level, flags that show (tight,
 * rules aside) and text, block for block.  Chunks are cut at every
 * boundary markdown_boundary() finds (every position tried), for each
 * example of the CommonMark 0.31.2 and GFM specs, the corpus's Markdown
 * article, and a generated file of several megabytes cut at the real chunk
 * size.  Sources with footnotes are left out: a chunked file resolves them
 * within their chunk; and the title, byline and date are classified in the
 * first chunk only (so they compare as headings and paragraphs).
 */
#include "gloss/gloss.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/doc_ahead.h"
#include "gloss/json.h"
#include "gloss/markdown.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

/* The blocks of src[a, z) parsed as one chunk, one line each, appended to out. */
static void
parse_part(const char *src, size_t n, uint64_t a, uint64_t z, unsigned flags, struct strbuf *out)
{
	struct doc_builder *b = doc_build_new();
	struct doc_build_chunk *c;

	doc_build_set_file_size(b, n);
	if (a < z)
		markdown_loader.parse(src, a, z, flags, 8, b);
	c = doc_build_finish(b);
	for (uint32_t i = 0; i < c->nblocks; i++) {
		const struct doc_block *bl = &c->blocks[i];

		enum doc_kind kind = bl->kind;

		/* the title, byline and date are looked for in the first chunk only */
		if (kind == DOC_TITLE)
			kind = DOC_HEADING;
		else if (kind == DOC_BYLINE || kind == DOC_DATE)
			kind = DOC_PARAGRAPH;
		strbuf_addf(out, "%s%u %s|", doc_kind_label(kind), bl->level,
		    bl->label && !(bl->flags & DOC_BLOCK_TABLE) ? bl->label : "");
		strbuf_add(out, bl->text, bl->len);
		strbuf_addc(out, '\n');
	}
	doc_build_chunk_free(c);
}

/* Chunked at boundary(k * step) for every k; returns the number of chunks. */
static size_t
chunked(const char *src, size_t n, uint64_t step, struct strbuf *out)
{
	uint64_t a = 0, k = 1;
	size_t chunks = 0;
	bool joined;

	while (a < n) {
		uint64_t z;

		do
			z = markdown_boundary(src, n, k++ * step, &joined);
		while (z <= a && k * step <= n + step);
		if (z <= a)
			z = n;
		parse_part(src, n, a, z, a == 0 ? DOC_PARSE_FIRST : 0, out);
		chunks++;
		a = z;
	}
	return chunks;
}

/* Compares; returns whether equal (one test when verbose, else only failures). */
static bool
same(const char *src, size_t n, uint64_t step, const char *what, bool verbose)
{
	struct strbuf whole = STRBUF_INIT, parts = STRBUF_INIT;
	size_t chunks;
	bool eq;

	parse_part(src, n, 0, n, DOC_PARSE_FIRST | DOC_PARSE_WHOLE, &whole);
	chunks = chunked(src, n, step, &parts);
	eq = whole.len == parts.len && memcmp(strbuf_str(&whole), strbuf_str(&parts), whole.len) == 0;
	if (verbose || !eq) {
		if (!eq)
			is_str(strbuf_str(&parts), strbuf_str(&whole), "%s: chunked (%zu chunks) = whole", what,
			    chunks);
		else
			ok(1, "%s: chunked (%zu chunks) = whole", what, chunks);
	}
	strbuf_done(&whole);
	strbuf_done(&parts);
	return eq;
}

static char *
slurp(const char *path, size_t *n)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t r;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, r);
	fclose(f);
	*n = sb.len;
	return strbuf_detach(&sb, NULL);
}

static void
test_spec(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/data/commonmark/%s", top ? top : ".", name);
	struct json_value *v = NULL;
	size_t n, cut = 0, equal = 0, tried = 0;
	char *src = slurp(path, &n);

	if (src == NULL || json_parse(src, n, &v) != GLOSS_OK) {
		ok(0, "%s is read", name);
		free(src);
		free(path);
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		const char *md = json_str(json_get(&v->items[i], "markdown"));
		char what[64];
		struct strbuf parts = STRBUF_INIT;

		if (strstr(md, "[^"))
			continue;
		tried++;
		cut += chunked(md, strlen(md), 1, &parts) > 1;
		strbuf_done(&parts);
		snprintf(what, sizeof what, "%s example %d", name,
		    (int)json_get(&v->items[i], "example")->number);
		equal += same(md, strlen(md), 1, what, false);
	}
	is_int((long long)equal, (long long)tried, "%s: every example chunked = whole", name);
	ok(cut > tried / 8, "%s: %zu of %zu examples were cut into chunks", name, cut, tried);
	json_free(v);
	free(src);
	free(path);
}

static void
test_corpus(void)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/corpus/belarusian-ukrainian-relations-brink-of-war.md",
	    top ? top : ".");
	size_t n;
	char *src = slurp(path, &n);

	ok(src != NULL, "the corpus article is read");
	if (src) {
		same(src, n, 1, "corpus article, every boundary", true);
		same(src, n, 4096, "corpus article, 4 KiB chunks", true);
	}
	free(src);
	free(path);
}

/* A generated file of about size bytes: headings, lists, quotes, code, tables, HTML, references. */
static void
test_generated(size_t size)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const parts[] = {
		"## Раздел %d\n\nАбзац с *выделением* и [ссылкой][r%d], текст продолжается\nна второй строке.\n\n",
		"- пункт %d\n- ещё пункт\n\n  продолжение пункта\n\nпосле списка\n\n",
		"> цитата %d\n>\n> вторая часть цитаты\n\nпосле цитаты\n\n",
		"```sh\n# комментарий %d\n\nне заголовок\n```\n\n",
		"| A | Б %d |\n|---|--:|\n| 1 | 2 |\n\n",
		"<div>\nHTML %d\n\nпосле HTML\n\n<pre>\nкод %d\n\nвнутри pre\n</pre>\n\n",
		"1. первый %d\n2. второй\n\n   абзац пункта\n\nText after.\n\n",
	};
	int i = 0;

	while (sb.len < size) {
		strbuf_addf(&sb, parts[i % GLOSS_ARRAY_SIZE(parts)], i, i % 50);
		i++;
	}
	for (int r = 0; r < 50; r++)
		strbuf_addf(&sb, "[r%d]: https://example.org/%d\n", r, r);
	same(sb.buf, sb.len, MARKDOWN_CHUNK_SIZE, "generated file, 16 KiB chunks (the loader's)", true);
	same(sb.buf, sb.len, DOC_CHUNK_SIZE, "generated file, 64 KiB chunks", true);
	same(sb.buf, sb.len, 777, "generated file, small chunks", true);
	strbuf_done(&sb);
}

/*
 * An HTML comment left open over 130 KiB: the window of chunk 1 sees it
 * opened, that of chunk 2 does not; the boundaries must still never
 * decrease (chunks once overlapped, and text was shown twice).
 */
static void
test_monotonic(void)
{
	struct strbuf sb = STRBUF_INIT;
	uint64_t prev = 0;
	bool up = true, joined;
	int i = 0;

	while (sb.len < 40000)
		strbuf_addf(&sb, "Paragraph %d.\n\n", i++);
	strbuf_adds(&sb, "<!-- a comment left open\n\n");
	while (sb.len < 300000)
		strbuf_addf(&sb, "Paragraph %d.\n\n", i++);
	for (uint32_t k = 1; k * (uint64_t)MARKDOWN_CHUNK_SIZE < sb.len; k++) {
		uint64_t b = markdown_boundary(sb.buf, sb.len, k * (uint64_t)MARKDOWN_CHUNK_SIZE, &joined);

		up = up && b >= prev && b >= k * (uint64_t)MARKDOWN_CHUNK_SIZE;
		prev = b;
	}
	ok(up, "chunk boundaries never decrease, whatever each window's scan state");
	strbuf_done(&sb);
}

/* A file over MARKDOWN_WHOLE_MAX opens in chunks: first and last blocks without the rest. */
static void
test_doc(void)
{
	struct doc_options opt = { .format = -1 };
	struct strbuf sb = STRBUF_INIT;
	struct doc *doc = NULL;
	struct doc_loc loc;
	int i = 0;

	strbuf_adds(&sb, "# Большой файл\n\nСсылка на [конец][end].\n\n");
	while (sb.len <= MARKDOWN_WHOLE_MAX)
		strbuf_addf(&sb, "## Раздел %d\n\nТекст раздела %d, с *выделением*.\n\n", i, i), i++;
	strbuf_adds(&sb, "Последний абзац.\n\n[end]: https://example.org/end\n");
	ok(doc_open_mem("big.md", sb.buf, sb.len, &opt, &doc) == GLOSS_OK, "a %zu-byte file opens", sb.len);
	ok(doc_chunk_count(doc) > 100, "it is read in chunks (%u)", doc_chunk_count(doc));
	ok(doc_first(doc, &loc) && doc_block(doc, loc)->kind == DOC_TITLE, "the first block is its title");
	ok(doc_next(doc, &loc) && strcmp(doc_block(doc, loc)->text, "Ссылка на конец.") == 0,
	    "a reference to a definition at the end resolves");
	ok(doc_last(doc, &loc) && strcmp(doc_block(doc, loc)->text, "Последний абзац.") == 0,
	    "the last block, at once");
	ok(!doc_measured(doc), "without measuring the chunks between");
	doc_free(doc);
	strbuf_done(&sb);
}

/* The blocks from the last one back, n of them, as "kind text\n" lines. */
static void
tail_text(struct doc *doc, int n, struct strbuf *out)
{
	struct doc_loc loc;
	bool more = doc_last(doc, &loc);

	for (; more && n-- > 0; more = doc_prev(doc, &loc)) {
		struct doc_block *b = doc_block(doc, loc);

		strbuf_addf(out, "%s %s\n", doc_kind_label(b->kind), b->text);
	}
}

/* The end parsed ahead on a thread (doc_ahead) is the end parsed where it is needed. */
static void
test_ahead(void)
{
	struct doc_options opt = { .format = DOC_FORMAT_MARKDOWN, .chunked = true };
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT, got = STRBUF_INIT;
	struct doc *plain = NULL, *ahead = NULL, *dropped = NULL;
	int i = 0;

	while (sb.len < 300000)
		strbuf_addf(&sb, "## Раздел %d\n\nТекст раздела %d, с *выделением* и [ссылкой][r].\n\n"
		    "- пункт %d\n- пункт\n\n", i, i, i), i++;
	strbuf_adds(&sb, "Последний абзац.\n\n[r]: https://example.org/r\n");
	if (doc_open_mem("a.md", sb.buf, sb.len, &opt, &plain) == GLOSS_OK &&
	    doc_open_mem("a.md", sb.buf, sb.len, &opt, &ahead) == GLOSS_OK &&
	    doc_open_mem("a.md", sb.buf, sb.len, &opt, &dropped) == GLOSS_OK) {
		doc_ahead_start(ahead);
		doc_ahead_start(dropped);
		tail_text(plain, 60, &want);
		tail_text(ahead, 60, &got);
	}
	ok(want.len > 0 && doc_chunk_count(ahead) > 30, "a %zu-byte file of %u chunks", sb.len,
	    ahead ? doc_chunk_count(ahead) : 0);
	is_str(strbuf_str(&got), strbuf_str(&want), "its last 60 blocks, parsed ahead on a thread, are "
	    "those parsed where needed");
	doc_free(dropped);	/* joins the thread, frees what it parsed */
	doc_free(ahead);
	doc_free(plain);
	strbuf_done(&sb);
	strbuf_done(&want);
	strbuf_done(&got);
}

/* A file that shrank under its mapping: the thread reads NUL bytes, the program lives on. */
static void
test_ahead_shrunk(void)
{
	struct doc_options opt = { .format = DOC_FORMAT_MARKDOWN, .chunked = true };
	char path[] = "/tmp/gloss-ahead-XXXXXX";
	int fd = mkstemp(path);
	struct doc *doc = NULL;
	struct doc_loc loc;
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	for (int i = 0; f && i < 220000; i++)	/* over MARKDOWN_WHOLE_MAX: mapped, not copied */
		fprintf(f, "Paragraph %d of a file that will shrink.\n\n", i);
	if (f)
		fclose(f);
	if (doc_open(path, &opt, &doc) == GLOSS_OK && truncate(path, 4096) == 0)
		doc_ahead_start(doc);
	ok(doc && doc_last(doc, &loc), "a file that shrank after it was opened, its end parsed ahead: "
	    "the last block is there (NUL bytes read as the text)");
	ok(doc && doc_source_damaged(doc), "and the document knows its source was damaged");
	doc_free(doc);
	unlink(path);
}

int
main(void)
{
	test_doc();
	test_ahead();
	test_ahead_shrunk();
	test_monotonic();
	test_spec("spec-0.31.2.json");
	test_spec("gfm-0.29-extensions.json");
	test_corpus();
	test_generated(3u << 20);
	return tap_done();
}
