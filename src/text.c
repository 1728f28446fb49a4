/*
 * text — UTF-8 decoding, cleaning of raw file bytes into model text, and
 * NFC normalisation.
 *
 * Decoding and normalisation are libunistring's (u8_mbtoucr, u8_check,
 * u8_normalize).  Two things are added here.  For ill-formed input the
 * length consumed is the maximal subpart of Unicode §3.9 (one U+FFFD per
 * subpart, as browsers do); u8_mbtouc would swallow a whole overlong or
 * surrogate sequence as one.  And the NFC fast path: a string made only of
 * code points that are NFC-stable starters which never compose with
 * anything is already in NFC, so the (comparatively slow) library call is
 * skipped for typical English and Cyrillic prose.  tests/test_text.c checks
 * the fast path against u8_normalize for every such code point.
 *
 * Tab expansion counts columns as the screen shows them, with glyph_width(),
 * so that a control picture or a wide character before a tab is counted as
 * the pager draws it.
 */
#include "gloss/gloss.h"

#include <unistr.h>
#include <uninorm.h>

#include "gloss/glyph.h"
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
text_decode(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	if (n >= 2 && (unsigned char)s[0] >= 0xC2 && (unsigned char)s[0] < 0xE0 &&
	    ((unsigned char)s[1] & 0xC0) == 0x80) {	/* two bytes: Cyrillic, Latin-1 */
		*cp = ((uint32_t)((unsigned char)s[0] & 0x1F) << 6) | ((unsigned char)s[1] & 0x3F);
		return 2;
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

void
text_clean(const char *s, size_t n, int tab_width, int *col, struct strbuf *out)
{
	size_t i = 0;

	if (tab_width <= 0)
		tab_width = 8;
	strbuf_grow(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int len;

		if (c >= 0x20 && c < 0x7F) {
			out->buf[out->len++] = (char)c;
			(*col)++;
			i++;
			continue;
		}
		if (c == '\t') {
			int pad = tab_width - (*col % tab_width);

			while (pad-- > 0) {
				strbuf_addc(out, ' ');
				(*col)++;
			}
			i++;
			strbuf_grow(out, n - i);
			continue;
		}
		if (c == '\n') {
			strbuf_addc(out, '\n');
			*col = 0;
			i++;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		if (cp == 0)
			cp = 0xFFFD;
		if (cp == 0xFFFD || len == 1) {
			strbuf_addcp(out, cp);
		} else {
			strbuf_add(out, s + i, (size_t)len);
		}
		*col += glyph_width(cp, GLYPH_UTF8);
		i += (size_t)len;
		/* strbuf_add may have grown the buffer; keep room for the fast path. */
		strbuf_grow(out, n - i);
	}
	out->buf[out->len] = '\0';
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

bool
text_is_nfc_fast(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += (size_t)text_decode(s + i, n - i, &cp);
		if (!text_nfc_inert(cp))
			return false;
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
