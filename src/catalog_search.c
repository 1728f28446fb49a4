/*
 * catalog_search — the library's list and its full-text search: turning a
 * user query into an FTS5 expression over fold keys, ranking, and mapping
 * each match back to the original text for its snippet.
 */
#include "gloss/gloss.h"

#include <unictype.h>

#include "catalog_int.h"
#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define MARK_OPEN '\x01'	/* what highlight() puts around matches */
#define MARK_CLOSE '\x02'

/* ------------------------------------------------------------------ */
/* Queries */

/* True if a fold key holds a letter or a digit (something the tokenizer keeps). */
static bool
has_token(const char *s, size_t n)
{
	for (size_t i = 0; i < n; ) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		if (uc_is_alnum(cp))
			return true;
	}
	return false;
}

/* Appends one term, folded and quoted, with '*' for a prefix. */
static enum gloss_status
add_term(struct strbuf *out, const char *s, size_t n, bool prefix, const char *query)
{
	struct strbuf key = STRBUF_INIT;

	fold_key(s, n, &key);
	if (!has_token(key.buf ? key.buf : "", key.len)) {
		strbuf_done(&key);
		return error_set(GLOSS_EPARSE, "search: \"%.*s\" has no letters or digits to look for"
		    " (in the query \"%s\")", (int)n, s, query);
	}
	if (out->len)
		strbuf_addc(out, ' ');
	strbuf_addc(out, '"');
	for (size_t i = 0; i < key.len; i++) {
		if (key.buf[i] == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, key.buf[i]);
	}
	strbuf_addc(out, '"');
	if (prefix)
		strbuf_adds(out, " *");
	strbuf_done(&key);
	return GLOSS_OK;
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A bare word s[0..n): OR, or a term with an optional final '*'. */
static enum gloss_status
add_word(struct strbuf *out, const char *s, size_t n, bool *want_term, const char *query)
{
	const char *star = memchr(s, '*', n);

	if (n == 2 && memcmp(s, "OR", 2) == 0) {
		if (*want_term)
			return error_set(GLOSS_EPARSE, "search: OR needs a word on both sides"
			    " (in the query \"%s\")", query);
		strbuf_adds(out, " OR");
		*want_term = true;
		return GLOSS_OK;
	}
	if (star && star != s + n - 1)
		return error_set(GLOSS_EPARSE, "search: '*' may only end a word (in the query \"%s\")",
		    query);
	if (n == 1 && star)
		return error_set(GLOSS_EPARSE, "search: '*' needs a word before it (in the query \"%s\")",
		    query);
	*want_term = false;
	return add_term(out, s, star ? n - 1 : n, star != NULL, query);
}

enum gloss_status
catalog_query_compile(const char *query, char **fts)
{
	struct strbuf out = STRBUF_INIT;
	enum gloss_status rc = GLOSS_OK;
	bool want_term = true;	/* OR may not come first */
	size_t i = 0, n = strlen(query);

	*fts = NULL;
	while (i < n && rc == GLOSS_OK) {
		size_t j;

		if (is_space(query[i])) {
			i++;
		} else if (query[i] == '"') {
			const char *close = memchr(query + i + 1, '"', n - i - 1);
			bool prefix;

			if (close == NULL) {
				rc = error_set(GLOSS_EPARSE, "search: a quoted phrase is not closed"
				    " (in the query \"%s\")", query);
				break;
			}
			j = (size_t)(close - query);
			prefix = j + 1 < n && query[j + 1] == '*';
			rc = add_term(&out, query + i + 1, j - i - 1, prefix, query);
			want_term = false;
			i = j + 1 + prefix;
		} else {
			for (j = i; j < n && !is_space(query[j]) && query[j] != '"'; j++)
				;
			rc = add_word(&out, query + i, j - i, &want_term, query);
			i = j;
		}
	}
	if (rc == GLOSS_OK && out.len == 0)
		rc = error_set(GLOSS_EPARSE, "search: the query is empty");
	if (rc == GLOSS_OK && want_term)
		rc = error_set(GLOSS_EPARSE, "search: OR needs a word on both sides (in the query \"%s\")",
		    query);
	if (rc != GLOSS_OK) {
		strbuf_done(&out);
		return rc;
	}
	*fts = strbuf_detach(&out, NULL);
	return GLOSS_OK;
}

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

/* Appends s[a..z) with line ends as spaces. */
static void
add_flat(struct strbuf *out, const char *s, size_t a, size_t z)
{
	for (size_t i = a; i < z; i++)
		strbuf_addc(out, s[i] == '\n' ? ' ' : s[i]);
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
	add_flat(&out, text, a, start);
	h->mark_start = out.len;
	add_flat(&out, text, start, end);
	h->mark_end = out.len;
	add_flat(&out, text, end, z);
	if (z < n)
		strbuf_adds(&out, "…");
	h->snippet = strbuf_detach(&out, NULL);
}

/* Finds the match in the original text of the row and fills the hit. */
static void
locate(struct catalog_hit *h, const char *text, size_t n, const char *marked, uint64_t off,
    uint64_t len)
{
	struct strbuf key = STRBUF_INIT;
	uint32_t *map = NULL;
	size_t a, b, start = 0, end = 0;

	if (marked && marked_range(marked, &a, &b)) {
		fold_key_mapped(text, n, &key, &map);
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
/* Searching */

/*
 * The best rows come from FTS5 itself (ORDER BY rank inside the virtual
 * table, with a LIMIT, sorts there instead of in SQLite's sorter); rows of
 * directories outside the catalog's scope are dropped afterwards, so a few
 * more are asked for.
 */
static const char search_sql[] =
	"SELECT p.kind, p.seq, p.off, p.len, p.annot_id, p.heading, p.text, d.path, d.title,"
	" d.text_len, f.marked, f.score"
	" FROM (SELECT rowid AS id, highlight(catalog_fts, 0, char(1), char(2)) AS marked,"
	" rank AS score FROM catalog_fts WHERE catalog_fts MATCH ?1 ORDER BY rank LIMIT ?3) f"
	" JOIN catalog_paras p ON p.id = f.id JOIN catalog_docs d ON d.id = p.doc_id"
	" WHERE d.dir IN (SELECT dir FROM temp.catalog_scope)"
	" ORDER BY f.score, d.path, p.off LIMIT ?2";

static void
read_hit(sqlite3_stmt *st, struct catalog_hit *h)
{
	const char *text = (const char *)sqlite3_column_text(st, 6);
	size_t n = (size_t)sqlite3_column_bytes(st, 6);
	uint64_t off = (uint64_t)sqlite3_column_int64(st, 2), len = (uint64_t)sqlite3_column_int64(st, 3);
	uint64_t total = (uint64_t)sqlite3_column_int64(st, 9);

	memset(h, 0, sizeof *h);
	h->kind = (enum catalog_kind)sqlite3_column_int(st, 0);
	h->para = (uint32_t)sqlite3_column_int64(st, 1);
	h->annot_id = sqlite3_column_int64(st, 4);
	h->heading = catalog_column_str(st, 5);
	h->path = catalog_column_str(st, 7);
	h->title = catalog_column_str(st, 8);
	h->rank = sqlite3_column_double(st, 11);
	locate(h, text ? text : "", text ? n : 0, (const char *)sqlite3_column_text(st, 10), off, len);
	h->percent = total ? 100.0 * (double)h->start / (double)total : 0.0;
	if (h->percent > 100.0)
		h->percent = 100.0;
}

enum gloss_status
catalog_search(struct catalog *c, const char *query, size_t limit, struct catalog_hit **out,
    size_t *n)
{
	char *fts;
	enum gloss_status rc = catalog_query_compile(query, &fts);
	sqlite3_stmt *st;
	int step;

	*out = NULL;
	*n = 0;
	if (rc != GLOSS_OK)
		return rc;
	if ((st = catalog_prepare(c, search_sql)) == NULL) {
		free(fts);
		return GLOSS_EDB;
	}
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)limit * 4 + 16);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		read_hit(st, &(*out)[(*n)++]);
	}
	if (step != SQLITE_DONE)	/* SQLite's own words about FTS5 syntax would not help */
		rc = error_set(GLOSS_EPARSE, "search: cannot search for \"%s\"", query);
	sqlite3_finalize(st);
	free(fts);
	return rc;
}

void
catalog_hits_free(struct catalog_hit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].title);
		free(v[i].heading);
		free(v[i].snippet);
	}
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
