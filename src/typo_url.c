/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_url — the URL rule: a URL is one word.
 *
 * UAX #14 offers breaks inside URLs (after '/', '-', '?' …), so a greedy
 * fitter would end a line with "https://" and carry the rest over even when
 * the whole URL fits on the next line.  With TYPO_URL every break inside a
 * token that starts like a URL (http://, https://, ftp://, www., mailto:,
 * after optional opening punctuation) is withdrawn; the fitter's last
 * resort for a word wider than the line then cuts it after a '/' or '-'.
 * A token is a run of bytes between U+0020 or line ends, as for the other
 * rules.  typo_url_next() hands the same recognition to the links module.
 */
#include "gloss/gloss.h"

#include <strings.h>
#include <unilbrk.h>

#include "gloss/typo.h"
#include "typo_scan.h"

#define URL_LOOKBACK 4096	/* a token longer than this is not taken for a URL */

static bool
is_token_end(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Where the URL starts in the token starting at s[a] (ending at or before n):
 * past the opening punctuation, at the scheme; SIZE_MAX if it is not a URL.
 */
static size_t
url_start(const char *s, size_t n, size_t a)
{
	static const char *const schemes[] = { "http://", "https://", "ftp://", "www.", "mailto:" };

	while (a < n && strchr("([<\"'", s[a]))
		a++;
	if (a + 3 <= n && memcmp(s + a, "\xC2\xAB", 2) == 0)
		a += 2;		/* « */
	else if (a + 3 <= n && (memcmp(s + a, "\xE2\x80\x9C", 3) == 0 ||
	    memcmp(s + a, "\xE2\x80\x9E", 3) == 0))
		a += 3;		/* “ „ */
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(schemes); k++) {
		size_t len = strlen(schemes[k]);

		if (a + len < n && strncasecmp(s + a, schemes[k], len) == 0)
			return a;
	}
	return SIZE_MAX;
}

/* Does the token starting at s[a] (ending at or before n) look like a URL? */
static bool
url_at(const char *s, size_t n, size_t a)
{
	return url_start(s, n, a) != SIZE_MAX;
}

bool
typo_url_next(const char *s, size_t n, size_t from, size_t *start, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = from;

	while (a > 0 && a < n && !is_token_end(u[a - 1]))
		a++;	/* from inside a token: its end */
	while (a < n) {
		size_t z = a, at;

		while (z < n && !is_token_end(u[z]))
			z++;
		if (z > a && (at = url_start(s, z, a)) != SIZE_MAX) {
			*start = at;
			*end = z;
			return true;
		}
		a = z + 1;
	}
	return false;
}

void
typo_url_pass(const char *s, size_t n, char *o)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = 0;

	while (a < n) {
		size_t z = a;

		while (z < n && !is_token_end(u[z]))
			z++;
		if (z > a && url_at(s, n, a)) {
			/* as typo_url_inside(): positions past the look-back are free */
			for (size_t i = a + 1; i < z && i - a <= URL_LOOKBACK; i++)
				if ((u[i] & 0xC0) != 0x80)
					o[i] = UC_BREAK_PROHIBITED;
		}
		a = z + 1;
	}
}

bool
typo_url_inside(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = i, lim = i > URL_LOOKBACK ? i - URL_LOOKBACK : 0;

	if (i == 0 || i >= n || is_token_end(u[i - 1]) || is_token_end(u[i]))
		return false;
	while (a > lim && !is_token_end(u[a - 1]))
		a--;
	if (a > 0 && !is_token_end(u[a - 1]))
		return false;	/* longer than the look-back: not a URL */
	return url_at(s, n, a);
}
