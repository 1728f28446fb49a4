/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xmalloc — allocation wrappers that never return NULL.
 *
 * On exhaustion they end the program through error_fatal(), which restores
 * the terminal first.  Internal code therefore never checks for NULL.  Every
 * returned pointer is owned by the caller and released with free().
 */
#ifndef GLOSS_XMALLOC_H
#define GLOSS_XMALLOC_H

#include "gloss/gloss.h"

#include <stdarg.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Resizes an array of nmemb elements, failing on multiplication overflow. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xmemdup(const void *p, size_t n);
char *xasprintf(const char *fmt, ...) GLOSS_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/*
 * A zeroed table of nmemb elements of size bytes in pages of its own (an
 * anonymous mapping from 128 KiB, else calloc): its pages stay untouched
 * until used, whatever the heap holds — a 1 GB file's chunk index is
 * 768 KiB, of which the first screen uses one entry, and calloc would
 * clear it all when the heap has room (xmalloc_heap_huge gives it room).
 * Freed with xtable_free() and the same counts.
 */
void *xtable_new(size_t nmemb, size_t size);
void xtable_free(void *p, size_t nmemb, size_t size);

/*
 * Makes the heap's next allocations start a fresh 2 MiB-aligned region
 * marked for a transparent huge page (MADV_HUGEPAGE): the reader calls it
 * first, and the allocations of its first screen (ncurses's three grids of
 * cells, the first chunk's layout, the view: some 120 pages of 4 KiB, each a
 * page fault that costs about 10 us on a virtual machine) then share one
 * fault.  It leaves glibc's trim threshold at 16 MiB (the heap is not
 * given back in pieces that would split the page) and its mmap threshold
 * at the default 128 KiB, no longer adjusted.  False, and no region
 * marked, where the C library is not glibc, under AddressSanitizer, or
 * when the heap does not grow as expected.
 */
bool xmalloc_heap_huge(void);

#endif
