/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * links — collects the links of a document (include/gloss/links.h): the
 * LINK spans of every block, then the bare URLs of its text that no span
 * covers, found by typo_url_next() and trimmed here.
 */
#include "gloss/gloss.h"

#include <strings.h>
#include <unicase.h>

#include "gloss/links.h"
#include "gloss/sorted.h"
#include "gloss/typo.h"
#include "gloss/xmalloc.h"

struct links {
	struct links_link *links;
	size_t count, cap;
};

/* ------------------------------------------------------------------ */
/* Hosts */

char *
links_host(const char *url)
{
	const char *h = url, *e, *at;
	size_t hn, ln;
	uint8_t *lower;
	char *out;

	if ((e = strstr(url, "://")) != NULL && strcspn(url, "/?#") > (size_t)(e - url))
		h = e + 3;
	else if (strncasecmp(url, "mailto:", 7) == 0)
		h = url + 7;
	else if (strncasecmp(url, "www.", 4) != 0)
		return xstrdup("");	/* relative, #fragment, other schemes */
	hn = strcspn(h, "/?#");
	if ((at = memchr(h, '@', hn)) != NULL) {	/* user@host */
		hn -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	if (h[0] != '[' && (e = memchr(h, ':', hn)) != NULL)
		hn = (size_t)(e - h);	/* :port */
	if (hn >= 4 && strncasecmp(h, "www.", 4) == 0) {
		h += 4;
		hn -= 4;
	}
	lower = u8_tolower((const uint8_t *)h, hn, NULL, UNINORM_NFC, NULL, &ln);
	if (lower == NULL)
		return xstrndup(h, hn);
	out = xstrndup((const char *)lower, ln);
	free(lower);
	return out;
}

/* ------------------------------------------------------------------ */
/* Bare URLs */

/* Is the code point ending at s[z] closing punctuation that ends a sentence or quote? */
static size_t
trailing_len(const char *s, size_t a, size_t z)
{
	static const char *const quotes[] = { "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6" };
	unsigned char c = (unsigned char)s[z - 1];

	if (strchr(".,;:!?'\"", c))
		return 1;
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(quotes); k++) {
		size_t len = strlen(quotes[k]);

		if (z - a > len && memcmp(s + z - len, quotes[k], len) == 0)
			return len;
	}
	return 0;
}

/* Counts c in s[a..z). */
static size_t
count_char(const char *s, size_t a, size_t z, char c)
{
	size_t k = 0;

	for (size_t i = a; i < z; i++)
		k += s[i] == c;
	return k;
}

/* The end of the URL in s[a..z): trailing punctuation and unbalanced ) ] } dropped. */
static size_t
trim_url(const char *s, size_t a, size_t z)
{
	static const char *const cut = "<>\"`";

	for (size_t i = a; i < z; i++)
		if (strchr(cut, s[i]) || (z - i >= 2 && memcmp(s + i, "\xC2\xBB", 2) == 0) ||
		    (z - i >= 3 && memcmp(s + i, "\xE2\x80\x9D", 3) == 0)) {
			z = i;	/* characters a URL cannot hold end it: », ” */
			break;
		}
	for (;;) {
		size_t t = z > a ? trailing_len(s, a, z) : 0;
		char c = z > a ? s[z - 1] : 0;

		if (t > 0)
			z -= t;
		else if ((c == ')' && count_char(s, a, z, '(') < count_char(s, a, z, ')')) ||
		    (c == ']' && count_char(s, a, z, '[') < count_char(s, a, z, ']')) ||
		    (c == '}' && count_char(s, a, z, '{') < count_char(s, a, z, '}')))
			z--;
		else
			return z;
	}
}

/* Is [a, z) inside a LINK span of b? */
static bool
in_span(const struct doc_block *b, size_t a, size_t z)
{
	for (uint32_t k = 0; k < b->nspans; k++)
		if (b->spans[k].kind == DOC_SPAN_LINK && b->spans[k].start < z && a < b->spans[k].end)
			return true;
	return false;
}

/* Does the URL s[a..z) have a host after its scheme ("https://x", "www.x.y", "mailto:a@b")? */
static bool
has_host(const char *s, size_t a, size_t z)
{
	const char *u = s + a;
	size_t n = z - a;

	if (n > 7 && strncasecmp(u, "mailto:", 7) == 0)
		return memchr(u + 7, '@', n - 7) != NULL;
	if (n > 4 && strncasecmp(u, "www.", 4) == 0)
		return memchr(u + 4, '.', n - 4) != NULL;
	for (size_t i = 0; i + 3 < n; i++)
		if (memcmp(u + i, "://", 3) == 0)
			return u[i + 3] != '/';
	return false;
}

/* ------------------------------------------------------------------ */
/* Collecting */

static void
add_link(struct links *l, uint64_t start, uint64_t end, const char *url, size_t len,
    unsigned kind, const struct notes *notes)
{
	struct links_link *k;

	if (l->count == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->links = xreallocarray(l->links, l->cap, sizeof *l->links);
	}
	k = &l->links[l->count++];
	k->start = start;
	k->end = end;
	k->url = xstrndup(url, len);
	k->host = links_host(k->url);
	k->note = notes ? notes_note_at(notes, start) : -1;
	k->kind = kind;
}

static void
scan_block(struct links *l, const struct doc_block *b, uint64_t off, const struct notes *notes)
{
	size_t from = 0, a, z;

	for (uint32_t k = 0; k < b->nspans; k++) {
		const struct doc_span *sp = &b->spans[k];

		if (sp->kind == DOC_SPAN_LINK && sp->url)
			add_link(l, off + sp->start, off + sp->end, sp->url, strlen(sp->url),
			    LINKS_MARKUP, notes);
	}
	while (from < b->len && typo_url_next(b->text, b->len, from, &a, &z)) {
		size_t end = trim_url(b->text, a, z);

		if (end > a && has_host(b->text, a, end) && !in_span(b, a, end))
			add_link(l, off + a, off + end, b->text + a, end - a, LINKS_BARE, notes);
		from = z;
	}
}

static int
link_cmp(const void *a, const void *b)
{
	const struct links_link *x = a, *y = b;

	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
	return (x->end > y->end) - (x->end < y->end);
}

enum gloss_status
links_scan(struct doc *doc, const struct notes *notes, struct links **out)
{
	struct links *l = xcalloc(1, sizeof *l);
	struct doc_loc loc;

	doc_measure_all(doc);
	if (doc_first(doc, &loc)) {
		do {
			const struct doc_block *b = doc_block(doc, loc);
			uint64_t off;

			if (b && doc_block_offset(doc, loc, &off))
				scan_block(l, b, off, notes);
		} while (doc_next(doc, &loc));
	}
	if (l->count > 1)
		qsort(l->links, l->count, sizeof *l->links, link_cmp);
	*out = l;
	return GLOSS_OK;
}

void
links_free(struct links *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->count; i++) {
		free((char *)l->links[i].url);
		free((char *)l->links[i].host);
	}
	free(l->links);
	free(l);
}

size_t
links_count(const struct links *l)
{
	return l->count;
}

const struct links_link *
links_get(const struct links *l, size_t i)
{
	return i < l->count ? &l->links[i] : NULL;
}

size_t
links_lower(const struct links *l, uint64_t start)
{
	return sorted_upper_u64(l->links, l->count, sizeof *l->links, offsetof(struct links_link, end),
	    start);
}
