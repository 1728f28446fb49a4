/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_boiler — folding never reads the whole document: times opening a
 * generated plain-text file of N MB with furniture runs every few
 * paragraphs, finding its last shown block (what G needs), and walking
 * 2,000 shown blocks from 50 %.  Then the cost of classifying: parsing
 * every block of that file and of each FILE given (MB/s, best of 5).
 * Run by hand: bench/bench_boiler [MB [FILE...]]
 */
#include "gloss/gloss.h"

#include <time.h>
#include <unistd.h>

#include "gloss/boiler.h"
#include "gloss/doc.h"
#include "gloss/monotime.h"
#include "gloss/xmalloc.h"

/* Writes about mb MB: paragraphs, and after every seventh a run of 1-6 furniture lines. */
static char *
generate(int mb)
{
	static const char *const furniture[] = {
		"Subscribe", "* indicates required", "Share", "Skip to content",
		"Enter your email to subscribe", "Advertisement",
	};
	char *path = xstrdup("/tmp/gloss-bench-boiler.XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	long size = 0;

	if (f == NULL)
		return NULL;
	for (unsigned i = 0; size < (long)mb << 20; i++) {
		size += fprintf(f, "Paragraph %u of the article, a sentence of ordinary body text that "
		    "goes on for a while about the matter at hand.\n\n", i);
		for (unsigned j = 0; i % 7 == 0 && j < 1 + i % 6; j++)
			size += fprintf(f, "%s\n", furniture[(i + j) % 6]);
		if (i % 7 == 0)
			size += fprintf(f, "\n");
	}
	fclose(f);
	return path;
}

/* Opens path and parses every block, five times: the best MB/s. */
static double
parse_rate(const char *path)
{
	double best = 0;

	for (int r = 0; r < 5; r++) {
		struct doc *d;
		struct doc_loc loc;
		long n = 0;
		double t = monotime_s();

		if (doc_open(path, NULL, &d) != GLOSS_OK)
			return 0;
		for (bool more = doc_first(d, &loc); more; more = doc_next(d, &loc))
			if (++n % 4096 == 0)
				doc_trim(d);
		t = monotime_s() - t;
		best = GLOSS_MAX(best, (double)doc_source_size(d) / 1e6 / t);
		doc_free(d);
	}
	return best;
}

int
main(int argc, char **argv)
{
	int mb = argc > 1 ? atoi(argv[1]) : 100;
	char *path = generate(mb > 0 ? mb : 100);
	struct doc *d;
	struct boiler *bo;
	struct doc_loc loc;
	double t;
	int k;

	if (path == NULL || doc_open(path, NULL, &d) != GLOSS_OK)
		return 1;
	t = (monotime_s() * 1e3);
	bo = boiler_new(d, true);
	boiler_last(bo, &loc);
	printf("%d MB: last shown block (G): %.2f ms\n", mb, (monotime_s() * 1e3) - t);
	t = (monotime_s() * 1e3);
	doc_seek_fraction(d, 0.5, &loc);
	boiler_visible(bo, &loc);
	for (k = 0; k < 2000 && boiler_next(bo, &loc); k++)
		;
	printf("50%% and 2000 shown blocks forward: %.2f ms\n", (monotime_s() * 1e3) - t);
	t = (monotime_s() * 1e3);
	for (k = 0; k < 2000 && boiler_prev(bo, &loc); k++)
		;
	printf("2000 shown blocks back: %.2f ms\n", (monotime_s() * 1e3) - t);
	boiler_free(bo);
	doc_free(d);
	printf("parsing (classifying) every block: %.1f MB/s\n", parse_rate(path));
	for (int i = 2; i < argc; i++)
		printf("parsing %s: %.1f MB/s\n", argv[i], parse_rate(argv[i]));
	unlink(path);
	free(path);
	return 0;
}
