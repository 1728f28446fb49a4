/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_searchview — the pattern the library search hands to the pager:
 * the query term (a word, a phrase's words, a prefix without its *, not OR)
 * whose fold key begins the matched text's, else the matched text.
 */
#include "gloss/gloss.h"

#include "gloss/searchview.h"

#include "../lib/tap.h"

static const char *
pattern(const char *query, const char *match)
{
	static struct strbuf out = STRBUF_INIT;

	searchview_pattern(query, match, strlen(match), &out);
	return strbuf_str(&out);
}

int
main(void)
{
	is_str(pattern("ВОЕННОЕ", "Военное"), "ВОЕННОЕ", "a word, case folded");
	is_str(pattern("ЕЛКА", "ёлка"), "ЕЛКА", "ё/е folded");
	is_str(pattern("Ло́ндон", "Лондон"), "Ло́ндон", "a stress mark in the query");
	is_str(pattern("minsk resid*", "residences"), "resid", "the second term, a prefix without its *");
	is_str(pattern("трилатерал* OR residences", "residences"), "residences", "OR is not a term");
	is_str(pattern("\"minsk and kyiv\" war", "Minsk and Kyiv"), "minsk and kyiv",
	    "a phrase as its words");
	is_str(pattern("\"minsk and kyiv", "Minsk and Kyiv"), "minsk and kyiv",
	    "an unclosed phrase runs to the end");
	is_str(pattern("з'їзд", "з’їзд"), "з'їзд", "apostrophes unified");
	is_str(pattern("правда", "праўда"), "праўда", "ў is not у: the matched text itself");
	is_str(pattern("ПОСЕЛОК", "поселке"), "поселке", "another form of the word: the matched text");
	is_str(pattern("Лукашенко", "Лукашэнкі"), "Лукашэнкі", "a Belarusian form: the matched text");
	is_str(pattern("=announce*", "announced"), "announce", "=word: the word without '='");
	is_str(pattern("OR", "Lukashenko"), "Lukashenko", "no term: the matched text");
	is_str(pattern("", "Lukashenko"), "Lukashenko", "an empty query: the matched text");
	is_str(pattern("  war  *  ", "warfare"), "war", "white space and a lone * are skipped");
	return tap_done();
}
