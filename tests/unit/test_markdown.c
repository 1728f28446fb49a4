/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_markdown — the Markdown loader and sniffer, through doc_open_mem()
 * and doc_open() so that the whole path (sanitising, NFC, builder, chunk,
 * walking) is exercised.
 *
 * Each block is described by one line:
 *   KIND[LEVEL][ [LABEL]][ rule][ rule-after][ tight][ #NUMBER][ in-note] | TEXT {SPAN START-END[ URL]}…
 * with "\n" inside the text written as a backslash and an n.
 * "tests/unit/test_markdown FILE" prints these lines for FILE.
 */
#include "gloss/gloss.h"
#include "../lib/tap.h"

#include "gloss/doc.h"
#include "gloss/markdown.h"
#include "gloss/meta.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

static const char *const span_names[] = {
	[DOC_SPAN_EMPH] = "emph", [DOC_SPAN_STRONG] = "strong", [DOC_SPAN_CODE] = "code",
	[DOC_SPAN_LINK] = "link", [DOC_SPAN_SUP] = "sup", [DOC_SPAN_STRIKE] = "strike",
	[DOC_SPAN_NOTEREF] = "noteref",
};

static void
describe(const struct doc_block *b, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_adds(out, doc_kind_label(b->kind));
	if (b->level)
		strbuf_addf(out, "%d", b->level);
	if (b->label)
		strbuf_addf(out, " [%s]", b->label);
	if (b->flags & DOC_BLOCK_RULE_BEFORE)
		strbuf_adds(out, " rule");
	if (b->flags & DOC_BLOCK_RULE_AFTER)
		strbuf_adds(out, " rule-after");
	if (b->flags & DOC_BLOCK_TIGHT)
		strbuf_adds(out, " tight");
	if (b->number)
		strbuf_addf(out, " #%s", b->number);
	if (b->flags & DOC_BLOCK_IN_NOTE)
		strbuf_adds(out, " in-note");
	strbuf_adds(out, " | ");
	for (uint32_t i = 0; i < b->len; i++) {
		if (b->text[i] == '\n')
			strbuf_adds(out, "\\n");
		else
			strbuf_addc(out, b->text[i]);
	}
	for (uint32_t i = 0; i < b->nspans; i++) {
		const struct doc_span *sp = &b->spans[i];

		strbuf_addf(out, " {%s %u-%u%s%s}", span_names[sp->kind], sp->start, sp->end,
		    sp->url ? " " : "", sp->url ? sp->url : "");
	}
}

static struct doc *
open_md(const char *name, const char *src)
{
	struct doc_options opt = { .format = -1 };
	struct doc *doc = NULL;

	if (doc_open_mem(name, src, strlen(src), &opt, &doc) != GLOSS_OK)
		return NULL;
	return doc;
}

/* Compares every block of doc with want[] (NULL-terminated), one test per block. */
static void
check_doc(struct doc *doc, const char *const *want, const char *what)
{
	struct strbuf line = STRBUF_INIT;
	struct doc_loc loc;
	size_t i = 0;
	bool more = doc && doc_first(doc, &loc);

	ok(doc && doc_format(doc) == DOC_FORMAT_MARKDOWN, "%s: read as Markdown", what);
	for (; more; more = doc_next(doc, &loc), i++) {
		describe(doc_block(doc, loc), &line);
		if (want[i] == NULL) {
			is_str(line.buf, "(no more blocks)", "%s: block %zu", what, i);
			break;
		}
		is_str(line.buf, want[i], "%s: block %zu", what, i);
	}
	if (!more && want[i] != NULL)
		is_str("(no more blocks)", want[i], "%s: block %zu", what, i);
	strbuf_done(&line);
}

static void
check_md(const char *src, const char *const *want, const char *what)
{
	struct doc *doc = open_md("test.md", src);

	check_doc(doc, want, what);
	doc_free(doc);
}

static int
dump(const char *path)
{
	struct doc_options opt = { .format = -1, .force = true };
	struct strbuf line = STRBUF_INIT;
	struct doc *doc;
	struct doc_loc loc;

	if (doc_open(path, &opt, &doc) != GLOSS_OK) {
		fprintf(stderr, "%s\n", error_last(GLOSS_EIO));
		return 1;
	}
	for (bool more = doc_first(doc, &loc); more; more = doc_next(doc, &loc)) {
		struct doc_block *b = doc_block(doc, loc);

		describe(b, &line);
		printf("%llu-%llu %s\n", (unsigned long long)b->src_start,
		    (unsigned long long)b->src_end, line.buf);
	}
	strbuf_done(&line);
	doc_free(doc);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Crafted documents: one block type or span type at a time */

static void
test_inline_spans(void)
{
	static const char *const want[] = {
		"p | Intro emph strong code link gone https://auto.example/x www.example.com "
		    "second line\\nafter break\\nend {emph 6-10} {strong 11-17} {code 18-22} "
		    "{link 23-27 https://example.org} {strike 28-32} "
		    "{link 33-55 https://auto.example/x} {link 56-71 http://www.example.com}",
		"p | Nested strong and emph end {strong 0-22} {emph 7-22} {link 14-17 /u}",
		"p | Tabs a  b, spaces kept  inside one text",
		NULL
	};

	check_md("Intro *emph* **strong** `code` [link](https://example.org \"t\") ~~gone~~ "
	    "<https://auto.example/x> www.example.com\nsecond line  \nafter break\\\nend\n\n"
	    "**Nested *strong [and](/u) emph*** end\n\n"
	    "Tabs a\tb,\n   spaces kept  inside one text\n", want, "inline spans");
}

/*
 * The URLs of a block's links are kept in one buffer per block: each link
 * keeps its own, an empty link (dropped) leaves the others in place, the
 * next block starts afresh, and the NFC pass (a combining mark after
 * markup, normalised piece by piece) keeps them on their links.
 */
static void
test_link_urls(void)
{
	static const char *const want[] = {
		"p | a b c {link 0-1 https://a.example/1} {link 2-3 https://b.example/3} "
		    "{link 4-5 https://c.example/4}",
		"p | d {link 0-1 /d}",
		"p | x e\xCC\x81 y {link 0-1 /x} {emph 2-3} {link 6-7 /y}",
		NULL
	};

	check_md("[a](https://a.example/1) [](https://gone.example/2) [b](https://b.example/3) "
	    "[c](https://c.example/4)\n\n[d](/d)\n\n[x](/x) *e*\xCC\x81 [y](/y)\n", want,
	    "link URLs");
}

/* Line breaks found by memchr: LF, CR LF and a bare CR, in one file. */
static void
test_bare_cr(void)
{
	static const char src[] = "# A\r\rB one\rB two\n\nC\r\n";
	static const uint64_t ranges[][2] = { { 0, 3 }, { 5, 16 }, { 18, 19 } };
	struct doc *doc = open_md("cr.md", src);
	struct doc_loc loc;
	size_t i = 0;

	for (bool more = doc && doc_first(doc, &loc); more; more = doc_next(doc, &loc), i++) {
		struct doc_block *b = doc_block(doc, loc);

		if (i < GLOSS_ARRAY_SIZE(ranges)) {
			is_int((long long)b->src_start, (long long)ranges[i][0], "CR: block %zu start", i);
			is_int((long long)b->src_end, (long long)ranges[i][1], "CR: block %zu end", i);
		}
	}
	is_int((long long)i, 3, "CR: three blocks");
	doc_free(doc);
}

/*
 * cmark-gfm's tree lives in markdown_mem's regions: blocks over its size
 * classes (a code block of 6,000 bytes, a paragraph of 3,000 links whose
 * content grows by realloc) and a second parse after the first tree was
 * dropped read the same.
 */
static void
test_big_nodes(void)
{
	struct strbuf src = STRBUF_INIT, first = STRBUF_INIT, line = STRBUF_INIT;
	char want[64];

	strbuf_adds(&src, "```\n");
	for (int i = 0; i < 100; i++)
		strbuf_addf(&src, "%059d\n", i);
	strbuf_adds(&src, "```\n\n");
	for (int i = 0; i < 3000; i++)
		strbuf_addf(&src, "[w%d](https://example.org/%d) ", i, i);
	strbuf_adds(&src, "\n");
	for (int round = 0; round < 2; round++) {
		struct doc *doc = open_md("big.md", src.buf);
		struct doc_loc loc;
		size_t n = 0;

		strbuf_reset(&line);
		for (bool more = doc && doc_first(doc, &loc); more; more = doc_next(doc, &loc), n++) {
			struct doc_block *b = doc_block(doc, loc);

			if (n == 0)
				is_int((long long)b->len, 100 * 60 - 1, "big nodes %d: the code block's text", round);
			if (n == 1) {
				is_int((long long)b->nspans, 3000, "big nodes %d: 3,000 links", round);
				snprintf(want, sizeof want, "https://example.org/%d", 2999);
				is_str(b->nspans ? b->spans[b->nspans - 1].url : "", want,
				    "big nodes %d: the last link's URL", round);
			}
			describe(b, &line);
		}
		is_int((long long)n, 2, "big nodes %d: two blocks", round);
		if (round == 0)
			strbuf_adds(&first, line.buf);
		else
			ok(strcmp(first.buf, line.buf) == 0, "big nodes: the second parse reads the same");
		doc_free(doc);
	}
	strbuf_done(&src);
	strbuf_done(&first);
	strbuf_done(&line);
}

static void
test_front_matter(void)
{
	static const char *const want[] = {
		"p | Masthead\\nName",
		"title1 | The Title {emph 4-9}",
		"byline | By Jane Roe {emph 0-11}",
		"date | March 3, 2024 {strong 0-13}",
		"p | Analytical Article 2024",
		"h2 | Section",
		"h1 | Second top",
		"p | By 2030 the plan ends. {strong 0-22}",
		"p | 7 December 2025",
		NULL
	};
	static const char *const late[] = {
		"h2 | Early section",
		"h1 | Not a title",
		NULL
	};
	static const char *const not_byline[] = {
		"title1 | T",
		"p | Intro.",
		"p | By Someone Else {strong 0-15}",
		NULL
	};

	check_md("Masthead  \nName\n\n# The *Title*\n\n*By Jane Roe*\n\n**March 3, 2024**\n\n"
	    "Analytical Article 2024\n\n## Section\n\n# Second top\n\n"
	    "**By 2030 the plan ends.**\n\n7 December 2025\n", want, "front matter");
	static const char *const yaml[] = {
		"title1 | Heading",
		"p | Text.",
		NULL
	};
	static const char *const toml[] = { "p | Body.", NULL };
	static const char *const rule[] = { "h2 rule | Text", NULL };
	const char *src = "---\ntitle: 'Разметка'\ndraft: true\n---\n\n# Heading\n\nText.\n";
	struct doc *doc = open_md("fm.md", src);
	struct doc_loc loc;

	check_md(src, yaml, "YAML front matter: no text");
	check_md("+++\ntitle = \"x\"\n+++\nBody.\n", toml, "TOML front matter: no text");
	check_md("---\n\nText\n---\n", rule, "a rule, not front matter");
	ok(doc && doc_first(doc, &loc) && doc_block(doc, loc)->src_start == (uint64_t)(strstr(src, "# Heading") - src),
	    "front matter: the first block's source starts after it");
	doc_free(doc);
	check_md("## Early section\n\n# Not a title\n", late, "title after a heading");
	check_md("# T\n\nIntro.\n\n**By Someone Else**\n", not_byline, "byline not after title");
}

static void
test_long_first_paragraph(void)
{
	struct strbuf src = STRBUF_INIT;
	struct doc *doc;
	struct doc_loc loc;
	char *title;

	for (int i = 0; i < 30; i++)
		strbuf_adds(&src, "Body text. ");
	strbuf_adds(&src, "\n\n# Heading\n");
	doc = open_md("long.md", strbuf_str(&src));
	ok(doc && doc_first(doc, &loc) && doc_next(doc, &loc), "long first paragraph: two blocks");
	if (doc) {
		struct doc_block *b = doc_block(doc, loc);

		is_str(doc_kind_label(b->kind), "h", "a level-1 heading after the body: heading");
		is_int(b->level, 1, "... of level 1");
		title = meta_title(doc);
		is_str(title, "Heading", "... and the title is that first heading");
		free(title);
	}
	doc_free(doc);
	strbuf_done(&src);
}

static void
test_lists(void)
{
	static const char *const want[] = {
		"li1 [•] | one",
		"li1 [•] | two",
		"li2 [•] tight | inner a {emph 6-7}",
		"li2 [•] | inner b",
		"li1 | two continued",
		"li1 [3.] tight | three",
		"li1 [4.] | four",
		"li1 [1)] | paren",
		"li2 [7.] tight | seven",
		"li3 [•] | deep",
		"li1 [•] | with code",
		"code | code line",
		NULL
	};

	check_md("- one\n- two\n  - inner *a*\n  - inner b\n\n  two continued\n\n"
	    "3. three\n4. four\n\n1) paren\n\n   7. seven\n      * deep\n\n"
	    "- with code\n\n      code line\n", want, "lists");
}

/* Every item keeps its marker whatever its first block; empty items stay; tight lists are tight. */
static void
test_list_markers(void)
{
	static const char *const want[] = {
		"quote1 [•] | quoted",
		"code [•] | code",
		"li3 [1. • 2.] | foo",
		"p | text",
		"li1 [1.] tight | foo",
		"li1 [2.] tight | ",
		"li1 [3.] | bar",
		"li1 [\xE2\x98\x90] tight | open",
		"li1 [\xE2\x98\x91] | done",
		"li1 [3) \xE2\x98\x90] | numbered task",
		"h2 [•] rule-after | heading",
		NULL
	};

	check_md("- > quoted\n\n- ```\n  code\n  ```\n\n1. - 2. foo\n\n"
	    "text\n\n1. foo\n2.\n3. bar\n\n- [ ] open\n- [x] done\n\n3) [ ] numbered task\n\n"
	    "- ## heading\n\n***\n", want, "list markers");
}

static void
test_quotes(void)
{
	static const char *const want[] = {
		"quote1 | quote q {strong 6-7}",
		"quote2 | nested",
		"li1 [•] | in list",
		"quote1 | back",
		"p | outside",
		NULL
	};

	check_md("> quote **q**\n>\n> > nested\n> > - in list\n>\n> back\n\noutside\n", want,
	    "quotes");
}

static void
test_code(void)
{
	static const char *const want[] = {
		"code | int     x;\\n        y();",
		"code | indented        tab",
		"code |   two spaces\\n\\nafter blank",
		"p | code `x` {code 5-8}",
		NULL
	};

	check_md("```c\nint\tx;\n\ty();\n\n```\n\n    indented\ttab\n\n"
	    "~~~\n  two spaces\n\nafter blank\n~~~\n\ncode `` `x` ``\n", want, "code");
}

static void
test_html(void)
{
	static const char *const inl[] = {
		/* &#0; is U+FFFD; e&#769; is composed to U+00E9 */
		"p | Textiv and H2O bold x\\ny\\nz & — Б \xEF\xBF\xBD \xC3\xA9 {sup 4-6}",
		"p | a1b2 {sup 1-2} {sup 3-4}",
		NULL
	};
	static const char *const block[] = {
		"p | Para & one &bogus; a < b \xC2\xA0x",
		"p | Second <p> 2 {sup 11-12}",
		"p rule | End of div",
		"p | a b",
		"p | After",
		NULL
	};

	check_md("Text<sup>iv</sup> and H<sub>2</sub>O <b>bold</b> <!-- c --> x<br>y <br/> z "
	    "&amp; &mdash; &#1041; &#0; e&#769;\n\na<SUP>1</sup>b<sup>2\n", inl, "inline HTML");
	check_md("<div class=\"x\">\nPara &amp; one &bogus; a < b &nbsp;x\n"
	    "<p>Second &lt;p&gt; <sup>2</sup></p>\n<script>var x = \"<p>\";</script>\n"
	    "<style>p { }</style>\n<hr>\nEnd of div\n</div>\n\n<!-- a\ncomment -->\n\n"
	    "<table><tr><td>a</td><td>b</td></tr></table>\n\nAfter\n", block, "HTML blocks");
}

static void
test_footnotes(void)
{
	static const char *const want[] = {
		"p | Note1 and2 again1 and missing[^zz]. {noteref 4-5 n1} "
		    "{noteref 9-10 long-label} {noteref 16-17 n1}",
		"p | Last paragraph.",
		"note [n1] #1 in-note | First note.",
		"note in-note | Second paragraph.",
		"note [long-label] #2 in-note | Long note. {emph 5-9}",
		NULL
	};

	check_md("Note[^n1] and[^long-label] again[^n1] and missing[^zz].\n\n"
	    "[^n1]: First note.\n\n    Second paragraph.\n[^long-label]: Long *note*.\n"
	    "[^unused]: never.\n\nLast paragraph.\n", want, "footnotes");
}

static void
test_tables(void)
{
	static const char *const want[] = {
		"p [H;-,4,0,4;r,8,9,25] tight | Name │ Значение {strong 0-25}",
		"p [T;-,4,0,3;r,8,8,10] tight | a b │ в {emph 2-3}",
		"p [T;-,4,0,0;r,8,4,9] | │ empty",
		"p | after",
		NULL
	};

	check_md("| Name | Значение |\n|------|---:|\n| a *b* | в |\n| | empty |\n\nafter\n", want,
	    "tables");
}

static void
test_rules_and_images(void)
{
	static const char *const rules[] = {
		"p rule | First",
		"h2 rule rule-after | Second",
		NULL
	};
	static const char *const images[] = {
		"caption | Alt text {emph 4-8}",
		"caption | Linked {link 0-6 https://x}",
		"p | Inline pic image.",
		"p | End",
		NULL
	};

	check_md("***\n\nFirst\n\n---\n\n---\n\n## Second\n\n* * *\n", rules, "thematic breaks");
	check_md("![Alt *text*](img.png)\n\n[![Linked](i.png)](https://x)\n\n"
	    "Inline ![pic](p.png) image.\n\n![](empty.png)\n\nEnd\n", images, "images");
}

static void
test_cyrillic(void)
{
	static const char *const want[] = {
		"title1 | Беларусь і Украіна",
		"p | Тэкст з націскам і спасылкай — «цытата». {emph 14-30} "
		    "{link 34-52 https://by.example/}",
		"quote1 | Цитата по-русски",
		"li1 [•] | Пункт першы",
		NULL
	};

	check_md("# Беларусь і Украіна\n\nТэкст з *націскам* і [спасылкай](https://by.example/) "
	    "— «цытата».\n\n> Цитата по-русски\n\n- Пункт першы\n", want, "Cyrillic");
}

/* Source ranges and the cleaning done before parsing. */
static void
test_source_and_cleaning(void)
{
	static const char src[] = "# Title\r\n\r\nPara one\r\nline two\r\n\r\n- item\r\n";
	static const uint64_t ranges[][2] = { { 0, 7 }, { 11, 29 }, { 35, 39 } };
	static const char *const dirty[] = {
		"p | A\xEF\xBF\xBD" "B \xEF\xBF\xBD end Caf\xC3\xA9",
		NULL
	};
	struct doc *doc = open_md("crlf.md", src);
	struct doc_loc loc;
	size_t i = 0;

	for (bool more = doc && doc_first(doc, &loc); more; more = doc_next(doc, &loc), i++) {
		struct doc_block *b = doc_block(doc, loc);

		if (i < GLOSS_ARRAY_SIZE(ranges)) {
			long long a = (long long)b->src_start, z = (long long)b->src_end;

			is_int(a, (long long)ranges[i][0], "CRLF: block %zu start", i);
			is_int(z, (long long)ranges[i][1], "CRLF: block %zu end", i);
		}
		if (i == 1)
			is_str(b->text, "Para one line two", "CRLF: soft break is a space");
	}
	is_int((long long)i, 3, "CRLF: three blocks");
	doc_free(doc);

	doc = NULL;
	{
		struct doc_options opt = { .format = -1 };
		static const char raw[] = "A\0B \xFF end Cafe\xCC\x81\n";

		if (doc_open_mem("dirty.md", raw, sizeof raw - 1, &opt, &doc) == GLOSS_OK)
			check_doc(doc, dirty, "NUL, invalid UTF-8, NFC");
		doc_free(doc);
	}
}

/* A combining mark at the very end of a string (text_nfc's fast path once missed it). */
static void
test_nfc_at_end(void)
{
	struct strbuf out = STRBUF_INIT;

	text_nfc("e\xCC\x81", 3, &out);
	is_str(out.buf, "\xC3\xA9", "text_nfc composes a final combining mark");
	strbuf_reset(&out);
	text_nfc("\xD0\x98\xCC\x86", 4, &out);
	is_str(out.buf, "\xD0\x99", "text_nfc composes И + breve into Й");
	strbuf_done(&out);
}

static void
test_empty(void)
{
	static const char *const inputs[] = {
		"", "\n\n   \n", "<!-- only a comment -->\n", "---\n",
	};
	struct doc_loc loc;

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(inputs); i++) {
		struct doc *doc = open_md("empty.md", inputs[i]);

		ok(doc && !doc_first(doc, &loc), "empty document %zu has no blocks", i);
		doc_free(doc);
	}
}

/* ------------------------------------------------------------------ */
/* The corpus article */

static char *
corpus_path(const char *name)
{
	const char *top = getenv("top_srcdir");

	return xasprintf("%s/corpus/%s", top ? top : ".", name);
}

#define ARTICLE "belarusian-ukrainian-relations-brink-of-war.md"

static const char *const numerals[] = {
	"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
};

/* Appends the text of every SUP span of b to out, space-separated. */
static void
sup_texts(const struct doc_block *b, struct strbuf *out)
{
	for (uint32_t i = 0; i < b->nspans; i++)
		if (b->spans[i].kind == DOC_SPAN_SUP)
			strbuf_addf(out, "%s%.*s", out->len ? " " : "", (int)(b->spans[i].end -
			    b->spans[i].start), b->text + b->spans[i].start);
}

static void
check_endnote(const struct doc_block *b, int k)
{
	size_t n = strlen(numerals[k]);

	ok(b->kind == DOC_PARAGRAPH && b->nspans > 0 && b->spans[0].kind == DOC_SPAN_SUP &&
	    b->spans[0].start == 0 && b->spans[0].end == n &&
	    strncmp(b->text, numerals[k], n) == 0 && b->text[n] == ' ',
	    "endnote %s starts with its superscript marker", numerals[k]);
}

static void
check_article_front(struct doc *doc)
{
	static const char *const want[] = {
		"p | Belarus\\nResearch\\nNetwork\\non Neighborhood\\nPolicy",
		"title1 | Belarusian-Ukrainian Relations: On the Brink of War "
		    "{emph 0-51} {strong 0-51}",
		"byline | By Dr. Roza Turarbekova {strong 0-23}",
		"p | Analytical Article\\n2024 {strong 0-23}",
		"h2 | Introduction",
	};
	struct strbuf line = STRBUF_INIT;
	struct doc_loc loc;
	size_t i = 0;
	char *title;

	title = meta_title(doc);
	is_str(title, "Belarusian-Ukrainian Relations: On the Brink of War", "article: title");
	free(title);
	for (bool more = doc_first(doc, &loc); more && i < GLOSS_ARRAY_SIZE(want);
	    more = doc_next(doc, &loc), i++) {
		describe(doc_block(doc, loc), &line);
		is_str(line.buf, want[i], "article: block %zu", i);
	}
	doc_first(doc, &loc);
	doc_next(doc, &loc);
	is_int((long long)doc_block(doc, loc)->src_start, 61, "article: title source start");
	is_int((long long)doc_block(doc, loc)->src_end, 120, "article: title source end");
	strbuf_done(&line);
}

/* Exact spans of two paragraphs, found by their first words. */
static void
check_article_spans(const struct doc_block *b)
{
	struct strbuf line = STRBUF_INIT;
	const char *p;

	if (strncmp(b->text, "In January 2022", 15) == 0) {
		is_int(b->nspans, 3, "article: three markers in the January paragraph");
		is_int(b->spans[0].start, 37, "... i starts after \"announced\"");
		is_int(b->spans[0].end, 38, "... i ends");
		is_int(b->spans[1].start, 756, "... ii starts");
		is_int(b->spans[2].start, 898, "... iii starts");
		is_int(b->spans[2].end, 901, "... iii ends");
		is_int(b->len, 1112, "... paragraph length");
	} else if (strncmp(b->text, "iv ", 3) == 0) {
		describe(b, &line);
		p = strchr(line.buf, '{');
		is_str(p, "{sup 0-2} {link 66-99 https://tass.ru/politika/17974417}",
		    "article: endnote iv spans");
	} else if (strncmp(b->text, "ii ", 3) == 0) {
		describe(b, &line);
		is_str(line.buf, "p | ii Ibid. {sup 0-2} {emph 3-8}", "article: endnote ii");
	}
	strbuf_done(&line);
}

static void
check_article_body(struct doc *doc)
{
	struct strbuf heads = STRBUF_INIT, body_sups = STRBUF_INIT;
	struct doc_loc loc;
	bool in_notes = false, clean = true;
	int notes = 0, blocks = 0, paragraphs = 0;

	for (bool more = doc_first(doc, &loc); more; more = doc_next(doc, &loc), blocks++) {
		struct doc_block *b = doc_block(doc, loc);

		clean = clean && strlen(b->text) == b->len && text_valid(b->text, b->len);
		if (b->kind == DOC_HEADING) {
			strbuf_addf(&heads, "h%d %s|", b->level, b->text);
			in_notes = strcmp(b->text, "ENDNOTES") == 0;
			continue;
		}
		paragraphs += b->kind == DOC_PARAGRAPH;
		if (in_notes && notes < (int)GLOSS_ARRAY_SIZE(numerals))
			check_endnote(b, notes++);
		else if (!in_notes)
			sup_texts(b, &body_sups);
		check_article_spans(b);
	}
	is_str(heads.buf, "h2 Introduction|"
	    "h3 Political and economic aspects of bilateral relations: From cooperation to "
	    "sanctions and war|"
	    "h3 Belarusian democratic forces and volunteers as factors in bilateral relations|"
	    "h2 Conclusion|h2 ENDNOTES|", "article: headings");
	is_str(body_sups.buf, "i ii iii iv v vi vii viii ix x xi", "article: markers in the text");
	is_int(notes, 11, "article: eleven endnotes");
	is_int(blocks, 45, "article: block count");
	is_int(paragraphs, 38, "article: paragraph count");
	ok(clean, "article: block texts are valid UTF-8 without NUL");
	strbuf_done(&heads);
	strbuf_done(&body_sups);
}

/* Document text around a superscript and across two blocks. */
static void
check_article_ranges(struct doc *doc)
{
	struct strbuf out = STRBUF_INIT;
	struct doc_loc loc;
	uint64_t off;

	doc_measure_all(doc);
	for (bool more = doc_first(doc, &loc); more; more = doc_next(doc, &loc))
		if (strncmp(doc_block(doc, loc)->text, "In January 2022", 15) == 0)
			break;
	ok(doc_block_offset(doc, loc, &off), "article: offset of the January paragraph");
	doc_text_range(doc, off + 28, off + 50, &out);
	is_str(out.buf, "announcedi large-scale", "article: text around the superscript i");
	doc_first(doc, &loc);
	doc_next(doc, &loc);		/* the title */
	doc_block_offset(doc, loc, &off);
	strbuf_reset(&out);
	doc_text_range(doc, off + 48, off + 51 + 2 + 2, &out);
	is_str(out.buf, "War\n\nBy", "article: text across the title and the byline");
	strbuf_done(&out);
}

static void
test_article(void)
{
	struct doc_options opt = { .format = -1 };
	char *path = corpus_path(ARTICLE);
	struct doc *doc = NULL;

	if (doc_open(path, &opt, &doc) != GLOSS_OK) {
		ok(0, "open %s", path);
		free(path);
		return;
	}
	is_int(doc_format(doc), DOC_FORMAT_MARKDOWN, "article: read as Markdown");
	check_article_front(doc);
	check_article_body(doc);
	check_article_ranges(doc);
	doc_free(doc);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Sniffing */

static const char *const corpus_files[] = {
	"belarus-ukraine-relations-2020-2025.txt",
	"belarus-weekly-2023-09-22.txt",
	ARTICLE,
	"lukashenko-occupied-territories-cooperation.txt",
	"lukashenko-occupied-territories-latushka.txt",
};

static void
test_sniff_corpus(void)
{
	struct doc_options opt = { .format = -1 };

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(corpus_files); i++) {
		char *path = corpus_path(corpus_files[i]);
		bool want = strcmp(corpus_files[i], ARTICLE) == 0;
		size_t n = 0;
		char *data = tap_slurp(path, &n);
		struct doc *doc = NULL;

		ok(data != NULL, "read %s", corpus_files[i]);
		if (data == NULL) {
			free(path);
			continue;
		}
		is_int(markdown_sniff(data, n), want, "sniff whole %s", corpus_files[i]);
		is_int(markdown_sniff(data, GLOSS_MIN(n, (size_t)16384)), want, "sniff head of %s",
		    corpus_files[i]);
		if (doc_open_mem("no-extension", data, n, &opt, &doc) == GLOSS_OK)
			is_int(doc_format(doc), want ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT,
			    "format of %s without its extension", corpus_files[i]);
		doc_free(doc);
		if (doc_open(path, &opt, &doc) == GLOSS_OK)
			is_int(doc_format(doc), want ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT,
			    "format of %s", corpus_files[i]);
		doc_free(doc);
		free(data);
		free(path);
	}
}

static void
test_sniff_crafted(void)
{
	static const struct {
		const char *name, *text;
		bool markdown;
	} cases[] = {
		{ "README", "# Project\n\nSome text.\n\n```sh\nmake\n```\n", true },
		{ "links", "Title\n=====\n\nSee [the docs](https://x.org/docs) and "
		    "[the code](https://x.org/src).\n", true },
		{ "footnotes", "**Claim** one[^1] and two[^2].\n\n[^1]: Source.\n", true },
		{ "endnotes", "## Introduction\n\nText<sup>i</sup> more<sup>ii</sup>.\n", true },
		{ "strong and list", "**Note:** read **this** first.\n\n- one\n- two\n", true },
		{ "shell script", "#!/bin/sh\n# build.sh - compile\n\n# Configure first.\n"
		    "./configure\n\n# Then build.\nmake -j4\n", false },
		{ "mail", "On Monday Jane wrote:\n> Can you send it?\n"
		    "> It is due <https://x.org/due>.\n\n"
		    "Sure:\n- draft one\n- draft two\n1. first\n\nReport\n======\n\n", false },
		{ "plain article", "Report\n\n** WARNING ** 2 ** 3 is eight. *Single* stars "
		    "[1] and (see [2]).\n\n* indicates required\n* indicates required\n", false },
		{ "headings only", "# One\n\nText.\n\n## Two\n\nMore text.\n", false },
		{ "config comments", "# Settings for the tool\n# (one per line)\n- name: demo\n"
		    "- mode: fast\n", false },
		{ "one heading, many items", "# TODO\n\n- milk\n- bread\n- bike\n- report\n"
		    "- taxes\n- car\n", false },
		{ "empty", "", false },
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++)
		is_int(markdown_sniff(cases[i].text, strlen(cases[i].text)), cases[i].markdown,
		    "sniff %s", cases[i].name);
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		return dump(argv[1]);
	test_inline_spans();
	test_link_urls();
	test_bare_cr();
	test_big_nodes();
	test_front_matter();
	test_long_first_paragraph();
	test_lists();
	test_list_markers();
	test_quotes();
	test_code();
	test_html();
	test_footnotes();
	test_tables();
	test_rules_and_images();
	test_cyrillic();
	test_source_and_cleaning();
	test_nfc_at_end();
	test_empty();
	test_article();
	test_sniff_corpus();
	test_sniff_crafted();
	return tap_done();
}
