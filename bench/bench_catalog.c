/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_catalog — the library index on a directory of articles
 * (`make bench` generates 10,000 of them with bench/gen.py):
 *   bench/bench_catalog DIR
 * builds a fresh index BENCH_BUILDS times, default 3 (MB/s of source,
 * CPU seconds of the process and of the writer thread; the best and the
 * median; and from the CPU times, the rate two free processors would
 * allow), updates it after one file changed, and times 20 queries
 * BENCH_QUERY_RUNS times each (median, percentiles, maximum; wall and
 * CPU) and a phrase that no article holds.
 */
#include "gloss/gloss.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gloss/catalog.h"
#include "gloss/corpus.h"
#include "gloss/monotime.h"
#include "gloss/xmalloc.h"

static const char *const queries[] = {
	"Lukashenka", "ёлка", "ЕЛКА", "\"missile strikes\"", "праўда OR праўды", "добраахвотнікі",
	"з'явилися", "москва", "Ки́ев", "sanction*", "art00042", "art09999", "\"президент России\"",
	"Беларускія", "Kyiv Minsk", "обмеж*", "border", "\"BENCH nothing\"", "заседание", "Zelensky",
};

/* CPU seconds of the process (who = RUSAGE_SELF) or of the calling thread (RUSAGE_THREAD). */
static double
cpu(int who)
{
	struct rusage ru;

	if (getrusage(who, &ru) != 0)
		return 0;
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static uint64_t
dir_bytes(const char *dir, size_t *count)
{
	char **files;
	uint64_t total = 0;
	struct stat st;

	*count = corpus_list_dir(dir, &files);
	for (size_t i = 0; i < *count; i++) {
		if (stat(files[i], &st) == 0)
			total += (uint64_t)st.st_size;
		free(files[i]);
	}
	free(files);
	return total;
}

/* CPU seconds of the whole process, to the nanosecond (getrusage may count in ticks). */
static double
cpu_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The q-quantile of v[0..n) (sorted in place). */
static double
quantile(double *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[(size_t)(q * (double)(n - 1) + 0.5)];
}

#define NQ GLOSS_ARRAY_SIZE(queries)

/*
 * Every query BENCH_QUERY_RUNS times (default 9), the rounds interleaved:
 * per query the median wall time, and over all the runs the median, the
 * 10th and 90th percentiles and the maximum, wall and CPU.
 */
static void
time_queries(struct catalog *c)
{
	int runs = getenv("BENCH_QUERY_RUNS") ? atoi(getenv("BENCH_QUERY_RUNS")) : 9;
	size_t hits[NQ], all;
	double *wall, *cpu_t, one[64];

	runs = runs < 1 ? 1 : runs > 64 ? 64 : runs;
	wall = xcalloc(NQ * (size_t)runs, sizeof *wall);
	cpu_t = xcalloc(NQ * (size_t)runs, sizeof *cpu_t);
	for (int r = 0; r < runs; r++)
		for (size_t i = 0; i < NQ; i++) {
			struct catalog_hit *v;
			size_t n = 0;
			double t0 = monotime_s(), c0 = cpu_now();

			if (catalog_search(c, queries[i], 20, &v, &n) == GLOSS_OK)
				catalog_hits_free(v, n);
			wall[i * (size_t)runs + (size_t)r] = (monotime_s() - t0) * 1000;
			cpu_t[i * (size_t)runs + (size_t)r] = (cpu_now() - c0) * 1000;
			hits[i] = n;
		}
	for (size_t i = 0; i < NQ; i++) {
		memcpy(one, wall + i * (size_t)runs, (size_t)runs * sizeof *one);
		printf("  %-24s %7.2f ms  %zu hits\n", queries[i], quantile(one, (size_t)runs, 0.5),
		    hits[i]);
	}
	all = NQ * (size_t)runs;
	printf("queries (%zu, 20 hits each at most, %d runs each)  median %.2f ms  max %.2f ms"
	    "  (target <= 10 ms)\n", NQ, runs, quantile(wall, all, 0.5), quantile(wall, all, 1));
	printf("queries, all %zu runs: wall p10 %.2f / median %.2f / p90 %.2f ms;"
	    " CPU p10 %.2f / median %.2f / p90 %.2f / max %.2f ms\n", all, quantile(wall, all, 0.1),
	    quantile(wall, all, 0.5), quantile(wall, all, 0.9), quantile(cpu_t, all, 0.1),
	    quantile(cpu_t, all, 0.5), quantile(cpu_t, all, 0.9), quantile(cpu_t, all, 1));
	free(wall);
	free(cpu_t);
	{	/* the worst case of a word index: a phrase of common words that no article holds */
		struct catalog_hit *v;
		size_t n = 0;
		double t0 = monotime_s();

		if (catalog_search(c, "\"strikes missile\"", 20, &v, &n) == GLOSS_OK)
			catalog_hits_free(v, n);
		printf("phrase in no article (\"strikes missile\", its words in many)  %.2f ms  %zu hits\n",
		    (monotime_s() - t0) * 1000, n);
	}
}

int
main(int argc, char **argv)
{
	char tmp[] = "/tmp/gloss-bench-catalog-XXXXXX";
	const char *dir = argc > 1 ? argv[1] : "corpus";
	char *db_path, **files;
	struct cachedb *db;
	struct catalog *c;
	size_t count, nf;
	uint64_t bytes = dir_bytes(dir, &count);
	double t0, c0, w0, build, upd, times[15], bound[15];
	int runs;
	FILE *f;

	if (mkdtemp(tmp) == NULL)
		return 1;
	/* BENCH_BUILDS fresh builds (default 3): the best and the median are reported */
	runs = getenv("BENCH_BUILDS") ? atoi(getenv("BENCH_BUILDS")) : 3;
	runs = runs < 1 ? 1 : runs > 15 ? 15 : runs;
	for (int r = 0; r < runs; r++) {
		if (r > 0) {
			catalog_free(c);
			cachedb_close(db);
			unlink(db_path);
			free(db_path);
		}
		db_path = xasprintf("%s/index-%d.db", tmp, r);
		if (cachedb_open(db_path, &db) != GLOSS_OK ||
		    catalog_open(db, NULL, &dir, 1, &c) != GLOSS_OK) {
			fprintf(stderr, "bench_catalog: %s\n", error_last(GLOSS_EDB));
			return 1;
		}
		t0 = monotime_s();
		c0 = cpu(RUSAGE_SELF);
		w0 = cpu(RUSAGE_THREAD);
		catalog_update(c);
		times[r] = monotime_s() - t0;
		c0 = cpu(RUSAGE_SELF) - c0;
		w0 = cpu(RUSAGE_THREAD) - w0;
		/* what two free processors would allow: the writer alone, or half of all the work */
		bound[r] = (double)bytes / 1e6 / GLOSS_MAX(w0, c0 / 2);
		printf("build %d: %zu articles, %.1f MB in %.2f s = %.1f MB/s; CPU %.2f s in all, %.2f s"
		    " in the writer thread (2 free CPUs: %.1f MB/s)\n", r + 1, count, (double)bytes / 1e6,
		    times[r], (double)bytes / 1e6 / times[r], c0, w0, bound[r]);
	}
	qsort(times, (size_t)runs, sizeof *times, cmp_double);
	qsort(bound, (size_t)runs, sizeof *bound, cmp_double);
	build = times[0];
	printf("build: best of %d %.1f MB/s, median %.1f MB/s  (target >= 50 MB/s)\n", runs,
	    (double)bytes / 1e6 / build, (double)bytes / 1e6 / times[runs / 2]);
	printf("build from CPU time, max(writer, all / 2): best %.1f MB/s, median %.1f MB/s\n",
	    bound[runs - 1], bound[runs / 2]);
	nf = corpus_list_dir(dir, &files);
	if (nf > 0 && (f = fopen(files[nf / 2], "a")) != NULL) {
		fputs("\nOne more paragraph, added by the benchmark.\n", f);
		fclose(f);
	}
	t0 = monotime_s();
	catalog_rescan(c);
	catalog_update(c);
	upd = monotime_s() - t0;
	printf("update after one file changed: %.1f ms (stat of every file, re-index of one)\n",
	    upd * 1000);
	for (size_t i = 0; i < nf; i++)
		free(files[i]);
	free(files);
	time_queries(c);
	catalog_free(c);
	cachedb_close(db);
	printf("index size: ");
	fflush(stdout);
	{
		struct stat st;

		if (stat(db_path, &st) == 0)
			printf("%.1f MB\n", (double)st.st_size / 1e6);
	}
	unlink(db_path);
	free(db_path);
	for (int r = 0; r < runs; r++)	/* the WAL and shared-memory files of each build */
		for (int k = 0; k < 2; k++) {
			db_path = xasprintf("%s/index-%d.db-%s", tmp, r, k ? "shm" : "wal");
			unlink(db_path);
			free(db_path);
		}
	rmdir(tmp);
	return 0;
}
