/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_xref — the cross-document index end to end: the corpus (the two
 * Lukashenko articles share passages, a lead paragraph repeated inside an
 * article, no matches between unrelated articles), verbatim and short
 * paragraphs, shared URLs, and incremental updates (unchanged, edited,
 * deleted files) counted through xref_stats().
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/cachedb.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "../lib/tap.h"

#define COOP "lukashenko-occupied-territories-cooperation.txt"
#define LAT "lukashenko-occupied-territories-latushka.txt"
#define REL "belarus-ukraine-relations-2020-2025.txt"
#define WEEKLY "belarus-weekly-2023-09-22.txt"
#define BRINK "belarusian-ukrainian-relations-brink-of-war.md"

static const char *const corpus[] = { REL, WEEKLY, BRINK, COOP, LAT };

static char tmpdir[] = "/tmp/gloss-xref-XXXXXX";
static char *paths[GLOSS_ARRAY_SIZE(corpus)];

static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void
copy_file(const char *from, const char *to)
{
	char buf[65536];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;

	if (in == NULL || out == NULL)
		exit(99);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		exit(99);
	fputs(text, f);
	fclose(f);
}

/* The first and last 30 bytes of the text of path in [s, e), as "first|last". */
static char *
ends(const char *path, uint64_t s, uint64_t e)
{
	struct strbuf sb = STRBUF_INIT;
	struct doc *d;
	char *r;

	if (doc_open(path, NULL, &d) != GLOSS_OK)
		return xstrdup("(cannot open)");
	doc_measure_all(d);
	doc_text_range(d, s, e, &sb);
	r = sb.len >= 30 ? xasprintf("%.30s|%s", sb.buf, sb.buf + sb.len - 30) : xstrdup("(short)");
	strbuf_done(&sb);
	doc_free(d);
	return r;
}

/* The entries of path, one line each: "[s,e) other [os,oe) sim v|u". */
static char *
describe(struct xref *x, const char *path, size_t *count)
{
	struct strbuf sb = STRBUF_INIT;
	struct xref_entry *e;
	size_t n;

	if (xref_query(x, path, &e, &n) != GLOSS_OK)
		return xstrdup("(query failed)");
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "[%llu,%llu) %s [%llu,%llu) %.2f %s%s\n",
		    (unsigned long long)e[i].start, (unsigned long long)e[i].end,
		    base(e[i].other_path), (unsigned long long)e[i].other_start,
		    (unsigned long long)e[i].other_end, e[i].similarity,
		    e[i].kind == XREF_URL ? "url " : e[i].verbatim ? "verbatim" : "near",
		    e[i].url ? e[i].url : "");
	xref_entries_free(e, n);
	if (count)
		*count = n;
	strbuf_adds(&sb, "");
	return strbuf_detach(&sb, NULL);
}

static void
check_str(char *got, const char *want, const char *what)
{
	is_str(got, want, "%s", what);
	free(got);
}

/* Runs a whole update with budget 0 (one file per step); returns the steps taken. */
static int
update(struct xref *x, const char *const *list, size_t n)
{
	struct xref_update u = { list, n, NULL, NULL, 0, false, 0 };
	int steps = 1;

	while (xref_update_step(x, &u, 0))
		steps++;
	if (u.failed)
		printf("# %u files failed\n", u.failed);
	return steps;
}

static void
test_corpus(struct xref *x)
{
	static const size_t counts[] = { 2, 0, 0, 12, 4 };
	struct xref_stats st;
	size_t n;

	is_int(update(x, (const char *const *)paths, GLOSS_ARRAY_SIZE(paths)), 5,
	    "budget 0: one file per step");
	xref_stats(x, &st);
	is_int((long long)st.indexed, 5, "every corpus file was indexed");
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(corpus); i++) {
		free(describe(x, paths[i], &n));
		is_int((long long)n, (long long)counts[i], "%s: exact entry count", corpus[i]);
	}
	check_str(describe(x, paths[4], NULL),
	    "[228,821) " COOP " [289,1401) 0.77 near\n"
	    "[824,933) " COOP " [3847,3956) 0.53 near\n"
	    "[1304,1952) " COOP " [12189,12863) 0.84 near\n"
	    "[1957,2196) " COOP " [13602,13869) 0.62 near\n",
	    "latushka: its passages in the longer article");
	check_str(ends(paths[4], 228, 821),
	    "The Lukashenko regime, fearing|mediation of Russian companies",
	    "latushka [228,821): lead and the trade sentence");
	check_str(ends(paths[3], 289, 1401),
	    "The Lukashenko regime, fearing|mediation of Russian companies",
	    "cooperation [289,1401): the same passage spread over three paragraphs");
	check_str(ends(paths[4], 1304, 1952),
	    "In addition to cooperation wit|ys welcome on the Crimean land",
	    "latushka [1304,1952): Crimea");
	check_str(ends(paths[3], 12189, 12863),
	    "In addition to cooperation wit|ys welcome on the Crimean land",
	    "cooperation [12189,12863): Crimea");
	check_str(ends(paths[4], 1957, 2196),
	    "In addition, the illegitimate | of Ukraine occupied by Russia",
	    "latushka [1957,2196): the consulate");
	check_str(ends(paths[3], 13602, 13869),
	    "In addition, the illegitimate | of Ukraine occupied by Russia",
	    "cooperation [13602,13869): the consulate, without its last sentence");
}

/* Whether an entry of path points at its own range. */
static bool
self_match(struct xref *x, const char *path)
{
	struct xref_entry *e;
	size_t n;
	bool found = false;

	if (xref_query(x, path, &e, &n) != GLOSS_OK)
		return true;
	for (size_t i = 0; i < n; i++)
		found |= strcmp(e[i].other_path, path) == 0 && e[i].start == e[i].other_start;
	xref_entries_free(e, n);
	return found;
}

/* The repeated lead of one article, and repeated captions inside the other. */
static void
test_repeats(struct xref *x)
{
	char *all = describe(x, paths[3], NULL);

	check_str(describe(x, paths[0], NULL),
	    "[0,321) " REL " [6785,7111) 0.86 near\n"
	    "[6785,7111) " REL " [0,321) 0.86 near\n",
	    "relations: the lead paragraph repeated further down, both ways");
	check_str(ends(paths[0], 0, 321), "The deterioration of Belarusia|ponents chose a different path",
	    "relations [0,321): the lead");
	check_str(ends(paths[0], 6785, 7111), "The deterioration of Belarusia|ponents chose a different path",
	    "relations [6785,7111): its repetition");
	ok(strstr(all, "[9789,9885) " COOP " [9887,9983) 1.00 near\n") != NULL &&
	    strstr(all, "[9887,9983) " COOP " [9789,9885) 1.00 near\n") != NULL,
	    "cooperation: a caption repeated with its source line");
	ok(strstr(all, "[13,98) " COOP " [13917,14002) 1.00 near\n") != NULL,
	    "cooperation: the title repeated in the last sentence");
	free(all);
	ok(!self_match(x, paths[0]) && !self_match(x, paths[3]), "no paragraph matches itself");
	check_str(ends(paths[3], 9789, 9885), "Passing tractors, laptops, pro|nstitutions of the LPR and DPR",
	    "cooperation [9789,9885)");
}

/* Crafted documents: verbatim copies, short paragraphs, URLs. */
static void
test_crafted(struct xref *x)
{
	static const char para[] = "Every shingle of this paragraph is shared with the other "
	    "document, word for word, so the match is verbatim.\n\n";
	static const char *const urls_a[] = { "HTTPS://WWW.Example.org/report/#part-2", "http://only.a/" };
	static const uint64_t sa[] = { 5, 40 }, ea[] = { 20, 50 };
	static const char *const urls_b[] = { "https://example.org/report" };
	static const uint64_t sb[] = { 7 }, eb[] = { 9 };
	char *a = xasprintf("%s/a.txt", tmpdir), *b = xasprintf("%s/b.txt", tmpdir);
	char *txt_a = xasprintf("Short lines repeat here.\n\nShort lines repeat here.\n\n%s", para);
	char *txt_b = xasprintf("%sTotally different closing words, nothing in common at all "
	    "with the first document here.\n", para);
	struct doc *da, *db;

	write_file(a, txt_a);
	write_file(b, txt_b);
	doc_open(a, NULL, &da);
	doc_open(b, NULL, &db);
	is_int(xref_index_doc(x, a, da, 2, urls_a, sa, ea), GLOSS_OK, "index a with two URLs");
	is_int(xref_index_doc(x, b, db, 1, urls_b, sb, eb), GLOSS_OK, "index b with one URL");
	check_str(describe(x, a, NULL),
	    "[5,20) b.txt [7,9) 1.00 url HTTPS://WWW.Example.org/report/#part-2\n"
	    "[52,158) b.txt [0,106) 1.00 verbatim\n",
	    "a: the URL cited by b and the verbatim paragraph; short repeats ignored");
	check_str(describe(x, b, NULL),
	    "[0,106) a.txt [52,158) 1.00 verbatim\n"
	    "[7,9) a.txt [5,20) 1.00 url https://example.org/report\n",
	    "b: the same entries seen from b");
	xref_forget(x, a);
	check_str(describe(x, b, NULL), "", "forgetting a removes b's entries");
	xref_forget(x, b);
	doc_free(da);
	doc_free(db);
	free(txt_a);
	free(txt_b);
	unlink(a);
	unlink(b);
	free(a);
	free(b);
}

/*
 * Boilerplate: a paragraph repeated twenty times in one file is not compared
 * (its shingles are in more than 16 places), while the same paragraph twice
 * is a repeat worth listing.
 */
static void
test_common(struct xref *x)
{
	static const char para[] = "The border crossing at the northern checkpoint was closed again "
	    "for trucks carrying grain and fertiliser this week.\n\n";
	char *a = xasprintf("%s/common.txt", tmpdir);
	struct strbuf sb = STRBUF_INIT;
	struct doc *d;
	size_t n = 99;

	strbuf_adds(&sb, "A real opening paragraph that says something of its own, unlike the rest.\n\n");
	for (int i = 0; i < 20; i++)
		strbuf_adds(&sb, para);
	write_file(a, strbuf_str(&sb));
	doc_open(a, NULL, &d);
	is_int(xref_index_doc(x, a, d, 0, NULL, NULL, NULL), GLOSS_OK, "index a file of one paragraph x20");
	free(describe(x, a, &n));
	is_int((int)n, 0, "a paragraph in 20 places is boilerplate: no entries");
	doc_free(d);
	xref_forget(x, a);
	strbuf_reset(&sb);
	strbuf_adds(&sb, para);
	strbuf_adds(&sb, "Something else in between, long enough to count as a paragraph here.\n\n");
	strbuf_adds(&sb, para);
	write_file(a, strbuf_str(&sb));
	doc_open(a, NULL, &d);
	is_int(xref_index_doc(x, a, d, 0, NULL, NULL, NULL), GLOSS_OK, "index it with the paragraph twice");
	free(describe(x, a, &n));
	is_int((int)n, 2, "twice is a repeat: found from both places");
	doc_free(d);
	xref_forget(x, a);
	strbuf_done(&sb);
	unlink(a);
	free(a);
}

static void
test_urls(void)
{
	static const char *const cases[][2] = {
		{ "HTTP://WWW.Example.COM/Path/?q=A#frag", "http://example.com/Path?q=A" },
		{ "https://example.com/", "https://example.com" },
		{ "https://example.com", "https://example.com" },
		{ "  https://www.a.org/x/y/  ", "https://a.org/x/y" },
		{ "mailto:Someone@Example.com", "mailto:Someone@Example.com" },
		{ "https://www./", "https://www." },
		{ "", "" },
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++) {
		char *n = xref_url_normalize(cases[i][0]);

		is_str(n, cases[i][1], "normalize \"%s\"", cases[i][0]);
		free(n);
	}
}

static void
test_incremental(struct xref *x)
{
	struct xref_stats before, after;
	FILE *f;
	size_t n;

	xref_stats(x, &before);
	update(x, (const char *const *)paths, GLOSS_ARRAY_SIZE(paths));
	xref_stats(x, &after);
	is_int((long long)(after.indexed - before.indexed), 0, "unchanged corpus: nothing re-indexed");
	ok(!xref_stale(x, paths[3]), "an indexed file is not stale");

	f = fopen(paths[1], "ab");
	fputs("\nA new closing paragraph of the weekly, written for this test alone, ends it.\n", f);
	fclose(f);
	ok(xref_stale(x, paths[1]), "an edited file is stale");
	before = after;
	update(x, (const char *const *)paths, GLOSS_ARRAY_SIZE(paths));
	xref_stats(x, &after);
	is_int((long long)(after.indexed - before.indexed), 1, "one edited file: only it re-indexed");
	free(describe(x, paths[3], &n));
	is_int((long long)n, 12, "the other entries are untouched");

	unlink(paths[4]);
	ok(xref_stale(x, paths[4]), "a deleted file is stale");
	before = after;
	update(x, (const char *const *)paths, 4);
	xref_stats(x, &after);
	is_int((long long)(after.forgotten - before.forgotten), 1, "a deleted file is forgotten");
	is_int((long long)(after.indexed - before.indexed), 0, "and nothing else is re-indexed");
	free(describe(x, paths[4], &n));
	is_int((long long)n, 0, "its entries vanish");
	free(describe(x, paths[3], &n));
	is_int((long long)n, 8, "and so do the others' entries pointing at it");
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char *dbpath, *cmd;
	struct cachedb *c;
	struct xref *x;

	if (mkdtemp(tmpdir) == NULL)
		return 99;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(corpus); i++) {
		char *from = xasprintf("%s/corpus/%s", top ? top : ".", corpus[i]);

		paths[i] = xasprintf("%s/%s", tmpdir, corpus[i]);
		copy_file(from, paths[i]);
		free(from);
	}
	dbpath = xasprintf("%s/index.db", tmpdir);
	if (!ok(cachedb_open(dbpath, &c) == GLOSS_OK && xref_open(c, &x) == GLOSS_OK,
	    "open the index"))
		return tap_done();
	test_corpus(x);
	test_repeats(x);
	test_crafted(x);
	test_common(x);
	test_urls();
	test_incremental(x);
	xref_close(x);
	cachedb_close(c);
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	free(dbpath);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(paths); i++)
		free(paths[i]);
	return tap_done();
}
