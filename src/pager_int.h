/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_int.h — internals shared by the files of the pager module:
 * pager.c (positions, files, requests), pager_draw.c (drawing, status),
 * pager_search.c (searching), pager_caret.c (the caret and the selection),
 * pager_annot.c (annotations), pager_fold.c (folding site furniture),
 * pager_side.c (the sidebar), pager_notes.c (notes and links),
 * pager_xref.c (cross-document references), pager_marks.c (marks) and
 * pager_load.c (reading with progress in a worker thread).  Not for other modules.
 *
 * Who owns which state: struct pager holds what the core (pager.c,
 * pager_draw.c) reads and every part may read: the files, the document,
 * the reading column, the top row (which the parts that move the screen set:
 * the caret, the search, folding, the front matter) and the title.  Each
 * part keeps its own state in a struct defined in its file and seen only
 * there: struct pager_caret_state (p->cs, pager_caret.c), pager_search_state
 * (p->srch, pager_search.c), pager_annot_state (p->an: the annotations, the
 * reading position and progress, pager_annot.c), pager_side_state (p->side:
 * the sidebar, the jump list, pager_side.c), pager_notes_state (p->nt,
 * pager_notes.c), pager_xref (p->xref, pager_xref.c), pager_marks (p->marks,
 * pager_marks.c), pager_fold_state (p->fold: the folds, the fold row,
 * pager_fold.c) and pager_front_state (p->fm, pager_front.c).  The other
 * files reach a part only through its functions, which carry its file's
 * name (pager_side_* in pager_side.c, ...).  No per-pager state lives in
 * function statics.
 */
#ifndef GLOSS_PAGER_INT_H
#define GLOSS_PAGER_INT_H

#include "gloss/doc.h"
#include "gloss/layout.h"
#include "gloss/present.h"
#include "gloss/search.h"
#include "gloss/view.h"
#include "gloss/display.h"
#include "gloss/caret.h"
#include "gloss/annot.h"
#include "gloss/store.h"
#include "gloss/boiler.h"

struct pos {
	struct doc_loc loc;
	int row;		/* row within the block's rows */
};

struct saved {
	bool valid;
	struct pos top;
};

/* A place in one of the pager's files: the top row begins at byte `in` of block `loc`. */
struct place {
	size_t file;
	struct doc_loc loc;
	uint32_t in;
};

/* Documents larger than this are not scanned for the sidebar (notes, links, outline). */
#define PAGER_SCAN_MAX (64ull << 20)

struct sidebar;
struct pager_search_state;
struct pager_caret_state;
struct pager_annot_state;
struct pager_side_state;
struct pager_notes_state;
struct pager_xref;
struct pager_marks;
struct pager_fold_state;
struct pager_front_state;

struct pager {
	struct view *self;	/* the pager's own view */
	char **paths;
	size_t npaths, cur;
	struct saved *saved;	/* per file: where the reader was */
	struct doc *doc;
	bool empty;
	struct pos top;
	bool anchored;		/* resizing keeps anchor (until the reader moves) */
	struct doc_loc anchor_loc;
	uint32_t anchor;
	int margin, width;	/* the reading column */
	bool end_valid;
	struct pos end;		/* the top position that shows the last row at the bottom */
	char *title;		/* meta_title() of the document, for the status line */
	bool changed;		/* the file changed on disk since it was opened (R reads it again) */
	uint64_t change_looked_ms;	/* when the file was last looked at */

	/* the parts' own state, each defined in (and seen only by) its file */
	struct pager_search_state *srch;	/* the search and its match (pager_search.c) */
	struct pager_caret_state *cs;	/* the caret and the selection (pager_caret.c) */
	struct pager_annot_state *an;	/* the annotations, the reading position (pager_annot.c) */
	struct pager_side_state *side;	/* the sidebar, the jump list (pager_side.c) */
	struct pager_notes_state *nt;	/* the document's notes and links (pager_notes.c) */
	struct pager_xref *xref;	/* the cross-document index, once idle time opened it (pager_xref.c) */
	struct pager_marks *marks;	/* m{a-z} (pager_marks.c), NULL until used */
	struct pager_fold_state *fold;	/* the document's folds (pager_fold.c) */
	struct pager_front_state *fm;	/* the header of the front matter (pager_front.c) */
};

/* A highlight as drawn in one block: a byte range of its text. */
struct pager_hl {
	uint32_t start, end;
	int color;
	bool note;
	bool starts_here;	/* the highlight begins in this block */
};

/*
 * Requests (pager.c): each part exports its rows, an action and its handler
 * (which may serve several actions); pager_request makes one table indexed
 * by action from them, so one look finds the handler.  No action is in two
 * parts' rows.  Handling a part's action counts as the reader moving.
 */
typedef enum view_result pager_handler(struct pager *p, struct view *v, enum action a, int count);
struct pager_request {
	enum action action;
	pager_handler *handle;
};
struct pager_requests {
	const struct pager_request *rows;
	size_t n;
};
extern const struct pager_requests pager_side_requests;	/* the sidebar, jumps, copying, notes */
extern const struct pager_requests pager_caret_requests;	/* caret motions, the selection */
extern const struct pager_requests pager_annot_requests;	/* highlights, notes, tags, lists, export */
extern const struct pager_requests pager_marks_requests;	/* m and ' */

/* Positions and blocks (pager.c) */
const struct layout_line *pager_block_lines(struct pager *p, struct doc_loc loc,
    struct doc_block *b, struct present *pr, size_t *n);
int pager_block_rows(struct pager *p, struct doc_loc loc);
const struct present_table *pager_table(struct pager *p, const struct doc_block *b,
    const struct present *pr);
int pager_rule_rows(struct pager *p, struct doc_loc loc);
int pager_pos_cmp(struct pos a, struct pos b);
int pager_pos_down(struct pager *p, struct pos *pos, int n);
void pager_pos_up(struct pager *p, struct pos *pos, int n);
struct pos pager_end_pos(struct pager *p, int screen_rows);
void pager_clamp(struct pager *p, struct view *v);
uint32_t pager_top_anchor(struct pager *p);
struct pos pager_pos_of_byte(struct pager *p, struct doc_loc loc, uint32_t off);

/* Drawing (pager_draw.c) */
void pager_draw(struct view *v);
void pager_draw_status(struct view *v, struct strbuf *left, struct strbuf *right);
struct display_attr pager_draw_attr_or(struct display_attr a, struct display_attr b);

/* The caret and the selection (pager_caret.c) */
void pager_caret_init(struct pager *p);
void pager_caret_free(struct pager *p);
/* A new document: no caret, no selection. */
void pager_caret_reset(struct pager *p);
/* Shows the caret at c (no scrolling). */
void pager_caret_set(struct pager *p, struct caret c);
/* Hides the caret (a selection stays). */
void pager_caret_hide(struct pager *p);
/* True with the caret in *c if it is shown. */
bool pager_caret_shown(const struct pager *p, struct caret *c);
/* True with the document offset of the caret in *off if it is shown (and measured). */
bool pager_caret_shown_offset(struct pager *p, uint64_t *off);
/* True with the selection's other end in *m while the caret is shown in a selection. */
bool pager_caret_mark(const struct pager *p, struct caret *m);
/* Keeps the caret on screen after the screen moved (or the screen on the caret in a selection). */
void pager_caret_follow(struct pager *p, struct view *v);
/* Puts the caret on byte off of block loc (a search match), scrolling to it if needed. */
void pager_caret_place(struct pager *p, struct view *v, struct doc_loc loc, uint32_t off);
/* The caret (shown first if it was hidden: at the first line on screen). */
struct caret pager_caret(struct pager *p);
/* The selection as offsets of the document text; false if none (or not yet measured). */
bool pager_caret_selection(struct pager *p, uint64_t *start, uint64_t *end);
/* The selection, snapped to words (caret_snap), as [*a, *z) (z exclusive); false if none. */
bool pager_caret_selection_carets(struct pager *p, struct caret *a, struct caret *z);
/* True while a selection is made (visual mode). */
bool pager_caret_selecting(const struct pager *p);
/* Ends the selection (the caret stays). */
void pager_caret_selection_end(struct pager *p);
/* The screen cell (y, x) as a caret; false outside the text. */
bool pager_caret_hit(struct pager *p, struct view *v, int y, int x, struct caret *c);
enum view_result pager_caret_mouse(struct pager *p, struct view *v);
/* Document-text offset of a caret; false while its chunk is not measured. */
bool pager_caret_offset(struct pager *p, struct caret c, uint64_t *off);

/* Files (pager.c) */
/* Opens paths[to]; false (with a message) if it cannot. */
bool pager_switch_file(struct pager *p, struct view *v, size_t to);
/* Opens the file at path, adding it to the list if needed. */
bool pager_open_path(struct pager *p, struct view *v, const char *path);

/* Annotations (pager_annot.c) */
/* Makes p->an: the reader's store *stp (NULL: none yet, made at db_path on the first write). */
void pager_annot_init(struct pager *p, struct store **stp, const char *db_path);
void pager_annot_free(struct pager *p);
/* The open document's annotations, or NULL (no database, or it could not be attached). */
struct annot_doc *pager_annot_doc(const struct pager *p);
/* The reader moved: the place is stored when the document is closed. */
void pager_annot_moved(struct pager *p);
/* Goes to document offset off once the document is measured that far (unless the reader moves first). */
void pager_annot_go_later(struct pager *p, uint64_t off);
/* Esc: the next highlight re-attaches no orphan (said so if one was waiting). */
void pager_annot_reattach_cancel(struct pager *p);
/* Records how far the text has been on screen (the end on screen: the text's length). */
void pager_annot_seen(struct pager *p, struct view *v);
/* The colour of a highlight on screen overlapping [a, z) of the document text, or -1. */
int pager_annot_color_in(const struct pager *p, uint64_t a, uint64_t z);
/* Opens (creating if needed) the database for a write; false with a message. */
bool pager_annot_store_ready(struct pager *p);
void pager_annot_open(struct pager *p, struct view *v);
void pager_annot_close(struct pager *p);
/* Re-reads the highlights on screen (called before drawing). */
void pager_annot_refresh(struct pager *p, struct view *v);
/* The highlights of block loc (a new array, caller frees); returns the count. */
size_t pager_annot_block(struct pager *p, struct doc_loc loc, struct pager_hl **out);
/* The highlight under the caret (see at the definition for the rule), or NULL; valid until the next draw. */
const struct store_annotation *pager_annot_at_caret(struct pager *p);
/* Background work: re-anchoring, polling other instances, restoring the position. */
bool pager_annot_idle(struct pager *p, struct view *v, unsigned budget_us);
void pager_annot_status(struct pager *p, struct strbuf *right);

/* Lays the text out again for the current size and sidebar, keeping the first word now on screen. */
void pager_relayout(struct pager *p, struct view *v);
/* The rows of blocks changed (folds, the front matter): the end position is found again. */
void pager_rows_changed(struct pager *p);

/* Places and jumps (pager.c) */
struct place pager_here(struct pager *p);
/* Goes to a place (opening its file if needed); false if it cannot. */
bool pager_go_place(struct pager *p, struct view *v, struct place pl);
/* Puts the row holding document offset off at the top (caret: and the caret on it); false if not measured yet. */
bool pager_go_offset(struct pager *p, struct view *v, uint64_t off, bool caret);
/* The document text on screen, [*a, *z); false if not measured that far. */
bool pager_screen_range(struct pager *p, struct view *v, uint64_t *a, uint64_t *z);

/* The sidebar, the note popup, the jump list, copying (pager_side.c) */
/* Columns for the text out of cols (the sidebar takes the rest when beside it). */
int pager_side_text_cols(struct pager *p, int cols);
void pager_side_init(struct pager *p);
void pager_side_draw(struct pager *p, struct view *v);
/* The keys of the sidebar while it has the focus (VIEW_UNHANDLED when it has not, or for other keys). */
enum view_result pager_side_focused_request(struct pager *p, struct view *v, enum action a, int count);
/* A new document is shown: its entries are found again when needed. */
void pager_side_reset(struct pager *p);
bool pager_side_idle(struct pager *p, struct view *v, unsigned budget_us);
void pager_side_free(struct pager *p);
/* s[0..n) on one line (white space runs as one space), at most a few hundred bytes; caller frees. */
char *pager_side_one_line(const char *s, size_t n);
/* Records the current place before a jump (g, G, %, a search, a sidebar entry…). */
void pager_side_jump_push(struct pager *p);
/* The place before the last jump (where '' goes) in *pl; false if none. */
bool pager_side_jump_last(const struct pager *p, struct place *pl);

/* Notes and links in the pager (pager_notes.c) */
void pager_notes_init(struct pager *p);
void pager_notes_free(struct pager *p);
/* Scans the document's notes and links (if not too large) and fills the Notes, Links and Cross-doc tabs of sb. */
void pager_notes_fill(struct pager *p, struct sidebar *sb);
/* A new document: its notes and links are scanned again when needed. */
void pager_notes_forget(struct pager *p);
/* The URL of the link at document offset off, or NULL. */
const char *pager_notes_link_at(struct pager *p, uint64_t off);
/* o: the note of the marker at the caret, or of the first marker on screen, in a popup. */
void pager_notes_popup(struct pager *p, struct view *v);
/* Enter on a marker goes to its note, in a note to where it is cited; false elsewhere. */
bool pager_notes_follow_marker(struct pager *p, struct view *v);
/* Scans the notes and links of a small measured document in idle time (for drawing). */
bool pager_notes_idle(struct pager *p);
/* Bracketed/Unicode note markers (SUP) and bare URLs (LINK) in block b, as spans sorted by start; caller frees. */
size_t pager_notes_block(struct pager *p, struct doc_loc loc, const struct doc_block *b, struct doc_span **out);
/* Shows text in a popup whose Enter goes to off (UINT64_MAX: Enter just closes). */
void pager_side_popup(struct pager *p, const char *title, const char *text, uint64_t off);

/* Cross-document references (pager_xref.c) */
/* Brings the index of the pager's files up to date in a thread of its own; true once, when that
   update has just ended (the Cross-doc tab can be filled). */
bool pager_xref_idle(struct pager *p, unsigned budget_us);
/* Fills the Cross-doc tab of sb. */
void pager_xref_fill(struct pager *p, struct sidebar *sb);
void pager_xref_free(struct pager *p);
/* Folding (pager_fold.c) */
void pager_fold_init(struct pager *p);
void pager_fold_free(struct pager *p);
/* A new document: its folds as opt_fold says. */
void pager_fold_reset(struct pager *p);
/* The document's folds (which blocks are shown, the order of shown blocks). */
struct boiler *pager_fold_boiler(const struct pager *p);
/* The one line of block b (at loc) if it heads a folded run (*n = 1), else NULL. */
const struct layout_line *pager_fold_lines(struct pager *p, struct doc_loc loc, const struct doc_block *b,
    size_t *n);
/* True if lines (from pager_block_lines) are a fold row. */
bool pager_fold_is_row(const struct pager *p, const struct layout_line *lines);
/* Opens the fold holding block loc if it is folded; true if it was. */
bool pager_fold_reveal(struct pager *p, struct view *v, struct doc_loc loc);
/* Opens folds holding the caret, the selection's mark or the match; keeps the top on a shown block. */
void pager_fold_settle(struct pager *p, struct view *v);
void pager_fold_toggle(struct pager *p, struct view *v);
void pager_fold_all(struct pager *p, struct view *v);
/* Draws the fold row of the folded run whose head is loc at screen row y. */
void pager_fold_draw(struct pager *p, struct doc_loc loc, int y);

/* The front matter's header (pager_front.c): made for a new document, its rows above loc, drawn, i */
void pager_front_init(struct pager *p);
void pager_front_reset(struct pager *p, struct doc_loc first);
int pager_front_rows(struct pager *p, struct doc_loc loc);
void pager_front_draw(struct pager *p, int row, int y);
void pager_front_toggle(struct pager *p, struct view *v);
void pager_front_free(struct pager *p);

/* Marks (pager_marks.c): m{a-z}, '{a-z}, '' */
/* A new document is shown: its marks are read again when needed. */
void pager_marks_reset(struct pager *p);
void pager_marks_free(struct pager *p);

/* Loading (pager_load.c): p's document's first chunk read in a worker thread, with progress
   and q answered; *title gets meta_title()'s (the caller's to free); false: the reader quit */
bool pager_load(struct doc *doc, char **title);

/* Searching (pager_search.c) */
void pager_search_init(struct pager *p);
/* The search whose matches are shown, or NULL. */
struct search *pager_search_shown(struct pager *p);
/* True with the current match (block *loc, *m in it), shown or not; false if none. */
bool pager_search_current(const struct pager *p, struct doc_loc *loc, struct search_match *m);
void pager_search_start(struct pager *p, struct view *v, bool backward);
void pager_search_repeat(struct pager *p, struct view *v, bool reverse);
/* The document or the search changed: the count starts again. */
void pager_search_reset(struct pager *p);
/* The current match as offsets of the document text, if it is shown; false if none. */
bool pager_search_match_range(struct pager *p, uint64_t *start, uint64_t *end);
/* The block of the current match, if it is shown; false if none. */
bool pager_search_match_block(const struct pager *p, struct doc_loc *loc);
/* Forgets the current match (its matches stay shown unless hide). */
void pager_search_forget_match(struct pager *p, bool hide);
void pager_search_free(struct pager *p);
/* Counts the matches in idle time; true while work remains. */
bool pager_search_idle(struct pager *p, unsigned budget_us);
/* The search and its match count for the status line. */
void pager_search_status(struct pager *p, struct strbuf *right);

#endif
