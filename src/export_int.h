/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_int.h — what export.c gathers and the writers (export_md.c,
 * export_json.c) render.  Everything here is owned by the export_set.
 */
#ifndef GLOSS_EXPORT_INT_H
#define GLOSS_EXPORT_INT_H

#include "gloss/doc.h"
#include "gloss/export.h"

/* Title, author and date of a document (see doc_meta() in export.c). */
struct export_meta {
	char *title, *author, *date;	/* author, date: NULL if unknown */
	char *url, *lang;		/* where it was taken from, its language: NULL if unknown */
};

/* An endnote cited by a highlight. */
struct export_note {
	char *label;			/* the marker as printed ("iv") */
	char *text;			/* the note's full text */
};

struct export_hl {
	struct store_annotation a;
	bool located;			/* the fields below are known */
	uint64_t cp_start, cp_end;	/* code-point offsets in the document text */
	const char *heading;		/* the section's heading (owned by the doc) or NULL */
	unsigned paragraph;		/* its block's number in the document, from 1 (locator) */
	unsigned percent;
	size_t *notes;			/* indices into export_doc.notes */
	size_t nnotes;
	bool mapped;			/* the place in the file itself is known: */
	uint64_t file_start, file_end;	/* code points of the file (srcmap.h) */
	char *file_exact, *file_prefix, *file_suffix;	/* the file's own characters there */
};

struct export_doc {
	int64_t id;
	char *path;			/* or NULL */
	char sha256[FINGERPRINT_HEX_LEN + 1];
	bool known_format;		/* the file was read: */
	enum doc_format format;
	struct export_meta meta;
	struct export_hl *hl;
	size_t n;
	char **headings;
	size_t nheadings;
	struct export_note *notes;
	size_t nnotes;
};

struct export_set {
	struct export_doc *docs;
	size_t ndocs;
	char **tags;			/* tags used, in order of first appearance */
	size_t ntags;
	int64_t now;
	enum export_group by;
	const char *creator;		/* the user's name for "creator", or NULL */
	bool creator_is_login;		/* it is a login name (a nickname), not a name given */
};

void export_md(const struct export_set *set, struct strbuf *out);
/* Appends text of one line escaped for every Markdown reader (export_md.c); line_start: it begins a line. */
void export_md_text(struct strbuf *out, const char *s, size_t n, bool line_start);
/* Appends the tag's one Obsidian form, without '#' (export_md.c). */
void export_tag_form(struct strbuf *out, const char *tag);
/*
 * Appends a note (CommonMark) rendered so that it means the same to every
 * reader and cannot reach beyond itself (export_note.c); ends in "\n".
 */
void export_md_note(struct strbuf *out, const char *note);
void export_json(const struct export_set *set, struct strbuf *out);

#endif
