/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * caret — motions of the reading caret over the document (see
 * include/gloss/caret.h).  Grapheme clusters and words come from
 * libunistring (u8_grapheme_next/prev, u8_wordbreaks); sentence starts are
 * our own rule, since libunistring has no sentence segmentation.
 */
#include "gloss/gloss.h"

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "gloss/caret.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

int
caret_cmp(struct caret a, struct caret b)
{
	int c = doc_loc_cmp(a.loc, b.loc);

	return c ? c : (a.off > b.off) - (a.off < b.off);
}

static const uint8_t *
u8(const char *s)
{
	return (const uint8_t *)s;
}

/* ------------------------------------------------------------------ */
/* Characters */

bool
caret_next_char(struct doc *doc, struct caret *c)
{
	struct doc_block *b = doc_block(doc, c->loc);
	struct doc_loc next = c->loc;
	uint32_t off;

	if (b == NULL)
		return false;
	off = b->len ? (uint32_t)(u8_grapheme_next(u8(b->text) + c->off, u8(b->text) + b->len) -
	    u8(b->text)) : 0;
	if (off < b->len) {
		c->off = off;
		return true;
	}
	if (!doc_next(doc, &next))
		return false;
	c->loc = next;
	c->off = 0;
	return true;
}

bool
caret_prev_char(struct doc *doc, struct caret *c)
{
	struct doc_block *b;

	if (c->off > 0) {
		b = doc_block(doc, c->loc);
		c->off = (uint32_t)(u8_grapheme_prev(u8(b->text) + c->off, u8(b->text)) - u8(b->text));
		return true;
	}
	if (!doc_prev(doc, &c->loc))
		return false;
	b = doc_block(doc, c->loc);
	c->off = b->len ? (uint32_t)(u8_grapheme_prev(u8(b->text) + b->len, u8(b->text)) -
	    u8(b->text)) : 0;
	return true;
}

uint32_t
caret_cluster_end(struct doc *doc, struct caret c)
{
	struct doc_block *b = doc_block(doc, c.loc);

	if (b == NULL || c.off >= b->len)
		return c.off;
	return (uint32_t)(u8_grapheme_next(u8(b->text) + c.off, u8(b->text) + b->len) - u8(b->text));
}

/* ------------------------------------------------------------------ */
/* Words */

struct words {
	uint32_t *start, *end;	/* the words of a block text, in order */
	size_t n;
};

static bool
has_alnum(const char *s, size_t a, size_t z)
{
	while (a < z) {
		uint32_t cp;

		a += (size_t)text_decode(s + a, z - a, &cp);
		if (uc_is_alnum(cp))
			return true;
	}
	return false;
}

static void
words_of(const struct doc_block *b, struct words *w)
{
	char *p = xmalloc(b->len + 1);
	size_t a = 0;

	memset(w, 0, sizeof *w);
	u8_wordbreaks(u8(b->text), b->len, p);
	w->start = xmalloc((b->len + 1) * sizeof *w->start);
	w->end = xmalloc((b->len + 1) * sizeof *w->end);
	for (size_t i = 1; i <= b->len; i++) {
		if (i < b->len && !p[i])
			continue;
		if (has_alnum(b->text, a, i)) {
			w->start[w->n] = (uint32_t)a;
			w->end[w->n] = (uint32_t)i;
			w->n++;
		}
		a = i;
	}
	free(p);
}

static void
words_done(struct words *w)
{
	free(w->start);
	free(w->end);
}

/* The first word start after off in the block (or from its start when off is -1). */
static bool
word_after(struct doc *doc, struct doc_loc loc, int64_t off, uint32_t *found)
{
	struct words w;
	bool ok = false;

	words_of(doc_block(doc, loc), &w);
	for (size_t i = 0; i < w.n && !ok; i++) {
		if ((int64_t)w.start[i] > off) {
			*found = w.start[i];
			ok = true;
		}
	}
	words_done(&w);
	return ok;
}

bool
caret_next_word(struct doc *doc, struct caret *c)
{
	struct doc_loc loc = c->loc;
	int64_t off = c->off;
	uint32_t found;

	for (;;) {
		if (word_after(doc, loc, off, &found)) {
			c->loc = loc;
			c->off = found;
			return true;
		}
		if (!doc_next(doc, &loc))
			return false;
		off = -1;
	}
}

bool
caret_prev_word(struct doc *doc, struct caret *c)
{
	struct doc_loc loc = c->loc;
	uint64_t off = c->off;

	for (;;) {
		struct words w;
		bool ok = false;

		words_of(doc_block(doc, loc), &w);
		for (size_t i = w.n; i-- > 0 && !ok;) {
			if (w.start[i] < off) {
				c->loc = loc;
				c->off = w.start[i];
				ok = true;
			}
		}
		words_done(&w);
		if (ok)
			return true;
		if (!doc_prev(doc, &loc))
			return false;
		off = UINT64_MAX;
	}
}

bool
caret_word_end(struct doc *doc, struct caret *c)
{
	struct doc_loc loc = c->loc;
	uint64_t off = c->off;

	for (;;) {
		struct doc_block *b = doc_block(doc, loc);
		struct words w;
		bool ok = false;

		words_of(b, &w);
		for (size_t i = 0; i < w.n && !ok; i++) {
			uint32_t last = (uint32_t)(u8_grapheme_prev(u8(b->text) + w.end[i], u8(b->text)) -
			    u8(b->text));

			if (last > off || (off == UINT64_MAX)) {
				c->loc = loc;
				c->off = last;
				ok = true;
			}
		}
		words_done(&w);
		if (ok)
			return true;
		if (!doc_next(doc, &loc))
			return false;
		off = UINT64_MAX;
	}
}

/* ------------------------------------------------------------------ */
/* Snapping a selection */

/* Is the code point before byte off of b white space? */
static bool
space_before(const struct doc_block *b, uint32_t off)
{
	ucs4_t cp = 0;

	return u8_prev(&cp, u8(b->text) + off, u8(b->text)) != NULL && uc_is_property_white_space(cp);
}

/* Moves *a forward over white space (and block ends) while it is before z. */
static void
trim_start(struct doc *doc, struct caret *a, struct caret z)
{
	while (caret_cmp(*a, z) < 0) {
		struct doc_block *b = doc_block(doc, a->loc);
		uint32_t cp;

		if (b == NULL)
			return;
		if (a->off >= b->len) {
			if (!doc_next(doc, &a->loc))
				return;
			a->off = 0;
			continue;
		}
		text_decode(b->text + a->off, b->len - a->off, &cp);
		if (!uc_is_property_white_space(cp))
			return;
		a->off = (uint32_t)(u8_grapheme_next(u8(b->text) + a->off, u8(b->text) + b->len) -
		    u8(b->text));
	}
}

/* Moves the exclusive end *z back over white space (and block starts) while it is after a. */
static void
trim_end(struct doc *doc, struct caret a, struct caret *z)
{
	while (caret_cmp(a, *z) < 0) {
		struct doc_block *b;

		if (z->off == 0) {
			if (!doc_prev(doc, &z->loc) || (b = doc_block(doc, z->loc)) == NULL)
				return;
			z->off = b->len;
			continue;
		}
		b = doc_block(doc, z->loc);
		if (b == NULL || !space_before(b, z->off))
			return;
		z->off = (uint32_t)(u8_prev(&(ucs4_t){ 0 }, u8(b->text) + z->off, u8(b->text)) -
		    u8(b->text));
	}
}

/* The word of block loc with start < off < end (off cuts it), or false. */
static bool
word_cut_at(struct doc *doc, struct doc_loc loc, uint32_t off, uint32_t *start, uint32_t *end)
{
	struct words w;
	bool found = false;

	words_of(doc_block(doc, loc), &w);
	for (size_t i = 0; i < w.n && !found; i++) {
		if (w.start[i] < off && off < w.end[i]) {
			*start = w.start[i];
			*end = w.end[i];
			found = true;
		}
	}
	words_done(&w);
	return found;
}

bool
caret_snap(struct doc *doc, struct caret *a, struct caret *z, bool words)
{
	uint32_t ws, we;
	bool a_cut, z_cut;

	trim_start(doc, a, *z);
	trim_end(doc, *a, z);
	if (caret_cmp(*a, *z) >= 0)
		return false;
	a_cut = word_cut_at(doc, a->loc, a->off, &ws, &we);
	if (a_cut && !words && doc_loc_cmp(a->loc, z->loc) == 0 && z->off <= we)
		return true;	/* inside one word, with character motions: kept as it is */
	if (a_cut)
		a->off = ws;
	z_cut = word_cut_at(doc, z->loc, z->off, &ws, &we);
	if (z_cut && !words && doc_loc_cmp(a->loc, z->loc) == 0 && a->off >= ws)
		return true;
	if (z_cut)
		z->off = we;
	return true;
}

/* ------------------------------------------------------------------ */
/* Sentences */

static const char *const abbreviations[] = {
	"т", "е", "д", "п", "г", "гг", "в", "вв", "см", "стр", "им", "ул", "пр", "проф", "акад",
	"тов", "т.е", "т.д", "т.п", "т.к", "н.э", "др", "ин", "р", "рр", "ст", "с",
	"mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "e.g", "i.e", "cf", "jr", "sr",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

static bool
is_terminator(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static bool
is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
	    cp == 0x00BB;
}

static bool
opens_sentence(uint32_t cp)
{
	return uc_is_upper(cp) || uc_is_digit(cp) || cp == '"' || cp == '(' || cp == '[' ||
	    cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == 0x2014 || cp == 0x2013 ||
	    cp == 0x2018;
}

/* Is the word ending at s[z] (before a '.') an initial or an abbreviation? */
static bool
abbreviation_before(const char *s, size_t z)
{
	size_t a = z, letters = 0;
	uint8_t buf[64], *low;
	size_t i, len = sizeof buf - 1;
	bool found = false;

	while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '(' && s[a - 1] != '\n')
		a--;
	for (i = a; i < z;) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, z - i, &cp);
		letters += uc_is_alpha(cp);
	}
	if (letters == 1)
		return true;	/* an initial: А. Г. Лукашенко, J. Smith */
	if (z == a || z - a > 24)
		return false;
	low = u8_tolower(u8(s + a), z - a, NULL, NULL, buf, &len);
	if (low == NULL)
		return false;
	for (i = 0; i < GLOSS_ARRAY_SIZE(abbreviations) && !found; i++)
		found = strlen(abbreviations[i]) == len && memcmp(low, abbreviations[i], len) == 0;
	if (low != buf)
		free(low);
	return found;
}

void
caret_sentence_starts(const char *s, size_t n, char *starts)
{
	size_t i = 0;

	memset(starts, 0, n);
	if (n)
		starts[0] = 1;
	while (i < n) {
		uint32_t cp, next;
		size_t t = i, j;
		int len = text_decode(s + i, n - i, &cp);

		i += (size_t)len;
		if (!is_terminator(cp))
			continue;
		j = i;
		while (j < n) {	/* more terminators and closing marks */
			int l = text_decode(s + j, n - j, &next);

			if (!is_terminator(next) && !is_closer(next))
				break;
			j += (size_t)l;
		}
		if (j >= n || (s[j] != ' ' && s[j] != '\n'))
			continue;
		while (j < n && (s[j] == ' ' || s[j] == '\n'))
			j++;
		if (j >= n)
			continue;
		text_decode(s + j, n - j, &next);
		if (!opens_sentence(next))
			continue;
		if (cp == '.' && abbreviation_before(s, t))
			continue;
		starts[j] = 1;
		i = j;
	}
}

/* Sentence starts of block b as an array of offsets; returns the count (>= 1 if b->len). */
static size_t
sentences_of(const struct doc_block *b, uint32_t **out)
{
	char *st = xmalloc(b->len + 1);
	size_t n = 0;

	*out = xmalloc((b->len + 1) * sizeof **out);
	caret_sentence_starts(b->text, b->len, st);
	for (uint32_t i = 0; i < b->len; i++)
		if (st[i])
			(*out)[n++] = i;
	free(st);
	return n;
}

bool
caret_next_sentence(struct doc *doc, struct caret *c)
{
	struct doc_block *b = doc_block(doc, c->loc);
	uint32_t *v;
	size_t n = sentences_of(b, &v);
	struct doc_loc next = c->loc;

	for (size_t i = 0; i < n; i++) {
		if (v[i] > c->off) {
			c->off = v[i];
			free(v);
			return true;
		}
	}
	free(v);
	if (!doc_next(doc, &next))
		return false;
	c->loc = next;
	c->off = 0;
	return true;
}

bool
caret_prev_sentence(struct doc *doc, struct caret *c)
{
	struct doc_block *b = doc_block(doc, c->loc);
	uint32_t *v;
	size_t n = sentences_of(b, &v);

	for (size_t i = n; i-- > 0;) {
		if (v[i] < c->off) {
			c->off = v[i];
			free(v);
			return true;
		}
	}
	free(v);
	if (!doc_prev(doc, &c->loc))
		return false;
	b = doc_block(doc, c->loc);
	n = sentences_of(b, &v);
	c->off = n ? v[n - 1] : 0;
	free(v);
	return true;
}

void
caret_sentence(struct doc *doc, struct caret c, uint32_t *start, uint32_t *end)
{
	struct doc_block *b = doc_block(doc, c.loc);
	uint32_t *v;
	size_t n = sentences_of(b, &v);

	*start = 0;
	*end = b->len;
	for (size_t i = 0; i < n; i++) {
		if (v[i] <= c.off)
			*start = v[i];
		else {
			*end = v[i];
			break;
		}
	}
	free(v);
	while (*end > *start && (b->text[*end - 1] == ' ' || b->text[*end - 1] == '\n'))
		(*end)--;
}

/* ------------------------------------------------------------------ */
/* Paragraphs */

bool
caret_next_paragraph(struct doc *doc, struct caret *c)
{
	struct doc_loc next = c->loc;

	if (!doc_next(doc, &next))
		return false;
	c->loc = next;
	c->off = 0;
	return true;
}

bool
caret_prev_paragraph(struct doc *doc, struct caret *c)
{
	if (c->off > 0) {
		c->off = 0;
		return true;
	}
	if (!doc_prev(doc, &c->loc))
		return false;
	c->off = 0;
	return true;
}
