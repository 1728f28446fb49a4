/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * boiler — folding furniture runs and duplicate captions of a plain-text
 * document (see include/gloss/boiler.h).  Owns the on/off switch and the
 * set of folds the reader opened; everything else is read from the block
 * flags, within one chunk.  A furniture block alone (no furniture right
 * before or after it) is no run: one fold row would take its place and
 * save nothing, so it shows as it is (dim, as present draws furniture).
 */
#include "gloss/gloss.h"

#include "gloss/boiler.h"
#include "gloss/xmalloc.h"

struct boiler {
	struct doc *doc;
	bool foldable;		/* a plain-text document */
	bool on;
	struct doc_loc *open;	/* heads of the runs (and duplicates) the reader opened */
	size_t nopen, capopen;
};

struct boiler *
boiler_new(struct doc *doc, bool on)
{
	struct boiler *bo = xcalloc(1, sizeof *bo);

	bo->doc = doc;
	bo->foldable = doc_format(doc) == DOC_FORMAT_TEXT;
	bo->on = on && bo->foldable;
	return bo;
}

void
boiler_free(struct boiler *bo)
{
	if (bo == NULL)
		return;
	free(bo->open);
	free(bo);
}

bool
boiler_on(const struct boiler *bo)
{
	return bo->on;
}

bool
boiler_set_on(struct boiler *bo, bool on)
{
	if (!bo->foldable)
		return false;
	if (on && !bo->on)
		bo->nopen = 0;	/* folding again closes every fold */
	bo->on = on;
	return true;
}

static unsigned
flags_at(struct boiler *bo, struct doc_loc loc)
{
	struct doc_block *b = doc_block(bo->doc, loc);

	return b ? b->flags : 0;
}

static bool
furniture_at(struct boiler *bo, struct doc_loc loc)
{
	return (flags_at(bo, loc) & DOC_BLOCK_FURNITURE) != 0;
}

/* The first block of the furniture run holding loc (within its chunk). */
static struct doc_loc
run_head(struct boiler *bo, struct doc_loc loc)
{
	while (loc.block > 0 && furniture_at(bo, (struct doc_loc){ loc.chunk, loc.block - 1 }))
		loc.block--;
	return loc;
}

/* A furniture block alone in its chunk's run: its fold row would save no row, so it shows. */
static bool
alone(struct boiler *bo, struct doc_loc loc)
{
	return (loc.block == 0 || !furniture_at(bo, (struct doc_loc){ loc.chunk, loc.block - 1 })) &&
	    !furniture_at(bo, (struct doc_loc){ loc.chunk, loc.block + 1 });
}

static ptrdiff_t
find_open(const struct boiler *bo, struct doc_loc head)
{
	for (size_t i = 0; i < bo->nopen; i++)
		if (doc_loc_cmp(bo->open[i], head) == 0)
			return (ptrdiff_t)i;
	return -1;
}

enum boiler_state
boiler_state(struct boiler *bo, struct doc_loc loc)
{
	unsigned flags;
	struct doc_loc head;

	if (!bo->on)
		return BOILER_SHOWN;
	flags = flags_at(bo, loc);
	if (flags & DOC_BLOCK_FURNITURE) {
		head = run_head(bo, loc);
		if (find_open(bo, head) >= 0 || alone(bo, loc))
			return BOILER_SHOWN;
		return doc_loc_cmp(head, loc) == 0 ? BOILER_FOLDED : BOILER_HIDDEN;
	}
	if ((flags & DOC_BLOCK_DUPLICATE) && find_open(bo, loc) < 0)
		return BOILER_HIDDEN;
	return BOILER_SHOWN;
}

bool
boiler_run(struct boiler *bo, struct doc_loc loc, struct doc_loc *head, uint32_t *count)
{
	unsigned flags;
	struct doc_loc at;

	if (!bo->on)
		return false;
	flags = flags_at(bo, loc);
	if ((flags & DOC_BLOCK_FURNITURE) && !alone(bo, loc)) {
		*head = at = run_head(bo, loc);
		*count = 0;
		while (furniture_at(bo, at)) {	/* NULL beyond the chunk: no flags */
			(*count)++;
			at.block++;
		}
		return true;
	}
	if (flags & DOC_BLOCK_DUPLICATE) {
		*head = loc;
		*count = 1;
		return true;
	}
	return false;
}

static void
set_open(struct boiler *bo, struct doc_loc head, bool open)
{
	ptrdiff_t i = find_open(bo, head);

	if (open && i < 0) {
		if (bo->nopen == bo->capopen) {
			bo->capopen = bo->capopen ? 2 * bo->capopen : 8;
			bo->open = xreallocarray(bo->open, bo->capopen, sizeof *bo->open);
		}
		bo->open[bo->nopen++] = head;
	} else if (!open && i >= 0) {
		bo->open[i] = bo->open[--bo->nopen];
	}
}

bool
boiler_toggle(struct boiler *bo, struct doc_loc loc)
{
	struct doc_loc head;
	uint32_t count;

	if (!boiler_run(bo, loc, &head, &count))
		return false;
	set_open(bo, head, find_open(bo, head) < 0);
	return true;
}

bool
boiler_reveal(struct boiler *bo, struct doc_loc loc)
{
	struct doc_loc head;
	uint32_t count;

	if (boiler_state(bo, loc) == BOILER_SHOWN || !boiler_run(bo, loc, &head, &count))
		return false;
	set_open(bo, head, true);
	return true;
}

/* The last block of the folded run or duplicate at loc (loc itself otherwise). */
static struct doc_loc
fold_end(struct boiler *bo, struct doc_loc loc)
{
	struct doc_loc head;
	uint32_t count;

	if (boiler_state(bo, loc) == BOILER_SHOWN || !boiler_run(bo, loc, &head, &count))
		return loc;
	head.block += count - 1;
	return head;
}

bool
boiler_next(struct boiler *bo, struct doc_loc *loc)
{
	struct doc_loc at = fold_end(bo, *loc);

	do {
		if (!doc_next(bo->doc, &at))
			return false;
		if (boiler_state(bo, at) == BOILER_HIDDEN)
			at = fold_end(bo, at);
		else
			break;
	} while (true);
	*loc = at;
	return true;
}

bool
boiler_prev(struct boiler *bo, struct doc_loc *loc)
{
	struct doc_loc at = *loc;

	for (;;) {
		if (!doc_prev(bo->doc, &at))
			return false;
		if (boiler_state(bo, at) != BOILER_HIDDEN)
			break;
		if (furniture_at(bo, at)) {
			at = run_head(bo, at);	/* the head shows the fold row */
			break;
		}
	}
	*loc = at;
	return true;
}

bool
boiler_last(struct boiler *bo, struct doc_loc *loc)
{
	struct doc_loc at;

	if (!doc_last(bo->doc, &at))
		return false;
	if (boiler_state(bo, at) == BOILER_HIDDEN) {
		if (furniture_at(bo, at))
			at = run_head(bo, at);
		else if (!boiler_prev(bo, &at))
			return false;
	}
	*loc = at;
	return true;
}

void
boiler_visible(struct boiler *bo, struct doc_loc *loc)
{
	if (boiler_state(bo, *loc) != BOILER_HIDDEN)
		return;
	if (furniture_at(bo, *loc))
		*loc = run_head(bo, *loc);
	else if (!boiler_next(bo, loc))
		boiler_prev(bo, loc);
}
