/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog — the library: the articles of some directories with their
 * metadata, and the full-text index over their text and over the
 * notes, quotes and tags of their annotations.  Everything lives in the
 * index database (cachedb, tables catalog_*), so it can always be rebuilt.
 *
 * Updating.  catalog_open() only reads what is recorded.  The update lists
 * the directories (corpus_list_dir), stats each file and compares size and
 * mtime with the recorded ones: unchanged files are skipped; changed ones
 * are fingerprinted (SHA-256); the same fingerprint only updates the stat,
 * another one re-indexes the file (metadata, word count, text).
 * Files that are gone are removed.  New files get a row at once (title
 * unknown until indexed), so a list is complete before indexing ends.
 * Then the annotations' notes, quotes and tags are indexed again if the
 * store changed.  catalog_update_step() does about budget_us of that work
 * (one file at least) so that a reader can run it in idle time;
 * catalog_update() runs it to the end.  While files are indexed, worker
 * threads ($GLOSS_THREADS, 0 for none; else one per processor) read the
 * next ones ahead; only the thread calling the step uses the database.
 *
 * Searching.  Each article is indexed as one row holding the distinct
 * words of the fold keys (fold.h) of its blocks (phrases are verified on
 * the text of the candidate articles), cut into words by the catalog's own FTS5
 * tokenizer (runs of letters, digits and private-use characters, so й, ї,
 * ў stay letters of their own), and queries are folded the same way.  A
 * query is words (all must occur), "quoted phrases", prefixes (word*) and
 * OR between two of them; a word or phrase stands for every form of its
 * words (stem.h: the index holds each article's words and their forms),
 * and =word or ="phrase" for the words as written.  The words as written
 * are searched first, then their forms (a block gives one hit).  Note
 * markers (superscript and footnote-reference spans, superscript
 * characters, [^x] and [12] in queries) are no part of a word.  Articles and annotation fields are ranked by
 * BM25 without length normalisation; an article gives one hit per block
 * matching the query (in document order, all with the article's rank), or,
 * when its words are only found in different blocks, one per block holding
 * any of them.  Hits carry the location and a snippet of the original text
 * (read again from the file) with the match marked.
 *
 * Memory: returned arrays and their strings are new; free them with
 * catalog_entries_free() / catalog_hits_free().  Errors are GLOSS_EDB with
 * a message, or GLOSS_EPARSE for a malformed query.
 */
#ifndef GLOSS_CATALOG_H
#define GLOSS_CATALOG_H

#include "gloss/gloss.h"
#include "gloss/cachedb.h"
#include "gloss/error.h"
#include "gloss/store.h"

#define CATALOG_SNIPPET_BEFORE 40	/* code points of context before a match */
#define CATALOG_SNIPPET_AFTER 80	/* and after it */

struct catalog;

/* Where a hit is. */
enum catalog_kind {
	CATALOG_TEXT,		/* a block of the document */
	CATALOG_NOTE,		/* an annotation's note */
	CATALOG_QUOTE,		/* an annotation's highlighted text */
	CATALOG_TAGS,		/* an annotation's tags */
};

struct catalog_entry {
	int64_t id;
	char *path;
	char *title;		/* NULL until indexed */
	char *author, *date;	/* NULL if unknown */
	uint64_t size;
	int64_t mtime_ns;
	uint64_t words;
	uint64_t text_len;	/* bytes of document text */
	bool indexed;
};

struct catalog_hit {
	char *path, *title;
	enum catalog_kind kind;
	char *heading;		/* the section's heading, or NULL */
	uint32_t para;		/* block number in the document, from 1 */
	double percent;		/* where the hit is, 0-100 */
	uint64_t start, end;	/* the match in the document text (an annotation's range for notes, tags) */
	int64_t annot_id;	/* for notes, quotes and tags; else 0 */
	char *snippet;		/* original text around the match */
	size_t mark_start, mark_end;	/* the match within the snippet (bytes) */
	double rank;		/* BM25 of the article or field: lower is better */
};

/*
 * Opens the catalog of dirs[0..ndirs) in db (creating its tables); st
 * (may be NULL) is the annotation store, read for annotations.  Both are
 * borrowed and must outlive the catalog.
 */
enum gloss_status catalog_open(struct cachedb *db, struct store *st, const char *const *dirs,
    size_t ndirs, struct catalog **out);
void catalog_free(struct catalog *c);
/* Opens the index database (cachedb_open) and the catalog of dirs in it; the caller frees both. */
enum gloss_status catalog_open_cache(const char *const *dirs, size_t ndirs, struct store *st,
    struct cachedb **db, struct catalog **cat);

/* What the store knows of an article (catalog_stats(); st may be NULL). */
struct catalog_stats {
	int progress;		/* the furthest point read as a percentage of the text (100: its end was
				   on screen; never 100 before), -1 if never opened */
	size_t highlights;
	int64_t opened;		/* 0: unknown (not used by the commands) */
};

void catalog_stats(struct store *st, const struct catalog_entry *e, struct catalog_stats *out);

/* Does about budget_us microseconds of update work; true while work remains. */
bool catalog_update_step(struct catalog *c, unsigned budget_us);
/* The fraction of this update done (0..1; 1 when there is nothing to do). */
double catalog_progress(const struct catalog *c);
/* Runs the update to the end; the first error (the update goes on past bad files). */
enum gloss_status catalog_update(struct catalog *c);
/* Starts a new update at the next step (after files may have changed). */
void catalog_rescan(struct catalog *c);

/* The articles of the catalog's directories, by path. */
enum gloss_status catalog_list(struct catalog *c, struct catalog_entry **out, size_t *n);
void catalog_entries_free(struct catalog_entry *v, size_t n);

/* The best hits for query (at most limit), best first. */
enum gloss_status catalog_search(struct catalog *c, const char *query, size_t limit,
    struct catalog_hit **out, size_t *n);
/*
 * The same, and *more set to the number of hits past limit, counted up to
 * CATALOG_MORE_MAX (that many means at least as many).
 */
#define CATALOG_MORE_MAX 1000
enum gloss_status catalog_search_count(struct catalog *c, const char *query, size_t limit,
    struct catalog_hit **out, size_t *n, size_t *more);
void catalog_hits_free(struct catalog_hit *v, size_t n);

/*
 * Turns a user query into an FTS5 expression over fold keys (caller
 * frees); GLOSS_EPARSE with a message if it is malformed.
 */
enum gloss_status catalog_query_compile(const char *query, char **fts);

#endif
