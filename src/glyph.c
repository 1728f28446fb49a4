/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * glyph — maps every code point to what reaches the screen and its width.
 *
 * This is the single place that decides how text is shown: the layout asks
 * it for widths, the pager and `gloss dump` for the characters to draw, so
 * a control character can never slip through one path and not another.
 * Widths of ordinary characters come from libunistring (uc_width with the
 * encoding "UTF-8"); classification from unictype.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <uninorm.h>
#include <uniwidth.h>

#include "gloss/glyph.h"
#include "gloss/text.h"

#define REPLACEMENT 0xFFFD
#define BIDI_SUBST 0x00A6	/* ¦ */
#define ESC_PICTURE 0x241B	/* ␛ */

static bool
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/*
 * Marks drawn on the previous glyph.  libunistring gives a few non-spacing
 * marks one column (U+0CBF, U+0CC6, U+11A07, U+11A08, U+11C3F) where the
 * terminal's wcwidth() gives none, so the category decides for Mn and Me.
 */
static bool
is_combining(uint32_t cp, int width)
{
	return uc_is_general_category(cp, UC_CATEGORY_Mn) ||
	    uc_is_general_category(cp, UC_CATEGORY_Me) ||
	    (width == 0 && uc_is_general_category(cp, UC_CATEGORY_M));
}

static void
set1(struct glyph *g, uint32_t cp, int width, int flags)
{
	g->cp[0] = cp;
	g->n = 1;
	g->width = (uint8_t)width;
	g->flags = (uint8_t)flags;
}

static void
set_ascii(struct glyph *g, const char *s, int flags)
{
	size_t i;

	for (i = 0; s[i] && i < GLOSS_ARRAY_SIZE(g->cp); i++)
		g->cp[i] = (unsigned char)s[i];
	g->n = (uint8_t)i;
	g->width = (uint8_t)i;
	g->flags = (uint8_t)flags;
}

/* Cyrillic transliteration for ASCII mode (ru/uk/be letters), U+0400–U+045F. */
static const char *const translit_upper[32] = {
	"A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "Y", "K", "L", "M", "N", "O", "P",
	"R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "\"", "Y", "'", "E", "Yu", "Ya",
};
static const char *const translit_lower[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "\"", "y", "'", "e", "yu", "ya",
};

static const struct {
	uint32_t cp;
	const char *ascii;
} ascii_table[] = {
	{ 0x00A0, " " }, { 0x00A7, "S" }, { 0x00AB, "\"" }, { 0x00BB, "\"" },
	{ 0x00B7, "." }, { 0x00D7, "x" }, { 0x00DF, "ss" }, { 0x00C6, "AE" }, { 0x00E6, "ae" },
	{ 0x0401, "Yo" }, { 0x0451, "yo" }, { 0x0404, "Ye" }, { 0x0454, "ye" },
	{ 0x0406, "I" }, { 0x0456, "i" }, { 0x0407, "Yi" }, { 0x0457, "yi" },
	{ 0x040E, "U" }, { 0x045E, "u" }, { 0x0490, "G" }, { 0x0491, "g" },
	{ 0x02BC, "'" }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" },
	{ 0x2014, "--" }, { 0x2015, "--" }, { 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "'" },
	{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x2022, "*" }, { 0x2026, "..." },
	{ 0x2032, "'" }, { 0x2033, "\"" }, { 0x2039, "<" }, { 0x203A, ">" }, { 0x2007, " " },
	{ 0x202F, " " }, { 0x2116, "No." }, { 0x20AC, "EUR" }, { 0x2212, "-" },
};

static void
glyph_ascii(uint32_t cp, struct glyph *g)
{
	ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
	size_t i;

	if (cp < 0x20 || cp == 0x7F) {
		char s[3] = { '^', (char)(cp == 0x7F ? '?' : cp + 0x40), 0 };

		set_ascii(g, s, GLYPH_SUBST);
		return;
	}
	if (cp < 0x7F) {
		set1(g, cp, 1, 0);
		return;
	}
	if (cp >= 0x80 && cp < 0xA0) {
		char s[4] = { '^', '[', (char)(cp - 0x40), 0 };

		set_ascii(g, s, GLYPH_SUBST);
		return;
	}
	if (cp == 0x00AD || (cp != 0x00A0 && uc_is_property_default_ignorable_code_point(cp) &&
	    !is_bidi_control(cp))) {
		g->n = g->width = 0;
		g->flags = 0;
		return;
	}
	if (is_bidi_control(cp)) {
		set_ascii(g, "|", GLYPH_SUBST);
		return;
	}
	if (uc_is_general_category(cp, UC_CATEGORY_M)) {
		g->n = g->width = 0;
		g->flags = GLYPH_COMBINING;
		return;
	}
	for (i = 0; i < GLOSS_ARRAY_SIZE(ascii_table); i++) {
		if (ascii_table[i].cp == cp) {
			set_ascii(g, ascii_table[i].ascii, 0);
			return;
		}
	}
	if (cp >= 0x0410 && cp <= 0x042F) {
		set_ascii(g, translit_upper[cp - 0x0410], 0);
		return;
	}
	if (cp >= 0x0430 && cp <= 0x044F) {
		set_ascii(g, translit_lower[cp - 0x0430], 0);
		return;
	}
	/*
	 * Letters with diacritics: the base letter of the decomposition, itself
	 * transliterated (Ѐ → Е → E, ǖ → ü → u).
	 */
	if (uc_canonical_decomposition(cp, dec) > 0 && dec[0] >= 0x20) {
		glyph_ascii(dec[0], g);
		return;
	}
	if (uc_is_general_category(cp, UC_CATEGORY_Zs)) {
		set1(g, ' ', 1, 0);
		return;
	}
	set_ascii(g, uc_width(cp, "UTF-8") == 2 ? "??" : "?", 0);
}

/*
 * Zero-width characters that belong to the character before them and are
 * passed on: ZWJ and ZWNJ and the variation selectors (VS1–VS256).  Tag
 * characters (U+E0020–U+E007F) still draw nothing: they can carry hidden text.
 */
static bool
is_joiner(uint32_t cp)
{
	return cp == 0x200D || cp == 0x200C || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0xE0100 && cp <= 0xE01EF);
}

static void
glyph_utf8(uint32_t cp, struct glyph *g)
{
	int w;

	if (cp < 0x20) {
		set1(g, 0x2400 + cp, 1, GLYPH_SUBST);
		return;
	}
	if (cp == 0x7F) {
		set1(g, 0x2421, 1, GLYPH_SUBST);
		return;
	}
	if (cp >= 0x80 && cp < 0xA0) {
		g->cp[0] = ESC_PICTURE;
		g->cp[1] = cp - 0x40;
		g->n = 2;
		g->width = 2;
		g->flags = GLYPH_SUBST;
		return;
	}
	if (is_bidi_control(cp)) {
		set1(g, BIDI_SUBST, 1, GLYPH_SUBST);
		return;
	}
	if (is_joiner(cp)) {
		set1(g, cp, 0, GLYPH_COMBINING);	/* kept: ZWJ sequences, emoji presentation */
		return;
	}
	if (cp == 0x00AD || cp == 0x2028 || cp == 0x2029 ||
	    uc_is_property_default_ignorable_code_point(cp)) {
		g->n = g->width = 0;
		g->flags = 0;
		return;
	}
	w = uc_width(cp, "UTF-8");
	if (is_combining(cp, w)) {
		set1(g, cp, 0, GLYPH_COMBINING);
		return;
	}
	if (w == 0) {
		g->n = g->width = 0;	/* other zero-width characters draw nothing */
		g->flags = 0;
		return;
	}
	if (w < 0) {
		set1(g, REPLACEMENT, 1, GLYPH_SUBST);
		return;
	}
	set1(g, cp, w, 0);
}

void
glyph_get(uint32_t cp, enum glyph_mode mode, struct glyph *g)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (mode == GLYPH_ASCII)
		glyph_ascii(cp, g);
	else
		glyph_utf8(cp, g);
}

int
glyph_width(uint32_t cp, enum glyph_mode mode)
{
	struct glyph g;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (mode == GLYPH_UTF8) {	/* the common cases after ASCII, all one column */
		if (cp >= 0x0400 && cp <= 0x0482)
			return 1;	/* Cyrillic letters */
		if ((cp >= 0x00A0 && cp <= 0x00FF && cp != 0x00AD) || (cp >= 0x2010 && cp <= 0x2027))
			return 1;	/* Latin-1, dashes, quotes, bullets, ellipsis */
	}
	glyph_get(cp, mode, &g);
	return g.width;
}

bool
glyph_joins(uint32_t prev, uint32_t cp)
{
	if (cp < 0x2000)
		return false;
	if (prev == 0x200D)
		return uc_is_property_extended_pictographic(cp);
	return uc_is_property_emoji_modifier(cp) && uc_is_property_emoji_modifier_base(prev);
}

int
glyph_width_after(uint32_t prev, uint32_t cp, enum glyph_mode mode)
{
	if (mode == GLYPH_UTF8 && glyph_joins(prev, cp))
		return 0;
	return glyph_width(cp, mode);
}

uint32_t
glyph_superscript(uint32_t cp)
{
	static const uint32_t letters[26] = {
		0x1D43, 0x1D47, 0x1D9C, 0x1D48, 0x1D49, 0x1DA0, 0x1D4D, 0x02B0, 0x2071,
		0x02B2, 0x1D4F, 0x02E1, 0x1D50, 0x207F, 0x1D52, 0x1D56, 0, 0x02B3,
		0x02E2, 0x1D57, 0x1D58, 0x1D5B, 0x02B7, 0x02E3, 0x02B8, 0x1DBB,
	};
	static const uint32_t digits[10] = {
		0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
	};

	if (cp >= '0' && cp <= '9')
		return digits[cp - '0'];
	if (cp >= 'a' && cp <= 'z')
		return letters[cp - 'a'];
	switch (cp) {
	case '+': return 0x207A;
	case '-': return 0x207B;
	case '=': return 0x207C;
	case '(': return 0x207D;
	case ')': return 0x207E;
	default: return 0;
	}
}

/* Code points drawn as themselves in UTF-8 mode, one column wide (the usual text). */
static bool
is_plain(uint32_t cp)
{
	return (cp >= 0x00A0 && cp <= 0x02FF && cp != 0x00AD) || (cp >= 0x0400 && cp <= 0x0482) ||
	    (cp >= 0x048A && cp <= 0x052F) || (cp >= 0x2010 && cp <= 0x2027) ||
	    (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20BF);
}

/*
 * The end of the emoji tag sequence whose tags start at s[i] (after its
 * pictograph): 1 to 32 tag characters U+E0020–U+E007E, then CANCEL TAG
 * U+E007F (🏴 + "gbsct" + cancel is Scotland's flag).  i if there is none:
 * stray tags still draw nothing.
 */
static size_t
tag_sequence_end(const char *s, size_t n, size_t i)
{
	size_t j = i;
	int count = 0;
	uint32_t cp;

	while (j < n && count <= 32) {
		int len = text_decode(s + j, n - j, &cp);

		j += (size_t)len;
		if (cp == 0xE007F)
			return count > 0 ? j : i;
		if (cp < 0xE0020 || cp > 0xE007E)
			return i;
		count++;
	}
	return i;
}

void
glyph_append_safe(struct strbuf *out, const char *s, size_t n, enum glyph_mode mode)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		struct glyph g;
		int len;
		int k;
		size_t j = i;

		/* printable ASCII and (in UTF-8) ordinary letters go out as one piece */
		while (j < n) {
			unsigned char b = (unsigned char)s[j];

			if (b >= 0x20 && b < 0x7F) {
				j++;
				continue;
			}
			if (mode != GLYPH_UTF8 || b < 0x80)
				break;
			if ((b & 0xFE) == 0xD0 && j + 1 < n && ((unsigned char)s[j + 1] & 0xC0) == 0x80) {
				j += 2;		/* U+0400–U+047F: Cyrillic letters */
				continue;
			}
			len = text_decode(s + j, n - j, &cp);
			if (!is_plain(cp))
				break;
			j += (size_t)len;
		}
		if (j > i) {
			strbuf_add(out, s + i, j - i);
			i = j;
			continue;
		}
		len = text_decode(s + i, n - i, &cp);
		i += (size_t)len;
		glyph_get(cp, mode, &g);
		for (k = 0; k < g.n; k++)
			strbuf_addcp(out, g.cp[k]);
		if (mode == GLYPH_UTF8 && cp >= 0x2000 && uc_is_property_extended_pictographic(cp) &&
		    (j = tag_sequence_end(s, n, i)) != i) {
			strbuf_add(out, s + i, j - i);	/* the tags of an emoji flag */
			i = j;
		}
	}
}
