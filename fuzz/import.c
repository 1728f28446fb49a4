/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * import — fuzzes `gloss import` (import_json): W3C Web Annotation and
 * Hypothesis JSON into a store in a temporary directory that holds two
 * small documents (a.txt, b.md) for relative and file: sources.  The
 * counts add up (imported = anchored + moved + orphaned), nothing is
 * imported when the call fails or --strict rejected one, and the database
 * passes its quick_check each time it is opened again.
 */
#include "gloss/gloss.h"

#include <unistd.h>

#include "gloss/import.h"
#include "gloss/store.h"
#include "gloss/xmalloc.h"
#include "fuzz.h"

static char dir[] = "/tmp/gloss-fuzz-import.XXXXXX";
static struct store *st;
static unsigned runs;

static void
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	fuzz_assert(f != NULL, "the temporary directory is writable");
	fputs(text, f);
	fclose(f);
	free(path);
}

static void
cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	store_close(st);
	st = NULL;
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

/* A fresh store every 256 runs, so that it stays small and runs stay fast. */
static void
open_store(void)
{
	char *db;

	if (st && runs % 256 != 0)
		return;
	fuzz_assert(st == NULL || store_damaged(st) == NULL, "the store is not damaged");
	if (st == NULL && dir[sizeof dir - 2] == 'X') {
		fuzz_assert(mkdtemp(dir) != NULL, "mkdtemp");
		write_file("a.txt", "Trade continued through the winter.\n\nMinsk said so on Tuesday.\n");
		write_file("b.md", "# Title\n\nA paragraph with a [link](https://example.org) and a note.[^1]\n\n"
		    "[^1]: The note.\n");
		atexit(cleanup);
	}
	store_close(st);
	db = xasprintf("%s/gloss.db", dir);
	unlink(db);
	fuzz_assert(store_open(db, STORE_CREATE, &st) == GLOSS_OK, "a new store opens");
	fuzz_assert(store_damaged(st) == NULL, "and passes its check");
	free(db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options o = { .base_dir = NULL, .strict = size > 0 && (data[0] & 1) };
	struct import_counts c = { 0 };
	enum gloss_status rc;

	open_store();
	runs++;
	o.base_dir = dir;
	rc = import_json(st, (const char *)data, size, &o, &c);
	fuzz_assert(c.imported == c.anchored + c.moved + c.orphaned, "imported = anchored + moved + orphaned");
	fuzz_assert(rc == GLOSS_OK || c.imported == 0, "a failed import imports nothing");
	fuzz_assert(!o.strict || c.rejected == 0 || c.imported == 0, "--strict: a rejection imports nothing");
	return 0;
}
