/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * cachedb — the rebuildable index database (see include/gloss/cachedb.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <sys/stat.h>

#include "gloss/cachedb.h"
#include "gloss/xmalloc.h"

#define CACHEDB_BUSY_MS 5000

struct cachedb {
	sqlite3 *db;
	char *path;
};

char *
cachedb_default_path(void)
{
	const char *env = getenv("GLOSS_CACHE_DB"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg == '/')
		return xasprintf("%s/gloss/index.db", xdg);
	return xasprintf("%s/.cache/gloss/index.db", home && *home ? home : ".");
}

/* Creates the directories leading to path (like mkdir -p of its dirname). */
static void
make_parents(const char *path)
{
	char *dir = xstrdup(path);

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(dir);
}

static enum gloss_status
db_error(struct cachedb *c, const char *what)
{
	return error_set(GLOSS_EDB, "%s: %s: %s", c->path, what, sqlite3_errmsg(c->db));
}

enum gloss_status
cachedb_open(const char *path, struct cachedb **out)
{
	struct cachedb *c = xcalloc(1, sizeof *c);

	*out = NULL;
	c->path = path ? xstrdup(path) : cachedb_default_path();
	make_parents(c->path);
	if (sqlite3_open_v2(c->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		enum gloss_status rc = db_error(c, "cannot open the index");

		cachedb_close(c);
		return rc;
	}
	sqlite3_busy_timeout(c->db, CACHEDB_BUSY_MS);
	if (sqlite3_exec(c->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
	    "PRAGMA foreign_keys=ON; CREATE TABLE IF NOT EXISTS cachedb_modules("
	    "name TEXT PRIMARY KEY, version INTEGER NOT NULL)", NULL, NULL, NULL) != SQLITE_OK) {
		enum gloss_status rc = db_error(c, "not a usable index database");

		cachedb_close(c);
		return rc;
	}
	*out = c;
	return GLOSS_OK;
}

void
cachedb_close(struct cachedb *c)
{
	if (c == NULL)
		return;
	sqlite3_close_v2(c->db);
	free(c->path);
	free(c);
}

sqlite3 *
cachedb_handle(struct cachedb *c)
{
	return c->db;
}

const char *
cachedb_path(const struct cachedb *c)
{
	return c->path;
}

enum gloss_status
cachedb_exec(struct cachedb *c, const char *sql)
{
	return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK ? GLOSS_OK :
	    db_error(c, "index update failed");
}

enum gloss_status
cachedb_begin(struct cachedb *c)
{
	return cachedb_exec(c, "BEGIN IMMEDIATE");
}

enum gloss_status
cachedb_end(struct cachedb *c, enum gloss_status rc)
{
	if (rc == GLOSS_OK)
		return cachedb_exec(c, "COMMIT");
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int
recorded_version(struct cachedb *c, const char *name)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(c->db, "SELECT version FROM cachedb_modules WHERE name = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

enum gloss_status
cachedb_module(struct cachedb *c, const char *name, int version, const char *drop_sql,
    const char *create_sql, bool *created)
{
	enum gloss_status rc;
	sqlite3_stmt *st;

	*created = false;
	if (recorded_version(c, name) == version)
		return GLOSS_OK;
	if ((rc = cachedb_begin(c)) != GLOSS_OK)
		return rc;
	if (recorded_version(c, name) != version) {	/* another process may have done it */
		if (drop_sql)
			rc = cachedb_exec(c, drop_sql);
		if (rc == GLOSS_OK)
			rc = cachedb_exec(c, create_sql);
		if (rc == GLOSS_OK && sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO cachedb_modules"
		    "(name, version) VALUES (?, ?)", -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, version);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_error(c, "cannot record the index version");
			sqlite3_finalize(st);
		}
		*created = rc == GLOSS_OK;
	}
	return cachedb_end(c, rc);
}
