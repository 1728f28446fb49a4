/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_load — reading a document's first chunk.  A first chunk of at most
 * LOAD_INLINE_MAX source bytes (64 KiB of text, 8 KiB of Markdown, a small
 * file) is read at once: a thread would cost the first screen more than
 * the parse (its stack and its own malloc arena are fresh pages).  A larger
 * one (a Markdown file parsed whole, a paragraph of megabytes) is read in
 * a worker thread, while the main thread says
 * "Reading FILE… N %" in the status line and answers q, Q and ^C.  The
 * worker touches only the document (no curses, no view): the parse, then
 * the title (meta_title); the main thread touches neither until it has
 * joined the worker.  cmark-gfm's last step cannot be stopped, so a quit
 * asked for while it runs restores the terminal and ends the process at
 * once (pager_load_quit_now), leaving the worker to the kernel.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "gloss/doc_build.h"
#include "gloss/keymap.h"
#include "gloss/meta.h"
#include "pager_int.h"

#define LOAD_SHOW_MS 200	/* a load that takes longer says how far it got */
#define LOAD_POLL_MS 20		/* keys and the worker are looked at this often after that */
#define LOAD_GRACE_MS 100	/* after q, the worker's chance to stop by itself */
#define LOAD_INLINE_MAX (256u << 10)	/* a first chunk up to this size is parsed without a thread */
#define KEY_CTRL_C 3

struct load {
	struct doc *doc;	/* the worker's until joined */
	char *title;		/* the worker's result, the main thread's once joined */
	atomic_int permille;	/* how far the worker got */
	atomic_bool cancel;	/* set by the main thread: stop between two pieces */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool done;		/* under lock: the worker has finished */
};

/* In the worker: the parse's progress; false asks the loader to stop. */
static bool
worker_progress(void *arg, double f)
{
	struct load *l = arg;

	atomic_store(&l->permille, (int)(f * 1000));
	return !atomic_load(&l->cancel);
}

static void *
worker(void *arg)
{
	struct load *l = arg;
	struct doc_loc first;

	doc_build_set_progress(worker_progress, l);	/* thread-local */
	doc_first(l->doc, &first);
	if (!atomic_load(&l->cancel))
		l->title = meta_title(l->doc);
	doc_build_set_progress(NULL, NULL);
	pthread_mutex_lock(&l->lock);
	l->done = true;
	pthread_cond_signal(&l->cond);
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* Waits up to ms for the worker to finish; true when it has. */
static bool
wait_done(struct load *l, unsigned ms)
{
	struct timespec until;
	bool done;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&l->lock);
	while (!l->done && pthread_cond_timedwait(&l->cond, &l->lock, &until) == 0)
		;
	done = l->done;
	pthread_mutex_unlock(&l->lock);
	return done;
}

static bool
is_quit(const struct key *k)
{
	return (!k->fn && k->code == KEY_CTRL_C) || keymap_lookup(k, KEYMAP_NORMAL) == ACTION_QUIT;
}

/*
 * The main thread's side: progress and keys until the worker is done or
 * the reader quits.  Other keys are dropped (they would act on a text not
 * yet shown).  True: q was pressed.
 */
static bool
watch(struct load *l, const char *name)
{
	struct key k;

	if (wait_done(l, LOAD_SHOW_MS))
		return false;
	for (;;) {
		int pm = atomic_load(&l->permille);

		view_status_now("Reading %s… %d %%  (q quits)", name, pm / 10);
		if (display_getkey(&k, LOAD_POLL_MS) && is_quit(&k))
			return true;
		if (wait_done(l, 0))
			return false;
	}
}

/* Restores the terminal and ends the process while the worker still parses. */
static _Noreturn void
quit_now(void)
{
	display_done();
	fflush(NULL);
	_exit(0);
}

/* True when the first chunk has at most LOAD_INLINE_MAX source bytes (its end is found by memchr). */
static bool
first_is_small(struct doc *doc)
{
	uint64_t a, z;

	return !doc_chunk_source(doc, 0, &a, &z) || z - a <= LOAD_INLINE_MAX;
}

bool
pager_load(struct doc *doc, char **title)
{
	struct load l = { .doc = doc };
	pthread_t t;
	bool quit;

	*title = NULL;
	pthread_mutex_init(&l.lock, NULL);
	pthread_cond_init(&l.cond, NULL);
	if (first_is_small(doc) || pthread_create(&t, NULL, worker, &l) != 0) {
		worker(&l);	/* read here, without progress */
		quit = false;
	} else {
		quit = watch(&l, doc_path(doc));
		if (quit) {
			atomic_store(&l.cancel, true);
			/* changes not yet saved (a store locked by another program) wait for the end */
			if (!wait_done(&l, LOAD_GRACE_MS) && annot_pending() == 0)
				quit_now();
		}
		pthread_join(t, NULL);
	}
	pthread_cond_destroy(&l.cond);
	pthread_mutex_destroy(&l.lock);
	*title = l.title;
	return !quit;
}
