/*
 * anchor — describing a highlight by position and quote, and finding it
 * again in a changed text (see include/gloss/anchor.h for the rules and
 * docs/annotations.md for the reasons).
 *
 * Cheap steps come first so that re-anchoring a whole document after a
 * small edit costs a few comparisons per highlight: the last position, the
 * position shifted by the previous highlight's shift, a window around the
 * expected place, the whole text.  Only a highlight whose quote is no
 * longer there exactly with its context pays for the approximate search
 * (anchor_approx.c).
 */
#include "gloss/gloss.h"

#include "anchor_int.h"
#include "gloss/xmalloc.h"

struct anchor_text {
	const char *s;
	size_t n;
};

/* One anchor_locate() call. */
struct locate {
	const struct anchor_text *t;
	const struct anchor_selector *sel;
	uint64_t expected;		/* the last position shifted by delta */
	size_t m;			/* quote length in code points */
	size_t prefix_cps, suffix_cps;
	size_t prefix_want, suffix_want;	/* code points of text compared with them */
	double wp, ws;			/* weights of prefix and suffix: 20, 0 when none is given */
	uint32_t prefix[ANCHOR_CONTEXT], suffix[ANCHOR_CONTEXT];
};

/* A scored candidate. */
struct candidate {
	uint64_t start, end;
	unsigned errors;
	double score;		/* < 0: none */
};

static const char *const status_names[] = {
#define ANCHOR_STATUS_NAME(name, str) str,
	ANCHOR_STATUS_LIST(ANCHOR_STATUS_NAME)
#undef ANCHOR_STATUS_NAME
};

const char *
anchor_status_name(enum anchor_status st)
{
	return (unsigned)st < ANCHOR_STATUS_COUNT ? status_names[st] : "?";
}

bool
anchor_status_parse(const char *name, enum anchor_status *st)
{
	for (unsigned i = 0; i < ANCHOR_STATUS_COUNT; i++) {
		if (strcmp(name, status_names[i]) == 0) {
			*st = (enum anchor_status)i;
			return true;
		}
	}
	return false;
}

bool
anchor_is_boundary(const char *text, size_t n, uint64_t off)
{
	return off == 0 || off == n || (off < n && ((unsigned char)text[off] & 0xC0) != 0x80);
}

void
anchor_context(const char *text, size_t n, uint64_t start, uint64_t end,
    struct strbuf *prefix, struct strbuf *suffix)
{
	uint64_t a = anchor_back_n(text, 0, start, ANCHOR_CONTEXT);
	uint64_t b = anchor_fwd_n(text, n, end, ANCHOR_CONTEXT);

	strbuf_add(prefix, text + a, (size_t)(start - a));
	strbuf_add(suffix, text + end, (size_t)(b - end));
}

struct anchor_text *
anchor_text_new(const char *s, size_t n)
{
	struct anchor_text *t = xcalloc(1, sizeof *t);

	t->s = s;
	t->n = n;
	return t;
}

void
anchor_text_free(struct anchor_text *t)
{
	free(t);
}

/* ------------------------------------------------------------------ */
/* Exact tests */

static bool
quote_at(const struct locate *l, uint64_t pos)
{
	const struct anchor_selector *sel = l->sel;

	return pos <= l->t->n && sel->exact_len <= l->t->n - pos &&
	    memcmp(l->t->s + pos, sel->exact, sel->exact_len) == 0;
}

/* The prefix is just before pos (and, if it is short, pos is where the text starts). */
static bool
prefix_intact(const struct locate *l, uint64_t pos)
{
	const struct anchor_selector *sel = l->sel;

	if (sel->prefix_len > pos ||
	    memcmp(l->t->s + pos - sel->prefix_len, sel->prefix, sel->prefix_len) != 0)
		return false;
	return l->prefix_cps >= ANCHOR_CONTEXT || pos == sel->prefix_len;
}

static bool
suffix_intact(const struct locate *l, uint64_t end)
{
	const struct anchor_selector *sel = l->sel;
	size_t n = l->t->n;

	if (end > n || sel->suffix_len > n - end ||
	    memcmp(l->t->s + end, sel->suffix, sel->suffix_len) != 0)
		return false;
	return l->suffix_cps >= ANCHOR_CONTEXT || end + sel->suffix_len == n;
}

static bool
context_intact(const struct locate *l, uint64_t pos)
{
	return prefix_intact(l, pos) && suffix_intact(l, pos + l->sel->exact_len);
}

static uint64_t
distance(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * The occurrence of the quote in text[lo..hi) with intact context nearest
 * the expected place; false if there is none.
 */
static bool
exact_intact(const struct locate *l, uint64_t lo, uint64_t hi, uint64_t *found)
{
	const char *s = l->t->s;
	size_t len = l->sel->exact_len;
	bool any = false;

	while (lo < hi && hi - lo >= len) {
		const char *p = memmem(s + lo, (size_t)(hi - lo), l->sel->exact, len);
		uint64_t pos;

		if (p == NULL)
			break;
		pos = (uint64_t)(p - s);
		if (context_intact(l, pos) &&
		    (!any || distance(pos, l->expected) < distance(*found, l->expected))) {
			*found = pos;
			any = true;
		}
		lo = pos + 1;
	}
	return any;
}

/* ------------------------------------------------------------------ */
/* Scoring */

/* Decodes the code points of text[a..b) (at most ANCHOR_CONTEXT) into v. */
static size_t
decode_context(const char *text, uint64_t a, uint64_t b, uint32_t *v)
{
	size_t n;
	uint32_t *d = anchor_decode(text + a, (size_t)(b - a), &n);

	if (n > ANCHOR_CONTEXT)
		n = ANCHOR_CONTEXT;
	memcpy(v, d, n * sizeof *v);
	free(d);
	return n;
}

/* 1 − distance / length of a stored context and the text found beside a candidate. */
static double
similarity(const uint32_t *want, size_t nwant, const uint32_t *got, size_t ngot)
{
	size_t longest = GLOSS_MAX(nwant, ngot);

	if (longest == 0)
		return 1.0;
	return 1.0 - (double)anchor_distance(want, nwant, got, ngot) / (double)longest;
}

static double
score(const struct locate *l, uint64_t start, uint64_t end, unsigned errors)
{
	const char *s = l->t->s;
	uint32_t got[ANCHOR_CONTEXT];
	size_t n = l->t->n, ngot;
	double q, p, x, d;

	q = l->m ? 1.0 - (double)errors / (double)l->m : 0.0;
	/* as much text beside the candidate as the selector gives (other tools give less) */
	ngot = decode_context(s, anchor_back_n(s, 0, start, l->prefix_want), start, got);
	p = similarity(l->prefix, l->prefix_cps, got, ngot);
	ngot = decode_context(s, end, anchor_fwd_n(s, n, end, l->suffix_want), got);
	x = similarity(l->suffix, l->suffix_cps, got, ngot);
	d = 1.0 - (double)distance(start, l->expected) / (double)(n ? n : 1);
	if (d < 0)
		d = 0;
	return (50 * q + l->wp * p + l->ws * x + 2 * d) / (52 + l->wp + l->ws);
}

/* The best score a candidate with this many errors could reach. */
static double
score_bound(const struct locate *l, unsigned errors)
{
	return (50 * (1.0 - (double)errors / (double)l->m) + l->wp + l->ws + 2) / (52 + l->wp + l->ws);
}

/*
 * The best scored approximate occurrence in text[lo..hi).  Candidates are
 * taken in order of errors and the search stops when even perfect context
 * could not beat the best so far.
 */
static void
approx_best(const struct locate *l, struct myers *fwd, struct myers *rev, uint64_t lo, uint64_t hi,
    struct candidate *best)
{
	unsigned k = (unsigned)GLOSS_MIN((size_t)ANCHOR_MAX_ERRORS, l->m / 2);
	struct anchor_match *v;
	size_t n = approx_ends(fwd, l->t->s, lo, hi, k, &v);
	size_t *count = xcalloc(k + 2, sizeof *count), *order = xmalloc((n ? n : 1) * sizeof *order);

	for (size_t i = 0; i < n; i++)	/* counting sort by errors */
		count[v[i].errors + 1]++;
	for (unsigned e = 1; e <= k + 1; e++)
		count[e] += count[e - 1];
	for (size_t i = 0; i < n; i++)
		order[count[v[i].errors]++] = i;
	for (size_t i = 0; i < n; i++) {
		struct anchor_match *c = &v[order[i]];
		unsigned errors;
		uint64_t start;
		double sc;

		if (score_bound(l, c->errors) <= best->score)
			break;
		start = approx_start(rev, l->t->s, lo, c->end, k, &errors);
		sc = score(l, start, c->end, errors);
		if (sc > best->score) {
			best->start = start;
			best->end = c->end;
			best->errors = errors;
			best->score = sc;
		}
	}
	free(count);
	free(order);
	free(v);
}

/* Step 3 of the top comment: window, then everywhere. */
static bool
locate_approx(const struct locate *l, struct candidate *best)
{
	const struct anchor_selector *sel = l->sel;
	uint64_t n = l->t->n, lo, hi;
	struct myers fwd, rev;
	size_t m;
	uint32_t *cps = anchor_decode(sel->exact, sel->exact_len, &m);

	myers_init(&fwd, cps, m);
	for (size_t i = 0; i < m / 2; i++) {
		uint32_t c = cps[i];

		cps[i] = cps[m - 1 - i];
		cps[m - 1 - i] = c;
	}
	myers_init(&rev, cps, m);
	free(cps);
	best->score = -1;
	lo = l->expected > ANCHOR_WINDOW ? l->expected - ANCHOR_WINDOW : 0;
	hi = GLOSS_MIN(n, l->expected + sel->exact_len + ANCHOR_WINDOW);
	approx_best(l, &fwd, &rev, lo, hi, best);
	if (best->score < ANCHOR_GOOD_SCORE && (lo > 0 || hi < n))
		approx_best(l, &fwd, &rev, 0, n, best);
	myers_done(&fwd);
	myers_done(&rev);
	return best->score >= ANCHOR_MIN_SCORE;
}

/* ------------------------------------------------------------------ */
/* Locating */

static void
found(struct anchor_result *r, uint64_t start, uint64_t end, enum anchor_status st,
    enum anchor_method how, unsigned errors, double sc)
{
	r->start = start;
	r->end = end;
	r->status = st;
	r->method = how;
	r->errors = errors;
	r->score = sc;
}

static void
locate_init(struct locate *l, const struct anchor_text *t, const struct anchor_selector *sel,
    int64_t delta)
{
	int64_t e = (int64_t)sel->start + delta;

	l->t = t;
	l->sel = sel;
	l->expected = e < 0 ? 0 : (uint64_t)e > t->n ? t->n : (uint64_t)e;
	l->m = anchor_cplen(sel->exact, sel->exact_len);
	l->prefix_cps = decode_context(sel->prefix, 0, sel->prefix_len, l->prefix);
	l->suffix_cps = decode_context(sel->suffix, 0, sel->suffix_len, l->suffix);
	/* gloss's own short context means the text ended there: compare a full one */
	l->wp = sel->prefix_len ? 20 : 0;
	l->ws = sel->suffix_len ? 20 : 0;
	l->prefix_want = l->prefix_cps ? l->prefix_cps : ANCHOR_CONTEXT;
	l->suffix_want = l->suffix_cps ? l->suffix_cps : ANCHOR_CONTEXT;
	if (anchor_cplen(sel->prefix, sel->prefix_len) > ANCHOR_CONTEXT)
		l->prefix_cps = ANCHOR_CONTEXT;	/* a longer stored context counts as full */
	if (anchor_cplen(sel->suffix, sel->suffix_len) > ANCHOR_CONTEXT)
		l->suffix_cps = ANCHOR_CONTEXT;
}

/* The given prefix and suffix (at least one of them) are there, however short. */
static bool
given_intact(const struct locate *l, uint64_t pos)
{
	const struct anchor_selector *sel = l->sel;
	uint64_t end = pos + sel->exact_len;
	size_t n = l->t->n;

	if (sel->prefix_len + sel->suffix_len == 0 || sel->prefix_len > pos || end > n ||
	    sel->suffix_len > n - end)
		return false;
	return memcmp(l->t->s + pos - sel->prefix_len, sel->prefix, sel->prefix_len) == 0 &&
	    memcmp(l->t->s + end, sel->suffix, sel->suffix_len) == 0;
}

/* What a scan of the whole text found of the quote's exact occurrences. */
struct occurrences {
	size_t count;
	uint64_t first;
	bool intact, given;		/* one was found with intact / given context */
	uint64_t intact_at, given_at;	/* the nearest such */
	struct candidate best;		/* the best by context score (score < 0: none) */
};

static void
nearer(const struct locate *l, bool *have, uint64_t *at, uint64_t pos)
{
	if (!*have || distance(pos, l->expected) < distance(*at, l->expected))
		*at = pos;
	*have = true;
}

/* Every exact occurrence of the quote: counted, and weighed by its context. */
static void
scan_occurrences(const struct locate *l, struct occurrences *o)
{
	const char *s = l->t->s;
	size_t len = l->sel->exact_len;
	uint64_t lo = 0, n = l->t->n;

	memset(o, 0, sizeof *o);
	o->best.score = -1;
	while (lo < n && n - lo >= len) {
		const char *p = memmem(s + lo, (size_t)(n - lo), l->sel->exact, len);
		uint64_t pos;

		if (p == NULL)
			break;
		pos = (uint64_t)(p - s);
		if (o->count++ == 0)
			o->first = pos;
		if (context_intact(l, pos))
			nearer(l, &o->intact, &o->intact_at, pos);
		else if (given_intact(l, pos))
			nearer(l, &o->given, &o->given_at, pos);
		if (!o->intact && !o->given && o->count <= ANCHOR_MAX_SCORED) {
			double sc = score(l, pos, pos + len, 0);

			if (sc > o->best.score)
				o->best = (struct candidate){ pos, pos + len, 0, sc };
		}
		lo = pos + 1;
	}
}

/* Steps 1 and 2 of the top comment; false if the quote occurs nowhere exactly. */
static bool
locate_exact(const struct locate *l, struct anchor_result *r)
{
	const struct anchor_selector *sel = l->sel;
	uint64_t n = l->t->n, len = sel->exact_len, pos, lo, hi;
	struct occurrences o;

	if (quote_at(l, sel->start)) {
		found(r, sel->start, sel->start + len, ANCHOR_ANCHORED, ANCHOR_BY_POSITION, 0, 1.0);
		return true;
	}
	if (l->expected != sel->start && quote_at(l, l->expected) && context_intact(l, l->expected)) {
		found(r, l->expected, l->expected + len, ANCHOR_ANCHORED, ANCHOR_BY_SHIFT, 0, 1.0);
		return true;
	}
	lo = l->expected > ANCHOR_WINDOW ? l->expected - ANCHOR_WINDOW : 0;
	hi = GLOSS_MIN(n, l->expected + len + ANCHOR_WINDOW);
	if (exact_intact(l, lo, hi, &pos)) {
		found(r, pos, pos + len, ANCHOR_ANCHORED, ANCHOR_BY_EXACT, 0, 1.0);
		return true;
	}
	scan_occurrences(l, &o);
	if (o.intact)
		found(r, o.intact_at, o.intact_at + len, ANCHOR_ANCHORED, ANCHOR_BY_EXACT, 0, 1.0);
	else if (o.given)
		found(r, o.given_at, o.given_at + len, ANCHOR_ANCHORED, ANCHOR_BY_GIVEN, 0, 1.0);
	else if (o.count == 1)
		found(r, o.first, o.first + len, ANCHOR_ANCHORED, ANCHOR_BY_UNIQUE, 0, 1.0);
	else if (o.count > 1)
		found(r, o.best.start, o.best.end, ANCHOR_MOVED, ANCHOR_BY_CONTEXT, 0, o.best.score);
	return o.count > 0;
}

void
anchor_locate(struct anchor_text *t, const struct anchor_selector *sel, int64_t *delta,
    struct anchor_result *r)
{
	struct locate l;
	struct candidate best;

	found(r, sel->start, sel->end, ANCHOR_ORPHANED, ANCHOR_BY_NOTHING, 0, 0.0);
	if (sel->exact_len == 0)
		return;
	locate_init(&l, t, sel, *delta);
	if (!locate_exact(&l, r)) {	/* the exact text is gone: approximately */
		if (!locate_approx(&l, &best))
			return;
		found(r, best.start, best.end, ANCHOR_MOVED, ANCHOR_BY_APPROX, best.errors, best.score);
	}
	*delta = (int64_t)r->start - (int64_t)sel->start;
}
