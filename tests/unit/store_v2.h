/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_v2.h — a frozen copy of step 2 of the annotation database's schema
 * (drafts and the trash), and data in a version-2 database, for
 * test_store's migration tests.  Never edit it: it stands for databases
 * made by gloss releases.
 */
#ifndef GLOSS_TESTS_STORE_V2_H
#define GLOSS_TESTS_STORE_V2_H

/* Step 2 exactly as released (step 1: store_v1.h). */
static const char frozen_v2[] =
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

/* Added to v1_data: a reading position, a deleted annotation in the trash, a draft. */
static const char v2_data[] =
	"UPDATE documents SET position = 120, position_context = 'after' WHERE id = 1;\n"
	"INSERT INTO trash(id, doc_id, start_pos, end_pos, quote, prefix, suffix, color, status,\n"
	"	note, tags, created, modified, deleted) VALUES (9, 1, 20, 26, 'binned', 'before ',\n"
	"	' after', 'pink', 'moved', 'a binned note', 'Old Tag', 200, 201, 300);\n"
	"INSERT INTO drafts VALUES (7, 'typed but not saved', 400);\n"
	"PRAGMA user_version = 2;\n";

#endif
