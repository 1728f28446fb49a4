/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * layout — wraps one block of text to a width, and caches the lines.
 *
 * This module owns the fitter and the line cache.  Break opportunities
 * come from libunistring (u8_possible_linebreaks with "UTF-8", called by
 * layout_linebreaks() in layout_lbrk.c only where words are not plain
 * letters); the typographic rules of the typo module may withdraw some of
 * them.
 *
 * The fitter is greedy and scans each line once (plus the word that did
 * not fit, which the next line scans again).  Widths come from
 * glyph_width(); ASCII and basic Cyrillic take no library call.  While it
 * scans, the fitter remembers the opportunities that fit; when the line is
 * full it asks the rules about them, newest first, with
 * typo_override_at().  Usually the newest is allowed, so the rules look at
 * a couple of words per line instead of the whole text (layout_breaks()
 * still merges a full typo_overrides() pass, and the tests check that
 * both agree).  A break the rules discourage (TYPO_BREAK_SOFT: two-letter
 * prepositions, numbers and what they count, a short last word) is a
 * penalty: the line takes it only when the newest allowed break would
 * leave the line less than half full (FILL_NUM / FILL_DEN of the width),
 * or when the words it keeps together would not fit on the next line.  When no
 * opportunity survives, in order:
 *   1. a break the rules withdrew at a space (glue gives way);
 *   2. after the last '/' or '-' inside the word that fits (paths, URLs);
 *   3. a break the rules withdrew inside a word (UAX #14 allowed it);
 *   4. at the last grapheme-cluster boundary that fits (at least one
 *      cluster per line, so a cluster wider than the line stands alone).
 */
#include "gloss/gloss.h"

#include <unigbrk.h>
#include <unilbrk.h>

#include "gloss/hyph.h"
#include "gloss/layout.h"
#include "gloss/text.h"
#include "gloss/typo.h"
#include "gloss/xmalloc.h"

#define STACK_TEXT 4096		/* texts up to this size keep their break array on the stack */
#define RING 32			/* opportunities remembered per line before the oldest is judged */
#define SHY_0 0xC2		/* U+00AD SOFT HYPHEN in UTF-8 */
#define SHY_1 0xAD
#define FILL_NUM 1		/* a line the soft glue may leave shorter than ... */
#define FILL_DEN 2		/* ... this fraction of the width gives way instead */
#define HYPH_NUM 2		/* with TYPO_HYPHEN, a line left shorter than ... */
#define HYPH_DEN 3		/* ... this fraction of the width hyphenates the next word */

/* The lines of a block with the options they were made for: one blob. */
struct layout_cache {
	int width;
	unsigned rules;
	int mode;
	size_t nlines;
	struct layout_line lines[];
};

/* Where lines go: an array that starts skip bytes into buf. */
struct sink {
	char *buf;
	size_t skip;
	size_t n, cap;
};

/* The text being wrapped, its break array and the options. */
struct wrap {
	const char *s;
	size_t n;
	const char *p;		/* u8_possible_linebreaks(); p[n] is a sentinel */
	int width;
	unsigned rules;
	enum glyph_mode mode;
	enum hyph_text lang;	/* with TYPO_HYPHEN: the text's language (hyph) */
};

/* A place where the current line may end. */
struct cand {
	size_t end;		/* end of the visible text */
	size_t next;		/* start of the next line */
	int width;		/* columns, the hyphen included */
	bool hyphen;
	bool ok;
};

/*
 * The opportunities of one line that fit, not yet judged by the rules:
 * the newest RING of them, in a circle.  Older ones are judged as they
 * drop out, and the newest allowed / glued one among them is kept.
 */
struct pending {
	struct cand ring[RING];
	unsigned head, count;
	struct cand allowed, soft, firm, glue, withdrawn;
};

/* What the rules say about an opportunity. */
enum verdict {
	ALLOWED,
	SOFT,		/* discouraged: taken when the allowed break leaves the line too short */
	FIRM,		/* the same, but SOFT gives way first */
	GLUED,		/* withdrawn at a space: a glued unit may give way here */
	WITHDRAWN,	/* withdrawn inside a word */
};

/* ------------------------------------------------------------------ */
/* Small helpers. */

/* Columns of the code point at s[i]; its length in *len. */
static inline int
cp_width(const struct wrap *w, size_t i, int *len)
{
	unsigned char c = (unsigned char)w->s[i];
	uint32_t cp;

	if (c < 0x80) {
		*len = 1;
		return c >= 0x20 && c < 0x7F ? 1 : glyph_width(c, w->mode);
	}
	*len = text_decode(w->s + i, w->n - i, &cp);
	if (cp >= 0x2000 && i > 0) {	/* a pictograph after ZWJ, a skin tone: no column */
		size_t k = i - 1;
		uint32_t prev;

		while (k > 0 && ((unsigned char)w->s[k] & 0xC0) == 0x80)
			k--;
		text_decode(w->s + k, i - k, &prev);
		return glyph_width_after(prev, cp, w->mode);
	}
	return glyph_width(cp, w->mode);
}

/* Columns of s[a..b). */
static int
span_width(const struct wrap *w, size_t a, size_t b)
{
	int col = 0, len;

	while (a < b) {
		col += cp_width(w, a, &len);
		a += (size_t)len;
	}
	return col;
}

static void
set_cand(struct cand *c, size_t end, size_t next, int width, bool hyphen)
{
	c->end = end;
	c->next = next;
	c->width = width;
	c->hyphen = hyphen;
	c->ok = true;
}

static size_t
finish(struct layout_line *ln, size_t start, const struct cand *c)
{
	ln->start = (uint32_t)start;
	ln->end = (uint32_t)c->end;
	ln->width = (uint16_t)GLOSS_MIN(c->width, UINT16_MAX);
	ln->hyphen = c->hyphen;
	return c->next;
}

/* ------------------------------------------------------------------ */
/* Opportunities and the rules. */

static enum verdict
judge(const struct wrap *w, const struct cand *c)
{
	char o;

	if (w->rules == TYPO_NONE)
		return ALLOWED;
	o = typo_override_at(w->s, w->n, w->rules, c->next);
	if (o == TYPO_BREAK_SOFT)
		return SOFT;
	if (o == TYPO_BREAK_FIRM)
		return FIRM;
	if (o != UC_BREAK_PROHIBITED)
		return ALLOWED;
	return w->s[c->next - 1] == ' ' ? GLUED : WITHDRAWN;
}

/* The end of the word that starts at s[i]: the next space or line end. */
static size_t
word_end(const struct wrap *w, size_t i)
{
	while (i < w->n && w->s[i] != ' ' && w->p[i] != UC_BREAK_MANDATORY)
		i++;
	return i;
}

/* The newer of two discouraged breaks that may be NULL. */
static const struct cand *
newer(const struct cand *x, const struct cand *y)
{
	if (!x || (y && y->next > x->next))
		return y;
	return x;
}

/*
 * The allowed break a (may be NULL), or a newer discouraged one when a
 * would leave the line too short, or when the words they keep together
 * (from a to the end of the word after the newest) would not fit on the
 * next line either.  Then the newest SOFT one gives way if there is one
 * after a, else the newest FIRM one.
 */
static const struct cand *
pick(const struct wrap *w, const struct cand *a, const struct cand *soft,
    const struct cand *firm)
{
	const struct cand *d;

	if (a) {
		if (soft && soft->next <= a->next)
			soft = NULL;
		if (firm && firm->next <= a->next)
			firm = NULL;
	}
	d = newer(soft, firm);
	if (!d)
		return a;
	if (a && a->width * FILL_DEN >= w->width * FILL_NUM &&
	    span_width(w, a->next, word_end(w, d->next)) <= w->width)
		return a;
	return soft ? soft : firm;
}

/* Judges c, which is older than every opportunity judged before it. */
static void
settle(const struct wrap *w, struct pending *pd, const struct cand *c)
{
	switch (judge(w, c)) {
	case ALLOWED:
		pd->allowed = *c;
		break;
	case SOFT:
		pd->soft = *c;
		break;
	case FIRM:
		pd->firm = *c;
		break;
	case GLUED:
		pd->glue = *c;
		break;
	default:
		pd->withdrawn = *c;
		break;
	}
}

static void
remember(const struct wrap *w, struct pending *pd, const struct cand *c)
{
	if (pd->count == RING) {
		settle(w, pd, &pd->ring[pd->head]);
		pd->head = (pd->head + 1) % RING;
		pd->count--;
	}
	pd->ring[(pd->head + pd->count) % RING] = *c;
	pd->count++;
}

/*
 * The line is full: the newest allowed opportunity (or a newer discouraged
 * one, see pick()), else the newest discouraged one.  Returns NULL if none
 * is allowed; then *glue is the newest one withdrawn at a space and *wd
 * the newest withdrawn inside a word (either may be !ok).
 */
static const struct cand *
choose(const struct wrap *w, struct pending *pd, struct cand *glue, struct cand *wd)
{
	const struct cand *soft = NULL, *firm = NULL;
	unsigned k;

	*glue = pd->glue;
	*wd = pd->withdrawn;
	for (k = pd->count; k-- > 0;) {
		const struct cand *c = &pd->ring[(pd->head + k) % RING];

		switch (judge(w, c)) {
		case ALLOWED:
			return pick(w, c, soft, firm);
		case SOFT:
			if (!soft)
				soft = c;
			break;
		case FIRM:
			if (!firm)
				firm = c;
			break;
		case GLUED:
			if (!glue->ok || glue->next < c->next)
				*glue = *c;
			break;
		default:
			if (!wd->ok || wd->next < c->next)
				*wd = *c;
			break;
		}
	}
	if (!soft && pd->soft.ok)
		soft = &pd->soft;
	if (!firm && pd->firm.ok)
		firm = &pd->firm;
	return pick(w, pd->allowed.ok ? &pd->allowed : NULL, soft, firm);
}

/*
 * The boundary before s[i] as an opportunity for the line that began at
 * a, whose visible text so far ends at vis_end with vis columns.
 */
static void
consider(const struct wrap *w, struct pending *pd, size_t a, size_t i, size_t vis_end, int vis)
{
	int b = w->p[i];
	bool shy, hyphen;
	struct cand c;

	if (b != UC_BREAK_POSSIBLE && b != UC_BREAK_HYPHENATION)
		return;
	shy = vis_end == i && i >= a + 2 &&
	    (unsigned char)w->s[i - 2] == SHY_0 && (unsigned char)w->s[i - 1] == SHY_1;
	hyphen = shy || b == UC_BREAK_HYPHENATION;
	if (vis + hyphen > w->width)
		return;
	set_cand(&c, shy ? i - 2 : vis_end, i, vis + hyphen, hyphen);
	remember(w, pd, &c);
}

/* After a '/' or '-' at s[i]: a cut for a word that fits nowhere (paths, URLs). */
static void
consider_slash(const struct wrap *w, size_t i, int vis, struct cand *slash)
{
	uint32_t next;

	if (i + 1 >= w->n || w->s[i + 1] == w->s[i] || w->s[i + 1] == ' ' ||
	    w->p[i + 1] == UC_BREAK_MANDATORY)
		return;
	text_decode(w->s + i + 1, w->n - i - 1, &next);
	if (uc_is_grapheme_break((unsigned char)w->s[i], next))
		set_cand(slash, i + 1, i + 1, vis, false);
}

/* ------------------------------------------------------------------ */
/* The fitter. */

/*
 * Cuts a word that is wider than the line at the last grapheme-cluster
 * boundary that fits, taking at least one cluster.
 */
/*
 * A poor place for a cut: inside a number (between two digits) or before
 * closing punctuation, which would then start a line alone.
 */
static bool
poor_cut(const uint8_t *s, size_t n, size_t g)
{
	if (g == 0 || g >= n)
		return false;
	if (s[g - 1] >= '0' && s[g - 1] <= '9' && s[g] >= '0' && s[g] <= '9')
		return true;
	if (s[g - 1] == '(' || s[g - 1] == '[' || s[g - 1] == '{')
		return true;	/* an opening bracket alone at the end */
	switch (s[g]) {
	case ')': case ']': case '}': case '.': case ',': case ';': case ':': case '!': case '?':
		return true;
	case 0xC2:	/* » */
		return g + 1 < n && s[g + 1] == 0xBB;
	case 0xE2:	/* ” ’ … */
		return g + 2 < n && s[g + 1] == 0x80 && (s[g + 2] == 0x9D || s[g + 2] == 0x99 ||
		    s[g + 2] == 0xA6);
	default:
		return false;
	}
}

static bool
is_ri(const uint8_t *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp;

	*len = (size_t)text_decode((const char *)s + i, n - i, &cp);
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/*
 * The end of the grapheme cluster at s[g]: u8_grapheme_next, which looks
 * at pairs and so splits a flag (two regional indicators) in a run of
 * them; here the indicators of a run pair up from its start (GB12/GB13).
 */
static size_t
cluster_next(const uint8_t *s, size_t n, size_t g)
{
	size_t next = (size_t)(u8_grapheme_next(s + g, s + n) - s), len, k, run = 0;

	if (next >= n || next - g != 4 || !is_ri(s, n, g, &len) || !is_ri(s, n, next, &len))
		return next;
	for (k = g; k >= 4 && is_ri(s, n, k - 4, &len); k -= 4)
		run++;
	if (run % 2 == 0)	/* s[g] opens a pair: take its second indicator */
		next = (size_t)(u8_grapheme_next(s + next, s + n) - s);
	return next;
}

static size_t
cut_word(const struct wrap *w, size_t a, struct layout_line *ln)
{
	const uint8_t *s = (const uint8_t *)w->s;
	size_t g = a, vis_end = a;
	int col = 0, vis = 0;
	struct cand c, good = { 0 };

	while (g < w->n) {
		size_t next = cluster_next(s, w->n, g);
		int cw = span_width(w, g, next);

		if (g > a && col + cw > w->width)
			break;
		col += cw;
		if (next - g != 1 || s[g] != ' ') {
			vis = col;
			vis_end = next;
		}
		g = next;
		if (!poor_cut(s, w->n, g))
			set_cand(&good, vis_end, g, vis, false);
	}
	set_cand(&c, vis_end, g, vis, false);
	if (poor_cut(s, w->n, g) && good.ok &&
	    span_width(w, good.next, word_end(w, good.next)) <= w->width)
		c = good;	/* not inside a number, no lone bracket: cut earlier if that helps */
	while (c.next < w->n && s[c.next] == ' ')
		c.next++;
	return finish(ln, a, &c);
}

/*
 * From s[i], skips the body of a word while it fits: characters with no
 * break before them that take one column (printable ASCII but '/'; in
 * UTF-8 mode also Cyrillic U+0400–U+047F, which ASCII mode transliterates
 * to one or more letters).  Returns the new position; *col is updated.
 * The sentinel p[n] ends the loop; continuation bytes are PROHIBITED in p,
 * so s[i + 1] is inside the text when p[i + 1] says so.
 */
static inline size_t
skip_plain(const struct wrap *w, size_t i, int *col)
{
	const unsigned char *s = (const unsigned char *)w->s;
	const char *p = w->p;
	bool cyrillic = w->mode == GLYPH_UTF8;
	int c = *col;

	while (c < w->width && p[i] == UC_BREAK_PROHIBITED) {
		if (s[i] > 0x20 && s[i] < 0x7F && s[i] != '/' && s[i] != '-')
			i++;
		else if (cyrillic && (s[i] & 0xFE) == 0xD0 && p[i + 1] == UC_BREAK_PROHIBITED &&
		    (s[i + 1] & 0xC0) == 0x80)
			i += 2;
		else
			break;
		c++;
	}
	*col = c;
	return i;
}

/*
 * TYPO_HYPHEN: when the line would end at c (NULL: nothing fits) less than
 * two thirds full, the word at s[at] that did not fit is hyphenated at its
 * last point (hyph_points) that fits with the hyphen.  The hyphen is the
 * line's `hyphen` flag, drawn after it; the text is not changed.
 */
static bool
hyphenate(const struct wrap *w, size_t a, size_t at, const struct cand *c,
    struct cand *out)
{
	uint32_t pts[HYPH_MAX_POINTS];
	size_t ws = at, we, np;

	if (!(w->rules & TYPO_HYPHEN) || (c && c->width * HYPH_DEN >= w->width * HYPH_NUM))
		return false;
	while (ws > a && w->s[ws - 1] != ' ')
		ws--;
	we = word_end(w, at);
	np = hyph_points(w->s + ws, we - ws, w->lang, pts);
	while (np-- > 0) {
		size_t p = ws + pts[np];
		int width = span_width(w, a, p) + 1;

		if (p > at || width > w->width)
			continue;
		if (c && width <= c->width)
			return false;
		set_cand(out, p, p, width, true);
		return true;
	}
	return false;
}

/* The line is full at the code point s[at], before which the scan stopped. */
static size_t
overflow(const struct wrap *w, size_t a, size_t at, struct pending *pd, const struct cand *slash,
    struct layout_line *ln)
{
	const struct cand *best;
	struct cand glue, wd, hy;

	best = choose(w, pd, &glue, &wd);
	if (hyphenate(w, a, at, best ? best : glue.ok ? &glue : NULL, &hy))
		return finish(ln, a, &hy);
	if (best)
		return finish(ln, a, best);
	if (glue.ok)
		return finish(ln, a, &glue);
	if (slash->ok)
		return finish(ln, a, slash);
	if (wd.ok)
		return finish(ln, a, &wd);
	return cut_word(w, a, ln);
}

/* Fits the line that starts at byte a; returns where the next one starts. */
static size_t
fit_line(const struct wrap *w, size_t a, struct layout_line *ln)
{
	struct pending pd;
	struct cand slash = { 0 }, c;
	size_t i = a, vis_end = a, j;
	int col = 0, vis = 0, cw, len;

	pd.head = pd.count = 0;
	pd.allowed.ok = pd.soft.ok = pd.firm.ok = pd.glue.ok = pd.withdrawn.ok = false;
	while (i < w->n) {
		if ((j = skip_plain(w, i, &col)) != i) {
			vis = col;
			vis_end = i = j;
			if (i >= w->n)
				break;
		}
		if (i > a && w->p[i] != UC_BREAK_PROHIBITED)
			consider(w, &pd, a, i, vis_end, vis);
		if (w->p[i] == UC_BREAK_MANDATORY) {
			set_cand(&c, vis_end, i + (size_t)text_cplen(w->s + i, w->n - i), vis, false);
			return finish(ln, a, &c);
		}
		if (w->s[i] == ' ') {
			if (col <= w->width)	/* past the width, spaces change nothing */
				col++;
			i++;
			continue;
		}
		cw = cp_width(w, i, &len);
		if (w->p[i] == UC_BREAK_CR_BEFORE_LF) {
			i += (size_t)len;	/* part of the break that follows */
			continue;
		}
		if (col + cw > w->width)
			return overflow(w, a, i, &pd, &slash, ln);
		col += cw;
		vis = col;
		vis_end = i + (size_t)len;
		if (w->s[i] == '/' || w->s[i] == '-')
			consider_slash(w, i, vis, &slash);
		i += (size_t)len;
	}
	set_cand(&c, vis_end, w->n, vis, false);
	return finish(ln, a, &c);
}

/* ------------------------------------------------------------------ */
/* Driving the fitter. */

static struct layout_line *
sink_push(struct sink *out)
{
	if (out->n == out->cap) {
		out->cap *= 2;
		out->buf = xrealloc(out->buf, out->skip + out->cap * sizeof(struct layout_line));
	}
	return (struct layout_line *)(void *)(out->buf + out->skip) + out->n++;
}

static void
sink_init(struct sink *out, size_t skip, size_t len, int width)
{
	out->skip = skip;
	out->n = 0;
	out->cap = len / (size_t)GLOSS_MAX(width / 2, 1) + 4;
	out->buf = xmalloc(skip + out->cap * sizeof(struct layout_line));
}

static int
clamp_width(int width)
{
	return width < 1 ? 1 : GLOSS_MIN(width, UINT16_MAX);
}

/* Wraps text[0..len) into out (at least one line). */
static void
wrap_text(const char *text, size_t len, const struct layout_opts *opt, struct sink *out)
{
	char stack[STACK_TEXT + 1];
	char *p = len <= STACK_TEXT ? stack : xmalloc(len + 1);
	struct wrap w;
	size_t a = 0;

	if (len > 0)
		layout_linebreaks(text, len, opt->rules, p);
	p[len] = UC_BREAK_POSSIBLE;	/* the sentinel */
	w.s = text;
	w.n = len;
	w.p = p;
	w.width = clamp_width(opt->width);
	w.rules = opt->rules;
	w.mode = opt->mode;
	w.lang = opt->rules & TYPO_HYPHEN ? hyph_text_lang(text, len) : HYPH_LATIN;
	do
		a = fit_line(&w, a, sink_push(out));
	while (a < len);
	if (p != stack)
		free(p);
}

/* ------------------------------------------------------------------ */
/* Interface. */

struct layout_opts
layout_defaults(int width)
{
	struct layout_opts o;

	o.width = width;
	o.rules = TYPO_DEFAULT;
	o.mode = GLYPH_UTF8;
	return o;
}

size_t
layout_wrap(const char *text, size_t len, const struct layout_opts *o,
    struct layout_line **lines)
{
	struct sink out;

	sink_init(&out, 0, len, clamp_width(o->width));
	wrap_text(text, len, o, &out);
	*lines = (struct layout_line *)(void *)out.buf;
	return out.n;
}

void
layout_breaks(const char *text, size_t len, unsigned rules, char *p)
{
	char *o;
	size_t i;

	if (len == 0)
		return;
	layout_linebreaks(text, len, rules, p);
	if (rules == TYPO_NONE)
		return;
	o = xmalloc(len);
	typo_overrides(text, len, rules, o);
	for (i = 0; i < len; i++) {
		if (o[i] == TYPO_BREAK_SOFT || o[i] == TYPO_BREAK_FIRM ? p[i] == UC_BREAK_POSSIBLE :
		    o[i] != UC_BREAK_UNDEFINED)
			p[i] = o[i];
	}
	free(o);
}

const struct layout_line *
layout_block(struct doc_block *block, const struct layout_opts *o, size_t *nlines)
{
	struct layout_cache *c = block->cache;
	struct sink out;

	if (c == NULL || c->width != o->width || c->rules != o->rules || c->mode != (int)o->mode) {
		free(block->cache);
		block->cache = NULL;
		sink_init(&out, offsetof(struct layout_cache, lines), block->len,
		    clamp_width(o->width));
		wrap_text(block->text, block->len, o, &out);
		c = xrealloc(out.buf, out.skip + out.n * sizeof(struct layout_line));
		c->width = o->width;
		c->rules = o->rules;
		c->mode = (int)o->mode;
		c->nlines = out.n;
		block->cache = c;
	}
	*nlines = c->nlines;
	return c->lines;
}

size_t
layout_line_at(const struct layout_line *lines, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;

	/* The last line that starts at or before off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
