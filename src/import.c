/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * import — annotation JSON read back into the store (see
 * include/gloss/import.h).  import_read.c turns the JSON into items (one
 * per text target) and reasons; import_source.c says where each source is.
 * Here: the documents (opened before the transaction, found or recorded in
 * it), anchoring each item in its document's text, skipping duplicates,
 * adding the rest in one transaction, and the lines said per annotation.
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/anchor.h"
#include "gloss/annot.h"
#include "gloss/doc.h"
#include "gloss/file.h"
#include "gloss/meta.h"
#include "gloss/options.h"
#include "gloss/srcmap.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "import_int.h"

/* A document of the import. */
struct idoc {
	const char *source, *sha256, *title;
	char *path;			/* the local file, or NULL */
	char *reject;			/* why its annotations cannot be imported, or NULL */
	char *unread;			/* why the file was not read (its highlights stay orphaned), or NULL */
	struct doc *doc;		/* NULL if the file cannot be read */
	struct annot_doc *ad;
	int64_t id;			/* 0 until found or created */
	char file_sha[FINGERPRINT_HEX_LEN + 1];
	struct strbuf text;
	struct anchor_text *at;
	struct srcmap *sm;		/* text offsets to the file's own */
	struct store_list existing;	/* its annotations, and those added by this import */
};

struct import {
	struct store *st;
	const struct import_options *o;
	struct import_read r;
	struct import_sources *sources;
	struct idoc *docs;
	size_t ndocs;
	bool *dropped;			/* per item: not imported (its annotation is said to be rejected) */
	int64_t now;
	struct import_counts *c;
};

/* ------------------------------------------------------------------ */
/* Documents */

static size_t
doc_index(struct import *im, const struct import_item *it)
{
	const char *sha = it->sha256 ? it->sha256 : "";
	struct idoc *d;

	char *path, *why;

	for (size_t k = 0; k < im->ndocs; k++)
		if (strcmp(im->docs[k].source, it->source) == 0 &&
		    strcmp(im->docs[k].sha256 ? im->docs[k].sha256 : "", sha) == 0)
			return k;
	if (!import_source_path(im->sources, it->source, &path, &why))
		path = NULL;
	for (size_t k = 0; path && k < im->ndocs; k++) {
		if (im->docs[k].path && strcmp(im->docs[k].path, path) == 0) {
			free(path);	/* another name of the same file */
			return k;
		}
	}
	im->docs = xreallocarray(im->docs, im->ndocs + 1, sizeof *im->docs);
	d = memset(&im->docs[im->ndocs], 0, sizeof *im->docs);
	d->source = it->source;
	d->sha256 = it->sha256;
	d->title = it->title;
	d->path = path;
	d->reject = why;
	strbuf_init(&d->text);
	if (d->path == NULL && d->reject == NULL && d->sha256 == NULL)
		d->reject = xasprintf("%.300s names no file and no content (gloss:sha256)", it->source);
	return im->ndocs++;
}

/*
 * Opens and attaches the document's file if it can be read (before the
 * transaction).  A source that is not there, or binary, is kept as if the
 * file were absent: its highlights are recorded with their quotes,
 * orphaned, and anchored when the document is opened.  A source that is
 * not a regular file (never opened), too large, unreadable, or neither the
 * user's nor readable by everyone (file_open_regular) is rejected.
 */
static enum gloss_status
open_file(struct import *im, struct idoc *d)
{
	struct doc_options dopt = { .force = opt_force, .format = -1, .tab_width = 8,
		.open_flags = FILE_OWN_OR_PUBLIC };
	enum gloss_status rc;

	if (d->path == NULL || d->reject)
		return GLOSS_OK;
	if ((rc = doc_open(d->path, &dopt, &d->doc)) != GLOSS_OK) {
		/* a file that is not there (yet) is a document gone; a FIFO, a device, a directory,
		   a file too large, unreadable or someone else's is no document: nothing recorded */
		if (rc == GLOSS_ENOENT || rc == GLOSS_EBINARY)
			d->unread = xstrdup(error_last(rc));
		else
			d->reject = xstrdup(error_last(rc));
		d->doc = NULL;
		error_clear();
		return GLOSS_OK;
	}
	if ((rc = annot_attach(im->st, d->doc, ANNOT_NOW, &d->ad)) != GLOSS_OK)
		return rc;
	d->id = annot_doc_id(d->ad);
	doc_measure_all(d->doc);
	doc_text_range(d->doc, 0, doc_text_length(d->doc), &d->text);
	d->at = anchor_text_new(strbuf_str(&d->text), d->text.len);
	d->sm = srcmap_new(d->doc);
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
	rc = store_doc_new(im->st, sha, title ? title : d->title, &d->id, NULL);
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

	if (d->id == 0 && (d->doc || d->sha256) &&	/* a copy recorded earlier in this import, too */
	    (rc = store_sha_find(im->st, d->doc ? d->file_sha : d->sha256, &d->id, &found)) != GLOSS_OK)
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
/* Anchoring */

/*
 * The item's TextPositionSelector (code points of the file, as gloss and
 * the W3C model count them) as a byte range of the document text; false if
 * it is not within the file or holds no text.
 */
static bool
item_range(const struct idoc *d, const struct import_item *it, uint64_t *a, uint64_t *z,
    bool *file_quote)
{
	uint64_t sa, sz;
	struct strbuf raw = STRBUF_INIT, nfc = STRBUF_INIT;

	*file_quote = false;
	if (!it->has_pos)
		return false;
	sa = srcmap_byte(d->sm, it->cp_start);
	sz = srcmap_byte(d->sm, it->cp_end);
	if (srcmap_cp(d->sm, sz) != it->cp_end || !srcmap_to_text(d->sm, sa, sz, a, z))
		return false;	/* beyond the end of the file, or no text there */
	if (it->exact) {	/* the quote is the file's own characters there (gloss's plain text) */
		srcmap_append(d->sm, sa, sz, &raw);
		text_nfc(strbuf_str(&raw), raw.len, &nfc);
		*file_quote = strcmp(strbuf_str(&nfc), it->exact) == 0;
	}
	strbuf_done(&raw);
	strbuf_done(&nfc);
	return true;
}

/* A quote whose white space differs (another tool's rendering): the one place it fits, if one. */
static bool
loose_once(const struct idoc *d, const char *exact, uint64_t *a, uint64_t *z)
{
	uint64_t *r;
	size_t n = anchor_find_loose(strbuf_str(&d->text), d->text.len, exact, strlen(exact), &r);
	bool one = n == 1;

	if (one) {
		*a = r[0];
		*z = r[1];
	}
	free(r);
	return one;
}

/*
 * Places the item in its document's text: n gets the range and status,
 * and, where it was found, the text it covers with gloss's own context
 * (kept in place, pstore: the strings).  False if it cannot be imported
 * (*why says why).
 */
static bool
anchor_item(struct idoc *d, const struct import_item *it, struct store_new *n, struct strbuf *q,
    struct strbuf *p, struct strbuf *s, char **why)
{
	struct anchor_selector sel = { .start = UINT64_MAX, .end = UINT64_MAX };
	struct anchor_result r = { .status = ANCHOR_ORPHANED };
	uint64_t a = 0, z = 0;
	int64_t delta = 0;
	bool file_quote, pos = item_range(d, it, &a, &z, &file_quote);

	if (it->exact == NULL && !pos) {
		*why = xasprintf("its TextPositionSelector (%llu-%llu) is beyond the end of %.300s",
		    (unsigned long long)it->cp_start, (unsigned long long)it->cp_end, d->path);
		return false;
	}
	if (it->exact == NULL || file_quote) {	/* a position only, or with the file's own quote */
		r = (struct anchor_result){ .start = a, .end = z, .status = ANCHOR_ANCHORED };
	} else {
		sel.exact = it->exact;
		sel.exact_len = strlen(it->exact);
		sel.prefix = it->prefix ? it->prefix : "";
		sel.prefix_len = strlen(sel.prefix);
		sel.suffix = it->suffix ? it->suffix : "";
		sel.suffix_len = strlen(sel.suffix);
		if (pos) {
			sel.start = a;
			sel.end = z;
		}
		anchor_locate(d->at, &sel, &delta, &r);
		if (r.status != ANCHOR_ANCHORED && loose_once(d, it->exact, &a, &z))
			r = (struct anchor_result){ .start = a, .end = z, .status = ANCHOR_ANCHORED };
	}
	n->status = r.status;
	if (r.status == ANCHOR_ORPHANED)
		return true;
	n->start = r.start;
	n->end = r.end;
	if (r.status == ANCHOR_ANCHORED) {	/* the text itself, with a full context of its own */
		strbuf_add(q, d->text.buf + r.start, (size_t)(r.end - r.start));
		anchor_context(d->text.buf, d->text.len, r.start, r.end, p, s);
		n->quote = strbuf_str(q);
		n->prefix = strbuf_str(p);
		n->suffix = strbuf_str(s);
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Adding */

static bool
exists(const struct idoc *d, const struct store_new *n, bool has_created)
{
	for (size_t k = 0; k < d->existing.n; k++) {
		const struct store_annotation *a = &d->existing.v[k];

		if (a->start == n->start && a->end == n->end && (!has_created || a->created == n->created) &&
		    strcmp(a->quote, n->quote) == 0)
			return true;
	}
	return false;
}

/* Remembers what was added, so that a second copy in the same file is a duplicate too. */
static void
remember(struct idoc *d, const struct store_new *n)
{
	struct store_annotation *a;

	d->existing.v = xreallocarray(d->existing.v, d->existing.n + 1, sizeof *d->existing.v);
	a = memset(&d->existing.v[d->existing.n++], 0, sizeof *a);
	a->start = n->start;
	a->end = n->end;
	a->created = n->created;
	a->quote = xstrdup(n->quote);
	a->note = xstrdup("");
}

static void
count(struct import_counts *c, enum anchor_status st)
{
	c->imported++;
	c->anchored += st == ANCHOR_ANCHORED;
	c->moved += st == ANCHOR_MOVED;
	c->orphaned += st == ANCHOR_ORPHANED;
}

static enum gloss_status
add_item(struct import *im, size_t k)
{
	const struct import_item *it = &im->r.items[k];
	struct idoc *d = &im->docs[it->doc];
	struct store_new n = {
		.doc_id = d->id, .quote = it->exact, .prefix = it->prefix, .suffix = it->suffix,
		.note = it->note, .color = it->color, .status = ANCHOR_ORPHANED,
		.tags = (const char **)it->tags, .ntags = it->ntags,
		.created = it->has_created ? it->created : im->now,
		.modified = it->has_created ? it->modified : im->now,
	};
	struct strbuf q = STRBUF_INIT, p = STRBUF_INIT, s = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;
	char *why = NULL;
	int64_t id;

	if (d->at)
		anchor_item(d, it, &n, &q, &p, &s, &why);	/* a failure was dropped by check_items */
	free(why);
	if (n.status == ANCHOR_ORPHANED) {
		n.start = 0;	/* an orphan without a usable position */
		n.end = strlen(n.quote);
	}
	if (exists(d, &n, it->has_created)) {
		im->c->duplicates++;
	} else if ((rc = store_add(im->st, &n, &id)) == GLOSS_OK) {
		remember(d, &n);
		count(im->c, n.status);
		if (d->unread)
			import_say(&im->r, it->number, false, "%s; kept as orphaned", d->unread);
	}
	strbuf_done(&q);
	strbuf_done(&p);
	strbuf_done(&s);
	return rc;
}

/* ------------------------------------------------------------------ */
/* What cannot be imported */

/* Drops the items that cannot be imported, saying why, before anything is written. */
static void
check_items(struct import *im)
{
	im->dropped = xcalloc(im->r.nitems + 1, sizeof *im->dropped);
	for (size_t k = 0; k < im->r.nitems; k++) {
		const struct import_item *it = &im->r.items[k];
		struct idoc *d = &im->docs[it->doc];
		struct store_new n = { 0 };
		struct strbuf q = STRBUF_INIT, p = STRBUF_INIT, s = STRBUF_INIT;
		char *why = NULL;

		if (d->reject)
			why = xstrdup(d->reject);
		else if (it->exact == NULL && d->at == NULL)
			why = xasprintf("only a TextPositionSelector, and %.300s cannot be read (%s)",
			    d->path ? d->path : it->source, d->unread ? d->unread : "no file");
		else if (it->exact == NULL)
			anchor_item(d, it, &n, &q, &p, &s, &why);
		if (why) {
			im->dropped[k] = true;
			import_say(&im->r, it->number, true, "%s", why);
			free(why);
		}
		strbuf_done(&q);
		strbuf_done(&p);
		strbuf_done(&s);
	}
}

/* Counts the rejected annotations: those said to be rejected with no item left to import. */
static size_t
count_rejected(const struct import *im)
{
	size_t n = 0;

	for (size_t m = 0; m < im->r.nmsgs; m++) {
		const struct import_msg *msg = &im->r.msgs[m];
		bool kept = false, dup = false;

		if (!msg->rejected)
			continue;
		for (size_t k = 0; k < im->r.nitems && !kept; k++)
			kept = im->r.items[k].number == msg->number && !im->dropped[k];
		for (size_t j = 0; j < m && !dup; j++)
			dup = im->r.msgs[j].rejected && im->r.msgs[j].number == msg->number;
		n += !kept && !dup;
	}
	return n;
}

/* Says every line, in the order of the annotations (a stable sort). */
static void
say_all(struct import *im)
{
	struct import_msg *v = im->r.msgs;
	size_t n = im->r.nmsgs;

	for (size_t i = 1; i < n; i++)	/* insertion sort: stable, and the lists are short */
		for (size_t j = i; j > 0 && v[j - 1].number > v[j].number; j--) {
			struct import_msg t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (size_t k = 0; k < n && im->o->say; k++) {
		char *line = xasprintf("annotation %zu: %s", v[k].number, v[k].text);

		im->o->say(im->o->arg, line);
		free(line);
	}
}

/* ------------------------------------------------------------------ */
/* The import */

static void
import_done(struct import *im)
{
	for (size_t k = 0; k < im->ndocs; k++) {
		struct idoc *d = &im->docs[k];

		anchor_text_free(d->at);
		srcmap_free(d->sm);
		strbuf_done(&d->text);
		annot_detach(d->ad);
		doc_free(d->doc);
		free(d->path);
		free(d->reject);
		free(d->unread);
		store_list_free(&d->existing);
	}
	import_sources_free(im->sources);
	import_read_done(&im->r);
	free(im->docs);
	free(im->dropped);
}

static enum gloss_status
write_all(struct import *im)
{
	enum gloss_status rc = store_begin(im->st);

	if (rc != GLOSS_OK)
		return rc;
	for (size_t k = 0; rc == GLOSS_OK && k < im->ndocs; k++)
		if (im->docs[k].reject == NULL)
			rc = resolve_doc(im, &im->docs[k]);
	for (size_t k = 0; rc == GLOSS_OK && k < im->r.nitems; k++)
		if (!im->dropped[k])
			rc = add_item(im, k);
	return store_end(im->st, rc);
}

enum gloss_status
import_json(struct store *st, const char *data, size_t n, const struct import_options *o,
    struct import_counts *c)
{
	struct import im = { .st = st, .o = o, .c = c, .now = (int64_t)time(NULL) };
	struct json_value *root = NULL;
	enum gloss_status rc = json_parse(data, n, &root);

	memset(c, 0, sizeof *c);
	im.sources = import_sources_new(o, st);
	if (rc == GLOSS_OK)
		rc = import_read_json(root, &im.r);
	for (size_t k = 0; rc == GLOSS_OK && k < im.r.nitems; k++)
		im.r.items[k].doc = doc_index(&im, &im.r.items[k]);
	for (size_t k = 0; rc == GLOSS_OK && k < im.ndocs; k++)
		rc = open_file(&im, &im.docs[k]);
	if (rc == GLOSS_OK) {
		check_items(&im);
		c->rejected = count_rejected(&im);
		if (o->strict && c->rejected)
			rc = error_set(GLOSS_EPARSE, "%zu annotation%s rejected (--strict)", c->rejected,
			    c->rejected == 1 ? " was" : "s were");
	}
	if (rc == GLOSS_OK)
		rc = write_all(&im);
	if (rc != GLOSS_OK) {
		size_t rejected = c->rejected;

		memset(c, 0, sizeof *c);
		c->rejected = rejected;
	}
	if (rc == GLOSS_OK || (rc == GLOSS_EPARSE && c->rejected))
		say_all(&im);
	import_done(&im);
	json_free(root);
	return rc;
}
