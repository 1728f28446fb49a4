/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_annot — annotations in the pager: attaching the document to the
 * store, the highlights on screen, highlighting (selection, search match,
 * sentence, paragraph), notes, tags, colours, deleting and undoing, the
 * reading position, the export key (E), and seeing other gloss processes' changes.
 *
 * Every action is one store call, committed at once.  The highlights on
 * screen are read again before each draw with one indexed query
 * (annot_visible).  A store that cannot be opened or written leaves the
 * reader working, with a message.
 */
#include "gloss/gloss.h"

#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/annotlist.h"
#include "gloss/annotui.h"
#include "gloss/export.h"
#include "gloss/file.h"
#include "gloss/glyph.h"
#include "gloss/monotime.h"
#include "gloss/prompt.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

#define ANNOT_IDLE_US 3000

/* The annotations of one pager (p->an); only this file sees its fields. */
struct pager_annot_state {
	struct store *store;	/* = *stp; NULL: no database (yet) */
	struct store **stp;	/* the reader's, which closes it */
	const char *db_path;	/* where to create the database on the first write, or NULL */
	struct annot_doc *ad;	/* this document's, or NULL */
	struct store_list visible;	/* highlights overlapping the screen, from the last draw */
	uint64_t generation;	/* annot_generation() when last drawn */
	uint64_t store_looked_ms;	/* no database yet: when its file was last looked for */
	int color;		/* colour of new highlights (enum store_color) */
	int64_t reattach;	/* an orphan the next highlight re-attaches, or 0 */
	int64_t made;		/* the highlight H or P made last (a, t, c, x act on it while the caret is in it) */
	bool restore_pending;	/* go to restore_pos once it is measured (if not moved) */
	uint64_t restore_pos;
	bool moved;		/* the reader moved since the document was opened */
	uint64_t seen;		/* the furthest document offset on screen (the text's length: the end) */
	uint64_t seen_stored;	/* the store's furthest point read when the document was opened */
	bool damage_told;	/* the damaged database was reported in the status line */
	size_t pending_told;	/* changes waiting for the lock when last looked */
};

void
pager_annot_init(struct pager *p, struct store **stp, const char *db_path)
{
	p->an = xcalloc(1, sizeof *p->an);
	p->an->stp = stp;
	p->an->store = *stp;
	p->an->db_path = db_path;
	p->an->color = STORE_COLOR_DEFAULT;
}

void
pager_annot_free(struct pager *p)
{
	free(p->an);
	p->an = NULL;
}

struct annot_doc *
pager_annot_doc(const struct pager *p)
{
	return p->an->ad;
}

void
pager_annot_moved(struct pager *p)
{
	p->an->moved = true;
}

void
pager_annot_go_later(struct pager *p, uint64_t off)
{
	p->an->restore_pending = true;
	p->an->restore_pos = off;
}

void
pager_annot_reattach_cancel(struct pager *p)
{
	if (p->an->reattach)
		view_message("Re-attaching cancelled");
	p->an->reattach = 0;
}

/* ------------------------------------------------------------------ */
/* Attaching */

/* Opens the database at db_path (create: make it if missing) and attaches the document. */
static bool
open_store(struct pager *p, bool create)
{
	struct store *st;
	enum gloss_status rc;

	if (p->an->store || p->an->db_path == NULL || (!create && access(p->an->db_path, F_OK) != 0))
		return p->an->store != NULL;
	rc = store_open(p->an->db_path, STORE_CREATE | STORE_NOWAIT | STORE_KEYS, &st);
	if (rc != GLOSS_OK) {
		view_message("Annotations unavailable: %s", error_last(rc));
		p->an->db_path = NULL;	/* do not try again */
		return false;
	}
	*p->an->stp = p->an->store = st;
	if (annot_attach(p->an->store, p->doc, 0, &p->an->ad) != GLOSS_OK)
		p->an->ad = NULL;
	annot_poll(p->an->store);
	return true;
}

bool
pager_annot_store_ready(struct pager *p)
{
	return open_store(p, true) && p->an->ad != NULL;
}

void
pager_annot_open(struct pager *p, struct view *v)
{
	enum gloss_status rc;
	uint64_t pos = 0;

	p->an->ad = NULL;
	p->an->reattach = 0;
	p->an->made = 0;
	p->an->restore_pending = false;
	p->an->moved = false;
	p->an->seen = p->an->seen_stored = 0;
	if (p->an->store == NULL)
		return;
	rc = annot_attach(p->an->store, p->doc, 0, &p->an->ad);
	if (rc != GLOSS_OK) {
		view_message("Annotations unavailable: %s", error_last(rc));
		p->an->ad = NULL;
		return;
	}
	annot_poll(p->an->store);
	/* standard input (a pipe: man, git) opens at its top each time, as in less */
	if (strcmp(doc_path(p->doc), "-") != 0 &&
	    annot_position_get(p->an->ad, &pos, &p->an->seen_stored) == GLOSS_OK &&
	    pos > 0 && !pager_go_offset(p, v, pos, false))
		pager_annot_go_later(p, pos);
}

/* The document offset of the first character on screen. */
static bool
top_offset(struct pager *p, uint64_t *off)
{
	uint64_t base;

	if (p->empty || !doc_block_offset(p->doc, p->top.loc, &base))
		return false;
	*off = base + pager_top_anchor(p);
	return true;
}

void
pager_annot_close(struct pager *p)
{
	uint64_t off;

	/* the position where the reader is; progress: the furthest point that was on screen */
	if ((p->an->moved || (p->an->seen > p->an->seen_stored && p->an->store)) && strcmp(doc_path(p->doc), "-") != 0 &&
	    top_offset(p, &off) && (off > 0 || p->an->seen > p->an->seen_stored) && pager_annot_store_ready(p))
		annot_position_set(p->an->ad, off, p->an->seen);
	annot_detach(p->an->ad);
	p->an->ad = NULL;
	store_list_free(&p->an->visible);
	p->an->visible.v = NULL;
	p->an->visible.n = 0;
}

/* ------------------------------------------------------------------ */
/* The highlights on screen */

void
pager_annot_refresh(struct pager *p, struct view *v)
{
	struct pos pos = p->top;
	struct doc_loc last = { UINT32_MAX, UINT32_MAX };
	uint64_t a = UINT64_MAX, z = 0;

	store_list_free(&p->an->visible);
	p->an->visible.v = NULL;
	p->an->visible.n = 0;
	if (p->an->ad == NULL || p->empty)
		return;
	for (int y = 0; y < v->rows; y++) {
		uint64_t off;
		struct doc_block *b;

		if (doc_loc_cmp(pos.loc, last) != 0 && doc_block_offset(p->doc, pos.loc, &off) &&
		    (b = doc_block(p->doc, pos.loc)) != NULL) {
			a = GLOSS_MIN(a, off);
			z = GLOSS_MAX(z, off + b->len);
		}
		last = pos.loc;
		if (pager_pos_down(p, &pos, 1) == 0)
			break;
	}
	if (a < z && annot_visible(p->an->ad, a, z, &p->an->visible) != GLOSS_OK)
		view_message("%s", error_last(GLOSS_EDB));
}

/* Records how far the text has been on screen (the end on screen: the text's length). */
void
pager_annot_seen(struct pager *p, struct view *v)
{
	struct pos bottom = p->top;
	uint64_t a, z;

	if (p->empty || !pager_screen_range(p, v, &a, &z))
		return;
	pager_pos_down(p, &bottom, v->rows - 1);
	if (pager_pos_down(p, &bottom, 1) == 0 && doc_measured(p->doc))
		z = doc_text_length(p->doc);	/* no row follows the screen's last one */
	p->an->seen = GLOSS_MAX(p->an->seen, z);
}

int
pager_annot_color_in(const struct pager *p, uint64_t a, uint64_t z)
{
	const struct store_list *l = &p->an->visible;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].start < z && l->v[i].end > a)
			return (int)l->v[i].color;
	return -1;
}

size_t
pager_annot_block(struct pager *p, struct doc_loc loc, struct pager_hl **out)
{
	struct doc_block *b = doc_block(p->doc, loc);
	uint64_t o;
	size_t n = 0;

	*out = NULL;
	if (b == NULL || p->an->visible.n == 0 || !doc_block_offset(p->doc, loc, &o))
		return 0;
	for (size_t i = 0; i < p->an->visible.n; i++) {
		const struct store_annotation *h = &p->an->visible.v[i];
		struct pager_hl *hl;

		if (h->start >= o + b->len || h->end <= o)
			continue;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		hl = &(*out)[n++];
		hl->start = (uint32_t)(h->start > o ? h->start - o : 0);
		hl->end = (uint32_t)GLOSS_MIN(h->end - o, (uint64_t)b->len);
		hl->color = (int)h->color;
		hl->note = h->note && h->note[0];
		hl->starts_here = h->start >= o;
	}
	return n;
}

/*
 * The highlight under the caret: the one H or P made last, while the caret
 * is in it; else the innermost highlight on screen holding the caret's
 * character (the shortest; of equal ones the newest).  NULL if none.
 */
const struct store_annotation *
pager_annot_at_caret(struct pager *p)
{
	const struct store_annotation *best = NULL;
	uint64_t off;

	if (!pager_caret_offset(p, pager_caret(p), &off))
		return NULL;
	for (size_t i = 0; i < p->an->visible.n; i++) {
		const struct store_annotation *h = &p->an->visible.v[i];

		if (h->start > off || off >= h->end)
			continue;
		if (h->id == p->an->made)
			return h;
		if (best == NULL || h->end - h->start < best->end - best->start ||
		    (h->end - h->start == best->end - best->start && h->id > best->id))
			best = h;
	}
	return best;
}

/*
 * After H or P: the caret into the new highlight, if it is not in it
 * already (its first character when the caret was before it, else its
 * last), and the highlights on screen read again, so that a, t, c and x
 * act on it at once.
 */
static void
settle_on(struct pager *p, int64_t id, uint64_t start, uint64_t end)
{
	uint64_t off = 0;
	struct doc_loc loc;
	uint32_t in;
	bool inside = pager_caret_offset(p, pager_caret(p), &off) && off >= start && off < end;

	p->an->made = id;
	if (!inside && doc_locate(p->doc, off < start ? start : end - 1, &loc, &in)) {
		struct caret c = { loc, off < start ? in : 0 };

		while (off >= start && caret_cluster_end(p->doc, c) <= in)
			c.off = caret_cluster_end(p->doc, c);	/* the cluster holding the last byte */
		pager_caret_set(p, c);
	}
	pager_annot_refresh(p, p->self);
}

/* ------------------------------------------------------------------ */
/* Highlighting */

static const char *
color_name(int c)
{
	return store_color_name((enum store_color)c);
}

static bool
have_store(struct pager *p)
{
	if (p->an->ad == NULL && !pager_annot_store_ready(p)) {
		view_message(p->an->store ? "Annotations are unavailable for this document" :
		    "Annotations are unavailable (no database)");
		return false;
	}
	return true;
}

/* Highlights [start, end) of the document text; returns its id or 0. */
static int64_t
add_highlight(struct pager *p, uint64_t start, uint64_t end, int count)
{
	int64_t id = 0;
	enum gloss_status rc;

	if (count >= 1 && count <= STORE_COLOR_COUNT)
		p->an->color = count - 1;
	if (p->an->reattach) {
		rc = annot_reattach(p->an->ad, p->an->reattach, start, end);
		id = p->an->reattach;
		p->an->reattach = 0;
		if (rc == GLOSS_OK)
			view_message("Re-attached the highlight");
	} else {
		rc = annot_add(p->an->ad, start, end, (enum store_color)p->an->color, NULL, NULL, 0, &id);
		if (rc == GLOSS_OK)
			view_message("Highlighted in %s (a: note, t: tags, c: colour, x: delete)",
			    color_name(p->an->color));
	}
	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return 0;
	}
	pager_caret_selection_end(p);
	settle_on(p, id, start, end);
	return id;
}

/* The sentence (or paragraph) at the caret, snapped like a selection. */
static bool
sentence_range(struct pager *p, bool paragraph, uint64_t *start, uint64_t *end)
{
	struct caret c = pager_caret(p), a, z;
	struct doc_block *b = doc_block(p->doc, c.loc);

	if (b == NULL)
		return false;
	a = (struct caret){ c.loc, 0 };
	z = (struct caret){ c.loc, b->len };
	if (!paragraph)
		caret_sentence(p->doc, c, &a.off, &z.off);
	return caret_snap(p->doc, &a, &z, true) && pager_caret_offset(p, a, start) &&
	    pager_caret_offset(p, z, end);
}

static int64_t
highlight(struct pager *p, bool paragraph, int count)
{
	uint64_t start, end;
	bool ok;

	if (!have_store(p))
		return 0;
	if (paragraph)
		ok = sentence_range(p, true, &start, &end);
	else if (pager_caret_selecting(p))
		ok = pager_caret_selection(p, &start, &end);
	else
		ok = pager_search_match_range(p, &start, &end) || sentence_range(p, false, &start, &end);
	if (!ok) {
		view_message("Nothing to highlight here yet (the document is still being measured)");
		return 0;
	}
	return add_highlight(p, start, end, count);
}

/* The highlight an action applies to: the new one from a selection, else the one under the caret. */
static int64_t
target(struct pager *p)
{
	const struct store_annotation *h;

	if (!have_store(p))
		return 0;
	if (pager_caret_selecting(p))
		return highlight(p, false, 0);
	h = pager_annot_at_caret(p);
	if (h == NULL) {
		view_message("No highlight under the caret (move it with w, e, ( ) or the arrows)");
		return 0;
	}
	return h->id;
}

/* ------------------------------------------------------------------ */
/* Notes, tags, colours */

static void
edit_note(struct pager *p)
{
	int64_t id = target(p);

	if (id)
		annotui_edit_note(p->an->store, id);
}

static void
edit_tags(struct pager *p)
{
	int64_t id = target(p);

	if (id)
		annotui_edit_tags(p->an->store, id);
}

static void
recolor(struct pager *p, int count)
{
	const struct store_annotation *h = pager_annot_at_caret(p);
	int c;

	if (!have_store(p))
		return;
	if (h == NULL) {
		if (count >= 1 && count <= STORE_COLOR_COUNT) {
			p->an->color = count - 1;
			view_message("New highlights will be %s", color_name(p->an->color));
		} else {
			view_message("No highlight under the caret; 1c to %dc choose the colour of new ones",
			    STORE_COLOR_COUNT);
		}
		return;
	}
	c = count >= 1 && count <= STORE_COLOR_COUNT ? count - 1 :
	    ((int)h->color + 1) % STORE_COLOR_COUNT;
	annotui_recolor(p->an->store, h->id, c + 1);
	p->an->color = c;
}

static void
delete_highlight(struct pager *p)
{
	const struct store_annotation *h;
	enum gloss_status rc;

	if (!have_store(p) || (h = pager_annot_at_caret(p)) == NULL) {
		if (p->an->ad)
			view_message("No highlight under the caret");
		return;
	}
	if (h->id == p->an->made)
		p->an->made = 0;
	rc = annot_delete(p->an->store, h->id);
	view_message("%s", rc == GLOSS_OK ? "Deleted the highlight (U brings it back)" :
	    error_last(rc));
}

static void
undelete(struct pager *p)
{
	int64_t id;
	enum gloss_status rc;

	if (!have_store(p))
		return;
	rc = annot_undo_delete(p->an->ad, &id);
	view_message("%s", rc == GLOSS_OK ? "Brought back the highlight" : error_last(rc));
}

/* ------------------------------------------------------------------ */
/* The lists */

/* Shows annotation a: in this document, or after opening its own. */
static void
host_show(void *arg, const struct store_annotation *a)
{
	struct pager *p = arg;

	pager_side_jump_push(p);
	if (p->an->ad == NULL || a->doc_id != annot_doc_id(p->an->ad)) {
		if (a->path == NULL || !pager_open_path(p, p->self, a->path))
			return;
	}
	if (a->status == ANCHOR_ORPHANED) {
		view_message("Orphaned: its text is gone from the document (r in the list re-attaches)");
		return;
	}
	if (!pager_go_offset(p, p->self, a->start, true))
		pager_annot_go_later(p, a->start);	/* once the document is measured that far */
}

static void
host_reattach(void *arg, int64_t id)
{
	struct pager *p = arg;

	p->an->reattach = id;
	view_message("Select the new text for the highlight (v, then H); Esc cancels");
}

static void
open_list(struct pager *p, bool all)
{
	struct annotlist_host host = { p, host_show, host_reattach };
	int64_t doc_id = all ? 0 : p->an->ad ? annot_doc_id(p->an->ad) : 0;
	char *title;

	if (p->an->store == NULL) {
		view_message(p->an->db_path ? "No annotations yet: select text with v and press H" :
		    "Annotations are unavailable (no database)");
		return;
	}
	if (!all && doc_id == 0) {
		view_message("No highlights in this document yet: select text with v and press H");
		return;
	}
	title = all ? xstrdup("All annotations") : xasprintf("Highlights — %s", p->title);
	view_push(annotlist_new(p->an->store, doc_id, title, &host));
	free(title);
}

/* ------------------------------------------------------------------ */
/* Export */

/* Asks whether to replace path; true for y (one key, no Enter). */
static bool
confirm_replace(const char *path)
{
	struct strbuf label = STRBUF_INIT;
	bool yes;

	strbuf_adds(&label, "Replace ");
	glyph_append_safe(&label, path, strlen(path), opt_glyphs);
	strbuf_adds(&label, "? (y/n) ");
	yes = prompt_yes(strbuf_str(&label));
	strbuf_done(&label);
	return yes;
}

/* Writes the export of this document to path (asking before replacing a file). */
static void
export_to(struct pager *p, const char *path)
{
	const char *files[] = { doc_path(p->doc) };
	struct export_options o = { .files = files, .nfiles = 1, .color = -1, .now = (int64_t)time(NULL) };
	struct strbuf out = STRBUF_INIT, shown = STRBUF_INIT;
	struct stat sb;
	enum gloss_status rc;
	size_t count = 0;
	bool force = stat(path, &sb) == 0;

	if (force && !confirm_replace(path)) {
		view_message("Not exported");
		return;
	}
	rc = export_run(p->an->store, &o, &out, &count);
	if (rc == GLOSS_OK)
		rc = file_write_atomic(path, strbuf_str(&out), out.len, force);
	glyph_append_safe(&shown, path, strlen(path), opt_glyphs);
	if (rc == GLOSS_OK)
		view_message("Exported %zu highlight%s to %s", count, count == 1 ? "" : "s", strbuf_str(&shown));
	else
		view_message("%s", error_last(rc));
	strbuf_done(&out);
	strbuf_done(&shown);
}

/* E: asks for a file (default: export_default_path()) and exports the document there. */
static void
export_doc(struct pager *p)
{
	char *initial;
	struct prompt_opts o = { .label = "Export to: " };
	struct strbuf path = STRBUF_INIT;

	if (!have_store(p))
		return;
	if (annot_doc_id(p->an->ad) == 0) {
		view_message("This document has no highlights to export");
		return;
	}
	initial = export_default_path(doc_path(p->doc));
	o.initial = initial;
	if (prompt_read(&o, &path) && path.len > 0) {
		char *expanded = prompt_expand_path(strbuf_str(&path));

		export_to(p, expanded);
		free(expanded);
	}
	free(initial);
	strbuf_done(&path);
}

static enum view_result
list_request(struct pager *p, struct view *v, enum action a, int count)
{
	open_list(p, a == ACTION_ALL_ANNOTATIONS);
	return VIEW_HANDLED;
}

static enum view_result
highlight_request(struct pager *p, struct view *v, enum action a, int count)
{
	highlight(p, a == ACTION_HIGHLIGHT_PARAGRAPH, count);
	return VIEW_HANDLED;
}

static enum view_result
note_request(struct pager *p, struct view *v, enum action a, int count)
{
	edit_note(p);
	return VIEW_HANDLED;
}

static enum view_result
tags_request(struct pager *p, struct view *v, enum action a, int count)
{
	edit_tags(p);
	return VIEW_HANDLED;
}

static enum view_result
color_request(struct pager *p, struct view *v, enum action a, int count)
{
	recolor(p, count);
	return VIEW_HANDLED;
}

static enum view_result
delete_request(struct pager *p, struct view *v, enum action a, int count)
{
	delete_highlight(p);
	return VIEW_HANDLED;
}

static enum view_result
undelete_request(struct pager *p, struct view *v, enum action a, int count)
{
	undelete(p);
	return VIEW_HANDLED;
}

static enum view_result
export_request(struct pager *p, struct view *v, enum action a, int count)
{
	export_doc(p);
	return VIEW_HANDLED;
}

static const struct pager_request rows[] = {
	{ ACTION_PANEL, list_request },
	{ ACTION_ALL_ANNOTATIONS, list_request },
	{ ACTION_HIGHLIGHT, highlight_request },
	{ ACTION_HIGHLIGHT_PARAGRAPH, highlight_request },
	{ ACTION_NOTE, note_request },
	{ ACTION_TAGS, tags_request },
	{ ACTION_COLOR, color_request },
	{ ACTION_DELETE, delete_request },
	{ ACTION_UNDELETE, undelete_request },
	{ ACTION_EXPORT, export_request },
};

const struct pager_requests pager_annot_requests = { rows, GLOSS_ARRAY_SIZE(rows) };

/* ------------------------------------------------------------------ */
/* Background work */

/* Tells when the changes kept while the database was locked have been saved (or one failed). */
static void
tell_queue(struct pager *p)
{
	const char *failed = annot_queue_message();
	size_t n = annot_pending();

	if (failed)
		view_message("%s", failed);
	else if (n == 0 && p->an->pending_told > 0)
		view_message("Saved: the database is free again and every change kept meanwhile is stored");
	if (n != p->an->pending_told)
		view_invalidate();	/* the status line's count */
	p->an->pending_told = n;
}

bool
pager_annot_idle(struct pager *p, struct view *v, unsigned budget_us)
{
	bool more = false;

	if (p->an->store && !p->an->damage_told && store_check_done(p->an->store) && store_damaged(p->an->store)) {
		p->an->damage_told = true;		/* the check of a big database ended after the first paint */
		view_message("%s", store_damaged(p->an->store));
		view_invalidate();
	}
	if (p->an->ad == NULL) {
		if (p->an->store == NULL && monotime_ms() - p->an->store_looked_ms >= ANNOT_POLL_MS) {
			p->an->store_looked_ms = monotime_ms();
			if (open_store(p, false))	/* created by another gloss */
				view_invalidate();
		}
		return false;
	}
	annot_poll(p->an->store);		/* another gloss's changes step the generation */
	tell_queue(p);
	more = annot_idle(p->an->ad, budget_us ? budget_us : ANNOT_IDLE_US);
	if (annot_generation() != p->an->generation) {
		p->an->generation = annot_generation();
		view_invalidate();
	}
	if (p->an->restore_pending && (p->an->moved || pager_go_offset(p, v, p->an->restore_pos, false) ||
	    doc_measured(p->doc))) {
		p->an->restore_pending = false;
		view_invalidate();
	}
	return more || p->an->restore_pending;
}

void
pager_annot_status(struct pager *p, struct strbuf *right)
{
	if (annot_pending())
		strbuf_addf(right, "%zu UNSAVED  ", annot_pending());	/* waiting for the lock */
	if (pager_caret_selecting(p))
		strbuf_adds(right, "SELECT  ");
	else if (p->an->reattach)
		strbuf_adds(right, "RE-ATTACH  ");
}
