/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_locator — the one way gloss says where a passage is: the section,
 * the block number from 1 (headings and the title counted) and the percent
 * before it, and its written form "¶N, P%".
 */
#include "gloss/gloss.h"

#include "gloss/doc.h"
#include "gloss/locator.h"
#include "gloss/strbuf.h"
#include "../lib/tap.h"

#define MD "# Заголовок\n\nПервый абзац.\n\n## Раздел один\n\nВторой абзац.\n\nТретий.\n\n" \
	"## Section two\n\nLast one.\n"

/* "heading|¶N, P%" at the first occurrence of word in the document text. */
static char *
place_of(const struct locator *l, const struct strbuf *text, const char *word)
{
	const char *at = strstr(strbuf_str(text), word);
	struct strbuf out = STRBUF_INIT;
	struct locator_place p;

	if (at == NULL)
		return strdup("(not found)");
	p = locator_at(l, (uint64_t)(at - strbuf_str(text)));
	strbuf_addf(&out, "%s|", p.heading ? p.heading : "-");
	locator_append(&out, p.paragraph, p.percent);
	return strbuf_detach(&out, NULL);
}

static void
check(char *got, const char *want, const char *what)
{
	is_str(got, want, "%s", what);
	free(got);
}

int
main(void)
{
	struct doc *d = NULL;
	struct locator *l;
	struct strbuf text = STRBUF_INIT, s = STRBUF_INIT;
	uint64_t len;

	ok(doc_open_mem("t.md", MD, strlen(MD), NULL, &d) == GLOSS_OK, "a Markdown document opens");
	if (d == NULL)
		return tap_done();
	l = locator_new(d);
	len = doc_text_length(d);
	doc_text_range(d, 0, len, &text);
	check(place_of(l, &text, "Заголовок"), "-|¶1, 0%", "the title: block 1, no section");
	check(place_of(l, &text, "Первый"), "-|¶2, 15%", "before the first heading: no section");
	check(place_of(l, &text, "Раздел"), "Раздел один|¶3, 34%",
	    "a heading is its own section and counts as a block");
	check(place_of(l, &text, "Второй"), "Раздел один|¶4, 52%", "a paragraph of the section");
	check(place_of(l, &text, "Третий"), "Раздел один|¶5, 71%", "the next one: the numbering goes on");
	check(place_of(l, &text, "Last"), "Section two|¶7, 93%", "the last section");
	check(place_of(l, &text, "one."), "Section two|¶7, 96%",
	    "inside a block: its number, the percent of the offset itself");
	is_int(locator_at(l, len).percent, 100, "the end of the text is 100 %%");
	is_int(locator_percent(5, 0), 0, "an empty text is 0 %%");
	is_int(locator_percent(5, DOC_OFFSET_UNKNOWN), 0, "an unmeasured text is 0 %%");
	is_int(locator_percent(199, 200), 99, "the percent is rounded down");
	locator_append(&s, 35, 79);
	is_str(strbuf_str(&s), "¶35, 79%", "the written form");
	locator_free(l);
	doc_free(d);
	strbuf_done(&text);
	strbuf_done(&s);
	return tap_done();
}
