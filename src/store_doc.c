/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_doc — documents and the paths they were seen at: the lookups annot
 * uses to recognise a file (by path, by stat key, by SHA-256), the
 * records it keeps up to date, reading positions and marks.
 *
 * A document is a content identity: its SHA-256 is the content its
 * annotations' positions refer to.  A path row remembers what was last
 * seen at that path (stat key and SHA-256) and which document it was; its
 * "seen" counter orders paths from the least to the most recently seen.
 */
#include "gloss/gloss.h"

#include "store_int.h"
#include "gloss/xmalloc.h"

static void
read_path_info(sqlite3_stmt *s, struct store_path_info *info)
{
	const unsigned char *sha = sqlite3_column_text(s, 5);

	info->doc_id = sqlite3_column_int64(s, 0);
	info->key.size = (uint64_t)sqlite3_column_int64(s, 1);
	info->key.mtime_ns = sqlite3_column_int64(s, 2);
	info->key.ino = (uint64_t)sqlite3_column_int64(s, 3);
	info->key.dev = (uint64_t)sqlite3_column_int64(s, 4);
	snprintf(info->sha256, sizeof info->sha256, "%s", sha ? (const char *)sha : "");
}

/* Runs a lookup s (bound) returning path columns; *found says if a row came. */
static enum gloss_status
path_lookup(struct store *st, sqlite3_stmt *s, struct store_path_info *info, bool *found)
{
	int rc = sqlite3_step(s);

	*found = rc == SQLITE_ROW;
	if (*found)
		read_path_info(s, info);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? GLOSS_OK : store_fail(st, rc, "reading documents");
}

enum gloss_status
store_path_find(struct store *st, const char *path, struct store_path_info *info, bool *found)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT doc_id, size, mtime_ns, inode, device, sha256 "
	    "FROM paths WHERE path = ?1");

	*found = false;
	if (s == NULL)
		return st->err;
	sqlite3_bind_text(s, 1, path, -1, SQLITE_TRANSIENT);
	return path_lookup(st, s, info, found);
}

enum gloss_status
store_key_find(struct store *st, const struct fingerprint_key *key, struct store_path_info *info,
    bool *found)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT doc_id, size, mtime_ns, inode, device, sha256 "
	    "FROM paths WHERE device = ?1 AND inode = ?2 AND size = ?3 AND mtime_ns = ?4 "
	    "ORDER BY seen DESC LIMIT 1");

	*found = false;
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)key->dev);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)key->ino);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)key->size);
	sqlite3_bind_int64(s, 4, key->mtime_ns);
	return path_lookup(st, s, info, found);
}

/* Runs query s (an id looked up by the SHA-256 bound as ?1); *found says if it gave a row. */
static enum gloss_status
id_of_sha(struct store *st, sqlite3_stmt *s, const char *sha256, int64_t *id, bool *found)
{
	int rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_text(s, 1, sha256, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if ((*found = rc == SQLITE_ROW))
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? GLOSS_OK : store_fail(st, rc, "reading documents");
}

enum gloss_status
store_sha_find(struct store *st, const char *sha256, int64_t *doc_id, bool *found)
{
	*found = false;
	return id_of_sha(st, store_stmt(st, "SELECT id FROM documents WHERE sha256 = ?1 UNION ALL "
	    "SELECT doc_id FROM (SELECT doc_id FROM paths WHERE sha256 = ?1 ORDER BY seen DESC) "
	    "LIMIT 1"), sha256, doc_id, found);
}

/* The document recorded with this SHA-256 (documents only, not paths); *found says if there is one. */
static enum gloss_status
doc_of_sha(struct store *st, const char *sha256, int64_t *id, bool *found)
{
	return id_of_sha(st, store_stmt(st, "SELECT id FROM documents WHERE sha256 = ?1"),
	    sha256, id, found);
}

/*
 * Insert-or-get: a content another process recorded first (between the
 * caller's lookup and this insert, or in a transaction that began before
 * it) is that row, never a UNIQUE constraint failure.
 */
enum gloss_status
store_doc_new(struct store *st, const char *sha256, const char *title, int64_t *id, bool *created)
{
	enum gloss_status rc = store_write_begin(st);
	bool have_sha = sha256 && *sha256, made = false, found = false;
	sqlite3_stmt *s;

	if (created)
		*created = false;
	if (rc != GLOSS_OK)
		return rc;
	s = store_stmt(st, "INSERT INTO documents(sha256, title, created, opened) VALUES (?1, ?2, ?3, ?3) "
	    "ON CONFLICT(sha256) DO NOTHING");
	if (s == NULL) {
		rc = st->err;
	} else {
		if (have_sha)
			sqlite3_bind_text(s, 1, sha256, -1, SQLITE_TRANSIENT);
		if (title)
			sqlite3_bind_text(s, 2, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, store_now());
		rc = store_done(st, s);
	}
	if (rc == GLOSS_OK && (made = sqlite3_changes(st->db) == 1))
		*id = sqlite3_last_insert_rowid(st->db);
	else if (rc == GLOSS_OK && have_sha)
		rc = doc_of_sha(st, sha256, id, &found);	/* recorded by another process first */
	if (rc == GLOSS_OK && !made && !found)
		rc = error_set(GLOSS_EDB, "database %s: a document could not be recorded", st->path);
	if (created)
		*created = made;
	return store_tx_end(st, rc);
}

/* Binds the document id as ?1 and runs sql inside a write transaction (tx_begin: begin). */
static enum gloss_status
doc_update(struct store *st, const char *sql, int64_t doc_id, const char *text, bool user)
{
	enum gloss_status rc = user ? store_write_begin(st) : store_tx_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	if ((s = store_stmt(st, sql)) == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, doc_id);
		if (text && *text)
			sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, store_now());
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_path_put(struct store *st, const char *path, const struct store_path_info *info)
{
	enum gloss_status rc = store_tx_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	/* seen orders the paths: a counter, so that the latest is exact within a second */
	s = store_stmt(st, "INSERT INTO paths(path, doc_id, size, mtime_ns, inode, device, sha256, seen) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(seen), 0) + 1 FROM paths)) "
	    "ON CONFLICT(path) DO UPDATE SET "
	    "doc_id = excluded.doc_id, size = excluded.size, mtime_ns = excluded.mtime_ns, "
	    "inode = excluded.inode, device = excluded.device, sha256 = excluded.sha256, "
	    "seen = excluded.seen");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_text(s, 1, path, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, info->doc_id);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)info->key.size);
		sqlite3_bind_int64(s, 4, info->key.mtime_ns);
		sqlite3_bind_int64(s, 5, (sqlite3_int64)info->key.ino);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)info->key.dev);
		if (info->sha256[0])
			sqlite3_bind_text(s, 7, info->sha256, -1, SQLITE_TRANSIENT);
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_doc_set_sha(struct store *st, int64_t doc_id, const char *sha256)
{
	return doc_update(st, "UPDATE documents SET sha256 = ?2 WHERE id = ?1", doc_id, sha256, false);
}

/*
 * One transaction: another document already recorded with this content
 * is the same document (another process recorded it meanwhile), so doc_id
 * merges into it; else doc_id gets the hash.
 */
enum gloss_status
store_doc_claim_sha(struct store *st, int64_t doc_id, const char *sha256, int64_t *into)
{
	enum gloss_status rc = store_tx_begin(st);
	int64_t other = doc_id;
	bool found = false;

	*into = doc_id;
	if (rc != GLOSS_OK)
		return rc;
	rc = doc_of_sha(st, sha256, &other, &found);
	if (!found)
		other = doc_id;
	if (rc == GLOSS_OK && other != doc_id)
		rc = store_doc_merge(st, doc_id, other);
	else if (rc == GLOSS_OK)
		rc = store_doc_set_sha(st, doc_id, sha256);
	if (rc == GLOSS_OK)
		*into = other;
	return store_tx_end(st, rc);
}

enum gloss_status
store_doc_touch(struct store *st, int64_t doc_id)
{
	return doc_update(st, "UPDATE documents SET opened = ?3 WHERE id = ?1", doc_id, NULL, false);
}

enum gloss_status
store_doc_merge(struct store *st, int64_t from, int64_t into)
{
	static const char *const sql[] = {
		"UPDATE annotations SET doc_id = ?2 WHERE doc_id = ?1",
		"UPDATE trash SET doc_id = ?2 WHERE doc_id = ?1",
		"UPDATE OR IGNORE marks SET doc_id = ?2 WHERE doc_id = ?1",	/* into's own win */
		"UPDATE paths SET doc_id = ?2 WHERE doc_id = ?1",
		"DELETE FROM documents WHERE id = ?1",
	};
	enum gloss_status rc = store_tx_begin(st);

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(sql) && rc == GLOSS_OK; i++) {
		sqlite3_stmt *s = store_stmt(st, sql[i]);

		if (s == NULL) {
			rc = st->err;
			break;
		}
		sqlite3_bind_int64(s, 1, from);
		sqlite3_bind_int64(s, 2, into);
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_doc_get(struct store *st, int64_t doc_id, struct store_doc_info *out)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT d.id, d.sha256, d.title, d.position, "
	    "d.position_context, (SELECT p.path FROM paths p WHERE p.doc_id = d.id "
	    "ORDER BY p.seen DESC, p.path LIMIT 1), d.opened, d.furthest FROM documents d "
	    "WHERE d.id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, doc_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *sha = sqlite3_column_text(s, 1);

		out->id = sqlite3_column_int64(s, 0);
		snprintf(out->sha256, sizeof out->sha256, "%s", sha ? (const char *)sha : "");
		out->title = sqlite3_column_type(s, 2) == SQLITE_NULL ? NULL : store_col_str(s, 2);
		out->position = (uint64_t)sqlite3_column_int64(s, 3);
		out->position_context = store_col_str(s, 4);
		out->path = sqlite3_column_type(s, 5) == SQLITE_NULL ? NULL : store_col_str(s, 5);
		out->opened = sqlite3_column_int64(s, 6);
		out->furthest = (uint64_t)sqlite3_column_int64(s, 7);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return error_set(GLOSS_ENOTFOUND, "no document with id %lld", (long long)doc_id);
	return rc == SQLITE_ROW ? GLOSS_OK : store_fail(st, rc, "reading a document");
}

void
store_doc_info_done(struct store_doc_info *d)
{
	free(d->title);
	free(d->path);
	free(d->position_context);
	memset(d, 0, sizeof *d);
}

enum gloss_status
store_position_set(struct store *st, int64_t doc_id, uint64_t pos, const char *context,
    uint64_t furthest)
{
	enum gloss_status rc = store_write_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	s = store_stmt(st, "UPDATE documents SET position = ?2, position_context = ?3, "
	    "furthest = max(furthest, ?2, ?4) WHERE id = ?1");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, doc_id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)GLOSS_MIN(pos, (uint64_t)INT64_MAX));
		sqlite3_bind_text(s, 3, context ? context : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)GLOSS_MIN(furthest, (uint64_t)INT64_MAX));
		rc = store_done(st, s);
		if (rc == GLOSS_OK && sqlite3_changes(st->db) == 0)
			rc = error_set(GLOSS_ENOTFOUND, "no document with id %lld", (long long)doc_id);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_mark_set(struct store *st, int64_t doc_id, char name, const struct store_mark *m,
    const char *context)
{
	enum gloss_status rc;
	sqlite3_stmt *s;
	char n[2] = { name, '\0' };

	if (name < 'a' || name > 'z')
		return error_set(GLOSS_EUSAGE, "marks are a to z, not '%c'", name);
	if ((rc = store_write_begin(st)) != GLOSS_OK)
		return rc;
	s = store_stmt(st, "INSERT OR REPLACE INTO marks (doc_id, name, position, caret, context, "
	    "modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, doc_id);
		sqlite3_bind_text(s, 2, n, 1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)GLOSS_MIN(m->position, (uint64_t)INT64_MAX));
		if (m->has_caret)
			sqlite3_bind_int64(s, 4, (sqlite3_int64)GLOSS_MIN(m->caret, (uint64_t)INT64_MAX));
		else
			sqlite3_bind_null(s, 4);
		sqlite3_bind_text(s, 5, context ? context : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 6, store_now());
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_marks_get(struct store *st, int64_t doc_id, struct store_mark out[STORE_MARKS])
{
	sqlite3_stmt *s = store_stmt(st, "SELECT name, position, caret FROM marks WHERE doc_id = ?1");
	int rc;

	memset(out, 0, STORE_MARKS * sizeof *out);
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(s, 0);
		struct store_mark *m;

		if (name == NULL || name[0] < 'a' || name[0] > 'z')
			continue;
		m = &out[name[0] - 'a'];
		m->set = true;
		m->position = (uint64_t)sqlite3_column_int64(s, 1);
		m->has_caret = sqlite3_column_type(s, 2) != SQLITE_NULL;
		m->caret = m->has_caret ? (uint64_t)sqlite3_column_int64(s, 2) : 0;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? GLOSS_OK : store_fail(st, rc, "reading the marks");
}

char *
store_mark_context(struct store *st, int64_t doc_id, char name)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT context FROM marks WHERE doc_id = ?1 AND name = ?2");
	char n[2] = { name, '\0' }, *ctx = NULL;

	if (s == NULL)
		return xstrdup("");
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_text(s, 2, n, 1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		ctx = store_col_str(s, 0);
	sqlite3_reset(s);
	return ctx ? ctx : xstrdup("");
}
