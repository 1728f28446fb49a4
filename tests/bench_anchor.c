/*
 * bench_anchor — re-anchoring 10,000 highlights in a 1 MB document text
 * after an edit at its top (and two harder edits), timed.
 *
 *   tests/bench_anchor [HIGHLIGHTS [MEGABYTES]]
 *
 * The text is generated (English and Russian words, paragraphs of about 60
 * words); highlights of 2 to 12 words are spread over it.  Each scenario
 * re-anchors all highlights in order of position, as annot does, and
 * prints the time and how they were found.  Not run by `make check`.
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/anchor.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

static const char *const words[] = {
	"the", "border", "between", "countries", "runs", "through", "forests", "and", "marshes",
	"protests", "in", "Minsk", "changed", "relationship", "Kyiv", "condemned", "violence",
	"trade", "continued", "despite", "sanctions", "were", "widened", "again", "election",
	"Лукашенко", "заявил", "что", "всё", "решится", "ещё", "до", "осени", "Киев", "ответил",
	"сдержанно", "без", "лишних", "слов", "граница", "между", "странами", "торговля",
	"санкции", "выборы", "протесты", "в", "и", "на", "по",
};

struct hl {
	uint64_t start, end;
	struct strbuf prefix, suffix;
	char *exact;
};

static unsigned seed = 12345;

static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static void
make_text(size_t bytes, struct strbuf *sb)
{
	while (sb->len < bytes) {
		unsigned nw = 40 + rnd(40);

		for (unsigned i = 0; i < nw; i++) {
			strbuf_adds(sb, words[rnd(GLOSS_ARRAY_SIZE(words))]);
			strbuf_adds(sb, i + 1 == nw ? "." : rnd(10) == 0 ? ", " : " ");
		}
		strbuf_adds(sb, "\n\n");
	}
}

/* The start of the word at or after off. */
static uint64_t
word_start(const char *s, size_t n, uint64_t off)
{
	while (off < n && s[off] != ' ' && s[off] != '\n')
		off++;
	while (off < n && (s[off] == ' ' || s[off] == '\n' || s[off] == ','))
		off++;
	return off;
}

static void
make_highlights(const char *s, size_t n, struct hl *h, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		uint64_t a = word_start(s, n, (uint64_t)i * (n - 200) / count + rnd(50)), b = a;
		unsigned nw = 2 + rnd(11);

		for (unsigned w = 0; w < nw; w++)
			b = word_start(s, n, b);
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n'))
			b--;
		h[i].start = a;
		h[i].end = b;
		h[i].exact = xstrndup(s + a, (size_t)(b - a));
		strbuf_init(&h[i].prefix);
		strbuf_init(&h[i].suffix);
		anchor_context(s, n, a, b, &h[i].prefix, &h[i].suffix);
	}
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
run(const char *name, const char *s, size_t n, struct hl *h, size_t count)
{
	struct anchor_text *t = anchor_text_new(s, n);
	size_t st[ANCHOR_STATUS_COUNT] = { 0 }, how[ANCHOR_BY_NOTHING + 1] = { 0 };
	int64_t delta = 0;
	double t0 = now(), dt;

	for (size_t i = 0; i < count; i++) {
		struct anchor_selector sel = {
			.start = h[i].start, .end = h[i].end,
			.exact = h[i].exact, .exact_len = strlen(h[i].exact),
			.prefix = h[i].prefix.buf, .prefix_len = h[i].prefix.len,
			.suffix = h[i].suffix.buf, .suffix_len = h[i].suffix.len,
		};
		struct anchor_result r;

		anchor_locate(t, &sel, &delta, &r);
		st[r.status]++;
		how[r.method]++;
	}
	dt = now() - t0;
	printf("%-34s %8.1f ms  %6.2f us/highlight  anchored %zu moved %zu orphaned %zu"
	    "  (position %zu shift %zu exact %zu approx %zu none %zu)\n",
	    name, dt * 1e3, dt * 1e6 / (double)count, st[ANCHOR_ANCHORED], st[ANCHOR_MOVED],
	    st[ANCHOR_ORPHANED], how[ANCHOR_BY_POSITION], how[ANCHOR_BY_SHIFT], how[ANCHOR_BY_EXACT],
	    how[ANCHOR_BY_APPROX], how[ANCHOR_BY_NOTHING]);
	anchor_text_free(t);
}

int
main(int argc, char **argv)
{
	size_t count = argc > 1 ? (size_t)atol(argv[1]) : 10000;
	size_t bytes = (argc > 2 ? (size_t)atol(argv[2]) : 1) * 1024 * 1024;
	struct strbuf text = STRBUF_INIT, top = STRBUF_INIT, mid = STRBUF_INIT;
	struct hl *h;

	if (count == 0 || bytes == 0) {
		fputs("usage: bench_anchor [HIGHLIGHTS [MEGABYTES]]\n", stderr);
		return 2;
	}
	make_text(bytes, &text);
	h = xcalloc(count, sizeof *h);
	make_highlights(text.buf, text.len, h, count);
	printf("text %zu bytes, %zu highlights\n", text.len, count);

	run("unchanged", text.buf, text.len, h, count);

	strbuf_adds(&top, "A paragraph added at the top by a later edit of the article.\n\n");
	strbuf_add(&top, text.buf, text.len);
	run("edit at the top", top.buf, top.len, h, count);

	/* every 100th highlight loses a space from its middle: approximate */
	strbuf_add(&mid, top.buf, top.len);
	for (size_t i = count, shift = top.len - text.len; i-- > 0;) {
		if (i % 100 == 50 && h[i].end - h[i].start > 20) {
			uint64_t at = h[i].start + shift + (h[i].end - h[i].start) / 2;

			while (mid.buf[at] != ' ' && at < h[i].end + shift)
				at++;
			memmove(mid.buf + at, mid.buf + at + 1, mid.len - at - 1);
			strbuf_truncate(&mid, mid.len - 1);
		}
	}
	run("top + 1% of quotes edited", mid.buf, mid.len, h, count);

	for (size_t i = 0; i < count; i++) {
		free(h[i].exact);
		strbuf_done(&h[i].prefix);
		strbuf_done(&h[i].suffix);
	}
	free(h);
	strbuf_done(&text);
	strbuf_done(&top);
	strbuf_done(&mid);
	return 0;
}
