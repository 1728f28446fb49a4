/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_lbrk — layout_linebreaks() gives libunistring's array exactly, and
 * with TYPO_UAX151 the array corrected by typo_uax151(): the stretches of
 * plain words it fills itself and the runs of the library between them.  Exact arrays of small texts, every text of the corpus and
 * of the fuzzers' plain-text inputs whole, and 200,000 random texts over
 * letters, spaces and the characters whose rules look past spaces or
 * attach to what is before them (brackets, quotation marks, combining
 * marks, ZW, ZWJ, NBSP, digits, line ends, Hebrew, CJK, flags).
 */
#include "gloss/gloss.h"

#include <dirent.h>
#include <unilbrk.h>

#include "gloss/layout.h"
#include "gloss/strbuf.h"
#include "gloss/typo.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

#define RANDOM_TEXTS 200000
#define RANDOM_MAX 24		/* pieces per random text */

static bool
same_as_library_with(const char *s, size_t n, unsigned rules, size_t *at)
{
	char *want = xmalloc(n + 1), *got = xmalloc(n + 1);
	bool same = true;

	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", want);
	if (rules & TYPO_UAX151)
		typo_uax151(s, n, want);
	layout_linebreaks(s, n, rules, got);
	*at = n;
	for (size_t i = 0; i < n && same; i++) {
		if (want[i] != got[i]) {
			*at = i;
			same = false;
		}
	}
	free(want);
	free(got);
	return same;
}

/*
 * Whether layout_linebreaks(s) is the library's array, with and without
 * typo_uax151() after it; the first difference in *at.
 */
static bool
same_as_library(const char *s, size_t n, size_t *at)
{
	return same_as_library_with(s, n, TYPO_NONE, at) &&
	    same_as_library_with(s, n, TYPO_UAX151, at);
}

static void
check_text(const char *what, const char *s, size_t n)
{
	size_t at;
	bool same = same_as_library(s, n, &at);

	ok(same, "%s: the library's break array (%zu bytes%s%zu)", what, n,
	    same ? "" : ", first difference at ", same ? (size_t)0 : at);
}

/* The array of s as digits: 1 prohibited, 2 possible, 3 mandatory. */
static void
check_array(const char *s, const char *want)
{
	size_t n = strlen(s);
	char *p = xmalloc(n + 1), *got = xmalloc(n + 1);

	layout_linebreaks(s, n, TYPO_NONE, p);
	for (size_t i = 0; i < n; i++)
		got[i] = (char)('0' + p[i]);
	got[n] = '\0';
	ok(strcmp(got, want) == 0, "array of \"%s\": %s (want %s)", tap_esc(s), got, want);
	free(p);
	free(got);
}

static void
test_arrays(void)
{
	check_array("ab cd ef", "11121121");
	check_array("Жук і  жаба", "1111111211121111111");
	check_array("( ab cd", "1111121");
	check_array("ab ( cd", "1112111");
	check_array("ab, cd ef", "111121121");
	check_array("ab\ncd ef", "11311121");
	check_text("a combining mark after a space", "a \xcc\x81" "b cd", 8);
}

/* Texts of pieces that the fast path and the library must agree on. */
static const char *const pieces[] = {
	"a", "b", "Z", "word", "Жук", "ё", "ї", "ў", "ѣ", "ґ", " ", " ", " ", " ", "  ",
	",", ".", "-", "–", "—", "/", "(", ")", "[", "]", "{", "\"", "'", "«", "»", "„", "“",
	"”", "‘", "’", "‹", "1", "42", "%", "$", "!", "?", ":", ";", "\n", "\r", "\r\n", "\t",
	"\xcc\x81", "\xe2\x80\x8b", "\xe2\x80\x8d", "\xc2\xa0", "\xe2\x80\xaf", "\xe2\x81\xa0",
	"\xc2\xad", "\xe2\x80\x8c", "😀", "🇺🇦", "中", "א", "ש", "ก", "、", "。", "‐", "…",
	"\xd2\x83", "é", "ß", "ﬁ",
};

static uint32_t seed = 12345;

static uint32_t
next_random(void)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) & 0xFFFFFF;
}

static void
test_random(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t npieces = sizeof pieces / sizeof pieces[0], at = 0, bad = 0;
	char first[200] = "";

	for (int t = 0; t < RANDOM_TEXTS; t++) {
		int k = (int)(next_random() % RANDOM_MAX);

		strbuf_reset(&sb);
		for (int j = 0; j < k; j++) {
			uint32_t r = next_random();
			/* half the pieces letters or a space, as in prose */
			const char *piece = r % 2 ? (r & 2 ? " " : pieces[(r >> 2) % 10]) :
			    pieces[(r >> 1) % npieces];

			strbuf_adds(&sb, piece);
		}
		if (!same_as_library(sb.buf ? sb.buf : "", sb.len, &at) && bad++ == 0)
			snprintf(first, sizeof first, "%s (at %zu)", tap_esc(sb.buf), at);
	}
	ok(bad == 0, "%d random texts: the library's array (%zu differ; first: %s)",
	    RANDOM_TEXTS, bad, first);
	strbuf_done(&sb);
}

static void
test_dir(const char *sub)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/%s", top ? top : ".", sub);
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	while (d && (e = readdir(d)) != NULL) {
		char *path, *s;
		size_t len;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if ((s = tap_slurp(path, &len)) != NULL) {
			check_text(path, s, len);
			files++;
		}
		free(s);
		free(path);
	}
	if (d)
		closedir(d);
	ok(files > 0, "%s: %d files compared", sub, files);
	free(dir);
}

int
main(void)
{
	test_arrays();
	test_random();
	test_dir("corpus");
	test_dir("fuzz/corpus/plain");
	test_dir("fuzz/corpus/typo");
	return tap_done();
}
