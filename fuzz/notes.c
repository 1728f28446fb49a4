/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * notes — fuzzes the detection of notes and links (notes_scan,
 * links_scan) in a plain-text or Markdown document (the first byte's low
 * bit): markers sorted, inside the text, naming a note that exists; notes'
 * bodies inside the text, their cites pointing back at markers of theirs,
 * Ibid. chains ending; links sorted and inside the text; the lower-bound
 * lookups agreeing with a scan.
 */
#include "gloss/gloss.h"

#include "gloss/doc.h"
#include "gloss/links.h"
#include "gloss/notes.h"
#include "fuzz.h"

static void
check_notes(const struct notes *notes, uint64_t len)
{
	size_t nm = notes_marker_count(notes), nn = notes_count(notes);

	for (size_t i = 0; i < nm; i++) {
		const struct notes_marker *m = notes_marker(notes, i);

		fuzz_assert(m->start < m->end && m->end <= len, "a marker lies inside the text");
		fuzz_assert(i == 0 || notes_marker(notes, i - 1)->start <= m->start, "markers are sorted");
		fuzz_assert(m->note >= -1 && m->note < (int)nn, "a marker's note exists");
		fuzz_assert(m->label != NULL && m->style < NOTES_STYLE_COUNT, "a marker has a label and a style");
		fuzz_assert(notes_marker_lower(notes, m->start) <= i, "notes_marker_lower finds a marker at its start");
	}
	fuzz_assert(notes_marker_lower(notes, len) <= nm, "notes_marker_lower past the end");
	for (size_t i = 0; i < nn; i++) {
		const struct notes_note *n = notes_note(notes, i);
		int r = notes_resolve(notes, (int)i);

		fuzz_assert(n->start <= n->end && n->end <= len, "a note's body lies inside the text");
		fuzz_assert(n->label != NULL && n->text != NULL, "a note has a label and a text");
		fuzz_assert(n->ibid_of >= -1 && n->ibid_of < (int)nn, "an Ibid. repeats a note that exists");
		fuzz_assert((r >= 0 && r < (int)nn && notes_note(notes, (size_t)r)->ibid_of == -1) || r == (int)i,
		    "notes_resolve ends at a note that repeats none");
		for (size_t k = 0; k < n->ncites; k++) {
			fuzz_assert(n->cites[k] < nm, "a cite is a marker");
			fuzz_assert(notes_marker(notes, n->cites[k])->note == (int)i, "a cite's marker names its note");
		}
		if (n->end > n->start) {
			int at = notes_note_at(notes, n->start);

			fuzz_assert(at >= 0 && at < (int)nn, "notes_note_at finds a note at a body's start");
		}
	}
}

static void
check_links(const struct links *links, size_t nnotes, uint64_t len)
{
	size_t n = links_count(links);

	for (size_t i = 0; i < n; i++) {
		const struct links_link *l = links_get(links, i);

		fuzz_assert(l->start < l->end && l->end <= len, "a link lies inside the text");
		fuzz_assert(i == 0 || links_get(links, i - 1)->start <= l->start, "links are sorted");
		fuzz_assert(l->url != NULL && l->host != NULL, "a link has a URL and a host");
		fuzz_assert(l->note >= -1 && l->note < (int)nnotes, "a link's note exists");
		fuzz_assert(links_lower(links, l->start) <= i, "links_lower finds a link at its start");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc_options dopt = { .force = true, .tab_width = 8 };
	struct doc *doc;
	struct notes *notes = NULL;
	struct links *links = NULL;

	if (size < 1)
		return 0;
	dopt.format = data[0] & 1 ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT;
	if (doc_open_mem("fuzz", (const char *)data + 1, size - 1, &dopt, &doc) != GLOSS_OK)
		return 0;
	fuzz_assert(notes_scan(doc, &notes) == GLOSS_OK, "notes_scan succeeds on a readable document");
	check_notes(notes, doc_text_length(doc));
	fuzz_assert(links_scan(doc, notes, &links) == GLOSS_OK, "links_scan succeeds");
	check_links(links, notes_count(notes), doc_text_length(doc));
	links_free(links);
	notes_free(notes);
	doc_free(doc);
	return 0;
}
