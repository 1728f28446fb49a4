/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_queue — changes made in the reader while another program held the
 * database's lock (see "The queue" in include/gloss/annot.h): kept in
 * order, applied from idle time as soon as the lock is free, without a key
 * ever waiting for it; what is left at exit is tried once more and
 * reported.  Notes waiting here keep their draft file until they are
 * stored (draft.h), so that even a kill loses no note.
 */
#include "gloss/gloss.h"

#include "annot_int.h"
#include "gloss/annot.h"
#include "gloss/draft.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

struct pending {
	struct store *st;
	struct annot_change *c;
};

static struct {
	struct pending *v;
	size_t n, cap;
	char message[512];	/* a dropped change, told once */
	bool told;
} queue = { .told = true };

size_t
annot_pending(void)
{
	return queue.n;
}

const char *
annot_queue_message(void)
{
	if (queue.told)
		return NULL;
	queue.told = true;
	return queue.message;
}

static void
push(struct store *st, const struct annot_change *c)
{
	if (queue.n == queue.cap) {
		queue.cap = queue.cap ? 2 * queue.cap : 8;
		queue.v = xreallocarray(queue.v, queue.cap, sizeof *queue.v);
	}
	queue.v[queue.n++] = (struct pending){ st, annot_change_dup(c) };
}

/* Forgets the oldest entry. */
static void
pop(void)
{
	annot_change_free(queue.v[0].c);
	memmove(queue.v, queue.v + 1, (queue.n - 1) * sizeof *queue.v);
	if (--queue.n == 0) {
		free(queue.v);
		queue.v = NULL;
		queue.cap = 0;
	}
}

enum gloss_status
annot_apply(struct store *st, struct annot_change *c, int64_t *id)
{
	enum gloss_status rc;

	if (queue.n == 0) {
		rc = annot_apply_now(st, c, id);
		if (rc != GLOSS_EBUSY || !store_nowait(st))
			return rc;
	}
	push(st, c);	/* behind the others, so that changes keep their order */
	if (id)
		*id = 0;
	return error_set(GLOSS_EQUEUED, "Kept: the database is locked by another program; saved as "
	    "soon as it is free (%zu waiting)", queue.n);
}

/* Applies the oldest entry, waiting for the lock at most wait_ms; false if it must wait more. */
static bool
apply_oldest(int wait_ms)
{
	struct pending *p = &queue.v[0];
	int busy = store_busy_timeout(p->st);
	enum gloss_status rc;

	store_set_busy_timeout(p->st, wait_ms);
	rc = annot_apply_now(p->st, p->c, NULL);
	store_set_busy_timeout(p->st, busy);
	if (rc == GLOSS_EBUSY)
		return false;
	if (rc == GLOSS_OK && p->c->op == ANNOT_NOTE)
		draft_drop(store_path(p->st), p->c->id, DRAFT_NOTE);
	if (rc != GLOSS_OK) {
		snprintf(queue.message, sizeof queue.message, "A change kept while the database was "
		    "locked could not be saved: %s", error_last(rc));
		queue.told = false;
	}
	pop();
	return true;
}

void
annot_queue_retry(void)
{
	while (queue.n > 0 && apply_oldest(0))
		;
}

/* What a change was, for the exit report. */
static void
describe(const struct annot_change *c, struct strbuf *out)
{
	static const char *const what[] = {
		[ANNOT_ADD] = "a highlight", [ANNOT_REATTACH] = "a re-attachment",
		[ANNOT_DELETE] = "a deletion", [ANNOT_UNDELETE] = "an undo", [ANNOT_NOTE] = "a note",
		[ANNOT_COLOR] = "a colour", [ANNOT_TAGS] = "tags", [ANNOT_POSITION] = "the reading position",
		[ANNOT_MARK] = "a mark",
	};

	strbuf_addf(out, "%s%s", out->len ? ", " : "", what[c->op]);
	if (c->op == ANNOT_ADD && c->quote)
		strbuf_addf(out, " (“%.60s”)", c->quote);
	else if (c->op == ANNOT_NOTE)
		strbuf_adds(out, " (kept as a draft: reopen the note)");
}

size_t
annot_flush(struct store *st, char **report)
{
	struct strbuf sb = STRBUF_INIT;
	size_t left;

	*report = NULL;
	if (queue.n > 0 && apply_oldest(store_busy_timeout(st)))
		annot_queue_retry();	/* the lock is free: the rest at once */
	left = queue.n;
	while (queue.n > 0) {
		describe(queue.v[0].c, &sb);
		pop();
	}
	if (left)
		*report = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return left;
}
