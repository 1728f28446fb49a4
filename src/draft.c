/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * draft — unsaved note and tag edits in files beside, not inside, the
 * annotation database (see include/gloss/draft.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/draft.h"
#include "gloss/file.h"
#include "gloss/fingerprint.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

#define DIRS 3
#define DRAFT_MAX (1 << 20)	/* a draft read back is at most this long */

static const char *const suffix[] = { [DRAFT_NOTE] = "note", [DRAFT_TAGS] = "tags" };

/* The i-th directory for drafts (a new string), or NULL if there is none. */
static char *
dir_at(int i)
{
	const char *s;

	switch (i) {
	case 0:
		if ((s = getenv("XDG_STATE_HOME")) && s[0] == '/')
			return xasprintf("%s/gloss/drafts", s);
		return (s = getenv("HOME")) && s[0] == '/' ? xasprintf("%s/.local/state/gloss/drafts", s) : NULL;
	case 1:
		return (s = getenv("XDG_RUNTIME_DIR")) && s[0] == '/' ? xasprintf("%s/gloss/drafts", s) : NULL;
	default:
		s = getenv("TMPDIR");
		return xasprintf("%s/gloss-drafts-%ld", s && s[0] == '/' ? s : "/tmp", (long)getuid());
	}
}

/* The draft's file name in dir (a new string). */
static char *
file_in(const char *dir, const char *db_path, int64_t id, enum draft_kind kind)
{
	char hex[FINGERPRINT_HEX_LEN + 1];

	fingerprint_sha256(db_path, strlen(db_path), hex);
	return xasprintf("%s/%.16s-%lld.%s", dir, hex, (long long)id, suffix[kind]);
}

/* mkdir -p, mode 0700; the last one must be a directory of ours. */
static bool
make_dir(const char *dir)
{
	char *p = xstrdup(dir);
	struct stat sb;
	bool ok;

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	(void)mkdir(p, 0700);
	ok = lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid();
	free(p);
	return ok;
}

enum gloss_status
draft_save(const char *db_path, int64_t id, enum draft_kind kind, const char *text, const char **where)
{
	static char used[4096];
	enum gloss_status rc = error_set(GLOSS_EIO, "no directory for drafts");

	for (int i = 0; i < DIRS; i++) {
		char *dir = dir_at(i), *path;

		if (dir == NULL)
			continue;
		path = file_in(dir, db_path, id, kind);
		if (make_dir(dir) && (rc = file_write_atomic(path, text, strlen(text), true)) == GLOSS_OK) {
			snprintf(used, sizeof used, "%s", dir);
			if (where)
				*where = used;
		}
		free(path);
		free(dir);
		if (rc == GLOSS_OK)
			return rc;
	}
	return rc;
}

/* Reads a draft file (a new string), or NULL; *mtime gets its time. */
static char *
read_draft(const char *path, struct timespec *mtime)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char buf[8192];
	ssize_t n;
	int fd;

	if (file_open_regular(path, DRAFT_MAX, FILE_NOFOLLOW, &fd, &st) != GLOSS_OK) {
		error_clear();
		return NULL;
	}
	while ((n = read(fd, buf, sizeof buf)) > 0 && sb.len < DRAFT_MAX)
		strbuf_add(&sb, buf, (size_t)n);
	close(fd);
	*mtime = st.st_mtim;
	return strbuf_detach(&sb, NULL);
}

static bool
newer(struct timespec a, struct timespec b)
{
	return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

char *
draft_get(const char *db_path, int64_t id, enum draft_kind kind)
{
	struct timespec best_t = { 0, 0 }, t;
	char *best = NULL;

	for (int i = 0; i < DIRS; i++) {	/* the newest, wherever it was kept */
		char *dir = dir_at(i), *path, *text;

		if (dir == NULL)
			continue;
		path = file_in(dir, db_path, id, kind);
		if ((text = read_draft(path, &t)) != NULL && (best == NULL || newer(t, best_t))) {
			free(best);
			best = text;
			best_t = t;
		} else {
			free(text);
		}
		free(path);
		free(dir);
	}
	return best;
}

void
draft_drop(const char *db_path, int64_t id, enum draft_kind kind)
{
	for (int i = 0; i < DIRS; i++) {
		char *dir = dir_at(i), *path;

		if (dir == NULL)
			continue;
		path = file_in(dir, db_path, id, kind);
		(void)unlink(path);
		free(path);
		free(dir);
	}
}
