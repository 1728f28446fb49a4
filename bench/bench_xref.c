/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_xref — indexing speed of the cross-document index on a generated
 * corpus: N articles (default 1000) of about 10 KB of English and Cyrillic
 * words, every tenth one repeating a paragraph of the one before it.
 * Prints the time of the first full update, of an update with nothing
 * changed and of one after editing a single file, and the index size.
 *
 *     bench/bench_xref [N]
 */
#include "gloss/gloss.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gloss/cachedb.h"
#include "gloss/monotime.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"

#define ARTICLE_BYTES 10000
#define VOCABULARY 4000

static uint64_t seed = 42;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static const char *const latin[] = { "ka", "lo", "mi", "ne", "ru", "sta", "tor", "vel", "an", "is" };
static const char *const cyril[] = { "ка", "ло", "ми", "не", "ру", "ста", "тор", "вел", "ан", "ис" };

static char *words[VOCABULARY];

static void
make_words(void)
{
	for (int i = 0; i < VOCABULARY; i++) {
		const char *const *syl = i % 3 == 0 ? cyril : latin;
		struct strbuf sb = STRBUF_INIT;
		int n = 1 + i % 4, v = i;

		for (int k = 0; k < n; k++, v /= 10)
			strbuf_adds(&sb, syl[v % 10]);
		strbuf_addf(&sb, "%d", i / 1000);
		words[i] = strbuf_detach(&sb, NULL);
	}
}

static void
make_paragraph(struct strbuf *sb)
{
	int n = 40 + (int)rnd(80);

	for (int i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? " " : "", words[rnd(VOCABULARY)]);
	strbuf_adds(sb, ".\n\n");
}

/* Writes article i; returns its first paragraph (caller frees) for the next one to repeat. */
static char *
make_article(const char *path, int i, const char *repeat)
{
	struct strbuf sb = STRBUF_INIT, first = STRBUF_INIT;
	FILE *f;

	strbuf_addf(&sb, "Article %d\n\n", i);
	make_paragraph(&first);
	strbuf_add(&sb, first.buf, first.len);
	while (sb.len < ARTICLE_BYTES) {
		if (repeat && i % 10 == 0 && rnd(4) == 0) {
			strbuf_adds(&sb, repeat);
			repeat = NULL;
		}
		make_paragraph(&sb);
	}
	if ((f = fopen(path, "wb")) == NULL)
		exit(1);
	fwrite(sb.buf, 1, sb.len, f);
	fclose(f);
	strbuf_done(&sb);
	return strbuf_detach(&first, NULL);
}

static double
run(struct xref *x, char **paths, int n, unsigned long *indexed)
{
	struct xref_update u = { (const char *const *)paths, (size_t)n, NULL, NULL, 0, false, 0 };
	struct xref_stats a, b;
	double t0 = monotime_s();

	xref_stats(x, &a);
	while (xref_update_step(x, &u, 100000))
		;
	xref_stats(x, &b);
	*indexed = b.indexed - a.indexed;
	return monotime_s() - t0;
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	char dir[] = "/tmp/gloss-bench-xref-XXXXXX";
	char **paths, *prev = NULL, *db, *cmd;
	struct cachedb *c;
	struct xref *x;
	struct xref_stats st;
	struct stat sb;
	unsigned long k;
	double t;
	size_t entries = 0;

	if (n < 2 || mkdtemp(dir) == NULL)
		return 2;
	make_words();
	paths = xcalloc((size_t)n, sizeof *paths);
	for (int i = 0; i < n; i++) {
		char *first;

		paths[i] = xasprintf("%s/a%04d.txt", dir, i);
		first = make_article(paths[i], i, prev);
		free(prev);
		prev = first;
	}
	free(prev);
	db = xasprintf("%s/index.db", dir);
	if (cachedb_open(db, &c) != GLOSS_OK || xref_open(c, &x) != GLOSS_OK)
		return 1;
	t = run(x, paths, n, &k);
	xref_stats(x, &st);
	printf("first update     %8.2f s  %lu documents, %.1f ms/document, %lu shingles\n", t, k,
	    1000 * t / (double)k, st.shingles);
	for (int i = 0; i < n; i++) {
		struct xref_entry *e;
		size_t m;

		if (xref_query(x, paths[i], &e, &m) == GLOSS_OK) {
			entries += m;
			xref_entries_free(e, m);
		}
	}
	printf("entries          %8zu  (every tenth article repeats a paragraph of the one before)\n",
	    entries);
	t = run(x, paths, n, &k);
	printf("nothing changed  %8.3f s  %lu documents re-indexed\n", t, k);
	{
		FILE *f = fopen(paths[n / 2], "ab");

		fputs("An added closing paragraph.\n", f);
		fclose(f);
	}
	t = run(x, paths, n, &k);
	printf("one file edited  %8.3f s  %lu documents re-indexed\n", t, k);
	xref_close(x);
	cachedb_close(c);
	if (stat(db, &sb) == 0)
		printf("index size       %8.1f MB\n", (double)sb.st_size / 1e6);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	free(cmd);
	free(db);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	for (int i = 0; i < VOCABULARY; i++)
		free(words[i]);
	return 0;
}
