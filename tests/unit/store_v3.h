/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_v3.h — a frozen copy of step 3 of the annotation database's schema
 * (the furthest point read, creators, first selectors), and data in a
 * version-3 database, for test_store's migration tests.  Never edit it: it
 * stands for databases made by gloss releases.
 */
#ifndef GLOSS_TESTS_STORE_V3_H
#define GLOSS_TESTS_STORE_V3_H

/* Step 3 exactly as released (steps 1 and 2: store_v1.h, store_v2.h). */
static const char frozen_v3[] =
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

/* Added to v1_data and v2_data: the furthest point read, an imported annotation's creator. */
static const char v3_data[] =
	"UPDATE documents SET furthest = 480 WHERE id = 1;\n"
	"UPDATE annotations SET creator = 'acct:ann@example.org' WHERE id = 7;\n"
	"PRAGMA user_version = 3;\n";

#endif
