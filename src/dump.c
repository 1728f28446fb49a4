/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * dump — `gloss dump`: lays the document out with the same presentation
 * and layout as the pager and writes plain lines (see include/gloss/dump.h).
 *
 * A plain-text file of several chunks is dumped by a small pipeline: worker
 * threads parse and lay out chunks independently (chunk boundaries depend
 * only on nearby bytes) into text buffers, and the main thread writes the
 * buffers in order.  A ring of DUMP_SLOTS buffers bounds the memory.
 */
#include "gloss/gloss.h"

#include <errno.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gloss/cmd.h"
#include "gloss/dump.h"
#include "gloss/hyph.h"
#include "gloss/layout.h"
#include "gloss/meta.h"
#include "gloss/options.h"
#include "gloss/present.h"
#include "gloss/strbuf.h"

#define DUMP_FLUSH (64u * 1024u)
#define DUMP_SLOTS 8		/* chunks laid out ahead of the writer */
#define DUMP_THREADS_MAX 8
#define DUMP_TRIM (32 << 20)	/* bytes of free heap kept before malloc returns them */

static void
rtrim(struct strbuf *sb, size_t floor)
{
	while (sb->len > floor && sb->buf[sb->len - 1] == ' ')
		sb->len--;
	if (sb->buf)
		sb->buf[sb->len] = '\0';
}

/* A thematic break: its mark centred, as the pager draws it. */
static void
dump_rule(int width, enum glyph_mode mode, struct strbuf *out)
{
	const char *rule = present_rule(mode);
	int w = mode == GLYPH_ASCII ? 5 : 1;

	for (int i = 0; i < (width - w) / 2; i++)
		strbuf_addc(out, ' ');
	strbuf_adds(out, rule);
	strbuf_addc(out, '\n');
}

/* A block's prefix (a list label, a task box, a note's label) in the glyphs of mode. */
static void
append_prefix(struct strbuf *out, const char *prefix, enum glyph_mode mode)
{
	glyph_append_safe(out, prefix, strlen(prefix), mode);
}

static void
dump_lines(const struct doc_block *b, const struct present *p, const struct layout_line *lines,
    size_t n, enum glyph_mode mode, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		size_t line_start = out->len;

		append_prefix(out, i == 0 ? p->first : p->rest, mode);
		present_line_text(b, &lines[i], mode, out);
		rtrim(out, line_start);
		strbuf_addc(out, '\n');
	}
}

/* A table row in its columns, and the rule under a header row. */
static void
dump_table(const struct doc_block *b, const struct present *p, const struct present_table *t,
    enum glyph_mode mode, struct strbuf *out)
{
	for (int r = 0; r <= t->rows; r++) {
		size_t line_start = out->len;

		if (r == t->rows && !t->header)
			break;
		append_prefix(out, r == 0 ? p->first : p->rest, mode);
		if (r < t->rows)
			present_table_line(b, t, r, mode, out);
		else
			present_table_rule(t, mode, out);
		rtrim(out, line_start);
		strbuf_addc(out, '\n');
	}
}

static void
dump_block(struct doc_block *b, int width, enum glyph_mode mode, unsigned how,
    struct strbuf *out)
{
	const struct present_table *t;
	struct present p;
	struct layout_opts o;
	const struct layout_line *lines;
	size_t n;

	present_block(b, mode, how, width, &p);
	if (b->flags & DOC_BLOCK_RULE_BEFORE)
		dump_rule(width, mode, out);
	if ((t = present_table(b, mode, width - p.indent)) != NULL) {
		dump_table(b, &p, t, mode, out);
	} else {
		o = present_layout_opts(&p, width, mode);
		lines = layout_block(b, &o, &n);
		dump_lines(b, &p, lines, n, mode, out);
	}
	if (b->flags & DOC_BLOCK_RULE_AFTER)
		dump_rule(width, mode, out);
}

/* Blocks are followed by a blank line, except the pieces of a paragraph and tight list items. */
static bool
dump_separated(const struct doc_block *b)
{
	return !(b->flags & (DOC_BLOCK_JOINED | DOC_BLOCK_TIGHT));
}

static bool
flush(struct strbuf *sb, FILE *out)
{
	bool ok = sb->len == 0 || fwrite(sb->buf, 1, sb->len, out) == sb->len;

	strbuf_reset(sb);
	return ok;
}

/* Lays out the blocks of one chunk; returns whether it had any. */
static bool
dump_chunk(struct doc_block *blocks, uint32_t n, int width, enum glyph_mode mode,
    struct strbuf *out)
{
	for (uint32_t i = 0; i < n; i++) {
		if (i > 0 && dump_separated(&blocks[i - 1]))
			strbuf_addc(out, '\n');
		dump_block(&blocks[i], width, mode, PRESENT_PLAIN, out);
	}
	return n > 0;
}

static enum gloss_status
dump_serial(struct doc *doc, int width, enum glyph_mode mode, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct doc_loc loc;
	bool ok = true, first = true, joined = false;
	uint32_t chunk = 0;
	unsigned how = PRESENT_PLAIN |
	    (doc_format(doc) == DOC_FORMAT_MARKDOWN ? PRESENT_MARKDOWN : 0);

	if (doc_first(doc, &loc)) {
		do {
			struct doc_block *b = doc_block(doc, loc);

			if (!first && !joined)
				strbuf_addc(&sb, '\n');
			dump_block(b, width, mode, how, &sb);
			joined = !dump_separated(b);
			first = false;
			if (doc_source_damaged(doc))
				break;		/* the file shrank: what follows is not its text */
			if (sb.len >= DUMP_FLUSH)
				ok = flush(&sb, out) && ok;
			if (loc.chunk != chunk) {
				chunk = loc.chunk;
				doc_trim(doc);
			}
		} while (doc_next(doc, &loc));
	}
	if (!doc_source_damaged(doc))
		ok = flush(&sb, out) && ok;
	strbuf_done(&sb);
	return ok ? GLOSS_OK : GLOSS_EIO;
}

/*
 * Chunk k is laid out into slot k % DUMP_SLOTS.  The slot's buffer is kept
 * from one chunk to the next (the writer empties it, a worker fills it
 * again): a new buffer for every chunk, grown by realloc, cost a page fault
 * every few KiB of output.
 */
struct slot {
	bool ready;
	bool nonempty, joined_start;
	uint64_t src_start;
	struct strbuf text;
};

struct pipeline {
	struct doc *doc;
	int width;
	enum glyph_mode mode;
	uint32_t nchunks;
	uint32_t next;		/* the next chunk a worker takes */
	uint32_t written;	/* chunks the writer has finished */
	struct slot slots[DUMP_SLOTS];
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *
worker(void *arg)
{
	struct pipeline *pl = arg;

	for (;;) {
		struct strbuf text;
		struct doc_chunk *dc;
		struct slot *sl;
		bool nonempty;
		uint32_t k;

		pthread_mutex_lock(&pl->mu);
		while (pl->next < pl->nchunks && pl->next >= pl->written + DUMP_SLOTS)
			pthread_cond_wait(&pl->cv, &pl->mu);
		k = pl->next++;
		sl = &pl->slots[k % DUMP_SLOTS];
		text = sl->text;	/* emptied by the writer */
		pthread_mutex_unlock(&pl->mu);
		if (k >= pl->nchunks)
			return NULL;
		dc = doc_chunk_parse(pl->doc, k);
		strbuf_grow(&text, (size_t)(dc->src_end - dc->src_start) + DUMP_FLUSH);
		nonempty = dump_chunk(dc->blocks, dc->nblocks, pl->width, pl->mode, &text);
		pthread_mutex_lock(&pl->mu);
		sl->text = text;
		sl->nonempty = nonempty;
		sl->joined_start = dc->joined_start;
		sl->src_start = dc->src_start;
		sl->ready = true;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
		doc_chunk_release(dc);
	}
}

/*
 * The writer: takes the chunks in order and writes them.  Once chunk k is
 * written, no worker reads before chunk k-1 any more, so the mapped pages
 * behind it are dropped (workers fault pages around theirs back in).
 */
static bool
write_in_order(struct pipeline *pl, FILE *out)
{
	bool ok = true, any = false;
	uint64_t prev_start = 0, released = 0;

	for (uint32_t k = 0; k < pl->nchunks; k++) {
		struct slot *sl = &pl->slots[k % DUMP_SLOTS];
		struct strbuf text;
		bool nonempty, joined;

		pthread_mutex_lock(&pl->mu);
		while (!sl->ready)
			pthread_cond_wait(&pl->cv, &pl->mu);
		nonempty = sl->nonempty;
		joined = sl->joined_start;
		if (prev_start > released) {
			doc_release_source(pl->doc, released, prev_start);
			released = prev_start;
		}
		prev_start = sl->src_start;
		text = sl->text;
		pthread_mutex_unlock(&pl->mu);
		/* the file shrank: the rest is not its text (the workers are let finish) */
		if (nonempty && !doc_source_damaged(pl->doc)) {
			if (any && !joined)
				ok = fputc('\n', out) != EOF && ok;
			ok = flush(&text, out) && ok;
			any = true;
		}
		strbuf_reset(&text);
		pthread_mutex_lock(&pl->mu);
		sl->text = text;
		sl->ready = false;
		pl->written = k + 1;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
	}
	return ok;
}

/* Worker threads: one per processor ($GLOSS_THREADS overrides; 0 is serial). */
static int
thread_count(uint32_t nchunks)
{
	const char *env = getenv("GLOSS_THREADS");
	long n = env && *env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);

	if (env && *env)
		return n > 0 ? (int)GLOSS_MIN(n, (long)DUMP_THREADS_MAX) : 0;
	if (n < 2 || nchunks < 4)
		return 0;
	return (int)GLOSS_MIN(n, (long)DUMP_THREADS_MAX);
}

/*
 * Every chunk allocates and frees its text, blocks and lines.  In a
 * worker's arena glibc's malloc gives the free top of the heap back to the
 * system (madvise) as soon as it passes its threshold of 128 KiB, and the
 * next chunk faults the pages in again: 7,500 page faults and a tenth of
 * the time of 100 MB.  A fixed threshold keeps a few MiB free in each
 * arena; the dump's memory stays bounded by its slots.
 */
static void
keep_free_heap(void)
{
#if defined(HAVE_MALLOPT) && defined(M_TRIM_THRESHOLD)
	mallopt(M_TRIM_THRESHOLD, DUMP_TRIM);
#endif
}

static enum gloss_status
dump_parallel(struct doc *doc, int width, enum glyph_mode mode, FILE *out, int nthreads)
{
	struct pipeline pl;
	pthread_t th[DUMP_THREADS_MAX];
	int started = 0;
	bool ok;

	memset(&pl, 0, sizeof pl);
	pl.doc = doc;
	pl.width = width;
	pl.mode = mode;
	pl.nchunks = doc_chunk_count(doc);
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	keep_free_heap();
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&th[started], NULL, worker, &pl) == 0)
			started++;
	if (started == 0) {
		pthread_mutex_destroy(&pl.mu);
		pthread_cond_destroy(&pl.cv);
		return dump_serial(doc, width, mode, out);
	}
	ok = write_in_order(&pl, out);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < DUMP_SLOTS; i++)
		strbuf_done(&pl.slots[i].text);
	pthread_mutex_destroy(&pl.mu);
	pthread_cond_destroy(&pl.cv);
	return ok ? GLOSS_OK : GLOSS_EIO;
}

/* The header of a Markdown file's front matter (not part of the document text), and a blank line. */
static void
dump_front(struct doc *doc, int width, enum glyph_mode mode, FILE *out)
{
	struct doc_build_chunk *front = meta_header(doc, false);
	struct strbuf sb = STRBUF_INIT;
	struct doc_loc loc;

	if (front && front->nblocks > 0) {
		for (uint32_t i = 0; i < front->nblocks; i++)
			dump_block(&front->blocks[i], width, mode, PRESENT_PLAIN, &sb);
		if (doc_first(doc, &loc))
			strbuf_addc(&sb, '\n');
		flush(&sb, out);
	}
	strbuf_done(&sb);
	doc_build_chunk_free(front);
}

enum gloss_status
dump_doc(struct doc *doc, int width, enum glyph_mode mode, FILE *out)
{
	enum gloss_status rc;
	int nthreads = doc_format(doc) == DOC_FORMAT_TEXT ?
	    thread_count(doc_chunk_count(doc)) : 0;

	dump_front(doc, width, mode, out);
	if (nthreads > 0)
		rc = dump_parallel(doc, width, mode, out, nthreads);
	else
		rc = dump_serial(doc, width, mode, out);
	if (fflush(out) != 0)
		rc = GLOSS_EIO;
	if (rc != GLOSS_OK)
		return error_set(GLOSS_EIO, "write error: %s", strerror(errno));
	if (doc_changed(doc))
		return error_set(GLOSS_ECHANGED, "%s: the file changed while it was read (%s)",
		    doc_path(doc), doc_source_damaged(doc) ? "it shrank; the output stops there" :
		    "the output may mix old and new text");
	return GLOSS_OK;
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static int
parse_width(const char *s)
{
	char *end;
	long w;

	errno = 0;
	w = strtol(s, &end, 10);
	if (errno || *end || w < 1 || w > 100000)
		return -1;
	return (int)w;
}

enum { OPT_WIDTH, OPT_ASCII, OPT_FORCE, OPT_HYPHENATE };

/* --hyphenate (or set hyphenate on) where it cannot work: say so, wrap without it. */
static void
hyphenate_check(void)
{
	if (opt_hyphenate && !hyph_enable(stderr))
		opt_hyphenate = false;
}

static const struct cmd_option dump_options[] = {
	{ "width", 'w', "COLS", 0, OPT_WIDTH, "lines at most COLS columns wide" },
	{ "ascii", 0, NULL, 0, OPT_ASCII, "text transliterated to ASCII" },
	{ "force", 0, NULL, 0, OPT_FORCE, "open a file that looks binary" },
	{ "hyphenate", 0, NULL, 0, OPT_HYPHENATE, "hyphenate words where a line would be left under two thirds full" },
	{ NULL, 0, NULL, 0, 0, NULL },
};

static int
dump_exec(int argc, char **argv)
{
	struct cmd_getopt g;
	struct doc *doc;
	enum gloss_status rc;
	int width = terminal_width(), c;

	cmd_getopt_init(&g, &dump_entry, argc, argv);
	while ((c = cmd_getopt_next(&g)) != CMD_END) {
		switch (c) {
		case OPT_WIDTH:
			if ((width = parse_width(optarg)) < 0)
				return cmd_usage_error(&dump_entry, "invalid width '%s'", optarg);
			break;
		case OPT_ASCII:
			opt_glyphs = GLYPH_ASCII;
			break;
		case OPT_FORCE:
			opt_force = true;
			break;
		case OPT_HYPHENATE:
			opt_hyphenate = true;
			break;
		default:
			return cmd_getopt_status(c);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(&dump_entry, "%s", optind == argc ? "missing FILE" : "too many arguments");
	hyphenate_check();
	rc = doc_open_default(argv[optind], opt_force, &doc);
	if (rc != GLOSS_OK) {
		cmd_error("%s", error_last(rc));
		return error_exit_code(rc);
	}
	rc = dump_doc(doc, width, opt_glyphs, stdout);
	doc_free(doc);
	if (rc != GLOSS_OK) {
		cmd_error("%s", error_last(rc));
		return 1;
	}
	return 0;
}

const struct cmd_entry dump_entry = {
	.name = "dump",
	.usage = "[-w COLS] [--ascii] [--force] [--hyphenate] FILE",
	.summary = "print FILE laid out as plain text",
	.help = "COLS is the terminal's width by default, or 80 when output is not a terminal.\n"
	    "FILE may be - for standard input.\n",
	.options = dump_options,
	.exec = dump_exec,
};
