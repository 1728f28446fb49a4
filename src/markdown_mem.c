/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_mem — the memory cmark-gfm's tree is made of while one document
 * is parsed (see markdown_int.h).  A page of 300,000 links is a tree of 1.2
 * million nodes, over 200 MB: made with malloc, most of its time is page
 * faults and most of the time freeing it is walking it.  Here the nodes are
 * cut from large regions that ask for transparent huge pages (one fault per
 * 2 MiB where the kernel grants them), freed blocks are reused by size
 * class, and the whole tree is dropped at once with its regions.
 *
 * cmark_mem has no context pointer, so the state is static: it is used
 * only under markdown.c's cmark lock, one parse at a time.
 */
#include "gloss/gloss.h"

#include <stddef.h>
#include <sys/mman.h>

#include <cmark-gfm.h>

#include "gloss/error.h"
#include "gloss/xmalloc.h"
#include "markdown_int.h"

#define ALIGN 8u			/* cmark-gfm's nodes hold pointers and sizes at most */
#define CLASS_MAX 1024u			/* larger blocks come from malloc */
#define NCLASSES (CLASS_MAX / ALIGN)
#define REGION_MIN ((size_t)8 << 20)
#define REGION_MAX ((size_t)64 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

/*
 * Under AddressSanitizer (the sanitizer build, the fuzzers) every block is
 * its own malloc'd "large" block, so that a read or write past one of
 * cmark-gfm's blocks is still caught; dropping the tree at once still works.
 */
#if defined(__SANITIZE_ADDRESS__)
#define MEM_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEM_CHECKED 1
#endif
#endif
#ifndef MEM_CHECKED
#define MEM_CHECKED 0
#endif

/* In front of every block: 8 bytes, as malloc's own. */
struct hdr {
	size_t word;			/* usable bytes (a small block's class size) << 1, | 1 if large */
};

/* A large block: on the arena's list so that dropping the tree frees it. */
struct large {
	struct large *prev, *next;
	struct hdr h;
};

/* A freed small block: the link is kept in its first bytes. */
struct free_block {
	struct free_block *next;
};

struct region {
	struct region *next;
	size_t len;			/* of the mapping */
	void *map;
	char *start, *used;		/* the aligned start and the end of what was cut */
};

/*
 * The first region of the last parse, zeroed again and kept for the next:
 * a chunk of a large file (16 KiB) needs a few hundred KiB of nodes, and a
 * fresh region cost it the faults (and the zeroing of a 2 MiB huge page)
 * every time — a quarter of a jump's time to the end of a 200 MB file.
 */
static struct region *kept;

static struct {
	char *cur, *end;		/* the free part of the current region */
	struct region *regions;
	size_t next_len;
	struct free_block *free_list[NCLASSES];	/* freed small blocks, by class */
	struct large large;		/* sentinel of the large blocks' list */
} arena;

static size_t
hdr_size(const struct hdr *h)
{
	return h->word >> 1;
}

static bool
hdr_large(const struct hdr *h)
{
	return (h->word & 1) != 0;
}

static void
hdr_set(struct hdr *h, size_t size, bool large)
{
	h->word = size << 1 | (large ? 1 : 0);
}

static void
fail(void)
{
	error_fatal("out of memory while parsing Markdown");
}

/* A new region of at least n bytes, 2 MiB-aligned so that huge pages can back it. */
static void
new_region(size_t n)
{
	size_t len = GLOSS_MAX(arena.next_len ? arena.next_len : REGION_MIN, n + HUGE_PAGE);
	char *map = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct region *r;

	if (map == MAP_FAILED)
		fail();
	r = xmalloc(sizeof *r);
	r->map = map;
	r->len = len + HUGE_PAGE;
	if (arena.regions)
		arena.regions->used = arena.cur;
	r->next = arena.regions;
	arena.regions = r;
	arena.cur = (char *)(((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	arena.end = map + r->len;
	r->start = r->used = arena.cur;
#ifdef MADV_HUGEPAGE
	madvise(arena.cur, (size_t)(arena.end - arena.cur), MADV_HUGEPAGE);	/* a hint */
#endif
	arena.next_len = GLOSS_MIN(len * 2, REGION_MAX);
}

static void *
small_alloc(size_t n, bool zero)
{
	size_t size = (GLOSS_MAX(n, 1) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	size_t cls = size / ALIGN - 1, need = sizeof(struct hdr) + size;
	struct hdr *h;

	if (arena.free_list[cls]) {
		struct free_block *f = arena.free_list[cls];

		arena.free_list[cls] = f->next;
		if (zero)
			memset(f, 0, size);
		return f;
	}
	if ((size_t)(arena.end - arena.cur) < need)
		new_region(need);
	h = (struct hdr *)(void *)arena.cur;	/* fresh pages are zero */
	arena.cur += need;
	hdr_set(h, size, false);
	return h + 1;
}

static void *
large_alloc(size_t n)
{
	struct large *l = calloc(1, sizeof *l + n);

	if (l == NULL)
		fail();
	hdr_set(&l->h, n, true);
	l->prev = &arena.large;
	l->next = arena.large.next;
	arena.large.next->prev = l;
	arena.large.next = l;
	return &l->h + 1;
}

/* A block of n bytes is cut from a region (else it is malloc's). */
static bool
small(size_t n)
{
	return !MEM_CHECKED && n <= CLASS_MAX;
}

static void *
mem_calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		fail();
	return small(count * size) ? small_alloc(count * size, true) : large_alloc(count * size);
}

static struct large *
large_of(struct hdr *h)
{
	return (struct large *)(void *)((char *)h - offsetof(struct large, h));
}

static void
mem_free(void *p)
{
	struct hdr *h;
	struct free_block *f = p;

	if (p == NULL)
		return;
	h = (struct hdr *)p - 1;
	if (hdr_large(h)) {
		struct large *l = large_of(h);

		l->prev->next = l->next;
		l->next->prev = l->prev;
		free(l);
		return;
	}
	f->next = arena.free_list[hdr_size(h) / ALIGN - 1];
	arena.free_list[hdr_size(h) / ALIGN - 1] = f;
}

static void *
mem_realloc(void *p, size_t n)
{
	struct hdr *h;
	struct large *l;
	void *q;

	if (p == NULL)
		return mem_calloc(1, n);
	h = (struct hdr *)p - 1;
	if (hdr_large(h) && !small(n)) {
		l = realloc(large_of(h), sizeof *l + n);
		if (l == NULL)
			fail();
		hdr_set(&l->h, n, true);
		l->prev->next = l;
		l->next->prev = l;
		return &l->h + 1;
	}
	if (!hdr_large(h) && n <= hdr_size(h))
		return p;
	q = mem_calloc(1, n);
	memcpy(q, p, GLOSS_MIN(hdr_size(h), n));
	mem_free(p);
	return q;
}

static cmark_mem markdown_mem_ops = {
	.calloc = mem_calloc,
	.realloc = mem_realloc,
	.free = mem_free,
};

cmark_mem *
markdown_mem_begin(void)
{
	memset(&arena, 0, sizeof arena);
	arena.large.prev = arena.large.next = &arena.large;
	if (kept) {
		arena.regions = kept;
		arena.cur = kept->start;
		arena.end = (char *)kept->map + kept->len;
		arena.next_len = GLOSS_MIN(kept->len * 2, REGION_MAX);
		kept = NULL;
	}
	return &markdown_mem_ops;
}

void
markdown_mem_end(void)
{
	struct region *r;

	while (arena.large.next != &arena.large) {
		struct large *l = arena.large.next;

		arena.large.next = l->next;
		free(l);
	}
	if (arena.regions)
		arena.regions->used = arena.cur;
	while ((r = arena.regions) != NULL) {
		arena.regions = r->next;
		if (r->next == NULL && r->len <= REGION_MIN + 2 * HUGE_PAGE) {	/* the first: kept */
			memset(r->start, 0, (size_t)(r->used - r->start));	/* fresh pages are zero */
			r->used = r->start;
			kept = r;
			break;
		}
		munmap(r->map, r->len);
		free(r);
	}
	memset(&arena, 0, sizeof arena);
}
