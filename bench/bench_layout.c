/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_layout — throughput of layout_wrap() at width 80.
 *
 * Generates about 50 MB (or argv[1] MB) of paragraphs mixing English,
 * Russian, Ukrainian and Belarusian words with numbers, initials and
 * dashes (a fixed pseudo-random sequence, so runs are comparable), wraps
 * every paragraph and prints MB/s.  For comparison it also times
 * the typographic rules and libunistring's break finder alone on the same
 * paragraphs.  Not part of `make check`; run it by hand:
 *
 *   bench/bench_layout [MB [OUT]]   generated text; with OUT, it is also
 *                                   written there (paragraphs separated by
 *                                   blank lines) to time other tools, such
 *                                   as `fmt -w 80`, on the same input
 *   bench/bench_layout -f FILE      FILE instead, one paragraph per line
 */
#include "gloss/gloss.h"

#include <time.h>
#include <unilbrk.h>

#include "gloss/layout.h"
#include "gloss/monotime.h"
#include "gloss/strbuf.h"
#include "gloss/typo.h"

static const char *const words[] = {
	"the", "government", "of", "Belarus", "announced", "on", "Monday", "that",
	"trade", "with", "Ukraine", "fell", "sharply,", "according", "to", "officials.",
	"Вчера", "в", "Москве", "прошло", "заседание,", "на", "котором", "обсудили",
	"поставки", "зерна", "и", "удобрений.", "Президент", "А. Г. Лукашенко", "сказал,",
	"что", "около", "20 тонн", "в 2022 г.", "т. е.", "меньше,", "чем", "—", "у", "нас",
	"з'їзд", "пам’ять", "Україна", "і", "Білорусь", "та", "інші", "країни.",
	"Беларусь", "ў", "гэтым", "годзе", "праўда", "№ 5", "§ 3", "1990-е", "по-русски",
	"https://example.com/news/2023/09/article", "Мо́сква", "e.g.", "XIX в.",
};

static uint32_t seed = 12345;

static uint32_t
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Appends paragraphs of 20–250 words until out holds mb megabytes. */
static void
generate(struct strbuf *out, size_t mb, size_t **ends, size_t *npar)
{
	size_t cap = 1024;

	*ends = malloc(cap * sizeof(**ends));
	*npar = 0;
	while (out->len < mb * 1000 * 1000) {
		unsigned k, count = 20 + rnd() % 230;

		for (k = 0; k < count; k++) {
			if (k)
				strbuf_addc(out, ' ');
			strbuf_adds(out, words[rnd() % GLOSS_ARRAY_SIZE(words)]);
		}
		if (*npar == cap) {
			cap *= 2;
			*ends = realloc(*ends, cap * sizeof(**ends));
		}
		(*ends)[(*npar)++] = out->len;
	}
}

/* Reads path into out, one paragraph per line. */
static void
load(const char *path, struct strbuf *out, size_t **ends, size_t *npar)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t k, i, cap = 1024;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	while ((k = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, k);
	fclose(f);
	*ends = malloc(cap * sizeof(**ends));
	*npar = 0;
	for (i = 0; i <= out->len; i++) {
		if (i < out->len && out->buf[i] != '\n')
			continue;
		if (*npar == cap) {
			cap *= 2;
			*ends = realloc(*ends, cap * sizeof(**ends));
		}
		(*ends)[(*npar)++] = i;
	}
}

static void
save(const char *path, const char *text, const size_t *ends, size_t npar)
{
	FILE *f = fopen(path, "w");
	size_t k, start;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	for (k = 0, start = 0; k < npar; start = ends[k++]) {
		fwrite(text + start, 1, ends[k] - start, f);
		fputs("\n\n", f);
	}
	fclose(f);
}

/*
 * One timed pass over all paragraphs: 0 layout_wrap, 1 libunistring,
 * 2 typo.  A paragraph ends at ends[k]; the next starts skip bytes later.
 */
static double
pass(int what, const char *text, const size_t *ends, size_t npar, size_t skip, char *p,
    size_t *nlines)
{
	struct layout_opts o = layout_defaults(80);
	size_t k, start;
	double t0 = monotime_s();

	for (k = 0, start = 0; k < npar; start = ends[k++] + skip) {
		struct layout_line *lines;

		if (what == 0) {
			*nlines += layout_wrap(text + start, ends[k] - start, &o, &lines);
			free(lines);
		} else if (what == 1) {
			u8_possible_linebreaks((const uint8_t *)text + start, ends[k] - start,
			    "UTF-8", p + start);
		} else {
			typo_overrides(text + start, ends[k] - start, TYPO_DEFAULT, p + start);
		}
	}
	return monotime_s() - t0;
}

int
main(int argc, char **argv)
{
	static const char *const names[] = {
		"layout_wrap", "u8_possible_linebreaks", "typo_overrides",
	};
	struct strbuf text;
	size_t *ends, npar, nlines = 0, skip = 0;
	size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 50;
	double best[3] = { 1e9, 1e9, 1e9 };
	int round, what;
	char *p;

	strbuf_init(&text);
	if (argc > 2 && strcmp(argv[1], "-f") == 0) {
		load(argv[2], &text, &ends, &npar);
		skip = 1;	/* the "\n" */
	} else {
		generate(&text, mb ? mb : 50, &ends, &npar);
		if (argc > 2)
			save(argv[2], text.buf, ends, npar);
	}
	p = malloc(text.len + 1);
	/* The best of five rounds: timings on a shared machine are noisy. */
	for (round = 0; round < 5; round++) {
		for (what = 0; what < 3; what++) {
			double t = pass(what, text.buf, ends, npar, skip, p, &nlines);

			if (t < best[what])
				best[what] = t;
		}
	}
	printf("%zu bytes, %zu paragraphs, %zu lines at width 80\n", text.len, npar,
	    nlines / 5);
	for (what = 0; what < 3; what++)
		printf("%-24s %6.1f MB/s\n", names[what], (double)text.len / 1e6 / best[what]);
	free(p);
	free(ends);
	strbuf_done(&text);
	return 0;
}
