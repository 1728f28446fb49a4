/*
 * pager_search — the pager's searches: the prompt, searching the document
 * with progress and cancelling, moving to the match, wrapping around.
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

	if (p->has_match) {
		from = p->match_loc;
		off = backward ? p->match.start : p->match.start + 1;
	} else {
		off = pager_top_anchor(p);	/* from the first line on screen, as less does */
	}
	pr.last = monotime_ms();
	r = search_doc(p->search, p->doc, from, off, backward, search_progress, &pr, &loc, &m,
	    &wrapped);
	p->show_matches = true;
	if (r == SEARCH_CANCELLED) {
		view_message("Search stopped");
		return;
	}
	if (r == SEARCH_NONE) {
		view_message("Pattern not found: %s", search_pattern(p->search));
		p->has_match = false;
		return;
	}
	p->has_match = true;
	p->match_loc = loc;
	p->match = m;
	pager_fold_reveal(p, v, loc);	/* a match inside a fold opens it */
	if (!on_screen(p, v, loc, m.start)) {
		p->top = pager_pos_of_byte(p, loc, m.start);
		pager_clamp(p, v);
	}
	pager_caret_place(p, v, loc, m.start);	/* v e H then highlights the word found */
	if (wrapped)
		view_message(backward ? "Search wrapped to the end" : "Search wrapped to the top");
}

void
pager_search_start(struct pager *p, struct view *v, bool backward)
{
	struct prompt_opts o = { .label = backward ? "?" : "/" };
	struct strbuf text = STRBUF_INIT;
	struct search *s;

	if (!prompt_read(&o, &text) || text.len == 0) {
		strbuf_done(&text);
		return;
	}
	s = search_new(strbuf_str(&text), text.len);
	strbuf_done(&text);
	if (s == NULL) {
		view_message("Nothing to search for");
		return;
	}
	search_free(p->search);
	p->search = s;
	p->backward = backward;
	p->has_match = false;
	run_search(p, v, backward);
}

void
pager_search_repeat(struct pager *p, struct view *v, bool reverse)
{
	if (p->search == NULL) {
		view_message("No previous search");
		return;
	}
	run_search(p, v, p->backward != reverse);
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

	pager_jump_push(p);
	if (!pager_open_path(p, v, path)) {
		search_free(s);
		return false;
	}
	if (s) {
		search_free(p->search);
		p->search = s;
		p->backward = false;
		p->show_matches = true;
	}
	p->has_match = false;
	while (!doc_locate(p->doc, start, &loc, &in) && doc_idle(p->doc, 10000))
		;	/* measure up to the match (plain text is measured lazily) */
	if (!doc_locate(p->doc, start, &loc, &in) || !pager_go_offset(p, v, start, false)) {
		view_message("The match is beyond the end of the document (it changed?)");
		return false;
	}
	p->has_match = true;
	p->match_loc = loc;
	p->match.start = in;
	p->match.end = in + (uint32_t)GLOSS_MIN(end - start, (uint64_t)UINT32_MAX - in);
	pager_caret_place(p, v, loc, in);
	return true;
}
