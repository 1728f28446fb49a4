/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_notes — notes and links in the pager: scanning them for the open
 * document, the Notes, Links and Cross-doc tabs of the sidebar, the note
 * popup (o), and Enter on a marker (to its note) or in a note (back to
 * where it is cited).
 */
#include "gloss/gloss.h"

#include "gloss/links.h"
#include "gloss/notes.h"
#include "gloss/sidebar.h"
#include "gloss/xmalloc.h"
#include "pager_int.h"

#define NOTES_MEASURE_NOW (8ull << 20)	/* smaller ones are measured on demand */

/* The open document's notes and links (p->nt); only this file sees its fields. */
struct pager_notes_state {
	struct notes *notes;	/* NULL until scanned */
	struct links *links;	/* NULL if none could be found */
};

void
pager_notes_init(struct pager *p)
{
	p->nt = xcalloc(1, sizeof *p->nt);
}

void
pager_notes_free(struct pager *p)
{
	pager_notes_forget(p);
	free(p->nt);
	p->nt = NULL;
}

/* Scans notes and links if the document allows; false if they are not available. */
static bool
ensure(struct pager *p)
{
	if (p->nt->notes)
		return true;
	if (p->empty || doc_source_size(p->doc) > PAGER_SCAN_MAX ||
	    (!doc_measured(p->doc) && doc_source_size(p->doc) > NOTES_MEASURE_NOW))
		return false;
	if (notes_scan(p->doc, &p->nt->notes) != GLOSS_OK)
		return false;
	if (links_scan(p->doc, p->nt->notes, &p->nt->links) != GLOSS_OK)
		p->nt->links = NULL;
	return true;
}

void
pager_notes_forget(struct pager *p)
{
	notes_free(p->nt->notes);
	links_free(p->nt->links);
	p->nt->notes = NULL;
	p->nt->links = NULL;
}

/* "Ibid. → i" or the note's own text, on one line. */
static char *
note_line(const struct notes *ns, const struct notes_note *n)
{
	char *body = pager_side_one_line(n->text, strlen(n->text)), *s;
	int r;

	if (n->ibid_of < 0)
		return body;
	r = notes_resolve(ns, n->ibid_of);
	s = xasprintf("%s = %s", body, notes_note(ns, (size_t)r)->label);
	free(body);
	return s;
}

/* The note's full text; an Ibid. also gives the note it repeats. */
static char *
note_detail(const struct notes *ns, const struct notes_note *n)
{
	const struct notes_note *r;

	if (n->ibid_of < 0)
		return xstrdup(n->text);
	r = notes_note(ns, (size_t)notes_resolve(ns, n->ibid_of));
	return xasprintf("%s\n\n= note %s: %s", n->text, r->label, r->text);
}

static void
fill_notes_tab(struct pager *p, struct sidebar *sb)
{
	const struct notes *ns = p->nt->notes;

	for (size_t i = 0; i < notes_count(ns); i++) {
		const struct notes_note *n = notes_note(ns, i);
		uint64_t *places = xreallocarray(NULL, n->ncites + 1, sizeof *places);
		char *line = note_line(ns, n), *detail = note_detail(ns, n);

		if (n->ncites == 0) {
			char *t = xasprintf("(not cited) %s", line);

			free(line);
			line = t;
		}
		for (size_t k = 0; k < n->ncites; k++)
			places[k] = notes_marker(ns, n->cites[k])->start;
		sidebar_add(sb, SIDEBAR_NOTES, &(struct sidebar_entry){
		    .label = n->label, .text = line, .detail = detail, .places = places,
		    .nplaces = n->ncites, .target = n->start, .flagged = n->ncites == 0 });
		free(places);
		free(line);
		free(detail);
	}
	for (size_t i = 0; i < notes_marker_count(ns); i++) {
		const struct notes_marker *m = notes_marker(ns, i);

		if (m->note < 0)
			sidebar_add(sb, SIDEBAR_NOTES, &(struct sidebar_entry){
			    .label = m->label, .text = "(marker without a note)", .places = &m->start,
			    .nplaces = 1, .target = m->start, .flagged = true });
	}
}

static void
fill_links_tab(struct pager *p, struct sidebar *sb)
{
	for (size_t i = 0; p->nt->links && i < links_count(p->nt->links); i++) {
		const struct links_link *l = links_get(p->nt->links, i);

		sidebar_add(sb, SIDEBAR_LINKS, &(struct sidebar_entry){
		    .label = l->host, .text = l->url, .url = l->url, .places = &l->start,
		    .nplaces = 1, .target = l->start });
	}
}

void
pager_notes_fill(struct pager *p, struct sidebar *sb)
{
	sidebar_clear(sb, SIDEBAR_NOTES);
	sidebar_clear(sb, SIDEBAR_LINKS);
	if (!ensure(p)) {
		sidebar_set_empty_text(sb, SIDEBAR_NOTES, "(document too large to scan)");
		sidebar_set_empty_text(sb, SIDEBAR_LINKS, "(document too large to scan)");
		return;
	}
	sidebar_set_empty_text(sb, SIDEBAR_NOTES, "(no notes found)");
	sidebar_set_empty_text(sb, SIDEBAR_LINKS, "(no links)");
	fill_notes_tab(p, sb);
	fill_links_tab(p, sb);
	pager_xref_fill(p, sb);
}

const char *
pager_notes_link_at(struct pager *p, uint64_t off)
{
	size_t i;

	if (!ensure(p) || p->nt->links == NULL)
		return NULL;
	i = links_lower(p->nt->links, off);
	if (i < links_count(p->nt->links) && links_get(p->nt->links, i)->start <= off)
		return links_get(p->nt->links, i)->url;
	return NULL;
}

/* The marker at off (or, if none, the first marker in [off, limit)); -1 if none. */
static long
marker_from(struct pager *p, uint64_t off, uint64_t limit)
{
	size_t i = notes_marker_lower(p->nt->notes, off);

	if (i < notes_marker_count(p->nt->notes) && notes_marker(p->nt->notes, i)->start < limit)
		return (long)i;
	return -1;
}

static void
popup_note(struct pager *p, int note)
{
	const struct notes_note *n = notes_note(p->nt->notes, (size_t)note);
	char *title = xasprintf("Note %s", n->label), *text = note_detail(p->nt->notes, n);

	pager_side_popup(p, title, text, n->start);
	free(title);
	free(text);
}

void
pager_notes_popup(struct pager *p, struct view *v)
{
	uint64_t off, a, z;
	long m = -1;

	if (!ensure(p)) {
		view_message("Notes are not available for this document (too large)");
		return;
	}
	if (!pager_screen_range(p, v, &a, &z))
		return;
	if (!pager_caret_shown_offset(p, &off) || off < a || off >= z)
		off = a;	/* no caret on screen: the first marker on screen */
	else if ((m = marker_from(p, off, off + 1)) < 0)
		m = marker_from(p, off, z);	/* the first marker after the caret */
	if (m < 0)
		m = marker_from(p, a, z);
	if (m < 0) {
		view_message("No note marker on screen");
		return;
	}
	if (notes_marker(p->nt->notes, (size_t)m)->note < 0) {
		view_message("Marker %s has no note in this document", notes_marker(p->nt->notes, (size_t)m)->label);
		return;
	}
	popup_note(p, notes_marker(p->nt->notes, (size_t)m)->note);
}

bool
pager_notes_follow_marker(struct pager *p, struct view *v)
{
	uint64_t off;
	long m;
	int n;

	if (!pager_caret_shown_offset(p, &off) || !ensure(p))
		return false;
	m = marker_from(p, off, off + 1);
	if (m >= 0 && notes_marker(p->nt->notes, (size_t)m)->note >= 0) {
		n = notes_marker(p->nt->notes, (size_t)m)->note;
		pager_side_jump_push(p);
		pager_go_offset(p, v, notes_note(p->nt->notes, (size_t)n)->start, true);
		view_message("Note %s (^O goes back)", notes_note(p->nt->notes, (size_t)n)->label);
		return true;
	}
	n = notes_note_at(p->nt->notes, off);
	if (n >= 0 && notes_note(p->nt->notes, (size_t)n)->ncites > 0) {
		const struct notes_note *note = notes_note(p->nt->notes, (size_t)n);

		pager_side_jump_push(p);
		pager_go_offset(p, v, notes_marker(p->nt->notes, note->cites[0])->start, true);
		return true;
	}
	return false;
}

bool
pager_notes_idle(struct pager *p)
{
	if (p->nt->notes || p->empty || !doc_measured(p->doc) || doc_source_size(p->doc) > NOTES_MEASURE_NOW)
		return false;
	if (ensure(p))
		view_invalidate();	/* bracketed markers and bare links now stand out */
	return false;
}

static void
add_span(struct doc_span **v, size_t *n, uint64_t a, uint64_t z, uint64_t base, uint32_t len,
    uint16_t kind, const char *url)
{
	if (z <= base || a >= base + len)
		return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct doc_span){
		.start = (uint32_t)(a > base ? a - base : 0),
		.end = (uint32_t)GLOSS_MIN(z - base, (uint64_t)len),
		.kind = kind, .url = url };
}

static int
span_cmp(const void *a, const void *b)
{
	const struct doc_span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

size_t
pager_notes_block(struct pager *p, struct doc_loc loc, const struct doc_block *b, struct doc_span **out)
{
	uint64_t base;
	size_t n = 0;

	*out = NULL;
	if (p->nt->notes == NULL || !doc_block_offset(p->doc, loc, &base))
		return 0;
	for (size_t i = notes_marker_lower(p->nt->notes, base); i < notes_marker_count(p->nt->notes); i++) {
		const struct notes_marker *m = notes_marker(p->nt->notes, i);

		if (m->start >= base + b->len)
			break;
		if (m->style == NOTES_BRACKET || m->style == NOTES_UNICODE)
			add_span(out, &n, m->start, m->end, base, b->len, DOC_SPAN_SUP, NULL);
	}
	for (size_t i = p->nt->links ? links_lower(p->nt->links, base) : 0; p->nt->links && i < links_count(p->nt->links); i++) {
		const struct links_link *l = links_get(p->nt->links, i);

		if (l->start >= base + b->len)
			break;
		if (l->kind == LINKS_BARE)
			add_span(out, &n, l->start, l->end, base, b->len, DOC_SPAN_LINK, l->url);
	}
	if (n > 1)
		qsort(*out, n, sizeof **out, span_cmp);
	return n;
}
