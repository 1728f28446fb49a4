/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * import_int.h — what import_read.c (the JSON's shapes) hands to import.c
 * (documents, anchoring, adding) and import_source.c (where a source is).
 * Strings of an item are borrowed from the JSON tree unless marked owned.
 */
#ifndef GLOSS_IMPORT_INT_H
#define GLOSS_IMPORT_INT_H

#include "gloss/import.h"
#include "gloss/json.h"
#include "gloss/strbuf.h"

/* One text target of an annotation, as read from the JSON. */
struct import_item {
	size_t number;			/* 1-based place of its annotation in the file */
	const char *source;		/* the target's source (IRI or path) */
	const char *sha256, *title;	/* gloss:sha256, gloss:title or Hypothesis document.title */
	char *exact, *prefix, *suffix;	/* owned, NFC; exact NULL: a position only */
	char *first_exact, *first_prefix, *first_suffix;	/* owned: the quote as made ("gloss:state": "first"), or NULL */
	char *creator;			/* owned: who made it (the creator's name, nickname or IRI), or NULL */
	bool has_pos;
	uint64_t cp_start, cp_end;	/* TextPositionSelector: code points of the file */
	char *note;			/* owned: the commenting bodies, a blank line between; or NULL */
	char **tags;			/* owned */
	size_t ntags;
	enum store_color color;
	bool has_created;
	int64_t created, modified;
	size_t doc;			/* index into the import's documents */
};

/* A line to say about annotation number (a rejection, or a note such as "kept as orphaned"). */
struct import_msg {
	size_t number;
	bool rejected;
	char *text;			/* owned */
};

struct import_read {
	struct import_item *items;
	size_t nitems;
	struct import_msg *msgs;
	size_t nmsgs;
	size_t annotations;		/* annotations met (rejected ones included) */
};

/*
 * Walks the JSON: an annotation, an array of them, an AnnotationPage, an
 * AnnotationCollection (pages embedded), a Hypothesis search result
 * ({"rows": [...]}) or client export ({"annotations": [...]}).  Each
 * annotation gives one item per text target, or a rejection message.
 * GLOSS_EPARSE when the top level is none of these.
 */
enum gloss_status import_read_json(const struct json_value *root, struct import_read *out);
void import_read_done(struct import_read *r);
/* Appends a message about annotation number (printf-style). */
void import_say(struct import_read *r, size_t number, bool rejected, const char *fmt, ...)
    GLOSS_PRINTF(4, 5);

/*
 * Where a source is: a local path (file: IRIs in every form, absolute or
 * relative paths, http(s) URLs matched by --map or by the source URL a
 * local document records), or why there is none.  *path is new (caller
 * frees); *why is a new message when it returns false.
 */
struct import_sources;
struct import_sources *import_sources_new(const struct import_options *o, struct store *st);
void import_sources_free(struct import_sources *s);
bool import_source_path(struct import_sources *s, const char *source, char **path, char **why);
/* The RFC 5147 position "#char=S,E" at the end of source, if any. */
bool import_source_fragment(const char *source, uint64_t *start, uint64_t *end);

#endif
