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
 * one, "```sh", is always an opening, which puts the count right again).  The first such line at or after pos is
 * the boundary; after BOUNDARY_AHEAD bytes without one, the next line
 * after a blank line is taken anyway.
 *
 * Definitions.  Link reference definitions are global in CommonMark.  A
 * chunk is parsed with the definitions written in it and with those of the
 * file's last MARKDOWN_TAIL bytes (where reference-style links collect
 * them), appended after its text; a reference to a definition elsewhere
 * stays text.  Footnotes are resolved within their chunk (docs/markdown.md).
 */
#include "gloss/gloss.h"

#include "gloss/markdown.h"
#include "gloss/strbuf.h"

#define BOUNDARY_BACK (32u * 1024u)
#define BOUNDARY_AHEAD (1024u * 1024u)

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

uint64_t
markdown_boundary(const char *src, uint64_t size, uint64_t pos, bool *joined)
{
	struct scan st = { 0, 0, NULL };
	uint64_t i = pos > BOUNDARY_BACK ? pos - BOUNDARY_BACK : 0;
	bool prev_blank = false;

	*joined = false;
	if (pos == 0 || pos >= size)
		return GLOSS_MIN(pos, size);
	if (i > 0) {		/* from the start of a line */
		const char *nl = memchr(src + i, '\n', (size_t)(pos - i));

		i = nl ? (uint64_t)(nl - src) + 1 : pos;
	}
	while (i < size) {
		uint64_t z = line_end(src, size, i);
		bool blank = blank_line(src, i, z);

		if (i >= pos && prev_blank && !blank && !st.fence && !st.html &&
		    (fresh_start(src, i, z) || i - pos > BOUNDARY_AHEAD))
			return i;
		scan_line(&st, src, i, z);
		prev_blank = blank && !st.fence && !st.html;
		i = z + 1;
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
