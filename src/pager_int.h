/*
 * pager_int.h — internals shared by the files of the pager module:
 * pager.c (positions, files, requests), pager_draw.c (drawing, status),
 * pager_search.c (searching).  Not for other modules.
 */
#ifndef GLOSS_PAGER_INT_H
#define GLOSS_PAGER_INT_H

#include "gloss/doc.h"
#include "gloss/layout.h"
#include "gloss/present.h"
#include "gloss/search.h"
#include "gloss/view.h"
#include "gloss/display.h"

struct pos {
	struct doc_loc loc;
	int row;		/* row within the block's rows */
};

struct saved {
	bool valid;
	struct pos top;
};

struct pager {
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
	struct search *search;
	bool backward, show_matches;
	bool has_match;
	struct doc_loc match_loc;
	struct search_match match;
};

/* Positions and blocks (pager.c) */
const struct layout_line *pager_block_lines(struct pager *p, struct doc_block *b,
    struct present *pr, size_t *n);
int pager_block_rows(struct pager *p, struct doc_loc loc);
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
void pager_status(struct view *v, struct strbuf *left, struct strbuf *right);
struct display_attr pager_attr_or(struct display_attr a, struct display_attr b);

/* Searching (pager_search.c) */
void pager_search_start(struct pager *p, struct view *v, bool backward);
void pager_search_repeat(struct pager *p, struct view *v, bool reverse);

#endif
