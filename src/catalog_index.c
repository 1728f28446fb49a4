/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_index — indexing one article (metadata, word count, one FTS row
 * holding the distinct words of its blocks' fold keys): reading it, which
 * worker threads do, and writing it; and the annotations' notes, quotes
 * and tags.
 */
#include "gloss/gloss.h"

#include <inttypes.h>
#include <unictype.h>

#include "catalog_int.h"
#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/meta.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ------------------------------------------------------------------ */
/* Rows */

sqlite3_stmt *
catalog_cached(struct catalog *c, sqlite3_stmt **slot, const char *sql)
{
	if (*slot == NULL)
		*slot = catalog_prepare(c, sql);
	else
		sqlite3_reset(*slot);
	return *slot;
}

enum gloss_status
catalog_add_row(struct catalog *c, int64_t doc_id, enum catalog_kind kind, uint64_t off,
    uint64_t len, int64_t annot_id, const char *text, size_t n)
{
	sqlite3_stmt *p = catalog_cached(c, &c->ins_row, "INSERT INTO catalog_rows(doc_id, kind, off,"
	    " len, annot_id, text, pairs) VALUES (?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *f = catalog_cached(c, &c->ins_fts, "INSERT INTO catalog_fts(rowid, key) VALUES (?, ?)");
	const struct strbuf *key;

	if (p == NULL || f == NULL)
		return GLOSS_EDB;
	sqlite3_bind_int64(p, 1, doc_id);
	sqlite3_bind_int(p, 2, (int)kind);
	sqlite3_bind_int64(p, 3, (int64_t)off);
	sqlite3_bind_int64(p, 4, (int64_t)len);
	sqlite3_bind_int64(p, 5, annot_id);
	if (text)
		sqlite3_bind_text(p, 6, text, (int)n, SQLITE_STATIC);
	else
		sqlite3_bind_null(p, 6);
	if (!text && c->pairs && c->pairs->len)
		sqlite3_bind_blob(p, 7, c->pairs->buf, (int)c->pairs->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(p, 7);
	if (sqlite3_step(p) != SQLITE_DONE)
		return catalog_db_error(c, "index update failed");
	sqlite3_reset(p);
	if (text) {
		strbuf_reset(&c->key);
		fold_key(text, n, &c->key);
	}
	sqlite3_bind_int64(f, 1, sqlite3_last_insert_rowid(c->h));
	key = !text && c->words ? c->words : &c->key;
	sqlite3_bind_text(f, 2, strbuf_str(key), (int)key->len, SQLITE_STATIC);
	if (sqlite3_step(f) != SQLITE_DONE)
		return catalog_db_error(c, "index update failed");
	sqlite3_reset(f);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Documents */

/* Words: runs of non-space characters holding a letter or a digit. */
static uint64_t
count_words(const char *s, size_t n)
{
	uint64_t words = 0;
	bool in = false, counted = false;

	for (size_t i = 0; i < n; ) {
		unsigned char b = (unsigned char)s[i];
		uint32_t cp;
		int len;

		if (b == ' ' || b == '\n') {
			in = counted = false;
			i++;
			continue;
		}
		in = true;
		if (counted) {
			i++;
			continue;
		}
		if (b < 0x80) {
			counted = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
			i++;
		} else {
			len = text_decode(s + i, n - i, &cp);
			counted = uc_is_alnum(cp);
			i += (size_t)len;
		}
		words += counted;
	}
	(void)in;
	return words;
}

const char *
catalog_block_text(const struct doc_block *b, struct strbuf *buf)
{
	bool any = false;

	for (uint32_t i = 0; i < b->nspans && !any; i++)
		any = b->spans[i].kind == DOC_SPAN_SUP || b->spans[i].kind == DOC_SPAN_NOTEREF;
	if (!any)
		return b->text;
	strbuf_reset(buf);
	strbuf_add(buf, b->text, b->len);
	for (uint32_t i = 0; i < b->nspans; i++) {
		const struct doc_span *sp = &b->spans[i];

		if ((sp->kind == DOC_SPAN_SUP || sp->kind == DOC_SPAN_NOTEREF) && sp->start < sp->end &&
		    sp->end <= b->len)
			memset(buf->buf + sp->start, ' ', sp->end - sp->start);
	}
	return strbuf_str(buf);
}

#define KEY_ROOM_MAX (1u << 20)	/* the most room made for a key before it is built */

struct walk {
	uint64_t off, words;
	uint32_t seq;
};

/* The fold keys of every block into key (one line each), the words and the text length. */
static void
key_blocks(struct doc *doc, struct strbuf *key, struct walk *w)
{
	struct strbuf bare = STRBUF_INIT;
	struct doc_loc loc;
	uint32_t chunk = 0;

	if (!doc_first(doc, &loc))
		return;
	do {
		const struct doc_block *b;

		if (loc.chunk != chunk) {	/* keep memory flat on large files */
			doc_trim(doc);
			chunk = loc.chunk;
		}
		if ((b = doc_block(doc, loc)) == NULL)
			break;
		w->seq++;
		w->words += count_words(b->text, b->len);
		fold_key(catalog_block_text(b, &bare), b->len, key);
		strbuf_addc(key, '\n');
		w->off += b->len + ((b->flags & DOC_BLOCK_JOINED) ? 0 : DOC_SEPARATOR_LEN);
	} while (doc_next(doc, &loc));
	strbuf_done(&bare);
	if (w->seq > 0 && w->off >= DOC_SEPARATOR_LEN)
		w->off -= DOC_SEPARATOR_LEN;	/* no separator after the last block */
}

static void
bind_opt(sqlite3_stmt *st, int col, const char *s)
{
	if (s)
		sqlite3_bind_text(st, col, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, col);
}

/* Records the stat, the fingerprint and (with l's metadata) a document. */
static enum gloss_status
record(struct catalog *c, int64_t id, const struct fingerprint_key *key, const char *sha,
    const struct catalog_loaded *l)
{
	sqlite3_stmt *st = l ? catalog_cached(c, &c->rec_meta, "UPDATE catalog_docs SET size = ?,"
	    " mtime = ?, sha256 = ?, indexed = 1, title = ?, author = ?, date = ?, words = ?,"
	    " text_len = ? WHERE id = ?") : catalog_cached(c, &c->rec_stat, "UPDATE catalog_docs"
	    " SET size = ?, mtime = ?, sha256 = ?, indexed = 1 WHERE id = ?");
	int rc;

	if (st == NULL)
		return GLOSS_EDB;
	sqlite3_bind_int64(st, 1, (int64_t)key->size);
	sqlite3_bind_int64(st, 2, key->mtime_ns);
	bind_opt(st, 3, sha);
	if (l) {
		bind_opt(st, 4, l->meta.title);
		bind_opt(st, 5, l->meta.author);
		bind_opt(st, 6, l->meta.date);
		sqlite3_bind_int64(st, 7, (int64_t)l->words);
		sqlite3_bind_int64(st, 8, (int64_t)l->text_len);
		sqlite3_bind_int64(st, 9, id);
	} else {
		sqlite3_bind_int64(st, 4, id);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? GLOSS_OK : catalog_db_error(c, "index update failed");
}

void
catalog_load_file(const struct catalog_todo *t, struct catalog_loaded *out)
{
	struct strbuf key = STRBUF_INIT;
	struct walk w = { 0 };
	struct doc *doc;

	memset(out, 0, sizeof *out);
	out->key = t->key;
	fingerprint_stat(t->path, &out->key);
	if (doc_open_default(t->path, false, &doc) != GLOSS_OK) {	/* binary or unreadable: not an article */
		error_clear();
		out->kind = CATALOG_LOAD_NONE;
		return;
	}
	fingerprint_sha256(doc_source(doc), (size_t)doc_source_size(doc), out->sha);
	if (t->indexed && strcmp(t->sha, out->sha) == 0 && !doc_source_damaged(doc)) {
		out->kind = CATALOG_LOAD_SAME;
		doc_free(doc);
		return;
	}
	out->kind = CATALOG_LOAD_NEW;
	meta_read(doc, &out->meta);
	/* the key is about as long as the source: room for it at once, up to a chunk's worth */
	strbuf_grow(&key, (size_t)GLOSS_MIN(doc_source_size(doc), (uint64_t)KEY_ROOM_MAX));
	key_blocks(doc, &key, &w);
	strbuf_addc(&out->index, CATALOG_WORDS_MARK);	/* the tokenizer splits it on spaces */
	catalog_words(key.buf ? key.buf : "", key.len, &out->index, &out->pairs);
	out->words = w.words;
	out->text_len = w.off;
	strbuf_done(&key);
	if (doc_source_damaged(doc)) {	/* it shrank while read: indexed again once it is stable */
		catalog_loaded_done(out);
		out->kind = CATALOG_LOAD_NONE;
	}
	doc_free(doc);
}

void
catalog_loaded_done(struct catalog_loaded *l)
{
	if (l->kind == CATALOG_LOAD_NEW)
		meta_done(&l->meta);
	strbuf_done(&l->index);
	strbuf_done(&l->pairs);
	memset(l, 0, sizeof *l);
}

enum gloss_status
catalog_index_loaded(struct catalog *c, const struct catalog_todo *t,
    const struct catalog_loaded *l)
{
	enum gloss_status rc;

	switch (l->kind) {
	case CATALOG_LOAD_SAME:
		return record(c, t->id, &l->key, l->sha, NULL);
	case CATALOG_LOAD_NONE:
		rc = catalog_remove_doc(c, t->id, false);
		return rc == GLOSS_OK ? record(c, t->id, &l->key, NULL, NULL) : rc;
	case CATALOG_LOAD_NEW:
		break;
	}
	if (t->indexed)
		rc = catalog_remove_doc(c, t->id, false);
	else
		rc = GLOSS_OK;
	c->words = &l->index;
	c->pairs = &l->pairs;
	if (rc == GLOSS_OK)
		rc = catalog_add_row(c, t->id, CATALOG_TEXT, 0, l->text_len, 0, NULL, 0);
	c->words = c->pairs = NULL;
	if (rc == GLOSS_OK)
		rc = record(c, t->id, &l->key, l->sha, l);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Annotations */

static uint64_t
hash_str(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (h ^ 0xFF) * 1099511628211ull;
}

/* A signature of the annotations (ranges, notes, tags, count) to notice changes. */
static char *
signature(const struct store_list *l, int64_t ndocs)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < l->n; i++) {
		const struct store_annotation *a = &l->v[i];

		h = (h ^ (uint64_t)a->id) * 1099511628211ull;
		h = (h ^ a->start) * 1099511628211ull;
		h = hash_str(hash_str(hash_str(h, a->path), a->quote), a->note);
		for (size_t k = 0; k < a->ntags; k++)
			h = hash_str(h, a->tags[k]);
	}
	return xasprintf("%zu:%" PRIx64 ":%" PRId64, l->n, h, ndocs);
}

static int64_t
count_docs(struct catalog *c)
{
	sqlite3_stmt *st = catalog_prepare(c, "SELECT count(*), max(id) FROM catalog_docs");
	int64_t n = 0;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0) * 1000003 + sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return n;
}

/* The state value name, or NULL. */
static char *
state_get(struct catalog *c, const char *name)
{
	sqlite3_stmt *st = catalog_prepare(c, "SELECT value FROM catalog_state WHERE name = ?");
	char *v = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = catalog_column_str(st, 0);
	sqlite3_finalize(st);
	return v;
}

static enum gloss_status
state_set(struct catalog *c, const char *name, const char *value)
{
	sqlite3_stmt *st = catalog_prepare(c, "INSERT OR REPLACE INTO catalog_state VALUES (?, ?)");
	int rc;

	if (st == NULL)
		return GLOSS_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? GLOSS_OK : catalog_db_error(c, "index update failed");
}

/* The catalog document at path: its id (0 if none). */
static int64_t
doc_at(struct catalog *c, const char *path)
{
	sqlite3_stmt *st = catalog_cached(c, &c->find_doc, "SELECT id FROM catalog_docs WHERE path = ?");
	int64_t id = 0;

	if (st == NULL || path == NULL)
		return 0;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

static enum gloss_status
add_annotation(struct catalog *c, const struct store_annotation *a)
{
	int64_t id = doc_at(c, a->path);
	uint64_t len = a->end - a->start;
	enum gloss_status rc = GLOSS_OK;
	struct strbuf tags = STRBUF_INIT;

	if (id == 0)
		return GLOSS_OK;
	if (a->quote && *a->quote)
		rc = catalog_add_row(c, id, CATALOG_QUOTE, a->start, len, a->id, a->quote,
		    strlen(a->quote));
	if (rc == GLOSS_OK && a->note && *a->note)
		rc = catalog_add_row(c, id, CATALOG_NOTE, a->start, len, a->id, a->note,
		    strlen(a->note));
	for (size_t i = 0; i < a->ntags; i++)
		strbuf_addf(&tags, "%s%s", i ? ", " : "", a->tags[i]);
	if (rc == GLOSS_OK && tags.len)
		rc = catalog_add_row(c, id, CATALOG_TAGS, a->start, len, a->id, tags.buf,
		    tags.len);
	strbuf_done(&tags);
	return rc;
}

enum gloss_status
catalog_index_annotations(struct catalog *c)
{
	struct store_filter f = { .color = -1 };
	struct store_list l = { 0 };
	enum gloss_status rc;
	char *sig, *old;

	if (c->st == NULL)
		return GLOSS_OK;
	if ((rc = store_query(c->st, &f, &l)) != GLOSS_OK)
		return rc;
	sig = signature(&l, count_docs(c));
	old = state_get(c, "annotations");
	if (old == NULL || strcmp(old, sig) != 0) {
		rc = catalog_remove_annotation_rows(c);
		for (size_t i = 0; i < l.n && rc == GLOSS_OK; i++)
			rc = add_annotation(c, &l.v[i]);
		if (rc == GLOSS_OK)
			rc = state_set(c, "annotations", sig);
	}
	free(old);
	free(sig);
	store_list_free(&l);
	return rc;
}
