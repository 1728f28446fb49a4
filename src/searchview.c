/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * searchview — the hits of a library search (see include/gloss/searchview.h):
 * drawing a hit on one row with its match in view, the pattern handed to
 * the pager, opening a hit.
 */
#include "gloss/gloss.h"

#include <unistr.h>

#include "gloss/display.h"
#include "gloss/doc.h"
#include "gloss/fold.h"
#include "gloss/listview.h"
#include "gloss/locator.h"
#include "gloss/options.h"
#include "gloss/pager.h"
#include "gloss/searchview.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define W_TITLE 28		/* the title column */
#define W_PLACE 10		/* the location column ("¶123 45%") */
#define MIN_BEFORE 10		/* columns of context before the match, at least */

struct searchview {
	char *query;
	struct catalog_hit *hits;
	size_t n;
	struct store **stp;
	const char *db_path;
	struct view *view;	/* the list */
};

static const char *const kind_names[] = { "text", "note", "quote", "tags" };

/* ------------------------------------------------------------------ */
/* The pager's pattern */

/*
 * Splits the query into its terms: words, "phrases" (their words), prefixes
 * without '*', =words without '='; not OR.
 */
static size_t
query_terms(const char *q, char ***out)
{
	char **v = NULL;
	size_t n = 0;

	while (*q) {
		const char *start, *end;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '\0')
			break;
		if (*q == '=')	/* the exact form: the word itself */
			q++;
		if (*q == '"') {
			start = ++q;
			end = strchr(q, '"');
			end = end ? end : q + strlen(q);
			q = *end ? end + 1 : end;
		} else {
			start = q;
			while (*q && *q != ' ' && *q != '\t')
				q++;
			end = q;
		}
		while (end > start && end[-1] == '*')
			end--;
		if (end == start || (end - start == 2 && memcmp(start, "OR", 2) == 0))
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xasprintf("%.*s", (int)(end - start), start);
	}
	*out = v;
	return n;
}

void
searchview_pattern(const char *query, const char *match, size_t n, struct strbuf *out)
{
	struct strbuf mkey = STRBUF_INIT, tkey = STRBUF_INIT;
	char **terms;
	size_t nterms = query_terms(query, &terms);
	bool found = false;

	strbuf_reset(out);
	fold_key(match, n, &mkey);
	for (size_t i = 0; i < nterms; i++) {
		strbuf_reset(&tkey);
		fold_key(terms[i], strlen(terms[i]), &tkey);
		if (!found && tkey.len && tkey.len <= mkey.len &&
		    memcmp(strbuf_str(&tkey), strbuf_str(&mkey), tkey.len) == 0) {
			strbuf_adds(out, terms[i]);
			found = true;
		}
		free(terms[i]);
	}
	free(terms);
	if (!found)
		strbuf_add(out, match, n);
	strbuf_done(&mkey);
	strbuf_done(&tkey);
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
put(int y, int *x, int limit, const char *s, size_t n, struct display_attr a)
{
	if (*x < limit && n > 0)
		*x += display_put(stdscr, y, *x, s, n, limit - *x, a, opt_glyphs);
}

/* The start of the context before the match: at most `cols` columns of s[0..mark). */
static size_t
context_start(const char *s, size_t mark, int cols)
{
	const uint8_t *base = (const uint8_t *)s, *p = base + mark;
	int w = 0;

	while (p > base) {
		ucs4_t uc;
		const uint8_t *prev = u8_prev(&uc, p, base);
		int cw;

		if (prev == NULL)
			break;
		cw = display_width((const char *)prev, (size_t)(p - prev), opt_glyphs);
		if (w + cw > cols)
			break;
		w += cw;
		p = prev;
	}
	return (size_t)(p - base);
}

static void
location(const struct catalog_hit *h, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	if (h->kind != CATALOG_TEXT)
		strbuf_addf(&sb, "%s %d%%", kind_names[h->kind], (int)h->percent);
	else
		locator_append(&sb, h->para, (unsigned)h->percent);
	snprintf(buf, size, "%s", strbuf_str(&sb));
	strbuf_done(&sb);
}

/* The snippet on one line: white space (newlines of code, tabs) drawn as spaces. */
static char *
one_line(const char *s)
{
	struct strbuf t = STRBUF_INIT;

	text_one_line(&t, s, strlen(s), 0);
	return strbuf_detach(&t, NULL);
}

static void
sv_draw(void *arg, size_t i, int y, int x, int width, bool selected)
{
	struct searchview *sv = arg;
	const struct catalog_hit *h = &sv->hits[i];
	struct display_attr base = display_style(selected ? DISPLAY_SELECTED : DISPLAY_NORMAL);
	struct display_attr dim = selected ? base : display_style(DISPLAY_DIM);
	int limit = x + width - 1, cx = x + 1, room;
	const char *title = h->title ? h->title : h->path;
	char place[64], *snip = one_line(h->snippet);
	size_t from, len = strlen(snip);

	put(y, &cx, GLOSS_MIN(limit, x + 1 + W_TITLE), title, strlen(title), dim);
	cx = x + 1 + W_TITLE + 2;
	location(h, place, sizeof place);
	put(y, &cx, GLOSS_MIN(limit, x + 3 + W_TITLE + W_PLACE), place, strlen(place), dim);
	cx = x + 3 + W_TITLE + W_PLACE + 2;
	room = limit - cx - display_width(snip + h->mark_start, h->mark_end - h->mark_start,
	    opt_glyphs);
	from = context_start(snip, h->mark_start, GLOSS_MAX(MIN_BEFORE, room / 3));
	if (from > 0)
		put(y, &cx, limit, "…", strlen("…"), dim);
	put(y, &cx, limit, snip + from, h->mark_start - from, base);
	put(y, &cx, limit, snip + h->mark_start, h->mark_end - h->mark_start,
	    display_style(DISPLAY_MATCH));
	put(y, &cx, limit, snip + h->mark_end, len - h->mark_end, base);
	free(snip);
}

/* What `/` looks in: title, heading, snippet. */
static void
sv_text(void *arg, size_t i, struct strbuf *out)
{
	const struct catalog_hit *h = &((struct searchview *)arg)->hits[i];

	strbuf_addf(out, "%s\n%s\n%s", h->title ? h->title : h->path, h->heading ? h->heading : "",
	    h->snippet);
}

static void
sv_status(void *arg, struct strbuf *left, struct strbuf *right)
{
	struct searchview *sv = arg;
	size_t row;

	(void)right;
	strbuf_addf(left, "Search: %s · %zu hit%s", sv->query, sv->n, sv->n == 1 ? "" : "s");
	if (listview_selected(sv->view, &row, NULL) && sv->hits[row].heading)
		strbuf_addf(left, " · %s", sv->hits[row].heading);
}

/* ------------------------------------------------------------------ */
/* Opening a hit */

/* The distinct documents of the hits, in rank order (the pager's files); *at is h's. */
static char **
hit_paths(struct searchview *sv, const struct catalog_hit *h, size_t *n, size_t *at)
{
	char **v = xcalloc(sv->n, sizeof *v);

	*n = 0;
	for (size_t i = 0; i < sv->n; i++) {
		size_t k;

		for (k = 0; k < *n && strcmp(v[k], sv->hits[i].path) != 0; k++)
			;
		if (k == *n)
			v[(*n)++] = sv->hits[i].path;
		if (strcmp(v[k], h->path) == 0)
			*at = k;
	}
	return v;
}

static void
open_hit(struct searchview *sv, const struct catalog_hit *h)
{
	struct strbuf pattern = STRBUF_INIT;
	struct doc *doc;
	struct view *pv;
	size_t n, at = 0;
	char **paths;
	enum gloss_status rc = doc_open_default(h->path, opt_force, &doc);

	if (rc != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	paths = hit_paths(sv, h, &n, &at);
	pv = pager_view_new(paths, n, at, doc, sv->stp, sv->db_path);
	free(paths);
	if (!view_push(pv))
		return;
	searchview_pattern(sv->query, h->snippet + h->mark_start, h->mark_end - h->mark_start,
	    &pattern);
	if (pager_show_match(pv, h->path, h->start, h->end, strbuf_str(&pattern)) &&
	    h->kind != CATALOG_TEXT)
		view_message("Found in the %s of the highlight here", h->kind == CATALOG_NOTE ? "note" :
		    h->kind == CATALOG_TAGS ? "tags" : "text");
	strbuf_done(&pattern);
}

static enum view_result
sv_request(void *arg, struct view *v, enum action a, const struct key *k)
{
	struct searchview *sv = arg;
	size_t row;

	(void)k;
	if (a != ACTION_ENTER)
		return VIEW_UNHANDLED;
	if (listview_selected(v, &row, NULL))
		open_hit(sv, &sv->hits[row]);
	return VIEW_HANDLED;
}

static size_t
sv_count(void *arg)
{
	return ((struct searchview *)arg)->n;
}

static uint64_t
sv_key(void *arg, size_t i)
{
	(void)arg;
	return (uint64_t)i;
}

static void
sv_done(void *arg)
{
	struct searchview *sv = arg;

	catalog_hits_free(sv->hits, sv->n);
	free(sv->query);
	free(sv);
}

static const struct listview_ops searchview_ops = {
	.count = sv_count,
	.key = sv_key,
	.draw = sv_draw,
	.text = sv_text,
	.request = sv_request,
	.status = sv_status,
	.done = sv_done,
	.empty = "Nothing found",
};

struct view *
searchview_new(const char *query, struct catalog_hit *hits, size_t n, struct store **stp,
    const char *db_path)
{
	struct searchview *sv = xcalloc(1, sizeof *sv);

	sv->query = xstrdup(query);
	sv->hits = hits;
	sv->n = n;
	sv->stp = stp;
	sv->db_path = db_path;
	sv->view = listview_new(&searchview_ops, sv);
	return sv->view;
}
