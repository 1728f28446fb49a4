/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_edit — the one way gloss changes annotations (see
 * include/gloss/annot.h): a change is a value (struct annot_change)
 * applied in one transaction, the document it needs found or recorded
 * inside that transaction, and the process's annotation generation that
 * every view follows, stepped by each change and by other processes'
 * commits (annot_poll).
 */
#include "gloss/gloss.h"

#include "annot_int.h"
#include "gloss/annot.h"
#include "gloss/xmalloc.h"

#define ANNOT_CONFLICT_TRIES 3

static uint64_t generation = 1;

uint64_t
annot_generation(void)
{
	return generation;
}

void
annot_step_generation(void)
{
	generation++;
}

/*
 * What was last seen of the store is the store's (store_poll_due,
 * store_changed_elsewhere): every view of it, on any level of the view
 * stack, asks the same connection, and two stores never share a baseline.
 */
bool
annot_poll(struct store *st)
{
	if (st == NULL || !store_poll_due(st, ANNOT_POLL_MS))
		return false;
	annot_queue_retry();
	if (!store_changed_elsewhere(st))
		return false;
	generation++;
	return true;
}

/* ------------------------------------------------------------------ */
/* The document a change needs */

/* A path row for d, when the change made the document (inside the transaction). */
static enum gloss_status
record_path(struct store *st, const struct annot_docref *d)
{
	struct store_path_info info = { .doc_id = d->id, .key = d->key };

	if (d->path == NULL)
		return GLOSS_OK;
	snprintf(info.sha256, sizeof info.sha256, "%s", d->sha256 ? d->sha256 : "");
	return store_path_put(st, d->path, &info);
}

/* d->id if that row still exists (another gloss may have merged it away). */
static enum gloss_status
check_id(struct store *st, struct annot_docref *d)
{
	struct store_doc_info info;
	enum gloss_status rc = store_doc_get(st, d->id, &info);

	store_doc_info_done(&info);
	if (rc == GLOSS_ENOTFOUND) {
		d->id = 0;
		return GLOSS_OK;
	}
	return rc;
}

/*
 * Finds d's row by id, SHA-256, or path and stat key, else makes it: in
 * the caller's write transaction, so no other process can make it between
 * the look and the insert.
 */
static enum gloss_status
resolve_doc(struct store *st, struct annot_docref *d)
{
	struct store_path_info info;
	bool found = false;
	enum gloss_status rc = d->id ? check_id(st, d) : GLOSS_OK;
	bool have_sha = d->sha256 && *d->sha256;

	d->created = false;
	if (rc != GLOSS_OK || d->id != 0)
		return rc;
	if (have_sha && (rc = store_sha_find(st, d->sha256, &d->id, &found)) != GLOSS_OK)
		return rc;
	if (!found && d->path) {
		if ((rc = store_path_find(st, d->path, &info, &found)) != GLOSS_OK)
			return rc;
		found = found && fingerprint_key_equal(&info.key, &d->key) &&
		    (!have_sha || info.sha256[0] == '\0' || strcmp(info.sha256, d->sha256) == 0);
		if (found)
			d->id = info.doc_id;
	}
	if (found)
		return GLOSS_OK;
	if ((rc = store_doc_new(st, have_sha ? d->sha256 : NULL, d->title, &d->id, &d->created)) != GLOSS_OK)
		return rc;
	return d->created ? record_path(st, d) : GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Applying */

static enum gloss_status
add(struct store *st, struct annot_change *c, int64_t *id)
{
	struct store_new n = {
		.start = c->start, .end = c->end, .quote = c->quote, .prefix = c->prefix,
		.suffix = c->suffix, .note = c->note, .color = c->color, .status = ANCHOR_ANCHORED,
		.tags = c->tags, .ntags = c->ntags,
	};
	enum gloss_status rc = resolve_doc(st, &c->doc);

	n.doc_id = c->doc.id;
	return rc == GLOSS_OK ? store_add(st, &n, id) : rc;
}

static enum gloss_status
position(struct store *st, struct annot_change *c)
{
	enum gloss_status rc = resolve_doc(st, &c->doc);

	return rc == GLOSS_OK ? store_position_set(st, c->doc.id, c->start, c->quote,
	    c->end) : rc;
}

static enum gloss_status
mark(struct store *st, struct annot_change *c)
{
	struct store_mark m = { .set = true, .position = c->start, .has_caret = c->has_caret,
	    .caret = c->end };
	enum gloss_status rc = resolve_doc(st, &c->doc);

	return rc == GLOSS_OK ? store_mark_set(st, c->doc.id, c->mark, &m, c->quote) : rc;
}

static enum gloss_status
tags(struct store *st, const struct annot_change *c)
{
	enum gloss_status rc = c->ntags ? store_tag(st, c->id, c->tags, c->ntags) : GLOSS_OK;

	if (rc == GLOSS_OK && c->nuntags)
		rc = store_untag(st, c->id, c->untags, c->nuntags);
	return rc;
}

/* The change itself, inside the transaction. */
static enum gloss_status
run(struct store *st, struct annot_change *c, int64_t *id)
{
	switch (c->op) {
	case ANNOT_ADD: return add(st, c, id);
	case ANNOT_REATTACH:
		*id = c->id;
		return store_reattach(st, c->id, c->start, c->end, c->quote, c->prefix, c->suffix);
	case ANNOT_DELETE: *id = c->id; return store_delete(st, c->id);
	case ANNOT_UNDELETE: return store_undelete(st, c->doc.id, id);
	case ANNOT_NOTE: *id = c->id; return store_set_note(st, c->id, c->note ? c->note : "");
	case ANNOT_COLOR: *id = c->id; return store_set_color(st, c->id, c->color);
	case ANNOT_TAGS: *id = c->id; return tags(st, c);
	case ANNOT_POSITION: return position(st, c);
	case ANNOT_MARK: return mark(st, c);
	}
	return error_set(GLOSS_EUSAGE, "unknown change to an annotation");
}

/* One attempt: one transaction. */
static enum gloss_status
attempt(struct store *st, struct annot_change *c, int64_t *id)
{
	int64_t doc_id = c->doc.id;
	enum gloss_status rc = store_begin(st);

	if (rc != GLOSS_OK)
		return rc;
	rc = store_end(st, run(st, c, id));
	if (rc != GLOSS_OK) {
		c->doc.id = doc_id;	/* a row found or made in the rolled-back transaction is not there */
		c->doc.created = false;
	}
	return rc;
}

/*
 * A transaction that met another process's change to the same rows at
 * once (store_conflict) is tried again: it then sees the other's rows.
 */
enum gloss_status
annot_apply_now(struct store *st, struct annot_change *c, int64_t *id)
{
	int64_t ignored = 0;
	enum gloss_status rc;
	int tries = 0;

	do
		rc = attempt(st, c, id ? id : &ignored);
	while (rc != GLOSS_OK && store_conflict(st) && ++tries < ANNOT_CONFLICT_TRIES);
	if (rc != GLOSS_OK)
		return rc;
	generation++;
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Copies */

static const char *
dup_str(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static const char *const *
dup_strv(const char *const *v, size_t n)
{
	const char **out;

	if (v == NULL || n == 0)
		return NULL;
	out = xcalloc(n, sizeof *out);
	for (size_t i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	return out;
}

static void
free_strv(const char *const *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free((char *)v[i]);
	free((void *)v);
}

struct annot_change *
annot_change_dup(const struct annot_change *c)
{
	struct annot_change *d = xmalloc(sizeof *d);

	*d = *c;
	d->doc.sha256 = dup_str(c->doc.sha256);
	d->doc.path = dup_str(c->doc.path);
	d->doc.title = dup_str(c->doc.title);
	d->quote = dup_str(c->quote);
	d->prefix = dup_str(c->prefix);
	d->suffix = dup_str(c->suffix);
	d->note = dup_str(c->note);
	d->tags = dup_strv(c->tags, c->ntags);
	d->untags = dup_strv(c->untags, c->nuntags);
	return d;
}

void
annot_change_free(struct annot_change *c)
{
	if (c == NULL)
		return;
	free((char *)c->doc.sha256);
	free((char *)c->doc.path);
	free((char *)c->doc.title);
	free((char *)c->quote);
	free((char *)c->prefix);
	free((char *)c->suffix);
	free((char *)c->note);
	free_strv(c->tags, c->ntags);
	free_strv(c->untags, c->nuntags);
	free(c);
}

/* ------------------------------------------------------------------ */
/* By id */

enum gloss_status
annot_set_note(struct store *st, int64_t id, const char *note)
{
	return annot_apply(st, &(struct annot_change){ .op = ANNOT_NOTE, .id = id, .note = note }, NULL);
}

enum gloss_status
annot_set_color(struct store *st, int64_t id, enum store_color c)
{
	return annot_apply(st, &(struct annot_change){ .op = ANNOT_COLOR, .id = id, .color = c }, NULL);
}

enum gloss_status
annot_set_tags(struct store *st, int64_t id, const char *const *tags, size_t ntags,
    const char *const *untags, size_t nuntags)
{
	return annot_apply(st, &(struct annot_change){ .op = ANNOT_TAGS, .id = id, .tags = tags,
	    .ntags = ntags, .untags = untags, .nuntags = nuntags }, NULL);
}

enum gloss_status
annot_delete(struct store *st, int64_t id)
{
	return annot_apply(st, &(struct annot_change){ .op = ANNOT_DELETE, .id = id }, NULL);
}

enum gloss_status
annot_undelete(struct store *st, int64_t doc_id, int64_t *id)
{
	return annot_apply(st, &(struct annot_change){ .op = ANNOT_UNDELETE, .doc = { .id = doc_id } },
	    id);
}
