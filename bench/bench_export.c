/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_export — time `export_run` over 100,000 highlights (make bench):
 *   bench_export [N]
 * Builds a ~4 MB document and an annotation database in a temporary
 * directory with N highlights (default 100000, as bench/mkhighlights does),
 * then exports them as Markdown and as JSON, best of three each.
 */
#include "gloss/gloss.h"

#include <time.h>
#include <unistd.h>

#include "gloss/export.h"
#include "gloss/monotime.h"
#include "gloss/store.h"
#include "gloss/xmalloc.h"

static void
write_doc(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		exit(1);
	for (int i = 0; i < 8000; i++) {
		if (i % 40 == 0)
			fprintf(f, "Section %d\n\n", i / 40);
		fprintf(f, "Paragraph %d: the border between Belarus and Ukraine runs through forests and "
		    "marshes; Лукашенко заявил, что всё решится ещё до осени, and trade *continued* "
		    "despite the [sanctions] of 2021 — emoji 🇧🇾 and more text to fill the line.\n\n", i);
	}
	fclose(f);
}

static double
best_of_three(struct store *st, struct export_options *o, size_t *count, size_t *bytes)
{
	double best = 1e9;

	for (int r = 0; r < 3; r++) {
		struct strbuf out = STRBUF_INIT;
		double t0 = monotime_s();

		if (export_run(st, o, &out, count) != GLOSS_OK) {
			fprintf(stderr, "bench_export: %s\n", error_last(GLOSS_EIO));
			exit(1);
		}
		best = GLOSS_MIN(best, monotime_s() - t0);
		*bytes = out.len;
		strbuf_done(&out);
	}
	return best;
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/gloss-bench-export.XXXXXX";
	long n = argc > 1 ? atol(argv[1]) : 100000;
	char *doc, *db, *cmd, *mk;
	struct store *st;
	const char *files[1];
	struct export_options o = { .color = -1, .now = EXPORT_NO_TIME, .nfiles = 1 };
	size_t count, bytes;
	double t;

	if (mkdtemp(dir) == NULL)
		return 1;
	doc = xasprintf("%s/doc.txt", dir);
	db = xasprintf("%s/bench.db", dir);
	write_doc(doc);
	mk = xasprintf("%.*smkhighlights", (int)(strrchr(argv[0], '/') ? strrchr(argv[0], '/') - argv[0] + 1 : 0),
	    argv[0]);
	cmd = xasprintf("%s %s %s %ld >/dev/null", mk, db, doc, n);
	if (system(cmd) != 0 || store_open(db, 0, &st) != GLOSS_OK) {
		fprintf(stderr, "bench_export: cannot make the highlights (%s)\n", cmd);
		return 1;
	}
	files[0] = doc;
	o.files = files;
	t = best_of_three(st, &o, &count, &bytes);
	printf("markdown  %zu highlights  %8.1f ms  %6.2f us/highlight  %zu bytes  (target <= 1000 ms)\n",
	    count, t * 1000, t * 1e6 / (double)(count ? count : 1), bytes);
	o.format = EXPORT_JSON;
	t = best_of_three(st, &o, &count, &bytes);
	printf("json      %zu highlights  %8.1f ms  %6.2f us/highlight  %zu bytes\n", count, t * 1000,
	    t * 1e6 / (double)(count ? count : 1), bytes);
	store_close(st);
	free(cmd);
	cmd = xasprintf("rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_export: could not remove %s\n", dir);
	free(cmd);
	free(mk);
	free(doc);
	free(db);
	return 0;
}
