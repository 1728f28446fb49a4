/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * meta — what the library shows of a document: its title, author and date.
 *
 * Sources, in order: Markdown front matter ("---" lines with title:,
 * author:/authors:/by:, date:); the blocks the loaders classified (TITLE,
 * BYLINE, DATE; a title "Title | Site" gives its longest part); then a
 * scan of the first blocks: the first heading or, for plain text, the
 * first substantial line that is not furniture (cut to its first sentence),
 * "By …", "Автор: …", "Автор — …", "Аўтар: …" lines, short lines holding a
 * date; the title falls back to the file's name.  The source URL comes
 * from the front matter (source:, url:, link:, canonical:, canonical_url:,
 * original_url:, origin:; http and https only), else from the file's
 * extended attribute user.xdg.origin.url (set by browsers, wget and curl
 * on downloads); the language from lang:/language: and the tags from
 * tags:/keywords: (a list, "[a, b]" or "a, b") in the front matter, which
 * may be YAML ("key: value") or TOML ("key = value").  Dates are read in English and in Russian, Ukrainian and Belarusian
 * month names in any case form (января, январь, січня, студзеня, …) or
 * numerically (2025-12-07, 07.12.2025), and normalised to ISO: YYYY-MM-DD
 * when complete, else YYYY-MM or YYYY.
 *
 * Memory: struct meta owns its strings; meta_done() frees them.
 */
#ifndef GLOSS_META_H
#define GLOSS_META_H

#include "gloss/gloss.h"
#include "gloss/doc.h"

#define META_DATE_MAX 11	/* "YYYY-MM-DD" and a NUL */

struct meta {
	char *title;	/* never NULL after meta_read(): falls back to the file's base name */
	char *author;	/* NULL if none was found */
	char *date;	/* ISO (see above) or NULL */
	char *url;	/* the address the document was taken from, or NULL */
	char *lang;	/* its language (a BCP 47 tag as written), or NULL */
	char *tags;	/* the front matter's tags, "a, b", or NULL */
};

/* Reads the metadata of doc (parses at most its first chunk). */
void meta_read(struct doc *doc, struct meta *out);
/*
 * The title of doc, as meta_read() finds it: the one decision used by the
 * library, the reader's status line, the store and the index.  Caller frees.
 */
char *meta_title(struct doc *doc);
void meta_done(struct meta *m);

/*
 * The header shown in place of a Markdown file's front matter, which is
 * not part of the document text (gloss/markdown.h): a TITLE block (title:),
 * a BYLINE "author · date" and a DATE block of the tags ("#a #b"); with
 * raw, one CODE block of the front matter as written (fences included).
 * NULL if the document has no front matter, else a new chunk whose blocks
 * have no document-text offsets; the caller frees it with
 * doc_build_chunk_free().
 */
struct doc_build_chunk *meta_header(struct doc *doc, bool raw);

/*
 * Finds the first date in s[0..n) and writes it in ISO form to out; false
 * if there is none.  A bare year counts only when it is all of s (white
 * space and a trailing "г."/"р." aside).
 */
bool meta_parse_date(const char *s, size_t n, char out[META_DATE_MAX]);

/*
 * The author named by a byline: "By X", "Автор: X", "X, role", "X
 * September 22, 2023 …" all give X.  Caller frees; NULL if nothing is left.
 */
char *meta_parse_author(const char *s, size_t n);

#endif
