/*
 * export — a selection of annotations written as Markdown (for Obsidian,
 * Zettlr, pandoc) or as W3C Web Annotation JSON, and the atomic file
 * writes of `gloss export -o` and the reader's export key.
 *
 * export_run() gathers the annotations (of the named files, or of every
 * document), re-anchoring a document whose file changed, reads each
 * document once for its title, author and date, the section, paragraph
 * and percentage of every highlight and the endnotes a passage cites,
 * and renders them in a stable order: documents by path, highlights by
 * position, then creation, then id.  docs/export.md describes both
 * formats; the Markdown is escaped so that a CommonMark parser gives back
 * every quote exactly.
 *
 * Errors: GLOSS_ENOENT/GLOSS_EIO for a named file that cannot be read,
 * GLOSS_ENOTFOUND for a named file the store does not know, store errors;
 * error_last() has the message.  Memory: the caller owns `out`.
 */
#ifndef GLOSS_EXPORT_H
#define GLOSS_EXPORT_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/store.h"
#include "gloss/strbuf.h"

#define EXPORT_NO_TIME INT64_MIN	/* export_options.now: no "exported" timestamp */
#define EXPORT_FILE_SUFFIX "-notes.md"	/* the reader's default file: <stem>-notes.md */

enum export_format {
	EXPORT_MARKDOWN,
	EXPORT_JSON,
};

enum export_group {
	EXPORT_BY_DOCUMENT,
	EXPORT_BY_TAG,
};

struct export_options {
	enum export_format format;
	enum export_group by;
	const char *const *files;	/* documents to export; none: every document */
	size_t nfiles;
	const char *const *tags;	/* keep highlights carrying any of these; none: all */
	size_t ntags;
	int color;			/* -1: any; else enum store_color */
	int64_t since;			/* keep highlights created at or after this; 0: all */
	int64_t now;			/* the "exported" time, or EXPORT_NO_TIME */
	const char *creator;		/* the user's name for "creator"; NULL: export_default_creator() */
};

/*
 * Who the annotations are by when nothing else says: $GLOSS_CREATOR, else
 * the login name (the configuration file can set it through
 * export_options.creator).  Caller frees; NULL if nothing is known.
 */
char *export_default_creator(void);

/* Appends the export to out; *count gets the number of highlights exported. */
enum gloss_status export_run(struct store *st, const struct export_options *o, struct strbuf *out,
    size_t *count);

/*
 * The reader's default path for the export of the document at doc_path:
 * $GLOSS_EXPORT_DIR, else $XDG_DOCUMENTS_DIR, else $HOME, joined with
 * "<file stem>-notes.md".  Caller frees.
 */
char *export_default_path(const char *doc_path);

/*
 * Parses "YYYY-MM-DD" or an RFC 3339 time ("YYYY-MM-DDTHH:MM:SS", a
 * fraction of a second, then "Z" or an offset "+HH:MM"; also "+HHMM", a
 * space or "t" for "T", and no offset for UTC) into seconds since the
 * epoch (the fraction dropped); false if invalid.
 */
bool export_parse_time(const char *s, int64_t *t);

#endif
