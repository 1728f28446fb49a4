/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xmalloc — allocation wrappers that end the program instead of returning
 * NULL, and the reader's heap on a huge page (see include/gloss/xmalloc.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <sys/mman.h>
#include <unistd.h>

#include "gloss/error.h"
#include "gloss/xmalloc.h"

static void *
checked(void *p, size_t size)
{
	if (p == NULL)
		error_fatal("out of memory (%zu bytes)", size);
	return p;
}

void *
xmalloc(size_t size)
{
	return checked(malloc(size ? size : 1), size);
}

void *
xcalloc(size_t nmemb, size_t size)
{
	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	return checked(calloc(nmemb, size), nmemb * size);
}

void *
xrealloc(void *ptr, size_t size)
{
	return checked(realloc(ptr, size ? size : 1), size);
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		error_fatal("allocation overflow (%zu x %zu)", nmemb, size);
	return xrealloc(ptr, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	const char *end = memchr(s, '\0', n);

	return xmemdup(s, end ? (size_t)(end - s) : n);
}

/* Copies n bytes and appends a NUL. */
char *
xmemdup(const void *p, size_t n)
{
	char *r = xmalloc(n + 1);

	if (n)
		memcpy(r, p, n);
	r[n] = '\0';
	return r;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *r;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		error_fatal("bad format string");
	r = xmalloc((size_t)n + 1);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	return r;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *r;

	va_start(ap, fmt);
	r = xvasprintf(fmt, ap);
	va_end(ap);
	return r;
}

#define TABLE_MAPPED (128u * 1024u)	/* tables from this size have a mapping of their own */

void *
xtable_new(size_t nmemb, size_t size)
{
	size_t n;
	void *p;

	if (size && nmemb > SIZE_MAX / size)
		error_fatal("out of memory (%zu x %zu bytes)", nmemb, size);
	n = nmemb * size;
	if (n < TABLE_MAPPED)
		return xcalloc(nmemb ? nmemb : 1, size ? size : 1);
	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return checked(p == MAP_FAILED ? NULL : p, n);
}

void
xtable_free(void *p, size_t nmemb, size_t size)
{
	if (p == NULL)
		return;
	if (nmemb * size < TABLE_MAPPED)
		free(p);
	else
		munmap(p, nmemb * size);
}

/* ------------------------------------------------------------------ */
/* The heap on a huge page */

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GLOSS_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GLOSS_ASAN 1
#endif

#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33) && defined(HAVE_MALLOPT) && \
    defined(M_MMAP_THRESHOLD) && defined(MADV_HUGEPAGE) && !defined(GLOSS_ASAN)	/* mallinfo2: 2.33 */
#define HUGE_SIZE ((uintptr_t)2 << 20)	/* an x86-64 and arm64 transparent huge page */
#define HUGE_MMAP_DEFAULT (128 * 1024)	/* glibc's M_MMAP_THRESHOLD */

static void *huge_filler;	/* the heap below the aligned region: kept, never touched */

/*
 * The heap's top chunk (glibc: mallinfo2's keepcost) ends at the program
 * break.  Grow it past the next aligned 2 MiB, mark that region, then
 * allocate what lies below it: the next allocation starts the region, and
 * its first touch faults in the whole huge page.
 */
bool
xmalloc_heap_huge(void)
{
	uintptr_t top, start, brk;
	void *volatile grow;
	bool ok = false;

	mallopt(M_MMAP_THRESHOLD, (int)(4 * HUGE_SIZE));	/* the blocks below come from the heap */
	mallopt(M_TRIM_THRESHOLD, (int)(8 * HUGE_SIZE));	/* and freeing them keeps it */
	grow = malloc(1);	/* the heap exists */
	free(grow);
	top = (uintptr_t)mallinfo2().keepcost;
	brk = (uintptr_t)sbrk(0);
	top = brk - top;
	start = (top + HUGE_SIZE - 1) & ~(HUGE_SIZE - 1);
	if (start - top < 64)
		start += HUGE_SIZE;	/* room for the filler's header below it */
	if (brk < start + HUGE_SIZE) {
		grow = malloc(start + HUGE_SIZE - top);
		free(grow);
		brk = (uintptr_t)sbrk(0);
	}
	if (brk >= start + HUGE_SIZE && brk - (uintptr_t)mallinfo2().keepcost == top &&
	    madvise((void *)start, (brk - start) & ~(HUGE_SIZE - 1), MADV_HUGEPAGE) == 0) {
		huge_filler = malloc(start - top - 2 * sizeof(size_t));
		ok = huge_filler != NULL;
	}
	mallopt(M_MMAP_THRESHOLD, HUGE_MMAP_DEFAULT);
	return ok;
}
#else
bool
xmalloc_heap_huge(void)
{
	return false;
}
#endif
