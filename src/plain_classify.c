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
 *   title    in the first chunk, before the body starts, the first short line
 *            that does not end like a sentence and is not furniture;
 *   heading  a short single line, capitalised, not ending like a sentence,
 *            followed by a body paragraph;
 *   furniture (a flag) site furniture by the curated patterns below, short
 *            lines repeated in the chunk, short lines between two furniture
 *            lines; the first of a caption given twice is flagged DUPLICATE.
 * The pager folds furniture and duplicates away (docs/folding.md).
 */
#include "gloss/gloss.h"

#include <pthread.h>

#include <ctype.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "plain_int.h"

#define BODY_MIN 200		/* bytes: a paragraph this long is body text */
#define SHORT_MAX 200		/* bytes: bylines, captions, titles */
#define HEADING_MAX 120
#define FRONT_BLOCKS 24		/* title/byline/date are looked for this far */

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

/* Is the code point before byte i of low[0..n) (or at byte i) a letter or digit? */
static bool
alnum_before(const uint8_t *low, size_t i)
{
	uint32_t cp = 0;
	size_t k = i;

	if (i == 0)
		return false;
	while (k > 0 && (low[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0)
		k--;
	text_decode((const char *)low + k, i - k, &cp);
	return uc_is_alnum(cp);
}

static bool
alnum_at(const uint8_t *low, size_t n, size_t i)
{
	uint32_t cp = 0;

	if (i >= n)
		return false;
	text_decode((const char *)low + i, n - i, &cp);
	return uc_is_alnum(cp);
}

/* Does low[0..n) contain needle, as whole words if words is set? */
static bool
has_needle(const uint8_t *low, size_t n, const char *needle, bool words)
{
	const char *at = (const char *)low;
	size_t k = strlen(needle);

	while ((at = strstr(at, needle)) != NULL) {
		size_t i = (size_t)(at - (const char *)low);

		if (!words || (!alnum_before(low, i) && !alnum_at(low, n, i + k)))
			return true;
		at++;
	}
	return false;
}

/*
 * A line lower-cased once for several needle tests (at most its first 400
 * bytes): by hand when it is ASCII, else with u8_tolower.
 */
struct lowered {
	uint8_t *s;
	size_t n;
	char buf[1024];
};

static bool
lower(const char *s, size_t n, struct lowered *l)
{
	size_t len = sizeof l->buf - 1, i;
	bool ascii = true;

	if (n > 400) {
		n = 400;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;	/* not inside a character */
	}
	for (i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	l->s = (uint8_t *)l->buf;
	if (ascii) {
		for (i = 0; i < n; i++)
			l->buf[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
		len = n;
	} else {
		l->s = u8_tolower((const uint8_t *)s, n, NULL, NULL, (uint8_t *)l->buf, &len);
		if (l->s == NULL)
			return false;
		if (l->s != (uint8_t *)l->buf)
			l->s = xreallocarray(l->s, len + 1, 1);	/* room for the NUL */
	}
	l->s[len] = '\0';
	l->n = len;
	return true;
}

static void
lowered_done(struct lowered *l)
{
	if (l->s != (uint8_t *)l->buf)
		free(l->s);
}

/* Does the lowered line contain one of the needles (lower case, any script), as whole words if words is set? */
static bool
lowered_has(const struct lowered *l, const char *const *needles, size_t count, bool words)
{
	for (size_t i = 0; i < count; i++)
		if (has_needle(l->s, l->n, needles[i], words))
			return true;
	return false;
}

/* Does the lowered line start with one of the prefixes? */
static bool
lowered_starts(const struct lowered *l, const char *const *prefixes, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (l->n >= strlen(prefixes[i]) && memcmp(l->s, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* Case-insensitive test that s contains one of the needles, as whole words if words is set. */
static bool
contains_needles(const char *s, size_t n, const char *const *needles, size_t count, bool words)
{
	struct lowered l;
	bool found;

	if (!lower(s, n, &l))
		return false;
	found = lowered_has(&l, needles, count, words);
	lowered_done(&l);
	return found;
}

static bool
contains_any(const char *s, size_t n, const char *const *needles, size_t count)
{
	return contains_needles(s, n, needles, count, false);
}

static uint32_t
first_cp(const char *s, size_t n)
{
	uint32_t cp = 0;

	if (n > 0)
		text_decode(s, n, &cp);
	return cp;
}

static uint32_t
last_cp(const char *s, size_t n)
{
	size_t i = n;
	uint32_t cp = 0;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		text_decode(s + i - 1, n - i + 1, &cp);
	return cp;
}

static int
count_words(const char *s, size_t n)
{
	int words = 0;
	bool in = false;

	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

static bool
ends_like_sentence(const char *s, size_t n)
{
	uint32_t cp = last_cp(s, n);

	return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == 0x2026;
}

/* ------------------------------------------------------------------ */
/* Furniture (the curated list; docs/folding.md describes the rules) */

#define FURNITURE_MAX 160	/* bytes: a longer line is never furniture by pattern */
#define FURNITURE_LONG_MAX 400	/* bytes: for the unmistakable appeals */
#define WEAK_WORDS 6		/* a weak pattern folds only a line this short */
#define REPEAT_MIN 3		/* a short line seen this often in a chunk is furniture */
#define REPEAT_MAX 80		/* bytes */
#define REPEAT_WORDS 8
#define SANDWICH_MAX 120	/* bytes: a line between two furniture lines */
#define SANDWICH_WORDS 12

/* Unmistakable: anywhere in a line of up to FURNITURE_MAX bytes, sentence or not. */
static const char *const furniture_strong[] = {
	"top of page", "bottom of page", "skip to content", "skip to main content",
	"edit post", "* indicates required", "indicates required", "enter your email",
	"enter correct email", "successfuly subscribed", "successfully subscribed",
	"subscribe to the newsletter", "subscribe to our newsletter", "sign up for our newsletter",
	"thank you for signing up", "sent you a confirmation email",
	"become a member", "gift membership", "gift a membership", "support us",
	"audio is created with ai", "listen to this article", "share this article",
	"accept cookies", "this site uses cookies", "this website uses cookies",
	"подпишитесь на", "підпишіться на",
};

/* Donation and membership appeals: anywhere in a line of up to FURNITURE_LONG_MAX bytes. */
static const char *const furniture_appeals[] = {
	"funded by our readers", "readers like you", "help fund our", "help us get",
	"makes a financial contribution", "support independent journalism",
	"support our journalism", "make a donation", "donate now", "consider gifting",
	"поддержите нас", "поддержать нас", "підтримайте нас", "підтримати нас",
};

/* Weak: as whole words, only in a line of at most WEAK_WORDS words not ending like a sentence. */
static const char *const furniture_weak[] = {
	"subscribe", "subscribed", "newsletter", "sign in", "log in", "sign up", "cookies",
	"advertisement", "read more", "related articles", "editors' picks", "editor's picks",
	"most read", "mastercard", "share on", "share this", "print this",
	"подписаться", "подпишитесь", "поделиться", "реклама", "войти",
	"підписатися", "підпишіться", "поділитися", "реклама", "увійти",
};

/* The whole line (punctuation aside) is one of these. */
static const char *const furniture_lines[] = {
	"share", "print", "email", "menu", "search", "donate", "comments", "facebook", "twitter",
	"telegram", "whatsapp", "печать", "распечатать", "друк", "поширити",
};

/* A line that starts with one of these is furniture ("Читайте также: …"). */
static const char *const furniture_prefixes[] = {
	"read also", "see also:", "читайте также", "читать также", "читайте також",
	"читати також", "смотрите также", "дивіться також",
};

/* Does the line end like a sentence of the article (., !, ?, …)? */
static bool
ends_sentence(const char *s, size_t n)
{
	uint32_t cp;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	cp = last_cp(s, n);
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x201D ||
	    cp == 0x00BB;
}

/* s is one of the words, once punctuation and spaces around it are dropped. */
static bool
whole_line_is_any(const char *s, size_t n, const char *const *words, size_t count)
{
	while (n > 0 && (unsigned char)s[0] < 0x80 && !isalnum((unsigned char)s[0])) {
		s++;
		n--;
	}
	while (n > 0 && (unsigned char)s[n - 1] < 0x80 && !isalnum((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n > 24)
		return false;
	return count_words(s, n) == 1 && contains_needles(s, n, words, count, true);
}

/*
 * A quick "maybe": the set of the first three bytes of every needle of the
 * furniture lists, hashed into a bitmap, so that a line in which no
 * position starts any needle (nearly every line of an article) is passed
 * over in one scan instead of one strstr a needle.
 */
#define TRIGRAM_BITS 8192
static unsigned char trigrams[TRIGRAM_BITS / 8];
static pthread_once_t trigrams_once = PTHREAD_ONCE_INIT;

static unsigned
trigram(const uint8_t *s)
{
	return ((unsigned)s[0] * 31u * 31u + (unsigned)s[1] * 31u + s[2]) % TRIGRAM_BITS;
}

static void
trigrams_add(const char *const *needles, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		unsigned h = trigram((const uint8_t *)needles[i]);	/* every needle has 3+ bytes */

		trigrams[h / 8] |= (unsigned char)(1u << (h % 8));
	}
}

static void
trigrams_init(void)
{
	trigrams_add(furniture_strong, GLOSS_ARRAY_SIZE(furniture_strong));
	trigrams_add(furniture_appeals, GLOSS_ARRAY_SIZE(furniture_appeals));
	trigrams_add(furniture_weak, GLOSS_ARRAY_SIZE(furniture_weak));
	trigrams_add(furniture_lines, GLOSS_ARRAY_SIZE(furniture_lines));
	trigrams_add(furniture_prefixes, GLOSS_ARRAY_SIZE(furniture_prefixes));
}

/* False only if no furniture needle can start anywhere in the lowered line. */
static bool
lowered_maybe(const struct lowered *l)
{
	pthread_once(&trigrams_once, trigrams_init);
	for (size_t i = 0; i + 3 <= l->n; i++) {
		unsigned h = trigram(l->s + i);

		if (trigrams[h / 8] & (1u << (h % 8)))
			return true;
	}
	return false;
}

bool
plain_is_furniture(const char *s, size_t n)
{
	struct lowered l;
	bool yes;

	if (n == 0 || n > FURNITURE_LONG_MAX || !lower(s, n, &l))
		return false;
	yes = lowered_maybe(&l) && (lowered_has(&l, furniture_appeals, GLOSS_ARRAY_SIZE(furniture_appeals), false) ||
	    (n <= FURNITURE_MAX &&
	    (lowered_has(&l, furniture_strong, GLOSS_ARRAY_SIZE(furniture_strong), false) ||
	    lowered_starts(&l, furniture_prefixes, GLOSS_ARRAY_SIZE(furniture_prefixes)) ||
	    whole_line_is_any(s, n, furniture_lines, GLOSS_ARRAY_SIZE(furniture_lines)) ||
	    (count_words(s, n) <= WEAK_WORDS && !ends_sentence(s, n) &&
	    lowered_has(&l, furniture_weak, GLOSS_ARRAY_SIZE(furniture_weak), true)))));
	lowered_done(&l);
	return yes;
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

static bool
has_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((s[i] == '1' || s[i] == '2') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
		    s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
		    (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9'))
			return true;
	}
	return false;
}

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
	if (n == 0 || n > 48 || !has_year(s, n))
		return false;
	if (numeric_date(s, n))
		return true;
	return count_words(s, n) <= 7 && contains_any(s, n, months, GLOSS_ARRAY_SIZE(months));
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
	    starts_with(s, n, "Текст:") || starts_with(s, n, "Written by ");
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
	"Photo:", "Photo by ", "Source:", "Credit:", "Image:", "Фото:", "Фото ", "Источник:",
	"Джерело:", "Крыніца:",
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

				if (pn <= SHORT_MAX && !plain_is_furniture(p, pn))
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
		    count_words(s, n) <= REPEAT_WORDS && !ends_sentence(s, n))
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

/* A short line between two furniture lines, not a sentence, is furniture (a newsletter's name). */
static void
mark_sandwiched(struct cls *c)
{
	for (uint32_t i = c->lo + 1; i + 1 < c->hi; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (is_plain_paragraph(c, i) && !is_furniture_at(c, i) && is_furniture_at(c, i - 1) &&
		    is_furniture_at(c, i + 1) && n <= SANDWICH_MAX &&
		    count_words(s, n) <= SANDWICH_WORDS && !ends_sentence(s, n))
			doc_build_flag_at(c->b, i, DOC_BLOCK_FURNITURE);
	}
}

static bool
title_candidate(const char *s, size_t n)
{
	int words;

	if (n > SHORT_MAX)
		return false;
	words = count_words(s, n);
	return words >= 2 && words <= 30 && !ends_like_sentence(s, n) && !plain_is_furniture(s, n);
}

/* The title is the first block that is neither furniture nor a date/byline, if it looks like one. */
static void
mark_title(struct cls *c)
{
	for (uint32_t i = c->lo; i + 1 < c->hi && i < c->lo + FRONT_BLOCKS; i++) {
		size_t n;
		const char *s = text_at(c, i, &n);

		if (kind_at(c, i) == DOC_DATE || kind_at(c, i) == DOC_BYLINE ||
		    (doc_build_flags_at(c->b, i) & DOC_BLOCK_FURNITURE))
			continue;
		if (!is_plain_paragraph(c, i) || !title_candidate(s, n))
			return;
		doc_build_retag(c->b, i, DOC_TITLE, 1);
		if (is_plain_paragraph(c, i + 1)) {
			s = text_at(c, i + 1, &n);
			if (is_name_with_role(s, n))
				doc_build_retag(c->b, i + 1, DOC_BYLINE, 0);
		}
		return;
	}
}

static bool
heading_candidate(const char *s, size_t n)
{
	uint32_t first, last;

	if (n == 0 || n > HEADING_MAX || count_words(s, n) > 15)
		return false;
	first = first_cp(s, n);
	last = last_cp(s, n);
	if (!uc_is_upper(first) && !(first >= '0' && first <= '9'))
		return false;
	if (ends_like_sentence(s, n) || last == ')' || last == 0x201D || last == '"')
		return false;
	return !plain_is_furniture(s, n);
}

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
		    next_len >= BODY_MIN / 2)
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
	mark_sandwiched(&c);
	if (flags & DOC_PARSE_FIRST)
		mark_title(&c);
	mark_headings(&c);
}
