/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * markdown_chunk — reading a large Markdown file in chunks: where a chunk
 * may end, and the link reference definitions a chunk is given from
 * elsewhere in the file.
 *
 * Boundaries.  A chunk boundary is the start of a line that begins a new
 * top-level block whatever came before it: the line before it is blank,
 * it starts in column 0 with a character that opens no container or
 * table (not a space or tab, '>', '|', a list marker "-", "*", "+", "1."
 * or "1)", nor a footnote definition "[^"), and it is outside a fenced
 * code block and outside an HTML block that only its end tag closes
 * (<pre, <script, <style, <textarea, <!--, <?, <![CDATA[, <!X).  Whether
 * a position is inside those is found by following their openings and
 * closings from BOUNDARY_BACK bytes before it: a code block or HTML block
 * longer than that may be cut, and so may a fence when that window starts
 * inside a fenced block whose fences carry no info string (a fence with
 * one, "```sh", is always an opening, which puts the count right again).
 *
 * The boundary at or after pos is looked for in windows of
 * BOUNDARY_WINDOW bytes, pos, pos + W, pos + 2W …, each scanned on its own
 * (its fences and HTML blocks followed from BOUNDARY_BACK bytes before its
 * start): the first such line in the first window that has one.  So when
 * the window of chunk k has none, B(k) = B(k + 1) (an empty chunk), and
 * boundaries never decrease whatever the scan state of each window; a
 * boundary looked for from two starts of different windows could
 * otherwise disagree about being inside a block and cross.  A window whose
 * number (p / W) is 63 modulo 64 that has no such line takes the first
 * line after a blank line outside code instead, so at most 1 MiB goes
 * without a boundary.
 *
 * Definitions.  Link reference definitions are global in CommonMark.  A
 * chunk is parsed with the definitions written in it and with those of the
 * file's last MARKDOWN_TAIL bytes (where reference-style links collect
 * them), appended after its text; a reference to a definition elsewhere
 * stays text.  Footnotes are resolved within their chunk (docs/markdown.md).
 *
 * Entities.  The search rules a chunk out on its raw bytes (search.c); an
 * entity is the one way a letter or digit of the text is not in them as
 * written (a backslash escape hides only ASCII punctuation), so
 * markdown_entity_may() says which entities could give the code point
 * looked for.
 */
#include "gloss/gloss.h"

#include "gloss/markdown.h"
#include "gloss/strbuf.h"

#define BOUNDARY_BACK (32u * 1024u)
#define BOUNDARY_WINDOW MARKDOWN_CHUNK_SIZE	/* a boundary is looked for a window at a time */
#define BOUNDARY_FORCE 64	/* every 64th window takes any line after a blank line */

/* The end of the line starting at i (at the '\n' or size). */
static uint64_t
line_end(const char *s, uint64_t size, uint64_t i)
{
	const char *nl = memchr(s + i, '\n', (size_t)(size - i));

	return nl ? (uint64_t)(nl - s) : size;
}

static bool
blank_line(const char *s, uint64_t a, uint64_t z)
{
	for (; a < z; a++)
		if (s[a] != ' ' && s[a] != '\t' && s[a] != '\r')
			return false;
	return true;
}

/* A fence line: up to 3 spaces, then ``` or ~~~ (*ch, *len and *after, past the run, set). */
static bool
fence_line(const char *s, uint64_t a, uint64_t z, char *ch, uint64_t *len, uint64_t *after)
{
	uint64_t i = a, n = 0;

	while (i < z && i - a < 3 && s[i] == ' ')
		i++;
	if (i >= z || (s[i] != '`' && s[i] != '~'))
		return false;
	while (i + n < z && s[i + n] == s[i])
		n++;
	if (n < 3)
		return false;
	*ch = s[i];
	*len = n;
	*after = i + n;
	return true;
}

static bool
starts_ci(const char *s, uint64_t a, uint64_t z, const char *w)
{
	size_t n = strlen(w);

	if (z - a < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[a + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return false;
	}
	return true;
}

static bool
has(const char *s, uint64_t a, uint64_t z, const char *w)
{
	return z > a && memmem(s + a, (size_t)(z - a), w, strlen(w)) != NULL;
}

/* The HTML blocks of kinds 1-5: their closing text, or NULL if the line opens none. */
static const char *
html_opening(const char *s, uint64_t a, uint64_t z)
{
	static const char *const open[][2] = {
		{ "<pre", "</pre>" }, { "<script", "</script>" }, { "<style", "</style>" },
		{ "<textarea", "</textarea>" }, { "<!--", "-->" }, { "<?", "?>" },
		{ "<![cdata[", "]]>" }, { "<!", ">" },
	};
	uint64_t i = a;

	while (i < z && i - a < 3 && s[i] == ' ')
		i++;
	if (i >= z || s[i] != '<')	/* every opening does */
		return NULL;
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(open); k++)
		if (starts_ci(s, i, z, open[k][0]))
			return open[k][1];
	return NULL;
}

/* Whether the line [a, z) starts a top-level block that nothing before it continues. */
static bool
fresh_start(const char *s, uint64_t a, uint64_t z)
{
	char c = s[a];
	uint64_t i = a;

	if (a >= z || c == ' ' || c == '\t' || c == '\r' || c == '>' || c == '|' ||
	    ((c == '-' || c == '*' || c == '+') && (a + 1 == z || s[a + 1] == ' ' || s[a + 1] == '\t')) ||
	    (c == '[' && a + 1 < z && s[a + 1] == '^'))
		return false;
	while (i < z && i - a < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > a && i < z && (s[i] == '.' || s[i] == ')'))	/* an ordered list item */
		return false;
	return true;
}

/* State of the scan: inside a fence or an HTML block closed by its end. */
struct scan {
	char fence;		/* '`' or '~', 0 outside */
	uint64_t fence_len;
	const char *html;	/* the closing text, NULL outside */
};

/* Follows one line [a, z) through the scan state. */
static void
scan_line(struct scan *st, const char *s, uint64_t a, uint64_t z)
{
	char ch;
	uint64_t len, after;

	if (st->fence) {
		if (fence_line(s, a, z, &ch, &len, &after) && ch == st->fence && len >= st->fence_len &&
		    blank_line(s, after, z))
			st->fence = 0;
		return;
	}
	if (st->html) {
		if (has(s, a, z, st->html))
			st->html = NULL;
		return;
	}
	if (fence_line(s, a, z, &ch, &len, &after)) {
		st->fence = ch;
		st->fence_len = len;
	} else if ((st->html = html_opening(s, a, z)) != NULL && has(s, a + 2, z, st->html)) {
		st->html = NULL;	/* opened and closed on one line */
	}
}

/*
 * The boundary in the window [p, p + BOUNDARY_WINDOW): the first line of a
 * fresh start there, else (when force) the first line after a blank line
 * outside code; size when the file ends first; UINT64_MAX when none.
 */
static uint64_t
window_boundary(const char *src, uint64_t size, uint64_t p, bool force)
{
	struct scan st = { 0, 0, NULL };
	uint64_t i = p > BOUNDARY_BACK ? p - BOUNDARY_BACK : 0, any = UINT64_MAX;
	bool prev_blank = false;

	if (i > 0) {		/* from the start of a line */
		const char *nl = memchr(src + i, '\n', (size_t)(p - i));

		i = nl ? (uint64_t)(nl - src) + 1 : p;
	}
	while (i < size && i < p + BOUNDARY_WINDOW) {
		uint64_t z = line_end(src, size, i);
		bool blank = blank_line(src, i, z);

		if (i >= p && prev_blank && !blank && !st.fence && !st.html) {
			if (fresh_start(src, i, z))
				return i;
			any = GLOSS_MIN(any, i);
		}
		scan_line(&st, src, i, z);
		prev_blank = blank && !st.fence && !st.html;
		i = z + 1;
	}
	if (force && any != UINT64_MAX)
		return any;
	return i >= size ? size : UINT64_MAX;
}

uint64_t
markdown_boundary(const char *src, uint64_t size, uint64_t pos, bool *joined)
{
	*joined = false;
	if (pos == 0 || pos >= size)
		return GLOSS_MIN(pos, size);
	for (uint64_t p = pos; p < size; p += BOUNDARY_WINDOW) {
		bool force = (p / BOUNDARY_WINDOW) % BOUNDARY_FORCE == BOUNDARY_FORCE - 1;
		uint64_t b = window_boundary(src, size, p, force);

		if (b != UINT64_MAX)
			return b;
	}
	return size;
}

/* Whether the line [a, z) may open a link reference definition: "[label" (not "[^"). */
static bool
definition_line(const char *s, uint64_t a, uint64_t z)
{
	uint64_t i = a;

	while (i < z && i - a < 3 && s[i] == ' ')
		i++;
	return i + 1 < z && s[i] == '[' && s[i + 1] != '^';
}

/*
 * Paragraphs outside code that open like a definition ("[label…"), which
 * may run over several lines, each followed by a blank line; what cmark
 * does not take as definitions the loader drops.
 */
void
markdown_definitions(const char *src, uint64_t a, uint64_t z, struct strbuf *out)
{
	struct scan st = { 0, 0, NULL };
	bool para_start = true, in_def = false;	/* a boundary follows a blank line */

	if (a > 0) {
		const char *nl = memchr(src + a - 1, '\n', (size_t)(z - a + 1));

		a = nl ? (uint64_t)(nl - src) + 1 : z;
	}
	while (a < z) {
		uint64_t e = line_end(src, z, a);
		bool blank = blank_line(src, a, e);

		if (!in_def && !st.fence && !st.html && para_start && definition_line(src, a, e))
			in_def = true;
		if (in_def && blank) {
			strbuf_addc(out, '\n');
			in_def = false;
		} else if (in_def) {
			strbuf_add(out, src + a, (size_t)(e - a));
			strbuf_addc(out, '\n');
		}
		if (!in_def)
			scan_line(&st, src, a, e);
		para_start = blank;
		a = e + 1;
	}
	if (in_def)
		strbuf_addc(out, '\n');
}

/* ------------------------------------------------------------------ */
/* Entities: what a chunk's bytes may hide from a search of them */

/* Common named entities and the code point each gives. */
static const struct {
	const char *name;
	uint32_t cp;
} named[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
	{ "nbsp", 0xA0 }, { "shy", 0xAD }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
	{ "hellip", 0x2026 }, { "laquo", 0xAB }, { "raquo", 0xBB }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "bdquo", 0x201E }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203A }, { "bull", 0x2022 },
	{ "middot", 0xB7 }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 },
	{ "deg", 0xB0 }, { "times", 0xD7 }, { "divide", 0xF7 }, { "minus", 0x2212 },
	{ "plusmn", 0xB1 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "euro", 0x20AC },
	{ "pound", 0xA3 }, { "cent", 0xA2 }, { "yen", 0xA5 }, { "ensp", 0x2002 },
	{ "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwnj", 0x200C }, { "zwj", 0x200D },
	{ "prime", 0x2032 }, { "Prime", 0x2033 }, { "iexcl", 0xA1 }, { "iquest", 0xBF },
};

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A numeric entity's code point from s[i] (past "&#") to its ';' (at most z); false if none. */
static bool
numeric_entity(const char *s, uint64_t i, uint64_t z, uint32_t *cp)
{
	bool hex = i < z && (s[i] == 'x' || s[i] == 'X');
	uint64_t start = i += hex, v = 0;
	int d;

	while (i < z && i - start < (hex ? 6u : 7u) &&
	    (d = hex ? hex_digit(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1)) >= 0) {
		v = v * (hex ? 16 : 10) + (uint64_t)d;
		i++;
	}
	if (i == start || i >= z || s[i] != ';')
		return false;
	*cp = v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : (uint32_t)v;
	return true;
}

static bool
name_char(char c, bool first)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (!first && c >= '0' && c <= '9');
}

/* A named entity from s[i] (past '&'): *known and *cp if it is in the table; false if no name. */
static bool
named_entity(const char *s, uint64_t i, uint64_t z, bool *known, uint32_t *cp)
{
	uint64_t start = i;

	while (i < z && i - start < 32 && name_char(s[i], i == start))
		i++;
	if (i == start || i >= z || s[i] != ';')
		return false;
	*known = false;
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(named); k++) {
		if (strlen(named[k].name) == i - start && memcmp(named[k].name, s + start, i - start) == 0) {
			*known = true;
			*cp = named[k].cp;
		}
	}
	return true;
}

/* Whether the entity whose '&' is at src[i - 1], read up to bound, may give a code point want() takes. */
static bool
entity_may_give(const char *src, uint64_t i, uint64_t bound, bool (*want)(uint32_t cp, void *arg),
    void *arg)
{
	uint32_t cp;
	bool known;

	if (i < bound && src[i] == '#')
		return numeric_entity(src, i + 1, bound, &cp) && want(cp, arg);
	return named_entity(src, i, bound, &known, &cp) && (!known || want(cp, arg));
}

uint64_t
markdown_entity_next(const char *src, uint64_t a, uint64_t z, bool (*want)(uint32_t cp, void *arg),
    void *arg)
{
	const char *p;

	while (a < z && (p = memchr(src + a, '&', (size_t)(z - a))) != NULL) {
		a = (uint64_t)(p - src) + 1;
		if (entity_may_give(src, a, z, want, arg))
			return a - 1;
	}
	return z;
}

uint64_t
markdown_entity_last(const char *src, uint64_t a, uint64_t z, uint64_t bound,
    bool (*want)(uint32_t cp, void *arg), void *arg)
{
	const char *p;

	while (z > a && (p = memrchr(src + a, '&', (size_t)(z - a))) != NULL) {
		z = (uint64_t)(p - src);
		if (entity_may_give(src, z + 1, bound, want, arg))
			return z;
	}
	return UINT64_MAX;
}

bool
markdown_entity_may(const char *src, uint64_t a, uint64_t z, bool (*want)(uint32_t cp, void *arg),
    void *arg)
{
	return markdown_entity_next(src, a, z, want, arg) < z;
}
