/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * meta — title, author and date of a document (see include/gloss/meta.h).
 *
 * Dates are read from the fold key of the text (case folded, so month names
 * compare in one form), cut into tokens: numbers, words and single
 * punctuation characters.
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <strings.h>
#include <sys/xattr.h>
#include <unictype.h>

#include "gloss/fold.h"
#include "gloss/meta.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "meta_int.h"

#define SCAN_BLOCKS 16		/* blocks looked at when the loaders found nothing */
#define SHORT_MAX 200		/* bytes: lines that may hold a byline or a date */
#define TITLE_MAX 90		/* code points of a title made from a first sentence */
#define TOKENS_MAX 64
#define SUFFIX_MAX 6		/* bytes of case ending after a Cyrillic month stem */
#define DATE_LINE_MAX 60	/* bytes: a line scanned for a date is about only that */

/* ------------------------------------------------------------------ */
/* Months */

/* English names and abbreviations: whole words. */
static const char *const en_months[12][3] = {
	{ "january", "jan", NULL }, { "february", "feb", NULL }, { "march", "mar", NULL },
	{ "april", "apr", NULL }, { "may", NULL, NULL }, { "june", "jun", NULL },
	{ "july", "jul", NULL }, { "august", "aug", NULL }, { "september", "sep", "sept" },
	{ "october", "oct", NULL }, { "november", "nov", NULL }, { "december", "dec", NULL },
};

/* Russian, Ukrainian, Belarusian stems: a word starting with one, plus a short ending. */
static const char *const cyr_months[12][4] = {
	{ "январ", "січ", "студзен", NULL },
	{ "феврал", "лют", NULL, NULL },
	{ "март", "берез", "сакавік", NULL },
	{ "апрел", "квіт", "красавік", NULL },
	{ "трав", "траў", NULL, NULL },
	{ "июн", "черв", "чэрв", NULL },
	{ "июл", "лип", "ліп", NULL },
	{ "август", "серп", "жнів", "жніў" },
	{ "сентябр", "верес", "верас", NULL },
	{ "октябр", "жовт", "кастрычнік", NULL },
	{ "ноябр", "листопад", "лістапад", NULL },
	{ "декабр", "груд", "снеж", NULL },
};

/* Russian May is too short for a stem: its forms are listed. */
static const char *const ru_may[] = { "май", "мая", "мае", "маю", "маем" };

static bool
word_is(const char *w, size_t n, const char *s)
{
	return s && strlen(s) == n && memcmp(w, s, n) == 0;
}

/* The month (1-12) a folded word names, else 0. */
static int
month_of(const char *w, size_t n)
{
	for (int m = 0; m < 12; m++) {
		for (int k = 0; k < 3; k++)
			if (word_is(w, n, en_months[m][k]))
				return m + 1;
		for (int k = 0; k < 4 && cyr_months[m][k]; k++) {
			size_t len = strlen(cyr_months[m][k]);

			if (n >= len && n - len <= SUFFIX_MAX && memcmp(w, cyr_months[m][k], len) == 0)
				return m + 1;
		}
	}
	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(ru_may); k++)
		if (word_is(w, n, ru_may[k]))
			return 5;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Tokens */

enum tok_kind { TOK_NUM, TOK_WORD, TOK_PUNCT };

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t n;
	int value;		/* numbers (up to 9 digits), months for words */
};

static bool
is_letter_at(const char *s, size_t n)
{
	uint32_t cp;

	if ((unsigned char)*s < 0x80)
		return (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
	text_decode(s, n, &cp);
	return uc_is_alpha(cp);
}

static size_t
tokenize(const char *s, size_t n, struct tok *t, size_t max)
{
	size_t i = 0, k = 0;

	while (i < n && k < max) {
		size_t j = i;

		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (s[i] >= '0' && s[i] <= '9') {
			int v = 0;

			while (j < n && s[j] >= '0' && s[j] <= '9') {
				if (j - i < 9)
					v = v * 10 + (s[j] - '0');
				j++;
			}
			t[k++] = (struct tok){ TOK_NUM, s + i, j - i, v };
		} else if (is_letter_at(s + i, n - i)) {
			while (j < n && is_letter_at(s + j, n - j))
				j += (size_t)text_cplen(s + j, n - j);
			t[k] = (struct tok){ TOK_WORD, s + i, j - i, 0 };
			t[k].value = month_of(s + i, j - i);
			k++;
		} else {
			j += (size_t)text_cplen(s + i, n - i);
			t[k++] = (struct tok){ TOK_PUNCT, s + i, j - i, 0 };
		}
		i = j;
	}
	return k;
}

static bool
is_year(const struct tok *t)
{
	return t->kind == TOK_NUM && t->n == 4 && t->value >= 1000 && t->value <= 2999;
}

static bool
is_day(const struct tok *t)
{
	return t->kind == TOK_NUM && t->n <= 2 && t->value >= 1 && t->value <= 31;
}

static bool
is_punct(const struct tok *t, char c)
{
	return t->kind == TOK_PUNCT && t->n == 1 && t->s[0] == c;
}

/* Index of the next token after i that is not ',' or '.', or k. */
static size_t
skip_punct(const struct tok *t, size_t k, size_t i)
{
	while (i < k && (is_punct(&t[i], ',') || is_punct(&t[i], '.')))
		i++;
	return i;
}

static void
format_date(int y, int m, int d, char out[META_DATE_MAX])
{
	if (m == 0)
		snprintf(out, META_DATE_MAX, "%04d", y);
	else if (d == 0)
		snprintf(out, META_DATE_MAX, "%04d-%02d", y, m);
	else
		snprintf(out, META_DATE_MAX, "%04d-%02d-%02d", y, m, d);
}

/* "7 December 2025", "December 7, 2025", "December 2025" around month token i. */
static bool
named_date(const struct tok *t, size_t k, size_t i, char out[META_DATE_MAX])
{
	int day = 0;
	size_t j = skip_punct(t, k, i + 1);

	if (i > 0 && is_day(&t[i - 1]))
		day = t[i - 1].value;
	else if (j < k && is_day(&t[j]))
		day = t[j].value, j = skip_punct(t, k, j + 1);
	if (j >= k || !is_year(&t[j]))
		return false;
	format_date(t[j].value, t[i].value, day, out);
	return true;
}

static bool
is_sep(const struct tok *t)
{
	return is_punct(t, '-') || is_punct(t, '.') || is_punct(t, '/');
}

/* "2025-12-07", "2025-12", "07.12.2025", "7/12/2025" starting at token i. */
static bool
numeric_date(const struct tok *t, size_t k, size_t i, char out[META_DATE_MAX])
{
	if (is_year(&t[i]) && i + 2 < k && is_sep(&t[i + 1]) && t[i + 2].kind == TOK_NUM &&
	    t[i + 2].n <= 2 && t[i + 2].value >= 1 && t[i + 2].value <= 12) {
		int day = 0;

		if (i + 4 < k && is_punct(&t[i + 3], t[i + 1].s[0]) && is_day(&t[i + 4]))
			day = t[i + 4].value;
		format_date(t[i].value, t[i + 2].value, day, out);
		return true;
	}
	if (is_day(&t[i]) && i + 4 < k && is_sep(&t[i + 1]) && t[i + 2].kind == TOK_NUM &&
	    t[i + 2].n <= 2 && t[i + 2].value >= 1 && t[i + 2].value <= 12 &&
	    is_punct(&t[i + 3], t[i + 1].s[0]) && is_year(&t[i + 4])) {
		format_date(t[i + 4].value, t[i + 2].value, t[i].value, out);
		return true;
	}
	return false;
}

/* A year alone, perhaps followed by "г." or "р." (year). */
static bool
bare_year(const struct tok *t, size_t k, char out[META_DATE_MAX])
{
	if (k == 0 || !is_year(&t[0]))
		return false;
	if (k > 1 && !(t[1].kind == TOK_WORD && (word_is(t[1].s, t[1].n, "г") ||
	    word_is(t[1].s, t[1].n, "р")) && (k == 2 || (k == 3 && is_punct(&t[2], '.')))))
		return false;
	format_date(t[0].value, 0, 0, out);
	return true;
}

bool
meta_parse_date(const char *s, size_t n, char out[META_DATE_MAX])
{
	struct strbuf key = STRBUF_INIT;
	struct tok t[TOKENS_MAX];
	size_t k;
	bool found = false;

	fold_key(s, GLOSS_MIN(n, (size_t)SHORT_MAX * 4), &key);
	k = tokenize(strbuf_str(&key), key.len, t, TOKENS_MAX);
	for (size_t i = 0; i < k && !found; i++) {
		if (t[i].kind == TOK_WORD && t[i].value)
			found = named_date(t, k, i, out);
		else if (t[i].kind == TOK_NUM)
			found = numeric_date(t, k, i, out);
	}
	if (!found)
		found = bare_year(t, k, out);
	strbuf_done(&key);
	return found;
}

/* ------------------------------------------------------------------ */
/* Authors */

static const char *const by_prefixes[] = {
	"written by ", "by ", "posted by ", "posted on ", "published on ", "автор:", "автор —",
	"автор –", "автор -", "автор ", "аўтар:", "аўтар —", "аўтар ", "автори:", "авторы:",
	"текст:", "тэкст:",
};

/*
 * The lower-case form of the character at s when it is an ASCII letter or
 * digit or a basic Cyrillic letter (U+0410-U+044F), which fold to exactly
 * that; 0 for any other character.  Its length in *len.
 */
static uint32_t
plain_letter(const unsigned char *u, size_t n, size_t *len)
{
	uint32_t cp;

	*len = 1;
	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		if (u[0] >= 'A' && u[0] <= 'Z')
			return u[0] + 32u;
		return (u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9') ? u[0] : 0;
	}
	if (n < 2 || (u[0] != 0xD0 && u[0] != 0xD1) || (u[1] & 0xC0) != 0x80)
		return 0;
	cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	*len = 2;
	if (cp < 0x410 || cp > 0x44F)
		return 0;
	return cp < 0x430 ? cp + 0x20 : cp;
}

/*
 * False when s cannot start a byline prefix: its first two characters are
 * letters that fold to themselves in lower case and begin none of the
 * prefixes.  Spares the fold (and its tables' first fill) for nearly every
 * block, among them those of the first screen.
 */
static bool
may_start_prefix(const char *s, size_t n)
{
	static const uint32_t starts[][2] = { { 'w', 'r' }, { 'b', 'y' }, { 'p', 'o' },
		{ 'p', 'u' }, { 0x430, 0x432 }, { 0x442, 0x435 }, { 0x442, 0x44D } };
	const unsigned char *u = (const unsigned char *)s;
	size_t k, k2;
	uint32_t a = plain_letter(u, n, &k), b;

	if (a == 0)
		return true;
	b = plain_letter(u + k, n - k, &k2);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(starts); i++)
		if (a == starts[i][0] && (b == 0 || b == starts[i][1]))
			return true;
	return false;
}

/* Length of a byline prefix ("By ", "Автор:") at s, compared case-insensitively. */
static size_t
by_prefix(const char *s, size_t n)
{
	struct strbuf key = STRBUF_INIT;
	size_t len = 0;

	if (!may_start_prefix(s, n))
		return 0;
	fold_key(s, GLOSS_MIN(n, (size_t)32), &key);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(by_prefixes) && !len; i++) {
		size_t k = strlen(by_prefixes[i]);

		/* the prefixes have the same byte length in the text as in the key */
		if (key.len >= k && memcmp(key.buf, by_prefixes[i], k) == 0 && k <= n)
			len = k;
	}
	strbuf_done(&key);
	return len;
}

/* Where the name ends: a comma, a dash, a bar, a digit, a month name, "(". */
static size_t
name_end(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len = text_decode(s + i, n - i, &cp);

		if (cp == ',' || cp == '|' || cp == '(' || cp == ';' || cp == 0x2014 ||
		    cp == 0x2013 || cp == 0x00B7 || cp == 0x2022 || cp == '\n' || (cp >= '0' && cp <= '9'))
			return i;
		if (uc_is_alpha(cp) && (i == 0 || s[i - 1] == ' ')) {
			size_t j = i;
			struct strbuf key = STRBUF_INIT;
			int m;

			while (j < n && is_letter_at(s + j, n - j))
				j += (size_t)text_cplen(s + j, n - j);
			fold_key(s + i, j - i, &key);
			m = month_of(key.buf, key.len);
			strbuf_done(&key);
			/* "May" is also a name: a month only when a number follows */
			if (m && (m != 5 || (j + 1 < n && s[j] == ' ' && s[j + 1] >= '0' && s[j + 1] <= '9')))
				return i;
			i = j;
			continue;
		}
		i += (size_t)len;
	}
	return n;
}

static bool
trim_char(uint32_t cp)
{
	return cp == ' ' || cp == '.' || cp == ':' || cp == '-' || cp == '*' || cp == '_' ||
	    cp == 0x2013 || cp == 0x2014 || cp == 0xA0;
}

/* Trims spaces and stray punctuation at both ends of s[*a..*z). */
static void
trim(const char *s, size_t *a, size_t *z)
{
	uint32_t cp;

	while (*a < *z && text_decode(s + *a, *z - *a, &cp) > 0 && trim_char(cp))
		*a += (size_t)text_cplen(s + *a, *z - *a);
	while (*z > *a) {
		size_t p = *z - 1;

		while (p > *a && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		text_decode(s + p, *z - p, &cp);
		/* keep the full stop of an initial ("J.") */
		if (!trim_char(cp) || (cp == '.' && p >= *a + 2 && s[p - 2] == ' '))
			break;
		*z = p;
	}
}

char *
meta_parse_author(const char *s, size_t n)
{
	size_t a = 0, z;

	if (n > SHORT_MAX)
		n = SHORT_MAX;
	a = by_prefix(s, n);
	z = a + name_end(s + a, n - a);
	trim(s, &a, &z);
	if (z <= a) {
		const char *by = memmem(s, n, " by ", 4);	/* "Posted on March 3, 2024 by X" */

		if (by == NULL || by + 4 >= s + n)
			return NULL;
		return meta_parse_author(by + 1, n - (size_t)(by + 1 - s));
	}
	return xstrndup(s + a, z - a);
}


/* ------------------------------------------------------------------ */
/* Blocks */

/* A short title from a long first paragraph: its first line and sentence, cut at a word. */
static char *
title_from_text(const char *s, size_t n)
{
	size_t i = 0, cps = 0, last_space = 0;
	const char *nl = memchr(s, '\n', n);

	if (nl)
		n = (size_t)(nl - s);
	while (i < n && cps < TITLE_MAX) {
		uint32_t cp;
		int len = text_decode(s + i, n - i, &cp);

		if ((cp == '.' || cp == '!' || cp == '?') && (i + 1 == n || s[i + 1] == ' ') && cps > 20)
			return xstrndup(s, i + 1);
		if (cp == ' ')
			last_space = i;
		i += (size_t)len;
		cps++;
	}
	if (i >= n)
		return xstrndup(s, n);
	return xasprintf("%.*s…", (int)(last_space ? last_space : i), s);
}

/* "Title | Section | Site" (a page's <title> line): its longest part; else all of s. */
static char *
title_without_site(const char *s, size_t n)
{
	size_t a = 0, best = 0, best_len = 0;

	for (;;) {
		const char *bar = memmem(s + a, n - a, " | ", 3);
		size_t z = bar ? (size_t)(bar - s) : n;

		if (z - a > best_len) {
			best = a;
			best_len = z - a;
		}
		if (bar == NULL)
			break;
		a = z + 3;
	}
	return xstrndup(s + best, best_len);
}

static bool
substantial(const struct doc_block *b)
{
	int words = 0;

	if (b->flags & DOC_BLOCK_FURNITURE)
		return false;
	for (uint32_t i = 0; i < b->len && words < 3; i++)
		if (b->text[i] != ' ' && (i == 0 || b->text[i - 1] == ' '))
			words++;
	return words >= 3;
}

/*
 * Fields from one block: classified kinds first, then the fallbacks.  With
 * title_only, the author and the date are not looked for (the title never
 * depends on them).
 */
static void
block_fields(struct meta *m, const struct doc_block *b, bool classified, enum doc_format fmt,
    bool title_only)
{
	char date[META_DATE_MAX];

	if (classified) {
		if (b->kind == DOC_TITLE && !m->title)
			m->title = title_without_site(b->text, b->len);
		else if (b->kind == DOC_BYLINE && !m->author && !title_only)
			m->author = meta_parse_author(b->text, b->len);
		if (!title_only && (b->kind == DOC_DATE || b->kind == DOC_BYLINE) && !m->date &&
		    meta_parse_date(b->text, b->len, date))
			m->date = xstrdup(date);
		return;
	}
	if (!m->title && ((b->kind == DOC_HEADING && b->len <= SHORT_MAX) ||
	    (fmt == DOC_FORMAT_TEXT && b->kind == DOC_PARAGRAPH && substantial(b))))
		m->title = title_from_text(b->text, b->len);
	if (b->len > SHORT_MAX || title_only)
		return;
	if (!m->author && by_prefix(b->text, b->len))
		m->author = meta_parse_author(b->text, b->len);
	for (size_t i = 0; i < b->len && !m->date; ) {
		const char *nl = memchr(b->text + i, '\n', b->len - i);
		size_t len = nl ? (size_t)(nl - (b->text + i)) : b->len - i;

		if (len <= DATE_LINE_MAX && meta_parse_date(b->text + i, len, date))
			m->date = xstrdup(date);
		i += len + 1;
	}
}

static void
scan_blocks(struct doc *doc, struct meta *m, bool classified, bool title_only)
{
	struct doc_loc loc;
	int n = 0;

	if (!doc_first(doc, &loc))
		return;
	do {
		const struct doc_block *b = doc_block(doc, loc);

		if (b == NULL || loc.chunk > 0)
			break;
		block_fields(m, b, classified, doc_format(doc), title_only);
	} while (++n < SCAN_BLOCKS && doc_next(doc, &loc));
}

static void
read_fields(struct doc *doc, struct meta *out, bool title_only)
{
	memset(out, 0, sizeof *out);
	meta_front_read(doc, out, NULL);
	meta_read_origin(doc, out);
	scan_blocks(doc, out, true, title_only);
	if (!out->title || (!title_only && (!out->author || !out->date)))
		scan_blocks(doc, out, false, title_only);
	if (!out->title) {
		const char *name = doc_path(doc), *slash = strrchr(name, '/');

		out->title = xstrdup(slash ? slash + 1 : name);
	}
}

void
meta_read(struct doc *doc, struct meta *out)
{
	read_fields(doc, out, false);
}

/* The title alone: no author or date parsed (the reader's first screen waits for it). */
char *
meta_title(struct doc *doc)
{
	struct meta m;
	char *title;

	read_fields(doc, &m, true);
	title = m.title;
	m.title = NULL;
	meta_done(&m);
	return title;
}

void
meta_done(struct meta *m)
{
	free(m->title);
	free(m->author);
	free(m->date);
	free(m->url);
	free(m->lang);
	free(m->tags);
	memset(m, 0, sizeof *m);
}
