/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * doc — opening documents, the chunk index, walking blocks, and the
 * document-text offsets (see include/gloss/doc.h for the model).
 *
 * Only a regular file is opened (file_open_regular; standard input may be
 * a pipe).  It is mapped read-only (one under 256 KiB is read into memory:
 * cheaper, and no TLB shootdown at munmap in threaded programs) and read
 * by the first loader of the table below that claims it, through its
 * operations (struct doc_loader, gloss/doc_build.h): doc.c knows no format.
 * With a chunked loader, chunk k covers the source bytes [B(k), B(k+1))
 * where B(0) = 0 and B(k) = boundary(k × CHUNK): a boundary depends only on
 * nearby bytes, so any chunk can be located and parsed on its own (first
 * screen, `G`, a percentage jump) and B never decreases (plain text's
 * rule stays within PLAIN_WINDOW < CHUNK of its start; Markdown's may give
 * B(k) = B(k + 1), an empty chunk).  Parsed
 * chunks are kept in a small LRU cache.  The offsets of chunks in the
 * document text are found by a sequential measuring pass (doc_idle) that
 * parses chunks it has not seen and throws them away.
 *
 * A loader without a boundary, or a file no larger than the loader's
 * whole_max (Markdown up to MARKDOWN_WHOLE_MAX: parsed whole so that
 * footnotes and link references resolve across the file), makes one chunk,
 * parsed whole on first use.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/ansi.h"
#include "gloss/file.h"
#include "gloss/markdown.h"
#include "gloss/monotime.h"
#include "gloss/plain.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define DOC_CACHE_CHUNKS 16	/* parsed chunks kept by doc_trim() */
#define DOC_RELEASE_RUN (8u << 20)	/* mapped source bytes dropped by one madvise */
#define UNKNOWN32 UINT32_MAX

/* The loaders, tried in order: the first that claims a file reads it. */
static const struct doc_loader *const loaders[] = { &markdown_loader, &ansi_loader, &plain_loader };

/*
 * What is known of chunk k.  Zero means "not yet" so that the index of a
 * large file is calloc's untouched pages (16,384 chunks a GB: no page is
 * written before the first screen); a known value v is kept as v + 1, in
 * one word, as a worker thread may read it while the main thread sets it.
 */
struct chunk_info {
	uint64_t start1;	/* B(k) + 1; 0 until computed (chunk 0: B = 0) */
	uint64_t text_start;	/* offset in the document text, valid below doc->measured */
	uint64_t text_len1;	/* text length + 1; 0 until the chunk was parsed once */
	uint32_t nblocks1;	/* blocks + 1; 0 until parsed once */
	bool joined;		/* B(k) cuts a paragraph (the text continues across it) */
	struct doc_build_chunk *loaded;
	uint64_t used;		/* LRU clock of the last access */
};

struct doc {
	char *path;
	const struct doc_loader *loader;
	const char *src;
	uint64_t size;
	void *map;		/* guarded mapping (file_map), or NULL */
	struct stat opened;	/* fstat of the file when opened */
	bool watch;		/* a named file: doc_changed() compares it with opened */
	char *owned;		/* heap copy (doc_open_mem, pipes, Markdown) */
	int tab_width;
	uint64_t whole_max;	/* files up to this size are one chunk (the loader's, 0 when chunked) */
	uint32_t chunk_size;	/* source bytes a chunk aims at (the loader's, else DOC_CHUNK_SIZE) */
	struct doc_build_memo *memo;	/* what the loader finds once for every chunk */
	void (*ahead)(void *arg, struct doc *doc, uint32_t k);	/* doc_set_ahead */
	void *ahead_arg;
	struct chunk_info *chunks;
	uint32_t nchunks;	/* chunks that may exist (the last ones may be empty) */
	uint32_t measured;	/* chunks [0, measured) have a known text_start */
	uint64_t clock;
	uint64_t drop_a, drop_z;	/* source bytes released but still mapped (release_later) */
};

/* ------------------------------------------------------------------ */
/* Opening */

/*
 * Binary detection as less does it: more than five binary characters in
 * the first 256 bytes (NUL, C0 controls other than TAB LF CR FF BS and ESC,
 * invalid UTF-8), or any NUL in the first 4 KiB.
 */
static bool
looks_binary(const char *s, uint64_t n)
{
	size_t lim = n < 256 ? (size_t)n : 256;
	size_t i = 0;
	int bad = 0;

	if (memchr(s, '\0', n < 4096 ? (size_t)n : 4096))
		return true;
	while (i < lim) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int len;

		if (c < 0x20 && !strchr("\t\n\r\f\b\033", c))
			bad++;
		if (c < 0x80) {
			i++;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && !(len == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			/* a sequence cut by the 256-byte limit is not evidence */
			if (i + 4 < n || i + (size_t)len < lim)
				bad++;
		}
		i += (size_t)len;
	}
	return bad > 5;
}

static struct doc *
doc_new(const char *path, const struct doc_options *opt)
{
	struct doc *doc = xcalloc(1, sizeof *doc);

	doc->path = xstrdup(path);
	doc->tab_width = opt && opt->tab_width > 0 ? opt->tab_width : 8;
	return doc;
}

/* The loader for the document: the one of the format asked for, else the first that claims it. */
static const struct doc_loader *
choose_loader(const struct doc *doc, int format)
{
	const struct doc_loader *l = NULL;

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(loaders); i++) {
		l = loaders[i];
		if (l->max_size && doc->size > l->max_size)
			continue;
		if (format >= 0 && (int)l->format != format)
			continue;
		if ((format >= 0 && !l->refines) || l->claims == NULL ||
		    l->claims(doc->path, doc->src, doc->size))
			return l;
	}
	return l;	/* the last one reads anything */
}

/* True when the whole file is one chunk (its loader has no boundary rule, or it is small). */
static bool
one_chunk(const struct doc *doc)
{
	return doc->loader->boundary == NULL || doc->size <= doc->whole_max;
}

static enum gloss_status
doc_setup(struct doc *doc, const struct doc_options *opt)
{
	bool force = opt && opt->force;

	if (!force && doc->size > 0 && looks_binary(doc->src, doc->size))
		return error_set(GLOSS_EBINARY, "%s: binary file (use --force to open it anyway)",
		    doc->path);
	doc->loader = choose_loader(doc, opt ? opt->format : -1);
	doc->whole_max = opt && opt->chunked ? 0 : doc->loader->whole_max;
	doc->chunk_size = doc->loader->chunk_size ? doc->loader->chunk_size : DOC_CHUNK_SIZE;
	doc->memo = doc_build_memo_new();
	if (one_chunk(doc))
		doc->nchunks = doc->size > 0 ? 1 : 0;
	else
		doc->nchunks = (uint32_t)((doc->size + doc->chunk_size - 1) / doc->chunk_size);
	doc->chunks = xtable_new(doc->nchunks ? doc->nchunks : 1, sizeof *doc->chunks);
	doc->chunks[0].start1 = 1;	/* B(0) = 0; text_start 0 */
	return GLOSS_OK;
}

static enum gloss_status
read_all(int fd, const char *path, struct strbuf *sb)
{
	char buf[65536];
	ssize_t r;

	while ((r = read(fd, buf, sizeof buf)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return error_set(GLOSS_EIO, "%s: %s", path, strerror(errno));
		}
		strbuf_add(sb, buf, (size_t)r);
	}
	return GLOSS_OK;
}

#define DOC_READ_MAX (256 * 1024)	/* bytes: files up to this size are read, not mapped */

static enum gloss_status
map_file(struct doc *doc, int fd, const struct stat *st)
{
	struct strbuf sb = STRBUF_INIT;
	enum gloss_status rc;

	/* small files are read: cheaper than a mapping (no page faults, and no
	   TLB shootdown at munmap when other threads run, as in the library index);
	   the mapping is guarded: the file shrinking under it is no crash (file.h) */
	if (S_ISREG(st->st_mode) && st->st_size > DOC_READ_MAX) {
		doc->map = file_map(fd, (size_t)st->st_size);
		if (doc->map != NULL) {
			doc->src = doc->map;
			doc->size = (uint64_t)st->st_size;
			return GLOSS_OK;
		}
	}
	if (S_ISREG(st->st_mode) && st->st_size > 0)
		strbuf_grow(&sb, (size_t)st->st_size);
	rc = read_all(fd, doc->path, &sb);	/* small files, pipes, mmap failure */
	if (rc != GLOSS_OK) {
		strbuf_done(&sb);
		return rc;
	}
	doc->size = sb.len;
	doc->owned = strbuf_detach(&sb, NULL);
	doc->src = doc->owned;
	return GLOSS_OK;
}

/* Standard input ("-"): a pipe, a terminal's output or a redirected file. */
static enum gloss_status
open_stdin(int *fd, struct stat *st)
{
	*fd = dup(0);
	if (*fd < 0 || fstat(*fd, st) != 0) {
		int e = errno;

		if (*fd >= 0)
			close(*fd);
		return error_set(GLOSS_EIO, "standard input: %s", strerror(e));
	}
	if (S_ISDIR(st->st_mode)) {
		close(*fd);
		return error_set(GLOSS_EISDIR, "standard input: is a directory");
	}
	return GLOSS_OK;
}

enum gloss_status
doc_open(const char *path, const struct doc_options *opt, struct doc **out)
{
	bool in = strcmp(path, "-") == 0;
	struct stat st;
	struct doc *doc;
	enum gloss_status rc;
	int fd;

	*out = NULL;
	rc = in ? open_stdin(&fd, &st) : file_open_regular(path,
	    opt && opt->max_size ? opt->max_size : DOC_SIZE_MAX, opt ? opt->open_flags : 0, &fd, &st);
	if (rc != GLOSS_OK)
		return rc;
	doc = doc_new(path, opt);
	doc->opened = st;
	doc->watch = !in && S_ISREG(st.st_mode);
	rc = map_file(doc, fd, &st);
	close(fd);
	if (rc == GLOSS_OK)
		rc = doc_setup(doc, opt);
	if (rc != GLOSS_OK) {
		doc_free(doc);
		return rc;
	}
	*out = doc;
	return GLOSS_OK;
}

bool
doc_source_damaged(const struct doc *doc)
{
	return doc->map != NULL && file_map_damaged(doc->map);
}

bool
doc_changed(const struct doc *doc)
{
	struct stat now;

	if (doc_source_damaged(doc))
		return true;
	if (!doc->watch || stat(doc->path, &now) != 0)
		return false;	/* gone: what was read is still shown */
	return now.st_size != doc->opened.st_size || now.st_ino != doc->opened.st_ino ||
	    now.st_dev != doc->opened.st_dev || now.st_mtim.tv_sec != doc->opened.st_mtim.tv_sec ||
	    now.st_mtim.tv_nsec != doc->opened.st_mtim.tv_nsec;
}

enum gloss_status
doc_open_default(const char *path, bool force, struct doc **out)
{
	struct doc_options opt = { .force = force, .format = -1, .tab_width = 8 };

	return doc_open(path, &opt, out);
}

enum gloss_status
doc_open_mem(const char *name, const char *data, size_t len, const struct doc_options *opt,
    struct doc **out)
{
	struct doc *doc = doc_new(name, opt);
	enum gloss_status rc;

	doc->owned = xmemdup(data, len);
	doc->src = doc->owned;
	doc->size = len;
	rc = doc_setup(doc, opt);
	if (rc != GLOSS_OK) {
		doc_free(doc);
		*out = NULL;
		return rc;
	}
	*out = doc;
	return GLOSS_OK;
}

void
doc_free(struct doc *doc)
{
	if (doc == NULL)
		return;
	if (doc->ahead)
		doc->ahead(doc->ahead_arg, doc, UINT32_MAX);
	for (uint32_t k = 0; k < doc->nchunks; k++)
		doc_build_chunk_free(doc->chunks[k].loaded);
	xtable_free(doc->chunks, doc->nchunks ? doc->nchunks : 1, sizeof *doc->chunks);
	doc_build_memo_free(doc->memo);
	file_unmap(doc->map, (size_t)doc->size);
	free(doc->owned);
	free(doc->path);
	free(doc);
}

const char *
doc_path(const struct doc *doc)
{
	return doc->path;
}

enum doc_format
doc_format(const struct doc *doc)
{
	return doc->loader->format;
}

uint64_t
doc_source_size(const struct doc *doc)
{
	return doc->size;
}

const char *
doc_source(const struct doc *doc)
{
	return doc->src;
}

const char *
doc_kind_label(enum doc_kind kind)
{
	static const char *const labels[] = {
#define DOC_KIND_LABEL(name, label) label,
		DOC_KIND_LIST(DOC_KIND_LABEL)
#undef DOC_KIND_LABEL
	};

	return (unsigned)kind < DOC_KIND_COUNT ? labels[kind] : "?";
}

/* ------------------------------------------------------------------ */
/* Chunks */

static uint64_t
chunk_start(struct doc *doc, uint32_t k)
{
	struct chunk_info *ci;

	if (k >= doc->nchunks)
		return doc->size;
	ci = &doc->chunks[k];
	if (ci->start1 == 0) {
		bool joined = false;
		uint64_t b = doc->loader->boundary(doc->src, doc->size, (uint64_t)k * doc->chunk_size,
		    &joined);

		ci->joined = joined;
		ci->start1 = b + 1;
	}
	return ci->start1 - 1;
}

static uint64_t
chunk_end(struct doc *doc, uint32_t k)
{
	if (one_chunk(doc))
		return doc->size;
	return chunk_start(doc, k + 1);
}

static void release_source(struct doc *doc, uint32_t k);

/* The source range of a chunk and how it joins its neighbours. */
struct bounds {
	uint64_t start, end;
	bool joined_start, joined_end;
};

/* Boundary k, from the index if known, else computed (without caching: thread-safe). */
static uint64_t
boundary(const struct doc *doc, uint32_t k, bool *joined)
{
	if (k >= doc->nchunks) {
		*joined = false;
		return doc->size;
	}
	if (doc->chunks[k].start1 != 0) {
		*joined = doc->chunks[k].joined;
		return doc->chunks[k].start1 - 1;
	}
	if (one_chunk(doc)) {
		*joined = false;
		return k == 0 ? 0 : doc->size;
	}
	return doc->loader->boundary(doc->src, doc->size, (uint64_t)k * doc->chunk_size, joined);
}

static void
chunk_bounds(const struct doc *doc, uint32_t k, struct bounds *b)
{
	b->start = boundary(doc, k, &b->joined_start);
	b->end = boundary(doc, k + 1, &b->joined_end);
	if (b->end >= doc->size)
		b->joined_end = false;
}

/* Parses chunk k, of source bytes bd, with the document's loader. */
static struct doc_build_chunk *
parse_bounds(const struct doc *doc, uint32_t k, const struct bounds *bd)
{
	struct doc_builder *b = doc_build_new();

	if (bd->start < bd->end) {
		unsigned flags = 0;

		if (k == 0)
			flags |= DOC_PARSE_FIRST;
		if (bd->joined_start)
			flags |= DOC_PARSE_JOINED_START;
		if (bd->joined_end)
			flags |= DOC_PARSE_JOINED_END;
		if (one_chunk(doc))
			flags |= DOC_PARSE_WHOLE;
		doc_build_set_file_size(b, doc->size);
		doc_build_set_memo(b, doc->memo);
		doc_build_reserve(b, 0, 0, (size_t)(bd->end - bd->start));	/* the text is about as long */
		doc->loader->parse(doc->src, bd->start, bd->end, flags, doc->tab_width, b);
	}
	return doc_build_finish(b);
}

static struct doc_build_chunk *
parse_chunk(struct doc *doc, uint32_t k)
{
	struct bounds bd;

	chunk_start(doc, k);
	chunk_end(doc, k);	/* computes and caches the next boundary */
	chunk_bounds(doc, k, &bd);
	return parse_bounds(doc, k, &bd);
}

uint32_t
doc_chunk_count(const struct doc *doc)
{
	return doc->nchunks;
}

bool
doc_chunk_source(struct doc *doc, uint32_t k, uint64_t *start, uint64_t *end)
{
	if (k >= doc->nchunks)
		return false;
	*start = chunk_start(doc, k);
	*end = chunk_end(doc, k);
	return true;
}

struct doc_chunk *
doc_chunk_parse(const struct doc *doc, uint32_t k)
{
	struct doc_chunk *dc = xcalloc(1, sizeof *dc);
	struct doc_build_chunk *c;
	struct bounds bd = { 0, 0, false, false };

	if (k >= doc->nchunks) {
		c = xcalloc(1, sizeof *c);
	} else {
		chunk_bounds(doc, k, &bd);
		c = parse_bounds(doc, k, &bd);
	}
	dc->blocks = c->blocks;
	dc->nblocks = c->nblocks;
	dc->joined_start = bd.joined_start;
	dc->src_start = bd.start;
	dc->src_end = bd.end;
	dc->owner = c;
	return dc;
}

void
doc_chunk_release(struct doc_chunk *dc)
{
	if (dc == NULL)
		return;
	doc_build_chunk_free(dc->owner);
	free(dc);
}

void
doc_set_ahead(struct doc *doc, void (*fn)(void *arg, struct doc *doc, uint32_t k), void *arg)
{
	doc->ahead = fn;
	doc->ahead_arg = arg;
}

static void record_chunk(struct doc *doc, uint32_t k, const struct doc_build_chunk *c);

void
doc_chunk_adopt(struct doc *doc, uint32_t k, struct doc_chunk *dc)
{
	if (dc && k < doc->nchunks && doc->chunks[k].loaded == NULL) {
		doc->chunks[k].loaded = dc->owner;
		doc->chunks[k].used = ++doc->clock;
		record_chunk(doc, k, dc->owner);
		dc->owner = NULL;
	}
	doc_chunk_release(dc);
}

/* Extends the measured prefix over chunks whose length is known. */
static void
advance_measured(struct doc *doc)
{
	while (doc->measured < doc->nchunks) {
		struct chunk_info *ci = &doc->chunks[doc->measured];

		if (ci->text_len1 == 0)
			break;
		if (doc->measured + 1 < doc->nchunks)
			doc->chunks[doc->measured + 1].text_start = ci->text_start + ci->text_len1 - 1;
		doc->measured++;
	}
}

static void
record_chunk(struct doc *doc, uint32_t k, const struct doc_build_chunk *c)
{
	doc->chunks[k].text_len1 = c->text_len + 1;
	doc->chunks[k].nblocks1 = c->nblocks + 1;
	advance_measured(doc);
}

static struct doc_build_chunk *
chunk_get(struct doc *doc, uint32_t k)
{
	struct chunk_info *ci;

	if (k >= doc->nchunks)
		return NULL;
	ci = &doc->chunks[k];
	if (ci->loaded == NULL && doc->ahead)
		doc->ahead(doc->ahead_arg, doc, k);	/* may adopt it */
	if (ci->loaded == NULL) {
		ci->loaded = parse_chunk(doc, k);
		record_chunk(doc, k, ci->loaded);
	}
	ci->used = ++doc->clock;
	return ci->loaded;
}

static uint32_t
chunk_nblocks(struct doc *doc, uint32_t k)
{
	if (k >= doc->nchunks)
		return 0;
	if (doc->chunks[k].nblocks1 == 0)
		chunk_get(doc, k);
	return doc->chunks[k].nblocks1 - 1;
}

uint32_t
doc_chunk_blocks(struct doc *doc, uint32_t k)
{
	return chunk_nblocks(doc, k);
}

/* The chunk whose source range contains src. */
static uint32_t
chunk_of_source(struct doc *doc, uint64_t src)
{
	uint32_t k;

	if (doc->nchunks == 0)
		return 0;
	k = (uint32_t)GLOSS_MIN(src / doc->chunk_size, (uint64_t)doc->nchunks - 1);
	while (k > 0 && chunk_start(doc, k) > src)
		k--;
	return k;
}

void
doc_trim(struct doc *doc)
{
	uint32_t loaded = 0;

	if (one_chunk(doc))
		return;
	for (uint32_t k = 0; k < doc->nchunks; k++)
		loaded += doc->chunks[k].loaded != NULL;
	while (loaded > DOC_CACHE_CHUNKS) {
		uint32_t victim = UNKNOWN32;

		for (uint32_t k = 0; k < doc->nchunks; k++) {
			struct chunk_info *ci = &doc->chunks[k];

			if (ci->loaded && (victim == UNKNOWN32 || ci->used < doc->chunks[victim].used))
				victim = k;
		}
		doc_build_chunk_free(doc->chunks[victim].loaded);
		doc->chunks[victim].loaded = NULL;
		release_source(doc, victim);
		loaded--;
	}
}

/* ------------------------------------------------------------------ */
/* Walking blocks */

struct doc_block *
doc_block(struct doc *doc, struct doc_loc loc)
{
	struct doc_build_chunk *c = chunk_get(doc, loc.chunk);

	if (c == NULL || loc.block >= c->nblocks)
		return NULL;
	return &c->blocks[loc.block];
}

static bool
first_from(struct doc *doc, uint32_t k, struct doc_loc *loc)
{
	for (; k < doc->nchunks && chunk_start(doc, k) < doc->size; k++) {
		if (chunk_nblocks(doc, k) > 0) {
			loc->chunk = k;
			loc->block = 0;
			return true;
		}
	}
	return false;
}

static bool
last_from(struct doc *doc, uint32_t k, struct doc_loc *loc)
{
	for (;; k--) {
		uint32_t n = chunk_nblocks(doc, k);

		if (n > 0) {
			loc->chunk = k;
			loc->block = n - 1;
			return true;
		}
		if (k == 0)
			return false;
	}
}

bool
doc_first(struct doc *doc, struct doc_loc *loc)
{
	return first_from(doc, 0, loc);
}

bool
doc_last(struct doc *doc, struct doc_loc *loc)
{
	if (doc->nchunks == 0)
		return false;
	return last_from(doc, chunk_of_source(doc, doc->size ? doc->size - 1 : 0), loc);
}

bool
doc_next(struct doc *doc, struct doc_loc *loc)
{
	if (loc->block + 1 < chunk_nblocks(doc, loc->chunk)) {
		loc->block++;
		return true;
	}
	return first_from(doc, loc->chunk + 1, loc);
}

bool
doc_prev(struct doc *doc, struct doc_loc *loc)
{
	if (loc->block > 0) {
		loc->block--;
		return true;
	}
	return loc->chunk > 0 && last_from(doc, loc->chunk - 1, loc);
}

uint32_t
doc_chunk_of_source(struct doc *doc, uint64_t src)
{
	return chunk_of_source(doc, src);
}

bool
doc_seek_source(struct doc *doc, uint64_t src, struct doc_loc *loc)
{
	uint32_t k = chunk_of_source(doc, src);
	struct doc_build_chunk *c = chunk_get(doc, k);
	uint32_t i;

	if (c == NULL)
		return false;
	for (i = 0; i < c->nblocks; i++) {
		if (c->blocks[i].src_end > src) {
			loc->chunk = k;
			loc->block = i;
			return true;
		}
	}
	if (first_from(doc, k + 1, loc))
		return true;
	return doc_last(doc, loc);
}

bool
doc_seek_fraction(struct doc *doc, double f, struct doc_loc *loc)
{
	uint32_t in;

	f = f < 0 ? 0 : f > 1 ? 1 : f;
	if (one_chunk(doc)) {
		chunk_get(doc, 0);
		if (doc_measured(doc) && doc_locate(doc, (uint64_t)(f * (double)doc_text_length(doc)),
		    loc, &in))
			return true;
	}
	return doc_seek_source(doc, (uint64_t)(f * (double)doc->size), loc);
}

int
doc_loc_cmp(struct doc_loc a, struct doc_loc b)
{
	if (a.chunk != b.chunk)
		return a.chunk < b.chunk ? -1 : 1;
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Offsets */

bool
doc_block_offset(struct doc *doc, struct doc_loc loc, uint64_t *off)
{
	struct doc_block *b;

	if (loc.chunk >= doc->measured)
		return false;
	b = doc_block(doc, loc);
	if (b == NULL)
		return false;
	*off = doc->chunks[loc.chunk].text_start + b->chunk_off;
	return true;
}

bool
doc_measured(const struct doc *doc)
{
	return doc->measured >= doc->nchunks;
}

uint64_t
doc_text_length(const struct doc *doc)
{
	const struct chunk_info *ci;
	uint64_t len;

	if (!doc_measured(doc))
		return DOC_OFFSET_UNKNOWN;
	if (doc->nchunks == 0)
		return 0;
	ci = &doc->chunks[doc->nchunks - 1];
	len = ci->text_start + ci->text_len1 - 1;
	/* every block counts a separator after it; the last one has none */
	return len >= DOC_SEPARATOR_LEN ? len - DOC_SEPARATOR_LEN : 0;
}

bool
doc_locate(struct doc *doc, uint64_t off, struct doc_loc *loc, uint32_t *in_block)
{
	uint32_t lo = 0, hi = doc->measured, k;
	struct doc_build_chunk *c;
	uint64_t rel;

	if (hi == 0)
		return false;
	while (hi - lo > 1) {		/* last measured chunk with text_start <= off */
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->chunks[mid].text_start <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (k = lo; k < doc->measured; k++) {
		if (off < doc->chunks[k].text_start + doc->chunks[k].text_len1 - 1 && chunk_nblocks(doc, k))
			break;
	}
	if (k >= doc->measured)
		return false;
	c = chunk_get(doc, k);
	rel = off - doc->chunks[k].text_start;
	lo = 0;
	hi = c->nblocks;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (c->blocks[mid].chunk_off <= rel)
			lo = mid;
		else
			hi = mid;
	}
	loc->chunk = k;
	loc->block = lo;
	*in_block = (uint32_t)GLOSS_MIN(rel - c->blocks[lo].chunk_off, (uint64_t)c->blocks[lo].len);
	return true;
}

void
doc_text_range(struct doc *doc, uint64_t start, uint64_t end, struct strbuf *out)
{
	struct doc_loc loc;
	uint32_t in;
	uint64_t pos;

	if (end <= start || !doc_locate(doc, start, &loc, &in) || !doc_block_offset(doc, loc, &pos))
		return;
	for (;;) {
		struct doc_block *b = doc_block(doc, loc);
		uint64_t bend = pos + b->len;
		uint64_t sep = b->flags & DOC_BLOCK_JOINED ? 0 : DOC_SEPARATOR_LEN;
		uint64_t a = GLOSS_MAX(start, pos), z = GLOSS_MIN(end, bend);

		if (a < z)
			strbuf_add(out, b->text + (a - pos), (size_t)(z - a));
		if (end <= bend || !doc_next(doc, &loc))
			break;		/* no separator after the last block */
		a = GLOSS_MAX(start, bend);
		z = GLOSS_MIN(end, bend + sep);
		if (a < z)
			strbuf_add(out, &DOC_SEPARATOR[a - bend], (size_t)(z - a));
		pos = bend + sep;
		if (end <= pos)
			break;
	}
}

/* ------------------------------------------------------------------ */
/* Background measuring */

/*
 * Drops the mapped pages of source bytes [a, z) from memory; they are read
 * again from the file if needed.  The page holding z is kept (the next
 * chunk starts in it); the one holding a is dropped (passes go forward).
 */
static void
release_range(const struct doc *doc, uint64_t a, uint64_t z)
{
#ifdef HAVE_MADVISE
	long page = sysconf(_SC_PAGESIZE);

	if (doc->map == NULL || page <= 0)
		return;
	a = a / (uint64_t)page * (uint64_t)page;
	z = z >= doc->size ? doc->size : z / (uint64_t)page * (uint64_t)page;
	if (z > a)
		madvise((char *)doc->map + a, (size_t)(z - a), MADV_DONTNEED);
#else
	(void)doc;
	(void)a;
	(void)z;
#endif
}

/*
 * Releases source bytes [a, z) in runs of DOC_RELEASE_RUN bytes.  One
 * madvise costs a flush of the TLB, on every CPU when other threads run
 * (a dump's workers), whatever its length: ~100 us each in a virtual
 * machine, where releasing every 64 KiB chunk by itself took a third of
 * a dump's time.  Ranges that touch or overlap are gathered (passes go
 * forward or back chunk by chunk) and dropped together; a range apart
 * from them drops them first.  At most DOC_RELEASE_RUN bytes more stay
 * mapped.
 */
static void
release_later(struct doc *doc, uint64_t a, uint64_t z)
{
	if (a >= z)
		return;
	if (doc->drop_a < doc->drop_z && (z < doc->drop_a || a > doc->drop_z)) {
		release_range(doc, doc->drop_a, doc->drop_z);
		doc->drop_a = doc->drop_z = 0;
	}
	if (doc->drop_a < doc->drop_z) {
		a = GLOSS_MIN(a, doc->drop_a);
		z = GLOSS_MAX(z, doc->drop_z);
	}
	doc->drop_a = a;
	doc->drop_z = z;
	if (z - a >= DOC_RELEASE_RUN) {
		release_range(doc, a, z);
		doc->drop_a = doc->drop_z = 0;
	}
}

void
doc_release_source(struct doc *doc, uint64_t a, uint64_t z)
{
	release_later(doc, a, z);
}

static void
release_source(struct doc *doc, uint32_t k)
{
	struct bounds bd;

	chunk_bounds(doc, k, &bd);
	release_later(doc, bd.start, bd.end);
}

bool
doc_idle(struct doc *doc, unsigned budget_us)
{
	uint64_t deadline = monotime_us() + budget_us;

	while (doc->measured < doc->nchunks) {
		uint32_t k = doc->measured;
		struct chunk_info *ci = &doc->chunks[k];

		if (ci->loaded == NULL) {
			struct doc_build_chunk *c = parse_chunk(doc, k);

			record_chunk(doc, k, c);
			doc_build_chunk_free(c);
			release_source(doc, k);
		} else {
			record_chunk(doc, k, ci->loaded);
		}
		if (monotime_us() >= deadline)
			break;
	}
	return doc->measured < doc->nchunks;
}

void
doc_measure_all(struct doc *doc)
{
	while (doc_idle(doc, 1000000))
		;
}

double
doc_fraction(struct doc *doc, struct doc_loc loc, uint32_t in_block)
{
	struct doc_block *b = doc_block(doc, loc);
	uint64_t off;

	if (b == NULL || doc->size == 0)
		return 1.0;
	if (one_chunk(doc) && doc_block_offset(doc, loc, &off)) {
		uint64_t total = doc_text_length(doc);

		return total ? (double)(off + in_block) / (double)total : 1.0;
	}
	off = b->src_start;
	if (b->len > 0)
		off += (uint64_t)((double)(b->src_end - b->src_start) * in_block / b->len);
	return (double)off / (double)doc->size;
}
