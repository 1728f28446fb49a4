/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_notes — the notes module: the corpus endnote article, every marker
 * style, every notes-section heading, Ibid./op. cit. chains, markers
 * without notes and notes without markers, plain text.
 */
#include "gloss/gloss.h"

#include "gloss/doc.h"
#include "gloss/notes.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static struct doc *
open_mem(const char *name, const char *src)
{
	struct doc_options opt = { .format = -1 };
	struct doc *doc = NULL;

	if (doc_open_mem(name, src, strlen(src), &opt, &doc) != GLOSS_OK)
		return NULL;
	return doc;
}

/* "label:text[=>resolved][@page]#cites" for every note, joined by " | " (caller frees). */
static char *
note_summary(const struct notes *n)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < notes_count(n); i++) {
		const struct notes_note *t = notes_note(n, i);

		strbuf_addf(&sb, "%s%s:%s", i ? " | " : "", t->label, t->text);
		if (t->ibid_of >= 0)
			strbuf_addf(&sb, "=>%s", notes_note(n, (size_t)notes_resolve(n, (int)i))->label);
		if (t->page)
			strbuf_addf(&sb, "@%s", t->page);
		strbuf_addf(&sb, "#%zu", t->ncites);
	}
	return strbuf_detach(&sb, NULL);
}

/* "label/style>note-label" (or ">-") for every marker, space-separated (caller frees). */
static char *
marker_summary(const struct notes *n)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < notes_marker_count(n); i++) {
		const struct notes_marker *m = notes_marker(n, i);

		strbuf_addf(&sb, "%s%s/%s>%s", i ? " " : "", m->label, notes_style_name(m->style),
		    m->note >= 0 ? notes_note(n, (size_t)m->note)->label : "-");
	}
	return strbuf_detach(&sb, NULL);
}

/* Scans src and compares both summaries. */
static void
check(const char *name, const char *src, const char *want_notes, const char *want_markers)
{
	struct doc *doc = open_mem(name, src);
	struct notes *n = NULL;
	char *s;

	if (!ok(doc != NULL, "%s: opens", name))
		return;
	ok(notes_scan(doc, &n) == GLOSS_OK, "%s: scans", name);
	s = note_summary(n);
	is_str(s, want_notes, "%s: notes", name);
	free(s);
	s = marker_summary(n);
	is_str(s, want_markers, "%s: markers", name);
	free(s);
	notes_free(n);
	doc_free(doc);
}

/* ------------------------------------------------------------------ */
/* The corpus article */

static const struct {
	const char *label, *before, *text;	/* the word before the marker; the note's first words */
	uint64_t at;
} endnotes[] = {
	{ "i", "announced", "“Военное учение", 3346 },
	{ "ii", "missiles", "Ibid.", 4065 },
	{ "iii", "Belarus", "Русская служба", 4207 },
	{ "iv", "announced", "“В стране.”", 4432 },
	{ "v", "coins", "Броскова, Ольга.", 5916 },
	{ "vi", "war", "“Украина и Россия", 6593 },
	{ "vii", "experts", "Можейко, Вадим,", 7000 },
	{ "viii", "acts", "“Про роботу", 8360 },
	{ "ix", "polls", "“Analytical Report", 8779 },
	{ "x", "believed", "Гулийчук, Дмитрий.", 9328 },
	{ "xi", "appointment", "“Игорь Кизим", 11423 },
};

static void
test_article(void)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/corpus/belarusian-ukrainian-relations-brink-of-war.md", top ? top : ".");
	struct doc_options opt = { .format = -1 };
	struct strbuf text = STRBUF_INIT;
	struct doc *doc;
	struct notes *n;

	if (!ok(doc_open(path, &opt, &doc) == GLOSS_OK, "article opens")) {
		free(path);
		return;
	}
	notes_scan(doc, &n);
	doc_text_range(doc, 0, doc_text_length(doc), &text);
	is_int((long long)notes_count(n), 11, "article: 11 notes");
	is_int((long long)notes_marker_count(n), 11, "article: 11 markers");
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(endnotes) && i < notes_count(n); i++) {
		const struct notes_note *t = notes_note(n, i);
		const struct notes_marker *m = notes_marker(n, i);
		size_t blen = strlen(endnotes[i].before), tlen = strlen(endnotes[i].text);

		is_str(t->label, endnotes[i].label, "article: note %zu is %s", i, endnotes[i].label);
		ok(strncmp(t->text, endnotes[i].text, tlen) == 0 &&
		    strncmp(text.buf + t->start, endnotes[i].text, tlen) == 0,
		    "article: note %s starts \"%s\" at its start offset", t->label, endnotes[i].text);
		is_int((long long)t->ncites, 1, "article: note %s cited once", t->label);
		is_int((long long)m->start, (long long)endnotes[i].at, "article: marker %s offset", t->label);
		ok(m->end - m->start == strlen(t->label) &&
		    memcmp(text.buf + m->start, t->label, strlen(t->label)) == 0 &&
		    memcmp(text.buf + m->start - blen, endnotes[i].before, blen) == 0,
		    "article: marker %s covers the <sup> text after \"%s\"", t->label, endnotes[i].before);
		is_int(m->note, (long long)i, "article: marker %s cites note %s", t->label, t->label);
		is_int((long long)t->cites[0], (long long)i, "article: note %s cited by marker %zu", t->label, i);
		is_int(t->ibid_of, i == 1 ? 0 : -1, "article: note %s ibid_of", t->label);
	}
	is_int(notes_resolve(n, 1), 0, "article: ii resolves to i");
	is_int(notes_note_at(n, notes_note(n, 4)->start + 3), 4, "article: note_at inside v");
	is_int(notes_note_at(n, notes_note(n, 4)->start - 1), -1, "article: note_at on v's label");
	is_int(notes_note_at(n, 100), -1, "article: note_at in the body text");
	is_int((long long)notes_marker_lower(n, 4066), 1, "article: marker_lower inside ii");
	is_int((long long)notes_marker_lower(n, 4067), 2, "article: marker_lower after ii");
	is_int((long long)notes_marker_lower(n, 0), 0, "article: marker_lower at 0");
	is_int((long long)notes_marker_lower(n, 20000), 11, "article: marker_lower past the end");
	strbuf_done(&text);
	notes_free(n);
	doc_free(doc);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Crafted documents */

static void
test_styles(void)
{
	check("sup.md",
	    "Roman<sup>iv</sup>, arabic<sup>12</sup>, letter<sup>b</sup>, star<sup>*</sup>, "
	    "upper<sup>IX</sup>, ordinal 19<sup>th</sup>.\n\n## Notes\n\n"
	    "<sup>iv</sup> Roman note.\n\n<sup>12</sup> Arabic note.\n\n<sup>b</sup> Letter note.\n\n"
	    "<sup>*</sup> Star note.\n\n<sup>ix</sup> Nine.\n",
	    "iv:Roman note.#1 | 12:Arabic note.#1 | b:Letter note.#1 | *:Star note.#1 | ix:Nine.#1",
	    "iv/sup>iv 12/sup>12 b/sup>b */sup>* ix/sup>ix");
	check("gfm.md",
	    "One[^1] and two[^note] and again[^1].\n\n[^1]: First.\n\n    More of it.\n\n"
	    "[^note]: Named.\n",
	    "1:First.\n\nMore of it.#2 | note:Named.#1",
	    "1/footnote>1 note/footnote>note 1/footnote>1");
	/* a footnote whole: paragraphs, a list and code; "[^1]" in code is no marker */
	check("gfm-whole.md",
	    "Cited[^a] and `[^1]` in code.\n\n```\nx[^1]\n```\n\n"
	    "[^a]: First paragraph.\n\n    - a list in it\n\n        code in it\n\n"
	    "    Last paragraph.\n\nAfter.\n",
	    "a:First paragraph.\n\na list in it\n\ncode in it\n\nLast paragraph.#1",
	    "a/footnote>a");
	check("bracket.md",
	    "Claim [12] and [3] and [sic] and [99].\n\n## Sources\n\n[12] Twelve.\n\n[3] Three.\n",
	    "12:Twelve.#1 | 3:Three.#1",
	    "12/bracket>12 3/bracket>3");
	check("unicode.md",
	    "Word¹ and end.² and area 5 m³ and x⁴⁵.\n\n## Notes\n\n¹ One.\n\n² Two.\n\n⁴⁵ Many.\n",
	    "1:One.#1 | 2:Two.#1 | 45:Many.#1",
	    "1/unicode>1 2/unicode>2 45/unicode>45");
	check("forms.md",
	    "A<sup>1</sup> b<sup>2</sup> c<sup>3</sup> d<sup>a</sup> e<sup>5</sup>\n\n## Notes\n\n"
	    "1) Paren.\n\n2. Dot.\n\n[3] Bracket.\n\na) Letter.\n\n* Star?\n\nA. Smith is no note.\n",
	    "1:Paren.#1 | 2:Dot.#1 | 3:Bracket.#1 | a:Letter.#1",
	    "1/sup>1 2/sup>2 3/sup>3 a/sup>a 5/sup>-");
	check("list.md",
	    "See<sup>1</sup> and<sup>2</sup>.\n\n## Notes\n\n1. Listed one.\n2. Listed two.\n\n"
	    "   Continued.\n\n- bullet\n",
	    "1:Listed one.#1 | 2:Listed two.#1",
	    "1/sup>1 2/sup>2");
}

static void
test_orphans(void)
{
	check("orphans.md",
	    "Cited<sup>1</sup>, missing<sup>7</sup>, gfm[^x].\n\n# Endnotes\n\n"
	    "1. Cited note.\n\n2. Never cited.\n\nIt goes on.\n\n# After\n\n3. Not a note.\n",
	    "1:Cited note.#1 | 2:Never cited.\n\nIt goes on.#0",
	    "1/sup>1 7/sup>- x/footnote>-");
	check("two-sections.md",
	    "# One\n\nA<sup>1</sup>.\n\n## Notes\n\n1. First chapter.\n\n"
	    "# Two\n\nB<sup>1</sup>.\n\n## Notes\n\n1. Second chapter.\n",
	    "1:First chapter.#1 | 1:Second chapter.#1",
	    "1/sup>1 1/sup>1");
}

static const char *const section_names[] = {
	"Endnotes", "Notes", "Footnotes", "References", "Sources", "Bibliography",
	"Примечания", "Сноски", "Источники", "Литература", "Список литературы",
	"Примітки", "Джерела", "Література", "Заўвагі", "Крыніцы", "Літаратура",
};

static const char *const section_spellings[] = {
	"ENDNOTES", "notes:", "Footnotes", "REFERENCES:", "sources", "Bibliography:",
	"ПРИМЕЧАНИЯ", "сноски:", "Источники", "ЛИТЕРАТУРА:", "Список Литературы", "примітки",
	"ДЖЕРЕЛА:", "Література", "заўвагі", "КРЫНІЦЫ", "Літаратура:",
};

static void
test_sections(void)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(section_spellings); i++) {
		char *src = xasprintf("# Title\n\nText<sup>1</sup>.\n\n%.*s %s\n\n1. The note.\n\n# End\n\n2. Not.\n",
		    (int)(i % 6 + 1), "######", section_spellings[i]);
		char *name = xasprintf("section-%s.md", section_names[i]);

		check(name, src, "1:The note.#1", "1/sup>1");
		free(name);
		free(src);
	}
	check("deeper.md", "A<sup>1</sup><sup>2</sup>\n\n## Notes\n\n1. One.\n\n### Part\n\n2. Two.\n\n## Next\n\n3. Three.\n",
	    "1:One.#1 | 2:Two.#1", "1/sup>1 2/sup>2");
	check("not-a-section.md", "A<sup>1</sup>\n\n## Notes on the war\n\n1. One.\n",
	    "", "1/sup>-");
	check("bold.md", "A<sup>1</sup>\n\n**Примечания**\n\n1. Один.\n", "1:Один.#1", "1/sup>1");
}

static void
test_ibid(void)
{
	check("ibid.md",
	    "A<sup>1</sup><sup>2</sup><sup>3</sup><sup>4</sup><sup>5</sup><sup>6</sup><sup>7</sup>"
	    "<sup>8</sup><sup>9</sup><sup>10</sup>\n\n## Notes\n\n"
	    "1. Smith, John. A Book. 2001.\n\n2. *Ibid.*\n\n3. Там же. С. 5.\n\n4. Ibidem, pp. 5–7.\n\n"
	    "5. Броскова, Ольга. Статья.\n\n6. Smith, op. cit., p. 9.\n\n7. Jones, op. cit.\n\n"
	    "8. Там само, с. 12.\n\n9. Броскова, op. cit.\n\n10. Ib.\n",
	    "1:Smith, John. A Book. 2001.#1 | 2:Ibid.=>1#1 | 3:Там же. С. 5.=>1@С. 5#1 | "
	    "4:Ibidem, pp. 5–7.=>1@pp. 5–7#1 | 5:Броскова, Ольга. Статья.#1 | "
	    "6:Smith, op. cit., p. 9.=>1@p. 9#1 | 7:Jones, op. cit.#1 | 8:Там само, с. 12.=>7@с. 12#1 | "
	    "9:Броскова, op. cit.=>5#1 | 10:Ib.=>5#1",
	    "1/sup>1 2/sup>2 3/sup>3 4/sup>4 5/sup>5 6/sup>6 7/sup>7 8/sup>8 9/sup>9 10/sup>10");
	check("ibid-first.md", "A<sup>1</sup> B<sup>2</sup>\n\n## Notes\n\n1. Тамсама.\n\n2. Ibidemic is no word.\n",
	    "1:Тамсама.#1 | 2:Ibidemic is no word.#1", "1/sup>1 2/sup>2");
}

static void
test_plain(void)
{
	static const char *const corpus[] = {
		"belarus-ukraine-relations-2020-2025.txt", "belarus-weekly-2023-09-22.txt",
		"lukashenko-occupied-territories-cooperation.txt", "lukashenko-occupied-territories-latushka.txt",
	};
	const char *top = getenv("top_srcdir");

	check("plain.txt",
	    "A plain article\n\nSome body text with a claim [1] that goes on for a while, and another "
	    "claim¹ too, and [2] that has no note.\n\nNotes\n\n1. First source, 2020.\n\n"
	    "Its second paragraph.\n\n3. Third source.\n",
	    "1:First source, 2020.\n\nIts second paragraph.#2 | 3:Third source.#0",
	    "1/bracket>1 1/unicode>1");
	check("gfm-plain.txt",
	    "Body text here with a reference[^1] and another[^2] that has no definition.\n\n"
	    "[^1]: The definition.\n",
	    "1:The definition.#1", "1/footnote>1 2/footnote>-");
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(corpus); i++) {
		char *path = xasprintf("%s/corpus/%s", top ? top : ".", corpus[i]);
		struct doc_options opt = { .format = -1 };
		struct doc *doc;
		struct notes *n;

		if (!ok(doc_open(path, &opt, &doc) == GLOSS_OK, "%s opens", corpus[i])) {
			free(path);
			continue;
		}
		notes_scan(doc, &n);
		ok(notes_count(n) == 0 && notes_marker_count(n) == 0, "%s: no notes, no markers", corpus[i]);
		notes_free(n);
		doc_free(doc);
		free(path);
	}
}

int
main(void)
{
	test_article();
	test_styles();
	test_orphans();
	test_sections();
	test_ibid();
	test_plain();
	return tap_done();
}
