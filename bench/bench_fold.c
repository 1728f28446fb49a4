/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_fold — throughput of the search key on mixed English and Cyrillic
 * text.  Built by `make check` but not run by it; run it by hand:
 *
 *   bench/bench_fold [MEGABYTES] [FILE...]
 *
 * Without files it generates MEGABYTES (default 50) of prose from word
 * lists in English, Russian, Ukrainian and Belarusian, with typographic
 * punctuation, non-breaking spaces, soft hyphens, a few stress marks and a
 * few decomposed letters.  With files, their contents are repeated instead.
 * It prints MB/s of source text (best of three runs) for fold_key_mapped()
 * on the whole text in one call (which also pays for first touching the
 * fresh key and map memory), for fold_key_mapped() on blocks of about 1 MB
 * (as a search over a large file would go, reusing memory), for fold_key(),
 * and for the slow path on a tenth of the text; and checks that the keys
 * agree.
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/fold.h"
#include "gloss/monotime.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

static const char *const words[] = {
	"the", "and", "of", "Lukashenko", "Belarus", "border", "Ukraine", "members",
	"relations", "government", "reported", "September", "cooperation", "with",
	"в", "и", "Москве", "прошло", "заседание", "президент", "России", "обсудили",
	"поставки", "зерна", "около", "тонн", "приложении", "Ёлка", "ещё", "всё",
	"з’їзд", "пам'ять", "зʼїзд", "Україна", "відносини", "співпраця", "Їжак",
	"праўда", "Беларусь", "ўрад", "адносіны", "супрацоўніцтва", "дзяржава",
	"Мо́сква", "пришла́", "при\xc2\xadвет", "e\xcc\x81t\xc3\xa9", "STRASSE", "Straße",
	"«Правда»", "—", "–", "№ 5", "10\xe2\x80\xaf" "000", "т.\xc2\xa0е.", "2023", "(R)",
};

static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static void
generate(struct strbuf *text, size_t size)
{
	uint32_t seed = 20240601;

	while (text->len < size) {
		uint32_t r = next_random(&seed);

		strbuf_adds(text, words[r % GLOSS_ARRAY_SIZE(words)]);
		if ((r >> 8) % 23 == 0)
			strbuf_adds(text, ".\n");
		else if ((r >> 8) % 11 == 0)
			strbuf_adds(text, ", ");
		else
			strbuf_addc(text, ' ');
	}
}

static void
load(struct strbuf *text, size_t size, char **files, int nfiles)
{
	struct strbuf all = STRBUF_INIT;
	int i;

	for (i = 0; i < nfiles; i++) {
		FILE *f = fopen(files[i], "rb");
		char buf[65536];
		size_t got;

		if (f == NULL) {
			perror(files[i]);
			exit(1);
		}
		while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&all, buf, got);
		fclose(f);
	}
	if (all.len == 0) {
		fprintf(stderr, "bench_fold: the files are empty\n");
		exit(1);
	}
	while (text->len < size)
		strbuf_add(text, all.buf, all.len);
	strbuf_done(&all);
}

static void
report(const char *what, size_t bytes, double secs)
{
	printf("%-22s %8.1f MB in %6.3f s  %8.1f MB/s\n", what, (double)bytes / 1e6, secs,
	    (double)bytes / 1e6 / secs);
}

/* Folds the text in blocks of about 1 MB that end at a line break. */
static size_t
fold_blocks(const struct strbuf *text)
{
	struct strbuf key = STRBUF_INIT;
	size_t at = 0, total = 0;

	while (at < text->len) {
		size_t end = GLOSS_MIN(at + 1000000, text->len);
		const char *nl = memchr(text->buf + end, '\n', text->len - end);
		uint32_t *map;

		end = nl ? (size_t)(nl - text->buf) + 1 : text->len;
		strbuf_reset(&key);
		fold_key_mapped(text->buf + at, end - at, &key, &map);
		total += key.len;
		free(map);
		at = end;
	}
	strbuf_done(&key);
	return total;
}

/* The best of three times: fold_key_mapped whole (0) or in blocks (1), fold_key (2). */
static double
best_of_three(const struct strbuf *text, int how, struct strbuf *key)
{
	double best = 1e9;
	int run;

	for (run = 0; run < 3; run++) {
		double t = monotime_s();
		uint32_t *map = NULL;

		strbuf_reset(key);
		if (how == 0)
			fold_key_mapped(text->buf, text->len, key, &map);
		else if (how == 1)
			fold_blocks(text);
		else
			fold_key(text->buf, text->len, key);
		t = monotime_s() - t;
		free(map);
		best = GLOSS_MIN(best, t);
	}
	return best;
}

int
main(int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT, key = STRBUF_INIT, plain = STRBUF_INIT;
	struct strbuf slow = STRBUF_INIT, part = STRBUF_INIT;
	size_t size = 50, tenth;
	double t;

	if (argc > 1)
		size = strtoul(argv[1], NULL, 10);
	size *= 1000000;
	if (argc > 2)
		load(&text, size, argv + 2, argc - 2);
	else
		generate(&text, size);

	fold_key("warm-up", 7, &key);	/* fills the first pages of the cache */
	report("fold_key_mapped 1 MB", text.len, best_of_three(&text, 1, &key));
	report("fold_key_mapped", text.len, best_of_three(&text, 0, &key));
	report("fold_key", text.len, best_of_three(&text, 2, &plain));

	tenth = text.len / 10;
	while (tenth < text.len && ((unsigned char)text.buf[tenth] & 0xC0) == 0x80)
		tenth++;
	t = monotime_s();
	fold_key_slow(text.buf, tenth, &slow);
	report("fold_key_slow", tenth, monotime_s() - t);
	fold_key(text.buf, tenth, &part);

	if (key.len != plain.len || memcmp(key.buf, plain.buf, key.len) != 0 ||
	    part.len != slow.len || memcmp(part.buf, slow.buf, part.len) != 0) {
		fprintf(stderr, "bench_fold: the fast and slow keys differ\n");
		return 1;
	}
	printf("key %zu bytes for %zu bytes of text\n", key.len, text.len);
	strbuf_done(&text);
	strbuf_done(&key);
	strbuf_done(&plain);
	strbuf_done(&slow);
	strbuf_done(&part);
	return 0;
}
