/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * links — every link of a document, each occurrence: Markdown links and
 * autolinks (DOC_SPAN_LINK spans) and bare URLs in the text, recognised as
 * the typography module recognises them (typo_url_next()) and trimmed of
 * trailing punctuation and unbalanced closing brackets.
 *
 * Positions are byte offsets into the document text.  The struct links
 * owns everything it returns; pointers stay valid until links_free().
 */
#ifndef GLOSS_LINKS_H
#define GLOSS_LINKS_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/error.h"
#include "gloss/notes.h"

enum links_kind {
	LINKS_MARKUP,		/* a Markdown link or autolink span */
	LINKS_BARE,		/* a URL found in the text */
};

struct links_link {
	uint64_t start, end;	/* the link text (markup) or the URL (bare) */
	const char *url;	/* the target ("www.x.org" stays as written) */
	const char *host;	/* lower case, without "www." and port; "" if none */
	int note;		/* the note whose body holds it (notes_note_at), or -1 */
	unsigned kind;		/* enum links_kind */
};

struct links;

/*
 * Scans the whole document (measuring it first).  notes may be NULL (then
 * every link's note is -1).  The caller frees *out with links_free().
 */
enum gloss_status links_scan(struct doc *doc, const struct notes *notes, struct links **out);
void links_free(struct links *links);

/* Links sorted by start. */
size_t links_count(const struct links *links);
const struct links_link *links_get(const struct links *links, size_t i);
/* The index of the first link with end > start (links_count() if none). */
size_t links_lower(const struct links *links, uint64_t start);

/* The host of url (lower case, no "www.", no user or port); caller frees. */
char *links_host(const char *url);

#endif
