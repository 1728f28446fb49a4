/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_search — the library's list and its full-text search: ranking
 * articles and annotation fields for a query (compiled by catalog_query.c),
 * matching the blocks of the articles shown, and mapping each match back
 * to the original text for its snippet.
 */
#include "gloss/gloss.h"

#include "catalog_int.h"
#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define MARK_OPEN '\x01'	/* what highlight() puts around matches */
#define MARK_CLOSE '\x02'

/* A block waiting to be matched. */
struct pending {
	const char *text;	/* the block's text (for the snippet) */
	const char *bare;	/* and without its note markers (for the key), or NULL */
	size_t len;
	uint32_t seq;
	uint64_t off;
	const char *heading;	/* borrowed from the walk */
};

/* ------------------------------------------------------------------ */
/* Snippets */

/* The first match's key range [*a, *b) in highlight()'s output h. */
static bool
marked_range(const char *h, size_t *a, size_t *b)
{
	const char *open = strchr(h, MARK_OPEN), *close;

	if (open == NULL || (close = strchr(open, MARK_CLOSE)) == NULL)
		return false;
	*a = (size_t)(open - h);
	*b = (size_t)(close - h) - 1;
	return true;
}

static size_t
back_cps(const char *s, size_t i, int count)
{
	while (i > 0 && count-- > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
	}
	return i;
}

static size_t
fwd_cps(const char *s, size_t n, size_t i, int count)
{
	while (i < n && count-- > 0)
		i += (size_t)text_cplen(s + i, n - i);
	return i;
}


/* The snippet around text[start..end) and the match's place in it. */
static void
make_snippet(struct catalog_hit *h, const char *text, size_t n, size_t start, size_t end)
{
	struct strbuf out = STRBUF_INIT;
	size_t a = back_cps(text, start, CATALOG_SNIPPET_BEFORE);
	size_t z = fwd_cps(text, n, end, CATALOG_SNIPPET_AFTER);

	if (a > 0) {		/* start at a word */
		size_t k = a;

		while (k < start && text[k] != ' ' && text[k] != '\n')
			k++;
		if (k < start)
			a = k + 1;
	}
	if (z < n) {
		size_t k = z;

		while (k > end && text[k] != ' ' && text[k] != '\n')
			k--;
		if (k > end)
			z = k;
	}
	if (a > 0)
		strbuf_adds(&out, "…");
	text_one_line(&out, text + a, start - a, 0);
	h->mark_start = out.len;
	text_one_line(&out, text + start, end - start, 0);
	h->mark_end = out.len;
	text_one_line(&out, text + end, z - end, 0);
	if (z < n)
		strbuf_adds(&out, "…");
	h->snippet = strbuf_detach(&out, NULL);
}

/* Finds the match in the original text of the block and fills the hit. */
static void
locate(struct catalog_hit *h, const struct pending *p, const char *marked)
{
	struct strbuf key = STRBUF_INIT;
	uint32_t *map = NULL;
	const char *text = p->text;
	size_t a, b, start = 0, end = 0, n = p->len;
	uint64_t off = p->off, len = p->len;

	if (marked && marked_range(marked, &a, &b)) {	/* the key was made without note markers */
		fold_key_mapped(p->bare ? p->bare : text, n, &key, &map);
		if (b <= key.len && a < b) {
			start = map[a];
			end = fold_map_end(map, key.len, b, n);
		}
		free(map);
		strbuf_done(&key);
	}
	make_snippet(h, text, n, start, end);
	if (h->kind == CATALOG_TEXT) {
		h->start = off + start;
		h->end = off + end;
	} else {
		h->start = off;
		h->end = off + len;
	}
}

/* ------------------------------------------------------------------ */
/* Matching the blocks of one document */

/*
 * FTS5 ranks whole articles; the blocks of the few articles shown are
 * matched again, with the same tokenizer and expression, in a temporary
 * table (one row per block, a chunk of the document at a time), and
 * highlight() marks the match in each block's key.
 */
static const char blocks_create[] =
	"CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_blocks USING fts5(key, tokenize = 'gloss')";

static bool
blocks_ready(struct catalog *c)
{
	if (c->blk_match)
		return true;
	if (sqlite3_exec(c->h, blocks_create, NULL, NULL, NULL) != SQLITE_OK) {
		catalog_db_error(c, "cannot search the library index");
		return false;
	}
	c->blk_clear = catalog_prepare(c, "DELETE FROM temp.catalog_blocks");
	c->blk_ins = catalog_prepare(c, "INSERT INTO temp.catalog_blocks(rowid, key) VALUES (?, ?)");
	c->blk_match = catalog_prepare(c, "SELECT rowid, highlight(catalog_blocks, 0, char(1),"
	    " char(2)) FROM temp.catalog_blocks WHERE catalog_blocks MATCH ? ORDER BY rowid");
	if (c->blk_clear && c->blk_ins && c->blk_match)
		return true;
	catalog_search_done(c);
	return false;
}

void
catalog_search_done(struct catalog *c)
{
	sqlite3_finalize(c->blk_clear);
	sqlite3_finalize(c->blk_ins);
	sqlite3_finalize(c->blk_match);
	c->blk_clear = c->blk_ins = c->blk_match = NULL;
}

/* A ranked row of the index: an article or an annotation field. */
struct row {
	enum catalog_kind kind;
	uint64_t off, len, total;
	int64_t annot_id;
	const char *text, *path, *title;
	size_t n;
	double score;
};

/* The hits being gathered. */
struct gather {
	struct catalog *c;
	size_t limit;		/* the hits wanted */
	bool count;		/* and then count the others (no snippets) */
	struct catalog_hit *v;
	size_t n;
	struct strbuf needles;	/* the tokens of each term (see find_needles()) */
	uint64_t *places;	/* where the hits are (place_hash(), 0: free), open addressing */
	size_t nplaces, nslots;
};

/* Whether no more hits are wanted. */
static bool
full(const struct gather *g)
{
	return g->n >= g->limit + (g->count ? CATALOG_MORE_MAX : 0);
}

/*
 * The length of the start of stem s[0..n) that every word of that form
 * holds: stem.h's rules write э as е and drop a vowel before the last
 * letter of a Cyrillic stem, Porter's English stemmer changes a final y to
 * i; 0 if too short to be worth it.
 */
static size_t
form_needle(const char *s, size_t n)
{
	size_t i = 0, cps = 0, total = 0, end = 0;
	bool latin = n > 0 && (unsigned char)s[0] < 0x80;

	for (size_t k = 0; k < n; k += (size_t)text_cplen(s + k, n - k))
		total++;
	for (; i < n && cps + (latin ? 1 : 2) < total; cps++) {
		uint32_t c;
		int len = text_decode(s + i, n - i, &c);

		if (c == 0x435 || c == 0x44D)
			break;
		i += (size_t)len;
		end = i;
	}
	return cps >= 2 ? end : 0;
}

/*
 * The tokens of each term of the expression any ("a b" OR "c" *), each
 * ended by '\0', a term by one more: a block matching the query matches
 * one of its terms, so its key holds every token of that term; other
 * blocks are not handed to FTS5.
 */
static void
find_needles(struct gather *g, const char *any)
{
	for (const char *q = any; (q = strchr(q, '"')) != NULL; ) {
		size_t i = 0, n;

		for (n = 0; q[1 + n] && !(q[1 + n] == '"' && q[2 + n] != '"'); n += q[1 + n] == '"' ? 2 : 1)
			;
		while (i < n) {
			size_t start, len;

			while (i < n && catalog_token_char(q + 1, n, i) == 0)
				i += (size_t)text_cplen(q + 1 + i, n - i);
			for (start = i; i < n && (len = catalog_token_char(q + 1, n, i)) != 0; )
				i += len;
			if (i > start && q[1 + start] == CATALOG_STEM_MARK) {	/* a word form */
				strbuf_add(&g->needles, q + 1 + start,
				    1 + form_needle(q + 2 + start, i - start - 1));
				strbuf_addc(&g->needles, '\0');
			} else if (i > start) {
				strbuf_add(&g->needles, q + 1 + start, i - start);
				strbuf_addc(&g->needles, '\0');
			}
		}
		strbuf_addc(&g->needles, '\0');
		q += n + 2;
	}
}

static bool
has_needle(const struct gather *g, const struct strbuf *key)
{
	const char *t = g->needles.buf, *end = t + g->needles.len;

	while (t < end) {
		bool all = true;

		for (; *t; t += strlen(t) + 1) {	/* a word form: the start of its stem */
			const char *w = *t == CATALOG_STEM_MARK ? t + 1 : t;

			all = all && (*w == '\0' || memmem(key->buf, key->len, w, strlen(w)) != NULL);
		}
		if (all)
			return true;
		t++;	/* the end of the term */
	}
	return false;
}

static struct catalog_hit *
new_hit(struct gather *g, const struct row *r)
{
	struct catalog_hit *h;

	g->v = xreallocarray(g->v, g->n + 1, sizeof *g->v);
	h = &g->v[g->n++];
	memset(h, 0, sizeof *h);
	h->kind = r->kind;
	h->path = xstrdup(r->path);
	h->title = r->title ? xstrdup(r->title) : NULL;
	h->annot_id = r->annot_id;
	h->rank = r->score;
	return h;
}

static void
set_percent(struct catalog_hit *h, uint64_t total)
{
	h->percent = total ? 100.0 * (double)h->start / (double)total : 0.0;
	if (h->percent > 100.0)
		h->percent = 100.0;
}

static void
hit_free(struct catalog_hit *h)
{
	free(h->path);
	free(h->title);
	free(h->heading);
	free(h->snippet);
}

/* Drops the last hit. */
static void
hit_drop(struct gather *g)
{
	hit_free(&g->v[--g->n]);
}

/* A 64-bit hash of where a hit is: its article, kind, block and annotation. */
static uint64_t
place_hash(const struct catalog_hit *h)
{
	uint64_t x = 1469598103934665603ull;

	for (const char *p = h->path; *p; p++)
		x = (x ^ (unsigned char)*p) * 1099511628211ull;
	x = (x ^ (uint64_t)h->kind) * 0xFF51AFD7ED558CCDull;
	x = (x ^ h->para) * 0xC4CEB9FE1A85EC53ull;
	x = (x ^ (uint64_t)h->annot_id) * 0xFF51AFD7ED558CCDull;
	x ^= x >> 33;
	return x ? x : 1;	/* 0 marks a free slot */
}

/*
 * Whether the last hit's block or field gave a hit before (by the search
 * for the words as written), remembering it if not: one hit each.
 */
static bool
seen(struct gather *g, const struct catalog_hit *h)
{
	uint64_t x = place_hash(h);
	size_t k;

	if (2 * (g->nplaces + 1) > g->nslots) {
		size_t n = g->nslots ? g->nslots * 2 : 256;
		uint64_t *v = xcalloc(n, sizeof *v);

		for (size_t i = 0; i < g->nslots; i++)
			if (g->places[i]) {
				for (k = g->places[i] & (n - 1); v[k]; k = (k + 1) & (n - 1))
					;
				v[k] = g->places[i];
			}
		free(g->places);
		g->places = v;
		g->nslots = n;
	}
	for (k = x & (g->nslots - 1); g->places[k]; k = (k + 1) & (g->nslots - 1))
		if (g->places[k] == x)
			return true;
	g->places[k] = x;
	g->nplaces++;
	return false;
}

/* Matches the pending blocks p[0..np) with expr, adding a hit for each; false on an error. */
static bool
match_blocks(struct gather *g, const struct row *r, const char *expr, const struct pending *p,
    size_t np)
{
	struct catalog *c = g->c;
	struct strbuf key = STRBUF_INIT;
	int step;

	sqlite3_reset(c->blk_clear);
	if (sqlite3_step(c->blk_clear) != SQLITE_DONE)
		return false;
	for (size_t i = 0; i < np; i++) {
		strbuf_reset(&key);
		fold_key(p[i].bare ? p[i].bare : p[i].text, p[i].len, &key);
		if (!has_needle(g, &key))
			continue;
		sqlite3_reset(c->blk_ins);
		sqlite3_bind_int64(c->blk_ins, 1, (int64_t)i);
		sqlite3_bind_text(c->blk_ins, 2, strbuf_str(&key), (int)key.len, SQLITE_STATIC);
		if (sqlite3_step(c->blk_ins) != SQLITE_DONE)
			break;
	}
	strbuf_done(&key);
	sqlite3_reset(c->blk_match);
	sqlite3_bind_text(c->blk_match, 1, expr, -1, SQLITE_STATIC);
	while (!full(g) && (step = sqlite3_step(c->blk_match)) == SQLITE_ROW) {
		const struct pending *b = &p[sqlite3_column_int64(c->blk_match, 0)];
		struct catalog_hit *h = new_hit(g, r);

		h->para = b->seq;
		if (g->n <= g->limit) {	/* past it, hits are only counted */
			h->heading = b->heading ? xstrdup(b->heading) : NULL;
			locate(h, b, (const char *)sqlite3_column_text(c->blk_match, 1));
			set_percent(h, r->total);
		}
		if (seen(g, h))
			hit_drop(g);
	}
	sqlite3_reset(c->blk_match);
	return true;
}

/* The walk through one document's blocks, a chunk at a time. */
struct blockwalk {
	struct pending *p;
	size_t np;
	char **heads;		/* every heading seen (the pending blocks point into them) */
	size_t nheads;
	uint64_t off;
	uint32_t seq;
};

/* A copy of b's text without its note markers, or NULL if it has none. */
static char *
bare_copy(const struct doc_block *b)
{
	struct strbuf t = STRBUF_INIT;

	if (catalog_block_text(b, &t) == b->text)
		return NULL;
	return strbuf_detach(&t, NULL);
}

/* Adds the hits of r's document for expr in document order; false if it cannot be read. */
static bool
match_doc(struct gather *g, const struct row *r, struct doc *doc, const char *expr)
{
	struct blockwalk w = { 0 };
	struct doc_loc loc;
	bool more = doc_first(doc, &loc), ok = true;

	while (more && ok && !full(g)) {
		uint32_t chunk = loc.chunk;
		const struct doc_block *b;

		w.np = 0;
		for (; more && loc.chunk == chunk; more = doc_next(doc, &loc)) {
			if ((b = doc_block(doc, loc)) == NULL) {
				more = false;
				break;
			}
			w.seq++;
			if (b->kind == DOC_HEADING || b->kind == DOC_TITLE) {
				w.heads = xreallocarray(w.heads, w.nheads + 1, sizeof *w.heads);
				w.heads[w.nheads++] = xstrndup(b->text, b->len);
			}
			w.p = xreallocarray(w.p, w.np + 1, sizeof *w.p);
			w.p[w.np++] = (struct pending){ b->text, bare_copy(b), b->len, w.seq, w.off,
			    b->kind == DOC_HEADING || b->kind == DOC_TITLE || w.nheads == 0 ? NULL :
			    w.heads[w.nheads - 1] };
			w.off += b->len + ((b->flags & DOC_BLOCK_JOINED) ? 0 : DOC_SEPARATOR_LEN);
		}
		ok = match_blocks(g, r, expr, w.p, w.np);
		for (size_t i = 0; i < w.np; i++)
			free((char *)w.p[i].bare);
		doc_trim(doc);
	}
	for (size_t i = 0; i < w.nheads; i++)
		free(w.heads[i]);
	free(w.heads);
	free(w.p);
	return ok;
}

/*
 * Whether the whole article matches expr (its blocks' keys one line each,
 * as they were indexed before the index dropped word order): a query
 * whose words are all in the article but in different blocks.
 */
static bool
doc_matches(struct gather *g, struct doc *doc, const char *expr, bool *ok)
{
	struct catalog *c = g->c;
	struct strbuf key = STRBUF_INIT, bare = STRBUF_INIT;
	struct doc_loc loc;
	const struct doc_block *b;
	uint32_t chunk = 0;
	bool match = false;

	for (bool more = doc_first(doc, &loc); more; more = doc_next(doc, &loc)) {
		if (loc.chunk != chunk) {
			doc_trim(doc);
			chunk = loc.chunk;
		}
		if ((b = doc_block(doc, loc)) == NULL)
			break;
		fold_key(catalog_block_text(b, &bare), b->len, &key);
		strbuf_addc(&key, '\n');
	}
	strbuf_done(&bare);
	sqlite3_reset(c->blk_clear);
	sqlite3_reset(c->blk_ins);
	sqlite3_bind_int64(c->blk_ins, 1, 0);
	sqlite3_bind_text(c->blk_ins, 2, strbuf_str(&key), (int)key.len, SQLITE_STATIC);
	*ok = sqlite3_step(c->blk_clear) == SQLITE_DONE && sqlite3_step(c->blk_ins) == SQLITE_DONE;
	sqlite3_reset(c->blk_match);
	sqlite3_bind_text(c->blk_match, 1, expr, -1, SQLITE_STATIC);
	match = *ok && sqlite3_step(c->blk_match) == SQLITE_ROW;
	sqlite3_reset(c->blk_match);
	sqlite3_reset(c->blk_ins);
	strbuf_done(&key);
	return match;
}

/*
 * The hits of an article: its blocks that match the query, or, when the
 * terms are only found in different blocks, those holding any term.  The
 * index only says that the article holds every word: an article where the
 * query does not match (a phrase's words apart) gives no hit.
 */
static bool
expand_doc(struct gather *g, const struct row *r, const char *fts, const char *any)
{
	struct doc *doc;
	size_t before = g->n;
	bool ok;

	if (doc_open_default(r->path, false, &doc) != GLOSS_OK) {	/* gone since: no hits */
		error_clear();
		return true;
	}
	ok = match_doc(g, r, doc, fts);
	/* when any is fts (one term, or ORs only), no block matching means no hit */
	if (ok && g->n == before && strcmp(fts, any) != 0 && doc_matches(g, doc, fts, &ok))
		ok = match_doc(g, r, doc, any);
	doc_free(doc);
	return ok;
}

/* The hit of an annotation field (its text is stored), if the query matches it. */
static bool
expand_field(struct gather *g, const struct row *r, const char *fts)
{
	struct pending p = { r->text, NULL, r->n, 0, r->off, NULL };
	size_t before = g->n;
	bool ok = match_blocks(g, r, fts, &p, 1);

	if (g->n > before) {	/* locate() gives notes and tags the annotation's range */
		g->v[g->n - 1].start = r->off;
		g->v[g->n - 1].end = r->off + r->len;
		set_percent(&g->v[g->n - 1], r->total);
	}
	return ok;
}

/* ------------------------------------------------------------------ */
/* Searching */

/*
 * The candidates come from FTS5 itself (ORDER BY rank inside the virtual
 * table, with a LIMIT, sorts there instead of in SQLite's sorter), a page
 * at a time: rows of directories outside the catalog's scope are dropped,
 * and articles where the query does not match give no hit, so pages are
 * read until the hits are complete or the candidates run out.  An article
 * gives one hit per matching block (in document order, all with the
 * article's rank).
 */
static const char search_sql[] =
	"SELECT r.kind, r.off, r.len, r.annot_id, r.text, d.path, d.title, d.text_len, f.score,"
	" d.dir IN (SELECT dir FROM temp.catalog_scope), r.pairs"
	" FROM (SELECT rowid AS id, rank AS score FROM catalog_fts WHERE catalog_fts MATCH ?1"
	" ORDER BY rank LIMIT ?2 OFFSET ?3) f"
	" JOIN catalog_rows r ON r.id = f.id JOIN catalog_docs d ON d.id = r.doc_id"
	" ORDER BY f.score, d.path, r.kind, r.off";

static void
read_row(sqlite3_stmt *st, struct row *r)
{
	r->kind = (enum catalog_kind)sqlite3_column_int(st, 0);
	r->off = (uint64_t)sqlite3_column_int64(st, 1);
	r->len = (uint64_t)sqlite3_column_int64(st, 2);
	r->annot_id = sqlite3_column_int64(st, 3);
	r->text = (const char *)sqlite3_column_text(st, 4);
	r->n = (size_t)sqlite3_column_bytes(st, 4);
	r->path = (const char *)sqlite3_column_text(st, 5);
	r->title = (const char *)sqlite3_column_text(st, 6);
	r->total = (uint64_t)sqlite3_column_int64(st, 7);
	r->score = sqlite3_column_double(st, 8);
	if (r->text == NULL)
		r->text = "", r->n = 0;
}

/* One page of candidates from offset: how many rows FTS5 gave (-1 on an error). */
static int64_t
gather_page(struct gather *g, sqlite3_stmt *st, const struct catalog_query *cp, int64_t page,
    int64_t offset, bool *ok)
{
	int64_t rows = 0;
	int step = SQLITE_DONE;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 2, page);
	sqlite3_bind_int64(st, 3, offset);
	while (*ok && !full(g) && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct row r;

		rows++;
		if (sqlite3_column_int(st, 9) == 0)	/* outside the catalog's directories */
			continue;
		if (!catalog_query_may_match(cp, sqlite3_column_blob(st, 10), (size_t)sqlite3_column_bytes(st, 10)))
			continue;	/* a phrase's neighbouring words are not */
		read_row(st, &r);
		*ok = r.kind == CATALOG_TEXT ? expand_doc(g, &r, cp->out.buf, cp->any.buf) :
		    expand_field(g, &r, cp->out.buf);
	}
	return step == SQLITE_DONE || step == SQLITE_ROW ? rows : -1;
}

static enum gloss_status
gather(struct gather *g, const char *query, const struct catalog_query *cp)
{
	sqlite3_stmt *st = catalog_prepare(g->c, search_sql);
	int64_t page = (int64_t)g->limit * 2 + 8, offset = 0, got = page;
	bool ok = true;

	if (st == NULL)
		return GLOSS_EDB;
	sqlite3_bind_text(st, 1, cp->cand.buf, -1, SQLITE_STATIC);
	while (ok && !full(g) && got == page) {
		if (offset > 0)
			page *= 2;	/* the query does not match many candidates */
		got = gather_page(g, st, cp, page, offset, &ok);
		offset += page;
	}
	sqlite3_finalize(st);
	if (!ok)
		return catalog_db_error(g->c, "cannot search the library index");
	if (got < 0)	/* SQLite's words about FTS5 syntax would not help */
		return error_set(GLOSS_EPARSE, "search: cannot search for \"%s\"", query);
	return GLOSS_OK;
}

/* One pass over the index: the words as written (forms false) or their forms. */
static enum gloss_status
search_pass(struct gather *g, const char *query, bool forms, bool *again)
{
	struct catalog_query cp = { .out = STRBUF_INIT, .any = STRBUF_INIT, .cand = STRBUF_INIT,
	    .want_any = true, .forms = forms };
	enum gloss_status rc = catalog_query_parse(query, &cp);

	if (rc != GLOSS_OK)
		return rc;
	*again = cp.has_forms;
	strbuf_grow(&cp.any, 0);
	strbuf_reset(&g->needles);
	find_needles(g, cp.any.buf);
	rc = gather(g, query, &cp);
	catalog_query_done(&cp);
	return rc;
}

enum gloss_status
catalog_search_count(struct catalog *c, const char *query, size_t limit,
    struct catalog_hit **out, size_t *n, size_t *more)
{
	struct gather g = { c, limit, more != NULL, NULL, 0, STRBUF_INIT, NULL, 0, 0 };
	enum gloss_status rc;
	bool forms = false;

	*out = NULL;
	*n = 0;
	if (more)
		*more = 0;
	/* one transaction for the temporary table's rows, not one per statement */
	if (!blocks_ready(c) || sqlite3_exec(c->h, "SAVEPOINT catalog_search", NULL, NULL, NULL) != SQLITE_OK)
		return catalog_db_error(c, "cannot search the library index");
	/* the words as written first, then their other forms */
	rc = search_pass(&g, query, false, &forms);
	if (rc == GLOSS_OK && forms && !full(&g))
		rc = search_pass(&g, query, true, &forms);
	sqlite3_exec(c->h, "RELEASE catalog_search", NULL, NULL, NULL);
	strbuf_done(&g.needles);
	free(g.places);
	if (rc != GLOSS_OK) {
		catalog_hits_free(g.v, g.n);
		return rc;
	}
	if (g.n > limit) {
		*more = g.n - limit;
		for (size_t i = limit; i < g.n; i++)
			hit_free(&g.v[i]);
		g.n = limit;
	}
	*out = g.v;
	*n = g.n;
	return GLOSS_OK;
}

enum gloss_status
catalog_search(struct catalog *c, const char *query, size_t limit, struct catalog_hit **out,
    size_t *n)
{
	return catalog_search_count(c, query, limit, out, n, NULL);
}

void
catalog_hits_free(struct catalog_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hit_free(&v[i]);
	free(v);
}

/* ------------------------------------------------------------------ */
/* The list */

enum gloss_status
catalog_list(struct catalog *c, struct catalog_entry **out, size_t *n)
{
	sqlite3_stmt *st = catalog_prepare(c, "SELECT id, path, title, author, date, size, mtime,"
	    " words, text_len, indexed FROM catalog_docs"
	    " WHERE dir IN (SELECT dir FROM temp.catalog_scope) ORDER BY path");
	int step;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return GLOSS_EDB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct catalog_entry *e;

		*out = xreallocarray(*out, *n + 1, sizeof **out);
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->path = catalog_column_str(st, 1);
		e->title = catalog_column_str(st, 2);
		e->author = catalog_column_str(st, 3);
		e->date = catalog_column_str(st, 4);
		e->size = (uint64_t)sqlite3_column_int64(st, 5);
		e->mtime_ns = sqlite3_column_int64(st, 6);
		e->words = (uint64_t)sqlite3_column_int64(st, 7);
		e->text_len = (uint64_t)sqlite3_column_int64(st, 8);
		e->indexed = sqlite3_column_int(st, 9) != 0;
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? GLOSS_OK : catalog_db_error(c, "cannot read the library index");
}

void
catalog_entries_free(struct catalog_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].title);
		free(v[i].author);
		free(v[i].date);
	}
	free(v);
}
