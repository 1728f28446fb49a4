/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_store — the annotation database: creation and migration (from
 * nothing and from a frozen version-1 database), constraints, annotations,
 * tags, undo, drafts, the R*Tree range query and its plan, refusals (newer
 * schema, damaged or foreign files, read-only files and directories, a
 * held lock, a full disk), the network-file-system decision, and changes
 * seen by a second connection and a second process.
 */
#include "gloss/gloss.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../src/store_int.h"
#include "gloss/xmalloc.h"
#include "store_v1.h"
#include "store_v2.h"
#include "store_v3.h"
#include "../lib/tap.h"

static char tmpdir[] = "/tmp/gloss-store.XXXXXX";

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* The whole file (caller frees), or NULL. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	*n = fread(buf, 1, (size_t)len, f);
	fclose(f);
	return buf;
}

static bool
same_bytes(const char *a, size_t na, const char *b, size_t nb)
{
	return a && b && na == nb && memcmp(a, b, na) == 0;
}

static bool
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* One integer from SQL on the store's own connection (-1 on error). */
static long long
sql_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The first column of every row, joined by "|". */
static char *
sql_rows(sqlite3 *db, const char *sql)
{
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return xstrdup(sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);

		if (sb.len)
			strbuf_addc(&sb, '|');
		strbuf_adds(&sb, t ? (const char *)t : "NULL");
	}
	sqlite3_finalize(s);
	return strbuf_detach(&sb, NULL);
}

/* The result code of running sql on the store's connection. */
static int
sql_rc(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int64_t
new_doc(struct store *st, const char *sha)
{
	int64_t id = 0;

	store_doc_new(st, sha, "Title", &id, NULL);
	return id;
}

static int64_t
add(struct store *st, int64_t doc, uint64_t a, uint64_t b, const char *quote,
    const char *const *tags, size_t ntags)
{
	struct store_new n = {
		.doc_id = doc, .start = a, .end = b, .quote = quote, .prefix = "pre", .suffix = "suf",
		.color = STORE_YELLOW, .status = ANCHOR_ANCHORED, .tags = tags, .ntags = ntags,
	};
	int64_t id = -1;

	if (store_add(st, &n, &id) != GLOSS_OK)
		return -1;
	return id;
}

/* The ids of a list, joined by ",". */
static char *
ids_of(const struct store_list *l)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		strbuf_addf(&sb, "%s%lld", i ? "," : "", (long long)l->v[i].id);
	return strbuf_detach(&sb, NULL);
}

/* ------------------------------------------------------------------ */
/* Creation */

static void
test_create(void)
{
	char *path = tmp_path("new/sub/gloss.db"), *dir = tmp_path("new/sub");
	struct store *st = NULL;
	struct stat sb;

	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "create: a new database in new directories");
	if (!st)
		return;
	ok(exists(path), "create: the file exists");
	stat(dir, &sb);
	is_int(sb.st_mode & 0777, 0700, "create: its directory is private");
	free(dir);
	is_int(store_schema_version(st), STORE_SCHEMA_VERSION, "create: user_version is current");
	is_int(sql_int(st, "PRAGMA application_id"), STORE_APPLICATION_ID, "create: application_id is gloss's");
	ok(store_wal(st), "create: WAL on a local file system");
	is_int(sql_int(st, "PRAGMA foreign_keys"), 1, "create: foreign keys are enforced");
	is_int(sql_int(st, "PRAGMA synchronous"), 2, "create: synchronous = FULL");
	ok(!store_readonly(st), "create: writable");
	store_close(st);
	free(path);

	path = tmp_path("absent/gloss.db");
	dir = tmp_path("absent");
	is_int(store_open(path, 0, &st), GLOSS_OK, "absent: opening without STORE_CREATE works");
	ok(st && store_readonly(st), "absent: it is read-only");
	is_str(st ? store_readonly_reason(st) : NULL, "it does not exist yet", "absent: and says why");
	ok(!exists(path) && !exists(dir), "absent: nothing was created");
	free(dir);
	if (st) {
		struct store_filter f = { .color = -1 };
		struct store_list l;

		is_int(store_query(st, &f, &l), GLOSS_OK, "absent: queries work");
		is_int((long long)l.n, 0, "absent: and find nothing");
		store_list_free(&l);
		is_int(store_doc_new(st, NULL, "x", &(int64_t){ 0 }, NULL), GLOSS_EREADONLY, "absent: writes are refused");
	}
	store_close(st);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Migration from version 1 */

static void
test_migrate_v1(void)
{
	char *path = tmp_path("v1.db"), *got;
	sqlite3 *db;
	struct store *st = NULL;
	struct store_annotation a;
	int64_t id = 0;

	is_str(store_schema_step(1), frozen_v1, "migrate: step 1 is unchanged since release");
	sqlite3_open(path, &db);
	is_int(sqlite3_exec(db, frozen_v1, NULL, NULL, NULL), SQLITE_OK, "migrate: a version-1 database");
	is_int(sqlite3_exec(db, v1_data, NULL, NULL, NULL), SQLITE_OK, "migrate: with an annotation");
	sqlite3_close(db);
	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "migrate: opened");
	if (!st)
		return;
	is_int(store_schema_version(st), STORE_SCHEMA_VERSION, "migrate: now the current version");
	got = sql_rows(st->db, "SELECT name FROM sqlite_master WHERE name IN ('drafts', 'trash') ORDER BY name");
	is_str(got, "drafts|trash", "migrate: version 2 tables exist");
	free(got);
	is_int(store_get(st, 7, &a), GLOSS_OK, "migrate: the old annotation is there");
	is_str(a.quote, "quoted", "migrate: its quote");
	is_str(a.note, "a note", "migrate: its note");
	is_str(a.ntags == 1 ? a.tags[0] : "", "Old Tag", "migrate: its tag");
	is_str(a.path, "/tmp/old.txt", "migrate: its path");
	ok(a.color == STORE_GREEN && a.status == ANCHOR_ANCHORED, "migrate: its colour and status");
	store_annotation_done(&a);
	is_int(store_delete(st, 7), GLOSS_OK, "migrate: the new trash works");
	is_int(store_undelete(st, 0, &id), GLOSS_OK, "migrate: and undo");
	is_int(id, 7, "migrate: same id");
	store_close(st);
	st = NULL;
	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "migrate: reopened");
	is_int(st ? store_schema_version(st) : -1, STORE_SCHEMA_VERSION, "migrate: once");
	store_close(st);
	free(path);
}

/* From version 2: the furthest point read, creators, first selectors; the trash and drafts kept. */
static void
test_migrate_v2(void)
{
	char *path = tmp_path("v2.db"), *got;
	sqlite3 *db;
	struct store *st = NULL;
	struct store_annotation a;
	struct store_doc_info info;
	struct store_covered now = { "quoted now", "new before ", " new after" };
	int64_t id = 0;

	is_str(store_schema_step(2), frozen_v2, "migrate v2: step 2 is unchanged since release");
	sqlite3_open(path, &db);
	is_int(sqlite3_exec(db, frozen_v1, NULL, NULL, NULL), SQLITE_OK, "migrate v2: steps 1");
	is_int(sqlite3_exec(db, frozen_v2, NULL, NULL, NULL), SQLITE_OK, "migrate v2: and 2");
	is_int(sqlite3_exec(db, v1_data, NULL, NULL, NULL), SQLITE_OK, "migrate v2: an annotation");
	is_int(sqlite3_exec(db, v2_data, NULL, NULL, NULL), SQLITE_OK, "migrate v2: a position, trash, a draft");
	sqlite3_close(db);
	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "migrate v2: opened");
	if (!st)
		return;
	is_int(store_schema_version(st), STORE_SCHEMA_VERSION, "migrate v2: now the current version");
	store_doc_get(st, 1, &info);
	ok(info.position == 120 && info.furthest == 120, "migrate v2: the furthest point read is the old "
	    "position (%llu, %llu)", (unsigned long long)info.position, (unsigned long long)info.furthest);
	store_doc_info_done(&info);
	is_int(store_get(st, 7, &a), GLOSS_OK, "migrate v2: the annotation is there");
	ok(a.creator == NULL && a.first_quote == NULL && a.first_prefix == NULL && a.first_suffix == NULL,
	    "migrate v2: made here, never moved");
	store_annotation_done(&a);
	got = sql_rows(st->db, "SELECT text FROM drafts");
	is_str(got, "typed but not saved", "migrate v2: the draft is kept");
	free(got);
	is_int(store_undelete(st, 0, &id), GLOSS_OK, "migrate v2: the old trash is undone");
	is_int(id, 9, "migrate v2: its id");
	store_get(st, 9, &a);
	ok(strcmp(a.quote, "binned") == 0 && strcmp(a.note, "a binned note") == 0 && a.color == STORE_PINK &&
	    a.status == ANCHOR_MOVED && a.ntags == 1 && a.first_quote == NULL, "migrate v2: all of it");
	store_annotation_done(&a);

	/* re-anchoring gives it the text it covers now and keeps the first selector, once */
	is_int(store_anchor_update(st, 7, "quoted", 4, 14, ANCHOR_MOVED, &now), GLOSS_OK,
	    "first selector: re-anchored with the text covered now");
	store_get(st, 7, &a);
	ok(a.start == 4 && a.end == 14 && a.status == ANCHOR_MOVED, "first selector: its new range");
	is_str(a.quote, "quoted now", "first selector: the quote is the text covered now");
	ok(strcmp(a.prefix, "new before ") == 0 && strcmp(a.suffix, " new after") == 0,
	    "first selector: prefix and suffix too");
	is_str(a.first_quote, "quoted", "first selector: the quote it was made with is kept");
	ok(a.first_prefix && a.first_suffix && *a.first_prefix == '\0' && *a.first_suffix == '\0',
	    "first selector: with its (empty) context");
	store_annotation_done(&a);
	now.quote = "quoted again";
	store_anchor_update(st, 7, "quoted now", 5, 17, ANCHOR_MOVED, &now);
	store_get(st, 7, &a);
	ok(strcmp(a.quote, "quoted again") == 0 && strcmp(a.first_quote, "quoted") == 0,
	    "first selector: a second move keeps the first one");
	store_annotation_done(&a);
	store_delete(st, 7);
	store_undelete(st, 0, &id);
	store_get(st, 7, &a);
	is_str(a.first_quote, "quoted", "first selector: kept through delete and undo");
	store_annotation_done(&a);
	store_close(st);
	free(path);
}

/* From version 3: marks, per document; what version 3 kept is kept. */
static void
test_migrate_v3(void)
{
	char *path = tmp_path("v3.db"), *got;
	sqlite3 *db;
	struct store *st = NULL;
	struct store_annotation a;
	struct store_doc_info info;
	struct store_mark m[STORE_MARKS];
	struct store_mark at = { .set = true, .position = 300, .has_caret = true, .caret = 345 };
	int64_t other = 0;

	is_str(store_schema_step(3), frozen_v3, "migrate v3: step 3 is unchanged since release");
	sqlite3_open(path, &db);
	ok(sqlite3_exec(db, frozen_v1, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, frozen_v2, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, frozen_v3, NULL, NULL, NULL) == SQLITE_OK, "migrate v3: steps 1 to 3");
	ok(sqlite3_exec(db, v1_data, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, v2_data, NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, v3_data, NULL, NULL, NULL) == SQLITE_OK, "migrate v3: with their data");
	sqlite3_close(db);
	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "migrate v3: opened");
	if (!st)
		return;
	is_int(store_schema_version(st), 4, "migrate v3: now version 4");
	store_doc_get(st, 1, &info);
	ok(info.position == 120 && info.furthest == 480, "migrate v3: position and furthest kept");
	store_doc_info_done(&info);
	store_get(st, 7, &a);
	is_str(a.creator, "acct:ann@example.org", "migrate v3: the creator is kept");
	store_annotation_done(&a);
	got = sql_rows(st->db, "SELECT count(*) FROM marks");
	is_str(got, "0", "migrate v3: a marks table, empty");
	free(got);

	is_int(store_marks_get(st, 1, m), GLOSS_OK, "marks: none yet");
	ok(!m[0].set && !m[25].set, "marks: none set");
	is_int(store_mark_set(st, 1, 'a', &at, "after a"), GLOSS_OK, "marks: a set");
	at.has_caret = false;
	at.position = 10;
	is_int(store_mark_set(st, 1, 'z', &at, NULL), GLOSS_OK, "marks: z set, no caret");
	at.position = 20;
	is_int(store_mark_set(st, 1, 'z', &at, NULL), GLOSS_OK, "marks: z set again");
	is_int(store_mark_set(st, 1, 'A', &at, NULL), GLOSS_EUSAGE, "marks: only a to z");
	got = sql_rows(st->db, "SELECT doc_id || ',' || name || ',' || position || ',' || "
	    "quote(caret) || ',' || context FROM marks ORDER BY name");
	is_str(got, "1,a,300,345,after a|1,z,20,NULL,", "marks: the rows");
	free(got);
	store_marks_get(st, 1, m);
	ok(m[0].set && m[0].position == 300 && m[0].has_caret && m[0].caret == 345, "marks: a read back");
	ok(m[25].set && m[25].position == 20 && !m[25].has_caret, "marks: z read back");
	ok(!m[1].set, "marks: b is not set");
	is_int(sqlite3_exec(st->db, "INSERT INTO marks VALUES (1, 'b', -1, NULL, '', 0)", NULL, NULL, NULL)
	    & 0xff, SQLITE_CONSTRAINT, "marks: a negative position is refused");

	/* merged documents: the one kept keeps its own marks, gains the other's */
	is_int(store_doc_new(st, NULL, "other", &other, NULL), GLOSS_OK, "marks: another document");
	at.position = 1;
	store_mark_set(st, other, 'a', &at, NULL);
	store_mark_set(st, other, 'q', &at, NULL);
	is_int(store_doc_merge(st, other, 1), GLOSS_OK, "marks: merged into the first");
	got = sql_rows(st->db, "SELECT doc_id || ',' || name || ',' || position FROM marks ORDER BY name");
	is_str(got, "1,a,300|1,q,1|1,z,20", "marks: merged, the first's a kept");
	free(got);
	is_int(sqlite3_exec(st->db, "DELETE FROM documents WHERE id = 1", NULL, NULL, NULL), SQLITE_OK,
	    "marks: the document deleted");
	got = sql_rows(st->db, "SELECT count(*) FROM marks");
	is_str(got, "0", "marks: go with it");
	free(got);
	store_close(st);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Constraints */

static void
test_constraints(struct store *st)
{
	int64_t doc = new_doc(st, NULL);
	char sql[512];

	is_int(sql_rc(st, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, created, modified) "
	    "VALUES (999, 0, 1, 'x', 0, 0)"), SQLITE_CONSTRAINT_FOREIGNKEY,
	    "constraint: annotation of an unknown document");
	snprintf(sql, sizeof sql, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, color, "
	    "created, modified) VALUES (%lld, 0, 1, 'x', 'magenta', 0, 0)", (long long)doc);
	is_int(sql_rc(st, sql), SQLITE_CONSTRAINT_CHECK, "constraint: unknown colour");
	snprintf(sql, sizeof sql, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, status, "
	    "created, modified) VALUES (%lld, 0, 1, 'x', 'lost', 0, 0)", (long long)doc);
	is_int(sql_rc(st, sql), SQLITE_CONSTRAINT_CHECK, "constraint: unknown status");
	snprintf(sql, sizeof sql, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, "
	    "created, modified) VALUES (%lld, 5, 5, 'x', 0, 0)", (long long)doc);
	is_int(sql_rc(st, sql), SQLITE_CONSTRAINT_CHECK, "constraint: empty range");
	snprintf(sql, sizeof sql, "INSERT INTO annotations(doc_id, start_pos, end_pos, quote, "
	    "created, modified) VALUES (%lld, 0, 1, '', 0, 0)", (long long)doc);
	is_int(sql_rc(st, sql), SQLITE_CONSTRAINT_CHECK, "constraint: empty quote");
	is_int(sql_rc(st, "INSERT INTO tags(name, key) VALUES ('A', 'a'); "
	    "INSERT INTO tags(name, key) VALUES ('a', 'a')"), SQLITE_CONSTRAINT_UNIQUE,
	    "constraint: one tag per key");
	sql_rc(st, "DELETE FROM tags");
	is_int(sql_rc(st, "INSERT INTO documents(sha256, created, opened) VALUES ('xyz', 0, 0)"),
	    SQLITE_CONSTRAINT_CHECK, "constraint: a SHA-256 is 64 hex digits");
	is_int(sql_rc(st, "INSERT INTO annotation_tags VALUES (12345, 1)"), SQLITE_CONSTRAINT_FOREIGNKEY,
	    "constraint: tag link to an unknown annotation");
	{
		struct store_new n = { .doc_id = doc, .start = 4, .end = 4, .quote = "x" };
		int64_t id;

		is_int(store_add(st, &n, &id), GLOSS_EUSAGE, "constraint: store_add refuses an empty selection");
		is_str(error_last(GLOSS_EUSAGE), "empty selection: nothing to highlight", "constraint: and says so");
	}
}

/* ------------------------------------------------------------------ */
/* Annotations, tags, undo */

static void
test_annotations(struct store *st)
{
	int64_t doc = new_doc(st, NULL), id, id2, back = 0;
	static const char *const tags1[] = { "дети", "  EU-sanctions ", "Sanctions" };
	static const char *const tags2[] = { "sanctions", "human   rights" };
	static const char *const bad[] = { "ok", "a,b" };
	static const char *const missing[] = { "дети", "nope" };
	struct store_annotation a;
	struct store_tag *tags;
	size_t ntags;
	char *got;

	id = add(st, doc, 10, 20, "ten to twenty", tags1, 3);
	ok(id > 0, "add: an annotation with three tags");
	is_int(store_get(st, id, &a), GLOSS_OK, "get: it");
	ok(a.start == 10 && a.end == 20 && a.doc_id == doc, "get: its range and document");
	is_str(a.quote, "ten to twenty", "get: its quote");
	is_str(a.prefix, "pre", "get: its prefix");
	is_str(a.note, "", "get: no note");
	ok(a.color == STORE_YELLOW && a.status == ANCHOR_ANCHORED, "get: yellow and anchored");
	is_int((long long)a.ntags, 3, "get: three tags");
	if (a.ntags == 3) {
		is_str(a.tags[0], "EU-sanctions", "tags: trimmed, in key order (eu-sanctions)");
		is_str(a.tags[1], "Sanctions", "tags: first spelling kept");
		is_str(a.tags[2], "дети", "tags: Cyrillic");
	}
	store_annotation_done(&a);

	id2 = add(st, doc, 30, 40, "thirty", tags2, 2);
	is_int(store_tags(st, &tags, &ntags), GLOSS_OK, "tags: listed");
	got = NULL;
	{
		struct strbuf sb = STRBUF_INIT;

		for (size_t i = 0; i < ntags; i++)
			strbuf_addf(&sb, "%s%s=%zu", i ? "|" : "", tags[i].name, tags[i].count);
		got = strbuf_detach(&sb, NULL);
	}
	is_str(got, "EU-sanctions=1|human rights=1|Sanctions=2|дети=1",
	    "tags: with counts; 'sanctions' joined 'Sanctions'; inner spaces collapsed");
	free(got);
	store_tags_free(tags, ntags);

	is_int(store_set_note(st, id, "Заметка *with* Markdown\n\nand a second paragraph"), GLOSS_OK, "note: set");
	is_int(store_set_color(st, id, STORE_PURPLE), GLOSS_OK, "colour: set");
	is_int(store_tag(st, id, bad, 2), GLOSS_EUSAGE, "tag: a comma is refused");
	is_int(store_untag(st, id, missing, 2), GLOSS_ENOTFOUND, "untag: a missing tag fails");
	got = xasprintf("annotation %lld has no tag 'nope'", (long long)id);
	is_str(error_last(GLOSS_ENOTFOUND), got, "untag: and says which");
	free(got);
	store_get(st, id, &a);
	is_int((long long)a.ntags, 3, "untag: nothing was removed (one transaction)");
	is_str(a.note, "Заметка *with* Markdown\n\nand a second paragraph", "note: read back");
	ok(a.color == STORE_PURPLE, "colour: read back");
	store_annotation_done(&a);
	is_int(store_set_note(st, 999, "x"), GLOSS_ENOTFOUND, "note: unknown id");
	is_str(error_last(GLOSS_ENOTFOUND), "no annotation with id 999", "note: message");

	store_anchor_update(st, id, "an older selector", 500, 600, ANCHOR_MOVED, NULL);
	store_get(st, id, &a);
	ok(a.start == 10 && a.status == ANCHOR_ANCHORED, "anchor update: not over a re-attached selector");
	store_annotation_done(&a);
	store_anchor_update(st, id, "ten to twenty", 11, 21, ANCHOR_MOVED, NULL);
	store_get(st, id, &a);
	ok(a.start == 11 && a.end == 21 && a.status == ANCHOR_MOVED, "anchor update: written for its selector");
	store_annotation_done(&a);
	store_anchor_update(st, id, "ten to twenty", 10, 20, ANCHOR_ANCHORED, NULL);
	is_int(store_delete(st, id), GLOSS_OK, "delete: done");
	is_int(store_get(st, id, &a), GLOSS_ENOTFOUND, "delete: gone");
	is_int(sql_int(st, "SELECT count(*) FROM tags WHERE key = 'дети'"), 0, "delete: an unused tag goes too");
	is_int(store_delete(st, id), GLOSS_ENOTFOUND, "delete: twice is ENOTFOUND");
	add(st, doc, 50, 60, "later", NULL, 0);
	is_int(store_undelete(st, 0, &back), GLOSS_OK, "undo: done");
	is_int(back, id, "undo: restored with the same id, after a newer one was added");
	store_get(st, id, &a);
	ok(a.start == 10 && a.color == STORE_PURPLE && strncmp(a.note, "Заметка", 14) == 0,
	    "undo: range, colour and note restored");
	got = NULL;
	if (a.ntags == 3)
		got = xasprintf("%s|%s|%s", a.tags[0], a.tags[1], a.tags[2]);
	is_str(got, "EU-sanctions|Sanctions|дети", "undo: tags restored");
	free(got);
	store_annotation_done(&a);
	is_int(store_undelete(st, 0, &back), GLOSS_ENOTFOUND, "undo: nothing more to undo");
	store_delete(st, id2);
	is_int(store_undelete(st, doc + 1000, &back), GLOSS_ENOTFOUND, "undo: per document");
	is_int(store_undelete(st, doc, &back), GLOSS_OK, "undo: of this document");
	is_int(back, id2, "undo: the right one");
}

static void
test_tag_normalize(void)
{
	static const struct {
		const char *raw, *name, *key;
	} cases[] = {
		{ "дети", "дети", "дети" },
		{ "  EU-sanctions\t", "EU-sanctions", "eu-sanctions" },
		{ "Human \u00a0 Rights", "Human Rights", "human rights" },
		{ "Ёлка", "Ёлка", "елка" },
		{ "e\xcc\x81t\xc3\xa9", "\xc3\xa9t\xc3\xa9", "ete" },	/* NFC name; the key drops accents */
		{ "  ", NULL, NULL },
		{ "a,b", NULL, NULL },
		{ "bell\a", NULL, NULL },
		{ "\xff", NULL, NULL },
		{ "12345678901234567890123456789012345678901234567890123456789012345", NULL, NULL },
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++) {
		char *name, *key;
		enum gloss_status rc = store_tag_normalize(cases[i].raw, &name, &key);

		if (cases[i].name == NULL) {
			is_int(rc, GLOSS_EUSAGE, "tag '%s' refused: %s", tap_esc(cases[i].raw), error_last(rc));
			continue;
		}
		is_str(name, cases[i].name, "tag '%s': name", tap_esc(cases[i].raw));
		is_str(key, cases[i].key, "tag '%s': key", tap_esc(cases[i].raw));
		free(name);
		free(key);
	}
}

static void
test_drafts(struct store *st)
{
	int64_t doc = new_doc(st, NULL), id = add(st, doc, 0, 5, "hello", NULL, 0), *ids;
	size_t n;
	char *text;

	is_int(store_draft_get(st, id, &text), GLOSS_OK, "draft: none yet");
	ok(text == NULL, "draft: NULL when none");
	is_int(store_draft_save(st, id, "half a tho"), GLOSS_OK, "draft: saved");
	is_int(store_draft_save(st, id, "half a thought"), GLOSS_OK, "draft: saved again");
	store_draft_get(st, id, &text);
	is_str(text, "half a thought", "draft: the latest");
	free(text);
	store_drafts(st, &ids, &n);
	ok(n == 1 && ids[0] == id, "draft: listed");
	free(ids);
	is_int(store_draft_save(st, 424242, "x"), GLOSS_ENOTFOUND, "draft: unknown annotation");
	store_delete(st, id);
	is_int(sql_int(st, "SELECT count(*) FROM drafts"), 0, "draft: goes with its annotation");
	store_undelete(st, 0, &id);
	store_draft_save(st, id, "again");
	is_int(store_draft_drop(st, id), GLOSS_OK, "draft: dropped");
	store_draft_get(st, id, &text);
	ok(text == NULL, "draft: gone");
}

/* ------------------------------------------------------------------ */
/* The range query */

static bool
list_has(const struct store_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return true;
	return false;
}

struct range {
	int64_t id, doc;
	uint64_t a, b;
	bool orphan;
};

static void
test_ranges(struct store *st)
{
	int64_t docs[2] = { new_doc(st, NULL), new_doc(st, NULL) };
	struct range r[120];
	unsigned seed = 7;
	int wrong = 0;

	for (int i = 0; i < 120; i++) {
		seed = seed * 1103515245u + 12345u;
		r[i].doc = docs[i % 2];
		r[i].a = (seed >> 8) % 5000;
		r[i].b = r[i].a + 1 + (seed >> 4) % 300;
		r[i].orphan = i % 11 == 0;
		r[i].id = add(st, r[i].doc, r[i].a, r[i].b, "q", NULL, 0);
		if (r[i].orphan)
			store_anchor_update(st, r[i].id, "q", r[i].a, r[i].b, ANCHOR_ORPHANED, NULL);
	}
	/* move some, so that the index must follow updates */
	for (int i = 1; i < 120; i += 7) {
		r[i].a += 1000;
		r[i].b += 1000;
		r[i].orphan = false;	/* placed again: indexed again */
		store_anchor_update(st, r[i].id, "q", r[i].a, r[i].b, ANCHOR_MOVED, NULL);
	}
	for (uint64_t w = 0; w < 6500; w += 250) {
		for (int d = 0; d < 2; d++) {
			struct store_list l;
			struct strbuf want = STRBUF_INIT;
			char *got;

			store_in_range(st, docs[d], w, w + 400, &l);
			got = ids_of(&l);
			/* the expected ids, by start then id */
			for (uint64_t s = 0; s < 7000; s++)
				for (int i = 0; i < 120; i++)
					if (r[i].doc == docs[d] && !r[i].orphan && r[i].a == s &&
					    r[i].a < w + 400 && r[i].b > w)
						strbuf_addf(&want, "%s%lld", want.len ? "," : "", (long long)r[i].id);
			if (strcmp(got, strbuf_str(&want)) != 0 && wrong++ < 3)
				is_str(got, strbuf_str(&want), "range [%llu, %llu) of document %d",
				    (unsigned long long)w, (unsigned long long)w + 400, d);
			free(got);
			strbuf_done(&want);
			store_list_free(&l);
		}
	}
	is_int(wrong, 0, "range: 52 windows give exactly the overlapping, non-orphaned rows");
	{
		struct store_list l;
		int64_t id = add(st, docs[0], 100, 200, "edge", NULL, 0);

		store_in_range(st, docs[0], 200, 201, &l);
		ok(!list_has(&l, id), "range: [200, 201) misses a highlight ending at 200");
		store_list_free(&l);
		store_in_range(st, docs[0], 199, 200, &l);
		ok(list_has(&l, id), "range: [199, 200) finds it");
		store_list_free(&l);
		store_in_range(st, docs[0], 0, 100, &l);
		ok(!list_has(&l, id), "range: [0, 100) misses one starting at 100");
		store_list_free(&l);
		store_delete(st, id);
		is_int(sql_int(st, "SELECT count(*) FROM annotation_ranges WHERE id NOT IN (SELECT id FROM annotations)"),
		    0, "range: deleting removes the index entry");
		is_int(sql_int(st, "SELECT count(*) FROM annotations WHERE status <> 'orphaned' AND id NOT IN "
		    "(SELECT id FROM annotation_ranges)"), 0, "range: every placed annotation is indexed");
		is_int(sql_int(st, "SELECT count(*) FROM annotation_ranges r JOIN annotations a USING (id) "
		    "WHERE a.status = 'orphaned'"), 0, "range: orphans are not indexed");
	}
}

/* The plan of the range query, one detail a line. */
static char *
range_plan(struct store *st)
{
	char *sql = xasprintf("EXPLAIN QUERY PLAN %s", store_sql_in_range);
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW)
			strbuf_addf(&sb, "%s\n", (const char *)sqlite3_column_text(s, 3));
		sqlite3_finalize(s);
	}
	free(sql);
	return strbuf_detach(&sb, NULL);
}

/* The virtual-machine steps one range query takes. */
static long long
range_steps(struct store *st, int64_t doc, uint64_t a, uint64_t b)
{
	sqlite3_stmt *s = store_stmt(st, store_sql_in_range);
	long long n;

	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)a);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)b);
	sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	n = sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
	sqlite3_reset(s);
	return n;
}

static void
test_plan(struct store *st)
{
	char *plan = range_plan(st);
	int64_t doc = new_doc(st, NULL);
	long long first, last;

	ok(strstr(plan, "SCAN r VIRTUAL TABLE INDEX 2:") != NULL, "plan: the R*Tree is searched with constraints");
	ok(strstr(plan, "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)") != NULL,
	    "plan: annotations are fetched by id");
	ok(strstr(plan, "SCAN a") == NULL && strstr(plan, "SCAN annotations") == NULL,
	    "plan: the annotations table is never scanned");
	if (strstr(plan, "SCAN r VIRTUAL TABLE INDEX 2:") == NULL)
		printf("# plan:\n# %s\n", plan);
	free(plan);
	store_begin(st);
	for (int i = 0; i < 5000; i++)
		add(st, doc, (uint64_t)i * 100, (uint64_t)i * 100 + 50, "q", NULL, 0);
	store_end(st, GLOSS_OK);
	first = range_steps(st, doc, 0, 1000);
	last = range_steps(st, doc, 499000, 500000);
	ok(last < 3 * first + 200 && last < 5000, "plan: the last window of 5000 highlights costs as "
	    "little as the first (%lld and %lld steps)", first, last);
}

/* ------------------------------------------------------------------ */
/* Listing across the corpus */

static void
test_query(struct store *st)
{
	int64_t d1 = new_doc(st, NULL), d2 = new_doc(st, NULL), ids[4];
	static const char *const t1[] = { "Politics" }, *const t2[] = { "politics", "дети" };
	struct store_path_info p1 = { .doc_id = d1 }, p2 = { .doc_id = d2 };
	struct store_filter f = { .color = -1 };
	struct store_list l;
	char *got, *want;

	store_path_put(st, "/b/second.txt", &p2);
	store_path_put(st, "/a/first.txt", &p1);
	ids[0] = add(st, d2, 5, 9, "Всё решено", t1, 1);
	ids[1] = add(st, d1, 50, 60, "nothing here", NULL, 0);
	ids[2] = add(st, d1, 10, 20, "peace talks", t2, 2);
	ids[3] = add(st, d1, 70, 80, "orphan", NULL, 0);
	store_anchor_update(st, ids[3], "orphan", 70, 80, ANCHOR_ORPHANED, NULL);
	store_set_color(st, ids[1], STORE_BLUE);
	store_set_note(st, ids[1], "Ёжик в тумане");

	store_query(st, &f, &l);
	got = ids_of(&l);
	want = xasprintf("%lld,%lld,%lld,%lld", (long long)ids[2], (long long)ids[1], (long long)ids[3],
	    (long long)ids[0]);
	is_str(got, want, "query: everything, by path then start");
	is_str(l.n ? l.v[0].path : NULL, "/a/first.txt", "query: with the path");
	free(got);
	free(want);
	store_list_free(&l);

	f.tags = (const char *[]){ "POLITICS" };
	f.ntags = 1;
	store_query(st, &f, &l);
	got = ids_of(&l);
	want = xasprintf("%lld,%lld", (long long)ids[2], (long long)ids[0]);
	is_str(got, want, "query: by tag, case-insensitively");
	free(got);
	store_list_free(&l);
	f.tags = (const char *[]){ "nowhere", "Politics" };
	f.ntags = 2;
	store_query(st, &f, &l);
	got = ids_of(&l);
	is_str(got, want, "query: by any of two tags");
	free(got);
	free(want);
	store_list_free(&l);
	f.tags = (const char *[]){ "nowhere" };
	f.ntags = 1;
	store_query(st, &f, &l);
	is_int((long long)l.n, 0, "query: by a tag nobody carries");
	store_list_free(&l);

	f.tags = NULL;
	f.ntags = 0;
	f.color = STORE_BLUE;
	store_query(st, &f, &l);
	ok(l.n == 1 && l.v[0].id == ids[1], "query: by colour");
	store_list_free(&l);

	f.color = -1;
	f.statuses = 1u << ANCHOR_ORPHANED;
	store_query(st, &f, &l);
	ok(l.n == 1 && l.v[0].id == ids[3], "query: by status");
	store_list_free(&l);

	f.statuses = 0;
	f.text = "ежик";
	store_query(st, &f, &l);
	ok(l.n == 1 && l.v[0].id == ids[1], "query: text in a note, ё = е, case-insensitive");
	store_list_free(&l);
	f.text = "всё";
	f.doc_id = d2;
	store_query(st, &f, &l);
	ok(l.n == 1 && l.v[0].id == ids[0], "query: text in a quote, in one document");
	store_list_free(&l);
	f.doc_id = d1;
	store_query(st, &f, &l);
	is_int((long long)l.n, 0, "query: not in the other document");
	store_list_free(&l);
	f.text = NULL;
	f.tags = (const char *[]){ "a,b" };
	f.ntags = 1;
	is_int(store_query(st, &f, &l), GLOSS_EUSAGE, "query: a bad tag is a usage error");
}

/* ------------------------------------------------------------------ */
/* Documents and paths */

/*
 * A content recorded by another process between a lookup and the insert:
 * the insert finds that row (no UNIQUE constraint failure), and a hash
 * claimed by two documents merges them.  d holds sha.
 */
static void
test_insert_or_get(struct store *st, int64_t d, const char *sha)
{
	static const char sha3[] = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
	int64_t id = 0, into = 0, d3;
	bool created = true;

	is_int(store_doc_new(st, sha, "Again", &id, &created), GLOSS_OK,
	    "insert-or-get: a content already recorded is no error");
	ok(id == d && !created, "insert-or-get: it is that row, not a new one");
	is_int(sql_int(st, "SELECT count(*) FROM documents WHERE title = 'Again'"), 0,
	    "insert-or-get: no second row");
	store_doc_new(st, NULL, "Unhashed", &id, &created);
	ok(created && id != d, "insert-or-get: a document without hash is always new");
	d3 = new_doc(st, sha3);
	add(st, id, 0, 3, "xyz", NULL, 0);
	is_int(store_doc_claim_sha(st, id, sha3, &into), GLOSS_OK,
	    "claim: a hash another document holds is no error");
	ok(into == d3, "claim: the document merged into the other");
	is_int(sql_int(st, "SELECT count(*) FROM documents WHERE title = 'Unhashed'"), 0,
	    "claim: the merged row is gone");
	store_doc_new(st, NULL, "Unhashed 2", &id, NULL);
	is_int(store_doc_claim_sha(st, id, "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
	    &into), GLOSS_OK, "claim: a new hash");
	ok(into == id, "claim: given to the document itself");
}

static void
test_documents(struct store *st)
{
	static const char sha[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	static const char sha2[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
	int64_t d = new_doc(st, sha), d2 = new_doc(st, NULL), found_id = 0;
	struct store_path_info in = { .doc_id = d, .key = { 10, 20, 30, 40 } }, out;
	struct store_doc_info info;
	bool found;

	memcpy(in.sha256, sha, sizeof sha);
	is_int(store_path_put(st, "/x/doc.txt", &in), GLOSS_OK, "path: recorded");
	store_path_find(st, "/x/doc.txt", &out, &found);
	ok(found && out.doc_id == d && fingerprint_key_equal(&out.key, &in.key) && strcmp(out.sha256, sha) == 0,
	    "path: found by path");
	store_key_find(st, &in.key, &out, &found);
	ok(found && out.doc_id == d, "path: found by stat key");
	in.key.mtime_ns++;
	store_key_find(st, &in.key, &out, &found);
	ok(!found, "path: not with another mtime");
	store_sha_find(st, sha, &found_id, &found);
	ok(found && found_id == d, "document: found by SHA-256");
	store_sha_find(st, sha2, &found_id, &found);
	ok(!found, "document: not by another");
	is_int(store_position_set(st, d, 1234, "context after", 2000), GLOSS_OK, "position: set");
	store_doc_get(st, d, &info);
	ok(info.position == 1234 && strcmp(info.position_context, "context after") == 0, "position: read back");
	is_int((long long)info.furthest, 2000, "position: the furthest point read");
	store_doc_info_done(&info);
	store_position_set(st, d, 100, "back", 150);
	store_doc_get(st, d, &info);
	ok(info.position == 100 && info.furthest == 2000, "position: going back keeps the furthest point");
	store_doc_info_done(&info);
	store_position_set(st, d, 3000, "on", 0);
	store_doc_get(st, d, &info);
	is_int((long long)info.furthest, 3000, "position: the furthest point is at least the position");
	store_doc_info_done(&info);
	store_position_set(st, d, 1234, "context after", 0);
	store_doc_get(st, d, &info);
	is_str(info.path, "/x/doc.txt", "document: its path");
	store_doc_info_done(&info);
	store_path_put(st, "/z/renamed.txt", &in);
	store_doc_get(st, d, &info);
	is_str(info.path, "/z/renamed.txt", "document: the path seen last, even within the same second");
	store_doc_info_done(&info);
	store_path_put(st, "/x/doc.txt", &in);
	add(st, d2, 0, 3, "abc", NULL, 0);
	is_int(store_doc_merge(st, d2, d), GLOSS_OK, "merge: done");
	{
		char *q = xasprintf("SELECT count(*) FROM annotations WHERE doc_id = %lld", (long long)d2);

		is_int(sql_int(st, q), 0, "merge: nothing left behind");
		free(q);
	}
	is_int(store_doc_get(st, d2, &info), GLOSS_ENOTFOUND, "merge: the document is gone");
	is_int(store_doc_set_sha(st, d, sha2), GLOSS_OK, "document: new content hash");
	store_sha_find(st, sha2, &found_id, &found);
	ok(found && found_id == d, "document: found by the new hash");
	test_insert_or_get(st, d, sha2);
}

/* ------------------------------------------------------------------ */
/* Refusals: files the store must not write */

/* Makes a database at path with one annotation, closed again. */
static void
make_db(const char *path)
{
	struct store *st;

	if (store_open(path, STORE_CREATE, &st) == GLOSS_OK) {
		add(st, new_doc(st, NULL), 0, 4, "text", NULL, 0);
		store_close(st);
	}
}

/* Opens path expecting want; checks the message and that the file is unchanged. */
static void
check_refused(const char *path, enum gloss_status want, const char *needle, const char *name)
{
	size_t n0, n1;
	char *before = slurp(path, &n0), *after, *wal = xasprintf("%s-wal", path);
	char *shm = xasprintf("%s-shm", path), *journal = xasprintf("%s-journal", path);
	struct store *st = NULL;
	enum gloss_status rc = store_open(path, STORE_CREATE, &st);

	is_int(rc, want, "%s: refused", name);
	ok(strstr(error_last(rc), needle) != NULL, "%s: message '%s'", name, error_last(rc));
	store_close(st);
	after = slurp(path, &n1);
	ok(same_bytes(before, n0, after, n1), "%s: the file is unchanged byte for byte", name);
	ok(!exists(wal) && !exists(shm) && !exists(journal), "%s: no journal files were made", name);
	free(before);
	free(after);
	free(wal);
	free(shm);
	free(journal);
}

static void
test_refusals(void)
{
	char *path = tmp_path("newer.db");
	sqlite3 *db;
	FILE *f;

	make_db(path);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	check_refused(path, GLOSS_ENEWER, "written by a newer gloss (schema version 99; this gloss "
	    "knows up to 4)", "newer schema");
	free(path);

	path = tmp_path("text.db");
	f = fopen(path, "w");
	fputs("These are my notes, not a database.\n", f);
	fclose(f);
	check_refused(path, GLOSS_ECORRUPT, "is not a gloss database (not a SQLite file)", "a text file");
	free(path);

	path = tmp_path("damaged.db");
	make_db(path);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(db);
	{
		int fd = open(path, O_WRONLY);
		char junk[3000];

		memset(junk, 0xA5, sizeof junk);
		pwrite(fd, junk, sizeof junk, 100);	/* the schema page after the header */
		close(fd);
	}
	check_refused(path, GLOSS_ECORRUPT, "is damaged", "a damaged file");
	free(path);

	path = tmp_path("other.db");
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL, NULL);
	sqlite3_close(db);
	check_refused(path, GLOSS_ECORRUPT, "it has tables of another program", "another program's database");
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA application_id = 1234", NULL, NULL, NULL);
	sqlite3_close(db);
	check_refused(path, GLOSS_ECORRUPT, "it belongs to another program", "another application id");
	free(path);
}

static void
check_readonly(const char *path, const char *reason, const char *name)
{
	size_t n0, n1;
	char *before = slurp(path, &n0), *after;
	struct store *st = NULL;
	struct store_filter f = { .color = -1 };
	struct store_list l = { 0 };
	int64_t id;

	is_int(store_open(path, STORE_CREATE, &st), GLOSS_OK, "%s: opens", name);
	if (st == NULL)
		return;
	ok(store_readonly(st), "%s: read-only", name);
	is_str(store_readonly_reason(st), reason, "%s: why", name);
	is_int(store_query(st, &f, &l), GLOSS_OK, "%s: reads work", name);
	ok(l.n == 1 && strcmp(l.v[0].quote, "text") == 0, "%s: the annotation is there", name);
	is_int(store_set_note(st, l.n ? l.v[0].id : 1, "x"), GLOSS_EREADONLY, "%s: an edit is refused", name);
	ok(strstr(error_last(GLOSS_EREADONLY), "is read-only") && strstr(error_last(GLOSS_EREADONLY), reason),
	    "%s: message '%s'", name, error_last(GLOSS_EREADONLY));
	is_int(store_undelete(st, 0, &id), GLOSS_EREADONLY, "%s: undo is refused", name);
	is_int(store_draft_save(st, 1, "x"), GLOSS_EREADONLY, "%s: a draft is refused", name);
	store_list_free(&l);
	store_close(st);
	after = slurp(path, &n1);
	ok(same_bytes(before, n0, after, n1), "%s: the file is unchanged", name);
	free(before);
	free(after);
}

static void
test_readonly(void)
{
	char *dir = tmp_path("ro"), *path = tmp_path("ro/gloss.db");
	struct store_access a = { .exists = true, .file_writable = true, .dir_writable = true };

	mkdir(dir, 0700);
	make_db(path);
	chmod(path, 0444);
	check_readonly(path, "the file is not writable", "read-only file");
	chmod(path, 0644);
	chmod(dir, 0555);
	check_readonly(path, "its directory is not writable, so no journal can be made", "read-only directory");
	chmod(dir, 0700);

	ok(store_access_refusal(&a) == NULL, "access: writable");
	a.fs_readonly = true;
	is_str(store_access_refusal(&a), "it is on a read-only file system", "access: read-only file system");
	a.fs_readonly = false;
	a.file_writable = false;
	is_str(store_access_refusal(&a), "the file is not writable", "access: read-only file");
	a.exists = false;
	a.dir_writable = false;
	is_str(store_access_refusal(&a), "its directory is not writable, so no journal can be made",
	    "access: a new file in a read-only directory");
	free(dir);
	free(path);
}

static void
test_network(void)
{
	ok(store_fs_is_network(0x6969), "NFS is a network file system");
	ok(store_fs_is_network(0x517B), "SMB is");
	ok(store_fs_is_network(0xFF534D42), "CIFS is");
	ok(store_fs_is_network(0xFE534D42), "SMB2 is");
	ok(store_fs_is_network(0x65735546), "FUSE (sshfs) is treated as one");
	ok(!store_fs_is_network(0xEF53), "ext4 is not");
	ok(!store_fs_is_network(0x01021994), "tmpfs is not");
	ok(!store_fs_is_network(0x9123683E), "btrfs is not");
	ok(!store_fs_is_network(0x58465342), "XFS is not");
}

/* ------------------------------------------------------------------ */
/* Several connections and processes */

static void
test_two_connections(void)
{
	char *path = tmp_path("shared.db");
	struct store *a = NULL, *b = NULL;
	int64_t v0, v1, v2, doc, id = 0;
	struct store_list l;
	sqlite3 *locker;

	store_open(path, STORE_CREATE, &a);
	store_open(path, STORE_CREATE, &b);
	if (!a || !b)
		return;
	doc = new_doc(a, NULL);
	store_data_version(a, &v0);
	add(a, doc, 0, 4, "mine", NULL, 0);
	store_data_version(a, &v1);
	is_int(v1, v0, "data_version: a connection's own commit does not change it");
	add(b, doc, 5, 9, "theirs", NULL, 0);
	store_data_version(a, &v2);
	ok(v2 != v1, "data_version: another connection's commit changes it");
	store_of_doc(a, doc, &l);
	ok(l.n == 2 && strcmp(l.v[1].quote, "theirs") == 0, "data_version: and the change is seen");
	store_list_free(&l);
	/* polling: the baseline is each store's own */
	ok(store_changed_elsewhere(a), "poll: a commit made after a opened the store is seen at the first look");
	ok(store_changed_elsewhere(b), "poll: and b, a's commit made after b opened it");
	add(b, doc, 10, 14, "again", NULL, 0);
	ok(store_changed_elsewhere(a), "poll: a sees b's commit");
	ok(!store_changed_elsewhere(b), "poll: b does not see its own");
	ok(!store_changed_elsewhere(a), "poll: once");
	ok(store_poll_due(a, 60000) && !store_poll_due(a, 60000), "poll: due once an interval");
	ok(store_poll_due(b, 60000), "poll: the interval is the store's own");

	/* a lock held longer than the timeout */
	sqlite3_open(path, &locker);
	sqlite3_exec(locker, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	store_set_busy_timeout(a, 500);
	is_int(store_set_note(a, 1, "blocked"), GLOSS_EBUSY, "busy: refused after the timeout");
	{	/* the real time waited: the timeout once (three attempts would be 1.5 s) */
		const char *m = strstr(error_last(GLOSS_EBUSY), "is locked by another program (gave up after ");
		int ms = m ? atoi(m + strlen("is locked by another program (gave up after ")) : 0;

		ok(m && ms >= 500 && ms < 1400 && strstr(m, " ms) while") &&
		    strstr(error_last(GLOSS_EBUSY), "nothing was changed"), "busy: message '%s'",
		    error_last(GLOSS_EBUSY));
	}
	store_of_doc(a, doc, &l);
	ok(l.n == 3, "busy: reads still work during a write (WAL)");
	store_list_free(&l);
	sqlite3_exec(locker, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(locker);
	is_int(store_set_note(a, 1, "free"), GLOSS_OK, "busy: works once the lock is gone");

	/* a full disk, simulated by a page limit */
	{
		char big[20000];
		long long pages = sql_int(a, "PRAGMA page_count"), before = sql_int(a, "SELECT count(*) FROM annotations");
		char sql[64];

		memset(big, 'x', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages);
		sql_int(a, sql);
		is_int(store_set_note(a, 1, big), GLOSS_EFULL, "full: refused");
		ok(strstr(error_last(GLOSS_EFULL), "disk full") && strstr(error_last(GLOSS_EFULL), "nothing was changed"),
		    "full: message '%s'", error_last(GLOSS_EFULL));
		is_int(sql_int(a, "SELECT count(*) FROM annotations"), before, "full: nothing half-written");
		is_int(store_draft_save(a, 1, "short"), GLOSS_OK, "full: a small change still fits");
		sql_int(a, "PRAGMA max_page_count = 1073741823");
		(void)id;
	}
	store_close(a);
	store_close(b);
	free(path);
}

/* Two processes add annotations at once; every one arrives, none fails busy. */
static void
test_two_processes(void)
{
	char *path = tmp_path("race.db");
	struct store *st = NULL;
	pid_t pid[2];
	int status, failures = 0;
	int64_t doc;

	store_open(path, STORE_CREATE, &st);
	if (st == NULL)
		return;
	doc = new_doc(st, NULL);
	store_close(st);
	for (int p = 0; p < 2; p++) {
		if ((pid[p] = fork()) == 0) {
			int bad = 0;

			for (int i = 0; i < 200; i++) {
				struct store *c = NULL;

				if (store_open(path, STORE_CREATE, &c) != GLOSS_OK ||
				    add(c, doc, (uint64_t)i, (uint64_t)i + 1, p ? "b" : "a", NULL, 0) < 0)
					bad++;
				store_close(c);
			}
			_exit(bad ? 1 : 0);
		}
	}
	for (int p = 0; p < 2; p++) {
		waitpid(pid[p], &status, 0);
		failures += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	is_int(failures, 0, "processes: no add failed");
	store_open(path, STORE_CREATE, &st);
	is_int(st ? sql_int(st, "SELECT count(*) FROM annotations") : -1, 400, "processes: exactly 400 rows");
	is_int(st ? sql_int(st, "SELECT count(*) FROM annotation_ranges") : -1, 400, "processes: all indexed");
	store_close(st);
	free(path);
}

static void
with_store(const char *name, void (*fn)(struct store *))
{
	char *path = tmp_path(name);
	struct store *st = NULL;

	if (store_open(path, STORE_CREATE, &st) != GLOSS_OK) {
		ok(0, "%s: open: %s", name, error_last(GLOSS_EDB));
		return;
	}
	fn(st);
	store_close(st);
	free(path);
}

static void
remove_tree(const char *dir)
{
	char *cmd = xasprintf("chmod -R u+w '%s' && rm -rf '%s'", dir, dir);

	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	free(cmd);
}

int
main(void)
{
	unsetenv("GLOSS_BUSY_TIMEOUT");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_create();
	test_migrate_v1();
	test_migrate_v2();
	test_migrate_v3();
	with_store("constraints.db", test_constraints);
	with_store("annotations.db", test_annotations);
	test_tag_normalize();
	with_store("drafts.db", test_drafts);
	with_store("ranges.db", test_ranges);
	with_store("plan.db", test_plan);
	with_store("query.db", test_query);
	with_store("documents.db", test_documents);
	test_refusals();
	test_readonly();
	test_network();
	test_two_connections();
	test_two_processes();
	remove_tree(tmpdir);
	return tap_done();
}
