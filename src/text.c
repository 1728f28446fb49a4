/*
 * text — UTF-8 decoding, cleaning of raw file bytes into model text, and
 * NFC normalisation.
 *
 * Decoding and normalisation are libunistring's (u8_mbtouc, u8_check,
 * u8_normalize).  The one thing added here is the NFC fast path: a string
 * made only of code points that are NFC-stable starters which never compose
 * with anything is already in NFC, so the (comparatively slow) library call
 * is skipped for typical English and Cyrillic prose.  tests/test_text.c
 * checks the fast path against u8_normalize for every such code point.
 */
#include "gloss/gloss.h"

#include <unistr.h>
#include <uninorm.h>
#include <uniwidth.h>

#include "gloss/text.h"

int
text_decode(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	len = u8_mbtouc(&uc, (const uint8_t *)s, n);
	*cp = uc;
	return len > 0 ? len : 1;
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
		int len, w;

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
		w = uc_width(cp, "UTF-8");
		*col += w > 0 ? w : 0;
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

void
text_nfc(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;
	uint8_t *r;
	size_t rlen = 0;
	bool inert = true;

	while (i < n && inert) {
		uint32_t cp;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += (size_t)text_decode(s + i, n - i, &cp);
		inert = text_nfc_inert(cp);	/* even the last code point may need work */
	}
	if (inert) {
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
