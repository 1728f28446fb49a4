/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xref_cmd — the Cross-document section of `gloss notes` (see
 * include/gloss/xref_cmd.h).
 */
#include "gloss/gloss.h"

#include <inttypes.h>

#include "gloss/cachedb.h"
#include "gloss/glyph.h"
#include "gloss/json.h"
#include "gloss/options.h"
#include "gloss/notes_cmd.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "gloss/xref_cmd.h"
#include "gloss/xref_corpus.h"

/* ------------------------------------------------------------------ */
/* gloss notes: the Cross-document section */

static void
print_entry(struct strbuf *out, const struct xref_entry *e, bool json, bool first)
{
	const char *kind = e->url ? "url" : e->verbatim ? "verbatim" : "near";

	if (!json) {
		strbuf_addf(out, "%s\t%" PRIu64 "-%" PRIu64 "\t", kind, e->start, e->end);
		glyph_append_safe(out, e->other_path, strlen(e->other_path), opt_glyphs);
		strbuf_addf(out, "\t%" PRIu64 "-%" PRIu64 "\t%.2f", e->other_start, e->other_end, e->similarity);
		if (e->url) {
			strbuf_addc(out, '\t');
			glyph_append_safe(out, e->url, strlen(e->url), opt_glyphs);
		}
		strbuf_addc(out, '\n');
		return;
	}
	strbuf_adds(out, first ? "\n  {" : ",\n  {");
	strbuf_addf(out, "\"kind\": \"%s\", \"start\": %" PRIu64 ", \"end\": %" PRIu64 ", \"other_path\": ",
	    kind, e->start, e->end);
	json_string(out, e->other_path);
	strbuf_adds(out, ", \"other_title\": ");
	json_string(out, e->other_title ? e->other_title : "");
	strbuf_addf(out, ", \"other_start\": %" PRIu64 ", \"other_end\": %" PRIu64 ", \"similarity\": %.2f",
	    e->other_start, e->other_end, e->similarity);
	if (e->url) {
		strbuf_adds(out, ", \"url\": ");
		json_string(out, e->url);
	}
	strbuf_addc(out, '}');
}

static void
notes_xref(struct strbuf *out, const char *path, struct doc *doc, bool json, void *arg)
{
	struct cachedb *c;
	struct xref *x;
	struct xref_entry *v = NULL;
	size_t n = 0;
	char *self = xref_corpus_canonical(path);

	(void)doc;
	(void)arg;
	if (xref_corpus_update((const char *const *)&path, 1, NULL, &c, &x) == GLOSS_OK) {
		if (xref_query(x, self, &v, &n) != GLOSS_OK)
			n = 0;
	} else if (!json) {
		strbuf_addf(out, "(no index: %s)\n", error_last(GLOSS_EDB));
	}
	for (size_t i = 0; i < n; i++)
		print_entry(out, &v[i], json, i == 0);
	if (json && n)
		strbuf_adds(out, "\n");
	xref_entries_free(v, n);
	xref_close(x);
	cachedb_close(c);
	free(self);
}

static int
notes_exec(int argc, char **argv)
{
	return notes_cmd_run(&xref_cmd_notes_entry, argc, argv, notes_xref, NULL);
}

const struct cmd_entry xref_cmd_notes_entry = {
	.name = "notes",
	.usage = "FILE [--json] [--force]",
	.summary = "list FILE's notes, where they are cited, its links",
	.help = "Endnotes and footnotes (where each is cited, its text, what an Ibid. repeats),\n"
	    "the note markers without a note, the links, and the passages FILE shares with\n"
	    "the other articles of the corpus.\n",
	.options = notes_cmd_options,
	.exec = notes_exec,
};
