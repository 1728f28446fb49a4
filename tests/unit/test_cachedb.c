/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_cachedb — the index database: creation with its directory, module
 * versions (created once, rebuilt when the version changes), transactions.
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/cachedb.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static int
count_rows(struct cachedb *c, const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(cachedb_handle(c), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return n;
}

int
main(void)
{
	char dir[] = "/tmp/gloss-cachedb-XXXXXX";
	char *path;
	struct cachedb *c;
	bool created;

	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/sub/dir/index.db", dir);
	is_int(cachedb_open(path, &c), GLOSS_OK, "opens, creating the directories");
	is_int(cachedb_module(c, "t", 1, "DROP TABLE IF EXISTS t_x", "CREATE TABLE t_x(a)", &created),
	    GLOSS_OK, "module t version 1");
	ok(created, "its tables were created");
	cachedb_exec(c, "INSERT INTO t_x VALUES (1)");
	cachedb_module(c, "t", 1, "DROP TABLE IF EXISTS t_x", "CREATE TABLE t_x(a)", &created);
	ok(!created && count_rows(c, "t_x") == 1, "the same version keeps the data");
	cachedb_close(c);
	cachedb_open(path, &c);
	cachedb_module(c, "t", 2, "DROP TABLE IF EXISTS t_x", "CREATE TABLE t_x(a, b)", &created);
	ok(created && count_rows(c, "t_x") == 0, "a new version rebuilds the tables (after reopening)");
	cachedb_begin(c);
	cachedb_exec(c, "INSERT INTO t_x VALUES (1, 2)");
	is_int(cachedb_end(c, GLOSS_EIO), GLOSS_EIO, "a failed step rolls back");
	is_int(count_rows(c, "t_x"), 0, "nothing was kept");
	is_int(cachedb_exec(c, "SELECT * FROM no_such_table"), GLOSS_EDB, "SQL errors are GLOSS_EDB");
	cachedb_close(c);
	setenv("GLOSS_CACHE_DB", "/x/y.db", 1);
	{
		char *d = cachedb_default_path();

		is_str(d, "/x/y.db", "$GLOSS_CACHE_DB names the index");
		free(d);
	}
	unsetenv("GLOSS_CACHE_DB");
	setenv("XDG_CACHE_HOME", "/c", 1);
	{
		char *d = cachedb_default_path();

		is_str(d, "/c/gloss/index.db", "else $XDG_CACHE_HOME/gloss/index.db");
		free(d);
	}
	free(path);
	return tap_done();
}
