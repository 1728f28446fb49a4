/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * text — UTF-8 primitives shared by the loaders and the display: decoding
 * with U+FFFD for invalid bytes, and NFC normalisation with a fast path
 * (cleaning raw file bytes into model text is doc_build_clean()).
 */
#ifndef GLOSS_TEXT_H
#define GLOSS_TEXT_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

/*
 * Decodes the code point at s[0..n) (n >= 1) into *cp and returns its
 * length in bytes.  Invalid or truncated sequences give U+FFFD and the
 * length of the maximal invalid subpart (Unicode §3.9): overlong forms,
 * surrogates and F5–FF give one U+FFFD per byte.
 */
int text_decode_slow(const char *s, size_t n, uint32_t *cp);

/* Inline for the common one- and two-byte cases (a hot path everywhere). */
static inline int
text_decode(const char *s, size_t n, uint32_t *cp)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (n >= 2 && c >= 0xC2 && c < 0xE0 && ((unsigned char)s[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[1] & 0x3F);
		return 2;
	}
	return text_decode_slow(s, n, cp);
}
/* Length of the code point starting at s[0] (1 for invalid bytes). */
int text_cplen(const char *s, size_t n);
/* True if s[0..n) is valid UTF-8. */
bool text_valid(const char *s, size_t n);
/*
 * True for a code point no export writes as it is (the one rule of every
 * exported field, JSON and Markdown, front matter, headings, sources and
 * bodies): C0 and C1 controls and DEL, the bidi controls (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069), U+2028, U+2029, U+FEFF and the
 * non-characters U+FFFE, U+FFFF.  Writers give them as escapes (\uXXXX,
 * &#N;), so they stay visible in the bytes and read back as they were.
 */
bool text_export_escaped(uint32_t cp);
/* The length of "scheme:" at the start of a URI or IRI (RFC 3986: a letter, then letters, digits, + - .); 0 if none. */
size_t text_scheme_len(const char *s);

/*
 * Normalises s[0..n) (valid UTF-8) to NFC and appends it to out.  Text made
 * only of code points that NFC never changes (ASCII, Latin-1, most of Latin
 * Extended, Cyrillic letters, general punctuation) is copied as it is;
 * anything else goes through libunistring's u8_normalize().
 */
void text_nfc(const char *s, size_t n, struct strbuf *out);
/* True if s[0..n) is made only of NFC-inert code points (so it is in NFC). */
bool text_is_nfc_fast(const char *s, size_t n);
/* True if NFC leaves every string made of cp and other such code points unchanged. */
bool text_nfc_inert(uint32_t cp);

/*
 * Appends s[0..n) to out on one line: every line end (LF, CR) and tab
 * becomes a space.  With TEXT_LINE_SQUEEZE a run of white space becomes one
 * space and none is left at either end; with TEXT_LINE_PARAGRAPHS a blank
 * line (two or more LF) becomes " ¶ ".  Nothing else is changed (the caller
 * makes the text safe to show).
 */
enum { TEXT_LINE_SQUEEZE = 1, TEXT_LINE_PARAGRAPHS = 2 };
void text_one_line(struct strbuf *out, const char *s, size_t n, unsigned flags);

#endif
