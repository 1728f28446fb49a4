/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * hyph — hyphenation points through libhyphen (include/gloss/hyph.h).
 *
 * A token is cut down to its word (the letters between the punctuation
 * around it), checked against the cases that are never hyphenated, given a
 * language by its letters, lower-cased, converted to the dictionary's
 * encoding (the Russian one is KOI8-R) and hyphenated with
 * hnj_hyphen_hyphenate3().  Its hyphens[] array counts characters, for an
 * 8-bit and (as measured) for a UTF-8 dictionary alike, so a point after
 * character k is the byte where character k + 1 starts.  Points that need a
 * non-standard change of spelling (rep) are not used.  Dictionaries are
 * loaded on first use and kept.
 */
#include "gloss/gloss.h"

#include <unicase.h>
#include <unictype.h>
#include <uniconv.h>
#include <unistd.h>
#include <unistr.h>

#ifdef HAVE_HYPHEN
#include <hyphen.h>
#endif

#include "gloss/hyph.h"
#include "gloss/text.h"

#define WORD_MAX 64		/* longer words (or letter runs) are left alone */

enum lang { LANG_RU, LANG_UK, LANG_BE, LANG_EN, LANG_COUNT };

/* What the letters of a word say about it. */
struct word {
	size_t start, end;		/* the word in the token */
	size_t off[WORD_MAX + 1];	/* byte of each letter, from start */
	int nlet;
	bool latin, cyrillic, upper_first, lower_any;
	bool be, uk, i, be_vowel, ru;	/* ў; ї є ґ; і; ы э ё; ъ */
};

#ifdef HAVE_HYPHEN
static const char *const dict_files[LANG_COUNT] = {
	"hyph_ru_RU.dic", "hyph_uk_UA.dic", "hyph_be_BY.dic", "hyph_en_US.dic",
};
static const char *const lang_names[LANG_COUNT] = {
	"Russian", "Ukrainian", "Belarusian", "English",
};
static HyphenDict *dicts[LANG_COUNT];
static bool loaded[LANG_COUNT];

static HyphenDict *
dict(enum lang l)
{
	const char *dir = getenv("GLOSS_HYPHEN_DIR");
	char path[4096];

	if (!loaded[l]) {
		loaded[l] = true;
		snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : GLOSS_HYPHEN_DIR,
		    dict_files[l]);
		dicts[l] = access(path, R_OK) == 0 ? hnj_hyphen_load(path) : NULL;
	}
	return dicts[l];
}
#endif

bool
hyph_available(const char **why)
{
#ifdef HAVE_HYPHEN
	for (int l = 0; l < LANG_COUNT; l++) {
		if (dict((enum lang)l))
			return true;
	}
	if (why)
		*why = "no hyphenation dictionary found (Debian packages hyphen-ru, hyphen-uk, "
		    "hyphen-be, hyphen-en-us)";
	return false;
#else
	if (why)
		*why = "gloss was built without libhyphen";
	return false;
#endif
}

static char message[1024];	/* what hyph_enable() said, without "gloss: " */

bool
hyph_enable(FILE *err)
{
	static bool said;
	const char *why;
	bool ok = hyph_available(&why);
	size_t len = 0;

	if (said)
		return ok;
	said = true;
	if (!ok) {
		snprintf(message, sizeof(message),
		    "hyphenation is unavailable: %s; lines wrap without it", why);
		fprintf(err, "gloss: %s\n", message);
		return false;
	}
#ifdef HAVE_HYPHEN
	{
		const char *dir = getenv("GLOSS_HYPHEN_DIR");

		for (int l = 0; l < LANG_COUNT; l++) {
			if (dict((enum lang)l) == NULL && len < sizeof(message))
				len += (size_t)snprintf(message + len, sizeof(message) - len, "%s %s (%s)",
				    len ? "," : "no hyphenation for", lang_names[l], dict_files[l]);
		}
		if (len && len < sizeof(message))
			snprintf(message + len, sizeof(message) - len, " in %s",
			    dir && *dir ? dir : GLOSS_HYPHEN_DIR);
		if (len)
			fprintf(err, "gloss: %s\n", message);
	}
#endif
	(void)len;
	return true;
}

const char *
hyph_message(void)
{
	return message;
}

/* A token that is never hyphenated: URLs, paths, addresses, numbers. */
static bool
excluded(const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if ((c >= '0' && c <= '9') || c == '/' || c == '\\' || c == '@' || c == '_' ||
		    c == '=' || c == '&' || c == '#' || c == '~')
			return true;
		if (c == '.' && i + 1 < n && t[i + 1] != '.' && t[i + 1] != ')' && t[i + 1] != '"')
			return true;	/* www.example, e.g. (a period inside) */
	}
	return false;
}

/* Notes letter cp at byte i of the token in w; false if the word cannot be hyphenated. */
static bool
add_letter(struct word *w, uint32_t cp, size_t i)
{
	if (w->nlet == WORD_MAX)
		return false;
	w->off[w->nlet++] = i - w->start;
	if (cp < 0x0250) {
		w->latin = true;
	} else if (cp >= 0x0400 && cp <= 0x04FF) {
		w->cyrillic = true;
		w->be |= cp == 0x045E || cp == 0x040E;
		w->uk |= cp == 0x0457 || cp == 0x0454 || cp == 0x0491 || cp == 0x0407 ||
		    cp == 0x0404 || cp == 0x0490;
		w->i |= cp == 0x0456 || cp == 0x0406;
		w->ru |= cp == 0x044A || cp == 0x042A;
		w->be_vowel |= cp == 0x044B || cp == 0x044D || cp == 0x0451 || cp == 0x042B ||
		    cp == 0x042D || cp == 0x0401;
	} else {
		return false;	/* other scripts: no dictionary */
	}
	if (w->nlet == 1)
		w->upper_first = uc_is_upper(cp);
	w->lower_any |= uc_is_lower(cp);
	return true;
}

/* Cuts the word out of t[0..n): letters only between the punctuation around it. */
static bool
find_word(const char *t, size_t n, struct word *w)
{
	size_t i = 0, e = n;
	uint32_t cp;
	int len;

	memset(w, 0, sizeof(*w));
	while (i < n && (len = text_decode(t + i, n - i, &cp)) > 0 && !uc_is_alpha(cp))
		i += (size_t)len;
	while (e > i) {
		size_t k = e - 1;

		while (k > i && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
		text_decode(t + k, e - k, &cp);
		if (uc_is_alpha(cp))
			break;
		e = k;
	}
	w->start = i;
	w->end = e;
	for (; i < e; i += (size_t)len) {
		len = text_decode(t + i, e - i, &cp);
		if (!uc_is_alpha(cp) || !add_letter(w, cp, i))
			return false;
	}
	w->off[w->nlet] = e - w->start;
	return w->nlet >= 5 && !(w->latin && w->cyrillic);
}

/* The language of a word by its own letters, else the text's (hint). */
static enum lang
word_lang(const struct word *w, enum hyph_text hint)
{
	if (w->latin)
		return LANG_EN;
	if (w->be)
		return LANG_BE;
	if (w->uk)
		return LANG_UK;
	if (w->ru)
		return LANG_RU;
	if (w->i)
		return w->be_vowel || hint == HYPH_BE ? LANG_BE : LANG_UK;
	if (w->be_vowel)
		return hint == HYPH_BE ? LANG_BE : LANG_RU;
	return hint == HYPH_UK ? LANG_UK : hint == HYPH_BE ? LANG_BE : LANG_RU;
}

enum hyph_text
hyph_text_lang(const char *s, size_t n)
{
	bool cyr = false, i = false, be_vowel = false;
	uint32_t cp;

	for (size_t k = 0; k < n; k += (size_t)text_decode(s + k, n - k, &cp)) {
		if ((unsigned char)s[k] < 0xD0 || (unsigned char)s[k] > 0xD3)
			continue;	/* a fast skip: Cyrillic is U+0400..U+04FF */
		text_decode(s + k, n - k, &cp);
		cp = uc_tolower(cp);
		cyr = true;
		if (cp == 0x045E)
			return HYPH_BE;	/* ў */
		if (cp == 0x0457 || cp == 0x0454 || cp == 0x0491)
			return HYPH_UK;	/* ї є ґ */
		i |= cp == 0x0456;
		be_vowel |= cp == 0x044B || cp == 0x044D || cp == 0x0451;
	}
	if (!cyr)
		return HYPH_LATIN;
	return i ? (be_vowel ? HYPH_BE : HYPH_UK) : HYPH_RU;
}

/*
 * Whether the letter at s[0..n) stays with the one before it: ь, ъ, й and
 * ў are never carried over to the next line (ru: §§117-119 of the 1956
 * rules; uk and be: §41), whatever the patterns say — except the
 * Ukrainian йо, which is not split and may start the line (ра-йон).
 */
static bool
binds_back(const char *s, size_t n, enum lang l)
{
	uint32_t cp, next = 0;
	int len = text_decode(s, n, &cp);

	cp = uc_tolower(cp);
	if (cp == 0x0439 && l == LANG_UK && (size_t)len < n) {
		text_decode(s + len, n - (size_t)len, &next);
		return uc_tolower(next) != 0x043E;
	}
	return cp == 0x044C || cp == 0x044A || cp == 0x0439 || cp == 0x045E;
}

#ifdef HAVE_HYPHEN
/* The hyphens[] of the lower-cased word in d's encoding; false if it cannot be had. */
static bool
hyphenate(HyphenDict *d, const char *word, size_t n, enum lang l, char *hy, size_t hysize,
    bool *rep_at)
{
	uint8_t lower[WORD_MAX * 4 + 8];
	char in[WORD_MAX * 4 + 8];
	size_t llen = sizeof(lower), clen = 0, wlen;
	char *conv = NULL, **rep = NULL;
	int *pos = NULL, *cut = NULL, nchar;
	bool ok;

	uint8_t *r = u8_tolower((const uint8_t *)word, n, NULL, NULL, lower, &llen);

	if (r != lower) {	/* NULL, or longer than the buffer (then allocated) */
		free(r);
		return false;
	}
	if (llen != n)
		return false;
	nchar = (int)u8_mbsnlen(lower, llen);
	if (!d->utf8) {
		conv = u8_conv_to_encoding(d->cset, iconveh_error, lower, llen, NULL, NULL, &clen);
		if (conv == NULL)
			return false;
	}
	wlen = conv ? clen : llen;
	if (wlen + 5 > hysize || wlen + 1 > sizeof(in)) {
		free(conv);
		return false;
	}
	memcpy(in, conv ? conv : (const char *)lower, wlen);
	in[wlen] = '\0';	/* libhyphen runs strstr() on the word */
	memset(hy, '0', hysize);
	ok = hnj_hyphen_hyphenate3(d, in, (int)wlen, hy, NULL, &rep, &pos, &cut, 2,
	    l == LANG_EN ? 3 : 2, 2, 2) == 0;
	for (int k = 0; k < nchar; k++)
		rep_at[k] = rep && rep[k];
	for (size_t k = 0; rep && k < wlen; k++)
		free(rep[k]);	/* rep[] has an entry for each byte, NULL or allocated */
	free(rep);
	free(pos);
	free(cut);
	free(conv);
	return ok;
}
#endif

size_t
hyph_points(const char *t, size_t n, enum hyph_text text, uint32_t *pts)
{
	struct word w;
	size_t count = 0;

	if (n == 0 || excluded(t, n) || !find_word(t, n, &w))
		return 0;
	if (!w.lower_any)
		return 0;	/* an all-capital abbreviation */
	if (w.latin && w.upper_first && text != HYPH_LATIN)
		return 0;	/* a Latin name inside Cyrillic text */
#ifdef HAVE_HYPHEN
	{
		enum lang l = word_lang(&w, text);
		HyphenDict *d = dict(l);
		char hy[WORD_MAX * 4 + 8];
		bool rep_at[WORD_MAX + 1];

		if (d == NULL || !hyphenate(d, t + w.start, w.end - w.start, l, hy, sizeof(hy), rep_at))
			return 0;
		for (int k = 0; k + 1 < w.nlet && count < HYPH_MAX_POINTS; k++) {
			if ((hy[k] & 1) && !rep_at[k] && !binds_back(t + w.start + w.off[k + 1], w.end - w.start - w.off[k + 1], l))
				pts[count++] = (uint32_t)(w.start + w.off[k + 1]);
		}
	}
#else
	(void)pts;
	(void)word_lang;
#endif
	return count;
}
