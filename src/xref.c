/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xref — the cross-document index (see include/gloss/xref.h and
 * docs/xref.md): its tables in the index database, indexing a document
 * (shingles, URLs, then its matches with every other document), forgetting
 * documents, the query the sidebar uses and the idle-time update.
 */
#include "gloss/gloss.h"


#include "gloss/fingerprint.h"
#include "gloss/meta.h"
#include "gloss/monotime.h"
#include "gloss/xmalloc.h"
#include "xref_int.h"

#define XREF_VERSION 1

static const char xref_drop[] =
    "DROP TABLE IF EXISTS xref_docs; DROP TABLE IF EXISTS xref_paras;"
    "DROP TABLE IF EXISTS xref_shingles; DROP TABLE IF EXISTS xref_passages;"
    "DROP TABLE IF EXISTS xref_urls;";

static const char xref_schema[] =
    "CREATE TABLE xref_docs(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
    " title TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, ino INTEGER, dev INTEGER);"
    "CREATE TABLE xref_paras(doc INTEGER NOT NULL, para INTEGER NOT NULL, block INTEGER,"
    " start INTEGER, end INTEGER, nshingles INTEGER, PRIMARY KEY(doc, para)) WITHOUT ROWID;"
    "CREATE TABLE xref_shingles(hash INTEGER NOT NULL, doc INTEGER NOT NULL,"
    " start INTEGER NOT NULL, end INTEGER NOT NULL, para INTEGER NOT NULL,"
    " PRIMARY KEY(hash, doc, start)) WITHOUT ROWID;"
    "CREATE INDEX xref_shingles_doc ON xref_shingles(doc);"
    "CREATE TABLE xref_passages(doc INTEGER NOT NULL, start INTEGER, end INTEGER,"
    " other INTEGER NOT NULL, other_start INTEGER, other_end INTEGER, similarity REAL,"
    " verbatim INTEGER);"
    "CREATE INDEX xref_passages_doc ON xref_passages(doc);"
    "CREATE INDEX xref_passages_other ON xref_passages(other);"
    "CREATE TABLE xref_urls(doc INTEGER NOT NULL, norm TEXT NOT NULL, url TEXT NOT NULL,"
    " start INTEGER, end INTEGER);"
    "CREATE INDEX xref_urls_doc ON xref_urls(doc);"
    "CREATE INDEX xref_urls_norm ON xref_urls(norm);";

/*
 * The pairs of paragraphs of ?1 that share shingles with another paragraph.
 * A shingle found in more than XREF_COMMON places is boilerplate (a line
 * repeated all over a document or the corpus) and is not compared: it would
 * make the join grow with the square of its repeats.
 */
#define XREF_COMMON "16"
static const char candidates_sql[] =
    "SELECT s.para, o.doc, o.para, min(count(DISTINCT s.start), count(DISTINCT o.start)),"
    " min(s.start), max(s.end), min(o.start), max(o.end)"
    " FROM xref_shingles s JOIN xref_shingles o ON o.hash = s.hash"
    " WHERE s.doc = ?1 AND NOT (o.doc = ?1 AND o.para = s.para)"
    " AND NOT EXISTS (SELECT 1 FROM xref_shingles c WHERE c.hash = s.hash LIMIT 1 OFFSET " XREF_COMMON ")"
    " GROUP BY s.para, o.doc, o.para"
    " HAVING min(count(DISTINCT s.start), count(DISTINCT o.start)) >= ?2"
    " ORDER BY o.doc, s.para, o.para";

struct xref {
	struct cachedb *c;
	sqlite3 *db;
	struct xref_stats stats;
	bool batch;		/* inside xref_update_step's transaction: one savepoint a document */
};

/* A document's changes: its own transaction, or a savepoint of the step's. */
static enum gloss_status
doc_begin(struct xref *x)
{
	if (!x->batch)
		return cachedb_begin(x->c);
	return sqlite3_exec(x->db, "SAVEPOINT xref_doc", NULL, NULL, NULL) == SQLITE_OK ? GLOSS_OK
	    : error_set(GLOSS_EDB, "index: %s", sqlite3_errmsg(x->db));
}

static enum gloss_status
doc_end(struct xref *x, enum gloss_status rc)
{
	if (!x->batch)
		return cachedb_end(x->c, rc);
	if (rc != GLOSS_OK)
		sqlite3_exec(x->db, "ROLLBACK TO xref_doc", NULL, NULL, NULL);
	sqlite3_exec(x->db, "RELEASE xref_doc", NULL, NULL, NULL);
	return rc;
}

/* A run of matching paragraph pairs between this document (a) and another (b). */
struct run {
	int64_t other;
	uint32_t a_first, a_last, b_first, b_last;
	uint64_t a_start, a_end, b_start, b_end;
	uint64_t shared, na, nb;
	bool verbatim;
};

static enum gloss_status
db_fail(struct xref *x, const char *what)
{
	return error_set(GLOSS_EDB, "%s: %s: %s", cachedb_path(x->c), what, sqlite3_errmsg(x->db));
}

static sqlite3_stmt *
prepare(struct xref *x, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(x->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Runs a statement with one integer parameter; GLOSS_EDB on failure. */
static enum gloss_status
exec_int(struct xref *x, const char *sql, int64_t v)
{
	sqlite3_stmt *st = prepare(x, sql);
	int rc;

	if (st == NULL)
		return db_fail(x, "index update failed");
	sqlite3_bind_int64(st, 1, v);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? GLOSS_OK : db_fail(x, "index update failed");
}

enum gloss_status
xref_open(struct cachedb *c, struct xref **out)
{
	bool created;
	enum gloss_status rc;

	*out = NULL;
	rc = cachedb_module(c, "xref", XREF_VERSION, xref_drop, xref_schema, &created);
	if (rc != GLOSS_OK)
		return rc;
	*out = xcalloc(1, sizeof **out);
	(*out)->c = c;
	(*out)->db = cachedb_handle(c);
	return GLOSS_OK;
}

void
xref_close(struct xref *x)
{
	free(x);
}

void
xref_stats(const struct xref *x, struct xref_stats *out)
{
	*out = x->stats;
}

/* The id of path's row, or 0. */
static int64_t
doc_id(struct xref *x, const char *path, struct fingerprint_key *key)
{
	sqlite3_stmt *st = prepare(x, "SELECT id, size, mtime_ns, ino, dev FROM xref_docs"
	    " WHERE path = ?");
	int64_t id = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (key) {
			key->size = (uint64_t)sqlite3_column_int64(st, 1);
			key->mtime_ns = sqlite3_column_int64(st, 2);
			key->ino = (uint64_t)sqlite3_column_int64(st, 3);
			key->dev = (uint64_t)sqlite3_column_int64(st, 4);
		}
	}
	sqlite3_finalize(st);
	return id;
}

bool
xref_stale(struct xref *x, const char *path)
{
	struct fingerprint_key now, then;

	if (fingerprint_stat(path, &now) != GLOSS_OK) {
		error_clear();
		return doc_id(x, path, NULL) != 0;	/* gone: its row must go */
	}
	return doc_id(x, path, &then) == 0 || !fingerprint_key_equal(&now, &then);
}

/* Deletes everything known of document id (inside a transaction). */
static enum gloss_status
delete_doc(struct xref *x, int64_t id)
{
	static const char *const sql[] = {
		"DELETE FROM xref_shingles WHERE doc = ?1",
		"DELETE FROM xref_paras WHERE doc = ?1",
		"DELETE FROM xref_passages WHERE doc = ?1",
		"DELETE FROM xref_passages WHERE other = ?1",
		"DELETE FROM xref_urls WHERE doc = ?1",
		"DELETE FROM xref_docs WHERE id = ?1",
	};
	enum gloss_status rc = GLOSS_OK;

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(sql) && rc == GLOSS_OK; i++)
		rc = exec_int(x, sql[i], id);
	return rc;
}

/* Inserts the document row; *id is its new id. */
static enum gloss_status
insert_doc(struct xref *x, const char *path, struct doc *doc, int64_t *id)
{
	sqlite3_stmt *st = prepare(x, "INSERT INTO xref_docs(path, title, size, mtime_ns, ino, dev)"
	    " VALUES (?, ?, ?, ?, ?, ?)");
	struct fingerprint_key key = { 0, 0, 0, 0 };
	char *title;
	int rc;

	if (st == NULL)
		return db_fail(x, "index update failed");
	if (fingerprint_stat(path, &key) != GLOSS_OK)
		error_clear();	/* an in-memory document: always stale */
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	title = meta_title(doc);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
	free(title);
	sqlite3_bind_int64(st, 3, (int64_t)key.size);
	sqlite3_bind_int64(st, 4, key.mtime_ns);
	sqlite3_bind_int64(st, 5, (int64_t)key.ino);
	sqlite3_bind_int64(st, 6, (int64_t)key.dev);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(x->db);
	return rc == SQLITE_DONE ? GLOSS_OK : db_fail(x, "index update failed");
}

static enum gloss_status
insert_paras(struct xref *x, int64_t id, const struct xref_shingles *s)
{
	sqlite3_stmt *st = prepare(x, "INSERT INTO xref_paras VALUES (?, ?, ?, ?, ?, ?)");
	enum gloss_status rc = GLOSS_OK;

	if (st == NULL)
		return db_fail(x, "index update failed");
	for (size_t i = 0; i < s->npara && rc == GLOSS_OK; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_int64(st, 3, s->paras[i].block);
		sqlite3_bind_int64(st, 4, (int64_t)s->paras[i].start);
		sqlite3_bind_int64(st, 5, (int64_t)s->paras[i].end);
		sqlite3_bind_int64(st, 6, s->paras[i].nshingles);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(x, "index update failed");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static enum gloss_status
insert_shingles(struct xref *x, int64_t id, const struct xref_shingles *s)
{
	sqlite3_stmt *st = prepare(x, "INSERT OR IGNORE INTO xref_shingles VALUES (?, ?, ?, ?, ?)");
	enum gloss_status rc = GLOSS_OK;

	if (st == NULL)
		return db_fail(x, "index update failed");
	for (size_t i = 0; i < s->nsh && rc == GLOSS_OK; i++) {
		sqlite3_bind_int64(st, 1, (int64_t)s->sh[i].hash);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int64(st, 3, (int64_t)s->sh[i].start);
		sqlite3_bind_int64(st, 4, (int64_t)s->sh[i].end);
		sqlite3_bind_int64(st, 5, s->sh[i].para);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(x, "index update failed");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	x->stats.shingles += s->nsh;
	return rc;
}

static enum gloss_status
insert_urls(struct xref *x, int64_t id, size_t n, const char *const *urls, const uint64_t *start,
    const uint64_t *end)
{
	sqlite3_stmt *st = prepare(x, "INSERT INTO xref_urls VALUES (?, ?, ?, ?, ?)");
	enum gloss_status rc = GLOSS_OK;

	if (st == NULL)
		return db_fail(x, "index update failed");
	for (size_t i = 0; i < n && rc == GLOSS_OK; i++) {
		char *norm = xref_url_normalize(urls[i]);

		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, norm, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, urls[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (int64_t)start[i]);
		sqlite3_bind_int64(st, 5, (int64_t)end[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(x, "index update failed");
		sqlite3_reset(st);
		free(norm);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Matching */

/* The number of shingles of the other document's paragraph (0 if unknown). */
static uint64_t
para_size(sqlite3_stmt *st, int64_t doc, uint32_t para)
{
	uint64_t n = 0;

	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, para);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static double
run_similarity(const struct run *r)
{
	uint64_t shorter = GLOSS_MIN(r->na, r->nb);

	return shorter ? (double)GLOSS_MIN(r->shared, shorter) / (double)shorter : 0;
}

static enum gloss_status
insert_passage(sqlite3_stmt *st, int64_t doc, uint64_t start, uint64_t end, int64_t other,
    uint64_t ostart, uint64_t oend, double sim, bool verbatim)
{
	int rc;

	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, (int64_t)start);
	sqlite3_bind_int64(st, 3, (int64_t)end);
	sqlite3_bind_int64(st, 4, other);
	sqlite3_bind_int64(st, 5, (int64_t)ostart);
	sqlite3_bind_int64(st, 6, (int64_t)oend);
	sqlite3_bind_double(st, 7, sim);
	sqlite3_bind_int(st, 8, verbatim);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? GLOSS_OK : GLOSS_EDB;
}

/* Stores a finished run in both directions (once when it is inside one document). */
static enum gloss_status
emit_run(struct xref *x, sqlite3_stmt *ins, int64_t id, const struct run *r)
{
	double sim = run_similarity(r);
	enum gloss_status rc = GLOSS_OK;

	if (r->other == 0 || sim < XREF_NEAR)
		return GLOSS_OK;
	rc = insert_passage(ins, id, r->a_start, r->a_end, r->other, r->b_start, r->b_end, sim,
	    r->verbatim);
	if (rc == GLOSS_OK && r->other != id)
		rc = insert_passage(ins, r->other, r->b_start, r->b_end, id, r->a_start, r->a_end,
		    sim, r->verbatim);
	return rc == GLOSS_OK ? GLOSS_OK : db_fail(x, "index update failed");
}

/* One candidate pair from candidates_sql. */
struct pair {
	uint32_t a, b;
	int64_t other;
	uint64_t shared, a_start, a_end, b_start, b_end, na, nb;
};

static void
run_start(struct run *r, const struct pair *p)
{
	*r = (struct run){ p->other, p->a, p->a, p->b, p->b, p->a_start, p->a_end, p->b_start,
	    p->b_end, p->shared, p->na, p->nb, p->shared == p->na && p->na == p->nb };
}

/* Extends r with p when p continues it and the run stays similar enough. */
static bool
run_extend(struct run *r, const struct pair *p)
{
	struct run t = *r;

	if (p->other != r->other || p->a < r->a_last || p->a > r->a_last + 1 ||
	    p->b < r->b_last || p->b > r->b_last + 1)
		return false;
	t.na += p->a != r->a_last ? p->na : 0;
	t.nb += p->b != r->b_last ? p->nb : 0;
	t.shared += p->shared;
	t.a_last = p->a, t.b_last = p->b;
	t.a_start = GLOSS_MIN(t.a_start, p->a_start), t.a_end = GLOSS_MAX(t.a_end, p->a_end);
	t.b_start = GLOSS_MIN(t.b_start, p->b_start), t.b_end = GLOSS_MAX(t.b_end, p->b_end);
	t.verbatim = r->verbatim && p->shared == p->na && p->na == p->nb;
	if (run_similarity(&t) < XREF_NEAR && run_similarity(r) >= XREF_NEAR)
		return false;
	*r = t;
	return true;
}

static void
read_pair(sqlite3_stmt *st, struct pair *p)
{
	p->a = (uint32_t)sqlite3_column_int64(st, 0);
	p->other = sqlite3_column_int64(st, 1);
	p->b = (uint32_t)sqlite3_column_int64(st, 2);
	p->shared = (uint64_t)sqlite3_column_int64(st, 3);
	p->a_start = (uint64_t)sqlite3_column_int64(st, 4);
	p->a_end = (uint64_t)sqlite3_column_int64(st, 5);
	p->b_start = (uint64_t)sqlite3_column_int64(st, 6);
	p->b_end = (uint64_t)sqlite3_column_int64(st, 7);
}

/*
 * Finds the passages of document id (whose shingles are stored) shared
 * with any paragraph of any document, itself included: pairs of paragraphs
 * sharing at least XREF_MIN_SHARED shingles, grouped into runs of
 * consecutive pairs, kept when the run's similarity reaches XREF_NEAR.
 */
static enum gloss_status
match_doc(struct xref *x, int64_t id, const struct xref_shingles *s)
{
	sqlite3_stmt *cand = prepare(x, candidates_sql);
	sqlite3_stmt *size = prepare(x, "SELECT nshingles FROM xref_paras WHERE doc = ? AND para = ?");
	sqlite3_stmt *ins = prepare(x, "INSERT INTO xref_passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	enum gloss_status rc = GLOSS_OK;
	struct run r = { 0 };
	struct pair p;
	int step;

	if (cand == NULL || size == NULL || ins == NULL)
		rc = db_fail(x, "index query failed");
	if (rc == GLOSS_OK) {
		sqlite3_bind_int64(cand, 1, id);
		sqlite3_bind_int(cand, 2, XREF_MIN_SHARED);
	}
	while (rc == GLOSS_OK && (step = sqlite3_step(cand)) == SQLITE_ROW) {
		read_pair(cand, &p);
		p.na = p.a < s->npara ? s->paras[p.a].nshingles : 0;
		p.nb = para_size(size, p.other, p.b);
		if (r.other == 0 || !run_extend(&r, &p)) {
			rc = emit_run(x, ins, id, &r);
			run_start(&r, &p);
		}
	}
	if (rc == GLOSS_OK && step != SQLITE_DONE)
		rc = db_fail(x, "index query failed");
	if (rc == GLOSS_OK)
		rc = emit_run(x, ins, id, &r);
	sqlite3_finalize(cand);
	sqlite3_finalize(size);
	sqlite3_finalize(ins);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Indexing and forgetting */

enum gloss_status
xref_index_doc(struct xref *x, const char *path, struct doc *doc, size_t nurls,
    const char *const *urls, const uint64_t *url_start, const uint64_t *url_end)
{
	struct xref_shingles s = { 0 };
	enum gloss_status rc;
	int64_t old, id = 0;

	xref_shingle_doc(doc, &s);
	if ((rc = doc_begin(x)) != GLOSS_OK) {
		xref_shingles_done(&s);
		return rc;
	}
	if ((old = doc_id(x, path, NULL)) != 0)
		rc = delete_doc(x, old);
	if (rc == GLOSS_OK)
		rc = insert_doc(x, path, doc, &id);
	if (rc == GLOSS_OK)
		rc = insert_paras(x, id, &s);
	if (rc == GLOSS_OK)
		rc = insert_shingles(x, id, &s);
	if (rc == GLOSS_OK)
		rc = insert_urls(x, id, nurls, urls, url_start, url_end);
	if (rc == GLOSS_OK)
		rc = match_doc(x, id, &s);
	xref_shingles_done(&s);
	rc = doc_end(x, rc);
	if (rc == GLOSS_OK)
		x->stats.indexed++;
	return rc;
}

enum gloss_status
xref_forget(struct xref *x, const char *path)
{
	enum gloss_status rc;
	int64_t id = doc_id(x, path, NULL);

	if (id == 0)
		return GLOSS_OK;
	if ((rc = doc_begin(x)) != GLOSS_OK)
		return rc;
	rc = doc_end(x, delete_doc(x, id));
	if (rc == GLOSS_OK)
		x->stats.forgotten++;
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum gloss_status
xref_forget_missing(struct xref *x, const char *const *paths, size_t n)
{
	sqlite3_stmt *st = prepare(x, "SELECT path FROM xref_docs");
	const char **sorted = xcalloc(n + 1, sizeof *sorted);
	char **gone = NULL;
	size_t ngone = 0;
	enum gloss_status rc = GLOSS_OK;

	if (st == NULL) {
		free(sorted);
		return db_fail(x, "index query failed");
	}
	if (n > 0)
		memcpy(sorted, paths, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_str);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);

		if (p && bsearch(&p, sorted, n, sizeof *sorted, cmp_str) == NULL) {
			gone = xreallocarray(gone, ngone + 1, sizeof *gone);
			gone[ngone++] = xstrdup(p);
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < ngone; i++) {
		if (rc == GLOSS_OK)
			rc = xref_forget(x, gone[i]);
		free(gone[i]);
	}
	free(gone);
	free(sorted);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Querying */

struct entries {
	struct xref_entry *e;
	size_t n, cap;
};

static char *
column_str(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return xstrdup(s ? (const char *)s : "");
}

/* Appends the rows of st: start, end, other path, title, other start, other end, sim, verbatim, url. */
static bool
read_entries(sqlite3_stmt *st, int kind, struct entries *out)
{
	int step;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct xref_entry *e;

		if (out->n == out->cap) {
			out->cap = out->cap ? 2 * out->cap : 16;
			out->e = xreallocarray(out->e, out->cap, sizeof *out->e);
		}
		e = &out->e[out->n++];
		e->kind = kind;
		e->start = (uint64_t)sqlite3_column_int64(st, 0);
		e->end = (uint64_t)sqlite3_column_int64(st, 1);
		e->other_path = column_str(st, 2);
		e->other_title = column_str(st, 3);
		e->other_start = (uint64_t)sqlite3_column_int64(st, 4);
		e->other_end = (uint64_t)sqlite3_column_int64(st, 5);
		e->similarity = sqlite3_column_double(st, 6);
		e->verbatim = sqlite3_column_int(st, 7) != 0;
		e->url = kind == XREF_URL ? column_str(st, 8) : NULL;
	}
	return step == SQLITE_DONE;
}

static int
cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct xref_entry *a = pa, *b = pb;
	int c;

	if ((c = cmp_u64(a->start, b->start)) || (c = cmp_u64(a->end, b->end)) ||
	    (c = a->kind - b->kind) || (c = strcmp(a->other_path, b->other_path)))
		return c;
	return cmp_u64(a->other_start, b->other_start);
}

static const char passages_sql[] =
    "SELECT p.start, p.end, d.path, d.title, p.other_start, p.other_end, p.similarity,"
    " p.verbatim FROM xref_passages p JOIN xref_docs d ON d.id = p.other WHERE p.doc = ?";
static const char urls_sql[] =
    "SELECT u.start, u.end, d.path, d.title, o.start, o.end, 1.0, 1, u.url"
    " FROM xref_urls u JOIN xref_urls o ON o.norm = u.norm AND o.doc != u.doc"
    " JOIN xref_docs d ON d.id = o.doc WHERE u.doc = ?";

enum gloss_status
xref_query(struct xref *x, const char *path, struct xref_entry **out, size_t *n)
{
	struct entries es = { NULL, 0, 0 };
	int64_t id = doc_id(x, path, NULL);
	bool good = true;

	*out = NULL;
	*n = 0;
	for (int kind = XREF_PASSAGE; id && kind <= XREF_URL && good; kind++) {
		sqlite3_stmt *st = prepare(x, kind == XREF_PASSAGE ? passages_sql : urls_sql);

		good = st != NULL;
		if (good) {
			sqlite3_bind_int64(st, 1, id);
			good = read_entries(st, kind, &es);
		}
		sqlite3_finalize(st);
	}
	if (!good) {
		xref_entries_free(es.e, es.n);
		return db_fail(x, "index query failed");
	}
	if (es.n)
		qsort(es.e, es.n, sizeof *es.e, cmp_entry);
	*out = es.e;
	*n = es.n;
	return GLOSS_OK;
}

void
xref_entries_free(struct xref_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].other_path);
		free(e[i].other_title);
		free(e[i].url);
	}
	free(e);
}

/* ------------------------------------------------------------------ */
/* Updating in idle time */

/* (Re)indexes one stale path, or forgets it when it cannot be opened. */
static void
update_one(struct xref *x, struct xref_update *u, const char *path)
{
	struct doc *doc;
	size_t n = 0;
	const char *const *urls = NULL;
	const uint64_t *start = NULL, *end = NULL;

	if (doc_open(path, NULL, &doc) != GLOSS_OK) {
		error_clear();
		if (xref_forget(x, path) != GLOSS_OK)
			u->failed++;
		return;
	}
	doc_measure_all(doc);
	if (u->links)
		u->links(doc, u->arg, &n, &urls, &start, &end);
	if (xref_index_doc(x, path, doc, n, urls, start, end) != GLOSS_OK)
		u->failed++;
	doc_free(doc);
}

bool
xref_update_step(struct xref *x, struct xref_update *u, unsigned budget_us)
{
	uint64_t t0 = monotime_us();

	if (!u->pruned) {
		if (xref_forget_missing(x, u->paths, u->n) != GLOSS_OK)
			u->failed++;
		u->pruned = true;
	}
	/* the documents of a step share one transaction: each page of the
	   hash-ordered shingle table is written once a step, not once a document */
	x->batch = cachedb_begin(x->c) == GLOSS_OK;
	while (u->next < u->n) {
		const char *path = u->paths[u->next++];

		if (xref_stale(x, path)) {
			update_one(x, u, path);
			if (monotime_us() - t0 >= budget_us)
				break;
		}
	}
	if (x->batch && cachedb_end(x->c, GLOSS_OK) != GLOSS_OK)
		u->failed++;
	x->batch = false;
	return u->next < u->n;
}
