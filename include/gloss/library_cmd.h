/*
 * library_cmd — the library commands of the command line:
 *
 *   gloss library [--corpus DIR] [DIR...] [--json]
 *       one row per article: path, title, author, date, words, reading
 *       progress (percent, from the store's reading position), highlights;
 *   gloss search [--corpus DIR] [--limit N] QUERY... [--json]
 *       the best full-text hits: path, title, location, snippet.
 *
 * Both bring the index (catalog) up to date first, showing progress on
 * standard error only when it is a terminal and the update takes more
 * than half a second.  Tab-separated lines (control characters made
 * visible) or a JSON array on standard output; "gloss: ..." messages on
 * standard error; exit 0, 1 (runtime error, malformed query) or 2 (usage).
 *
 * library_cmd_progress() and library_cmd_highlights() are what the store
 * knows of an article, shared with the library view.
 */
#ifndef GLOSS_LIBRARY_CMD_H
#define GLOSS_LIBRARY_CMD_H

#include "gloss/gloss.h"
#include "gloss/catalog.h"
#include "gloss/store.h"

int library_main(int argc, char **argv);
int search_main(int argc, char **argv);

/* What the store knows of an article (st may be NULL). */
struct library_stats {
	int progress;		/* reading position as a percentage of the text, -1 if never read */
	size_t highlights;
	int64_t opened;		/* 0: unknown (not used by the commands) */
};

void library_cmd_stats(struct store *st, const struct catalog_entry *e, struct library_stats *out);

/* The directories to use: dirs given, else the corpus directory.  NULL if none. */
const char *library_cmd_default_dir(void);

/* Opens the index and the catalog of dirs (store may be NULL); prints errors. */
enum gloss_status library_cmd_open(const char *const *dirs, size_t ndirs, struct store *st,
    struct cachedb **db, struct catalog **cat);

#endif
