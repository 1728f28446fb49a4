/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * check_dump — checks the `gloss dump` contract on standard input:
 *   check_dump [-s] WIDTH < output
 * (-s: a screen capture; blank rows may follow each other)
 * Every line at most WIDTH display columns (libunistring widths), no
 * trailing space, valid UTF-8, no C0 (but LF), DEL, C1 or bidi control,
 * no two blank lines in a row.  Prints the first violation and exits 1.
 */
#include "gloss/gloss.h"

#include <unistr.h>
#include <uniwidth.h>

#include "gloss/strbuf.h"

static int
fail(long line, const char *what)
{
	printf("line %ld: %s\n", line, what);
	return 1;
}

static int
check_line(const char *s, size_t n, long no, int width)
{
	int w;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return fail(no, "invalid UTF-8");
	if (n > 0 && s[n - 1] == ' ')
		return fail(no, "trailing space");
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);

		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			return fail(no, "control character");
		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
		    c == 0x200F || c == 0x061C)
			return fail(no, "bidi control");
		i += (size_t)len;
	}
	w = u8_width((const uint8_t *)s, n, "UTF-8");
	if (w > width) {
		char msg[64];

		snprintf(msg, sizeof msg, "%d columns, more than %d", w, width);
		return fail(no, msg);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static struct strbuf line = STRBUF_INIT;	/* static: still reachable at exit (LeakSanitizer) */
	bool screen = argc > 1 && strcmp(argv[1], "-s") == 0;
	int width = argc > 1 + screen ? atoi(argv[1 + screen]) : 80, c, blank_run = 0;
	long no = 1;

	while ((c = getchar()) != EOF) {
		if (c != '\n') {
			strbuf_addc(&line, (char)c);
			continue;
		}
		if (check_line(strbuf_str(&line), line.len, no, width))
			return 1;
		blank_run = line.len == 0 ? blank_run + 1 : 0;
		if (blank_run > 1 && !screen)
			return fail(no, "two blank lines in a row");
		strbuf_reset(&line);
		no++;
	}
	if (line.len)
		return fail(no, "no newline at the end");
	return 0;
}
