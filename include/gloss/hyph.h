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

/*
 * Whether hyphenation can work: gloss was built with libhyphen and at
 * least one dictionary loads.  If not, *why (when why is not NULL) is a
 * static message for the user.
 */
bool hyph_available(const char **why);

/*
 * The hyphenation points of the token t[0..n) (a word as it stands between
 * spaces, punctuation around it included): byte offsets into t, ascending,
 * before which a line may end with a hyphen; at most HYPH_MAX_POINTS are
 * stored in pts.  Returns how many.  No points for a token holding a URL,
 * a path, an e-mail address or a digit, for an all-capital abbreviation,
 * for a word with anything but letters inside (apostrophes, hyphens,
 * marks), for a word of mixed scripts, and, when cyrillic_text is set,
 * for a capitalised Latin word (a name inside Cyrillic text).  The
 * language: Latin letters English; Cyrillic with ў Belarusian, with ї, є
 * or ґ Ukrainian, with і Ukrainian unless ы, э or ё make it Belarusian,
 * else Russian.
 */
size_t hyph_points(const char *t, size_t n, bool cyrillic_text, uint32_t *pts);

#endif
