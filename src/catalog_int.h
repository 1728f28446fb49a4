/*
 * catalog_int.h — what catalog.c, catalog_index.c and catalog_search.c
 * share: the catalog's state and their helpers.
 */
#ifndef GLOSS_CATALOG_INT_H
#define GLOSS_CATALOG_INT_H

#include "gloss/catalog.h"
#include "gloss/fingerprint.h"
#include "gloss/strbuf.h"

enum catalog_phase {
	CATALOG_PHASE_SCAN,	/* list the directories, compare stats */
	CATALOG_PHASE_INDEX,	/* one changed or new file per turn */
	CATALOG_PHASE_ANNOTS,	/* the annotations' notes, quotes and tags */
	CATALOG_PHASE_DONE,
};

/* A file the scan found new or changed. */
struct catalog_todo {
	char *path;
	int64_t id;
	struct fingerprint_key key;
};

struct catalog {
	struct cachedb *db;
	sqlite3 *h;
	struct store *st;		/* may be NULL */
	char **dirs;			/* canonical */
	size_t ndirs;
	enum catalog_phase phase;
	struct catalog_todo *todo;
	size_t ntodo, next;
	uint64_t total_bytes, done_bytes;
	bool in_tx;			/* a step's transaction is open */
	enum gloss_status err;		/* the first error of this update */
	char *errmsg;
	sqlite3_stmt *ins_row, *ins_fts, *find_doc;	/* kept prepared while indexing */
	struct strbuf key;		/* fold-key buffer */
	/* catalog_search.c: the blocks of one document, matched in a temporary FTS5 table */
	sqlite3_stmt *blk_clear, *blk_ins, *blk_match;
};

int64_t catalog_now_us(void);
enum gloss_status catalog_db_error(struct catalog *c, const char *what);
/* A prepared statement, or NULL with the error recorded. */
sqlite3_stmt *catalog_prepare(struct catalog *c, const char *sql);
/* A copy of a text column, or NULL. */
char *catalog_column_str(sqlite3_stmt *st, int col);
/*
 * Removes a document's text row from the index; with whole, its annotation
 * rows and the document too.
 */
enum gloss_status catalog_remove_doc(struct catalog *c, int64_t id, bool whole);
/* Removes every annotation row. */
enum gloss_status catalog_remove_annotation_rows(struct catalog *c);

/* catalog_index.c */
enum gloss_status catalog_index_file(struct catalog *c, const struct catalog_todo *t);
enum gloss_status catalog_index_annotations(struct catalog *c);
/*
 * Inserts one row into catalog_rows and catalog_fts: an annotation field
 * (text[0..n) is stored and its key made here) or, with text NULL, a
 * document's text (the key of all its blocks is c->key).
 */
enum gloss_status catalog_add_row(struct catalog *c, int64_t doc_id, enum catalog_kind kind,
    uint64_t off, uint64_t len, int64_t annot_id, const char *text, size_t n);

/* catalog_fts.c: registers the "gloss" tokenizer and gloss_rank() on the connection. */
enum gloss_status catalog_fts_register(struct catalog *c);
/* The length of the tokenizer's token character at s[i] (0 if s[i] starts none). */
size_t catalog_token_char(const char *s, size_t n, size_t i);

/* catalog_search.c */
void catalog_search_done(struct catalog *c);

#endif
