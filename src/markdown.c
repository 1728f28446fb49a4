/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown — the Markdown loader: cmark-gfm's tree turned into document
 * blocks and spans (the mapping is in include/gloss/markdown.h; sniffing
 * is in markdown_sniff.c).
 *
 * Data flow.  cmark-gfm parses the whole source into a tree; an iterator
 * walks it once.  Container nodes (quotes, lists, items, footnote
 * definitions) push frames that decide the kind, level and label of the
 * blocks inside them.  Each leaf block (paragraph, heading, code, HTML
 * block, table row) is assembled as a pending block (markdown_block.c: text
 * plus spans, so that white space can be trimmed and the text normalised)
 * and handed to the doc builder once it is complete.
 *
 * Footnotes.  cmark-gfm moves referenced footnote definitions to the end of
 * the document in the order of their first reference, drops unreferenced
 * ones, and replaces a reference's text by the definition's number.  The
 * public API has no accessor for labels, so they are read back from the
 * CommonMark rendering of each definition ("[^label]:") and found by number.
 */
#include "gloss/gloss.h"

#include <pthread.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "gloss/markdown.h"
#include "gloss/plain.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "markdown_int.h"

#define BODY_MIN 200		/* bytes: a paragraph this long starts the body */
#define BYLINE_MAX 160		/* bytes */
#define MAX_LEVEL 255		/* struct doc_block.level is a byte */
#define TABLE_SEP " \xE2\x94\x82 "	/* " │ " between table cells */

enum frame_type { FRAME_QUOTE, FRAME_LIST, FRAME_ITEM, FRAME_NOTE };

/* An open container node. */
struct frame {
	enum frame_type type;
	bool bullet;		/* FRAME_LIST */
	bool tight;		/* FRAME_LIST: no blank lines between its items */
	cmark_node *node;	/* FRAME_LIST: the list */
	int next;		/* FRAME_LIST: number of the next item */
	char *label;		/* ITEM, NOTE: owned; NULL once given to a block */
	int number;		/* NOTE: its number (order of first reference) */
};

struct u32stack {
	uint32_t *v;
	size_t n, cap;
};

struct md {
	struct doc_builder *b;
	const char *src;
	size_t n;
	size_t *lines;		/* byte offset of the start of each line */
	size_t nlines;
	char **notes;		/* footnote labels by number - 1 */
	size_t nnotes, next_note;
	struct frame *frames;
	size_t nframes, frame_cap;
	int quotes, lists;	/* open quote and list frames */
	int notes_open;		/* open footnote definitions */
	struct u32stack nodes;	/* spans opened by inline nodes */
	struct u32stack sups;	/* spans opened by <sup> tags */
	struct markdown_block blk;
	int cells;		/* cells so far in the current table row */
	uint32_t cell;		/* the open cell span */
	bool row, header;	/* a table row (the header row) is pending */
	struct markdown_table table;
	bool rule;		/* a thematic break waits for the next block */
	bool tight;		/* the last block emitted is followed by more of its tight list */
	bool body;		/* the body has started: no title, byline or date now */
	bool titled;
	int last_kind;		/* kind of the last block emitted, -1 at first */
};

/* ------------------------------------------------------------------ */
/* Small helpers */

static void
u32_push(struct u32stack *s, uint32_t x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = x;
}

static bool
u32_pop(struct u32stack *s, uint32_t *x)
{
	if (s->n == 0)
		return false;
	*x = s->v[--s->n];
	return true;
}

static const char *
literal(cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);

	return s ? s : "";
}

/* ------------------------------------------------------------------ */
/* Source positions */

/* The end of the line break at or after i (the byte after LF, CR LF or CR), or 0 if none. */
static size_t
next_break(const struct md *md, size_t i, const char **cr)
{
	const char *lf = memchr(md->src + i, '\n', md->n - i);

	if (*cr && *cr < md->src + i)	/* the CR found last time is behind: look again */
		*cr = memchr(md->src + i, '\r', md->n - i);
	if (*cr && (lf == NULL || *cr < lf))
		return (size_t)(*cr - md->src) + 1 + (*cr + 1 == lf);
	return lf ? (size_t)(lf - md->src) + 1 : 0;
}

/*
 * Records where every line starts; cmark ends lines at LF, CR LF and CR.
 * The breaks are found with memchr, not byte by byte: one paragraph of
 * 300,000 links is a single line of 11 MB.
 */
static void
build_lines(struct md *md)
{
	size_t cap = 64, i = 0;
	const char *cr = md->n ? memchr(md->src, '\r', md->n) : NULL;

	md->lines = xmalloc(cap * sizeof *md->lines);
	md->lines[0] = 0;
	md->nlines = 1;
	while (i < md->n && (i = next_break(md, i, &cr)) != 0) {
		if (md->nlines == cap) {
			cap *= 2;
			md->lines = xreallocarray(md->lines, cap, sizeof *md->lines);
		}
		md->lines[md->nlines++] = i;
	}
}

/* Byte offset of cmark's (line, column), both 1-based; column 0 is the line start. */
static uint64_t
src_offset(const struct md *md, int line, int col)
{
	size_t off;

	if (line < 1)
		return 0;
	if ((size_t)line > md->nlines)
		return md->n;
	off = md->lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
	return GLOSS_MIN(off, md->n);
}

/* The source byte range [*a, *z) of a block node (cmark's end column is inclusive). */
static void
node_range(const struct md *md, cmark_node *node, uint64_t *a, uint64_t *z)
{
	int ec = cmark_node_get_end_column(node);

	*a = src_offset(md, cmark_node_get_start_line(node), cmark_node_get_start_column(node));
	*z = src_offset(md, cmark_node_get_end_line(node), ec);
	if (ec > 0)
		*z = GLOSS_MIN(*z + 1, (uint64_t)md->n);
	if (*z < *a)
		*z = *a;
}

/* ------------------------------------------------------------------ */
/* Emitting blocks: front matter and the builder */

/* "By …" entirely inside one strong or emphasis span. */
static bool
is_byline(const struct markdown_block *k)
{
	size_t i;

	if (k->text.len > BYLINE_MAX || k->text.len < 4 || strncasecmp(k->text.buf, "by ", 3) != 0)
		return false;
	for (i = 0; i < k->nspans; i++) {
		const struct markdown_span *sp = &k->spans[i];

		if ((sp->kind == DOC_SPAN_STRONG || sp->kind == DOC_SPAN_EMPH) && sp->start == 0 &&
		    sp->end == k->text.len)
			return true;
	}
	return false;
}

/*
 * The final kind of a block.  Until the body starts (any heading other than
 * the title, a list, quote, code or note block, or a paragraph of BODY_MIN
 * bytes or more): the first level-1 heading is the title, an emphasised
 * "By …" paragraph right after the title is the byline, and a short
 * paragraph that is a date is the date.
 */
static enum doc_kind
classify(struct md *md, const struct markdown_block *k)
{
	if (k->kind == DOC_HEADING && k->level == 1 && !md->body && !md->titled) {
		md->titled = true;
		return DOC_TITLE;
	}
	if (k->kind == DOC_PARAGRAPH && k->prose && !md->body) {
		if (md->last_kind == DOC_TITLE && is_byline(k))
			return DOC_BYLINE;
		if (plain_is_date(k->text.buf, k->text.len))
			return DOC_DATE;
		if (k->text.len < BODY_MIN)
			return DOC_PARAGRAPH;
	}
	if (k->kind != DOC_CAPTION)
		md->body = true;
	return k->kind;
}

static bool in_tight_item(const struct md *md);

/* Finishes the pending block; an empty one is dropped (a pending rule waits). */
static void
blk_end(struct md *md)
{
	struct markdown_block *k = &md->blk;
	enum doc_kind kind;

	if (!k->active)
		return;
	markdown_block_finish(k);
	if (k->text.len > 0 || (k->kind == DOC_LIST_ITEM && k->label)) {
		uint32_t n = doc_build_count(md->b);

		if (md->row)
			markdown_table_row(&md->table, k, n, md->header);
		kind = classify(md, k);
		markdown_block_emit(k, md->b, kind, kind == DOC_TITLE ? 1 :
		    GLOSS_MIN(k->level, MAX_LEVEL), (md->rule ? DOC_BLOCK_RULE_BEFORE : 0) |
		    (md->notes_open ? DOC_BLOCK_IN_NOTE : 0));
		if (md->tight && n > 0 && !md->rule)
			doc_build_flag_at(md->b, n - 1, DOC_BLOCK_TIGHT);
		md->rule = false;
		md->last_kind = (int)kind;
		md->tight = in_tight_item(md);
	}
	markdown_block_clear(k);
	md->nodes.n = md->sups.n = 0;
	md->row = false;
}

/* Is the innermost list item inside a tight list? */
static bool
in_tight_item(const struct md *md)
{
	for (size_t i = md->nframes; i > 0; i--) {
		const struct frame *f = &md->frames[i - 1];

		if (f->type == FRAME_LIST)
			return f->tight;
		if (f->type != FRAME_ITEM)
			return false;
	}
	return false;
}

/*
 * The markers of the list items that have no block yet, outermost first
 * ("1. • 2." for "1. - 2. foo"), taken from their frames; NULL if none.  So
 * an item keeps its marker whatever its first block is.
 */
static char *
take_item_labels(struct md *md)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < md->nframes; i++) {
		struct frame *f = &md->frames[i];

		if (f->type != FRAME_ITEM || f->label == NULL)
			continue;
		if (sb.len)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, f->label);
		free(f->label);
		f->label = NULL;
	}
	return sb.len ? strbuf_detach(&sb, NULL) : (strbuf_done(&sb), NULL);
}

static void
blk_begin(struct md *md, enum doc_kind kind, int level, cmark_node *node)
{
	struct markdown_block *k = &md->blk;

	blk_end(md);
	k->active = true;
	k->kind = kind;
	k->level = level;
	k->prose = true;
	k->label = take_item_labels(md);
	node_range(md, node, &k->src_start, &k->src_end);
}

/* ------------------------------------------------------------------ */
/* Containers */

static void
frame_push(struct md *md, enum frame_type type, char *label)
{
	struct frame *f;

	if (md->nframes == md->frame_cap) {
		md->frame_cap = md->frame_cap ? md->frame_cap * 2 : 16;
		md->frames = xreallocarray(md->frames, md->frame_cap, sizeof *md->frames);
	}
	f = &md->frames[md->nframes++];
	memset(f, 0, sizeof *f);
	f->type = type;
	f->label = label;
	md->quotes += type == FRAME_QUOTE;
	md->lists += type == FRAME_LIST;
	md->notes_open += type == FRAME_NOTE;
}

static void
frame_pop(struct md *md)
{
	struct frame *f;

	if (md->nframes == 0)
		return;
	f = &md->frames[--md->nframes];
	md->quotes -= f->type == FRAME_QUOTE;
	md->lists -= f->type == FRAME_LIST;
	md->notes_open -= f->type == FRAME_NOTE;
	free(f->label);
	if (f->type == FRAME_LIST)	/* what follows a list is apart from it */
		md->tight = in_tight_item(md);
}

#define TASK_OPEN "\xE2\x98\x90"	/* ☐ */
#define TASK_DONE "\xE2\x98\x91"	/* ☑ */

/*
 * The label of a new list item: "•", or its number with the list's
 * delimiter ("3." or "3)"); a task item's box (☐, ☑) replaces the bullet
 * and follows a number.
 */
static char *
item_label(struct md *md, cmark_node *item)
{
	struct frame *list = md->nframes ? &md->frames[md->nframes - 1] : NULL;
	bool task = strcmp(cmark_node_get_type_string(item), "tasklist") == 0;
	const char *box = !task ? NULL :
	    cmark_gfm_extensions_get_tasklist_item_checked(item) ? TASK_DONE : TASK_OPEN;
	char *label;

	if (list == NULL || list->type != FRAME_LIST || list->bullet)
		return xstrdup(box ? box : "\xE2\x80\xA2");
	label = xasprintf("%d%s%s%s", list->next++,
	    cmark_node_get_list_delim(list->node) == CMARK_PAREN_DELIM ? ")" : ".",
	    box ? " " : "", box ? box : "");
	return label;
}

/* An item left without a block (an empty item) still shows its marker. */
static void
item_exit(struct md *md, cmark_node *node)
{
	struct frame *f = &md->frames[md->nframes - 1];

	if (f->type != FRAME_ITEM || f->label == NULL)
		return;
	blk_begin(md, DOC_LIST_ITEM, md->lists, node);
	md->blk.prose = false;
	blk_end(md);
}

static void
list_enter(struct md *md, cmark_node *node)
{
	struct frame *f;

	frame_push(md, FRAME_LIST, NULL);
	f = &md->frames[md->nframes - 1];
	f->bullet = cmark_node_get_list_type(node) != CMARK_ORDERED_LIST;
	f->tight = cmark_node_get_list_tight(node) != 0;
	f->node = node;
	f->next = cmark_node_get_list_start(node);
}

/*
 * Starts a paragraph-like block: its kind comes from the innermost
 * container (quote, list item, footnote), whose label goes to its first block.
 */
static void
flow_begin(struct md *md, cmark_node *node, enum doc_kind plain_kind)
{
	struct frame *f = NULL;
	enum doc_kind kind = plain_kind;
	int level = 0;
	size_t i;

	for (i = md->nframes; i > 0 && f == NULL; i--)
		if (md->frames[i - 1].type != FRAME_LIST)
			f = &md->frames[i - 1];
	if (f && f->type == FRAME_QUOTE) {
		kind = DOC_QUOTE;
		level = md->quotes;
	} else if (f && f->type == FRAME_ITEM) {
		kind = DOC_LIST_ITEM;
		level = md->lists;
	} else if (f && f->type == FRAME_NOTE) {
		kind = DOC_NOTE;
	}
	blk_begin(md, kind, level, node);
	if (f && f->type == FRAME_NOTE && f->label) {
		free(md->blk.label);
		md->blk.label = f->label;	/* handed over */
		md->blk.number = xasprintf("%d", f->number);
		f->label = NULL;
	}
}

/* ------------------------------------------------------------------ */
/* Footnotes */

/* The label of a footnote definition, from its CommonMark rendering. */
static char *
note_label(cmark_node *def, size_t number)
{
	/* rendered with malloc (the tree's own memory is markdown_mem's), so free() */
	char *s = cmark_render_commonmark_with_mem(def, CMARK_OPT_DEFAULT, 0,
	    cmark_get_default_mem_allocator());
	char *nl = s ? strchr(s, '\n') : NULL;
	char *label;

	if (nl && nl - s > 4 && strncmp(s, "[^", 2) == 0 && strncmp(nl - 2, "]:", 2) == 0)
		label = xstrndup(s + 2, (size_t)(nl - 2 - (s + 2)));
	else
		label = xasprintf("%zu", number);
	free(s);
	return label;
}

/* Collects the labels of the definitions at the end of the document, by number. */
static void
collect_notes(struct md *md, cmark_node *root)
{
	cmark_node *c;
	size_t i;

	for (c = cmark_node_last_child(root); c; c = cmark_node_previous(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			break;
		md->nnotes++;
	}
	md->notes = xcalloc(md->nnotes ? md->nnotes : 1, sizeof *md->notes);
	i = md->nnotes;
	for (c = cmark_node_last_child(root); i > 0; c = cmark_node_previous(c), i--)
		md->notes[i - 1] = note_label(c, i);
}

/* A definition: its label is the id of the note, its number what its references show. */
static void
note_enter(struct md *md)
{
	char *label = md->next_note < md->nnotes ? xstrdup(md->notes[md->next_note]) : NULL;

	frame_push(md, FRAME_NOTE, label);
	md->frames[md->nframes - 1].number = (int)++md->next_note;
}

/*
 * A reference shows the number cmark-gfm gave its note (the order of first
 * reference, whatever the label); the span's url is the label.
 */
static void
footnote_ref(struct md *md, cmark_node *node)
{
	const char *lit = literal(node);
	unsigned long k = strtoul(lit, NULL, 10);
	const char *label = k >= 1 && k <= md->nnotes ? md->notes[k - 1] : lit;
	uint32_t h = markdown_block_open(&md->blk, DOC_SPAN_NOTEREF, label);

	markdown_block_adds(&md->blk, lit);
	markdown_block_close(&md->blk, h);
}

/* ------------------------------------------------------------------ */
/* Raw HTML (read by markdown_html.c) */

/* <sup> opens a superscript span, <br> breaks the line; other tags are dropped. */
static void
inline_tag(struct md *md, enum markdown_html t)
{
	uint32_t h;

	if (t == MARKDOWN_HTML_SUP)
		u32_push(&md->sups, markdown_block_open(&md->blk, DOC_SPAN_SUP, NULL));
	else if (t == MARKDOWN_HTML_SUP_END && u32_pop(&md->sups, &h))
		markdown_block_close(&md->blk, h);
	else if (t == MARKDOWN_HTML_LINE_BREAK)
		markdown_block_add(&md->blk, "\n", 1);
}

/* Markup in an HTML block: a block-level tag ends the paragraph, a cell's is a space. */
static void
block_tag(struct md *md, cmark_node *node, enum markdown_html t)
{
	enum doc_kind kind = md->blk.kind;
	int level = md->blk.level;

	if (t == MARKDOWN_HTML_BREAK || t == MARKDOWN_HTML_RULE) {
		blk_begin(md, kind, level, node);
		md->rule = md->rule || t == MARKDOWN_HTML_RULE;
	} else if (t == MARKDOWN_HTML_CELL) {
		md->blk.space = true;
	} else {
		inline_tag(md, t);
	}
}

/* An HTML block: its text, cut into paragraphs at block-level tags. */
static void
html_block(struct md *md, cmark_node *node)
{
	const char *s = literal(node);
	size_t n = strlen(s), i = 0;

	flow_begin(md, node, DOC_PARAGRAPH);
	while (i < n) {
		size_t len = 0, j = i + 1;
		enum markdown_html t = s[i] == '<' ? markdown_html_block(s + i, n - i, &len) :
		    MARKDOWN_HTML_TEXT;

		if (len > 0) {
			block_tag(md, node, t);
			i += len;
			continue;
		}
		while (j < n && s[j] != '<')
			j++;
		markdown_html_text(&md->blk, s + i, j - i);
		i = j;
	}
	blk_end(md);
}

/* ------------------------------------------------------------------ */
/* Walking the tree */

static bool
blank_text(cmark_node *node)
{
	const char *s;

	if (cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK)
		return true;
	if (cmark_node_get_type(node) != CMARK_NODE_TEXT)
		return false;
	for (s = literal(node); *s; s++)
		if (!markdown_is_space(*s))
			return false;
	return true;
}

/* A paragraph made of one image (or one linked image) and white space. */
static bool
lone_image(cmark_node *para)
{
	cmark_node *c, *only = NULL;

	for (c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
		if (blank_text(c))
			continue;
		if (only)
			return false;
		only = c;
	}
	if (only && cmark_node_get_type(only) == CMARK_NODE_LINK &&
	    cmark_node_first_child(only) == cmark_node_last_child(only))
		only = cmark_node_first_child(only);
	return only && cmark_node_get_type(only) == CMARK_NODE_IMAGE;
}

static void
code_block(struct md *md, cmark_node *node)
{
	const char *s = literal(node);

	blk_begin(md, DOC_CODE, 0, node);
	md->blk.verbatim = true;
	markdown_block_add(&md->blk, s, strlen(s));
	blk_end(md);
}

/* Nodes added by the table and strikethrough extensions, known by name. */
enum ext_node { EXT_NONE, EXT_TABLE, EXT_TABLE_ROW, EXT_TABLE_CELL, EXT_STRIKE };

static enum ext_node
ext_node(cmark_node *node)
{
	const char *t = cmark_node_get_type_string(node);

	if (strcmp(t, "table") == 0)
		return EXT_TABLE;
	if (strcmp(t, "table_row") == 0 || strcmp(t, "table_header") == 0)
		return EXT_TABLE_ROW;
	if (strcmp(t, "table_cell") == 0)
		return EXT_TABLE_CELL;
	if (strcmp(t, "strikethrough") == 0)
		return EXT_STRIKE;
	return EXT_NONE;
}

/*
 * A table row is one paragraph, its cells joined by " │ " and recorded for
 * the table's layout (markdown_table.c); a header row is strong.
 */
static void
table_node(struct md *md, cmark_node *node, enum ext_node what, bool enter)
{
	if (what == EXT_TABLE && enter) {
		blk_end(md);
		markdown_table_begin(&md->table, cmark_gfm_extensions_get_table_columns(node),
		    cmark_gfm_extensions_get_table_alignments(node));
	} else if (what == EXT_TABLE) {
		blk_end(md);
		markdown_table_end(&md->table, md->b);
	} else if (what == EXT_TABLE_ROW && enter) {
		flow_begin(md, node, DOC_PARAGRAPH);
		md->blk.prose = false;
		md->cells = 0;
		md->row = true;
		md->header = strcmp(cmark_node_get_type_string(node), "table_header") == 0;
		if (md->header)
			markdown_block_open(&md->blk, DOC_SPAN_STRONG, NULL);
	} else if (what == EXT_TABLE_ROW) {
		blk_end(md);
	} else if (enter) {
		if (md->cells++ > 0)
			markdown_block_adds(&md->blk, TABLE_SEP);
		md->cell = markdown_block_open(&md->blk, (enum doc_span_kind)MARKDOWN_SPAN_CELL, NULL);
	} else {
		markdown_block_close(&md->blk, md->cell);
	}
}

/* Emphasis, strong, strikethrough and links open a span on entry and close it on exit. */
static void
span_node(struct md *md, cmark_node *node, enum doc_span_kind kind, bool enter)
{
	uint32_t h;

	if (enter)
		u32_push(&md->nodes, markdown_block_open(&md->blk, kind, kind == DOC_SPAN_LINK ?
		    cmark_node_get_url(node) : NULL));
	else if (u32_pop(&md->nodes, &h))
		markdown_block_close(&md->blk, h);
}

static void
inline_node(struct md *md, cmark_node *node, bool enter)
{
	struct markdown_block *k = &md->blk;
	const char *s = literal(node);
	uint32_t h;

	if (!k->active)		/* inlines outside a leaf block: not produced by cmark */
		blk_begin(md, DOC_PARAGRAPH, 0, node);
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
		markdown_block_adds(k, s);
		break;
	case CMARK_NODE_SOFTBREAK:
		k->space = true;
		break;
	case CMARK_NODE_LINEBREAK:
		markdown_block_add(k, "\n", 1);
		break;
	case CMARK_NODE_CODE:
		h = markdown_block_open(k, DOC_SPAN_CODE, NULL);
		markdown_block_adds(k, s);
		markdown_block_close(k, h);
		break;
	case CMARK_NODE_HTML_INLINE:
		inline_tag(md, markdown_html_inline(s, strlen(s)));
		break;
	case CMARK_NODE_EMPH:
		span_node(md, node, DOC_SPAN_EMPH, enter);
		break;
	case CMARK_NODE_STRONG:
		span_node(md, node, DOC_SPAN_STRONG, enter);
		break;
	case CMARK_NODE_LINK:
		span_node(md, node, DOC_SPAN_LINK, enter);
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		if (enter)
			footnote_ref(md, node);
		break;
	default:		/* images: their alt text is kept */
		if (ext_node(node) == EXT_STRIKE)
			span_node(md, node, DOC_SPAN_STRIKE, enter);
		break;
	}
}

static void
block_node(struct md *md, cmark_node *node, bool enter)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		blk_end(md);
		if (!enter && cmark_node_get_type(node) == CMARK_NODE_ITEM)
			item_exit(md, node);
		if (!enter)
			frame_pop(md);
		else if (cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE)
			frame_push(md, FRAME_QUOTE, NULL);
		else if (cmark_node_get_type(node) == CMARK_NODE_LIST)
			list_enter(md, node);
		else if (cmark_node_get_type(node) == CMARK_NODE_ITEM)
			frame_push(md, FRAME_ITEM, item_label(md, node));
		else
			note_enter(md);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (enter)
			flow_begin(md, node, lone_image(node) ? DOC_CAPTION : DOC_PARAGRAPH);
		else
			blk_end(md);
		break;
	case CMARK_NODE_HEADING:
		if (enter)
			blk_begin(md, DOC_HEADING, cmark_node_get_heading_level(node), node);
		else
			blk_end(md);
		break;
	case CMARK_NODE_CODE_BLOCK:
		code_block(md, node);
		break;
	case CMARK_NODE_HTML_BLOCK:
		html_block(md, node);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		blk_end(md);
		md->rule = true;
		break;
	default:		/* the document, tables, their rows and cells */
		if (ext_node(node) != EXT_NONE && ext_node(node) != EXT_STRIKE)
			table_node(md, node, ext_node(node), enter);
		break;
	}
}

static void
walk(struct md *md, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		bool enter = ev == CMARK_EVENT_ENTER;

		if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
			inline_node(md, node, enter);
		else
			block_node(md, node, enter);
	}
	cmark_iter_free(it);
	blk_end(md);
	if (md->rule && doc_build_count(md->b) > 0)	/* a break after the last block */
		doc_build_flag_at(md->b, doc_build_count(md->b) - 1, DOC_BLOCK_RULE_AFTER);
}

/* ------------------------------------------------------------------ */
/* Parsing */

/*
 * A parser with the GFM extensions that change the tree: tables,
 * strikethrough, autolinks ("www.…", bare URLs) and task list items (their
 * "[ ]"/"[x]" become the item's box).  tagfilter only affects HTML
 * rendering, which gloss does not use.
 */
static cmark_parser *
new_parser(cmark_mem *mem)
{
	static const char *const names[] = { "table", "strikethrough", "autolink", "tasklist" };
	cmark_parser *p;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS |
	    CMARK_OPT_VALIDATE_UTF8, mem);
	for (i = 0; i < GLOSS_ARRAY_SIZE(names); i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(names[i]);

		if (ext)
			cmark_parser_attach_syntax_extension(p, ext);
	}
	return p;
}

static void
md_done(struct md *md)
{
	size_t i;

	markdown_block_done(&md->blk);
	markdown_table_done(&md->table);
	while (md->nframes > 0)
		frame_pop(md);
	free(md->frames);
	for (i = 0; i < md->nnotes; i++)
		free(md->notes[i]);
	free(md->notes);
	free(md->lines);
	free(md->nodes.v);
	free(md->sups.v);
}

/*
 * cmark-gfm keeps process-wide state (the registered extensions, the
 * table of special inline characters that a parser with extensions
 * changes while it finishes), so one document is parsed at a time.
 */
static pthread_mutex_t cmark_lock = PTHREAD_MUTEX_INITIALIZER;

#define FEED_PIECE (1u << 20)	/* bytes fed to cmark between two progress reports */

static enum gloss_status
parse_locked(const char *src, size_t n, bool first, struct doc_builder *b)
{
	cmark_parser *parser = new_parser(markdown_mem_begin());
	cmark_node *root;
	struct md md;

	/* fed in pieces of whole lines (cmark checks UTF-8 piece by piece), so that
	   the reader can say how far it got, and stop */
	for (size_t at = 0, z; at < n && doc_build_progress(0.6 * (double)at / (double)n); at = z) {
		const char *nl = n - at > FEED_PIECE ? memrchr(src + at, '\n', FEED_PIECE) : NULL;

		if (nl == NULL && n - at > FEED_PIECE)
			nl = memchr(src + at + FEED_PIECE, '\n', n - at - FEED_PIECE);
		z = nl ? (size_t)(nl - src) + 1 : n;
		cmark_parser_feed(parser, src + at, z - at);
	}
	root = cmark_parser_finish(parser);
	doc_build_progress(0.9);
	cmark_parser_free(parser);
	if (root == NULL) {
		markdown_mem_end();
		return error_set(GLOSS_EPARSE, "cmark-gfm could not parse the document");
	}
	memset(&md, 0, sizeof md);
	md.b = b;
	md.src = src;
	md.n = n;
	md.last_kind = -1;
	md.body = md.titled = !first;	/* a later chunk: the body has begun */
	strbuf_init(&md.blk.text);
	build_lines(&md);
	collect_notes(&md, root);
	walk(&md, root);
	md_done(&md);
	markdown_mem_end();	/* the whole tree at once */
	return GLOSS_OK;
}

enum gloss_status
markdown_parse(const char *src, size_t n, struct doc_builder *b)
{
	return markdown_parse_part(src, n, true, b);
}

enum gloss_status
markdown_parse_part(const char *src, size_t n, bool first, struct doc_builder *b)
{
	enum gloss_status rc;

	pthread_mutex_lock(&cmark_lock);
	rc = parse_locked(src, n, first, b);
	pthread_mutex_unlock(&cmark_lock);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The loader */

/* Replaces invalid UTF-8 and NUL by U+FFFD, keeps everything else. */
static void
sanitize(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;

	strbuf_grow(out, n);	/* as long as the input unless bytes are replaced */
	while (i < n) {
		size_t j = i;
		uint32_t cp;
		int len;

		while (j < n && (unsigned char)s[j] < 0x80 && s[j] != '\0')
			j++;
		strbuf_add(out, s + i, j - i);
		if (j == n)
			break;
		len = text_decode(s + j, n - j, &cp);
		if (cp == 0 || cp == 0xFFFD)
			strbuf_addcp(out, 0xFFFD);
		else
			strbuf_add(out, s + j, (size_t)len);
		i = j + (size_t)len;
	}
}

/* The file's head and tail, where a chunk looks for link definitions: seg[2][2]. */
static void
definition_segments(const char *src, uint64_t size, uint64_t seg[2][2])
{
	uint64_t head = GLOSS_MIN(size, (uint64_t)MARKDOWN_TAIL);
	uint64_t tail = size > MARKDOWN_TAIL ? size - MARKDOWN_TAIL : 0;
	bool joined;

	seg[0][0] = 0;
	seg[0][1] = head;
	seg[1][0] = markdown_boundary(src, size, GLOSS_MAX(tail, head), &joined);	/* outside code */
	seg[1][1] = size;
}

/* The definitions of the whole head and tail (the memo of a file read in chunks). */
static void
all_definitions(const char *src, uint64_t size, struct strbuf *out)
{
	uint64_t seg[2][2];

	definition_segments(src, size, seg);
	for (int i = 0; i < 2; i++)
		markdown_definitions(src, seg[i][0], seg[i][1], out);
}

/*
 * A chunk of a large file is given the link reference definitions of the
 * file's first and last MARKDOWN_TAIL bytes after its text
 * (markdown_chunk.c); they make no block.  A chunk inside neither takes
 * them from the file's memo, found once.
 */
static void
chunk_definitions(const char *src, uint64_t start, uint64_t end, struct doc_builder *b,
    struct strbuf *out)
{
	struct strbuf defs = STRBUF_INIT;
	uint64_t seg[2][2];

	if (start >= MARKDOWN_TAIL && end + MARKDOWN_TAIL <= doc_build_file_size(b)) {
		const struct strbuf *all = doc_build_memo(b, src, all_definitions);

		if (all->len) {
			strbuf_adds(out, "\n\n");
			sanitize(all->buf, all->len, out);
		}
		return;
	}
	definition_segments(src, doc_build_file_size(b), seg);
	for (int i = 0; i < 2; i++) {	/* the head and the tail, less the chunk itself */
		if (seg[i][0] < GLOSS_MIN(seg[i][1], start))
			markdown_definitions(src, seg[i][0], GLOSS_MIN(seg[i][1], start), &defs);
		if (GLOSS_MAX(seg[i][0], end) < seg[i][1])
			markdown_definitions(src, GLOSS_MAX(seg[i][0], end), seg[i][1], &defs);
	}
	if (defs.len) {
		strbuf_adds(out, "\n\n");
		sanitize(defs.buf, defs.len, out);
	}
	strbuf_done(&defs);
}

/* The whole file or a chunk of it: cleaned, parsed, else read as plain text. */
static void
load(const char *src, uint64_t start, uint64_t end, unsigned flags, int tab_width,
    struct doc_builder *b)
{
	struct strbuf clean = STRBUF_INIT, nfc = STRBUF_INIT;
	size_t n = (size_t)(end - start), skip = 0, body;
	bool first = (flags & DOC_PARSE_FIRST) != 0;

	if (first) {
		skip = n >= 3 && memcmp(src + start, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		skip += markdown_front_matter(src + start + skip, n - skip, NULL);	/* no text */
	}
	sanitize(src + start + skip, n - skip, &clean);
	if (text_is_nfc_fast(strbuf_str(&clean), clean.len)) {
		nfc = clean;	/* the usual case: no second copy of the file */
		strbuf_init(&clean);
	} else {
		text_nfc(strbuf_str(&clean), clean.len, &nfc);
	}
	body = nfc.len;
	if (!(flags & DOC_PARSE_WHOLE)) {
		strbuf_reset(&clean);
		chunk_definitions(src, start, end, b, &clean);
		text_nfc(strbuf_str(&clean), clean.len, &nfc);
	}
	strbuf_done(&clean);
	if (markdown_parse_part(strbuf_str(&nfc), nfc.len, first, b) == GLOSS_OK) {
		doc_build_drop_from(b, body);	/* what the definitions made, if any */
		doc_build_shift_source(b, start + skip);	/* ranges in the file, past the BOM */
	} else {	/* unreadable as Markdown: show the text as it is */
		doc_build_reset(b);
		plain_parse(src, start, end, flags | DOC_PARSE_FIRST, tab_width, b);
	}
	strbuf_done(&nfc);
}

const struct doc_loader markdown_loader = {
	.name = "markdown",
	.format = DOC_FORMAT_MARKDOWN,
	.whole_max = MARKDOWN_WHOLE_MAX,	/* larger files are read in chunks */
	.chunk_size = MARKDOWN_CHUNK_SIZE,
	.claims = markdown_claims,
	.boundary = markdown_boundary,
	.parse = load,
};
