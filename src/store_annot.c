/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_annot — annotations in the database: adding, reading, changing,
 * deleting to the trash and restoring from it, and the three ways of
 * listing them (a visible range through the R*Tree, a whole document for
 * re-anchoring, the corpus through a filter).
 *
 * Each public function that changes something is one transaction (or part
 * of the caller's store_begin() group).
 */
#include "gloss/gloss.h"

#include "store_int.h"
#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

#define TAG_SEP '\x1f'	/* between tag names in a column (tags hold no controls) */

/* The columns read_row() reads, in its order (the path last: store_query names it). */
#define ANNOT_COLUMNS \
	"a.id, a.doc_id, a.start_pos, a.end_pos, a.quote, a.prefix, a.suffix, a.note, " \
	"a.color, a.status, a.created, a.modified, " \
	"(SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM annotation_tags x " \
	"JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id ORDER BY t.key)), " \
	"a.first_quote, a.first_prefix, a.first_suffix, a.creator, " \
	"(SELECT p.path FROM paths p WHERE p.doc_id = a.doc_id ORDER BY p.seen DESC, p.path LIMIT 1) "

/* ------------------------------------------------------------------ */
/* Rows */

/* Splits "a\x1fb" into a new array of new strings. */
static void
split_tags(const char *s, char ***tags, size_t *n)
{
	*tags = NULL;
	*n = 0;
	if (s == NULL || *s == '\0')
		return;
	for (;;) {
		const char *sep = strchr(s, TAG_SEP);
		size_t len = sep ? (size_t)(sep - s) : strlen(s);

		*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
		(*tags)[(*n)++] = xstrndup(s, len);
		if (sep == NULL)
			break;
		s = sep + 1;
	}
}

/* Column col as a new string, or NULL if it is NULL. */
static char *
col_opt(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? NULL : store_col_str(s, col);
}

static void
read_row(sqlite3_stmt *s, struct store_annotation *a)
{
	const char *color = (const char *)sqlite3_column_text(s, 8);
	const char *status = (const char *)sqlite3_column_text(s, 9);
	const char *path = (const char *)sqlite3_column_text(s, 17);

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->doc_id = sqlite3_column_int64(s, 1);
	a->start = (uint64_t)sqlite3_column_int64(s, 2);
	a->end = (uint64_t)sqlite3_column_int64(s, 3);
	a->quote = store_col_str(s, 4);
	a->prefix = store_col_str(s, 5);
	a->suffix = store_col_str(s, 6);
	a->note = store_col_str(s, 7);
	if (!color || !store_color_parse(color, &a->color))
		a->color = STORE_COLOR_DEFAULT;
	if (!status || !anchor_status_parse(status, &a->status))
		a->status = ANCHOR_ORPHANED;
	a->created = sqlite3_column_int64(s, 10);
	a->modified = sqlite3_column_int64(s, 11);
	split_tags((const char *)sqlite3_column_text(s, 12), &a->tags, &a->ntags);
	a->path = path ? xstrdup(path) : NULL;
	a->first_quote = col_opt(s, 13);
	a->first_prefix = col_opt(s, 14);
	a->first_suffix = col_opt(s, 15);
	a->creator = col_opt(s, 16);
}

/* Steps s to the end, appending every row to out; resets s. */
static enum gloss_status
read_rows(struct store *st, sqlite3_stmt *s, struct store_list *out)
{
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		read_row(s, &out->v[out->n++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_list_free(out);
		return store_fail(st, rc, "reading annotations");
	}
	return GLOSS_OK;
}

void
store_annotation_done(struct store_annotation *a)
{
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	free(a->note);
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a->path);
	free(a->first_quote);
	free(a->first_prefix);
	free(a->first_suffix);
	free(a->creator);
	memset(a, 0, sizeof *a);
}

void
store_list_free(struct store_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_annotation_done(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* GLOSS_ENOTFOUND with a message unless annotation id exists. */
static enum gloss_status
must_exist(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM annotations WHERE id = ?1");
	int rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return GLOSS_OK;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "reading an annotation");
	return error_set(GLOSS_ENOTFOUND, "no annotation with id %lld", (long long)id);
}

/* Marks annotation id as modified now. */
static enum gloss_status
touch(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE annotations SET modified = ?2 WHERE id = ?1");

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, store_now());
	return store_done(st, s);
}

/* ------------------------------------------------------------------ */
/* Tags on annotations (normalisation is in store_tag.c) */

/* Puts the tag with this name and key on annotation id. */
static enum gloss_status
put_tag(struct store *st, int64_t id, const char *name, const char *key)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO tags(name, key) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO NOTHING");
	enum gloss_status rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_TRANSIENT);
	if ((rc = store_done(st, s)) != GLOSS_OK)
		return rc;
	s = store_stmt(st, "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) "
	    "SELECT ?1, id FROM tags WHERE key = ?2");
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_TRANSIENT);
	return store_done(st, s);
}

/* Normalises raw tags and puts them on annotation id. */
static enum gloss_status
put_tags(struct store *st, int64_t id, const char *const *tags, size_t n)
{
	enum gloss_status rc = GLOSS_OK;

	for (size_t i = 0; i < n && rc == GLOSS_OK; i++) {
		char *name, *key;

		if ((rc = store_tag_normalize(tags[i], &name, &key)) != GLOSS_OK)
			break;
		rc = put_tag(st, id, name, key);
		free(name);
		free(key);
	}
	return rc;
}

/* Checks every tag before anything is written, so that a bad one changes nothing. */
static enum gloss_status
check_tags(const char *const *tags, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *name, *key;
		enum gloss_status rc = store_tag_normalize(tags[i], &name, &key);

		if (rc != GLOSS_OK)
			return rc;
		free(name);
		free(key);
	}
	return GLOSS_OK;
}

enum gloss_status
store_tag(struct store *st, int64_t id, const char *const *tags, size_t n)
{
	enum gloss_status rc = check_tags(tags, n);

	if (rc != GLOSS_OK || (rc = store_write_begin(st)) != GLOSS_OK)
		return rc;
	rc = must_exist(st, id);
	if (rc == GLOSS_OK)
		rc = put_tags(st, id, tags, n);
	if (rc == GLOSS_OK)
		rc = touch(st, id);
	return store_tx_end(st, rc);
}

static enum gloss_status
drop_tag(struct store *st, int64_t id, const char *raw)
{
	sqlite3_stmt *s;
	char *name, *key;
	enum gloss_status rc = store_tag_normalize(raw, &name, &key);

	if (rc != GLOSS_OK)
		return rc;
	s = store_stmt(st, "DELETE FROM annotation_tags WHERE annotation_id = ?1 "
	    "AND tag_id = (SELECT id FROM tags WHERE key = ?2)");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, key, -1, SQLITE_TRANSIENT);
		rc = store_done(st, s);
		if (rc == GLOSS_OK && sqlite3_changes(st->db) == 0)
			rc = error_set(GLOSS_ENOTFOUND, "annotation %lld has no tag '%s'", (long long)id,
			    name);
	}
	free(name);
	free(key);
	return rc;
}

enum gloss_status
store_untag(struct store *st, int64_t id, const char *const *tags, size_t n)
{
	enum gloss_status rc = check_tags(tags, n);

	if (rc != GLOSS_OK || (rc = store_write_begin(st)) != GLOSS_OK)
		return rc;
	rc = must_exist(st, id);
	for (size_t i = 0; i < n && rc == GLOSS_OK; i++)
		rc = drop_tag(st, id, tags[i]);
	if (rc == GLOSS_OK)
		rc = touch(st, id);
	return store_tx_end(st, rc);
}

/* ------------------------------------------------------------------ */
/* Adding and changing */

static enum gloss_status
check_range(uint64_t start, uint64_t end, const char *quote)
{
	if (end <= start || quote == NULL || *quote == '\0')
		return error_set(GLOSS_EUSAGE, "empty selection: nothing to highlight");
	if (end > STORE_POSITION_MAX)
		return error_set(GLOSS_ETOOBIG, "cannot highlight beyond %d bytes into a document",
		    STORE_POSITION_MAX);
	return GLOSS_OK;
}

static enum gloss_status
insert(struct store *st, const struct store_new *a, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, "
	    "prefix, suffix, color, status, note, created, modified, first_quote, first_prefix, "
	    "first_suffix, creator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15)");
	int64_t now = store_now();
	enum gloss_status rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, a->doc_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)a->start);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)a->end);
	sqlite3_bind_text(s, 4, a->quote, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, a->prefix ? a->prefix : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, a->suffix ? a->suffix : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, store_color_name(a->color), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, anchor_status_name(a->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->note ? a->note : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 10, a->created ? a->created : now);
	sqlite3_bind_int64(s, 11, a->modified ? a->modified : a->created ? a->created : now);
	if (a->first_quote && *a->first_quote) {
		sqlite3_bind_text(s, 12, a->first_quote, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 13, a->first_prefix ? a->first_prefix : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 14, a->first_suffix ? a->first_suffix : "", -1, SQLITE_TRANSIENT);
	}
	if (a->creator && *a->creator)
		sqlite3_bind_text(s, 15, a->creator, -1, SQLITE_TRANSIENT);
	if ((rc = store_done(st, s)) == GLOSS_OK)
		*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum gloss_status
store_add(struct store *st, const struct store_new *a, int64_t *id)
{
	enum gloss_status rc = check_range(a->start, a->end, a->quote);

	if (rc == GLOSS_OK && (unsigned)a->color >= STORE_COLOR_COUNT)
		rc = error_set(GLOSS_EUSAGE, "unknown colour");
	if (rc == GLOSS_OK)
		rc = check_tags(a->tags, a->ntags);
	if (rc != GLOSS_OK || (rc = store_write_begin(st)) != GLOSS_OK)
		return rc;
	rc = insert(st, a, id);
	if (rc == GLOSS_OK)
		rc = put_tags(st, *id, a->tags, a->ntags);
	return store_tx_end(st, rc);
}

enum gloss_status
store_get(struct store *st, int64_t id, struct store_annotation *out)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " ANNOT_COLUMNS "FROM annotations a WHERE a.id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_row(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return error_set(GLOSS_ENOTFOUND, "no annotation with id %lld", (long long)id);
	return rc == SQLITE_ROW ? GLOSS_OK : store_fail(st, rc, "reading an annotation");
}

/* Runs an UPDATE of one annotation that binds id as ?1 and a text as ?2. */
static enum gloss_status
update_text(struct store *st, const char *sql, int64_t id, const char *text)
{
	enum gloss_status rc = store_write_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	if ((rc = must_exist(st, id)) == GLOSS_OK) {
		if ((s = store_stmt(st, sql)) == NULL) {
			rc = st->err;
		} else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(s, 3, store_now());
			rc = store_done(st, s);
		}
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_set_note(struct store *st, int64_t id, const char *note)
{
	return update_text(st, "UPDATE annotations SET note = ?2, modified = ?3 WHERE id = ?1", id,
	    note ? note : "");
}

enum gloss_status
store_set_color(struct store *st, int64_t id, enum store_color c)
{
	if ((unsigned)c >= STORE_COLOR_COUNT)
		return error_set(GLOSS_EUSAGE, "unknown colour");
	return update_text(st, "UPDATE annotations SET color = ?2, modified = ?3 WHERE id = ?1", id,
	    store_color_name(c));
}

enum gloss_status
store_reattach(struct store *st, int64_t id, uint64_t start, uint64_t end, const char *quote,
    const char *prefix, const char *suffix)
{
	enum gloss_status rc = check_range(start, end, quote);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK || (rc = store_write_begin(st)) != GLOSS_OK)
		return rc;
	if ((rc = must_exist(st, id)) == GLOSS_OK) {
		s = store_stmt(st, "UPDATE annotations SET start_pos = ?2, end_pos = ?3, quote = ?4, "
		    "prefix = ?5, suffix = ?6, status = 'anchored', modified = ?7 WHERE id = ?1");
		if (s == NULL) {
			rc = st->err;
		} else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, (sqlite3_int64)start);
			sqlite3_bind_int64(s, 3, (sqlite3_int64)end);
			sqlite3_bind_text(s, 4, quote, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 5, prefix ? prefix : "", -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 6, suffix ? suffix : "", -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(s, 7, store_now());
			rc = store_done(st, s);
		}
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_anchor_update(struct store *st, int64_t id, const char *quote, uint64_t start, uint64_t end,
    enum anchor_status status, const struct store_covered *now)
{
	enum gloss_status rc = store_tx_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	/* ?6..?8: the text covered now (NULL: as it is); the first selector is kept once the quote changes */
	s = store_stmt(st, "UPDATE annotations SET start_pos = ?2, end_pos = ?3, status = ?4, "
	    "first_prefix = CASE WHEN first_quote IS NULL AND quote <> coalesce(?6, quote) "
	    "THEN prefix ELSE first_prefix END, "
	    "first_suffix = CASE WHEN first_quote IS NULL AND quote <> coalesce(?6, quote) "
	    "THEN suffix ELSE first_suffix END, "
	    "first_quote = CASE WHEN first_quote IS NULL AND quote <> coalesce(?6, quote) "
	    "THEN quote ELSE first_quote END, "
	    "quote = coalesce(?6, quote), prefix = coalesce(?7, prefix), suffix = coalesce(?8, suffix) "
	    "WHERE id = ?1 AND quote = ?5 AND (start_pos <> ?2 OR end_pos <> ?3 OR status <> ?4 "
	    "OR quote <> coalesce(?6, quote) OR prefix <> coalesce(?7, prefix) "
	    "OR suffix <> coalesce(?8, suffix))");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)start);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)end);
		sqlite3_bind_text(s, 4, anchor_status_name(status), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, quote, -1, SQLITE_TRANSIENT);
		if (now && now->quote && *now->quote) {
			sqlite3_bind_text(s, 6, now->quote, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 7, now->prefix ? now->prefix : "", -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 8, now->suffix ? now->suffix : "", -1, SQLITE_TRANSIENT);
		}
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

/* ------------------------------------------------------------------ */
/* Deleting and undoing */

static enum gloss_status
to_trash(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT OR REPLACE INTO trash(id, doc_id, start_pos, end_pos, "
	    "quote, prefix, suffix, color, status, note, tags, created, modified, deleted, "
	    "first_quote, first_prefix, first_suffix, creator) "
	    "SELECT a.id, a.doc_id, a.start_pos, a.end_pos, a.quote, a.prefix, a.suffix, a.color, "
	    "a.status, a.note, coalesce((SELECT group_concat(name, char(31)) FROM (SELECT t.name "
	    "FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id "
	    "ORDER BY t.key)), ''), a.created, a.modified, ?2, a.first_quote, a.first_prefix, "
	    "a.first_suffix, a.creator FROM annotations a WHERE a.id = ?1");
	enum gloss_status rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, store_now());
	if ((rc = store_done(st, s)) != GLOSS_OK)
		return rc;
	if (sqlite3_changes(st->db) == 0)
		return error_set(GLOSS_ENOTFOUND, "no annotation with id %lld", (long long)id);
	s = store_stmt(st, "DELETE FROM trash WHERE seq <= (SELECT max(seq) FROM trash) - ?1");
	if (s == NULL)
		return st->err;
	sqlite3_bind_int(s, 1, STORE_TRASH_KEEP);
	return store_done(st, s);
}

enum gloss_status
store_delete(struct store *st, int64_t id)
{
	enum gloss_status rc = store_write_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	rc = to_trash(st, id);
	if (rc == GLOSS_OK) {
		if ((s = store_stmt(st, "DELETE FROM annotations WHERE id = ?1")) == NULL) {
			rc = st->err;
		} else {
			sqlite3_bind_int64(s, 1, id);
			rc = store_done(st, s);
		}
	}
	return store_tx_end(st, rc);
}

/* The newest trash entry (of doc_id, or any if 0): its seq, id and tags. */
static enum gloss_status
newest_trash(struct store *st, int64_t doc_id, int64_t *seq, int64_t *id, char **tags)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT seq, id, tags FROM trash "
	    "WHERE ?1 = 0 OR doc_id = ?1 ORDER BY seq DESC LIMIT 1");
	int rc;

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, doc_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(s, 0);
		*id = sqlite3_column_int64(s, 1);
		*tags = store_col_str(s, 2);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return error_set(GLOSS_ENOTFOUND, "nothing to undo: no deleted annotation");
	return rc == SQLITE_ROW ? GLOSS_OK : store_fail(st, rc, "reading the trash");
}

static enum gloss_status
restore(struct store *st, int64_t seq, int64_t id, const char *tagcol)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO annotations(id, doc_id, start_pos, end_pos, "
	    "quote, prefix, suffix, color, status, note, created, modified, first_quote, "
	    "first_prefix, first_suffix, creator) SELECT id, doc_id, start_pos, end_pos, quote, "
	    "prefix, suffix, color, status, note, created, modified, first_quote, first_prefix, "
	    "first_suffix, creator FROM trash WHERE seq = ?1");
	enum gloss_status rc;
	char **tags;
	size_t n;

	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, seq);
	if ((rc = store_done(st, s)) != GLOSS_OK)
		return rc;
	split_tags(tagcol, &tags, &n);
	rc = put_tags(st, id, (const char *const *)tags, n);
	for (size_t i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
	if (rc == GLOSS_OK && (s = store_stmt(st, "DELETE FROM trash WHERE seq = ?1")) == NULL)
		rc = st->err;
	if (rc == GLOSS_OK) {
		sqlite3_bind_int64(s, 1, seq);
		rc = store_done(st, s);
	}
	return rc;
}

enum gloss_status
store_undelete(struct store *st, int64_t doc_id, int64_t *id)
{
	enum gloss_status rc = store_write_begin(st);
	char *tags = NULL;
	int64_t seq = 0;

	if (rc != GLOSS_OK)
		return rc;
	rc = newest_trash(st, doc_id, &seq, id, &tags);
	if (rc == GLOSS_OK)
		rc = restore(st, seq, *id, tags);
	free(tags);
	return store_tx_end(st, rc);
}

/* ------------------------------------------------------------------ */
/* Listing */

static sqlite3_int64
clamp_pos(uint64_t v)
{
	return v > STORE_POSITION_MAX ? STORE_POSITION_MAX : (sqlite3_int64)v;
}

/* The visible-range query: the R*Tree finds the rows, nothing scans the table. */
const char store_sql_in_range[] = "SELECT " ANNOT_COLUMNS "FROM annotation_ranges r "
    "JOIN annotations a ON a.id = r.id "
    "WHERE r.doc_lo <= ?1 AND r.doc_hi >= ?1 AND r.lo < ?3 AND r.hi > ?2 "
    "ORDER BY a.start_pos, a.id";

enum gloss_status
store_in_range(struct store *st, int64_t doc_id, uint64_t a, uint64_t b, struct store_list *out)
{
	sqlite3_stmt *s = store_stmt(st, store_sql_in_range);

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, clamp_pos(a));
	sqlite3_bind_int64(s, 3, b > STORE_POSITION_MAX ? (sqlite3_int64)STORE_POSITION_MAX + 1 : clamp_pos(b));
	return read_rows(st, s, out);
}

enum gloss_status
store_of_doc(struct store *st, int64_t doc_id, struct store_list *out)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " ANNOT_COLUMNS "FROM annotations a "
	    "WHERE a.doc_id = ?1 ORDER BY a.start_pos, a.id");

	out->v = NULL;
	out->n = 0;
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, doc_id);
	return read_rows(st, s, out);
}

/* True if the fold key of s contains key. */
static bool
key_contains(const char *s, const char *key)
{
	struct strbuf k = STRBUF_INIT;
	bool yes;

	fold_key(s, strlen(s), &k);
	yes = strstr(strbuf_str(&k), key) != NULL;
	strbuf_done(&k);
	return yes;
}

/* Keeps the annotations whose quote or note contains text (by fold keys). */
static void
filter_text(struct store_list *l, const char *text)
{
	struct strbuf key = STRBUF_INIT;
	size_t kept = 0;

	fold_key(text, strlen(text), &key);
	for (size_t i = 0; i < l->n; i++) {
		if (key_contains(l->v[i].quote, strbuf_str(&key)) ||
		    key_contains(l->v[i].note, strbuf_str(&key)))
			l->v[kept++] = l->v[i];
		else
			store_annotation_done(&l->v[i]);
	}
	l->n = kept;
	strbuf_done(&key);
}

enum gloss_status
store_query(struct store *st, const struct store_filter *f, struct store_list *out)
{
	/* ?2: the fold keys of the wanted tags, each between two U+001F */
	sqlite3_stmt *s = store_stmt(st, "SELECT " ANNOT_COLUMNS "AS path FROM annotations a "
	    "WHERE (?1 = 0 OR a.doc_id = ?1) "
	    "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
	    "WHERE x.annotation_id = a.id AND instr(?2, char(31) || t.key || char(31)) > 0)) "
	    "AND (?3 IS NULL OR a.color = ?3) "
	    "AND (?4 = 0 OR (?4 >> CASE a.status WHEN 'anchored' THEN 0 WHEN 'moved' THEN 1 "
	    "ELSE 2 END) & 1) "
	    "AND (?5 = 0 OR a.created >= ?5) "
	    "ORDER BY path, a.start_pos, a.id");
	struct strbuf keys = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;

	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; i < f->ntags && rc == GLOSS_OK; i++) {
		char *name, *key;

		if ((rc = store_tag_normalize(f->tags[i], &name, &key)) == GLOSS_OK) {
			strbuf_addf(&keys, "\x1f%s\x1f", key);
			free(name);
			free(key);
		}
	}
	if (rc == GLOSS_OK && s == NULL)
		rc = st->err;
	if (rc != GLOSS_OK) {
		strbuf_done(&keys);
		return rc;
	}
	sqlite3_bind_int64(s, 1, f->doc_id);
	if (f->ntags)
		sqlite3_bind_text(s, 2, strbuf_str(&keys), -1, SQLITE_TRANSIENT);
	if (f->color >= 0 && f->color < STORE_COLOR_COUNT)
		sqlite3_bind_text(s, 3, store_color_name((enum store_color)f->color), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, (int)f->statuses);
	sqlite3_bind_int64(s, 5, f->since);
	rc = read_rows(st, s, out);
	if (rc == GLOSS_OK && f->text && *f->text)
		filter_text(out, f->text);
	strbuf_done(&keys);
	return rc;
}
