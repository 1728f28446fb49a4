/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_caret — the caret motions of the reader (w b e ( ) { } and the
 * character motions) on English, Russian and Ukrainian prose: every stop of
 * each motion from one end of a document to the other, across paragraphs,
 * with the sentence rule (initials and abbreviations end no sentence,
 * closing quotes go with the sentence, a dash opens one).
 */
#include "gloss/gloss.h"

#include "gloss/caret.h"
#include "gloss/doc.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

#define P0 "Dr. Smith met J. Brown. They talked, e.g. About rain! Then?"
#define P1 "Мы встретились в 5 ч. утра. А. Г. Петров жил в г. Минске. «Почему?» — спросил он. Никто."
#define P2 "Пам’ять і з'їзд — одне слово… Кінець"

typedef bool motion_fn(struct doc *, struct caret *);

static struct doc *
open_text(const char *text)
{
	struct doc *d = NULL;

	doc_open_mem("t.txt", text, strlen(text), NULL, &d);
	return d;
}

/* The text of c's block from c to the next space: "Smith", "«Почему?»". */
static void
add_from(struct doc *d, struct caret c, struct strbuf *out)
{
	const struct doc_block *b = doc_block(d, c.loc);
	uint32_t z = c.off;

	while (z < b->len && b->text[z] != ' ')
		z++;
	strbuf_addf(out, "%s%u:%.*s", out->len ? " " : "", c.loc.block, (int)(z - c.off),
	    b->text + c.off);
}

/* The text of c's block from the previous space to the end of c's character: "Smith". */
static void
add_to(struct doc *d, struct caret c, struct strbuf *out)
{
	const struct doc_block *b = doc_block(d, c.loc);
	uint32_t a = c.off, z = caret_cluster_end(d, c);

	while (a > 0 && b->text[a - 1] != ' ')
		a--;
	strbuf_addf(out, "%s%u:%.*s", out->len ? " " : "", c.loc.block, (int)(z - a), b->text + a);
}

/* Every stop of motion from c until it cannot move, as add_from (or add_to) shows them. */
static char *
stops(struct doc *d, struct caret c, motion_fn *motion, bool to)
{
	struct strbuf out = STRBUF_INIT;

	for (int i = 0; i < 100 && motion(d, &c); i++)
		(to ? add_to : add_from)(d, c, &out);
	return strbuf_detach(&out, NULL);
}

static struct caret
first(struct doc *d)
{
	struct caret c = { .off = 0 };

	doc_first(d, &c.loc);
	return c;
}

/* The last character of the document. */
static struct caret
last(struct doc *d)
{
	struct caret c = { .off = 0 };
	const struct doc_block *b;

	doc_last(d, &c.loc);
	b = doc_block(d, c.loc);
	c.off = b->len;
	caret_prev_char(d, &c);
	return c;
}

static void
check(const char *what, char *got, const char *want)
{
	is_str(got, want, "%s", what);
	free(got);
}

/* No motion moves beyond either end of the document. */
static void
motions_at_ends(struct doc *d)
{
	struct caret c = last(d);

	ok(!caret_next_word(d, &c) && !caret_next_sentence(d, &c) && !caret_next_paragraph(d, &c),
	    "w ) } cannot move from the last word of the document");
	c = first(d);
	ok(!caret_prev_word(d, &c) && !caret_prev_sentence(d, &c) && !caret_prev_paragraph(d, &c) &&
	    c.off == 0 && c.loc.block == 0, "b ( { cannot move from the first character");
}

/* The sentence around the first occurrence of word, as caret_sentence() gives it. */
static char *
sentence_at(struct doc *d, const char *word)
{
	struct caret c = first(d);

	do {
		const struct doc_block *b = doc_block(d, c.loc);
		const char *at = strstr(b->text, word);

		if (at != NULL) {
			uint32_t a, z;

			c.off = (uint32_t)(at - b->text);
			caret_sentence(d, c, &a, &z);
			return xasprintf("%.*s", (int)(z - a), b->text + a);
		}
	} while (doc_next(d, &c.loc));
	return xstrdup("(not found)");
}

int
main(void)
{
	struct doc *d = open_text(P0 "\n\n" P1 "\n\n" P2 "\n");

	ok(d != NULL, "a three-paragraph document opens");
	if (d == NULL)
		return tap_done();

	check("w: the start of every word, across paragraphs (e.g. one word, « not one)",
	    stops(d, first(d), caret_next_word, false),
	    "0:Smith 0:met 0:J. 0:Brown. 0:They 0:talked, 0:e.g. 0:About 0:rain! 0:Then? "
	    "1:Мы 1:встретились 1:в 1:5 1:ч. 1:утра. 1:А. 1:Г. 1:Петров 1:жил 1:в 1:г. 1:Минске. "
	    "1:Почему?» 1:спросил 1:он. 1:Никто. "
	    "2:Пам’ять 2:і 2:з'їзд 2:одне 2:слово… 2:Кінець");
	check("b: from the last character back to the first word (Пам’ять and з'їзд whole)",
	    stops(d, last(d), caret_prev_word, false),
	    "2:Кінець 2:слово… 2:одне 2:з'їзд 2:і 2:Пам’ять "
	    "1:Никто. 1:он. 1:спросил 1:Почему?» 1:Минске. 1:г. 1:в 1:жил 1:Петров 1:Г. 1:А. "
	    "1:утра. 1:ч. 1:5 1:в 1:встретились 1:Мы "
	    "0:Then? 0:rain! 0:About 0:e.g. 0:talked, 0:They 0:Brown. 0:J. 0:met 0:Smith 0:Dr.");
	check("e: the last character of every word (shown up to it)",
	    stops(d, first(d), caret_word_end, true),
	    "0:Dr 0:Smith 0:met 0:J 0:Brown 0:They 0:talked 0:e.g 0:About 0:rain 0:Then "
	    "1:Мы 1:встретились 1:в 1:5 1:ч 1:утра 1:А 1:Г 1:Петров 1:жил 1:в 1:г 1:Минске "
	    "1:«Почему 1:спросил 1:он 1:Никто "
	    "2:Пам’ять 2:і 2:з'їзд 2:одне 2:слово 2:Кінець");
	check(") : sentence starts; not after Dr., J., e.g., ч., А., Г., г.; after ?» and before a dash",
	    stops(d, first(d), caret_next_sentence, false),
	    "0:They 0:Then? 1:Мы 1:А. 1:«Почему?» 1:— 1:Никто. 2:Пам’ять 2:Кінець");
	check("( : the same starts backwards, each paragraph's first sentence too",
	    stops(d, last(d), caret_prev_sentence, false),
	    "2:Кінець 2:Пам’ять 1:Никто. 1:— 1:«Почему?» 1:А. 1:Мы 0:Then? 0:They 0:Dr.");
	check("} : the start of each next paragraph", stops(d, first(d), caret_next_paragraph, false),
	    "1:Мы 2:Пам’ять");
	check("{ : the start of this paragraph, then of each one before",
	    stops(d, last(d), caret_prev_paragraph, false), "2:Пам’ять 1:Мы 0:Dr.");

	check("the sentence around a word after two initials runs past г. to its full stop",
	    sentence_at(d, "Петров"), "А. Г. Петров жил в г. Минске.");
	check("the sentence around Dr. Smith ends at Brown.", sentence_at(d, "Smith"),
	    "Dr. Smith met J. Brown.");
	check("the sentence around e.g. About ends at the exclamation mark", sentence_at(d, "About"),
	    "They talked, e.g. About rain!");
	check("a question in guillemets is a sentence with its closing mark",
	    sentence_at(d, "Почему"), "«Почему?»");
	check("an ellipsis ends a Ukrainian sentence", sentence_at(d, "одне"),
	    "Пам’ять і з'їзд — одне слово…");

	motions_at_ends(d);
	doc_free(d);
	return tap_done();
}
