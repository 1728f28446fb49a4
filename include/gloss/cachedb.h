/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cachedb — the index database: data that gloss can always rebuild from the
 * documents (the cross-reference index, the full-text index of documents).
 * It lives apart from the annotations (which cannot be rebuilt) in
 * $GLOSS_CACHE_DB, else $XDG_CACHE_HOME/gloss/index.db, else
 * ~/.cache/gloss/index.db.
 *
 * Each module owns its tables (named with its prefix) and versions them
 * with cachedb_module(): when the recorded version differs, the module's
 * tables are dropped and created again (a cache is rebuilt, never
 * migrated).  WAL, a busy timeout and foreign keys as in the store.  A
 * damaged or unwritable index is not an error for reading: callers go on
 * without it.
 *
 * Memory: cachedb_open() returns a handle the caller closes with
 * cachedb_close(); cachedb_handle() lends the sqlite3 connection.
 */
#ifndef GLOSS_CACHEDB_H
#define GLOSS_CACHEDB_H

#include "gloss/gloss.h"
#include "gloss/error.h"

#include <sqlite3.h>

struct cachedb;

/* The path to use (see the top comment); caller frees. */
char *cachedb_default_path(void);
/* Opens (creating it and its directory) the index database at path (NULL: default). */
enum gloss_status cachedb_open(const char *path, struct cachedb **out);
void cachedb_close(struct cachedb *c);
sqlite3 *cachedb_handle(struct cachedb *c);
const char *cachedb_path(const struct cachedb *c);

/*
 * Makes module `name` current at `version`: if another version (or none)
 * is recorded, runs drop_sql (may be NULL) then create_sql and records the
 * version, in one transaction.  *created tells whether it did.
 */
enum gloss_status cachedb_module(struct cachedb *c, const char *name, int version,
    const char *drop_sql, const char *create_sql, bool *created);

/* Runs sql (no results) in a transaction begun IMMEDIATE; GLOSS_EDB with a message on failure. */
enum gloss_status cachedb_exec(struct cachedb *c, const char *sql);
enum gloss_status cachedb_begin(struct cachedb *c);
/* Commits if rc is GLOSS_OK, else rolls back; returns rc (or the commit's failure). */
enum gloss_status cachedb_end(struct cachedb *c, enum gloss_status rc);

#endif
