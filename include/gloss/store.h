/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store — the annotation database (SQLite): documents and the paths they
 * were seen at, highlights with their selectors, notes, tags and colours,
 * reading positions, note drafts, and the trash that undo restores from.
 * The schema and its migrations are described in docs/annotations.md.
 *
 * Where.  store_default_path(): $GLOSS_DB (main.c copies it into opt_db
 * unless --db was given), else $XDG_DATA_HOME/gloss/gloss.db, else
 * ~/.local/share/gloss/gloss.db.  With STORE_CREATE the file and its
 * directory are created on first use; without it a missing database reads
 * as empty (and refuses edits).
 *
 * Safety.  Every change is one transaction, begun IMMEDIATE (so a writer
 * waits for the lock up front, at most the busy timeout, and never fails
 * half-way with "busy") and committed at once with synchronous=FULL.
 * Automatic updates (store_begin_refresh and the path, document and anchor
 * records annot makes) of a STORE_NOWAIT store do not wait at all.  WAL is used except on network file systems
 * (store_fs_is_network), where the rollback journal is.  A file that is
 * not a SQLite database, or is damaged, or was written by a newer gloss,
 * or belongs to another program, is refused and never written to.
 *
 * Read-only.  When the file, its directory or its file system cannot be
 * written, the database is copied into memory when opened: everything can
 * be read (and re-anchoring works on the copy), but every edit is refused
 * with GLOSS_EREADONLY and a message that says why.
 *
 * Errors.  Functions return enum gloss_status; on failure error_last()
 * holds a message naming the database file (SQLite's own text included
 * where it helps).  GLOSS_EBUSY, GLOSS_EREADONLY, GLOSS_EFULL,
 * GLOSS_ECORRUPT and GLOSS_ENEWER say what went wrong; nothing is written
 * when an action fails.
 *
 * Memory.  Strings and arrays returned through pointers are new and owned
 * by the caller: free them with the matching _done or _free function, or
 * free().  The store must not be used from two threads at once.
 */
#ifndef GLOSS_STORE_H
#define GLOSS_STORE_H

#include "gloss/gloss.h"
#include "gloss/anchor.h"
#include "gloss/error.h"
#include "gloss/fingerprint.h"

#define STORE_SCHEMA_VERSION 4
#define STORE_APPLICATION_ID 0x676C6F73	/* "glos" in PRAGMA application_id */
#define STORE_BUSY_TIMEOUT_MS 5000	/* default; $GLOSS_BUSY_TIMEOUT (ms) overrides */
#define STORE_KEY_WAIT_MS 100		/* the longest a key of the reader waits for the lock */
#define STORE_TRASH_KEEP 100		/* deleted annotations kept for undo */
#define STORE_TAG_MAX 64		/* code points in a tag */
#define STORE_POSITION_MAX INT32_MAX	/* offsets are kept in a 32-bit R*Tree */

/* Highlight colours: name. */
#define STORE_COLOR_LIST(_) \
	_(YELLOW, "yellow") \
	_(GREEN, "green") \
	_(BLUE, "blue") \
	_(PINK, "pink") \
	_(PURPLE, "purple") \
	_(ORANGE, "orange") \
	_(RED, "red")

enum store_color {
#define STORE_COLOR_ENUM(name, str) STORE_##name,
	STORE_COLOR_LIST(STORE_COLOR_ENUM)
#undef STORE_COLOR_ENUM
	STORE_COLOR_COUNT
};

#define STORE_COLOR_DEFAULT STORE_YELLOW

/* Flags of store_open(). */
#define STORE_CREATE 0x01	/* create the database (and its directory) if missing */
#define STORE_NOWAIT 0x02	/* automatic updates never wait for the lock (GLOSS_EBUSY at once) */
#define STORE_READ 0x06		/* a reading command: STORE_NOWAIT, and an automatic update that
				   cannot have the lock is made in an in-memory copy */
#define STORE_CHECK_LATER 0x08	/* PRAGMA quick_check runs in a thread (the reader) */
#define STORE_KEYS 0x10		/* the reader's: once open, a key waits for the lock at most
				   STORE_KEY_WAIT_MS (store_set_busy_timeout) */

struct store;

/* An annotation as stored. */
struct store_annotation {
	int64_t id;
	int64_t doc_id;
	uint64_t start, end;		/* the current range in the document text */
	char *quote, *prefix, *suffix;	/* the text it covers now, and around it */
	char *first_quote, *first_prefix, *first_suffix;	/* as it was made, if it moved since; else NULL */
	char *creator;			/* who made it, if imported from someone; NULL: the local user */
	char *note;			/* "" when there is none */
	enum store_color color;
	enum anchor_status status;
	char **tags;			/* display spellings, in order of their fold keys */
	size_t ntags;
	int64_t created, modified;	/* seconds since the epoch */
	char *path;			/* the document's most recently seen path (listings) or NULL */
};

struct store_list {
	struct store_annotation *v;
	size_t n;
};

/* A new annotation; strings are copied. */
struct store_new {
	int64_t doc_id;
	uint64_t start, end;
	const char *quote, *prefix, *suffix;
	const char *first_quote, *first_prefix, *first_suffix;	/* NULL: it never moved */
	const char *creator;		/* NULL: the local user */
	const char *note;		/* NULL: none */
	enum store_color color;
	enum anchor_status status;
	const char *const *tags;	/* raw tags, normalised by the store */
	size_t ntags;
	int64_t created, modified;	/* seconds since the epoch; 0: now (imports keep theirs) */
};

/* A filter for store_query(); zero fields match everything. */
struct store_filter {
	int64_t doc_id;			/* 0: every document */
	const char *const *tags;	/* carrying any of these (compared by fold keys) */
	size_t ntags;			/* 0: any tags or none */
	int color;			/* -1: any; else enum store_color */
	unsigned statuses;		/* bit (1 << enum anchor_status); 0: any */
	const char *text;		/* in the quote or the note, compared by fold keys */
	int64_t since;			/* created at or after this (seconds since the epoch) */
};

struct store_tag {
	char *name;			/* the first spelling used */
	size_t count;			/* annotations carrying it */
};

/* What the store remembers of a path (see annot.c for how it is used). */
struct store_path_info {
	int64_t doc_id;
	struct fingerprint_key key;
	char sha256[FINGERPRINT_HEX_LEN + 1];	/* "" if the content was not hashed */
};

struct store_doc_info {
	int64_t id;
	char sha256[FINGERPRINT_HEX_LEN + 1];	/* "" while unknown */
	char *title;			/* or NULL */
	char *path;			/* the most recently seen path, or NULL */
	uint64_t position;		/* reading position in the document text */
	char *position_context;		/* the text that followed it (for re-anchoring) */
	uint64_t furthest;		/* the furthest offset that was on screen (>= position) */
	int64_t opened;			/* when it was last opened (seconds since the epoch) */
};

/* ------------------------------------------------------------------ */
/* Opening */

/* The database path to use (see the top comment); caller frees. */
char *store_default_path(void);
/*
 * Opens the database at path (NULL: store_default_path()), creating it
 * with STORE_CREATE, checking and migrating its schema.  A file that
 * cannot be set up for writing (a full disk) is read from an in-memory
 * copy, as a read-only one is.  Errors: GLOSS_ECORRUPT (not SQLite, or
 * another program's), GLOSS_ENEWER, GLOSS_EBUSY, GLOSS_EIO (cannot create
 * or open).  Caller closes.
 */
enum gloss_status store_open(const char *path, unsigned flags, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);
/* True if edits are refused; store_readonly_reason() says why (or NULL). */
bool store_readonly(const struct store *st);
const char *store_readonly_reason(const struct store *st);
/* True if the reason may pass (a full disk, a lock): a later write may be tried and may succeed. */
bool store_readonly_transient(const struct store *st);
/*
 * Damage.  Every database file is checked with PRAGMA quick_check when it
 * is opened (about 6 ms per MB): at once, or with STORE_CHECK_LATER in a
 * thread of its own, which the first write waits for (an automatic update
 * gets GLOSS_EBUSY instead).  A damaged database is read (from an
 * in-memory copy) but never written.  store_check_done() looks whether a
 * later check has ended, without waiting; store_damaged() is the message
 * (what quick_check said and how to recover), or NULL.
 */
bool store_check_done(struct store *st);
const char *store_damaged(const struct store *st);
/* True if opened with STORE_NOWAIT: automatic updates give way to a lock instead of waiting. */
bool store_nowait(const struct store *st);
/* The journal in use: true for WAL, false for the rollback journal. */
bool store_wal(const struct store *st);
/* Sets the busy timeout (milliseconds); store_busy_timeout() reads it. */
void store_set_busy_timeout(struct store *st, int ms);
int store_busy_timeout(const struct store *st);
/* The busy timeout a store starts with: $GLOSS_BUSY_TIMEOUT, else STORE_BUSY_TIMEOUT_MS. */
int store_busy_default(void);
/*
 * PRAGMA data_version: changes whenever another connection (another gloss)
 * commits.  The pager polls it and reloads what it shows when it changes.
 */
enum gloss_status store_data_version(struct store *st, int64_t *version);
/*
 * Polling it, with the state kept in the store (one per connection, shared
 * by every view of it): store_poll_due() is true at most every interval_ms
 * (and then starts a new interval); store_changed_elsewhere() says whether
 * another connection committed since its last call, or since store_open()
 * for the first call (false on an error).
 */
bool store_poll_due(struct store *st, unsigned interval_ms);
bool store_changed_elsewhere(struct store *st);
/* The schema version of the open database (PRAGMA user_version). */
int store_schema_version(struct store *st);

/*
 * Copies what can be read of the (damaged) database file from into a new
 * database to (which must not exist), table by table; report gets a line
 * per table (rows copied, left out, lost to damage).  store_recover.c says
 * how.
 */
struct strbuf;
enum gloss_status store_recover(const char *from, const char *to, struct strbuf *report);

/* True for the magic numbers of network file systems (NFS, SMB/CIFS, ...). */
bool store_fs_is_network(unsigned long fs_type);

/*
 * Grouping.  store_begin() .. store_end() make one transaction of several
 * calls (the calls inside do not commit); store_end() commits if rc is
 * GLOSS_OK, otherwise rolls back, and returns rc or the commit's error.
 */
enum gloss_status store_begin(struct store *st);
enum gloss_status store_end(struct store *st, enum gloss_status rc);
/*
 * The same for automatic updates (re-anchoring results, paths seen), which
 * a read-only store accepts into its in-memory copy; end with store_end().
 */
enum gloss_status store_begin_refresh(struct store *st);
/*
 * True if the last transaction failed because another process changed the
 * same rows at once (a UNIQUE or primary key conflict, a stale snapshot):
 * the whole change may be tried again and will then see the other's rows.
 */
bool store_conflict(const struct store *st);

/* ------------------------------------------------------------------ */
/* Names */

const char *store_color_name(enum store_color c);
/* Parses a colour name (case-insensitive); false if unknown. */
bool store_color_parse(const char *name, enum store_color *c);
/* "yellow, green, ..." for messages (static storage). */
const char *store_color_names(void);
/*
 * Normalises a tag: NFC, white space trimmed and inner runs collapsed to
 * one space.  *name gets the tag, *key its fold key (both caller-freed).
 * GLOSS_EUSAGE (with a message) if it is empty, too long, or holds a
 * control character or a comma.
 */
enum gloss_status store_tag_normalize(const char *raw, char **name, char **key);

/* ------------------------------------------------------------------ */
/* Annotations */

/* Adds an annotation; *id gets its id.  GLOSS_EUSAGE for an empty range. */
enum gloss_status store_add(struct store *st, const struct store_new *a, int64_t *id);
/* Reads one annotation (with its tags and path); GLOSS_ENOTFOUND if unknown. */
enum gloss_status store_get(struct store *st, int64_t id, struct store_annotation *out);
enum gloss_status store_set_note(struct store *st, int64_t id, const char *note);
enum gloss_status store_set_color(struct store *st, int64_t id, enum store_color c);
/* Adds tags (already present ones are kept as they are). */
enum gloss_status store_tag(struct store *st, int64_t id, const char *const *tags, size_t n);
/* Removes tags; GLOSS_ENOTFOUND (nothing changed) if one is not on it. */
enum gloss_status store_untag(struct store *st, int64_t id, const char *const *tags, size_t n);
/* Moves an annotation to the trash. */
enum gloss_status store_delete(struct store *st, int64_t id);
/*
 * Restores the most recently deleted annotation (of document doc_id, or of
 * any document if 0) with its id, note and tags; GLOSS_ENOTFOUND if none.
 */
enum gloss_status store_undelete(struct store *st, int64_t doc_id, int64_t *id);
/* Gives an annotation a new range and selector, status anchored. */
enum gloss_status store_reattach(struct store *st, int64_t id, uint64_t start, uint64_t end,
    const char *quote, const char *prefix, const char *suffix);

/* The anchored and moved annotations of doc_id overlapping [a, b), by start (R*Tree). */
enum gloss_status store_in_range(struct store *st, int64_t doc_id, uint64_t a, uint64_t b,
    struct store_list *out);
/* Every annotation of doc_id, orphans included, by start then id. */
enum gloss_status store_of_doc(struct store *st, int64_t doc_id, struct store_list *out);
/* Annotations matching f across the corpus, by path, start and id. */
enum gloss_status store_query(struct store *st, const struct store_filter *f, struct store_list *out);
/* All tags with their counts, in order of fold key (for completion). */
enum gloss_status store_tags(struct store *st, struct store_tag **out, size_t *n);
void store_tags_free(struct store_tag *tags, size_t n);

void store_annotation_done(struct store_annotation *a);
void store_list_free(struct store_list *l);

/* ------------------------------------------------------------------ */
/* Note drafts (saved by the pager when it is interrupted) */

enum gloss_status store_draft_save(struct store *st, int64_t id, const char *text);
/* *text gets the draft or NULL if there is none. */
enum gloss_status store_draft_get(struct store *st, int64_t id, char **text);
enum gloss_status store_draft_drop(struct store *st, int64_t id);
/* The ids of annotations that have drafts, oldest first. */
enum gloss_status store_drafts(struct store *st, int64_t **ids, size_t *n);

/* ------------------------------------------------------------------ */
/* Documents (used by annot; see include/gloss/annot.h for the pager) */

/* What is remembered of path; *found false if nothing. */
enum gloss_status store_path_find(struct store *st, const char *path, struct store_path_info *info,
    bool *found);
/* A path last seen with this stat key (a renamed or moved file). */
enum gloss_status store_key_find(struct store *st, const struct fingerprint_key *key,
    struct store_path_info *info, bool *found);
/* The document whose content had this SHA-256. */
enum gloss_status store_sha_find(struct store *st, const char *sha256, int64_t *doc_id, bool *found);
/*
 * Creates a document (sha256 may be NULL or "" while unknown), or finds the
 * one already recorded with sha256 (insert-or-get: another process may
 * have recorded it first); *created (may be NULL) says which.
 */
enum gloss_status store_doc_new(struct store *st, const char *sha256, const char *title, int64_t *id,
    bool *created);
/* Records (or updates) a path and what was seen there. */
enum gloss_status store_path_put(struct store *st, const char *path, const struct store_path_info *info);
/* Sets the SHA-256 the document's positions now refer to. */
enum gloss_status store_doc_set_sha(struct store *st, int64_t doc_id, const char *sha256);
/*
 * The same, race-free: if another document is recorded with sha256, doc_id
 * is merged into it (store_doc_merge); *into gets the document that holds
 * the content now.
 */
enum gloss_status store_doc_claim_sha(struct store *st, int64_t doc_id, const char *sha256,
    int64_t *into);
/* Moves everything of document from into document into, then deletes from. */
enum gloss_status store_doc_merge(struct store *st, int64_t from, int64_t into);
enum gloss_status store_doc_get(struct store *st, int64_t doc_id, struct store_doc_info *out);
void store_doc_info_done(struct store_doc_info *d);
/* Records that the document was opened now. */
enum gloss_status store_doc_touch(struct store *st, int64_t doc_id);
/*
 * The reading position (an offset in the document text) and the text after
 * it; the furthest point read becomes at least furthest (and pos).
 */
enum gloss_status store_position_set(struct store *st, int64_t doc_id, uint64_t pos,
    const char *context, uint64_t furthest);
/* Marks (m{a-z} in the reader): a position in the document text and where the caret was. */
#define STORE_MARKS 26
struct store_mark {
	bool set;
	uint64_t position;		/* the first character on screen */
	bool has_caret;
	uint64_t caret;			/* where the caret was (if has_caret) */
};
/* Sets mark name ('a'..'z') of doc_id (context: the text after the position). */
enum gloss_status store_mark_set(struct store *st, int64_t doc_id, char name,
    const struct store_mark *m, const char *context);
/* The text after mark name of doc_id (a new string; "" if none), for re-anchoring. */
char *store_mark_context(struct store *st, int64_t doc_id, char name);
/* The marks of doc_id: out[name - 'a'] (set false where none). */
enum gloss_status store_marks_get(struct store *st, int64_t doc_id, struct store_mark out[STORE_MARKS]);
/*
 * A re-anchoring result for annotation id, made from the selector with this
 * quote: not written if the annotation was re-attached meanwhile (allowed
 * on a read-only store: it changes only the copy).  now (NULL: unchanged)
 * is the text the range covers now with its prefix and suffix; when its
 * quote differs, the selector it was made with is kept as first_quote,
 * first_prefix, first_suffix (the first time only).
 */
struct store_covered {
	const char *quote, *prefix, *suffix;
};
enum gloss_status store_anchor_update(struct store *st, int64_t id, const char *quote,
    uint64_t start, uint64_t end, enum anchor_status status, const struct store_covered *now);

#endif
