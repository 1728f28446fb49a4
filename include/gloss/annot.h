/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot — the annotations of an open document, and the one way gloss
 * changes annotations.
 *
 * Attaching.  annot_attach() does only cheap work, so the first screen is
 * not delayed: one stat(2), a lookup by path and stat key, and (for files
 * of at most FINGERPRINT_EAGER_MAX bytes) the SHA-256.  What remains —
 * hashing a large file, measuring the document, re-anchoring — is done by
 * annot_idle() in slices of idle time, or at once by annot_finish()
 * (commands).  Until then the highlights are shown where they were stored.
 * How a file is recognised:
 *   1. its path was seen with the same stat key: the same document,
 *      unchanged;
 *   2. a path was seen with the same stat key (device, inode, size,
 *      mtime): the file was renamed or moved; the new path is recorded;
 *   3. otherwise by its SHA-256: a known content (copied, restored, or
 *      touched) is that document; an unknown content at a known path is
 *      that path's document, changed: its highlights are re-anchored;
 *      anything else is a new document, recorded when first annotated.
 * "Not in the store" is never trusted across a change: once the
 * generation moved (another gloss may have recorded the document), the
 * next annot_idle(), annot_visible(), annot_all() or annot_doc_id() looks
 * again; and the first change of a document finds or makes its row inside
 * its own write transaction (annot_apply), so two processes never make two.
 *
 * Changing annotations (annot_edit.c).  Every change gloss makes — add,
 * re-attach, delete, undo, note, tags, colour, reading position, mark — is a
 * struct annot_change applied by annot_apply(): one transaction, and on
 * success one step of the process's annotation generation.  The pager's
 * text, its sidebar, the A/M lists and the library all redraw from the
 * store when annot_generation() differs from the value they last drew
 * with; annot_poll() (from idle time) steps it when another process
 * committed (PRAGMA data_version), so the other readers follow within a
 * poll interval.  A change is a plain value: annot_change_dup() copies one
 * (strings included) for applying later, e.g. again after GLOSS_EBUSY.
 * The annot_doc functions (annot_add, annot_reattach, annot_undo_delete,
 * annot_position_set) and the per-id ones (annot_set_note, ...) build a
 * change and apply it.
 *
 * Memory: the annot_doc borrows the store and the document, which must
 * outlive it; lists are the caller's (store_list_free); a change borrows
 * its strings, except one from annot_change_dup(), which owns them.
 */
#ifndef GLOSS_ANNOT_H
#define GLOSS_ANNOT_H

#include "gloss/gloss.h"
#include "gloss/doc.h"
#include "gloss/store.h"

#define ANNOT_NOW 0x01		/* annot_attach(): finish all work before returning */

struct annot_doc;

/*
 * Attaches doc (opened from a file, or from memory: then it is known by
 * its content only).  Errors from the store (the pager may go on without
 * annotations).  Free with annot_detach().
 */
enum gloss_status annot_attach(struct store *st, struct doc *doc, unsigned flags,
    struct annot_doc **out);
/* Works for about budget_us microseconds; true while work remains. */
bool annot_idle(struct annot_doc *ad, unsigned budget_us);
/* Does all remaining work now. */
enum gloss_status annot_finish(struct annot_doc *ad);
void annot_detach(struct annot_doc *ad);

/* The document's id in the store; 0 while it has none (never annotated). */
int64_t annot_doc_id(struct annot_doc *ad);
/* True if the file differed from what the stored positions referred to. */
bool annot_reanchored(const struct annot_doc *ad);

/* Highlights overlapping [a, b) of the document text (orphans excluded), by start. */
enum gloss_status annot_visible(struct annot_doc *ad, uint64_t a, uint64_t b, struct store_list *out);
/* All highlights of the document, orphans included, by start. */
enum gloss_status annot_all(struct annot_doc *ad, struct store_list *out);

/*
 * Highlights [start, end) of the document text (code-point boundaries; a
 * range may span paragraphs).  note may be NULL; tags are normalised.
 * GLOSS_EUSAGE for an empty or invalid selection.
 */
enum gloss_status annot_add(struct annot_doc *ad, uint64_t start, uint64_t end, enum store_color color,
    const char *note, const char *const *tags, size_t ntags, int64_t *id);
/* Gives annotation id of this document (typically an orphan) the range [start, end). */
enum gloss_status annot_reattach(struct annot_doc *ad, int64_t id, uint64_t start, uint64_t end);
/* Restores the most recently deleted annotation of this document; *id gets its id. */
enum gloss_status annot_undo_delete(struct annot_doc *ad, int64_t *id);

/* The remembered reading position and the furthest point read (0 if none). */
enum gloss_status annot_position_get(struct annot_doc *ad, uint64_t *pos, uint64_t *furthest);
/*
 * Remembers the reading position (an offset in the document text); the
 * furthest point read becomes at least furthest.
 */
enum gloss_status annot_position_set(struct annot_doc *ad, uint64_t pos, uint64_t furthest);
/* Sets mark name ('a'..'z') of the document (queued as any change when the lock is held). */
enum gloss_status annot_mark_set(struct annot_doc *ad, char name, const struct store_mark *m);
/* The document's marks: out[name - 'a'] (none set while it is not in the store). */
enum gloss_status annot_marks_get(struct annot_doc *ad, struct store_mark out[STORE_MARKS]);

/* ------------------------------------------------------------------ */
/* Changing annotations: the one way (annot_edit.c) */

#define ANNOT_POLL_MS 250	/* annot_poll() asks the store at most this often */

enum annot_op {
	ANNOT_ADD,		/* a highlight: doc, start, end, quote, prefix, suffix, color, note, tags */
	ANNOT_REATTACH,		/* id gets start, end, quote, prefix, suffix (status anchored) */
	ANNOT_DELETE,		/* id goes to the trash */
	ANNOT_UNDELETE,		/* the newest deleted annotation of doc.id (0: any) comes back */
	ANNOT_NOTE,		/* id's note becomes note (NULL or "" removes it) */
	ANNOT_COLOR,		/* id's colour becomes color */
	ANNOT_TAGS,		/* id gets tags[0..ntags) and loses untags[0..nuntags) */
	ANNOT_POSITION,		/* doc's reading position becomes start (context: quote);
				   the furthest point read becomes at least end */
	ANNOT_MARK,		/* doc's mark `mark` becomes start, its caret end if has_caret
				   (context: quote) */
};

/*
 * A document as a change names it.  With id 0 (or an id that no longer
 * exists) it is found inside the change's transaction by sha256, else by
 * path with the same stat key, else recorded with path; *created then says
 * the change made its row.
 */
struct annot_docref {
	int64_t id;
	const char *sha256;		/* NULL or "" while unknown */
	const char *path;		/* canonical, or NULL (known by content only) */
	struct fingerprint_key key;	/* of path */
	const char *title;		/* for a new row; may be NULL */
	bool created;			/* out: the row was made by this change */
};

struct annot_change {
	enum annot_op op;
	int64_t id;			/* the annotation (REATTACH, DELETE, NOTE, COLOR, TAGS) */
	struct annot_docref doc;	/* ADD, UNDELETE, POSITION */
	uint64_t start, end;
	const char *quote, *prefix, *suffix;
	const char *note;
	enum store_color color;
	const char *const *tags;	/* raw; normalised by the store */
	size_t ntags;
	const char *const *untags;
	size_t nuntags;
	char mark;			/* MARK: 'a'..'z' */
	bool has_caret;			/* MARK: end is where the caret was */
};

/*
 * Applies c in one transaction; *id (may be NULL) gets the annotation's id
 * (ADD, UNDELETE: the new or restored one).  c->doc.id is filled in when
 * the document was found or made.  On success the generation steps.
 * Errors as the store's (GLOSS_EUSAGE for an empty range, GLOSS_ENOTFOUND
 * for an unknown id or nothing to undo, GLOSS_EREADONLY, GLOSS_EBUSY, ...);
 * nothing is changed then.
 */
enum gloss_status annot_apply(struct store *st, struct annot_change *c, int64_t *id);
/*
 * The queue.  On a STORE_NOWAIT store (the reader) a change that cannot
 * have the lock within the store's busy timeout (100 ms for the reader's
 * keys), or that comes while earlier ones wait, is kept in order and
 * annot_apply() returns GLOSS_EQUEUED with a message saying so;
 * annot_poll() applies what waits as soon as the lock is free (without
 * waiting for it) and steps the generation.  A change that then fails for
 * another reason (the annotation was deleted meanwhile) is dropped and
 * told by annot_queue_message().
 */
size_t annot_pending(void);
/* The last queued change that could not be applied, once (static storage), or NULL. */
const char *annot_queue_message(void);
/*
 * Before exit: tries what waits once more, waiting for the lock at most the
 * store's busy timeout; returns how many changes are still not saved and
 * puts what they were in *report (caller frees; NULL if none).
 */
size_t annot_flush(struct store *st, char **report);
/* A copy of c owning copies of its strings and arrays; free with annot_change_free(). */
struct annot_change *annot_change_dup(const struct annot_change *c);
void annot_change_free(struct annot_change *c);

/* The process's annotation generation (never 0). */
uint64_t annot_generation(void);
/*
 * Looks whether another process committed to st since the last look (at
 * most every ANNOT_POLL_MS); if so steps the generation and returns true.
 * What was last seen is kept in the store (store_poll_due,
 * store_changed_elsewhere), shared by every view of it on the stack.
 */
bool annot_poll(struct store *st);

/* One change by annotation id (any document). */
enum gloss_status annot_set_note(struct store *st, int64_t id, const char *note);
enum gloss_status annot_set_color(struct store *st, int64_t id, enum store_color c);
enum gloss_status annot_set_tags(struct store *st, int64_t id, const char *const *tags, size_t ntags,
    const char *const *untags, size_t nuntags);
enum gloss_status annot_delete(struct store *st, int64_t id);
/* Restores the newest deleted annotation of doc_id (0: of any document). */
enum gloss_status annot_undelete(struct store *st, int64_t doc_id, int64_t *id);

#endif
