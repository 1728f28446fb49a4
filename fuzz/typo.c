/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo — fuzzes the typographic line-breaking rules: typo_override_at()
 * (what the layout asks where a line would break) agrees with the array
 * of typo_overrides() at every byte, for the rules chosen by the first two
 * bytes; the overrides are UC_BREAK_* or TYPO_BREAK_* values; URLs found by typo_url_next() lie inside the text and
 * follow each other; and layout_wrap() at a width from the third byte
 * keeps every non-space byte in a line no wider than the width (unless the
 * line is one cluster).
 */
#include "gloss/gloss.h"

#include <unilbrk.h>
#include <unigbrk.h>
#include <unistr.h>

#include "gloss/layout.h"
#include "gloss/text.h"
#include "gloss/typo.h"
#include "fuzz.h"

static void
check_overrides(const char *s, size_t n, unsigned rules)
{
	char *o = malloc(n ? n : 1);

	typo_overrides(s, n, rules, o);
	for (size_t i = 0; i < n; i++) {
		fuzz_assert(o[i] == UC_BREAK_UNDEFINED || o[i] == UC_BREAK_PROHIBITED || o[i] == UC_BREAK_POSSIBLE ||
		    o[i] == TYPO_BREAK_SOFT || o[i] == TYPO_BREAK_FIRM, "an override is a UC_BREAK_* or TYPO_BREAK_* value");
		fuzz_assert(typo_override_at(s, n, rules, i) == o[i], "typo_override_at agrees with typo_overrides");
	}
	free(o);
}

static void
check_urls(const char *s, size_t n)
{
	size_t from = 0, a, z, last = 0;

	while (from < n && typo_url_next(s, n, from, &a, &z)) {
		fuzz_assert(a >= from && a < z && z <= n, "a URL lies inside the text, after where the search began");
		fuzz_assert(a >= last, "URLs follow each other");
		last = z;
		from = z;
	}
}

static void
check_wrap(const char *s, size_t n, unsigned rules, int width)
{
	struct layout_opts o = layout_defaults(width);
	struct layout_line *v;
	size_t lines;
	uint32_t prev = 0;

	o.rules = rules;
	lines = layout_wrap(s, n, &o, &v);
	for (size_t i = 0; i < lines; i++) {
		const uint8_t *p = (const uint8_t *)s + v[i].start;

		fuzz_assert(v[i].start >= prev && v[i].start <= v[i].end && v[i].end <= n, "lines in order, inside");
		fuzz_assert(v[i].width <= width || u8_grapheme_next(p, p + (v[i].end - v[i].start)) ==
		    p + (v[i].end - v[i].start), "no line wider than the width unless one cluster");
		fuzz_assert(fuzz_gap_ok(s, prev, v[i].start), "between lines only spaces, line ends and soft hyphens");
		prev = v[i].end;
	}
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int widths[] = { 1, 2, 4, 9, 16, 30, 60, 100 };
	unsigned rules;
	const char *s;
	size_t n;

	if (size < 3)
		return 0;
	rules = (unsigned)(data[0] | data[1] << 8) & (TYPO_DEFAULT | TYPO_R1_SHORT2);
	s = (const char *)data + 3;
	n = size - 3;
	if (!text_valid(s, n) || memchr(s, '\0', n))	/* block texts are valid UTF-8 without NUL */
		return 0;
	check_overrides(s, n, rules);
	check_urls(s, n);
	check_wrap(s, n, rules, widths[data[2] % GLOSS_ARRAY_SIZE(widths)]);
	return 0;
}
