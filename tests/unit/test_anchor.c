/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_anchor — describing highlights and finding them again after edits:
 * a table of edits with the expected status and exact new position, the
 * context selectors, and Myers' matcher held to a naive dynamic program.
 */
#include "gloss/gloss.h"

#include "gloss/anchor.h"
#include "gloss/doc.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

/* The document text of a plain-text source, through the real loader. */
static char *
text_of(const char *src, size_t *n)
{
	struct doc_options opt = { .force = false, .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct strbuf sb = STRBUF_INIT;
	struct doc *d;

	if (doc_open_mem("t.txt", src, strlen(src), &opt, &d) != GLOSS_OK)
		return NULL;
	doc_measure_all(d);
	doc_text_range(d, 0, doc_text_length(d), &sb);
	doc_free(d);
	return strbuf_detach(&sb, n);
}

/* The offset of the nth (1-based) occurrence of needle in text, or -1. */
static long long
nth_offset(const char *text, size_t n, const char *needle, int nth)
{
	const char *p = text, *end = text + n;

	while ((p = memmem(p, (size_t)(end - p), needle, strlen(needle))) != NULL) {
		if (--nth == 0)
			return p - text;
		p++;
	}
	return -1;
}

struct owned_sel {
	struct anchor_selector sel;
	struct strbuf prefix, suffix;
};

static void
describe(const char *text, size_t n, uint64_t start, uint64_t end, struct owned_sel *o)
{
	strbuf_init(&o->prefix);
	strbuf_init(&o->suffix);
	anchor_context(text, n, start, end, &o->prefix, &o->suffix);
	o->sel.start = start;
	o->sel.end = end;
	o->sel.exact = text + start;
	o->sel.exact_len = (size_t)(end - start);
	o->sel.prefix = strbuf_str(&o->prefix);
	o->sel.prefix_len = o->prefix.len;
	o->sel.suffix = strbuf_str(&o->suffix);
	o->sel.suffix_len = o->suffix.len;
}

static void
owned_done(struct owned_sel *o)
{
	strbuf_done(&o->prefix);
	strbuf_done(&o->suffix);
}

/* ------------------------------------------------------------------ */
/* The edit table */

#define TITLE "Belarus and Ukraine\n\n"
#define P1 "The border between the two countries runs for more than a thousand kilometres " \
	"through forests and marshes.\n\n"
#define P2 "In 2020 the protests in Minsk changed the relationship for years. Kyiv condemned " \
	"the violence and questioned the elections.\n\n"
#define P3 "Лукашенко заявил, что всё решится ещё до осени, а Киев ответил сдержанно и без " \
	"лишних слов.\n\n"
#define P4 "Trade continued despite the sanctions, and the sanctions were widened again in 2021.\n\n"
#define P5 "The end.\n"
#define BASE TITLE P1 P2 P3 P4 P5
#define NEWP "A new paragraph was added here by the editor, with some more words.\n\n"

struct edit_case {
	const char *name;
	const char *before;	/* the original source */
	const char *quote;	/* the highlighted text: its nth occurrence in the original */
	int nth;
	const char *after;	/* the edited source */
	enum anchor_status want;
	long long start, end;	/* the expected new range */
	const char *text;	/* the expected document text in that range */
};

static const struct edit_case cases[] = {
	{ "unchanged", BASE, "protests in Minsk", 1, BASE,
	  ANCHOR_ANCHORED, 141, 158, "protests in Minsk" },
	{ "paragraph inserted before", BASE, "protests in Minsk", 1, TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 210, 227, "protests in Minsk" },
	{ "paragraph inserted after", BASE, "protests in Minsk", 1, TITLE P1 P2 NEWP P3 P4 P5,
	  ANCHOR_ANCHORED, 141, 158, "protests in Minsk" },
	{ "words inserted early in the quote's paragraph", BASE, "condemned the violence", 1,
	  TITLE P1 "In 2020 and 2021 the protests in Minsk changed the relationship for years. Kyiv "
	  "condemned the violence and questioned the elections.\n\n" P3 P4 P5,
	  ANCHOR_ANCHORED, 209, 231, "condemned the violence" },
	{ "words inserted just before the quote (it occurs once)", BASE, "condemned the violence", 1,
	  TITLE P1 "In 2020 the protests in Minsk changed the relationship for years. Kyiv loudly "
	  "condemned the violence and questioned the elections.\n\n" P3 P4 P5,
	  ANCHOR_ANCHORED, 207, 229, "condemned the violence" },
	{ "words inserted before one of two copies: the context decides", BASE, "the sanctions", 1,
	  TITLE P1 P2 P3 "Trade continued despite all the sanctions, and the sanctions were widened "
	  "again in 2021.\n\n" P5,
	  ANCHOR_MOVED, 448, 461, "the sanctions" },
	{ "words inserted after the quote, beyond its suffix", BASE, "protests in Minsk", 1,
	  TITLE P1 "In 2020 the protests in Minsk changed the relationship for years. Kyiv condemned "
	  "the violence and, later, questioned the elections.\n\n" P3 P4 P5,
	  ANCHOR_ANCHORED, 141, 158, "protests in Minsk" },
	{ "a word changed inside the quote", BASE, "Kyiv condemned the violence and questioned", 1,
	  TITLE P1 "In 2020 the protests in Minsk changed the relationship for years. Kyiv denounced "
	  "the violence and questioned the elections.\n\n" P3 P4 P5,
	  ANCHOR_MOVED, 195, 237, "Kyiv denounced the violence and questioned" },
	{ "paragraph moved (quote inside it)", BASE, "changed the relationship", 1,
	  TITLE P1 P3 P4 P2 P5,
	  ANCHOR_ANCHORED, 411, 435, "changed the relationship" },
	{ "paragraph moved (quote at its start)", BASE, "In 2020 the protests", 1,
	  TITLE P1 P3 P4 P2 P5,
	  ANCHOR_ANCHORED, 381, 401, "In 2020 the protests" },
	{ "quote deleted", BASE, "questioned the elections", 1, TITLE P1 P3 P4 P5,
	  ANCHOR_ORPHANED, 227, 251, "" },
	{ "CRLF line ends", BASE, "protests in Minsk", 1,
	  "Belarus and Ukraine\r\n\r\nThe border between the two countries runs for more than a "
	  "thousand kilometres through forests and marshes.\r\n\r\nIn 2020 the protests in Minsk "
	  "changed the relationship for years. Kyiv condemned the violence and questioned the "
	  "elections.\r\n\r\n" P3 P4 P5,
	  ANCHOR_ANCHORED, 141, 158, "protests in Minsk" },
	{ "blank lines and trailing spaces", BASE, "protests in Minsk", 1,
	  TITLE "\n\n" P1 "   \n" P2 P3 P4 "The end.   \n\n\n",
	  ANCHOR_ANCHORED, 141, 158, "protests in Minsk" },
	{ "duplicated quote: the second, after an insertion", BASE, "the sanctions", 2,
	  TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 532, 545, "the sanctions" },
	{ "duplicated quote: a new copy nearer the old place", BASE, "the sanctions", 1,
	  TITLE P1 P2 "They discussed the sanctions.\n\n" P3 P4 P5,
	  ANCHOR_ANCHORED, 475, 488, "the sanctions" },
	{ "Cyrillic: ё replaced by е", BASE, "всё решится ещё до осени", 1,
	  TITLE P1 P2 "Лукашенко заявил, что все решится еще до осени, а Киев ответил сдержанно "
	  "и без лишних слов.\n\n" P4 P5,
	  ANCHOR_MOVED, 294, 338, "все решится еще до осени" },
	{ "Cyrillic: a word changed", BASE, "Киев ответил сдержанно", 1,
	  TITLE P1 P2 "Лукашенко заявил, что всё решится ещё до осени, а Киев ответил уклончиво "
	  "и без лишних слов.\n\n" P4 P5,
	  ANCHOR_MOVED, 343, 385, "Киев ответил уклончиво" },
	{ "very short quote, shifted", BASE, "in", 2, TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 219, 221, "in" },
	{ "one-letter quote (in a word), shifted", BASE, "а", 1, TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 329, 331, "а" },
	{ "very short quote, its word deleted", BASE, "Minsk", 1,
	  TITLE P1 "In 2020 the protests changed the relationship for years. Kyiv condemned the "
	  "violence and questioned the elections.\n\n" P3 P4 P5,
	  ANCHOR_ORPHANED, 153, 158, "" },
	{ "quote at the very start, text after", BASE, "Belarus", 1, TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 0, 7, "Belarus" },
	{ "quote at the very start, a line inserted before", BASE, "Belarus and", 1,
	  "Preface\n\n" BASE,
	  ANCHOR_ANCHORED, 9, 20, "Belarus and" },
	{ "quote at the very end, text before", BASE, "The end.", 1, TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 575, 583, "The end." },
	{ "quote at the very end, text appended", BASE, "The end.", 1, BASE "\nPostscript.\n",
	  ANCHOR_ANCHORED, 506, 514, "The end." },
	{ "quote across paragraphs, shifted", BASE, "marshes.\n\nIn 2020", 1,
	  TITLE NEWP P1 P2 P3 P4 P5,
	  ANCHOR_ANCHORED, 188, 205, "marshes.\n\nIn 2020" },
};

static void
run_case(const struct edit_case *c)
{
	size_t n0, n1;
	char *t0 = text_of(c->before, &n0), *t1 = text_of(c->after, &n1);
	long long at = nth_offset(t0, n0, c->quote, c->nth);
	struct owned_sel o;
	struct anchor_text *at1;
	struct anchor_result r;
	int64_t delta = 0;

	if (!ok(t0 && t1 && at >= 0, "%s: the quote is in the original", c->name))
		return;
	describe(t0, n0, (uint64_t)at, (uint64_t)at + strlen(c->quote), &o);
	at1 = anchor_text_new(t1, n1);
	anchor_locate(at1, &o.sel, &delta, &r);
	is_str(anchor_status_name(r.status), anchor_status_name(c->want), "%s: status", c->name);
	is_int((long long)r.start, c->start, "%s: start", c->name);
	is_int((long long)r.end, c->end, "%s: end", c->name);
	if (c->want != ANCHOR_ORPHANED) {
		char *got = xstrndup(t1 + r.start, (size_t)(r.end - r.start));

		is_str(got, c->text, "%s: text at the new range", c->name);
		is_int(delta, (long long)r.start - at, "%s: delta is the shift", c->name);
		free(got);
	} else {
		is_int(delta, 0, "%s: an orphan leaves delta alone", c->name);
	}
	anchor_text_free(at1);
	owned_done(&o);
	free(t0);
	free(t1);
}

static void
test_edits(void)
{
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(cases); i++)
		run_case(&cases[i]);
}

/* ------------------------------------------------------------------ */
/* Contexts */

static void
check_context(const char *text, const char *quote, const char *want_prefix, const char *want_suffix,
    const char *name)
{
	size_t n = strlen(text);
	long long at = nth_offset(text, n, quote, 1);
	struct strbuf p = STRBUF_INIT, s = STRBUF_INIT;

	anchor_context(text, n, (uint64_t)at, (uint64_t)at + strlen(quote), &p, &s);
	is_str(strbuf_str(&p), want_prefix, "context %s: prefix", name);
	is_str(strbuf_str(&s), want_suffix, "context %s: suffix", name);
	strbuf_done(&p);
	strbuf_done(&s);
}

static void
test_context(void)
{
	check_context("abc def ghi", "def", "abc ", " ghi", "short text");
	check_context("abc", "abc", "", "", "whole text");
	check_context("0123456789abcdefghijklmnopqrstuvwxyzQUOTE0123456789abcdefghijklmnopqrstuvwxyz",
	    "QUOTE", "456789abcdefghijklmnopqrstuvwxyz", "0123456789abcdefghijklmnopqrstuv",
	    "32 code points of ASCII");
	check_context("Это очень длинное предложение по-русски, в нём есть цитата и ещё немало слов потом.",
	    "цитата", "едложение по-русски, в нём есть ",
	    " и ещё немало слов потом.", "Cyrillic counts code points, not bytes");
	check_context("ааааааааааааааааааааааааааааааааааX", "X",
	    "аааааааааааааааааааааааааааааааа", "", "exactly 32 two-byte code points");
	ok(anchor_is_boundary("жук", 6, 0) && !anchor_is_boundary("жук", 6, 1) &&
	    anchor_is_boundary("жук", 6, 2) && anchor_is_boundary("жук", 6, 6),
	    "code-point boundaries");
}

/* ------------------------------------------------------------------ */
/* A batch: the shift found for one highlight serves the next */

static void
test_batch(void)
{
	struct strbuf src = STRBUF_INIT, edited = STRBUF_INIT;
	size_t n0, n1;
	char *t0, *t1;
	struct owned_sel o[20];
	struct anchor_text *at;
	int64_t delta = 0;
	int by_shift = 0, anchored = 0, right = 0;

	for (int i = 0; i < 20; i++)
		strbuf_addf(&src, "Paragraph number %d says something about item %d.\n\n", i, i * 7);
	strbuf_adds(&edited, "An introduction that was written later.\n\n");
	strbuf_add(&edited, src.buf, src.len);
	t0 = text_of(src.buf, &n0);
	t1 = text_of(edited.buf, &n1);
	for (int i = 0; i < 20; i++) {
		char q[64];
		long long at0;

		snprintf(q, sizeof q, "about item %d.", i * 7);
		at0 = nth_offset(t0, n0, q, 1);
		describe(t0, n0, (uint64_t)at0, (uint64_t)at0 + strlen(q), &o[i]);
	}
	at = anchor_text_new(t1, n1);
	for (int i = 0; i < 20; i++) {
		struct anchor_result r;

		anchor_locate(at, &o[i].sel, &delta, &r);
		anchored += r.status == ANCHOR_ANCHORED;
		by_shift += r.method == ANCHOR_BY_SHIFT;
		right += r.start == o[i].sel.start + 41 && r.end == o[i].sel.end + 41;
		owned_done(&o[i]);
	}
	is_int(anchored, 20, "batch: all anchored");
	is_int(right, 20, "batch: all shifted by the 41 inserted bytes");
	is_int(by_shift, 19, "batch: every highlight after the first is found by the shift");
	is_int(delta, 41, "batch: the delta is the shift");
	anchor_text_free(at);
	free(t0);
	free(t1);
	strbuf_done(&src);
	strbuf_done(&edited);
}

/*
 * The shift found for one highlight places the next one only if its context
 * is intact there: here a word just before the second quote was replaced
 * by another of the same length, so the quote is at the shifted place but
 * in changed surroundings (it is still anchored: it occurs only once).
 */
static void
test_shift_needs_context(void)
{
	size_t n0, n1;
	char *t0 = text_of(TITLE P1 P2 P3 P4 P5, &n0);
	char *t1 = text_of(TITLE NEWP P1 "In 2020 the protests in Minsk changed the relationship for "
	    "years; Kyiv condemned the violence and questioned the elections.\n\n" P3 P4 P5, &n1);
	long long a0 = nth_offset(t0, n0, "thousand kilometres", 1);
	long long b0 = nth_offset(t0, n0, "condemned the violence", 1);
	long long b1 = nth_offset(t1, n1, "condemned the violence", 1);
	struct owned_sel a, b;
	struct anchor_text *at = anchor_text_new(t1, n1);
	struct anchor_result r;
	int64_t delta = 0;

	describe(t0, n0, (uint64_t)a0, (uint64_t)a0 + 19, &a);
	describe(t0, n0, (uint64_t)b0, (uint64_t)b0 + 22, &b);
	anchor_locate(at, &a.sel, &delta, &r);
	is_int(delta, (long long)strlen(NEWP), "shift: the first highlight finds the shift");
	anchor_locate(at, &b.sel, &delta, &r);
	is_int((long long)r.start, b1, "shift: the second is at the shifted place");
	ok(b1 == b0 + (long long)strlen(NEWP), "shift: which is exactly old + delta");
	ok(r.method == ANCHOR_BY_UNIQUE && r.status == ANCHOR_ANCHORED,
	    "shift: but its context changed: not taken by the shift, anchored as the only occurrence");
	anchor_text_free(at);
	owned_done(&a);
	owned_done(&b);
	free(t0);
	free(t1);
}

/* ------------------------------------------------------------------ */
/* Selectors made by other tools: short or no context, no position */

static void
foreign(const char *text, const char *exact, const char *prefix, const char *suffix,
    struct anchor_result *r)
{
	struct anchor_selector sel = { .exact = exact, .exact_len = strlen(exact), .prefix = prefix,
	    .prefix_len = strlen(prefix), .suffix = suffix, .suffix_len = strlen(suffix) };
	struct anchor_text *at = anchor_text_new(text, strlen(text));
	int64_t delta = 0;

	sel.start = sel.end = UINT64_MAX;	/* no position */
	anchor_locate(at, &sel, &delta, r);
	anchor_text_free(at);
}

static void
test_foreign(void)
{
	const char *t = BASE;
	long long first = nth_offset(t, strlen(t), "the sanctions", 1);
	long long second = nth_offset(t, strlen(t), "the sanctions", 2);
	struct anchor_result r;

	foreign(t, "protests in Minsk", "", "", &r);
	ok(r.status == ANCHOR_ANCHORED && r.method == ANCHOR_BY_UNIQUE && r.start == 141,
	    "foreign: a quote that occurs once anchors without any context");
	foreign(t, "protests in Minsk", "In 2020 the ", " changed the r", &r);
	ok(r.status == ANCHOR_ANCHORED && r.start == 141,
	    "foreign: a 12/14-character context as given anchors");
	foreign(t, "the sanctions", "and ", " were", &r);
	ok(r.status == ANCHOR_ANCHORED && r.method == ANCHOR_BY_GIVEN && r.start == (uint64_t)second,
	    "foreign: a short context picks the second of two copies");
	foreign(t, "the sanctions", "despite ", ", and", &r);
	ok(r.status == ANCHOR_ANCHORED && r.start == (uint64_t)first,
	    "foreign: ... and the first");
	foreign(t, "the sanctions", "", "", &r);
	ok(r.status == ANCHOR_MOVED && r.method == ANCHOR_BY_CONTEXT,
	    "foreign: two copies and nothing to tell them apart: moved, not anchored");
	foreign(t, "the sanctions", "against ", " were", &r);
	ok(r.status == ANCHOR_MOVED && r.start == (uint64_t)second,
	    "foreign: a context that matches neither copy exactly: the closer one, moved");
	foreign(t, "Kyiv condemned", "violence and questioned the elections", "", &r);
	ok(r.status == ANCHOR_ANCHORED && r.method == ANCHOR_BY_UNIQUE,
	    "foreign: an exact occurrence wins over any context elsewhere (no fuzzy search)");
	foreign(t, "Kyiv condemnd the", "", "", &r);
	ok(r.status == ANCHOR_MOVED && r.method == ANCHOR_BY_APPROX && r.start == 195,
	    "foreign: fuzzy matching only when the exact text is gone");
}

/* ------------------------------------------------------------------ */
/* Myers against a naive dynamic program */

static unsigned
min3(unsigned a, unsigned b, unsigned c)
{
	return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

/* D[m][j] for every j, search (row 0 = 0) or global (row 0 = j). */
static void
naive_last_row(const uint32_t *p, size_t m, const uint32_t *t, size_t n, bool search, unsigned *out)
{
	unsigned *prev = xmalloc((m + 1) * sizeof *prev), *cur = xmalloc((m + 1) * sizeof *cur);

	for (size_t i = 0; i <= m; i++)
		prev[i] = (unsigned)i;
	for (size_t j = 0; j < n; j++) {
		cur[0] = search ? 0 : (unsigned)(j + 1);
		for (size_t i = 1; i <= m; i++)
			cur[i] = min3(prev[i - 1] + (p[i - 1] != t[j]), prev[i] + 1, cur[i - 1] + 1);
		out[j] = cur[m];
		memcpy(prev, cur, (m + 1) * sizeof *prev);
	}
	free(prev);
	free(cur);
}

static uint32_t
random_cp(unsigned *seed, int alphabet)
{
	static const uint32_t base[] = { 'a', 0x430, 0x4E00, 0x1F600 };

	*seed = *seed * 1103515245u + 12345u;
	return base[(*seed >> 16) % 4] + (*seed >> 8) % (unsigned)alphabet;
}

static void
test_myers(void)
{
	static const size_t lengths[] = { 1, 2, 5, 31, 63, 64, 65, 100, 127, 128, 129, 200, 300 };
	unsigned seed = 42;
	int bad_search = 0, bad_global = 0;

	for (size_t li = 0; li < GLOSS_ARRAY_SIZE(lengths); li++) {
		for (int rep = 0; rep < 12; rep++) {
			size_t m = lengths[li], n = 1 + (size_t)(rep * 37 % 350);
			int alphabet = 2 + rep % 4;
			uint32_t *p = xmalloc(m * sizeof *p), *t = xmalloc(n * sizeof *t);
			unsigned *got = xmalloc(n * sizeof *got), *want = xmalloc(n * sizeof *want);

			for (size_t i = 0; i < m; i++)
				p[i] = random_cp(&seed, alphabet);
			for (size_t j = 0; j < n; j++)
				t[j] = random_cp(&seed, alphabet);
			anchor_scores(p, m, t, n, got);
			naive_last_row(p, m, t, n, true, want);
			bad_search += memcmp(got, want, n * sizeof *got) != 0;
			naive_last_row(p, m, t, n, false, want);
			bad_global += anchor_distance(p, m, t, n) != want[n - 1];
			free(p);
			free(t);
			free(got);
			free(want);
		}
	}
	is_int(bad_search, 0, "Myers search distances equal the naive ones (13 lengths x 12 texts)");
	is_int(bad_global, 0, "Myers global distances equal the naive ones");
	{
		uint32_t a[] = { 'k', 'i', 't', 't', 'e', 'n' }, b[] = { 's', 'i', 't', 't', 'i', 'n', 'g' };

		is_int(anchor_distance(a, 6, b, 7), 3, "kitten/sitting = 3");
		is_int(anchor_distance(a, 6, b, 0), 6, "distance to the empty string");
	}
}

static void
test_find_approx(void)
{
	const char *text = "Лукашенко заявил, что все решится еще до осени; всё решится ещё до осени.";
	const char *pat = "всё решится ещё до осени";
	struct anchor_match *v;
	size_t n = anchor_find_approx(pat, strlen(pat), text, 0, strlen(text), 3, &v);
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s[%.*s]/%u", i ? " " : "", (int)(v[i].end - v[i].start),
		    text + v[i].start, v[i].errors);
	is_str(strbuf_str(&sb), "[все решится еще до осени]/2 [всё решится ещё до осени]/0",
	    "approximate matches with their starts and errors");
	free(v);
	n = anchor_find_approx(pat, strlen(pat), text, 0, strlen(text), 1, &v);
	is_int((long long)n, 1, "a lower error bound drops the farther match");
	free(v);
	strbuf_done(&sb);
}

static void
test_status_names(void)
{
	enum anchor_status st = ANCHOR_ANCHORED;

	is_str(anchor_status_name(ANCHOR_MOVED), "moved", "status name");
	ok(anchor_status_parse("orphaned", &st) && st == ANCHOR_ORPHANED, "status parsed");
	ok(!anchor_status_parse("lost", &st), "unknown status refused");
}

int
main(void)
{
	test_edits();
	test_context();
	test_batch();
	test_shift_needs_context();
	test_foreign();
	test_myers();
	test_find_approx();
	test_status_names();
	return tap_done();
}
