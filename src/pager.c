/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager — the reading view (see include/gloss/pager.h): geometry of the
 * reading column, positions and scrolling, drawing of lines with their
 * spans and search matches, searching, switching files, the status line.
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/boiler.h"
#include "gloss/display.h"
#include "gloss/doc_ahead.h"
#include "gloss/doc_build.h"
#include "gloss/keymap.h"
#include "gloss/layout.h"
#include "gloss/meta.h"
#include "gloss/monotime.h"
#include "gloss/options.h"
#include "gloss/pager.h"
#include "gloss/present.h"
#include "gloss/prompt.h"
#include "gloss/search.h"
#include "gloss/srcmap.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"


/* ------------------------------------------------------------------ */
/* Geometry and blocks */

static void
geometry(struct pager *p, int cols)
{
	int margin = cols > 40 ? 1 : 0;
	int width = cols - 2 * margin;

	if (width > opt_column) {
		margin = (cols - opt_column) / 2;
		width = opt_column;
	}
	p->margin = margin;
	p->width = width > 1 ? width : 1;
	p->end_valid = false;
}

/*
 * The lines of block b (at loc) in the reading column.  The head of a
 * folded run has one line covering its whole text: the fold row.
 */
const struct layout_line *
pager_block_lines(struct pager *p, struct doc_loc loc, struct doc_block *b, struct present *pr,
    size_t *n)
{
	const struct present_table *t;
	struct layout_opts o;

	const struct layout_line *fold;

	present_block(b, opt_glyphs, 0, p->width, pr);
	if ((fold = pager_fold_lines(p, loc, b, n)) != NULL)
		return fold;
	if ((t = present_table(b, opt_glyphs, p->width - pr->indent)) != NULL) {
		*n = (size_t)t->rows;
		return t->lines;
	}
	o = present_layout_opts(pr, p->width, opt_glyphs);
	return layout_block(b, &o, n);
}

/* The table layout of a table row at the reading column, or NULL. */
const struct present_table *
pager_table(struct pager *p, const struct doc_block *b, const struct present *pr)
{
	return present_table(b, opt_glyphs, p->width - pr->indent);
}

static bool
is_last(struct pager *p, struct doc_loc loc)
{
	return !boiler_next(pager_fold_boiler(p), &loc);
}

/* Rows of a block: rule, lines, and the blank row that separates it from the next. */
int
pager_block_rows(struct pager *p, struct doc_loc loc)
{
	struct doc_block *b = doc_block(p->doc, loc);
	struct present pr;
	size_t n;
	int rows;

	if (b == NULL)
		return 1;
	if (!pager_fold_is_row(p, pager_block_lines(p, loc, b, &pr, &n)) && (b->flags & DOC_BLOCK_TABLE) &&
	    pager_table(p, b, &pr) && pager_table(p, b, &pr)->header)
		n++;	/* the rule under a header row */
	rows = (int)n + pager_front_rows(p, loc) + ((b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0) +
	    ((b->flags & DOC_BLOCK_RULE_AFTER) ? 1 : 0);
	if (!(b->flags & (DOC_BLOCK_JOINED | DOC_BLOCK_TIGHT)) && !is_last(p, loc))
		rows++;
	return rows;
}

int
pager_rule_rows(struct pager *p, struct doc_loc loc)
{
	struct doc_block *b = doc_block(p->doc, loc);

	return b == NULL ? 0 : pager_front_rows(p, loc) + ((b->flags & DOC_BLOCK_RULE_BEFORE) ? 1 : 0);
}

int
pager_pos_cmp(struct pos a, struct pos b)
{
	int c = doc_loc_cmp(a.loc, b.loc);

	return c ? c : (a.row > b.row) - (a.row < b.row);
}

/* Moves *pos down n rows; returns the rows actually moved. */
int
pager_pos_down(struct pager *p, struct pos *pos, int n)
{
	int moved = 0;

	while (n > 0) {
		int rows = pager_block_rows(p, pos->loc);
		struct doc_loc next = pos->loc;

		if (pos->row + n < rows) {
			pos->row += n;
			return moved + n;
		}
		if (!boiler_next(pager_fold_boiler(p), &next)) {
			moved += rows - 1 - pos->row;
			pos->row = rows - 1;
			return moved;
		}
		n -= rows - pos->row;
		moved += rows - pos->row;
		pos->loc = next;
		pos->row = 0;
	}
	return moved;
}

void
pager_pos_up(struct pager *p, struct pos *pos, int n)
{
	while (n > 0) {
		if (pos->row >= n) {
			pos->row -= n;
			return;
		}
		n -= pos->row;
		if (!boiler_prev(pager_fold_boiler(p), &pos->loc)) {
			pos->row = 0;
			return;
		}
		pos->row = pager_block_rows(p, pos->loc);
	}
}

/* The top position that puts the last row of the document on the last screen row. */
struct pos
pager_end_pos(struct pager *p, int screen_rows)
{
	struct pos e = { { 0, 0 }, 0 };

	if (p->end_valid)
		return p->end;
	if (boiler_last(pager_fold_boiler(p), &e.loc)) {
		e.row = pager_block_rows(p, e.loc);
		pager_pos_up(p, &e, screen_rows);
	}
	p->end = e;
	p->end_valid = true;
	return e;
}

/*
 * Keeps the top at or above the end position.  A screen of rows below the
 * top proves it is not past the end without laying out the document's
 * last chunk (so the first screen of a large file does not wait for it).
 */
void
pager_clamp(struct pager *p, struct view *v)
{
	struct pos e;

	if (!p->end_valid) {
		struct pos probe = p->top;

		if (pager_pos_down(p, &probe, v->rows) == v->rows)
			return;
	}
	e = pager_end_pos(p, v->rows);
	if (pager_pos_cmp(p->top, e) > 0)
		p->top = e;
}

/* The byte at which the top row starts (for keeping the place on resize). */
uint32_t
pager_top_anchor(struct pager *p)
{
	struct doc_block *b = doc_block(p->doc, p->top.loc);
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;

	if (b == NULL)
		return 0;
	lines = pager_block_lines(p, p->top.loc, b, &pr, &n);
	li = p->top.row - pager_rule_rows(p, p->top.loc);
	if (li < 0)
		return 0;
	if ((size_t)li >= n)
		return b->len;
	return lines[li].start;
}

/* The position of the row holding byte `off` of block loc. */
struct pos
pager_pos_of_byte(struct pager *p, struct doc_loc loc, uint32_t off)
{
	struct doc_block *b = doc_block(p->doc, loc);
	struct pos pos = { loc, 0 };
	struct present pr;
	size_t n;
	const struct layout_line *lines;

	if (b == NULL)
		return pos;
	lines = pager_block_lines(p, loc, b, &pr, &n);
	pos.row = pager_rule_rows(p, loc) + (int)layout_line_at(lines, n, off);
	return pos;
}

/* ------------------------------------------------------------------ */
/* Places */

struct place
pager_here(struct pager *p)
{
	struct place pl = { p->cur, p->top.loc, 0 };

	if (!p->empty)
		pl.in = pager_top_anchor(p);
	return pl;
}

bool
pager_go_place(struct pager *p, struct view *v, struct place pl)
{
	if (pl.file != p->cur && !pager_switch_file(p, v, pl.file))
		return false;
	if (p->empty || doc_block(p->doc, pl.loc) == NULL)
		return false;
	pager_fold_reveal(p, v, pl.loc);
	p->top = pager_pos_of_byte(p, pl.loc, pl.in);
	pager_clamp(p, v);
	pager_caret_follow(p, v);
	pager_annot_moved(p);
	return true;
}

bool
pager_go_offset(struct pager *p, struct view *v, uint64_t off, bool caret)
{
	struct doc_loc loc;
	uint32_t in;

	if (!doc_locate(p->doc, off, &loc, &in))
		return false;
	pager_fold_reveal(p, v, loc);	/* a jump into a fold opens it */
	p->top = pager_pos_of_byte(p, loc, in);
	pager_clamp(p, v);
	if (caret)
		pager_caret_set(p, (struct caret){ loc, in });
	pager_annot_moved(p);
	return true;
}

/* The document offset where row `pos` ends (its line's end). */
static bool
row_end(struct pager *p, struct pos pos, uint64_t *z)
{
	struct doc_block *b = doc_block(p->doc, pos.loc);
	struct present pr;
	size_t n;
	const struct layout_line *lines;
	int li;
	uint64_t base;

	if (b == NULL || !doc_block_offset(p->doc, pos.loc, &base))
		return false;
	lines = pager_block_lines(p, pos.loc, b, &pr, &n);
	li = pos.row - pager_rule_rows(p, pos.loc);
	li = GLOSS_MAX(0, GLOSS_MIN(li, (int)n - 1));
	*z = base + (li + 1 < (int)n ? lines[li + 1].start : b->len);
	return true;
}

bool
pager_screen_range(struct pager *p, struct view *v, uint64_t *a, uint64_t *z)
{
	struct pos bottom = p->top;
	uint64_t base;

	if (p->empty || !doc_block_offset(p->doc, p->top.loc, &base))
		return false;
	*a = base + pager_top_anchor(p);
	pager_pos_down(p, &bottom, v->rows - 1);
	return row_end(p, bottom, z);
}

/* ------------------------------------------------------------------ */
/* Files */

static void reset_doc_parsed(struct pager *p, char *title);

/* The document's state, read with progress in the status line (q: quit before the text is shown). */
static void
reset_doc_state(struct pager *p)
{
	char *title;
	bool go_on = pager_load(p->doc, &title);

	reset_doc_parsed(p, title);
	if (!go_on)
		view_hangup();	/* ends the loop at once, as a hang-up does */
}

/* Resets the pager for p->doc, whose first chunk is read; title (meta_title()'s, or NULL) is taken. */
static void
reset_doc_parsed(struct pager *p, char *title)
{
	struct doc_loc first;

	pager_fold_reset(p);
	free(p->title);
	/* man(1) names the page it pipes to its pager (man-db: MAN_PN, "ls(1)") */
	if (strcmp(doc_path(p->doc), "-") == 0 && getenv("MAN_PN") && *getenv("MAN_PN")) {
		p->title = xstrdup(getenv("MAN_PN"));
		free(title);
	} else {
		p->title = title ? title : meta_title(p->doc);
	}
	p->empty = !doc_first(p->doc, &first);
	if (!p->empty)
		boiler_visible(pager_fold_boiler(p), &first);
	pager_front_reset(p, first);
	p->top.loc = first;
	p->top.row = 0;
	p->end_valid = false;
	pager_search_forget_match(p, false);
	pager_search_reset(p);
	pager_caret_reset(p);
	p->changed = false;
	p->change_looked_ms = monotime_ms();
	pager_side_reset(p);
	pager_marks_reset(p);
}

#define CHANGE_POLL_MS 1000	/* the file is looked at this often for changes */

/*
 * Notices that the file changed on disk (written, replaced, or shrunk
 * under its mapping, whose lost pages read as zeros: file_map) and says
 * so once; the status line keeps saying it until R reads the file again.
 */
static void
watch_file(struct pager *p)
{
	if (p->changed || (monotime_ms() - p->change_looked_ms < CHANGE_POLL_MS &&
	    !doc_source_damaged(p->doc)))
		return;
	p->change_looked_ms = monotime_ms();
	if (!doc_changed(p->doc))
		return;
	p->changed = true;
	view_message("%s %s on disk: R reads it again", doc_path(p->doc),
	    doc_source_damaged(p->doc) ? "shrank" : "changed");
	view_invalidate();
}

/* R: the file read again, at the same place when it is still there. */
static void
reload(struct pager *p, struct view *v)
{
	bool was = p->changed;

	if (strcmp(doc_path(p->doc), "-") == 0) {
		view_message("Standard input cannot be read again");
		return;
	}
	if (pager_switch_file(p, v, p->cur))
		view_message("%s %s", doc_path(p->doc), was ? "read again" : "read again (it had not changed)");
}

bool
pager_switch_file(struct pager *p, struct view *v, size_t to)
{
	struct doc *doc;
	enum gloss_status rc;

	if (to >= p->npaths) {
		view_message(to == p->npaths ? "No next file" : "No previous file");
		return false;
	}
	rc = doc_open_default(p->paths[to], opt_force, &doc);
	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return false;
	}
	p->saved[p->cur].valid = true;
	p->saved[p->cur].top = p->top;
	pager_annot_close(p);
	doc_free(p->doc);
	p->doc = doc;
	doc_ahead_start(doc);
	p->cur = to;
	reset_doc_state(p);
	pager_annot_open(p, v);
	if (p->saved[to].valid && doc_block(p->doc, p->saved[to].top.loc)) {
		p->top = p->saved[to].top;
		pager_fold_settle(p, v);
		pager_clamp(p, v);
	}
	return true;
}

bool
pager_open_path(struct pager *p, struct view *v, const char *path)
{
	size_t i;

	for (i = 0; i < p->npaths && strcmp(p->paths[i], path) != 0; i++)
		;
	if (i == p->cur)
		return true;
	if (i == p->npaths) {
		p->paths = xreallocarray(p->paths, p->npaths + 1, sizeof *p->paths);
		p->saved = xreallocarray(p->saved, p->npaths + 1, sizeof *p->saved);
		p->paths[p->npaths] = xstrdup(path);
		p->saved[p->npaths].valid = false;
		p->npaths++;
	}
	return pager_switch_file(p, v, i);
}

/* ------------------------------------------------------------------ */
/* Requests */

static void
move_rows(struct pager *p, struct view *v, int n)
{
	if (n >= 0) {
		pager_pos_down(p, &p->top, n);
		pager_clamp(p, v);
	} else {
		pager_pos_up(p, &p->top, -n);
	}
}

static void
go_fraction(struct pager *p, struct view *v, double f)
{
	struct doc_loc loc;

	if (doc_seek_fraction(p->doc, f, &loc)) {
		boiler_visible(pager_fold_boiler(p), &loc);
		p->top.loc = loc;
		p->top.row = 0;
		pager_clamp(p, v);
	}
}

static enum view_result
move_request(struct pager *p, struct view *v, enum action a, int count)
{
	int n = count > 0 ? count : 1;
	int page = v->rows > 2 ? v->rows - 1 : 1;

	switch (a) {
	case ACTION_LINE_DOWN: move_rows(p, v, n); break;
	case ACTION_LINE_UP: move_rows(p, v, -n); break;
	case ACTION_PAGE_DOWN: move_rows(p, v, page * n); break;
	case ACTION_PAGE_UP: move_rows(p, v, -page * n); break;
	case ACTION_HALF_DOWN: move_rows(p, v, v->rows / 2 * n); break;
	case ACTION_HALF_UP: move_rows(p, v, -(v->rows / 2) * n); break;
	case ACTION_TOP:
		pager_side_jump_push(p);
		doc_first(p->doc, &p->top.loc);
		boiler_visible(pager_fold_boiler(p), &p->top.loc);
		p->top.row = 0;
		break;
	case ACTION_BOTTOM:
		pager_side_jump_push(p);
		p->top = pager_end_pos(p, v->rows);
		break;
	case ACTION_PERCENT:
		pager_side_jump_push(p);
		go_fraction(p, v, GLOSS_MIN(count, 100) / 100.0);
		break;
	default: return VIEW_UNHANDLED;
	}
	pager_annot_moved(p);
	pager_caret_follow(p, v);
	return VIEW_HANDLED;
}

#define INFO_COUNT_MAX (64ull << 20)	/* = counts the lines of files up to this size */

/* The 1-based line of the file that byte off is on. */
static uint64_t
line_of(const char *src, uint64_t off)
{
	uint64_t n = 1;

	for (const char *s = src, *end = src + off; (s = memchr(s, '\n', (size_t)(end - s))) != NULL; s++)
		n++;
	return n;
}

/* The source bytes [*sa, *sz) of the text on screen; false if not measured that far. */
static bool
screen_bytes(struct pager *p, struct view *v, uint64_t *sa, uint64_t *sz)
{
	uint64_t a, z;
	struct srcmap *m;
	bool ok;

	if (p->empty || !pager_screen_range(p, v, &a, &z) || z <= a)
		return false;
	m = srcmap_new(p->doc);
	ok = srcmap_to_source(m, a, z, sa, sz);
	srcmap_free(m);
	return ok;
}

/*
 * =: as less does, the file, the lines on screen (of how many), the byte
 * offset of the screen's end (of the size) and the percent it is at.
 */
static void
file_info(struct pager *p, struct view *v)
{
	struct strbuf msg = STRBUF_INIT;
	const char *src = doc_source(p->doc), *path = doc_path(p->doc);
	uint64_t size = doc_source_size(p->doc), sa, sz;

	strbuf_adds(&msg, strcmp(path, "-") == 0 ? "standard input" : path);
	if (p->npaths > 1)
		strbuf_addf(&msg, "  (file %zu of %zu)", p->cur + 1, p->npaths);
	if (src && screen_bytes(p, v, &sa, &sz) && sz > sa && sz <= size) {
		strbuf_addf(&msg, "  lines %llu-%llu", (unsigned long long)line_of(src, sa),
		    (unsigned long long)line_of(src, sz - 1));
		if (size <= INFO_COUNT_MAX)
			strbuf_addf(&msg, "/%llu", (unsigned long long)(line_of(src, size) -
			    (size > 0 && src[size - 1] == '\n')));
		strbuf_addf(&msg, "  byte %llu/%llu  %d%%", (unsigned long long)sz,
		    (unsigned long long)size, size ? (int)(sz * 100 / size) : 100);
	} else {
		strbuf_addf(&msg, "  %llu bytes", (unsigned long long)size);
	}
	view_message("%s", strbuf_str(&msg));
	strbuf_done(&msg);
}

static enum view_result
search_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_side_jump_push(p);
	if (a == ACTION_SEARCH_FORWARD || a == ACTION_SEARCH_BACKWARD)
		pager_search_start(p, v, a == ACTION_SEARCH_BACKWARD);
	else
		pager_search_repeat(p, v, a == ACTION_SEARCH_PREV);
	return VIEW_HANDLED;
}

static enum view_result
clear_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_search_forget_match(p, true);
	pager_caret_hide(p);
	pager_annot_reattach_cancel(p);
	return VIEW_HANDLED;
}

static enum view_result
next_file_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_switch_file(p, v, p->cur + 1);
	return VIEW_HANDLED;
}

static enum view_result
prev_file_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_switch_file(p, v, p->cur == 0 ? p->npaths + 1 : p->cur - 1);
	return VIEW_HANDLED;
}

static enum view_result
reload_request(struct pager *p, struct view *v, enum action a, int count)
{
	reload(p, v);
	return VIEW_HANDLED;
}

static enum view_result
info_request(struct pager *p, struct view *v, enum action a, int count)
{
	file_info(p, v);
	return VIEW_HANDLED;
}

static enum view_result
fold_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_fold_toggle(p, v);
	return VIEW_HANDLED;
}

static enum view_result
fold_all_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_fold_all(p, v);
	return VIEW_HANDLED;
}

static enum view_result
front_request(struct pager *p, struct view *v, enum action a, int count)
{
	pager_front_toggle(p, v);
	return VIEW_HANDLED;
}

static const struct pager_request rows[] = {
	{ ACTION_LINE_DOWN, move_request },
	{ ACTION_LINE_UP, move_request },
	{ ACTION_PAGE_DOWN, move_request },
	{ ACTION_PAGE_UP, move_request },
	{ ACTION_HALF_DOWN, move_request },
	{ ACTION_HALF_UP, move_request },
	{ ACTION_TOP, move_request },
	{ ACTION_BOTTOM, move_request },
	{ ACTION_PERCENT, move_request },
	{ ACTION_SEARCH_FORWARD, search_request },
	{ ACTION_SEARCH_BACKWARD, search_request },
	{ ACTION_SEARCH_NEXT, search_request },
	{ ACTION_SEARCH_PREV, search_request },
	{ ACTION_SEARCH_CLEAR, clear_request },
	{ ACTION_NEXT_FILE, next_file_request },
	{ ACTION_PREV_FILE, prev_file_request },
	{ ACTION_RELOAD, reload_request },
	{ ACTION_FILE_INFO, info_request },
	{ ACTION_FOLD, fold_request },
	{ ACTION_FOLD_ALL, fold_all_request },
	{ ACTION_FRONT_MATTER, front_request },
};

static const struct pager_requests core_requests = { rows, GLOSS_ARRAY_SIZE(rows) };

/* An action's handler, and whether handling it counts as the reader moving (pager_annot_moved). */
struct handler {
	pager_handler *handle;
	bool moves;
};

/* Indexed by action; made once from the parts' rows (the same for every pager). */
static struct handler handlers[ACTION_COUNT];
static bool handlers_made;

static void
handlers_add(const struct pager_requests *t, bool moves)
{
	for (size_t i = 0; i < t->n; i++)
		if (handlers[t->rows[i].action].handle == NULL)	/* one part per action */
			handlers[t->rows[i].action] = (struct handler){ t->rows[i].handle, moves };
}

/* The parts' actions count as moving; the core's handlers say so themselves when they move. */
static void
handlers_make(void)
{
	if (handlers_made)
		return;
	handlers_add(&pager_side_requests, true);
	handlers_add(&pager_caret_requests, true);
	handlers_add(&pager_annot_requests, true);
	handlers_add(&pager_marks_requests, true);
	handlers_add(&core_requests, false);
	handlers_made = true;
}

/* The sidebar with the focus has the first word; then one look in the table finds the handler. */
static enum view_result
pager_request(struct view *v, enum action a, int count)
{
	struct pager *p = v->data;
	enum view_result r;

	p->anchored = false;
	if (p->empty && a != ACTION_NEXT_FILE && a != ACTION_PREV_FILE && a != ACTION_RELOAD)
		return VIEW_UNHANDLED;
	if ((r = pager_side_focused_request(p, v, a, count)) == VIEW_UNHANDLED) {
		if (a <= ACTION_NONE || a >= ACTION_COUNT || handlers[a].handle == NULL)
			return VIEW_UNHANDLED;
		r = handlers[a].handle(p, v, a, count);
		if (!handlers[a].moves)
			return r;
	}
	if (r != VIEW_UNHANDLED)
		pager_annot_moved(p);
	return r;
}

static enum view_result
pager_key(struct view *v, const struct key *k)
{
	struct pager *p = v->data;

	if (k->fn && k->code == KEY_MOUSE && !p->empty) {
		p->anchored = false;
		pager_annot_moved(p);
		return pager_caret_mouse(p, v);
	}
	return VIEW_UNHANDLED;
}

/*
 * Keeps the first visible word on the first row.  The word is remembered
 * until the reader moves, so resizing back and forth returns to it exactly.
 */
static void
relayout(struct pager *p, struct view *v)
{
	if (!p->empty && !p->anchored) {
		p->anchor_loc = p->top.loc;
		p->anchor = pager_top_anchor(p);
		p->anchored = true;
	}
	geometry(p, pager_side_text_cols(p, v->cols));
	if (p->empty)
		return;
	p->top = pager_pos_of_byte(p, p->anchor_loc, p->anchor);
	pager_clamp(p, v);
}

static void
pager_resize(struct view *v)
{
	relayout(v->data, v);
}

void
pager_relayout(struct pager *p, struct view *v)
{
	p->anchored = false;	/* the first word now on screen stays there */
	relayout(p, v);
}

void
pager_rows_changed(struct pager *p)
{
	p->end_valid = false;
}

static bool
pager_idle(struct view *v, unsigned budget_us)
{
	struct pager *p = v->data;
	bool more;

	watch_file(p);
	more = pager_search_idle(p, budget_us / 2);
	more = doc_idle(p->doc, budget_us / 2) || more;
	more = pager_annot_idle(p, v, budget_us / 2) || more;
	return pager_side_idle(p, v, budget_us / 4) || more;
}

static enum keymap_mode
pager_keymode(struct view *v)
{
	struct pager *p = v->data;

	return pager_caret_selecting(p) ? KEYMAP_VISUAL : KEYMAP_NORMAL;
}

static void
pager_done(struct view *v)
{
	struct pager *p = v->data;

	for (size_t i = 0; i < p->npaths; i++)
		free(p->paths[i]);
	free(p->paths);
	free(p->saved);
	pager_search_free(p);
	pager_side_free(p);
	pager_notes_free(p);
	pager_marks_free(p);
	pager_annot_close(p);
	pager_annot_free(p);
	pager_fold_free(p);
	pager_front_free(p);
	free(p->title);
	pager_caret_free(p);
	doc_free(p->doc);
	free(p);
}

static const struct view_ops pager_ops = {
	.name = "pager",
	.draw = pager_draw,
	.request = pager_request,
	.key = pager_key,
	.resize = pager_resize,
	.idle = pager_idle,
	.status = pager_draw_status,
	.done = pager_done,
	.keymode = pager_keymode,
};

struct view *
pager_view_new(char *const *paths, size_t n, size_t first, struct doc *doc, struct store **stp,
    const char *db_path)
{
	struct pager *p = xcalloc(1, sizeof *p);
	struct view *v;

	p->paths = xcalloc(n, sizeof *p->paths);
	for (size_t i = 0; i < n; i++)
		p->paths[i] = xstrdup(paths[i]);
	p->npaths = n;
	p->cur = first;
	p->saved = xcalloc(n, sizeof *p->saved);
	p->doc = doc;
	doc_ahead_start(doc);
	pager_annot_init(p, stp, db_path);
	handlers_make();
	pager_caret_init(p);
	pager_search_init(p);
	pager_side_init(p);
	pager_notes_init(p);
	pager_fold_init(p);
	pager_front_init(p);
	reset_doc_state(p);
	geometry(p, view_cols());
	v = view_new(&pager_ops, p);
	p->self = v;
	pager_annot_open(p, v);
	return v;
}
