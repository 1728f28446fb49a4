/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * bench_anchor — re-anchoring 10,000 highlights in a 1 MB document text
 * after an edit at its top (and two harder edits), timed.
 *
 *   bench/bench_anchor [HIGHLIGHTS [MEGABYTES]]
 *
 * The text is generated (English and Russian words, paragraphs of about 60
 * words); highlights of 2 to 12 words are spread over it.  Each scenario
 * re-anchors all highlights in order of position, as annot does, and
 * prints the time and how they were found.  Then the same end to end: the
 * highlights stored in a database, the file edited at the top, and
 * annot_attach() + annot_finish() (loading the text, re-anchoring, saving
 * every new position in one transaction).  Not run by `make check`.
 */
#include "gloss/gloss.h"

#include <time.h>
#include <unistd.h>

#include "gloss/anchor.h"
#include "gloss/annot.h"
#include "gloss/monotime.h"
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

static void
run(const char *name, const char *s, size_t n, struct hl *h, size_t count)
{
	struct anchor_text *t = anchor_text_new(s, n);
	size_t st[ANCHOR_STATUS_COUNT] = { 0 }, how[ANCHOR_BY_NOTHING + 1] = { 0 };
	int64_t delta = 0;
	double t0 = monotime_s(), dt;

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
	dt = monotime_s() - t0;
	printf("%-34s %8.1f ms  %6.2f us/highlight  anchored %zu moved %zu orphaned %zu"
	    "  (position %zu shift %zu exact %zu approx %zu none %zu)\n",
	    name, dt * 1e3, dt * 1e6 / (double)count, st[ANCHOR_ANCHORED], st[ANCHOR_MOVED],
	    st[ANCHOR_ORPHANED], how[ANCHOR_BY_POSITION], how[ANCHOR_BY_SHIFT], how[ANCHOR_BY_EXACT],
	    how[ANCHOR_BY_APPROX], how[ANCHOR_BY_NOTHING]);
	anchor_text_free(t);
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

static struct doc *
open_doc(const char *path)
{
	struct doc_options o = { .force = false, .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct doc *d;

	if (doc_open(path, &o, &d) != GLOSS_OK) {
		fprintf(stderr, "%s\n", error_last(GLOSS_EIO));
		exit(1);
	}
	return d;
}

/* The end-to-end run through the store (a temporary directory). */
static void
run_store(const struct strbuf *text, const struct strbuf *top, struct hl *h, size_t count)
{
	char dir[] = "/tmp/gloss-bench.XXXXXX", db[64], file[64];
	struct store *st;
	struct doc *d;
	struct annot_doc *ad;
	struct store_list l;
	size_t st_count[ANCHOR_STATUS_COUNT] = { 0 };
	double t0;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(db, sizeof db, "%s/gloss.db", dir);
	snprintf(file, sizeof file, "%s/article.txt", dir);
	write_file(file, text->buf, text->len);
	store_open(db, STORE_CREATE, &st);
	d = open_doc(file);
	annot_attach(st, d, ANNOT_NOW, &ad);
	t0 = monotime_s();
	store_begin(st);
	for (size_t i = 0; i < count; i++)
		annot_add(ad, h[i].start, h[i].end, STORE_YELLOW, NULL, NULL, 0, &(int64_t){ 0 });
	store_end(st, GLOSS_OK);
	printf("%-34s %8.1f ms  (one transaction)\n", "store: adding the highlights", (monotime_s() - t0) * 1e3);
	annot_detach(ad);
	doc_free(d);

	write_file(file, top->buf, top->len);
	t0 = monotime_s();
	d = open_doc(file);
	annot_attach(st, d, 0, &ad);
	printf("%-34s %8.1f ms  (stat, lookup, SHA-256)\n", "store: attach after the edit", (monotime_s() - t0) * 1e3);
	annot_finish(ad);
	printf("%-34s %8.1f ms  (load text, re-anchor, save)\n", "store: attach + re-anchor, total",
	    (monotime_s() - t0) * 1e3);
	annot_all(ad, &l);
	for (size_t i = 0; i < l.n; i++)
		st_count[l.v[i].status]++;
	printf("%-34s anchored %zu moved %zu orphaned %zu\n", "store: statuses", st_count[ANCHOR_ANCHORED],
	    st_count[ANCHOR_MOVED], st_count[ANCHOR_ORPHANED]);
	store_list_free(&l);
	annot_detach(ad);
	doc_free(d);
	store_close(st);
	unlink(file);
	unlink(db);
	rmdir(dir);
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
	{
		/* the worst case: every quote gone, each pays the global approximate search */
		struct strbuf other = STRBUF_INIT;

		seed = 99;
		make_text(bytes, &other);
		for (size_t i = 0; i < other.len; i++)	/* the same words, shifted letters */
			if (other.buf[i] >= 'a' && other.buf[i] <= 'y')
				other.buf[i]++;
		run("unrelated text (200 highlights)", other.buf, other.len, h, GLOSS_MIN(count, (size_t)200));
		strbuf_done(&other);
	}
	run_store(&text, &top, h, count);

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
