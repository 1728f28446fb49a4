/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot — binds an open document to its record in the store (see
 * include/gloss/annot.h): recognition by path, stat key and SHA-256,
 * background hashing and measuring, re-anchoring of every highlight in
 * one transaction, and the document-bound actions (add, re-attach, undo,
 * reading position) that need the document text to make selectors.
 */
#include "gloss/gloss.h"

#include <limits.h>

#include "annot_int.h"
#include "gloss/annot.h"
#include "gloss/fingerprint.h"
#include "gloss/meta.h"
#include "gloss/monotime.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

/* Bytes of text fetched around a selection: enough for ANCHOR_CONTEXT code points. */
#define CONTEXT_BYTES (4 * ANCHOR_CONTEXT)
#define RETRY_MS 250	/* automatic updates that found the database locked are tried again */

enum phase {
	PHASE_HASHING,		/* the SHA-256 is being computed */
	PHASE_MEASURING,	/* waiting for the whole text */
	PHASE_ANCHORING,	/* locating highlights, a slice at a time, then saving */
	PHASE_RESOLVING,	/* hashed; recording what was found waits for the lock */
	PHASE_READY,
	PHASE_FAILED,
};

struct annot_doc {
	struct store *st;
	struct doc *doc;
	char *path;			/* canonical path, or NULL (known by content only) */
	char *title;			/* meta_title(), once a change needs it */
	struct fingerprint_key key;
	int64_t doc_id;			/* 0: not in the store (yet) */
	bool created;			/* the document row was made in this session */
	bool reanchored;
	enum phase phase;
	struct fingerprint_job *hashing;
	char sha[FINGERPRINT_HEX_LEN + 1];	/* "" until hashed */
	uint64_t absent_generation;	/* doc_id 0: the generation when the store had no row */
	uint64_t retry_ms;		/* the next attempt at an update that found the lock taken */
	enum gloss_status err;
	char *errmsg;
	struct anchoring *anchoring;	/* PHASE_ANCHORING: the work in progress */
};

/* Re-anchoring in progress: the text, the highlights, and how far it got. */
struct anchoring {
	struct strbuf text;
	struct anchor_text *at;
	struct store_list list;
	struct anchor_result *res;
	struct store_doc_info info;
	size_t next;			/* the next highlight to locate */
	int64_t delta, pos_delta;
};

/* ------------------------------------------------------------------ */
/* Recognition */

static void
fail(struct annot_doc *ad, enum gloss_status rc)
{
	ad->phase = PHASE_FAILED;
	ad->err = rc;
	free(ad->errmsg);
	ad->errmsg = xstrdup(error_last(rc));
}

/* The SHA-256 the document's stored positions refer to ("" if unknown). */
static enum gloss_status
doc_sha(struct annot_doc *ad, int64_t id, char sha[FINGERPRINT_HEX_LEN + 1])
{
	struct store_doc_info info;
	enum gloss_status rc = store_doc_get(ad->st, id, &info);

	if (rc == GLOSS_OK)
		memcpy(sha, info.sha256, FINGERPRINT_HEX_LEN + 1);
	store_doc_info_done(&info);
	return rc;
}

static enum gloss_status
record_path(struct annot_doc *ad)
{
	struct store_path_info info = { .doc_id = ad->doc_id, .key = ad->key };

	if (ad->path == NULL || ad->doc_id == 0)
		return GLOSS_OK;
	memcpy(info.sha256, ad->sha, sizeof info.sha256);
	return store_path_put(ad->st, ad->path, &info);
}

/* Records what was seen at the path; marks the document as opened now. */
static enum gloss_status
seen(struct annot_doc *ad)
{
	enum gloss_status rc = record_path(ad);

	if (rc == GLOSS_OK && ad->doc_id != 0)
		rc = store_doc_touch(ad->st, ad->doc_id);
	return rc;
}

/*
 * Step 3, once the SHA-256 of the file is known: which document it is, and
 * whether that document's positions refer to this content.
 */
static enum gloss_status
resolve_sha(struct annot_doc *ad)
{
	char cur[FINGERPRINT_HEX_LEN + 1];
	int64_t other = 0;
	bool found;
	enum gloss_status rc = store_sha_find(ad->st, ad->sha, &other, &found);

	if (rc != GLOSS_OK)
		return rc;
	if (found && other != ad->doc_id) {
		if (ad->created && (rc = store_doc_merge(ad->st, ad->doc_id, other)) != GLOSS_OK)
			return rc;
		ad->doc_id = other;		/* a known content: copied, restored, touched */
		ad->created = false;
	}
	ad->phase = PHASE_READY;
	if (ad->doc_id == 0)
		return GLOSS_OK;		/* a new document: recorded when first annotated */
	if ((rc = doc_sha(ad, ad->doc_id, cur)) != GLOSS_OK)
		return rc;
	if (strcmp(cur, ad->sha) == 0)
		return seen(ad);
	if (cur[0] == '\0' && ad->created) {	/* made before its hash was ready */
		if ((rc = store_doc_set_sha(ad->st, ad->doc_id, ad->sha)) == GLOSS_OK)
			rc = seen(ad);
		return rc;
	}
	ad->phase = PHASE_MEASURING;	/* changed: re-anchor, then record */
	return GLOSS_OK;
}

/*
 * A row this process made before the hash was known is merged or given
 * its hash inside one transaction, so that another gloss cannot record the
 * same content in between.
 */
static enum gloss_status
resolve(struct annot_doc *ad)
{
	enum gloss_status rc;

	if (!ad->created)
		return resolve_sha(ad);
	if ((rc = store_begin_refresh(ad->st)) != GLOSS_OK)
		return rc;
	return store_end(ad->st, resolve_sha(ad));
}

/*
 * resolve(), except that an update that cannot have the lock at once (a
 * STORE_NOWAIT store: the reader) is tried again from idle time.
 */
static enum gloss_status
resolve_or_wait(struct annot_doc *ad)
{
	enum gloss_status rc = resolve(ad);

	if (rc != GLOSS_EBUSY || !store_nowait(ad->st))
		return rc;
	ad->phase = PHASE_RESOLVING;
	ad->retry_ms = monotime_ms() + RETRY_MS;
	return GLOSS_OK;
}

/* The path (1) or the stat key (2) named a document. */
static enum gloss_status
known_by_key(struct annot_doc *ad, const struct store_path_info *info)
{
	ad->doc_id = info->doc_id;
	if (info->sha256[0] == '\0')
		return GLOSS_OK;		/* never hashed: hash, then resolve */
	memcpy(ad->sha, info->sha256, sizeof ad->sha);
	return resolve_or_wait(ad);
}

/* Steps 1 and 2; otherwise the file must be hashed (the phase stays HASHING). */
static enum gloss_status
recognise(struct annot_doc *ad)
{
	struct store_path_info info;
	bool found = false;
	enum gloss_status rc = GLOSS_OK;

	ad->phase = PHASE_HASHING;
	if (ad->path == NULL)
		return GLOSS_OK;
	if ((rc = store_path_find(ad->st, ad->path, &info, &found)) != GLOSS_OK)
		return rc;
	if (found && fingerprint_key_equal(&info.key, &ad->key))
		return known_by_key(ad, &info);
	if (found) {
		ad->doc_id = info.doc_id;	/* provisional: the file at this path changed */
		return GLOSS_OK;
	}
	if ((rc = store_key_find(ad->st, &ad->key, &info, &found)) != GLOSS_OK)
		return rc;
	if (found)
		return known_by_key(ad, &info);	/* renamed or moved */
	return GLOSS_OK;
}

/* Hashes for about budget_us; resolves the document when done. */
static enum gloss_status
hash_step(struct annot_doc *ad, unsigned budget_us)
{
	if (!fingerprint_job_step(ad->hashing, budget_us))
		return GLOSS_OK;
	memcpy(ad->sha, fingerprint_job_hex(ad->hashing), sizeof ad->sha);
	fingerprint_job_free(ad->hashing);
	ad->hashing = NULL;
	return resolve_or_wait(ad);
}

static void
canonical_path(struct annot_doc *ad)
{
	char buf[PATH_MAX];
	const char *p = doc_path(ad->doc);

	if (p && strcmp(p, "-") != 0 && realpath(p, buf) != NULL &&
	    fingerprint_stat(buf, &ad->key) == GLOSS_OK)
		ad->path = xstrdup(buf);
}

enum gloss_status
annot_attach(struct store *st, struct doc *doc, unsigned flags, struct annot_doc **out)
{
	struct annot_doc *ad = xcalloc(1, sizeof *ad);
	enum gloss_status rc;

	ad->st = st;
	ad->doc = doc;
	canonical_path(ad);
	error_clear();
	rc = recognise(ad);
	if (rc == GLOSS_OK && ad->phase == PHASE_HASHING) {
		ad->hashing = fingerprint_job_new(doc_source(doc), doc_source_size(doc));
		if (doc_source_size(doc) <= FINGERPRINT_EAGER_MAX)
			rc = hash_step(ad, UINT32_MAX);	/* cheap: no measuring here */
	}
	if (rc == GLOSS_OK && (flags & ANNOT_NOW))
		rc = annot_finish(ad);
	if (rc != GLOSS_OK) {
		annot_detach(ad);
		*out = NULL;
		return rc;
	}
	*out = ad;
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Re-anchoring */

/*
 * The new reading position: where the text that followed it is now (the
 * occurrence nearest the old position shifted by delta), else the old
 * position shifted, moved back to a code-point boundary.
 */
static uint64_t
relocate_position(const char *text, size_t n, uint64_t pos, const char *ctx, int64_t delta)
{
	size_t len = strlen(ctx);
	int64_t e = (int64_t)pos + delta;
	uint64_t expected = e < 0 ? 0 : (uint64_t)e > n ? n : (uint64_t)e, best = UINT64_MAX;
	const char *p = text;

	if (len == 0)
		return pos >= n ? n : expected;
	if (pos + len <= n && memcmp(text + pos, ctx, len) == 0)
		return pos;
	while ((p = memmem(p, n - (size_t)(p - text), ctx, len)) != NULL) {
		uint64_t at = (uint64_t)(p - text);

		if (best == UINT64_MAX || (at > expected ? at - expected : expected - at) <
		    (best > expected ? best - expected : expected - best))
			best = at;
		p++;
	}
	if (best != UINT64_MAX)
		return best;
	while (expected > 0 && !anchor_is_boundary(text, n, expected))
		expected--;
	return expected;
}

static void
selector_of(const struct store_annotation *a, struct anchor_selector *sel)
{
	sel->start = a->start;
	sel->end = a->end;
	sel->exact = a->quote;
	sel->exact_len = strlen(a->quote);
	sel->prefix = a->prefix;
	sel->prefix_len = strlen(a->prefix);
	sel->suffix = a->suffix;
	sel->suffix_len = strlen(a->suffix);
}

/*
 * One re-anchoring result: a highlight found again takes the text it covers
 * now, with its prefix and suffix (the store keeps the first selector).
 */
static enum gloss_status
save_anchor(struct annot_doc *ad, const struct anchoring *j, const struct store_annotation *a,
    const struct anchor_result *r)
{
	struct strbuf prefix = STRBUF_INIT, suffix = STRBUF_INIT;
	struct store_covered now = { NULL, NULL, NULL };
	char *quote = NULL;
	enum gloss_status rc = GLOSS_OK;

	if (r->status != ANCHOR_ORPHANED && r->end > r->start && r->end <= j->text.len) {
		quote = xstrndup(strbuf_str(&j->text) + r->start, (size_t)(r->end - r->start));
		anchor_context(strbuf_str(&j->text), j->text.len, r->start, r->end, &prefix, &suffix);
		now.quote = quote;
		now.prefix = strbuf_str(&prefix);
		now.suffix = strbuf_str(&suffix);
	}
	if (r->start != a->start || r->end != a->end || r->status != a->status ||
	    (quote && (strcmp(quote, a->quote) != 0 || strcmp(now.prefix, a->prefix) != 0 ||
	    strcmp(now.suffix, a->suffix) != 0)))
		rc = store_anchor_update(ad->st, a->id, a->quote, r->start, r->end, r->status, &now);
	free(quote);
	strbuf_done(&prefix);
	strbuf_done(&suffix);
	return rc;
}

/* How far the highlights before off moved (the last one located before it), for a mark at off. */
static int64_t
delta_before(const struct anchoring *j, uint64_t off)
{
	int64_t delta = 0;

	for (size_t i = 0; i < j->list.n && j->list.v[i].start <= off; i++)
		if (j->res[i].status != ANCHOR_ORPHANED)
			delta = (int64_t)j->res[i].start - (int64_t)j->list.v[i].start;
	return delta;
}

/* The marks follow their text as the reading position does; the caret moves with its mark. */
static enum gloss_status
relocate_marks(struct annot_doc *ad, const struct anchoring *j)
{
	const char *text = strbuf_str(&j->text);
	struct store_mark m[STORE_MARKS];
	enum gloss_status rc = store_marks_get(ad->st, ad->doc_id, m);

	for (int i = 0; i < STORE_MARKS && rc == GLOSS_OK; i++) {
		char *ctx;
		uint64_t pos;

		if (!m[i].set)
			continue;
		ctx = store_mark_context(ad->st, ad->doc_id, (char)('a' + i));
		pos = relocate_position(text, j->text.len, m[i].position, ctx, delta_before(j, m[i].position));
		if (m[i].has_caret) {
			int64_t c = (int64_t)m[i].caret + (int64_t)pos - (int64_t)m[i].position;

			m[i].caret = c < 0 ? 0 : (uint64_t)c > j->text.len ? j->text.len : (uint64_t)c;
			while (m[i].caret > 0 && !anchor_is_boundary(text, j->text.len, m[i].caret))
				m[i].caret--;
		}
		if (pos != m[i].position) {
			m[i].position = pos;
			rc = store_mark_set(ad->st, ad->doc_id, (char)('a' + i), &m[i], ctx);
		}
		free(ctx);
	}
	return rc;
}

/* Writes the results, the new content hash and the path, in one transaction. */
static enum gloss_status
save_anchors(struct annot_doc *ad, const struct anchoring *j, uint64_t pos)
{
	const struct store_list *l = &j->list;
	const struct anchor_result *r = j->res;
	int64_t into = ad->doc_id, old = 0;
	enum gloss_status rc = store_begin_refresh(ad->st);

	if (rc != GLOSS_OK)
		return rc;
	for (size_t i = 0; i < l->n && rc == GLOSS_OK; i++)
		rc = save_anchor(ad, j, &l->v[i], &r[i]);
	if (rc == GLOSS_OK && pos != j->info.position && !store_readonly(ad->st))
		rc = store_position_set(ad->st, ad->doc_id, pos, j->info.position_context, 0);
	if (rc == GLOSS_OK && !store_readonly(ad->st))
		rc = relocate_marks(ad, j);
	if (rc == GLOSS_OK)
		rc = store_doc_claim_sha(ad->st, ad->doc_id, ad->sha, &into);
	if (rc == GLOSS_OK && into != ad->doc_id) {	/* another gloss recorded this content meanwhile */
		old = ad->doc_id;
		ad->doc_id = into;
	}
	if (rc == GLOSS_OK)
		rc = seen(ad);
	rc = store_end(ad->st, rc);
	if (rc != GLOSS_OK && old != 0)
		ad->doc_id = old;	/* rolled back: the merge did not happen */
	else if (old != 0)
		ad->created = false;
	return rc;
}

static void
anchoring_free(struct anchoring *j)
{
	if (j == NULL)
		return;
	anchor_text_free(j->at);
	free(j->res);
	store_list_free(&j->list);
	store_doc_info_done(&j->info);
	strbuf_done(&j->text);
	free(j);
}

/* Loads the whole text and the highlights (the document is measured). */
static enum gloss_status
anchoring_begin(struct annot_doc *ad)
{
	struct anchoring *j = xcalloc(1, sizeof *j);
	enum gloss_status rc;

	doc_measure_all(ad->doc);
	doc_text_range(ad->doc, 0, doc_text_length(ad->doc), &j->text);
	rc = store_doc_get(ad->st, ad->doc_id, &j->info);
	if (rc == GLOSS_OK)
		rc = store_of_doc(ad->st, ad->doc_id, &j->list);
	if (rc != GLOSS_OK) {
		anchoring_free(j);
		return rc;
	}
	j->at = anchor_text_new(strbuf_str(&j->text), j->text.len);
	j->res = xcalloc(j->list.n ? j->list.n : 1, sizeof *j->res);
	ad->anchoring = j;
	ad->phase = PHASE_ANCHORING;
	return GLOSS_OK;
}

/*
 * Locates highlights (in order of position) for about budget_us; when all
 * are done, relocates the reading position and saves everything (later: a
 * save that finds the database locked is tried again from idle time).
 */
static enum gloss_status
anchoring_step(struct annot_doc *ad, unsigned budget_us, bool later)
{
	struct anchoring *j = ad->anchoring;
	uint64_t deadline = monotime_us() + budget_us, pos;
	enum gloss_status rc;

	while (j->next < j->list.n) {
		struct anchor_selector sel;
		const struct store_annotation *a = &j->list.v[j->next];

		selector_of(a, &sel);
		anchor_locate(j->at, &sel, &j->delta, &j->res[j->next++]);
		if (a->start <= j->info.position)
			j->pos_delta = j->delta;
		if (j->next < j->list.n && monotime_us() >= deadline)
			return GLOSS_OK;
	}
	if (later && monotime_ms() < ad->retry_ms)
		return GLOSS_OK;
	pos = relocate_position(strbuf_str(&j->text), j->text.len, j->info.position,
	    j->info.position_context, j->pos_delta);
	rc = save_anchors(ad, j, pos);
	if (rc == GLOSS_EBUSY && later) {
		ad->retry_ms = monotime_ms() + RETRY_MS;	/* shown where they were until then */
		return GLOSS_OK;
	}
	anchoring_free(j);
	ad->anchoring = NULL;
	if (rc == GLOSS_OK) {
		ad->phase = PHASE_READY;
		ad->reanchored = true;
		annot_step_generation();
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Background work */

static void recheck_absent(struct annot_doc *ad);

static bool
busy(const struct annot_doc *ad)
{
	return ad->phase == PHASE_HASHING || ad->phase == PHASE_MEASURING ||
	    ad->phase == PHASE_ANCHORING || ad->phase == PHASE_RESOLVING;
}

/* A file that shrank under its mapping is not hashed or re-anchored over the zeros read since. */
static enum gloss_status
check_source(const struct annot_doc *ad)
{
	if (!doc_source_damaged(ad->doc))
		return GLOSS_OK;
	return error_set(GLOSS_ECHANGED, "%s changed while being read: its annotations wait "
	    "until it is read again", doc_path(ad->doc));
}

bool
annot_idle(struct annot_doc *ad, unsigned budget_us)
{
	enum gloss_status rc = busy(ad) ? check_source(ad) : GLOSS_OK;

	if (rc != GLOSS_OK) {
		fail(ad, rc);
		return false;
	}
	switch (ad->phase) {
	case PHASE_HASHING:
		rc = hash_step(ad, budget_us);
		break;
	case PHASE_MEASURING:
		if (!doc_measured(ad->doc) && doc_idle(ad->doc, budget_us))
			break;		/* more measuring next time */
		rc = anchoring_begin(ad);
		break;
	case PHASE_ANCHORING:
		rc = anchoring_step(ad, budget_us, store_nowait(ad->st));
		break;
	case PHASE_RESOLVING:
		if (monotime_ms() >= ad->retry_ms)
			rc = resolve_or_wait(ad);
		break;
	case PHASE_READY:
		recheck_absent(ad);
		return busy(ad);
	case PHASE_FAILED:
		return false;
	}
	if (rc != GLOSS_OK)
		fail(ad, rc);
	return busy(ad);
}

enum gloss_status
annot_finish(struct annot_doc *ad)
{
	enum gloss_status rc = busy(ad) ? check_source(ad) : GLOSS_OK;

	while (rc == GLOSS_OK && busy(ad)) {
		if (ad->phase == PHASE_HASHING)
			rc = hash_step(ad, UINT32_MAX);
		else if (ad->phase == PHASE_MEASURING)
			rc = anchoring_begin(ad);
		else if (ad->phase == PHASE_RESOLVING)
			rc = resolve(ad);	/* now, or the lock's error */
		else
			rc = anchoring_step(ad, UINT32_MAX, false);
	}
	if (rc != GLOSS_OK)
		fail(ad, rc);
	return ad->phase == PHASE_FAILED ? ad->err : GLOSS_OK;
}

void
annot_detach(struct annot_doc *ad)
{
	if (ad == NULL)
		return;
	if (ad->hashing)
		fingerprint_job_free(ad->hashing);
	anchoring_free(ad->anchoring);
	free(ad->path);
	free(ad->title);
	free(ad->errmsg);
	free(ad);
}

/*
 * A document the store had no row for is looked for again once the
 * generation moved: another gloss may have recorded it since.
 */
static void
recheck_absent(struct annot_doc *ad)
{
	int64_t id = 0;
	bool found = false;

	if (ad->doc_id != 0 || ad->phase != PHASE_READY || ad->sha[0] == '\0' ||
	    ad->absent_generation == annot_generation())
		return;
	ad->absent_generation = annot_generation();
	if (store_sha_find(ad->st, ad->sha, &id, &found) != GLOSS_OK || !found)
		return;
	ad->doc_id = id;
	ad->created = false;
	if (resolve(ad) != GLOSS_OK)
		fail(ad, GLOSS_EDB);
}

int64_t
annot_doc_id(struct annot_doc *ad)
{
	recheck_absent(ad);
	return ad->doc_id;
}

bool
annot_reanchored(const struct annot_doc *ad)
{
	return ad->reanchored;
}

/* ------------------------------------------------------------------ */
/* Actions */

/* The document as a change names it (found or recorded inside the change's transaction). */
static struct annot_docref
docref(struct annot_doc *ad)
{
	if (ad->title == NULL)
		ad->title = meta_title(ad->doc);
	return (struct annot_docref){ .id = ad->doc_id, .sha256 = ad->sha, .path = ad->path,
	    .key = ad->key, .title = ad->title };
}

/* Applies a change that names this document; learns the document's id. */
static enum gloss_status
apply(struct annot_doc *ad, struct annot_change *c, int64_t *id)
{
	enum gloss_status rc;

	recheck_absent(ad);
	c->doc = docref(ad);
	rc = annot_apply(ad->st, c, id);
	if (rc == GLOSS_OK && c->doc.id != ad->doc_id) {
		ad->doc_id = c->doc.id;
		ad->created = c->doc.created;
	}
	return rc;
}

/* Measures the document until offset off is known (or the document ends). */
static void
measure_to(struct doc *doc, uint64_t off)
{
	struct doc_loc loc;
	uint32_t in;

	while (!doc_locate(doc, off, &loc, &in) && doc_idle(doc, 10000))
		;
}

/* The quote, prefix and suffix of [start, end), checked. */
static enum gloss_status
selection(struct annot_doc *ad, uint64_t start, uint64_t end, struct strbuf *quote,
    struct strbuf *prefix, struct strbuf *suffix)
{
	uint64_t a = start > CONTEXT_BYTES ? start - CONTEXT_BYTES : 0;
	struct strbuf win = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;

	if (end <= start)
		return error_set(GLOSS_EUSAGE, "empty selection: nothing to highlight");
	measure_to(ad->doc, end + CONTEXT_BYTES);
	doc_text_range(ad->doc, a, end + CONTEXT_BYTES, &win);
	if (win.len < end - a)
		rc = error_set(GLOSS_EUSAGE, "the selection goes beyond the end of the document");
	else if (!anchor_is_boundary(win.buf, win.len, start - a) ||
	    !anchor_is_boundary(win.buf, win.len, end - a))
		rc = error_set(GLOSS_EUSAGE, "the selection does not begin and end between characters");
	if (rc == GLOSS_OK) {
		strbuf_add(quote, win.buf + (start - a), (size_t)(end - start));
		anchor_context(win.buf, win.len, start - a, end - a, prefix, suffix);
	}
	strbuf_done(&win);
	return rc;
}

/* ADD or REATTACH of [start, end): the selectors from the document text, then the change. */
static enum gloss_status
apply_range(struct annot_doc *ad, struct annot_change *c, int64_t *id)
{
	struct strbuf q = STRBUF_INIT, p = STRBUF_INIT, s = STRBUF_INIT;
	enum gloss_status rc = selection(ad, c->start, c->end, &q, &p, &s);

	c->quote = strbuf_str(&q);
	c->prefix = strbuf_str(&p);
	c->suffix = strbuf_str(&s);
	if (rc == GLOSS_OK)
		rc = apply(ad, c, id);
	strbuf_done(&q);
	strbuf_done(&p);
	strbuf_done(&s);
	return rc;
}

enum gloss_status
annot_add(struct annot_doc *ad, uint64_t start, uint64_t end, enum store_color color,
    const char *note, const char *const *tags, size_t ntags, int64_t *id)
{
	struct annot_change c = { .op = ANNOT_ADD, .start = start, .end = end, .color = color,
	    .note = note, .tags = tags, .ntags = ntags };

	return apply_range(ad, &c, id);
}

enum gloss_status
annot_reattach(struct annot_doc *ad, int64_t id, uint64_t start, uint64_t end)
{
	struct annot_change c = { .op = ANNOT_REATTACH, .id = id, .start = start, .end = end };
	struct store_annotation a;
	enum gloss_status rc = store_get(ad->st, id, &a);

	if (rc == GLOSS_OK && a.doc_id != annot_doc_id(ad))
		rc = error_set(GLOSS_EUSAGE, "annotation %lld belongs to another document", (long long)id);
	store_annotation_done(&a);
	return rc == GLOSS_OK ? apply_range(ad, &c, NULL) : rc;
}

enum gloss_status
annot_undo_delete(struct annot_doc *ad, int64_t *id)
{
	struct annot_change c = { .op = ANNOT_UNDELETE };

	if (annot_doc_id(ad) == 0)
		return error_set(GLOSS_ENOTFOUND, "nothing to undo: no deleted annotation");
	return apply(ad, &c, id);
}

enum gloss_status
annot_visible(struct annot_doc *ad, uint64_t a, uint64_t b, struct store_list *out)
{
	out->v = NULL;
	out->n = 0;
	recheck_absent(ad);
	return ad->doc_id == 0 ? GLOSS_OK : store_in_range(ad->st, ad->doc_id, a, b, out);
}

enum gloss_status
annot_all(struct annot_doc *ad, struct store_list *out)
{
	out->v = NULL;
	out->n = 0;
	recheck_absent(ad);
	return ad->doc_id == 0 ? GLOSS_OK : store_of_doc(ad->st, ad->doc_id, out);
}

enum gloss_status
annot_position_get(struct annot_doc *ad, uint64_t *pos, uint64_t *furthest)
{
	struct store_doc_info info;
	enum gloss_status rc;

	*pos = *furthest = 0;
	if (annot_doc_id(ad) == 0)
		return GLOSS_OK;
	rc = store_doc_get(ad->st, ad->doc_id, &info);
	if (rc == GLOSS_OK) {
		*pos = info.position;
		*furthest = info.furthest;
	}
	store_doc_info_done(&info);
	return rc;
}

/* Applies c (a position or a mark at c->start) with the text after it as its context. */
static enum gloss_status
apply_at(struct annot_doc *ad, struct annot_change *c)
{
	struct strbuf after = STRBUF_INIT, prefix = STRBUF_INIT, ctx = STRBUF_INIT;
	uint64_t pos = c->start;
	enum gloss_status rc;

	measure_to(ad->doc, pos + CONTEXT_BYTES);
	doc_text_range(ad->doc, pos, pos + CONTEXT_BYTES, &after);
	if (anchor_is_boundary(after.buf, after.len, 0))
		anchor_context(after.buf, after.len, 0, 0, &prefix, &ctx);	/* ANCHOR_CONTEXT code points */
	c->quote = strbuf_str(&ctx);
	rc = apply(ad, c, NULL);
	strbuf_done(&after);
	strbuf_done(&prefix);
	strbuf_done(&ctx);
	return rc;
}

enum gloss_status
annot_position_set(struct annot_doc *ad, uint64_t pos, uint64_t furthest)
{
	struct annot_change c = { .op = ANNOT_POSITION, .start = pos, .end = furthest };

	return apply_at(ad, &c);
}

enum gloss_status
annot_mark_set(struct annot_doc *ad, char name, const struct store_mark *m)
{
	struct annot_change c = { .op = ANNOT_MARK, .mark = name, .start = m->position,
	    .end = m->has_caret ? m->caret : 0, .has_caret = m->has_caret };

	return apply_at(ad, &c);
}

enum gloss_status
annot_marks_get(struct annot_doc *ad, struct store_mark out[STORE_MARKS])
{
	memset(out, 0, STORE_MARKS * sizeof *out);
	if (annot_doc_id(ad) == 0)
		return GLOSS_OK;
	return store_marks_get(ad->st, ad->doc_id, out);
}
