/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * tap.h — a minimal TAP producer for the C test drivers.
 *
 * ok(cond, fmt, ...) records one test; is_str/is_int compare and print the
 * difference on failure; tap_done() prints the plan and returns the exit
 * status (0 when every test passed).  tap_esc/tap_escn make test text safe
 * to print: control characters and bytes that are not UTF-8 become \xNN.
 * tap_slurp reads a whole file for a test.
 */
#ifndef GLOSS_TESTS_TAP_H
#define GLOSS_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static void
tap_vok(int cond, const char *fmt, va_list ap)
{
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
}

static int __attribute__((unused, format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vok(cond, fmt, ap);
	va_end(ap);
	return cond;
}

/* The length of the well-formed UTF-8 sequence at s (not a C1 control), or 0. */
static size_t
tap_utf8_len(const unsigned char *s, size_t n)
{
	size_t len, k;

	if (s[0] < 0x80)
		return 1;
	len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
	    s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	for (k = 1; k < len; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xC2 && s[1] < 0xA0) ||	/* C1 controls */
	    (s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xF0 && s[1] < 0x90) ||
	    (s[0] == 0xED && s[1] > 0x9F) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;	/* overlong, surrogate, beyond U+10FFFF */
	return len;
}

/* s[0..n) for printing (one of four static buffers in rotation). */
static const char * __attribute__((unused))
tap_escn(const char *s, size_t n)
{
	static char bufs[4][512];
	static int next;
	char *out = bufs[next++ % 4];
	size_t i = 0, o = 0;

	while (i < n && o < sizeof(bufs[0]) - 8) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t len = tap_utf8_len(u, n - i);

		if (len == 0 || u[0] < 0x20 || u[0] == 0x7F) {
			o += (size_t)snprintf(out + o, 8, "\\x%02x", u[0]);
			i++;
		} else {
			memcpy(out + o, u, len);
			o += len;
			i += len;
		}
	}
	out[o] = '\0';
	return out;
}

static const char * __attribute__((unused))
tap_esc(const char *s)
{
	return s ? tap_escn(s, strlen(s)) : "(null)";
}

static void __attribute__((unused))
tap_diag(const char *label, const char *s)
{
	printf("#   %s: %s\n", label, tap_esc(s));
}

static int __attribute__((unused, format(printf, 3, 4)))
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int cond = got && want && strcmp(got, want) == 0;

	va_start(ap, fmt);
	tap_vok(cond, fmt, ap);
	va_end(ap);
	if (!cond) {
		tap_diag("got ", got ? got : "(null)");
		tap_diag("want", want ? want : "(null)");
	}
	return cond;
}

static int __attribute__((unused, format(printf, 3, 4)))
is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;
	int cond = got == want;

	va_start(ap, fmt);
	tap_vok(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   got %lld, want %lld\n", got, want);
	return cond;
}

/*
 * The whole file at path, NUL-ended, its length in *len (len may be NULL);
 * NULL if it cannot be read.  Caller frees.
 */
static __attribute__((unused)) char *
tap_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL, *t;
	size_t n = 0, cap = 0, k;

	if (f == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 8192;
			if ((t = realloc(s, cap + 1)) == NULL) {
				free(s);
				fclose(f);
				return NULL;
			}
			s = t;
		}
		k = fread(s + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

static int __attribute__((unused))
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
