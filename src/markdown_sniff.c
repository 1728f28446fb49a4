/*
 * markdown_sniff — decides whether a file without a Markdown extension is
 * Markdown, from the Markdown signals in its first bytes.
 *
 * Plain-text articles share some of Markdown's shapes: "* item" and "1."
 * lists, "> " quoted mail, "=====" under a title, "<https://…>" around
 * links.  Those are weak signals.  Strong signals are what plain text
 * almost never has: ATX headings set apart by a blank line, **strong**,
 * [text](url), fenced code, <sup>, footnote references [^x].  Each kind
 * of signal scores up to a cap, and the file is Markdown when the score
 * reaches SNIFF_THRESHOLD, at least STRONG_MIN of it comes from strong
 * signals, and at least two kinds of signal were seen.
 */
#include "gloss/gloss.h"

#include <strings.h>

#include "gloss/markdown.h"

#define SNIFF_THRESHOLD 6
#define STRONG_MIN 3

enum signal {
	SIG_ATX, SIG_STRONG, SIG_LINK, SIG_FENCE, SIG_SUP, SIG_FOOTNOTE,	/* strong */
	SIG_SETEXT, SIG_AUTOLINK, SIG_QUOTE, SIG_LIST,				/* weak */
	SIG_COUNT
};

#define SIG_FIRST_WEAK SIG_SETEXT

static const struct {
	int weight, cap;
} signal_score[SIG_COUNT] = {
	[SIG_ATX] = { 3, 6 },
	[SIG_STRONG] = { 2, 4 },
	[SIG_LINK] = { 3, 6 },
	[SIG_FENCE] = { 3, 6 },
	[SIG_SUP] = { 2, 4 },
	[SIG_FOOTNOTE] = { 3, 6 },
	[SIG_SETEXT] = { 2, 2 },
	[SIG_AUTOLINK] = { 1, 2 },
	[SIG_QUOTE] = { 1, 2 },
	[SIG_LIST] = { 1, 2 },
};

struct sline {
	const char *s;		/* after up to three spaces of indentation */
	size_t n;
	bool blank;
};

static bool
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t
count_run(const char *s, size_t n, char c)
{
	size_t i = 0;

	while (i < n && s[i] == c)
		i++;
	return i;
}

/* "# Heading": one to six '#', a space, then text. */
static bool
atx_heading(const struct sline *l)
{
	size_t k = count_run(l->s, l->n, '#');

	return k >= 1 && k <= 6 && k + 1 < l->n && l->s[k] == ' ' && l->s[k + 1] != ' ';
}

/* "===" or "---" and nothing else. */
static bool
setext_line(const struct sline *l)
{
	size_t k;

	if (l->n == 0 || (l->s[0] != '=' && l->s[0] != '-'))
		return false;
	k = count_run(l->s, l->n, l->s[0]);
	return k >= 3 && is_blank(l->s + k, l->n - k);
}

/* "- item", "* item", "+ item", "12. item", "3) item". */
static bool
list_item(const struct sline *l)
{
	size_t k;

	if (l->n >= 3 && strchr("-*+", l->s[0]) && l->s[1] == ' ' && l->s[2] != ' ')
		return true;
	for (k = 0; k < l->n && k < 4 && is_digit(l->s[k]); k++)
		;
	return k > 0 && k < 4 && k + 2 < l->n && (l->s[k] == '.' || l->s[k] == ')') &&
	    l->s[k + 1] == ' ';
}

static bool
fence(const struct sline *l)
{
	return l->n >= 3 && (strncmp(l->s, "```", 3) == 0 || strncmp(l->s, "~~~", 3) == 0);
}

/* "**text**" or "__text__" with no space just inside the markers. */
static int
count_strong(const char *s, size_t n)
{
	int found = 0;
	size_t i = 0;

	while (i + 4 < n) {
		char c = s[i];
		size_t j;

		if ((c != '*' && c != '_') || s[i + 1] != c || s[i + 2] == ' ' || s[i + 2] == c) {
			i++;
			continue;
		}
		for (j = i + 3; j + 1 < n && !(s[j] == c && s[j + 1] == c); j++)
			;
		if (j + 1 < n && s[j - 1] != ' ') {
			found++;
			i = j + 2;
		} else {
			i += 2;
		}
	}
	return found;
}

/* "[text](target)" with a target that has no spaces. */
static int
count_links(const char *s, size_t n)
{
	int found = 0;

	for (size_t i = 0; i + 3 < n; i++) {
		const char *open, *close;

		if (s[i] != ']' || s[i + 1] != '(' || s[i + 2] == ' ' || s[i + 2] == ')')
			continue;
		open = memrchr(s, '[', i);
		close = memchr(s + i + 2, ')', n - i - 2);
		if (open && close && !memchr(s + i + 2, ' ', (size_t)(close - (s + i + 2))))
			found++;
	}
	return found;
}

/* Occurrences of "<sup>", "[^label]" and "<http…>" in a line. */
static void
count_inline(const char *s, size_t n, int *count)
{
	size_t k = 0;

	/* most lines of prose hold none of the characters inline signals start with */
	while (k < n && s[k] != '<' && s[k] != '[' && s[k] != ']' && s[k] != '*' && s[k] != '_')
		k++;
	if (k == n)
		return;
	for (size_t i = k; i < n; i++) {
		if (s[i] == '<' && n - i >= 5 && strncasecmp(s + i, "<sup>", 5) == 0)
			count[SIG_SUP]++;
		if (s[i] == '<' && n - i >= 9 && (strncmp(s + i, "<http://", 8) == 0 ||
		    strncmp(s + i, "<https://", 9) == 0)) {
			const char *end = memchr(s + i, '>', n - i);

			if (end && !memchr(s + i, ' ', (size_t)(end - (s + i))))
				count[SIG_AUTOLINK]++;
		}
		if (s[i] == '[' && i + 3 < n && s[i + 1] == '^') {
			const char *end = memchr(s + i + 2, ']', GLOSS_MIN(n - i - 2, (size_t)32));

			if (end && end > s + i + 2 && !memchr(s + i, ' ', (size_t)(end - (s + i))))
				count[SIG_FOOTNOTE]++;
		}
	}
	count[SIG_STRONG] += count_strong(s, n);
	count[SIG_LINK] += count_links(s, n);
}

/* The line starting at s[*pos]; *pos moves past its end. */
static struct sline
next_line(const char *s, size_t n, size_t *pos)
{
	struct sline l;
	const char *nl = memchr(s + *pos, '\n', n - *pos);
	size_t end = nl ? (size_t)(nl - s) : n, i = *pos;

	while (i < end && i - *pos < 3 && s[i] == ' ')
		i++;
	l.s = s + i;
	l.n = end - i;
	l.blank = is_blank(l.s, l.n);
	*pos = nl ? end + 1 : n;
	return l;
}

/* Line-shaped signals; prev and next are the neighbouring lines. */
static void
count_line(const struct sline *prev, const struct sline *l, const struct sline *next,
    int *count)
{
	if (atx_heading(l) && prev->blank && !atx_heading(next))
		count[SIG_ATX]++;
	else if (setext_line(l) && !prev->blank && !list_item(prev) && next->blank)
		count[SIG_SETEXT]++;
	else if (fence(l))
		count[SIG_FENCE]++;
	else if (l->n >= 2 && l->s[0] == '>' && l->s[1] == ' ')
		count[SIG_QUOTE]++;
	else if (list_item(l))
		count[SIG_LIST]++;
	count_inline(l->s, l->n, count);
}

bool
markdown_sniff(const char *s, size_t n)
{
	int count[SIG_COUNT] = { 0 };
	struct sline prev = { "", 0, true }, cur, next;
	size_t pos = 0;
	int score = 0, strong = 0, kinds = 0;

	if (n == 0)
		return false;
	cur = next_line(s, n, &pos);
	for (;;) {
		bool last = pos >= n;

		next = last ? (struct sline){ "", 0, true } : next_line(s, n, &pos);
		count_line(&prev, &cur, &next, count);
		if (last)
			break;
		prev = cur;
		cur = next;
	}
	for (int i = 0; i < SIG_COUNT; i++) {
		int points = GLOSS_MIN(GLOSS_MIN(count[i], 100) * signal_score[i].weight,
		    signal_score[i].cap);

		score += points;
		strong += i < SIG_FIRST_WEAK ? points : 0;
		kinds += count[i] > 0;
	}
	return score >= SNIFF_THRESHOLD && strong >= STRONG_MIN && kinds >= 2;
}

/* Whether the file name ends in a Markdown extension. */
static bool
has_markdown_extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	static const char *const ext[] = { ".md", ".markdown", ".mdown", ".mkd", ".mkdn" };

	if (dot == NULL)
		return false;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(ext); i++)
		if (strcasecmp(dot, ext[i]) == 0)
			return true;
	return false;
}

bool
markdown_claims(const char *path, const char *src, uint64_t size)
{
	size_t sniff = size < 16384 ? (size_t)size : 16384;

	return has_markdown_extension(path) ||
	    (size <= MARKDOWN_SNIFF_MAX && markdown_sniff(src, sniff));
}
