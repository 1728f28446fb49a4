/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * present — prefixes, styles and line text of blocks, shared by the pager
 * and `gloss dump` (see include/gloss/present.h).
 */
#include "gloss/gloss.h"

#include "gloss/present.h"
#include "gloss/options.h"
#include "gloss/text.h"
#include "gloss/typo.h"

#define NOTE_INDENT 4	/* columns of a footnote's later paragraphs ("[1] " is as wide) */

static void
append_prefix(char *dst, size_t cap, const char *piece, int times)
{
	size_t len = strlen(dst), k = strlen(piece);

	while (times-- > 0 && len + k < cap) {
		memcpy(dst + len, piece, k + 1);
		len += k;
	}
}

static int
prefix_width(const char *s, enum glyph_mode mode)
{
	int w = 0;
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += (size_t)text_decode(s + i, n - i, &cp);
		w += glyph_width(cp, mode);
	}
	return w;
}

static void
list_prefixes(const struct doc_block *b, enum glyph_mode mode, struct present *p)
{
	const char *label = b->label ? b->label : "";
	int depth = b->level > 1 ? b->level - 1 : 0;

	append_prefix(p->first, sizeof p->first, "  ", depth);
	append_prefix(p->rest, sizeof p->rest, "  ", depth);
	if (mode == GLYPH_ASCII && strcmp(label, "\xE2\x80\xA2") == 0)
		label = "*";
	append_prefix(p->first, sizeof p->first, label, 1);
	append_prefix(p->first, sizeof p->first, " ", 1);
	append_prefix(p->rest, sizeof p->rest, " ", prefix_width(label, mode) + 1);
}

/*
 * A block other than a list item's paragraph that opens a list item (a
 * quote, code, a heading, a nested list's item) carries the item's
 * marker: it goes before the block's own prefix.
 */
static void
item_marker(const struct doc_block *b, enum glyph_mode mode, struct present *p)
{
	const char *label = b->label;
	char first[sizeof p->first] = "", rest[sizeof p->rest] = "";

	if (mode == GLYPH_ASCII && strcmp(label, "\xE2\x80\xA2") == 0)
		label = "*";
	append_prefix(first, sizeof first, label, 1);
	append_prefix(first, sizeof first, " ", 1);
	append_prefix(rest, sizeof rest, " ", prefix_width(first, mode));
	append_prefix(first, sizeof first, p->first, 1);
	append_prefix(rest, sizeof rest, p->rest, 1);
	memcpy(p->first, first, sizeof first);
	memcpy(p->rest, rest, sizeof rest);
}

/*
 * Headings of each level look different with the attributes every
 * terminal has (bold, underline): 1 (and the title) bold and underlined,
 * 2 bold, 3 underlined, 4-6 plain after "####"…; in the plain output of
 * a Markdown document (dump) every heading starts with its level's "#"s.
 */
static void
heading(const struct doc_block *b, bool marks, struct present *p)
{
	int level = b->kind == DOC_TITLE ? 1 : b->level < 1 ? 1 : b->level > 6 ? 6 : b->level;
	static const unsigned styles[] = { PRESENT_BOLD | PRESENT_UNDERLINE, PRESENT_BOLD,
	    PRESENT_UNDERLINE, 0, 0, 0 };

	p->style = styles[level - 1];
	if (marks || level >= 4) {
		append_prefix(p->first, sizeof p->first, "#", level);
		append_prefix(p->first, sizeof p->first, " ", 1);
		append_prefix(p->rest, sizeof p->rest, " ", level + 1);
	}
}

const char *
present_rule(enum glyph_mode mode)
{
	return mode == GLYPH_ASCII ? "* * *" : "\xE2\x81\x82";	/* ⁂ */
}

void
present_block(const struct doc_block *b, enum glyph_mode mode, unsigned how, int width,
    struct present *p)
{
	bool plain = how & PRESENT_PLAIN;
	const char *bar = plain ? "> " : mode == GLYPH_ASCII ? "| " : "\xE2\x94\x82 ";

	memset(p, 0, sizeof *p);
	switch (b->kind) {
	case DOC_TITLE:
	case DOC_HEADING:
		heading(b, (how & (PRESENT_PLAIN | PRESENT_MARKDOWN)) ==
		    (PRESENT_PLAIN | PRESENT_MARKDOWN), p);
		break;
	case DOC_BYLINE:
	case DOC_DATE:
		p->style = PRESENT_DIM;
		break;
	case DOC_CAPTION:
		p->style = PRESENT_DIM | PRESENT_ITALIC;
		break;
	case DOC_CODE:
		p->style = PRESENT_CODE;
		break;
	case DOC_QUOTE:
		append_prefix(p->first, sizeof p->first, bar, b->level ? b->level : 1);
		append_prefix(p->rest, sizeof p->rest, bar, b->level ? b->level : 1);
		break;
	case DOC_LIST_ITEM:
		if (b->label)
			list_prefixes(b, mode, p);
		break;
	case DOC_NOTE:		/* "[3] ", the paragraphs after the first indented like it */
		if (b->label || b->number) {
			append_prefix(p->first, sizeof p->first, "[", 1);
			append_prefix(p->first, sizeof p->first, b->number ? b->number : b->label, 1);
			append_prefix(p->first, sizeof p->first, "] ", 1);
		} else {
			append_prefix(p->first, sizeof p->first, " ", NOTE_INDENT);
		}
		append_prefix(p->rest, sizeof p->rest, " ", prefix_width(p->first, mode));
		break;
	default:
		break;
	}
	if (b->label && b->kind != DOC_LIST_ITEM && b->kind != DOC_NOTE &&
	    !(b->flags & DOC_BLOCK_TABLE))
		item_marker(b, mode, p);
	if (b->flags & DOC_BLOCK_FURNITURE)
		p->style |= PRESENT_DIM;
	p->indent = prefix_width(p->first, mode);
	if (p->indent * 2 > width) {
		p->first[0] = p->rest[0] = '\0';
		p->indent = 0;
	}
}

struct layout_opts
present_layout_opts(const struct present *p, int width, enum glyph_mode mode)
{
	struct layout_opts o = layout_defaults(width - p->indent > 0 ? width - p->indent : 1);

	o.mode = mode;
	if (opt_hyphenate)
		o.rules |= TYPO_HYPHEN;
	return o;
}

bool
present_superscript(const char *s, size_t n)
{
	if (n == 0 || n > PRESENT_SUP_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (glyph_superscript((unsigned char)s[i]) == 0)
			return false;
	return true;
}

/* The first span of b that starts at or after byte at (spans are sorted by start). */
static uint32_t
first_span_from(const struct doc_block *b, uint32_t at)
{
	uint32_t lo = 0, hi = b->nspans;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (b->spans[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends b's bytes [a, z) as superscript characters (as they are in ASCII). */
static void
add_superscript(const struct doc_block *b, uint32_t a, uint32_t z, enum glyph_mode mode,
    struct strbuf *out)
{
	for (uint32_t j = a; j < z; j++) {
		if (mode == GLYPH_ASCII)
			strbuf_addc(out, b->text[j]);
		else
			strbuf_addcp(out, glyph_superscript((unsigned char)b->text[j]));
	}
}

/*
 * The spans looked at for one line are those starting in it or at most
 * PRESENT_SUP_MAX bytes before it (a superscript drawn as such is no
 * longer), found by binary search: the cost is the line's, not the
 * block's, however many spans the paragraph holds.
 */
void
present_line_text(const struct doc_block *b, const struct layout_line *line,
    enum glyph_mode mode, struct strbuf *out)
{
	uint32_t i = line->start;
	uint32_t from = line->start > PRESENT_SUP_MAX ? line->start - PRESENT_SUP_MAX : 0;

	for (uint32_t k = first_span_from(b, from); k < b->nspans && b->spans[k].start < line->end;
	    k++) {
		const struct doc_span *sp = &b->spans[k];
		uint32_t a = GLOSS_MAX(sp->start, i), z = GLOSS_MIN(sp->end, line->end);

		if ((sp->kind != DOC_SPAN_SUP && sp->kind != DOC_SPAN_NOTEREF) || a >= z ||
		    !present_superscript(b->text + sp->start, sp->end - sp->start))
			continue;
		/* runs of plain text go through glyph_append_safe in one call */
		glyph_append_safe(out, b->text + i, a - i, mode);
		add_superscript(b, a, z, mode, out);
		i = z;
	}
	if (i < line->end)
		glyph_append_safe(out, b->text + i, line->end - i, mode);
	if (line->hyphen)
		strbuf_addc(out, '-');
}
