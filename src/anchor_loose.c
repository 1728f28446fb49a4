/*
 * anchor_loose — finding a quote whose white space differs from the text's
 * (a quote typed on the command line, or taken by another tool from a
 * rendered page, where paragraph breaks and line ends become one space or
 * one newline): see anchor_find_loose() in include/gloss/anchor.h.
 */
#include "gloss/gloss.h"

#include "gloss/anchor.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ------------------------------------------------------------------ */
/* Matching a quote whose white space may differ */

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000;
}

static size_t
cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
	*cp = (unsigned char)s[i];
	if (*cp < 0x80)
		return 1;
	return (size_t)text_decode(s + i, n - i, cp);
}

/* Skips white space in s from i; returns the new index. */
static size_t
skip_space(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t len;

	while (i < n && (len = cp_at(s, n, i, &cp)) > 0 && is_space(cp))
		i += len;
	return i;
}

/* The end of a match of pat starting at text[i], or SIZE_MAX. */
static size_t
match_at(const char *text, size_t n, size_t i, const char *pat, size_t plen)
{
	size_t j = 0;

	while (j < plen) {
		uint32_t pc, tc;
		size_t pl = cp_at(pat, plen, j, &pc), tl;

		if (is_space(pc)) {
			size_t k = skip_space(text, n, i);

			if (k == i)
				return SIZE_MAX;
			i = k;
			j = skip_space(pat, plen, j);
			continue;
		}
		while (i < n && (tl = cp_at(text, n, i, &tc)) > 0 && tc == 0xAD)
			i += tl;	/* soft hyphens are not shown */
		if (i >= n || i + pl > n || memcmp(text + i, pat + j, pl) != 0)
			return SIZE_MAX;
		i += pl;
		j += pl;
	}
	return i;
}

size_t
anchor_find_loose(const char *text, size_t n, const char *pat, size_t plen, uint64_t **ranges)
{
	size_t count = 0, cap = 0;
	const char *p = text;

	*ranges = NULL;
	if (plen == 0)
		return 0;
	while ((p = memchr(p, pat[0], n - (size_t)(p - text))) != NULL) {
		size_t at = (size_t)(p - text), end = match_at(text, n, at, pat, plen);

		if (end != SIZE_MAX) {
			if (count == cap) {
				cap = cap ? 2 * cap : 8;
				*ranges = xreallocarray(*ranges, cap, 2 * sizeof **ranges);
			}
			(*ranges)[2 * count] = at;
			(*ranges)[2 * count + 1] = end;
			count++;
		}
		p++;
	}
	return count;
}
