/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_side — the pager's sidebar (filling its tabs from the document,
 * the annotations, the notes and links, and the cross-document index;
 * placing it beside or over the text; its keys), the note popup, the jump
 * list and copying to the clipboard.
 */
#include "gloss/gloss.h"

#include "gloss/display.h"
#include "gloss/options.h"
#include "gloss/popup.h"
#include "gloss/sidebar.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

#define SIDE_BESIDE_MIN 100	/* narrower terminals get the sidebar over the text */
#define JUMPS_MAX 100
#define LINE_MAX_BYTES 400	/* of an entry's one-line text */

/* The sidebar and the jump list of one pager (p->side); only this file sees its fields. */
struct pager_side_state {
	struct sidebar *sb;	/* NULL until first shown */
	bool open, focus;
	bool overlay;		/* drawn over the text (narrow terminal) */
	bool filled;		/* the document's entries are in */
	uint64_t generation;	/* annot_generation() of the Highlights tab */
	struct place *jumps;	/* the jump list: jumps[0..njumps), at jump_cur now */
	size_t njumps, jump_cur;
	uint64_t popup_off;	/* where Enter in the note popup goes (pager_side_popup) */
};

void
pager_side_init(struct pager *p)
{
	p->side = xcalloc(1, sizeof *p->side);
}

static int
side_width(int cols)
{
	return GLOSS_MAX(32, GLOSS_MIN(cols / 3, 56));
}

int
pager_side_text_cols(struct pager *p, int cols)
{
	p->side->overlay = cols < SIDE_BESIDE_MIN;
	if (!p->side->open || p->side->overlay)
		return cols;
	return cols - side_width(cols);
}

/* ------------------------------------------------------------------ */
/* Filling the tabs */

char *
pager_side_one_line(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len;

	text_one_line(&sb, s, n, TEXT_LINE_SQUEEZE);
	len = sb.len;
	if (len > LINE_MAX_BYTES) {
		len = LINE_MAX_BYTES;
		while (len > 0 && ((unsigned char)sb.buf[len] & 0xC0) == 0x80)
			len--;	/* never cut inside a character */
		strbuf_truncate(&sb, len);
	}
	return strbuf_detach(&sb, NULL);
}

static void
fill_outline(struct pager *p)
{
	struct doc_loc loc;
	bool ok = doc_first(p->doc, &loc);

	sidebar_clear(p->side->sb, SIDEBAR_OUTLINE);
	for (; ok; ok = doc_next(p->doc, &loc)) {
		struct doc_block *b = doc_block(p->doc, loc);
		uint64_t off;
		char label[8], *text;

		if (b == NULL || (b->kind != DOC_HEADING && b->kind != DOC_TITLE) ||
		    !doc_block_offset(p->doc, loc, &off))
			continue;
		snprintf(label, sizeof label, "%*s%s", b->kind == DOC_TITLE ? 0 : GLOSS_MIN(b->level, 6) - 1,
		    "", b->kind == DOC_TITLE ? "T" : "§");
		text = pager_side_one_line(b->text, b->len);
		sidebar_add(p->side->sb, SIDEBAR_OUTLINE, &(struct sidebar_entry){
		    .label = label, .text = text, .places = &off, .nplaces = 1, .target = off });
		free(text);
	}
}

static void
fill_highlights(struct pager *p)
{
	struct store_list l = { NULL, 0 };

	sidebar_clear(p->side->sb, SIDEBAR_HIGHLIGHTS);
	sidebar_set_empty_text(p->side->sb, SIDEBAR_HIGHLIGHTS, "(no highlights: v selects, H highlights)");
	if (pager_annot_doc(p) == NULL || annot_all(pager_annot_doc(p), &l) != GLOSS_OK)
		return;
	for (size_t i = 0; i < l.n; i++) {
		const struct store_annotation *a = &l.v[i];
		struct strbuf t = STRBUF_INIT;
		char *q = pager_side_one_line(a->quote, strlen(a->quote));

		strbuf_addf(&t, "%s", q);
		for (size_t k = 0; k < a->ntags; k++)
			strbuf_addf(&t, " #%s", a->tags[k]);
		sidebar_add(p->side->sb, SIDEBAR_HIGHLIGHTS, &(struct sidebar_entry){
		    .label = a->note[0] ? "✎" : "■", .text = strbuf_str(&t),
		    .detail = a->note[0] ? a->note : a->quote, .places = &a->start, .nplaces = 1,
		    .target = a->status == ANCHOR_ORPHANED ? SIDEBAR_NO_TARGET : a->start,
		    .flagged = a->status != ANCHOR_ANCHORED });
		strbuf_done(&t);
		free(q);
	}
	store_list_free(&l);
	p->side->generation = annot_generation();
}

/* The document's entries, once it is measured (no pass over a huge file). */
static void
fill(struct pager *p)
{
	if (p->side->filled || p->empty)
		return;
	if (doc_source_size(p->doc) > PAGER_SCAN_MAX) {
		for (int t = 0; t < SIDEBAR_TAB_COUNT; t++)
			sidebar_set_empty_text(p->side->sb, t, "(document too large to scan)");
		fill_highlights(p);
		p->side->filled = true;
		return;
	}
	if (!doc_measured(p->doc)) {
		for (int t = 0; t < SIDEBAR_TAB_COUNT; t++)
			sidebar_set_empty_text(p->side->sb, t, "(reading the document…)");
		return;
	}
	for (int t = 0; t < SIDEBAR_TAB_COUNT; t++)
		sidebar_set_empty_text(p->side->sb, t, "(none)");
	fill_outline(p);
	pager_notes_fill(p, p->side->sb);
	fill_highlights(p);
	p->side->filled = true;
}

void
pager_side_reset(struct pager *p)
{
	p->side->filled = false;
	p->side->focus = p->side->focus && !p->side->overlay;
	if (p->side->sb)
		for (int t = 0; t < SIDEBAR_TAB_COUNT; t++)
			sidebar_clear(p->side->sb, t);
	pager_notes_forget(p);
}

void
pager_side_free(struct pager *p)
{
	pager_notes_forget(p);
	pager_xref_free(p);
	sidebar_free(p->side->sb);
	free(p->side->jumps);
	free(p->side);
	p->side = NULL;
}

bool
pager_side_idle(struct pager *p, struct view *v, unsigned budget_us)
{
	(void)v;
	if (p->side->open && !p->side->filled) {
		fill(p);
		if (p->side->filled)
			view_invalidate();
	}
	pager_notes_idle(p);
	if (pager_xref_idle(p, budget_us) && p->side->open && p->side->filled) {
		pager_xref_fill(p, p->side->sb);	/* the update just ended */
		view_invalidate();
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Drawing */

void
pager_side_draw(struct pager *p, struct view *v)
{
	uint64_t a, z;
	int w;

	if (!p->side->open)
		return;
	fill(p);
	if (p->side->filled && annot_generation() != p->side->generation)
		fill_highlights(p);
	if (pager_screen_range(p, v, &a, &z))
		sidebar_follow(p->side->sb, a, z);
	if (p->side->overlay)
		w = GLOSS_MIN(v->cols, GLOSS_MAX(v->cols * 3 / 4, 40));
	else
		w = side_width(v->cols);
	sidebar_draw(p->side->sb, 0, v->cols - w, w, v->rows, p->side->focus);
}

/* ------------------------------------------------------------------ */
/* The jump list */

static bool
same_place(struct place a, struct place b)
{
	return a.file == b.file && doc_loc_cmp(a.loc, b.loc) == 0 && a.in == b.in;
}

static void
append(struct pager *p, struct place pl)
{
	if (p->side->njumps && same_place(p->side->jumps[p->side->njumps - 1], pl))
		return;
	if (p->side->njumps == JUMPS_MAX) {
		memmove(p->side->jumps, p->side->jumps + 1, (JUMPS_MAX - 1) * sizeof *p->side->jumps);
		p->side->njumps--;
	}
	if (p->side->jumps == NULL)
		p->side->jumps = xreallocarray(NULL, JUMPS_MAX, sizeof *p->side->jumps);
	p->side->jumps[p->side->njumps++] = pl;
}

void
pager_side_jump_push(struct pager *p)
{
	if (p->empty)
		return;
	p->side->njumps = GLOSS_MIN(p->side->njumps, p->side->jump_cur);	/* a new jump forgets the way forward */
	append(p, pager_here(p));
	p->side->jump_cur = p->side->njumps;
}

bool
pager_side_jump_last(const struct pager *p, struct place *pl)
{
	if (p->side->jump_cur == 0)
		return false;
	*pl = p->side->jumps[p->side->jump_cur - 1];
	return true;
}

static void
jump_back(struct pager *p, struct view *v)
{
	if (p->side->jump_cur == p->side->njumps) {
		append(p, pager_here(p));	/* so that Tab comes back here */
		p->side->jump_cur = p->side->njumps - 1;
	}
	if (p->side->jump_cur == 0) {
		view_message("At the start of the jump list");
		return;
	}
	p->side->jump_cur--;
	if (!pager_go_place(p, v, p->side->jumps[p->side->jump_cur]))
		view_message("That place is gone");
}

static void
jump_forward(struct pager *p, struct view *v)
{
	if (p->side->jump_cur + 1 >= p->side->njumps) {
		view_message("At the end of the jump list");
		return;
	}
	p->side->jump_cur++;
	if (!pager_go_place(p, v, p->side->jumps[p->side->jump_cur]))
		view_message("That place is gone");
}

/* ------------------------------------------------------------------ */
/* Entries: jumping, showing, copying */

static void
go_entry(struct pager *p, struct view *v, const struct sidebar_entry *e)
{
	if (e->other_path) {
		pager_side_jump_push(p);
		if (pager_open_path(p, v, e->other_path) && !pager_go_offset(p, v, e->other_off, true))
			pager_annot_go_later(p, e->other_off);
		return;
	}
	if (e->target == SIDEBAR_NO_TARGET) {
		view_message("This entry has no place in the text");
		return;
	}
	pager_side_jump_push(p);
	if (!pager_go_offset(p, v, e->target, true))
		view_message("Not there yet: the document is still being read");
}

static void
copy_entry(const struct sidebar_entry *e)
{
	if (e->url)
		view_copy("the link", e->url, strlen(e->url));
	else if (e->detail)
		view_copy("the text", e->detail, strlen(e->detail));
	else
		view_copy("the entry", e->text, strlen(e->text));
}

static void
popup_goto(void *arg)
{
	struct pager *p = arg;

	pager_side_jump_push(p);
	pager_go_offset(p, p->self, p->side->popup_off, true);
}

void
pager_side_popup(struct pager *p, const char *title, const char *text, uint64_t off)
{
	p->side->popup_off = off;
	view_push(popup_new(p->self, title, text, off == UINT64_MAX ? NULL : popup_goto, p,
	    "go there"));
}

/* "“quote” — Title, path" for a copied passage. */
static void
copy_passage(struct pager *p, uint64_t a, uint64_t z)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "“");
	doc_text_range(p->doc, a, z, &sb);
	strbuf_addf(&sb, "” — %s (%s)", p->title, doc_path(p->doc));
	view_copy("the passage with its source", sb.buf, sb.len);
	strbuf_done(&sb);
}

static void
copy_at_caret(struct pager *p)
{
	uint64_t a, z, off;
	const char *url;
	const struct store_annotation *h;

	if (pager_caret_selection(p, &a, &z) && z > a) {
		copy_passage(p, a, z);
		return;
	}
	if (!pager_caret_shown_offset(p, &off)) {
		view_message("Nothing to copy: select text (v), or put the caret on a link or highlight");
		return;
	}
	if ((url = pager_notes_link_at(p, off)) != NULL) {
		view_copy("the link", url, strlen(url));
		return;
	}
	if ((h = pager_annot_at_caret(p)) != NULL) {
		copy_passage(p, h->start, h->end);
		return;
	}
	view_message("Nothing to copy here: select text (v), or put the caret on a link or highlight");
}

/* ------------------------------------------------------------------ */
/* Keys */

static void
show(struct pager *p, struct view *v, bool open)
{
	if (open && p->side->sb == NULL)
		p->side->sb = sidebar_new();
	p->side->open = open;
	pager_relayout(p, v);	/* computes overlay */
	p->side->focus = open && p->side->overlay;
}

static enum view_result
focused_request(struct pager *p, struct view *v, enum action a, int count)
{
	const struct sidebar_entry *e = sidebar_selected(p->side->sb);
	int n = count > 0 ? count : 1;

	switch (a) {
	case ACTION_LINE_DOWN: sidebar_move(p->side->sb, n); break;
	case ACTION_LINE_UP: sidebar_move(p->side->sb, -n); break;
	case ACTION_PAGE_DOWN: case ACTION_HALF_DOWN: sidebar_move(p->side->sb, GLOSS_MAX(1, v->rows - 2)); break;
	case ACTION_PAGE_UP: case ACTION_HALF_UP: sidebar_move(p->side->sb, -GLOSS_MAX(1, v->rows - 2)); break;
	case ACTION_TOP: sidebar_move_to(p->side->sb, false); break;
	case ACTION_BOTTOM: sidebar_move_to(p->side->sb, true); break;
	case ACTION_CARET_RIGHT: case ACTION_NEXT_FILE: sidebar_next_tab(p->side->sb, 1); break;
	case ACTION_CARET_LEFT: case ACTION_PREV_FILE: sidebar_next_tab(p->side->sb, -1); break;
	case ACTION_ENTER:
		if (e)
			go_entry(p, v, e);
		if (p->side->overlay)
			show(p, v, false);
		break;
	case ACTION_NOTE_POPUP:
		if (e)
			pager_side_popup(p, e->label[0] ? e->label : e->text, e->detail ? e->detail : e->text,
			    e->other_path ? UINT64_MAX : e->target);
		break;
	case ACTION_COPY:
		if (e)
			copy_entry(e);
		break;
	case ACTION_SEARCH_CLEAR:
		p->side->focus = false;
		sidebar_follow_again(p->side->sb);
		if (p->side->overlay)
			show(p, v, false);
		break;
	case ACTION_QUIT:
		show(p, v, false);
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

enum view_result
pager_side_focused_request(struct pager *p, struct view *v, enum action a, int count)
{
	if (!p->side->open || !p->side->focus)
		return VIEW_UNHANDLED;
	return focused_request(p, v, a, count);
}

static enum view_result
toggle_request(struct pager *p, struct view *v, enum action a, int count)
{
	show(p, v, !p->side->open);
	return VIEW_HANDLED;
}

static enum view_result
focus_request(struct pager *p, struct view *v, enum action a, int count)
{
	if (!p->side->open) {
		show(p, v, true);
		p->side->focus = true;
	} else if (p->side->focus) {
		p->side->focus = false;
		sidebar_follow_again(p->side->sb);
		if (p->side->overlay)
			show(p, v, false);
	} else {
		p->side->focus = true;
	}
	return VIEW_HANDLED;
}

static enum view_result
back_request(struct pager *p, struct view *v, enum action a, int count)
{
	jump_back(p, v);
	return VIEW_HANDLED;
}

static enum view_result
forward_request(struct pager *p, struct view *v, enum action a, int count)
{
	jump_forward(p, v);
	return VIEW_HANDLED;
}

static enum view_result
copy_request(struct pager *p, struct view *v, enum action a, int count)
{
	copy_at_caret(p);
	return VIEW_HANDLED;
}

static enum view_result
popup_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_notes_popup(p, v);
	return VIEW_HANDLED;
}

static enum view_result
enter_request(struct pager *p, struct view *v, enum action a, int count)
{
	return pager_notes_follow_marker(p, v) ? VIEW_HANDLED : VIEW_UNHANDLED;
}

static const struct pager_request rows[] = {
	{ ACTION_SIDEBAR, toggle_request },
	{ ACTION_SIDEBAR_FOCUS, focus_request },
	{ ACTION_JUMP_BACK, back_request },
	{ ACTION_JUMP_FORWARD, forward_request },
	{ ACTION_COPY, copy_request },
	{ ACTION_NOTE_POPUP, popup_request },
	{ ACTION_ENTER, enter_request },
};

const struct pager_requests pager_side_requests = { rows, GLOSS_ARRAY_SIZE(rows) };
