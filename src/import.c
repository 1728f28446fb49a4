/*
 * import — reading W3C Web Annotation JSON back into the store (see
 * include/gloss/import.h): checking the JSON, finding each annotation's
 * document, anchoring it in the document text, and adding everything in
 * one transaction.
 */
#include "gloss/gloss.h"

#include "gloss/annot.h"
#include "gloss/anchor.h"
#include "gloss/doc.h"
#include "gloss/export.h"
#include "gloss/import.h"
#include "gloss/json.h"
#include "gloss/meta.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"

/* One annotation as read from the JSON (strings borrowed from the tree). */
struct item {
	const char *source, *sha256, *title;
	const char *exact, *prefix, *suffix, *note;
	const char **tags;
	size_t ntags;
	bool has_pos;
	uint64_t cp_start, cp_end;
	enum store_color color;
	int64_t created, modified;
	size_t doc;			/* index into the documents */
};

/* A document of the import. */
struct idoc {
	const char *source, *sha256, *title;
	char *path;			/* decoded file path, or NULL */
	struct doc *doc;		/* NULL if the file cannot be read */
	struct annot_doc *ad;
	int64_t id;			/* 0 until found or created */
	char file_sha[FINGERPRINT_HEX_LEN + 1];
	struct strbuf text;
	struct anchor_text *at;
	struct store_list existing;
};

struct import {
	struct store *st;
	struct item *items;
	size_t nitems;
	struct idoc *docs;
	size_t ndocs;
};

/* ------------------------------------------------------------------ */
/* Reading the JSON */

static enum gloss_status GLOSS_PRINTF(2, 3)
bad(const struct json_value *at, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(GLOSS_EPARSE, "line %u, column %u: %s", at->line, at->column, msg);
}

static bool
get_uint(const struct json_value *v, uint64_t *out)
{
	if (v == NULL || v->type != JSON_NUMBER || v->number < 0 || v->number > (double)STORE_POSITION_MAX ||
	    v->number != (double)(uint64_t)v->number)
		return false;
	*out = (uint64_t)v->number;
	return true;
}

static enum gloss_status
read_selectors(const struct json_value *target, struct item *it)
{
	const struct json_value *sel = json_get(target, "selector");

	if (sel == NULL || sel->type != JSON_ARRAY)
		return bad(sel ? sel : target, "the target needs a \"selector\" array");
	for (size_t k = 0; k < sel->n; k++) {
		const struct json_value *s = &sel->items[k];
		const char *type = json_str(json_get(s, "type"));

		if (type && strcmp(type, "TextQuoteSelector") == 0) {
			it->exact = json_str(json_get(s, "exact"));
			it->prefix = json_str(json_get(s, "prefix"));
			it->suffix = json_str(json_get(s, "suffix"));
			if (it->exact == NULL || it->exact[0] == '\0')
				return bad(s, "a TextQuoteSelector needs a non-empty \"exact\"");
		} else if (type && strcmp(type, "TextPositionSelector") == 0) {
			if (!get_uint(json_get(s, "start"), &it->cp_start) ||
			    !get_uint(json_get(s, "end"), &it->cp_end) || it->cp_end < it->cp_start)
				return bad(s, "a TextPositionSelector needs numbers start <= end");
			it->has_pos = true;
		}
	}
	if (it->exact == NULL)
		return bad(sel, "the target has no TextQuoteSelector");
	return GLOSS_OK;
}

static enum gloss_status
read_bodies(const struct json_value *body, struct item *it)
{
	if (body == NULL)
		return GLOSS_OK;
	if (body->type != JSON_ARRAY && body->type != JSON_OBJECT)
		return bad(body, "\"body\" must be an object or an array");
	for (size_t k = 0; k < (body->type == JSON_ARRAY ? body->n : 1); k++) {
		const struct json_value *b = body->type == JSON_ARRAY ? &body->items[k] : body;
		const char *purpose = json_str(json_get(b, "purpose"));
		const char *value = json_str(json_get(b, "value"));

		if (value == NULL)
			return bad(b, "a body needs a string \"value\"");
		if (purpose && strcmp(purpose, "tagging") == 0) {
			it->tags = xreallocarray(it->tags, it->ntags + 1, sizeof *it->tags);
			it->tags[it->ntags++] = value;
		} else if (it->note == NULL) {
			it->note = value;
		}
	}
	return GLOSS_OK;
}

static enum gloss_status
read_time(const struct json_value *a, const char *key, int64_t *t)
{
	const struct json_value *v = json_get(a, key);

	*t = 0;
	if (v && (json_str(v) == NULL || !export_parse_time(v->string, t)))
		return bad(v, "\"%s\" must be a time like 2024-01-31T12:00:00Z", key);
	return GLOSS_OK;
}

static enum gloss_status
read_item(const struct json_value *a, struct item *it)
{
	const char *type = json_str(json_get(a, "type")), *color;
	const struct json_value *target = json_get(a, "target");
	enum gloss_status rc;

	if (a->type != JSON_OBJECT || type == NULL || strcmp(type, "Annotation") != 0)
		return bad(a, "not an annotation (an object with \"type\": \"Annotation\")");
	if (target == NULL || (it->source = json_str(json_get(target, "source"))) == NULL)
		return bad(target ? target : a, "the target needs a \"source\" IRI");
	it->sha256 = json_str(json_get(target, "gloss:sha256"));
	it->title = json_str(json_get(target, "gloss:title"));
	if ((rc = read_selectors(target, it)) != GLOSS_OK ||
	    (rc = read_bodies(json_get(a, "body"), it)) != GLOSS_OK ||
	    (rc = read_time(a, "created", &it->created)) != GLOSS_OK ||
	    (rc = read_time(a, "modified", &it->modified)) != GLOSS_OK)
		return rc;
	it->color = STORE_COLOR_DEFAULT;
	color = json_str(json_get(a, "gloss:color"));
	if (color && !store_color_parse(color, &it->color))
		return bad(json_get(a, "gloss:color"), "unknown colour \"%.40s\"", color);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Documents */

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The path of a file: IRI (percent-decoded), or NULL. */
static char *
iri_path(const char *iri)
{
	struct strbuf sb = STRBUF_INIT;

	if (strncmp(iri, "file://", 7) != 0)
		return NULL;
	for (const char *p = iri + 7; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			strbuf_addc(&sb, (char)(hexval(p[1]) * 16 + hexval(p[2])));
			p += 2;
		} else {
			strbuf_addc(&sb, *p);
		}
	}
	if (sb.len == 0 || memchr(sb.buf, '\0', sb.len)) {
		strbuf_done(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

static size_t
doc_index(struct import *im, const struct item *it)
{
	const char *sha = it->sha256 ? it->sha256 : "";

	for (size_t k = 0; k < im->ndocs; k++)
		if (strcmp(im->docs[k].source, it->source) == 0 &&
		    strcmp(im->docs[k].sha256 ? im->docs[k].sha256 : "", sha) == 0)
			return k;
	im->docs = xreallocarray(im->docs, im->ndocs + 1, sizeof *im->docs);
	memset(&im->docs[im->ndocs], 0, sizeof im->docs[im->ndocs]);
	im->docs[im->ndocs].source = it->source;
	im->docs[im->ndocs].sha256 = it->sha256;
	im->docs[im->ndocs].title = it->title;
	im->docs[im->ndocs].path = iri_path(it->source);
	return im->ndocs++;
}

/* Opens and attaches the document's file if it can be read (before the transaction). */
static enum gloss_status
open_file(struct import *im, struct idoc *d)
{
	struct doc_options dopt = { .force = opt_force, .format = -1, .tab_width = 8 };
	enum gloss_status rc;

	if (d->path == NULL || doc_open(d->path, &dopt, &d->doc) != GLOSS_OK) {
		error_clear();
		return GLOSS_OK;
	}
	if ((rc = annot_attach(im->st, d->doc, ANNOT_NOW, &d->ad)) != GLOSS_OK)
		return rc;
	d->id = annot_doc_id(d->ad);
	doc_measure_all(d->doc);
	doc_text_range(d->doc, 0, doc_text_length(d->doc), &d->text);
	d->at = anchor_text_new(strbuf_str(&d->text), d->text.len);
	fingerprint_sha256(doc_source(d->doc), (size_t)doc_source_size(d->doc), d->file_sha);
	return GLOSS_OK;
}

/* Records a document the store does not know (inside the transaction). */
static enum gloss_status
create_doc(struct import *im, struct idoc *d)
{
	struct store_path_info info = { 0 };
	const char *sha = d->doc ? d->file_sha : d->sha256;
	char *title;
	enum gloss_status rc;

	title = d->doc ? meta_title(d->doc) : NULL;
	rc = store_doc_new(im->st, sha, title ? title : d->title, &d->id);
	free(title);
	if (rc != GLOSS_OK || d->path == NULL)
		return rc;
	info.doc_id = d->id;
	if (sha)
		snprintf(info.sha256, sizeof info.sha256, "%s", sha);
	if (d->doc && fingerprint_stat(d->path, &info.key) != GLOSS_OK)
		memset(&info.key, 0, sizeof info.key);
	return store_path_put(im->st, d->path, &info);
}

/* Finds (or records) the document's id, and what it already holds. */
static enum gloss_status
resolve_doc(struct import *im, struct idoc *d)
{
	struct store_path_info info;
	enum gloss_status rc = GLOSS_OK;
	bool found = false;

	if (d->id == 0 && d->doc == NULL && d->sha256 &&
	    (rc = store_sha_find(im->st, d->sha256, &d->id, &found)) != GLOSS_OK)
		return rc;
	if (d->id == 0 && d->doc == NULL && d->path &&
	    (rc = store_path_find(im->st, d->path, &info, &found)) == GLOSS_OK && found)
		d->id = info.doc_id;
	if (rc == GLOSS_OK && d->id == 0)
		rc = create_doc(im, d);
	if (rc == GLOSS_OK)
		rc = store_of_doc(im->st, d->id, &d->existing);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Adding */

/* The byte offset of code point cp in text (the end if beyond it). */
static uint64_t
cp_to_byte(const struct strbuf *text, uint64_t cp)
{
	uint64_t i = 0, c = 0;

	while (i < text->len && c < cp) {
		i++;
		while (i < text->len && ((unsigned char)text->buf[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

static void
anchor_item(struct idoc *d, const struct item *it, struct store_new *n)
{
	struct anchor_selector sel = {
		.exact = it->exact, .exact_len = strlen(it->exact),
		.prefix = it->prefix ? it->prefix : "", .suffix = it->suffix ? it->suffix : "",
	};
	struct anchor_result r;
	int64_t delta = 0;

	sel.prefix_len = strlen(sel.prefix);
	sel.suffix_len = strlen(sel.suffix);
	if (it->has_pos) {
		sel.start = cp_to_byte(&d->text, it->cp_start);
		sel.end = sel.start + cp_to_byte(&d->text, it->cp_end) - cp_to_byte(&d->text, it->cp_start);
	}
	anchor_locate(d->at, &sel, &delta, &r);
	n->start = r.start;
	n->end = r.end;
	n->status = r.status;
}

static bool
exists(const struct idoc *d, const struct store_new *n)
{
	for (size_t k = 0; k < d->existing.n; k++) {
		const struct store_annotation *a = &d->existing.v[k];

		if (a->start == n->start && a->end == n->end && a->created == n->created &&
		    strcmp(a->quote, n->quote) == 0)
			return true;
	}
	return false;
}

static enum gloss_status
add_item(struct import *im, const struct item *it, size_t *added, size_t *skipped)
{
	struct idoc *d = &im->docs[it->doc];
	struct store_new n = {
		.doc_id = d->id, .quote = it->exact, .prefix = it->prefix, .suffix = it->suffix,
		.note = it->note, .color = it->color, .status = ANCHOR_ORPHANED,
		.tags = it->tags, .ntags = it->ntags, .created = it->created, .modified = it->modified,
		.start = it->cp_start, .end = it->cp_end,
	};
	int64_t id;

	if (d->at)
		anchor_item(d, it, &n);
	if (n.end <= n.start || n.end > STORE_POSITION_MAX) {
		n.start = 0;	/* an orphan without a usable position */
		n.end = strlen(it->exact);
	}
	if (exists(d, &n)) {
		(*skipped)++;
		return GLOSS_OK;
	}
	(*added)++;
	return store_add(im->st, &n, &id);
}

static void
import_done(struct import *im)
{
	for (size_t k = 0; k < im->nitems; k++)
		free(im->items[k].tags);
	for (size_t k = 0; k < im->ndocs; k++) {
		struct idoc *d = &im->docs[k];

		anchor_text_free(d->at);
		strbuf_done(&d->text);
		annot_detach(d->ad);
		doc_free(d->doc);
		free(d->path);
		store_list_free(&d->existing);
	}
	free(im->items);
	free(im->docs);
}

static enum gloss_status
read_items(struct import *im, const struct json_value *root)
{
	enum gloss_status rc = GLOSS_OK;

	if (root->type != JSON_ARRAY)
		return bad(root, "expected an array of annotations");
	im->items = xcalloc(root->n + 1, sizeof *im->items);
	for (size_t k = 0; rc == GLOSS_OK && k < root->n; k++) {
		rc = read_item(&root->items[k], &im->items[k]);
		im->nitems = k + 1;
		if (rc == GLOSS_OK)
			im->items[k].doc = doc_index(im, &im->items[k]);
	}
	return rc;
}

enum gloss_status
import_json(struct store *st, const char *data, size_t n, size_t *added, size_t *skipped)
{
	struct import im = { .st = st };
	struct json_value *root;
	enum gloss_status rc = json_parse(data, n, &root);

	*added = *skipped = 0;
	if (rc == GLOSS_OK)
		rc = read_items(&im, root);
	for (size_t k = 0; rc == GLOSS_OK && k < im.ndocs; k++)
		rc = open_file(&im, &im.docs[k]);
	if (rc == GLOSS_OK && (rc = store_begin(st)) == GLOSS_OK) {
		for (size_t k = 0; rc == GLOSS_OK && k < im.ndocs; k++)
			rc = resolve_doc(&im, &im.docs[k]);
		for (size_t k = 0; rc == GLOSS_OK && k < im.nitems; k++)
			rc = add_item(&im, &im.items[k], added, skipped);
		rc = store_end(st, rc);
	}
	if (rc != GLOSS_OK)
		*added = *skipped = 0;
	import_done(&im);
	json_free(root);
	return rc;
}
