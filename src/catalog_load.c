/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_load — the worker threads of an index update: they read the
 * files of the todo list ahead of the writer (open, parse, fold, hash,
 * metadata: catalog_load_file(), which touches neither the catalog nor
 * the database) into a bounded ring of slots, and the thread that owns
 * the SQLite connection takes the results in the list's order.
 *
 * Sharing: the todo list is read-only while workers run (todo_clear()
 * stops them first); the ring, the next job and the count taken are under
 * the pipe's mutex; a slot's result belongs to the worker that fills it
 * until it is marked ready, then to the writer.  What the workers call is
 * safe to run concurrently: the document model and parsers keep their
 * state per document, cmark-gfm runs one document at a time
 * (markdown.c), fold's cache fills pages under a lock, error messages are
 * per thread, and the tokenizer's table is filled once (pthread_once).
 * Workers block every signal, so a reader's handlers run in its own thread.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "catalog_int.h"
#include "gloss/file.h"
#include "gloss/xmalloc.h"

/*
 * Files read ahead of the writer, at most: enough that the workers go on
 * while the writer commits or FTS5 merges, and while one of them reads a
 * large file that the writer waits for (on the 10,000-article bench, with
 * 32 the writer waited 1.3-1.6 s of the build for the workers, with 256
 * 0.1-0.5 s).
 */
#define PIPE_SLOTS 256
/* and at most this many source bytes of them (one file however large): memory stays bounded */
#define PIPE_AHEAD_BYTES (64u << 20)
#define PIPE_THREADS_MAX 8

struct pipe_slot {
	bool ready;
	struct catalog_loaded l;
};

struct catalog_pipe {
	const struct catalog_todo *todo;
	size_t ntodo;
	size_t next;		/* the next job a worker takes */
	size_t taken;		/* results the writer has taken */
	uint64_t ahead;		/* the source bytes of the jobs taken..next */
	bool stop;
	struct pipe_slot slots[PIPE_SLOTS];
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t th[PIPE_THREADS_MAX];
	int nthreads;
};

/* Whether a worker must wait for the writer before it takes the next job. */
static bool
ring_full(const struct catalog_pipe *p)
{
	return p->next >= p->taken + PIPE_SLOTS || (p->next > p->taken && p->ahead > PIPE_AHEAD_BYTES);
}

static void *
worker(void *arg)
{
	struct catalog_pipe *p = arg;

	for (;;) {
		struct catalog_loaded l;
		size_t k;

		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next < p->ntodo && ring_full(p))
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop || p->next >= p->ntodo) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		k = p->next++;
		p->ahead += p->todo[k].key.size;
		pthread_mutex_unlock(&p->mu);
		catalog_load_file(&p->todo[k], &l);
		pthread_mutex_lock(&p->mu);
		p->slots[k % PIPE_SLOTS].l = l;
		p->slots[k % PIPE_SLOTS].ready = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/*
 * Workers for n files: $GLOSS_THREADS (0: none), else one more than the
 * processors if there are two or more (the writer waits on SQLite's I/O
 * and the queue; on 2 CPUs three workers build about 8 % faster than two).
 */
static int
thread_count(size_t n)
{
	const char *env = getenv("GLOSS_THREADS");
	long t = env && *env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 2 || t < 1 || (!(env && *env) && t < 2))
		return 0;
	if (!(env && *env))
		t++;
	return (int)GLOSS_MIN(t, (long)PIPE_THREADS_MAX);
}

void
catalog_pipe_start(struct catalog *c)
{
	int n = thread_count(c->ntodo - c->next);
	struct catalog_pipe *p;
	sigset_t old;

	if (n == 0 || c->pipe)
		return;
	p = xcalloc(1, sizeof *p);
	p->todo = c->todo;
	p->ntodo = c->ntodo;
	p->next = p->taken = c->next;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	/* signals (a resize, a hang-up) go to the thread that handles them, not to a worker */
	file_block_signals(&old);	/* but the faults: a shrinking file (file_map) */
	for (int i = 0; i < n; i++)
		if (pthread_create(&p->th[p->nthreads], NULL, worker, p) == 0)
			p->nthreads++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	c->pipe = p;
	if (p->nthreads == 0)	/* no threads to be had: read in the writer */
		catalog_pipe_stop(c);
}

void
catalog_pipe_take(struct catalog_pipe *p, size_t k, struct catalog_loaded *out)
{
	struct pipe_slot *s = &p->slots[k % PIPE_SLOTS];

	pthread_mutex_lock(&p->mu);
	while (!s->ready)
		pthread_cond_wait(&p->cv, &p->mu);
	*out = s->l;
	s->ready = false;
	p->taken = k + 1;
	p->ahead -= p->todo[k].key.size;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void
catalog_pipe_stop(struct catalog *c)
{
	struct catalog_pipe *p = c->pipe;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->th[i], NULL);
	for (size_t i = 0; i < PIPE_SLOTS; i++)
		if (p->slots[i].ready)
			catalog_loaded_done(&p->slots[i].l);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
	c->pipe = NULL;
}
