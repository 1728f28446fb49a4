/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc_ahead — the last chunks of a large Markdown file parsed on a worker
 * thread while the first screen is drawn (see include/gloss/doc_ahead.h).
 *
 * The thread only calls doc_chunk_parse(), which may run beside the main
 * thread (it reads the source, the loader and the chunk index, writes
 * nothing of the doc); the main thread joins it the first time the doc
 * asks for one of its chunks, or at doc_free(), and adopts what it made.
 * The thread blocks every signal but the faults (file_block_signals), so
 * that the reader's handlers run in the main thread and a file that
 * shrinks under the mapping reads as NUL bytes there too (file.c).
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <signal.h>

#include "gloss/doc_ahead.h"
#include "gloss/file.h"
#include "gloss/xmalloc.h"

#define AHEAD_CHUNKS 3	/* 24 KiB of Markdown: more than a screen of the end */

struct ahead {
	pthread_t th;
	const struct doc *doc;
	uint32_t k[AHEAD_CHUNKS];
	struct doc_chunk *dc[AHEAD_CHUNKS];
	bool joined;
};

static void *
run(void *arg)
{
	struct ahead *a = arg;

	for (int i = 0; i < AHEAD_CHUNKS; i++)
		a->dc[i] = doc_chunk_parse(a->doc, a->k[i]);
	return NULL;
}

/* doc_set_ahead's hook: joins the thread when chunk k is one of its own (or at the end). */
static void
hook(void *arg, struct doc *doc, uint32_t k)
{
	struct ahead *a = arg;
	bool mine = k == UINT32_MAX;

	for (int i = 0; i < AHEAD_CHUNKS; i++)
		mine = mine || a->k[i] == k;
	if (mine && !a->joined) {
		pthread_join(a->th, NULL);
		a->joined = true;
		for (int i = 0; i < AHEAD_CHUNKS; i++) {
			doc_chunk_adopt(doc, a->k[i], a->dc[i]);
			a->dc[i] = NULL;
		}
	}
	if (k == UINT32_MAX) {
		doc_set_ahead(doc, NULL, NULL);
		free(a);
	}
}

void
doc_ahead_start(struct doc *doc)
{
	uint32_t n = doc_chunk_count(doc);
	struct ahead *a;
	sigset_t old;
	int rc;

	if (doc_format(doc) != DOC_FORMAT_MARKDOWN || n < 2 * AHEAD_CHUNKS || doc_source(doc) == NULL)
		return;
	a = xcalloc(1, sizeof *a);
	a->doc = doc;
	for (int i = 0; i < AHEAD_CHUNKS; i++)
		a->k[i] = n - 1 - (uint32_t)i;
	file_block_signals(&old);
	rc = pthread_create(&a->th, NULL, run, a);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		free(a);	/* the chunks are parsed where they are needed */
		return;
	}
	doc_set_ahead(doc, hook, a);
}
