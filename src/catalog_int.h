/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_int.h — what catalog.c, catalog_index.c, catalog_query.c and
 * catalog_search.c share: the catalog's state and their helpers.
 */
#ifndef GLOSS_CATALOG_INT_H
#define GLOSS_CATALOG_INT_H

#include "gloss/catalog.h"
#include "gloss/doc.h"
#include "gloss/fingerprint.h"
#include "gloss/meta.h"
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
	bool indexed;			/* its text is in the index, with this SHA-256: */
	char sha[FINGERPRINT_HEX_LEN + 1];
};

/* A file read for the index, by a worker thread or the writer itself. */
enum catalog_load_kind {
	CATALOG_LOAD_NONE,		/* binary or unreadable: not an article */
	CATALOG_LOAD_SAME,		/* the same content as indexed: only the stat changed */
	CATALOG_LOAD_NEW,		/* to index */
};

struct catalog_loaded {
	enum catalog_load_kind kind;
	struct fingerprint_key key;	/* the stat when it was read */
	char sha[FINGERPRINT_HEX_LEN + 1];
	struct meta meta;		/* CATALOG_LOAD_NEW: */
	uint64_t words, text_len;
	struct strbuf index;		/* CATALOG_WORDS_MARK and the article's words (catalog_words) */
	struct strbuf pairs;		/* and its filter of neighbouring words */
};

struct catalog_pipe;

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
	sqlite3_stmt *rec_meta, *rec_stat, *ins_doc;
	struct strbuf key;		/* fold-key buffer */
	const struct strbuf *pairs;	/* the filter of the article being added, or NULL */
	const struct strbuf *words;	/* its word list (the FTS text), or NULL: c->key */
	struct catalog_pipe *pipe;	/* worker threads reading the todo files, or NULL */
	/* catalog_search.c: the blocks of one document, matched in a temporary FTS5 table */
	sqlite3_stmt *blk_clear, *blk_ins, *blk_match;
};

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
/* The statement in *slot, prepared on first use and reset after (NULL with the error recorded). */
sqlite3_stmt *catalog_cached(struct catalog *c, sqlite3_stmt **slot, const char *sql);
/*
 * Reads t's file for the index into out (free with catalog_loaded_done()).
 * It touches neither the catalog nor the database, so worker threads call it.
 */
void catalog_load_file(const struct catalog_todo *t, struct catalog_loaded *out);
void catalog_loaded_done(struct catalog_loaded *l);
/* Writes what was read of t's file into the index (the writer's side). */
enum gloss_status catalog_index_loaded(struct catalog *c, const struct catalog_todo *t,
    const struct catalog_loaded *l);

/* catalog_load.c: the worker threads */
/*
 * Starts workers reading c->todo[c->next..] ahead of the writer (a bounded
 * queue) when that is worth it: $GLOSS_THREADS workers (0: none), else one
 * per processor if there are two or more.  c->todo must not change until
 * catalog_pipe_stop().
 */
void catalog_pipe_start(struct catalog *c);
/* Waits for todo[k] (k = the next one in order) and moves it to out. */
void catalog_pipe_take(struct catalog_pipe *p, size_t k, struct catalog_loaded *out);
/* Stops and joins the workers (no-op without), dropping what was read ahead. */
void catalog_pipe_stop(struct catalog *c);
enum gloss_status catalog_index_annotations(struct catalog *c);
/*
 * Inserts one row into catalog_rows and catalog_fts: an annotation field
 * (text[0..n) is stored and its key made here) or, with text NULL, a
 * document's text (its word list is c->words).
 */
enum gloss_status catalog_add_row(struct catalog *c, int64_t doc_id, enum catalog_kind kind,
    uint64_t off, uint64_t len, int64_t annot_id, const char *text, size_t n);

/* catalog_fts.c: registers the "gloss" tokenizer and gloss_rank() on the connection. */
enum gloss_status catalog_fts_register(struct catalog *c);
/* Fills the tokenizer's table (once; before catalog_token_char() is used). */
void catalog_token_init(void);
/* The length of the tokenizer's token character at s[i] (0 if s[i] starts none). */
size_t catalog_token_char(const char *s, size_t n, size_t i);

/*
 * The first byte of an article's index row: what follows is catalog_words()
 * output (words made of token characters, each followed by one space),
 * which the tokenizer splits on spaces without looking at the characters.
 */
#define CATALOG_WORDS_MARK '\x1F'

/*
 * The first byte of a word form in the index: an article's row holds its
 * words and then their forms (stem.h), and the tokenizer adds the form of
 * each word of other rows at the word's place; queries for word forms ask
 * for them.
 */
#define CATALOG_STEM_MARK '\x1E'

struct stem;
/* Appends the word form (the mark and the stem) of the folded word w[0..n) to out. */
void catalog_form(struct stem *st, const char *w, size_t n, struct strbuf *out);

/*
 * The most copies of one word in an article's index row.  The copies after
 * the first are a byte after the word (1 to CATALOG_WORD_COPIES - 1, no
 * token character), which the tokenizer hands to FTS5 as that many more
 * tokens: the index is as if they were written out, and the row's text,
 * which FTS5 stores beside the index and reads again to delete the row, is
 * shorter by about a third.
 */
#define CATALOG_WORD_COPIES 4
/*
 * Appends the words of an article's fold key to out, each once in order of
 * first use, repeated 1 + floor(log2(count)) times (at most
 * CATALOG_WORD_COPIES): FTS5 then writes about the vocabulary of an
 * article, not its length, and gloss_rank still sees how often a word is
 * used.  Word order is lost: searches verify phrases on the text.
 */
void catalog_words(const char *key, size_t n, struct strbuf *out, struct strbuf *pairs);
/*
 * With pairs, catalog_words() also appends a filter (a Bloom filter of 3
 * bits a pair, 5 bits for each pair used, a multiple of 8 bytes, 32 at
 * least) of the pairs of neighbouring words: a phrase can only be in an
 * article whose filter may hold each of its pairs.
 */
uint32_t catalog_word_hash(const char *s, size_t n);
/* Whether the filter[0..n) may hold the pair of words with hashes a, b (true without a filter). */
bool catalog_pairs_may_hold(const void *filter, size_t n, uint32_t a, uint32_t b);

/*
 * The text of b with its note markers (superscripts, footnote references)
 * as spaces, so that they are no part of a word: b->text, or a copy in buf
 * (the same length and offsets).
 */
const char *catalog_block_text(const struct doc_block *b, struct strbuf *buf);

/* catalog_search.c */
void catalog_search_done(struct catalog *c);

struct stem;

/*
 * The outputs of catalog_query_parse(): the FTS5 expression (phrases as written), the
 * expression matching any one of its terms, and the candidates' expression
 * over the index, which holds each word of an article once and no word
 * order: every term becomes its words ANDed in parentheses, the terms
 * joined by AND (which binds tighter than OR, as the implicit AND does).
 */
struct catalog_query {
	struct strbuf out, any, cand;
	bool want_any;
	bool forms;		/* words stand for their forms, unless '=' asks for them as written */
	bool has_forms;		/* some term is a word form: worth a second pass */
	struct stem *stem;
	/*
	 * For the articles' filters of neighbouring words: the terms (an OR
	 * starts a group of terms that must all be there) and the word hashes
	 * of each term's pairs.
	 */
	struct qterm {
		bool new_group;
		size_t first, n;	/* pairs[first .. first + n) */
	} *terms;
	size_t nterms;
	uint32_t (*pairs)[2];
	size_t npairs;
};

/* Compiles query into cp (its strbufs set up, want_any and forms chosen); on an error its buffers are freed. */
enum gloss_status catalog_query_parse(const char *query, struct catalog_query *cp);
void catalog_query_done(struct catalog_query *cp);
/* Whether an article with this filter of neighbouring words may match: every term of some group may be there. */
bool catalog_query_may_match(const struct catalog_query *cp, const void *filter, size_t n);

#endif
