/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_draft — note and tag drafts in files: where they go, the fallback
 * when the first directory cannot be written, the newest one wins, and
 * dropping removes every copy.
 */
#include "gloss/gloss.h"

#include <sys/stat.h>
#include <unistd.h>

#include "gloss/draft.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

/* chmod of dir, dir/gloss and dir/gloss/drafts. */
static void
chmod_tree(const char *dir, mode_t mode)
{
	char *gloss = xasprintf("%s/gloss", dir), *drafts = xasprintf("%s/gloss/drafts", dir);

	chmod(dir, mode);
	chmod(gloss, mode);
	chmod(drafts, mode);
	free(gloss);
	free(drafts);
}

int
main(void)
{
	char tmpl[] = "/tmp/gloss-draft.XXXXXX";
	char *dir = mkdtemp(tmpl), *state, *runtime, *plain, *got, *cmd;
	FILE *f;
	const char *where = NULL;
	const char *db = "/data/gloss.db";

	if (dir == NULL)
		return 1;
	state = xasprintf("%s/state", dir);
	runtime = xasprintf("%s/run", dir);
	setenv("XDG_STATE_HOME", state, 1);
	setenv("XDG_RUNTIME_DIR", runtime, 1);
	setenv("TMPDIR", dir, 1);

	ok(draft_get(db, 7, DRAFT_NOTE) == NULL, "none: NULL");
	is_int(draft_save(db, 7, DRAFT_NOTE, "первый черновик", &where), GLOSS_OK, "save");
	ok(where && strncmp(where, state, strlen(state)) == 0, "save: in $XDG_STATE_HOME (%s)", where);
	got = draft_get(db, 7, DRAFT_NOTE);
	is_str(got, "первый черновик", "get: the text");
	free(got);
	ok(draft_get(db, 7, DRAFT_TAGS) == NULL, "kinds are apart");
	ok(draft_get("/other.db", 7, DRAFT_NOTE) == NULL, "databases are apart");

	/* the state directory cannot be written: the next one takes the draft */
	chmod_tree(state, 0500);
	if (access(state, W_OK) == 0) {
		ok(1, "# SKIP running as root: permissions do not stop writes");
		ok(1, "# SKIP");
		ok(1, "# SKIP");
	} else {
		is_int(draft_save(db, 7, DRAFT_NOTE, "второй", &where), GLOSS_OK, "fallback: saved");
		ok(where && strncmp(where, runtime, strlen(runtime)) == 0, "fallback: in $XDG_RUNTIME_DIR (%s)",
		    where);
		got = draft_get(db, 7, DRAFT_NOTE);
		is_str(got, "второй", "fallback: the newest draft wins");
		free(got);
	}
	chmod_tree(state, 0700);

	/* a state "directory" that is a file: the fallback, whoever runs the test */
	plain = xasprintf("%s/plain-file", dir);
	setenv("XDG_STATE_HOME", plain, 1);
	if ((f = fopen(plain, "w")) != NULL)
		fclose(f);
	is_int(draft_save(db, 8, DRAFT_TAGS, "war, peace", &where), GLOSS_OK, "not a directory: saved");
	ok(where && strncmp(where, runtime, strlen(runtime)) == 0, "not a directory: in $XDG_RUNTIME_DIR");
	got = draft_get(db, 8, DRAFT_TAGS);
	is_str(got, "war, peace", "not a directory: read back");
	free(got);

	setenv("XDG_STATE_HOME", state, 1);
	draft_drop(db, 7, DRAFT_NOTE);
	draft_drop(db, 8, DRAFT_TAGS);
	ok(draft_get(db, 7, DRAFT_NOTE) == NULL && draft_get(db, 8, DRAFT_TAGS) == NULL,
	    "drop: every copy is gone");
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		perror("rm");
	free(cmd);
	free(state);
	free(runtime);
	free(plain);
	return tap_done();
}
