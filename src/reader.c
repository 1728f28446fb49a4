/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * reader — the interactive entry point (see include/gloss/reader.h).
 */
#include "gloss/gloss.h"

#include <signal.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "gloss/annot.h"
#include "gloss/cmd.h"
#include "gloss/settings.h"
#include "gloss/corpus.h"
#include "gloss/display.h"
#include "gloss/doc.h"
#include "gloss/editor.h"
#include "gloss/error.h"
#include "gloss/help.h"
#include "gloss/hyph.h"
#include "gloss/library.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/pager.h"
#include "gloss/popup.h"
#include "gloss/reader.h"
#include "gloss/store.h"
#include "gloss/view.h"
#include "gloss/xmalloc.h"

static void
add_path(char ***v, size_t *n, const char *path)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(path);
}

/* Expands the operands into a list of files; false with a message on error. */
static bool
collect(int argc, char **argv, char ***paths, size_t *n)
{
	*paths = NULL;
	*n = 0;
	if (argc == 0) {
		const char *dir = corpus_dir();

		if (dir == NULL) {
			error_set(GLOSS_ENOENT, "no corpus found (use --corpus DIR or name a FILE)");
			return false;
		}
		*n = corpus_list_dir(dir, paths);
		if (*n == 0) {
			error_set(GLOSS_ENOENT, "%s: no articles (*.txt, *.md)", dir);
			return false;
		}
		return true;
	}
	for (int i = 0; i < argc; i++) {
		char **sub;
		size_t k;

		if (!corpus_is_dir(argv[i])) {
			add_path(paths, n, argv[i]);
			continue;
		}
		k = corpus_list_dir(argv[i], &sub);
		if (k == 0)
			cmd_error("%s: no articles (*.txt, *.md)", argv[i]);
		for (size_t j = 0; j < k; j++) {
			add_path(paths, n, sub[j]);
			free(sub[j]);
		}
		free(sub);
	}
	if (*n == 0) {
		error_set(GLOSS_ENOENT, "nothing to read");
		return false;
	}
	return true;
}

static void
free_paths(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* SIGHUP (the SSH connection dropped) or SIGTERM: end the loop, saving what is open. */
static void
on_hangup(int sig)
{
	(void)sig;
	view_hangup();
	editor_hangup();	/* a note being typed is kept as a draft */
}

static void
catch_hangups(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a blocked read returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/*
 * Opens the annotation store if its file exists; NULL (with *why set) when
 * it cannot be used.  A missing database is created by the pager on the
 * first write, so that reading never waits for it.
 */
static struct store *
open_store(const char *path, char **why)
{
	struct store *st = NULL;
	enum gloss_status rc;

	*why = NULL;
	if (access(path, F_OK) != 0)
		return NULL;
	rc = store_open(path, STORE_CREATE | STORE_NOWAIT | STORE_KEYS | STORE_CHECK_LATER, &st);
	if (rc != GLOSS_OK) {
		*why = xstrdup(error_last(rc));
		st = NULL;
		return NULL;
	}
	if (store_damaged(st)) {
		*why = xstrdup(store_damaged(st));
	} else if (store_readonly(st)) {
		*why = xasprintf("annotations are read-only: %s", store_readonly_reason(st));
	}
	return st;
}

/*
 * Changes kept while another program held the lock get one more chance,
 * waiting the busy timeout; what is still not saved is said on stderr.
 */
static int
flush_changes(struct store *st, int status)
{
	char *report;
	size_t n;

	if (st == NULL || annot_pending() == 0)
		return status;
	store_set_busy_timeout(st, store_busy_default());
	if ((n = annot_flush(st, &report)) == 0)
		return status;
	cmd_error("%zu change%s not saved: database %s is still locked by another program: %s", n,
	    n == 1 ? " was" : "s were", store_path(st), report);
	free(report);
	return 1;
}

/* F without a library (gloss FILE and no corpus directory). */
static void
no_library(void *arg)
{
	(void)arg;
	view_message("No library to search: no corpus directory (use --corpus DIR)");
}

/* The library's directories: the operands when all are directories, the corpus when none. */
static bool
library_dirs(int argc, char **argv, const char **dirs)
{
	if (argc == 0) {
		dirs[0] = corpus_dir();
		return dirs[0] != NULL;
	}
	for (int i = 0; i < argc; i++) {
		if (!corpus_is_dir(argv[i]))
			return false;
		dirs[i] = argv[i];
	}
	return true;
}

/* What the first view needs, opened before the screen is taken (so that errors go to stderr). */
struct start {
	bool lib_mode;		/* the library view, else the pager on paths */
	char **paths;
	size_t n;
	struct doc *doc;
};

/* Opens the library's index or the first file; false (and the exit status in *status) after printing why not. */
static bool
prepare(int argc, char **argv, struct library *lib, struct start *s, int *status)
{
	enum gloss_status rc;

	*status = 1;
	if (s->lib_mode) {
		if (library_catalog(lib) != NULL)
			return true;
		cmd_error("%s", error_last(GLOSS_EDB));
		return false;
	}
	if (!collect(argc, argv, &s->paths, &s->n)) {
		cmd_error("%s", error_last(GLOSS_ENOENT));
		return false;
	}
	rc = doc_open_default(s->paths[0], opt_force, &s->doc);
	if (rc != GLOSS_OK) {
		cmd_error("%s", error_last(rc));
		*status = error_exit_code(rc);
		return false;
	}
	return true;
}

int
reader_main(int argc, char **argv)
{
	const char **dirs;
	struct start s;
	struct library *lib = NULL;
	struct store *st;
	char *why, *db;
	int status;

	xmalloc_heap_huge();	/* before the first screen's allocations */
	dirs = xcalloc((size_t)argc + 1, sizeof *dirs);
	s = (struct start){ .lib_mode = library_dirs(argc, argv, dirs) };
	db = opt_db ? xstrdup(opt_db) : store_default_path();
	st = open_store(db, &why);
	if (s.lib_mode || (dirs[0] = corpus_dir()) != NULL)
		lib = library_new(dirs, s.lib_mode ? (size_t)GLOSS_MAX(argc, 1) : 1, &st,
		    why ? NULL : db);
	free(dirs);
	if (!prepare(argc, argv, lib, &s, &status))
		goto out;
	opt_glyphs = display_locale(opt_ascii_forced);
	if (!display_init(opt_mouse)) {
		cmd_error("%s", error_last(GLOSS_EIO));
		doc_free(s.doc);
		status = 1;
		goto out;
	}
	display_links_enable(opt_glyphs == GLYPH_UTF8 && osc_hyperlinks_enabled(opt_hyperlinks, NULL));
	catch_hangups();
	if (*settings_problem())
		view_message("%s", settings_problem());
	if (*hyph_message())
		view_message("%s", hyph_message());
	view_set_action(ACTION_HELP, help_show, NULL);
	view_set_action(ACTION_MESSAGES, popup_messages, NULL);
	view_set_action(ACTION_FIND, lib ? library_find : no_library, lib);
	view_push(s.lib_mode ? library_view_new(lib) :
	    pager_view_new(s.paths, s.n, 0, s.doc, &st, why ? NULL : db));
	if (why)
		view_message("%s", why);
	status = view_run();
	display_done();
	status = flush_changes(st, status);
out:
	free_paths(s.paths, s.n);
	library_free(lib);
	store_close(st);
	free(db);
	free(why);
	return status;
}
