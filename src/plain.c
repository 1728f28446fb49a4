/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * plain — the plain-text loader: chunk boundaries, paragraphs, re-flowing
 * of hard-wrapped text, cleaning, and block classification.
 *
 * Paragraph rule.  Blank lines separate segments.  Within a segment, a line
 * break is "soft" (re-flowed into a space) only when the segment looks
 * hard-wrapped — its longest line is between REFLOW_MIN and REFLOW_MAX
 * columns — and the break is one a wrapping program would have made: the
 * first word of the next line would not have fitted on this line (widths
 * count a sentence end's two spaces as one), this line is reasonably full,
 * and the next line does not start a list item or a quote.  Every other
 * line break ends a paragraph, so files with one paragraph per line keep
 * each line, and short lines (addresses, menus, verse) stay apart.  A line of site furniture that ends a paragraph
 * ("Share this..." under its last line) is a paragraph of its own, and so
 * is a line that repeats the beginning of the line before it (a page's
 * <title> line "Title | Site", then the title).
 */
#include "gloss/gloss.h"

#include <unictype.h>

#include "gloss/plain.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "plain_int.h"

#define REFLOW_MIN 40	/* a segment whose lines are all shorter is not re-flowed */
#define REFLOW_MAX 84	/* "≤ ~80 columns", with a little slack */

/* ------------------------------------------------------------------ */
/* Chunk boundaries */

static bool
is_eol(const char *s, uint64_t n, uint64_t i)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'));
}

/* Index of the end-of-line byte of the line containing i (or n). */
static uint64_t
line_end(const char *s, uint64_t n, uint64_t i)
{
	const char *lf = i < n ? memchr(s + i, '\n', (size_t)(n - i)) : NULL;
	uint64_t e = lf ? (uint64_t)(lf - s) : n;
	const char *cr = e > i ? memchr(s + i, '\r', (size_t)(e - i)) : NULL;

	if (cr && !(cr + 1 == s + e && e < n))
		return (uint64_t)(cr - s);	/* a CR that is not the CR of a CR LF */
	return e;
}

static bool
is_line_start(const char *s, uint64_t n, uint64_t i)
{
	return i == 0 || (i < n && is_eol(s, n, i - 1)) || (i == n);
}

static bool
blank_range(const char *s, uint64_t a, uint64_t z)
{
	for (; a < z; a++)
		if (s[a] != ' ' && s[a] != '\t' && s[a] != '\r' && s[a] != '\f' && s[a] != '\v')
			return false;
	return true;
}

/* Is the line starting at a blank? */
static bool
line_blank(const char *s, uint64_t n, uint64_t a)
{
	return blank_range(s, a, line_end(s, n, a));
}

static bool
ends_sentence(const char *s, uint64_t a, uint64_t z)
{
	while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r'))
		z--;
	if (z == a)
		return false;
	if (strchr(".!?:\"')", s[z - 1]))
		return true;
	/* » ” … as UTF-8 */
	return z - a >= 2 && ((s[z - 2] == '\xC2' && s[z - 1] == '\xBB') ||
	    (z - a >= 3 && s[z - 3] == '\xE2' && s[z - 2] == '\x80' &&
	    (s[z - 1] == '\x9D' || s[z - 1] == '\xA6')));
}

/* Start of the line before the one starting at a (a > 0). */
static uint64_t
prev_line_start(const char *s, uint64_t n, uint64_t a)
{
	uint64_t i = a - 1;	/* the end-of-line byte of the previous line */

	if (i > 0 && s[i] == '\n' && s[i - 1] == '\r')
		i--;
	while (i > 0 && !is_line_start(s, n, i))
		i--;
	return i;
}

static uint64_t
cut_inside_line(const char *s, uint64_t n, uint64_t pos, uint64_t win)
{
	uint64_t i;

	for (i = pos; i < win; i++)	/* after a space */
		if (s[i - 1] == ' ' && s[i] != ' ')
			return i;
	for (i = pos; i < n; i++) {	/* a code point that is not a combining mark */
		uint32_t cp;

		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		text_decode(s + i, n - i, &cp);
		if (!uc_is_general_category(cp, UC_CATEGORY_M))
			return i;
	}
	return n;
}

uint64_t
plain_boundary(const char *s, uint64_t n, uint64_t pos, bool *joined)
{
	uint64_t win = GLOSS_MIN(n, pos + PLAIN_WINDOW), first, a;
	bool prev_blank;

	*joined = false;
	if (pos == 0 || pos >= n)
		return pos >= n ? n : 0;
	first = pos;
	if (!is_line_start(s, n, first)) {
		first = line_end(s, n, pos);
		first = first < n ? first + 1 : n;
	}
	if (first >= win)
		goto inside;
	/* 1. the first non-blank line after a blank one */
	prev_blank = first > 0 && line_blank(s, n, prev_line_start(s, n, first));
	for (a = first; a < win; a = line_end(s, n, a) + 1) {
		bool blank = line_blank(s, n, a);

		if (!blank && prev_blank)
			return a;
		prev_blank = blank;
	}
	/* 2. a line after one that ends a sentence */
	for (a = first; a < win; a = line_end(s, n, a) + 1) {
		uint64_t p = prev_line_start(s, n, a);

		if (ends_sentence(s, p, a - 1))
			return a;
	}
	/* 3. any line start */
	return first;
inside:
	*joined = true;
	return cut_inside_line(s, n, pos, win);
}

/* ------------------------------------------------------------------ */
/* Lines and paragraphs */

struct line {
	uint64_t start, end;	/* without the end-of-line bytes and trailing blanks */
	uint64_t text;		/* after leading blanks (and a quote marker) */
	int width;		/* code points from text to end */
	int first_word;		/* code points of the first word */
	uint8_t blank, list, quote, indent;
	uint8_t trail_space;	/* keep one trailing space (the chunk ends inside a paragraph) */
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int
count_cps(const char *s, uint64_t a, uint64_t z)
{
	int n = 0;

	for (; a < z; a++)
		n += ((unsigned char)s[a] & 0xC0) != 0x80;
	return n;
}

/* Length of a list marker at s[a..z) ("- ", "* ", "• ", "– ", "12. ", "3) "), else 0. */
static int
list_marker(const char *s, uint64_t a, uint64_t z)
{
	uint64_t i = a;

	if (z - a >= 2 && strchr("-*+", s[a]) && s[a + 1] == ' ')
		return 2;
	if (z - a >= 4 && (memcmp(s + a, "\xE2\x80\xA2 ", 4) == 0 || memcmp(s + a, "\xE2\x80\x93 ", 4) == 0))
		return 4;
	while (i < z && i - a < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > a && i + 1 < z && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
		return (int)(i + 2 - a);
	return 0;
}

static void
scan_line(const char *s, uint64_t a, uint64_t z, struct line *ln)
{
	uint64_t t = a;

	while (z > a && is_space(s[z - 1]))
		z--;
	while (t < z && is_space(s[t]))
		t++;
	memset(ln, 0, sizeof *ln);
	ln->start = a;
	ln->end = z;
	ln->blank = t == z;
	ln->indent = t > a;
	if (t < z && s[t] == '>') {
		ln->quote = 1;
		t++;
		if (t < z && s[t] == ' ')
			t++;
	}
	ln->list = list_marker(s, t, z) > 0;
	ln->text = t;
}

/*
 * The second space of each sentence end written with two ("sources.  They",
 * as fmt, Emacs's sentence-end-double-space and vim's joinspaces write):
 * it widens a line by a column that says nothing of the fill column, and
 * counted it makes the widest line one column too wide for the break
 * before it to look soft.
 */
static int
sentence_gaps(const char *s, uint64_t a, uint64_t z)
{
	int n = 0;

	for (uint64_t i = a + 1; i + 2 < z; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] != ' ' && s[i - 1] != ' ' &&
		    plain_ends_sentence(s + a, (size_t)(i - a)))
			n++;
	return n;
}

/* Widths for the re-flowing decision (only segments of several lines need them). */
static void
measure_line(const char *s, struct line *ln)
{
	uint64_t w;

	ln->width = count_cps(s, ln->text, ln->end) - sentence_gaps(s, ln->text, ln->end);
	for (w = ln->text; w < ln->end && s[w] != ' '; w++)
		;
	ln->first_word = count_cps(s, ln->text, w);
}

/* Splits src[start..end) into lines; returns the count, *out is new (caller frees). */
static size_t
split_lines(const char *s, uint64_t start, uint64_t end, struct line **out)
{
	size_t n = 0, cap = 64;
	struct line *v = xmalloc(cap * sizeof *v);
	uint64_t a = start;

	while (a < end) {
		uint64_t e = line_end(s, end, a);	/* scan_line drops a CR before it */

		if (n == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		scan_line(s, a, e, &v[n++]);
		a = e + 1;
	}
	*out = v;
	return n;
}

/* Is the break between lines i and i+1 of a segment [lo, hi) soft? */
static bool
soft_break(const struct line *l, size_t i, int maxw)
{
	const struct line *cur = &l[i], *next = &l[i + 1];

	if (maxw < REFLOW_MIN || maxw > REFLOW_MAX)
		return false;
	if (next->list || next->quote != cur->quote)
		return false;
	if (cur->width * 2 < maxw)
		return false;
	return cur->width + 1 + next->first_word > maxw;
}

/*
 * Is line i, which a soft break would join to the line before, a line of
 * furniture that ends the paragraph ("Share this..." under the last line)?
 * Only a line that ends its paragraph is tested: the last of the segment,
 * or one too short for the break after it to be soft.
 */
static bool
furniture_ends(const char *s, const struct line *l, size_t i, size_t hi, int maxw)
{
	if (i + 1 < hi && l[i].width * 2 >= maxw)
		return false;
	return plain_is_furniture(s + l[i].text, (size_t)(l[i].end - l[i].text));
}

/* Does line i+1 repeat the beginning of line i (a page's <title> line "Title | Site", then its heading)? */
static bool
repeats_start(const char *s, const struct line *l, size_t i)
{
	uint64_t n = l[i + 1].end - l[i + 1].text;

	return n < l[i].end - l[i].text && memcmp(s + l[i].text, s + l[i + 1].text, (size_t)n) == 0;
}

static void
emit_paragraph(const char *s, const struct line *l, size_t lo, size_t hi, int tab_width,
    struct strbuf *tmp, struct doc_builder *b)
{
	size_t i;
	enum doc_kind kind = l[lo].quote ? DOC_QUOTE : l[lo].list ? DOC_LIST_ITEM : DOC_PARAGRAPH;
	bool inert = true;

	strbuf_reset(tmp);
	for (i = lo; i < hi; i++) {
		int col = 0;

		if (i > lo)
			strbuf_addc(tmp, ' ');
		inert = doc_build_clean(s + l[i].text, (size_t)(l[i].end - l[i].text), tab_width, &col,
		    tmp) && inert;
	}
	if (l[hi - 1].trail_space)
		strbuf_addc(tmp, ' ');
	doc_build_begin(b, kind, kind == DOC_QUOTE ? 1 : 0, l[lo].start, l[hi - 1].end);
	if (inert || text_is_nfc_fast(strbuf_str(tmp), tmp->len)) {
		doc_build_text(b, strbuf_str(tmp), tmp->len);
	} else {
		struct strbuf nfc = STRBUF_INIT;

		text_nfc(strbuf_str(tmp), tmp->len, &nfc);
		doc_build_text(b, strbuf_str(&nfc), nfc.len);
		strbuf_done(&nfc);
	}
	doc_build_end(b);
}

static void
emit_segment(const char *s, struct line *l, size_t lo, size_t hi, int tab_width,
    struct strbuf *tmp, struct doc_builder *b)
{
	int maxw = 0;
	size_t i, para = lo;

	if (hi - lo == 1) {
		emit_paragraph(s, l, lo, hi, tab_width, tmp, b);
		return;
	}
	for (i = lo; i < hi; i++) {
		measure_line(s, &l[i]);
		maxw = GLOSS_MAX(maxw, l[i].width);
	}
	for (i = lo; i + 1 < hi; i++) {
		if (!soft_break(l, i, maxw) || furniture_ends(s, l, i + 1, hi, maxw) ||
		    repeats_start(s, l, i)) {
			emit_paragraph(s, l, para, i + 1, tab_width, tmp, b);
			para = i + 1;
		}
	}
	emit_paragraph(s, l, para, hi, tab_width, tmp, b);
}

void
plain_parse(const char *src, uint64_t start, uint64_t end, unsigned flags, int tab_width,
    struct doc_builder *b)
{
	struct strbuf tmp = STRBUF_INIT;
	struct line *lines;
	size_t n, i, seg;
	uint32_t first_block = doc_build_count(b);

	if ((flags & DOC_PARSE_FIRST) && start == 0 && end >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	n = split_lines(src, start, end, &lines);
	if ((flags & DOC_PARSE_JOINED_START) && n > 0)
		lines[0].list = lines[0].quote = 0;	/* a continued paragraph, not a new item */
	if ((flags & DOC_PARSE_JOINED_END) && n > 0 && src[end - 1] == ' ')
		lines[n - 1].trail_space = 1;
	for (i = 0; i < n; i = seg) {
		if (lines[i].blank) {
			seg = i + 1;
			continue;
		}
		for (seg = i; seg < n && !lines[seg].blank; seg++)
			;
		emit_segment(src, lines, i, seg, tab_width, &tmp, b);
	}
	free(lines);
	strbuf_done(&tmp);
	if ((flags & DOC_PARSE_JOINED_END) && doc_build_count(b) > first_block)
		doc_build_flag_at(b, doc_build_count(b) - 1, DOC_BLOCK_JOINED);
	plain_classify(b, first_block, flags);
}

const struct doc_loader plain_loader = {
	.name = "text",
	.format = DOC_FORMAT_TEXT,
	.boundary = plain_boundary,
	.parse = plain_parse,
};
