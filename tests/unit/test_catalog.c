/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_catalog — the library index: query compilation (exact FTS5
 * expressions), the bounded update step and its progress, and hits whose
 * document-text ranges hold exactly the matched words (checked against the
 * document model, for every hit of several queries on the corpus); an
 * article's word list, whose copies of a word are a count after it, is
 * indexed as if they were written out.
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/cachedb.h"
#include "gloss/catalog.h"
#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static void
compiles(const char *q, const char *want)
{
	char *fts = NULL;
	enum gloss_status rc = catalog_query_compile(q, &fts);

	if (want == NULL)
		ok(rc == GLOSS_EPARSE && fts == NULL, "'%s' is refused", q);
	else
		is_str(fts, want, "'%s' compiles", q);
	free(fts);
}

static void
test_compile(void)
{
	compiles("Ёлка", "\"елка\"");
	compiles("  ПРАЎДА  з’їзд ", "\"праўда\" \"з'їзд\"");
	compiles("Мо́сква*", "\"москва\" *");
	compiles("\"Union  Resolve\"", "\"union resolve\"");
	compiles("\"union res\"*", "\"union res\" *");
	compiles("a OR b", "\"a\" OR \"b\"");
	compiles("say\"\"", NULL);
	compiles("x \"y", NULL);
	compiles("OR x", NULL);
	compiles("x OR", NULL);
	compiles("", NULL);
	compiles("*", NULL);
	compiles("a*b", NULL);
	compiles("...", NULL);
}

/* Every hit's [start, end) in the document text has the fold key of what was looked for. */
static void
hits_exact(struct catalog *c, const char *query, const char *key, size_t want_min)
{
	struct catalog_hit *v;
	size_t n, good = 0;

	if (catalog_search(c, query, 50, &v, &n) != GLOSS_OK) {
		ok(0, "search '%s'", query);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct doc_options opt = { .format = -1 };
		struct doc *doc;
		struct strbuf text = STRBUF_INIT, k = STRBUF_INIT;

		if (doc_open(v[i].path, &opt, &doc) != GLOSS_OK)
			continue;
		doc_measure_all(doc);
		doc_text_range(doc, v[i].start, v[i].end, &text);
		fold_key(strbuf_str(&text), text.len, &k);
		good += strcmp(strbuf_str(&k), key) == 0;
		if (strcmp(strbuf_str(&k), key) != 0)
			tap_diag("range", strbuf_str(&text));
		strbuf_done(&text);
		strbuf_done(&k);
		doc_free(doc);
	}
	ok(n >= want_min && good == n, "'%s': %zu hits, each range in the document text is the match",
	    query, n);
	catalog_hits_free(v, n);
}

/* The titles of the list and the hits of a few queries, as one string (caller frees). */
static char *
index_summary(const char *db_path, const char *corpus)
{
	static const char *const queries[] = { "Lukashenka", "\"union resolve\"", "ОФІЦІЙНИЙ OR ВОЕННОЕ" };
	struct strbuf out = STRBUF_INIT;
	struct cachedb *db;
	struct catalog *c;
	struct catalog_entry *e;
	size_t n;

	if (cachedb_open(db_path, &db) != GLOSS_OK)
		return xstrdup("");
	if (catalog_open(db, NULL, &corpus, 1, &c) != GLOSS_OK || catalog_update(c) != GLOSS_OK) {
		cachedb_close(db);
		return xstrdup("");
	}
	catalog_list(c, &e, &n);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&out, "%s|%s|%llu|%llu\n", e[i].path, e[i].title ? e[i].title : "-",
		    (unsigned long long)e[i].words, (unsigned long long)e[i].text_len);
	catalog_entries_free(e, n);
	for (size_t q = 0; q < GLOSS_ARRAY_SIZE(queries); q++) {
		struct catalog_hit *v;

		if (catalog_search(c, queries[q], 30, &v, &n) != GLOSS_OK)
			continue;
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&out, "%s|%u|%llu-%llu|%s\n", v[i].path, v[i].para,
			    (unsigned long long)v[i].start, (unsigned long long)v[i].end, v[i].snippet);
		catalog_hits_free(v, n);
	}
	catalog_free(c);
	cachedb_close(db);
	unlink(db_path);
	return strbuf_detach(&out, NULL);
}

/* Worker threads read the files ahead of the writer: the index is the same with and without them. */
static void
test_threads(const char *dir, const char *corpus)
{
	char *path = xasprintf("%s/threads.db", dir), *serial, *threaded;
	size_t lines = 0;

	setenv("GLOSS_THREADS", "0", 1);
	serial = index_summary(path, corpus);
	setenv("GLOSS_THREADS", "3", 1);
	threaded = index_summary(path, corpus);
	unsetenv("GLOSS_THREADS");
	for (const char *p = serial; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	ok(lines >= 5 + 20 + 2, "the serial index: five articles and %zu hits", lines - 5);
	is_str(threaded, serial, "three worker threads give the same list and hits as none");
	free(serial);
	free(threaded);
	free(path);
}

/* The places of each term of a row of the "gloss" tokenizer, as "term:place ..." (caller frees). */
static char *
places(sqlite3 *h, const char *text)
{
	struct strbuf out = STRBUF_INIT;
	sqlite3_stmt *st = NULL;

	sqlite3_exec(h, "DELETE FROM temp.words", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(h, "INSERT INTO temp.words(rowid, key) VALUES (1, ?)", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "SELECT term, offset FROM temp.words_places ORDER BY offset, term",
	    -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW)
			strbuf_addf(&out, "%s:%d ", (const char *)sqlite3_column_text(st, 0),
			    sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	return strbuf_detach(&out, NULL);
}

/* A word followed by a count of copies gives the index what the copies written out would. */
static void
test_copies(struct cachedb *db)
{
	sqlite3 *h = cachedb_handle(db);
	char *compact, *written;

	ok(sqlite3_exec(h, "CREATE VIRTUAL TABLE temp.words USING fts5(key, tokenize = 'gloss');"
	    "CREATE VIRTUAL TABLE temp.words_places USING fts5vocab(temp, words, instance)",
	    NULL, NULL, NULL) == SQLITE_OK, "a table with the tokenizer");
	compact = places(h, "\x1F" "мір\x03 dom x\x01 y \x1E" "мір ");
	written = places(h, "\x1F" "мір мір мір мір dom x x y \x1E" "мір ");
	is_str(compact, written, "copies as a count: the same terms at the same places");
	is_str(compact, "мір:0 мір:1 мір:2 мір:3 dom:4 x:5 x:6 y:7 \x1E" "мір:8 ",
	    "each copy at its own place");
	free(compact);
	free(written);
	sqlite3_exec(h, "DROP TABLE temp.words_places; DROP TABLE temp.words", NULL, NULL, NULL);
}

int
main(void)
{
	char dir[] = "/tmp/gloss-catalog-XXXXXX";
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	char *corpus = xasprintf("%s/corpus", top), *path;
	const char *dirs[1] = { corpus };
	struct cachedb *db;
	struct catalog *c;
	struct catalog_entry *e;
	size_t n, steps = 0;
	double last = 0;
	bool monotone = true;

	test_compile();
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/index.db", dir);
	is_int(cachedb_open(path, &db), GLOSS_OK, "index opened");
	is_int(catalog_open(db, NULL, dirs, 1, &c), GLOSS_OK, "catalog opened");
	test_copies(db);
	catalog_list(c, &e, &n);
	is_int((long long)n, 0, "nothing listed before the first update");
	catalog_entries_free(e, n);
	while (catalog_update_step(c, 1)) {	/* one file per step */
		monotone = monotone && catalog_progress(c) >= last;
		last = catalog_progress(c);
		if (steps++ == 0) {
			catalog_list(c, &e, &n);
			ok(n == 5 && e[0].title == NULL && !e[0].indexed,
			    "after the scan step all five rows are listed, not yet indexed");
			catalog_entries_free(e, n);
		}
	}
	ok(steps >= 6 && monotone, "the update ran in %zu bounded steps, progress never going back", steps);
	is_int((long long)(catalog_progress(c) * 100), 100, "progress is 1 at the end");
	catalog_list(c, &e, &n);
	ok(n == 5 && e[2].indexed && e[2].text_len > 10000, "indexed with the document-text length");
	is_str(e[2].title, "Belarusian-Ukrainian Relations: On the Brink of War", "metadata recorded");
	catalog_entries_free(e, n);
	hits_exact(c, "ВОЕННОЕ", "военное", 1);
	hits_exact(c, "\"union resolve\"", "union resolve", 2);
	hits_exact(c, "Lukashenka", "lukashenka", 20);
	hits_exact(c, "ОФІЦІЙНИЙ", "офіційний", 1);
	catalog_rescan(c);
	is_int(catalog_update(c), GLOSS_OK, "a second update");
	test_threads(dir, corpus);
	ok(!catalog_update_step(c, 1000), "nothing left to do");
	catalog_free(c);
	cachedb_close(db);
	unlink(path);
	free(path);
	rmdir(dir);
	free(corpus);
	return tap_done();
}
