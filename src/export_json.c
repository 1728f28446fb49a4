/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * export_json — the W3C Web Annotation JSON of an export (docs/export.md):
 * an array of Annotation objects, each with the note and tags as
 * TextualBody bodies (purpose commenting / tagging) and a target with the
 * document's file IRI, a TextQuoteSelector and a TextPositionSelector (in
 * code points).  gloss's own fields (colour, status, the document's
 * SHA-256 and title) are "gloss:" terms defined in the @context.
 */
#include "gloss/gloss.h"

#include "export_int.h"
#include "gloss/fingerprint.h"
#include "gloss/json.h"

#define ANNO_CONTEXT "[\"http://www.w3.org/ns/anno.jsonld\", {\"gloss\": \"urn:x-gloss:\"}]"

/* Appends path as a file: IRI, percent-encoding all but unreserved characters and '/'. */
static void
file_iri(struct strbuf *out, const char *path)
{
	strbuf_adds(out, "\"file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			strbuf_addc(out, (char)*p);
		else
			strbuf_addf(out, "%%%02X", *p);
	}
	strbuf_addc(out, '"');
}

/* A stable IRI for the annotation: a hash of its document, range, quote and creation. */
static void
anno_id(struct strbuf *out, const struct export_doc *d, const struct export_hl *h)
{
	struct strbuf key = STRBUF_INIT;
	char hex[FINGERPRINT_HEX_LEN + 1];

	strbuf_addf(&key, "%s\n%s\n%llu\n%llu\n%lld\n", d->sha256[0] ? d->sha256 : "",
	    d->path ? d->path : "", (unsigned long long)h->a.start, (unsigned long long)h->a.end,
	    (long long)h->a.created);
	strbuf_adds(&key, h->a.quote);
	fingerprint_sha256(key.buf, key.len, hex);
	strbuf_addf(out, "\"urn:x-gloss:annotation:%.32s\"", hex);
	strbuf_done(&key);
}

static void
field(struct strbuf *out, const char *name, const char *value)
{
	strbuf_addf(out, ", \"%s\": ", name);
	json_string(out, value);
}

static void
time_field(struct strbuf *out, const char *name, int64_t t)
{
	strbuf_addf(out, ", \"%s\": \"", name);
	strbuf_add_utc(out, t);
	strbuf_addc(out, '"');
}

static void
bodies(struct strbuf *out, const struct export_hl *h)
{
	bool note = h->a.note && h->a.note[0];

	if (!note && h->a.ntags == 0)
		return;
	strbuf_adds(out, ", \"body\": [");
	if (note) {
		strbuf_adds(out, "{\"type\": \"TextualBody\", \"purpose\": \"commenting\"");
		field(out, "value", h->a.note);
		strbuf_adds(out, ", \"format\": \"text/markdown\"}");
	}
	for (size_t k = 0; k < h->a.ntags; k++) {
		strbuf_adds(out, note || k ? ", " : "");
		strbuf_adds(out, "{\"type\": \"TextualBody\", \"purpose\": \"tagging\"");
		field(out, "value", h->a.tags[k]);
		strbuf_adds(out, ", \"format\": \"text/plain\"}");
	}
	strbuf_addc(out, ']');
}

static void
quote_selector(struct strbuf *out, const char *exact, const char *prefix, const char *suffix)
{
	strbuf_adds(out, "{\"type\": \"TextQuoteSelector\"");
	field(out, "exact", exact);
	field(out, "prefix", prefix ? prefix : "");
	field(out, "suffix", suffix ? suffix : "");
	strbuf_addc(out, '}');
}

/*
 * The selectors, usable on the file itself (docs/export.md): positions in
 * code points of the file; for plain text the quote is the file's own
 * characters, for Markdown the text as read (markup gone), which is what a
 * rendering of the file shows.
 */
static void
selectors(struct strbuf *out, const struct export_doc *d, const struct export_hl *h)
{
	bool md = d->known_format && d->format == DOC_FORMAT_MARKDOWN;

	strbuf_adds(out, ", \"selector\": [");
	if (h->mapped && !md)
		quote_selector(out, h->file_exact, h->file_prefix, h->file_suffix);
	else
		quote_selector(out, h->a.quote, h->a.prefix, h->a.suffix);
	if (h->mapped)
		strbuf_addf(out, ", {\"type\": \"TextPositionSelector\", \"start\": %llu, \"end\": %llu}",
		    (unsigned long long)h->file_start, (unsigned long long)h->file_end);
	strbuf_addc(out, ']');
}

static void
target(struct strbuf *out, const struct export_doc *d, const struct export_hl *h)
{
	strbuf_adds(out, ", \"target\": {\"source\": ");
	if (d->path)
		file_iri(out, d->path);
	else
		strbuf_addf(out, "\"urn:x-gloss:document:%lld\"", (long long)d->id);
	if (d->known_format)
		field(out, "format", d->format == DOC_FORMAT_MARKDOWN ? "text/markdown" : "text/plain");
	if (d->meta.lang)
		field(out, "language", d->meta.lang);
	if (d->sha256[0])
		field(out, "gloss:sha256", d->sha256);
	field(out, "gloss:title", d->meta.title);
	selectors(out, d, h);
	strbuf_addc(out, '}');
}

/* Who made it: the user (--creator, $GLOSS_CREATOR or the login name); what wrote the file. */
static void
agents(struct strbuf *out, const struct export_set *set)
{
	if (set->creator) {
		strbuf_adds(out, ", \"creator\": {\"type\": \"Person\"");
		field(out, set->creator_is_login ? "nickname" : "name", set->creator);
		strbuf_addc(out, '}');
	}
	strbuf_adds(out, ", \"generator\": {\"type\": \"Software\", \"name\": \"" PACKAGE_STRING "\"}");
}

static void
annotation(struct strbuf *out, const struct export_set *set, const struct export_doc *d,
    const struct export_hl *h)
{
	strbuf_adds(out, "{\"@context\": " ANNO_CONTEXT ", \"id\": ");
	anno_id(out, d, h);
	strbuf_adds(out, ", \"type\": \"Annotation\"");
	field(out, "motivation", h->a.note && h->a.note[0] ? "commenting" : "highlighting");
	agents(out, set);
	time_field(out, "created", h->a.created);
	time_field(out, "modified", h->a.modified);
	bodies(out, h);
	target(out, d, h);
	field(out, "gloss:color", store_color_name(h->a.color));
	field(out, "gloss:status", anchor_status_name(h->a.status));
	strbuf_addc(out, '}');
}

void
export_json(const struct export_set *set, struct strbuf *out)
{
	bool first = true;

	strbuf_addc(out, '[');
	for (size_t i = 0; i < set->ndocs; i++) {
		for (size_t k = 0; k < set->docs[i].n; k++) {
			strbuf_adds(out, first ? "\n  " : ",\n  ");
			annotation(out, set, &set->docs[i], &set->docs[i].hl[k]);
			first = false;
		}
	}
	strbuf_adds(out, first ? "]\n" : "\n]\n");
}
