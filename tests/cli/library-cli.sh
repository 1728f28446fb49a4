#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# library-cli.sh — `gloss library` and `gloss search`: exact rows for the
# corpus, searches across languages and foldings (ё/е, і/ї/ў, stress marks,
# apostrophes), phrases, prefixes, malformed queries, incremental updates
# of a corpus (add, touch, edit, delete), and notes and tags found after
# `gloss annotate`.
. "${top_srcdir:-.}/tests/lib/lib.sh"

run() {
	"$GLOSS" "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}

TAB=$(printf '\t')
ROOT=$(cd "$TEST_TMP" && pwd -P)
L="$ROOT/lib"
mkdir -p "$L"
cp "$CORPUS"/* "$top_srcdir/tests/data/library/zima.md" "$L/"

# ---------------------------------------------------------------------------
# gloss library

run library "$L"
is "$rc/$err" "0/" "library: exit 0, nothing on stderr"
is "$out" "$L/belarus-ukraine-relations-2020-2025.txt${TAB}The deterioration of Belarusian-Ukrainian relations after February 2022 did not mean the…${TAB}Yevhen Magda${TAB}2025-12-07${TAB}2063${TAB}-${TAB}0
$L/belarus-weekly-2023-09-22.txt${TAB}Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea${TAB}Maria Yeryoma and Teah Pelechaty${TAB}2023-09-22${TAB}2220${TAB}-${TAB}0
$L/belarusian-ukrainian-relations-brink-of-war.md${TAB}Belarusian-Ukrainian Relations: On the Brink of War${TAB}Dr. Roza Turarbekova${TAB}2024${TAB}2322${TAB}-${TAB}0
$L/lukashenko-occupied-territories-cooperation.txt${TAB}Cooperation of the Lukashenko regime with the Russian-occupied territories of Ukraine${TAB}-${TAB}-${TAB}2124${TAB}-${TAB}0
$L/lukashenko-occupied-territories-latushka.txt${TAB}Lukashenko regime's cooperation with the Russian-occupied territories of Ukraine${TAB}Pavel Latushka${TAB}-${TAB}327${TAB}-${TAB}0
$L/zima.md${TAB}Снежная зима${TAB}Ann Lee${TAB}2023-01-12${TAB}42${TAB}-${TAB}0" \
	"library: one row per article (path, title, author, date, words, progress, highlights)"
[ -f "$XDG_CACHE_HOME/gloss/index.db" ]; ok $? "the index is in \$XDG_CACHE_HOME/gloss/index.db"

run library --json "$L/../lib/"
first=$(printf '%s\n' "$out" | sed -n 2p)
is "$first" "  {\"path\": \"$L/belarus-ukraine-relations-2020-2025.txt\", \"title\": \"The deterioration of Belarusian-Ukrainian relations after February 2022 did not mean the…\", \"author\": \"Yevhen Magda\", \"date\": \"2025-12-07\", \"words\": 2063, \"progress\": null, \"highlights\": 0}," \
	"library --json: one object per article (the directory made canonical)"
is "$(printf '%s\n' "$out" | grep -c '"path"')" 6 "library --json: six articles"

run library "$ROOT/nowhere"
is "$rc" 1 "library of a missing directory: exit 1"
contains "$err" "gloss: library: $ROOT/nowhere: No such file or directory" "library of a missing directory: message"
run library --bogus
is "$rc" 2 "library: unknown option: exit 2"

# ---------------------------------------------------------------------------
# gloss search: languages and foldings

s() {	# QUERY...: the location and snippet of each hit
	run search --corpus "$L" "$@"
	out=$(printf '%s\n' "$out" | cut -f3-)
}

s 'ЕЛКА'
is "$rc/$out" "0/Примечания, ¶6, 88%${TAB}Примечание: **ёлка** стояла на площади." \
	"upper case with е finds a lower-case ё word in a Markdown endnote"
s 'ВОЕННОЕ'
is "$out" "ENDNOTES, ¶35, 79%${TAB}i “**Военное** учение Беларуси и России получило название ‘Союзная решимость-2022,’” [the…" \
	"an upper-case Russian query finds an endnote of the corpus article"
s 'ОФІЦІЙНИЙ'
is "$out" "ENDNOTES, ¶42, 93%${TAB}…Implementation of Martial Law]. 2022. **Офіційний** вебпортал парламенту України.…" \
	"Ukrainian і: upper-case query"
s "З'ЇЗД"
is "$out" "Снежная зима, ¶4, 23%${TAB}Текст о зиме: **з’їзд** делегатов, праўда і Мо́сква, потом Лондон. Another sentence about the winter in…" \
	"ї with an ASCII apostrophe finds з’їзд (U+2019)"
s 'ПРАЎДА'
is "$out" "Снежная зима, ¶4, 32%${TAB}Текст о зиме: з’їзд делегатов, **праўда** і Мо́сква, потом Лондон. Another sentence about the winter in Minsk, with…" \
	"Belarusian ў: upper-case query"
s 'правда'
is "$rc/$out/$err" "1//gloss: search: no hits for \"правда\"" "ў is not folded to у (no hits: exit 1, a message)"
s 'іжак'
is "$rc/$out/$err" "1//gloss: search: no hits for \"іжак\"" "a word that is not there: no hits, exit 1 and a message on stderr"
s 'москва'
is "$out" "Снежная зима, ¶4, 37%${TAB}Текст о зиме: з’їзд делегатов, праўда і **Мо́сква**, потом Лондон. Another sentence about the winter in Minsk, with enough words to…" \
	"a query without the stress mark finds the stressed word (the whole word marked)"
s 'Ло́ндон'
is "$out" "Снежная зима, ¶4, 44%${TAB}…делегатов, праўда і Мо́сква, потом **Лондон**. Another sentence about the winter in Minsk, with enough words to make a body…" \
	"a stress-marked query finds the unstressed word"
s '"снежная зима"'
is "$out" "¶1, 0%${TAB}**Снежная зима**" "a phrase"
s '"зима снежная"'
is "$out" "" "a phrase is not two words in any order"
s 'делегат*'
is "$out" "Снежная зима, ¶4, 27%${TAB}Текст о зиме: з’їзд **делегатов**, праўда і Мо́сква, потом Лондон. Another sentence about the winter in Minsk,…" \
	"a prefix"
s '"union resolve"' --limit 1
is "$out" "Political and economic aspects of bilateral relations: From cooperation to sanctions and war, ¶13, 19%${TAB}…joint military exercises dubbed “**Union Resolve**”, which served as a cover for the attack on Ukraine. On the eve of the…" \
	"an English phrase: the best article first, its first match in document order (--limit 1)"
s 'ёлка OR правду'
is "$(printf '%s\n' "$out" | wc -l)" 1 "OR"
run search --corpus "$L" Pushilin
is "$(printf '%s\n' "$out" | cut -f1 | sort -u | sed "s|$L/||" | tr '\n' ' ')" \
	"belarus-ukraine-relations-2020-2025.txt lukashenko-occupied-territories-cooperation.txt lukashenko-occupied-territories-latushka.txt " \
	"hits in three articles"
run search --corpus "$L" --json 'ЕЛКА'
is "$out" "[
  {\"path\": \"$L/zima.md\", \"title\": \"Снежная зима\", \"kind\": \"text\", \"heading\": \"Примечания\", \"paragraph\": 6, \"percent\": 88.2, \"start\": 314, \"end\": 322, \"snippet\": \"Примечание: ёлка стояла на площади.\", \"match\": [22, 30]}
]" "search --json: location, exact document offsets, the match in the snippet"

# ---------------------------------------------------------------------------
# Malformed queries: exit 1 and our own message

run search --corpus "$L" '"union resolve'
is "$rc/$out/$err" "1//gloss: search: a quoted phrase is not closed (in the query \"\"union resolve\")" "unclosed phrase"
run search --corpus "$L" 'a*b'
is "$rc/$err" "1/gloss: search: '*' may only end a word (in the query \"a*b\")" "a star inside a word"
run search --corpus "$L" '*'
is "$rc/$err" "1/gloss: search: '*' needs a word before it (in the query \"*\")" "a star alone"
run search --corpus "$L" 'minsk OR'
is "$rc/$err" "1/gloss: search: OR needs a word on both sides (in the query \"minsk OR\")" "OR at the end"
run search --corpus "$L" '—'
is "$rc/$err" "1/gloss: search: \"—\" has no letters or digits to look for (in the query \"—\")" "nothing to look for"
run search --corpus "$L" 'NEAR(a b) AND x:y ^z'
is "$rc" 1 "FTS5 syntax in a query is taken as words (none found)"
lacks "$err" "fts5" "no SQLite error text"
run search --corpus "$L"
is "$rc" 2 "search without a query: exit 2"

# ---------------------------------------------------------------------------
# Note markers, word forms, the exact form, the count past --limit

s 'Regulatory acts'
is "$rc/$out" "0/Belarusian democratic forces and volunteers as factors in bilateral relations, ¶24, 48%${TAB}…Belarusians changed dramatically. **Regulatory** actsviii were adopted that reduced periods of stay without a visa, bank…" \
	"a word before a superscript note marker (acts<sup>viii</sup>) is found"
s '"Regulatory acts"'
is "$out" "Belarusian democratic forces and volunteers as factors in bilateral relations, ¶24, 48%${TAB}…Belarusians changed dramatically. **Regulatory acts**viii were adopted that reduced periods of stay without a visa, bank accounts…" \
	"a phrase ending before a note marker: the marker is not marked"
s '"Lukashenka announced"'
is "$out" "Political and economic aspects of bilateral relations: From cooperation to sanctions and war, ¶13, 19%${TAB}In January 2022, **Lukashenka announced**i large-scale joint military exercises dubbed “Union Resolve”, which served as a…" \
	"announced<sup>i</sup> is the word announced"
s actsviii
is "$rc/$out/$err" "1//gloss: search: no hits for \"actsviii\"" "the marker glued to the word is no word of the index"
s 'acts[12]' --limit 1
is "$rc/$out" "0/Belarusian democratic forces and volunteers as factors in bilateral relations, ¶24, 48%${TAB}…changed dramatically. Regulatory **acts**viii were adopted that reduced periods of stay without a visa, bank accounts…" \
	"a [12] marker after a word of the query is dropped"
s 'acts[^note]' --limit 1
is "$rc/$out" "0/Belarusian democratic forces and volunteers as factors in bilateral relations, ¶24, 48%${TAB}…changed dramatically. Regulatory **acts**viii were adopted that reduced periods of stay without a visa, bank accounts…" \
	"a [^label] marker in the query is dropped"
s 'Lukashenka' --limit 2
is "$rc/$out/$err" "0/¶1, 1%${TAB}…Ukrainian side. On the contrary, while **Lukashenka** aligned himself with Moscow and allowed Russian forces to use Belarusian…
¶9, 8%${TAB}…decisive turning point for Alyaksandr **Lukashenka**. Since then, his legitimacy has not been restored, yet his geopolitical…/gloss: search: 19 more hits (--limit 2)" \
	"--limit 2: two hits, and the count of the others on stderr"
run search --corpus "$L" --limit 39 Lukashenko
is "$rc/$(printf '%s\n' "$out" | wc -l)/$err" "0/39/gloss: search: 1 more hit (--limit 39)" "one more hit"
run search --corpus "$L" --limit 40 Lukashenko
is "$rc/$(printf '%s\n' "$out" | wc -l)/$err" "0/40/" "all the hits: no count"

F="$ROOT/forms"
mkdir -p "$F"
cp "$top_srcdir/tests/data/library/forms/forms.txt" "$F/"
f() {	# QUERY...: paragraph and snippet of each hit in the word-forms fixture
	run search --corpus "$F" "$@"
	out=$(printf '%s\n' "$out" | cut -f3- | sed 's/^Посёлок у реки, //')
}
f 'ПОСЕЛОК'
is "$rc/$out" "0/¶1, 0%${TAB}**Посёлок** у реки
¶2, 3%${TAB}В **посёлке** у реки жили рыбаки, и дорога к поселку шла через сосновый лес, мимо старой…
¶5, 79%${TAB}…встрече с журналистами сказал, что о **поселке** у границы он ничего не слышал." \
	"ПОСЕЛОК finds посёлок, посёлке and поселке (Russian stemmer, ё, the fleeting о)"
f 'Лукашенко'
is "$out" "¶5, 69%${TAB}Сам **Лукашенко** на встрече с журналистами сказал, что о поселке у границы он ничего не слышал.
¶3, 32%${TAB}Український журналіст писав, що режим **Лукашенка** підтримує війну, а мешканці селища бояться нових перевірок.
¶4, 56%${TAB}…аглядальнік адзначыў, што рэжым **Лукашэнкі** падтрымлівае вайну і баіцца ўласных грамадзян." \
	"Лукашенко: the exact form first, then Ukrainian Лукашенка and Belarusian Лукашэнкі"
f '=Лукашенко'
is "$out" "¶5, 69%${TAB}Сам **Лукашенко** на встрече с журналистами сказал, что о поселке у границы он ничего не слышал." \
	"=Лукашенко: the form as written only"
f '=поселок'
is "$rc/$out" "0/¶1, 0%${TAB}**Посёлок** у реки" "=поселок: ё still folded"
f '"рэжым лукашенко"'
is "$out" "¶3, 31%${TAB}Український журналіст писав, що **режим Лукашенка** підтримує війну, а мешканці селища бояться нових перевірок.
¶4, 54%${TAB}Беларускі аглядальнік адзначыў, што **рэжым Лукашэнкі** падтрымлівае вайну і баіцца ўласных грамадзян." \
	"a phrase of word forms in Ukrainian and Belarusian (neither as written: in document order)"
f '="рэжым лукашенко"'
is "$rc/$out" "1/" "an exact phrase"
f 'village'
is "$out" "¶6, 94%${TAB}…announced in the villages, and the **village** council announces another meeting next week." \
	"English: one hit a paragraph, the exact form's"
f 'announce'
is "$out" "¶6, 90%${TAB}The new laws¹ were **announced** in the villages, and the village council announces another meeting next week." \
	"English: announce finds announced"
f 'laws¹'
is "$rc/$out" "0/¶6, 88%${TAB}The new **laws**¹ were announced in the villages, and the village council announces another…" \
	"a superscript digit ends a word, in the text and in the query"
f '=announce'
is "$rc/$err" "1/gloss: search: no hits for \"=announce\"" "=announce: not announced"
f '='
is "$rc/$err" "1/gloss: search: '=' needs a word or a quoted phrase after it (in the query \"=\")" "= alone"

# ---------------------------------------------------------------------------
# Incremental updates

T="$ROOT/inc"
mkdir -p "$T"
rows() { run library "$T"; out=$(printf '%s\n' "$out" | sed "s|$T/||" | cut -f1-5); }
printf 'First article title\n\nBy Jane Roe\n\nMarch 3, 2021\n\nThe body of the first article talks about rivers and bridges.\n' >"$T/a.txt"
rows
is "$out" "a.txt${TAB}First article title${TAB}Jane Roe${TAB}2021-03-03${TAB}20" "one file"
printf 'Второй текст\n\nАвтор: Пётр Иванов\n\n5 мая 2020 г.\n\nТело второго текста о мостах.\n' >"$T/b.txt"
rows
is "$out" "a.txt${TAB}First article title${TAB}Jane Roe${TAB}2021-03-03${TAB}20
b.txt${TAB}Второй текст${TAB}Пётр Иванов${TAB}2020-05-05${TAB}14" "a file added"
touch -d '2001-01-01' "$T/a.txt"
rows
is "$out" "a.txt${TAB}First article title${TAB}Jane Roe${TAB}2021-03-03${TAB}20
b.txt${TAB}Второй текст${TAB}Пётр Иванов${TAB}2020-05-05${TAB}14" "a file touched: the same rows"
run search --corpus "$T" rivers
is "$(printf '%s\n' "$out" | wc -l)" 1 "a touched file is not indexed twice"
printf 'Edited title here\n\nBy John Doe\n\nThe body now talks about mountains only.\n' >"$T/a.txt"
rows
is "$out" "a.txt${TAB}Edited title here${TAB}John Doe${TAB}-${TAB}13
b.txt${TAB}Второй текст${TAB}Пётр Иванов${TAB}2020-05-05${TAB}14" "a file edited"
run search --corpus "$T" rivers
is "$rc/$out" "1/" "the old text is gone from the index"
run search --corpus "$T" mountains
is "$(printf '%s\n' "$out" | cut -f3-)" "Edited title here, ¶3, 79%${TAB}The body now talks about **mountains** only." "the new text is found"
rm "$T/b.txt"
rows
is "$out" "a.txt${TAB}Edited title here${TAB}John Doe${TAB}-${TAB}13" "a file deleted"
run search --corpus "$T" мостах
is "$rc/$out" "1/" "a deleted file's text is gone from the index"

# ---------------------------------------------------------------------------
# Notes, quotes and tags of annotations

run annotate "$T/a.txt" --quote "mountains" --note "Горы и перевалы" --tag "геология" --tag Trip
is "$rc/$out" "0/1" "annotate"
run search --corpus "$T" перевалы
is "$(printf '%s\n' "$out" | cut -f3-)" "note 79%${TAB}Горы и **перевалы**" "a note is found"
run search --corpus "$T" ГЕОЛОГИЯ
is "$(printf '%s\n' "$out" | cut -f3-)" "tags 79%${TAB}Trip, **геология**" "a tag is found"
run search --corpus "$T" --json trip
contains "$out" "\"kind\": \"tags\", \"heading\": null, \"paragraph\": 0, \"percent\": 79.2, \"start\": 57, \"end\": 66, \"annotation\": 1," \
	"search --json: a tag hit points to the annotation and its range"
run library "$T"
is "$(printf '%s\n' "$out" | cut -f6-)" "0%${TAB}1" "library: progress and the highlight count from the store"
run note 1 "Вершины"
run search --corpus "$T" перевалы
is "$rc/$out" "1/" "a changed note: the old text is gone"
run search --corpus "$T" вершины
is "$(printf '%s\n' "$out" | cut -f3-)" "note 79%${TAB}**Вершины**" "the new note is found"

# Scraped pages in four languages: titles, authors and dates, never the
# breadcrumbs, menus or tag clouds above the article.
P="$ROOT/pages"
mkdir -p "$P"
cp "$top_srcdir"/tests/data/pages/*.txt "$P/"
run library "$P"
is "$(printf '%s\n' "$out" | sed "s|$P/||" | cut -f1-4)" "be-negative.txt${TAB}Як вёска Доры захавала свой кірмаш${TAB}Ганна Лапо${TAB}2023-08-14
be-news.txt${TAB}Нацыянальная бібліятэка адкрыла выставу старадрукаў${TAB}Алесь Карповіч${TAB}2024-05-03
en-news.txt${TAB}Minsk opens its first electric bus depot${TAB}Daniel Harris${TAB}2024-05-14
en-wordpress.txt${TAB}The wooden churches of Polesie${TAB}Anna Novik${TAB}2024-03-03
ru-negative.txt${TAB}Как подписка на газеты пережила интернет${TAB}Мария Белова${TAB}2024-02-05
ru-news.txt${TAB}В Минске открыли новый мост через Свислочь${TAB}Ирина Козлова${TAB}2024-03-12
ru-tags-first.txt${TAB}На границе с Польшей открыли ещё один пункт пропуска${TAB}-${TAB}-
uk-news.txt${TAB}Київське метро відкриє дві нові станції до кінця року${TAB}Олена Шевчук${TAB}2024-04-15
uk-title-pipe.txt${TAB}Уряд ухвалив нову програму житла для переселенців${TAB}-${TAB}-" \
	"library of scraped pages: the articles' titles, authors and dates"

# libstemmer is opened by the library search only (configure's default):
# reading a document never loads it (ld.so's LD_DEBUG=libs lists each
# library it loads).
if ldd "$GLOSS" 2>/dev/null | grep -q libstemmer; then
	ok 0 "dump: libstemmer not loaded # SKIP linked with it (--disable-lazy-stemmer)"
	ok 0 "search: libstemmer loaded # SKIP linked with it (--disable-lazy-stemmer)"
else
	LD_DEBUG=libs "$GLOSS" dump -w 60 "$L/zima.md" >/dev/null 2>"$TEST_TMP/ld"
	lacks "$(grep 'calling init' "$TEST_TMP/ld")" libstemmer "dump: libstemmer not loaded"
	LD_DEBUG=libs "$GLOSS" search посёлок "$L" >/dev/null 2>"$TEST_TMP/ld"
	contains "$(grep 'calling init' "$TEST_TMP/ld")" libstemmer "search: libstemmer loaded"
fi

done_testing
