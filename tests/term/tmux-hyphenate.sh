#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-hyphenate.sh — `gloss --hyphenate` in a 20-column terminal: the
# rows show the added hyphens; a word hyphenated on screen is found by
# search, highlighted, copied and exported whole, without the hyphen (the
# database row (its quote, prefix and suffix), tmux's buffer and `gloss
# export`); a search for the word as drawn (with its hyphen) finds nothing;
# without dictionaries the status line says so and the rows are plain.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"
[ -r /usr/share/hyphen/hyph_ru_RU.dic ] || skip_all "hyphen-ru is not installed"
"$GLOSS" dump --hyphenate -w 20 /dev/null 2>&1 | grep -q "built without libhyphen" &&
	skip_all "gloss was built without libhyphen"
unset GLOSS_HYPHEN_DIR || true

doc="$TEST_TMP/doc.txt"
printf 'Заголовок\n\nВчера в Москве обсуждали достопримечательность и сельскохозяйственный вопрос.\n' >"$doc"
sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}

tm_start 20 12 xterm-256color "$GLOSS --hyphenate '$doc'"
tm_wait "вопрос"
is "$(tm_capture | sed -n '3,7p')" "Вчера в Москве
обсуждали до-
стопримечательность
и сельскохозяйствен-
ный вопрос." "the rows show the hyphens added at the line ends"

tm_keys /до-стоп Enter; tm_settle
contains "$(tm_row 12)" "/до-стоп  0" "the word as drawn, hyphen included, is not in the text"
tm_keys Escape; tm_settle
tm_keys /достоп Enter; tm_settle
contains "$(tm_row 12)" "/достоп  1/1" "a search across the hyphenated line end finds the word"
tm_keys v e; tm_settle; tm_keys H; tm_settle
is "$(sql 'select quote || "|" || prefix || "|" || suffix from annotations')" \
	"достопримечательность|ловок

Вчера в Москве обсуждали | и сельскохозяйственный вопрос." \
	"the highlight's row: quote, prefix and suffix without the hyphens"
tm_keys y; tm_wait "Copied"
is "$(tm show-buffer)" "“достопримечательность” — Заголовок ($doc)" "y copies the word without the hyphen"
tm_kill

"$GLOSS" export --no-timestamp >"$TEST_TMP/export.md" 2>"$TEST_TMP/err"
is "$?" 0 "export exits 0"
is "$(grep -c 'достопримечательность' "$TEST_TMP/export.md")" 1 "the export holds the word whole"
lacks "$(cat "$TEST_TMP/export.md")" "до-" "and no hyphen of the screen"
is "$("$GLOSS" dump -w 22 "$doc")" "Заголовок

Вчера в Москве
обсуждали
достопримечательность
и сельскохозяйственный
вопрос." "dump without --hyphenate after all this: no hyphen"

# No dictionary: the reader says so on its status line and wraps as without the option.
mkdir -p "$TEST_TMP/nodicts"
tm_start 100 8 xterm-256color "GLOSS_HYPHEN_DIR='$TEST_TMP/nodicts' $GLOSS --hyphenate '$doc'"
tm_wait "вопрос"
contains "$(tm_row 8)" "hyphenation is unavailable: no hyphenation dictionary found" \
	"without dictionaries the status line says hyphenation is unavailable"
tm_kill
tm_start 20 12 xterm-256color "$GLOSS '$doc'"
tm_wait "вопрос"
plain=$(tm_capture | sed -n '1,10p')
tm_kill
tm_start 20 12 xterm-256color "GLOSS_HYPHEN_DIR='$TEST_TMP/nodicts' $GLOSS --hyphenate '$doc'"
tm_wait "вопрос"
is "$(tm_capture | sed -n '3,7p')" "Вчера в Москве
обсуждали
достопримечательност
ь
и" "without dictionaries: the long word cut at the column, no hyphen"
is "$(tm_capture | sed -n '1,10p')" "$plain" "without dictionaries the rows are those of the plain wrap"
tm_kill

done_testing
