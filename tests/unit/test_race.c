/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_race — several processes annotating documents new to the store at
 * once (issue: "UNIQUE constraint failed: documents.sha256").  Four
 * processes, each with its own connection, make the first annotations of
 * the same 250 new documents: half of the documents were attached before
 * any of them was annotated (a reader that opened them earlier: the store
 * said "not there"), half just before (as `gloss annotate` does).  Every
 * one of the 1,000 annotations must be stored, on 250 documents, with no
 * error, and the database must pass integrity_check.
 */
#include "gloss/gloss.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gloss/annot.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

#define PROCS 4
#define DOCS 250

static char tmpdir[] = "/tmp/gloss-race.XXXXXX";

static char *
file_of(int k)
{
	return xasprintf("%s/doc%03d.txt", tmpdir, k);
}

static void
write_docs(void)
{
	for (int k = 0; k < DOCS; k++) {
		char *path = file_of(k);
		FILE *f = fopen(path, "w");

		fprintf(f, "Document %d\n\nalpha beta gamma delta, the words of document number %d.\n", k, k);
		fclose(f);
		free(path);
	}
}

static struct doc *
open_doc(int k)
{
	struct doc_options o = { .force = false, .format = -1, .tab_width = 8 };
	struct doc *d = NULL;
	char *path = file_of(k);

	doc_open(path, &o, &d);
	free(path);
	return d;
}

/* Child c highlights word c of the second paragraph of every document; returns the failures. */
static int
child(const char *db, int c, int go)
{
	static const char *const words[PROCS] = { "alpha", "beta", "gamma", "delta" };
	struct store *st;
	struct doc *docs[DOCS];
	struct annot_doc *ads[DOCS] = { 0 };
	int failures = 0;
	char byte;

	if (store_open(db, STORE_CREATE, &st) != GLOSS_OK)
		return DOCS;
	for (int k = 0; k < DOCS; k++) {
		docs[k] = open_doc(k);
		if (k % 2 == 0)
			annot_attach(st, docs[k], ANNOT_NOW, &ads[k]);	/* early: "not in the store" */
	}
	if (read(go, &byte, 1) != 1)
		return DOCS;
	for (int k = 0; k < DOCS; k++) {
		struct strbuf t = STRBUF_INIT;
		const char *at;
		int64_t id;
		enum gloss_status rc = ads[k] ? GLOSS_OK : annot_attach(st, docs[k], ANNOT_NOW, &ads[k]);

		doc_measure_all(docs[k]);
		doc_text_range(docs[k], 0, doc_text_length(docs[k]), &t);
		at = strstr(strbuf_str(&t), words[c]);
		if (rc == GLOSS_OK)
			rc = annot_add(ads[k], (uint64_t)(at - t.buf), (uint64_t)(at - t.buf) + strlen(words[c]),
			    STORE_YELLOW, NULL, NULL, 0, &id);
		if (rc != GLOSS_OK) {
			fprintf(stderr, "# process %d, document %d: %s\n", c, k, error_last(rc));
			failures++;
		}
		strbuf_done(&t);
		annot_detach(ads[k]);
		doc_free(docs[k]);
	}
	store_close(st);
	return failures;
}

static char *
query(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	struct strbuf out = STRBUF_INIT;

	sqlite3_open(db, &h);
	if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW)
			strbuf_addf(&out, "%s%s", out.len ? "," : "", (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(h);
	return strbuf_detach(&out, NULL);
}

int
main(void)
{
	char *db, *got;
	int go[2], failures = 0;
	pid_t pids[PROCS];

	if (mkdtemp(tmpdir) == NULL || pipe(go) != 0)
		return 1;
	db = xasprintf("%s/gloss.db", tmpdir);
	write_docs();
	for (int c = 0; c < PROCS; c++) {
		if ((pids[c] = fork()) == 0) {
			int n;

			close(go[1]);
			n = child(db, c, go[0]);
			_exit(n > 100 ? 100 : n);
		}
	}
	close(go[0]);
	sleep(1);			/* let every process attach its early documents */
	for (int c = 0; c < PROCS; c++)
		if (write(go[1], "g", 1) != 1)
			return 1;
	close(go[1]);
	for (int c = 0; c < PROCS; c++) {
		int status = 0;

		waitpid(pids[c], &status, 0);
		failures += WIFEXITED(status) ? WEXITSTATUS(status) : 100;
	}
	is_int(failures, 0, "race: no process failed to annotate (%d processes, %d new documents each)",
	    PROCS, DOCS);
	got = query(db, "SELECT count(*) FROM annotations");
	is_str(got, "1000", "race: every annotation is stored");
	free(got);
	got = query(db, "SELECT count(*) FROM documents");
	is_str(got, "250", "race: one document row each");
	free(got);
	got = query(db, "SELECT count(DISTINCT sha256) FROM documents");
	is_str(got, "250", "race: every row has its own content hash");
	free(got);
	got = query(db, "SELECT min(n) || '-' || max(n) FROM (SELECT count(*) AS n FROM annotations "
	    "GROUP BY doc_id)");
	is_str(got, "4-4", "race: four annotations on every document");
	free(got);
	got = query(db, "PRAGMA integrity_check");
	is_str(got, "ok", "race: integrity_check");
	free(got);
	for (int k = 0; k < DOCS; k++) {
		char *path = file_of(k);

		unlink(path);
		free(path);
	}
	unlink(db);
	got = xasprintf("%s-wal", db);
	unlink(got);
	free(got);
	got = xasprintf("%s-shm", db);
	unlink(got);
	free(got);
	free(db);
	rmdir(tmpdir);
	return tap_done();
}
