/*
 * import — Web Annotation JSON read into the store by `gloss import`: what
 * gloss exports, what other W3C tools write and what Hypothesis's API gives
 * (docs/export.md, "Import").
 *
 * Liberal in the shapes: an annotation, an array, an AnnotationPage, an
 * AnnotationCollection with embedded pages, a Hypothesis search result or
 * client export; "type" as a string or an array; a selector as an object or
 * an array (TextQuoteSelector, TextPositionSelector, RFC 5147 fragments,
 * refinedBy chains; Hypothesis's RangeSelector is ignored); a target as an
 * object, an array or an IRI; a body as an object, an array, an IRI or
 * bodyValue, several of them kept; times in RFC 3339.  Each annotation
 * whose shape or values cannot be used is rejected with a reason; the
 * others are imported, in one transaction (with strict, a rejection imports
 * nothing).
 *
 * Each target's document is found by its source (import_int.h: file: IRIs,
 * paths relative to base_dir, http(s) URLs through maps or the source URL a
 * local document records), attached as the reader would, and the highlight
 * anchored in its text with the usual rules (anchor.h).  A file that cannot
 * be read keeps its highlights as orphaned (found again by gloss:sha256 or
 * the path the store knows).  One already in the store (same document,
 * range, quote and creation time) is skipped as a duplicate.
 *
 * Errors: GLOSS_EPARSE ("line L, column C: WHAT") for malformed JSON or a
 * top level of no known shape, or ("N annotations were rejected") when
 * strict and something was rejected; store errors.  Nothing is imported
 * then; the lines about each annotation are said when strict refused.
 */
#ifndef GLOSS_IMPORT_H
#define GLOSS_IMPORT_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/store.h"

/* --map URL=PATH: a source URL (or, ending in '/', a prefix of URLs) and the local path for it. */
struct import_map {
	const char *url;
	const char *path;
};

struct import_options {
	const char *base_dir;		/* relative paths are taken from here; NULL: the working directory */
	bool strict;			/* any rejected annotation: import nothing */
	const struct import_map *maps;
	size_t nmaps;
	/* Called with each line about one annotation ("annotation 3: why"), in order; may be NULL. */
	void (*say)(void *arg, const char *line);
	void *arg;
};

struct import_counts {
	size_t imported;		/* added: anchored + moved + orphaned */
	size_t anchored, moved, orphaned;
	size_t duplicates;		/* already in the store */
	size_t rejected;		/* annotations that could not be imported */
};

/* Imports data[0..n); *c gets the counts (all 0 when nothing was imported). */
enum gloss_status import_json(struct store *st, const char *data, size_t n,
    const struct import_options *o, struct import_counts *c);

#endif
