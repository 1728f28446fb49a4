/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * hyph — where a word may be hyphenated, for --hyphenate: libhyphen with
 * the system's dictionaries (Debian's hyphen-ru, hyphen-uk, hyphen-be and
 * hyphen-en-us in /usr/share/hyphen, or $GLOSS_HYPHEN_DIR), the language
 * chosen per word by its letters.  The module only answers "where"; the
 * layout decides whether to use a point and draws the hyphen, which never
 * enters the document text.  Built without libhyphen, it finds no points.
 */
#ifndef GLOSS_HYPH_H
#define GLOSS_HYPH_H

#include "gloss/gloss.h"

#define HYPH_MAX_POINTS 32	/* points of one word at most */

/* The language a text is in, for its words that do not show theirs. */
enum hyph_text { HYPH_LATIN, HYPH_RU, HYPH_UK, HYPH_BE };

/*
 * The language of the text s[0..n) by its letters: no Cyrillic letter
 * HYPH_LATIN; ў Belarusian; ї, є or ґ Ukrainian; і Ukrainian unless ы, э
 * or ё make it Belarusian; else Russian.
 */
enum hyph_text hyph_text_lang(const char *s, size_t n);

/*
 * Whether hyphenation can work: gloss was built with libhyphen and at
 * least one dictionary loads.  If not, *why (when why is not NULL) is a
 * static message for the user.
 */
bool hyph_available(const char **why);

/*
 * For --hyphenate: hyph_available(), and, the first time it is called,
 * one message on err: that hyphenation is unavailable and why (then it
 * returns false and the caller wraps without it), or which languages have
 * no dictionary (words in them are not hyphenated).  The dictionaries are
 * looked for in $GLOSS_HYPHEN_DIR, else in the directory configure was
 * given (HYPHEN_DIR, default /usr/share/hyphen).
 */
bool hyph_enable(FILE *err);

/* What hyph_enable() said (without "gloss: "), for the reader's status line; "" if nothing (static). */
const char *hyph_message(void);

/*
 * The hyphenation points of the token t[0..n) (a word as it stands between
 * spaces, punctuation around it included): byte offsets into t, ascending,
 * before which a line may end with a hyphen; at most HYPH_MAX_POINTS are
 * stored in pts.  Returns how many.  No points for a token holding a URL,
 * a path, an e-mail address or a digit, for an all-capital abbreviation,
 * for a word with anything but letters inside (apostrophes, hyphens,
 * marks), for a word of mixed scripts, and, when cyrillic_text is set,
 * for a capitalised Latin word in Cyrillic text (text != HYPH_LATIN: a
 * name).  No point
 * leaves fewer than two letters on either side (three at the end of an
 * English word) or carries ь, ъ, й (but the Ukrainian йо) or ў over to
 * the next line.  The
 * language: Latin letters English; Cyrillic with ў Belarusian, with ї, є
 * or ґ Ukrainian, with ъ Russian, with і Ukrainian unless ы, э or ё (or
 * a Belarusian text) make it Belarusian; a word without such letters
 * takes the text's language (Russian for HYPH_LATIN).
 */
size_t hyph_points(const char *t, size_t n, enum hyph_text text, uint32_t *pts);

#endif
