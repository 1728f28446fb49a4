/*
 * search — folded-key search over blocks and over the whole document.
 *
 * A block's text is folded with a byte map (fold_key_mapped), the pattern's
 * key is found with memmem, and each hit is mapped back to a byte range of
 * the block text.  Walking the document goes block by block, chunk by
 * chunk, dropping parsed chunks behind it (doc_trim) so that searching a
 * large file does not keep it in memory, and asking the caller between
 * chunks whether to go on.
 */
#include "gloss/gloss.h"

#include "gloss/fold.h"
#include "gloss/search.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

struct search {
	char *pattern;
	char *key;
	size_t keylen;
	struct strbuf folded;		/* scratch: the folded block */
	uint32_t *map;			/* scratch: its byte map */
	struct search_match *matches;
	size_t nmatches, cap;
};

struct search *
search_new(const char *pattern, size_t n)
{
	struct strbuf key = STRBUF_INIT;
	struct search *s;

	fold_key(pattern, n, &key);
	if (key.len == 0 || (key.len == 1 && key.buf[0] == ' ')) {
		strbuf_done(&key);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->pattern = xmemdup(pattern, n);
	s->key = strbuf_detach(&key, &s->keylen);
	strbuf_init(&s->folded);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pattern);
	free(s->key);
	strbuf_done(&s->folded);
	free(s->map);
	free(s->matches);
	free(s);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

static void
add_match(struct search *s, uint32_t start, uint32_t end)
{
	if (s->nmatches == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->matches = xreallocarray(s->matches, s->cap, sizeof *s->matches);
	}
	s->matches[s->nmatches].start = start;
	s->matches[s->nmatches].end = end;
	s->nmatches++;
}

size_t
search_block(struct search *s, const char *text, size_t len, const struct search_match **out)
{
	const char *k, *hit, *end;

	s->nmatches = 0;
	*out = NULL;
	if (len == 0)
		return 0;
	strbuf_reset(&s->folded);
	free(s->map);
	s->map = NULL;
	fold_key_mapped(text, len, &s->folded, &s->map);
	k = strbuf_str(&s->folded);
	end = k + s->folded.len;
	while ((hit = memmem(k, (size_t)(end - k), s->key, s->keylen)) != NULL) {
		size_t a = (size_t)(hit - strbuf_str(&s->folded));
		size_t b = a + s->keylen;

		add_match(s, s->map[a], fold_map_end(s->map, s->folded.len, b, len));
		k = hit + s->keylen;
	}
	*out = s->matches;
	return s->nmatches;
}

/* The first match starting at or after off, or the last one before off. */
static bool
pick(struct search *s, struct doc_block *b, uint32_t off, bool backward, struct search_match *m)
{
	const struct search_match *v;
	size_t n = search_block(s, b->text, b->len, &v);

	if (backward) {
		for (size_t i = n; i-- > 0;) {
			if (v[i].start < off) {
				*m = v[i];
				return true;
			}
		}
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].start >= off) {
			*m = v[i];
			return true;
		}
	}
	return false;
}

struct walk {
	struct search *s;
	struct doc *doc;
	bool backward;
	search_progress_fn progress;
	void *arg;
	uint32_t chunk;		/* chunk of the previous block, to notice chunk changes */
};

/* Steps to the next block in the search direction, reporting progress at chunk changes. */
static int
step(struct walk *w, struct doc_loc *loc)
{
	bool moved = w->backward ? doc_prev(w->doc, loc) : doc_next(w->doc, loc);

	if (!moved)
		return 0;
	if (loc->chunk != w->chunk) {
		w->chunk = loc->chunk;
		doc_trim(w->doc);
		if (w->progress && !w->progress(w->arg, doc_fraction(w->doc, *loc, 0)))
			return -1;
	}
	return 1;
}

/* Searches from (loc, off) to the end (or start); stops at `stop` if given. */
static enum search_result
scan(struct walk *w, struct doc_loc loc, uint32_t off, const struct doc_loc *stop,
    struct doc_loc *found, struct search_match *m)
{
	int r;

	w->chunk = loc.chunk;
	for (;;) {
		struct doc_block *b = doc_block(w->doc, loc);

		if (b && pick(w->s, b, off, w->backward, m)) {
			*found = loc;
			return SEARCH_FOUND;
		}
		if (stop && doc_loc_cmp(loc, *stop) == 0)
			return SEARCH_NONE;
		r = step(w, &loc);
		if (r < 0)
			return SEARCH_CANCELLED;
		if (r == 0)
			return SEARCH_NONE;
		b = doc_block(w->doc, loc);
		off = w->backward ? (b ? b->len + 1 : 0) : 0;
	}
}

enum search_result
search_doc(struct search *s, struct doc *doc, struct doc_loc from, uint32_t off, bool backward,
    search_progress_fn progress, void *arg, struct doc_loc *loc, struct search_match *m,
    bool *wrapped)
{
	struct walk w = { s, doc, backward, progress, arg, from.chunk };
	struct doc_loc start;
	enum search_result r;

	*wrapped = false;
	r = scan(&w, from, off, NULL, loc, m);
	if (r != SEARCH_NONE)
		return r;
	if (!(backward ? doc_last(doc, &start) : doc_first(doc, &start)))
		return SEARCH_NONE;
	*wrapped = true;
	return scan(&w, start, backward ? UINT32_MAX : 0, &from, loc, m);
}
