/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_recover — `gloss recover`: copies what can still be read of a
 * damaged database into a new one (see store_recover() in store.h).
 *
 * The new database is made by store_open() (so it has the current schema,
 * its triggers rebuild the range index), the damaged one is read through a
 * read-only connection of its own (a damaged page aborts the transaction
 * of the connection that reads it, so it must not be the one that writes),
 * and each table is copied row by row in key order, the
 * parents before the rows that refer to them.  A read that hits a damaged
 * page ends the forward scan; the same table is then read backwards from
 * its last key, which reaches the rows after the damage (the way sqlite3's
 * .dump does).  A row that cannot be inserted (a tag link whose tag was
 * lost) is left out.  A damaged database opened by gloss is read from
 * such a copy in memory (store_salvage), so that reading shows exactly
 * what recovering would keep.  SQLite's own recovery extension is not part of the
 * library Debian ships, and sqlite3 .recover fails on gloss's R*Tree.
 */
#include "gloss/gloss.h"

#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

/* The tables, parents first, with the order of their keys (forwards, backwards). */
static const struct {
	const char *name, *key, *back;
} tables[] = {
	{ "documents", "id", "id DESC" },
	{ "paths", "rowid", "rowid DESC" },
	{ "annotations", "id", "id DESC" },
	{ "tags", "id", "id DESC" },
	{ "annotation_tags", "annotation_id, tag_id", "annotation_id DESC, tag_id" },
	{ "drafts", "annotation_id", "annotation_id DESC" },
	{ "trash", "seq", "seq DESC" },
	{ "marks", "doc_id, name", "doc_id DESC, name" },	/* version 4 */
};

struct copied {
	size_t rows, skipped;
	bool damaged;		/* a read failed: rows may be missing */
};

/*
 * "INSERT OR IGNORE INTO main.t("a", "b", ...) VALUES (?, ?, ...)" for the
 * columns of sel (an older database has fewer: the others get their defaults).
 */
static char *
insert_sql(const char *table, sqlite3_stmt *sel)
{
	struct strbuf sb = STRBUF_INIT;
	int n = sqlite3_column_count(sel);

	strbuf_addf(&sb, "INSERT OR IGNORE INTO main.%s(", table);
	for (int i = 0; i < n; i++) {
		char *q = sqlite3_mprintf("%s\"%w\"", i ? ", " : "", sqlite3_column_name(sel, i));

		strbuf_adds(&sb, q);
		sqlite3_free(q);
	}
	strbuf_adds(&sb, ") VALUES (");
	for (int i = 0; i < n; i++)
		strbuf_adds(&sb, i ? ", ?" : "?");
	strbuf_adds(&sb, ")");
	return strbuf_detach(&sb, NULL);
}

/* Copies the rows of sel into table of db; returns the result of the last step of sel. */
static int
copy_rows(sqlite3 *db, sqlite3_stmt *sel, const char *table, struct copied *c)
{
	int n = sqlite3_column_count(sel), rc;
	char *sql = insert_sql(table, sel);
	sqlite3_stmt *ins = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK) {
		free(sql);
		return SQLITE_ERROR;
	}
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) != SQLITE_DONE)
			c->skipped++;
		else if (sqlite3_changes(db) > 0)
			c->rows++;		/* (0: read already by the forward pass) */
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	free(sql);
	return rc;
}

/* Copies one table from old to db: forwards, and after a damaged page backwards from its end. */
static void
copy_table(sqlite3 *old, sqlite3 *db, size_t t, struct copied *c)
{
	for (int d = 0; d < 2; d++) {
		char *sql = xasprintf("SELECT * FROM %s ORDER BY %s", tables[t].name,
		    d == 0 ? tables[t].key : tables[t].back);
		sqlite3_stmt *sel = NULL;
		int rc = sqlite3_prepare_v2(old, sql, -1, &sel, NULL);

		free(sql);
		if (rc == SQLITE_OK)
			rc = copy_rows(db, sel, tables[t].name, c);
		sqlite3_finalize(sel);
		if (rc == SQLITE_DONE)
			return;
		c->damaged = true;	/* and read the rest from the other end */
	}
}

/* Whether old has the table (a file of an older version may not), or cannot say (damaged). */
static bool
has_table(sqlite3 *old, const char *table)
{
	sqlite3_stmt *s = NULL;
	bool has = true;

	if (sqlite3_prepare_v2(old, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
	    -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
		has = sqlite3_step(s) != SQLITE_DONE;
	}
	sqlite3_finalize(s);
	return has;
}

/* Annotation ids are never reused: the sequence goes past every id seen, the trash's too. */
static void
keep_sequence(sqlite3 *old, sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	sqlite3_int64 seq = 0;
	char *sql;

	if (sqlite3_prepare_v2(old, "SELECT seq FROM sqlite_sequence WHERE name = 'annotations'", -1,
	    &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		seq = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sql = sqlite3_mprintf("INSERT INTO sqlite_sequence(name, seq) SELECT 'annotations', 0 WHERE "
	    "NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'annotations'); "
	    "UPDATE sqlite_sequence SET seq = max(seq, %lld, (SELECT coalesce(max(id), 0) FROM trash), "
	    "(SELECT coalesce(max(id), 0) FROM annotations)) WHERE name = 'annotations'", (long long)seq);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
}

static void
report_table(struct strbuf *out, const char *table, const struct copied *c)
{
	strbuf_addf(out, "%s: %zu rows copied", table, c->rows);
	if (c->skipped)
		strbuf_addf(out, ", %zu left out (they refer to rows that were lost)", c->skipped);
	if (c->damaged)
		strbuf_adds(out, "; a damaged page could not be read: the rows on it are lost");
	strbuf_addc(out, '\n');
}

/* The damaged file, read-only. */
static enum gloss_status
open_old(const char *from, sqlite3 **old)
{
	if (sqlite3_open_v2(from, old, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		return GLOSS_OK;
	error_set(GLOSS_EIO, "cannot read %s: %s", from, sqlite3_errmsg(*old));
	sqlite3_close(*old);
	*old = NULL;
	return GLOSS_EIO;
}

/* Copies every table from old into st (in one transaction), reporting to report (or not). */
static enum gloss_status
copy_all(sqlite3 *old, struct store *st, struct strbuf *report)
{
	enum gloss_status rc = store_begin_refresh(st);

	if (rc != GLOSS_OK)
		return rc;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(tables); i++) {
		struct copied c = { 0 };

		if (!has_table(old, tables[i].name))
			continue;	/* an older version's file */
		copy_table(old, st->db, i, &c);
		if (report)
			report_table(report, tables[i].name, &c);
	}
	keep_sequence(old, st->db);
	return store_end(st, GLOSS_OK);
}

enum gloss_status
store_salvage(struct store *st, const char *reason)
{
	struct store *mem = xcalloc(1, sizeof *mem);
	enum gloss_status rc = GLOSS_OK;

	mem->path = xstrdup(st->path);
	mem->busy_ms = st->busy_ms;
	mem->waited_ms = -1;
	if (st->depth > 0 || sqlite3_open_v2(":memory:", &mem->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		rc = error_set(GLOSS_EDB, "database %s: no memory for its copy", st->path);
	if (rc == GLOSS_OK)
		rc = store_exec(mem, "PRAGMA foreign_keys = ON");
	if (rc == GLOSS_OK)
		rc = store_schema_check(mem, true);
	if (rc == GLOSS_OK)
		rc = copy_all(st->db, mem, NULL);
	if (rc == GLOSS_OK) {
		store_replace_db(st, mem->db, reason);
		mem->db = NULL;
	}
	store_close(mem);
	return rc;
}

enum gloss_status
store_recover(const char *from, const char *to, struct strbuf *report)
{
	struct store *st;
	sqlite3 *old = NULL;
	struct stat sb;
	enum gloss_status rc;

	if (stat(to, &sb) == 0)
		return error_set(GLOSS_EEXIST, "%s exists: name a new file", to);
	if ((rc = open_old(from, &old)) != GLOSS_OK)
		return rc;
	if ((rc = store_open(to, STORE_CREATE, &st)) == GLOSS_OK)
		rc = copy_all(old, st, report);
	store_close(st);
	sqlite3_close(old);
	if (rc != GLOSS_OK)
		unlink(to);
	return rc;
}
