/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store — the connection to the annotation database: where it is, how it
 * is opened (read-write, or copied into memory when it cannot be written:
 * read-only, a full disk, a reading command under another program's lock),
 * the journal and durability settings, transactions with busy handling
 * (automatic updates of a STORE_NOWAIT store never wait), the statement
 * cache and the mapping of SQLite errors to gloss statuses.  The schema
 * lives in store_schema.c, documents in store_doc.c, annotations, tags and
 * old drafts in store_annot.c and store_tag.c, the quick_check in
 * store_check.c, copying out a damaged database in store_recover.c.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

#define SQLITE_MAGIC "SQLite format 3"	/* the first 16 bytes, with the NUL */

/* ------------------------------------------------------------------ */
/* Where the database is */

char *
store_default_path(void)
{
	const char *s;
	struct passwd *pw;

	if (opt_db && *opt_db)
		return xstrdup(opt_db);
	if ((s = getenv("GLOSS_DB")) && *s)
		return xstrdup(s);
	if ((s = getenv("XDG_DATA_HOME")) && s[0] == '/')	/* relative values are ignored (XDG) */
		return xasprintf("%s/gloss/gloss.db", s);
	if ((s = getenv("HOME")) && *s)
		return xasprintf("%s/.local/share/gloss/gloss.db", s);
	if ((pw = getpwuid(getuid())) && pw->pw_dir)
		return xasprintf("%s/.local/share/gloss/gloss.db", pw->pw_dir);
	return xstrdup("gloss.db");
}

/* The directory part of path ("." if none); caller frees. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* mkdir -p with mode 0700 for the directories it creates. */
static enum gloss_status
make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	enum gloss_status rc = GLOSS_OK;

	for (char *s = p + 1; ; s++) {
		bool last = *s == '\0';

		if (*s != '/' && !last)
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = error_set(GLOSS_EIO, "cannot create directory %s for the database: %s", p,
			    strerror(errno));
			break;
		}
		if (last)
			break;
		*s = '/';
	}
	free(p);
	return rc;
}

bool
store_fs_is_network(unsigned long fs_type)
{
	static const unsigned long network[] = {
		0x6969,		/* NFS */
		0x517B,		/* SMB */
		0xFF534D42,	/* CIFS */
		0xFE534D42,	/* SMB2 */
		0x564C,		/* NCP (NetWare) */
		0x73757245,	/* Coda */
		0x5346414F,	/* AFS */
		0x6B414653,	/* kAFS */
		0x00C36400,	/* Ceph */
		0x01021997,	/* 9P (virtual machines, WSL) */
		0x65735546,	/* FUSE (sshfs and other remote mounts) */
		0x0BD00BD0,	/* Lustre */
		0x47504653,	/* GPFS */
		0x01161970,	/* GFS2 */
		0x7461636F,	/* OCFS2 */
		0x20030528,	/* OrangeFS */
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(network); i++)
		if ((fs_type & 0xFFFFFFFFul) == network[i])
			return true;
	return false;
}

const char *
store_access_refusal(const struct store_access *a)
{
	if (a->fs_readonly)
		return "it is on a read-only file system";
	if (a->exists && !a->file_writable)
		return "the file is not writable";
	if (!a->dir_writable)
		return "its directory is not writable, so no journal can be made";
	return NULL;
}

/*
 * Writable means permitted and with a write bit set: a file or directory
 * its owner made read-only stays read-only for root too.
 */
static bool
writable(const char *path, const struct stat *sb)
{
	return access(path, W_OK) == 0 && (sb->st_mode & 0222) != 0;
}

static void
probe_access(const char *path, struct store_access *a)
{
	char *dir = dir_of(path);
	struct stat fsb, dsb;
	struct statvfs vfs;

	a->exists = stat(path, &fsb) == 0;
	a->file_writable = a->exists && writable(path, &fsb);
	a->dir_writable = stat(dir, &dsb) == 0 && writable(dir, &dsb);
	a->fs_readonly = statvfs(a->exists ? path : dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
	free(dir);
}

/* Refuses a file that is not empty and does not start like a SQLite database. */
static enum gloss_status
check_header(const char *path)
{
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return error_set(GLOSS_EIO, "cannot open database %s: %s", path, strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n == 0)
		return GLOSS_OK;	/* an empty file is an empty database */
	if (n != (ssize_t)sizeof head || memcmp(head, SQLITE_MAGIC, sizeof head) != 0)
		return error_set(GLOSS_ECORRUPT, "%s is not a gloss database (not a SQLite file); "
		    "it was left as it is: move it away or name another with --db", path);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Errors and statements */

enum gloss_status
store_fail(struct store *st, int rc, const char *what)
{
	const char *msg = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *tail = st->depth > 0 ? "; nothing was changed" : "";

	char waited[48] = "";

	st->conflict = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY ||
	    rc == SQLITE_BUSY_SNAPSHOT;
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (st->waited_ms >= 1000)
			snprintf(waited, sizeof waited, " (gave up after %.1f s)", st->waited_ms / 1000.0);
		else if (st->waited_ms >= 0)
			snprintf(waited, sizeof waited, " (gave up after %d ms)", st->waited_ms);
		return error_set(GLOSS_EBUSY, "database %s is locked by another program%s while %s%s",
		    st->path, waited, what, tail);
	case SQLITE_READONLY:
		return error_set(GLOSS_EREADONLY, "database %s is read-only (%s) while %s%s", st->path,
		    msg, what, tail);
	case SQLITE_FULL:
		return error_set(GLOSS_EFULL, "disk full: cannot write database %s while %s%s",
		    st->path, what, tail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		if (st->damaged)
			return error_set(GLOSS_ECORRUPT, "%s", st->damaged);
		return error_set(GLOSS_ECORRUPT, "database %s is damaged (%s); it was left as it is: "
		    "gloss recover NEW.db copies what can be read into a new database, or restore a "
		    "backup", st->path, msg);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return error_set(GLOSS_EIO, "database %s: %s while %s%s", st->path, msg, what, tail);
	default:
		return error_set(GLOSS_EDB, "database %s: %s while %s%s", st->path, msg, what, tail);
	}
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql)
{
	struct store_stmt *slot = NULL;
	int rc;

	for (size_t i = 0; i < STORE_STMT_CACHE; i++) {
		if (st->stmts[i].sql == sql) {
			sqlite3_reset(st->stmts[i].stmt);
			sqlite3_clear_bindings(st->stmts[i].stmt);
			return st->stmts[i].stmt;
		}
		if (st->stmts[i].sql == NULL && slot == NULL)
			slot = &st->stmts[i];
	}
	if (slot == NULL)
		error_fatal("store: more than %d distinct statements", STORE_STMT_CACHE);
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL);
	if (rc != SQLITE_OK) {
		st->err = store_fail(st, rc, "reading the database");
		sqlite3_finalize(slot->stmt);
		slot->stmt = NULL;
		return NULL;
	}
	slot->sql = sql;
	return slot->stmt;
}

enum gloss_status
store_done(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		enum gloss_status err = store_fail(st, rc, "saving a change");

		sqlite3_reset(s);
		return err;
	}
	sqlite3_reset(s);
	return GLOSS_OK;
}

enum gloss_status
store_exec(struct store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? GLOSS_OK : store_fail(st, rc, "setting up the database");
}

int64_t
store_now(void)
{
	return (int64_t)time(NULL);
}

char *
store_col_str(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return xstrdup(t ? (const char *)t : "");
}

/* ------------------------------------------------------------------ */
/* Transactions */

static void finalize_all(struct store *st);

/*
 * The busy handler: tries again every 0.5-2.5 ms (pseudo-random) until the
 * limit.  SQLite's own backs off to 100 ms sleeps, and a waiter that sleeps
 * that long can lose every turn to writers that take the lock one after
 * another (four processes making first annotations: one gave up after 5 s).
 */
static int
busy_wait(void *arg, int n)
{
	struct store *st = arg;
	uint64_t now = monotime_ms();
	int limit = st->lock_wait_ms >= 0 ? st->lock_wait_ms : st->busy_ms;

	if (n == 0)
		st->busy_since = now;
	if (now - st->busy_since >= (uint64_t)GLOSS_MAX(limit, 0))
		return 0;
	st->jitter = st->jitter * 1103515245u + 12345u;
	usleep(500 + (st->jitter >> 8) % 2000);
	return 1;
}

/* Makes busy_wait st's connection's busy handler (again after the connection moved). */
static void
install_busy(struct store *st)
{
	st->lock_wait_ms = -1;
	st->jitter ^= (unsigned)getpid() ^ (unsigned)(uintptr_t)st;
	sqlite3_busy_handler(st->db, busy_wait, st);
}

/* Runs BEGIN IMMEDIATE or COMMIT waiting at most wait_ms for the lock; records the time waited. */
static int
locked_exec(struct store *st, const char *sql, int wait_ms)
{
	uint64_t t0 = monotime_ms();
	int rc;

	st->lock_wait_ms = wait_ms;
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	st->lock_wait_ms = -1;
	st->waited_ms = (int)(monotime_ms() - t0);
	return rc;
}

/*
 * Whether a write may begin now: a quick_check still running makes a user
 * write wait for it and an automatic update give way (GLOSS_EBUSY); a
 * damaged database is never written.
 */
static enum gloss_status
check_settled(struct store *st, bool user)
{
	if (st->check && !store_check_settle(st, user)) {
		st->waited_ms = 0;
		return error_set(GLOSS_EBUSY, "database %s is still being checked", st->path);
	}
	if (st->damaged && user)
		return store_damaged_error(st);
	return GLOSS_OK;
}

/*
 * The outermost BEGIN IMMEDIATE.  A user's write waits for the lock at most
 * the busy timeout; an automatic update of a STORE_NOWAIT store does not
 * wait at all, and one of a STORE_READ store that cannot have the lock is
 * made in an in-memory copy instead, so that reading never waits.
 */
static enum gloss_status
begin(struct store *st, bool user)
{
	bool nowait = !user && (st->flags & STORE_NOWAIT);
	enum gloss_status err;
	int rc;

	if (st->depth > 0) {
		st->depth++;
		return GLOSS_OK;
	}
	if ((err = check_settled(st, user)) != GLOSS_OK)
		return err;
	st->conflict = false;
	rc = locked_exec(st, "BEGIN IMMEDIATE", nowait ? 0 : st->busy_ms);
	if ((rc & 0xFF) == SQLITE_BUSY && nowait && (st->flags & STORE_READ) == STORE_READ &&
	    !st->readonly && store_to_memory(st, "another program held the lock") == GLOSS_OK) {
		st->transient = true;
		rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	}
	st->depth = 1;
	if (rc == SQLITE_OK) {
		st->waited_ms = -1;	/* a later busy read gives no time */
		return GLOSS_OK;
	}
	err = store_fail(st, rc, "starting a change");	/* depth 1: "nothing was changed" */
	st->depth = 0;
	return err;
}

enum gloss_status
store_tx_begin(struct store *st)
{
	return begin(st, false);
}

/*
 * The file again, for a store read from a copy for a reason that may have
 * passed (the disk was full, the lock was held): true if it can now be
 * written.  What was changed in the copy only (re-anchoring) is dropped.
 */
static bool
reopen(struct store *st)
{
	struct store *fresh;

	if (st->depth > 0 || store_open(st->path, st->flags & ~STORE_CHECK_LATER, &fresh) != GLOSS_OK)
		return false;
	if (fresh->readonly) {
		store_close(fresh);
		return false;
	}
	finalize_all(st);
	sqlite3_close(st->db);
	st->db = fresh->db;
	fresh->db = NULL;
	st->wal = fresh->wal;
	st->readonly = st->transient = false;
	free(st->readonly_reason);
	st->readonly_reason = NULL;
	install_busy(st);
	store_close(fresh);
	return true;
}

enum gloss_status
store_write_begin(struct store *st)
{
	if (st->readonly && st->transient)
		reopen(st);
	if (st->readonly)
		return st->damaged ? store_damaged_error(st) : error_set(GLOSS_EREADONLY, "database %s "
		    "is read-only (%s); annotations can be read but not changed", st->path,
		    st->readonly_reason);
	return begin(st, true);
}

static void
rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

enum gloss_status
store_tx_end(struct store *st, enum gloss_status rc)
{
	int src = SQLITE_OK;

	if (st->depth == 0)
		return rc;	/* the begin failed: nothing to end */
	if (--st->depth > 0)
		return rc;
	if (rc != GLOSS_OK) {
		rollback(st);
		return rc;
	}
	src = locked_exec(st, "COMMIT", st->busy_ms);	/* the rollback journal waits for readers */
	if (src == SQLITE_OK)
		return GLOSS_OK;
	st->depth = 1;	/* so that the message says nothing was changed */
	rc = store_fail(st, src, "saving a change");
	st->depth = 0;
	rollback(st);
	return rc;
}

bool
store_conflict(const struct store *st)
{
	return st->conflict;
}

enum gloss_status
store_begin(struct store *st)
{
	return store_write_begin(st);
}

enum gloss_status
store_begin_refresh(struct store *st)
{
	return store_tx_begin(st);
}

enum gloss_status
store_end(struct store *st, enum gloss_status rc)
{
	return store_tx_end(st, rc);
}

/* ------------------------------------------------------------------ */
/* Opening */

int
store_busy_default(void)
{
	const char *s = getenv("GLOSS_BUSY_TIMEOUT");
	char *end;
	long ms;

	if (s == NULL || *s == '\0')
		return STORE_BUSY_TIMEOUT_MS;
	ms = strtol(s, &end, 10);
	return *end == '\0' && ms >= 0 && ms <= 600000 ? (int)ms : STORE_BUSY_TIMEOUT_MS;
}

/* "file:" + path with the characters a URI reserves escaped, + query. */
static char *
file_uri(const char *path, const char *query)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p >= 0x7F)
			strbuf_addf(&sb, "%%%02X", *p);
		else
			strbuf_addc(&sb, (char)*p);
	}
	strbuf_addf(&sb, "?%s", query);
	return strbuf_detach(&sb, NULL);
}

static enum gloss_status
db_connect(struct store *st, const char *name, int flags, sqlite3 **db)
{
	int rc = sqlite3_open_v2(name, db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		enum gloss_status err = error_set(GLOSS_EIO, "cannot open database %s: %s", st->path,
		    *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc));

		sqlite3_close(*db);
		*db = NULL;
		return err;
	}
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_handler(*db, busy_wait, st);
	st->lock_wait_ms = -1;
	return GLOSS_OK;
}

/* The journal to use: WAL, or the rollback journal on a network file system. */
static bool
wants_wal(const struct store *st)
{
	char *dir = dir_of(st->path);
	struct statfs fs;
	bool network = statfs(dir, &fs) == 0 && store_fs_is_network((unsigned long)fs.f_type);

	free(dir);
	return !network;
}

/* True if the journal is already the one wanted (so choosing it writes nothing). */
static bool
journal_chosen(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "PRAGMA journal_mode");
	bool wal;

	if (s == NULL || sqlite3_step(s) != SQLITE_ROW) {
		if (s)
			sqlite3_reset(s);
		return false;
	}
	wal = strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
	sqlite3_reset(s);
	return wal == wants_wal(st);
}

static enum gloss_status
set_journal(struct store *st)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, wants_wal(st) ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE");
	if (s == NULL)
		return st->err;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		st->wal = strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && (rc & 0xFF) != SQLITE_BUSY)	/* busy: keep the journal it has */
		return store_fail(st, rc, "choosing the journal");
	return GLOSS_OK;
}

/* Copies the database of connection src into a new in-memory connection *mem. */
static enum gloss_status
copy_to_memory(struct store *st, sqlite3 *src, sqlite3 **mem)
{
	enum gloss_status rc = db_connect(st, ":memory:", SQLITE_OPEN_READWRITE, mem);
	sqlite3_backup *b;
	sqlite3 *keep;
	int brc;

	if (rc != GLOSS_OK)
		return rc;
	b = sqlite3_backup_init(*mem, "main", src, "main");
	brc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(*mem);
	if (b)
		sqlite3_backup_finish(b);
	if (brc == SQLITE_DONE)
		return GLOSS_OK;
	keep = st->db;
	st->db = src;	/* for the message */
	rc = store_fail(st, brc, "reading the database");
	st->db = keep;
	sqlite3_close(*mem);
	*mem = NULL;
	return rc;
}

static void
finalize_all(struct store *st)
{
	for (size_t i = 0; i < STORE_STMT_CACHE; i++) {
		sqlite3_finalize(st->stmts[i].stmt);
		st->stmts[i].stmt = NULL;
		st->stmts[i].sql = NULL;
	}
}

/* Edits are refused from now on; the first reason given is the one kept. */
static void
set_readonly(struct store *st, const char *reason)
{
	st->readonly = true;
	if (st->readonly_reason == NULL)
		st->readonly_reason = xstrdup(reason);
}

void
store_replace_db(struct store *st, sqlite3 *db, const char *reason)
{
	finalize_all(st);
	sqlite3_close(st->db);
	st->db = db;
	st->wal = false;
	install_busy(st);
	set_readonly(st, reason);
}

enum gloss_status
store_to_memory(struct store *st, const char *reason)
{
	sqlite3 *mem;
	enum gloss_status rc;

	if (st->depth > 0)
		return error_set(GLOSS_EDB, "database %s: cannot be copied in the middle of a change",
		    st->path);
	if ((rc = copy_to_memory(st, st->db, &mem)) != GLOSS_OK)
		return rc;
	store_replace_db(st, mem, reason);
	return store_exec(st, "PRAGMA foreign_keys = ON");
}

/*
 * Copies the file's database into memory: read-only use of a file we must
 * not write.  Where nothing can be written beside it (directory or file
 * system read-only), nobody can be changing it either, so it is opened
 * "immutable": SQLite then makes no -shm or journal file.
 */
static enum gloss_status
open_copy(struct store *st, const struct store_access *a, const char *reason)
{
	bool immutable = !a->dir_writable || a->fs_readonly;
	char *uri = file_uri(st->path, immutable ? "mode=ro&immutable=1" : "mode=ro");
	sqlite3 *file = NULL;
	enum gloss_status rc = db_connect(st, uri, SQLITE_OPEN_READONLY, &file);

	free(uri);
	if (rc == GLOSS_OK)
		rc = copy_to_memory(st, file, &st->db);
	sqlite3_close(file);
	set_readonly(st, reason);
	if (rc == GLOSS_OK)
		rc = store_exec(st, "PRAGMA foreign_keys = ON");
	if (rc == GLOSS_OK)
		rc = store_schema_check(st, false);	/* another program's file is not even checked */
	if (rc == GLOSS_OK)
		rc = store_check_now(st);
	if (rc == GLOSS_OK)
		rc = store_schema_check(st, true);	/* migrates the copy only */
	return rc;
}

/* Why a connection could not be set up: a full disk, or another failure to write. */
static const char *
disk_reason(const char *path)
{
	struct statvfs vfs;

	if (statvfs(path, &vfs) == 0 && vfs.f_bavail == 0)
		return "the disk is full";
	return "it cannot be written (input/output error)";
}

/*
 * The file could not be set up for writing (on a full disk the -shm file of
 * WAL cannot be made): it is read into memory instead.  With no WAL content
 * beside it, everything is in the file, which is then read "immutable"
 * (no -shm needed).
 */
static enum gloss_status
open_degraded(struct store *st, const struct store_access *a)
{
	char *wal = xasprintf("%s-wal", st->path);
	struct store_access ro = *a;
	struct stat sb;

	if (stat(wal, &sb) != 0 || sb.st_size == 0)
		ro.dir_writable = false;
	free(wal);
	finalize_all(st);
	sqlite3_close(st->db);
	st->db = NULL;
	st->transient = true;
	return open_copy(st, &ro, disk_reason(st->path));
}

/* Brings the schema up to date; a reader that cannot have the lock for it reads a copy. */
static enum gloss_status
migrate_or_copy(struct store *st)
{
	enum gloss_status rc = store_schema_check(st, true);

	if (rc == GLOSS_EBUSY && (st->flags & STORE_NOWAIT)) {
		st->transient = true;
		rc = store_to_memory(st, "another program held the lock when its schema had to be "
		    "brought up to date; open it again later to annotate");
		if (rc == GLOSS_OK)
			rc = store_schema_check(st, true);	/* migrates the copy only */
	}
	return rc;
}

/*
 * Runs quick_check now, or in a thread for a reader when nothing is to be
 * written first (no migration, no change of journal).
 */
static enum gloss_status
check(struct store *st)
{
	if ((st->flags & STORE_CHECK_LATER) && store_schema_version(st) == STORE_SCHEMA_VERSION &&
	    journal_chosen(st)) {
		store_check_start(st);
		return GLOSS_OK;
	}
	return store_check_now(st);
}

static enum gloss_status
open_file(struct store *st, const struct store_access *a)
{
	enum gloss_status rc = db_connect(st, st->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &st->db);

	/* a larger page cache: re-anchoring rewrites many rows and their R*Tree entries */
	if (rc == GLOSS_OK)
		rc = store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
		    "PRAGMA cache_size = -16384");	/* reads the schema: the WAL is set up here */
	if (rc == GLOSS_OK)
		rc = store_schema_check(st, false);	/* refuse before anything is written */
	if ((rc == GLOSS_EIO || rc == GLOSS_EFULL) && a->exists)
		return open_degraded(st, a);
	if (rc == GLOSS_OK && a->exists)
		rc = check(st);		/* before anything is written */
	if (rc == GLOSS_OK && !st->readonly)
		rc = set_journal(st);
	if (rc == GLOSS_OK)
		rc = migrate_or_copy(st);
	return rc;
}

/* No database yet and none to be made: an empty one in memory. */
static enum gloss_status
open_empty(struct store *st)
{
	enum gloss_status rc = db_connect(st, ":memory:", SQLITE_OPEN_READWRITE, &st->db);

	set_readonly(st, "it does not exist yet");
	if (rc == GLOSS_OK)
		rc = store_exec(st, "PRAGMA foreign_keys = ON");
	if (rc == GLOSS_OK)
		rc = store_schema_check(st, true);
	return rc;
}

static enum gloss_status
open_at(struct store *st, unsigned flags)
{
	struct store_access a;
	const char *refusal;
	enum gloss_status rc;
	char *dir;

	probe_access(st->path, &a);
	if (!a.exists) {
		if (!(flags & STORE_CREATE))
			return open_empty(st);
		dir = dir_of(st->path);
		rc = make_dirs(dir);
		free(dir);
		if (rc != GLOSS_OK)
			return rc;
		probe_access(st->path, &a);
		if ((refusal = store_access_refusal(&a)) != NULL)
			return error_set(GLOSS_EREADONLY, "cannot create database %s: %s", st->path, refusal);
		return open_file(st, &a);
	}
	if ((rc = check_header(st->path)) != GLOSS_OK)
		return rc;
	if ((refusal = store_access_refusal(&a)) != NULL)
		return open_copy(st, &a, refusal);
	return open_file(st, &a);
}

enum gloss_status
store_open(const char *path, unsigned flags, struct store **out)
{
	struct store *st = xcalloc(1, sizeof *st);
	enum gloss_status rc;

	st->path = path ? xstrdup(path) : store_default_path();
	st->flags = flags;
	st->busy_ms = store_busy_default();
	st->waited_ms = -1;
	rc = open_at(st, flags);
	if (rc != GLOSS_OK) {
		store_close(st);
		*out = NULL;
		return rc;
	}
	if (flags & STORE_KEYS)
		store_set_busy_timeout(st, STORE_KEY_WAIT_MS);
	/* the baseline of store_changed_elsewhere() is the opening: a commit
	 * another gloss makes before the first poll is a change too */
	(void)store_changed_elsewhere(st);
	*out = st;
	return GLOSS_OK;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_check_free(st);
	finalize_all(st);
	if (st->db) {
		rollback(st);
		sqlite3_close(st->db);
	}
	free(st->path);
	free(st->readonly_reason);
	free(st->damaged);
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

bool
store_readonly(const struct store *st)
{
	return st->readonly;
}

const char *
store_readonly_reason(const struct store *st)
{
	return st->readonly ? st->readonly_reason : NULL;
}

bool
store_readonly_transient(const struct store *st)
{
	return st->readonly && st->transient;
}

bool
store_nowait(const struct store *st)
{
	return (st->flags & STORE_NOWAIT) != 0;
}

bool
store_wal(const struct store *st)
{
	return st->wal;
}

void
store_set_busy_timeout(struct store *st, int ms)
{
	st->busy_ms = ms;
}

int
store_busy_timeout(const struct store *st)
{
	return st->busy_ms;
}

enum gloss_status
store_data_version(struct store *st, int64_t *version)
{
	sqlite3_stmt *s = store_stmt(st, "PRAGMA data_version");
	int rc;

	if (s == NULL)
		return st->err;
	rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? GLOSS_OK : store_fail(st, rc, "checking for changes");
}

bool
store_poll_due(struct store *st, unsigned interval_ms)
{
	uint64_t now = monotime_ms();

	if (st->polled && now - st->polled_ms < interval_ms)
		return false;
	st->polled_ms = now;
	return true;
}

bool
store_changed_elsewhere(struct store *st)
{
	int64_t version;
	bool changed;

	if (store_data_version(st, &version) != GLOSS_OK)
		return false;
	changed = st->polled && version != st->seen_version;
	st->seen_version = version;
	st->polled = true;
	return changed;
}

int
store_schema_version(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, "PRAGMA user_version");
	int v = -1;

	if (s && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	if (s)
		sqlite3_reset(s);
	return v;
}
