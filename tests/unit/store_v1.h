/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_v1.h — a frozen copy of the version-1 schema of the annotation
 * database, and a little data in it, for test_store's migration tests.
 * Never edit it: it stands for databases made by gloss releases.
 */
#ifndef GLOSS_TESTS_STORE_V1_H
#define GLOSS_TESTS_STORE_V1_H

/*
 * The version-1 schema exactly as released.  Databases out there were made
 * with it, so the code's step 1 must never change; this copy is how the
 * test knows.
 */
static const char frozen_v1[] =
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

static const char v1_data[] =
	"INSERT INTO documents(id, sha256, title, created, opened) VALUES\n"
	"	(1, '0000000000000000000000000000000000000000000000000000000000000001', 'Old', 1, 1);\n"
	"INSERT INTO paths VALUES ('/tmp/old.txt', 1, 10, 5, 7, 8, NULL, 1);\n"
	"INSERT INTO annotations(id, doc_id, start_pos, end_pos, quote, color, note, created, modified)\n"
	"	VALUES (7, 1, 3, 9, 'quoted', 'green', 'a note', 100, 100);\n"
	"INSERT INTO tags(id, name, key) VALUES (1, 'Old Tag', 'old tag');\n"
	"INSERT INTO annotation_tags VALUES (7, 1);\n"
	"PRAGMA user_version = 1;\n"
	"PRAGMA application_id = 1735159667;\n";

#endif
