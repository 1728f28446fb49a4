/*
 * xref — the cross-document index: passages that appear in two places of
 * the corpus (one article condensing another, a lead paragraph repeated in
 * the same article) and URLs cited by two documents.
 *
 * Passages are found by shingling (docs/xref.md): every paragraph's fold
 * key is cut into words, every run of XREF_K consecutive words is hashed,
 * and the hashes are kept in the index database (cachedb, tables xref_*).
 * Two paragraphs match when they share at least XREF_NEAR of the shingles
 * of the shorter one; consecutive matching paragraphs form one passage.
 * Every range is a byte range of the document text (docs/design.md).
 *
 * URLs are not extracted here: the caller hands each document's URLs with
 * their ranges to xref_index_doc() (or through an xref_links_fn).
 *
 * Updating is incremental: a row per document keeps its stat key, and only
 * new or changed documents are indexed again; xref_update_step() does that
 * for a list of files in slices of bounded time.
 *
 * Memory: xref_open() returns a handle closed by xref_close() (it borrows
 * the cachedb, which must outlive it).  xref_query() returns an array the
 * caller frees with xref_entries_free().
 */
#ifndef GLOSS_XREF_H
#define GLOSS_XREF_H

#include "gloss/gloss.h"
#include "gloss/cachedb.h"
#include "gloss/doc.h"
#include "gloss/error.h"

#define XREF_K 7		/* words per shingle */
#define XREF_MIN_WORDS 10	/* shorter paragraphs are not indexed */
#define XREF_MIN_SHARED 3	/* shingles two paragraphs must share to be compared */
#define XREF_NEAR 0.5		/* shared / shingles of the shorter side for a match */

enum xref_kind {
	XREF_PASSAGE,		/* [start,end) here ~ [other_start,other_end) in other_path */
	XREF_URL,		/* url at [start,end) here is also cited there */
};

struct xref_entry {
	int kind;		/* enum xref_kind */
	uint64_t start, end;	/* range in this document's text */
	char *other_path;	/* the other document (may be this one for a passage) */
	char *other_title;
	uint64_t other_start, other_end;	/* range in the other document's text */
	double similarity;	/* passages: shared shingles / shingles of the shorter side; URLs: 1 */
	bool verbatim;		/* passages: the same words on both sides */
	char *url;		/* URL entries: the URL as cited here; else NULL */
};

/* Work counters since xref_open(), for tests and the benchmark. */
struct xref_stats {
	unsigned long indexed;		/* documents (re)indexed */
	unsigned long forgotten;	/* documents removed */
	unsigned long shingles;		/* shingles stored */
};

struct xref;

enum gloss_status xref_open(struct cachedb *c, struct xref **out);
void xref_close(struct xref *x);
void xref_stats(const struct xref *x, struct xref_stats *out);

/* Whether the file at path is new or changed since it was indexed (by its stat key). */
bool xref_stale(struct xref *x, const char *path);

/*
 * Indexes doc (opened from path; measured here if needed) with its URLs:
 * urls[i] cited at [url_start[i], url_end[i]).  Replaces what was known of
 * path and recomputes its matches with every other document.  One
 * transaction; GLOSS_EDB on failure (nothing is changed then).
 */
enum gloss_status xref_index_doc(struct xref *x, const char *path, struct doc *doc,
    size_t nurls, const char *const *urls, const uint64_t *url_start, const uint64_t *url_end);

/* Removes every document that is not among paths[0..n) (and its entries). */
enum gloss_status xref_forget_missing(struct xref *x, const char *const *paths, size_t n);
/* Removes one document (nothing if unknown). */
enum gloss_status xref_forget(struct xref *x, const char *path);

/*
 * The entries of the document at path, sorted by start (then end, kind,
 * other path, other start).  An unknown path gives none.  The caller frees
 * the array with xref_entries_free().
 */
enum gloss_status xref_query(struct xref *x, const char *path, struct xref_entry **out, size_t *n);
void xref_entries_free(struct xref_entry *e, size_t n);

/* The comparison form of a URL: scheme and host lower case, no "www.", fragment or trailing slash. Caller frees. */
char *xref_url_normalize(const char *url);

/*
 * Gives the URLs of doc: *n entries in arrays valid until the next call.
 * Used by xref_update_step(); xref_corpus gives one made from the links module.
 */
typedef void (*xref_links_fn)(struct doc *doc, void *arg, size_t *n, const char *const **urls,
    const uint64_t **start, const uint64_t **end);

/*
 * Updating a corpus in idle time.  Fill paths/n (borrowed until done) and
 * optionally links/arg, zero the rest, then call xref_update_step() until
 * it returns false.  The first step forgets documents not in the list;
 * each step then indexes stale files for about budget_us microseconds (at
 * least one file: a single document is not split).  A file that cannot be
 * opened is forgotten; errors are counted in `failed`.
 */
struct xref_update {
	const char *const *paths;
	size_t n;
	xref_links_fn links;
	void *arg;
	size_t next;		/* private: the next path to look at */
	bool pruned;		/* private: the missing ones were forgotten */
	unsigned failed;	/* files that could not be indexed */
};

bool xref_update_step(struct xref *x, struct xref_update *u, unsigned budget_us);

#endif
