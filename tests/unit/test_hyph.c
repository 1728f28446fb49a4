/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_hyph — hyphenation (hyph, and the layout with TYPO_HYPHEN).
 *
 * hyph_points() on the words it must leave alone and on words of each
 * language; hyph_text_lang(); then exact wrapped lines of Russian,
 * Ukrainian, Belarusian and English paragraphs at widths 17, 20, 25, 30
 * and 40, rendered "line|line-|line" ('-' where the line has its hyphen
 * flag), next to the same paragraphs without TYPO_HYPHEN.  Every wrap is
 * checked to cover the text exactly: the lines' own bytes and the spaces
 * between them are the paragraph, so a hyphen is never part of the text.
 * Needs the Debian dictionaries (hyphen-ru, -uk, -be, -en-us); without
 * them (or without libhyphen) the whole test is skipped.
 */
#include "gloss/gloss.h"

#include "gloss/hyph.h"
#include "gloss/layout.h"
#include "gloss/strbuf.h"
#include "gloss/typo.h"
#include "../lib/tap.h"

#define D TYPO_DEFAULT
#define H (TYPO_DEFAULT | TYPO_HYPHEN)

/* The word w with '-' at each of its points. */
static char *
points(const char *w, enum hyph_text text)
{
	uint32_t pts[HYPH_MAX_POINTS];
	struct strbuf out = STRBUF_INIT;
	size_t n = hyph_points(w, strlen(w), text, pts), p = 0;

	for (size_t k = 0; k < n; k++) {
		strbuf_add(&out, w + p, pts[k] - p);
		strbuf_addc(&out, '-');
		p = pts[k];
	}
	strbuf_adds(&out, w + p);
	return strbuf_detach(&out, NULL);
}

static void
points_are(const char *w, enum hyph_text text, const char *want, const char *what)
{
	char *got = points(w, text);

	is_str(got, want, "%s: %s", what, w);
	free(got);
}

/* Whether the lines cover s exactly: their bytes, and only spaces between them. */
static bool
covers(const char *s, size_t len, const struct layout_line *l, size_t n)
{
	size_t at = 0;

	for (size_t k = 0; k < n; k++) {
		if (l[k].start < at || l[k].end < l[k].start)
			return false;
		while (at < l[k].start)
			if (s[at++] != ' ')
				return false;
		if (l[k].hyphen && k + 1 < n && l[k + 1].start != l[k].end)
			return false;	/* a hyphenation break: the word goes on at once */
		at = l[k].end;
	}
	while (at < len)
		if (s[at++] != ' ')
			return false;
	return true;
}

static char *
wrap(const char *s, int width, unsigned rules)
{
	struct layout_opts o = layout_defaults(width);
	struct layout_line *l;
	struct strbuf out = STRBUF_INIT;
	size_t len = strlen(s), n;

	o.rules = rules;
	n = layout_wrap(s, len, &o, &l);
	for (size_t k = 0; k < n; k++) {
		if (k)
			strbuf_addc(&out, '|');
		strbuf_add(&out, s + l[k].start, l[k].end - l[k].start);
		if (l[k].hyphen)
			strbuf_addc(&out, '-');
		if (l[k].width > width)
			strbuf_addf(&out, " [%u columns]", l[k].width);
	}
	if (!covers(s, len, l, n))
		strbuf_adds(&out, " [the lines do not cover the text]");
	free(l);
	return strbuf_detach(&out, NULL);
}

static void
wrap_is(const char *s, int width, unsigned rules, const char *want, const char *what)
{
	char *got = wrap(s, width, rules);

	is_str(got, want, "%s @%d %s", what, width, rules & TYPO_HYPHEN ? "hyphenated" : "plain");
	free(got);
}

/* ------------------------------------------------------------------ */

static void
test_points(void)
{
	points_are("достопримечательность", HYPH_RU, "до-стоприме-чатель-ность", "ru (KOI8-R dictionary)");
	points_are("(электрификация),", HYPH_RU, "(элек-три-фи-ка-ция),", "punctuation around the word");
	points_are("адміністрацыйны", HYPH_BE, "ад-мі-ні-с-т-ра-цый-ны", "be by ы with і");
	points_are("мікроелектроніка", HYPH_UK, "мі-кро-електроні-ка", "uk by і");
	points_are("administration", HYPH_LATIN, "ad-min-is-tra-tion", "en");
	points_are("responsibilities", HYPH_LATIN, "re-spon-si-bil-i-ties", "en: three letters at the end at least");
	/* Never hyphenated. */
	points_are("https://example.com/administration", HYPH_LATIN, "https://example.com/administration", "a URL");
	points_are("example.com", HYPH_LATIN, "example.com", "a host name");
	points_are("admin@example.org", HYPH_LATIN, "admin@example.org", "an address");
	points_are("1234567", HYPH_RU, "1234567", "a number");
	points_are("20-летие", HYPH_RU, "20-летие", "a number with a word");
	points_are("НАТОВСКИЙ", HYPH_RU, "НАТОВСКИЙ", "all capitals");
	points_are("Washington", HYPH_RU, "Washington", "a Latin name in Cyrillic text");
	points_are("Washington", HYPH_LATIN, "Wash-ing-ton", "the same name in English text");
	points_are("пам'ятник", HYPH_UK, "пам'ятник", "an apostrophe (U+0027)");
	points_are("пам’ятник", HYPH_UK, "пам’ятник", "an apostrophe (U+2019)");
	points_are("памʼятник", HYPH_UK, "памʼятник", "an apostrophe (U+02BC)");
	points_are("по-сельскохозяйственному", HYPH_RU, "по-сельскохозяйственному", "a compound with a hyphen");
	points_are("Мо\xcc\x81сква", HYPH_RU, "Мо\xcc\x81сква", "a stress mark");
	points_are("молоко", HYPH_RU, "мо-локо", "ru: the sparse Russian patterns");
	points_are("mikroелектроніка", HYPH_UK, "mikroелектроніка", "mixed scripts");
	/* ь, ъ, й, ў stay with the letter before; the Ukrainian йо may be carried over. */
	points_are("знайти", HYPH_UK, "знайти", "uk: зна-йти of the patterns dropped");
	points_are("перейменування", HYPH_UK, "переймену-ва-н-ня", "uk: пере-йменування dropped");
	points_are("район", HYPH_UK, "ра-йон", "uk: йо carried over");
	points_are("район", HYPH_RU, "рай-он", "ru: the same word by the Russian patterns");
	points_are("праўдзівы", HYPH_BE, "праў-д-зі-вы", "be: ў stays");
	points_are("подъезд", HYPH_RU, "подъезд", "ru: no point of the patterns");
}

static void
test_text_lang(void)
{
	static const struct { const char *s; enum hyph_text want; } cases[] = {
		{ "The text", HYPH_LATIN }, { "Вчера в Москве", HYPH_RU },
		{ "Іван та Марія", HYPH_UK }, { "Їжак", HYPH_UK }, { "ґанок", HYPH_UK },
		{ "Мінск і Брэст", HYPH_BE }, { "праўда", HYPH_BE }, { "ПРАЎДА", HYPH_BE },
		{ "район міста", HYPH_UK }, { "Москва, Washington", HYPH_RU },
	};

	for (size_t k = 0; k < GLOSS_ARRAY_SIZE(cases); k++)
		is_int(hyph_text_lang(cases[k].s, strlen(cases[k].s)), cases[k].want,
		    "hyph_text_lang: %s", cases[k].s);
	points_are("бульйон", HYPH_UK, "бу-ль-йон", "a word without uk letters in a Ukrainian text");
	points_are("бульйон", HYPH_RU, "бульй-он", "the same word in a Russian text");
}

static const char ru[] = "Вчера в Москве обсуждали достопримечательность и "
    "сельскохозяйственный вопрос, но решили, что подъезд подождёт.";
static const char uk[] = "Мікроелектроніка та адміністративний устрій міста змінюються "
    "щороку, і знайти відповідальність важко.";
static const char be[] = "Беларускамоўны адміністрацыйны цэнтр праўдзівы, а паўднёвыя "
    "раёны чакаюць аўтобусаў.";
static const char en[] = "The administration discussed internationalization and "
    "extraordinary responsibilities at https://example.com/administration today.";

static void
test_ru(void)
{
	wrap_is(ru, 17, H, "Вчера в Москве|обсуждали до-|стопримечатель-|ность|"
	    "и сельскохозяй-|ственный вопрос,|но решили, что|подъезд подождёт.", "ru");
	wrap_is(ru, 17, D, "Вчера в Москве|обсуждали|достопримечательн|ость|и|"
	    "сельскохозяйствен|ный вопрос,|но решили, что|подъезд подождёт.", "ru");
	wrap_is(ru, 20, H, "Вчера в Москве|обсуждали до-|стопримечательность|"
	    "и сельскохозяйствен-|ный вопрос, но реши-|ли, что подъезд|подождёт.", "ru");
	wrap_is(ru, 25, H, "Вчера в Москве обсуждали|достопримечательность|"
	    "и сельскохозяйственный|вопрос, но решили, что|подъезд подождёт.", "ru");
	wrap_is(ru, 30, H, "Вчера в Москве обсуждали|достопримечательность|"
	    "и сельскохозяйственный вопрос,|но решили, что подъезд|подождёт.", "ru");
	wrap_is(ru, 40, H, "Вчера в Москве обсуждали достоприме-|"
	    "чательность и сельскохозяйственный|вопрос, но решили, что подъезд подождёт.", "ru");
	wrap_is(ru, 40, D, "Вчера в Москве обсуждали|достопримечательность|"
	    "и сельскохозяйственный вопрос,|но решили, что подъезд подождёт.", "ru");
	/* No point fits: the line breaks at the space as without hyphenation. */
	wrap_is("Это подъезд дома.", 10, H, "Это|подъезд|дома.", "ru, a word without points");
	wrap_is("Это подъезд дома.", 10, D, "Это|подъезд|дома.", "ru, a word without points");
	/* A word wider than the line is hyphenated rather than cut. */
	wrap_is("Вот электрификация", 8, H, "Вот|электри-|фикация", "ru, a word wider than the line");
	wrap_is("Вот электрификация", 8, D, "Вот|электриф|икация", "ru, a word wider than the line");
}

static void
test_uk(void)
{
	wrap_is(uk, 17, H, "Мікроелектроніка|та адміністрати-|вний устрій міста|"
	    "змінюються що-|року, і знайти|відповідальність|важко.", "uk");
	wrap_is(uk, 20, H, "Мікроелектроніка|та адміністративний|устрій міста змінюю-|"
	    "ться щороку,|і знайти відповід-|альність важко.", "uk");
	wrap_is(uk, 25, H, "Мікроелектроніка|та адміністративний|устрій міста змінюються|"
	    "щороку, і знайти від-|повідальність важко.", "uk");
	wrap_is(uk, 30, H, "Мікроелектроніка|та адміністративний устрій|"
	    "міста змінюються щороку,|і знайти відповідальність|важко.", "uk");
	wrap_is(uk, 40, H, "Мікроелектроніка та адміністративний|"
	    "устрій міста змінюються щороку, і знайти|відповідальність важко.", "uk");
	wrap_is(uk, 20, D, "Мікроелектроніка|та адміністративний|устрій міста|"
	    "змінюються щороку,|і знайти|відповідальність|важко.", "uk");
	/* знайти: the patterns' only point (зна-йти) is dropped, the line breaks at the space. */
	wrap_is("Треба знайти", 10, H, "Треба|знайти", "uk, й stays");
}

static void
test_be(void)
{
	wrap_is(be, 17, H, "Беларускамоўны|адміністрацыйны|цэнтр праўдзівы,|"
	    "а паўднёвыя раёны|чакаюць аўтобу-|саў.", "be");
	wrap_is(be, 20, H, "Беларускамоўны|адміністрацыйны|цэнтр праўдзівы,|"
	    "а паўднёвыя раёны|чакаюць аўтобусаў.", "be");
	wrap_is(be, 25, H, "Беларускамоўны адмініст-|рацыйны цэнтр праўдзівы,|"
	    "а паўднёвыя раёны чакаюць|аўтобусаў.", "be");
	wrap_is(be, 25, D, "Беларускамоўны|адміністрацыйны цэнтр|"
	    "праўдзівы, а паўднёвыя|раёны чакаюць аўтобусаў.", "be");
	wrap_is(be, 30, H, "Беларускамоўны адміністрацыйны|цэнтр праўдзівы, а паўднёвыя|"
	    "раёны чакаюць аўтобусаў.", "be");
	wrap_is(be, 40, H, "Беларускамоўны адміністрацыйны цэнтр|"
	    "праўдзівы, а паўднёвыя раёны чакаюць|аўтобусаў.", "be");
}

static void
test_en(void)
{
	wrap_is(en, 17, H, "The administra-|tion discussed|internationaliza-|tion and extraor-|"
	    "dinary responsi-|bilities at|https://|example.com/|administration|today.", "en");
	wrap_is(en, 20, H, "The administration|discussed interna-|tionalization and|"
	    "extraordinary re-|sponsibilities at|https://example.com/|administration|today.", "en");
	wrap_is(en, 25, H, "The administration|discussed international-|"
	    "ization and extraordinary|responsibilities at|https://example.com/|"
	    "administration today.", "en");
	wrap_is(en, 30, H, "The administration discussed|internationalization and|"
	    "extraordinary responsibilities|at|https://example.com/|administration today.", "en");
	/* 28 of 40 columns is over two thirds: no hyphen although inter- would fit. */
	wrap_is(en, 40, H, "The administration discussed|internationalization and extraordinary|"
	    "responsibilities at|https://example.com/administration|today.", "en");
	wrap_is(en, 40, D, "The administration discussed|internationalization and extraordinary|"
	    "responsibilities at|https://example.com/administration|today.", "en");
	/* A Latin name inside Cyrillic text is not hyphenated. */
	wrap_is("Вчера Washington", 12, H, "Вчера|Washington", "a Latin name in Cyrillic text");
	wrap_is("Today Washington", 12, H, "Today Wash-|ington", "the same name in English text");
}

int
main(void)
{
	const char *why;

	if (!hyph_available(&why)) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	test_points();
	test_text_lang();
	test_ru();
	test_uk();
	test_be();
	test_en();
	return tap_done();
}
