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

#endif
