/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_text — UTF-8 decoding of valid and broken input, cleaning raw text
 * (NUL, invalid bytes, tab expansion), and the NFC fast path: every code
 * point it calls inert is checked against libunistring's normalisation
 * data, and text_nfc() against u8_normalize() on random strings.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "gloss/doc_build.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "../lib/tap.h"

/* ---------------------------------------------------------------------- */
/* Decoding. */

struct decode_case {
	const char *bytes;
	size_t n;		/* 0: strlen(bytes) */
	uint32_t cp;
	int len;
	const char *what;
};

static const struct decode_case decode_cases[] = {
	{ "A", 0, 'A', 1, "ASCII" },
	{ "", 1, 0, 1, "NUL" },
	{ "\x7f", 0, 0x7F, 1, "DEL" },
	{ "\xc2\x80", 0, 0x80, 2, "U+0080, the first two-byte" },
	{ "\xd0\x96", 0, 0x0416, 2, "Ж" },
	{ "\xdf\xbf", 0, 0x07FF, 2, "U+07FF" },
	{ "\xe0\xa0\x80", 0, 0x0800, 3, "U+0800, the first three-byte" },
	{ "\xed\x9f\xbf", 0, 0xD7FF, 3, "U+D7FF, just below the surrogates" },
	{ "\xee\x80\x80", 0, 0xE000, 3, "U+E000, just above them" },
	{ "\xef\xbf\xbd", 0, 0xFFFD, 3, "a real U+FFFD" },
	{ "\xef\xbf\xbf", 0, 0xFFFF, 3, "U+FFFF" },
	{ "\xf0\x90\x80\x80", 0, 0x10000, 4, "U+10000, the first four-byte" },
	{ "\xf4\x8f\xbf\xbf", 0, 0x10FFFF, 4, "U+10FFFF, the last" },
	{ "\x80", 0, 0xFFFD, 1, "a lone continuation byte" },
	{ "\xbf\x80", 0, 0xFFFD, 1, "continuation bytes: one at a time" },
	{ "\xc0\x80", 0, 0xFFFD, 1, "overlong NUL C0 80" },
	{ "\xc1\xbf", 0, 0xFFFD, 1, "overlong C1 BF" },
	{ "\xe0\x80\x80", 0, 0xFFFD, 1, "overlong E0 80 80" },
	{ "\xe0\x9f\xbf", 0, 0xFFFD, 1, "overlong E0 9F BF" },
	{ "\xf0\x80\x80\x80", 0, 0xFFFD, 1, "overlong F0 80 80 80" },
	{ "\xf0\x8f\xbf\xbf", 0, 0xFFFD, 1, "overlong F0 8F BF BF" },
	{ "\xed\xa0\x80", 0, 0xFFFD, 1, "surrogate D800" },
	{ "\xed\xbf\xbf", 0, 0xFFFD, 1, "surrogate DFFF" },
	{ "\xf4\x90\x80\x80", 0, 0xFFFD, 1, "beyond U+10FFFF" },
	{ "\xf5\x80\x80\x80", 0, 0xFFFD, 1, "F5 never starts a sequence" },
	{ "\xf8\x88\x80\x80\x80", 0, 0xFFFD, 1, "five-byte form" },
	{ "\xfe", 0, 0xFFFD, 1, "FE" },
	{ "\xff", 0, 0xFFFD, 1, "FF" },
	{ "\xc2", 0, 0xFFFD, 1, "truncated two-byte at the end" },
	{ "\xc2" "A", 0, 0xFFFD, 1, "two-byte cut by ASCII" },
	{ "\xe2\x82", 0, 0xFFFD, 2, "truncated three-byte at the end" },
	{ "\xe2\x82" "A", 0, 0xFFFD, 2, "three-byte cut by ASCII" },
	{ "\xe2\x82\xac", 2, 0xFFFD, 2, "three-byte cut by n" },
	{ "\xe0\xa0", 0, 0xFFFD, 2, "truncated E0 A0" },
	{ "\xf0\x9f\x98", 0, 0xFFFD, 3, "truncated four-byte" },
	{ "\xf0\x9f" "A", 0, 0xFFFD, 2, "four-byte cut after two" },
	{ "\xf4\x8f\xbf", 0, 0xFFFD, 3, "truncated F4 8F BF" },
	{ "\xe2\x82\xc2\xa0", 0, 0xFFFD, 2, "three-byte cut by a new lead byte" },
};

static void
test_decode(void)
{
	size_t i;

	for (i = 0; i < GLOSS_ARRAY_SIZE(decode_cases); i++) {
		const struct decode_case *c = &decode_cases[i];
		size_t n = c->n ? c->n : strlen(c->bytes);
		uint32_t cp = 0x12345678;
		int len = text_decode(c->bytes, n, &cp);

		ok(cp == c->cp && len == c->len && text_cplen(c->bytes, n) == len,
		    "decode %s: U+%04X, %d bytes", c->what, c->cp, c->len);
		if (cp != c->cp || len != c->len)
			printf("#   got U+%04X, %d bytes\n", cp, len);
	}
}

/* The number of U+FFFD a whole string decodes to. */
static int
replacements(const char *s)
{
	size_t i = 0, n = strlen(s);
	int count = 0;

	while (i < n) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		count += cp == 0xFFFD;
	}
	return count;
}

static void
test_decode_strings(void)
{
	is_int(replacements("\xed\xa0\x80"), 3, "a CESU-8 surrogate is three U+FFFD");
	is_int(replacements("\xf0\x80\x80\x80"), 4, "an overlong four-byte NUL is four U+FFFD");
	is_int(replacements("\xe2\x82" "\xe2\x82\xac"), 1, "a cut sequence, then €: one U+FFFD");
	is_int(replacements("a\x80\x80" "b"), 2, "two stray continuation bytes: two U+FFFD");
	ok(text_valid("Ёлка — ok", strlen("Ёлка — ok")), "valid text is valid");
	ok(!text_valid("\xed\xa0\x80", 3), "a surrogate is invalid");
	ok(!text_valid("\xc0\x80", 2), "an overlong NUL is invalid");
	ok(text_valid("a\0b", 3), "NUL is valid UTF-8");
}

/* ---------------------------------------------------------------------- */
/* Cleaning. */

static void
clean_is(const char *in, size_t n, int tab, int col, const char *want, int want_col)
{
	struct strbuf out = STRBUF_INIT;
	char what[600];
	int c = col;

	doc_build_clean(in, n, tab, &c, &out);
	snprintf(what, sizeof(what), "clean \"%s\" (tab %d, column %d)", tap_escn(in, n), tab, col);
	if (is_str(strbuf_str(&out), want, "%s: text", what) && out.len != strlen(want))
		printf("#   length %zu\n", out.len);
	is_int(c, want_col, "%s: column", what);
	strbuf_done(&out);
}

static void
test_clean(void)
{
	clean_is("plain", 5, 8, 0, "plain", 5);
	clean_is("a\0b", 3, 8, 0, "a\xef\xbf\xbd" "b", 3);
	clean_is("a\xff" "b", 3, 8, 0, "a\xef\xbf\xbd" "b", 3);
	clean_is("\xed\xa0\x80", 3, 8, 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3);
	clean_is("\xe2\x82", 2, 8, 0, "\xef\xbf\xbd", 1);
	clean_is("\xef\xbf\xbd", 3, 8, 0, "\xef\xbf\xbd", 1);
	clean_is("\x1b[1m", 4, 8, 0, "\x1b[1m", 4);	/* controls stay; glyph shows them */
	clean_is("\tx", 2, 8, 0, "        x", 9);
	clean_is("ab\tc", 4, 8, 0, "ab      c", 9);
	clean_is("abcdefg\tx", 9, 8, 0, "abcdefg x", 9);
	clean_is("abcdefgh\tx", 10, 8, 0, "abcdefgh        x", 17);
	clean_is("a\tb", 3, 4, 0, "a   b", 5);
	clean_is("a\tb", 3, 0, 0, "a       b", 9);		/* 0 means 8 */
	clean_is("\tb", 2, 8, 5, "   b", 9);		/* continuing a line */
	clean_is("Жук\tx", 8, 8, 0, "Жук     x", 9);
	clean_is("Мо́сква\tx", 16, 8, 0, "Мо́сква  x", 9);
	clean_is("中文\tx", 8, 8, 0, "中文    x", 9);
	clean_is("中文中\tx", 11, 4, 0, "中文中  x", 9);
	clean_is("a\xc2\xad\tb", 5, 8, 0, "a\xc2\xad       b", 9);
	clean_is("abc\n\tx", 6, 8, 0, "abc\n        x", 9);
	clean_is("abc", 3, 8, 0, "abc", 3);
	clean_is("a\xff\tb", 4, 8, 0, "a\xef\xbf\xbd      b", 9);
	/* Columns as displayed: ␛ takes one, CSI's "␛[" two, ¦ for a bidi control one. */
	clean_is("\x1b\tx", 3, 8, 0, "\x1b       x", 9);
	clean_is("\xc2\x9b\tx", 4, 8, 0, "\xc2\x9b      x", 9);
	clean_is("\xe2\x80\xae\tx", 5, 8, 0, "\xe2\x80\xae       x", 9);
	clean_is("\0\tx", 3, 8, 0, "\xef\xbf\xbd       x", 9);
}

/* Output far longer than the input: the buffer must grow as it goes. */
static void
test_clean_growth(void)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT, want = STRBUF_INIT;
	int i, col = 0;

	for (i = 0; i < 3000; i++) {
		strbuf_adds(&in, i % 3 ? "\t" : "\xff");
		strbuf_adds(&want, i % 3 ? (i % 3 == 1 ? "       " : "        ") : "\xef\xbf\xbd");
	}
	strbuf_adds(&in, "end");
	strbuf_adds(&want, "end");
	strbuf_adds(&out, "kept ");
	doc_build_clean(in.buf, in.len, 8, &col, &out);
	is_int((long long)out.len, (long long)want.len + 5, "3000 tabs and bad bytes: length");
	ok(out.len == want.len + 5 && memcmp(out.buf + 5, want.buf, want.len) == 0 &&
	    out.buf[out.len] == '\0', "3000 tabs and bad bytes: text appended after \"kept \"");
	strbuf_done(&in);
	strbuf_done(&out);
	strbuf_done(&want);
}

/* ---------------------------------------------------------------------- */
/* NFC. */

static bool
nfc_of_self(uint32_t cp)
{
	uint8_t u[4], *r;
	int n = u8_uctomb(u, cp, 4);
	size_t rlen;
	bool same;

	r = u8_normalize(UNINORM_NFC, u, (size_t)n, NULL, &rlen);
	same = r && rlen == (size_t)n && memcmp(r, u, rlen) == 0;
	free(r);
	return same;
}

static void
test_inert_code_points(void)
{
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
	bool stable = true, starter = true, second = true;
	int count = 0;
	uint32_t cp;

	for (cp = 0; cp < 0x110000; cp++) {
		if (!text_nfc_inert(cp) || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		count++;
		if (!nfc_of_self(cp)) {
			printf("#   NFC changes U+%04X\n", cp);
			stable = false;
		}
		if (uc_combining_class(cp) != 0) {
			printf("#   U+%04X has combining class %d\n", cp, uc_combining_class(cp));
			starter = false;
		}
	}
	ok(count > 1000, "text_nfc_inert holds for %d code points", count);
	ok(stable, "NFC of every inert code point alone is itself");
	ok(starter, "every inert code point has combining class 0");
	for (cp = 0; cp < 0x110000; cp++) {
		if (uc_canonical_decomposition(cp, dec) == 2 && text_nfc_inert(dec[1])) {
			printf("#   U+%04X = U+%04X U+%04X\n", cp, dec[0], dec[1]);
			second = false;
		}
	}
	ok(second, "no inert code point is the second element of a canonical pair");
	ok(text_nfc_inert('a') && text_nfc_inert(0x0416) && text_nfc_inert(0x0451) &&
	    text_nfc_inert(0x2014), "a, Ж, ё, — are inert");
	ok(!text_nfc_inert(0x0301) && !text_nfc_inert(0x0306) && !text_nfc_inert(0x1161) &&
	    !text_nfc_inert(0x212B), "U+0301, U+0306, a Hangul vowel, Å (U+212B) are not");
}

static void
nfc_is(const char *in, const char *want, const char *what)
{
	struct strbuf out = STRBUF_INIT;

	text_nfc(in, strlen(in), &out);
	is_str(strbuf_str(&out), want, "text_nfc: %s", what);
	strbuf_done(&out);
}

static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* text_nfc(s) against u8_normalize(NFC, s); also appends after existing text. */
static bool
nfc_agrees(const char *s, size_t n)
{
	struct strbuf out = STRBUF_INIT;
	uint8_t *r;
	size_t rlen;
	bool same;

	strbuf_adds(&out, "x");
	text_nfc(s, n, &out);
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &rlen);
	same = r && out.len == rlen + 1 && memcmp(out.buf + 1, r, rlen) == 0;
	free(r);
	strbuf_done(&out);
	return same;
}

static void
test_nfc(void)
{
	static const char *const alphabet[] = {
		"a", "E", " ", "\n", "Ж", "е", "и", "і", "у", "ё", "й", "é", "—", "№", "’", "«",
		"\xcc\x81", "\xcc\x86", "\xcc\x88", "\xcc\x80", "\xcc\xa3", "\xcd\x85",
		"\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8", "가", "\xe0\xb2\xbf",
		"\xe0\xb3\x95", "\xe0\xa5\x98", "\xe2\x84\xab", "\xe2\x80\x80", "\xcd\x84",
		"\xf0\x9f\x98\x80", "\xf0\x91\x82\x99", "\xf0\x91\x82\xba", "\xef\xbf\xbd",
	};
	uint32_t seed = 777;
	bool good = true;
	int round, bad = 0;

	nfc_is("e\xcc\x81", "\xc3\xa9", "e + U+0301 at the end composes");
	nfc_is("и\xcc\x86", "й", "и + U+0306 at the end composes");
	nfc_is("Мо\xcc\x81сква", "Мо\xcc\x81сква", "the stress mark stays separate");
	nfc_is("и\xcc\x86од", "йод", "и + U+0306 inside composes");
	nfc_is("\xe2\x84\xab", "\xc3\x85", "Å (U+212B) becomes U+00C5");
	nfc_is("Ёлка — «ёж» № 5", "Ёлка — «ёж» № 5", "inert text is copied");
	nfc_is("", "", "the empty string");
	for (round = 0; round < 30000; round++) {
		char buf[256];
		size_t n = 0;
		int len = (int)(next_random(&seed) % 12) + 1, k;

		for (k = 0; k < len; k++) {
			const char *p = alphabet[next_random(&seed) % GLOSS_ARRAY_SIZE(alphabet)];

			memcpy(buf + n, p, strlen(p));
			n += strlen(p);
		}
		if (!nfc_agrees(buf, n)) {
			if (bad++ < 5) {
				printf("#   differs on:");
				for (k = 0; k < (int)n; k++)
					printf(" %02x", (unsigned char)buf[k]);
				printf("\n");
			}
			good = false;
		}
	}
	ok(good, "text_nfc == u8_normalize(NFC) on 30000 random strings (%d differ)", bad);
}

static char *
one_line(const char *s, unsigned flags)
{
	struct strbuf out = STRBUF_INIT;

	strbuf_adds(&out, "[");
	text_one_line(&out, s, strlen(s), flags);
	strbuf_adds(&out, "]");
	return strbuf_detach(&out, NULL);
}

static void
test_one_line(void)
{
	const char *s = "  Глава\tпервая\r\nстрока\n\n\nвторая  ";
	char *got;

	got = one_line(s, 0);
	is_str(got, "[  Глава первая  строка   вторая  ]", "one line: each line end and tab a space");
	free(got);
	got = one_line(s, TEXT_LINE_SQUEEZE);
	is_str(got, "[Глава первая строка вторая]", "one line, squeezed: one space a run, none at the ends");
	free(got);
	got = one_line(s, TEXT_LINE_PARAGRAPHS);
	is_str(got, "[  Глава первая  строка \u00b6 вторая  ]", "one line: a blank line as a pilcrow");
	free(got);
	got = one_line("", TEXT_LINE_SQUEEZE);
	is_str(got, "[]", "one line: the empty text");
	free(got);
}

int
main(void)
{
	test_decode();
	test_one_line();
	test_decode_strings();
	test_clean();
	test_clean_growth();
	test_inert_code_points();
	test_nfc();
	return tap_done();
}
