/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * mkhighlights — adds N highlights to a document in an annotation
 * database, spread evenly over it, for benchmarks:
 *   mkhighlights DB FILE N
 * Each highlight covers about 40 bytes at a word start; every tenth has a
 * note and a tag.  Prints the number added.
 */
#include "gloss/gloss.h"

#include "gloss/annot.h"
#include "gloss/doc.h"
#include "gloss/store.h"

static uint64_t
word_start(const char *t, uint64_t len, uint64_t i)
{
	while (i < len && t[i] != ' ')
		i++;
	return i + 1 < len ? i + 1 : len;
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct doc *doc;
	struct annot_doc *ad;
	struct strbuf text = STRBUF_INIT;
	uint64_t len, step;
	long n, added = 0;
	const char *tags[] = { "benchmark" };

	if (argc != 4 || (n = atol(argv[3])) <= 0) {
		fputs("usage: mkhighlights DB FILE N\n", stderr);
		return 2;
	}
	if (store_open(argv[1], STORE_CREATE, &st) != GLOSS_OK || doc_open(argv[2], NULL, &doc) != GLOSS_OK ||
	    annot_attach(st, doc, ANNOT_NOW, &ad) != GLOSS_OK) {
		fprintf(stderr, "mkhighlights: %s\n", error_last(GLOSS_EIO));
		return 1;
	}
	doc_measure_all(doc);
	len = doc_text_length(doc);
	doc_text_range(doc, 0, len, &text);
	step = len / (uint64_t)n;
	store_begin(st);
	for (long i = 0; i < n; i++) {
		uint64_t a = word_start(text.buf, len, (uint64_t)i * step), z = GLOSS_MIN(a + 40, len);
		int64_t id;

		while (z < len && ((unsigned char)text.buf[z] & 0xC0) == 0x80)
			z++;
		if (z > a && annot_add(ad, a, z, (enum store_color)(i % STORE_COLOR_COUNT),
		    i % 10 == 0 ? "a note" : NULL, i % 10 == 0 ? tags : NULL, i % 10 == 0, &id) == GLOSS_OK)
			added++;
	}
	store_end(st, GLOSS_OK);
	printf("%ld\n", added);
	annot_detach(ad);
	doc_free(doc);
	store_close(st);
	strbuf_done(&text);
	return 0;
}
