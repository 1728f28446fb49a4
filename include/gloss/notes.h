/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * notes — a document's endnotes and footnotes and the markers that cite
 * them, found over the whole document model (docs/notes.md has the rules).
 *
 * Markers are citations in the text: <sup>x</sup> (DOC_SPAN_SUP), GFM
 * footnote references [^x] (DOC_SPAN_NOTEREF), "[12]" and Unicode
 * superscript digits "¹²" (these two only where a note with that label
 * exists).  Notes are the GFM footnote definitions (DOC_NOTE blocks) and the
 * entries of a notes section (a heading such as Notes, Примечания, Джерела)
 * that start with a marker; a paragraph without one continues the note
 * before it.  Each marker is linked to its note by label, each note to all
 * markers citing it; "Ibid." / "Там же" notes repeat the note before them,
 * "op. cit." ones the last note by the same author.
 *
 * Every position is a byte offset into the document text.  The struct
 * notes owns everything it returns (labels, texts, cite arrays): pointers
 * stay valid until notes_free().  It does not keep the doc.
 */
#ifndef GLOSS_NOTES_H
#define GLOSS_NOTES_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/error.h"

enum notes_style {
	NOTES_SUP,		/* <sup>x</sup> */
	NOTES_FOOTNOTE,		/* GFM [^x] */
	NOTES_BRACKET,		/* [12] */
	NOTES_UNICODE,		/* ¹²³ */
	NOTES_STYLE_COUNT
};

/* A citation in the text. */
struct notes_marker {
	uint64_t start, end;	/* the marker itself */
	const char *label;	/* normalised: "ii", "12", "*", "a", or the footnote label */
	int note;		/* index of its note, or -1 (a marker without a note) */
	unsigned style;		/* enum notes_style */
};

/* A note: its body in the document text, without its own label. */
struct notes_note {
	const char *label;	/* normalised like marker labels */
	uint64_t start, end;	/* the body (continuation paragraphs included) */
	const char *text;	/* the body text, trimmed */
	int ibid_of;		/* the note it repeats (Ibid., op. cit.), or -1 */
	const char *page;	/* the "p. 12" / "с. 5" of an Ibid., or NULL */
	size_t ncites;
	const size_t *cites;	/* indexes of the markers citing it, in order */
	unsigned style;		/* enum notes_style of its own label */
};

struct notes;

/*
 * Scans the whole document (measuring it first: doc_measure_all()).
 * Never fails on a readable document; the caller frees *out with
 * notes_free().
 */
enum gloss_status notes_scan(struct doc *doc, struct notes **out);
void notes_free(struct notes *notes);

/* Notes in document order. */
size_t notes_count(const struct notes *notes);
const struct notes_note *notes_note(const struct notes *notes, size_t i);

/* Markers sorted by start. */
size_t notes_marker_count(const struct notes *notes);
const struct notes_marker *notes_marker(const struct notes *notes, size_t i);
/* The index of the first marker with end > start (notes_marker_count() if none). */
size_t notes_marker_lower(const struct notes *notes, uint64_t start);

/* The note whose body contains off, or -1. */
int notes_note_at(const struct notes *notes, uint64_t off);
/* Follows ibid_of to the first note that is not a repeat; note itself if it is none. */
int notes_resolve(const struct notes *notes, int note);

/* The name of a style: "sup", "footnote", "bracket", "unicode". */
const char *notes_style_name(unsigned style);

#endif
