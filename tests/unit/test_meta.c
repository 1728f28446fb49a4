/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_meta — title, author and date: the five corpus articles (values
 * checked by reading the files), dates in English and in Russian, Ukrainian
 * and Belarusian month names in several cases, numeric dates, bylines,
 * Markdown front matter and the fallbacks.
 */
#include "gloss/gloss.h"

#include "gloss/markdown.h"
#include "gloss/meta.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

struct expect {
	const char *file, *title, *author, *date;
};

static const struct expect corpus[] = {
	{ "belarus-ukraine-relations-2020-2025.txt",
	  "The deterioration of Belarusian-Ukrainian relations after February 2022 did not mean the…",
	  "Yevhen Magda", "2025-12-07" },
	{ "belarus-weekly-2023-09-22.txt",
	  "Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea",
	  "Maria Yeryoma and Teah Pelechaty", "2023-09-22" },
	{ "belarusian-ukrainian-relations-brink-of-war.md",
	  "Belarusian-Ukrainian Relations: On the Brink of War", "Dr. Roza Turarbekova", "2024" },
	{ "lukashenko-occupied-territories-cooperation.txt",
	  "Cooperation of the Lukashenko regime with the Russian-occupied territories of Ukraine",
	  NULL, NULL },
	{ "lukashenko-occupied-territories-latushka.txt",
	  "Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine",
	  "Pavel Latushka", NULL },
};

static void
is_opt(const char *got, const char *want, const char *what)
{
	if (want == NULL)
		ok(got == NULL, "%s: none (got %s)", what, got ? got : "none");
	else
		is_str(got, want, "%s: %s", what, want);
}

static void
check_meta(struct doc *doc, const char *title, const char *author, const char *date,
    const char *name)
{
	struct meta m;
	char *alone = meta_title(doc);	/* reads no author or date: the same title */

	meta_read(doc, &m);
	is_str(m.title, title, "%s: title", name);
	is_str(alone, title, "%s: meta_title", name);
	is_opt(m.author, author, name);
	is_opt(m.date, date, name);
	meta_done(&m);
	free(alone);
}

static void
test_corpus(void)
{
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(corpus); i++) {
		char *path = xasprintf("%s/corpus/%s", top, corpus[i].file);
		struct doc_options opt = { .format = -1 };
		struct doc *doc;

		if (doc_open(path, &opt, &doc) != GLOSS_OK) {
			ok(0, "opens %s", path);
			free(path);
			continue;
		}
		check_meta(doc, corpus[i].title, corpus[i].author, corpus[i].date, corpus[i].file);
		doc_free(doc);
		free(path);
	}
}

static void
date_is(const char *s, const char *want)
{
	char out[META_DATE_MAX];

	if (want == NULL)
		ok(!meta_parse_date(s, strlen(s), out), "no date in \"%s\"", s);
	else
		ok(meta_parse_date(s, strlen(s), out) && strcmp(out, want) == 0, "\"%s\" is %s",
		    s, want);
}

static void
test_dates(void)
{
	date_is("December 7, 2025 –", "2025-12-07");
	date_is("7 December 2025", "2025-12-07");
	date_is("Sept. 15, 2023", "2023-09-15");
	date_is("by A B September 22, 2023 12:53 PM 8 min read", "2023-09-22");
	date_is("March 2024", "2024-03");
	date_is("7 декабря 2025 г.", "2025-12-07");
	date_is("1 ЯНВАРЯ 2024", "2024-01-01");
	date_is("январь 2024", "2024-01");
	date_is("в мае 2023 года", "2023-05");
	date_is("9 мая 1945", "1945-05-09");
	date_is("12 січня 2023 р.", "2023-01-12");
	date_is("лютого 2022", "2022-02");
	date_is("24 лютага 2022", "2022-02-24");
	date_is("3 студзеня 2021", "2021-01-03");
	date_is("5 траўня 2020", "2020-05-05");
	date_is("жнівень 2020", "2020-08");
	date_is("1 снежня 2019", "2019-12-01");
	date_is("21 листопада 2013", "2013-11-21");
	date_is("2025-12-07", "2025-12-07");
	date_is("2025-12", "2025-12");
	date_is("07.12.2025", "2025-12-07");
	date_is("7/12/2025", "2025-12-07");
	date_is("2024", "2024");
	date_is("2024 г.", "2024");
	date_is("Three years of reporting — help us prepare for 2025.", NULL);
	date_is("1,000 new members", NULL);
	date_is("May the force be with you", NULL);
}

static void
author_is(const char *s, const char *want)
{
	char *got = meta_parse_author(s, strlen(s));

	if (want == NULL)
		ok(got == NULL, "no author in \"%s\"", s);
	else
		is_str(got, want, "author of \"%s\"", s);
	free(got);
}

static void
test_authors(void)
{
	author_is("By Dr. Roza Turarbekova", "Dr. Roza Turarbekova");
	author_is("by Maria Yeryoma and Teah Pelechaty September 22, 2023 12:53 PM", "Maria Yeryoma and Teah Pelechaty");
	author_is("Pavel Latushka, deputy Head of the Cabinet", "Pavel Latushka");
	author_is("Автор: Иван Петров", "Иван Петров");
	author_is("Автор — Олеся Гончар", "Олеся Гончар");
	author_is("АЎТАР: Уладзімір Арлоў", "Уладзімір Арлоў");
	author_is("By J. Smith.", "J. Smith");
	author_is("By Smith J.", "Smith J.");
	author_is("By May Brown 3 May 2020", "May Brown");
	author_is("By ", NULL);
	/* every prefix, in capitals too (may_start_prefix looks at two letters) */
	author_is("WRITTEN BY Anna Ivanova", "Anna Ivanova");
	author_is("Posted by Anna Ivanova", "Anna Ivanova");
	author_is("PUBLISHED ON Anna Ivanova", "Anna Ivanova");
	author_is("ТЕКСТ: Ганна Іваненка", "Ганна Іваненка");
	author_is("Тэкст: Ганна Іванова", "Ганна Іванова");
	author_is("АВТОРЫ: Иван Петров", "Иван Петров");
	author_is("аўтар Ганна Іванова", "Ганна Іванова");
}

static void
meta_of_text(const char *name, const char *text, const char *title, const char *author,
    const char *date)
{
	struct doc_options opt = { .format = -1 };
	struct doc *doc;

	if (doc_open_mem(name, text, strlen(text), &opt, &doc) != GLOSS_OK) {
		ok(0, "opens %s", name);
		return;
	}
	check_meta(doc, title, author, date, name);
	doc_free(doc);
}

static void
test_documents(void)
{
	meta_of_text("front.md", "---\ntitle: \"Front matter\"\nauthor: Ann Lee\ndate: 2021-03-04\n---\n\n"
	    "# A heading\n\nText.\n", "Front matter", "Ann Lee", "2021-03-04");
	meta_of_text("heading.md", "Intro line.\n\n## Второй уровень\n\nТекст статьи.\n",
	    "Второй уровень", NULL, NULL);
	meta_of_text("ru.txt", "Заголовок статьи о погоде\n\nАвтор: Пётр Иванов\n\n"
	    "15 марта 2024 г.\n\nТекст статьи, достаточно длинный, чтобы быть абзацем. "
	    "Текст статьи, достаточно длинный, чтобы быть абзацем. Текст статьи, достаточно "
	    "длинный, чтобы быть абзацем. Текст статьи, достаточно длинный.\n",
	    "Заголовок статьи о погоде", "Пётр Иванов", "2024-03-15");
	meta_of_text("empty.txt", "\n", "empty.txt", NULL, NULL);
}

/* The header blocks of a document's front matter as "kind:text|kind:text". */
static char *
header_of(const char *name, const char *text, bool raw)
{
	struct doc_options opt = { .format = -1 };
	struct strbuf sb = STRBUF_INIT;
	struct doc_build_chunk *c;
	struct doc *doc;

	if (doc_open_mem(name, text, strlen(text), &opt, &doc) != GLOSS_OK)
		return xstrdup("(not opened)");
	c = meta_header(doc, raw);
	for (uint32_t i = 0; c && i < c->nblocks; i++)
		strbuf_addf(&sb, "%s%s:%s", i ? "|" : "", doc_kind_label(c->blocks[i].kind),
		    c->blocks[i].text);
	if (c == NULL)
		strbuf_adds(&sb, "(none)");
	doc_build_chunk_free(c);
	doc_free(doc);
	return strbuf_detach(&sb, NULL);
}

static void
header_is(const char *name, const char *text, bool raw, const char *want)
{
	char *got = header_of(name, text, raw);

	is_str(got, want, "header of %s%s", name, raw ? " (raw)" : "");
	free(got);
}

static void
test_front_matter(void)
{
	static const char yaml[] = "---\ndate: '2025-03-11T20:49:43Z'\ndraft: true\n"
	    "title: 'Разметка Markdown'\nauthor: Иван Петров\ntags:\n  - markdown\n  - заметки\n---\n\nТекст.\n";
	bool toml = false;

	is_int((int)markdown_front_matter(yaml, strlen(yaml), &toml),
	    strstr(yaml, "---\n\n") + 4 - yaml, "YAML front matter's length");
	ok(!toml, "YAML is not TOML");
	is_int((int)markdown_front_matter("+++\ntitle = \"x\"\n+++\nA", 22, &toml), 20, "TOML front matter");
	ok(toml, "TOML is TOML");
	is_int((int)markdown_front_matter("---\n\nText\n---\n", 15, NULL), 0,
	    "a rule and a blank line are no front matter");
	is_int((int)markdown_front_matter("---\ntitle: x\n", 14, NULL), 0, "unclosed: none");
	is_int((int)markdown_front_matter("---\ntitle: x\n...\n", 18, NULL), 17, "closed by ...");
	header_is("a.md", yaml, false,
	    "title:Разметка Markdown|byline:Иван Петров · 2025-03-11|date:#markdown #заметки");
	header_is("a.md", yaml, true, "code:---\ndate: '2025-03-11T20:49:43Z'\ndraft: true\n"
	    "title: 'Разметка Markdown'\nauthor: Иван Петров\ntags:\n  - markdown\n  - заметки\n---");
	header_is("b.md", "+++\ntitle = \"TOML\"\ntags = [\"a\", 'b']\ndate = 2024-01-02\n+++\nBody\n",
	    false, "title:TOML|byline:2024-01-02|date:#a #b");
	header_is("c.md", "---\ntags: [x, y]\n---\n", false, "date:#x #y");
	header_is("d.md", "# No front matter\n", false, "(none)");
	header_is("e.txt", "---\ntitle: x\n---\n", false, "(none)");
	meta_of_text("toml.md", "+++\ntitle = \"Из TOML\"\nauthor = \"Ann\"\n+++\n\nText.\n",
	    "Из TOML", "Ann", NULL);
}

int
main(void)
{
	test_front_matter();
	test_corpus();
	test_dates();
	test_authors();
	test_documents();
	return tap_done();
}
