/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_xref — cross-document references in the pager: keeping the index
 * of the pager's files up to date and filling the sidebar's Cross-doc tab
 * from it.  The update runs in a thread of its own, started from idle time
 * (never before the first paint), with its own database connection: a long
 * or repetitive document takes as long as it takes without delaying a key.
 * The pager's thread touches the index only once that thread has ended.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>

#include "gloss/cachedb.h"
#include "gloss/file.h"
#include "gloss/sidebar.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "gloss/xref_corpus.h"
#include "pager_int.h"

struct pager_xref {
	struct cachedb *cache;
	struct xref *x;
	char **inputs;		/* the pager's files when the update started */
	size_t ninputs;
	pthread_t thread;
	bool started, joined, failed;
	atomic_bool done, stop;
};

/* The update thread: opens the index, compares the documents, ends. */
static void *
update_thread(void *arg)
{
	struct pager_xref *px = arg;

	/* no index: reading goes on without cross-references */
	px->failed = xref_corpus_update((const char *const *)px->inputs, px->ninputs, &px->stop,
	    &px->cache, &px->x) != GLOSS_OK;
	atomic_store(&px->done, true);
	return NULL;
}

static void
start(struct pager *p)
{
	struct pager_xref *px;
	sigset_t old;

	if (p->xref)
		return;
	px = p->xref = xcalloc(1, sizeof *px);
	px->ninputs = p->npaths;
	px->inputs = xcalloc(p->npaths, sizeof *px->inputs);
	for (size_t i = 0; i < p->npaths; i++)
		px->inputs[i] = xstrdup(p->paths[i]);
	file_block_signals(&old);	/* signals stay with the pager's thread (faults excepted) */
	px->started = pthread_create(&px->thread, NULL, update_thread, px) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!px->started) {
		px->failed = true;
		atomic_store(&px->done, true);
	}
}

/* True once the update has ended (the thread joined). */
static bool
finished(struct pager_xref *px)
{
	if (!atomic_load(&px->done))
		return false;
	if (px->started && !px->joined) {
		pthread_join(px->thread, NULL);
		px->joined = true;
	}
	return true;
}

bool
pager_xref_idle(struct pager *p, unsigned budget_us)
{
	bool was_joined;

	(void)budget_us;
	if (p->empty)
		return false;
	if (p->xref == NULL) {
		start(p);
		return false;
	}
	was_joined = p->xref->joined || !p->xref->started;
	return finished(p->xref) && !was_joined;	/* the update just ended */
}

static void
add_entry(struct pager *p, struct sidebar *sb, const char *self, const struct xref_entry *e)
{
	bool here = strcmp(e->other_path, self) == 0;
	struct strbuf detail = STRBUF_INIT;
	char pct[16];
	char *text;

	snprintf(pct, sizeof pct, "%d%%", (int)(e->similarity * 100.0 + 0.5));
	if (e->url)
		text = xasprintf("same URL in %s: %s", here ? "this document" : e->other_title, e->url);
	else
		text = xasprintf("%s in %s", e->verbatim ? "verbatim" : pct,
		    here ? "this document" : e->other_title);
	/* the popup (o) shows the passage as it reads here */
	doc_text_range(p->doc, e->start, GLOSS_MIN(e->end, e->start + 4000), &detail);
	strbuf_addf(&detail, "\n\n— also in %s", here ? "this document" : e->other_title);
	sidebar_add(sb, SIDEBAR_XREF, &(struct sidebar_entry){
	    .label = e->url ? "URL" : e->verbatim ? "=" : "≈", .text = text, .url = e->url,
	    .detail = strbuf_str(&detail), .places = &e->start, .nplaces = 1,
	    .target = here ? e->other_start : SIDEBAR_NO_TARGET,
	    .other_path = here ? NULL : e->other_path, .other_off = e->other_start });
	strbuf_done(&detail);
	free(text);
}

void
pager_xref_fill(struct pager *p, struct sidebar *sb)
{
	struct pager_xref *px = p->xref;
	struct xref_entry *v = NULL;
	size_t n = 0;
	char *self;

	sidebar_clear(sb, SIDEBAR_XREF);
	if (px == NULL || !finished(px)) {
		sidebar_set_empty_text(sb, SIDEBAR_XREF, "(comparing the corpus…)");
		return;
	}
	if (px->failed) {
		sidebar_set_empty_text(sb, SIDEBAR_XREF, "(no index: cross-references unavailable)");
		return;
	}
	self = xref_corpus_canonical(p->paths[p->cur]);
	if (xref_query(px->x, self, &v, &n) == GLOSS_OK) {
		sidebar_set_empty_text(sb, SIDEBAR_XREF, "(nothing shared with the other documents)");
		for (size_t i = 0; i < n; i++)
			add_entry(p, sb, self, &v[i]);
		xref_entries_free(v, n);
	}
	free(self);
}

void
pager_xref_free(struct pager *p)
{
	struct pager_xref *px = p->xref;

	if (px == NULL)
		return;
	atomic_store(&px->stop, true);	/* ends after the document it is on */
	if (px->started && !px->joined)
		pthread_join(px->thread, NULL);
	for (size_t i = 0; i < px->ninputs; i++)
		free(px->inputs[i]);
	free(px->inputs);
	xref_close(px->x);
	cachedb_close(px->cache);
	free(px);
	p->xref = NULL;
}
