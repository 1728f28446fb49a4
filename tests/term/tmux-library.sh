#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-library.sh — the library view and the library search in the real
# reader: `gloss` with no argument lists the five corpus articles with their
# real titles; S changes the order (title, date, progress, recently read);
# / filters by the fold key; Enter opens an article and q comes back to the
# same row with its progress read again; F searches, Enter opens the
# document at the hit with the match highlighted and n going on, q comes
# back to the hits and again to the list; a malformed query is reported in
# the status line; `gloss DIR` is the library of DIR.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

# titles: the title column of the list (the first 72 columns, without trailing spaces)
titles() {
	tm_capture | sed '$d' | cut -c 1-72 | sed 's/ *$//' | sed '/^$/d'
}
# names: the title column up to the first two spaces (for Cyrillic rows, which cut -c would split)
names() {
	tm_capture | sed '$d' | sed 's/  .*//' | sed '/^ *$/d'
}
# Waits until the index is up to date (no progress bar; the last title in).
indexed() {
	tm_wait "The deterioration" 100
	i=0
	while [ $i -lt 100 ] && tm_row 30 | grep -q "indexing"; do
		sleep 0.1
		i=$((i + 1))
	done
	tm_settle
}
status() {
	tm_row 30
}

tm_start 130 30 xterm-256color "$GLOSS --corpus '$CORPUS'; echo EXITED \$?"
tm_wait "Library · by title"; ok $? "gloss with no FILE opens the library of the corpus"
indexed
is "$(titles)" " Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea
 Belarusian-Ukrainian Relations: On the Brink of War
 Cooperation of the Lukashenko regime with the Russian-occupied territ
 Lukashenko regime's cooperation with the Russian-occupied territories
 The deterioration of Belarusian-Ukrainian relations after February 20" \
	"five rows with their real titles, by title"
is "$(tm_row 2 | sed 's/  */ /g')" " Belarusian-Ukrainian Relations: On the Brink of War Dr. Roza Turarbekova 2024 2322 w -" \
	"a row: title, author, date, words, progress (never read)"
contains "$(status)" "1/5" "the first row is selected"

tm_keys S; tm_settle
is "$(titles)" " The deterioration of Belarusian-Ukrainian relations after February 20
 Belarusian-Ukrainian Relations: On the Brink of War
 Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea
 Cooperation of the Lukashenko regime with the Russian-occupied territ
 Lukashenko regime's cooperation with the Russian-occupied territories" \
	"S sorts by date, newest first (2025-12-07, 2024, 2023-09-22, then undated by title)"
contains "$(status)" "Sorted by date" "the status line names the order"
contains "$(status)" "3/5" "the selection stays on the same article"
tm_keys j; tm_settle
contains "$(status)" "Library · by date" "the order stays in the status line"
tm_keys S S S; tm_settle
contains "$(status)" "Sorted by title" "S cycles through progress and recently read back to title"

# / filters by the fold key (case ignored).
tm_keys / ; tm_wait "Filter:" 20
tm_keys "LUKASHENKO REGIME" Enter; tm_settle
is "$(titles)" " Cooperation of the Lukashenko regime with the Russian-occupied territ
 Lukashenko regime's cooperation with the Russian-occupied territories" \
	"an upper-case filter keeps the two rows that contain it"
contains "$(status)" "/LUKASHENKO REGIME  1/2" "the filter and the count in the status line"
# ] and [ in an article opened from a filtered list go through the filter's rows.
tm_keys Enter; tm_wait "[1/2]"; ok $? "an article opened from the filtered list: one of the two"
tm_keys "]"; tm_wait "[2/2]"; ok $? "] goes to the other row the filter shows"
contains "$(status)" "Lukashenko regime's cooperation" "the second filtered article, not the second of the library"
tm_keys q; tm_wait "/LUKASHENKO REGIME"; ok $? "q returns to the filtered list"
tm_keys Escape; tm_settle
is "$(titles | wc -l | tr -d ' ')" "5" "Esc clears the filter"

# Enter opens the selected article; q comes back to the same row, its progress read again.
tm_keys g j j; tm_settle
contains "$(status)" "3/5" "the third row is selected"
tm_keys Enter; tm_wait "[3/5]"; ok $? "Enter opens the article (the list's articles are the pager's files)"
contains "$(status)" "Cooperation of the Lukashenko regime" "the pager shows the selected article"
tm_keys 5 0 %; tm_settle
pct=$(status | sed 's/.* \([0-9]*%\)$/\1/')
tm_keys q; tm_wait "Library · by title"; ok $? "q in the pager returns to the library"
tm_settle
contains "$(status)" "3/5" "at the same row"
is "$(tm_row 3 | sed 's/  */ /g')" " Cooperation of the Lukashenko regime with the Russian-occupied territ 2124 w 64%" \
	"the row's reading progress is read again: the furthest point on screen (64%)"
is "$pct" "64%" "the pager's status line said the same when it quit"
tm_keys Enter; tm_wait "[3/5]"
tm_keys g; tm_settle
tm_keys q; tm_wait "Library · by title"; tm_settle
is "$(tm_row 3 | sed 's/  */ /g')" " Cooperation of the Lukashenko regime with the Russian-occupied territ 2124 w 64%" \
	"progress does not go down when the reader goes back (the furthest point read)"
tm_keys Enter; tm_wait "[3/5]"
tm_keys G; tm_wait "END"
tm_keys 5 0 %; tm_settle
tm_keys q; tm_wait "Library · by title"; tm_settle
is "$(tm_row 3 | sed 's/  */ /g')" " Cooperation of the Lukashenko regime with the Russian-occupied territ 2124 w 100%" \
	"once the end was on screen (G) the progress is 100%"
tm_keys Enter; tm_wait "[3/5]"; tm_settle
is "$(status | sed 's/.* \([0-9]*%\)$/\1/')" "$pct" "the pager reopens where the reader left (50%), not at the furthest point"
tm_keys q; tm_wait "Library · by title"; tm_settle
tm_keys S S; tm_settle
is "$(titles | head -n 1)" " Cooperation of the Lukashenko regime with the Russian-occupied territ" \
	"sorted by progress, the article read comes first"
tm_keys S; tm_settle
contains "$(status)" "Sorted by recently read" "then by recently read"
is "$(titles | head -n 1)" " Cooperation of the Lukashenko regime with the Russian-occupied territ" \
	"the article just read comes first"
tm_keys S; tm_settle

# F: the library search.
tm_keys F; tm_wait "Search the library:" 20; ok $? "F asks for a query"
tm_keys '"abc' Enter; tm_settle
contains "$(status)" "search: a quoted phrase is not closed" "a malformed query: the catalog's message in the status line"
contains "$(status)" "3/5" "and the library stays"
tm_keys F; tm_wait "Search the library:" 20
tm_keys "ВОЕННОЕ" Enter; tm_wait "Search: ВОЕННОЕ"; ok $? "the hits are shown"
is "$(tm_row 1 | sed 's/ *$//')" " Belarusian-Ukrainian Relatio  ¶35, 79%    i “Военное учение Беларуси и России получило название ‘Союзная решимость-2022,’” [the…" \
	"a hit: title, location, snippet"
contains "$(tm -u capture-pane -e -p -t t | sed -n 1p)" "$(printf '\033[30m\033[43mВоенное')" \
	"the match is drawn in the match style in the snippet"
contains "$(status)" "1 hit · ENDNOTES" "the count and the section of the selected hit"
tm_keys Enter; tm_wait "/ВОЕННОЕ"; ok $? "Enter opens the document with the query as its search"
contains "$(tm_row 1)" "ⁱ “Военное учение Беларуси" "at the hit"
contains "$(tm -u capture-pane -e -p -t t | sed -n 1p)" "[1;7mВоенное" "the match is highlighted"
tm_keys n; tm_settle
contains "$(status)" "Search wrapped to the top" "n goes on with the same search"
contains "$(tm_row 1)" "ⁱ “Военное учение Беларуси" "(the only occurrence)"
tm_keys C-o; tm_settle
back=$(tm_capture)
lacks "$back" "ⁱ “Военное учение Беларуси" "^O leaves the hit"
tm_keys g; tm_settle
is "$(tm_capture)" "$back" "for the start of the document, where the pager was before the hit"
tm_keys q; tm_wait "Search: ВОЕННОЕ"; ok $? "q returns to the hits"
tm_keys q; tm_wait "Library · by title"; ok $? "q again returns to the library"
contains "$(status)" "3/5" "at the same row"

# F from the pager; a prefix query.
tm_keys g Enter; tm_wait "[1/5]"
tm_keys F; tm_wait "Search the library:" 20
tm_keys "трилатерал* OR residences" Enter; tm_wait "Search: "; ok $? "F from the pager shows the hits"
contains "$(tm_capture)" "17 known residences" "an OR query finds the English word"
tm_keys Enter; tm_wait "/residences"; ok $? "the pager's search is the term that matched"
contains "$(tm -u capture-pane -e -p -t t)" "[1;7mresidences" "highlighted in the pager"
tm_keys q q; tm_wait "[1/5]"; ok $? "q, q: back to the pager F was pressed in"
tm_keys q; tm_wait "Library · by title"
tm_keys q; tm_wait "EXITED 0"; ok $? "q in the library quits"
tm_kill
is "$($GLOSS library --corpus "$CORPUS" | grep -F cooperation.txt | cut -f6)" "100%" \
	"gloss library agrees with the library view: 100% once the end was on screen"

# gloss DIR: the library of DIR; a Cyrillic title filtered by its fold key.
D="$TEST_TMP/lib"
mkdir -p "$D"
printf 'Новогодняя Ёлка\n\nАвтор: Иван Петров\n\nЁлка стояла на площади, и все её видели.\n' >"$D/elka.txt"
printf 'Winter in Minsk\n\nBy Anna Smith\n\nA short text about the winter in Minsk.\n' >"$D/winter.txt"
tm_start 100 30 xterm-256color "$GLOSS '$D'; echo EXITED \$?"
tm_wait "Новогодняя" 100; ok $? "gloss DIR opens the library of DIR"
tm_settle
is "$(names)" " Winter in Minsk
 Новогодняя Ёлка" "its two articles"
contains "$(tm_row 2)" "Иван Петров" "the Cyrillic author"
tm_keys / ; tm_wait "Filter:" 20
tm_keys "НОВОГОДНЯЯ ЕЛКА" Enter; tm_settle
is "$(names)" " Новогодняя Ёлка" "a Cyrillic filter: case and ё/е ignored"
tm_keys q; tm_wait "EXITED 0"; ok $? "quits"
tm_kill

# Scraped pages: the library and the reader's status line give the same
# title, the article's, not the breadcrumbs or the menu above it.
P="$TEST_TMP/pages"
mkdir -p "$P"
cp "$top_srcdir/tests/data/pages/ru-news.txt" "$top_srcdir/tests/data/pages/be-news.txt" "$P/"
tm_start 160 30 xterm-256color "$GLOSS '$P'; echo EXITED \$?"
tm_wait "Нацыянальная" 100; ok $? "the library of scraped pages"
tm_settle
is "$(names)" " В Минске открыли новый мост через Свислочь
 Нацыянальная бібліятэка адкрыла выставу старадрукаў" "titles from the articles, not the furniture"
tm_keys Enter; tm_wait "[1/2]"
contains "$(status)" " В Минске открыли новый мост через Свислочь " "the status line shows the library's title"
is "$(tm_row 1 | sed 's/^ *//')" "⋯ 12 lines folded" \
	"the menu, breadcrumbs and <title> line fold into one row (the text column is centred)"
is "$(tm_row 3 | sed 's/^ *//')" "В Минске открыли новый мост через Свислочь" "the article's title follows"
tm_keys q; tm_wait "Library · by title"
tm_keys j Enter; tm_wait "[2/2]"
contains "$(status)" " Нацыянальная бібліятэка адкрыла выставу старадрукаў " "and for the Belarusian page"
tm_keys q; tm_wait "Library · by title"
tm_keys q; tm_wait "EXITED 0"; ok $? "quits"
tm_kill

done_testing
