/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_int.h — shared by the store_*.c files (and the store tests): the
 * connection, the statement cache, transactions and error mapping.
 */
#ifndef GLOSS_STORE_INT_H
#define GLOSS_STORE_INT_H

#include <sqlite3.h>

#include "gloss/store.h"

#define STORE_STMT_CACHE 96

struct store_stmt {
	const char *sql;	/* the string literal it was prepared from (compared by address) */
	sqlite3_stmt *stmt;
};

struct store_check;

struct store {
	sqlite3 *db;
	char *path;
	unsigned flags;		/* of store_open() */
	bool readonly;		/* edits refused (a copy in memory, or no file) */
	char *readonly_reason;
	bool transient;		/* read-only for a reason that may pass: a write tries the file again */
	char *damaged;		/* what PRAGMA quick_check said, or NULL */
	struct store_check *check;	/* a quick_check running in a thread (STORE_CHECK_LATER) */
	bool wal;
	int busy_ms;
	int lock_wait_ms;	/* the busy handler's limit for this statement (-1: busy_ms) */
	uint64_t busy_since;	/* when the busy handler began waiting for this lock */
	unsigned jitter;	/* its sleeps' pseudo-random state */
	int waited_ms;		/* how long the last failed write waited for the lock */
	int depth;		/* store_begin() nesting */
	bool conflict;		/* the last failure met another process's concurrent change */
	bool polled;		/* seen_version holds a baseline (set at the opening) */
	int64_t seen_version;	/* PRAGMA data_version it last saw */
	uint64_t polled_ms;	/* when store_poll_due() last said yes */
	enum gloss_status err;	/* the status of the last store_stmt() failure */
	struct store_stmt stmts[STORE_STMT_CACHE];
};

/* How a database file may be opened (the decision store_open() makes). */
struct store_access {
	bool exists;		/* the file exists */
	bool file_writable;	/* it has write permission (and a write bit at all) */
	bool dir_writable;	/* journals can be created beside it */
	bool fs_readonly;	/* the file system is mounted read-only */
};

/* NULL if the database may be written, else why not (static storage). */
const char *store_access_refusal(const struct store_access *a);

/* The cached statement for sql (a string literal), reset; NULL with st->err and a message set. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Steps s expecting SQLITE_DONE, then resets it. */
enum gloss_status store_done(struct store *st, sqlite3_stmt *s);
/* Maps a SQLite result code to a status with a message about what was being done. */
enum gloss_status store_fail(struct store *st, int rc, const char *what);
/* Runs SQL without results (DDL, PRAGMAs). */
enum gloss_status store_exec(struct store *st, const char *sql);

/* A write: begins (or joins) a transaction; GLOSS_EREADONLY on a read-only store. */
enum gloss_status store_write_begin(struct store *st);
/* The same without the read-only check (re-anchoring results, the in-memory copy). */
enum gloss_status store_tx_begin(struct store *st);
/* Ends what store_write_begin/store_tx_begin began (commit if rc is OK). */
enum gloss_status store_tx_end(struct store *st, enum gloss_status rc);

int64_t store_now(void);
/* A column as a new string ("" for NULL). */
char *store_col_str(sqlite3_stmt *s, int col);

/* Replaces the connection by an in-memory copy of its database: edits refused for reason. */
enum gloss_status store_to_memory(struct store *st, const char *reason);
/* Replaces the connection by db (taken over); edits refused for reason. */
void store_replace_db(struct store *st, sqlite3 *db, const char *reason);
/*
 * store_recover.c: replaces the connection of a damaged database by an
 * in-memory gloss database holding what can be read of it, row by row.
 */
enum gloss_status store_salvage(struct store *st, const char *reason);

/* store_check.c: PRAGMA quick_check, at once or in a thread (see store.h). */
enum gloss_status store_check_now(struct store *st);
void store_check_start(struct store *st);
/* Ends a check begun by store_check_start(): wait, or only if it is done; false if still running. */
bool store_check_settle(struct store *st, bool wait);
void store_check_free(struct store *st);
/* The message refusing writes to a damaged database (sets it, returns GLOSS_ECORRUPT). */
enum gloss_status store_damaged_error(struct store *st);

/* store_schema.c: checks and migrates the schema of an open connection. */
enum gloss_status store_schema_check(struct store *st, bool may_migrate);
/* The DDL of version v (1-based) applied over version v − 1 (tests). */
const char *store_schema_step(int v);

/* store_annot.c: the SQL of store_in_range() (the tests explain its plan). */
extern const char store_sql_in_range[];

#endif
