/*
 * plain_classify — gives plain-text blocks their kinds: title, byline,
 * date, caption, heading, and marks web-page furniture.
 *
 * Plain text has no markup, so kinds come from the shape of a paragraph and
 * its neighbours.  The rules are deliberately conservative: a paragraph
 * that fits no rule stays a paragraph, which always reads correctly.
 *   date     a short line that is a date ("December 7, 2025", "7 декабря
 *            2025 г.", "2025-12-07"), possibly with a trailing dash;
 *   byline   "By …" / "Автор: …", a short capitalised name next to a date,
 *            or "Name Surname, role…" right after the title;
 *   caption  a line repeated by the next one with "Source:" appended, a
 *            "Photo:"/"Source:"/"Фото:" credit line and the short line before
 *            it, or a line ending in a photo-agency credit in parentheses;
 *   title    in the first chunk, before the body starts: the first line the
 *            page gives twice (alone, or as the longer part of a <title>
 *            line "Title | Site", which is then furniture), else the first
 *            short line that does not end like a sentence and is not
 *            furniture, a date, a byline or a menu's single word;
 *   heading  a short single line, capitalised, not ending like a sentence,
 *            followed by a body paragraph;
 *   furniture (a flag) site furniture by the curated patterns of
 *            plain_furniture.c, short lines repeated in the chunk, runs of
 *            menu or tag lines next to furniture or opening the document,
 *            short lines between two furniture lines; the first of a
 *            caption given twice is flagged DUPLICATE.
 * The pager folds furniture and duplicates away (docs/folding.md).
 */
#include "gloss/gloss.h"

#include <strings.h>
#include <unictype.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "plain_int.h"

#define BODY_MIN 200		/* bytes: a paragraph this long is body text */
#define SHORT_MAX 200		/* bytes: bylines, captions, titles */
#define HEADING_MAX 120
#define FRONT_BLOCKS 24		/* title/byline/date are looked for this far (furniture aside) */
#define REPEAT_MIN 3		/* a short line seen this often in a chunk is furniture */
#define REPEAT_MAX 80		/* bytes */
#define REPEAT_WORDS 8
#define SANDWICH_MAX 120	/* bytes: a line between two furniture lines */
#define SANDWICH_WORDS 12
#define SANDWICH_RUN 6		/* such lines in a row */
#define LIST_RUN 12		/* the links (titles, dates) after a heading of links */
#define LINK_MAX 40		/* bytes: a line of a menu or a tag cloud */
#define LINK_WORDS 3
#define LINK_RUN 3		/* such lines in a row next to furniture are furniture */

struct cls {
	struct doc_builder *b;
	uint32_t lo, hi;	/* blocks of this chunk */
	unsigned flags;
};

static const char *
text_at(const struct cls *c, uint32_t i, size_t *len)
{
	return doc_build_text_at(c->b, i, len);
}

static enum doc_kind
kind_at(const struct cls *c, uint32_t i)
{
	return doc_build_kind_at(c->b, i);
}

/* Case-insensitive (ASCII) prefix test. */
static bool
starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncasecmp(s, prefix, k) == 0;
}

/* Case-insensitive test that s contains one of the needles. */
static bool
contains_any(const char *s, size_t n, const char *const *needles, size_t count)
{
	struct plain_lowered l;
	bool found;

	if (!plain_lower(s, n, &l))
		return false;
	found = plain_lowered_has(&l, needles, count, false);
	plain_lowered_done(&l);
	return found;
}

static uint32_t
first_cp(const char *s, size_t n)
{
	uint32_t cp = 0;

	if (n > 0)
		text_decode(s, n, &cp);
	return cp;
}

static bool
ends_like_sentence(const char *s, size_t n)
{
	uint32_t cp = plain_last_cp(s, n);

	return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == 0x2026;
}

/* ------------------------------------------------------------------ */
/* Dates */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
	"jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept ", "oct ", "nov ",
	"dec ",
	"январ", "феврал", "март", "апрел", "мая", "май", "июн", "июл", "август", "сентябр",
	"октябр", "ноябр", "декабр",
	"січ", "лют", "берез", "квіт", "травн", "черв", "лип", "серп", "верес", "жовт",
	"листопад", "груд",
	"студзен", "лютага", "сакавік", "красавік", "траўн", "чэрв", "ліп", "жніў", "верас",
	"кастрычнік", "лістапад", "снеж",
};

/* A numeric date: 2025-12-07, 07.12.2025, 7/12/2025. */
static bool
numeric_date(const char *s, size_t n)
{
	int digits = 0, seps = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '-' || s[i] == '.' || s[i] == '/')
			seps++;
		else if (s[i] != ' ')
			return false;
	}
	return digits >= 6 && seps >= 2;
}

bool
plain_is_date(const char *s, size_t n)
{
	if (n == 0 || n > 48 || !plain_has_year(s, n))
		return false;
	if (numeric_date(s, n))
		return true;
	return plain_count_words(s, n) <= 7 && contains_any(s, n, months, GLOSS_ARRAY_SIZE(months));
}

/* ------------------------------------------------------------------ */
/* Names and bylines */

/* Two to four capitalised words of letters, hyphens and apostrophes. */
static bool
is_name(const char *s, size_t n)
{
	size_t i = 0;
	int words = 0;
	bool at_word = true;

	if (n == 0 || n > 60)
		return false;
	while (i < n) {
		uint32_t cp;
		int len = text_decode(s + i, n - i, &cp);

		if (cp == ' ') {
			at_word = true;
		} else if (at_word) {
			if (!uc_is_upper(cp))
				return false;
			words++;
			at_word = false;
		} else if (!uc_is_alpha(cp) && cp != '-' && cp != '\'' && cp != 0x2019 &&
		    cp != '.') {
			return false;
		}
		i += (size_t)len;
	}
	return words >= 2 && words <= 4;
}

static bool
is_by_line(const char *s, size_t n)
{
	if (n > SHORT_MAX)
		return false;
	if (starts_with(s, n, "by ") && n > 3 && uc_is_upper(first_cp(s + 3, n - 3)))
		return true;
	return starts_with(s, n, "Автор") || starts_with(s, n, "Аўтар") ||
	    starts_with(s, n, "Текст:") || starts_with(s, n, "Тэкст:") ||
	    starts_with(s, n, "Written by ") || starts_with(s, n, "Posted on ") ||
	    starts_with(s, n, "Posted by ") || starts_with(s, n, "Published on ");
}

/* "Name Surname, role, role" */
static bool
is_name_with_role(const char *s, size_t n)
{
	const char *comma = memchr(s, ',', n);

	return n <= SHORT_MAX && comma && is_name(s, (size_t)(comma - s));
}

/* ------------------------------------------------------------------ */
/* Captions */

static const char *const credit_prefixes[] = {
	"Photo:", "Photo by ", "Source:", "Credit:", "Image:", "Фото:", "Фото ", "Фота:", "Фота ",
	"Источник:", "Джерело:", "Крыніца:",
};

static bool
is_credit_line(const char *s, size_t n)
{
	size_t i;

	if (n > SHORT_MAX)
		return false;
	for (i = 0; i < GLOSS_ARRAY_SIZE(credit_prefixes); i++)
		if (starts_with(s, n, credit_prefixes[i]))
			return true;
	return false;
}

static const char *const agencies[] = {
	"getty images", "/afp", "reuters", "ap photo", "photo:",
};
static const char *const credits[] = {
	"source", "photo", "screenshot", "фото", "источник", "джерело",
};

/* "… (NAME/POOL/AFP via Getty Images)" */
static bool
ends_with_agency_credit(const char *s, size_t n)
{
	const char *open;
	size_t k;

	if (n < 4 || n > 400 || s[n - 1] != ')')
		return false;
	for (k = n - 1; k > 0 && s[k] != '('; k--)
		;
	open = s + k;
	return contains_any(open, n - k, agencies, GLOSS_ARRAY_SIZE(agencies));
}

/* The next block repeats this one and adds a credit: "X" then "X. Source:". */
static bool
repeated_with_credit(const struct cls *c, uint32_t i)
{
	size_t n, m;
	const char *s, *t;

	if (i + 1 >= c->hi)
		return false;
	s = text_at(c, i, &n);
	t = text_at(c, i + 1, &m);
	return n > 0 && n <= 400 && m > n && memcmp(s, t, n) == 0 &&
	    contains_any(t + n, m - n, credits, GLOSS_ARRAY_SIZE(credits));
}

/* ------------------------------------------------------------------ */
/* Passes */

static bool
is_plain_paragraph(const struct cls *c, uint32_t i)
{
	return kind_at(c, i) == DOC_PARAGRAPH;
}

static void
mark_captions(struct cls *c)
{
	for (uint32_t i = c->lo; i < c->hi; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (!is_plain_paragraph(c, i))
			continue;
		if (repeated_with_credit(c, i)) {
			doc_build_retag(c->b, i, DOC_CAPTION, 0);
			doc_build_flag_at(c->b, i, DOC_BLOCK_DUPLICATE);
			doc_build_retag(c->b, i + 1, DOC_CAPTION, 0);
			i++;
		} else if (is_credit_line(s, n)) {
			doc_build_retag(c->b, i, DOC_CAPTION, 0);
			if (i > c->lo && is_plain_paragraph(c, i - 1)) {
				size_t pn;
				const char *p = text_at(c, i - 1, &pn);

				if (pn <= SHORT_MAX && !plain_is_furniture(p, pn) && !is_by_line(p, pn) &&
				    !plain_is_date(p, pn))
					doc_build_retag(c->b, i - 1, DOC_CAPTION, 0);
			}
		} else if (ends_with_agency_credit(s, n)) {
			doc_build_retag(c->b, i, DOC_CAPTION, 0);
		}
	}
}

static void
mark_furniture_dates_bylines(struct cls *c)
{
	for (uint32_t i = c->lo; i < c->hi; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (kind_at(c, i) == DOC_LIST_ITEM && plain_is_furniture(s, n))
			doc_build_flag_at(c->b, i, DOC_BLOCK_FURNITURE);	/* "* indicates required" */
		if (!is_plain_paragraph(c, i))
			continue;
		if (plain_is_furniture(s, n))
			doc_build_flag_at(c->b, i, DOC_BLOCK_FURNITURE);
		else if (plain_is_date(s, n))
			doc_build_retag(c->b, i, DOC_DATE, 0);
		else if (is_by_line(s, n))
			doc_build_retag(c->b, i, DOC_BYLINE, 0);
	}
	/* a bare name next to a date is its author */
	for (uint32_t i = c->lo; i < c->hi && i < c->lo + FRONT_BLOCKS; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (is_plain_paragraph(c, i) && is_name(s, n) &&
		    ((i > c->lo && kind_at(c, i - 1) == DOC_DATE) ||
		    (i + 1 < c->hi && kind_at(c, i + 1) == DOC_DATE)))
			doc_build_retag(c->b, i, DOC_BYLINE, 0);
	}
}

/* A short line that is not a sentence, candidate for the repeated-line rule. */
struct line_ref {
	const char *s;
	size_t n;
	uint32_t i;
};

static int
line_ref_cmp(const void *a, const void *b)
{
	const struct line_ref *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return memcmp(x->s, y->s, x->n);
}

/* Short lines found REPEAT_MIN times or more in the chunk are furniture. */
static void
mark_repeats(struct cls *c)
{
	struct line_ref *refs = xreallocarray(NULL, c->hi - c->lo, sizeof *refs);
	size_t nrefs = 0, k, run;

	for (uint32_t i = c->lo; i < c->hi; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if ((is_plain_paragraph(c, i) || kind_at(c, i) == DOC_LIST_ITEM) && n > 0 &&
		    n <= REPEAT_MAX &&
		    plain_count_words(s, n) <= REPEAT_WORDS && !plain_ends_sentence(s, n))
			refs[nrefs++] = (struct line_ref){ s, n, i };
	}
	qsort(refs, nrefs, sizeof *refs, line_ref_cmp);
	for (k = 0; k < nrefs; k += run) {
		for (run = 1; k + run < nrefs && line_ref_cmp(&refs[k], &refs[k + run]) == 0; run++)
			;
		for (size_t j = 0; run >= REPEAT_MIN && j < run; j++)
			doc_build_flag_at(c->b, refs[k + j].i, DOC_BLOCK_FURNITURE);
	}
	free(refs);
}

static bool
is_furniture_at(const struct cls *c, uint32_t i)
{
	return (doc_build_flags_at(c->b, i) & DOC_BLOCK_FURNITURE) != 0;
}

/* A short line or list item that is not a sentence: a link's title, a newsletter's name. */
static bool
headline_like(const struct cls *c, uint32_t i)
{
	size_t n;
	const char *s = text_at(c, i, &n);

	return (is_plain_paragraph(c, i) || kind_at(c, i) == DOC_LIST_ITEM) && !is_furniture_at(c, i) &&
	    n <= SANDWICH_MAX &&
	    plain_count_words(s, n) <= SANDWICH_WORDS && !plain_ends_sentence(s, n);
}

/*
 * Up to SANDWICH_RUN such lines are furniture when they lie between two
 * furniture lines (a newsletter's name between its form fields), up to
 * LIST_RUN such lines and dates when they follow a heading of links
 * ("Читайте также", then the title of the linked article; "Related", then
 * titles, dates and categories of posts).
 */
static void
mark_sandwiched(struct cls *c)
{
	for (uint32_t a = c->lo + 1, z; a < c->hi; a = z + 1) {
		size_t n;
		const char *s = text_at(c, a - 1, &n);
		bool after_head;

		if (!is_furniture_at(c, a - 1) || !headline_like(c, a)) {
			z = a;
			continue;
		}
		after_head = plain_is_list_head(s, n);
		for (z = a; z < c->hi && z - a <= LIST_RUN && (headline_like(c, z) ||
		    (after_head && kind_at(c, z) == DOC_DATE)); z++)
			;
		if (z - a > (after_head ? LIST_RUN : SANDWICH_RUN) ||
		    (!after_head && (z >= c->hi || !is_furniture_at(c, z))))
			continue;
		for (uint32_t i = a; i < z; i++)
			doc_build_flag_at(c->b, i, DOC_BLOCK_FURNITURE);
	}
}

/* A short line that is not a sentence: an item of a menu or a tag cloud, one a line. */
static bool
link_like(const struct cls *c, uint32_t i)
{
	size_t n;
	const char *s = text_at(c, i, &n);

	return is_plain_paragraph(c, i) && !is_furniture_at(c, i) && n > 0 && n <= LINK_MAX &&
	    plain_count_words(s, n) <= LINK_WORDS && !plain_ends_sentence(s, n) &&
	    !ends_like_sentence(s, n);
}

/*
 * A run of LINK_RUN such lines or more is furniture when furniture is right
 * before or after it, or when it opens the document (menus, tag clouds).
 */
static void
mark_link_runs(struct cls *c)
{
	for (uint32_t a = c->lo, z; a < c->hi; a = z + 1) {
		for (z = a; z < c->hi && link_like(c, z); z++)
			;
		if (z - a < LINK_RUN)
			continue;
		if (!((a == c->lo && (c->flags & DOC_PARSE_FIRST)) || (a > c->lo && is_furniture_at(c, a - 1)) ||
		    (z < c->hi && is_furniture_at(c, z))))
			continue;
		for (uint32_t i = a; i < z; i++)
			doc_build_flag_at(c->b, i, DOC_BLOCK_FURNITURE);
	}
}

static bool
title_candidate(const char *s, size_t n)
{
	int words;

	if (n > SHORT_MAX)
		return false;
	words = plain_count_words(s, n);
	return words >= 2 && words <= 30 && !ends_like_sentence(s, n);
}

/* A plain paragraph that is not furniture and could be the title. */
static bool
title_at(const struct cls *c, uint32_t i)
{
	size_t n;
	const char *s = text_at(c, i, &n);

	return is_plain_paragraph(c, i) && !is_furniture_at(c, i) && title_candidate(s, n);
}

static const char *const site_seps[] = {
	" | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " :: ", " \xC2\xB7 ",
};

/* Length of a site separator (" | ", " — ", " – ", " - ", " :: ", " · ") starting at s[i], else 0. */
static size_t
site_separator(const char *s, size_t n, size_t i)
{
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(site_seps); k++) {
		size_t len = strlen(site_seps[k]);

		if (len <= n - i && memcmp(s + i, site_seps[k], len) == 0)
			return len;
	}
	return 0;
}

/* Length of a site separator ending at s[i], else 0. */
static size_t
site_separator_before(const char *s, size_t i)
{
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(site_seps); k++) {
		size_t len = strlen(site_seps[k]);

		if (len <= i && memcmp(s + i - len, site_seps[k], len) == 0)
			return len;
	}
	return 0;
}

/*
 * Does block j give the text of block i again, alone or as the longer part
 * of "Title | Site" / "Site — Title" (a page's <title> line)?
 */
static bool
repeats_title(const struct cls *c, uint32_t j, uint32_t i)
{
	size_t n, m, sep;
	const char *t = text_at(c, i, &n), *s = text_at(c, j, &m);

	if (m == n)
		return memcmp(s, t, n) == 0;
	if (m <= n)
		return false;
	if (memcmp(s, t, n) == 0 && (sep = site_separator(s, m, n)) > 0)
		return m - n - sep < n;		/* "Title | Site" */
	if (memcmp(s + m - n, t, n) == 0 && (sep = site_separator_before(s, m - n)) > 0)
		return m - n - sep < n;		/* "Site — Title" */
	return false;
}

/* The front of the page: up to FRONT_BLOCKS blocks that are not furniture, and the furniture among them. */
static uint32_t
front_end(const struct cls *c)
{
	uint32_t i, seen = 0;

	for (i = c->lo; i + 1 < c->hi && seen < FRONT_BLOCKS; i++)
		seen += !is_furniture_at(c, i);
	return i;
}

/* The first block that the page gives twice (its <title> and its heading), and where else. */
static bool
repeated_title(const struct cls *c, uint32_t end, uint32_t *title, uint32_t *copy)
{
	for (uint32_t i = c->lo + 1; i < end; i++) {
		if (!title_at(c, i))
			continue;
		for (uint32_t j = c->lo; j < i; j++) {
			if (repeats_title(c, j, i)) {
				*title = i;
				*copy = j;
				return true;
			}
		}
	}
	return false;
}

/*
 * The first block that is neither furniture, a date, a byline nor a word
 * alone (a menu's item), if it looks like a title; else none.
 */
static bool
first_title(const struct cls *c, uint32_t end, uint32_t *title)
{
	for (uint32_t i = c->lo; i < end; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (kind_at(c, i) == DOC_DATE || kind_at(c, i) == DOC_BYLINE || is_furniture_at(c, i) ||
		    (is_plain_paragraph(c, i) && plain_count_words(s, n) == 1 && n <= LINK_MAX &&
		    !plain_ends_sentence(s, n)))
			continue;
		if (!title_at(c, i))
			return false;
		*title = i;
		return true;
	}
	return false;
}

/*
 * The title: the first block of the front that the page gives again (the
 * other copy, a <title> line "Title | Site", is furniture), else the first
 * one that looks like a title before anything else.
 */
static void
mark_title(struct cls *c)
{
	uint32_t end = front_end(c), t, copy;
	size_t n;
	const char *s;

	if (repeated_title(c, end, &t, &copy))
		doc_build_flag_at(c->b, copy, DOC_BLOCK_FURNITURE);
	else if (!first_title(c, end, &t))
		return;
	doc_build_retag(c->b, t, DOC_TITLE, 1);
	if (is_plain_paragraph(c, t + 1)) {
		s = text_at(c, t + 1, &n);
		if (is_name_with_role(s, n))
			doc_build_retag(c->b, t + 1, DOC_BYLINE, 0);
	}
}

static bool
heading_candidate(const char *s, size_t n)
{
	uint32_t first, last;

	if (n == 0 || n > HEADING_MAX || plain_count_words(s, n) > 15)
		return false;
	first = first_cp(s, n);
	last = plain_last_cp(s, n);
	if (!uc_is_upper(first) && !(first >= '0' && first <= '9'))
		return false;
	if (ends_like_sentence(s, n) || last == ')' || last == 0x201D || last == '"')
		return false;
	return true;	/* mark_headings looks only at blocks that are not furniture */
}

/* The line before a heading is no item of a list written one a line ("Мёд", "Сыры", …). */
static void
mark_headings(struct cls *c)
{
	for (uint32_t i = c->lo; i + 1 < c->hi; i++) {
		size_t n, next_len;
		const char *s = text_at(c, i, &n);

		if (!is_plain_paragraph(c, i) || is_furniture_at(c, i))
			continue;
		text_at(c, i + 1, &next_len);
		if (heading_candidate(s, n) && kind_at(c, i + 1) == DOC_PARAGRAPH &&
		    next_len >= BODY_MIN / 2 && !(i > c->lo && link_like(c, i - 1)))
			doc_build_retag(c->b, i, DOC_HEADING, 2);
	}
}

void
plain_classify(struct doc_builder *b, uint32_t first_block, unsigned flags)
{
	struct cls c = { b, first_block, doc_build_count(b), flags };

	if (c.lo >= c.hi)
		return;
	if (flags & DOC_PARSE_JOINED_START)
		c.lo++;		/* a continued paragraph keeps its kind */
	if (c.lo >= c.hi)
		return;
	mark_captions(&c);
	mark_furniture_dates_bylines(&c);
	mark_repeats(&c);
	mark_link_runs(&c);
	mark_sandwiched(&c);
	if (flags & DOC_PARSE_FIRST)
		mark_title(&c);
	mark_headings(&c);
}
