/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_glyph — what reaches the screen for each code point: control
 * pictures, bidi substitutes, invisible and combining characters, widths,
 * ASCII-mode transliteration, glyph_append_safe() on every code point and
 * on random bytes, and superscripts.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <uniname.h>
#include <unistr.h>

#include "gloss/glyph.h"
#include "gloss/strbuf.h"
#include "../lib/tap.h"

static const uint32_t bidi_controls[] = {
	0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
	0x200E, 0x200F, 0x061C,
};

/* The glyph of cp as a UTF-8 string (static buffer). */
static const char *
drawn(uint32_t cp, enum glyph_mode mode)
{
	static char buf[32];
	struct glyph g;
	size_t o = 0;
	int k;

	glyph_get(cp, mode, &g);
	for (k = 0; k < g.n; k++)
		o += (size_t)u8_uctomb((uint8_t *)buf + o, g.cp[k], 4);
	buf[o] = '\0';
	return buf;
}

static bool
glyph_is(uint32_t cp, enum glyph_mode mode, const char *text, int width, int flags)
{
	struct glyph g;

	glyph_get(cp, mode, &g);
	return strcmp(drawn(cp, mode), text) == 0 && g.width == width && g.flags == flags;
}

static void
test_controls(void)
{
	bool c0 = true, c1 = true;
	uint32_t cp;

	for (cp = 0; cp < 0x20; cp++) {
		char want[4];

		want[u8_uctomb((uint8_t *)want, 0x2400 + cp, 4)] = '\0';
		if (!glyph_is(cp, GLYPH_UTF8, want, 1, GLYPH_SUBST))
			c0 = false;
	}
	ok(c0, "every C0 control shows as its control picture, 1 column, substitute");
	ok(glyph_is(0x1B, GLYPH_UTF8, "␛", 1, GLYPH_SUBST), "ESC shows as ␛");
	ok(glyph_is(0x00, GLYPH_UTF8, "␀", 1, GLYPH_SUBST), "NUL shows as ␀");
	ok(glyph_is(0x09, GLYPH_UTF8, "␉", 1, GLYPH_SUBST), "TAB shows as ␉");
	ok(glyph_is(0x7F, GLYPH_UTF8, "␡", 1, GLYPH_SUBST), "DEL shows as ␡");
	for (cp = 0x80; cp < 0xA0; cp++) {
		char want[8] = "␛";

		want[3] = (char)(cp - 0x40);
		want[4] = '\0';
		if (!glyph_is(cp, GLYPH_UTF8, want, 2, GLYPH_SUBST))
			c1 = false;
	}
	ok(c1, "every C1 control shows as ␛ and its 7-bit form, 2 columns, substitute");
	ok(glyph_is(0x9B, GLYPH_UTF8, "␛[", 2, GLYPH_SUBST), "CSI U+009B shows as ␛[");
	ok(glyph_is(0x85, GLYPH_UTF8, "␛E", 2, GLYPH_SUBST), "NEL U+0085 shows as ␛E");
}

static void
test_bidi_and_invisible(void)
{
	struct glyph g;
	size_t i;
	bool bidi = true;

	for (i = 0; i < GLOSS_ARRAY_SIZE(bidi_controls); i++) {
		if (!glyph_is(bidi_controls[i], GLYPH_UTF8, "¦", 1, GLYPH_SUBST)) {
			printf("#   U+%04X shows as \"%s\"\n", bidi_controls[i],
			    drawn(bidi_controls[i], GLYPH_UTF8));
			bidi = false;
		}
	}
	ok(bidi, "every bidi control (U+202A–E, U+2066–9, U+200E/F, U+061C) shows as ¦");
	glyph_get(0x00AD, GLYPH_UTF8, &g);
	ok(g.n == 0 && g.width == 0 && g.flags == 0, "SHY draws nothing, width 0");
	glyph_get(0x00AD, GLYPH_ASCII, &g);
	ok(g.n == 0 && g.width == 0, "SHY draws nothing in ASCII mode");
	ok(glyph_is(0x200B, GLYPH_UTF8, "", 0, 0), "ZWSP draws nothing");
	ok(glyph_is(0x2060, GLYPH_UTF8, "", 0, 0), "word joiner draws nothing");
	ok(glyph_is(0xFEFF, GLYPH_UTF8, "", 0, 0), "BOM draws nothing");
	ok(glyph_is(0x2028, GLYPH_UTF8, "", 0, 0), "line separator draws nothing");
	ok(glyph_is(0xE0041, GLYPH_UTF8, "", 0, 0), "tag characters draw nothing");
	glyph_get(0x200D, GLYPH_UTF8, &g);
	ok(g.n == 1 && g.cp[0] == 0x200D && g.width == 0 && g.flags == GLYPH_COMBINING,
	    "ZWJ is kept, width 0, attached to the glyph before");
	glyph_get(0xFE0F, GLYPH_UTF8, &g);
	ok(g.n == 1 && g.cp[0] == 0xFE0F && g.width == 0 && g.flags == GLYPH_COMBINING,
	    "VS16 is kept, width 0, attached to the glyph before");
	glyph_get(0x200D, GLYPH_ASCII, &g);
	ok(g.n == 0 && g.width == 0, "ZWJ draws nothing in ASCII mode");
	ok(glyph_joins(0x200D, 0x1F467) && !glyph_joins(0x200D, 'a') &&
	    glyph_joins(0x1F44D, 0x1F3FD) && !glyph_joins('a', 0x1F3FD),
	    "a pictograph after ZWJ and a skin tone after its base join the cluster");
	ok(glyph_width_after(0x200D, 0x1F467, GLYPH_UTF8) == 0 &&
	    glyph_width_after(' ', 0x1F467, GLYPH_UTF8) == 2, "a joining pictograph takes no column");
	ok(glyph_is(0x110000, GLYPH_UTF8, "\xef\xbf\xbd", 1, 0), "beyond U+10FFFF: U+FFFD");
	ok(glyph_is(0xD800, GLYPH_UTF8, "\xef\xbf\xbd", 1, 0), "a surrogate: U+FFFD");
}

static void
test_combining_and_widths(void)
{
	bool marks = true, cyrillic = true, same = true;
	uint32_t cp;
	struct glyph g;

	ok(glyph_is(0x0301, GLYPH_UTF8, "\xcc\x81", 0, GLYPH_COMBINING), "U+0301 is combining");
	ok(glyph_is(0x0308, GLYPH_UTF8, "\xcc\x88", 0, GLYPH_COMBINING), "U+0308 is combining");
	ok(glyph_is(0x0483, GLYPH_UTF8, "\xd2\x83", 0, GLYPH_COMBINING), "titlo U+0483 is combining");
	glyph_get(0x0301, GLYPH_ASCII, &g);
	ok(g.n == 0 && g.width == 0 && g.flags == GLYPH_COMBINING, "U+0301 in ASCII: nothing");
	for (cp = 0; cp < 0x110000; cp++) {
		if (!uc_is_general_category(cp, UC_CATEGORY_Mn) ||
		    uc_is_property_default_ignorable_code_point(cp))
			continue;
		glyph_get(cp, GLYPH_UTF8, &g);
		if (g.n != 1 || g.cp[0] != cp || g.width != 0 || g.flags != GLYPH_COMBINING) {
			if (marks)
				printf("#   U+%04X: n %d width %d flags %d\n", cp, g.n, g.width, g.flags);
			marks = false;
		}
	}
	ok(marks, "every non-spacing mark is drawn as itself, width 0, combining");
	ok(glyph_is(0x4E2D, GLYPH_UTF8, "中", 2, 0), "CJK ideograph: width 2");
	ok(glyph_is(0xAC00, GLYPH_UTF8, "가", 2, 0), "Hangul syllable: width 2");
	ok(glyph_is(0xFF21, GLYPH_UTF8, "Ａ", 2, 0), "fullwidth A: width 2");
	ok(glyph_is(0x1F600, GLYPH_UTF8, "\xf0\x9f\x98\x80", 2, 0), "emoji: width 2");
	ok(glyph_width(0x4E2D, GLYPH_UTF8) == 2, "glyph_width of a CJK ideograph is 2");
	for (cp = 0x0400; cp <= 0x04FF; cp++) {
		if (cp >= 0x0483 && cp <= 0x0489)
			continue;	/* combining */
		glyph_get(cp, GLYPH_UTF8, &g);
		if (g.n != 1 || g.cp[0] != cp || g.width != 1 || g.flags != 0 ||
		    glyph_width(cp, GLYPH_UTF8) != 1)
			cyrillic = false;
	}
	ok(cyrillic, "every Cyrillic letter U+0400–U+04FF is itself, width 1");
	ok(glyph_is(0x00A0, GLYPH_UTF8, "\xc2\xa0", 1, 0), "NBSP: itself, width 1");
	ok(glyph_is(0xE000, GLYPH_UTF8, "\xee\x80\x80", 1, 0), "private use: itself");
	for (cp = 0; cp < 0x110000; cp++) {
		glyph_get(cp, GLYPH_UTF8, &g);
		if (glyph_width(cp, GLYPH_UTF8) != g.width)
			same = false;
		glyph_get(cp, GLYPH_ASCII, &g);
		if (glyph_width(cp, GLYPH_ASCII) != g.width)
			same = false;
	}
	ok(same, "glyph_width agrees with glyph_get for every code point, both modes");
}

/* ---------------------------------------------------------------------- */
/* ASCII mode. */

static void
ascii_is(uint32_t cp, const char *want)
{
	is_str(drawn(cp, GLYPH_ASCII), want, "ASCII mode: U+%04X is \"%s\"", cp, want);
}

static bool
is_ascii_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
			return false;
	return true;
}

static void
test_ascii_mode(void)
{
	static const uint32_t extra[] = {
		0x0401, 0x0451, 0x0404, 0x0454, 0x0406, 0x0456, 0x0407, 0x0457,
		0x040E, 0x045E, 0x0490, 0x0491, 0x0400, 0x0450, 0x040D, 0x045D,
	};
	struct strbuf out = STRBUF_INIT;
	const char *s = "Щука — «ёж» № 5";
	bool letters = true, width = true;
	uint32_t cp;
	size_t i;
	struct glyph g;

	ascii_is(0x0416, "Zh");
	ascii_is(0x0429, "Shch");
	ascii_is(0x0451, "yo");
	ascii_is(0x0457, "yi");
	ascii_is(0x045E, "u");
	ascii_is(0x2014, "--");
	ascii_is(0x00AB, "\"");
	ascii_is(0x00BB, "\"");
	ascii_is(0x2116, "No.");
	ascii_is(0x0419, "Y");
	ascii_is(0x00E9, "e");
	ascii_is(0x01D6, "u");		/* ǖ: decomposes twice */
	ascii_is(0x0400, "E");		/* Ѐ */
	ascii_is(0x045D, "i");		/* ѝ */
	ascii_is(0x00A0, " ");
	ascii_is(0x4E2D, "??");
	ascii_is(0x1B, "^[");
	ascii_is(0x7F, "^?");
	ascii_is(0x9B, "^[[");
	ascii_is(0x202E, "|");
	for (cp = 0x0410; cp <= 0x0450; cp++) {
		const char *t = drawn(cp, GLYPH_ASCII);

		if (*t == '\0' || strchr(t, '?') || !is_ascii_text(t))
			letters = false;
	}
	for (i = 0; i < GLOSS_ARRAY_SIZE(extra); i++) {
		const char *t = drawn(extra[i], GLYPH_ASCII);

		if (*t == '\0' || strchr(t, '?') || !is_ascii_text(t)) {
			printf("#   U+%04X is \"%s\"\n", extra[i], t);
			letters = false;
		}
	}
	ok(letters, "every ru/uk/be letter (and Ѐ ѐ Ѝ ѝ) transliterates to ASCII, never ?");
	for (cp = 0x20; cp < 0x110000; cp++) {
		glyph_get(cp, GLYPH_ASCII, &g);
		if (g.width != g.n)
			width = false;
	}
	ok(width, "in ASCII mode a glyph is as wide as its characters");
	glyph_append_safe(&out, s, strlen(s), GLYPH_ASCII);
	is_str(strbuf_str(&out), "Shchuka -- \"yozh\" No. 5", "a line in ASCII mode");
	strbuf_done(&out);
}

/* ---------------------------------------------------------------------- */
/* glyph_append_safe. */

static bool
is_forbidden(uint32_t cp)
{
	size_t i;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return true;
	for (i = 0; i < GLOSS_ARRAY_SIZE(bidi_controls); i++)
		if (cp == bidi_controls[i])
			return true;
	return false;
}

/* True if out is valid UTF-8 with nothing a terminal could act on. */
static bool
is_safe(const struct strbuf *out, enum glyph_mode mode)
{
	size_t i = 0;

	if (!out->buf)
		return true;
	if (u8_check((const uint8_t *)out->buf, out->len) != NULL)
		return false;
	while (i < out->len) {
		ucs4_t cp;

		i += (size_t)u8_mbtouc(&cp, (const uint8_t *)out->buf + i, out->len - i);
		if (is_forbidden(cp) || (mode == GLYPH_ASCII && cp > 0x7E))
			return false;
	}
	return true;
}

static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static void
test_append_safe(void)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	uint32_t cp, seed = 4242;
	bool utf8, ascii, rnd = true;
	int mode, round;

	for (cp = 0; cp < 0x110000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF) {	/* as bytes: invalid UTF-8 */
			strbuf_addc(&in, (char)(0xE0 | (cp >> 12)));
			strbuf_addc(&in, (char)(0x80 | ((cp >> 6) & 0x3F)));
			strbuf_addc(&in, (char)(0x80 | (cp & 0x3F)));
		} else {
			strbuf_addcp(&in, cp);
		}
	}
	glyph_append_safe(&out, in.buf, in.len, GLYPH_UTF8);
	utf8 = is_safe(&out, GLYPH_UTF8);
	ok(utf8, "every code point through glyph_append_safe: no controls, no bidi (UTF-8)");
	strbuf_reset(&out);
	glyph_append_safe(&out, in.buf, in.len, GLYPH_ASCII);
	ascii = is_safe(&out, GLYPH_ASCII);
	ok(ascii, "every code point through glyph_append_safe: printable ASCII only (ASCII)");
	for (round = 0; round < 20000; round++) {
		char bytes[64];
		size_t n = next_random(&seed) % sizeof(bytes) + 1, i;

		for (i = 0; i < n; i++)
			bytes[i] = (char)(next_random(&seed) >> 24);
		for (mode = 0; mode < 2; mode++) {
			strbuf_reset(&out);
			glyph_append_safe(&out, bytes, n, (enum glyph_mode)mode);
			if (!is_safe(&out, (enum glyph_mode)mode))
				rnd = false;
		}
	}
	ok(rnd, "20000 random byte strings through glyph_append_safe: all safe");
	strbuf_reset(&out);
	glyph_append_safe(&out, "a\x1b[31mb\xc2\x9b" "2J\xe2\x80\xae" "c\xc2\xad" "d\xff", 19,
	    GLYPH_UTF8);
	is_str(strbuf_str(&out), "a␛[31mb␛[2J¦cd\xef\xbf\xbd", "an escape sequence is shown, not sent");
	{
		static const char scot[] = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063"
		    "\U000E0074\U000E007F";
		static const char stray[] = "a\U000E0041\U000E0042\U000E007F b\U0001F3F4\U000E0041";

		strbuf_reset(&out);
		glyph_append_safe(&out, scot, strlen(scot), GLYPH_UTF8);
		is_str(strbuf_str(&out), scot, "an emoji tag sequence (Scotland's flag) is kept whole");
		strbuf_reset(&out);
		glyph_append_safe(&out, stray, strlen(stray), GLYPH_UTF8);
		is_str(strbuf_str(&out), "a b\U0001F3F4", "tags outside a tag sequence draw nothing");
	}
	strbuf_reset(&out);
	glyph_append_safe(&out, "a\x00" "b", 3, GLYPH_UTF8);
	is_str(strbuf_str(&out), "a␀b", "NUL inside the text is shown");
	strbuf_done(&in);
	strbuf_done(&out);
}

/* ---------------------------------------------------------------------- */
/* Superscripts. */

static bool
name_is(uint32_t cp, const char *want1, const char *want2)
{
	char name[UNINAME_MAX];

	if (cp == 0 || unicode_character_name(cp, name) == NULL)
		return false;
	return strcmp(name, want1) == 0 || (want2 && strcmp(name, want2) == 0);
}

static void
test_superscript(void)
{
	static const char *const digits[10] = {
		"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
	};
	bool good_digits = true, good_letters = true;
	char a[64], b[64];
	int i;

	for (i = 0; i < 10; i++) {
		uint32_t s = glyph_superscript((uint32_t)('0' + i));

		snprintf(a, sizeof(a), "SUPERSCRIPT %s", digits[i]);
		if (!name_is(s, a, NULL) || glyph_width(s, GLYPH_UTF8) != 1)
			good_digits = false;
	}
	ok(good_digits, "superscript digits ⁰–⁹, width 1");
	for (i = 0; i < 26; i++) {
		uint32_t s = glyph_superscript((uint32_t)('a' + i));

		if (i == 'q' - 'a')
			continue;
		snprintf(a, sizeof(a), "MODIFIER LETTER SMALL %c", 'A' + i);
		snprintf(b, sizeof(b), "SUPERSCRIPT LATIN SMALL LETTER %c", 'A' + i);
		if (!name_is(s, a, b) || glyph_width(s, GLYPH_UTF8) != 1) {
			printf("#   %c -> U+%04X\n", 'a' + i, s);
			good_letters = false;
		}
	}
	ok(good_letters, "superscript letters a–z (but q), width 1");
	is_int(glyph_superscript('1'), 0x00B9, "1 → ¹");
	is_int(glyph_superscript('i'), 0x2071, "i → ⁱ");
	is_int(glyph_superscript('v'), 0x1D5B, "v → ᵛ");
	is_int(glyph_superscript('x'), 0x02E3, "x → ˣ");
	ok(name_is(glyph_superscript('+'), "SUPERSCRIPT PLUS SIGN", NULL), "+ → ⁺");
	ok(name_is(glyph_superscript('-'), "SUPERSCRIPT MINUS", NULL), "- → ⁻");
	ok(name_is(glyph_superscript('='), "SUPERSCRIPT EQUALS SIGN", NULL), "= → ⁼");
	ok(name_is(glyph_superscript('('), "SUPERSCRIPT LEFT PARENTHESIS", NULL), "( → ⁽");
	ok(name_is(glyph_superscript(')'), "SUPERSCRIPT RIGHT PARENTHESIS", NULL), ") → ⁾");
	is_int(glyph_superscript('q'), 0, "q has no superscript");
	is_int(glyph_superscript('A'), 0, "A: none");
	is_int(glyph_superscript(0x0436), 0, "ж: none");
	is_int(glyph_superscript(' '), 0, "space: none");
}

int
main(void)
{
	test_controls();
	test_bidi_and_invisible();
	test_combining_and_widths();
	test_ascii_mode();
	test_append_safe();
	test_superscript();
	return tap_done();
}
