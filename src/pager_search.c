/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_search — the pager's searches: the prompt, searching the document
 * with progress and cancelling, moving to the match, wrapping around; the
 * match counter ("3/17") filled in idle time; incremental search
 * (--incsearch: each edit of the pattern shows its first match from where
 * the search started).  Its state beyond the current match is its own
 * (struct pager_search_state).
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/display.h"
#include "gloss/layout.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/pager.h"
#include "gloss/present.h"
#include "gloss/prompt.h"
#include "gloss/search.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

/* ------------------------------------------------------------------ */
/* The match counter */

struct pager_search_state {
	struct search *search;		/* the last search, or NULL */
	bool backward, show_matches;
	bool has_match;			/* the current match: match in block match_loc */
	struct doc_loc match_loc;
	struct search_match match;
	struct search_count *count;	/* of search in p->doc, or NULL */
	bool index_valid;		/* index is that of (index_loc, index_start) */
	struct doc_loc index_loc;
	uint32_t index_start;
	uint64_t index, index_total;
};

static struct pager_search_state *
state(struct pager *p)
{
	return p->srch;
}

void
pager_search_init(struct pager *p)
{
	p->srch = xcalloc(1, sizeof(*p->srch));
}

struct search *
pager_search_shown(struct pager *p)
{
	return p->srch->show_matches ? p->srch->search : NULL;
}

bool
pager_search_current(const struct pager *p, struct doc_loc *loc, struct search_match *m)
{
	if (p->srch->has_match) {
		*loc = p->srch->match_loc;
		*m = p->srch->match;
	}
	return p->srch->has_match;
}

void
pager_search_reset(struct pager *p)
{
	struct pager_search_state *st = state(p);

	search_count_free(st->count);
	st->count = NULL;
	st->index_valid = false;
}

bool
pager_search_match_range(struct pager *p, uint64_t *start, uint64_t *end)
{
	uint64_t base;

	if (!p->srch->has_match || !p->srch->show_matches || !doc_block_offset(p->doc, p->srch->match_loc, &base))
		return false;
	*start = base + p->srch->match.start;
	*end = base + p->srch->match.end;
	return true;
}

bool
pager_search_match_block(const struct pager *p, struct doc_loc *loc)
{
	if (!p->srch->has_match || !p->srch->show_matches)
		return false;
	*loc = p->srch->match_loc;
	return true;
}

void
pager_search_forget_match(struct pager *p, bool hide)
{
	p->srch->has_match = false;
	if (hide)
		p->srch->show_matches = false;
}

void
pager_search_free(struct pager *p)
{
	if (p->srch) {
		search_count_free(p->srch->count);
		search_free(p->srch->search);
	}
	free(p->srch);
	p->srch = NULL;
}

bool
pager_search_idle(struct pager *p, unsigned budget_us)
{
	struct pager_search_state *st = state(p);

	if (p->srch->search == NULL || !p->srch->show_matches || p->empty)
		return false;
	if (st->count == NULL)
		st->count = search_count_new(p->srch->search, p->doc);
	return search_count_step(st->count, budget_us);
}

/* The number of the current match, 0 while unknown (computed again only when something moved). */
static uint64_t
match_index(struct pager *p, uint64_t total)
{
	struct pager_search_state *st = state(p);

	if (!st->index_valid || doc_loc_cmp(st->index_loc, p->srch->match_loc) != 0 ||
	    st->index_start != p->srch->match.start || (st->index == 0 && st->index_total != total)) {
		st->index = search_count_index(st->count, p->srch->match_loc, &p->srch->match);
		st->index_valid = true;
		st->index_loc = p->srch->match_loc;
		st->index_start = p->srch->match.start;
		st->index_total = total;
	}
	return st->index;
}

/* "/pattern  3/17" (… while counting, ? before the count reached the match). */
void
pager_search_status(struct pager *p, struct strbuf *right)
{
	struct pager_search_state *st = state(p);
	uint64_t total, index;
	bool done;

	if (!p->srch->search || !p->srch->show_matches)
		return;
	strbuf_addf(right, "%c%s", p->srch->backward ? '?' : '/', search_pattern(p->srch->search));
	if (st->count) {
		total = search_count_total(st->count, &done);
		if (p->srch->has_match) {
			index = match_index(p, total);
			if (index)
				strbuf_addf(right, "  %llu/", (unsigned long long)index);
			else
				strbuf_adds(right, "  ?/");
		} else {
			strbuf_adds(right, "  ");
		}
		strbuf_addf(right, "%llu%s", (unsigned long long)total, done ? "" : "…");
	}
	strbuf_adds(right, "  ");
}

/* ------------------------------------------------------------------ */
/* Searching */

struct progress {
	uint64_t last;		/* ms, monotonic: when progress was last shown */
};

static bool
search_progress(void *arg, double fraction)
{
	struct progress *pr = arg;
	uint64_t now = monotime_ms();

	if (now - pr->last < 100)
		return true;
	pr->last = now;
	if (display_key_pending()) {
		struct key k;

		display_getkey(&k, 0);
		return false;
	}
	view_status_now("Searching… %d%% (any key stops)", (int)(fraction * 100));
	return true;
}

/* Is the row holding byte off of block loc on screen? */
static bool
on_screen(struct pager *p, struct view *v, struct doc_loc loc, uint32_t off)
{
	struct pos target = pager_pos_of_byte(p, loc, off), bottom = p->top;

	pager_pos_down(p, &bottom, v->rows - 1);
	return pager_pos_cmp(target, p->top) >= 0 && pager_pos_cmp(target, bottom) <= 0;
}

static void
run_search(struct pager *p, struct view *v, bool backward)
{
	struct progress pr;
	struct doc_loc from = p->top.loc, loc;
	struct search_match m;
	bool wrapped;
	uint32_t off;
	enum search_result r;

	if (p->srch->has_match) {
		from = p->srch->match_loc;
		off = backward ? p->srch->match.start : p->srch->match.start + 1;
	} else {
		off = pager_top_anchor(p);	/* from the first line on screen, as less does */
	}
	pr.last = monotime_ms();
	r = search_doc(p->srch->search, p->doc, from, off, backward, search_progress, &pr, &loc, &m,
	    &wrapped);
	p->srch->show_matches = true;
	if (r == SEARCH_CANCELLED) {
		view_message("Search stopped");
		return;
	}
	if (r == SEARCH_NONE) {
		view_message("Pattern not found: %s", search_pattern(p->srch->search));
		p->srch->has_match = false;
		return;
	}
	p->srch->has_match = true;
	p->srch->match_loc = loc;
	p->srch->match = m;
	pager_fold_reveal(p, v, loc);	/* a match inside a fold opens it */
	if (!on_screen(p, v, loc, m.start)) {
		p->top = pager_pos_of_byte(p, loc, m.start);
		pager_clamp(p, v);
	}
	pager_caret_place(p, v, loc, m.start);	/* v e H then highlights the word found */
	if (wrapped)
		view_message(backward ? "Search wrapped to the end" : "Search wrapped to the top");
}

/* ------------------------------------------------------------------ */
/* Incremental search */

/* The pager as it was when the prompt opened, and the pattern being tried. */
struct incsearch {
	struct pager *p;
	struct view *v;
	bool backward;
	struct pos top;
	uint32_t off;		/* the search starts at byte off of top.loc */
	bool has_match, show_matches;
	struct doc_loc match_loc;
	struct search_match match;
	struct search *orig;	/* p->srch->search before */
	struct search *tried;	/* the pattern typed so far, or NULL */
};

/* A key typed stops the search (it is left for the prompt). */
static bool
inc_progress(void *arg, double fraction)
{
	(void)arg;
	(void)fraction;
	return !display_key_pending();
}

static void
inc_restore(struct incsearch *in)
{
	struct pager *p = in->p;

	if (in->tried) {
		search_free(in->tried);
		in->tried = NULL;
		pager_search_reset(p);
	}
	p->srch->search = in->orig;
	p->top = in->top;
	p->srch->has_match = in->has_match;
	p->srch->show_matches = in->show_matches;
	p->srch->match_loc = in->match_loc;
	p->srch->match = in->match;
}

/* The prompt's text changed: shows its first match from where the search started. */
static void
inc_changed(void *arg, const char *text)
{
	struct incsearch *in = arg;
	struct pager *p = in->p;
	struct search_match m;
	struct doc_loc loc;
	bool wrapped;

	inc_restore(in);
	if ((in->tried = search_new(text, strlen(text))) != NULL) {
		p->srch->search = in->tried;
		p->srch->show_matches = true;
		p->srch->has_match = search_doc(p->srch->search, p->doc, in->top.loc, in->off, in->backward,
		    inc_progress, NULL, &loc, &m, &wrapped) == SEARCH_FOUND;
		if (p->srch->has_match) {
			p->srch->match_loc = loc;
			p->srch->match = m;
			pager_fold_reveal(p, in->v, loc);
			if (!on_screen(p, in->v, loc, m.start)) {
				p->top = pager_pos_of_byte(p, loc, m.start);
				pager_clamp(p, in->v);
			}
		}
	}
	pager_draw(in->v);
}

static bool
read_pattern(struct pager *p, struct view *v, bool backward, struct strbuf *text)
{
	struct prompt_opts o = { .label = backward ? "?" : "/" };
	struct incsearch in = { p, v, backward, p->top, 0, p->srch->has_match, p->srch->show_matches,
	    p->srch->match_loc, p->srch->match, p->srch->search, NULL };
	bool ok;

	if (opt_incsearch && !p->empty) {
		in.off = pager_top_anchor(p);
		o.changed = inc_changed;
		o.arg = &in;
	}
	ok = prompt_read(&o, text);
	inc_restore(&in);
	return ok;
}

void
pager_search_start(struct pager *p, struct view *v, bool backward)
{
	struct strbuf text = STRBUF_INIT;
	struct search *s;

	if (!read_pattern(p, v, backward, &text) || text.len == 0) {
		strbuf_done(&text);
		return;
	}
	s = search_new(strbuf_str(&text), text.len);
	strbuf_done(&text);
	if (s == NULL) {
		view_message("Nothing to search for");
		return;
	}
	search_free(p->srch->search);
	p->srch->search = s;
	pager_search_reset(p);
	p->srch->backward = backward;
	p->srch->has_match = false;
	run_search(p, v, backward);
}

void
pager_search_repeat(struct pager *p, struct view *v, bool reverse)
{
	if (p->srch->search == NULL) {
		view_message("No previous search");
		return;
	}
	run_search(p, v, p->srch->backward != reverse);
}


/*
 * Opens path (adding it to the pager's files) at the match [start, end) of
 * its document text, with pattern as the search so that n and N go on from
 * there.  The place left is pushed on the jump list first (^O returns).
 */
bool
pager_show_match(struct view *v, const char *path, uint64_t start, uint64_t end,
    const char *pattern)
{
	struct pager *p = v->data;
	struct search *s = search_new(pattern, strlen(pattern));
	struct doc_loc loc;
	uint32_t in;

	pager_side_jump_push(p);
	if (!pager_open_path(p, v, path)) {
		search_free(s);
		return false;
	}
	if (s) {
		search_free(p->srch->search);
		p->srch->search = s;
		pager_search_reset(p);
		p->srch->backward = false;
		p->srch->show_matches = true;
	}
	p->srch->has_match = false;
	while (!doc_locate(p->doc, start, &loc, &in) && doc_idle(p->doc, 10000))
		;	/* measure up to the match (plain text is measured lazily) */
	if (!doc_locate(p->doc, start, &loc, &in) || !pager_go_offset(p, v, start, false)) {
		view_message("The match is beyond the end of the document (it changed?)");
		return false;
	}
	p->srch->has_match = true;
	p->srch->match_loc = loc;
	p->srch->match.start = in;
	p->srch->match.end = in + (uint32_t)GLOSS_MIN(end - start, (uint64_t)UINT32_MAX - in);
	pager_caret_place(p, v, loc, in);
	return true;
}
