/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annotlist — the annotations of a document or of the corpus in a list
 * view (see include/gloss/annotlist.h).  Rows are read from the store when
 * the list opens and after every change made from it.
 */
#include "gloss/gloss.h"

#include "gloss/annot.h"
#include "gloss/annotlist.h"
#include "gloss/annotui.h"
#include "gloss/display.h"
#include "gloss/listview.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"

#define DOC_COLUMN 22		/* width of the document column in the corpus list */

struct annotlist {
	struct store *st;
	int64_t doc_id;
	char *title;
	struct annotlist_host host;
	struct store_list rows;
	int64_t undo_doc;	/* the document of the last deletion (for U) */
	uint64_t generation;	/* annot_generation() when the rows were read */
};

static int
by_place(const void *x, const void *y)
{
	const struct store_annotation *a = x, *b = y;
	int c = strcmp(a->path ? a->path : "", b->path ? b->path : "");

	if (c)
		return c;
	if (a->doc_id != b->doc_id)
		return a->doc_id < b->doc_id ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void
load(struct annotlist *l)
{
	struct store_filter f = { .doc_id = l->doc_id, .color = -1 };
	enum gloss_status rc;

	store_list_free(&l->rows);
	l->generation = annot_generation();
	rc = store_query(l->st, &f, &l->rows);
	if (rc != GLOSS_OK)
		view_message("%s", error_last(rc));
	if (l->rows.n > 1)
		qsort(l->rows.v, l->rows.n, sizeof *l->rows.v, by_place);
}

static size_t
al_count(void *arg)
{
	return ((struct annotlist *)arg)->rows.n;
}

static uint64_t
al_key(void *arg, size_t i)
{
	return (uint64_t)((struct annotlist *)arg)->rows.v[i].id;
}

static const char *
status_mark(const struct store_annotation *a)
{
	switch (a->status) {
	case ANCHOR_MOVED: return "~";
	case ANCHOR_ORPHANED: return "!";
	default: return " ";
	}
}

static const char *
base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path ? path : "?";
}

/* Draws s in [*x, limit) and advances *x. */
static void
put(int y, int *x, int limit, const char *s, struct display_attr a)
{
	if (*x < limit)
		*x += display_put(stdscr, y, *x, s, strlen(s), limit - *x, a, opt_glyphs);
}

static void
al_draw(void *arg, size_t i, int y, int x, int width, bool selected)
{
	struct annotlist *l = arg;
	const struct store_annotation *a = &l->rows.v[i];
	struct display_attr base = display_style(selected ? DISPLAY_SELECTED : DISPLAY_NORMAL);
	struct display_attr dim = selected ? base : display_style(DISPLAY_DIM);
	int limit = x + width;
	struct strbuf s = STRBUF_INIT;

	put(y, &x, limit, "  ", display_highlight((int)a->color));
	put(y, &x, limit, " ", base);
	put(y, &x, limit, status_mark(a), base);
	put(y, &x, limit, " ", base);
	if (l->doc_id == 0) {
		int start = x;

		put(y, &x, GLOSS_MIN(limit, start + DOC_COLUMN - 1), base_name(a->path), dim);
		x = GLOSS_MIN(limit, start + DOC_COLUMN);
	}
	annotui_excerpt(a->quote, 120, &s);
	put(y, &x, limit, strbuf_str(&s), base);
	for (size_t k = 0; k < a->ntags; k++) {
		strbuf_reset(&s);
		strbuf_addf(&s, " #%s", a->tags[k]);
		put(y, &x, limit, strbuf_str(&s), selected ? base : display_style(DISPLAY_HELP_KEY));
	}
	if (a->note && a->note[0]) {
		strbuf_reset(&s);
		strbuf_adds(&s, "  ✎ ");
		annotui_excerpt(a->note, 200, &s);
		put(y, &x, limit, strbuf_str(&s), dim);
	}
	strbuf_done(&s);
}

/* What `/` searches: colour, status, #tags, quote, note, document. */
static void
al_text(void *arg, size_t i, struct strbuf *out)
{
	struct annotlist *l = arg;
	const struct store_annotation *a = &l->rows.v[i];

	strbuf_addf(out, "%s %s ", store_color_name(a->color), anchor_status_name(a->status));
	for (size_t k = 0; k < a->ntags; k++)
		strbuf_addf(out, "#%s ", a->tags[k]);
	strbuf_addf(out, "%s %s %s", a->quote, a->note ? a->note : "", a->path ? a->path : "");
}

static const struct store_annotation *
selected(struct annotlist *l, struct view *v)
{
	size_t row;

	if (!listview_selected(v, &row, NULL) || row >= l->rows.n)
		return NULL;
	return &l->rows.v[row];
}

static void
reload(struct annotlist *l, struct view *v)
{
	load(l);
	listview_refresh(v);
}

static enum view_result
edit(struct annotlist *l, struct view *v, enum action act, const struct store_annotation *a,
    int count)
{
	enum gloss_status rc;
	int64_t id;

	switch (act) {
	case ACTION_NOTE: annotui_edit_note(l->st, a->id); break;
	case ACTION_TAGS: annotui_edit_tags(l->st, a->id); break;
	case ACTION_COLOR: annotui_recolor(l->st, a->id, count); break;
	case ACTION_DELETE:
		l->undo_doc = a->doc_id;
		rc = annot_delete(l->st, a->id);
		view_message("%s", rc == GLOSS_OK ? "Deleted (U brings it back)" : error_last(rc));
		break;
	case ACTION_REATTACH:
		if (a->status != ANCHOR_ORPHANED) {
			view_message("Only an orphaned highlight (!) needs re-attaching");
			return VIEW_HANDLED;
		}
		l->host.show(l->host.arg, a);
		l->host.reattach(l->host.arg, a->id);
		return VIEW_CLOSE;
	default:
		(void)id;
		return VIEW_UNHANDLED;
	}
	reload(l, v);
	return VIEW_HANDLED;
}

static enum view_result
al_request(void *arg, struct view *v, enum action act, const struct key *k)
{
	struct annotlist *l = arg;
	const struct store_annotation *a = selected(l, v);
	int64_t id;
	enum gloss_status rc;

	(void)k;
	if (act == ACTION_UNDELETE) {
		rc = annot_undelete(l->st, l->doc_id ? l->doc_id : l->undo_doc, &id);
		view_message("%s", rc == GLOSS_OK ? "Brought back" : error_last(rc));
		reload(l, v);
		if (rc == GLOSS_OK)
			listview_select_key(v, (uint64_t)id);
		return VIEW_HANDLED;
	}
	if (a == NULL)
		return VIEW_UNHANDLED;
	if (act == ACTION_ENTER) {
		l->host.show(l->host.arg, a);
		return VIEW_CLOSE;
	}
	return edit(l, v, act, a, 0);
}

/* Follows every change: this process's (the pager below, the editor) and other processes'. */
static bool
al_idle(void *arg, struct view *v, unsigned budget_us)
{
	struct annotlist *l = arg;

	(void)budget_us;
	annot_poll(l->st);
	if (l->generation != annot_generation()) {
		reload(l, v);
		view_invalidate();
	}
	return false;
}

static void
al_status(void *arg, struct strbuf *left, struct strbuf *right)
{
	struct annotlist *l = arg;

	(void)right;
	strbuf_adds(left, l->title);
}

static void
al_done(void *arg)
{
	struct annotlist *l = arg;

	store_list_free(&l->rows);
	free(l->title);
	free(l);
}

static const struct listview_ops annotlist_ops = {
	.count = al_count,
	.key = al_key,
	.draw = al_draw,
	.text = al_text,
	.request = al_request,
	.status = al_status,
	.idle = al_idle,
	.done = al_done,
	.empty = "No annotations yet: select text with v and press H (h lists every key)",
};

struct view *
annotlist_new(struct store *st, int64_t doc_id, const char *title,
    const struct annotlist_host *host)
{
	struct annotlist *l = xcalloc(1, sizeof *l);

	l->st = st;
	l->doc_id = doc_id;
	l->title = xstrdup(title);
	l->host = *host;
	load(l);
	return listview_new(&annotlist_ops, l);
}
