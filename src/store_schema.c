/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_schema — the database schema as a list of migrations, and the
 * checks made before a database is used.
 *
 * Step v turns a version v − 1 database into version v; PRAGMA
 * user_version records the version and PRAGMA application_id marks the
 * file as gloss's.  A step, once released, is never edited (old databases
 * were made by it): changes go into a new step.  All steps run in one
 * IMMEDIATE transaction, so a half-migrated database cannot exist, and two
 * programs opening a new database at once migrate it once.
 */
#include "gloss/gloss.h"

#include "store_int.h"

/* Version 1: documents, paths, annotations, tags, the range index. */
static const char schema_v1[] =
	"CREATE TABLE documents (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	sha256 TEXT UNIQUE CHECK (sha256 IS NULL OR (length(sha256) = 64\n"
	"		AND sha256 NOT GLOB '*[^0-9a-f]*')),\n"
	"	title TEXT,\n"
	"	position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),\n"
	"	position_context TEXT NOT NULL DEFAULT '',\n"
	"	created INTEGER NOT NULL,\n"
	"	opened INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE paths (\n"
	"	path TEXT PRIMARY KEY,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"	size INTEGER NOT NULL,\n"
	"	mtime_ns INTEGER NOT NULL,\n"
	"	inode INTEGER NOT NULL,\n"
	"	device INTEGER NOT NULL,\n"
	"	sha256 TEXT,\n"
	"	seen INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX paths_doc ON paths(doc_id);\n"
	"CREATE INDEX paths_key ON paths(device, inode);\n"
	"CREATE TABLE annotations (\n"
	"	id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"	start_pos INTEGER NOT NULL CHECK (start_pos >= 0),\n"
	"	end_pos INTEGER NOT NULL CHECK (end_pos <= 2147483647),\n"
	"	quote TEXT NOT NULL CHECK (length(quote) > 0),\n"
	"	prefix TEXT NOT NULL DEFAULT '',\n"
	"	suffix TEXT NOT NULL DEFAULT '',\n"
	"	color TEXT NOT NULL DEFAULT 'yellow' CHECK (color IN\n"
	"		('yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'red')),\n"
	"	status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN\n"
	"		('anchored', 'moved', 'orphaned')),\n"
	"	note TEXT NOT NULL DEFAULT '',\n"
	"	created INTEGER NOT NULL,\n"
	"	modified INTEGER NOT NULL,\n"
	"	CHECK (end_pos > start_pos)\n"
	");\n"
	"CREATE INDEX annotations_doc ON annotations(doc_id, start_pos);\n"
	"CREATE TABLE tags (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	name TEXT NOT NULL CHECK (length(name) > 0),\n"
	"	key TEXT NOT NULL UNIQUE CHECK (length(key) > 0)\n"
	");\n"
	"CREATE TABLE annotation_tags (\n"
	"	annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,\n"
	"	tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,\n"
	"	PRIMARY KEY (annotation_id, tag_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);\n"
	"CREATE TRIGGER annotation_tags_unused AFTER DELETE ON annotation_tags\n"
	"WHEN NOT EXISTS (SELECT 1 FROM annotation_tags WHERE tag_id = old.tag_id)\n"
	"BEGIN\n"
	"	DELETE FROM tags WHERE id = old.tag_id;\n"
	"END;\n"
	"CREATE VIRTUAL TABLE annotation_ranges USING rtree_i32(id, doc_lo, doc_hi, lo, hi);\n"
	"CREATE TRIGGER annotations_ranges_insert AFTER INSERT ON annotations\n"
	"WHEN new.status <> 'orphaned'\n"
	"BEGIN\n"
	"	INSERT INTO annotation_ranges VALUES\n"
	"		(new.id, new.doc_id, new.doc_id, new.start_pos, new.end_pos);\n"
	"END;\n"
	"CREATE TRIGGER annotations_ranges_update\n"
	"AFTER UPDATE OF doc_id, start_pos, end_pos, status ON annotations\n"
	"BEGIN\n"
	"	DELETE FROM annotation_ranges WHERE id = old.id;\n"
	"	INSERT INTO annotation_ranges SELECT\n"
	"		new.id, new.doc_id, new.doc_id, new.start_pos, new.end_pos\n"
	"		WHERE new.status <> 'orphaned';\n"
	"END;\n"
	"CREATE TRIGGER annotations_ranges_delete AFTER DELETE ON annotations\n"
	"BEGIN\n"
	"	DELETE FROM annotation_ranges WHERE id = old.id;\n"
	"END;\n";

/* Version 2: note drafts, and the trash that undo restores from. */
static const char schema_v2[] =
	"CREATE TABLE drafts (\n"
	"	annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,\n"
	"	text TEXT NOT NULL,\n"
	"	saved INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE trash (\n"
	"	seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"	id INTEGER NOT NULL UNIQUE,\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"	start_pos INTEGER NOT NULL,\n"
	"	end_pos INTEGER NOT NULL,\n"
	"	quote TEXT NOT NULL,\n"
	"	prefix TEXT NOT NULL,\n"
	"	suffix TEXT NOT NULL,\n"
	"	color TEXT NOT NULL,\n"
	"	status TEXT NOT NULL,\n"
	"	note TEXT NOT NULL,\n"
	"	tags TEXT NOT NULL DEFAULT '',\n"
	"	created INTEGER NOT NULL,\n"
	"	modified INTEGER NOT NULL,\n"
	"	deleted INTEGER NOT NULL\n"
	");\n";

/*
 * Version 3: the furthest point read (documents.furthest, at least the old
 * position); who made an annotation when it was imported (creator, NULL:
 * the local user); the selector an annotation was made with, kept when
 * re-anchoring gives it the text it now covers (first_quote, first_prefix,
 * first_suffix; NULL while it never moved).  The trash keeps them too.
 */
static const char schema_v3[] =
	"ALTER TABLE documents ADD COLUMN furthest INTEGER NOT NULL DEFAULT 0 CHECK (furthest >= 0);\n"
	"UPDATE documents SET furthest = position;\n"
	"ALTER TABLE annotations ADD COLUMN creator TEXT;\n"
	"ALTER TABLE annotations ADD COLUMN first_quote TEXT;\n"
	"ALTER TABLE annotations ADD COLUMN first_prefix TEXT;\n"
	"ALTER TABLE annotations ADD COLUMN first_suffix TEXT;\n"
	"ALTER TABLE trash ADD COLUMN creator TEXT;\n"
	"ALTER TABLE trash ADD COLUMN first_quote TEXT;\n"
	"ALTER TABLE trash ADD COLUMN first_prefix TEXT;\n"
	"ALTER TABLE trash ADD COLUMN first_suffix TEXT;\n";

/*
 * Version 4: marks (m{a-z} in the reader), per document: the offset of the
 * first character on screen, where the caret was (NULL: not shown), and the
 * text after the position (for re-anchoring, as documents.position_context).
 */
static const char schema_v4[] =
	"CREATE TABLE marks (\n"
	"	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"	name TEXT NOT NULL CHECK (length(name) = 1 AND name BETWEEN 'a' AND 'z'),\n"
	"	position INTEGER NOT NULL CHECK (position >= 0),\n"
	"	caret INTEGER CHECK (caret IS NULL OR caret >= 0),\n"
	"	context TEXT NOT NULL DEFAULT '',\n"
	"	modified INTEGER NOT NULL,\n"
	"	PRIMARY KEY (doc_id, name)\n"
	") WITHOUT ROWID;\n";

static const char *const steps[] = { NULL, schema_v1, schema_v2, schema_v3, schema_v4 };

_Static_assert(GLOSS_ARRAY_SIZE(steps) == STORE_SCHEMA_VERSION + 1, "one step per version");

const char *
store_schema_step(int v)
{
	return v >= 1 && v <= STORE_SCHEMA_VERSION ? steps[v] : NULL;
}

static enum gloss_status
pragma_int(struct store *st, const char *sql, int64_t *v)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (s == NULL)
		return st->err;
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? GLOSS_OK : store_fail(st, rc, "reading the database header");
}

/* Refusals that need no writing: another program's file, a newer gloss's. */
static enum gloss_status
verify(struct store *st, int64_t *version)
{
	int64_t app, objects;
	enum gloss_status rc;

	if ((rc = pragma_int(st, "PRAGMA application_id", &app)) != GLOSS_OK ||
	    (rc = pragma_int(st, "PRAGMA user_version", version)) != GLOSS_OK ||
	    (rc = pragma_int(st, "SELECT count(*) FROM sqlite_master", &objects)) != GLOSS_OK)
		return rc;
	if (app != 0 && app != STORE_APPLICATION_ID)
		return error_set(GLOSS_ECORRUPT, "%s is not a gloss database (it belongs to another "
		    "program); it was left as it is", st->path);
	if (*version > STORE_SCHEMA_VERSION)
		return error_set(GLOSS_ENEWER, "database %s was written by a newer gloss (schema "
		    "version %lld; this gloss knows up to %d); it was left as it is: upgrade gloss",
		    st->path, (long long)*version, STORE_SCHEMA_VERSION);
	if (*version == 0 && objects > 0)
		return error_set(GLOSS_ECORRUPT, "%s is not a gloss database (it has tables of another "
		    "program); it was left as it is", st->path);
	return GLOSS_OK;
}

static enum gloss_status
migrate(struct store *st)
{
	int64_t version;
	enum gloss_status rc = store_tx_begin(st);
	char pragmas[128];

	if (rc != GLOSS_OK)
		return rc;
	rc = verify(st, &version);	/* again: another program may have migrated meanwhile */
	for (int64_t v = version + 1; rc == GLOSS_OK && v <= STORE_SCHEMA_VERSION; v++)
		rc = store_exec(st, steps[v]);
	if (rc == GLOSS_OK && version < STORE_SCHEMA_VERSION) {
		snprintf(pragmas, sizeof pragmas, "PRAGMA user_version = %d; PRAGMA application_id = %d",
		    STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
		rc = store_exec(st, pragmas);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_schema_check(struct store *st, bool may_migrate)
{
	int64_t version;
	enum gloss_status rc = verify(st, &version);

	if (rc != GLOSS_OK || !may_migrate || version == STORE_SCHEMA_VERSION)
		return rc;
	return migrate(st);
}
