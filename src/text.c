/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * text — UTF-8 decoding and NFC normalisation.
 *
 * Decoding and normalisation are libunistring's (u8_mbtoucr, u8_check,
 * u8_normalize).  Two things are added here.  For ill-formed input the
 * length consumed is the maximal subpart of Unicode §3.9 (one U+FFFD per
 * subpart, as browsers do); u8_mbtouc would swallow a whole overlong or
 * surrogate sequence as one.  And the NFC fast path: a string made only of
 * code points that are NFC-stable starters which never compose with
 * anything is already in NFC, so the (comparatively slow) library call is
 * skipped for typical English and Cyrillic prose.  tests/unit/test_text.c checks
 * the fast path against u8_normalize for every such code point.
 */
#include "gloss/gloss.h"

#include <unistr.h>
#include <uninorm.h>

#include "gloss/text.h"

/*
 * The length of the maximal subpart of the ill-formed sequence at s: the
 * lead byte and the continuation bytes that could still begin a well-formed
 * sequence (Unicode §3.9, table 3-7); at least 1.
 */
static int
invalid_length(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, k;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 1;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 2;
		lo = s[0] == 0xE0 ? 0xA0 : 0x80;
		hi = s[0] == 0xED ? 0x9F : 0xBF;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 3;
		lo = s[0] == 0xF0 ? 0x90 : 0x80;
		hi = s[0] == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 1;
	}
	for (k = 1; k <= need && k < n && s[k] >= lo && s[k] <= hi; k++) {
		lo = 0x80;
		hi = 0xBF;
	}
	return (int)k;
}

int
text_decode_slow(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
	if (len > 0) {
		*cp = uc;
		return len;
	}
	*cp = 0xFFFD;
	return invalid_length((const unsigned char *)s, n);
}

int
text_cplen(const char *s, size_t n)
{
	uint32_t cp;

	return text_decode(s, n, &cp);
}

bool
text_valid(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

bool
text_nfc_inert(uint32_t cp)
{
	if (cp < 0x0300)
		return true;	/* ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers */
	if (cp >= 0x0400 && cp <= 0x0482)
		return true;	/* Cyrillic letters (U+0483–U+0489 are combining) */
	if (cp >= 0x048A && cp <= 0x052F)
		return true;	/* Cyrillic extended letters */
	if (cp >= 0x2010 && cp <= 0x2027)
		return true;	/* dashes, quotes, bullets, ellipsis */
	if (cp >= 0x202A && cp <= 0x205E)
		return true;	/* bidi controls, primes, punctuation */
	if (cp >= 0x20A0 && cp <= 0x20BF)
		return true;	/* currency signs */
	if (cp == 0x2116 || cp == 0x2122 || cp == 0xFFFD)
		return true;	/* № ™ replacement character */
	return false;
}

/*
 * A combining accent U+0300–U+030F right after an inert starter, with no
 * mark after it, leaves the text in NFC when the two do not compose
 * (libunistring's uc_composition): Cyrillic stress marks (о́, и́) are the
 * common case; е + U+0300 (ѐ) and к + U+0301 (ќ) do compose.
 */
static bool
accent_stays(uint32_t prev, uint32_t mark, const char *next, size_t n)
{
	uint32_t cp;

	if (mark < 0x0300 || mark > 0x030F || prev == 0 || uc_composition(prev, mark) != 0)
		return false;
	if (n == 0)
		return true;
	text_decode(next, n, &cp);
	return text_nfc_inert(cp);	/* a starter (inert code points are) */
}

bool
text_is_nfc_fast(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t prev = 0;		/* the previous code point if an inert starter, else 0 */

	while (i < n) {
		uint32_t cp;

		if ((unsigned char)s[i] < 0x80) {
			prev = (unsigned char)s[i++];
			continue;
		}
		i += (size_t)text_decode(s + i, n - i, &cp);
		if (text_nfc_inert(cp)) {
			prev = cp;
		} else if (accent_stays(prev, cp, s + i, n - i)) {
			prev = 0;
		} else {
			return false;
		}
	}
	return true;
}

void
text_nfc(const char *s, size_t n, struct strbuf *out)
{
	uint8_t *r;
	size_t rlen = 0;

	if (text_is_nfc_fast(s, n)) {
		strbuf_add(out, s, n);
		return;
	}
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &rlen);
	if (r == NULL) {		/* cannot happen for valid input; keep the text */
		strbuf_add(out, s, n);
		return;
	}
	strbuf_add(out, r, rlen);
	free(r);
}

bool
text_export_escaped(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
	    cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

size_t
text_scheme_len(const char *s)
{
	size_t i = 0;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
	    s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return s[i] == ':' ? i + 1 : 0;
}

static bool
line_space(char c)
{
	return c == '\n' || c == '\r' || c == '\t';
}

void
text_one_line(struct strbuf *out, const char *s, size_t n, unsigned flags)
{
	bool squeeze = flags & TEXT_LINE_SQUEEZE, space = false;
	size_t start = out->len;

	for (size_t i = 0; i < n; i++) {
		if ((flags & TEXT_LINE_PARAGRAPHS) && s[i] == '\n' && i + 1 < n && s[i + 1] == '\n') {
			while (i + 1 < n && s[i + 1] == '\n')
				i++;
			strbuf_adds(out, " \u00b6 ");
		} else if (squeeze && (line_space(s[i]) || s[i] == ' ')) {
			space = out->len > start;
		} else {
			if (space)
				strbuf_addc(out, ' ');
			space = false;
			strbuf_addc(out, line_space(s[i]) ? ' ' : s[i]);
		}
	}
}
