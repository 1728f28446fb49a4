/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog — the library's tables and their incremental update (see
 * include/gloss/catalog.h); searching is in catalog_search.c.
 *
 * Tables (module "catalog" of the index database):
 *   catalog_docs   one row per article: path, directory, stat, SHA-256,
 *                  metadata, word count, document-text length, indexed;
 *   catalog_rows   one row per article's text (kind TEXT, no text stored:
 *                  the blocks are read again from the file for the few
 *                  documents a search shows) and one per annotation field
 *                  (NOTE, QUOTE, TAGS: the annotation's range and the
 *                  field's original text); an article's row holds the
 *                  filter of its pairs of neighbouring words (for phrases);
 *   catalog_fts    FTS5 over each catalog_rows row (same rowid): an
 *                  article's distinct words (catalog_words()), an
 *                  annotation field's fold key;
 *   catalog_state  name/value pairs (the annotations' signature).
 */
#include "gloss/gloss.h"

#include <limits.h>
#include <unictype.h>

#include "catalog_int.h"
#include "gloss/corpus.h"
#include "gloss/fingerprint.h"
#include "gloss/fold.h"
#include "gloss/meta.h"
#include "gloss/monotime.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define CATALOG_VERSION 7

static const char catalog_drop[] =
	"DROP TABLE IF EXISTS catalog_fts; DROP TABLE IF EXISTS catalog_paras;"
	"DROP TABLE IF EXISTS catalog_rows;"
	"DROP TABLE IF EXISTS catalog_docs; DROP TABLE IF EXISTS catalog_state;";

static const char catalog_create[] =
	"CREATE TABLE catalog_docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,"
	" dir TEXT NOT NULL, size INTEGER NOT NULL DEFAULT -1, mtime INTEGER NOT NULL DEFAULT 0,"
	" sha256 TEXT, title TEXT, author TEXT, date TEXT, words INTEGER NOT NULL DEFAULT 0,"
	" text_len INTEGER NOT NULL DEFAULT 0, indexed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX catalog_docs_dir ON catalog_docs(dir, path);"
	"CREATE TABLE catalog_rows(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL"
	" REFERENCES catalog_docs(id) ON DELETE CASCADE, kind INTEGER NOT NULL,"
	" off INTEGER NOT NULL, len INTEGER NOT NULL,"
	" annot_id INTEGER NOT NULL DEFAULT 0, text TEXT, pairs BLOB);"
	"CREATE INDEX catalog_rows_doc ON catalog_rows(doc_id, kind);"
	"CREATE VIRTUAL TABLE catalog_fts USING fts5(key, tokenize = 'gloss',"
	" columnsize = 0);"
	"INSERT INTO catalog_fts(catalog_fts, rank) VALUES ('rank', 'gloss_rank()');"
	"CREATE TABLE catalog_state(name TEXT PRIMARY KEY, value TEXT);";

/* ------------------------------------------------------------------ */
/* Helpers */

enum gloss_status
catalog_db_error(struct catalog *c, const char *what)
{
	return error_set(GLOSS_EDB, "%s: %s: %s", cachedb_path(c->db), what, sqlite3_errmsg(c->h));
}

sqlite3_stmt *
catalog_prepare(struct catalog *c, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(c->h, sql, -1, &st, NULL) != SQLITE_OK) {
		catalog_db_error(c, "cannot read the library index");
		return NULL;
	}
	return st;
}

char *
catalog_column_str(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s ? xstrdup((const char *)s) : NULL;
}

/* Runs a prepared statement to the end and finalizes it. */
static enum gloss_status
run(struct catalog *c, sqlite3_stmt *st)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;

	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? GLOSS_OK : catalog_db_error(c, "index update failed");
}

static enum gloss_status
exec_id(struct catalog *c, const char *sql, int64_t id)
{
	sqlite3_stmt *st = catalog_prepare(c, sql);

	if (st)
		sqlite3_bind_int64(st, 1, id);
	return run(c, st);
}

/* ------------------------------------------------------------------ */
/* Opening */

static char *
canonical_dir(const char *dir)
{
	char buf[PATH_MAX];
	size_t n;

	if (realpath(dir, buf) == NULL)
		return xstrdup(dir);
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '/')
		buf[--n] = '\0';
	return xstrdup(buf);
}

static enum gloss_status
set_scope(struct catalog *c)
{
	enum gloss_status rc = cachedb_exec(c->db, "CREATE TEMP TABLE IF NOT EXISTS catalog_scope("
	    "dir TEXT PRIMARY KEY); DELETE FROM catalog_scope");

	for (size_t i = 0; i < c->ndirs && rc == GLOSS_OK; i++) {
		sqlite3_stmt *st = catalog_prepare(c, "INSERT OR IGNORE INTO catalog_scope VALUES (?)");

		if (st)
			sqlite3_bind_text(st, 1, c->dirs[i], -1, SQLITE_STATIC);
		rc = run(c, st);
	}
	return rc;
}

enum gloss_status
catalog_open(struct cachedb *db, struct store *st, const char *const *dirs, size_t ndirs,
    struct catalog **out)
{
	struct catalog *c = xcalloc(1, sizeof *c);
	enum gloss_status rc;
	bool created;

	*out = NULL;
	c->db = db;
	c->h = cachedb_handle(db);
	c->st = st;
	c->dirs = xcalloc(ndirs ? ndirs : 1, sizeof *c->dirs);
	for (size_t i = 0; i < ndirs; i++)
		c->dirs[c->ndirs++] = canonical_dir(dirs[i]);
	/*
	 * The index can always be rebuilt, so its writes are not synced: with
	 * WAL a crash of gloss cannot damage it, only a crash of the system
	 * could, and the file can then be deleted and rebuilt.
	 */
	sqlite3_exec(c->h, "PRAGMA synchronous=OFF; PRAGMA cache_size=-32768;"
	    " PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	rc = catalog_fts_register(c);
	if (rc == GLOSS_OK)
		rc = cachedb_module(db, "catalog", CATALOG_VERSION, catalog_drop, catalog_create, &created);
	if (rc == GLOSS_OK)
		rc = set_scope(c);
	if (rc != GLOSS_OK) {
		catalog_free(c);
		return rc;
	}
	*out = c;
	return GLOSS_OK;
}

static void
todo_clear(struct catalog *c)
{
	catalog_pipe_stop(c);	/* the workers read the todo list */
	for (size_t i = 0; i < c->ntodo; i++)
		free(c->todo[i].path);
	free(c->todo);
	c->todo = NULL;
	c->ntodo = c->next = 0;
}

void
catalog_free(struct catalog *c)
{
	if (c == NULL)
		return;
	if (c->in_tx)
		cachedb_end(c->db, GLOSS_OK);
	todo_clear(c);
	sqlite3_finalize(c->ins_row);
	catalog_search_done(c);
	sqlite3_finalize(c->ins_fts);
	sqlite3_finalize(c->find_doc);
	sqlite3_finalize(c->rec_meta);
	sqlite3_finalize(c->rec_stat);
	sqlite3_finalize(c->ins_doc);
	strbuf_done(&c->key);
	for (size_t i = 0; i < c->ndirs; i++)
		free(c->dirs[i]);
	free(c->dirs);
	free(c->errmsg);
	free(c);
}

/* ------------------------------------------------------------------ */
/* Scanning the directories */

struct recorded {
	int64_t id;
	char *path;
	int64_t size, mtime;
	bool indexed;
	char sha[FINGERPRINT_HEX_LEN + 1];
};

static size_t
load_recorded(struct catalog *c, const char *dir, struct recorded **out)
{
	sqlite3_stmt *st = catalog_prepare(c, "SELECT id, path, size, mtime, indexed, sha256"
	    " FROM catalog_docs WHERE dir = ? ORDER BY path");
	struct recorded *v = NULL;
	size_t n = 0;

	if (st == NULL) {
		*out = NULL;
		return 0;
	}
	sqlite3_bind_text(st, 1, dir, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].id = sqlite3_column_int64(st, 0);
		v[n].path = catalog_column_str(st, 1);
		v[n].size = sqlite3_column_int64(st, 2);
		v[n].mtime = sqlite3_column_int64(st, 3);
		v[n].indexed = sqlite3_column_int(st, 4) != 0;
		snprintf(v[n].sha, sizeof v[n].sha, "%s", sqlite3_column_text(st, 5) ?
		    (const char *)sqlite3_column_text(st, 5) : "");
		n++;
	}
	sqlite3_finalize(st);
	*out = v;
	return n;
}

enum gloss_status
catalog_remove_doc(struct catalog *c, int64_t id, bool whole)
{
	enum gloss_status rc = exec_id(c, whole ? "DELETE FROM catalog_fts WHERE rowid IN"
	    " (SELECT id FROM catalog_rows WHERE doc_id = ?)" : "DELETE FROM catalog_fts WHERE rowid IN"
	    " (SELECT id FROM catalog_rows WHERE doc_id = ? AND kind = 0)", id);

	if (rc == GLOSS_OK)
		rc = exec_id(c, whole ? "DELETE FROM catalog_rows WHERE doc_id = ?" :
		    "DELETE FROM catalog_rows WHERE doc_id = ? AND kind = 0", id);
	if (rc == GLOSS_OK && whole)
		rc = exec_id(c, "DELETE FROM catalog_docs WHERE id = ?", id);
	return rc;
}

enum gloss_status
catalog_remove_annotation_rows(struct catalog *c)
{
	enum gloss_status rc = cachedb_exec(c->db, "DELETE FROM catalog_fts WHERE rowid IN"
	    " (SELECT id FROM catalog_rows WHERE kind > 0)");

	return rc == GLOSS_OK ? cachedb_exec(c->db, "DELETE FROM catalog_rows WHERE kind > 0") : rc;
}

static int64_t
insert_new(struct catalog *c, const char *path, const char *dir)
{
	sqlite3_stmt *st = catalog_cached(c, &c->ins_doc, "INSERT INTO catalog_docs(path, dir)"
	    " VALUES (?, ?)");
	int rc;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, dir, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		catalog_db_error(c, "index update failed");
		return 0;
	}
	return sqlite3_last_insert_rowid(c->h);
}

/* Adds a file to index; rec is what is recorded of it (NULL for a new file). */
static void
todo_add(struct catalog *c, const char *path, int64_t id, const struct fingerprint_key *key,
    const struct recorded *rec)
{
	struct catalog_todo *t;

	c->todo = xreallocarray(c->todo, c->ntodo + 1, sizeof *c->todo);
	t = &c->todo[c->ntodo];
	*t = (struct catalog_todo){ xstrdup(path), id, *key, false, "" };
	if (rec) {
		t->indexed = rec->indexed;
		memcpy(t->sha, rec->sha, sizeof t->sha);
	}
	c->ntodo++;
	c->total_bytes += key->size;
}

/* Compares the files of dir with the recorded rows (both sorted by path). */
static enum gloss_status
scan_dir(struct catalog *c, const char *dir)
{
	char **files;
	struct recorded *rec;
	size_t nf = corpus_list_dir(dir, &files), nr = load_recorded(c, dir, &rec), i = 0, j = 0;
	enum gloss_status rc = GLOSS_OK;

	while ((i < nf || j < nr) && rc == GLOSS_OK) {
		int cmp = i == nf ? 1 : j == nr ? -1 : strcmp(files[i], rec[j].path);
		struct fingerprint_key key;

		if (cmp > 0) {		/* gone */
			rc = catalog_remove_doc(c, rec[j++].id, true);
			continue;
		}
		if (fingerprint_stat(files[i], &key) != GLOSS_OK) {
			i++;
			continue;
		}
		if (cmp < 0) {
			int64_t id = insert_new(c, files[i], dir);

			if (id)
				todo_add(c, files[i], id, &key, NULL);
		} else {
			if (!rec[j].indexed || (uint64_t)rec[j].size != key.size ||
			    rec[j].mtime != key.mtime_ns)
				todo_add(c, files[i], rec[j].id, &key, &rec[j]);
			j++;
		}
		i++;
	}
	for (i = 0; i < nf; i++)
		free(files[i]);
	free(files);
	for (j = 0; j < nr; j++)
		free(rec[j].path);
	free(rec);
	return rc;
}

static enum gloss_status
scan(struct catalog *c)
{
	enum gloss_status rc = GLOSS_OK;

	todo_clear(c);
	c->total_bytes = c->done_bytes = 0;
	for (size_t i = 0; i < c->ndirs && rc == GLOSS_OK; i++)
		rc = scan_dir(c, c->dirs[i]);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The update's steps */

static void
note_error(struct catalog *c, enum gloss_status rc)
{
	if (rc != GLOSS_OK && c->err == GLOSS_OK) {
		c->err = rc;
		free(c->errmsg);
		c->errmsg = xstrdup(error_last(rc));
	}
}

static bool
step_once(struct catalog *c)
{
	switch (c->phase) {
	case CATALOG_PHASE_SCAN:
		note_error(c, scan(c));
		c->phase = CATALOG_PHASE_INDEX;
		return true;
	case CATALOG_PHASE_INDEX:
		if (c->next < c->ntodo) {
			struct catalog_todo *t = &c->todo[c->next];
			struct catalog_loaded l;

			if (c->next == 0)
				catalog_pipe_start(c);
			if (c->pipe)
				catalog_pipe_take(c->pipe, c->next, &l);
			else
				catalog_load_file(t, &l);
			c->next++;
			note_error(c, catalog_index_loaded(c, t, &l));
			catalog_loaded_done(&l);
			c->done_bytes += t->key.size;
			return true;
		}
		todo_clear(c);
		c->phase = CATALOG_PHASE_ANNOTS;
		return true;
	case CATALOG_PHASE_ANNOTS:
		note_error(c, catalog_index_annotations(c));
		c->phase = CATALOG_PHASE_DONE;
		return false;
	case CATALOG_PHASE_DONE:
		break;
	}
	return false;
}

bool
catalog_update_step(struct catalog *c, unsigned budget_us)
{
	int64_t until = (int64_t)monotime_us() + budget_us;
	bool more = c->phase != CATALOG_PHASE_DONE;

	if (!more)
		return false;
	if (!c->in_tx) {
		enum gloss_status rc = cachedb_begin(c->db);

		if (rc != GLOSS_OK) {	/* busy past the timeout, or read-only: give up */
			note_error(c, rc);
			todo_clear(c);
			c->phase = CATALOG_PHASE_DONE;
			return false;
		}
		c->in_tx = true;
	}
	do
		more = step_once(c);
	while (more && (int64_t)monotime_us() < until);
	c->in_tx = false;
	note_error(c, cachedb_end(c->db, GLOSS_OK));
	return more;
}

double
catalog_progress(const struct catalog *c)
{
	if (c->phase == CATALOG_PHASE_DONE)
		return 1.0;
	if (c->phase == CATALOG_PHASE_SCAN || c->total_bytes == 0)
		return 0.0;
	return (double)c->done_bytes / (double)c->total_bytes;
}

enum gloss_status
catalog_update(struct catalog *c)
{
	while (catalog_update_step(c, 500000))
		;
	if (c->err != GLOSS_OK)
		return error_set(c->err, "%s", c->errmsg);
	return GLOSS_OK;
}

void
catalog_rescan(struct catalog *c)
{
	todo_clear(c);
	c->phase = CATALOG_PHASE_SCAN;
	c->err = GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* For the library view and the commands */

void
catalog_stats(struct store *st, const struct catalog_entry *e, struct catalog_stats *out)
{
	struct store_path_info info;
	struct store_doc_info d;
	struct store_list l = { 0 };
	bool found = false;

	memset(out, 0, sizeof *out);
	out->progress = -1;
	if (st == NULL || store_path_find(st, e->path, &info, &found) != GLOSS_OK || !found)
		return;
	if (store_doc_get(st, info.doc_id, &d) == GLOSS_OK) {
		uint64_t read = GLOSS_MAX(d.position, d.furthest);	/* the furthest point read */

		if (read >= e->text_len)
			out->progress = 100;	/* the end was on screen */
		else
			out->progress = (int)GLOSS_MIN(99, read * 100 / e->text_len);
		out->opened = d.opened;
		store_doc_info_done(&d);
	}
	if (store_of_doc(st, info.doc_id, &l) == GLOSS_OK)
		out->highlights = l.n;
	store_list_free(&l);
}

enum gloss_status
catalog_open_cache(const char *const *dirs, size_t ndirs, struct store *st, struct cachedb **db,
    struct catalog **cat)
{
	enum gloss_status rc = cachedb_open(NULL, db);

	*cat = NULL;
	if (rc == GLOSS_OK && (rc = catalog_open(*db, st, dirs, ndirs, cat)) != GLOSS_OK) {
		cachedb_close(*db);
		*db = NULL;
	}
	return rc;
}
