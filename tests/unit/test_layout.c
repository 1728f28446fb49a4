/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_layout — the wrapping core (typo + layout).
 *
 * Every typographic rule (R1–R11) is checked with exact lines at several
 * widths, usually next to plain UAX #14 (TYPO_NONE) to show what the rule
 * changes.  Lines are rendered as "line|line-|line": soft hyphens are
 * dropped as the display drops them and '-' is added where a line breaks
 * at one.  Every wrap is also checked for the invariants of layout.h.  The
 * corpus is wrapped at widths 20..100 and compared with a slow reference
 * fitter that uses the fully merged break array, and typo_override_at()
 * is compared with typo_overrides() at every position.
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <time.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "gloss/layout.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/typo.h"
#include "../lib/tap.h"

#define D TYPO_DEFAULT
#define N TYPO_NONE

/* ------------------------------------------------------------------ */
/* Rendering and invariants. */

static int
text_width(const char *s, size_t a, size_t b, enum glyph_mode mode)
{
	int w = 0;
	uint32_t prev = a > 0 ? (unsigned char)s[a - 1] : 0;

	if (a > 0 && prev >= 0x80) {	/* the code point before a, for glyph_width_after() */
		size_t k = a - 1;

		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		text_decode(s + k, a - k, &prev);
	}
	while (a < b) {
		uint32_t cp;

		a += (size_t)text_decode(s + a, b - a, &cp);
		w += glyph_width_after(prev, cp, mode);
		prev = cp;
	}
	return w;
}

/* The gap between two lines: spaces at a soft break, a SHY at a hyphen. */
static bool
gap_ok(const char *s, const struct layout_line *l, size_t next, char *why, size_t whylen)
{
	size_t a = l->end;

	if (l->hyphen) {
		if (next - a < 2 || (unsigned char)s[a] != 0xC2 || (unsigned char)s[a + 1] != 0xAD)
			return snprintf(why, whylen, "hyphen without a SHY at %zu", a), false;
		a += 2;
	}
	while (a < next && s[a] == ' ')
		a++;
	if (a == next)
		return true;
	if (s[a] == '\r' && a + 1 < next)
		a++;
	if (s[a] == '\n' && a + 1 == next)
		return true;
	snprintf(why, whylen, "gap %u..%zu is not spaces or a line end", l->end, next);
	return false;
}

/* s[0..n) is one flag: two regional indicators (one cluster, which u8_grapheme_next splits). */
static bool
flag(const char *s, size_t n)
{
	return n == 8 && memcmp(s, "\xF0\x9F\x87", 3) == 0 && memcmp(s + 4, "\xF0\x9F\x87", 3) == 0 &&
	    (unsigned char)s[3] >= 0xA6 && (unsigned char)s[7] >= 0xA6;
}

/* Checks the layout.h invariants; on failure, says why. */
static bool
lines_ok(const char *s, size_t len, const struct layout_line *l, size_t n, int width,
    enum glyph_mode mode, char *why, size_t whylen)
{
	size_t k;

	if (n == 0 || l[0].start != 0)
		return snprintf(why, whylen, "no lines or first line not at 0"), false;
	for (k = 0; k < n; k++) {
		size_t next = k + 1 < n ? l[k + 1].start : len;
		int w = text_width(s, l[k].start, l[k].end, mode) + l[k].hyphen;

		if (l[k].start > l[k].end || l[k].end > next || next > len)
			return snprintf(why, whylen, "line %zu: bad range", k), false;
		if (w != l[k].width)
			return snprintf(why, whylen, "line %zu: width %d, counted %d", k,
			    l[k].width, w), false;
		if (w > width && u8_grapheme_next((const uint8_t *)s + l[k].start,
		    (const uint8_t *)s + l[k].end) != (const uint8_t *)s + l[k].end &&
		    !flag(s + l[k].start, l[k].end - l[k].start))
			return snprintf(why, whylen, "line %zu: %d columns", k, w), false;
		if (k + 1 < n && !gap_ok(s, &l[k], next, why, whylen))
			return false;
		if (k + 1 < n && s[next] == ' ' && s[next - 1] != '\n')
			return snprintf(why, whylen, "line %zu starts with a space", k + 1), false;
	}
	if (k > 0 && !gap_ok(s, &l[n - 1], len, why, whylen))
		return false;
	return true;
}

static void
render(const char *s, const struct layout_line *l, size_t n, struct strbuf *out)
{
	size_t k, i;

	for (k = 0; k < n; k++) {
		if (k)
			strbuf_addc(out, '|');
		for (i = l[k].start; i < l[k].end; i++) {
			if ((unsigned char)s[i] == 0xC2 && i + 1 < l[k].end &&
			    (unsigned char)s[i + 1] == 0xAD)
				i++;
			else
				strbuf_addc(out, s[i]);
		}
		if (l[k].hyphen)
			strbuf_addc(out, '-');
	}
}

/* Wraps and renders s; an invariant failure is appended to the result. */
static char *
wrap_mode(const char *s, int width, unsigned rules, enum glyph_mode mode)
{
	struct layout_opts o = layout_defaults(width);
	struct layout_line *l;
	struct strbuf out = STRBUF_INIT;
	char why[160];
	size_t n, len = strlen(s);

	o.rules = rules;
	o.mode = mode;
	n = layout_wrap(s, len, &o, &l);
	render(s, l, n, &out);
	if (!lines_ok(s, len, l, n, width, mode, why, sizeof(why)))
		strbuf_addf(&out, " [invariant: %s]", why);
	free(l);
	return strbuf_detach(&out, NULL);
}

static void
wrap_is(const char *s, int width, unsigned rules, const char *want, const char *what)
{
	char *got = wrap_mode(s, width, rules, GLYPH_UTF8);

	is_str(got, want, "%s @%d %s", what, width, rules == N ? "plain" : "rules");
	free(got);
}

/* Line widths of s at width, as "w,w,w". */
static char *
widths(const char *s, int width, unsigned rules)
{
	struct layout_opts o = layout_defaults(width);
	struct layout_line *l;
	struct strbuf out = STRBUF_INIT;
	size_t n, k;

	o.rules = rules;
	n = layout_wrap(s, strlen(s), &o, &l);
	for (k = 0; k < n; k++)
		strbuf_addf(&out, "%s%d", k ? "," : "", l[k].width);
	free(l);
	return strbuf_detach(&out, NULL);
}

static void
widths_are(const char *s, int width, const char *want, const char *what)
{
	char *got = widths(s, width, D);

	is_str(got, want, "%s @%d: widths", what, width);
	free(got);
}

/* ------------------------------------------------------------------ */
/* The rules. */

static void
test_r1(void)
{
	wrap_is("Кот сидел в корзине", 12, N, "Кот сидел в|корзине", "R1 ru");
	wrap_is("Кот сидел в корзине", 12, D, "Кот сидел|в корзине", "R1 ru");
	wrap_is("Кот сидел в корзине", 20, D, "Кот сидел в корзине", "R1 ru");
	wrap_is("Ми їхали з Києва і Львова", 10, N, "Ми їхали з|Києва і|Львова", "R1 uk");
	wrap_is("Ми їхали з Києва і Львова", 10, D, "Ми їхали|з Києва|і Львова", "R1 uk");
	wrap_is("Ён пайшоў ў горад і ў вёску", 12, N, "Ён пайшоў ў|горад і ў|вёску", "R1 be");
	wrap_is("Ён пайшоў ў горад і ў вёску", 12, D, "Ён пайшоў|ў горад|і ў вёску", "R1 be");
	wrap_is("Привет. А потом мы ушли", 9, N, "Привет. А|потом мы|ушли", "R1 capital");
	wrap_is("Привет. А потом мы ушли", 9, D, "Привет.|А потом|мы ушли", "R1 capital");
	/* Only standalone words: not з'їзд, not "и,". */
	wrap_is("Був з'їзд партії", 12, D, "Був з'їзд|партії", "R1 apostrophe word");
	wrap_is("Був з’їзд партії", 12, D, "Був з’їзд|партії", "R1 apostrophe word");
	wrap_is("Був зʼїзд партії", 12, D, "Був зʼїзд|партії", "R1 apostrophe word");
	wrap_is("Да и, да и нет", 5, N, "Да и,|да и|нет", "R1 with comma");
	wrap_is("Да и, да и нет", 5, D, "Да и,|да|и нет", "R1 with comma");
	/* English "a" and "I" are not in the list. */
	wrap_is("I saw a cat", 5, D, "I saw|a cat", "R1 not English");
	wrap_is("I saw a cat", 7, D, "I saw a|cat", "R1 not English");
}

/* Soft glue: the words stay together unless the line would be left under half full. */
static void
test_r1_short2(void)
{
	const unsigned no2 = D & ~TYPO_R1_SHORT2;

	wrap_is("Мы шли на север от дома", 9, N, "Мы шли на|север от|дома", "R1 two letters");
	wrap_is("Мы шли на север от дома", 9, no2, "Мы шли на|север от|дома", "R1 two letters off");
	wrap_is("Мы шли на север от дома", 9, D, "Мы шли|на север|от дома", "R1 two letters ru");
	wrap_is("Ми йшли та співали", 10, D, "Ми йшли|та співали", "R1 two letters uk");
	wrap_is("Ми знали, що він прийде", 12, D, "Ми знали,|що він|прийде", "R1 two letters uk що");
	wrap_is("Ён ішоў па вуліцы да хаты", 12, N, "Ён ішоў па|вуліцы да|хаты", "R1 two letters be");
	wrap_is("Ён ішоў па вуліцы да хаты", 12, D, "Ён ішоў|па вуліцы|да хаты", "R1 two letters be");
	wrap_is("Jon pajšoŭ na vulicu ŭ horad", 12, N, "Jon pajšoŭ|na vulicu ŭ|horad",
	    "R1 Łacinka");
	wrap_is("Jon pajšoŭ na vulicu ŭ horad", 12, D, "Jon pajšoŭ|na vulicu|ŭ horad", "R1 Łacinka");
	/* Pronouns and verbs of two letters are not glued: a line may end after them. */
	wrap_is("Вчера он пришёл", 9, D, "Вчера он|пришёл", "R1 pronoun not glued");
	wrap_is("Тут є хата", 6, D, "Тут є|хата", "R1 verb є not glued");
	/* The glue gives way rather than leave a line under half full. */
	wrap_is("Он на переправе стоял", 10, D, "Он на|переправе|стоял", "R1 two letters give way");
	wrap_is("Смелый воин на переправе стоял", 17, N, "Смелый воин на|переправе стоял",
	    "R1 two letters hold");
	wrap_is("Смелый воин на переправе стоял", 17, D, "Смелый воин|на переправе|стоял",
	    "R1 two letters hold");
}

static void
test_r1c(void)
{
	wrap_is("Он пришёл бы сюда", 10, N, "Он пришёл|бы сюда", "R1c бы");
	wrap_is("Он пришёл бы сюда", 10, D, "Он|пришёл бы|сюда", "R1c бы");
	wrap_is("Знаешь ли, она же ушла", 8, N, "Знаешь|ли, она|же ушла", "R1c ли же");
	wrap_is("Знаешь ли, она же ушла", 8, D, "Знаешь|ли,|она же|ушла", "R1c ли же");
	wrap_is("Если б знал", 6, D, "Если б|знал", "R1c б");
	wrap_is("Если б знал", 4, D, "Если|б|знал", "R1c б, glue gives way");
	wrap_is("Ну скажи ли правду", 8, D, "Ну|скажи ли|правду", "R1c ли");
	wrap_is("Ну скажи Ли правду", 8, D, "Ну скажи|Ли|правду", "R1c not capitalised");
}

static void
test_r2(void)
{
	wrap_is("Вот она — наша мама", 8, N, "Вот она|— наша|мама", "R2 spaced em dash");
	wrap_is("Вот она — наша мама", 8, D, "Вот|она —|наша|мама", "R2 spaced em dash");
	wrap_is("Вот она — наша мама", 11, D, "Вот она —|наша мама", "R2 spaced em dash");
	wrap_is("Вот она – наша мама", 8, N, "Вот она|– наша|мама", "R2 en dash");
	wrap_is("Вот она – наша мама", 8, D, "Вот|она –|наша|мама", "R2 en dash");
	wrap_is("Вот она - наша мама", 8, D, "Вот|она -|наша|мама", "R2 hyphen as dash");
	wrap_is("Москва—Минск—Киев", 12, N, "Москва—Минск|—Киев", "R2 unspaced");
	wrap_is("Москва—Минск—Киев", 12, D, "Москва—|Минск—Киев", "R2 unspaced");
	wrap_is("1941—1945 годы", 6, D, "1941—|1945|годы", "R2 after a digit");
	wrap_is("— Да, — сказал он.", 8, D, "— Да, —|сказал|он.", "R2 dash opens the text");
	wrap_is("Конец.\n— Да, — сказал он.", 8, D, "Конец.|— Да, —|сказал|он.",
	    "R2 dash after a line break");
}

static void
test_r3(void)
{
	wrap_is("Вчера А. С. Пушкин написал", 12, N, "Вчера А. С.|Пушкин|написал", "R3 initials");
	wrap_is("Вчера А. С. Пушкин написал", 12, D, "Вчера|А. С. Пушкин|написал", "R3 initials");
	wrap_is("Вчера А. С. Пушкин написал", 10, D, "Вчера|А. С.|Пушкин|написал",
	    "R3 initials wider than the line");
	wrap_is("сделал Пушкин А. С. вчера", 14, N, "сделал Пушкин|А. С. вчера", "R3 surname first");
	wrap_is("сделал Пушкин А. С. вчера", 14, D, "сделал|Пушкин А. С.|вчера", "R3 surname first");
	wrap_is("сделал Пушкин А. С.", 14, D, "сделал|Пушкин А. С.", "R3 surname at the end");
	wrap_is("Встретил Президент А. Г. Лукашенко", 18, D, "Встретил Президент|А. Г. Лукашенко",
	    "R3 title word not glued");
	wrap_is("Текст написал А.Г.Лукашенко", 16, N, "Текст написал А.|Г.Лукашенко", "R3 compact");
	wrap_is("Текст написал А.Г.Лукашенко", 16, D, "Текст написал|А.Г.Лукашенко", "R3 compact");
	wrap_is("Лекцию читал проф. Иванов", 18, N, "Лекцию читал проф.|Иванов", "R3 проф.");
	wrap_is("Лекцию читал проф. Иванов", 18, D, "Лекцию читал|проф. Иванов", "R3 проф.");
	wrap_is("Пришёл г-н Петров", 10, N, "Пришёл г-н|Петров", "R3 г-н");
	wrap_is("Пришёл г-н Петров", 10, D, "Пришёл|г-н Петров", "R3 г-н");
	wrap_is("Виступив академік Кримський", 17, D, "Виступив академік|Кримський",
	    "R3 spelled-out title");
	wrap_is("Written by J. R. R. Tolkien today", 16, N, "Written by J. R.|R. Tolkien today",
	    "R3 English initials");
	wrap_is("Written by J. R. R. Tolkien today", 16, D, "Written by|J. R. R. Tolkien|today",
	    "R3 English initials");
	wrap_is("Смотри с. Иванова тут", 9, D, "Смотри с.|Иванова|тут", "R3 с. is not an initial");
	wrap_is("Смотри С. Иванова тут", 9, D, "Смотри|С.|Иванова|тут", "R3 С. is an initial");
}

static void
test_r4(void)
{
	wrap_is("Урожай составил 20 тонн зерна", 19, N, "Урожай составил 20|тонн зерна", "R4 unit");
	wrap_is("Урожай составил 20 тонн зерна", 19, D, "Урожай составил|20 тонн зерна", "R4 unit");
	wrap_is("Это было в 2022 г. летом", 16, N, "Это было в 2022|г. летом", "R4 year");
	wrap_is("Это было в 2022 г. летом", 16, D, "Это было|в 2022 г. летом", "R4 year");
	wrap_is("Роман написан в XIX в. автором", 18, N, "Роман написан в|XIX в. автором", "R4 century");
	wrap_is("Роман написан в XIX в. автором", 18, D, "Роман написан|в XIX в. автором",
	    "R4 century");
	wrap_is("Рост составил 5 % за год", 15, N, "Рост составил 5|% за год", "R4 percent");
	wrap_is("Рост составил 5 % за год", 15, D, "Рост составил|5 % за год", "R4 percent");
	wrap_is("Смотри № 5 и § 3 ниже", 8, N, "Смотри №|5 и § 3|ниже", "R4 № §");
	wrap_is("Смотри № 5 и § 3 ниже", 8, D, "Смотри|№ 5|и § 3|ниже", "R4 № §");
	wrap_is("Цена 5 000 рублей", 12, N, "Цена 5 000|рублей", "R4 digit groups");
	wrap_is("Цена 5 000 рублей", 12, D, "Цена|5 000 рублей", "R4 digit groups");
	wrap_is("Цена 5 000 рублей", 8, D, "Цена|5 000|рублей", "R4 glue gives way");
	wrap_is("Walked 5 km today", 8, N, "Walked 5|km today", "R4 English unit");
	wrap_is("Walked 5 km today", 8, D, "Walked|5 km|today", "R4 English unit");
	wrap_is("In 2020 the war began", 7, D, "In 2020|the war|began", "R4 not a function word");
	wrap_is("У 1917 р. було", 9, D, "У 1917 р.|було", "R4 uk year");
	wrap_is("Площа 20 см³ тут", 10, D, "Площа|20 см³ тут", "R4 unit with a superscript");
	wrap_is("Площа 20 см³ тут", 10, N, "Площа 20|см³ тут", "R4 unit with a superscript");
}

/*
 * The widths lo..hi at which a line breaks at the first space of pair in s
 * (while the pair itself fits on a line), as "w w w" ("" if none).
 */
static char *
broken_at(const char *s, const char *pair, int lo, int hi)
{
	const char *at = strstr(s, pair);
	size_t sp = (size_t)(at - s) + (size_t)(strchr(pair, ' ') - pair) + 1;
	struct strbuf out = STRBUF_INIT;
	int width;

	for (width = lo; width <= hi; width++) {
		struct layout_opts o = layout_defaults(width);
		struct layout_line *l;
		size_t n = layout_wrap(s, strlen(s), &o, &l), k;

		for (k = 1; k < n; k++) {
			if (l[k].start == sp)
				strbuf_addf(&out, "%s%d", out.len ? " " : "", width);
		}
		free(l);
	}
	return strbuf_detach(&out, NULL);
}

static void
kept_is(const char *s, const char *pair, int lo, int hi, const char *want)
{
	char *got = broken_at(s, pair, lo, hi);

	is_str(got, want, "\"%s\" broken at widths %d..%d", pair, lo, hi);
	free(got);
}

/* Numbers and what they count, soft (issue 14's cases). */
static void
test_r4_soft(void)
{
	static const char para[] =
	    "Дело возбуждено по статье (ч. 2. ст. 411 УК) в отношении него, сообщили в "
	    "суде. Паводле перапісу (перапіс 2004 г.) у вёсцы жылі 30 чалавек. Зборнік "
	    "(т. 4) выйшаў у в. Карані, за 3 кіламетраў ад горада, 2 студзеня. Він "
	    "народився 17 лютого, а вона 30 августа; війна 1990–1991 рр. скінчилася.";

	wrap_is("Гэта было каля 3 кіламетраў ад вёскі", 17, N,
	    "Гэта было каля 3|кіламетраў ад|вёскі", "R4 soft be");
	wrap_is("Гэта было каля 3 кіламетраў ад вёскі", 17, D,
	    "Гэта было каля|3 кіламетраў|ад вёскі", "R4 soft be");
	wrap_is("Он родился 30 августа 1950 года", 16, N, "Он родился 30|августа 1950|года",
	    "R4 soft day and month");
	wrap_is("Он родился 30 августа 1950 года", 16, D, "Он родился|30 августа|1950 года",
	    "R4 soft day and month");
	wrap_is("Зборнік (т. 4) выйшаў", 10, N, "Зборнік|(т. 4)|выйшаў", "R4 т. 4");
	wrap_is("Дело (ч. 2. ст. 411 УК)", 14, N, "Дело (ч. 2.|ст. 411 УК)", "R4 ст. 411");
	wrap_is("Справа (ч. 2. ст. 411 УК)", 10, N, "Справа (ч.|2. ст. 411|УК)", "R4 ст. 411");
	wrap_is("Справа (ч. 2. ст. 411 УК)", 10, D, "Справа|(ч. 2.|ст. 411|УК)", "R4 ст. 411");
	wrap_is("Дело (ч. 2. ст. 411 УК)", 9, D, "Дело (ч.|2. ст.|411 УК)",
	    "R4 ст. 411 gives way (the line would be under half full)");
	wrap_is("Вёска в. Карані", 10, N, "Вёска в.|Карані", "R4 в. name");
	wrap_is("Вёска в. Карані", 10, D, "Вёска|в. Карані", "R4 в. name");
	wrap_is("Тривала війна 1990–1991 рр.", 14, N, "Тривала війна|1990–1991 рр.",
	    "R4 range");
	wrap_is("Війна 1990–1991 рр. тривала", 8, N, "Війна|1990–|1991 рр.|тривала", "R4 range");
	wrap_is("Війна 1990–1991 рр. тривала", 9, D, "Війна|1990–1991|рр.|тривала",
	    "R4 range, glue gives way");
	wrap_is("Див. розділ 5. Далі", 10, D, "Див.|розділ 5.|Далі", "R4 last number");
	wrap_is("Смотри См. раздел 3", 10, D, "Смотри|См. раздел|3", "R4 см.");
	wrap_is("Ми бачили 5 млн людей", 13, D, "Ми бачили|5 млн людей", "R4 млн");
	wrap_is("Found 3 others", 8, D, "Found 3|others", "R4 soft: Cyrillic words only");
	/* At every width from 17 to 100 where the pair fits on a line. */
	kept_is(para, "3 кіламетраў", 17, 100, "");
	kept_is(para, "30 августа", 17, 100, "");
	kept_is(para, "2 студзеня", 17, 100, "");
	kept_is(para, "17 лютого", 17, 100, "19");	/* "народився" alone would be under half */
	kept_is(para, "ст. 411", 17, 100, "");
	kept_is(para, "ч. 2.", 17, 100, "");
	kept_is(para, "(т. 4)", 17, 100, "");
	kept_is(para, "2004 г.)", 17, 100, "");
	kept_is(para, "1990–1991 рр.", 17, 100, "");
	kept_is(para, "30 чалавек", 17, 100, "");
}

/* A short last word of a sentence stays with the word before it (soft). */
static void
test_last(void)
{
	static const char para[] =
	    "Мы долго шли по лесу и к вечеру вышли к реке, сказал он. Потом мы сидели "
	    "у костра до утра, и никто не спал всю ночь. Я помню это. А ты? Так було й "
	    "тоді, казав він! Пра гэта ўспомніў ён.";

	wrap_is("Такое дело сказал он.", 14, N, "Такое дело|сказал он.", "LAST ru");
	wrap_is("Такое дело сказал он.", 18, N, "Такое дело сказал|он.", "LAST ru");
	wrap_is("Такое дело сказал он.", 18, D, "Такое дело|сказал он.", "LAST ru");
	wrap_is("Так було, казав він!", 16, N, "Так було, казав|він!", "LAST uk");
	wrap_is("Так було, казав він!", 16, D, "Так було,|казав він!", "LAST uk");
	wrap_is("Пра гэта нам успомніў ён.", 22, N, "Пра гэта нам успомніў|ён.", "LAST be");
	wrap_is("Пра гэта нам успомніў ён.", 22, D, "Пра гэта нам|успомніў ён.", "LAST be");
	wrap_is("Пра гэта ўспомніў ён.", 17, D, "Пра гэта ўспомніў|ён.",
	    "LAST gives way (the line would be under half full)");
	wrap_is("said he.", 6, D, "said|he.", "LAST not English");
	wrap_is("said he.", 8, D, "said he.", "LAST not English");
	kept_is(para, "сказал он.", 20, 100, "");
	kept_is(para, "помню это.", 20, 100, "");
	kept_is(para, "казав він!", 20, 100, "");
	kept_is(para, "ўспомніў ён.", 24, 100, "");
}

/* Emoji sequences: one cluster, as wide as its first character; nothing dropped. */
static void
test_emoji(void)
{
	static const char family[] = "\U0001F469\u200D\U0001F469\u200D\U0001F467";
	static const char rainbow[] = "\U0001F3F3\uFE0F\u200D\U0001F308";
	char s[64];

	snprintf(s, sizeof(s), "%s ab", family);
	widths_are(s, 40, "5", "ZWJ family + ab");
	wrap_is(s, 4, D, "\U0001F469\u200D\U0001F469\u200D\U0001F467|ab", "ZWJ family @4");
	snprintf(s, sizeof(s), "%s \U0001F44D\U0001F3FD x", rainbow);
	widths_are(s, 40, "6", "flag, thumbs up with a skin tone");
	wrap_is("\u2764\uFE0F ok", 10, D, "\u2764\uFE0F ok", "VS16 kept");
	/* Flags: a run of regional indicators is cut between pairs only. */
	wrap_is("\U0001F1E7\U0001F1FE\U0001F1FA\U0001F1E6\U0001F1F5", 1, D,
	    "\U0001F1E7\U0001F1FE|\U0001F1FA\U0001F1E6|\U0001F1F5", "RI pairs @1");
	wrap_is("\U0001F1E7\U0001F1FE\U0001F1FA\U0001F1E6\U0001F1F5", 3, D,
	    "\U0001F1E7\U0001F1FE|\U0001F1FA\U0001F1E6\U0001F1F5", "RI pairs @3");
	widths_are("\U0001F1E7\U0001F1FE x", 40, "4", "a flag is two columns");
	/* An emoji tag sequence (Scotland): the tags take no column and never start a line. */
	snprintf(s, sizeof(s), "ab \U0001F3F4%s cd",
	    "\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F");
	widths_are(s, 40, "8", "tag sequence");
	{
		char want[128];

		snprintf(want, sizeof(want), "ab|\U0001F3F4%s|cd",
		    "\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F");
		wrap_is(s, 2, D, want, "tag sequence @2");
	}
}

/* UAX #14 of Unicode 15.1 where libunistring 1.0 is older (TYPO_UAX151), LB29. */
static void
test_uax151(void)
{
	const unsigned old = D & ~TYPO_UAX151;

	/* LB15 is gone: a closing quote, a space and an opening bracket may break. */
	wrap_is("\u201CПеразімаваць\u201D (2017) is a film", 17, old,
	    "\u201CПеразімаваць\u201D|(2017) is a film",
	    "LB15 old: the cut avoids the number and the brackets");
	wrap_is("\u201CПеразімаваць\u201D (2017) is a film", 17, D,
	    "\u201CПеразімаваць\u201D|(2017) is a film", "LB15 of 15.1");
	wrap_is("\u201CПеразімаваць\u201D (2017) is a film", 20, old,
	    "\u201CПеразімаваць\u201D|(2017) is a film", "LB15 old: no lone bracket");
	wrap_is("\u201CПеразімаваць\u201D (2017) is a film", 20, D,
	    "\u201CПеразімаваць\u201D|(2017) is a film", "LB15 of 15.1");
	wrap_is("about Беларусью.\u201D [Ukraine is here", 17, D,
	    "about Беларусью.\u201D|[Ukraine is here", "LB15 of 15.1, bracket");
	wrap_is("say \"yes\" (now)", 9, D, "say \"yes\"|(now)", "LB15 of 15.1, ASCII quote");
	/* LB15a: no break after an opening quote and its space; LB15b: none before a closing one. */
	wrap_is("he said \u201C again\u201D", 9, N, "he said \u201C|again\u201D", "LB15a old");
	wrap_is("he said \u201C again\u201D", 9, D, "he said|\u201C again\u201D", "LB15a");
	wrap_is("he said \u201Cagain \u201D ok", 14, N, "he said \u201Cagain|\u201D ok", "LB15b old");
	wrap_is("he said \u201Cagain \u201D ok", 14, D, "he said|\u201Cagain \u201D ok", "LB15b");
	/* LB29: IS × AL for symbols too. */
	wrap_is("в Мінск.</strong> x", 9, N, "в Мінск.|</strong>|x", "LB29 old");
	wrap_is("в Мінск.</strong> x", 9, D, "в|Мінск.</|strong> x", "LB29 IS × AL");
	wrap_is("the Drama&#39;&#39;) x", 16, N, "the Drama&#39;|&#39;) x", "LB29 old");
	wrap_is("the Drama&#39;&#39;) x", 16, D, "the|Drama&#39;&#39;)|x", "LB29 IS × AL");
	/* LB29 for the AL symbols beyond ASCII. */
	wrap_is("x abc.\u00A9def", 9, N, "x abc.|\u00A9def", "LB29 old, copyright sign");
	wrap_is("x abc.\u00A9def", 9, D, "x|abc.\u00A9def", "LB29 IS × AL, copyright sign");
	wrap_is("x abc,\u00A7def", 9, D, "x|abc,\u00A7def", "LB29 IS × AL, section sign");
	wrap_is("x abc.\u2192def", 9, N, "x abc.|\u2192def", "LB29 old, arrow");
	wrap_is("x abc.\u2192def", 9, D, "x|abc.\u2192def", "LB29 IS × AL, arrow");
	/* LB9 and LB8 in the quotation rules: a mark belongs to its quote, ZW keeps its break. */
	wrap_is("ab \"\u0308 (cd)", 5, D, "ab \"\u0308|(cd)", "LB15 of 15.1, QU CM SP OP");
	wrap_is("ab \u00AB\u0308 cd", 5, D, "ab|\u00AB\u0308 cd", "LB15a, Pi CM SP");
	wrap_is("ab\u200B \u00BB cd", 3, D, "ab\u200B|\u00BB|cd", "LB8 before LB15b");
	wrap_is("say \u201Cyes\u201D \u2329now\u232A", 9, D, "say \u201Cyes\u201D|\u2329now\u232A",
	    "LB15 of 15.1, an OP beyond ASCII");
	/* LB15c (SP ÷ IS NU) is Unicode 16.0: 15.1 keeps "equals .35" whole. */
	wrap_is("equals .35 x", 8, D, "equals .|35 x", "no LB15c in 15.1");
	/* A word wider than the line: no lone bracket, no cut between digits when avoidable. */
	wrap_is("x (abcdefgh).", 5, N, "x|(abcd|efg|h).", "cut: no lone bracket");
	wrap_is("x ab1234", 5, D, "x|ab|1234", "cut: not inside a number that fits a line");
	wrap_is("x ab12345678", 5, D, "x|ab123|45678", "cut: a number wider than the line is cut");
}

static void
test_r5(void)
{
	wrap_is("Яблоки, груши и т. д. были", 17, N, "Яблоки, груши и|т. д. были", "R5 и т. д.");
	wrap_is("Яблоки, груши и т. д. были", 17, D, "Яблоки, груши|и т. д. были", "R5 и т. д.");
	wrap_is("Это, т. е. вот", 7, N, "Это, т.|е. вот", "R5 т. е.");
	wrap_is("Это, т. е. вот", 7, D, "Это,|т. е.|вот", "R5 т. е.");
	wrap_is("Яблука, груші та ін.", 17, N, "Яблука, груші та|ін.", "R5 та ін.");
	wrap_is("Яблука, груші та ін.", 17, D, "Яблука, груші|та ін.", "R5 та ін.");
	wrap_is("Это было до н. э. давно", 14, N, "Это было до н.|э. давно", "R5 н. э.");
	wrap_is("Это было до н. э. давно", 14, D & ~TYPO_R1_SHORT2, "Это было до|н. э. давно",
	    "R5 н. э.");
	wrap_is("Это было до н. э. давно", 14, D, "Это было|до н. э. давно", "R5 н. э. with до");
	wrap_is("Книги, журнали і т. ін.", 17, D, "Книги, журнали|і т. ін.", "R5 і т. ін.");
	wrap_is("и т. д.", 4, D, "и т.|д.", "R5 unit wider than the line");
}

static void
test_r6(void)
{
	wrap_is("Visit example.com today", 14, N, "Visit example.|com today", "R6 domain");
	wrap_is("Visit example.com today", 14, D, "Visit|example.com|today", "R6 domain");
	wrap_is("Он сказал,что придёт", 11, N, "Он сказал,|что придёт", "R6 comma");
	wrap_is("Он сказал,что придёт", 11, D, "Он|сказал,что|придёт", "R6 comma");
	wrap_is("Это, т.е. вот", 7, N, "Это, т.|е. вот", "R6 т.е.");
	wrap_is("Это, т.е. вот", 7, D, "Это,|т.е.|вот", "R6 т.е.");
	wrap_is("see e.g. that", 6, N, "see e.|g.|that", "R6 e.g.");
	wrap_is("see e.g. that", 6, D, "see|e.g.|that", "R6 e.g.");
	wrap_is("Time 12:30 now", 5, D, "Time|12:30|now", "R6 digits untouched");
}

static void
test_r7(void)
{
	wrap_is("В 1990-е годы", 7, N, "В 1990-|е годы", "R7 1990-е");
	wrap_is("В 1990-е годы", 7, D, "В|1990-е|годы", "R7 1990-е");
	wrap_is("В 1990-е годы", 8, D, "В 1990-е|годы", "R7 1990-е");
	wrap_is("Это 20-й век", 7, N, "Это 20-|й век", "R7 20-й");
	wrap_is("Это 20-й век", 7, D, "Это|20-й|век", "R7 20-й");
	wrap_is("Наша б-ка открыта", 7, N, "Наша б-|ка|открыта", "R7 б-ка");
	wrap_is("Наша б-ка открыта", 7, D, "Наша|б-ка|открыта", "R7 б-ка");
	wrap_is("Говорю по-русски", 10, N, "Говорю по-|русски", "R7 по-русски may break");
	wrap_is("Говорю по-русски", 10, D, "Говорю по-|русски", "R7 по-русски may break");
	wrap_is("Send an e-mail now", 10, N, "Send an e-|mail now", "R7 e-mail");
	wrap_is("Send an e-mail now", 10, D, "Send an|e-mail now", "R7 e-mail");
	wrap_is("Новый ж.-д. вокзал", 9, N, "Новый ж.-|д. вокзал", "R7 ж.-д.");
	wrap_is("Новый ж.-д. вокзал", 9, D, "Новый|ж.-д.|вокзал", "R7 ж.-д.");
	wrap_is("Наше изд-во тут", 9, D, "Наше|изд-во|тут", "R7 изд-во");
	wrap_is("Наше изд-во тут", 9, N, "Наше изд-|во тут", "R7 изд-во");
}

/* R8: no break inside a word with any of the three apostrophes. */
static void
test_r8(void)
{
	static const char *const words[] = { "з'їзд", "з’їзд", "зʼїзд", "пад'езд", "пам’ять" };
	size_t k, i;

	for (k = 0; k < GLOSS_ARRAY_SIZE(words); k++) {
		size_t len = strlen(words[k]);
		char p[32];
		bool inside = false;

		layout_breaks(words[k], len, D, p);
		for (i = 1; i < len; i++)
			inside |= p[i] == UC_BREAK_POSSIBLE;
		ok(!inside, "R8 no break inside %s", words[k]);
	}
	wrap_is("з'їзд з’їзд зʼїзд", 12, D, "з'їзд з’їзд|зʼїзд", "R8 three apostrophes");
}

static void
test_r9(void)
{
	wrap_is("xx авто\u00ADмобиль", 7, D, "xx|авто-|мобиль", "R9 SHY at the break");
	wrap_is("xx авто\u00ADмобиль", 8, D, "xx авто-|мобиль", "R9 SHY at the break");
	widths_are("xx авто\u00ADмобиль", 8, "8,6", "R9 the hyphen takes a column");
	wrap_is("Это авто\u00ADмобиль", 20, D, "Это автомобиль", "R9 SHY inside a line");
	widths_are("Это авто\u00ADмобиль", 20, "14", "R9 SHY inside a line is free");
	wrap_is("авто\u00ADмобиль", 4, D, "авто|моби|ль", "R9 no room for the hyphen");
}

static void
test_r10(void)
{
	wrap_is("Сумма 5\u202F000\u202F000 руб.", 15, N, "Сумма 5\u202F000\u202F000|руб.",
	    "R10 narrow NBSP");
	wrap_is("Сумма 5\u202F000\u202F000 руб.", 15, D, "Сумма|5\u202F000\u202F000 руб.",
	    "R10 narrow NBSP");
	widths_are("Сумма 5\u202F000\u202F000 руб.", 15, "5,14", "R10 narrow NBSP is one column");
	wrap_is("Сказал Г.\u00A0Иванов", 10, D, "Сказал|Г.\u00A0Иванов", "R10 NBSP is no space");
	wrap_is("Сказал Г.\u00A0Иванов", 8, D, "Сказал|Г.\u00A0Ивано|в", "R10 NBSP word is cut");
	wrap_is("a\u2060b c", 2, D, "a\u2060b|c", "R10 word joiner");
}

static void
test_r11(void)
{
	widths_are("Мо́сква", 6, "6", "R11 Мо́сква is six columns");
	wrap_is("Мо́сква", 6, D, "Мо́сква", "R11 stress mark");
	wrap_is("Мо́сква", 5, D, "Мо́скв|а", "R11 cut keeps the mark");
	wrap_is("Мо́сква", 2, D, "Мо́|ск|ва", "R11 cut keeps the mark");
	wrap_is("Мо́сква — столица", 8, D, "Мо́сква —|столица", "R11 with R2");
	wrap_is("пришла́ домой", 6, D, "пришла́|домой", "R11 mark at the end");
}

/* ------------------------------------------------------------------ */
/* Scripts, long words, line ends. */

static void
test_mixed(void)
{
	wrap_is("Lukashenko met Путин in Sochi, а потом уехал", 16, D,
	    "Lukashenko met|Путин in Sochi,|а потом уехал", "mixed English");
	wrap_is("The word \u00ABда\u00BB means yes", 10, D, "The word|\u00ABда\u00BB means|yes", "mixed quotes");
	wrap_is("中文字符测试", 5, D, "中文|字符|测试", "CJK");
	widths_are("中文字符测试", 5, "4,4,4", "CJK two columns each");
	wrap_is("中文字符测试", 1, D, "中|文|字|符|测|试", "CJK cluster wider than the line");
	widths_are("中文", 1, "2,2", "CJK cluster wider than the line");
	wrap_is("Hello 世界", 7, D, "Hello|世界", "CJK after English");
	wrap_is("Жук жил", 7, D, "Жук жил", "ASCII mode off");
	{
		char *got = wrap_mode("Жук жил", 7, D, GLYPH_ASCII);

		is_str(got, "Жук|жил", "ASCII mode: Ж is two columns");
		free(got);
	}
}

static void
test_long(void)
{
	wrap_is("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10, D, "aaaaaaaaaa|aaaaaaaaaa|aaaaaaaaaa",
	    "long word");
	wrap_is("Превысокомногорассмотрительствующий", 16, D,
	    "Превысокомногора|ссмотрительствую|щий", "long Cyrillic word");
	wrap_is("see aaaaaaaaaaaaaaa", 10, D, "see|aaaaaaaaaa|aaaaa", "long word after a short one");
	wrap_is("https://example.org/2023/10/05/report", 20, N,
	    "https://example.|org/2023/10/05/|report", "URL");
	wrap_is("https://example.org/2023/10/05/report", 20, D,
	    "https://example.org/|2023/10/05/report", "URL wider than the line: cut after '/'");
	wrap_is("См. https://tass.ru/politika/17974417 здесь", 16, D,
	    "См.|https://tass.ru/|politika/|17974417 здесь", "URL in Russian text");
	wrap_is("Source: https://tass.ru/politika/17974417 ok", 35, D,
	    "Source:|https://tass.ru/politika/17974417|ok", "a URL that fits a line moves whole");
	wrap_is("Source: https://tass.ru/politika/17974417 ok", 35, N,
	    "Source: https://tass.ru/|politika/17974417 ok", "plain UAX #14 breaks inside the URL");
	wrap_is("(<https://a.org/very-long-name-of-a-page>)", 20, D,
	    "(<https://a.org/|very-long-name-of-a-|page>)", "URL wider than the line: cut after '/' or '-'");
	wrap_is("www.example.com/a-b see", 12, D, "www.example.|com/a-b see", "www. URL");
	wrap_is("/usr/share/unicode/auxiliary/LineBreakTest.txt", 12, D,
	    "/usr/share/|unicode/|auxiliary/|LineBreakTes|t.txt", "path");
	wrap_is("А. Г. Лукашенко", 10, D, "А. Г.|Лукашенко", "glued unit wider than the line");
	wrap_is("Мы вошли в дом", 3, D, "Мы|вош|ли|в|дом", "glue gives way before a cut");
}

static void
test_breaks(void)
{
	wrap_is("int main()\n{\n    return 0;\n}", 20, D, "int main()|{|    return 0;|}",
	    "code keeps indentation");
	wrap_is("int main()\n{\n    return 0;\n}", 12, D, "int main()|{|    return|0;|}",
	    "code wraps after indentation");
	wrap_is("a\n\nb", 10, D, "a||b", "empty line");
	wrap_is("abc\n", 10, D, "abc", "final line end");
	wrap_is("\n", 10, D, "", "only a line end");
	wrap_is("a\r\nb", 10, D, "a|b", "CR LF");
	wrap_is("line  \nnext", 10, D, "line|next", "spaces before a line end");
	wrap_is("aaa bbb ccc", 7, D, "aaa bbb|ccc", "trailing space is free");
	wrap_is("aaa   bbb", 3, D, "aaa|bbb", "spaces at a break");
	wrap_is("  indented text", 10, D, "  indented|text", "leading spaces at the start");
	wrap_is("word   ", 4, D, "word", "trailing spaces at the end");
	{
		struct layout_opts o = layout_defaults(10);
		struct layout_line *l;
		size_t n = layout_wrap("", 0, &o, &l);

		ok(n == 1 && l[0].start == 0 && l[0].end == 0 && l[0].width == 0,
		    "empty text: one empty line");
		free(l);
	}
}

/* ------------------------------------------------------------------ */
/* Cache and helpers. */

static void
test_block(void)
{
	const char *text = "Мы вошли в дом и сели у окна, а кот остался с нами";
	struct doc_block b;
	struct layout_opts o = layout_defaults(20);
	const struct layout_line *l1, *l2, *l3;
	size_t n1, n2, n3;

	memset(&b, 0, sizeof(b));
	b.text = text;
	b.len = (uint32_t)strlen(text);
	l1 = layout_block(&b, &o, &n1);
	l2 = layout_block(&b, &o, &n2);
	ok(l1 == l2 && n1 == n2 && n1 == 3, "block: cached (%zu lines)", n1);
	o.width = 12;
	l3 = layout_block(&b, &o, &n3);
	ok(n3 == 6 && l3[1].start == 16, "block: new width recomputes (%zu lines)", n3);
	o.rules = TYPO_NONE;
	layout_block(&b, &o, &n3);
	ok(n3 == 5, "block: new rules recompute");
	o.mode = GLYPH_ASCII;
	l3 = layout_block(&b, &o, &n3);
	ok(n3 == 5 && l3[0].width == 11, "block: ASCII mode recomputes (%zu lines)", n3);
	is_int((long long)layout_line_at(l3, n3, 0), 0, "line_at: first byte");
	is_int((long long)layout_line_at(l3, n3, l3[2].start), 2, "line_at: start of a line");
	is_int((long long)layout_line_at(l3, n3, l3[2].start - 1), 1,
	    "line_at: the space at a break belongs to the line before");
	is_int((long long)layout_line_at(l3, n3, b.len), (long long)n3 - 1, "line_at: end");
	free(b.cache);
	o = layout_defaults(33);
	ok(o.width == 33 && o.rules == TYPO_DEFAULT && o.mode == GLYPH_UTF8, "defaults");
}

/* ------------------------------------------------------------------ */
/* A reference fitter: the algorithm of layout.h, written plainly over
 * the merged break array of layout_breaks(). */

struct ref {
	const char *s;
	size_t n;
	char *lib, *mer;
	int width;
};

static void
ref_set(struct layout_line *l, size_t a, size_t end, int w, int hy)
{
	l->start = (uint32_t)a;
	l->end = (uint32_t)end;
	l->width = (uint16_t)w;
	l->hyphen = (uint8_t)hy;
}

/* Between two digits, or before closing punctuation. */
static bool
ref_poor(const char *s, size_t n, size_t g)
{
	uint32_t cp;

	if (g == 0 || g >= n)
		return false;
	if (isdigit((unsigned char)s[g - 1]) && isdigit((unsigned char)s[g]))
		return true;
	if (s[g - 1] == '(' || s[g - 1] == '[' || s[g - 1] == '{')
		return true;
	text_decode(s + g, n - g, &cp);
	if (cp > 0 && cp < 0x80)
		return strchr(")]}.,;:!?", (int)cp) != NULL;
	return cp == 0x00BB || cp == 0x201D || cp == 0x2019 || cp == 0x2026;
}

static size_t
ref_cut(const struct ref *r, size_t a, struct layout_line *l)
{
	size_t g = a, vis_end = a, good = 0, good_end = 0;
	int col = 0, vis = 0, good_vis = 0;

	while (g < r->n) {
		size_t next = (size_t)(u8_grapheme_next((const uint8_t *)r->s + g,
		    (const uint8_t *)r->s + r->n) - (const uint8_t *)r->s);
		int w = text_width(r->s, g, next, GLYPH_UTF8);

		if (g > a && col + w > r->width)
			break;
		col += w;
		if (!(next - g == 1 && r->s[g] == ' ')) {
			vis = col;
			vis_end = next;
		}
		g = next;
		if (!ref_poor(r->s, r->n, g)) {
			good = g;
			good_end = vis_end;
			good_vis = vis;
		}
	}
	if (ref_poor(r->s, r->n, g) && good) {
		size_t e = good;

		while (e < r->n && r->s[e] != ' ' && r->lib[e] != UC_BREAK_MANDATORY)
			e++;
		if (text_width(r->s, good, e, GLYPH_UTF8) > r->width)
			good = 0;
	}
	if (ref_poor(r->s, r->n, g) && good) {
		g = good;
		vis_end = good_end;
		vis = good_vis;
	}
	ref_set(l, a, vis_end, vis, 0);
	while (g < r->n && r->s[g] == ' ')
		g++;
	return g;
}

static size_t
ref_line(const struct ref *r, size_t a, struct layout_line *l)
{
	size_t i = a, vis_end = a, best = 0, glue = 0, slash = 0, soft = 0, firm = 0, wd = 0;
	struct layout_line lb = { 0 }, lg = { 0 }, ls = { 0 }, lsoft = { 0 }, lfirm = { 0 };
	struct layout_line lw = { 0 };
	int col = 0, vis = 0;

	while (i < r->n) {
		uint32_t cp;
		int len, w;
		bool shy;

		if (i > a && r->mer[i] == UC_BREAK_POSSIBLE) {
			shy = vis_end == i && i >= a + 2 && !memcmp(r->s + i - 2, "\u00AD", 2);
			if (vis + shy <= r->width) {
				ref_set(&lb, a, shy ? i - 2 : vis_end, vis + shy, shy);
				best = i;
			}
		} else if (i > a && r->mer[i] == TYPO_BREAK_SOFT) {
			if (vis <= r->width) {
				ref_set(&lsoft, a, vis_end, vis, 0);
				soft = i;
			}
		} else if (i > a && r->mer[i] == TYPO_BREAK_FIRM) {
			if (vis <= r->width) {
				ref_set(&lfirm, a, vis_end, vis, 0);
				firm = i;
			}
		} else if (i > a && r->lib[i] == UC_BREAK_POSSIBLE && r->s[i - 1] == ' ') {
			ref_set(&lg, a, vis_end, vis, 0);
			glue = i;
		} else if (i > a && r->lib[i] == UC_BREAK_POSSIBLE) {
			shy = vis_end == i && i >= a + 2 && !memcmp(r->s + i - 2, "\u00AD", 2);
			if (vis + shy <= r->width) {
				ref_set(&lw, a, shy ? i - 2 : vis_end, vis + shy, shy);
				wd = i;
			}
		}
		len = text_decode(r->s + i, r->n - i, &cp);
		if (r->lib[i] == UC_BREAK_MANDATORY)
			return ref_set(l, a, vis_end, vis, 0), i + (size_t)len;
		if (cp == ' ') {
			col++;
			i++;
			continue;
		}
		if (r->lib[i] == UC_BREAK_CR_BEFORE_LF) {
			i++;
			continue;
		}
		w = glyph_width(cp, GLYPH_UTF8);
		if (col + w > r->width)
			break;
		col += w;
		vis = col;
		vis_end = i + (size_t)len;
		if ((cp == '/' || cp == '-') && i + 1 < r->n && r->s[i + 1] != (char)cp &&
		    r->s[i + 1] != ' ' && r->lib[i + 1] != UC_BREAK_MANDATORY) {
			uint32_t next;

			text_decode(r->s + i + 1, r->n - i - 1, &next);
			if (uc_is_grapheme_break(cp, next)) {
				ref_set(&ls, a, i + 1, vis, 0);
				slash = i + 1;
			}
		}
		i += (size_t)len;
	}
	if (i >= r->n)
		return ref_set(l, a, vis_end, vis, 0), r->n;
	/* A discouraged break when the allowed one leaves the line under half
	 * full, or the words it keeps together do not fit on a line. */
	if (soft > best || firm > best) {
		size_t e = GLOSS_MAX(soft, firm);

		while (e < r->n && r->s[e] != ' ' && r->lib[e] != UC_BREAK_MANDATORY)
			e++;
		if (!best || lb.width * 2 < r->width ||
		    text_width(r->s, best, e, GLYPH_UTF8) > r->width) {
			if (soft > best)
				return *l = lsoft, soft;
			return *l = lfirm, firm;
		}
	}
	if (best || glue || wd || slash) {
		*l = best ? lb : glue ? lg : slash ? ls : lw;
		return best ? best : glue ? glue : slash ? slash : wd;
	}
	return ref_cut(r, a, l);
}

static size_t
ref_wrap(const char *s, size_t n, int width, unsigned rules, struct layout_line **out)
{
	struct ref r = { s, n, malloc(n + 1), malloc(n + 1), width };
	size_t a = 0, count = 0, cap = 64;
	struct layout_line *l = malloc(cap * sizeof(*l));

	layout_breaks(s, n, TYPO_NONE, r.lib);
	layout_breaks(s, n, rules, r.mer);
	do {
		if (count == cap)
			l = realloc(l, (cap *= 2) * sizeof(*l));
		a = ref_line(&r, a, &l[count++]);
	} while (a < n);
	free(r.lib);
	free(r.mer);
	*out = l;
	return count;
}

/* ------------------------------------------------------------------ */
/* Whole texts: the corpus and synthetic stress texts. */

static bool
line_eq(const struct layout_line *a, const struct layout_line *b)
{
	return a->start == b->start && a->end == b->end && a->width == b->width &&
	    a->hyphen == b->hyphen;
}

/* Index of the first line that differs (or is missing on one side), or -1. */
static long
lines_differ(const struct layout_line *l, size_t n, const struct layout_line *r, size_t m)
{
	size_t k = 0;

	while (k < n && k < m && line_eq(&l[k], &r[k]))
		k++;
	return k == n && n == m ? -1 : (long)k;
}

/* Wraps s at widths lo..hi; checks the invariants and the reference. */
static void
check_text(const char *name, const char *s, size_t len, int lo, int hi, unsigned rules)
{
	int width, bad_inv = 0, bad_ref = 0;
	char why[160] = "";

	for (width = lo; width <= hi; width++) {
		struct layout_opts o = layout_defaults(width);
		struct layout_line *l, *r;
		size_t n, m;
		long k;

		o.rules = rules;
		n = layout_wrap(s, len, &o, &l);
		m = ref_wrap(s, len, width, rules, &r);
		if (!lines_ok(s, len, l, n, width, GLYPH_UTF8, why, sizeof(why)) && !bad_inv++)
			printf("#   %s @%d: %s\n", name, width, why);
		if ((k = lines_differ(l, n, r, m)) >= 0 && !bad_ref++) {
			printf("#   %s @%d: %zu lines, reference %zu; first difference at line %ld",
			    name, width, n, m, k);
			if ((size_t)k < n && (size_t)k < m)
				printf(": %u-%u/%u/%u, reference %u-%u/%u/%u", l[k].start, l[k].end,
				    l[k].width, l[k].hyphen, r[k].start, r[k].end, r[k].width,
				    r[k].hyphen);
			putchar('\n');
		}
		free(l);
		free(r);
	}
	ok(bad_inv == 0, "%s %s: invariants at widths %d..%d", name,
	    rules == N ? "plain" : "rules", lo, hi);
	ok(bad_ref == 0, "%s %s: same lines as the reference fitter", name,
	    rules == N ? "plain" : "rules");
}

/* typo_override_at() agrees with typo_overrides() everywhere. */
static void
check_override_at(const char *name, const char *s, size_t len)
{
	static const unsigned sets[] = { D, D | TYPO_R1_SHORT2, TYPO_R3, TYPO_R4 | TYPO_R5 };
	char *o = malloc(len + 1);
	size_t k, i, bad = 0, prohibited = 0;

	for (k = 0; k < GLOSS_ARRAY_SIZE(sets); k++) {
		typo_overrides(s, len, sets[k], o);
		for (i = 0; i < len; i++) {
			prohibited += o[i] == UC_BREAK_PROHIBITED;
			if (typo_override_at(s, len, sets[k], i) != o[i] && !bad++)
				printf("#   %s: differs at byte %zu\n", name, i);
		}
	}
	ok(bad == 0, "%s: typo_override_at agrees (%zu withdrawn)", name, prohibited);
	free(o);
}

static void
test_corpus(void)
{
	static const char *const files[] = {
		"belarus-ukraine-relations-2020-2025.txt",
		"belarus-weekly-2023-09-22.txt",
		"belarusian-ukrainian-relations-brink-of-war.md",
		"lukashenko-occupied-territories-cooperation.txt",
		"lukashenko-occupied-territories-latushka.txt",
	};
	const char *dir = getenv("top_srcdir");
	size_t k;

	for (k = 0; k < GLOSS_ARRAY_SIZE(files); k++) {
		char *path = malloc(strlen(dir ? dir : ".") + strlen(files[k]) + 10);
		size_t len = 0;
		char *s;

		sprintf(path, "%s/corpus/%s", dir ? dir : ".", files[k]);
		s = tap_slurp(path, &len);
		if (!ok(s != NULL, "read %s", path)) {
			free(path);
			continue;
		}
		check_text(files[k], s, len, 20, 100, D);
		check_text(files[k], s, len, 20, 100, N);
		check_override_at(files[k], s, len);
		free(s);
		free(path);
	}
}

/* Texts that stress the fitter: long runs of glued breaks (more than it
 * remembers per line), many opportunities per line, line ends. */
static void
test_stress(void)
{
	struct strbuf sb = STRBUF_INIT;
	int k;

	for (k = 0; k < 60; k++)
		strbuf_adds(&sb, "и ");
	strbuf_adds(&sb, "конец. ");
	for (k = 0; k < 40; k++)
		strbuf_adds(&sb, "中文\u200B");
	strbuf_adds(&sb, "\n  — Да, — сказал А. Б. В. Г. Д. Е. Ж. Иванов и т. д. и т. п.\n");
	for (k = 0; k < 30; k++)
		strbuf_adds(&sb, "авто\u00ADмо\u00ADбиль ");
	strbuf_adds(&sb, "Пушкин А. С.\n№ 5 § 3 5 000 000 тонн http://x.org/a/b/c/d/e/f/g/h/i");
	strbuf_adds(&sb, " 20-й-го ж.-д.- a-b-c-d -x x- --y Мо\u0301\u0301сква—Минск т.е.т.д. "
	    "А.Г.Лукашенко-Петров (1990-е) \u00ABб-ка\u00BB e.g.,f х-\u0301у 中文-中文 а\u2010б 5\u2010й");
	check_text("stress", sb.buf, sb.len, 1, 90, D);
	check_text("stress", sb.buf, sb.len, 1, 90, N);
	check_override_at("stress", sb.buf, sb.len);
	strbuf_done(&sb);
}

/* Cyrillic text full of the soft and firm glue: the same checks. */
static void
test_cyrillic(void)
{
	static const char *const parts[] = {
		"Дело возбуждено по статье (ч. 2. ст. 411 УК) в отношении него, сообщили в суде. ",
		"Паводле перапісу (перапіс 2004 г.) у вёсцы жылі 30 чалавек. Зборнік (т. 4) ",
		"выйшаў у в. Карані, за 3 кіламетраў ад горада, 2 студзеня. Він народився ",
		"17 лютого, а вона 30 августа; війна 1990–1991 рр. скінчилася. Мы долго шли по ",
		"лесу и к вечеру вышли к реке, сказал он. Я помню это. А ты? Так було й тоді, ",
		"казав він! Пра гэта ўспомніў ён. См. раздел 5. Див. розділ 5. Jon pajšoŭ na ",
		"vulicu ŭ horad. Ми знали, що він прийде до 5 млн людей на с. 25, а не ні.\n",
		"Вот она — наша мама, т. е. и т. д. А. С. Пушкин на Мо\u0301скве (2017) \u00ABза\u00BB.",
	};
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	for (k = 0; k < GLOSS_ARRAY_SIZE(parts); k++)
		strbuf_adds(&sb, parts[k]);
	check_text("cyrillic", sb.buf, sb.len, 1, 100, D);
	check_text("cyrillic", sb.buf, sb.len, 1, 100, N);
	check_override_at("cyrillic", sb.buf, sb.len);
	strbuf_done(&sb);
}

/*
 * A long run without spaces is cut into full lines that cover it exactly.
 * (That this stays linear is measured by `make bench`, not asserted here:
 * timing has no place in `make check`.)
 */
static void
test_linear(void)
{
	static const char *const runs[] = { "中文字符测试", "a-b-c-d-e-f-", "ab/", "т.е." };
	size_t k;

	for (k = 0; k < GLOSS_ARRAY_SIZE(runs); k++) {
		struct strbuf sb = STRBUF_INIT;
		struct layout_opts o = layout_defaults(80);
		struct layout_line *l;
		size_t n, i, covered = 0;
		bool fits = true;

		while (sb.len < 128 * 1024)
			strbuf_adds(&sb, runs[k]);
		n = layout_wrap(sb.buf, sb.len, &o, &l);
		for (i = 0; i < n; i++) {
			fits = fits && l[i].width <= 80 && (i + 1 == n || l[i].width >= 78);
			covered += l[i].end - l[i].start;
		}
		ok(n > 500 && fits && covered == sb.len,
		    "128 KB of \"%s\" without spaces: %zu full lines covering it", runs[k], n);
		free(l);
		strbuf_done(&sb);
	}
}

int
main(void)
{
	test_r1();
	test_r1_short2();
	test_r1c();
	test_r2();
	test_r3();
	test_r4();
	test_r4_soft();
	test_last();
	test_emoji();
	test_uax151();
	test_r5();
	test_r6();
	test_r7();
	test_r8();
	test_r9();
	test_r10();
	test_r11();
	test_mixed();
	test_long();
	test_breaks();
	test_block();
	test_corpus();
	test_stress();
	test_cyrillic();
	test_linear();
	return tap_done();
}
