/*
 * annot — the annotations of an open document: recognising the document
 * in the store, re-anchoring its highlights when it changed, and the
 * document-bound actions of the pager and the commands.
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
 *
 * The pager.  Per document: annot_attach(), annot_idle() from the idle
 * loop (redraw when annot_generation() or store_data_version() changes),
 * annot_visible() for the lines on screen, annot_add(), annot_reattach(),
 * annot_undo_delete(), annot_position_get/set(), annot_detach().  Per
 * annotation (by id, any document) the store's functions: store_get,
 * store_set_note, store_set_color, store_tag, store_untag, store_delete,
 * store_draft_save/get/drop, and across the corpus store_query and
 * store_tags.  All report failures as a status with error_last().
 *
 * Memory: the annot_doc borrows the store and the document, which must
 * outlive it; lists are the caller's (store_list_free).
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
/* The error that stopped background work (GLOSS_OK if none) and its message. */
enum gloss_status annot_error(const struct annot_doc *ad, const char **message);
void annot_detach(struct annot_doc *ad);

/* The document's id in the store; 0 while it has none (never annotated). */
int64_t annot_doc_id(const struct annot_doc *ad);
/* Changes whenever this process changed the document's annotations. */
unsigned annot_generation(const struct annot_doc *ad);
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

/* The remembered reading position (0 if none). */
enum gloss_status annot_position_get(struct annot_doc *ad, uint64_t *pos);
/* Remembers the reading position (an offset in the document text). */
enum gloss_status annot_position_set(struct annot_doc *ad, uint64_t pos);

#endif
