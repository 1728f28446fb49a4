/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * library — the library view and the library search (see
 * include/gloss/library.h): the rows read from the catalog with what the
 * store knows of each article, their order, drawing, the idle update with
 * its progress bar, opening the pager, and F.
 */
#include "gloss/gloss.h"

#include <inttypes.h>

#include "gloss/annot.h"
#include "gloss/corpus.h"
#include "gloss/display.h"
#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/library.h"
#include "gloss/listview.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/pager.h"
#include "gloss/prompt.h"
#include "gloss/searchview.h"
#include "gloss/xmalloc.h"

#define RELOAD_MS 300		/* while indexing, the rows are read again this often */
#define FIND_STEP_US 50000	/* update slices of F (between key checks) */
#define FIND_LIMIT 200		/* hits shown by F */
#define BAR_CELLS 12		/* the progress bar's width */

/* The orders of S, in turn. */
enum library_sort {
	SORT_TITLE,
	SORT_DATE,
	SORT_PROGRESS,
	SORT_RECENT,
	SORT_COUNT
};

static const char *const sort_names[SORT_COUNT] = {
	"title", "date", "progress", "recently read",
};

struct library {
	char **dirs;
	size_t ndirs;
	struct store **stp;
	const char *db_path;
	struct cachedb *db;
	struct catalog *cat;
	bool failed;		/* the index could not be opened (message in `why`) */
	char *why;
};

struct lib_row {
	struct catalog_entry e;
	struct catalog_stats s;
	char *key;		/* fold key of the title shown (for sorting) */
};

/* The view's data. */
struct libview {
	struct library *lib;
	struct view *view;
	struct lib_row *rows;
	size_t n;
	enum library_sort sort;
	bool updating;		/* the catalog's update is running in idle time */
	uint64_t generation;	/* annot_generation() of the rows' progress and highlights */
	uint64_t last_reload;	/* ms */
};

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* ------------------------------------------------------------------ */
/* The library */

struct library *
library_new(const char *const *dirs, size_t ndirs, struct store **stp, const char *db_path)
{
	struct library *lib = xcalloc(1, sizeof *lib);

	lib->dirs = xcalloc(ndirs ? ndirs : 1, sizeof *lib->dirs);
	for (size_t i = 0; i < ndirs; i++)
		lib->dirs[i] = xstrdup(dirs[i]);
	lib->ndirs = ndirs;
	lib->stp = stp;
	lib->db_path = db_path;
	return lib;
}

void
library_free(struct library *lib)
{
	if (lib == NULL)
		return;
	catalog_free(lib->cat);
	cachedb_close(lib->db);
	for (size_t i = 0; i < lib->ndirs; i++)
		free(lib->dirs[i]);
	free(lib->dirs);
	free(lib->why);
	free(lib);
}

struct catalog *
library_catalog(struct library *lib)
{
	enum gloss_status rc;

	if (lib->cat == NULL && !lib->failed) {
		rc = catalog_open_cache((const char *const *)lib->dirs, lib->ndirs, *lib->stp, &lib->db,
		    &lib->cat);
		if (rc != GLOSS_OK) {
			lib->failed = true;
			lib->why = xstrdup(error_last(rc));
		}
	}
	if (lib->failed)
		error_set(GLOSS_EDB, "the library index is unavailable: %s", lib->why);
	return lib->cat;
}

/* ------------------------------------------------------------------ */
/* Rows */

static void
rows_free(struct lib_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].e.path);
		free(rows[i].e.title);
		free(rows[i].e.author);
		free(rows[i].e.date);
		free(rows[i].key);
	}
	free(rows);
}

static const char *
row_title(const struct lib_row *r)
{
	return r->e.title ? r->e.title : base_name(r->e.path);
}

static int
cmp_title(const struct lib_row *a, const struct lib_row *b)
{
	int c = strcmp(a->key, b->key);

	return c ? c : strcmp(a->e.path, b->e.path);
}

/* Newest, furthest read, last opened first; unknown values last. */
static int
cmp_date(const void *x, const void *y)
{
	const struct lib_row *a = x, *b = y;
	int c;

	if (!a->e.date != !b->e.date)
		return a->e.date ? -1 : 1;
	if (a->e.date && (c = strcmp(b->e.date, a->e.date)) != 0)
		return c;
	return cmp_title(a, b);
}

static int
cmp_progress(const void *x, const void *y)
{
	const struct lib_row *a = x, *b = y;

	if (a->s.progress != b->s.progress)
		return a->s.progress > b->s.progress ? -1 : 1;
	return cmp_title(a, b);
}

static int
cmp_recent(const void *x, const void *y)
{
	const struct lib_row *a = x, *b = y;

	if (a->s.opened != b->s.opened)
		return a->s.opened > b->s.opened ? -1 : 1;
	return cmp_title(a, b);
}

static int
cmp_title_q(const void *x, const void *y)
{
	return cmp_title(x, y);
}

static void
sort_rows(struct libview *lv)
{
	static int (*const cmp[SORT_COUNT])(const void *, const void *) = {
		cmp_title_q, cmp_date, cmp_progress, cmp_recent,
	};

	if (lv->n > 1)
		qsort(lv->rows, lv->n, sizeof *lv->rows, cmp[lv->sort]);
}

static void
set_key(struct lib_row *r)
{
	struct strbuf k = STRBUF_INIT;
	const char *t = row_title(r);

	fold_key(t, strlen(t), &k);
	free(r->key);
	r->key = strbuf_detach(&k, NULL);
}

/* What the store knows of every row (after reading an article). */
static void
restat(struct libview *lv)
{
	lv->generation = annot_generation();
	for (size_t i = 0; i < lv->n; i++)
		catalog_stats(*lv->lib->stp, &lv->rows[i].e, &lv->rows[i].s);
}

static int
cmp_id(const void *x, const void *y)
{
	const struct lib_row *a = x, *b = y;

	return (a->e.id > b->e.id) - (a->e.id < b->e.id);
}

/* Reads the rows from the catalog again, keeping the stats of the rows already read. */
static void
reload(struct libview *lv)
{
	struct catalog_entry *v;
	struct lib_row *rows;
	size_t n, row;
	enum gloss_status rc = catalog_list(lv->lib->cat, &v, &n);
	/* the first row stays selected while titles come in and the order changes */
	bool first = lv->view && *listview_filter(lv->view) == '\0' &&
	    (!listview_selected(lv->view, &row, NULL) || row == 0);

	lv->last_reload = monotime_ms();
	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	if (lv->n > 1)
		qsort(lv->rows, lv->n, sizeof *lv->rows, cmp_id);
	rows = xcalloc(n ? n : 1, sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		struct lib_row probe = { .e = { .id = v[i].id } }, *old;

		rows[i].e = v[i];
		old = lv->n ? bsearch(&probe, lv->rows, lv->n, sizeof *lv->rows, cmp_id) : NULL;
		if (old)
			rows[i].s = old->s;
		else
			catalog_stats(*lv->lib->stp, &rows[i].e, &rows[i].s);
		set_key(&rows[i]);
	}
	free(v);		/* the entries' strings now belong to rows */
	rows_free(lv->rows, lv->n);
	lv->rows = rows;
	lv->n = n;
	sort_rows(lv);
	if (lv->view)
		listview_refresh(lv->view);
	if (first && n > 0)
		listview_select_key(lv->view, (uint64_t)lv->rows[0].e.id);
}

/* ------------------------------------------------------------------ */
/* Drawing */

/* Draws s in [*x, limit) and advances *x. */
static void
put(int y, int *x, int limit, const char *s, struct display_attr a)
{
	if (*x < limit)
		*x += display_put(stdscr, y, *x, s, strlen(s), limit - *x, a, opt_glyphs);
}

/* Draws s in a column of width w starting at x (right-aligned if right). */
static void
column(int y, int x, int w, const char *s, bool right, struct display_attr a)
{
	int sw = display_width(s, strlen(s), opt_glyphs);

	if (right && sw < w)
		x += w - sw;
	put(y, &x, x + GLOSS_MIN(w, sw), s, a);
}

enum { W_AUTHOR = 22, W_DATE = 10, W_WORDS = 8, W_PROGRESS = 4, W_HL = 5, GAP = 2 };

static void
lib_draw(void *arg, size_t i, int y, int x, int width, bool selected)
{
	struct libview *lv = arg;
	const struct lib_row *r = &lv->rows[i];
	struct display_attr base = display_style(selected ? DISPLAY_SELECTED : DISPLAY_NORMAL);
	struct display_attr dim = selected ? base : display_style(DISPLAY_DIM);
	bool author = width >= 100;
	int fixed = 2 + GAP + W_DATE + GAP + W_WORDS + GAP + W_PROGRESS + GAP + W_HL +
	    (author ? GAP + W_AUTHOR : 0);
	int tw = GLOSS_MAX(width - fixed, 8), cx = x + 1 + tw + GAP;
	char buf[64];

	column(y, x + 1, tw, row_title(r), false, r->e.title ? base : dim);
	if (author) {
		column(y, cx, W_AUTHOR, r->e.author ? r->e.author : "", false, base);
		cx += W_AUTHOR + GAP;
	}
	column(y, cx, W_DATE, r->e.date ? r->e.date : "", false, dim);
	cx += W_DATE + GAP;
	buf[0] = '\0';
	if (r->e.indexed)
		snprintf(buf, sizeof buf, "%" PRIu64 " w", r->e.words);
	column(y, cx, W_WORDS, buf, true, dim);
	cx += W_WORDS + GAP;
	if (r->s.progress < 0)
		snprintf(buf, sizeof buf, "-");
	else
		snprintf(buf, sizeof buf, "%d%%", r->s.progress);
	column(y, cx, W_PROGRESS, buf, true, base);
	cx += W_PROGRESS + GAP;
	if (r->s.highlights)
		snprintf(buf, sizeof buf, "%zu hl", r->s.highlights);
	else
		buf[0] = '\0';
	column(y, cx, W_HL, buf, true, base);
}

/* What `/` looks in: title, author, date and the file name. */
static void
lib_text(void *arg, size_t i, struct strbuf *out)
{
	struct libview *lv = arg;
	const struct lib_row *r = &lv->rows[i];

	strbuf_addf(out, "%s\n%s\n%s\n%s", row_title(r), r->e.author ? r->e.author : "",
	    r->e.date ? r->e.date : "", base_name(r->e.path));
}

static void
progress_bar(struct strbuf *out, double f)
{
	int full = (int)(f * BAR_CELLS + 0.5);
	bool utf8 = opt_glyphs == GLYPH_UTF8;

	strbuf_adds(out, "  indexing ");
	for (int i = 0; i < BAR_CELLS; i++)
		strbuf_adds(out, i < full ? (utf8 ? "█" : "#") : (utf8 ? "░" : "-"));
	strbuf_addf(out, " %d%%", (int)(f * 100));
}

static void
lib_status(void *arg, struct strbuf *left, struct strbuf *right)
{
	struct libview *lv = arg;

	(void)right;
	strbuf_addf(left, "Library · by %s", sort_names[lv->sort]);
	if (lv->updating)
		progress_bar(left, catalog_progress(lv->lib->cat));
}

/* ------------------------------------------------------------------ */
/* Keys and background work */

static size_t
lib_count(void *arg)
{
	return ((struct libview *)arg)->n;
}

static uint64_t
lib_key(void *arg, size_t i)
{
	return (uint64_t)((struct libview *)arg)->rows[i].e.id;
}

/*
 * Enter: the pager on the article, with the articles the list shows (the
 * filter's, in this order) as its files for ] and [.
 */
static void
open_row(struct libview *lv, size_t row)
{
	struct doc *doc;
	const size_t *shown;
	size_t n = lv->view ? listview_shown(lv->view, &shown) : 0, cur = 0, np = 0;
	char **paths = xcalloc(GLOSS_MAX(n, 1), sizeof *paths);
	enum gloss_status rc = doc_open_default(lv->rows[row].e.path, opt_force, &doc);

	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		free(paths);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (shown[i] == row)
			cur = np;
		paths[np++] = lv->rows[shown[i]].e.path;
	}
	if (np == 0)
		paths[np++] = lv->rows[row].e.path;
	view_push(pager_view_new(paths, np, cur, doc, lv->lib->stp, lv->lib->db_path));
	free(paths);
}

static enum view_result
lib_request(void *arg, struct view *v, enum action a, const struct key *k)
{
	struct libview *lv = arg;
	size_t row;

	(void)k;
	switch (a) {
	case ACTION_ENTER:
		if (listview_selected(v, &row, NULL))
			open_row(lv, row);
		return VIEW_HANDLED;
	case ACTION_SORT:
		lv->sort = (lv->sort + 1) % SORT_COUNT;
		sort_rows(lv);
		listview_refresh(v);
		view_message("Sorted by %s", sort_names[lv->sort]);
		return VIEW_HANDLED;
	default:
		return VIEW_UNHANDLED;
	}
}

static bool
lib_idle(void *arg, struct view *v, unsigned budget_us)
{
	struct libview *lv = arg;
	bool more;

	annot_poll(*lv->lib->stp);
	if (lv->generation != annot_generation() && view_is_top(v)) {
		restat(lv);	/* a highlight or a reading position changed, here or in another gloss */
		sort_rows(lv);
		listview_refresh(v);
		view_invalidate();
	}
	if (!lv->updating)
		return false;
	more = catalog_update_step(lv->lib->cat, budget_us);
	if (!more || monotime_ms() - lv->last_reload >= RELOAD_MS) {
		reload(lv);
		view_invalidate();
	}
	lv->updating = more;
	return more;
}

/* Back from the pager: progress and highlights may have changed, and notes to index. */
static void
lib_focus(void *arg, struct view *v)
{
	struct libview *lv = arg;

	restat(lv);
	sort_rows(lv);
	listview_refresh(v);
	catalog_rescan(lv->lib->cat);
	lv->updating = true;
}

static void
lib_done(void *arg)
{
	struct libview *lv = arg;

	rows_free(lv->rows, lv->n);
	free(lv);
}

static const struct listview_ops library_ops = {
	.count = lib_count,
	.key = lib_key,
	.draw = lib_draw,
	.text = lib_text,
	.request = lib_request,
	.status = lib_status,
	.idle = lib_idle,
	.focus = lib_focus,
	.done = lib_done,
	.empty = "No articles (*.txt, *.md, *.markdown, *.text) here yet",
};

/* Says which entries with an article's name were left out (FIFOs, devices: never opened). */
static void
tell_skipped(const struct library *lib)
{
	size_t total = 0;
	char *first = NULL;

	for (size_t i = 0; i < lib->ndirs; i++) {
		char **notes;
		size_t n = corpus_list_skipped(lib->dirs[i], &notes);

		for (size_t k = 0; k < n; k++) {
			if (first == NULL)
				first = notes[k];
			else
				free(notes[k]);
		}
		free(notes);
		total += n;
	}
	if (total == 1)
		view_message("%s", first);
	else if (total > 1)
		view_message("%s (and %zu more)", first, total - 1);
	free(first);
}

struct view *
library_view_new(struct library *lib)
{
	struct libview *lv;

	if (library_catalog(lib) == NULL)
		return NULL;
	lv = xcalloc(1, sizeof *lv);
	lv->lib = lib;
	lv->updating = true;
	reload(lv);
	lv->view = listview_new(&library_ops, lv);
	tell_skipped(lib);
	return lv->view;
}

/* ------------------------------------------------------------------ */
/* F: the library search */

/* Finishes the update with progress; any key stops it (what is indexed is searched). */
static void
finish_update(struct catalog *cat)
{
	while (catalog_update_step(cat, FIND_STEP_US)) {
		if (display_key_pending()) {
			struct key k;

			display_getkey(&k, 0);
			return;
		}
		view_status_now("Indexing the library… %d%% (any key: search what is indexed)",
		    (int)(catalog_progress(cat) * 100));
	}
}

void
library_find(void *arg)
{
	struct library *lib = arg;
	struct prompt_opts o = { .label = "Search the library: " };
	struct strbuf q = STRBUF_INIT;
	struct catalog_hit *hits;
	struct catalog *cat;
	size_t n;
	char *fts;
	enum gloss_status rc;

	if (!prompt_read(&o, &q) || q.len == 0)
		goto out;
	if ((rc = catalog_query_compile(strbuf_str(&q), &fts)) != GLOSS_OK) {
		view_message("%s", error_last(rc));
		goto out;
	}
	free(fts);
	if ((cat = library_catalog(lib)) == NULL) {
		view_message("%s", error_last(GLOSS_EDB));
		goto out;
	}
	finish_update(cat);
	rc = catalog_search(cat, strbuf_str(&q), FIND_LIMIT, &hits, &n);
	if (rc != GLOSS_OK)
		view_message("%s", error_last(rc));
	else if (n == 0)
		view_message("Nothing in the library matches: %s", strbuf_str(&q));
	else
		view_push(searchview_new(strbuf_str(&q), hits, n, lib->stp, lib->db_path));
out:
	strbuf_done(&q);
}
