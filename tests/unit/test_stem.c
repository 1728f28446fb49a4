/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_stem — word forms: the exact stems of Russian, Ukrainian,
 * Belarusian and English words, the forms of one word meeting across the
 * languages, й/ї/ў kept, and words that are their own stems.
 */
#include "gloss/gloss.h"

#include "gloss/fold.h"
#include "gloss/stem.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static struct stem *st;

/* The stem of the fold key of w (caller frees). */
static char *
stem_of(const char *w)
{
	struct strbuf key = STRBUF_INIT;
	size_t len;
	const char *s;
	char *r;

	fold_key(w, strlen(w), &key);
	s = stem_word(st, key.buf, key.len, &len);
	r = xstrndup(s, len);
	strbuf_done(&key);
	return r;
}

static void
stem_is(const char *w, const char *want)
{
	char *got = stem_of(w);

	is_str(got, want, "stem(%s)", w);
	free(got);
}

/* Every word of the NULL-ended list has the stem of the first. */
static void
meet(const char *what, const char *const *w)
{
	char *first = stem_of(w[0]);
	bool all = true;

	for (size_t i = 1; w[i]; i++) {
		char *s = stem_of(w[i]);

		if (strcmp(s, first) != 0) {
			printf("#   %s: %s, %s: %s\n", w[0], first, w[i], s);
			all = false;
		}
		free(s);
	}
	ok(all, "%s: one stem (%s)", what, first);
	free(first);
}

int
main(void)
{
	static const char *const poselok[] = { "ПОСЕЛОК", "посёлок", "поселке", "посёлке", "поселка",
	    "поселку", "поселком", "поселки", "поселков", "поселками", NULL };
	static const char *const lukashenko[] = { "Лукашенко", "Лукашенка", "Лукашенку",
	    "Лукашенкові", "Лукашенком", "Лукашэнка", "Лукашэнкі", "Лукашэнкам", "Лукашэнку", NULL };
	static const char *const otec[] = { "отец", "отца", "отцу", "отцом", NULL };
	static const char *const announce[] = { "announce", "announced", "announces", "announcing",
	    NULL };
	static const char *const village[] = { "village", "villages", "Villages", NULL };
	static const char *const mova[] = { "мова", "мови", "мові", "мовою", "мов", NULL };
	static const char *const kraina[] = { "країна", "країни", "країні", "країною", "країну", NULL };
	static const char *const pravda[] = { "праўда", "праўды", "праўду", "праўдай", NULL };

	ok(stem_snowball(), "Snowball's stemmers are there (libstemmer opened at the first use)");
	st = stem_new();
	stem_is("поселке", "поселк");
	stem_is("Лукашэнкі", "лукашенк");
	stem_is("announced", "announc");
	stem_is("мовою", "мов");
	stem_is("країною", "країн");
	stem_is("праўды", "праўд");
	stem_is("йод", "йод");
	stem_is("иод", "иод");
	stem_is("з'їзду", "з'їзд");
	stem_is("2022", "2022");
	stem_is("ab", "ab");
	stem_is("kyivпост", "kyivпост");
	stem_is("λόγος", "λογοσ");	/* folded (final sigma), not stemmed */
	meet("Russian поселок, with ё and the fleeting о", poselok);
	meet("Лукашенко in Russian, Ukrainian and Belarusian", lukashenko);
	meet("Russian отец (fleeting е before ц)", otec);
	meet("English announce", announce);
	meet("English village", village);
	meet("Ukrainian мова", mova);
	meet("Ukrainian країна (ї kept)", kraina);
	meet("Belarusian праўда (ў kept)", pravda);
	{
		char *a = stem_of("праўда"), *b = stem_of("правда");

		ok(strcmp(a, b) != 0, "ў is not у: праўда and правда do not meet");
		free(a);
		free(b);
	}
	stem_free(st);
	return tap_done();
}
