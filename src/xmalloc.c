/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xmalloc — allocation wrappers that end the program instead of returning
 * NULL (see include/gloss/xmalloc.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <stdarg.h>

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
