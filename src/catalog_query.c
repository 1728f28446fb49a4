/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_query — a library query (words, "phrases", prefix*, =as written,
 * OR) turned into FTS5 expressions over fold keys: the expression itself,
 * the one matching any of its terms, the candidates' expression over the
 * index, and the pairs of neighbouring words the articles' filters are
 * asked about.  catalog_search.c runs them.
 */
#include "gloss/gloss.h"

#include <unictype.h>

#include "catalog_int.h"
#include "gloss/fold.h"
#include "gloss/stem.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

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


void
catalog_query_done(struct catalog_query *cp)
{
	strbuf_done(&cp->out);
	strbuf_done(&cp->any);
	strbuf_done(&cp->cand);
	stem_free(cp->stem);
	cp->stem = NULL;
	free(cp->terms);
	free(cp->pairs);
}

/* Records a term's pairs of words (hashes h[0..n); a prefix's last word pairs with nothing). */
static void
add_pairs(struct catalog_query *cp, const uint32_t *h, size_t n, bool prefix, bool new_group)
{
	struct qterm *t;

	cp->terms = xreallocarray(cp->terms, cp->nterms + 1, sizeof *cp->terms);
	t = &cp->terms[cp->nterms++];
	t->new_group = new_group;
	t->first = cp->npairs;
	t->n = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (prefix && i + 2 == n)
			break;
		cp->pairs = xreallocarray(cp->pairs, cp->npairs + 1, sizeof *cp->pairs);
		cp->pairs[cp->npairs][0] = h[i];
		cp->pairs[cp->npairs][1] = h[i + 1];
		cp->npairs++;
		t->n++;
	}
}

/* Whether an article with this filter may match: every term of some group may be there. */
bool
catalog_query_may_match(const struct catalog_query *cp, const void *filter, size_t n)
{
	bool group = true;

	for (size_t i = 0; i < cp->nterms; i++) {
		const struct qterm *t = &cp->terms[i];

		if (t->new_group && i > 0) {
			if (group)
				return true;
			group = true;
		}
		for (size_t k = t->first; group && k < t->first + t->n; k++)
			group = catalog_pairs_may_hold(filter, n, cp->pairs[k][0], cp->pairs[k][1]);
	}
	return group;
}

/* The hash of the word form of w[0..n) (itself if it is one), as the articles' filters hold it. */
static uint32_t
form_hash(struct catalog_query *cp, const char *w, size_t n)
{
	struct strbuf f = STRBUF_INIT;
	uint32_t h;

	if (n > 0 && w[0] == CATALOG_STEM_MARK)
		return catalog_word_hash(w, n);
	catalog_form(cp->stem, w, n, &f);
	h = catalog_word_hash(f.buf, f.len);
	strbuf_done(&f);
	return h;
}

/* Appends the words of the fold key k[0..n) to cp->cand as ("w1" "w2" *). */
static void
add_cand(struct catalog_query *cp, const char *k, size_t n, bool prefix)
{
	struct strbuf *cand = &cp->cand;
	uint32_t *h = NULL;
	size_t i = 0, nh = 0;
	bool first = true, new_group = cand->len == 0;

	/* FTS5 takes no implicit AND between parentheses */
	if (cand->len >= 3 && memcmp(cand->buf + cand->len - 3, " OR", 3) == 0) {
		strbuf_addc(cand, ' ');
		new_group = true;
	} else if (cand->len) {
		strbuf_adds(cand, " AND ");
	}
	strbuf_addc(cand, '(');
	while (i < n) {
		size_t start, len;

		while (i < n && (len = catalog_token_char(k, n, i)) == 0)
			i += (size_t)text_cplen(k + i, n - i);
		if (i >= n)
			break;
		start = i;
		do
			i += len;
		while (i < n && (len = catalog_token_char(k, n, i)) != 0);
		if (!first)
			strbuf_adds(cand, k[start] == CATALOG_STEM_MARK ? " AND " : " ");
		first = false;
		if (k[start] == CATALOG_STEM_MARK) {	/* a form the index may hold as a word */
			strbuf_addf(cand, "(\"%.*s\" OR \"%.*s\")", (int)(i - start), k + start,
			    (int)(i - start - 1), k + start + 1);
		} else {
			strbuf_addc(cand, '"');
			strbuf_add(cand, k + start, i - start);	/* token characters: never a quote */
			strbuf_addc(cand, '"');
		}
		h = xreallocarray(h, nh + 1, sizeof *h);
		h[nh++] = form_hash(cp, k + start, i - start);
	}
	if (prefix)
		strbuf_adds(cand, " *");
	strbuf_addc(cand, ')');
	add_pairs(cp, h, nh, prefix, new_group);
	free(h);
}

/* Replaces each word of the fold key by its form (the phrase of their forms). */
static void
to_forms(struct catalog_query *cp, struct strbuf *key)
{
	struct strbuf f = STRBUF_INIT;
	size_t i = 0, n = key->len, len;

	while (i < n) {
		size_t start;

		while (i < n && (len = catalog_token_char(key->buf, n, i)) == 0)
			i += (size_t)text_cplen(key->buf + i, n - i);
		if (i >= n)
			break;
		for (start = i; i < n && (len = catalog_token_char(key->buf, n, i)) != 0; )
			i += len;
		if (f.len)
			strbuf_addc(&f, ' ');
		catalog_form(cp->stem, key->buf + start, i - start, &f);
	}
	strbuf_reset(key);
	strbuf_add(key, f.buf ? f.buf : "", f.len);
	strbuf_done(&f);
}

/*
 * Copies s[0..n) to out without note markers: [^label] anywhere and [12]
 * after a word (superscripts are no token characters at all).
 */
static void
strip_markers(const char *s, size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '[') {
			size_t j = i + 1;
			bool caret = j < n && s[j] == '^';

			j += caret;
			while (j < n && s[j] != ']' && !is_space(s[j]) && (caret ||
			    (s[j] >= '0' && s[j] <= '9')))
				j++;
			if (j < n && s[j] == ']' && j > i + 1 + caret && (caret ||
			    (i > 0 && !is_space(s[i - 1])))) {
				i = j;
				continue;
			}
		}
		strbuf_addc(out, s[i]);
	}
}

/*
 * Appends one term to out, folded and quoted, with '*' for a prefix; and to
 * any after an OR.  exact: the words as written (=word), not their forms.
 */
static enum gloss_status
add_term(struct catalog_query *cp, const char *s, size_t n, bool prefix, bool exact, const char *query)
{
	struct strbuf *out = &cp->out, *any = cp->want_any ? &cp->any : NULL;
	struct strbuf key = STRBUF_INIT, bare = STRBUF_INIT;
	size_t from;

	strip_markers(s, n, &bare);
	fold_key(bare.buf ? bare.buf : "", bare.len, &key);
	strbuf_done(&bare);
	if (!has_token(key.buf ? key.buf : "", key.len)) {
		strbuf_done(&key);
		return error_set(GLOSS_EPARSE, "search: \"%.*s\" has no letters or digits to look for"
		    " (in the query \"%s\")", (int)n, s, query);
	}
	if (!exact && !prefix) {
		cp->has_forms = true;
		if (cp->forms)
			to_forms(cp, &key);
	}
	if (out->len)
		strbuf_addc(out, ' ');
	from = out->len;
	strbuf_addc(out, '"');
	for (size_t i = 0; i < key.len; i++) {
		if (key.buf[i] == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, key.buf[i]);
	}
	strbuf_addc(out, '"');
	if (prefix)
		strbuf_adds(out, " *");
	add_cand(cp, key.buf, key.len, prefix);
	if (any) {
		if (any->len)
			strbuf_adds(any, " OR ");
		strbuf_add(any, out->buf + from, out->len - from);
	}
	strbuf_done(&key);
	return GLOSS_OK;
}


/* A bare word s[0..n): OR, or a term with an optional final '*' (exact: after '='). */
static enum gloss_status
add_word(struct catalog_query *cp, const char *s, size_t n, bool exact, bool *want_term,
    const char *query)
{
	const char *star = memchr(s, '*', n);

	if (!exact && n == 2 && memcmp(s, "OR", 2) == 0) {
		if (*want_term)
			return error_set(GLOSS_EPARSE, "search: OR needs a word on both sides"
			    " (in the query \"%s\")", query);
		strbuf_adds(&cp->out, " OR");
		strbuf_adds(&cp->cand, " OR");
		*want_term = true;
		return GLOSS_OK;
	}
	if (star && star != s + n - 1)
		return error_set(GLOSS_EPARSE, "search: '*' may only end a word (in the query \"%s\")",
		    query);
	if (n == 1 && star)
		return error_set(GLOSS_EPARSE, "search: '*' needs a word before it (in the query \"%s\")",
		    query);
	if (n == 0)
		return error_set(GLOSS_EPARSE, "search: '=' needs a word or a quoted phrase after it"
		    " (in the query \"%s\")", query);
	*want_term = false;
	return add_term(cp, s, star ? n - 1 : n, star != NULL, exact, query);
}

/*
 * Compiles query into cp (see struct catalog_query); on an error its buffers
 * are freed.
 */
enum gloss_status
catalog_query_parse(const char *query, struct catalog_query *cp)
{
	enum gloss_status rc = GLOSS_OK;
	bool want_term = true;	/* OR may not come first */
	size_t i = 0, n = strlen(query);

	catalog_token_init();
	cp->stem = stem_new();
	while (i < n && rc == GLOSS_OK) {
		size_t j;
		bool exact = query[i] == '=';

		i += exact;
		if (is_space(query[i]) && !exact) {
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
			rc = add_term(cp, query + i + 1, j - i - 1, prefix, exact, query);
			want_term = false;
			i = j + 1 + prefix;
		} else {
			for (j = i; j < n && !is_space(query[j]) && query[j] != '"'; j++)
				;
			rc = add_word(cp, query + i, j - i, exact, &want_term, query);
			i = j;
		}
	}
	if (rc == GLOSS_OK && cp->out.len == 0)
		rc = error_set(GLOSS_EPARSE, "search: the query is empty");
	if (rc == GLOSS_OK && want_term)
		rc = error_set(GLOSS_EPARSE, "search: OR needs a word on both sides (in the query \"%s\")",
		    query);
	if (rc != GLOSS_OK)
		catalog_query_done(cp);
	return rc;
}

enum gloss_status
catalog_query_compile(const char *query, char **fts)
{
	struct catalog_query cp = { .out = STRBUF_INIT, .any = STRBUF_INIT, .cand = STRBUF_INIT };
	enum gloss_status rc = catalog_query_parse(query, &cp);

	*fts = NULL;
	if (rc != GLOSS_OK)
		return rc;
	*fts = strbuf_detach(&cp.out, NULL);
	catalog_query_done(&cp);
	return GLOSS_OK;
}
