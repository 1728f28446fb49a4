/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_front — where a Markdown file's front matter ends: a YAML block
 * between "---" lines (closed by "---" or "..."), or a TOML block between
 * "+++" lines, at the very start of the file (after a BOM).  The loader
 * leaves these bytes out of the document; meta reads their fields.
 */
#include "gloss/gloss.h"

#include <ctype.h>

#include "gloss/markdown.h"

/* Length of the line at s[0..n) without its end, and *next past its end. */
static size_t
line_at(const char *s, size_t n, size_t *next)
{
	const char *nl = memchr(s, '\n', n);
	size_t len = nl ? (size_t)(nl - s) : n;

	*next = nl ? len + 1 : n;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	return len;
}

/* Whether line s[0..n) is the fence f ("---"), trailing blanks allowed. */
static bool
is_fence(const char *s, size_t n, const char *f)
{
	if (n < 3 || memcmp(s, f, 3) != 0)
		return false;
	for (size_t i = 3; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/*
 * Whether the first line of the block looks like a field: "key:" (YAML;
 * a comment "#" too) or "key =" (TOML), the key a word (quoted or not).
 */
static bool
is_field(const char *s, size_t n, bool toml)
{
	size_t i = 0;

	if (n > 0 && s[0] == '#')
		return true;
	while (i < n && (isalnum((unsigned char)s[i]) || strchr("_-.\"'", s[i]) ||
	    (unsigned char)s[i] >= 0x80))
		i++;
	if (i == 0)
		return false;
	while (toml && i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != (toml ? '=' : ':'))
		return false;
	return toml || i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t';
}

size_t
markdown_front_matter(const char *s, size_t n, bool *toml)
{
	size_t i, next, len;
	bool t;

	if (n > MARKDOWN_FRONT_MAX)
		n = MARKDOWN_FRONT_MAX;
	len = line_at(s, n, &next);
	if (next == n || !(is_fence(s, len, "---") || is_fence(s, len, "+++")))
		return 0;
	t = s[0] == '+';
	i = next;
	len = line_at(s + i, n - i, &next);
	if (!is_field(s + i, len, t))	/* "---" and a blank line or text: a thematic break */
		return 0;
	while (i < n) {
		len = line_at(s + i, n - i, &next);
		if (is_fence(s + i, len, t ? "+++" : "---") || (!t && is_fence(s + i, len, "...")))
			break;
		if (i + next >= n)
			return 0;	/* not closed */
		i += next;
	}
	if (i >= n)
		return 0;
	if (toml)
		*toml = t;
	return i + next;
}
