/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_check — PRAGMA quick_check of a database file when it is opened
 * (see "Damage" in include/gloss/store.h): at once, or in a thread with a
 * read-only connection of its own (STORE_CHECK_LATER), so that reading a
 * big database never waits for it.  A database that fails it is read from
 * an in-memory copy of what can be read of it (store_salvage) and never
 * written; the message says what SQLite found
 * and how to copy out what can still be read.
 *
 * quick_check reads every page (about 6 ms per MB, 0.33 s for 54 MB and
 * 200,000 annotations: docs/annotations.md); it does not compare indexes
 * with their tables, which integrity_check does at about the same cost
 * again.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <stdatomic.h>

#include "store_int.h"
#include "gloss/xmalloc.h"

struct store_check {
	pthread_t thread;
	char *path;
	pthread_mutex_t lock;	/* guards db */
	sqlite3 *db;		/* the thread's connection while it runs (for sqlite3_interrupt) */
	atomic_bool done;
	char *result;		/* NULL: ok, or nothing could be told; else what quick_check said */
};

/* What quick_check says is wrong (a new string), or NULL if it is ok or could not run. */
static char *
quick_check(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	char *result = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
		const char *header = "*** in database main ***\n";

		if (line && strncmp(line, header, strlen(header)) == 0)
			line += strlen(header);
		if (line && strcmp(line, "ok") != 0)
			result = xstrndup(line, strcspn(line, "\n"));	/* the first problem */
	}
	if ((rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB)
		result = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return result;
}

enum gloss_status
store_damaged_error(struct store *st)
{
	return error_set(GLOSS_ECORRUPT, "%s", st->damaged);
}

/* Records a failed check: from now on the database is read from a copy and never written. */
static void
damaged(struct store *st, char *result)
{
	st->damaged = xasprintf("database %s is damaged (quick_check: %s); it is read, never "
	    "written: gloss recover NEW.db copies what can be read into a new database (then use "
	    "--db NEW.db), or restore a backup", st->path, result);
	free(result);
	if (store_salvage(st, "it is damaged") != GLOSS_OK &&
	    store_to_memory(st, "it is damaged") != GLOSS_OK && !st->readonly) {
		st->readonly = true;	/* no copy: reading goes on from the file, writing never */
		st->readonly_reason = xstrdup("it is damaged");
	}
}

enum gloss_status
store_check_now(struct store *st)
{
	char *result = quick_check(st->db);

	if (result)
		damaged(st, result);
	return GLOSS_OK;
}

static void *
check_thread(void *arg)
{
	struct store_check *c = arg;
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
		pthread_mutex_lock(&c->lock);
		c->db = db;
		pthread_mutex_unlock(&c->lock);
		c->result = quick_check(db);
		pthread_mutex_lock(&c->lock);
		c->db = NULL;
		pthread_mutex_unlock(&c->lock);
	}
	sqlite3_close(db);
	atomic_store(&c->done, true);
	return NULL;
}

void
store_check_start(struct store *st)
{
	struct store_check *c = xcalloc(1, sizeof *c);

	c->path = xstrdup(st->path);
	pthread_mutex_init(&c->lock, NULL);
	atomic_init(&c->done, false);
	if (pthread_create(&c->thread, NULL, check_thread, c) != 0) {
		pthread_mutex_destroy(&c->lock);
		free(c->path);
		free(c);
		store_check_now(st);	/* no thread: check at once */
		return;
	}
	st->check = c;
}

static char *
join(struct store *st)
{
	struct store_check *c = st->check;
	char *result;

	pthread_join(c->thread, NULL);
	result = c->result;
	pthread_mutex_destroy(&c->lock);
	free(c->path);
	free(c);
	st->check = NULL;
	return result;
}

bool
store_check_settle(struct store *st, bool wait)
{
	char *result;

	if (st->check == NULL)
		return true;
	if (!wait && !atomic_load(&st->check->done))
		return false;
	if ((result = join(st)) != NULL)
		damaged(st, result);
	return true;
}

void
store_check_free(struct store *st)
{
	if (st->check == NULL)
		return;
	pthread_mutex_lock(&st->check->lock);
	if (st->check->db)
		sqlite3_interrupt(st->check->db);	/* closing: the answer is no longer needed */
	pthread_mutex_unlock(&st->check->lock);
	free(join(st));
}

bool
store_check_done(struct store *st)
{
	return store_check_settle(st, false);
}

const char *
store_damaged(const struct store *st)
{
	return st->damaged;
}
