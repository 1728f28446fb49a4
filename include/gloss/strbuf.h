/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * strbuf — a growable byte string, always NUL-terminated.
 *
 * The buffer owns its memory; strbuf_done() frees it, strbuf_detach() hands
 * it to the caller (who frees it with free()).
 */
#ifndef GLOSS_STRBUF_H
#define GLOSS_STRBUF_H

#include "gloss/gloss.h"

#include <stdarg.h>

struct strbuf {
	char *buf;	/* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_done(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
/* Makes room for at least n more bytes (plus the NUL). */
void strbuf_grow(struct strbuf *sb, size_t n);
void strbuf_add_slow(struct strbuf *sb, const void *p, size_t n);

/* Appends n bytes; inline when they fit (a hot path of loading and dumping). */
static inline void
strbuf_add(struct strbuf *sb, const void *p, size_t n)
{
	if (sb->len + n < sb->cap) {
		if (n)
			memcpy(sb->buf + sb->len, p, n);
		sb->len += n;
		sb->buf[sb->len] = '\0';
		return;
	}
	strbuf_add_slow(sb, p, n);
}
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
/* Appends the UTF-8 encoding of a code point (must be a scalar value). */
void strbuf_addcp(struct strbuf *sb, uint32_t cp);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) GLOSS_PRINTF(2, 3);
/* Appends t (seconds since the epoch) as an ISO 8601 UTC time: "2024-05-01T10:00:00Z". */
void strbuf_add_utc(struct strbuf *sb, int64_t t);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_truncate(struct strbuf *sb, size_t len);
/* The contents ("" when empty); valid until the next change. */
const char *strbuf_str(const struct strbuf *sb);
/* Returns the buffer (never NULL) and resets sb; caller frees. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

#endif
